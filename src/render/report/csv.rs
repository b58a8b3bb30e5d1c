//! The report as CSV for spreadsheets and further processing: one row per question (long form), or one row
//! per theme with `--summary`. Headers are stable English ids, so that scripts can rely on them; text from
//! questionnaires and answers is neutralised against formulas.

use crate::i18n::Lang;

use super::tables::{self, Table};
use crate::csv_writer::{self, Records, cell};
use crate::report::Report;

pub fn long(report: &Report, lang: Lang) -> Vec<u8> {
    write(&tables::per_question(report, lang))
}

pub fn summary(report: &Report) -> Vec<u8> {
    write(&tables::per_theme(report))
}

/// A table of the model as CSV: its column ids, then every cell's text, made safe against formulas.
fn write(t: &Table) -> Vec<u8> {
    let mut w = csv_writer::writer(Vec::new(), b',', Records::Even);
    let _ = w.write_record(t.columns.iter().map(|c| c.title.as_str()));
    for row in &t.rows {
        // Numbers are the machine's (`0.5`), whatever the reader's language: scripts read them.
        let _ = w.write_record(row.cells.iter().map(|c| cell(&c.text(Lang::En))));
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    fn report() -> Report {
        let mut sheet = fixtures::sheet();
        sheet.respondent.municipality = "=HYPERLINK(\"x\")".into();
        sheet.notes.insert("a.level".into(), "rivi 1\nrivi 2, \"lainaus\"".into());
        fixtures::report_of(&sheet, Lang::Fi)
    }

    fn records(bytes: &[u8]) -> Vec<csv::StringRecord> {
        csv::Reader::from_reader(bytes).records().map(Result::unwrap).collect()
    }

    #[test]
    fn one_row_per_question_with_formulas_neutralised_and_notes_whole() {
        let r = report();
        let rows = records(&long(&r, Lang::Fi));
        assert_eq!(rows.len(), r.questions.len());
        let level = rows.iter().find(|row| &row[4] == "a.level").unwrap();
        assert_eq!(&level[0], "'=HYPERLINK(\"x\")", "a formula is made text");
        assert_eq!(&level[10], "rivi 1\nrivi 2, \"lainaus\"", "a note's line break, comma and quotes survive");
        assert_eq!(&level[8], "0.5", "scores unrounded with a decimal point, for scripts");
    }

    #[test]
    fn the_summary_has_one_row_per_theme_and_the_overall_index_last() {
        let r = report();
        let rows = records(&summary(&r));
        assert_eq!(rows.len(), r.themes.len() + 1);
        assert_eq!(rows.iter().map(|row| row[2].to_string()).collect::<Vec<_>>(), ["a", "t", "x", "overall"]);
    }
}
