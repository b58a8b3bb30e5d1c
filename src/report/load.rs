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
    #[error("{file}:{pos}: {message}")]
    Syntax { file: String, pos: Pos, message: String },
    #[error("`{file}` has schema `{found}`, not `{SCHEMA}`")]
    Schema { file: String, found: String },
    #[error("`{file}` is not a kuntakompassi report: {reason}")]
    NotAReport { file: String, reason: String },
}

impl ReportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReportError::Read(read) => read.message(lang),
            ReportError::Syntax { file, pos, message } => format!("{file}:{pos}: {message}"),
            ReportError::Schema { file, found } => m::R_UNKNOWN_SCHEMA.fill(lang, &[file, found, &SCHEMA]),
            ReportError::NotAReport { file, reason } => m::R_NOT_A_REPORT.fill(lang, &[file, reason]),
        }
    }
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
        let message = e.to_string().rsplit_once(" at line ").map_or_else(|| e.to_string(), |(m, _)| m.to_string());
        if e.is_data() {
            // Valid JSON, but not an object with a text `schema` (an array, a number in its place).
            ReportError::NotAReport { file: file.to_string(), reason: message }
        } else {
            ReportError::Syntax { file: file.to_string(), pos: Pos { line: e.line(), column: e.column() }, message }
        }
    })?;
    let not_a_report = |reason: String| ReportError::NotAReport { file: file.to_string(), reason };
    match head.schema.as_deref() {
        Some(schema) if schema == SCHEMA => {}
        // Another version of the report record: a report this build cannot read.
        Some(schema) if schema.starts_with(SCHEMA_PREFIX) => {
            return Err(ReportError::Schema { file: file.to_string(), found: schema.to_string() });
        }
        // Another record altogether, such as a comparison.
        Some(schema) => return Err(not_a_report(format!("its schema is `{schema}`"))),
        None => return Err(not_a_report("no `schema` field".to_string())),
    }
    // This version, yet not read above: a field of the wrong type or missing, located.
    Err(not_a_report(typed.map_or_else(|| "no report".to_string(), |e| e.to_string())))
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
}
