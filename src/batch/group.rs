//! `--group-by`: one accumulator per group, so that a staff survey of any size is held as a handful of
//! sums, and the group's report built from them.
//!
//! [`Accumulator::finish`] gives exactly [`crate::scoring::group`] of the members (DESIGN.md §4: a theme's
//! score is the mean of the members' theme scores that are not null, the overall the mean of their overall
//! indexes), with the sums taken in the same order, so the numbers are equal to the last bit.

use crate::mil;
use crate::questionnaire::Questionnaire;
use crate::report::{
    self, Context, GroupRecord, QuestionRecord, Report, RespondentRecord, Status, StepRecord, ThemeRecord,
};
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
    question_sums: Vec<(f64, usize)>,
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
            question_sums: vec![(0.0, 0); q.questions.len()],
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
                self.question_sums[i].0 += score;
                self.question_sums[i].1 += 1;
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
            question_means: self.question_sums.iter().copied().map(mean).collect(),
        }
    }

    /// The group's report: theme and question scores as the members' means, a roadmap from the question
    /// means, the respondent fields the members share, and the date of the latest answer (the day of
    /// scoring when no member's answer is dated).
    pub fn report(
        &self,
        q: &Questionnaire,
        column: &str,
        value: &str,
        grouped_field: Option<&str>,
        ctx: &Context,
    ) -> Report {
        let g = self.finish();
        let lang = ctx.lang;
        let f = &self.fields;
        let questions: Vec<QuestionRecord> = q
            .questions
            .iter()
            .enumerate()
            .map(|(i, question)| {
                let mean = g.question_means[i];
                let status = if !question.kind.is_scored() {
                    Status::Text
                } else if mean.is_some() {
                    Status::Answered
                } else if self.question_na[i] > 0 {
                    Status::Na
                } else {
                    Status::Unanswered
                };
                QuestionRecord {
                    id: question.id.clone(),
                    theme: q.theme_of(question).id.clone(),
                    kind: question.kind.name().to_string(),
                    text: q.text(&question.text, lang).to_string(),
                    weight: question.weight,
                    mil: question.mil,
                    status,
                    answer: serde_json::Value::Null,
                    answer_text: mean
                        .map(|mean| crate::render::wording::mean_text(mean, self.question_sums[i].1, lang)),
                    level_description: None,
                    score: mean,
                    note: None,
                    source: None,
                    members_answered: mean.map(|_| self.question_sums[i].1),
                }
            })
            .collect();
        let dont_know = vec![false; q.questions.len()];
        let steps = crate::roadmap::roadmap(q, &g.question_means, &dont_know);
        let mut roadmap: Vec<StepRecord> = steps
            .iter()
            .map(|step| {
                let current = questions[step.question].answer_text.clone().unwrap_or_default();
                report::step_record(q, step, current, lang)
            })
            .collect();
        let themes: Vec<ThemeRecord> = q
            .themes
            .iter()
            .enumerate()
            .map(|(t, theme)| {
                let mut record =
                    report::theme_record(q, theme, g.theme_scores[t], g.theme_counts[t], g.theme_mils[t], lang);
                if let Some(path) = self.mil_tallies[t].as_ref().and_then(|tally| tally.finish(q, &steps)) {
                    record.mil_next = path.next;
                    record.mil_members = Some(path.members);
                    record.mil_blocking = Some(
                        path.practices
                            .iter()
                            .map(|practice| {
                                let question = practice.question;
                                let mut record = report::blocking_record(
                                    q,
                                    question,
                                    questions[question].answer_text.clone(),
                                    g.question_means[question],
                                    practice.dont_know > 0,
                                    lang,
                                );
                                record.members = Some(practice.members);
                                record.dont_know_members = Some(practice.dont_know);
                                record
                            })
                            .collect(),
                    );
                }
                record
            })
            .collect();
        report::mark_mil_steps(&mut roadmap, &themes);
        let municipality = match grouped_field {
            Some("municipality") => value.to_string(),
            _ => f.municipality.value().unwrap_or_else(|| value.to_string()),
        };
        Report {
            schema: report::SCHEMA.to_string(),
            generator: report::generator(),
            created: ctx.created.clone(),
            questionnaire: report::questionnaire_ref(q, lang),
            respondent: RespondentRecord {
                municipality,
                municipality_code: f.municipality_code.value(),
                region: f.region.value(),
                population: f.population.value(),
                respondent: None,
                role: f.role.value(),
                department: f.department.value(),
                date: f.date.value().or_else(|| Some(ctx.created.get(..10).unwrap_or_default().to_string())),
            },
            respondents: g.members,
            group: Some(GroupRecord { column: column.to_string(), value: value.to_string() }),
            overall: report::overall(q, g.overall, lang),
            completeness: g.completeness,
            scale: report::scale(q, lang),
            bands: report::bands(q, lang),
            themes,
            questions,
            roadmap,
            conflicts: Vec::new(),
            words_language: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, AnswerSheet};
    use crate::i18n::Lang;
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

    #[test]
    fn a_group_report_records_its_members_and_shared_fields() {
        let q = small();
        let mut acc = Accumulator::new(&q);
        for level in [4, 2] {
            acc.add(&q, &assess(&q, &sheet(&[("a.level", Answer::Level(level))])));
            acc.fields.municipality.add(Some(&"Pöytyä".to_string()));
            acc.fields.department.add(Some(&format!("osasto {level}")));
        }
        let ctx = Context { lang: Lang::Fi, created: "2026-11-22T10:00:00Z".into() };
        let r = acc.report(&q, "department", "Sivistys", Some("department"), &ctx);
        assert_eq!(r.respondent.date.as_deref(), Some("2026-11-22"), "no member's answer is dated");
        for date in [Some("2026-03-01"), None, Some("2026-10-14"), Some("2025-12-31")] {
            acc.fields.date.add(date.map(str::to_string).as_ref());
        }
        let r = acc.report(&q, "department", "Sivistys", Some("department"), &ctx);
        assert_eq!(r.respondent.date.as_deref(), Some("2026-10-14"), "the latest answer, not the day of scoring");
        assert_eq!(r.respondents, 2);
        assert_eq!(r.respondent.municipality, "Pöytyä");
        assert_eq!(r.respondent.department, None, "members differ");
        assert_eq!(r.group, Some(GroupRecord { column: "department".into(), value: "Sivistys".into() }));
        assert_eq!(r.questions[0].score, Some(0.75));
        assert_eq!(r.questions[0].answer_text.as_deref(), Some("keskiarvo 75,0 % (n = 2)"));
        assert_eq!(r.questions[1].status, Status::Unanswered);
    }

    #[test]
    fn a_group_report_states_its_members_levels_and_what_blocks_the_lowest() {
        let q = small();
        let mut acc = Accumulator::new(&q);
        acc.add(&q, &assess(&q, &sheet(&[("t.yes", Answer::YesNo(true))])));
        acc.add(&q, &assess(&q, &sheet(&[("t.yes", Answer::DontKnow)])));
        let ctx = Context { lang: Lang::En, created: "2026-11-22T10:00:00Z".into() };
        let r = acc.report(&q, "municipality", "Pöytyä", Some("municipality"), &ctx);
        let t = &r.themes[1];
        assert_eq!(t.mil, Some(0), "the lowest member's level");
        assert_eq!(t.mil_members, Some([1, 1, 0, 0]));
        assert_eq!(t.mil_next, Some(1));
        let blocking = t.mil_blocking.as_deref().unwrap();
        assert_eq!(blocking.len(), 1);
        assert_eq!(blocking[0].question, "t.yes");
        assert_eq!((blocking[0].members, blocking[0].dont_know_members), (Some(1), Some(1)));
        assert!(blocking[0].find_out_first);
        assert_eq!(blocking[0].needed, "Yes");
        let step = r.roadmap.iter().find(|s| s.question == "t.yes").unwrap();
        assert_eq!(step.raises_mil, Some(1));
        assert!(r.themes[0].mil_members.is_none(), "only MIL themes");
    }
}
