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

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::batch::cell::CellProblem;
use crate::batch::header::{self, Aside, ColumnMap, HeaderNote, Plan, Role};
use crate::batch::progress::Progress;
use crate::batch::read::{BatchReadError, Layout, ReadOptions, Row, Source};
use crate::batch::sink::{RowSink, Scored};
use crate::batch::sinks::{Groups, RejectedRows, ReportFiles, Respondents, Summary};
use crate::batch::{Engine, Incomplete, RowKind};
use crate::cli::{ReportFormat, ScoreArgs};
use crate::clock;
use crate::error::InputError;
use crate::i18n::{Lang, messages as m};
use crate::input::{self, ReadError};
use crate::output::{UntilClosed, WriteError, remove_abandoned, say, temp_prefix};
use crate::questionnaire::load::check_text;
use crate::questionnaire::{Questionnaire, Source as QSource, builtin};
use crate::render::summary::xlsx::XlsxSummary;
use crate::render::summary::{self, SummaryWriter};
use crate::report::Context;
use crate::settings::Settings;

use super::{load_questionnaire, read_error, refuse_overwriting_input};

/// At most this many error lines go to standard error; all of them are in `rejected.csv`.
const MAX_PRINTED_ERRORS: usize = 200;

/// Whether `score` should treat its input as a batch.
pub fn is_batch(path: &Path) -> bool {
    crate::batch::read::is_batch(path)
}

pub fn run(args: &ScoreArgs, settings: &Settings) -> Result<u8> {
    let lang = settings.lang;
    let file = crate::inert::inert_text(args.input.display().to_string(), crate::inert::Layout::Line);
    let (format, options, map) = check_args(args, settings)?;
    let (q, plan, notes, headers) = read_plan(args, &options, map.as_ref(), &file, settings)?;
    let header_line = plan.line;
    // The rows, from the start again: reading the header has buffered some of them.
    let mut source = Source::open(&args.input, &options).map_err(|e| batch_read_error(&e, lang))?;
    print_notes(&file, &plan, &notes, &source.layout(), lang);
    if let (Some(map), Some(path)) = (&map, &args.batch.map) {
        warn_unused_map(map, path, &headers, lang);
    }
    let (outputs, summary) = Outputs::open(args, format, &q, lang, &plan, settings.width())?;
    let context = Context { lang, created: clock::rfc3339(settings.now) };
    let last_page = header::limesurvey_last_page(&q, &plan);
    let mut engine = Engine::new(&q, plan);
    engine.set_incomplete_rule(args.batch.include_incomplete, last_page);
    engine.set_other_prefix(m::B_OTHER_PREFIX.get(lang));
    // Each question's outcome goes into the reports and the group sums; a summary alone needs none.
    engine.keep_outcomes(outputs.staging.is_some() || engine.plan.group.is_some());
    let reports = outputs.staging.as_ref().map(|staging| ReportFiles::new(staging.path(), context));
    let mut sink: Box<dyn RowSink + '_> = match engine.plan.group {
        Some(column) => {
            let field = match engine.plan.roles[column] {
                Role::Meta(meta) => Some(meta.key()),
                _ => None,
            };
            let header = engine.plan.header(column).trim().to_string();
            Box::new(Groups::new(&q, header, field, summary, reports))
        }
        None => Box::new(Respondents::new(summary, reports)),
    };
    let mut rejected = RejectedRows::new(
        outputs.rejected_dir(),
        outputs.rejected_path.clone(),
        source.delimiter(),
        engine.plan.headers.clone(),
        m::B_ERROR_COLUMN.get(lang),
    );
    let mut rows = Rows::new(&file, lang, args.batch.strict, header_line);
    let result = rows.score(&mut source, &mut engine, sink.as_mut(), &mut rejected);
    // A reading error after the header (a row over its limit, a quote never closed) is the file's: exit 2.
    result.map_err(|error| match error.downcast::<BatchReadError>() {
        Ok(read) => batch_read_error(&read, lang),
        Err(other) => other,
    })?;
    warn_spanning_quote(&source, &engine, rows.quote_rejected, &file, lang);
    sink.finish()?;
    let rejected_path = outputs.finish(rejected.finish()?)?;
    say_count(&rows, rejected_path.as_deref(), lang);
    Ok(if rows.counts.rejected > 0 { 3 } else { 0 })
}

/// Everything about the arguments that can be refused before the file is read: the summary's format, how
/// to read the file, and the `--map` file.
fn check_args(args: &ScoreArgs, settings: &Settings) -> Result<(Wanted, ReadOptions, Option<ColumnMap>)> {
    let lang = settings.lang;
    let batch = &args.batch;
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
    Ok((format, options, map))
}

