//! kuntakompassi: a Finnish municipality's self-assessment of its digital maturity.
//!
//! Data flows one way: questionnaire + answers → assessment → report → rendered output.
//!
//! - [`questionnaire`]: the questionnaire model, its loading (built-in or file) and validation;
//! - [`answers`]: answer sheets, checked against a questionnaire;
//! - [`batch`]: CSV and XLSX files of many respondents, read and scored row by row, each row handed to a sink;
//! - [`scoring`] and [`roadmap`]: pure functions from answers to scores and next steps (DESIGN.md §4);
//! - [`mil`]: pure: the practices that hold a maturity indicator level down, and the answer each needs;
//! - [`merge`]: pure: several respondents' answer sheets of one municipality merged into one;
//! - [`report`]: the report record `kuntakompassi.report/1` of a respondent or a group, read back and put
//!   in the reader's language (`report::localise`);
//! - [`render`]: everything a reader sees: a report, a comparison or a batch summary turned into bytes;
//! - [`limesurvey`]: the questionnaire as a LimeSurvey survey, and the codes that read its responses back;
//! - [`commands`]: one module per command, the only code that reads and writes files;
//! - [`cli`], [`settings`], [`error`], [`output`], [`input`], [`i18n`], [`inert`]: the edges;
//! - [`csv_writer`]: the one CSV writer set-up and cell rule every CSV output uses; [`wrap`]: word wrapping.

pub mod answers;
pub mod batch;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod compare;
pub mod csv_writer;
pub mod diagnostic;
pub mod error;
pub mod i18n;
pub mod inert;
pub mod input;
pub mod interview;
pub mod limesurvey;
pub mod merge;
pub mod mil;
pub mod output;
pub mod questionnaire;
pub mod regions;
pub mod render;
pub mod report;
pub mod roadmap;
pub mod scoring;
pub mod settings;
pub mod wrap;

use std::io::Write;

/// Parses the command line, runs the command and returns the process exit code.
pub fn main_with_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> u8 {
    use clap::Parser;
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (exit 2).
            let _ = error.print();
            return if error.use_stderr() { 2 } else { 0 };
        }
    };
    let settings = settings::Settings::resolve(&cli);
    match commands::run(cli, &settings) {
        Ok(code) => code,
        Err(error) => {
            let code = error::exit_code(&error);
            if code != 0 {
                let word = i18n::messages::ERROR.get(settings.lang);
                let _ = writeln!(std::io::stderr(), "{word}: {}", error::message(&error, settings.lang));
            }
            code
        }
    }
}
