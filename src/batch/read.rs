//! Reading a batch file row by row, as the tools that write them write them.
//!
//! CSV: the encoding is found from a byte-order mark, from the NUL bytes of UTF-16 without one, else UTF-8
//! (any byte sequence that is not UTF-8 is read as Windows-1252, what Finnish Excel's "CSV" writes); the
//! delimiter (`,` `;` tab `|`) is sniffed from the first lines. XLSX: checked against its limits first
//! ([`super::workbook`]), then read with calamine, cell by cell, the first sheet or the one named; other
//! spreadsheet formats are refused with what to save them as. Either way each row reaches the caller as a
//! [`Row`] that is reused for the next one, so reading allocates nothing per row once it runs. This module
//! knows nothing about questionnaires.

use std::borrow::Cow;
use std::cell::Cell;
use std::fs::File;
use std::io::{self, Cursor, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use calamine::{DataRef, Reader};

use super::workbook::{self, Limit, Refusal};

/// `--encoding`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingChoice {
    /// A byte-order mark, UTF-16 by its NUL bytes, else UTF-8 with Windows-1252 for what is not UTF-8
    #[default]
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "windows-1252", alias = "cp1252", alias = "latin1")]
    Windows1252,
    #[value(name = "utf-16", alias = "utf16")]
    Utf16,
}

/// The encoding a CSV file was read in, as it is named in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    /// UTF-8; `lenient`: a cell that is not UTF-8 is read as Windows-1252.
    Utf8 {
        bom: bool,
        lenient: bool,
    },
    Windows1252,
    Utf16Le,
    Utf16Be,
}

impl Detected {
    pub fn name(self) -> &'static str {
        match self {
            Detected::Utf8 { bom: true, .. } => "UTF-8 (BOM)",
            Detected::Utf8 { .. } => "UTF-8",
            Detected::Windows1252 => "Windows-1252",
            Detected::Utf16Le => "UTF-16LE",
            Detected::Utf16Be => "UTF-16BE",
        }
    }
}

/// Why a batch file could not be read. The caller turns these into messages in the user's language.
#[derive(Debug, thiserror::Error)]
pub enum BatchReadError {
    #[error("cannot read `{}`: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("`{}`: cannot read the workbook: {message}", .path.display())]
    Workbook { path: PathBuf, message: String },
    /// A workbook that is not read: another format, or over a limit.
    #[error("`{}`: the workbook is not read: {refusal:?}", .path.display())]
    Refused { path: PathBuf, refusal: Refusal },
    #[error("`{}` has no sheet `{sheet}`; its sheets: {sheets}", .path.display())]
    NoSheet { path: PathBuf, sheet: String, sheets: String },
    #[error("`{}` has no rows", .path.display())]
    NoRows { path: PathBuf },
    /// A record past [`ROW_LIMIT`] or a cell past [`CELL_LIMIT`]: not a survey's row (often a quote left open
    /// that swallowed the rest of the file).
    /// `quote`: the line and cell (from 0) of a quote still open when the limit was reached.
    #[error("`{}`:{line}: a row over {limit} bytes", .path.display())]
    TooLong { path: PathBuf, line: u64, cell: bool, limit: usize, quote: Option<(u64, usize)> },
    /// A quote still open at the end of the file, at this line and cell (from 0): the last row would be
    /// the rest of the file.
    #[error("`{}`:{line}:{}: a quote never closed", .path.display(), .column + 1)]
    UnclosedQuote { path: PathBuf, line: u64, column: usize },
}

/// The longest row read, in bytes: far beyond any survey's (Excel holds 32,767 characters in a cell).
pub const ROW_LIMIT: usize = 4 * 1024 * 1024;
/// The longest cell read, in bytes.
pub const CELL_LIMIT: usize = 1024 * 1024;

/// One row of the file. The same value is refilled for every row.
#[derive(Debug, Clone)]
pub struct Row {
    /// The line (CSV) or row (XLSX) number where the row starts, from 1.
    pub line: u64,
    /// The cells' bytes, one after another, from `first`; `ends[i]` is where cell `i` ends. While a line
    /// split in place is read, this is the reader's buffer, lent ([`Row::split_in_place`]).
    data: Vec<u8>,
    first: usize,
    used: usize,
    ends: Vec<usize>,
    cells: usize,
    /// Bytes between one cell's end and the next one's start: 0 when the cells are packed, 1 when the row
    /// is a line split in place (the delimiters stay between the cells).
    gap: usize,
    /// Cells that are not UTF-8 are read as Windows-1252 (auto-detected UTF-8).
    pub lenient: bool,
    /// A spreadsheet row: cells missing at its end are empty ones, not a row cut short.
    pub padded: bool,
    /// The first quoted cell of the row that runs across lines, if any (CSV).
    pub quote: Option<QuoteSpan>,
    /// How many cells the last line split had (kept across rows): tells a file of long cells.
    last_cells: usize,
}

/// A quoted CSV cell that holds line breaks: legitimate in a note, but also what a quote left open does
/// to the lines after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The cell, from 0; its quote opens on the row's first line.
    pub column: usize,
    /// The lines the row takes.
    pub lines: u64,
}

impl Default for Row {
    fn default() -> Row {
        Row {
            line: 0,
            data: vec![0; 1024],
            first: 0,
            used: 0,
            ends: vec![0; 64],
            cells: 0,
            gap: 0,
            lenient: true,
            padded: false,
            quote: None,
            last_cells: 0,
        }
    }
}

impl Row {
    /// A row of these cells, for tests and for callers that build rows themselves.
    pub fn of_cells(line: u64, cells: &[&str]) -> Row {
        let mut row = Row { line, ..Row::default() };
        for cell in cells {
            row.push_field(cell.as_bytes());
        }
        row
    }

    pub fn clear(&mut self) {
        self.quote = None;
        self.first = 0;
        self.used = 0;
        self.cells = 0;
        self.gap = 0;
    }

    pub fn push_field(&mut self, bytes: &[u8]) {
        let end = self.used + bytes.len();
        if end > self.data.len() {
            self.data.resize(end.max(self.data.len() * 2), 0);
        }
        self.data[self.used..end].copy_from_slice(bytes);
        self.used = end;
        if self.cells == self.ends.len() {
            self.ends.resize(self.ends.len() * 2, 0);
        }
        self.ends[self.cells] = end;
        self.cells += 1;
    }

