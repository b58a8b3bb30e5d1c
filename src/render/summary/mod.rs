//! The summary of a batch: one row per respondent (or group) with its respondent fields, the number of
//! respondents, the overall index and band, each theme's score, band (and MIL), completeness, and the name
//! of its report file.
//!
//! CSV and JSON are streamed row by row, numbers unrounded and written with `zmij` (as `serde_json` writes them) and `itoa` into one reused
//! line buffer; the terminal table, meant for a handful of rows, is drawn at the end.

pub mod xlsx;

use std::io::{self, Write};

use crate::csv_writer::push_field;
use crate::i18n::{Lang, decimal, messages as m};
use crate::questionnaire::Questionnaire;

use crate::batch::header::Meta;

/// The summary's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Table,
}

/// One row of the summary.
#[derive(Debug, Clone, Copy)]
pub struct SummaryRow<'a> {
    /// The line of the respondent's row in the input.
    pub line: Option<u64>,
    /// The group's value, in a grouped summary.
    pub group: Option<&'a str>,
    /// The respondent fields by [`Meta::index`] (population as text).
    pub fields: [Option<&'a str>; 8],
    pub respondents: usize,
    pub overall: Option<f64>,
    /// Per theme: score and MIL.
    pub themes: &'a [(Option<f64>, Option<u8>)],
    pub completeness: f64,
    pub report: Option<&'a str>,
}

/// Writes summary rows to `out` in one format.
pub struct SummaryWriter<W: Write> {
    out: W,
    format: Format,
    lang: Lang,
    grouped: bool,
    theme_ids: Vec<String>,
    theme_titles: Vec<String>,
    theme_mil: Vec<bool>,
    band_names: Vec<String>,
    /// The band names as CSV cells, quoted where they need it, made once.
    band_cells: Vec<Vec<u8>>,
    band_mins: Vec<f64>,
    line: Vec<u8>,
    floats: FloatCache,
    rows: usize,
    table: Vec<Vec<String>>,
}

impl<W: Write> SummaryWriter<W> {
    pub fn new(out: W, format: Format, q: &Questionnaire, lang: Lang, grouped: bool) -> SummaryWriter<W> {
        SummaryWriter {
            out,
            format,
            lang,
            grouped,
            theme_ids: q.themes.iter().map(|t| t.id.clone()).collect(),
            theme_titles: q.themes.iter().map(|t| q.text(&t.title, lang).to_string()).collect(),
            theme_mil: q.themes.iter().map(|t| t.mil).collect(),
            band_names: q.bands.iter().map(|b| q.text(&b.name, lang).to_string()).collect(),
            band_cells: q
                .bands
                .iter()
                .map(|b| {
                    let mut cell = Vec::new();
                    push_field(&mut cell, q.text(&b.name, lang));
                    cell
                })
                .collect(),
            band_mins: q.bands.iter().map(|b| b.min).collect(),
            line: Vec::with_capacity(PENDING + 1024),
            floats: FloatCache::default(),
            rows: 0,
            table: Vec::new(),
        }
    }

    fn band(&self, score: Option<f64>) -> Option<&str> {
        band_index(&self.band_mins, score).map(|i| self.band_names[i].as_str())
    }

    /// The CSV header (or the JSON array's opening).
    pub fn start(&mut self) -> io::Result<()> {
        match self.format {
            Format::Csv => {
                let mut line = std::mem::take(&mut self.line);
                line.clear();
                line.extend_from_slice(if self.grouped { b"group" } else { b"line" });
                for meta in Meta::ALL {
                    if self.grouped && meta == Meta::Respondent {
                        continue;
                    }
                    line.push(b',');
                    line.extend_from_slice(meta.key().as_bytes());
                }
                line.extend_from_slice(b",respondents,overall,overall_band");
                for (id, mil) in self.theme_ids.iter().zip(&self.theme_mil) {
                    line.push(b',');
                    push_field(&mut line, id);
                    line.push(b',');
                    push_field(&mut line, &format!("{id}_band"));
                    if *mil {
                        line.push(b',');
                        push_field(&mut line, &format!("{id}_mil"));
                    }
                }
                line.extend_from_slice(b",completeness,report\n");
                self.line = line;
            }
            Format::Json => self.out.write_all(b"[")?,
            Format::Table => {}
        }
        Ok(())
    }

