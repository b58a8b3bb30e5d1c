//! `kuntakompassi score FILE.csv|FILE.xlsx`: a batch of respondents → a summary, one report per respondent
//! or group, and `rejected.csv`, streamed row by row.
//!
//! The run goes in two passes over the file's start and one over the whole: the header row is read first,
//! and every problem with it stops the run before anything is written (exit 2). Then each row is read,
//! scored or rejected, and written at once; nothing but the per-group sums of `--group-by` is kept. With
//! `--out-dir` everything is written into a hidden staging folder inside it and moved into place only at the
//! end, so that an interrupted or `--strict` run leaves the folder as it was (a killed run leaves its hidden
//! staging folder, which the next run into the folder removes). Every row ends in exactly one
//! place, and the closing count says where (exit 3 when any row was rejected).

use std::collections::BTreeMap;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::batch::cell::CellProblem;
use crate::batch::group::Accumulator;
use crate::batch::header::{self, Aside, ColumnMap, HeaderNote, Meta, Plan, Role};
use crate::batch::progress::Progress;
use crate::batch::read::{BatchReadError, Layout, ReadOptions, Row, Source};
use crate::batch::rejected::RejectedWriter;
use crate::batch::summary::{self, SummaryRow, SummaryWriter};
use crate::batch::summary_xlsx::XlsxSummary;
use crate::batch::{Engine, Incomplete, RowKind};
use crate::cli::{ReportFormat, ScoreArgs};
use crate::error::InputError;
use crate::i18n::{Lang, messages as m};
use crate::input::{self, ReadError};
use crate::output::{FreeNames, UntilClosed, WriteError, remove_abandoned, safe_file_stem, say, temp_prefix};
use crate::questionnaire::load::check_text;
use crate::questionnaire::{Questionnaire, Source as QSource, builtin};
use crate::report::{self, Context};
use crate::settings::Settings;
use crate::{clock, roadmap, scoring};

use super::{load_questionnaire, read_error, refuse_overwriting_input};

/// At most this many error lines go to standard error; all of them are in `rejected.csv`.
const MAX_PRINTED_ERRORS: usize = 200;

/// Whether `score` should treat its input as a batch.
pub fn is_batch(path: &Path) -> bool {
    crate::batch::read::is_batch(path)
}

