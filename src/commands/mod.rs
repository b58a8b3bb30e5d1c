//! One module per command, each with the same `run(args, settings) -> exit code` shape. The command
//! modules are the only ones that read and write files; they call the pure core in between.

pub mod batch;
pub mod interview;
pub mod questionnaire;
pub mod score;
pub mod template;

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, Command};
use crate::diagnostic::Diagnostic;
use crate::error::InputError;
use crate::i18n::{Lang, messages as m};
use crate::input::ReadError;
use crate::questionnaire::load::{LoadError, check_text, load_source};
use crate::questionnaire::{Questionnaire, Source, builtin};
use crate::settings::Settings;

/// Runs the command and returns its exit code (0, or 3 for a batch with rejected rows).
pub fn run(cli: Cli, settings: &Settings) -> Result<u8> {
    match cli.command {
        Command::Interview(args) => interview::run(&args, settings),
        Command::Score(args) => score::run(&args, settings),
        Command::Questionnaire(command) => questionnaire::run(&command, settings),
        Command::Completions(args) => {
            let mut stdout = std::io::stdout().lock();
            clap_complete::generate(args.shell, &mut Cli::command(), "kuntakompassi", &mut stdout);
            stdout.flush()?;
            Ok(0)
        }
    }
}

/// Prints diagnostics to standard error, one per line.
pub fn print_diagnostics(diagnostics: &[Diagnostic], lang: Lang) {
    let mut stderr = std::io::stderr().lock();
    for diagnostic in diagnostics {
        let _ = writeln!(stderr, "{}", diagnostic.render(lang));
    }
}

/// Reads `-q ID|FILE`, turning "no such built-in" and unreadable files into messages in `lang`.
pub fn read_questionnaire_source(spec: &str, lang: Lang) -> Result<(String, Source)> {
    load_source(spec).map_err(|error| match error {
        LoadError::Read(read) => anyhow::Error::new(read),
        LoadError::UnknownBuiltin(id) => {
            let known: Vec<String> = builtin::all().iter().map(|b| format!("`{}`", b.id)).collect();
            InputError(m::UNKNOWN_BUILTIN.fill(lang, &[&id, &known.join(", ")])).into()
        }
        LoadError::Invalid { diagnostics } => {
            print_diagnostics(&diagnostics, lang);
            InputError(m::QUESTIONNAIRE_HAS_ERRORS.fill(lang, &[&spec, &diagnostics.len()])).into()
        }
    })
}

/// Loads a questionnaire for a command, printing its warnings; its errors end the command (exit 2).
pub fn load_questionnaire(spec: &str, settings: &Settings) -> Result<Questionnaire> {
    let lang = settings.lang;
    let (text, source) = read_questionnaire_source(spec, lang)?;
    let checked = check_text(&text, &source);
    let file = source.to_string();
    let diagnostics: Vec<Diagnostic> = checked.findings.iter().map(|f| f.diagnostic(&file, lang)).collect();
    print_diagnostics(&diagnostics, lang);
    checked.questionnaire.ok_or_else(|| {
        let errors = crate::diagnostic::error_count(&diagnostics);
        InputError(m::QUESTIONNAIRE_HAS_ERRORS.fill(lang, &[&file, &errors])).into()
    })
}

/// Refuses to write an output over one of the inputs.
pub fn refuse_overwriting_input(
    output: Option<&std::path::Path>,
    inputs: &[&std::path::Path],
    lang: Lang,
) -> Result<()> {
    if let Some(output) = output
        && inputs.iter().any(|input| crate::output::same_file(output, input))
    {
        return Err(InputError(m::OUTPUT_IS_INPUT.fill(lang, &[&output.display()])).into());
    }
    Ok(())
}

/// Wraps a read error so that it keeps its exit code and localised message.
pub fn read_error(error: ReadError) -> anyhow::Error {
    anyhow::Error::new(error)
}