    pub fn write(&mut self, row: &SummaryRow<'_>) -> io::Result<()> {
        self.rows += 1;
        match self.format {
            Format::Csv => self.write_csv(row),
            Format::Json => self.write_json(row),
            Format::Table => {
                self.push_table_row(row);
                Ok(())
            }
        }
    }

    /// Adds the row's line to the lines waiting in `self.line`, and writes them out once they fill
    /// [`PENDING`]: one large write, which the buffered writer passes straight through, for many lines.
    fn write_csv(&mut self, row: &SummaryRow<'_>) -> io::Result<()> {
        let mut line = std::mem::take(&mut self.line);
        match (self.grouped, row.group, row.line) {
            (true, Some(group), _) => push_field(&mut line, group),
            (_, _, Some(number)) => line.extend_from_slice(itoa::Buffer::new().format(number).as_bytes()),
            _ => {}
        }
        for meta in Meta::ALL {
            if self.grouped && meta == Meta::Respondent {
                continue;
            }
            line.push(b',');
            if let Some(text) = row.fields[meta.index()] {
                push_field(&mut line, text);
            }
        }
        line.push(b',');
        line.extend_from_slice(itoa::Buffer::new().format(row.respondents).as_bytes());
        line.push(b',');
        let (band_mins, band_cells) = (&self.band_mins, &self.band_cells);
        let band_cell = |line: &mut Vec<u8>, score: Option<f64>| push_band_cell(band_mins, band_cells, line, score);
        // The overall index is seldom the same twice: written each time, it leaves the cache to the
        // theme scores.
        push_number(&mut line, row.overall);
        band_cell(&mut line, row.overall);
        for (t, (score, mil)) in row.themes.iter().enumerate() {
            line.push(b',');
            self.floats.push(&mut line, *score, band_cell);
            if self.theme_mil[t] {
                line.push(b',');
                if let Some(mil) = mil {
                    line.extend_from_slice(itoa::Buffer::new().format(*mil).as_bytes());
                }
            }
        }
        line.push(b',');
        self.floats.push(&mut line, Some(row.completeness), |_, _| {});
        line.push(b',');
        if let Some(report) = row.report {
            push_field(&mut line, report);
        }
        line.push(b'\n');
        let mut result = Ok(());
        if line.len() >= PENDING {
            result = self.out.write_all(&line);
            line.clear();
        }
        self.line = line;
        result
    }

    fn write_json(&mut self, row: &SummaryRow<'_>) -> io::Result<()> {
        use serde_json::{Map, Value, json};
        let mut object = Map::new();
        if let Some(line) = row.line {
            object.insert("line".into(), json!(line));
        }
        if let Some(group) = row.group {
            object.insert("group".into(), json!(group));
        }
        for meta in Meta::ALL {
            let value = match (meta, row.fields[meta.index()]) {
                (Meta::Population, Some(text)) => text.parse::<u64>().map_or_else(|_| json!(text), |n| json!(n)),
                (_, Some(text)) => json!(text),
                (_, None) => Value::Null,
            };
            if !(self.grouped && meta == Meta::Respondent) {
                object.insert(meta.key().into(), value);
            }
        }
        object.insert("respondents".into(), json!(row.respondents));
        object.insert("overall".into(), json!({ "score": row.overall, "band": self.band(row.overall) }));
        object.insert("completeness".into(), json!(row.completeness));
        let themes: Vec<Value> = row
            .themes
            .iter()
            .enumerate()
            .map(|(t, (score, mil))| {
                let mut theme = json!({ "id": self.theme_ids[t], "score": score, "band": self.band(*score) });
                if self.theme_mil[t] {
                    theme["mil"] = json!(mil);
                }
                theme
            })
            .collect();
        object.insert("themes".into(), Value::Array(themes));
        object.insert("report".into(), json!(row.report));
        self.out.write_all(if self.rows == 1 { b"\n  " } else { b",\n  " })?;
        serde_json::to_writer(&mut self.out, &Value::Object(object)).map_err(io::Error::other)
    }

