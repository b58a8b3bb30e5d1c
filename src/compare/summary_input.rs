//! A batch summary (`summary.json`, written by `score FILE.csv --out-dir DIR`) as input to `compare`: each
//! row becomes a report record holding what the row has (the respondent fields, the overall index and every
//! theme's score and band) and no per-question scores, so rows of a summary take no part in the shared weak
//! spots.
//!
//! A summary names neither its questionnaire nor the titles of its themes; they come from a [`Template`]: one
//! of the batch's own reports beside the summary, or a built-in questionnaire. Parsing and building are pure;
//! which files are read is `commands::compare`'s business.

use serde::Deserialize;
use serde_json::Value;

use crate::diagnostic::Pos;
use crate::i18n::{Lang, messages as m};
use crate::questionnaire::Questionnaire;
use crate::report::{
    self, BandRecord, Overall, QuestionnaireRef, Report, RespondentRecord, SCHEMA, ScaleRecord, ThemeRecord,
};

/// Why a summary cannot be compared. All are the user's input.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SummaryError {
    /// Broken JSON; `cause` is the parser's words.
    #[error("{file}:{pos}: {cause}")]
    Syntax { file: String, pos: Pos, cause: String },
    /// Well-formed JSON of another shape: `row` (1-based) is the result it was reading, when it was in one.
    #[error("`{file}` is not a batch summary: {cause}")]
    NotASummary { file: String, row: Option<usize>, pos: Pos, cause: String },
    #[error("`{file}` has no rows")]
    NoRows { file: String },
    #[error("the questionnaire of `{file}` is unknown")]
    UnknownQuestionnaire { file: String },
}

impl SummaryError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SummaryError::Syntax { file, pos, cause } => {
                format!("{file}:{pos}: {}{}", m::R_JSON_SYNTAX.get(lang), crate::i18n::cause_line(lang, cause))
            }
            SummaryError::NotASummary { file, row, pos, cause } => {
                let at = m::R_WRONG_FIELD.fill(lang, &[&pos.line, &pos.column]);
                let at = match row {
                    Some(row) => format!("{} {at}", m::C_SUMMARY_ROW.fill(lang, &[row])),
                    None => at,
                };
                format!("{}{}", m::C_NOT_A_SUMMARY.fill(lang, &[file, &at]), crate::i18n::cause_line(lang, cause))
            }
            SummaryError::NoRows { file } => m::C_SUMMARY_NO_ROWS.fill(lang, &[file]),
            SummaryError::UnknownQuestionnaire { file } => m::C_SUMMARY_QUESTIONNAIRE.fill(lang, &[file]),
        }
    }
}

/// One row of a summary, as `render::summary` writes it (unknown keys are ignored, so that later additions
/// to the summary do not stop `compare`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SummaryRow {
    pub municipality: String,
    #[serde(default)]
    pub municipality_code: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    /// A number, or the text a spreadsheet cell held when it was not one.
    #[serde(default)]
    pub population: Option<Value>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default = "one")]
    pub respondents: usize,
    pub overall: SummaryScore,
    #[serde(default)]
    pub completeness: f64,
    pub themes: Vec<SummaryTheme>,
    /// The file name of the row's report, in the summary's folder.
    #[serde(default)]
    pub report: Option<String>,
}