pub fn run(args: &ScoreArgs, settings: &Settings) -> Result<u8> {
    let lang = settings.lang;
    let batch = &args.batch;
    let file = crate::inert::inert_text(args.input.display().to_string(), crate::inert::Layout::Line);
    if args.render.output.is_some() && batch.out_dir.is_some() {
        return Err(InputError(m::B_OUTPUT_AND_OUT_DIR.get(lang).to_string()).into());
    }
    for output in planned_outputs(args) {
        refuse_overwriting_input(Some(&output), &[&args.input], lang)?;
    }
    check_input(&args.input)?;
    let format = batch_format(args, settings)?;
    let delimiter = match batch.delimiter.as_deref() {
        None => None,
        Some(text) => Some(parse_delimiter(text).ok_or_else(|| InputError(m::B_BAD_DELIMITER.fill(lang, &[&text])))?),
    };
    let options = ReadOptions { encoding: batch.encoding, delimiter, sheet: batch.sheet.clone() };
    let map = match &batch.map {
        Some(path) => Some(load_map(path, lang)?),
        None => None,
    };

    // The header row, before anything else.
    let ((mut headers, mut header_line), next) = Source::open(&args.input, &options)
        .and_then(|mut source| read_header(&mut source))
        .map_err(|e| batch_read_error(&e, lang))?;
    let q = choose_questionnaire(args, &headers, map.as_ref(), settings)?;
    let mut second_header = false;
    if let Some((next, next_line)) = next {
        match header::second_header(&q, &headers, &next) {
            header::SecondHeader::No => {}
            header::SecondHeader::Merged(merged) => {
                headers = merged;
                header_line = next_line;
                second_header = true;
                say(&format!("{file}:{next_line}: {}: {}", m::B_NOTE.get(lang), m::B_SECOND_HEADER.get(lang)));
            }
            header::SecondHeader::Unclear { column } => {
                let at = format!("{file}:{next_line}:{} ({})", column + 1, next[column].trim());
                say(&format!("{at}: {}: {}", m::ERROR.get(lang), m::B_SECOND_HEADER_UNCLEAR.get(lang)));
                return Err(InputError(m::B_HEADER_PROBLEMS.fill(lang, &[&file, &1])).into());
            }
        }
    }
    let planned = header::plan(&q, &headers, header_line, map.as_ref(), batch.group_by.as_deref()).and_then(
        |(mut plan, notes)| {
            plan.second_header = second_header;
            let columns = header::headerless(&plan);
            if columns.is_empty() {
                return Ok((plan, notes));
            }
            // A read error here is met again, and reported, when the rows are read.
            let found = headerless_data(&args.input, &options, header_line, &columns).unwrap_or_default();
            if found.is_empty() {
                Ok((plan, notes))
            } else {
                Err(found
                    .into_iter()
                    .map(|(column, line)| header::HeaderFinding {
                        column: Some(column),
                        problem: header::HeaderProblem::NoHeaderWithData { line },
                    })
                    .collect())
            }
        },
    );
    let (plan, notes) = match planned {
        Ok(found) => found,
        Err(mut findings) => {
            findings.sort_by_key(|finding| finding.column.unwrap_or(usize::MAX));
            let mut stderr = std::io::stderr().lock();
            for finding in &findings {
                let at = match finding.column {
                    Some(column) if headers.get(column).is_none_or(|h| h.trim().is_empty()) => {
                        format!("{file}:{header_line}: {} {}", m::TPL_COLUMN.get(lang), header::column_name(column))
                    }
                    Some(column) => format!(
                        "{file}:{header_line}:{} ({})",
                        column + 1,
                        crate::inert::inert(headers[column].trim(), crate::inert::Layout::Line)
                    ),
                    None => format!("{file}:{header_line}"),
                };
                let _ = writeln!(stderr, "{at}: {}: {}", m::ERROR.get(lang), finding.message(lang));
            }
            let _ = writeln!(stderr, "{}", m::B_HEADER_HINT.get(lang));
            return Err(InputError(m::B_HEADER_PROBLEMS.fill(lang, &[&file, &findings.len()])).into());
        }
    };
    // The rows, from the start again: reading the header has buffered some of them.
    let mut source = Source::open(&args.input, &options).map_err(|e| batch_read_error(&e, lang))?;
    print_notes(&file, &plan, &notes, &source.layout(), lang);
    if let (Some(map), Some(path)) = (&map, &batch.map) {
        for (key, (_, pos)) in &map.columns {
            if !header::map_key_used(key, &headers) {
                say(&format!(
                    "{}:{pos}: {}: {}",
                    path.display(),
                    m::WARNING.get(lang),
                    m::B_MAP_UNUSED.fill(lang, &[key])
                ));
            }
        }
    }
    let mut outputs = Outputs::open(args, format, &q, lang, &plan)?;
    let context = Context { lang, created: clock::rfc3339(settings.now) };
    let last_page = header::limesurvey_last_page(&q, &plan);
    let mut engine = Engine::new(&q, plan);
    engine.set_incomplete_rule(batch.include_incomplete, last_page);
    engine.set_other_prefix(m::B_OTHER_PREFIX.get(lang));
    // Each question's outcome goes into the reports and the group sums; a summary alone needs none.
    engine.keep_outcomes(outputs.staging.is_some() || engine.plan.group.is_some());
    let mut groups: BTreeMap<String, Accumulator> = BTreeMap::new();
    let group_column = engine.plan.group.map(|c| engine.plan.header(c).trim().to_string());
    let grouped_field = engine.plan.group.and_then(|c| match engine.plan.roles[c] {
        header::Role::Meta(meta) => Some(meta.key()),
        _ => None,
    });
    let mut counts = Counts::default();
    let mut names = FreeNames::default();
    let mut quote_rejected = false;
    let mut printed = 0usize;
    let mut themes: Vec<(Option<f64>, Option<u8>)> = Vec::with_capacity(q.themes.len());
    let mut rendered: Vec<String> = Vec::new();
    let mut progress = Progress::new(std::io::stderr().is_terminal(), lang, source.counter(), source.size());
    let delimiter = source.delimiter();

    let result = source.for_each_row(|row: &Row| -> Result<bool> {
        if row.line <= header_line {
            return Ok(true);
        }
        match engine.process(row) {
            RowKind::Blank => counts.blank += 1,
            RowKind::Incomplete => {
                counts.incomplete += 1;
                rendered.clear();
                rendered.push(match engine.incomplete {
                    Some(Incomplete::LastPage { page, last }) => {
                        format!("{file}:{}: {}", row.line, m::B_INCOMPLETE_LAST_PAGE.fill(lang, &[&page, &last]))
                    }
                    _ => format!("{file}:{}: {}", row.line, m::B_INCOMPLETE_NOT_SUBMITTED.get(lang)),
                });
                outputs.reject(row, &rendered, delimiter, &engine.plan.headers, lang)?;
            }
            RowKind::Rejected => {
                counts.rejected += 1;
                quote_rejected |=
                    engine.errors.iter().any(|e| matches!(e.problem, CellProblem::QuoteAcrossLines { .. }));
                rendered.clear();
                rendered.extend(engine.errors.iter().map(|error| engine.render_error(error, &file, row, lang)));
                for line in &rendered {
                    if printed < MAX_PRINTED_ERRORS || batch.strict {
                        say(line);
                    }
                    printed += 1;
                }
                if batch.strict {
                    return Err(InputError(m::B_STRICT_STOPPED.fill(lang, &[&file, &row.line])).into());
                }
                outputs.reject(row, &rendered, delimiter, &engine.plan.headers, lang)?;
            }
            RowKind::Scored => {
                counts.scored += 1;
                counts.other_only += engine.other_only().len();
                if let Some((column, text)) = &engine.first_other {
                    let header = engine.plan.header(*column).trim();
                    let at = format!("{file}:{}:{} ({header})", row.line, column + 1);
                    say(&format!("{at}: {}: {}", m::B_NOTE.get(lang), m::B_READ_AS_OTHER.fill(lang, &[text])));
                }
                if group_column.is_some() {
                    let key = engine.fields.group.as_str();
                    if !groups.contains_key(key) {
                        groups.insert(key.to_string(), Accumulator::new(&q));
                    }
                    if let Some(acc) = groups.get_mut(key) {
                        acc.add(&q, &engine.tally.assessment);
                        add_fields(acc, &engine);
                    }
                } else {
                    let report_name = match &outputs.staging {
                        Some(staging) => {
                            Some(write_individual_report(&engine, row, staging.path(), &mut names, &context)?)
                        }
                        None => None,
                    };
                    themes.clear();
                    themes.extend(engine.tally.assessment.themes.iter().map(|t| (t.score, t.mil)));
                    let population = engine.fields.population.map(|p| itoa::Buffer::new().format(p).to_string());
                    let fields = field_texts(&engine, population.as_deref());
                    outputs.summary(&SummaryRow {
                        line: Some(row.line),
                        group: None,
                        fields,
                        respondents: 1,
                        overall: engine.tally.assessment.overall,
                        themes: &themes,
                        completeness: engine.tally.assessment.completeness,
                        report: report_name.as_deref(),
                    })?;
                }
            }
        }
        progress.tick(counts.scored + counts.rejected + counts.incomplete + counts.blank);
        Ok(true)
    });
    progress.finish();
    // A reading error after the header (a row over its limit, a quote never closed) is the file's: exit 2.
    result.map_err(|error| match error.downcast::<BatchReadError>() {
        Ok(read) => batch_read_error(&read, lang),
        Err(other) => other,
    })?;
    // One cell across lines in a whole file that has none elsewhere is more often a quote left open than a
    // note on two lines; a row rejected for it has said so already.
    if let (1, Some((line, span))) = source.spanning_quotes()
        && !quote_rejected
    {
        let header = crate::inert::inert(engine.plan.header(span.column).trim(), crate::inert::Layout::Line);
        let word = m::WARNING.get(lang);
        let message = m::B_QUOTE_ONLY_SPANNING.fill(lang, &[&span.lines]);
        eprintln!("{file}:{line}:{} ({header}): {word}: {message}", span.column + 1);
    }

    if let Some(column) = &group_column {
        for (value, acc) in &groups {
            let report_name = match &outputs.staging {
                Some(staging) => {
                    let (g, shared) = (acc.finish(), acc.shared());
                    let key = report::group::Key { column, value, field: grouped_field };
                    let record = report::group::report(&q, &acc.members(&g, &shared), &key, &context);
                    let mut stem = safe_file_stem(value);
                    if let Some(code) = &record.respondent.municipality_code
                        && grouped_field == Some("municipality")
                    {
                        stem = format!("{stem}-{code}");
                    }
                    let path = names.path(staging.path(), &stem, "json");
                    write_file(&path, record.to_json().as_bytes())?;
                    Some(file_name(&path))
                }
                None => None,
            };
            let g = acc.finish();
            themes.clear();
            themes.extend(g.theme_scores.iter().zip(&g.theme_mils).map(|(s, mil)| (*s, *mil)));
            let f = &acc.fields;
            let population = f.population.value().map(|p| p.to_string());
            let texts = [
                f.municipality.value(),
                f.municipality_code.value(),
                f.region.value(),
                population,
                None,
                f.role.value(),
                f.department.value(),
                f.date.value(),
            ];
            let mut fields: [Option<&str>; 8] = [None; 8];
            for (field, text) in fields.iter_mut().zip(&texts) {
                *field = text.as_deref();
            }
            if grouped_field == Some("municipality") {
                fields[Meta::Municipality.index()] = Some(value);
            }
            outputs.summary(&SummaryRow {
                line: None,
                group: Some(value),
                fields,
                respondents: g.members,
                overall: g.overall,
                themes: &themes,
                completeness: g.completeness,
                report: report_name.as_deref(),
            })?;
        }
    }

    let rejected_path = outputs.finish(settings.width())?;
    let total = counts.scored + counts.rejected + counts.incomplete;
    let mut line = m::B_COUNT.fill(lang, &[&total, &counts.scored, &counts.rejected]);
    if counts.incomplete > 0 {
        line.push_str(&m::B_COUNT_INCOMPLETE.fill(lang, &[&counts.incomplete]));
    }
    if counts.blank > 0 {
        line.push_str(&m::B_COUNT_BLANK.fill(lang, &[&counts.blank]));
    }
    if counts.other_only > 0 {
        line.push_str(&m::B_COUNT_OTHER.fill(lang, &[&counts.other_only]));
    }
    if let Some(path) = &rejected_path {
        line.push_str(&m::B_COUNT_REJECTED_IN.fill(lang, &[&path.display()]));
    }
    if printed > MAX_PRINTED_ERRORS {
        say(&m::B_MORE_ERRORS.fill(lang, &[&(printed - MAX_PRINTED_ERRORS)]));
    }
    say(&line);
    Ok(if counts.rejected > 0 { 3 } else { 0 })
}

