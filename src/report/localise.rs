//! A report's texts in the reader's language (issue 19).
//!
//! A report stores the texts of the language it was made in. Rendering it for a reader of another
//! language takes every questionnaire text (theme titles, questions, answers in words, level descriptions,
//! band and scale names, next steps) from the questionnaire the report names, in the reader's language,
//! so that a Swedish report read in Finnish has no Swedish left but the respondent's own words (notes,
//! free-text answers) and names. Pure: the caller finds the questionnaire (a built-in matched by id,
//! version and sha256, or the file given with `-q`); without one, or when it lacks the language, the report
//! keeps its stored texts and the renderers mark them with their language.
//!
//! The report JSON is never rewritten: only the copy that is rendered is.

use serde_json::Value;

use crate::answers::{Answer, interpret};
use crate::i18n::Lang;
use crate::questionnaire::Questionnaire;
use crate::roadmap::Step;

use super::{Report, Status, StepRecord, bands, blocking_record, overall, questionnaire_ref, scale, step_record};

/// Why a report's stored texts stay as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// The questionnaire is another one, another version, or another text of the same version.
    OtherQuestionnaire,
    /// The questionnaire has no texts in the reader's language.
    NoSuchLanguage,
    /// The report has a theme or question the questionnaire lacks (edited by hand, or of another build).
    Mismatch(String),
}

/// Whether `q` is the questionnaire `report` was scored with: the same id and version, and the same text
/// (sha256) unless the user named the file (`-q`), whose text may be a copy with other line endings.
pub fn matches(report: &Report, q: &Questionnaire, named_by_user: bool) -> bool {
    let r = &report.questionnaire;
    r.id == q.id && r.version == q.version && (named_by_user || r.sha256 == q.sha256)
}

/// `report` with every questionnaire text in `lang`, taken from `q`; `Err` says why the stored texts
/// stay. Scores, counts, answers and the respondent's own words are untouched.
pub fn localise(report: &Report, q: &Questionnaire, lang: Lang) -> Result<Report, Kept> {
    if !q.languages.iter().any(|code| code == lang.code()) {
        return Err(Kept::NoSuchLanguage);
    }
    let index_of = |id: &str| q.questions.iter().position(|question| question.id == id);
    for theme in &report.themes {
        if !q.themes.iter().any(|t| t.id == theme.id) {
            return Err(Kept::Mismatch(theme.id.clone()));
        }
    }
    for id in report.questions.iter().map(|r| &r.id).chain(report.roadmap.iter().map(|s| &s.question)) {
        if index_of(id).is_none() {
            return Err(Kept::Mismatch(id.clone()));
        }
    }

    let mut out = report.clone();
    out.words_language = Some(report.words_language.clone().unwrap_or_else(|| report.questionnaire.language.clone()));
    out.questionnaire = questionnaire_ref(q, lang);
    out.questionnaire.sha256.clone_from(&report.questionnaire.sha256);
    out.overall = overall(q, report.overall.score, lang);
    out.scale = scale(q, lang);
    out.bands = bands(q, lang);
    if let Some(region) = out.respondent.region.as_mut()
        && let Some(known) = crate::regions::find(region)
    {
        *region = known.name(lang).to_string();
    }

    let group = report.group.is_some() || report.respondents > 1;
    for record in &mut out.questions {
        let question = &q.questions[index_of(&record.id).unwrap_or_default()];
        record.text = q.text(&question.text, lang).to_string();
        if group {
            if let (Some(mean), Some(n)) = (record.score, record.members_answered) {
                record.answer_text = Some(crate::render::wording::mean_text(mean, n, lang));
            }
            continue;
        }
        // A free-text answer is the respondent's words: it stays as written.
        if record.status == Status::Text {
            continue;
        }
        let answer = answer_of(question, &record.answer);
        record.answer_text = answer.as_ref().map(|answer| answer.describe(q, question, lang));
        record.level_description = match (&answer, &question.kind) {
            (Some(Answer::Level(level)), crate::questionnaire::Kind::Level { levels, .. }) => {
                levels.get(*level as usize).map(|text| q.text(text, lang).to_string())
            }
            _ => None,
        };
    }

    let answer_text = |id: &str| out.questions.iter().find(|r| r.id == id).and_then(|r| r.answer_text.clone());
    let roadmap: Vec<StepRecord> = report
        .roadmap
        .iter()
        .map(|stored| {
            let step = Step {
                question: index_of(&stored.question).unwrap_or_default(),
                gain: stored.gain,
                score: stored.score,
                dont_know: stored.dont_know,
            };
            let mut record = step_record(q, &step, answer_text(&stored.question).unwrap_or_default(), lang);
            record.raises_mil = stored.raises_mil;
            record
        })
        .collect();

    let themes = report.themes.iter().map(|stored| {
        let theme = q.themes.iter().find(|t| t.id == stored.id).unwrap_or(&q.themes[0]);
        let mut record = stored.clone();
        record.title = q.text(&theme.title, lang).to_string();
        record.description = theme.description.as_ref().map(|d| q.text(d, lang).to_string());
        record.band = stored.band_index.and_then(|i| q.bands.get(i)).map(|b| q.text(&b.name, lang).to_string());
        if let Some(blocking) = record.mil_blocking.as_mut() {
            for practice in blocking {
                let Some(i) = index_of(&practice.question) else { continue };
                let mut again = blocking_record(
                    q,
                    i,
                    answer_text(&practice.question),
                    practice.score,
                    practice.find_out_first,
                    lang,
                );
                again.members = practice.members;
                again.dont_know_members = practice.dont_know_members;
                *practice = again;
            }
        }
        record
    });
    out.themes = themes.collect();
    out.roadmap = roadmap;
    for conflict in &mut out.conflicts {
        if let Some(question) = q.question(&conflict.question) {
            conflict.text = q.text(&question.text, lang).to_string();
        }
    }
    Ok(out)
}

