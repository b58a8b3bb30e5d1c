//! `rejected.csv`: every rejected row, unchanged, with one more column holding its errors.
//!
//! Written with the input's delimiter and a UTF-8 byte-order mark, so that Excel opens it as it opened the
//! input, and the consultant can fix the rows and score the file again: the error column is recognised on
//! input and left aside. A row cut short is not padded: its errors follow its last cell, so that scoring
//! the file again without fixing the row rejects it again rather than reading the gap as unanswered.

use std::io::{self, Write};

use super::read::Row;

pub struct RejectedWriter<W: Write> {
    writer: csv::Writer<W>,
    record: Vec<String>,
    pub rows: usize,
}

impl<W: Write> RejectedWriter<W> {
    /// Starts the file: the byte-order mark, then the input's header and the error column.
    pub fn new(mut out: W, delimiter: u8, headers: &[String], error_column: &str) -> io::Result<RejectedWriter<W>> {
        out.write_all(crate::csv_writer::BOM)?;
        let mut writer = crate::csv_writer::writer(out, delimiter, crate::csv_writer::Records::Ragged);
        let mut header: Vec<&str> = headers.iter().map(String::as_str).collect();
        header.push(error_column);
        writer.write_record(&header).map_err(io::Error::other)?;
        Ok(RejectedWriter { writer, record: Vec::new(), rows: 0 })
    }

    /// Writes the row as it was read, then its errors, one per line of the cell.
    pub fn write(&mut self, row: &Row, errors: &[String]) -> io::Result<()> {
        self.record.clear();
        for i in 0..row.len() {
            self.record.push(row.cell_lossy(i).into_owned());
        }
        self.record.push(errors.join("\n"));
        self.writer.write_record(&self.record).map_err(io::Error::other)?;
        self.rows += 1;
        Ok(())
    }

    pub fn finish(self) -> io::Result<W> {
        self.writer.into_inner().map_err(|error| io::Error::other(error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_rows_unchanged_with_their_errors_in_the_last_column() {
        let headers = vec!["kunta".to_string(), "a.level".to_string(), "t.yes".to_string()];
        let mut writer = RejectedWriter::new(Vec::new(), b';', &headers, "virheet").unwrap();
        let row = Row::of_cells(3, &["Pöytyä; kk", "9"]);
        writer.write(&row, &["a:3:2 (a.level): x".into(), "a:3: y".into()]).unwrap();
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        assert_eq!(text, "\u{feff}kunta;a.level;t.yes;virheet\n\"Pöytyä; kk\";9;\"a:3:2 (a.level): x\na:3: y\"\n");
    }
}