#[derive(Debug, Default)]
struct Counts {
    scored: usize,
    rejected: usize,
    incomplete: usize,
    blank: usize,
    /// Questions answered only with "other", over all scored rows.
    other_only: usize,
}

/// The files a run may write besides the reports, so that none of them is the input.
fn planned_outputs(args: &ScoreArgs) -> Vec<PathBuf> {
    match (&args.batch.out_dir, &args.render.output) {
        (Some(dir), _) => {
            ["summary.csv", "summary.json", "summary.xlsx", "rejected.csv"].iter().map(|name| dir.join(name)).collect()
        }
        (None, Some(path)) => vec![path.clone(), rejected_beside(path)],
        (None, None) => vec![PathBuf::from("rejected.csv")],
    }
}

/// `summary.csv` → `summary-rejected.csv` in the same folder.
fn rejected_beside(path: &Path) -> PathBuf {
    let stem = path.file_stem().map_or_else(|| "summary".into(), |s| s.to_string_lossy().into_owned());
    parent_dir(path).join(format!("{stem}-rejected.csv"))
}

/// `,` `;` `tab` (or a tab character) `|`.
fn parse_delimiter(text: &str) -> Option<u8> {
    match text {
        "," | "comma" => Some(b','),
        ";" | "semicolon" => Some(b';'),
        "\t" | "\\t" | "tab" | "TAB" => Some(b'\t'),
        "|" | "pipe" => Some(b'|'),
        _ => None,
    }
}

