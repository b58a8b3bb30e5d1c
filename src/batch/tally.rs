//! One row's assessment, fast: [`crate::scoring::assess_outcomes`] in a single pass over the questions,
//! into buffers that are reused from row to row.
//!
//! `assess_outcomes` walks the questions once per theme and allocates its result; at a million rows that is
//! most of the time a batch takes. This computes the same numbers, with the same floating-point operations in
//! the same order, so that they are equal to the last bit (a property test checks it against the reference).

use crate::questionnaire::Questionnaire;
use crate::scoring::{Assessment, Counts, MIL_ACHIEVED, Outcome, ThemeResult};

/// The slack `scoring` compares MIL scores with.
const EPSILON: f64 = 1e-9;

/// One theme's running sums within a row. A caller adding many cells of one theme takes them out
/// ([`Tally::sums`]), adds to them as a local value, which stays in registers, and puts them back
/// ([`Tally::put_sums`]): kept in memory, each addition would wait for the previous one to be stored and
/// read back.
#[derive(Debug, Clone, Copy, Default)]
pub struct ThemeSums {
    weighted: f64,
    weights: f64,
    /// Questions answered, "dk" and "na", in [`COUNT_BITS`]-bit lanes of one number.
    counts: u64,
    /// Practices achieved at MIL 1, 2 and 3, then practices answered "na" at MIL 1, 2 and 3, in lanes.
    practices: u128,
}

/// The width of a count's lane in [`ThemeSums`]: packed, an answer's counts add in one step and without
/// a branch. A count never exceeds the questions of one questionnaire, and the largest questionnaire
/// accepted (4 MiB, with at least 40 bytes to a question) holds far fewer than 2^21.
const COUNT_BITS: u32 = 21;
const COUNT_MASK: u64 = (1 << COUNT_BITS) - 1;
const _: () = assert!(crate::input::QUESTIONNAIRE_LIMIT / 40 < 1 << COUNT_BITS);

/// The count in lane `lane` of packed counts.
fn count(packed: u128, lane: u32) -> usize {
    ((packed >> (COUNT_BITS * lane)) as u64 & COUNT_MASK) as usize
}

/// All that one answer adds to its theme's sums and records for its question, worked out beforehand, so
/// that adding it is the same few additions whatever the answer was.
///
/// The sums are the reference's to the last bit: a scored or "dk" answer adds the same products as
/// [`crate::scoring::assess_outcomes`] does; "na" and no answer add `0.0`, which leaves a sum as it was
/// (a sum that starts at `0.0` never becomes `-0.0`, the one value adding `0.0` would change).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effect {
    pub outcome: Outcome,
    weighted: f64,
    weight: f64,
    counts: u64,
    practices: u128,
}

impl Effect {
    /// The effect's exact bits, to tell equal effects apart from different ones (`==` on floating point
    /// would take `-0.0` for `0.0`).
    pub fn bits(&self) -> (u8, u64, u64, u64, u64, u128) {
        let (tag, score) = match self.outcome {
            Outcome::Scored(score) => (0, score.to_bits()),
            Outcome::DontKnow => (1, 0),
            Outcome::NotApplicable => (2, 0),
            Outcome::Unanswered => (3, 0),
            Outcome::Unscored => (4, 0),
        };
        (tag, score, self.weighted.to_bits(), self.weight.to_bits(), self.counts, self.practices)
    }

    /// The effect of `outcome` for a question of this weight and MIL (0 for none).
    pub fn of(outcome: Outcome, weight: f64, mil: u8) -> Effect {
        match outcome {
            Outcome::Scored(score) => Effect::scored(score, weight * score, weight, mil),
            Outcome::DontKnow => {
                Effect { outcome, weighted: weight * 0.0, weight, counts: 1 << COUNT_BITS, practices: 0 }
            }
            Outcome::NotApplicable => Effect {
                outcome,
                weighted: 0.0,
                weight: 0.0,
                counts: 1 << (2 * COUNT_BITS),
                practices: practice(mil, 3),
            },
            Outcome::Unanswered | Outcome::Unscored => {
                Effect { outcome, weighted: 0.0, weight: 0.0, counts: 0, practices: 0 }
            }
        }
    }

    /// A scored answer's effect, with `weight * score` computed beforehand.
    pub fn scored(score: f64, weighted: f64, weight: f64, mil: u8) -> Effect {
        Effect { outcome: Outcome::Scored(score), weighted, weight, counts: 1, practices: achieved(score, mil) }
    }
}

