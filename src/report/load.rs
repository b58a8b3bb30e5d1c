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

/// Parses report text; `file` names it in messages.
pub fn parse(text: &str, file: &str) -> Result<Report, ReportError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| ReportError::Syntax {
        file: file.to_string(),
        pos: Pos { line: e.line(), column: e.column() },
        message: e.to_string().rsplit_once(" at line ").map_or_else(|| e.to_string(), |(m, _)| m.to_string()),
    })?;
    let not_a_report = |reason: String| ReportError::NotAReport { file: file.to_string(), reason };
    match value.get("schema").and_then(serde_json::Value::as_str) {
        Some(schema) if schema == SCHEMA => {}
        // Another version of the report record: a report this build cannot read.
        Some(schema) if schema.starts_with(SCHEMA_PREFIX) => {
            return Err(ReportError::Schema { file: file.to_string(), found: schema.to_string() });
        }
        // Another record altogether, such as a comparison.
        Some(schema) => return Err(not_a_report(format!("its schema is `{schema}`"))),
        None => return Err(not_a_report("no `schema` field".to_string())),
    }
    serde_json::from_value(value).map_err(|e| not_a_report(e.to_string()))
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
    }
}