/// What the summary of `-o` or standard output is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    Text(summary::Format),
    Xlsx,
}

/// The summary's format: `--format`, else by the extension of `-o`, else a table on a terminal and CSV
/// otherwise. An extension that names no summary format, or another one than `--format`, is refused here,
/// before any work.
fn batch_format(args: &ScoreArgs, settings: &Settings) -> Result<Wanted> {
    let lang = settings.lang;
    let output = args.render.output.as_deref();
    let extension = output.and_then(Path::extension).map(|e| e.to_string_lossy().to_ascii_lowercase());
    let by_extension = match extension.as_deref() {
        None => None,
        Some("csv") => Some(Wanted::Text(summary::Format::Csv)),
        Some("json") => Some(Wanted::Text(summary::Format::Json)),
        Some("txt") => Some(Wanted::Text(summary::Format::Table)),
        Some("xlsx") => Some(Wanted::Xlsx),
        Some(other) => {
            let path = output.map(Path::display).map(|p| p.to_string()).unwrap_or_default();
            return Err(InputError(
                m::B_BAD_OUTPUT_EXTENSION.fill(lang, &[&path, &format!(".{other}"), &"`.csv` `.json` `.txt` `.xlsx`"]),
            )
            .into());
        }
    };
    let by_flag = match args.render.format {
        None => None,
        Some(ReportFormat::Csv) => Some(Wanted::Text(summary::Format::Csv)),
        Some(ReportFormat::Json) => Some(Wanted::Text(summary::Format::Json)),
        Some(ReportFormat::Table) => Some(Wanted::Text(summary::Format::Table)),
        Some(ReportFormat::Xlsx) => Some(Wanted::Xlsx),
        // The per-respondent reports are JSON; `report` renders any of them as Markdown or HTML.
        Some(ReportFormat::Md | ReportFormat::Html) => {
            return Err(InputError(m::B_FORMAT_NOT_FOR_BATCH.get(lang).to_string()).into());
        }
    };
    if let (Some(flag), Some(by_extension), Some(format)) = (by_flag, by_extension, args.render.format)
        && flag != by_extension
    {
        let path = output.map(Path::display).map(|p| p.to_string()).unwrap_or_default();
        let name = if format == ReportFormat::Table { "txt".to_string() } else { format!("{format:?}").to_lowercase() };
        return Err(InputError(m::B_EXTENSION_NOT_FORMAT.fill(lang, &[&path, &name])).into());
    }
    let wanted = by_flag.or(by_extension).unwrap_or(if output.is_none() && settings.stdout_is_terminal {
        Wanted::Text(summary::Format::Table)
    } else {
        Wanted::Text(summary::Format::Csv)
    });
    // With `--out-dir`, `summary.xlsx` is written there anyway; standard output gets no workbook.
    if wanted == Wanted::Xlsx && output.is_none() && args.batch.out_dir.is_none() {
        return Err(InputError(m::B_XLSX_NEEDS_FILE.get(lang).to_string()).into());
    }
    Ok(wanted)
}