    /// Fills the row with a line that holds no quote: one copy, one pass for the delimiters.
    pub fn split_line(&mut self, line: &[u8], delimiter: u8) {
        if self.data.len() < line.len() {
            self.data.resize(line.len().next_power_of_two(), 0);
        }
        self.data[..line.len()].copy_from_slice(line);
        self.split(0..line.len(), delimiter);
    }

    /// Fills the row with the line at `range` of `buffer`, which holds no quote, without copying it: the
    /// row takes the buffer (leaving it its own in exchange) until [`Row::give_back`].
    pub fn split_in_place(&mut self, buffer: &mut Vec<u8>, range: Range<usize>, delimiter: u8) {
        std::mem::swap(&mut self.data, buffer);
        self.split(range, delimiter);
    }

    /// Returns the buffer lent to [`Row::split_in_place`], taking back the row's own.
    pub fn give_back(&mut self, buffer: &mut Vec<u8>) {
        std::mem::swap(&mut self.data, buffer);
        self.clear();
    }

    /// Finds the cells of the line at `range` of the row's bytes.
    fn split(&mut self, range: Range<usize>, delimiter: u8) {
        const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        let line = &self.data[range.clone()];
        let base = range.start;
        // Room for eight ends past the last: each word writes four whether it has them or not.
        if self.ends.len() < line.len() + 9 {
            self.ends.resize((line.len() + 9).next_power_of_two(), 0);
        }
        // Long cells (labels, texts: the last row's cells averaged over a dozen bytes): the delimiters are
        // far apart, and memchr's vector search from one to the next beats eight bytes at a time.
        if self.last_cells > 0 && line.len() > 12 * self.last_cells {
            let mut cells = 0;
            for at in memchr::memchr_iter(delimiter, line) {
                self.ends[cells] = base + at;
                cells += 1;
            }
            self.split_found(cells, range);
            return;
        }
        // Eight bytes at a time (SWAR): a word's delimiter bytes become its set high bits, exactly. Each
        // word writes the places of its first four, found or not (the extra ones are overwritten or
        // past the end), and a loop takes any more: rows of one- and two-byte cells hold a delimiter every
        // few bytes, and a loop over each would mispredict its end at nearly every word, as `memchr`
        // (built for rare bytes) would restart too often.
        let pattern = u64::from_ne_bytes([delimiter; 8]);
        let mut cells = 0;
        let words = line.chunks_exact(8);
        let tail = words.remainder();
        for (n, word) in words.enumerate() {
            let x = u64::from_le_bytes(word.try_into().unwrap_or_default()) ^ pattern;
            let mut found = !(((x & LOW7) + LOW7) | x | LOW7);
            // A word inside a long cell (a label) has none: nothing to write. In a file of short cells
            // nearly every word has one, so this branch is taken the same way word after word.
            if found == 0 {
                continue;
            }
            // Each byte of `found >> 7` is 0 or 1; the multiplication adds them all into the top byte (no
            // `popcnt` in the baseline instruction set, and this is shorter than its stand-in).
            let count = ((found >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
            let at = base + n * 8;
            if let Some(ends) = self.ends.get_mut(cells..cells + 4) {
                for end in ends {
                    *end = at + (found.trailing_zeros() / 8) as usize;
                    found &= found.wrapping_sub(1);
                }
            }
            let mut more = cells + 4;
            while found != 0 {
                self.ends[more] = at + (found.trailing_zeros() / 8) as usize;
                more += 1;
                found &= found - 1;
            }
            cells += count;
        }
        let at = base + line.len() - tail.len();
        for (i, byte) in tail.iter().enumerate() {
            self.ends[cells] = at + i;
            cells += usize::from(*byte == delimiter);
        }
        self.split_found(cells, range);
    }

    /// Closes a split: `cells` delimiters were found in the line at `range`.
    fn split_found(&mut self, cells: usize, range: Range<usize>) {
        self.ends[cells] = range.end;
        self.cells = cells + 1;
        self.last_cells = self.cells;
        self.first = range.start;
        self.used = range.end;
        self.gap = 1;
        self.quote = None;
    }

    pub fn len(&self) -> usize {
        self.cells
    }

    /// The length of the longest cell, in bytes.
    pub fn longest_cell(&self) -> usize {
        (0..self.cells).filter_map(|i| self.get(i)).map(<[u8]>::len).max().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.cells == 0
    }

    /// The raw bytes of a cell.
    pub fn get(&self, index: usize) -> Option<&[u8]> {
        if index >= self.cells {
            return None;
        }
        let start = if index == 0 { self.first } else { self.ends[index - 1] + self.gap };
        Some(&self.data[start..self.ends[index]])
    }

    /// The cells' bytes, where the first starts, where each ends, and the gap from one cell's end to the
    /// next one's start: for reading every cell in one pass. The bytes run on past the last cell (whatever the buffer held
    /// before), so that a short cell at the end can be loaded eight bytes at a time like any other.
    pub fn raw(&self) -> (&[u8], usize, &[usize], usize) {
        (&self.data, self.first, &self.ends[..self.cells], self.gap)
    }

    /// Every cell's raw bytes.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.cells).filter_map(|i| self.get(i))
    }

    /// The cell's text; `Err` when it is not UTF-8 and the encoding was forced to UTF-8. Past the row's
    /// end, the empty text.
    pub fn cell(&self, index: usize) -> Result<Cow<'_, str>, NotUtf8> {
        let Some(bytes) = self.get(index) else { return Ok(Cow::Borrowed("")) };
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Cow::Borrowed(text)),
            Err(_) if self.lenient => Ok(encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0),
            Err(_) => Err(NotUtf8),
        }
    }

    /// The cell's text with anything that is not UTF-8 replaced, for messages and `rejected.csv`.
    pub fn cell_lossy(&self, index: usize) -> Cow<'_, str> {
        self.cell(index).unwrap_or_else(|_| String::from_utf8_lossy(self.get(index).unwrap_or_default()))
    }

    /// Whether every cell is empty or space: a blank line, or a spreadsheet row of empty cells (`;;;;`).
    pub fn is_blank(&self) -> bool {
        self.iter().all(|cell| cell.iter().all(u8::is_ascii_whitespace))
    }
}

/// A cell that is not valid UTF-8 in a file read as UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8;

/// How to read a batch file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub encoding: EncodingChoice,
    pub delimiter: Option<u8>,
    pub sheet: Option<String>,
}

/// What was found out about the file before its rows were read, for the notes the run prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    Csv { encoding: Detected, delimiter: u8 },
    Workbook { sheet: String },
}

/// Whether a path is a spreadsheet workbook by its extension (everything else is read as CSV).
pub fn is_workbook(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods")
    )
}

