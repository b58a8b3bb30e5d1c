//! The roadmap (pure): which next steps would raise the overall index most (DESIGN.md §4).
//!
//! For every counted question below full score, the potential gain is the number of index points the
//! overall index would rise by if that question were fully in place:
//! `100 · (W / ΣW) · (w / Σw) · (1 − s)`, with ΣW over the themes that have a score and Σw over the counted
//! questions of the question's theme. Steps are ordered by gain (descending), then lower score, then
//! questionnaire order.

use crate::questionnaire::Questionnaire;

/// One step of the roadmap.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Index into the questionnaire's questions.
    pub question: usize,
    /// Index points the overall index would gain.
    pub gain: f64,
    /// The question's current score, 0..1.
    pub score: f64,
    /// The answer was "don't know": the first step is to find out the current state.
    pub dont_know: bool,
}

/// Gains equal to this many decimals are ties, so that float noise (25 computed as 24.999999999999996)
/// does not decide the order; the integer keys keep the sort a total order.
const GAIN_DECIMALS: f64 = 1e9;
const SCORE_DECIMALS: f64 = 1e12;

/// The roadmap from per-question counted scores (`None` = not counted: na, unanswered, text).
/// `dont_know[i]` marks questions answered "dk".
pub fn roadmap(q: &Questionnaire, scores: &[Option<f64>], dont_know: &[bool]) -> Vec<Step> {
    let theme_weight: Vec<f64> = q
        .themes
        .iter()
        .enumerate()
        .map(|(t, _)| {
            q.questions
                .iter()
                .zip(scores)
                .filter(|(question, s)| question.theme == t && s.is_some())
                .map(|(question, _)| question.weight)
                .sum()
        })
        .collect();
    let total_theme_weight: f64 =
        q.themes.iter().zip(&theme_weight).filter(|(_, w)| **w > 0.0).map(|(theme, _)| theme.weight).sum();
    if total_theme_weight <= 0.0 {
        return Vec::new();
    }
    let mut steps: Vec<Step> = q
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, question)| {
            let score = scores.get(i).copied().flatten()?;
            if score >= 1.0 {
                return None;
            }
            let theme = &q.themes[question.theme];
            let gain = 100.0 * theme.weight * question.weight * (1.0 - score)
                / (total_theme_weight * theme_weight[question.theme]);
            Some(Step { question: i, gain, score, dont_know: dont_know.get(i).copied().unwrap_or(false) })
        })
        .collect();
    steps.sort_by_key(|step| {
        (
            std::cmp::Reverse((step.gain * GAIN_DECIMALS).round() as i64),
            (step.score * SCORE_DECIMALS).round() as i64,
            step.question,
        )
    });
    steps
}

/// The roadmap of one respondent's assessment.
pub fn of_assessment(q: &Questionnaire, assessment: &crate::scoring::Assessment) -> Vec<Step> {
    let scores: Vec<Option<f64>> = assessment.questions.iter().map(|o| o.counted()).collect();
    let dont_know: Vec<bool> = assessment.questions.iter().map(|o| *o == crate::scoring::Outcome::DontKnow).collect();
    roadmap(q, &scores, &dont_know)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer::*, AnswerSheet};
    use crate::questionnaire::fixtures::small;
    use crate::scoring::assess;

    fn steps(answers: &[(&str, crate::answers::Answer)]) -> Vec<(String, f64)> {
        let q = small();
        let sheet = AnswerSheet {
            answers: answers.iter().map(|(id, a)| ((*id).to_string(), a.clone())).collect(),
            ..AnswerSheet::default()
        };
        of_assessment(&q, &assess(&q, &sheet))
            .into_iter()
            .map(|s| (q.questions[s.question].id.clone(), s.gain))
            .collect()
    }

    #[test]
    fn gain_is_the_index_points_a_full_answer_would_add() {
        // Theme a (W 2): level 2/4 (w 2), choice "some" 0.25 (w 1). Theme t (W 1): yes (w 1).
        // ΣW = 3; Σw(a) = 3. level: 100·(2/3)·(2/3)·0.5 = 22.2; choice: 100·(2/3)·(1/3)·0.75 = 16.7.
        let s = steps(&[("a.level", Level(2)), ("a.choice", Choice("some".into())), ("t.yes", YesNo(true))]);
        assert_eq!(s.len(), 2, "a question at full score is no step");
        assert_eq!(s[0].0, "a.level");
        assert!((s[0].1 - 200.0 / 9.0).abs() < 1e-9);
        assert!((s[1].1 - 50.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn ties_go_to_the_lower_score_then_to_questionnaire_order() {
        // Theme a: level 2/4 (w 2) gain ∝ 2·0.5 = 1; choice "no" 0 (w 1) gain ∝ 1; number 0 (w 1) gain ∝ 1.
        let s = steps(&[("a.level", Level(2)), ("a.choice", Choice("no".into())), ("a.number", Number(0.0))]);
        let order: Vec<&str> = s.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(order, ["a.choice", "a.number", "a.level"]);
        assert!((s[0].1 - s[2].1).abs() < 1e-9);
    }

    #[test]
    fn dont_know_is_a_step_and_na_is_not() {
        let q = small();
        let sheet = AnswerSheet {
            answers: [("t.yes".to_string(), DontKnow), ("t.two".to_string(), NotApplicable)].into_iter().collect(),
            ..AnswerSheet::default()
        };
        let roadmap = of_assessment(&q, &assess(&q, &sheet));
        assert_eq!(roadmap.len(), 1);
        assert!(roadmap[0].dont_know);
        assert!((roadmap[0].gain - 100.0).abs() < 1e-9);
    }

    #[test]
    fn nothing_counted_means_no_roadmap() {
        assert!(steps(&[("a.level", NotApplicable)]).is_empty());
    }
}
