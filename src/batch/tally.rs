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

/// One theme's running sums within a row.
#[derive(Debug, Clone, Copy, Default)]
struct ThemeSums {
    weighted: f64,
    weights: f64,
    counts: Counts,
    /// At MIL 1, 2 and 3 (index 0 counts questions without a MIL, and is not read): practices achieved,
    /// and practices answered "na". Indexed by the MIL itself, so that adding needs no branch.
    achieved: [usize; 4],
    na: [usize; 4],
}

/// The questionnaire's layout and the current row's assessment.
///
/// Outcomes are added one by one ([`Tally::add_at`] and [`Tally::add_scored_at`], in questionnaire order, so that the sums are taken in the
/// order `assess_outcomes` takes them), then [`Tally::finish`] computes the rest; what was not added is
/// unanswered. [`Tally::compute`] does all three from `assessment.questions`.
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

    /// Records a question's outcome and adds it to its theme, given the question's layout (which the caller
    /// holds at hand).
    #[expect(clippy::inline_always, reason = "called for every cell of a batch")]
    #[inline(always)]
    pub fn add_at(&mut self, question: usize, theme: usize, weight: f64, mil: u8, outcome: Outcome) {
        if let Some(slot) = self.assessment.questions.get_mut(question) {
            *slot = outcome;
        }
        if let Some(sums) = self.sums.get_mut(theme) {
            add_to(sums, weight, mil, outcome);
        }
    }

    /// [`Tally::add_at`] for a scored answer, with `weight * score` computed beforehand.
    #[expect(clippy::inline_always, reason = "called for nearly every cell of a batch")]
    #[inline(always)]
    pub fn add_scored_at(&mut self, question: usize, theme: usize, weight: f64, mil: u8, score: f64, weighted: f64) {
        if let Some(slot) = self.assessment.questions.get_mut(question) {
            *slot = Outcome::Scored(score);
        }
        if let Some(sums) = self.sums.get_mut(theme) {
            add_scored_to(sums, weight, mil, score, weighted);
        }
    }

    /// Adds one question's outcome. Unanswered and unscored ones need not be added.
    #[expect(clippy::inline_always, reason = "called for every cell of a batch; measured 10 % faster inlined")]
    #[inline(always)]
    fn add(&mut self, question: usize, outcome: Outcome) {
        let Some(&(theme, weight, mil)) = self.layout.get(question) else { return };
        let Some(sums) = self.sums.get_mut(theme) else { return };
        add_to(sums, weight, mil, outcome);
    }

    /// Records a question's outcome without adding it: for [`Tally::compute`].
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
            let mut counts = sums.counts;
            answered += counts.answered + counts.na + counts.dk;
            counts.unanswered = self.theme_scored[t].saturating_sub(counts.answered + counts.na + counts.dk);
            theme.counts = counts;
            theme.score = (sums.weights > 0.0).then(|| 100.0 * sums.weighted / sums.weights);
            let practices = self.theme_practices[t];
            theme.mil = self.theme_mil[t].then(|| {
                // "na" practices are left out; unanswered and "dk" ones are not achieved.
                let counted = |level: usize| practices[level].saturating_sub(sums.na[level + 1]);
                if sums.achieved[1] < counted(0) {
                    return 0;
                }
                let mut reached = 1;
                for level in 2u8..=3 {
                    let index = usize::from(level) - 1;
                    if sums.achieved[index + 1] * 2 > counted(index) {
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

/// Adds an outcome to a theme's sums.
#[expect(clippy::inline_always, reason = "called for every cell of a batch")]
#[inline(always)]
fn add_to(sums: &mut ThemeSums, weight: f64, mil: u8, outcome: Outcome) {
    let score = match outcome {
        Outcome::Scored(score) => {
            sums.counts.answered += 1;
            score
        }
        Outcome::DontKnow => {
            sums.counts.dk += 1;
            0.0
        }
        Outcome::NotApplicable => {
            sums.counts.na += 1;
            sums.na[usize::from(mil & 3)] += 1;
            return;
        }
        Outcome::Unanswered | Outcome::Unscored => return,
    };
    sums.weighted += weight * score;
    sums.weights += weight;
    sums.achieved[usize::from(mil & 3)] += usize::from(score >= MIL_ACHIEVED - EPSILON);
}

/// Adds a scored answer whose `weight * score` was computed beforehand (the same product, so the same
/// sums): [`add_to`] for the common cell, without the match.
#[expect(clippy::inline_always, reason = "called for nearly every cell of a batch")]
#[inline(always)]
fn add_scored_to(sums: &mut ThemeSums, weight: f64, mil: u8, score: f64, weighted: f64) {
    sums.counts.answered += 1;
    sums.weighted += weighted;
    sums.weights += weight;
    sums.achieved[usize::from(mil & 3)] += usize::from(score >= MIL_ACHIEVED - EPSILON);
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
