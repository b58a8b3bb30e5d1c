//! Writing CSV: the one set-up of a [`csv::Writer`] that every CSV output uses ([`writer`]), the one rule that
//! makes a text safe in a cell a spreadsheet opens ([`cell`]), and the field writer of the batch summary's
//! fast path ([`push_field`]), which applies that rule and quotes as the `csv` crate's writer does (a test
//! holds the two to the same bytes).
//!
//! It decides how text becomes a CSV field, not what goes into a file: the renderers do that.

use std::borrow::Cow;
use std::io::Write;

use crate::inert::{Layout, inert};

/// The UTF-8 byte-order mark, which makes Excel read a file as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether every record has the header's number of fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Records {
    /// Every record as long as the header: the `csv` crate refuses one that is not.
    Even,
    /// Records of any length (a row cut short, a codebook).
    Ragged,
}

/// A CSV writer into `out`: fields separated by `delimiter`, quoted only where they need it.
pub fn writer<W: Write>(out: W, delimiter: u8, records: Records) -> csv::Writer<W> {
    csv::WriterBuilder::new().delimiter(delimiter).flexible(records == Records::Ragged).from_writer(out)
}

/// Whether a spreadsheet would read this text as the start of a formula (OWASP's list).
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Text for a CSV cell that a spreadsheet opens: formula-like text gets a leading apostrophe, which
/// spreadsheets show as text and do not evaluate; control characters are made visible ([`inert`]), as a
/// CSV file is also read in a terminal. Borrowed when the text needs neither.
pub fn safe(text: &str) -> Cow<'_, str> {
    let text = inert(text, Layout::Block);
    if looks_like_formula(&text) { Cow::Owned(format!("'{text}")) } else { text }
}

/// [`safe`] as an owned cell, for a record of `String`s.
pub fn cell(text: &str) -> String {
    safe(text).into_owned()
}

/// Appends `text` to a comma-separated line as one field: made [`safe`], and quoted when it holds a comma,
/// a quote or a line break, with its quotes doubled, as [`writer`] writes it.
pub fn push_field(line: &mut Vec<u8>, text: &str) {
    let text = safe(text);
    if text.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        line.push(b'"');
        for byte in text.bytes() {
            if byte == b'"' {
                line.push(b'"');
            }
            line.push(byte);
        }
        line.push(b'"');
    } else {
        line.extend_from_slice(text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_neutralised() {
        for text in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx"] {
            assert!(cell(text).starts_with('\''), "{text:?}");
        }
        // A carriage return is made visible, which leaves nothing a spreadsheet would evaluate.
        assert_eq!(cell("\rx"), "␍x");
        assert_eq!(cell("Kustavi"), "Kustavi");
        assert_eq!(cell("a=b"), "a=b");
        assert!(matches!(safe("Kustavi"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_fast_field_writer_writes_what_the_csv_writer_writes() {
        let texts = [
            "Kustavi",
            "Pöytyä, kk",
            "\"lainattu\"",
            "rivi\nrivi",
            "=SUM(A1)",
            "-1",
            "a;b",
            "# otsikko",
            " välit ",
            "\u{1b}[2J",
            "",
        ];
        let mut w = writer(Vec::new(), b',', Records::Even);
        w.write_record(texts.iter().map(|t| cell(t))).unwrap();
        let expected = w.into_inner().unwrap();
        let mut line = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            if i > 0 {
                line.push(b',');
            }
            push_field(&mut line, text);
        }
        line.push(b'\n');
        assert_eq!(String::from_utf8(line).unwrap(), String::from_utf8(expected).unwrap());
    }
}
