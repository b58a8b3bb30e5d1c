//! The report as an XLSX workbook that a municipality turns into its development plan: a summary, the
//! roadmap as an action plan with empty owner, deadline and status columns, and every answer with its note.
//!
//! Text is always written with `write_string`, never as a formula, whatever it begins with.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::i18n::{Lang, Tr, messages as m};

use super::tables::{self, Cell, ColumnKind, Shown, Table};
use crate::render::colours::{band_xlsx, band_xlsx_text};
use crate::render::maturity;
use crate::render::wording::summary_rows;
use crate::report::Report;

pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    workbook((report, lang), None)
}

/// One workbook in two languages (`--lang fi,sv`): every column whose words differ, a column per language
/// ([`tables::side_by_side`]); `second` is the same report made in the second language.
pub fn bilingual(first: (&Report, Lang), second: (&Report, Lang)) -> Result<Vec<u8>, XlsxError> {
    workbook(first, Some(second))
}

fn workbook(first: (&Report, Lang), second: Option<(&Report, Lang)>) -> Result<Vec<u8>, XlsxError> {
    let (report, lang) = first;
    let mut book = Workbook::new();
    let head = Format::new().set_bold().set_background_color(Color::RGB(0x00EE_F3F7)).set_border(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let score = Format::new().set_num_format("0.0").set_align(FormatAlign::Top);
    let bold = Format::new().set_bold();
    let styles = Styles { head: &head, wrap: &wrap, score: &score, bold: &bold };
    // Each table of the first language, beside the second's when there is one.
    let both = |make: &dyn Fn(&Report, Lang) -> Table| match second {
        Some((other, other_lang)) => tables::side_by_side(&make(report, lang), &make(other, other_lang)),
        None => make(report, lang),
    };
    let name = |title: &Tr| sheet_name(title, lang, second.map(|(_, l)| l));

    let sheet = book.add_worksheet().set_name(name(&m::R_SUMMARY))?;
    summary_sheet(sheet, first, second, &styles)?;

    let sheet = book.add_worksheet().set_name(name(&m::R_ACTION_PLAN))?;
    let plan = both(&tables::action_plan);
    table(sheet, 0, &plan, lang, &styles)?;
    widths(sheet, &plan, &[10, 22, 40, 28, 50, 12, 30, 18, 14, 14])?;
    sheet.set_freeze_panes(1, 0)?;
    if !report.roadmap.is_empty() {
        let last = u16::try_from(plan.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
        sheet.autofilter(0, 0, u32::try_from(report.roadmap.len()).unwrap_or(u32::MAX), last)?;
    }

    let sheet = book.add_worksheet().set_name(name(&m::R_ANSWERS))?;
    let answers = both(&tables::answers);
    table(sheet, 0, &answers, lang, &styles)?;
    widths(sheet, &answers, &[22, 28, 45, 28, 8, 8, 45, 40])?;
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

/// A sheet's name in the first language, with the second's when both fit Excel's 31 characters.
fn sheet_name(title: &Tr, lang: Lang, second: Option<Lang>) -> String {
    match second {
        Some(other) if title.get(lang).chars().count() + title.get(other).chars().count() + 3 <= 31 => {
            format!("{} - {}", title.get(lang), title.get(other))
        }
        _ => title.get(lang).to_string(),
    }
}

/// The columns' widths: as given for a table of one language; for two, by what each column holds.
fn widths(sheet: &mut Worksheet, t: &Table, given: &[u16]) -> Result<(), XlsxError> {
    for (col, column) in t.columns.iter().enumerate() {
        let width = if t.columns.len() == given.len() {
            given[col]
        } else {
            match column.kind {
                ColumnKind::Number => 10,
                ColumnKind::QuestionHeader => 45,
                ColumnKind::Note => 40,
                _ => 28,
            }
        };
        sheet.set_column_width(u16::try_from(col).unwrap_or(u16::MAX), width)?;
    }
    Ok(())
}

/// The municipality, the summary rows (each language's side by side), the theme scores and each MIL
/// theme's blocking practices.
fn summary_sheet(
    sheet: &mut Worksheet,
    first: (&Report, Lang),
    second: Option<(&Report, Lang)>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let (report, lang) = first;
    let bold = styles.bold;
    sheet.write_string_with_format(
        0,
        0,
        &report.respondent.municipality,
        &Format::new().set_bold().set_font_size(14),
    )?;
    let mut title = report.questionnaire.title.clone();
    if let Some((other, _)) = second {
        title = format!("{title} / {}", other.questionnaire.title);
    }
    sheet.write_string(1, 0, &title)?;
    let mut last = 3;
    for (side, (r, l)) in std::iter::once(first).chain(second).enumerate() {
        let col = u16::try_from(side * 2).unwrap_or(0);
        let mut row = 3;
        for (label, value) in summary_rows(r, l) {
            sheet.write_string_with_format(row, col, label, bold)?;
            sheet.write_string(row, col + 1, &value)?;
            row += 1;
        }
        last = last.max(row);
    }
    let both = |a: Table, b: Option<Table>| match b {
        Some(b) => tables::side_by_side(&a, &b),
        None => a,
    };
    let scores = both(tables::scores(report, lang), second.map(|(r, l)| tables::scores(r, l)));
    let mut row = table(sheet, last + 1, &scores, lang, styles)?;
    // Each MIL theme's blocking practices, with their current and needed answers.
    for (i, theme) in report.themes.iter().enumerate().filter(|(_, t)| t.mil.is_some()) {
        if let Some(rule) = maturity::group_rule(theme, lang) {
            row += 2;
            sheet.write_string(row, 0, &rule)?;
        }
        let Some(practices) = tables::practices(theme, lang) else { continue };
        let other = second.and_then(|(r, l)| tables::practices(r.themes.get(i)?, l));
        let caption = format!("{}: {}", theme.title, practices.caption);
        row += 2;
        sheet.write_string_with_format(row, 0, caption, bold)?;
        row = table(sheet, row + 1, &both(practices, other), lang, styles)?;
    }
    sheet.set_column_width(0, 42)?;
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(2, 20)?;
    sheet.set_column_width(3, 14)?;
    Ok(())
}

/// The formats the report's sheets share.
struct Styles<'a> {
    head: &'a Format,
    wrap: &'a Format,
    score: &'a Format,
    bold: &'a Format,
}

/// A table of the report from `row` on (its header row there, the rows below; a text bar is left to the
/// text formats); returns the row of its last line. Scores are numbers, bands on their colours, the total
/// row in bold.
fn table(sheet: &mut Worksheet, row: u32, t: &Table, lang: Lang, styles: &Styles) -> Result<u32, XlsxError> {
    let shown: Vec<usize> = (0..t.columns.len()).filter(|&i| t.columns[i].kind != ColumnKind::TextBar).collect();
    let titles: Vec<&str> = shown.iter().map(|&i| t.columns[i].title.as_str()).collect();
    header(sheet, row, &titles, styles.head)?;
    let mut at = row;
    for line in &t.rows {
        at += 1;
        for (col, &i) in shown.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            let bold_score;
            let plain = if line.total { styles.bold } else { styles.wrap };
            match &line.cells[i] {
                Cell::Score(Some(value)) => {
                    bold_score = styles.score.clone().set_bold();
                    sheet.write_number_with_format(
                        at,
                        col,
                        *value,
                        if line.total { &bold_score } else { styles.score },
                    )?;
                }
                Cell::Score(None) | Cell::Bar(_) | Cell::Empty => {}
                Cell::Value { value, shown } => {
                    let format = match shown {
                        Shown::Whole => Format::new(),
                        Shown::Gain => Format::new().set_num_format("+0.0").set_align(FormatAlign::Top),
                        Shown::Fraction => Format::new().set_num_format("0.00").set_align(FormatAlign::Top),
                        Shown::Plain | Shown::Raw => Format::new().set_align(FormatAlign::Top),
                    };
                    sheet.write_number_with_format(at, col, *value, &format)?;
                }
                Cell::Band { name: Some(name), index, of } => {
                    let band = Format::new()
                        .set_font_color(band_xlsx_text(*index, *of))
                        .set_bold()
                        .set_background_color(band_xlsx(*index, *of));
                    sheet.write_string_with_format(at, col, name, &band)?;
                }
                other => {
                    sheet.write_string_with_format(at, col, other.text(lang), plain)?;
                }
            }
        }
    }
    Ok(at)
}

fn header(sheet: &mut Worksheet, row: u32, labels: &[&str], format: &Format) -> Result<(), XlsxError> {
    for (col, label) in labels.iter().enumerate() {
        sheet.write_string_with_format(row, u16::try_from(col).unwrap_or(u16::MAX), *label, format)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;
    use calamine::{Data, Reader};

    fn report(lang: Lang) -> Report {
        let mut sheet = fixtures::sheet();
        sheet.respondent.municipality = "=Kustavi".into();
        sheet.notes.insert("a.level".into(), "+ks. pöytäkirja".into());
        fixtures::report_of(&sheet, lang)
    }

    fn sheets(bytes: Vec<u8>) -> Vec<(String, calamine::Range<Data>)> {
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        book.sheet_names().into_iter().map(|name| (name.clone(), book.worksheet_range(&name).unwrap())).collect()
    }

    #[test]
    fn the_workbook_has_a_summary_an_action_plan_row_per_step_and_an_answer_row_per_question() {
        let r = report(Lang::En);
        let sheets = sheets(render(&r, Lang::En).unwrap());
        let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Summary", "Action plan", "Answers"]);
        assert_eq!(sheets[1].1.rows().count(), r.roadmap.len() + 1);
        assert_eq!(sheets[2].1.rows().count(), r.questions.len() + 1);
        // Text that a spreadsheet would run as a formula is a string, as written.
        assert_eq!(sheets[0].1.get((0, 0)), Some(&Data::String("=Kustavi".into())));
        let notes: Vec<&Data> = sheets[2].1.rows().map(|row| &row[7]).collect();
        assert!(notes.contains(&&Data::String("+ks. pöytäkirja".into())), "{notes:?}");
        // Scores are numbers, not texts.
        let gains: Vec<&Data> = sheets[1].1.rows().skip(1).map(|row| &row[5]).collect();
        assert!(gains.iter().all(|g| matches!(g, Data::Float(_))), "{gains:?}");
    }

    #[test]
    fn a_bilingual_workbook_doubles_only_the_columns_whose_words_differ() {
        let (fi, sv) = (report(Lang::Fi), report(Lang::Sv));
        let one = sheets(render(&fi, Lang::Fi).unwrap());
        let two = sheets(bilingual((&fi, Lang::Fi), (&sv, Lang::Sv)).unwrap());
        assert_eq!(two[2].1.rows().count(), one[2].1.rows().count(), "the same rows");
        assert!(two[2].1.width() > one[2].1.width() && two[2].1.width() < 2 * one[2].1.width());
        assert!(two[0].0.contains("Sammanfattning"), "{}", two[0].0);
    }
}