/// The input must be a file with something in it; the same messages as for any input file.
fn check_input(path: &Path) -> Result<()> {
    let metadata = std::fs::metadata(path).map_err(|source| {
        read_error(if source.kind() == std::io::ErrorKind::NotFound {
            ReadError::NotFound(path.to_path_buf())
        } else {
            ReadError::Io { path: path.to_path_buf(), source }
        })
    })?;
    if metadata.is_dir() {
        return Err(read_error(ReadError::IsDirectory(path.to_path_buf())));
    }
    if metadata.len() == 0 {
        return Err(read_error(ReadError::Empty(path.to_path_buf())));
    }
    Ok(())
}

fn batch_read_error(error: &BatchReadError, lang: Lang) -> anyhow::Error {
    let message = match error {
        BatchReadError::Io { path, source } => m::READ_IO.fill(lang, &[&path.display(), source]),
        BatchReadError::Workbook { path, message } => m::B_WORKBOOK_ERROR.fill(lang, &[&path.display(), message]),
        BatchReadError::NoSheet { path, sheet, sheets } => m::B_NO_SHEET.fill(lang, &[&path.display(), sheet, sheets]),
        BatchReadError::NoRows { path } => m::READ_EMPTY.fill(lang, &[&path.display()]),
        BatchReadError::Refused { path, refusal } => refusal.message(path, lang),
        BatchReadError::UnclosedQuote { path, line, column } => {
            m::B_UNCLOSED_QUOTE.fill(lang, &[&path.display(), line, &(column + 1)])
        }
        BatchReadError::TooLong { path, line, cell, limit, quote } => {
            let mib = limit / (1024 * 1024);
            if let Some((line, column)) = quote {
                m::B_ROW_TOO_LONG_QUOTE.fill(lang, &[&path.display(), line, &(column + 1), &mib])
            } else if *cell {
                m::B_CELL_TOO_LONG.fill(lang, &[&path.display(), line, &mib])
            } else {
                m::B_ROW_TOO_LONG.fill(lang, &[&path.display(), line, &mib])
            }
        }
    };
    InputError(message).into()
}

/// A row's cells and its line.
type Cells = (Vec<String>, u64);

/// Reads the first two non-blank rows: the header, and the row after it (a second header row, or the
/// first respondent).
fn read_header(source: &mut Source) -> Result<(Cells, Option<Cells>), BatchReadError> {
    let mut found: Vec<Cells> = Vec::with_capacity(2);
    source.for_each_row(|row: &Row| -> Result<bool, BatchReadError> {
        if row.is_blank() {
            return Ok(true);
        }
        found.push(((0..row.len()).map(|i| row.cell_lossy(i).into_owned()).collect(), row.line));
        Ok(found.len() < 2)
    })?;
    let mut found = found.into_iter();
    let header = found.next().ok_or_else(|| BatchReadError::NoRows { path: source.path().to_path_buf() })?;
    Ok((header, found.next()))
}

/// The first line of each column without a header that holds data, read over the whole file (only when
/// there are such columns).
fn headerless_data(
    path: &Path,
    options: &ReadOptions,
    header_line: u64,
    columns: &[usize],
) -> Result<Vec<(usize, u64)>, BatchReadError> {
    let mut found: Vec<(usize, u64)> = Vec::new();
    let mut source = Source::open(path, options)?;
    source.for_each_row(|row: &Row| -> Result<bool, BatchReadError> {
        if row.line > header_line {
            for &column in columns {
                if !found.iter().any(|(c, _)| *c == column) && !row.cell_lossy(column).trim().is_empty() {
                    found.push((column, row.line));
                }
            }
        }
        Ok(found.len() < columns.len())
    })?;
    found.sort_unstable();
    Ok(found)
}

fn load_map(path: &Path, lang: Lang) -> Result<ColumnMap> {
    let text = input::read_text(path, input::SHEET_LIMIT).map_err(read_error)?;
    ColumnMap::parse(&text, lang).map_err(|problems| {
        let mut stderr = std::io::stderr().lock();
        for problem in &problems {
            let at = problem.pos.map_or_else(|| path.display().to_string(), |pos| format!("{}:{pos}", path.display()));
            let _ = writeln!(stderr, "{at}: {}: {}", m::ERROR.get(lang), problem.message);
        }
        InputError(m::B_MAP_HAS_ERRORS.fill(lang, &[&path.display(), &problems.len()])).into()
    })
}

