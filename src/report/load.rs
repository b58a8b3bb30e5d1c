//! Reading a saved report: JSON errors located by line and column, and a clear answer for a file that is not
//! a report or is of a schema version this build does not read.

use std::path::Path;

use crate::diagnostic::Pos;
use crate::i18n::{Lang, messages as m};
use crate::input;

use super::{Report, SCHEMA, SCHEMA_PREFIX};

/// Why a report could not be read. All are the user's input: exit 2.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Read(#[from] input::ReadError),
    /// Not JSON: where, and the parser's own words (`cause`).
    #[error("{file}:{pos}: JSON syntax error ({cause})")]
    Syntax { file: String, pos: Pos, cause: String },
    #[error("`{file}` has schema `{found}`, not `{SCHEMA}`")]
    Schema { file: String, found: String },
    #[error("`{file}` is not a kuntakompassi report: {reason:?}")]
    NotAReport { file: String, reason: NotReport },
}

/// Why a JSON file is not a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotReport {
    NoSchema,
    /// Another record altogether, such as a comparison.
    OtherSchema(String),
    /// An array, a number, or an object whose `schema` is not text: the parser's words.
    NotAnObject {
        cause: String,
    },
    /// A field of the wrong type, or a required one missing: where, and the parser's words.
    Shape {
        pos: Pos,
        cause: String,
    },
}

impl ReportError {
    /// The message in `lang`; a library's own words only on an indented cause line.
    pub fn message(&self, lang: Lang) -> String {
        let cause = |text: &str| crate::i18n::cause_line(lang, text);
        match self {
            ReportError::Read(read) => read.message(lang),
            ReportError::Syntax { file, pos, cause: text } => {
                format!("{file}:{pos}: {}{}", m::R_JSON_SYNTAX.get(lang), cause(text))
            }
            ReportError::Schema { file, found } => m::R_UNKNOWN_SCHEMA.fill(lang, &[file, found, &SCHEMA]),
            ReportError::NotAReport { file, reason } => {
                let (why, detail) = match reason {
                    NotReport::NoSchema => (m::R_NO_SCHEMA.get(lang).to_string(), None),
                    NotReport::OtherSchema(schema) => (m::R_OTHER_SCHEMA.fill(lang, &[schema]), None),
                    NotReport::NotAnObject { cause } => (m::R_NOT_AN_OBJECT.get(lang).to_string(), Some(cause)),
                    NotReport::Shape { pos, cause } => {
                        (m::R_WRONG_FIELD.fill(lang, &[&pos.line, &pos.column]), Some(cause))
                    }
                };
                let detail = detail.map_or_else(String::new, |text| cause(text));
                format!("{}{detail}", m::R_NOT_A_REPORT.fill(lang, &[file, &why]))
            }
        }
    }
}

/// The words of a `serde_json` error, without the position it appends (given apart).
fn words(error: &serde_json::Error) -> String {
    let text = error.to_string();
    text.rsplit_once(" at line ").map_or(text.clone(), |(words, _)| words.to_string())
}

/// Reads and checks a report file.
pub fn load(path: &Path) -> Result<Report, ReportError> {
    let text = input::read_text(path, input::REPORT_LIMIT)?;
    parse(&text, &path.display().to_string())
}

/// A report's schema alone: a pass that checks the syntax and builds nothing else.
#[derive(serde::Deserialize)]
struct Head<'a> {
    #[serde(borrow, default)]
    schema: Option<std::borrow::Cow<'a, str>>,
}