/// The answer a report records for a question, read back as the sheet had it.
fn answer_of(question: &crate::questionnaire::Question, value: &Value) -> Option<Answer> {
    if value.is_null() { None } else { interpret(question, value).ok() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;

    fn report_in(lang: Lang) -> (Questionnaire, Report) {
        (small(), crate::report::fixtures::report(lang))
    }

    #[test]
    fn a_report_localised_is_the_report_made_in_that_language_but_for_the_words_of_the_respondent() {
        for (from, to) in [(Lang::Sv, Lang::Fi), (Lang::Fi, Lang::En), (Lang::En, Lang::Sv)] {
            let (q, stored) = report_in(from);
            let (_, made) = report_in(to);
            let localised = localise(&stored, &q, to).unwrap();
            let mut expected = made.clone();
            // The respondent's words are marked with the language they were written in.
            expected.words_language = Some(from.code().to_string());
            // The region is named in the reader's language; the sheet keeps the name as it was given.
            expected.respondent.region = Some(crate::regions::find("Varsinais-Suomi").unwrap().name(to).into());
            // Free text and notes stay as the respondent wrote them, whatever the language.
            for (e, s) in expected.questions.iter_mut().zip(&stored.questions) {
                if e.status == Status::Text {
                    e.answer_text.clone_from(&s.answer_text);
                }
            }
            assert_eq!(localised, expected, "{from:?} → {to:?}");
        }
    }

    #[test]
    fn another_version_or_text_keeps_the_stored_texts() {
        let (q, stored) = report_in(Lang::Sv);
        let mut other = q.clone();
        other.sha256 = "0".repeat(64);
        assert!(!matches(&stored, &other, false));
        assert!(matches(&stored, &other, true), "a file the user named may differ in bytes only");
        other.version = "9.9.9".into();
        assert!(!matches(&stored, &other, true));
        let mut fi_only = q.clone();
        fi_only.languages = vec!["fi".into()];
        assert_eq!(localise(&stored, &fi_only, Lang::En), Err(Kept::NoSuchLanguage));
        let mut edited = stored.clone();
        edited.questions[0].id = "a.gone".into();
        assert_eq!(localise(&edited, &q, Lang::Fi), Err(Kept::Mismatch("a.gone".into())));
    }
}
