//! `kuntakompassi compare INPUT...`: reports (files, or folders searched recursively) side by side.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::{CompareArgs, CompareFormat, CompareGroupBy};
use crate::compare::{self, GroupBy, Input, render};
use crate::error::InputError;
use crate::i18n::messages as m;
use crate::report::load::{self, ReportError};
use crate::settings::Settings;

use super::refuse_overwriting_input;

pub fn run(args: &CompareArgs, settings: &Settings) -> Result<u8> {
    let lang = settings.lang;
    let inputs: Vec<&Path> = args.inputs.iter().map(PathBuf::as_path).collect();
    refuse_overwriting_input(args.output.as_deref(), &inputs, lang)?;

    let mut reports = Vec::new();
    for path in &args.inputs {
        if path.is_dir() {
            let files = json_files(path);
            if files.is_empty() {
                return Err(InputError(m::C_EMPTY_FOLDER.fill(lang, &[&path.display()])).into());
            }
            for file in files {
                // Inside a folder, other JSON (a batch summary, a note) is passed over with a warning.
                match load::load(&file) {
                    Ok(report) => reports.push(Input { file: file.display().to_string(), report }),
                    Err(error @ (ReportError::NotAReport { .. } | ReportError::Schema { .. })) => {
                        eprintln!("{}: {}", m::WARNING.get(lang), error.message(lang));
                    }
                    Err(error) => return Err(error.into()),
                }
            }
        } else {
            reports.push(Input { file: path.display().to_string(), report: load::load(path)? });
        }
    }
    let group_by = match args.group_by {
        CompareGroupBy::Region => GroupBy::Region,
        CompareGroupBy::SizeClass => GroupBy::SizeClass,
        CompareGroupBy::None => GroupBy::None,
    };
    let comparison =
        compare::compare(&reports, group_by, args.anonymize, lang).map_err(|e| InputError(e.message(lang)))?;
    let format =
        args.format.unwrap_or(match args.output.as_deref().and_then(Path::extension).and_then(|e| e.to_str()) {
            Some("json") => CompareFormat::Json,
            Some("csv") => CompareFormat::Csv,
            Some("md" | "markdown") => CompareFormat::Md,
            _ => CompareFormat::Table,
        });
    if format != CompareFormat::Table {
        for line in render::notices(&comparison, lang) {
            eprintln!("{line}");
        }
    }
    let width = if args.output.is_none() && settings.stdout_is_terminal { settings.width() } else { 100 };
    let bytes = match format {
        CompareFormat::Table => render::table(&comparison, lang, width).into_bytes(),
        CompareFormat::Md => render::markdown(&comparison, lang).into_bytes(),
        CompareFormat::Csv => render::csv(&comparison),
        CompareFormat::Json => render::json(&comparison).into_bytes(),
    };
    crate::output::emit(args.output.as_deref(), &bytes)?;
    Ok(0)
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