/// Parses report text; `file` names it in messages.
pub fn parse(text: &str, file: &str) -> Result<Report, ReportError> {
    // A report of this version, the common case, in one pass; anything else is read again to say why not.
    let typed = match serde_json::from_str::<Report>(text) {
        Ok(report) if report.schema == SCHEMA => return Ok(report),
        Ok(_) => None,
        Err(error) => Some(error),
    };
    let head: Head<'_> = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            // Valid JSON, but not an object with a text `schema` (an array, a number in its place).
            ReportError::NotAReport { file: file.to_string(), reason: NotReport::NotAnObject { cause: words(&e) } }
        } else {
            ReportError::Syntax {
                file: file.to_string(),
                pos: Pos { line: e.line(), column: e.column() },
                cause: words(&e),
            }
        }
    })?;
    let not_a_report = |reason: NotReport| ReportError::NotAReport { file: file.to_string(), reason };
    match head.schema.as_deref() {
        Some(schema) if schema == SCHEMA => {}
        // Another version of the report record: a report this build cannot read.
        Some(schema) if schema.starts_with(SCHEMA_PREFIX) => {
            return Err(ReportError::Schema { file: file.to_string(), found: schema.to_string() });
        }
        // Another record altogether, such as a comparison.
        Some(schema) => return Err(not_a_report(NotReport::OtherSchema(schema.to_string()))),
        None => return Err(not_a_report(NotReport::NoSchema)),
    }
    // This version, yet not read above: a field of the wrong type or missing, located.
    let error = typed.expect("a report of this schema that did not parse");
    Err(not_a_report(NotReport::Shape {
        pos: Pos { line: error.line(), column: error.column() },
        cause: words(&error),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_truncated_report_is_located() {
        match parse("{\"schema\": \"kuntakompassi.report/1\",\n \"created\": ", "r.json") {
            Err(ReportError::Syntax { pos, .. }) => assert_eq!(pos.line, 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn another_schema_version_is_named() {
        let error = parse(r#"{"schema": "kuntakompassi.report/9"}"#, "r.json").unwrap_err();
        assert!(error.message(Lang::En).contains("kuntakompassi.report/9"), "{}", error.message(Lang::En));
        let error = parse(r#"{"municipality": "X"}"#, "r.json").unwrap_err();
        assert!(matches!(error, ReportError::NotAReport { .. }));
        let error = parse(r#"{"schema": "kuntakompassi.comparison/1"}"#, "c.json").unwrap_err();
        assert!(matches!(error, ReportError::NotAReport { .. }), "a comparison is not a report of another version");
        for not_an_object in ["[1, 2]", "42", r#""text""#, r#"{"schema": 7}"#] {
            let error = parse(not_an_object, "x.json").unwrap_err();
            assert!(matches!(error, ReportError::NotAReport { .. }), "{not_an_object}: {error:?}");
        }
        let error = parse("{\"schema\": \"kuntakompassi.report/1\", \"overall\": 3}", "r.json").unwrap_err();
        assert!(error.message(Lang::En).contains("line 1"), "a wrong type is located: {}", error.message(Lang::En));
    }

    #[test]
    fn messages_are_wholly_in_the_language_with_the_parsers_words_on_a_cause_line() {
        let wrong = parse(r#"{"schema": "kuntakompassi.report/1", "respondent": {"municipality": {}}}"#, "r.json");
        let message = wrong.unwrap_err().message(Lang::Fi);
        let (first, cause) = message.split_once('\n').expect("a cause line");
        assert!(first.starts_with("`r.json` ei ole kuntakompassin raportti: rivillä 1, sarakkeessa "), "{message}");
        assert!(!first.contains("invalid type") && !first.contains("expected"), "{message}");
        assert!(cause.starts_with("  syy: invalid type"), "{message}");
        let message = parse(r#"{"otsikko": "x"}"#, "m.json").unwrap_err().message(Lang::Sv);
        assert_eq!(message, "`m.json` är inte en rapport från kuntakompassi: fältet `schema` saknas");
        let message = parse("{\n \"schema\": ", "k.json").unwrap_err().message(Lang::Fi);
        assert!(message.starts_with("k.json:2:"), "{message}");
        assert!(message.contains(": JSON-syntaksivirhe\n  syy: "), "{message}");
    }
}
