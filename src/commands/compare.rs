//! `kuntakompassi compare INPUT...`: reports and batch summaries (files, or folders searched recursively)
//! side by side.
//!
//! Inside a folder, JSON that is neither a report nor a batch summary (a note, a comparison) is passed over
//! with a warning; everything else that cannot be read (broken JSON, a report of a newer schema, an
//! unreadable file) stops the command before anything is written. A row of a summary whose own report file is
//! also among the inputs is left out: the full report has the same scores and the question scores too.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::{CompareArgs, CompareFormat, CompareGroupBy};
use crate::compare::summary_input::{self, SummaryError, SummaryRow, Template};
use crate::compare::{self, GroupBy, Input};
use crate::error::InputError;
use crate::i18n::{Lang, messages as m};
use crate::input::{self, ReadError};
use crate::questionnaire::builtin;
use crate::questionnaire::load::{Source, load_text};
use crate::render::compare::text as render;
use crate::report::Report;
use crate::report::load::{self, ReportError};
use crate::settings::Settings;

use super::{ReaderLanguage, refuse_overwriting_input};

pub fn run(args: &CompareArgs, settings: &Settings) -> Result<u8> {
    let lang = settings.lang;
    let inputs: Vec<&Path> = args.inputs.iter().map(PathBuf::as_path).collect();
    refuse_overwriting_input(args.output.as_deref(), &inputs, lang)?;
    let format = args.format.unwrap_or_else(|| by_extension(args.output.as_deref()));
    // Refused before reading thousands of files.
    if format == CompareFormat::Xlsx && args.output.is_none() && settings.stdout_is_terminal {
        return Err(InputError(m::C_XLSX_TO_TERMINAL.get(lang).to_string()).into());
    }

    let mut texts = ReaderLanguage::new(args.questionnaire.as_deref(), settings)?;
    let inputs = load_inputs(&args.inputs, &mut texts, lang)?;
    let group_by = match args.group_by {
        CompareGroupBy::Region => GroupBy::Region,
        CompareGroupBy::SizeClass => GroupBy::SizeClass,
        CompareGroupBy::None => GroupBy::None,
    };
    let comparison =
        compare::compare(&inputs, group_by, args.anonymize, lang).map_err(|e| InputError(e.message(lang)))?;
    if format != CompareFormat::Table {
        for line in render::notices(&comparison, lang) {
            eprintln!("{line}");
        }
    }
    let width = if args.output.is_none() && settings.stdout_is_terminal { settings.width() } else { 100 };
    let bytes = match format {
        CompareFormat::Table => render::table(&comparison, lang, width).into_bytes(),
        CompareFormat::Md => render::markdown(&comparison, lang).into_bytes(),
        CompareFormat::Html => crate::render::compare::html::render(&comparison, lang).into_bytes(),
        CompareFormat::Csv => render::csv(&comparison),
        CompareFormat::Xlsx => crate::render::compare::xlsx::render(&comparison, lang)?,
        CompareFormat::Json => render::json(&comparison).into_bytes(),
    };
    crate::output::emit(args.output.as_deref(), &bytes)?;
    Ok(0)
}

/// The format `-o FILE`'s extension asks for; a table when there is none or it says nothing.
fn by_extension(output: Option<&Path>) -> CompareFormat {
    let extension = output.and_then(Path::extension).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("json") => CompareFormat::Json,
        Some("csv") => CompareFormat::Csv,
        Some("md" | "markdown") => CompareFormat::Md,
        Some("html" | "htm") => CompareFormat::Html,
        Some("xlsx") => CompareFormat::Xlsx,
        _ => CompareFormat::Table,
    }
}

/// What one input file turned out to be.
enum Found {
    Report(Box<Report>),
    Summary(Vec<SummaryRow>),
}

/// Why one input file could not be used.
#[derive(Debug, thiserror::Error)]
enum Unreadable {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(transparent)]
    Summary(#[from] SummaryError),
}

impl Unreadable {
    /// JSON of some other kind, which a folder may well hold beside the reports.
    fn is_other_json(&self) -> bool {
        matches!(
            self,
            Unreadable::Report(ReportError::NotAReport { .. })
                | Unreadable::Summary(SummaryError::NotASummary { .. } | SummaryError::NoRows { .. })
        )
    }