/// The header row (and a second one, when the file has it), the questionnaire, and what each column holds;
/// every problem with the header row stops the run here.
fn read_plan(
    args: &ScoreArgs,
    options: &ReadOptions,
    map: Option<&ColumnMap>,
    file: &str,
    settings: &Settings,
) -> Result<(Questionnaire, Plan, Vec<HeaderNote>, Vec<String>)> {
    let lang = settings.lang;
    let ((mut headers, mut header_line), next) = Source::open(&args.input, options)
        .and_then(|mut source| read_header(&mut source))
        .map_err(|e| batch_read_error(&e, lang))?;
    let q = choose_questionnaire(args, &headers, map, settings)?;
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
    let planned =
        header::plan(&q, &headers, header_line, map, args.batch.group_by.as_deref()).and_then(|(mut plan, notes)| {
            plan.second_header = second_header;
            let found = headerless_findings(&args.input, options, &plan);
            if found.is_empty() { Ok((plan, notes)) } else { Err(found) }
        });
    match planned {
        Ok((plan, notes)) => Ok((q, plan, notes, headers)),
        Err(findings) => Err(header_problems(findings, &headers, header_line, file, lang)),
    }
}

/// A column without a header that holds data is a header problem too.
fn headerless_findings(input: &Path, options: &ReadOptions, plan: &Plan) -> Vec<header::HeaderFinding> {
    let columns = header::headerless(plan);
    if columns.is_empty() {
        return Vec::new();
    }
    // A read error here is met again, and reported, when the rows are read.
    let found = headerless_data(input, options, plan.line, &columns).unwrap_or_default();
    found
        .into_iter()
        .map(|(column, line)| header::HeaderFinding {
            column: Some(column),
            problem: header::HeaderProblem::NoHeaderWithData { line },
        })
        .collect()
}

/// Prints every problem with the header row, column by column, and gives the error that stops the run.
fn header_problems(
    mut findings: Vec<header::HeaderFinding>,
    headers: &[String],
    header_line: u64,
    file: &str,
    lang: Lang,
) -> anyhow::Error {
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
    InputError(m::B_HEADER_PROBLEMS.fill(lang, &[&file, &findings.len()])).into()
}

fn warn_unused_map(map: &ColumnMap, path: &Path, headers: &[String], lang: Lang) {
    for (key, (_, pos)) in &map.columns {
        if !header::map_key_used(key, headers) {
            say(&format!("{}:{pos}: {}: {}", path.display(), m::WARNING.get(lang), m::B_MAP_UNUSED.fill(lang, &[key])));
        }
    }
}

/// One cell across lines in a whole file that has none elsewhere is more often a quote left open than a
/// note on two lines; a row rejected for it has said so already.
fn warn_spanning_quote(source: &Source, engine: &Engine<'_>, quote_rejected: bool, file: &str, lang: Lang) {
    if let (1, Some((line, span))) = source.spanning_quotes()
        && !quote_rejected
    {
        let header = crate::inert::inert(engine.plan.header(span.column).trim(), crate::inert::Layout::Line);
        let word = m::WARNING.get(lang);
        let message = m::B_QUOTE_ONLY_SPANNING.fill(lang, &[&span.lines]);
        eprintln!("{file}:{line}:{} ({header}): {word}: {message}", span.column + 1);
    }
}

/// The closing count: where every row went.
fn say_count(rows: &Rows<'_>, rejected_path: Option<&Path>, lang: Lang) {
    let counts = &rows.counts;
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
    if let Some(path) = rejected_path {
        line.push_str(&m::B_COUNT_REJECTED_IN.fill(lang, &[&path.display()]));
    }
    if rows.printed > MAX_PRINTED_ERRORS {
        say(&m::B_MORE_ERRORS.fill(lang, &[&(rows.printed - MAX_PRINTED_ERRORS)]));
    }
    say(&line);
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

/// The rows after the header: each one read, then handed to the sink or left out, and said so.
struct Rows<'f> {
    file: &'f str,
    lang: Lang,
    strict: bool,
    header_line: u64,
    counts: Counts,
    /// Error lines printed so far, or that would have been past [`MAX_PRINTED_ERRORS`].
    printed: usize,
    quote_rejected: bool,
    /// The lines that say why the current row is left out, in a buffer kept from row to row.
    why: Vec<String>,
}