/// `-q` when given; otherwise the built-in questionnaire whose questions the headers name most (the default
/// one when none does).
fn choose_questionnaire(
    args: &ScoreArgs,
    headers: &[String],
    map: Option<&ColumnMap>,
    settings: &Settings,
) -> Result<Questionnaire> {
    if let Some(spec) = &args.questionnaire {
        return load_questionnaire(spec, settings);
    }
    let mut best: Option<(usize, String)> = None;
    for b in builtin::all() {
        let Some(q) = check_text(b.text, &QSource::Builtin(b.file_name.to_string())).questionnaire else { continue };
        let matched = header::question_matches(&q, headers, map);
        if matched > 0 && best.as_ref().is_none_or(|(n, _)| matched > *n) {
            best = Some((matched, b.id.clone()));
        }
    }
    let spec = best.map_or_else(|| builtin::DEFAULT_ID.to_string(), |(_, id)| id);
    let q = load_questionnaire(&spec, settings)?;
    say(&m::B_CHOSE_QUESTIONNAIRE.fill(settings.lang, &[&q.id]));
    Ok(q)
}

fn print_notes(file: &str, plan: &Plan, notes: &[HeaderNote], layout: &Layout, lang: Lang) {
    let mut stderr = std::io::stderr().lock();
    let word = m::B_NOTE.get(lang);
    let read_as = match layout {
        Layout::Csv { encoding, delimiter } => {
            let delimiter = if *delimiter == b'\t' { "tab".to_string() } else { char::from(*delimiter).to_string() };
            m::B_READ_AS_CSV.fill(lang, &[&encoding.name(), &delimiter])
        }
        Layout::Workbook { sheet } => m::B_READ_AS_SHEET.fill(lang, &[sheet]),
    };
    let _ = writeln!(stderr, "{file}: {word}: {read_as}");
    // One note per tool, however many columns it adds: a LimeSurvey export with timings has dozens.
    for (aside, tool) in
        [(Aside::LimeSurvey, "LimeSurvey"), (Aside::Forms, "Microsoft Forms"), (Aside::Webropol, "Webropol")]
    {
        let columns: Vec<&str> = notes
            .iter()
            .filter(|note| note.aside == aside && !matches!(plan.roles[note.column], Role::Submitted(_)))
            .map(|note| plan.header(note.column).trim())
            .collect();
        if !columns.is_empty() {
            let listed = list_some(&columns, 6);
            let _ = writeln!(
                stderr,
                "{file}:{}: {word}: {}",
                plan.line,
                m::B_ASIDE_COUNT.fill(lang, &[&columns.len(), &tool, &listed])
            );
        }
    }
    for note in notes {
        let reason = match (note.aside, plan.roles[note.column]) {
            (_, Role::Submitted(_)) => m::B_SUBMITTED_USED.fill(lang, &[&plan.header(note.column).trim()]),
            (Aside::Errors, _) => m::B_ASIDE_ERRORS.get(lang).to_string(),
            (Aside::Mapped, _) => m::B_ASIDE_MAPPED.get(lang).to_string(),
            _ => continue,
        };
        let _ = writeln!(
            stderr,
            "{file}:{}:{} ({}): {word}: {reason}",
            plan.line,
            note.column + 1,
            crate::inert::inert(plan.header(note.column).trim(), crate::inert::Layout::Line)
        );
    }
}

/// The first `n` names in backticks, and "…" when there are more.
fn list_some(names: &[&str], n: usize) -> String {
    let mut listed: Vec<String> = names.iter().take(n).map(|name| format!("`{name}`")).collect();
    if names.len() > n {
        listed.push("…".to_string());
    }
    listed.join(", ")
}

fn field_texts<'a>(engine: &'a Engine<'_>, population: Option<&'a str>) -> [Option<&'a str>; 8] {
    let mut fields = [None; 8];
    for meta in Meta::ALL {
        fields[meta.index()] = engine.fields.get(meta);
    }
    fields[Meta::Population.index()] = population;
    fields
}

fn add_fields(acc: &mut Accumulator, engine: &Engine<'_>) {
    let f = &engine.fields;
    let text = |meta: Meta| f.get(meta).map(str::to_string);
    let common = &mut acc.fields;
    common.municipality.add(text(Meta::Municipality).as_ref());
    common.municipality_code.add(text(Meta::MunicipalityCode).as_ref());
    common.region.add(text(Meta::Region).as_ref());
    common.population.add(f.population.as_ref());
    common.role.add(text(Meta::Role).as_ref());
    common.department.add(text(Meta::Department).as_ref());
    common.date.add(text(Meta::Date).as_ref());
}

/// The report of one respondent, scored as an answer sheet is, written into the staging folder.
fn write_individual_report(
    engine: &Engine<'_>,
    row: &Row,
    staging: &Path,
    names: &mut FreeNames,
    context: &Context,
) -> Result<String> {
    let q = engine.questionnaire();
    let sheet = engine.sheet(row);
    let assessment = scoring::assess(q, &sheet);
    let steps = roadmap::of_assessment(q, &assessment);
    let record = report::individual(q, &sheet, &assessment, &steps, context);
    let mut stem = safe_file_stem(&sheet.respondent.municipality);
    if let Some(code) = &sheet.respondent.municipality_code {
        stem = format!("{stem}-{code}");
    }
    let path = names.path(staging, &stem, "json");
    write_file(&path, record.to_json().as_bytes())?;
    Ok(file_name(&path))
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    std::fs::write(path, bytes).map_err(|source| WriteError { path: path.to_path_buf(), source })
}

