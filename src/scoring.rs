//! Scoring, exactly as DESIGN.md §4 says (pure): questionnaire × answers → [`Assessment`].
//!
//! Per question a score in 0..=1; per theme the weighted mean × 100 over the counted questions, or no
//! score when nothing counts (never 0); the overall index as the theme-weighted mean of the themes that have
//! a score; bands; completeness; and the maturity indicator level of themes that ask for one. Grouping of
//! several respondents is [`group`]. Nothing here reads files, formats text or knows about languages.

use crate::answers::{Answer, AnswerSheet};
use crate::questionnaire::{Kind, Question, Questionnaire};

/// A practice counts as achieved for the MIL at this score ("largely in place", level 3 of 4).
pub const MIL_ACHIEVED: f64 = 0.75;

/// Scores computed in floating point are compared with this slack, so that 3/4 reached as 0.1 + 0.65
/// (and the like) is not treated differently from an exact 0.75.
const EPSILON: f64 = 1e-9;

/// Whether a practice with this counted score is achieved for the MIL (s ≥ 0.75, with float slack).
pub fn is_achieved(score: f64) -> bool {
    score >= MIL_ACHIEVED - EPSILON
}

/// What became of one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// Answered; the score in 0..=1.
    Scored(f64),
    /// "dk": counts with score 0.
    DontKnow,
    /// "na": left out.
    NotApplicable,
    /// No answer: left out, and lowers completeness.
    Unanswered,
    /// A text question: never scored.
    Unscored,
}

impl Outcome {
    /// The score that counts in the theme, if the question counts at all.
    pub fn counted(self) -> Option<f64> {
        match self {
            Outcome::Scored(score) => Some(score),
            Outcome::DontKnow => Some(0.0),
            _ => None,
        }
    }
}

/// How a theme's scored questions were answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    pub answered: usize,
    pub na: usize,
    pub dk: usize,
    pub unanswered: usize,
}

