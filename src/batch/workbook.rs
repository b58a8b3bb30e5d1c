//! Checking a workbook file before calamine reads it, so that no file can make the read take more than a
//! bounded amount of memory and time.
//!
//! An XLSX file is a zip archive of XML parts; a few megabytes of it can unpack to gigabytes (a
//! decompression bomb), and calamine reads what it is given. So the file is first told by its first bytes
//! (an encrypted workbook or an old `.xls` is an OLE compound file, an `.ods` or `.xlsb` a zip of other
//! parts); then its zip directory is checked (the number of parts, their declared sizes, how densely they
//! are packed); then every part calamine will read is unpacked here through a reader that stops at its
//! limit and at the size the directory declared (declared sizes can lie), and parsed with quick-xml,
//! calamine's own XML reader, as calamine parses it, with a bound on each tag or text, on nesting, on the
//! shared strings and on the sheet's rows, cells and cell sizes. Only then does calamine open the file, and
//! the batch reader still checks each cell it hands on ([`super::read`]). Nothing here knows about
//! questionnaires.

use std::cell::Cell;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Mutex;

use calamine::Reader as _;
use quick_xml::events::Event;

use crate::i18n::{Lang, Tr, messages as m};

/// The most parts a workbook's archive may hold: a survey export has a dozen, a workbook of many sheets a
/// few hundred.
pub const ENTRY_LIMIT: u64 = 1_000;
/// The most a worksheet part (or any other part that is not read) may unpack to.
pub const PART_LIMIT: u64 = 512 * MIB;
/// The most the shared-strings table may unpack to.
pub const SHARED_STRINGS_LIMIT: u64 = 64 * MIB;
/// The most the workbook's other parts that are read (`workbook.xml`, its relationships, the styles) may
/// unpack to.
pub const SMALL_PART_LIMIT: u64 = 16 * MIB;
/// The most all parts together may unpack to.
pub const TOTAL_LIMIT: u64 = 1024 * MIB;
/// The densest packing of a part over 1 MiB: spreadsheet XML packs 5 to 30 to 1; a bomb, about 1,000 to 1.
pub const RATIO_LIMIT: u64 = 200;
/// The deepest nesting of XML elements (a worksheet nests about 7 deep).
pub const DEPTH_LIMIT: usize = 100;
/// The longest tag, text, comment or other XML event: a cell's text is at most [`super::read::CELL_LIMIT`],
/// with room for the markup around it.
pub const EVENT_LIMIT: u64 = super::read::CELL_LIMIT as u64 + 64 * 1024;
/// The most shared strings (each one a distinct cell text).
pub const STRINGS_LIMIT: u64 = 1_048_576;
/// The most rows of a sheet: Excel's own limit.
pub const ROWS_LIMIT: u64 = 1_048_576;
/// The most cells of a sheet: 100,000 respondents of 200 columns.
pub const CELLS_LIMIT: u64 = 20_000_000;
/// The most columns of a sheet: Excel's own limit.
pub const COLUMNS_LIMIT: u64 = 16_384;

const MIB: u64 = 1024 * 1024;

/// Why a workbook file is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Neither a zip archive nor an OLE compound file.
    NotZip,
    /// An OLE compound file holding an encrypted package: a password-protected workbook.
    Encrypted,
    /// Another OLE compound file: an Excel 97–2003 `.xls` (or another old Office file).
    Xls,
    Ods,
    Xlsb,
    /// A zip archive without `xl/workbook.xml`.
    NotWorkbook,
    /// The archive or its zip directory is damaged.
    Damaged(String),
    /// A part over a limit; `part` is empty for the archive as a whole, `row` set where a sheet's row is
    /// known.
    Limit {
        part: String,
        row: Option<u64>,
        limit: Limit,
    },
    /// A cell's place past Excel's last row or column, or a dimension that runs backwards.
    Reference {
        part: String,
        reference: String,
    },
}