impl<'f> Rows<'f> {
    fn new(file: &'f str, lang: Lang, strict: bool, header_line: u64) -> Rows<'f> {
        Rows {
            file,
            lang,
            strict,
            header_line,
            counts: Counts::default(),
            printed: 0,
            quote_rejected: false,
            why: Vec::new(),
        }
    }

    fn score(
        &mut self,
        source: &mut Source,
        engine: &mut Engine<'_>,
        sink: &mut dyn RowSink,
        rejected: &mut RejectedRows,
    ) -> Result<()> {
        let mut progress = Progress::new(std::io::stderr().is_terminal(), self.lang, source.counter(), source.size());
        let result = source.for_each_row(|row: &Row| -> Result<bool> {
            if row.line <= self.header_line {
                return Ok(true);
            }
            match engine.process(row) {
                RowKind::Blank => self.counts.blank += 1,
                RowKind::Incomplete => self.incomplete(engine, row, rejected)?,
                RowKind::Rejected => self.rejected(engine, row, rejected)?,
                RowKind::Scored => {
                    self.counts.scored += 1;
                    self.counts.other_only += engine.other_only().len();
                    if let Some((column, text)) = &engine.first_other {
                        let header = engine.plan.header(*column).trim();
                        let at = format!("{}:{}:{} ({header})", self.file, row.line, column + 1);
                        let note = m::B_READ_AS_OTHER.fill(self.lang, &[text]);
                        say(&format!("{at}: {}: {note}", m::B_NOTE.get(self.lang)));
                    }
                    sink.row(&Scored::new(engine, row))?;
                }
            }
            let c = &self.counts;
            progress.tick(c.scored + c.rejected + c.incomplete + c.blank);
            Ok(true)
        });
        progress.finish();
        result
    }

    fn incomplete(&mut self, engine: &Engine<'_>, row: &Row, rejected: &mut RejectedRows) -> Result<()> {
        let (file, lang) = (self.file, self.lang);
        self.counts.incomplete += 1;
        self.why.clear();
        self.why.push(match engine.incomplete {
            Some(Incomplete::LastPage { page, last }) => {
                format!("{file}:{}: {}", row.line, m::B_INCOMPLETE_LAST_PAGE.fill(lang, &[&page, &last]))
            }
            _ => format!("{file}:{}: {}", row.line, m::B_INCOMPLETE_NOT_SUBMITTED.get(lang)),
        });
        rejected.row(row, &self.why)
    }

    fn rejected(&mut self, engine: &Engine<'_>, row: &Row, rejected: &mut RejectedRows) -> Result<()> {
        let (file, lang) = (self.file, self.lang);
        self.counts.rejected += 1;
        self.quote_rejected |= engine.errors.iter().any(|e| matches!(e.problem, CellProblem::QuoteAcrossLines { .. }));
        self.why.clear();
        self.why.extend(engine.errors.iter().map(|error| engine.render_error(error, file, row, lang)));
        for line in &self.why {
            if self.printed < MAX_PRINTED_ERRORS || self.strict {
                say(line);
            }
            self.printed += 1;
        }
        if self.strict {
            return Err(InputError(m::B_STRICT_STOPPED.fill(lang, &[&file, &row.line])).into());
        }
        rejected.row(row, &self.why)
    }
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
        BatchReadError::Io { path, source } => {
            let (reason, cause) = crate::i18n::io_reason(lang, source);
            format!("{}{cause}", m::READ_IO.fill(lang, &[&path.display(), &reason]))
        }
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

type Out = Box<dyn Write>;

/// Where a run's files go: with `--out-dir` a staging folder inside it, with `-o` a temporary file beside
/// it, each moved into place at the end.
struct Outputs {
    /// Temporary files to be renamed into place at the end (summary to `-o`).
    pending: Vec<(tempfile::NamedTempFile, PathBuf)>,
    /// `--strict` to standard output: the summary waits in a temporary file until the run has succeeded.
    held_stdout: Option<tempfile::NamedTempFile>,
    staging: Option<tempfile::TempDir>,
    out_dir: Option<PathBuf>,
    rejected_path: PathBuf,
    /// `--out-dir` did not exist before this run.
    created_dir: bool,
    finished: bool,
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
    /// The folders and files of the run, and the summary's writers into them.
    fn open(
        args: &ScoreArgs,
        wanted: Wanted,
        q: &Questionnaire,
        lang: Lang,
        plan: &Plan,
        width: u16,
    ) -> Result<(Outputs, Summary)> {
        let grouped = plan.group.is_some();
        let mut outputs = Outputs {
            pending: Vec::new(),
            held_stdout: None,
            staging: None,
            out_dir: None,
            rejected_path: PathBuf::from("rejected.csv"),
            created_dir: false,
            finished: false,
        };
        let mut summary = Summary::new(lang, width);
        let writer = |out: Out, format| SummaryWriter::new(out, format, q, lang, grouped);
        let workbook = || XlsxSummary::new(q, lang, grouped).map_err(|e| anyhow::anyhow!("{e}"));
        if let Some(dir) = &args.batch.out_dir {
            let staging = outputs.stage(dir)?;
            for (name, format) in [("summary.csv", summary::Format::Csv), ("summary.json", summary::Format::Json)] {
                let path = staging.join(name);
                let file = std::fs::File::create(&path).map_err(fail(&path))?;
                summary.add(writer(Box::new(BufWriter::new(file)), format));
            }
            summary.add_workbook(workbook()?, staging.join("summary.xlsx"));
            if let (Some(_), Wanted::Text(format)) = (args.render.format, wanted) {
                summary.add(writer(Box::new(UntilClosed::new(BufWriter::new(std::io::stdout()))), format));
            }
        } else if let Some(path) = &args.render.output {
            let (temp, special) = temp_beside(path)?;
            match wanted {
                Wanted::Text(format) => {
                    let file = temp.reopen().map_err(fail(path))?;
                    summary.add(writer(Box::new(BufWriter::with_capacity(1 << 16, file)), format));
                }
                Wanted::Xlsx => summary.add_workbook(workbook()?, temp.path().to_path_buf()),
            }
            outputs.pending.push((temp, path.clone()));
            outputs.rejected_path = if special { PathBuf::from("rejected.csv") } else { rejected_beside(path) };
        } else if let Wanted::Text(format) = wanted
            && args.batch.strict
        {
            let temp = tempfile::NamedTempFile::new().context("cannot create a temporary file")?;
            let file = temp.reopen()?;
            summary.add(writer(Box::new(BufWriter::new(file)), format));
            outputs.held_stdout = Some(temp);
        } else if let Wanted::Text(format) = wanted {
            let stdout = UntilClosed::new(BufWriter::with_capacity(1 << 16, std::io::stdout()));
            summary.add(writer(Box::new(stdout), format));
        }
        summary.start()?;
        Ok((outputs, summary))
    }

    /// `--out-dir`: the folder, made if need be, and the staging folder inside it.
    fn stage(&mut self, dir: &Path) -> Result<PathBuf> {
        self.created_dir = !dir.exists();
        std::fs::create_dir_all(dir).map_err(fail(dir))?;
        remove_abandoned(dir);
        let staging = tempfile::Builder::new().prefix(&temp_prefix()).tempdir_in(dir).map_err(fail(dir))?;
        let path = staging.path().to_path_buf();
        self.rejected_path = dir.join("rejected.csv");
        self.staging = Some(staging);
        self.out_dir = Some(dir.to_path_buf());
        Ok(path)
    }

    /// Where `rejected.csv` is written before it is moved into place.
    fn rejected_dir(&self) -> PathBuf {
        match &self.staging {
            Some(staging) => staging.path().to_path_buf(),
            None => parent_dir(&self.rejected_path).to_path_buf(),
        }
    }

    /// Moves everything into place, once the sinks have closed their files; returns where the rejected
    /// rows went, if any.
    fn finish(mut self, rejected_rows: Option<tempfile::NamedTempFile>) -> Result<Option<PathBuf>> {
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
        if let Some(temp) = rejected_rows {
            let target = match &self.staging {
                Some(staging) => staging.path().join("rejected.csv"),
                None => self.rejected_path.clone(),
            };
            crate::output::put_in_place(temp, &target).map_err(|source| WriteError { path: target.clone(), source })?;
            rejected = Some(self.rejected_path.clone());
        }
        self.finished = true;
        if let (Some(staging), Some(out_dir)) = (self.staging.take(), &self.out_dir) {
            move_into(staging.path(), out_dir, rejected.is_none())?;
        }
        Ok(rejected)
    }
}

fn fail(path: &Path) -> impl Fn(std::io::Error) -> WriteError {
    let path = path.to_path_buf();
    move |source: std::io::Error| WriteError { path: path.clone(), source }
}

/// A temporary file for `path`, in its folder, so that it is renamed into place; `-o /dev/null` and the
/// like are written into at the end, from a temporary file kept elsewhere (the second value says so).
fn temp_beside(path: &Path) -> Result<(tempfile::NamedTempFile, bool)> {
    let special = crate::output::is_special(path);
    let temp = if special {
        tempfile::NamedTempFile::new().map_err(fail(path))?
    } else {
        let dir = parent_dir(path);
        remove_abandoned(dir);
        tempfile::Builder::new().prefix(&temp_prefix()).tempfile_in(dir).map_err(fail(path))?
    };
    Ok((temp, special))
}

/// Moves every file of the staging folder into the output folder.
fn move_into(staging: &Path, out_dir: &Path, none_rejected: bool) -> Result<()> {
    if none_rejected {
        // A rejected.csv of an earlier run would contradict this run's count.
        let stale = out_dir.join("rejected.csv");
        if stale.is_file() {
            std::fs::remove_file(&stale).map_err(|source| WriteError { path: stale.clone(), source })?;
        }
    }
    for entry in std::fs::read_dir(staging).map_err(|source| WriteError { path: staging.into(), source })? {
        let entry = entry?;
        let target = out_dir.join(entry.file_name());
        std::fs::rename(entry.path(), &target).map_err(|source| WriteError { path: target.clone(), source })?;
    }
    Ok(())
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