impl Counts {
    fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Scored(_) => self.answered += 1,
            Outcome::NotApplicable => self.na += 1,
            Outcome::DontKnow => self.dk += 1,
            Outcome::Unanswered => self.unanswered += 1,
            Outcome::Unscored => {}
        }
    }

    pub fn total(&self) -> usize {
        self.answered + self.na + self.dk + self.unanswered
    }

    #[must_use]
    pub fn plus(self, other: Counts) -> Counts {
        Counts {
            answered: self.answered + other.answered,
            na: self.na + other.na,
            dk: self.dk + other.dk,
            unanswered: self.unanswered + other.unanswered,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeResult {
    /// 0–100, or `None` when no question of the theme counts.
    pub score: Option<f64>,
    pub counts: Counts,
    /// The maturity indicator level 0–3, for themes with `mil = true`.
    pub mil: Option<u8>,
}

/// The result of one respondent: per question, per theme, overall.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// Index-aligned with the questionnaire's questions.
    pub questions: Vec<Outcome>,
    /// Index-aligned with the questionnaire's themes.
    pub themes: Vec<ThemeResult>,
    pub overall: Option<f64>,
    /// Answered scored questions ("na" and "dk" included) / all scored questions.
    pub completeness: f64,
}

/// The score of an answer to a question, in 0..=1; `None` for answers that are not scored (text, na).
pub fn question_score(q: &Questionnaire, question: &Question, answer: &Answer) -> Option<f64> {
    match (&question.kind, answer) {
        (Kind::Level { .. }, Answer::Level(level)) => Some(f64::from(*level) / f64::from(q.scale.max)),
        (Kind::Choice { options }, Answer::Choice(id)) => {
            let best = options.iter().map(|o| o.points).fold(0.0_f64, f64::max);
            let points = options.iter().find(|o| o.id == *id)?.points;
            Some(points / best)
        }
        (Kind::Multi { options, max_points }, Answer::Multi(ids)) => {
            // `sum` of no floats is -0.0, which would reach the report as "score": -0.0.
            let sum: f64 = options.iter().filter(|o| ids.contains(&o.id)).map(|o| o.points).fold(0.0, |a, b| a + b);
            Some((sum / max_points).min(1.0))
        }
        (Kind::YesNo, Answer::YesNo(yes)) => Some(if *yes { 1.0 } else { 0.0 }),
        (Kind::Number { bands, .. }, Answer::Number(value)) => {
            Some(bands.iter().rev().find(|band| band.min <= *value).map_or(0.0, |band| band.score))
        }
        (_, Answer::DontKnow) => Some(0.0),
        _ => None,
    }
}

/// The outcome of one question given the sheet.
pub fn outcome(q: &Questionnaire, question: &Question, answer: Option<&Answer>) -> Outcome {
    if !question.kind.is_scored() {
        return Outcome::Unscored;
    }
    match answer {
        None => Outcome::Unanswered,
        Some(Answer::NotApplicable) => Outcome::NotApplicable,
        Some(Answer::DontKnow) => Outcome::DontKnow,
        // A value that does not fit the kind cannot reach here (sheets are checked); treat it as unanswered.
        Some(answer) => question_score(q, question, answer).map_or(Outcome::Unanswered, Outcome::Scored),
    }
}

/// Scores one respondent's sheet.
pub fn assess(q: &Questionnaire, sheet: &AnswerSheet) -> Assessment {
    let questions: Vec<Outcome> =
        q.questions.iter().map(|question| outcome(q, question, sheet.answers.get(&question.id))).collect();
    assess_outcomes(q, questions)
}

/// Theme scores, overall index, completeness and MIL from per-question outcomes.
pub fn assess_outcomes(q: &Questionnaire, questions: Vec<Outcome>) -> Assessment {
    let themes: Vec<ThemeResult> = q
        .themes
        .iter()
        .enumerate()
        .map(|(index, theme)| {
            let mut counts = Counts::default();
            let (mut weighted, mut weights) = (0.0, 0.0);
            for (question, outcome) in
                q.questions.iter().zip(&questions).filter(|(question, _)| question.theme == index)
            {
                counts.add(*outcome);
                if let Some(score) = outcome.counted() {
                    weighted += question.weight * score;
                    weights += question.weight;
                }
            }
            ThemeResult {
                score: (weights > 0.0).then(|| 100.0 * weighted / weights),
                counts,
                mil: theme.mil.then(|| mil(q, index, &questions)),
            }
        })
        .collect();

    let (mut weighted, mut weights) = (0.0, 0.0);
    for (theme, result) in q.themes.iter().zip(&themes) {
        if let Some(score) = result.score {
            weighted += theme.weight * score;
            weights += theme.weight;
        }
    }
    let overall = (weights > 0.0).then(|| weighted / weights);

    let scored = questions.iter().filter(|o| **o != Outcome::Unscored).count();
    let answered = questions
        .iter()
        .filter(|o| matches!(o, Outcome::Scored(_) | Outcome::DontKnow | Outcome::NotApplicable))
        .count();
    let completeness = if scored == 0 { 0.0 } else { answered as f64 / scored as f64 };

    Assessment { questions, themes, overall, completeness }
}

/// The maturity indicator level of a theme (DESIGN.md §4, in the manner of Kybermittari and C2M2).
///
/// MIL 1 when every MIL-1 practice is achieved; MIL k (2, 3) when MIL k−1 is reached and more than half of
/// the MIL-k practices are achieved. "na" practices are left out; unanswered and "dk" are not achieved.
/// With every MIL-1 practice "na", MIL 1 holds vacuously; with every MIL-k practice (k ≥ 2) "na", "more
/// than half of none" does not, so the level stops below k.
pub fn mil(q: &Questionnaire, theme: usize, outcomes: &[Outcome]) -> u8 {
    let at_level = |level: u8| {
        q.questions
            .iter()
            .zip(outcomes)
            .filter(move |(question, outcome)| {
                question.theme == theme && question.mil == Some(level) && **outcome != Outcome::NotApplicable
            })
            .map(|(_, outcome)| outcome.counted().is_some_and(is_achieved))
    };
    if !at_level(1).all(|achieved| achieved) {
        return 0;
    }
    let mut reached = 1;
    for level in 2..=3 {
        let (achieved, total) = at_level(level).fold((0, 0), |(a, t), ok| (a + usize::from(ok), t + 1));
        if achieved * 2 > total {
            reached = level;
        } else {
            break;
        }
    }
    reached
}

/// A group of respondents (DESIGN.md §4): theme scores and overall as means of the members' own.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupAssessment {
    pub members: usize,
    /// Per theme: the mean of members' theme scores that are not null.
    pub theme_scores: Vec<Option<f64>>,
    /// Per theme: the members' counts summed.
    pub theme_counts: Vec<Counts>,
    /// Per theme with `mil = true`: the lowest MIL of the members, the level the whole group has reached.
    pub theme_mils: Vec<Option<u8>>,
    /// The mean of members' overall indexes that are not null.
    pub overall: Option<f64>,
    /// The mean of members' completeness.
    pub completeness: f64,
    /// Per question: the mean of members' counted scores, for the group's roadmap and weak spots.
    pub question_means: Vec<Option<f64>>,
}