/// One in the lane of MIL `mil` (none for 0), from lane `from` on.
fn practice(mil: u8, from: u32) -> u128 {
    match mil {
        1..=3 => 1 << (COUNT_BITS * (from + u32::from(mil) - 1)),
        _ => 0,
    }
}

/// One in the lane of MIL `mil` when the score achieves the practice.
pub fn achieved(score: f64, mil: u8) -> u128 {
    if score >= MIL_ACHIEVED - EPSILON { practice(mil, 0) } else { 0 }
}

/// The questionnaire's layout and the current row's assessment.
///
/// Outcomes are recorded ([`Tally::record`]) and their effects added to their themes' sums
/// ([`Tally::sums`], [`ThemeSums::add`], [`Tally::put_sums`]) one by one in questionnaire order, so that the
/// sums are taken in the order `assess_outcomes` takes them; then [`Tally::finish`] computes the rest. What
/// was not added is unanswered. [`Tally::compute`] does all three from `assessment.questions`.
#[derive(Debug, Clone)]
pub struct Tally {
    /// Per question: its theme, weight and MIL (0 for none), side by side for the one pass.
    layout: Vec<(usize, f64, u8)>,
    theme_weight: Vec<f64>,
    theme_mil: Vec<bool>,
    /// Per theme: how many scored questions it has, and how many practices at MIL 1, 2 and 3.
    theme_scored: Vec<usize>,
    theme_practices: Vec<[usize; 3]>,
    scored: usize,
    sums: Vec<ThemeSums>,
    /// The row's outcomes, index-aligned with the questions, and after [`Tally::finish`] the rest.
    pub assessment: Assessment,
}

impl Tally {
    pub fn new(q: &Questionnaire) -> Tally {
        let mut theme_scored = vec![0; q.themes.len()];
        let mut theme_practices = vec![[0; 3]; q.themes.len()];
        for question in &q.questions {
            if question.kind.is_scored() {
                theme_scored[question.theme] += 1;
            }
            if let Some(level @ 1..=3) = question.mil {
                theme_practices[question.theme][usize::from(level) - 1] += 1;
            }
        }
        Tally {
            layout: q
                .questions
                .iter()
                .map(|question| {
                    (question.theme, question.weight, question.mil.filter(|m| (1..=3).contains(m)).unwrap_or(0))
                })
                .collect(),
            theme_weight: q.themes.iter().map(|theme| theme.weight).collect(),
            theme_mil: q.themes.iter().map(|theme| theme.mil).collect(),
            scored: theme_scored.iter().sum(),
            theme_scored,
            theme_practices,
            sums: vec![ThemeSums::default(); q.themes.len()],
            assessment: Assessment {
                questions: q
                    .questions
                    .iter()
                    .map(|question| if question.kind.is_scored() { Outcome::Unanswered } else { Outcome::Unscored })
                    .collect(),
                themes: vec![ThemeResult { score: None, counts: Counts::default(), mil: None }; q.themes.len()],
                overall: None,
                completeness: 0.0,
            },
        }
    }

    /// Starts a row: nothing added yet.
    pub fn begin(&mut self) {
        self.sums.fill(ThemeSums::default());
    }

    /// A theme's sums so far (nothing for a theme out of range, which then adds to nothing).
    #[expect(clippy::inline_always, reason = "called for every run of cells of a batch")]
    #[inline(always)]
    pub fn sums(&self, theme: usize) -> ThemeSums {
        self.sums.get(theme).copied().unwrap_or_default()
    }

    /// Puts back a theme's sums taken out with [`Tally::sums`].
    #[expect(clippy::inline_always, reason = "called for every run of cells of a batch")]
    #[inline(always)]
    pub fn put_sums(&mut self, theme: usize, sums: ThemeSums) {
        if let Some(slot) = self.sums.get_mut(theme) {
            *slot = sums;
        }
    }

    /// Adds one question's outcome. Unanswered and unscored ones need not be added.
    #[expect(clippy::inline_always, reason = "called for every cell of a batch; measured 10 % faster inlined")]
    #[inline(always)]
    fn add(&mut self, question: usize, outcome: Outcome) {
        let Some(&(theme, weight, mil)) = self.layout.get(question) else { return };
        if matches!(outcome, Outcome::Unanswered | Outcome::Unscored) {
            return;
        }
        if let Some(sums) = self.sums.get_mut(theme) {
            sums.add(&Effect::of(outcome, weight, mil));
        }
    }

    /// Records a question's outcome without adding it: for [`Tally::compute`], and for a caller that adds
    /// its effect to the theme's sums itself.
    #[expect(clippy::inline_always, reason = "called for every cell of a batch")]
    #[inline(always)]
    pub fn record(&mut self, question: usize, outcome: Outcome) {
        if let Some(slot) = self.assessment.questions.get_mut(question) {
            *slot = outcome;
        }
    }