/// Whether a path is a batch (CSV, TSV, TXT or a workbook) rather than an answer sheet.
pub fn is_batch(path: &Path) -> bool {
    is_workbook(path)
        || matches!(
            path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
            Some("csv" | "tsv" | "txt" | "tab")
        )
}

/// A file whose rows can be read.
pub struct Source {
    path: PathBuf,
    kind: SourceKind,
    /// Raw bytes read from the file so far, for the progress bar.
    consumed: Rc<Cell<u64>>,
    size: u64,
}

enum SourceKind {
    Csv { reader: Box<dyn Read>, delimiter: u8, lenient: bool, layout: Layout, spanning: Spanning },
    Workbook { checked: Box<workbook::Checked>, sheet: String },
}

impl Source {
    pub fn open(path: &Path, options: &ReadOptions) -> Result<Source, BatchReadError> {
        let io_error = |source: io::Error| BatchReadError::Io { path: path.to_path_buf(), source };
        let size = std::fs::metadata(path).map_err(io_error)?.len();
        let consumed = Rc::new(Cell::new(0));
        if is_workbook(path) {
            let refused = |error: workbook::OpenError| match error {
                workbook::OpenError::Io(source) => BatchReadError::Io { path: path.to_path_buf(), source },
                workbook::OpenError::Refused(refusal) => BatchReadError::Refused { path: path.to_path_buf(), refusal },
            };
            let mut checked = workbook::open(path).map_err(refused)?;
            let names = checked.workbook.sheet_names();
            let sheet = match &options.sheet {
                Some(wanted) => names
                    .iter()
                    .find(|name| name.as_str() == wanted)
                    .or_else(|| names.iter().find(|name| name.trim().eq_ignore_ascii_case(wanted.trim())))
                    .cloned()
                    .ok_or_else(|| BatchReadError::NoSheet {
                        path: path.to_path_buf(),
                        sheet: wanted.clone(),
                        sheets: names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "),
                    })?,
                None => names.first().cloned().ok_or_else(|| BatchReadError::NoRows { path: path.to_path_buf() })?,
            };
            checked.check_sheet(&sheet).map_err(refused)?;
            return Ok(Source {
                path: path.to_path_buf(),
                kind: SourceKind::Workbook { checked: Box::new(checked), sheet },
                consumed,
                size,
            });
        }
        let file = File::open(path).map_err(io_error)?;
        let mut raw = Counting { inner: file, consumed: Rc::clone(&consumed) };
        let head = read_up_to(&mut raw, HEAD).map_err(io_error)?;
        let detected = detect(&head, options.encoding);
        let decoded: Box<dyn Read> = match detected {
            Detected::Utf8 { bom, .. } => {
                let mut head = head;
                if bom {
                    head.drain(..3);
                }
                Box::new(Cursor::new(head).chain(raw))
            }
            Detected::Windows1252 => {
                Box::new(Transcoder::new(Cursor::new(head).chain(raw), encoding_rs::WINDOWS_1252.new_decoder()))
            }
            Detected::Utf16Le => Box::new(Transcoder::new(
                Cursor::new(head).chain(raw),
                encoding_rs::UTF_16LE.new_decoder_with_bom_removal(),
            )),
            Detected::Utf16Be => Box::new(Transcoder::new(
                Cursor::new(head).chain(raw),
                encoding_rs::UTF_16BE.new_decoder_with_bom_removal(),
            )),
        };
        // The delimiter is sniffed from the decoded start of the file, which is then read again.
        let mut decoded = decoded;
        let text_head = read_up_to(&mut decoded, HEAD).map_err(io_error)?;
        let delimiter = options.delimiter.unwrap_or_else(|| sniff_delimiter(&text_head));
        let reader: Box<dyn Read> = Box::new(Cursor::new(text_head).chain(decoded));
        let lenient = matches!(detected, Detected::Utf8 { lenient: true, .. });
        Ok(Source {
            path: path.to_path_buf(),
            kind: SourceKind::Csv {
                reader,
                delimiter,
                lenient,
                layout: Layout::Csv { encoding: detected, delimiter },
                spanning: Spanning::default(),
            },
            consumed,
            size,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The encoding and delimiter found, or the sheet read.
    pub fn layout(&self) -> Layout {
        match &self.kind {
            SourceKind::Csv { layout, .. } => layout.clone(),
            SourceKind::Workbook { sheet, .. } => Layout::Workbook { sheet: sheet.clone() },
        }
    }

    /// The delimiter of a CSV file (`;` for a workbook, for `rejected.csv`).
    pub fn delimiter(&self) -> u8 {
        match &self.kind {
            SourceKind::Csv { layout: Layout::Csv { delimiter, .. }, .. } => *delimiter,
            _ => b';',
        }
    }

    /// The rows read so far whose quoted cells run across lines, and the first of them (its line and
    /// cell, from 0, and the lines it takes). One such row in a whole file is more often a quote left open
    /// than a note written on two lines.
    pub fn spanning_quotes(&self) -> (u64, Option<(u64, QuoteSpan)>) {
        match &self.kind {
            SourceKind::Csv { spanning, .. } => (spanning.rows, spanning.first),
            SourceKind::Workbook { .. } => (0, None),
        }
    }

    /// A shared counter of the bytes read, for the progress bar.
    pub fn counter(&self) -> Rc<Cell<u64>> {
        Rc::clone(&self.consumed)
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// Reads every row, the header first, calling `each` with the same [`Row`] refilled; `each` returns
    /// `false` to stop early.
    pub fn for_each_row<E>(&mut self, mut each: impl FnMut(&Row) -> Result<bool, E>) -> Result<(), E>
    where
        E: From<BatchReadError>,
    {
        let path = self.path.clone();
        match &mut self.kind {
            SourceKind::Csv { reader, delimiter, lenient, spanning, .. } => {
                let mut row = Row { lenient: *lenient, ..Row::default() };
                read_csv(reader, *delimiter, &mut row, spanning, &mut each).map_err(|error| match error {
                    Stop::Caller(error) => error,
                    Stop::Io(source) => BatchReadError::Io { path, source }.into(),
                    Stop::TooLong { line, cell, limit, quote } => {
                        BatchReadError::TooLong { path, line, cell, limit, quote }.into()
                    }
                    Stop::UnclosedQuote { line, column } => BatchReadError::UnclosedQuote { path, line, column }.into(),
                })
            }
            SourceKind::Workbook { checked, sheet } => {
                let sheet = sheet.clone();
                read_workbook(&path, &mut checked.workbook, &sheet, &self.consumed, self.size, &mut each)
            }
        }
    }
}

const HEAD: usize = 64 * 1024;

/// Why reading CSV stopped early.
enum Stop<E> {
    Caller(E),
    Io(io::Error),
    /// A row or cell over its limit, at this line; `quote`, a quote open then.
    TooLong {
        line: u64,
        cell: bool,
        limit: usize,
        quote: Option<(u64, usize)>,
    },
    /// A quote open at the end of the file, at this line and cell.
    UnclosedQuote {
        line: u64,
        column: usize,
    },
}

/// The rows of a CSV file whose quoted cells run across lines: how many, and the first.
#[derive(Debug, Default)]
struct Spanning {
    rows: u64,
    first: Option<(u64, QuoteSpan)>,
}

/// The quotes of a record that csv-core reads, followed beside it as csv-core follows them (RFC 4180: a
/// quote opens a cell only at its start, `""` inside is a quote, a quote anywhere else is text), so that a
/// quote left open can be named at its place: csv-core itself tells nothing of it. Jumps from quote to
/// quote and from delimiter to delimiter with `memchr`; lines without quotes never come here.
#[derive(Debug, Default)]
struct Quotes {
    state: QuoteState,
    /// The record's cell being read, from 0.
    cell: usize,
    /// Line breaks inside the record's quoted cells so far.
    breaks: u64,
    /// Where the quoted cell being read opened: the line breaks before it in the record, and its cell.
    open: (u64, usize),
    /// The record's first quoted cell that holds a line break.
    spanning: Option<usize>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum QuoteState {
    #[default]
    CellStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted cell: its end, or the first of `""`.
    QuoteInQuoted,
}

impl Quotes {
    /// Follows the next bytes of the record.
    fn follow(&mut self, bytes: &[u8], delimiter: u8) {
        let mut i = 0;
        while i < bytes.len() {
            match self.state {
                QuoteState::CellStart | QuoteState::QuoteInQuoted => {
                    let byte = bytes[i];
                    i += 1;
                    self.state = match byte {
                        b'"' if self.state == QuoteState::CellStart => {
                            self.open = (self.breaks, self.cell);
                            QuoteState::Quoted
                        }
                        b'"' => QuoteState::Quoted,
                        _ if byte == delimiter => {
                            self.cell += 1;
                            QuoteState::CellStart
                        }
                        // The record's end: csv-core returns it, and the next record starts afresh.
                        b'\n' | b'\r' => QuoteState::CellStart,
                        _ => QuoteState::Unquoted,
                    };
                }
                QuoteState::Unquoted => match memchr::memchr3(delimiter, b'\n', b'\r', &bytes[i..]) {
                    Some(at) => {
                        self.cell += usize::from(bytes[i + at] == delimiter);
                        self.state = QuoteState::CellStart;
                        i += at + 1;
                    }
                    None => i = bytes.len(),
                },
                QuoteState::Quoted => {
                    let rest = &bytes[i..];
                    let at = memchr::memchr(b'"', rest).unwrap_or(rest.len());
                    let breaks = memchr::memchr_iter(b'\n', &rest[..at]).count() as u64;
                    if breaks > 0 && self.spanning.is_none() {
                        self.spanning = Some(self.open.1);
                    }
                    self.breaks += breaks;
                    i += at;
                    if i < bytes.len() {
                        i += 1;
                        self.state = QuoteState::QuoteInQuoted;
                    }
                }
            }
        }
    }

    /// The line and cell of the quote open now, if one is.
    fn open_at(&self, record_line: u64) -> Option<(u64, usize)> {
        (self.state == QuoteState::Quoted).then_some((record_line + self.open.0, self.open.1))
    }
}

/// Reads CSV records, counting lines exactly: lines without quotes are split at the delimiter here, any other
/// record is read with `csv_core`. Every byte is consumed once, either as the
/// line breaks and blank lines between records (skipped here) or by a record, and every `\n` among them is
/// counted, so a record's line is where its first cell starts, whatever the line endings and however many
/// line breaks its quoted cells hold.
fn read_csv<E>(
    reader: &mut Box<dyn Read>,
    delimiter: u8,
    row: &mut Row,
    spanning: &mut Spanning,
    each: &mut impl FnMut(&Row) -> Result<bool, E>,
) -> Result<(), Stop<E>> {
    let mut quotes = Quotes::default();
    let mut core = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut input = vec![0u8; 1 << 16];
    let (mut start, mut end, mut eof) = (0usize, 0usize, false);
    let mut line: u64 = 1;
    let mut in_record = false;
    // A loop the compiler vectorises; the `bytecount` crate would do the same.
    let newlines = |bytes: &[u8]| bytes.iter().map(|b| u64::from(*b == b'\n')).sum::<u64>();
    loop {
        if start == end && !eof {
            end = loop {
                match reader.read(&mut input) {
                    Ok(n) => break n,
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                    Err(error) => return Err(Stop::Io(error)),
                }
            };
            start = 0;
            eof = end == 0;
        }
        if !in_record {
            while start < end && matches!(input[start], b'\n' | b'\r') {
                line += u64::from(input[start] == b'\n');
                start += 1;
            }
            if start == end {
                if eof {
                    return Ok(());
                }
                continue;
            }
            // The common case, a line without quotes: split at the delimiters, without the state machine.
            // A line with a quote, a lone `\r`, or not yet complete in the buffer goes to csv-core.
            let rest = &input[start..end];
            if let Some(newline) = memchr::memchr(b'\n', rest) {
                let mut record = &rest[..newline];
                if let [head @ .., b'\r'] = record {
                    record = head;
                }
                if memchr::memchr2(b'"', b'\r', record).is_none() {
                    let range = start..start + record.len();
                    row.split_in_place(&mut input, range, delimiter);
                    row.line = line;
                    line += 1;
                    start += newline + 1;
                    let going_on = each(row);
                    row.give_back(&mut input);
                    if !going_on.map_err(Stop::Caller)? {
                        return Ok(());
                    }
                    continue;
                }
            }
            row.clear();
            row.line = line;
            in_record = true;
            quotes = Quotes::default();
        }
        let (result, nin, nout, nend) =
            core.read_record(&input[start..end], &mut row.data[row.used..], &mut row.ends[row.cells..]);
        quotes.follow(&input[start..start + nin], delimiter);
        line += newlines(&input[start..start + nin]);
        start += nin;
        row.used += nout;
        row.cells += nend;
        match result {
            csv_core::ReadRecordResult::InputEmpty => {}
            csv_core::ReadRecordResult::OutputFull => {
                if row.data.len() >= ROW_LIMIT {
                    let quote = quotes.open_at(row.line);
                    return Err(Stop::TooLong { line: row.line, cell: false, limit: ROW_LIMIT, quote });
                }
                let size = (row.data.len() * 2).min(ROW_LIMIT);
                row.data.resize(size, 0);
            }
            csv_core::ReadRecordResult::OutputEndsFull => {
                // Each cell took at least its delimiter in the file.
                if row.used + row.ends.len() >= ROW_LIMIT {
                    let quote = quotes.open_at(row.line);
                    return Err(Stop::TooLong { line: row.line, cell: false, limit: ROW_LIMIT, quote });
                }
                let size = row.ends.len() * 2;
                row.ends.resize(size, 0);
            }
            csv_core::ReadRecordResult::Record => {
                in_record = false;
                // csv-core ends a record at the end of the input whatever its state; a quote still open
                // there took in every line after it.
                if let (true, Some((line, column))) = (eof, quotes.open_at(row.line)) {
                    return Err(Stop::UnclosedQuote { line, column });
                }
                if row.used > CELL_LIMIT && row.longest_cell() > CELL_LIMIT {
                    let quote = quotes.open_at(row.line);
                    return Err(Stop::TooLong { line: row.line, cell: true, limit: CELL_LIMIT, quote });
                }
                if let Some(column) = quotes.spanning {
                    let span = QuoteSpan { column, lines: quotes.breaks + 1 };
                    row.quote = Some(span);
                    spanning.rows += 1;
                    spanning.first.get_or_insert((row.line, span));
                }
                if !each(row).map_err(Stop::Caller)? {
                    return Ok(());
                }
            }
            csv_core::ReadRecordResult::End => return Ok(()),
        }
    }
}

/// Reads up to `limit` bytes (fewer only at the end of the input).
fn read_up_to(reader: &mut impl Read, limit: usize) -> io::Result<Vec<u8>> {
    let mut buffer = Vec::with_capacity(limit);
    reader.take(limit as u64).read_to_end(&mut buffer)?;
    Ok(buffer)
}

/// Finds the encoding from the start of the file.
pub fn detect(head: &[u8], choice: EncodingChoice) -> Detected {
    let bom8 = head.starts_with(b"\xEF\xBB\xBF");
    let utf16 = || {
        if head.starts_with(b"\xFE\xFF") {
            Detected::Utf16Be
        } else if head.starts_with(b"\xFF\xFE") {
            Detected::Utf16Le
        } else {
            // Without a mark: ASCII text in UTF-16 has its NUL bytes at odd offsets (LE) or even ones (BE).
            let (even, odd) = nul_counts(head);
            if even > odd { Detected::Utf16Be } else { Detected::Utf16Le }
        }
    };
    match choice {
        EncodingChoice::Utf8 => Detected::Utf8 { bom: bom8, lenient: false },
        EncodingChoice::Windows1252 => Detected::Windows1252,
        EncodingChoice::Utf16 => utf16(),
        EncodingChoice::Auto => {
            if bom8 {
                return Detected::Utf8 { bom: true, lenient: true };
            }
            if head.starts_with(b"\xFE\xFF") || head.starts_with(b"\xFF\xFE") {
                return utf16();
            }
            let (even, odd) = nul_counts(head);
            let sample = head.len().min(4096) / 2;
            if sample > 0 && (even.max(odd)) * 4 >= sample {
                return utf16();
            }
            match std::str::from_utf8(head) {
                Ok(_) => Detected::Utf8 { bom: false, lenient: true },
                // Cut in the middle of a character by the end of the sample: still UTF-8.
                Err(error) if error.error_len().is_none() => Detected::Utf8 { bom: false, lenient: true },
                Err(_) => Detected::Windows1252,
            }
        }
    }
}

fn nul_counts(head: &[u8]) -> (usize, usize) {
    let sample = &head[..head.len().min(4096)];
    let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    (even, odd)
}

/// The delimiter that splits the first lines into the same number of cells, preferring the one that splits
/// the header most; `,` when nothing splits anything.
pub fn sniff_delimiter(head: &[u8]) -> u8 {
    const CANDIDATES: [u8; 4] = [b'\t', b';', b',', b'|'];
    let lines = sample_lines(head, 20);
    let mut best: Option<(bool, usize, u8)> = None;
    for candidate in CANDIDATES {
        let counts: Vec<usize> = lines.iter().map(|line| count_outside_quotes(line, candidate)).collect();
        let Some(&header) = counts.first() else { continue };
        if header == 0 {
            continue;
        }
        let consistent = counts.iter().skip(1).all(|count| *count == header);
        let key = (consistent, header, candidate);
        let better = match best {
            None => true,
            Some((c, h, _)) => (consistent, header) > (c, h),
        };
        if better {
            best = Some(key);
        }
    }
    best.map_or(b',', |(_, _, delimiter)| delimiter)
}

/// Up to `limit` complete, non-blank lines, joining lines inside quotes. The last line is left out when the
/// sample ends inside it.
fn sample_lines(head: &[u8], limit: usize) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, byte) in head.iter().enumerate() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                let line = &head[start..i];
                if !line.iter().all(u8::is_ascii_whitespace) {
                    lines.push(line);
                }
                start = i + 1;
                if lines.len() == limit {
                    return lines;
                }
            }
            _ => {}
        }
    }
    if lines.is_empty() && start < head.len() {
        lines.push(&head[start..]);
    }
    lines
}