    fn push_table_row(&mut self, row: &SummaryRow<'_>) {
        let lang = self.lang;
        let score = |s: Option<f64>| s.map_or_else(|| "–".to_string(), |s| decimal(lang, s, 1));
        let mut cells = Vec::with_capacity(4 + row.themes.len());
        let municipality = row.fields[Meta::Municipality.index()].unwrap_or_default();
        cells.push(match (row.group, row.line) {
            (Some(group), _) if group != municipality => format!("{group} ({municipality})"),
            (Some(group), _) => group.to_string(),
            (None, Some(line)) => format!("{municipality} ({line})"),
            (None, None) => municipality.to_string(),
        });
        cells.push(row.respondents.to_string());
        cells.push(score(row.overall));
        cells.push(self.band(row.overall).unwrap_or("–").to_string());
        cells.extend(row.themes.iter().map(|(s, _)| score(*s)));
        cells.push(format!("{} %", decimal(lang, 100.0 * row.completeness, 0)));
        self.table.push(cells);
    }

    /// Closes the JSON array or draws the table, and flushes.
    pub fn finish(mut self, width: u16) -> io::Result<W> {
        match self.format {
            Format::Csv => self.out.write_all(&self.line)?,
            Format::Json => self.out.write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?,
            Format::Table => {
                // A layout that fits the width (see `render::matrix`): theme names, theme codes with a key,
                // or one block per row.
                use crate::render::matrix::{Column, Role, render};
                let lang = self.lang;
                let rows = std::mem::take(&mut self.table);
                let cells = |i: usize| rows.iter().map(|r| r.get(i).cloned().unwrap_or_default()).collect();
                let label = if self.grouped { m::B_T_GROUP.get(lang) } else { m::B_T_RESPONDENT.get(lang) };
                let mut columns = vec![Column::new(label, Role::Label, cells(0)).left()];
                // Each row of an ungrouped batch is one respondent: its count says nothing.
                if self.grouped {
                    columns.push(Column::new("n", Role::Lead, cells(1)).labelled());
                }
                columns.push(Column::new(m::T_SCORE.get(lang), Role::Lead, cells(2)).labelled());
                columns.push(Column::new(m::T_BAND.get(lang), Role::Lead, cells(3)).left());
                for (t, title) in self.theme_titles.iter().enumerate() {
                    columns.push(Column::coded(title.as_str(), format!("T{}", t + 1), cells(4 + t)));
                }
                let last = 4 + self.theme_titles.len();
                columns.push(Column::new(m::B_T_COMPLETENESS.get(lang), Role::Lead, cells(last)).labelled());
                let text = render(&columns, usize::from(width), None);
                write!(self.out, "{}", crate::inert::inert_text(text, crate::inert::Layout::Block))?;
            }
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

fn band_index(band_mins: &[f64], score: Option<f64>) -> Option<usize> {
    crate::questionnaire::band_at(band_mins.iter().copied(), score?)
}

/// The score's band as a CSV cell, after a comma.
fn push_band_cell(band_mins: &[f64], band_cells: &[Vec<u8>], line: &mut Vec<u8>, score: Option<f64>) {
    line.push(b',');
    if let Some(cell) = band_index(band_mins, score).and_then(|i| band_cells.get(i)) {
        line.extend_from_slice(cell);
    }
}

/// Unrounded numbers as the shortest text that reads back the same (`zmij`), remembered, each with what
/// follows it in the line when that depends on the number alone (a score's `,band` cell): a batch's
/// scores take few distinct values (levels 0–4 over a handful of questions), so most are formatted once,
/// and a cell is then one copy of fixed length.
/// How many bytes of CSV lines wait before they are written.
const PENDING: usize = 64 * 1024;

/// A number in its shortest exact form (nothing for none).
fn push_number(line: &mut Vec<u8>, value: Option<f64>) {
    if let Some(number) = value.filter(|v| v.is_finite()) {
        line.extend_from_slice(zmij::Buffer::new().format_finite(number).as_bytes());
    }
}

/// The text of numbers written before (a theme score with its band, a completeness), so that the same
/// number is not formatted again: in a batch, the same few scores come back row after row.
struct FloatCache {
    /// Direct-mapped by the number's bits: each slot's number, and its text (the first byte its length,
    /// 0 for an empty slot). Kept apart and small, so that the lookups stay in the processor's nearest
    /// cache.
    bits: Vec<u64>,
    texts: Vec<[u8; SLOT]>,
    /// Where a missed number's text is made.
    scratch: Vec<u8>,
}

/// The bytes of a text slot: its length and up to 31 bytes of text; longer ones (a long band name) are
/// written each time.
const SLOT: usize = 32;
const SLOTS: usize = 2048;

impl Default for FloatCache {
    fn default() -> FloatCache {
        FloatCache { bits: vec![0; SLOTS], texts: vec![[0; SLOT]; SLOTS], scratch: Vec::with_capacity(256) }
    }
}

impl FloatCache {
    /// Writes the number (nothing for none) and then what `suffix` writes after it.
    #[inline]
    fn push(&mut self, line: &mut Vec<u8>, value: Option<f64>, suffix: impl Fn(&mut Vec<u8>, Option<f64>)) {
        let Some(number) = value.filter(|v| v.is_finite()) else {
            suffix(line, value);
            return;
        };
        let bits = number.to_bits();
        let slot = (bits.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 53) as usize % SLOTS;
        let (Some(cached), Some(text)) = (self.bits.get_mut(slot), self.texts.get_mut(slot)) else { return };
        if text[0] == 0 || *cached != bits {
            let made = &mut self.scratch;
            made.clear();
            made.extend_from_slice(zmij::Buffer::new().format_finite(number).as_bytes());
            suffix(made, value);
            if made.len() >= SLOT {
                line.extend_from_slice(made);
                return;
            }
            text[0] = made.len() as u8;
            text[1..=made.len()].copy_from_slice(made);
            *cached = bits;
        }
        // A copy of fixed length, then the length cut: no call to memcpy for a few bytes.
        let length = line.len() + usize::from(text[0]);
        line.extend_from_slice(&text[1..]);
        line.truncate(length);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;

    fn row(themes: &[(Option<f64>, Option<u8>)]) -> SummaryRow<'_> {
        let mut fields = [None; 8];
        fields[Meta::Municipality.index()] = Some("Pöytyä, kk");
        fields[Meta::Population.index()] = Some("8000");
        SummaryRow {
            line: Some(2),
            group: None,
            fields,
            respondents: 1,
            overall: Some(61.25),
            themes,
            completeness: 0.875,
            report: Some("poytya-kk.json"),
        }
    }

    fn written(format: Format) -> String {
        let q = small();
        let themes = [(Some(55.0), None), (Some(100.0 / 3.0), Some(1)), (None, None)];
        let mut writer = SummaryWriter::new(Vec::new(), format, &q, Lang::Fi, false);
        writer.start().unwrap();
        writer.write(&row(&themes)).unwrap();
        String::from_utf8(writer.finish(100).unwrap()).unwrap()
    }

    #[test]
    fn numbers_read_as_in_the_report_json() {
        for number in [0.0, 60.0, 45.925_925_925_925_924, 0.1 + 0.2, 1e-7, 1.5e-5, 123_456_789.125, 1e21, 2.5e300] {
            let mut line = Vec::new();
            push_number(&mut line, Some(number));
            let mut cached = Vec::new();
            FloatCache::default().push(&mut cached, Some(number), |_, _| {});
            let json = serde_json::to_string(&number).unwrap();
            assert_eq!(String::from_utf8(line).unwrap(), json);
            assert_eq!(String::from_utf8(cached).unwrap(), json);
        }
    }

    #[test]
    fn writes_csv_with_unrounded_numbers_and_quoted_text() {
        let csv = written(Format::Csv);
        let mut lines = csv.lines();
        assert_eq!(
            lines.next().unwrap(),
            "line,municipality,municipality_code,region,population,respondent,role,department,date,respondents,\
             overall,overall_band,a,a_band,t,t_band,t_mil,x,x_band,completeness,report"
        );
        assert_eq!(
            lines.next().unwrap(),
            "2,\"Pöytyä, kk\",,,8000,,,,,1,61.25,Vakiintunut,55.0,Vakiintunut,33.333333333333336,Alkava,1,,,0.875,\
             poytya-kk.json"
        );
    }

    #[test]
    fn writes_the_same_cells_whether_a_score_was_seen_before_or_its_band_is_too_long_to_remember() {
        let mut q = small();
        // A band name longer than a remembered cell holds, with a comma that needs quoting.
        let long = format!("Alkava, {}", "hyvin pitkä nimi ".repeat(4));
        q.bands[0].name = crate::questionnaire::Text([("fi".to_string(), long)].into());
        let themes = [(Some(55.0), None), (Some(100.0 / 3.0), Some(1)), (None, None)];
        let mut writer = SummaryWriter::new(Vec::new(), Format::Csv, &q, Lang::Fi, false);
        writer.start().unwrap();
        for _ in 0..3 {
            writer.write(&row(&themes)).unwrap();
        }
        let csv = String::from_utf8(writer.finish(100).unwrap()).unwrap();
        let rows: Vec<&str> = csv.lines().skip(1).collect();
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| *r == rows[0]), "{csv}");
        assert!(rows[0].contains(",33.333333333333336,\"Alkava, hyvin pitkä nimi "), "{}", rows[0]);
    }

    #[test]
    fn formula_like_names_reach_the_csv_as_text() {
        let q = small();
        let mut writer = SummaryWriter::new(Vec::new(), Format::Csv, &q, Lang::Fi, false);
        writer.start().unwrap();
        let themes = [(Some(55.0), None), (None, Some(1)), (None, None)];
        let mut r = row(&themes);
        r.fields[Meta::Municipality.index()] = Some("=HYPERLINK(\"https://example.com\",\"Aura\")");
        r.fields[Meta::Role.index()] = Some("@SUM(A1)");
        writer.write(&r).unwrap();
        let csv = String::from_utf8(writer.finish(100).unwrap()).unwrap();
        let record = csv::ReaderBuilder::new().from_reader(csv.as_bytes()).records().next().unwrap().unwrap();
        assert_eq!(&record[1], "'=HYPERLINK(\"https://example.com\",\"Aura\")");
        assert_eq!(&record[6], "'@SUM(A1)");
    }

    #[test]
    fn writes_json_that_reads_back() {
        let json: serde_json::Value = serde_json::from_str(&written(Format::Json)).unwrap();
        assert_eq!(json[0]["municipality"], "Pöytyä, kk");
        assert_eq!(json[0]["population"], 8000);
        assert_eq!(json[0]["overall"]["band"], "Vakiintunut");
        assert_eq!(json[0]["themes"][1]["mil"], 1);
        assert!(json[0]["themes"][0].get("mil").is_none());
        assert_eq!(json[0]["themes"][2]["score"], serde_json::Value::Null);
    }

    #[test]
    fn draws_a_table_with_one_decimal() {
        let table = written(Format::Table);
        assert!(table.contains("Pöytyä, kk (2)"), "{table}");
        assert!(table.contains("61,3"), "{table}");
        assert!(table.contains("88 %"), "{table}");
    }
}