/// Which limit, and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Entries {
        count: u64,
        limit: u64,
    },
    PartSize {
        limit: u64,
    },
    /// The part holds more than its directory entry declares.
    Declared {
        declared: u64,
    },
    Total {
        limit: u64,
    },
    Ratio {
        limit: u64,
    },
    Depth {
        limit: usize,
    },
    Event {
        limit: u64,
    },
    Cell {
        limit: u64,
    },
    Row {
        limit: u64,
    },
    Strings {
        limit: u64,
    },
    Rows {
        limit: u64,
    },
    Cells {
        limit: u64,
    },
    Columns {
        column: u64,
        limit: u64,
    },
}

impl Refusal {
    /// The message in `lang`, naming the file, the part and the limit.
    pub fn message(&self, path: &Path, lang: Lang) -> String {
        let file = path.display();
        match self {
            Refusal::NotZip => m::B_WB_NOT_ZIP.fill(lang, &[&file]),
            Refusal::Encrypted => m::B_WB_ENCRYPTED.fill(lang, &[&file]),
            Refusal::Xls => m::B_WB_XLS.fill(lang, &[&file]),
            Refusal::Ods => m::B_WB_ODS.fill(lang, &[&file]),
            Refusal::Xlsb => m::B_WB_XLSB.fill(lang, &[&file]),
            Refusal::NotWorkbook => m::B_WB_NOT_WORKBOOK.fill(lang, &[&file]),
            Refusal::Damaged(reason) => m::B_WORKBOOK_ERROR.fill(lang, &[&file, reason]),
            Refusal::Reference { part, reference } => {
                m::B_WB_LIMIT.fill(lang, &[&file, part, &m::L_REFERENCE.fill(lang, &[reference])])
            }
            Refusal::Limit { part, row, limit } => {
                let what = limit.message(lang);
                let at = match row {
                    Some(row) => format!("{file}:{row}"),
                    None => file.to_string(),
                };
                if part.is_empty() {
                    m::B_WB_LIMIT_ARCHIVE.fill(lang, &[&at, &what])
                } else {
                    m::B_WB_LIMIT.fill(lang, &[&at, part, &what])
                }
            }
        }
    }
}

impl Limit {
    fn message(self, lang: Lang) -> String {
        let fill = |tr: Tr, args: &[&dyn std::fmt::Display]| tr.fill(lang, args);
        match self {
            Limit::Entries { count, limit } => fill(m::L_ENTRIES, &[&count, &limit]),
            Limit::PartSize { limit } => fill(m::L_PART_SIZE, &[&size(limit)]),
            Limit::Declared { declared } => fill(m::L_DECLARED, &[&declared]),
            Limit::Total { limit } => fill(m::L_TOTAL, &[&size(limit)]),
            Limit::Ratio { limit } => fill(m::L_RATIO, &[&limit]),
            Limit::Depth { limit } => fill(m::L_DEPTH, &[&limit]),
            Limit::Event { limit } => fill(m::L_EVENT, &[&size(limit)]),
            Limit::Cell { limit } => fill(m::L_CELL, &[&size(limit)]),
            Limit::Row { limit } => fill(m::L_ROW, &[&size(limit)]),
            Limit::Strings { limit } => fill(m::L_STRINGS, &[&limit]),
            Limit::Rows { limit } => fill(m::L_ROWS, &[&limit]),
            Limit::Cells { limit } => fill(m::L_CELLS, &[&limit]),
            Limit::Columns { column, limit } => fill(m::L_COLUMNS, &[&column, &limit]),
        }
    }
}

/// A size as people say it: `512 MiB`, `1 GiB`, `1088 KiB`.
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * MIB && b % (1024 * MIB) == 0 => format!("{} GiB", b / (1024 * MIB)),
        b if b >= MIB && b % MIB == 0 => format!("{} MiB", b / MIB),
        b if b % 1024 == 0 => format!("{} KiB", b / 1024),
        b => format!("{b} B"),
    }
}

