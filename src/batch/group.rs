//! `--group-by`: one accumulator per group, so that a staff survey of any size is held as a handful of
//! sums; [`crate::report::group`] builds the group's report from them.
//!
//! [`Accumulator::finish`] gives exactly [`crate::scoring::group`] of the members (DESIGN.md §4: a theme's
//! score is the mean of the members' theme scores that are not null, the overall the mean of their overall
//! indexes), with the sums taken in the same order, so the numbers are equal to the last bit.

use crate::mil;
use crate::questionnaire::Questionnaire;
use crate::report::group::{Members, Shared};
use crate::scoring::{Assessment, Counts, GroupAssessment, Outcome};

/// A respondent field the members of a group share: the value while all that have one agree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Common<T> {
    #[default]
    Unset,
    Same(T),
    Mixed,
}

impl<T: PartialEq + Clone> Common<T> {
    pub fn add(&mut self, value: Option<&T>) {
        let Some(value) = value else { return };
        match self {
            Common::Unset => *self = Common::Same(value.clone()),
            Common::Same(same) if same == value => {}
            Common::Same(_) => *self = Common::Mixed,
            Common::Mixed => {}
        }
    }

    pub fn value(&self) -> Option<T> {
        match self {
            Common::Same(value) => Some(value.clone()),
            _ => None,
        }
    }
}

/// The latest of the values given, for the members' answer dates: `YYYY-MM-DD` orders as the dates do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Latest<T>(Option<T>);

impl<T: Ord + Clone> Latest<T> {
    pub fn add(&mut self, value: Option<&T>) {
        let Some(value) = value else { return };
        if self.0.as_ref().is_none_or(|latest| value > latest) {
            self.0 = Some(value.clone());
        }
    }

    pub fn value(&self) -> Option<T> {
        self.0.clone()
    }
}

/// The respondent fields of a group's members.
#[derive(Debug, Clone, Default)]
pub struct CommonFields {
    pub municipality: Common<String>,
    pub municipality_code: Common<String>,
    pub region: Common<String>,
    pub population: Common<u64>,
    pub role: Common<String>,
    pub department: Common<String>,
    /// A group's report is dated by its latest answer, as a respondent's is by theirs.
    pub date: Latest<String>,
}

/// The running sums of one group.
#[derive(Debug, Clone)]
pub struct Accumulator {
    members: usize,
    theme_sums: Vec<(f64, usize)>,
    theme_counts: Vec<Counts>,
    theme_mils: Vec<Option<u8>>,
    overall: (f64, usize),
    completeness: f64,
    question_sums: Vec<f64>,
    question_answered: Vec<usize>,
    /// Per question: how many members answered "na", to tell a question nobody could answer from one
    /// nobody did.
    question_na: Vec<usize>,
    /// Per theme with `mil = true`: the members' levels and what blocks the next one of each.
    mil_tallies: Vec<Option<mil::GroupTally>>,
    pub fields: CommonFields,
}

impl Accumulator {
    pub fn new(q: &Questionnaire) -> Accumulator {
        Accumulator {
            members: 0,
            theme_sums: vec![(0.0, 0); q.themes.len()],
            theme_counts: vec![Counts::default(); q.themes.len()],
            theme_mils: vec![None; q.themes.len()],
            overall: (0.0, 0),
            completeness: 0.0,
            question_sums: vec![0.0; q.questions.len()],
            question_answered: vec![0; q.questions.len()],
            question_na: vec![0; q.questions.len()],
            mil_tallies: q.themes.iter().map(|t| t.mil.then(mil::GroupTally::default)).collect(),
            fields: CommonFields::default(),
        }
    }

    pub fn add(&mut self, q: &Questionnaire, a: &Assessment) {
        self.members += 1;
        // Only a questionnaire with a MIL theme pays for the member's roadmap, which orders its practices.
        if self.mil_tallies.iter().any(Option::is_some) {
            let steps = crate::roadmap::of_assessment(q, a);
            for (t, tally) in self.mil_tallies.iter_mut().enumerate() {
                if let (Some(tally), Some(path)) = (tally, mil::path(q, t, &a.questions, &steps)) {
                    tally.add(&path);
                }
            }
        }
        for (t, theme) in a.themes.iter().enumerate() {
            if let Some(score) = theme.score {
                self.theme_sums[t].0 += score;
                self.theme_sums[t].1 += 1;
            }
            self.theme_counts[t] = self.theme_counts[t].plus(theme.counts);
            if let Some(mil) = theme.mil {
                self.theme_mils[t] = Some(self.theme_mils[t].map_or(mil, |lowest| lowest.min(mil)));
            }
        }
        if let Some(overall) = a.overall {
            self.overall.0 += overall;
            self.overall.1 += 1;
        }
        self.completeness += a.completeness;
        for (i, outcome) in a.questions.iter().enumerate() {
            if let Some(score) = outcome.counted() {
                self.question_sums[i] += score;
                self.question_answered[i] += 1;
            }
            if *outcome == Outcome::NotApplicable {
                self.question_na[i] += 1;
            }
        }
    }

    /// The group's assessment, as [`crate::scoring::group`] computes it.
    pub fn finish(&self) -> GroupAssessment {
        let mean = |(sum, n): (f64, usize)| (n > 0).then(|| sum / n as f64);
        GroupAssessment {
            members: self.members,
            theme_scores: self.theme_sums.iter().copied().map(mean).collect(),
            theme_counts: self.theme_counts.clone(),
            theme_mils: self.theme_mils.clone(),
            overall: mean(self.overall),
            completeness: mean((self.completeness, self.members)).unwrap_or(0.0),
            question_means: self
                .question_sums
                .iter()
                .copied()
                .zip(self.question_answered.iter().copied())
                .map(mean)
                .collect(),
        }
    }

    /// The respondent fields the members share, for the group's report.
    pub fn shared(&self) -> Shared {
        let f = &self.fields;
        Shared {
            municipality: f.municipality.value(),
            municipality_code: f.municipality_code.value(),
            region: f.region.value(),
            population: f.population.value(),
            role: f.role.value(),
            department: f.department.value(),
            date: f.date.value(),
        }
    }

    /// What [`crate::report::group::report`] builds the group's report from; `g` is [`Accumulator::finish`].
    pub fn members<'a>(&'a self, g: &'a GroupAssessment, shared: &'a Shared) -> Members<'a> {
        Members {
            assessment: g,
            answered: &self.question_answered,
            not_applicable: &self.question_na,
            mil: &self.mil_tallies,
            shared,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, AnswerSheet};
    use crate::questionnaire::fixtures::small;
    use crate::scoring::{assess, group};

    fn sheet(answers: &[(&str, Answer)]) -> AnswerSheet {
        AnswerSheet {
            answers: answers.iter().map(|(id, a)| ((*id).to_string(), a.clone())).collect(),
            ..AnswerSheet::default()
        }
    }

    #[test]
    fn sums_to_exactly_what_scoring_group_computes() {
        let q = small();
        let members = vec![
            assess(&q, &sheet(&[("a.level", Answer::Level(4)), ("t.yes", Answer::YesNo(true))])),
            assess(&q, &sheet(&[("a.level", Answer::Level(1)), ("a.number", Answer::Number(33.3))])),
            assess(&q, &sheet(&[("t.two", Answer::NotApplicable), ("t.yes", Answer::DontKnow)])),
            assess(&q, &sheet(&[])),
        ];
        let mut acc = Accumulator::new(&q);
        for member in &members {
            acc.add(&q, member);
        }
        assert_eq!(acc.finish(), group(&members));
    }
}
