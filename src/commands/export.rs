//! `kuntakompassi questionnaire export ID|FILE --to limesurvey [-o FILE]`: the questionnaire as a survey
//! that a survey tool imports.
//!
//! The survey itself is made by [`crate::limesurvey`]; this module loads the questionnaire, refuses a file
//! name the tool would not import before any work, and writes the bytes (atomically with `-o`).

use std::path::Path;

use anyhow::Result;

use crate::cli::{ExportArgs, ExportTarget};
use crate::error::InputError;
use crate::i18n::messages as m;
use crate::limesurvey::{codes::CodeTable, tsv};
use crate::settings::Settings;

use super::load_questionnaire;

pub fn run(args: &ExportArgs, settings: &Settings) -> Result<u8> {
    let lang = settings.lang;
    match args.to {
        ExportTarget::Limesurvey => {
            if let Some(path) = &args.output {
                let importable = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("tsv"));
                if !importable {
                    let suggestion = path.with_extension("txt");
                    return Err(InputError(m::LS_BAD_EXTENSION.fill(lang, &[&suggestion.display()])).into());
                }
            }
            let q = load_questionnaire(&args.questionnaire, settings)?;
            let table = CodeTable::new(&q).map_err(|error| InputError(error.message(lang)))?;
            let bytes = tsv::survey(&q, &table);
            crate::output::emit(args.output.as_deref(), &bytes)?;
            if let Some(path) = &args.output {
                eprintln!("{}", written(path, q.questions.len(), &q.languages.join(", "), lang));
            }
            Ok(0)
        }
    }
}

fn written(path: &Path, questions: usize, languages: &str, lang: crate::i18n::Lang) -> String {
    m::LS_WRITTEN.fill(lang, &[&path.display(), &questions, &languages])
}