fn count_outside_quotes(line: &[u8], delimiter: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for byte in line {
        if *byte == b'"' {
            quoted = !quoted;
        } else if *byte == delimiter && !quoted {
            count += 1;
        }
    }
    count
}

/// Counts the bytes read from the file.
struct Counting<R> {
    inner: R,
    consumed: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.set(self.consumed.get() + n as u64);
        Ok(n)
    }
}

/// Decodes a stream in another encoding to UTF-8 as it is read.
struct Transcoder<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    input_start: usize,
    input_end: usize,
    output: Vec<u8>,
    output_start: usize,
    output_end: usize,
    eof: bool,
    finished: bool,
}

impl<R: Read> Transcoder<R> {
    fn new(inner: R, decoder: encoding_rs::Decoder) -> Transcoder<R> {
        Transcoder {
            inner,
            decoder,
            input: vec![0; 1 << 16],
            input_start: 0,
            input_end: 0,
            output: vec![0; 3 << 16],
            output_start: 0,
            output_end: 0,
            eof: false,
            finished: false,
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        while self.output_start == self.output_end && !self.finished {
            if self.input_start == self.input_end && !self.eof {
                let n = self.inner.read(&mut self.input)?;
                self.input_start = 0;
                self.input_end = n;
                self.eof = n == 0;
            }
            let (result, read, written, _) =
                self.decoder.decode_to_utf8(&self.input[self.input_start..self.input_end], &mut self.output, self.eof);
            self.input_start += read;
            self.output_start = 0;
            self.output_end = written;
            // The call that took the last input has ended the decoder, whether or not it wrote anything;
            // calling it again would be a bug (encoding_rs panics).
            if self.eof && result == encoding_rs::CoderResult::InputEmpty {
                self.finished = true;
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for Transcoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.refill()?;
        let n = (self.output_end - self.output_start).min(buf.len());
        buf[..n].copy_from_slice(&self.output[self.output_start..self.output_start + n]);
        self.output_start += n;
        Ok(n)
    }
}

/// Reads an XLSX sheet row by row, cell by cell, within the limits of a row, a cell and the columns: the
/// sheet's XML was checked before ([`workbook`]), but a row of shared strings is only as long as its
/// strings are, which is known here.
fn read_workbook<E: From<BatchReadError>>(
    path: &Path,
    xlsx: &mut calamine::Xlsx<io::BufReader<File>>,
    sheet: &str,
    consumed: &Rc<Cell<u64>>,
    size: u64,
    each: &mut impl FnMut(&Row) -> Result<bool, E>,
) -> Result<(), E> {
    let workbook_error =
        |message: String| -> E { BatchReadError::Workbook { path: path.to_path_buf(), message }.into() };
    let over = |row: u32, limit: Limit| -> E {
        let refusal = Refusal::Limit { part: sheet.to_string(), row: Some(u64::from(row) + 1), limit };
        BatchReadError::Refused { path: path.to_path_buf(), refusal }.into()
    };
    let mut row = Row { lenient: false, padded: true, ..Row::default() };
    let mut text = String::new();
    let mut current: Option<u32> = None;
    let mut next_column = 0u32;
    let mut cells = xlsx.worksheet_cells_reader(sheet).map_err(|e| workbook_error(e.to_string()))?;
    while let Some(cell) = cells.next_cell().map_err(|e| workbook_error(e.to_string()))? {
        let (r, c) = cell.get_position();
        if current != Some(r) {
            if current.is_some() && !row.is_blank() && !each(&row)? {
                return Ok(());
            }
            row.clear();
            row.line = u64::from(r) + 1;
            current = Some(r);
            next_column = 0;
        }
        if c < next_column {
            continue;
        }
        if u64::from(c) >= workbook::COLUMNS_LIMIT {
            return Err(over(r, Limit::Columns { column: u64::from(c) + 1, limit: workbook::COLUMNS_LIMIT }));
        }
        text.clear();
        cell_text(cell.get_value(), &mut text);
        if text.len() > CELL_LIMIT {
            return Err(over(r, Limit::Cell { limit: CELL_LIMIT as u64 }));
        }
        // The row's bytes so far, with one empty cell for each column skipped.
        if row.used + text.len() > ROW_LIMIT {
            return Err(over(r, Limit::Row { limit: ROW_LIMIT as u64 }));
        }
        while next_column < c {
            row.push_field(b"");
            next_column += 1;
        }
        row.push_field(text.as_bytes());
        next_column += 1;
    }
    consumed.set(size);
    if current.is_some() && !row.is_blank() {
        each(&row)?;
    }
    Ok(())
}

/// A spreadsheet cell as the text a CSV export would hold: integral numbers without decimals, dates as
/// `YYYY-MM-DD`, booleans as `true`/`false`.
pub fn cell_text(value: &DataRef<'_>, out: &mut String) {
    match value {
        DataRef::Int(i) => out.push_str(itoa::Buffer::new().format(*i)),
        DataRef::Float(f) => push_number(*f, out),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => out.push_str(s),
        DataRef::SharedString(s) => out.push_str(s),
        DataRef::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                out.push_str(&format!("{y:04}-{mo:02}-{d:02}"));
            } else {
                out.push_str(&format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}"));
            }
        }
        DataRef::DateTime(dt) => push_number(dt.as_f64(), out),
        DataRef::Error(error) => out.push_str(&format!("#{error:?}")),
        DataRef::Empty => {}
    }
}

/// A number as the shortest text that reads back the same; integral ones without a decimal point.
pub fn push_number(value: f64, out: &mut String) {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        out.push_str(itoa::Buffer::new().format(value as i64));
    } else {
        out.push_str(zmij::Buffer::new().format(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(bytes: &[u8], options: &ReadOptions) -> (Layout, Vec<(u64, Vec<String>)>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.csv");
        std::fs::write(&path, bytes).unwrap();
        let mut source = Source::open(&path, options).unwrap();
        let mut rows = Vec::new();
        source
            .for_each_row(|row| -> Result<bool, BatchReadError> {
                rows.push((row.line, (0..row.len()).map(|i| row.cell(i).unwrap().into_owned()).collect()));
                Ok(true)
            })
            .unwrap();
        (source.layout(), rows)
    }

    #[test]
    fn splits_lines_at_every_delimiter_whatever_its_place_in_a_word() {
        // Lengths around the eight-byte words, delimiters at every offset, runs of them, none at all.
        for len in 0..40 {
            for step in 1..10 {
                let line: Vec<u8> =
                    (0..len).map(|i| if i % step == step - 1 { b';' } else { b'a' + (i % 26) as u8 }).collect();
                let mut row = Row::default();
                row.split_line(&line, b';');
                let cells: Vec<&[u8]> = row.iter().collect();
                let expected: Vec<&[u8]> = line.split(|b| *b == b';').collect();
                assert_eq!(cells, expected, "{}", String::from_utf8_lossy(&line));
            }
        }
        // One row reused for lines of long and short cells in turn, as a file of labels has them: the
        // long-cell path and the eight-byte one give the same cells.
        let mut row = Row::default();
        let long = "Osittain toteutunut;Täysin toteutunut ja vakiintunut;;En tiedä;Suurelta osin toteutunut";
        for line in [long, "1;2;;3;4", long, long, "a;b", long, "", long] {
            row.split_line(line.as_bytes(), b';');
            let cells: Vec<&[u8]> = row.iter().collect();
            let expected: Vec<&[u8]> = line.as_bytes().split(|b| *b == b';').collect();
            assert_eq!(cells, expected, "{line}");
        }
        // Bytes that differ from the delimiter in the high bit only, or next to it in value, are not one.
        let line = [b';' | 0x80, b';', b';' - 1, b';' + 1, 0x00, 0xFF, b';', b'x', b'x'];
        let mut row = Row::default();
        row.split_line(&line, b';');
        assert_eq!(row.len(), 3);
    }

    #[test]
    fn a_row_or_cell_over_its_limit_stops_the_reading_at_its_line() {
        let read = |bytes: &[u8]| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("data.csv");
            std::fs::write(&path, bytes).unwrap();
            let mut source = Source::open(&path, &ReadOptions::default()).unwrap();
            let mut lines = Vec::new();
            let result = source.for_each_row(|row| -> Result<bool, BatchReadError> {
                lines.push(row.line);
                Ok(true)
            });
            (lines, result)
        };
        // An unclosed quote on line 3 swallows the rest of the file.
        let mut bytes = b"a,b\n1,2\n3,\"open\n".to_vec();
        bytes.extend(std::iter::repeat_n(b"x,y\n".as_slice(), ROW_LIMIT / 4 + 1).flatten());
        let (lines, result) = read(&bytes);
        assert_eq!(lines, [1, 2]);
        assert!(matches!(result, Err(BatchReadError::TooLong { line: 3, cell: false, .. })), "{result:?}");
        // One cell over its limit in a row under the row's.
        let mut bytes = b"a,b\n1,\"".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', CELL_LIMIT + 1));
        bytes.extend(b"\"\n2,3\n");
        let (lines, result) = read(&bytes);
        assert_eq!(lines, [1]);
        assert!(matches!(result, Err(BatchReadError::TooLong { line: 2, cell: true, .. })), "{result:?}");
        // A row of nothing but delimiters.
        let mut bytes = b"a,b\n".to_vec();
        bytes.extend(std::iter::repeat_n(b',', ROW_LIMIT + 1));
        let (_, result) = read(&bytes);
        assert!(matches!(result, Err(BatchReadError::TooLong { line: 2, .. })), "{result:?}");
    }

    type Spans = Vec<(u64, Option<QuoteSpan>)>;

    /// Every row's line and quote span, where the reading stopped, and how many rows ran across lines.
    fn quotes_of(bytes: &[u8]) -> (Spans, Result<(), BatchReadError>, u64) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.csv");
        std::fs::write(&path, bytes).unwrap();
        let mut source = Source::open(&path, &ReadOptions { delimiter: Some(b','), ..ReadOptions::default() }).unwrap();
        let mut rows = Vec::new();
        let result = source.for_each_row(|row| -> Result<bool, BatchReadError> {
            rows.push((row.line, row.quote));
            Ok(true)
        });
        (rows, result, source.spanning_quotes().0)
    }

    #[test]
    fn a_quote_open_at_the_end_of_the_file_is_named_at_its_place() {
        let (rows, result, _) = quotes_of(b"kunta,taso\nAura,1\nSalo,\"2");
        assert_eq!(rows.len(), 2, "the open row is not handed on");
        assert!(matches!(result, Err(BatchReadError::UnclosedQuote { line: 3, column: 1, .. })), "{result:?}");
        // In the middle of the file: it takes in the rest, and the place is where it opened.
        let (rows, result, _) = quotes_of(b"kunta,taso,huom\nAura,1,\"a \"\"b\"\" c\nSalo,2,x\nPori,3,y\n");
        assert_eq!(rows.len(), 1);
        assert!(matches!(result, Err(BatchReadError::UnclosedQuote { line: 2, column: 2, .. })), "{result:?}");
        // After a cell that ran across lines, the open quote is on a later line of the same row.
        let (_, result, _) = quotes_of(b"a,b,c\n\"x\ny\",z,\"open\n");
        assert!(matches!(result, Err(BatchReadError::UnclosedQuote { line: 3, column: 2, .. })), "{result:?}");
        // Closed at the very end, or quotes that are text inside a cell: nothing to say.
        for bytes in
            [&b"a,b\nSalo,\"2\""[..], b"a,b\n5\" levy,\"x\"\"\"\n", b"a,b\nab\"c,d\"e\n", b"a,b\n\"\",\"\"\"\"\n"]
        {
            let (rows, result, spanning) = quotes_of(bytes);
            assert!(result.is_ok(), "{:?}: {result:?}", String::from_utf8_lossy(bytes));
            assert_eq!((rows.len(), spanning), (2, 0), "{:?}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn a_quoted_cell_across_lines_is_marked_with_its_cell_and_lines() {
        let bytes = b"kunta,taso,huom\nAura,1,\"kaksi\r\nrivi\"\nSalo,2,\"yksi\"\nPori,\"3\nx\ny\",z\n";
        let (rows, result, spanning) = quotes_of(bytes);
        assert!(result.is_ok(), "{result:?}");
        let span = |column, lines| Some(QuoteSpan { column, lines });
        assert_eq!(rows, [(1, None), (2, span(2, 2)), (4, None), (5, span(1, 3))]);
        assert_eq!(spanning, 2);
        // A quote in the middle of a line that holds one (it goes to csv-core): the place and the count.
        let (_, result, _) = quotes_of(b"a,b\n\"x\",\"1\n2\n3\n");
        assert!(matches!(result, Err(BatchReadError::UnclosedQuote { line: 2, column: 1, .. })), "{result:?}");
    }

    #[test]
    fn a_quote_open_past_the_row_limit_is_named_at_its_place() {
        let mut bytes = b"a,b\n1,2\n3,\"open\n".to_vec();
        bytes.extend(std::iter::repeat_n(b"x,y\n".as_slice(), ROW_LIMIT / 4 + 1).flatten());
        let (_, result, _) = quotes_of(&bytes);
        assert!(matches!(result, Err(BatchReadError::TooLong { line: 3, quote: Some((3, 1)), .. })), "{result:?}");
    }

    #[test]
    fn a_small_file_in_another_encoding_reads_to_its_end_once() {
        // Found by the batch_csv fuzz target: the whole file fits the first read, the decoder ends there,
        // and a read after the end called it again.
        // The fuzz input's first byte chose `--encoding utf-16`; the file is the rest.
        let bytes = &include_bytes!("../../fuzz/regressions/batch_csv-decoder-after-end.csv")[1..];
        for encoding in [EncodingChoice::Windows1252, EncodingChoice::Utf16, EncodingChoice::Auto] {
            let options = ReadOptions { encoding, ..ReadOptions::default() };
            let (_, rows) = rows_of(bytes, &options);
            assert!(!rows.is_empty(), "{encoding:?}");
        }
        let options = ReadOptions { encoding: EncodingChoice::Windows1252, ..ReadOptions::default() };
        let (_, rows) = rows_of(b"kunta;taso\nP\xf6yty\xe4;2\n", &options);
        assert_eq!(rows[1].1, ["Pöytyä", "2"]);
    }

    #[test]
    fn sniffs_the_delimiter_from_the_first_lines() {
        assert_eq!(sniff_delimiter(b"a;b;c\n1;2,5;3\n"), b';');
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter(b"a\tb\n1\t2\n"), b'\t');
        assert_eq!(sniff_delimiter(b"\"Kunta, nimi\";b\n\"x, y\";2\n"), b';');
        assert_eq!(sniff_delimiter(b"Osaatko, vai et?;b\n1;2\n"), b';', "a comma in a header text");
        assert_eq!(sniff_delimiter(b"one column\n1\n"), b',');
        assert_eq!(sniff_delimiter(b""), b',');
    }

    #[test]
    fn detects_byte_order_marks_utf16_and_windows_1252() {
        assert_eq!(detect(b"\xEF\xBB\xBFa;b", EncodingChoice::Auto), Detected::Utf8 { bom: true, lenient: true });
        assert_eq!(detect(b"\xFF\xFEa\0;\0", EncodingChoice::Auto), Detected::Utf16Le);
        assert_eq!(detect(b"a\0;\0b\0", EncodingChoice::Auto), Detected::Utf16Le);
        assert_eq!(detect(b"\0a\0;\0b", EncodingChoice::Auto), Detected::Utf16Be);
        assert_eq!(detect(b"P\xF6yty\xE4;1", EncodingChoice::Auto), Detected::Windows1252);
        assert_eq!(detect("Pöytyä;1".as_bytes(), EncodingChoice::Auto), Detected::Utf8 { bom: false, lenient: true });
        assert_eq!(
            detect(&"Pöytyä".as_bytes()[..2], EncodingChoice::Auto),
            Detected::Utf8 { bom: false, lenient: true }
        );
    }

    #[test]
    fn reads_windows_1252_with_crlf_and_semicolons() {
        let (layout, rows) = rows_of(b"kunta;a\r\nP\xF6yty\xE4;2,5\r\n\r\nN\xE4rpes;1\r\n", &ReadOptions::default());
        assert_eq!(layout, Layout::Csv { encoding: Detected::Windows1252, delimiter: b';' });
        assert_eq!(rows[1], (2, vec!["Pöytyä".to_string(), "2,5".to_string()]));
        assert_eq!(rows[2], (4, vec!["Närpes".to_string(), "1".to_string()]), "line numbers count the blank line");
    }

    #[test]
    fn counts_lines_exactly_whatever_the_line_endings() {
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["h;i", "a;\"b", "c\";d", "", "e;f", ""].join(ending);
            let (_, rows) = rows_of(text.as_bytes(), &ReadOptions::default());
            let lines: Vec<u64> = rows.iter().map(|(line, _)| *line).collect();
            if ending == "\r" {
                // Old Mac line endings: records are still split right, lines are not counted.
                assert_eq!(rows.len(), 3);
            } else {
                assert_eq!(lines, [1, 2, 5], "{ending:?}");
            }
            assert_eq!(rows[1].1[1], format!("b{ending}c"), "a quoted line break is kept as written");
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn field() -> impl Strategy<Value = String> {
            prop_oneof![
                4 => "[a-zäö0-9 ]{0,6}",
                1 => "[a-z;,\"\n]{1,5}",
                1 => Just(String::new()),
            ]
        }

        proptest! {
            #[test]
            fn reads_what_the_csv_crate_writes(
                records in proptest::collection::vec(proptest::collection::vec(field(), 1..5), 1..20),
                crlf in any::<bool>(),
                semicolon in any::<bool>(),
            ) {
                let delimiter = if semicolon { b';' } else { b',' };
                let terminator = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
                let mut writer = csv::WriterBuilder::new()
                    .delimiter(delimiter)
                    .terminator(terminator)
                    .flexible(true)
                    .from_writer(Vec::new());
                // A first line that fixes the delimiter for the sniffer.
                writer.write_record(["h1", "h2", "h3"]).unwrap();
                for record in &records {
                    writer.write_record(record).unwrap();
                }
                let bytes = writer.into_inner().unwrap();
                let options = ReadOptions { delimiter: Some(delimiter), ..ReadOptions::default() };
                let (_, rows) = rows_of(&bytes, &options);
                // The csv crate quotes a record of one empty field (`""`), so that it is not a blank line.
                prop_assert_eq!(rows.len(), records.len() + 1);
                for ((_, got), want) in rows[1..].iter().zip(&records) {
                    prop_assert_eq!(got, want);
                }
            }
        }
    }

    #[test]
    fn reads_utf16_with_tabs() {
        let text = "kunta\ta\r\nKemiönsaari\t3\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let (layout, rows) = rows_of(&bytes, &ReadOptions::default());
        assert_eq!(layout, Layout::Csv { encoding: Detected::Utf16Le, delimiter: b'\t' });
        assert_eq!(rows[1].1, ["Kemiönsaari", "3"]);
    }

    #[test]
    fn reads_a_late_windows_1252_cell_in_a_file_that_starts_as_ascii() {
        let mut bytes = b"kunta,a\n".to_vec();
        for _ in 0..5000 {
            bytes.extend_from_slice(b"Salo,1\n");
        }
        bytes.extend_from_slice(b"P\xF6yty\xE4,2\n");
        let (_, rows) = rows_of(&bytes, &ReadOptions::default());
        assert_eq!(rows.last().unwrap().1[0], "Pöytyä");
    }

    #[test]
    fn drops_the_utf8_byte_order_mark_and_keeps_quoted_newlines() {
        let (layout, rows) = rows_of("\u{feff}kunta,a\n\"Pöytyä\nkylä\",\"1\"\n".as_bytes(), &ReadOptions::default());
        assert_eq!(layout, Layout::Csv { encoding: Detected::Utf8 { bom: true, lenient: true }, delimiter: b',' });
        assert_eq!(rows[0].1[0], "kunta");
        assert_eq!(rows[1].1[0], "Pöytyä\nkylä");
    }

    #[test]
    fn writes_spreadsheet_numbers_as_text() {
        let mut out = String::new();
        cell_text(&DataRef::Float(2.0), &mut out);
        out.push(' ');
        cell_text(&DataRef::Float(45.5), &mut out);
        out.push(' ');
        cell_text(&DataRef::Bool(true), &mut out);
        assert_eq!(out, "2 45.5 true");
    }
}