/// What reading a workbook's sheet needs, once the file has passed its checks.
pub struct Checked {
    pub workbook: calamine::Xlsx<BufReader<File>>,
    /// The sheets in the workbook's order: their names and parts, as calamine finds them.
    pub sheets: Vec<(String, String)>,
    archive: zip::ZipArchive<BufReader<File>>,
    path: PathBuf,
}

/// How a file is told apart by its first bytes.
const ZIP: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP: &[u8] = b"PK\x05\x06";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Opens a workbook file that passes every check of the archive and of the parts calamine reads when it
/// opens a workbook; [`Checked::check_sheet`] then checks a sheet before it is read.
pub fn open(path: &Path) -> Result<Checked, OpenError> {
    let mut file = File::open(path)?;
    let mut magic = [0u8; 8];
    let got = read_fully(&mut file, &mut magic)?;
    let magic = &magic[..got];
    if magic.starts_with(OLE) {
        return Err(OpenError::Refused(if is_encrypted_package(&mut file)? {
            Refusal::Encrypted
        } else {
            Refusal::Xls
        }));
    }
    if !(magic.starts_with(ZIP) || magic.starts_with(EMPTY_ZIP)) {
        return Err(OpenError::Refused(Refusal::NotZip));
    }
    let entries = entry_count(&mut file)?;
    if entries > ENTRY_LIMIT {
        return Err(limit("", Limit::Entries { count: entries, limit: ENTRY_LIMIT }));
    }
    file.seek(SeekFrom::Start(0))?;
    let mut archive =
        zip::ZipArchive::new(BufReader::new(file)).map_err(|e| OpenError::Refused(Refusal::Damaged(e.to_string())))?;
    // The directory as the zip crate read it, in case the end record's count was not the whole story.
    if archive.len() as u64 > ENTRY_LIMIT {
        return Err(limit("", Limit::Entries { count: archive.len() as u64, limit: ENTRY_LIMIT }));
    }

    // Every part's declared size and packing, whether or not it is read; the parts of each name without
    // regard to case (calamine takes one of them; each is checked).
    let mut names: HashMap<String, Vec<usize>> = HashMap::new();
    let mut total = 0u64;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(damaged)?;
        let name = entry.name().to_string();
        let (declared, packed) = (entry.size(), entry.compressed_size());
        drop(entry);
        if declared > PART_LIMIT {
            return Err(limit(&name, Limit::PartSize { limit: PART_LIMIT }));
        }
        if declared > MIB && declared / packed.max(1) > RATIO_LIMIT {
            return Err(limit(&name, Limit::Ratio { limit: RATIO_LIMIT }));
        }
        total = total.saturating_add(declared);
        if total > TOTAL_LIMIT {
            return Err(limit("", Limit::Total { limit: TOTAL_LIMIT }));
        }
        // calamine finds parts by name without regard to case or the slash's direction; so does this.
        names.entry(normalized(&name)).or_default().push(index);
    }
    if names.contains_key("xl/workbook.bin") {
        return Err(OpenError::Refused(Refusal::Xlsb));
    }
    if names.contains_key("content.xml") || names.contains_key("mimetype") {
        return Err(OpenError::Refused(Refusal::Ods));
    }
    if !names.contains_key("xl/workbook.xml") {
        return Err(OpenError::Refused(Refusal::NotWorkbook));
    }

    // The parts calamine reads when it opens the workbook, each through the checks.
    let mut scan = |name: &str, role: Role| -> Result<Scanned, OpenError> {
        let mut scanned = Scanned::default();
        for &index in names.get(name).map_or(&[][..], Vec::as_slice) {
            // What calamine reads is the last of them, as its map of names keeps the last.
            scanned = scan_part(&mut archive, index, role)?;
        }
        Ok(scanned)
    };
    let relationships = scan("xl/_rels/workbook.xml.rels", Role::Relationships)?.relationships;
    let sheet_ids = scan("xl/workbook.xml", Role::Workbook)?.sheets;
    scan("xl/sharedstrings.xml", Role::SharedStrings)?;
    scan("xl/styles.xml", Role::Small)?;
    let sheets = sheet_ids
        .into_iter()
        .map(|(name, id)| {
            let target = relationships.get(&id).cloned().unwrap_or_default();
            // As calamine resolves a sheet's target.
            let part = if let Some(rest) = target.strip_prefix('/') {
                rest.to_string()
            } else if target.starts_with("xl/") {
                target
            } else {
                format!("xl/{target}")
            };
            (name, part)
        })
        .collect();

    let file = File::open(path)?;
    let workbook =
        calamine::Xlsx::new(BufReader::new(file)).map_err(|e| OpenError::Refused(Refusal::Damaged(e.to_string())))?;
    Ok(Checked { workbook, sheets, archive, path: path.to_path_buf() })
}

