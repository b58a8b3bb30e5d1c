//! The report record `kuntakompassi.report/1` (DESIGN.md §3): one respondent's ([`individual`]) or a
//! group's ([`group`]), read back ([`load`]) and put in the reader's language ([`localise`]). Its renderings
//! are in [`crate::render`].
//!
//! The record is the one canonical result: every output format is rendered from it and from nothing else,
//! and `compare` reads it back. Its field names are a public contract that other tools read; add fields
//! freely, rename none without a new schema version. Texts in it are in the report's language; numbers are
//! unrounded.

#[cfg(test)]
pub(crate) mod fixtures;
pub mod group;
pub mod load;
pub mod localise;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answers::AnswerSheet;
use crate::i18n::{Lang, messages as m};
use crate::mil::{self, Needed};
use crate::questionnaire::{Kind, Questionnaire};
use crate::roadmap::Step;
use crate::scoring::{Assessment, Counts, Outcome};

pub const SCHEMA: &str = "kuntakompassi.report/1";
/// The schema family; a report of `kuntakompassi.report/N` with N > 1 is newer than this program.
pub const SCHEMA_PREFIX: &str = "kuntakompassi.report/";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub generator: Generator,
    /// RFC 3339 UTC creation time (fixed by `SOURCE_DATE_EPOCH` when set).
    pub created: String,
    pub questionnaire: QuestionnaireRef,
    pub respondent: RespondentRecord,
    /// 1 for one respondent; the number of members for a grouped report.
    pub respondents: usize,
    /// For grouped reports: the column grouped by and this group's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupRecord>,
    pub overall: Overall,
    pub completeness: f64,
    pub scale: ScaleRecord,
    pub bands: Vec<BandRecord>,
    pub themes: Vec<ThemeRecord>,
    pub questions: Vec<QuestionRecord>,
    pub roadmap: Vec<StepRecord>,
    /// A merged sheet's conflicts between respondents and how each was resolved (`merge`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<ConflictRecord>,
    /// Not in the record: the language of the respondent's own words (notes, free-text answers), set when
    /// the report is put in another language for rendering ([`localise`]), so that HTML can mark them.
    #[serde(skip)]
    pub words_language: Option<String>,
}

