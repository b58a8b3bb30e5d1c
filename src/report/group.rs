//! The report record of a group of respondents (`score --group-by`), built beside [`super::individual`]:
//! theme and question scores as the members' means, a roadmap from the question means, what blocks the
//! members' next MIL, the respondent fields the members share, and the date of the latest answer.
//!
//! It reads the members' sums as the batch tallied them ([`Members`]) and knows nothing of rows or files.

use crate::mil;
use crate::questionnaire::Questionnaire;
use crate::roadmap::Step;
use crate::scoring::GroupAssessment;

use super::{Context, GroupRecord, QuestionRecord, Report, RespondentRecord, Status, StepRecord, ThemeRecord};
use crate::render::wording;

/// The respondent fields all members that give one agree on (none where they differ).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shared {
    pub municipality: Option<String>,
    pub municipality_code: Option<String>,
    pub region: Option<String>,
    pub population: Option<u64>,
    pub role: Option<String>,
    pub department: Option<String>,
    /// The latest of the members' answer dates.
    pub date: Option<String>,
}

/// What a group's report is built from: the members' assessment and the counts behind its means.
#[derive(Debug, Clone, Copy)]
pub struct Members<'a> {
    pub assessment: &'a GroupAssessment,
    /// Per question: how many members' answers count towards its mean.
    pub answered: &'a [usize],
    /// Per question: how many members answered "na", to tell a question nobody could answer from one
    /// nobody did.
    pub not_applicable: &'a [usize],
    /// Per theme with `mil = true`: the members' levels and what blocks the next one of each.
    pub mil: &'a [Option<mil::GroupTally>],
    pub shared: &'a Shared,
}

/// Which group: the `--group-by` column, its value, and the respondent field that column is, if any.
#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    pub column: &'a str,
    pub value: &'a str,
    pub field: Option<&'a str>,
}

/// Builds the report of a group: the date of its latest answer, or the day of scoring when no member's
/// answer is dated.
pub fn report(q: &Questionnaire, members: &Members<'_>, key: &Key<'_>, ctx: &Context) -> Report {
    let g = members.assessment;
    let lang = ctx.lang;
    let questions = questions(q, members, lang);
    let dont_know = vec![false; q.questions.len()];
    let steps = crate::roadmap::roadmap(q, &g.question_means, &dont_know);
    let mut roadmap: Vec<StepRecord> = steps
        .iter()
        .map(|step| {
            let current = questions[step.question].answer_text.clone().unwrap_or_default();
            super::step_record(q, step, current, lang)
        })
        .collect();
    let themes = themes(q, members, &questions, &steps, lang);
    super::mark_mil_steps(&mut roadmap, &themes);
    Report {
        schema: super::SCHEMA.to_string(),
        generator: super::generator(),
        created: ctx.created.clone(),
        questionnaire: super::questionnaire_ref(q, lang),
        respondent: respondent(members.shared, key, ctx),
        respondents: g.members,
        group: Some(GroupRecord { column: key.column.to_string(), value: key.value.to_string() }),
        overall: super::overall(q, g.overall, lang),
        completeness: g.completeness,
        scale: super::scale(q, lang),
        bands: super::bands(q, lang),
        themes,
        questions,
        roadmap,
        conflicts: Vec::new(),
        words_language: None,
    }
}

fn questions(q: &Questionnaire, members: &Members<'_>, lang: crate::i18n::Lang) -> Vec<QuestionRecord> {
    let g = members.assessment;
    q.questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            let mean = g.question_means[i];
            let status = if !question.kind.is_scored() {
                Status::Text
            } else if mean.is_some() {
                Status::Answered
            } else if members.not_applicable[i] > 0 {
                Status::Na
            } else {
                Status::Unanswered
            };
            QuestionRecord {
                answer_text: mean.map(|mean| wording::mean_text(mean, members.answered[i], lang)),
                score: mean,
                members_answered: mean.map(|_| members.answered[i]),
                ..QuestionRecord::of(q, question, status, lang)
            }
        })
        .collect()
}

fn themes(
    q: &Questionnaire,
    members: &Members<'_>,
    questions: &[QuestionRecord],
    steps: &[Step],
    lang: crate::i18n::Lang,
) -> Vec<ThemeRecord> {
    let g = members.assessment;
    q.themes
        .iter()
        .enumerate()
        .map(|(t, theme)| {
            let mut record = super::theme_record(q, theme, g.theme_scores[t], g.theme_counts[t], g.theme_mils[t], lang);
            if let Some(path) = members.mil[t].as_ref().and_then(|tally| tally.finish(q, steps)) {
                record.mil_next = path.next;
                record.mil_members = Some(path.members);
                record.mil_blocking = Some(
                    path.practices
                        .iter()
                        .map(|practice| {
                            let question = practice.question;
                            let mut record = super::blocking_record(
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
        .collect()
}

fn respondent(shared: &Shared, key: &Key<'_>, ctx: &Context) -> RespondentRecord {
    // Grouped by municipality, the group's value is the name, whatever the members wrote in a column of
    // their own.
    let municipality = match key.field {
        Some("municipality") => key.value.to_string(),
        _ => shared.municipality.clone().unwrap_or_else(|| key.value.to_string()),
    };
    RespondentRecord {
        municipality,
        municipality_code: shared.municipality_code.clone(),
        region: shared.region.clone(),
        population: shared.population,
        respondent: None,
        role: shared.role.clone(),
        department: shared.department.clone(),
        date: shared.date.clone().or_else(|| Some(ctx.created.get(..10).unwrap_or_default().to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, AnswerSheet};
    use crate::batch::group::Accumulator;
    use crate::i18n::Lang;
    use crate::questionnaire::fixtures::small;
    use crate::scoring::assess;

    fn sheet(answers: &[(&str, Answer)]) -> AnswerSheet {
        AnswerSheet {
            answers: answers.iter().map(|(id, a)| ((*id).to_string(), a.clone())).collect(),
            ..AnswerSheet::default()
        }
    }

    fn built(acc: &Accumulator, q: &Questionnaire, key: &Key<'_>, ctx: &Context) -> Report {
        let (g, shared) = (acc.finish(), acc.shared());
        report(q, &acc.members(&g, &shared), key, ctx)
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
        let key = Key { column: "department", value: "Sivistys", field: Some("department") };
        let r = built(&acc, &q, &key, &ctx);
        assert_eq!(r.respondent.date.as_deref(), Some("2026-11-22"), "no member's answer is dated");
        for date in [Some("2026-03-01"), None, Some("2026-10-14"), Some("2025-12-31")] {
            acc.fields.date.add(date.map(str::to_string).as_ref());
        }
        let r = built(&acc, &q, &key, &ctx);
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
        let key = Key { column: "municipality", value: "Pöytyä", field: Some("municipality") };
        let r = built(&acc, &q, &key, &ctx);
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
