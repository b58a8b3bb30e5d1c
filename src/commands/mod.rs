//! One module per command, each with the same `run(args, settings) -> exit code` shape. The command
//! modules are the only ones that read and write files; they call the pure core in between.

pub mod batch;
pub mod compare;
pub mod export;
pub mod interview;
pub mod merge;
pub mod questionnaire;
pub mod report;
pub mod score;
pub mod template;

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, Command, RenderArgs, ReportFormat};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::InputError;
use crate::i18n::{Lang, messages as m};
use crate::input::ReadError;
use crate::questionnaire::load::{LoadError, check_text, load_source};
use crate::questionnaire::{Questionnaire, Source, builtin};
use crate::settings::Settings;

/// Runs the command and returns its exit code (0, or 3 for a batch with rejected rows).
pub fn run(cli: Cli, settings: &Settings) -> Result<u8> {
    if let Some(also) = settings.also
        && !matches!(cli.command, Command::Report(_) | Command::Score(_))
    {
        return Err(InputError(m::TWO_LANGUAGES_ONLY_FOR_REPORTS.fill(settings.lang, &[&settings.lang, &also])).into());
    }
    match cli.command {
        Command::Interview(args) => interview::run(&args, settings),
        Command::Score(args) => score::run(&args, settings),
        Command::Report(args) => report::run(&args, settings),
        Command::Merge(args) => merge::run(&args, settings),
        Command::Compare(args) => compare::run(&args, settings),
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

/// Puts reports' questionnaire texts in the reader's language (see [`crate::report::localise`]): from the
/// questionnaire given with `-q`, else the built-in one a report names (same id, version and sha256), each
/// built-in read once however many reports name it. Without one, or when it lacks the language, a report
/// keeps its stored texts and the renderings say which language they are in; a `-q` that is not a report's
/// questionnaire is said so, naming the report.
pub struct ReaderLanguage<'a> {
    settings: &'a Settings,
    named: Option<(String, Questionnaire)>,
    builtins: std::collections::HashMap<String, Option<Questionnaire>>,
}

impl<'a> ReaderLanguage<'a> {
    pub fn new(spec: Option<&str>, settings: &'a Settings) -> Result<ReaderLanguage<'a>> {
        let named = match spec {
            Some(spec) => Some((spec.to_string(), load_questionnaire(spec, settings)?)),
            None => None,
        };
        Ok(ReaderLanguage { settings, named, builtins: std::collections::HashMap::new() })
    }

    pub fn apply(&mut self, report: crate::report::Report, file: &str) -> crate::report::Report {
        self.apply_in(report, file, self.settings.lang)
    }

    /// As [`ReaderLanguage::apply`], in `lang` rather than the interface's (a bilingual document's second).
    pub fn apply_in(&mut self, report: crate::report::Report, file: &str, lang: Lang) -> crate::report::Report {
        use crate::report::localise::{localise, matches};
        let q = match &self.named {
            Some((spec, q)) => {
                if !matches(&report, q, true) {
                    let r = &report.questionnaire;
                    let stored = crate::render::wording::language_name(&r.language, lang);
                    let message = m::R_KEPT_OTHER_QUESTIONNAIRE.fill(lang, &[&stored, spec, &r.id, &r.version]);
                    let warning =
                        Diagnostic { file: file.to_string(), pos: None, severity: Severity::Warning, message };
                    print_diagnostics(&[warning], lang);
                    return report;
                }
                q
            }
            None => {
                let id = report.questionnaire.id.clone();
                let builtin = self.builtins.entry(id).or_insert_with_key(|id| {
                    let builtin = builtin::find(id)?;
                    let source = Source::Builtin(builtin.file_name.to_string());
                    crate::questionnaire::load::load_text(builtin.text, &source).ok()
                });
                match builtin {
                    Some(q) if matches(&report, q, false) => q,
                    _ => return report,
                }
            }
        };
        localise(&report, q, lang).unwrap_or(report)
    }
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

/// Renders a report in the chosen format (or the default for where it goes) to bytes for `emit`.
/// With `second` (the report in `--lang`'s second language), one bilingual HTML or Markdown document.
pub fn render_report(
    record: &crate::report::Report,
    second: Option<&crate::report::Report>,
    args: &RenderArgs,
    settings: &Settings,
) -> Result<Vec<u8>> {
    use crate::render::report::{bilingual, csv, html, markdown, terminal as table, xlsx};
    let lang = settings.lang;
    let output = args.output.as_deref();
    let format = resolved_format(args, settings);
    if let (Some(second), Some(also)) = (second, settings.also) {
        return match format {
            ReportFormat::Md => Ok(bilingual::markdown((record, lang), (second, also)).into_bytes()),
            ReportFormat::Html => Ok(bilingual::html((record, lang), (second, also)).into_bytes()),
            ReportFormat::Xlsx if output.is_none() && settings.stdout_is_terminal => {
                Err(InputError(m::R_BINARY_TO_TERMINAL.get(lang).to_string()).into())
            }
            ReportFormat::Xlsx => Ok(xlsx::bilingual((record, lang), (second, also))?),
            other => {
                let name =
                    clap::ValueEnum::to_possible_value(&other).map_or_else(String::new, |v| v.get_name().to_string());
                Err(InputError(m::TWO_LANGUAGES_ONLY_FOR_DOCUMENTS.fill(lang, &[&lang, &also, &name])).into())
            }
        };
    }
    Ok(match format {
        ReportFormat::Json => record.to_json().into_bytes(),
        ReportFormat::Table => {
            let to_terminal = output.is_none() && settings.stdout_is_terminal;
            let options = table::TableOptions {
                color: settings.color && output.is_none(),
                width: if to_terminal { settings.width() } else { 80 },
                ..table::TableOptions::default()
            };
            let mut out = Vec::new();
            table::render(record, lang, &options, &mut out)?;
            out
        }
        ReportFormat::Md => markdown::render(record, lang).into_bytes(),
        ReportFormat::Html => html::render(record, lang).into_bytes(),
        ReportFormat::Csv if args.summary => csv::summary(record),
        ReportFormat::Csv => {
            // A CSV has no place for a note of its own: what language its texts are in is said beside it.
            if record.questionnaire.language != lang.code() {
                let stored = crate::render::wording::language_name(&record.questionnaire.language, lang);
                crate::output::say(&format!("{}: {}", m::WARNING.get(lang), m::R_TEXTS_KEPT.fill(lang, &[&stored])));
            }
            csv::long(record, lang)
        }
        ReportFormat::Xlsx => {
            if output.is_none() && settings.stdout_is_terminal {
                return Err(InputError(m::R_BINARY_TO_TERMINAL.get(lang).to_string()).into());
            }
            xlsx::render(record, lang)?
        }
    })
}

/// The format asked for, or the default for where the output goes.
pub fn resolved_format(args: &RenderArgs, settings: &Settings) -> ReportFormat {
    args.format.unwrap_or_else(|| default_format(args.output.as_deref(), settings))
}

/// A table on a terminal; otherwise JSON, or with `-o` what the file's extension says.
fn default_format(output: Option<&std::path::Path>, settings: &Settings) -> ReportFormat {
    match output.and_then(|path| path.extension()).and_then(|e| e.to_str()) {
        Some("txt") => ReportFormat::Table,
        Some("md" | "markdown") => ReportFormat::Md,
        Some("html" | "htm") => ReportFormat::Html,
        Some("csv") => ReportFormat::Csv,
        Some("xlsx") => ReportFormat::Xlsx,
        None if output.is_none() && settings.stdout_is_terminal => ReportFormat::Table,
        _ => ReportFormat::Json,
    }
}