impl Checked {
    /// Checks the part of a sheet before it is read: its size, its XML, its rows and cells. A sheet
    /// checked once in this process (the batch reads the header first, then every row) is not unpacked a
    /// second time while the file is unchanged.
    pub fn check_sheet(&mut self, sheet: &str) -> Result<(), OpenError> {
        static CHECKED: Mutex<Vec<SheetKey>> = Mutex::new(Vec::new());
        let Some((_, part)) = self.sheets.iter().find(|(name, _)| name == sheet) else {
            // calamine found a sheet this check did not: read nothing rather than read it unchecked.
            return Err(OpenError::Refused(Refusal::Damaged(format!("no part found for sheet `{sheet}`"))));
        };
        let metadata = std::fs::metadata(&self.path)?;
        let key = (self.path.clone(), part.clone(), metadata.len(), metadata.modified().ok());
        if CHECKED.lock().is_ok_and(|checked| checked.contains(&key)) {
            return Ok(());
        }
        // Every part of that name without regard to case: calamine takes one of them, this checks them all.
        // A sheet without its part: calamine says so when it reads it.
        let wanted = normalized(part);
        let archive = &mut self.archive;
        let indexes: Vec<usize> = (0..archive.len())
            .filter(|&index| archive.by_index_raw(index).is_ok_and(|entry| normalized(entry.name()) == wanted))
            .collect();
        for index in indexes {
            scan_part(&mut self.archive, index, Role::Sheet)?;
        }
        if let Ok(mut checked) = CHECKED.lock() {
            checked.push(key);
        }
        Ok(())
    }
}

/// A sheet checked once: the file, the sheet's part, and the file's length and time of change.
type SheetKey = (PathBuf, String, u64, Option<std::time::SystemTime>);

/// Why a workbook could not be opened.
#[derive(Debug)]
pub enum OpenError {
    Io(io::Error),
    Refused(Refusal),
}

impl From<io::Error> for OpenError {
    fn from(error: io::Error) -> OpenError {
        OpenError::Io(error)
    }
}

fn limit(part: &str, limit: Limit) -> OpenError {
    OpenError::Refused(Refusal::Limit { part: part.to_string(), row: None, limit })
}

fn damaged(error: zip::result::ZipError) -> OpenError {
    match error {
        zip::result::ZipError::Io(io) => OpenError::Io(io),
        other => OpenError::Refused(Refusal::Damaged(other.to_string())),
    }
}

fn normalized(name: &str) -> String {
    name.replace('\\', "/").to_ascii_lowercase()
}