type Sink = Box<dyn Write>;

/// Where a run writes: the summaries, `rejected.csv`, and with `--out-dir` the staging folder.
struct Outputs {
    summaries: Vec<SummaryWriter<Sink>>,
    /// The workbook summary, and the file it is saved to at the end (in the staging folder, or the
    /// temporary file of `-o`).
    xlsx: Option<(XlsxSummary, PathBuf)>,
    /// Temporary files to be renamed into place at the end (summary to `-o`).
    pending: Vec<(tempfile::NamedTempFile, PathBuf)>,
    /// `--strict` to standard output: the summary waits in a temporary file until the run has succeeded.
    held_stdout: Option<tempfile::NamedTempFile>,
    staging: Option<tempfile::TempDir>,
    out_dir: Option<PathBuf>,
    rejected: Option<RejectedWriter<BufWriter<tempfile::NamedTempFile>>>,
    rejected_path: PathBuf,
    /// `--out-dir` did not exist before this run.
    created_dir: bool,
    finished: bool,
    lang: Lang,
}

impl Drop for Outputs {
    /// A run that did not finish (`--strict`, an error) leaves nothing behind: the staging folder goes with
    /// everything in it, and so does an output folder this run created.
    fn drop(&mut self) {
        if !self.finished {
            drop(self.staging.take());
            if self.created_dir
                && let Some(dir) = &self.out_dir
            {
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
}

impl Outputs {
    fn open(args: &ScoreArgs, wanted: Wanted, q: &Questionnaire, lang: Lang, plan: &Plan) -> Result<Outputs> {
        let grouped = plan.group.is_some();
        let workbook = || XlsxSummary::new(q, lang, grouped).map_err(|e| anyhow::anyhow!("{e}"));
        let mut outputs = Outputs {
            summaries: Vec::new(),
            xlsx: None,
            pending: Vec::new(),
            held_stdout: None,
            staging: None,
            out_dir: None,
            rejected: None,
            rejected_path: PathBuf::from("rejected.csv"),
            created_dir: false,
            finished: false,
            lang,
        };
        let fail = |path: &Path| {
            let path = path.to_path_buf();
            move |source: std::io::Error| WriteError { path: path.clone(), source }
        };
        if let Some(dir) = &args.batch.out_dir {
            outputs.created_dir = !dir.exists();
            std::fs::create_dir_all(dir).map_err(fail(dir))?;
            remove_abandoned(dir);
            let staging = tempfile::Builder::new().prefix(&temp_prefix()).tempdir_in(dir).map_err(fail(dir))?;
            for (name, format) in [("summary.csv", summary::Format::Csv), ("summary.json", summary::Format::Json)] {
                let path = staging.path().join(name);
                let file = std::fs::File::create(&path).map_err(fail(&path))?;
                outputs.summaries.push(SummaryWriter::new(Box::new(BufWriter::new(file)), format, q, lang, grouped));
            }
            outputs.xlsx = Some((workbook()?, staging.path().join("summary.xlsx")));
            if let (Some(_), Wanted::Text(format)) = (args.render.format, wanted) {
                let stdout: Sink = Box::new(UntilClosed::new(BufWriter::new(std::io::stdout())));
                outputs.summaries.push(SummaryWriter::new(stdout, format, q, lang, grouped));
            }
            outputs.rejected_path = dir.join("rejected.csv");
            outputs.staging = Some(staging);
            outputs.out_dir = Some(dir.clone());
        } else if let Some(path) = &args.render.output {
            let dir = parent_dir(path);
            // `-o /dev/null` and the like: written into at the end, from a temporary file kept elsewhere.
            let special = crate::output::is_special(path);
            let temp = if special {
                tempfile::NamedTempFile::new().map_err(fail(path))?
            } else {
                remove_abandoned(dir);
                tempfile::Builder::new().prefix(&temp_prefix()).tempfile_in(dir).map_err(fail(path))?
            };
            match wanted {
                Wanted::Text(format) => {
                    let file = temp.reopen().map_err(fail(path))?;
                    outputs.summaries.push(SummaryWriter::new(
                        Box::new(BufWriter::with_capacity(1 << 16, file)),
                        format,
                        q,
                        lang,
                        grouped,
                    ));
                }
                Wanted::Xlsx => outputs.xlsx = Some((workbook()?, temp.path().to_path_buf())),
            }
            outputs.pending.push((temp, path.clone()));
            outputs.rejected_path = if special { PathBuf::from("rejected.csv") } else { rejected_beside(path) };
        } else if let Wanted::Text(format) = wanted
            && args.batch.strict
        {
            let temp = tempfile::NamedTempFile::new().context("cannot create a temporary file")?;
            let file = temp.reopen()?;
            outputs.summaries.push(SummaryWriter::new(Box::new(BufWriter::new(file)), format, q, lang, grouped));
            outputs.held_stdout = Some(temp);
        } else if let Wanted::Text(format) = wanted {
            let stdout: Sink = Box::new(UntilClosed::new(BufWriter::with_capacity(1 << 16, std::io::stdout())));
            outputs.summaries.push(SummaryWriter::new(stdout, format, q, lang, grouped));
        }
        for summary in &mut outputs.summaries {
            summary.start()?;
        }
        Ok(outputs)
    }

    fn summary(&mut self, row: &SummaryRow<'_>) -> Result<()> {
        for summary in &mut self.summaries {
            summary.write(row)?;
        }
        if let Some((xlsx, _)) = &mut self.xlsx {
            xlsx.write(row).map_err(|error| match error {
                rust_xlsxwriter::XlsxError::RowColumnLimitError => {
                    anyhow::Error::from(InputError(m::B_X_TOO_MANY_ROWS.get(self.lang).to_string()))
                }
                error => anyhow::anyhow!("{error}"),
            })?;
        }
        Ok(())
    }

    fn reject(&mut self, row: &Row, errors: &[String], delimiter: u8, headers: &[String], lang: Lang) -> Result<()> {
        if self.rejected.is_none() {
            let dir = match &self.staging {
                Some(staging) => staging.path().to_path_buf(),
                None => parent_dir(&self.rejected_path).to_path_buf(),
            };
            let temp = tempfile::Builder::new()
                .prefix(&temp_prefix())
                .tempfile_in(&dir)
                .map_err(|source| WriteError { path: self.rejected_path.clone(), source })?;
            self.rejected =
                Some(RejectedWriter::new(BufWriter::new(temp), delimiter, headers, m::B_ERROR_COLUMN.get(lang))?);
        }
        if let Some(writer) = &mut self.rejected {
            writer.write(row, errors)?;
        }
        Ok(())
    }

    /// Closes everything and moves it into place; returns where the rejected rows went, if any.
    fn finish(mut self, width: u16) -> Result<Option<PathBuf>> {
        for summary in std::mem::take(&mut self.summaries) {
            summary.finish(width)?;
        }
        if let Some((xlsx, path)) = self.xlsx.take() {
            xlsx.save(&path).map_err(|error| anyhow::anyhow!("cannot write `{}`: {error}", path.display()))?;
        }
        for (temp, path) in std::mem::take(&mut self.pending) {
            crate::output::put_in_place(temp, &path).map_err(|source| WriteError { path: path.clone(), source })?;
        }
        if let Some(temp) = self.held_stdout.take() {
            let mut file = temp.reopen()?;
            let mut stdout = UntilClosed::new(std::io::stdout().lock());
            std::io::copy(&mut file, &mut stdout)?;
            stdout.flush()?;
        }
        let mut rejected = None;
        if let Some(writer) = self.rejected.take() {
            let temp = writer
                .finish()?
                .into_inner()
                .map_err(|error| anyhow::anyhow!("cannot write `rejected.csv`: {}", error.error()))?;
            let target = match &self.staging {
                Some(staging) => staging.path().join("rejected.csv"),
                None => self.rejected_path.clone(),
            };
            crate::output::put_in_place(temp, &target).map_err(|source| WriteError { path: target.clone(), source })?;
            rejected = Some(self.rejected_path.clone());
        }
        self.finished = true;
        if let (Some(staging), Some(out_dir)) = (self.staging.take(), &self.out_dir) {
            if rejected.is_none() {
                // A rejected.csv of an earlier run would contradict this run's count.
                let stale = out_dir.join("rejected.csv");
                if stale.is_file() {
                    std::fs::remove_file(&stale).map_err(|source| WriteError { path: stale.clone(), source })?;
                }
            }
            for entry in std::fs::read_dir(staging.path())
                .map_err(|source| WriteError { path: staging.path().into(), source })?
            {
                let entry = entry?;
                let target = out_dir.join(entry.file_name());
                std::fs::rename(entry.path(), &target).map_err(|source| WriteError { path: target.clone(), source })?;
            }
        }
        Ok(rejected)
    }
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_delimiters_by_character_or_name() {
        assert_eq!(parse_delimiter(";"), Some(b';'));
        assert_eq!(parse_delimiter("tab"), Some(b'\t'));
        assert_eq!(parse_delimiter("\\t"), Some(b'\t'));
        assert_eq!(parse_delimiter("::"), None);
    }

    #[test]
    fn the_encoding_choice_has_the_names_of_the_issue() {
        use crate::batch::read::EncodingChoice;
        use clap::ValueEnum;
        let names: Vec<String> = EncodingChoice::value_variants()
            .iter()
            .map(|v| v.to_possible_value().unwrap().get_name().to_string())
            .collect();
        assert_eq!(names, ["auto", "utf-8", "windows-1252", "utf-16"]);
    }
}