fn one() -> usize {
    1
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SummaryScore {
    pub score: Option<f64>,
    #[serde(default)]
    pub band: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SummaryTheme {
    pub id: String,
    pub score: Option<f64>,
    #[serde(default)]
    pub band: Option<String>,
    #[serde(default)]
    pub mil: Option<u8>,
}

/// The parser's words without the position it adds, which the message gives in the reader's language.
fn parser_words(e: &serde_json::Error) -> String {
    let text = e.to_string();
    text.rsplit_once(" at line ").map_or_else(|| text.clone(), |(words, _)| words.to_string())
}

/// Whether JSON text is a summary rather than a report: a summary is an array, a report an object.
pub fn looks_like_summary(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim_start().starts_with('[')
}

/// Parses summary text; `file` names it in messages. The rows are read straight into their types, one after
/// another: a summary of 200 MB read first as a JSON tree took ten times its size in memory.
pub fn parse(text: &str, file: &str) -> Result<Vec<SummaryRow>, SummaryError> {
    use serde::de::DeserializeSeed;
    let read = std::cell::Cell::new(0);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let rows = Rows(&read).deserialize(&mut deserializer).and_then(|rows| deserializer.end().map(|()| rows));
    let rows = rows.map_err(|e| {
        if e.classify() == serde_json::error::Category::Data {
            SummaryError::NotASummary {
                file: file.to_string(),
                // The result's number, as people count.
                row: (read.get() != usize::MAX).then(|| read.get() + 1),
                pos: Pos { line: e.line(), column: e.column() },
                cause: parser_words(&e),
            }
        } else {
            SummaryError::Syntax {
                file: file.to_string(),
                pos: Pos { line: e.line(), column: e.column() },
                cause: parser_words(&e),
            }
        }
    })?;
    if rows.is_empty() {
        return Err(SummaryError::NoRows { file: file.to_string() });
    }
    Ok(rows)
}

/// Reads the rows of a summary, counting them in the cell as it goes (`usize::MAX` when the text is not
/// an array at all), so that a row's problem can be named by its number.
struct Rows<'a>(&'a std::cell::Cell<usize>);

impl<'de> serde::de::DeserializeSeed<'de> for Rows<'_> {
    type Value = Vec<SummaryRow>;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Vec<SummaryRow>, D::Error> {
        self.0.set(usize::MAX);
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Rows<'_> {
    type Value = Vec<SummaryRow>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON array of summary rows")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<SummaryRow>, A::Error> {
        let mut rows = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        self.0.set(0);
        while let Some(row) = seq.next_element::<SummaryRow>()? {
            rows.push(row);
            self.0.set(rows.len());
        }
        Ok(rows)
    }
}

/// The theme ids a summary's rows carry, in the order of the first row.
pub fn theme_ids(rows: &[SummaryRow]) -> Vec<String> {
    rows.first().map(|r| r.themes.iter().map(|t| t.id.clone()).collect()).unwrap_or_default()
}

/// What a summary does not say and every report needs: the questionnaire, its scale, bands and theme titles.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub questionnaire: QuestionnaireRef,
    /// The creation time of the batch's reports, or empty when it is not known.
    pub created: String,
    pub scale: ScaleRecord,
    pub bands: Vec<BandRecord>,
    /// The questionnaire's themes, without scores.
    pub themes: Vec<ThemeRecord>,
}

impl Template {
    /// From one of the batch's reports.
    pub fn of_report(report: &Report) -> Template {
        Template {
            questionnaire: report.questionnaire.clone(),
            created: report.created.clone(),
            scale: report.scale.clone(),
            bands: report.bands.clone(),
            themes: report.themes.clone(),
        }
    }

    /// From a questionnaire, with its texts in `lang`.
    pub fn of_questionnaire(q: &Questionnaire, lang: Lang) -> Template {
        Template {
            questionnaire: report::questionnaire_ref(q, lang),
            created: String::new(),
            scale: report::scale(q, lang),
            bands: report::bands(q, lang),
            themes: q
                .themes
                .iter()
                .map(|t| report::theme_record(q, t, None, crate::scoring::Counts::default(), None, lang))
                .collect(),
        }
    }

    fn band_index(&self, score: Option<f64>) -> Option<usize> {
        crate::questionnaire::band_at(self.bands.iter().map(|b| b.min), score?)
    }
}