/// A conflict between respondents' answers, resolved when their sheets were merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictRecord {
    pub question: String,
    /// The question's text.
    pub text: String,
    /// The answer taken and who gave it, the others, and the rule or person that decided.
    pub resolution: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Generator {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
    /// The language of the texts in this report.
    pub language: String,
    #[serde(default)]
    pub title: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RespondentRecord {
    pub municipality: String,
    #[serde(default)]
    pub municipality_code: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub population: Option<u64>,
    /// The respondent's name, only when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The date of the assessment, `YYYY-MM-DD`: the sheet's date, else the creation date.
    #[serde(default)]
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupRecord {
    pub column: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overall {
    pub score: Option<f64>,
    pub band: Option<String>,
    #[serde(default)]
    pub band_index: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaleRecord {
    pub max: u32,
    pub labels: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandRecord {
    pub min: f64,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeRecord {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    pub weight: f64,
    pub score: Option<f64>,
    pub band: Option<String>,
    #[serde(default)]
    pub band_index: Option<usize>,
    /// Present only for themes with `mil = true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mil: Option<u8>,
    /// MIL themes below the top level: the next level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mil_next: Option<u8>,
    /// MIL themes: the practices whose achievement reaches `mil_next`, in roadmap order (in a group, those
    /// blocking most members first). Empty at the top level, and when `mil_next` cannot be reached with the
    /// questionnaire's practices (every one of them "na", or too few achievable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mil_blocking: Option<Vec<BlockingRecord>>,
    /// MIL themes of a grouped report: how many members are at level 0, 1, 2 and 3. The group's `mil` is the
    /// lowest of them, the level every member has reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mil_members: Option<[usize; 4]>,
    pub counts: Counts,
    /// A merged sheet: the roles of the respondents who answered this theme's questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answered_by: Vec<String>,
}

/// A practice that blocks the next maturity level, with the answer that would count as achieved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockingRecord {
    pub question: String,
    /// The level the practice belongs to (1–3).
    pub mil: u8,
    /// The question's text.
    pub text: String,
    /// A few words naming the practice (the question's `short`, else its text), for one-line summaries.
    pub name: String,
    /// The current answer in words ("not answered" when there is none; a group's mean in a group).
    pub current: String,
    /// 0..1 as it counts now; null when unanswered. In a grouped report, the members' mean.
    pub score: Option<f64>,
    /// The lowest answer that counts as achieved (score ≥ 0.75), in words.
    pub needed: String,
    /// The same as written in an answer sheet: a level, the option ids any of which is achieved (choice), the
    /// fewest option ids that are (multi), `true`, or a number.
    pub needed_answer: Value,
    /// Answered "dk" (in a group: by at least one of the members it blocks): find out the current state
    /// first.
    pub find_out_first: bool,
    /// Grouped reports: of how many members at the group's level this practice blocks the next one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<usize>,
    /// Grouped reports: how many of those members answered "dk".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know_members: Option<usize>,
}

/// What became of a question, as other tools filter on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Answered,
    Na,
    Dk,
    Unanswered,
    /// A text question: not scored.
    Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionRecord {
    pub id: String,
    pub theme: String,
    pub kind: String,
    pub text: String,
    pub weight: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mil: Option<u8>,
    pub status: Status,
    /// The answer as written in the sheet (a level, option ids, true/false, a number, text, "na", "dk");
    /// null when unanswered or in a grouped report.
    pub answer: Value,
    /// The answer in words, in the report's language.
    #[serde(default)]
    pub answer_text: Option<String>,
    /// For a level answer: the questionnaire's description of that level.
    #[serde(default)]
    pub level_description: Option<String>,
    /// 0..1, null when the question does not count. In a grouped report, the members' mean.
    pub score: Option<f64>,
    pub note: Option<String>,
    /// A merged sheet: who gave the answer, "role (file)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Grouped reports: how many members' answers the mean is of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_answered: Option<usize>,
}

impl QuestionRecord {
    /// What a question's record says of the question itself, in `lang`; no answer yet.
    pub fn of(q: &Questionnaire, question: &crate::questionnaire::Question, status: Status, lang: Lang) -> Self {
        QuestionRecord {
            id: question.id.clone(),
            theme: q.theme_of(question).id.clone(),
            kind: question.kind.name().to_string(),
            text: q.text(&question.text, lang).to_string(),
            weight: question.weight,
            mil: question.mil,
            status,
            answer: Value::Null,
            answer_text: None,
            level_description: None,
            score: None,
            note: None,
            source: None,
            members_answered: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    pub question: String,
    pub theme: String,
    /// The question's text.
    #[serde(default)]
    pub text: String,
    pub score: f64,
    /// Index points the overall index would rise by if the question were fully in place.
    pub gain: f64,
    /// The current answer in words.
    #[serde(default)]
    pub current: String,
    pub next_step: String,
    #[serde(default)]
    pub dont_know: bool,
    /// The question is one of the practices that block its theme's next maturity level: that level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raises_mil: Option<u8>,
}

/// What every report built in one run shares: the language and the creation time.
#[derive(Debug, Clone)]
pub struct Context {
    pub lang: Lang,
    pub created: String,
}

/// Builds the report of one respondent.
pub fn individual(q: &Questionnaire, sheet: &AnswerSheet, a: &Assessment, steps: &[Step], ctx: &Context) -> Report {
    let lang = ctx.lang;
    let r = &sheet.respondent;
    let questions = q
        .questions
        .iter()
        .zip(&a.questions)
        .map(|(question, outcome)| {
            let answer = sheet.answers.get(&question.id);
            let level_description = match (answer, &question.kind) {
                (Some(crate::answers::Answer::Level(level)), Kind::Level { levels, .. }) => {
                    levels.get(*level as usize).map(|text| q.text(text, lang).to_string())
                }
                _ => None,
            };
            QuestionRecord {
                answer: answer.map_or(Value::Null, crate::answers::Answer::to_value),
                answer_text: answer.map(|answer| answer.describe(q, question, lang)),
                level_description,
                score: outcome.counted(),
                note: sheet.notes.get(&question.id).cloned(),
                source: sheet.sources.get(&question.id).cloned(),
                ..QuestionRecord::of(q, question, status(*outcome), lang)
            }
        })
        .collect::<Vec<_>>();
    let mut roadmap: Vec<StepRecord> = steps
        .iter()
        .map(|step| {
            let current = questions[step.question].answer_text.clone().unwrap_or_default();
            step_record(q, step, current, lang)
        })
        .collect();
    let themes: Vec<ThemeRecord> = q
        .themes
        .iter()
        .zip(&a.themes)
        .zip(mil::paths(q, &a.questions, steps))
        .map(|((theme, result), path)| {
            let mut record = theme_record(q, theme, result.score, result.counts, result.mil, lang);
            if let Some(path) = path {
                record.mil_next = path.next.level();
                record.mil_blocking = Some(
                    path.next
                        .practices()
                        .iter()
                        .map(|b| {
                            let current = questions[b.question].answer_text.clone();
                            blocking_record(q, b.question, current, b.outcome.counted(), b.find_out_first(), lang)
                        })
                        .collect(),
                );
            }
            record
        })
        .collect();
    mark_mil_steps(&mut roadmap, &themes);
    let mut themes = themes;
    if !sheet.sources.is_empty() {
        let mut roles = crate::merge::roles_by_theme(q, sheet);
        for theme in &mut themes {
            theme.answered_by = roles.remove(&theme.id).unwrap_or_default();
        }
    }
    let conflicts = q
        .questions
        .iter()
        .filter_map(|question| {
            Some(ConflictRecord {
                question: question.id.clone(),
                text: q.text(&question.text, lang).to_string(),
                resolution: sheet.conflicts.get(&question.id)?.clone(),
            })
        })
        .collect();
    Report {
        schema: SCHEMA.to_string(),
        generator: generator(),
        created: ctx.created.clone(),
        questionnaire: questionnaire_ref(q, lang),
        respondent: RespondentRecord {
            municipality: r.municipality.clone(),
            municipality_code: r.municipality_code.clone(),
            region: r.region.clone(),
            population: r.population,
            respondent: r.respondent.clone(),
            role: r.role.clone(),
            department: r.department.clone(),
            date: r.date.clone().or_else(|| Some(ctx.created.get(..10).unwrap_or_default().to_string())),
        },
        respondents: 1,
        group: None,
        overall: overall(q, a.overall, lang),
        completeness: a.completeness,
        scale: scale(q, lang),
        bands: bands(q, lang),
        themes,
        questions,
        roadmap,
        conflicts,
        words_language: None,
    }
}

pub fn generator() -> Generator {
    Generator { name: "kuntakompassi".into(), version: env!("CARGO_PKG_VERSION").into() }
}

pub fn questionnaire_ref(q: &Questionnaire, lang: Lang) -> QuestionnaireRef {
    QuestionnaireRef {
        id: q.id.clone(),
        version: q.version.clone(),
        sha256: q.sha256.clone(),
        language: lang.code().to_string(),
        title: q.text(&q.title, lang).to_string(),
    }
}

pub fn overall(q: &Questionnaire, score: Option<f64>, lang: Lang) -> Overall {
    let band_index = score.and_then(|s| q.band_index(s));
    Overall { score, band: band_index.map(|i| q.text(&q.bands[i].name, lang).to_string()), band_index }
}

/// The questionnaire's scale in `lang`, as every report records it.
pub fn scale(q: &Questionnaire, lang: Lang) -> ScaleRecord {
    ScaleRecord { max: q.scale.max, labels: q.scale.labels.iter().map(|l| q.text(l, lang).to_string()).collect() }
}

pub fn bands(q: &Questionnaire, lang: Lang) -> Vec<BandRecord> {
    q.bands
        .iter()
        .map(|b| BandRecord {
            min: b.min,
            name: q.text(&b.name, lang).to_string(),
            description: b.description.as_ref().map(|d| q.text(d, lang).to_string()),
        })
        .collect()
}

pub fn theme_record(
    q: &Questionnaire,
    theme: &crate::questionnaire::Theme,
    score: Option<f64>,
    counts: Counts,
    mil: Option<u8>,
    lang: Lang,
) -> ThemeRecord {
    let band_index = score.and_then(|s| q.band_index(s));
    ThemeRecord {
        id: theme.id.clone(),
        title: q.text(&theme.title, lang).to_string(),
        description: theme.description.as_ref().map(|d| q.text(d, lang).to_string()),
        weight: theme.weight,
        score,
        band: band_index.map(|i| q.text(&q.bands[i].name, lang).to_string()),
        band_index,
        mil,
        mil_next: None,
        mil_blocking: None,
        mil_members: None,
        counts,
        answered_by: Vec::new(),
    }
}

/// A blocking practice in words: `current` is the answer in words (`None`: not answered).
pub fn blocking_record(
    q: &Questionnaire,
    question: usize,
    current: Option<String>,
    score: Option<f64>,
    find_out_first: bool,
    lang: Lang,
) -> BlockingRecord {
    let question = &q.questions[question];
    let needed = mil::needed(q, question);
    BlockingRecord {
        question: question.id.clone(),
        mil: question.mil.unwrap_or(1),
        text: q.text(&question.text, lang).to_string(),
        name: q.short_name(question, lang).to_string(),
        current: current.unwrap_or_else(|| m::R_NOT_ANSWERED.get(lang).to_string()),
        score,
        needed: needed_text(q, question, &needed, lang),
        needed_answer: match &needed {
            Needed::Choice(ids) => Value::from(ids.clone()),
            other => other.answer().map_or(Value::Null, |answer| answer.to_value()),
        },
        find_out_first,
        members: None,
        dont_know_members: None,
    }
}

/// The answer that counts as achieved, in words: "at least 3 – Largely in place", options joined by "or".
fn needed_text(q: &Questionnaire, question: &crate::questionnaire::Question, needed: &Needed, lang: Lang) -> String {
    match needed {
        Needed::Level(level) => {
            let answer = crate::answers::Answer::Level(*level).describe(q, question, lang);
            if *level >= q.scale.max { answer } else { m::MIL_AT_LEAST.fill(lang, &[&answer]) }
        }
        Needed::Choice(ids) => {
            let labels: Vec<String> =
                ids.iter().map(|id| crate::answers::Answer::Choice(id.clone()).describe(q, question, lang)).collect();
            labels.join(m::MIL_OR.get(lang))
        }
        Needed::Multi(ids) => {
            let chosen = crate::answers::Answer::Multi(ids.clone()).describe(q, question, lang);
            m::MIL_OPTIONS_WORTH.fill(lang, &[&chosen])
        }
        Needed::YesNo => m::YES.get(lang).to_string(),
        Needed::Number(_) => {
            let answer = needed.answer().map(|a| a.describe(q, question, lang)).unwrap_or_default();
            m::MIL_AT_LEAST.fill(lang, &[&answer])
        }
        Needed::Unachievable => m::MIL_UNACHIEVABLE.get(lang).to_string(),
    }
}

/// Marks the roadmap steps that are practices blocking their theme's next maturity level.
pub fn mark_mil_steps(roadmap: &mut [StepRecord], themes: &[ThemeRecord]) {
    for step in roadmap {
        step.raises_mil = themes
            .iter()
            .filter(|t| t.id == step.theme)
            .find(|t| t.mil_blocking.iter().flatten().any(|b| b.question == step.question))
            .and_then(|t| t.mil_next);
    }
}

/// A roadmap step in words: the next step of a level question from its current level, a question's advice
/// otherwise, and for "dk" the advice to find out the current state first.
pub fn step_record(q: &Questionnaire, step: &Step, current: String, lang: Lang) -> StepRecord {
    let question = &q.questions[step.question];
    let next_step = if step.dont_know {
        m::FIND_OUT_FIRST.get(lang).to_string()
    } else {
        match &question.kind {
            Kind::Level { next_steps, .. } => {
                // The next step from the level just below the current score; for a group mean, from the
                // level the mean has reached.
                let level = (step.score * f64::from(q.scale.max) + 1e-9).floor() as usize;
                next_steps.get(level).map(|t| q.text(t, lang).to_string()).unwrap_or_default()
            }
            _ => question
                .advice
                .as_ref()
                .map_or_else(|| m::RAISE_TO_FULL.get(lang).to_string(), |a| q.text(a, lang).to_string()),
        }
    };
    StepRecord {
        question: question.id.clone(),
        theme: q.theme_of(question).id.clone(),
        text: q.text(&question.text, lang).to_string(),
        score: step.score,
        gain: step.gain,
        current,
        next_step,
        dont_know: step.dont_know,
        raises_mil: None,
    }
}

fn status(outcome: Outcome) -> Status {
    match outcome {
        Outcome::Scored(_) => Status::Answered,
        Outcome::NotApplicable => Status::Na,
        Outcome::DontKnow => Status::Dk,
        Outcome::Unanswered => Status::Unanswered,
        Outcome::Unscored => Status::Text,
    }
}

impl Report {
    /// Pretty JSON with a final newline: the form written to files.
    /// The title of the theme with this id, or the id when the report has no such theme.
    pub fn theme_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.themes.iter().find(|t| t.id == id).map_or(id, |t| t.title.as_str())
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer::*;
    use crate::questionnaire::fixtures::small;
    use crate::scoring::assess;

    fn report() -> Report {
        let q = small();
        let mut sheet = AnswerSheet { questionnaire: "pieni".into(), ..AnswerSheet::default() };
        sheet.respondent.municipality = "Kustavi".into();
        sheet.answers.insert("a.level".into(), Level(1));
        sheet.answers.insert("t.yes".into(), DontKnow);
        sheet.answers.insert("t.two".into(), NotApplicable);
        sheet.notes.insert("a.level".into(), "<b>huom</b>".into());
        let a = assess(&q, &sheet);
        let steps = crate::roadmap::of_assessment(&q, &a);
        individual(&q, &sheet, &a, &steps, &Context { lang: Lang::Sv, created: "2026-11-22T10:00:00Z".into() })
    }

    #[test]
    fn holds_the_fields_of_the_public_contract() {
        let json: Value = serde_json::from_str(&report().to_json()).unwrap();
        for key in [
            "schema",
            "generator",
            "created",
            "questionnaire",
            "respondent",
            "respondents",
            "overall",
            "completeness",
            "themes",
            "questions",
            "roadmap",
        ] {
            assert!(json.get(key).is_some(), "missing {key}");
        }
        assert_eq!(json["schema"], SCHEMA);
        assert_eq!(json["questionnaire"]["language"], "sv");
        assert_eq!(json["themes"][0]["band"], "Inledande");
        assert!(json["themes"][0].get("mil").is_none(), "mil only on MIL themes");
        assert_eq!(json["themes"][1]["mil"], 0);
        assert_eq!(json["themes"][2]["score"], Value::Null);
        assert_eq!(json["themes"][0]["counts"]["unanswered"], 3);
        assert_eq!(json["respondent"]["date"], "2026-11-22");
        assert!(json["respondent"].get("respondent").is_none(), "the name is stored only if given");
    }

    #[test]
    fn questions_carry_answer_words_level_descriptions_and_notes() {
        let r = report();
        let level = &r.questions[0];
        assert_eq!(level.answer, Value::from(1));
        assert_eq!(level.answer_text.as_deref(), Some("1 – ett"));
        assert_eq!(level.level_description.as_deref(), Some("N1"));
        assert_eq!(level.note.as_deref(), Some("<b>huom</b>"));
        assert_eq!(r.questions[5].status, Status::Na);
        assert_eq!(r.questions[7].status, Status::Text);
    }

    #[test]
    fn roadmap_steps_name_the_next_step() {
        let r = report();
        let dk = r.roadmap.iter().find(|s| s.question == "t.yes").unwrap();
        assert!(dk.dont_know);
        assert_eq!(dk.next_step, m::FIND_OUT_FIRST.sv);
        let level = r.roadmap.iter().find(|s| s.question == "a.level").unwrap();
        assert_eq!(level.next_step, "T1", "from level 1 to 2");
    }

    #[test]
    fn reads_back_what_it_writes() {
        let r = report();
        let back: Report = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(back, r);
    }

    mod round_trip {
        use super::*;
        use crate::answers::sheet::tests::round_trip::sheets;
        use proptest::prelude::*;

        fn table(report: &Report, lang: Lang) -> String {
            use crate::render::report::terminal;
            let mut out = Vec::new();
            terminal::render(report, lang, &terminal::TableOptions::default(), &mut out).unwrap();
            String::from_utf8(out).unwrap()
        }

        proptest! {
            #[test]
            fn a_report_written_and_read_back_is_the_same_and_renders_the_same(sheet in sheets()) {
                let q = small();
                let a = assess(&q, &sheet);
                let steps = crate::roadmap::of_assessment(&q, &a);
                let context = Context { lang: Lang::Fi, created: "2026-11-24T08:00:00Z".into() };
                let report = individual(&q, &sheet, &a, &steps, &context);
                let json = report.to_json();
                let back: Report = serde_json::from_str(&json).unwrap();
                prop_assert_eq!(&back.to_json(), &json);
                for lang in [Lang::Fi, Lang::Sv, Lang::En] {
                    prop_assert_eq!(table(&back, lang), table(&report, lang));
                }
            }
        }
    }
}