    /// Computes theme scores, counts, MILs, the overall index and completeness from what was added.
    pub fn finish(&mut self) {
        let (mut weighted, mut weights) = (0.0, 0.0);
        let mut answered = 0;
        for (t, (theme, sums)) in self.assessment.themes.iter_mut().zip(&self.sums).enumerate() {
            let packed = u128::from(sums.counts);
            let mut counts =
                Counts { answered: count(packed, 0), dk: count(packed, 1), na: count(packed, 2), unanswered: 0 };
            answered += counts.answered + counts.na + counts.dk;
            counts.unanswered = self.theme_scored[t].saturating_sub(counts.answered + counts.na + counts.dk);
            theme.counts = counts;
            theme.score = (sums.weights > 0.0).then(|| 100.0 * sums.weighted / sums.weights);
            let practices = self.theme_practices[t];
            theme.mil = self.theme_mil[t].then(|| {
                // "na" practices are left out; unanswered and "dk" ones are not achieved.
                // Lanes 0–2 hold the practices achieved at MIL 1–3, lanes 3–5 those answered "na".
                let achieved = |level: usize| count(sums.practices, level as u32);
                let counted = |level: usize| practices[level].saturating_sub(count(sums.practices, 3 + level as u32));
                if achieved(0) < counted(0) {
                    return 0;
                }
                let mut reached = 1;
                for level in 2u8..=3 {
                    let index = usize::from(level) - 1;
                    if achieved(index) * 2 > counted(index) {
                        reached = level;
                    } else {
                        break;
                    }
                }
                reached
            });
            if let Some(score) = theme.score {
                weighted += self.theme_weight[t] * score;
                weights += self.theme_weight[t];
            }
        }
        self.assessment.overall = (weights > 0.0).then(|| weighted / weights);
        self.assessment.completeness = if self.scored == 0 { 0.0 } else { answered as f64 / self.scored as f64 };
    }

    /// The whole row from `assessment.questions`.
    pub fn compute(&mut self) {
        self.begin();
        for question in 0..self.assessment.questions.len() {
            let outcome = self.assessment.questions[question];
            self.add(question, outcome);
        }
        self.finish();
    }
}

impl ThemeSums {
    /// Adds an answer's effect (its outcome is recorded apart, with [`Tally::record`]).
    #[expect(clippy::inline_always, reason = "called for every cell of a batch")]
    #[inline(always)]
    pub fn add(&mut self, effect: &Effect) {
        self.add_parts(effect.weighted, effect.weight, effect.counts, effect.practices);
    }

    /// [`ThemeSums::add`] of [`Effect::scored`], given its `weighted` and `practices`: for the most common
    /// cell, a level's digit, whose effect is not stored whole.
    #[expect(clippy::inline_always, reason = "called for nearly every cell of a batch")]
    #[inline(always)]
    pub fn add_scored(&mut self, weight: f64, weighted: f64, practices: u128) {
        self.add_parts(weighted, weight, 1, practices);
    }

    #[expect(clippy::inline_always, reason = "called for every cell of a batch")]
    #[inline(always)]
    fn add_parts(&mut self, weighted: f64, weight: f64, counts: u64, practices: u128) {
        self.weighted += weighted;
        self.weights += weight;
        self.counts += counts;
        self.practices += practices;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;
    use crate::scoring::assess_outcomes;
    use proptest::prelude::*;

    fn outcome() -> impl Strategy<Value = Outcome> {
        prop_oneof![
            (0.0..=1.0f64).prop_map(Outcome::Scored),
            Just(Outcome::Scored(0.75)),
            Just(Outcome::Scored(1.0)),
            Just(Outcome::DontKnow),
            Just(Outcome::NotApplicable),
            Just(Outcome::Unanswered),
        ]
    }

    proptest! {
        #[test]
        fn equals_the_reference_assessment_to_the_last_bit(outcomes in proptest::collection::vec(outcome(), 8)) {
            let q = small();
            let outcomes: Vec<Outcome> = q
                .questions
                .iter()
                .zip(outcomes)
                .map(|(question, o)| if question.kind.is_scored() { o } else { Outcome::Unscored })
                .collect();
            let mut tally = Tally::new(&q);
            // A row before leaves nothing behind.
            tally.assessment.questions.fill(Outcome::Scored(1.0));
            tally.compute();
            tally.assessment.questions.clone_from(&outcomes);
            tally.compute();
            prop_assert_eq!(&tally.assessment, &assess_outcomes(&q, outcomes));
        }
    }
}