/// The report record of one summary row: respondent fields and scores, no questions and no roadmap.
pub fn report(row: &SummaryRow, template: &Template) -> Report {
    let band = |score: Option<f64>, written: &Option<String>| {
        let index = template.band_index(score);
        (written.clone().or_else(|| index.map(|i| template.bands[i].name.clone())), index)
    };
    let (overall_band, overall_index) = band(row.overall.score, &row.overall.band);
    let themes = row
        .themes
        .iter()
        .map(|t| {
            let known = template.themes.iter().find(|k| k.id == t.id);
            let (band_name, band_index) = band(t.score, &t.band);
            ThemeRecord {
                id: t.id.clone(),
                title: known.map_or_else(|| t.id.clone(), |k| k.title.clone()),
                description: known.and_then(|k| k.description.clone()),
                weight: known.map_or(1.0, |k| k.weight),
                score: t.score,
                band: band_name,
                band_index,
                mil: t.mil,
                // A summary row holds the level only, not what blocks the next one.
                mil_next: None,
                mil_blocking: None,
                mil_members: None,
                counts: crate::scoring::Counts::default(),
                answered_by: Vec::new(),
            }
        })
        .collect();
    let population = match &row.population {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    // As in a report, the date is the sheet's, else the day the batch was scored.
    let date = row.date.clone().or_else(|| template.created.get(..10).map(str::to_string));
    Report {
        schema: SCHEMA.to_string(),
        generator: report::generator(),
        created: template.created.clone(),
        questionnaire: template.questionnaire.clone(),
        respondent: RespondentRecord {
            municipality: row.municipality.clone(),
            municipality_code: row.municipality_code.clone(),
            region: row.region.clone(),
            population,
            respondent: None,
            role: row.role.clone(),
            department: row.department.clone(),
            date,
        },
        respondents: row.respondents,
        group: None,
        overall: Overall { score: row.overall.score, band: overall_band, band_index: overall_index },
        completeness: row.completeness,
        scale: template.scale.clone(),
        bands: template.bands.clone(),
        themes,
        questions: Vec::new(),
        roadmap: Vec::new(),
        conflicts: Vec::new(),
        words_language: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;

    const SUMMARY: &str = r#"[
  {"line":2,"municipality":"Pöytyä","municipality_code":"577","region":"Varsinais-Suomi","population":8000,"respondent":null,"role":null,"department":null,"date":"2026-10-01","respondents":1,"overall":{"score":61.25,"band":"Vakiintunut"},"completeness":0.875,"themes":[{"id":"a","score":55.0,"band":"Vakiintunut"},{"id":"t","score":33.3,"band":"Alkava","mil":1},{"id":"x","score":null,"band":null}],"report":"poytya.json"},
  {"line":3,"municipality":"Aura","municipality_code":null,"region":null,"population":"noin 4000","respondent":null,"role":null,"department":null,"date":null,"respondents":1,"overall":{"score":null,"band":null},"completeness":0.0,"themes":[],"report":null}
]"#;

    #[test]
    fn rows_become_reports_without_questions() {
        let rows = parse(SUMMARY, "summary.json").unwrap();
        assert_eq!(theme_ids(&rows), ["a", "t", "x"]);
        let template = Template::of_questionnaire(&small(), Lang::Fi);
        let r = report(&rows[0], &template);
        assert_eq!(r.questionnaire.id, "pieni");
        assert_eq!(r.respondent.population, Some(8000));
        assert_eq!(r.respondent.date.as_deref(), Some("2026-10-01"));
        assert_eq!(r.overall.score, Some(61.25));
        assert_eq!(r.themes[1].mil, Some(1));
        assert_eq!(r.themes[1].band_index, Some(0));
        assert_ne!(r.themes[0].title, "a", "titles come from the questionnaire");
        assert!(r.questions.is_empty() && r.roadmap.is_empty());
        let r = report(&rows[1], &template);
        assert_eq!((r.respondent.population, r.respondent.date.as_deref()), (None, None));
    }

    #[test]
    fn a_report_or_an_empty_array_is_not_a_summary() {
        assert!(looks_like_summary(" [ {} ]") && !looks_like_summary("{\"schema\": 1}"));
        let error = parse(r#"[{"municipality": "Aura"}]"#, "s.json").unwrap_err();
        assert!(matches!(&error, SummaryError::NotASummary { file, row: Some(1), .. } if file == "s.json"));
        assert_eq!(parse("[]", "s.json").unwrap_err(), SummaryError::NoRows { file: "s.json".into() });
        match parse("[{\"municipality\":\n", "s.json").unwrap_err() {
            SummaryError::Syntax { pos, .. } => assert_eq!(pos.line, 2),
            other => panic!("{other:?}"),
        }
        assert!(parse("[1]", "s.json").unwrap_err().message(Lang::En).contains("`s.json`"));
    }
}