fn read_fully(file: &mut File, buffer: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buffer.len() {
        match file.read(&mut buffer[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got)
}

/// Whether an OLE compound file holds an `EncryptedPackage` stream (how Office stores a workbook with a
/// password to open): its directory entry's name, in UTF-16, is looked for in the file, a megabyte at a
/// time. Finding it by the name alone is enough to choose between two refusals.
fn is_encrypted_package(file: &mut File) -> io::Result<bool> {
    let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let finder = memchr::memmem::Finder::new(&name);
    file.seek(SeekFrom::Start(0))?;
    let mut buffer = vec![0u8; MIB as usize + name.len()];
    let mut kept = 0;
    loop {
        let n = file.read(&mut buffer[kept..])?;
        if n == 0 {
            return Ok(false);
        }
        let filled = kept + n;
        if finder.find(&buffer[..filled]).is_some() {
            return Ok(true);
        }
        // Keep the tail, where a name cut by the read may begin.
        kept = filled.min(name.len() - 1);
        buffer.copy_within(filled - kept..filled, 0);
    }
}

/// The number of entries the zip's end-of-central-directory record declares (or its zip64 record), read
/// before the zip crate reads the whole directory into memory; 0 when no end record is found (the zip crate
/// then says what is wrong).
fn entry_count(file: &mut File) -> io::Result<u64> {
    const END: &[u8] = b"PK\x05\x06";
    const LOCATOR: &[u8] = b"PK\x06\x07";
    const END64: &[u8] = b"PK\x06\x06";
    let length = file.seek(SeekFrom::End(0))?;
    // The end record is 22 bytes and its comment at most 65,535.
    let tail_length = length.min(22 + 65_535);
    file.seek(SeekFrom::Start(length - tail_length))?;
    let mut tail = vec![0u8; tail_length as usize];
    file.read_exact(&mut tail)?;
    let Some(at) = memchr::memmem::rfind(&tail, END) else { return Ok(0) };
    let Some(record) = tail.get(at..at + 22) else { return Ok(0) };
    let u16_at = |bytes: &[u8], i: usize| u64::from(u16::from_le_bytes([bytes[i], bytes[i + 1]]));
    let entries = u16_at(record, 10);
    if entries != 0xFFFF {
        return Ok(entries);
    }
    // Zip64: the locator just before the end record gives where the zip64 end record is.
    let Some(locator) = at.checked_sub(20).and_then(|start| tail.get(start..start + 20)) else { return Ok(entries) };
    if !locator.starts_with(LOCATOR) {
        return Ok(entries);
    }
    let offset = u64::from_le_bytes(locator[8..16].try_into().unwrap_or_default());
    let mut record64 = [0u8; 56];
    if offset.checked_add(56).is_none_or(|end| end > length) {
        return Ok(entries);
    }
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(&mut record64)?;
    if !record64.starts_with(END64) {
        return Ok(entries);
    }
    Ok(u64::from_le_bytes(record64[32..40].try_into().unwrap_or_default()))
}

/// What a part is to calamine, which decides its limits and what is gathered from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Relationships,
    Workbook,
    SharedStrings,
    Small,
    Sheet,
}

/// What the scan of a part gathered.
#[derive(Debug, Default)]
struct Scanned {
    /// Relationship id → target (`xl/_rels/workbook.xml.rels`).
    relationships: HashMap<Vec<u8>, String>,
    /// Sheet name and relationship id, in order (`xl/workbook.xml`).
    sheets: Vec<(String, Vec<u8>)>,
}

/// Unpacks a part through the limits and parses it as calamine does, checking every limit on the way.
fn scan_part(archive: &mut zip::ZipArchive<BufReader<File>>, index: usize, role: Role) -> Result<Scanned, OpenError> {
    let entry = archive.by_index(index).map_err(damaged)?;
    let name = entry.name().to_string();
    let declared = entry.size();
    let part_limit = match role {
        Role::SharedStrings => SHARED_STRINGS_LIMIT,
        Role::Relationships | Role::Workbook | Role::Small => SMALL_PART_LIMIT,
        Role::Sheet => PART_LIMIT,
    };
    if declared > part_limit {
        return Err(limit(&name, Limit::PartSize { limit: part_limit }));
    }
    let state = Rc::new(Bounds::default());
    let bounded = Bounded { inner: entry, state: Rc::clone(&state), declared, part_limit };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(bounded));
    // calamine's own settings, so that this parse meets exactly what calamine's will.
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;

    let fail = |limit_hit: Limit, row: Option<u64>| {
        OpenError::Refused(Refusal::Limit { part: name.clone(), row, limit: limit_hit })
    };
    let mut scanned = Scanned::default();
    let mut buf = Vec::with_capacity(1024);
    let mut depth = 0usize;
    let (mut rows, mut cells, mut strings) = (0u64, 0u64, 0u64);
    // The text of the cell (or shared string) and of the row being read, in bytes of XML.
    let (mut in_cell, mut in_row) = (false, false);
    let (mut cell_text, mut row_text) = (0u64, 0u64);
    let cell_name: &[u8] = if role == Role::SharedStrings { b"si" } else { b"c" };
    loop {
        buf.clear();
        state.event.set(0);
        let event = match xml.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(error) => {
                return Err(match state.hit.get() {
                    Some(hit) => fail(hit, (rows > 0).then_some(rows)),
                    None => OpenError::Refused(Refusal::Damaged(format!("{name}: {error}"))),
                });
            }
        };
        match event {
            Event::Start(start) => {
                depth += 1;
                if depth > DEPTH_LIMIT {
                    return Err(fail(Limit::Depth { limit: DEPTH_LIMIT }, None));
                }
                let local = start.local_name();
                let local = local.as_ref();
                // calamine reads these places with arithmetic that overflows past Excel's last row and column
                // (a panic in a build with overflow checks); a place that far out is refused here.
                if role == Role::Sheet && matches!(local, b"row" | b"c" | b"dimension") {
                    let key: &[u8] = if local == b"dimension" { b"ref" } else { b"r" };
                    for attribute in start.attributes().flatten() {
                        if attribute.key.as_ref() == key
                            && !plausible_reference(&attribute.value, local == b"dimension")
                        {
                            let reference = String::from_utf8_lossy(&attribute.value).into_owned();
                            return Err(OpenError::Refused(Refusal::Reference { part: name.clone(), reference }));
                        }
                    }
                }
                match role {
                    Role::Sheet if local == b"row" => {
                        rows += 1;
                        if rows > ROWS_LIMIT {
                            return Err(fail(Limit::Rows { limit: ROWS_LIMIT }, None));
                        }
                        in_row = true;
                        row_text = 0;
                    }
                    Role::Sheet if local == b"c" => {
                        cells += 1;
                        if cells > CELLS_LIMIT {
                            return Err(fail(Limit::Cells { limit: CELLS_LIMIT }, None));
                        }
                        in_cell = true;
                        cell_text = 0;
                    }
                    Role::SharedStrings if local == b"si" => {
                        strings += 1;
                        if strings > STRINGS_LIMIT {
                            return Err(fail(Limit::Strings { limit: STRINGS_LIMIT }, None));
                        }
                        in_cell = true;
                        cell_text = 0;
                    }
                    Role::SharedStrings if local == b"sst" => {
                        // calamine reserves room for as many strings as the table says it has.
                        for attribute in start.attributes().flatten() {
                            if attribute.key.as_ref() == b"uniqueCount"
                                && atoi_value(&attribute.value).is_none_or(|n| n > STRINGS_LIMIT)
                            {
                                return Err(fail(Limit::Strings { limit: STRINGS_LIMIT }, None));
                            }
                        }
                    }
                    Role::Relationships if local == b"Relationship" => {
                        let (mut id, mut target) = (Vec::new(), String::new());
                        for attribute in start.attributes().flatten() {
                            match attribute.key.as_ref() {
                                b"Id" => id = attribute.value.to_vec(),
                                b"Target" => {
                                    target = xml.decoder().decode(&attribute.value).unwrap_or_default().into_owned();
                                }
                                _ => {}
                            }
                        }
                        scanned.relationships.insert(id, target);
                    }
                    Role::Workbook if local == b"sheet" => {
                        let (mut sheet, mut id) = (String::new(), Vec::new());
                        for attribute in start.attributes().flatten() {
                            if attribute.key.as_ref() == b"name" {
                                sheet = attribute
                                    .decode_and_unescape_value(xml.decoder())
                                    .map(std::borrow::Cow::into_owned)
                                    .unwrap_or_default();
                            } else if attribute.key.local_name().as_ref() == b"id" {
                                id = attribute.value.to_vec();
                            }
                        }
                        scanned.sheets.push((sheet, id));
                    }
                    _ => {}
                }
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                let local = end.local_name();
                if local.as_ref() == cell_name {
                    in_cell = false;
                } else if local.as_ref() == b"row" {
                    in_row = false;
                }
            }
            Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                let length = buf.len() as u64;
                if in_cell {
                    cell_text += length;
                    if cell_text > super::read::CELL_LIMIT as u64 {
                        let row = (role == Role::Sheet).then_some(rows);
                        return Err(fail(Limit::Cell { limit: super::read::CELL_LIMIT as u64 }, row));
                    }
                }
                if in_row {
                    row_text += length;
                    if row_text > super::read::ROW_LIMIT as u64 {
                        return Err(fail(Limit::Row { limit: super::read::ROW_LIMIT as u64 }, Some(rows)));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(scanned)
}

/// Whether a cell's place (`AB12`), a row's number (`12`) or a dimension (`A1:AB12`) is within reach of
/// Excel's last column (three letters) and last row (seven digits), and a dimension runs forwards. What is
/// not a place at all is left to calamine, which says so.
fn plausible_reference(value: &[u8], dimension: bool) -> bool {
    let place = |part: &[u8]| -> Option<(u64, u64)> {
        let letters = part.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let digits = part[letters..].iter().take_while(|b| b.is_ascii_digit()).count();
        if letters > 3 || digits > 7 {
            return None;
        }
        let column = part[..letters].iter().fold(0u64, |n, b| n * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1);
        let row = part[letters..letters + digits].iter().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        Some((row, column))
    };
    if !dimension {
        return place(value).is_some();
    }
    let mut parts = value.split(|b| *b == b':');
    match (parts.next().map(place), parts.next().map(place)) {
        (Some(None), _) | (_, Some(None)) => false,
        (Some(Some(start)), Some(Some(end))) => end.0 >= start.0 && end.1 >= start.1,
        _ => true,
    }
}

fn atoi_value(bytes: &[u8]) -> Option<u64> {
    std::str::from_utf8(bytes).ok()?.trim().parse().ok()
}

/// Where [`Bounded`] stands: the bytes of the current XML event, and the limit hit, if one was.
#[derive(Debug, Default)]
struct Bounds {
    total: Cell<u64>,
    event: Cell<u64>,
    hit: Cell<Option<Limit>>,
}

/// Unpacked bytes of a part, counted: an error past the part's limit, past the size its directory entry
/// declared, or past [`EVENT_LIMIT`] since the parser last finished an event (give or take the 8 KiB the
/// parser's buffer reads ahead).
struct Bounded<R> {
    inner: R,
    state: Rc<Bounds>,
    declared: u64,
    part_limit: u64,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // Never more than one byte past a limit, so that nothing large is unpacked to find it was too much.
        let room = self.declared.min(self.part_limit).saturating_sub(self.state.total.get()) + 1;
        let want = buf.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        let total = self.state.total.get() + n as u64;
        let event = self.state.event.get() + n as u64;
        self.state.total.set(total);
        self.state.event.set(event);
        let hit = if total > self.part_limit {
            Some(Limit::PartSize { limit: self.part_limit })
        } else if total > self.declared {
            Some(Limit::Declared { declared: self.declared })
        } else if event > EVENT_LIMIT {
            Some(Limit::Event { limit: super::read::CELL_LIMIT as u64 })
        } else {
            None
        };
        if let Some(hit) = hit {
            self.state.hit.set(Some(hit));
            return Err(io::Error::other("over a limit"));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A workbook of one sheet with this XML, written into a temporary folder.
    fn workbook_file(sheet: &[u8]) -> (tempfile::TempDir, PathBuf) {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let parts: [(&str, &[u8]); 3] = [
            (
                "xl/workbook.xml",
                br#"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            ),
            (
                "xl/_rels/workbook.xml.rels",
                br#"<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>"#,
            ),
            ("xl/worksheets/s.xml", sheet),
        ];
        for (name, bytes) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.xlsx");
        std::fs::write(&path, zip.finish().unwrap().into_inner()).unwrap();
        (dir, path)
    }

    fn check(sheet: &str) -> Result<(), OpenError> {
        let (_dir, path) = workbook_file(sheet.as_bytes());
        open(&path)?.check_sheet("S")
    }

    #[test]
    fn places_past_the_last_row_or_column_are_refused_before_calamine_reads_them() {
        assert!(
            check(r#"<worksheet><sheetData><row r="1"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#)
                .is_ok()
        );
        for sheet in [
            // Found by the batch_xlsx fuzz target: calamine's row arithmetic overflowed.
            r#"<worksheet><sheetData><row r="99999999999"><c><v>1</v></c></row></sheetData></worksheet>"#,
            r#"<worksheet><sheetData><row><c r="AAAAAAAA1"><v>1</v></c></row></sheetData></worksheet>"#,
            r#"<worksheet><dimension ref="B2:A1"/><sheetData/></worksheet>"#,
        ] {
            let refused = check(sheet);
            assert!(matches!(refused, Err(OpenError::Refused(Refusal::Reference { .. }))), "{sheet}: {refused:?}");
        }
        assert!(plausible_reference(b"A1:C3", true) && plausible_reference(b"A1", true));
        assert!(!plausible_reference(b"C3:A1", true) && !plausible_reference(b"A1:ZZZZ1", true));
    }

    #[test]
    fn a_sheet_is_scanned_once_per_process_while_its_file_is_unchanged() {
        let (_dir, path) =
            workbook_file(br#"<worksheet><sheetData><row r="1"><c><v>1</v></c></row></sheetData></worksheet>"#);
        assert!(open(&path).unwrap().check_sheet("S").is_ok());
        assert!(open(&path).unwrap().check_sheet("S").is_ok());
        assert!(matches!(open(&path).unwrap().check_sheet("T"), Err(OpenError::Refused(Refusal::Damaged(_)))));
    }

    #[test]
    fn every_part_of_a_name_is_checked_whatever_its_case() {
        // calamine finds parts without regard to case and takes the last of a name: a harmless part first
        // and a hostile one of the same name in capitals must not pass.
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let deep = format!("<worksheet><sheetData>{}</sheetData></worksheet>", "<a>".repeat(500));
        let parts: [(&str, &[u8]); 4] = [
            ("xl/workbook.xml", br#"<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#),
            (
                "xl/_rels/workbook.xml.rels",
                br#"<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>"#,
            ),
            ("xl/worksheets/s.xml", b"<worksheet><sheetData/></worksheet>"),
            ("XL/Worksheets/S.xml", deep.as_bytes()),
        ];
        for (name, bytes) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.xlsx");
        std::fs::write(&path, zip.finish().unwrap().into_inner()).unwrap();
        let refused = open(&path).and_then(|mut checked| checked.check_sheet("S"));
        assert!(
            matches!(&refused, Err(OpenError::Refused(Refusal::Limit { limit: Limit::Depth { .. }, .. }))),
            "{refused:?}"
        );
    }

    #[test]
    fn sizes_are_said_in_the_largest_whole_unit() {
        assert_eq!(size(512 * MIB), "512 MiB");
        assert_eq!(size(1024 * MIB), "1 GiB");
        assert_eq!(size(EVENT_LIMIT), "1088 KiB");
        assert_eq!(size(1000), "1000 B");
    }
}
