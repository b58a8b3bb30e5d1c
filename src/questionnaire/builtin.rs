//! The questionnaires compiled into the binary from `questionnaires/*.toml` (see `build.rs`).

use std::sync::OnceLock;

use toml::de::DeTable;

include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The questionnaire every command uses when none is given.
pub const DEFAULT_ID: &str = "kuntakompassi";

/// A built-in questionnaire's file name, its `[questionnaire] id` and its text.
#[derive(Debug, Clone)]
pub struct Builtin {
    pub file_name: &'static str,
    pub id: String,
    pub text: &'static str,
}

/// Every built-in questionnaire, in file-name order.
pub fn all() -> &'static [Builtin] {
    static ALL: OnceLock<Vec<Builtin>> = OnceLock::new();
    ALL.get_or_init(|| {
        BUILTIN_FILES
            .iter()
            .map(|(file_name, text)| Builtin {
                file_name,
                id: declared_id(text).unwrap_or_else(|| file_name.trim_end_matches(".toml").to_string()),
                text,
            })
            .collect()
    })
}

/// The built-in questionnaire with this id (or file stem).
pub fn find(id: &str) -> Option<&'static Builtin> {
    all().iter().find(|b| b.id == id || b.file_name.strip_suffix(".toml") == Some(id))
}

/// The `[questionnaire] id` of a text, read without building the whole model.
fn declared_id(text: &str) -> Option<String> {
    let table = DeTable::parse(text).ok()?;
    let id = table.get_ref().get("questionnaire")?.get_ref().get("id")?.get_ref().as_str()?.to_string();
    Some(id)
}