    fn into_error(self, lang: Lang) -> anyhow::Error {
        match self {
            Unreadable::Read(error) => error.into(),
            Unreadable::Report(error) => error.into(),
            Unreadable::Summary(error) => InputError(error.message(lang)).into(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            Unreadable::Read(error) => error.message(lang),
            Unreadable::Report(error) => error.message(lang),
            Unreadable::Summary(error) => error.message(lang),
        }
    }
}

/// Reads a report or a batch summary: an object is a report, an array a summary.
fn read(path: &Path, texts: &mut ReaderLanguage) -> Result<Found, Unreadable> {
    let text = input::read_text(path, input::SUMMARY_LIMIT)?;
    let file = path.display().to_string();
    if summary_input::looks_like_summary(&text) {
        return Ok(Found::Summary(summary_input::parse(&text, &file)?));
    }
    if text.len() as u64 > input::REPORT_LIMIT {
        let size = text.len() as u64;
        return Err(ReadError::TooLarge { path: path.to_path_buf(), size, limit: input::REPORT_LIMIT }.into());
    }
    // In the reader's language before the answers are let go: answers in words come from them.
    let mut report = texts.apply(load::parse(&text, &file)?, &file);
    // The comparison reads scores, texts and next steps; the answers themselves are let go at once, so that
    // thousands of reports fit in memory.
    for question in &mut report.questions {
        question.answer = serde_json::Value::Null;
        question.answer_text = None;
        question.level_description = None;
        question.note = None;
    }
    for step in &mut report.roadmap {
        step.text = String::new();
        step.current = String::new();
    }
    Ok(Found::Report(Box::new(report)))
}

/// Every input as compare's inputs: reports as they are, summary rows as reports without questions.
fn load_inputs(paths: &[PathBuf], texts: &mut ReaderLanguage, lang: Lang) -> Result<Vec<Input>> {
    let mut reports: Vec<Input> = Vec::new();
    let mut report_files: HashSet<PathBuf> = HashSet::new();
    let mut summaries: Vec<(PathBuf, Vec<SummaryRow>)> = Vec::new();
    for path in paths {
        let in_folder = path.is_dir();
        let files = if in_folder { json_files(path) } else { vec![path.clone()] };
        let mut used = 0;
        for file in files {
            match read(&file, texts) {
                Ok(Found::Report(report)) => {
                    report_files.insert(file.canonicalize().unwrap_or_else(|_| file.clone()));
                    reports.push(Input::report(file.display().to_string(), *report));
                    used += 1;
                }
                Ok(Found::Summary(rows)) => {
                    summaries.push((file, rows));
                    used += 1;
                }
                Err(error) if in_folder && error.is_other_json() => {
                    eprintln!(
                        "{}: {}",
                        m::WARNING.get(lang),
                        crate::inert::inert(&error.message(lang), crate::inert::Layout::Line)
                    );
                }
                Err(error) => return Err(error.into_error(lang)),
            }
        }
        if in_folder && used == 0 {
            return Err(InputError(m::C_EMPTY_FOLDER.fill(lang, &[&path.display()])).into());
        }
    }

    let mut inputs = Vec::new();
    for (file, rows) in &summaries {
        let name = file.display().to_string();
        let template = template(file, rows, &reports, lang)
            .ok_or_else(|| InputError(SummaryError::UnknownQuestionnaire { file: name.clone() }.message(lang)))?;
        let folder = file.parent().unwrap_or(Path::new("."));
        for (i, row) in rows.iter().enumerate() {
            let own_report = row.report.as_ref().map(|r| folder.join(r)).and_then(|p| p.canonicalize().ok());
            if own_report.is_some_and(|p| report_files.contains(&p)) {
                continue;
            }
            let file = format!("{name}#{}", i + 1);
            inputs.push(Input {
                report: texts.apply(summary_input::report(row, &template), &file),
                file,
                from_summary: true,
            });
        }
    }
    reports.extend(inputs);
    Ok(reports)
}

/// Where a summary's questionnaire, bands and theme titles come from: one of the batch's reports beside it,
/// else a report among the inputs with the same themes, else the one built-in questionnaire with them.
fn template(file: &Path, rows: &[SummaryRow], reports: &[Input], lang: Lang) -> Option<Template> {
    let folder = file.parent().unwrap_or(Path::new("."));
    for name in rows.iter().filter_map(|r| r.report.as_deref()).take(10) {
        if let Ok(report) = load::load(&folder.join(name)) {
            return Some(Template::of_report(&report));
        }
    }
    let themes: BTreeSet<String> = summary_input::theme_ids(rows).into_iter().collect();
    let same_themes = |ids: BTreeSet<String>| ids == themes;
    if let Some(input) = reports.iter().find(|i| same_themes(i.report.themes.iter().map(|t| t.id.clone()).collect())) {
        return Some(Template::of_report(&input.report));
    }
    let mut matching = builtin::all()
        .iter()
        .filter_map(|b| load_text(b.text, &Source::Builtin(b.file_name.to_string())).ok())
        .filter(|q| same_themes(q.themes.iter().map(|t| t.id.clone()).collect()));
    match (matching.next(), matching.next()) {
        (Some(q), None) => Some(Template::of_questionnaire(&q, lang)),
        _ => None,
    }
}

/// Every `*.json` under `dir`, in a stable order.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