/// Aggregates members' assessments of the same questionnaire.
pub fn group(members: &[Assessment]) -> GroupAssessment {
    let themes = members.first().map_or(0, |a| a.themes.len());
    let questions = members.first().map_or(0, |a| a.questions.len());
    GroupAssessment {
        members: members.len(),
        theme_scores: (0..themes).map(|t| mean(members.iter().filter_map(|a| a.themes[t].score))).collect(),
        theme_counts: (0..themes)
            .map(|t| members.iter().fold(Counts::default(), |sum, a| sum.plus(a.themes[t].counts)))
            .collect(),
        theme_mils: (0..themes).map(|t| members.iter().filter_map(|a| a.themes[t].mil).min()).collect(),
        overall: mean(members.iter().filter_map(|a| a.overall)),
        completeness: mean(members.iter().map(|a| a.completeness)).unwrap_or(0.0),
        question_means: (0..questions).map(|i| mean(members.iter().filter_map(|a| a.questions[i].counted()))).collect(),
    }
}

/// The arithmetic mean, or `None` of nothing.
pub fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(sum, n), v| (sum + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer::*;
    use crate::questionnaire::fixtures::small;
    use std::collections::BTreeMap;

    fn sheet(answers: &[(&str, Answer)]) -> AnswerSheet {
        AnswerSheet {
            answers: answers.iter().map(|(id, a)| ((*id).to_string(), a.clone())).collect::<BTreeMap<_, _>>(),
            ..AnswerSheet::default()
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn scores_every_kind_of_question() {
        let q = small();
        let score = |id: &str, answer: Answer| question_score(&q, q.question(id).unwrap(), &answer);
        assert_eq!(score("a.level", Level(3)), Some(0.75));
        assert_eq!(score("a.choice", Choice("some".into())), Some(0.25));
        assert_eq!(score("a.multi", Multi(vec!["p".into()])), Some(2.0 / 3.0));
        assert_eq!(score("a.multi", Multi(vec!["p".into(), "q".into()])), Some(1.0), "capped at max_points");
        assert_eq!(score("a.multi", Multi(vec![])), Some(0.0));
        assert_eq!(score("t.yes", YesNo(true)), Some(1.0));
        assert_eq!(score("a.number", Number(5.0)), Some(0.0), "below the first band");
        assert_eq!(score("a.number", Number(10.0)), Some(0.5), "on a band's minimum");
        assert_eq!(score("a.number", Number(99.0)), Some(1.0));
        assert_eq!(score("x.free", Text("x".into())), None);
        assert_eq!(score("a.level", DontKnow), Some(0.0));
    }

    #[test]
    fn weights_questions_within_a_theme_and_themes_in_the_index() {
        let q = small();
        // Theme a: level 2/4 (w2) and yes... choice "all" (w1): (2·0.5 + 1·1) / 3 = 66.67.
        // Theme t: yes (w1) = 100. Overall: (2·66.67 + 1·100) / 3 = 77.78.
        let a =
            assess(&q, &sheet(&[("a.level", Level(2)), ("a.choice", Choice("all".into())), ("t.yes", YesNo(true))]));
        assert!(close(a.themes[0].score.unwrap(), 200.0 / 3.0));
        assert_eq!(a.themes[1].score, Some(100.0));
        assert_eq!(a.themes[2].score, None, "a theme of text questions has no score");
        assert!(close(a.overall.unwrap(), (2.0 * 200.0 / 3.0 + 100.0) / 3.0));
    }

    #[test]
    fn dont_know_counts_as_zero_and_not_applicable_is_left_out() {
        let q = small();
        let a = assess(&q, &sheet(&[("a.level", NotApplicable), ("a.choice", DontKnow), ("a.number", Number(60.0))]));
        assert!(close(a.themes[0].score.unwrap(), 50.0));
        assert_eq!(a.themes[0].counts, Counts { answered: 1, na: 1, dk: 1, unanswered: 1 });
    }

    #[test]
    fn unanswered_questions_lower_completeness_but_not_the_score() {
        let q = small();
        let a = assess(&q, &sheet(&[("t.yes", YesNo(true)), ("x.free", Text("x".into()))]));
        assert_eq!(a.themes[1].score, Some(100.0));
        assert_eq!(a.themes[0].score, None);
        assert!(close(a.completeness, 1.0 / 7.0), "7 scored questions, text does not count");
    }

    #[test]
    fn a_sheet_of_only_na_has_no_scores_never_zero() {
        let q = small();
        let a = assess(&q, &sheet(&[("a.level", NotApplicable), ("t.two", NotApplicable)]));
        assert!(a.themes.iter().all(|t| t.score.is_none()));
        assert_eq!(a.overall, None);
        assert!(close(a.completeness, 2.0 / 7.0));
    }

    #[test]
    fn mil_follows_every_level_boundary() {
        let q = small();
        let mil_of = |answers: &[(&str, Answer)]| assess(&q, &sheet(answers)).themes[1].mil;
        assert_eq!(mil_of(&[]), Some(0), "an unanswered MIL-1 practice is not achieved");
        assert_eq!(mil_of(&[("t.yes", DontKnow)]), Some(0), "dk is not achieved");
        assert_eq!(mil_of(&[("t.yes", YesNo(false)), ("t.two", Level(4)), ("t.three", YesNo(true))]), Some(0));
        assert_eq!(mil_of(&[("t.yes", YesNo(true))]), Some(1));
        assert_eq!(mil_of(&[("t.yes", YesNo(true)), ("t.two", Level(2))]), Some(1), "0.5 is not achieved");
        assert_eq!(mil_of(&[("t.yes", YesNo(true)), ("t.two", Level(3))]), Some(2), "0.75 is achieved");
        assert_eq!(mil_of(&[("t.yes", YesNo(true)), ("t.two", Level(3)), ("t.three", YesNo(true))]), Some(3));
        assert_eq!(
            mil_of(&[("t.yes", YesNo(true)), ("t.two", Level(1)), ("t.three", YesNo(true))]),
            Some(1),
            "levels are cumulative"
        );
        assert_eq!(
            mil_of(&[("t.yes", YesNo(true)), ("t.two", NotApplicable), ("t.three", YesNo(true))]),
            Some(1),
            "more than half of no practice is not reached"
        );
        assert_eq!(mil_of(&[("t.yes", NotApplicable)]), Some(1), "every one of no MIL-1 practice is achieved");
        assert_eq!(assess(&q, &sheet(&[])).themes[0].mil, None, "themes without mil report none");
    }

    #[test]
    fn groups_take_means_of_members_that_have_a_score() {
        let q = small();
        let one = assess(&q, &sheet(&[("a.level", Level(4)), ("t.yes", YesNo(true))]));
        let two = assess(&q, &sheet(&[("a.level", Level(2))]));
        let g = group(&[one, two]);
        assert_eq!(g.members, 2);
        assert_eq!(g.theme_scores[0], Some(75.0));
        assert_eq!(g.theme_scores[1], Some(100.0), "the member without a score is left out");
        assert_eq!(g.theme_scores[2], None);
        assert_eq!(g.theme_mils[1], Some(0), "the lowest member's level");
        assert!(close(g.overall.unwrap(), 75.0), "the mean of 100 and 50");
        assert_eq!(g.theme_counts[0].answered, 2);
        assert_eq!(g.question_means[0], Some(0.75));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Any answer for each question of the small questionnaire, or none.
        fn answers() -> impl Strategy<Value = Vec<Option<Answer>>> {
            let q = small();
            let per_question: Vec<BoxedStrategy<Option<Answer>>> = q
                .questions
                .iter()
                .map(|question| {
                    let special = prop_oneof![Just(None), Just(Some(DontKnow)), Just(Some(NotApplicable))];
                    let value = crate::questionnaire::fixtures::any_answer(question, Some(Text("x".into())));
                    prop_oneof![1 => special, 3 => value].boxed()
                })
                .collect();
            per_question
        }

        fn to_sheet(answers: &[Option<Answer>]) -> AnswerSheet {
            let q = small();
            AnswerSheet {
                answers: q
                    .questions
                    .iter()
                    .zip(answers)
                    .filter_map(|(question, a)| a.clone().map(|a| (question.id.clone(), a)))
                    .collect(),
                ..AnswerSheet::default()
            }
        }

        /// A strictly better answer to question `i`, if there is one.
        fn raise(q: &Questionnaire, i: usize, answer: &Answer) -> Option<Answer> {
            match (&q.questions[i].kind, answer) {
                (Kind::Level { .. }, Level(l)) if *l < 4 => Some(Level(l + 1)),
                (Kind::Level { .. }, DontKnow) => Some(Level(1)),
                (Kind::YesNo, YesNo(false) | DontKnow) => Some(YesNo(true)),
                (Kind::Number { .. }, Number(n)) => Some(Number((n + 10.0).min(100.0))),
                (Kind::Choice { .. }, Choice(_) | DontKnow) => Some(Choice("all".into())),
                (Kind::Multi { .. }, Multi(ids)) if !ids.contains(&"r".to_string()) => {
                    let mut ids = ids.clone();
                    ids.push("r".into());
                    Some(Multi(ids))
                }
                _ => None,
            }
        }

        proptest! {
            #[test]
            fn every_score_stays_within_0_and_100(answers in answers()) {
                let q = small();
                let a = assess(&q, &to_sheet(&answers));
                for theme in &a.themes {
                    if let Some(score) = theme.score {
                        prop_assert!((0.0..=100.0).contains(&score));
                    }
                }
                if let Some(overall) = a.overall {
                    prop_assert!((0.0..=100.0).contains(&overall));
                }
                prop_assert!((0.0..=1.0).contains(&a.completeness));
                for outcome in &a.questions {
                    if let Some(s) = outcome.counted() {
                        prop_assert!((0.0..=1.0).contains(&s));
                    }
                }
            }

            #[test]
            fn raising_one_answer_never_lowers_its_theme_or_the_index(answers in answers(), which in 0usize..8) {
                let q = small();
                let Some(Some(current)) = answers.get(which) else { return Ok(()) };
                let Some(better) = raise(&q, which, current) else { return Ok(()) };
                let before = assess(&q, &to_sheet(&answers));
                let mut raised = answers.clone();
                raised[which] = Some(better);
                let after = assess(&q, &to_sheet(&raised));
                let theme = q.questions[which].theme;
                let (b, a) = (before.themes[theme].score.unwrap(), after.themes[theme].score.unwrap());
                prop_assert!(a >= b - 1e-9, "theme {b} -> {a}");
                let (b, a) = (before.overall.unwrap(), after.overall.unwrap());
                prop_assert!(a >= b - 1e-9, "overall {b} -> {a}");
            }

            #[test]
            fn a_sheet_of_only_na_gives_null_scores(mask in proptest::collection::vec(any::<bool>(), 8)) {
                let q = small();
                let answers: Vec<Option<Answer>> = q
                    .questions
                    .iter()
                    .zip(&mask)
                    .map(|(question, na)| (question.allow_na && *na).then_some(NotApplicable))
                    .collect();
                let a = assess(&q, &to_sheet(&answers));
                prop_assert!(a.themes.iter().all(|t| t.score.is_none()));
                prop_assert_eq!(a.overall, None);
            }
        }
    }
}
