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

/// The questionnaire's layout and the current row's assessment.
#[derive(Debug, Clone)]
pub struct Tally {
    /// Per question: its theme, weight and MIL (0 for none), side by side for the one pass.
    layout: Vec<(usize, f64, u8)>,
    theme_weight: Vec<f64>,
    theme_mil: Vec<bool>,
    sums: Vec<(f64, f64)>,
    /// Per theme: whether every MIL-1 practice is achieved, and (achieved, total) at MIL 2 and 3.
    mil_levels: Vec<(bool, [(usize, usize); 2])>,
    /// The row's outcomes are written into `assessment.questions`; [`Tally::compute`] fills the rest.
    pub assessment: Assessment,
}

impl Tally {
    pub fn new(q: &Questionnaire) -> Tally {
        Tally {
            layout: q.questions.iter().map(|question| (question.theme, question.weight, question.mil.unwrap_or(0))).collect(),
            theme_weight: q.themes.iter().map(|theme| theme.weight).collect(),
            theme_mil: q.themes.iter().map(|theme| theme.mil).collect(),
            sums: vec![(0.0, 0.0); q.themes.len()],
            mil_levels: vec![(true, [(0, 0); 2]); q.themes.len()],
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

    /// Computes theme scores, counts, MILs, the overall index and completeness from the outcomes.
    pub fn compute(&mut self) {
        for (sum, theme) in self.sums.iter_mut().zip(&mut self.assessment.themes) {
            *sum = (0.0, 0.0);
            theme.counts = Counts::default();
        }
        for levels in &mut self.mil_levels {
            *levels = (true, [(0, 0); 2]);
        }
        let (mut scored, mut answered) = (0usize, 0usize);
        let Assessment { questions, themes, .. } = &mut self.assessment;
        for (&(theme, weight, mil), outcome) in self.layout.iter().zip(questions.iter()) {
            let counts = &mut themes[theme].counts;
            match outcome {
                Outcome::Scored(_) => counts.answered += 1,
                Outcome::NotApplicable => counts.na += 1,
                Outcome::DontKnow => counts.dk += 1,
                Outcome::Unanswered => counts.unanswered += 1,
                Outcome::Unscored => continue,
            }
            scored += 1;
            if !matches!(outcome, Outcome::Unanswered) {
                answered += 1;
            }
            let counted = outcome.counted();
            if let Some(score) = counted {
                let sum = &mut self.sums[theme];
                sum.0 += weight * score;
                sum.1 += weight;
            }
            if mil > 0 && *outcome != Outcome::NotApplicable {
                let achieved = counted.is_some_and(|s| s >= MIL_ACHIEVED - EPSILON);
                let levels = &mut self.mil_levels[theme];
                match mil {
                    1 => levels.0 &= achieved,
                    2 | 3 => {
                        let pair = &mut levels.1[usize::from(mil) - 2];
                        pair.0 += usize::from(achieved);
                        pair.1 += 1;
                    }
                    _ => {}
                }
            }
        }
        let (mut weighted, mut weights) = (0.0, 0.0);
        for (t, theme) in self.assessment.themes.iter_mut().enumerate() {
            let (sum, total) = self.sums[t];
            theme.score = (total > 0.0).then(|| 100.0 * sum / total);
            theme.mil = self.theme_mil[t].then(|| {
                let (first, higher) = self.mil_levels[t];
                if !first {
                    return 0;
                }
                let mut reached = 1;
                for (level, (achieved, total)) in (2u8..=3).zip(higher) {
                    if achieved * 2 > total {
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
        self.assessment.completeness = if scored == 0 { 0.0 } else { answered as f64 / scored as f64 };
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
