//! The report as an XLSX workbook that a municipality turns into its development plan: a summary, the
//! roadmap as an action plan with empty owner, deadline and status columns, and every answer with its note.
//!
//! Text is always written with `write_string`, never as a formula, whatever it begins with.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::i18n::{Lang, messages as m};

use super::tables::{self, Cell, ColumnKind, Table};
use crate::render::colours::{band_xlsx, band_xlsx_text};
use crate::render::maturity;
use crate::render::wording::{answer_text, capitalized, summary_rows};
use crate::report::Report;

pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let head = Format::new().set_bold().set_background_color(Color::RGB(0x00EE_F3F7)).set_border(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let score = Format::new().set_num_format("0.0").set_align(FormatAlign::Top);
    let bold = Format::new().set_bold();
    let styles = Styles { head: &head, wrap: &wrap, score: &score, bold: &bold };
    summary_sheet(book.add_worksheet().set_name(m::R_SUMMARY.get(lang))?, report, lang, &styles)?;
    action_plan_sheet(book.add_worksheet().set_name(m::R_ACTION_PLAN.get(lang))?, report, lang, &styles)?;
    answers_sheet(book.add_worksheet().set_name(m::R_ANSWERS.get(lang))?, report, lang, &styles)?;
    book.save_to_buffer()
}

/// The municipality, the summary rows, the theme scores and each MIL theme's blocking practices.
fn summary_sheet(sheet: &mut Worksheet, report: &Report, lang: Lang, styles: &Styles) -> Result<(), XlsxError> {
    let bold = styles.bold;
    sheet.write_string_with_format(
        0,
        0,
        &report.respondent.municipality,
        &Format::new().set_bold().set_font_size(14),
    )?;
    sheet.write_string(1, 0, &report.questionnaire.title)?;
    let mut row = 3;
    for (label, value) in summary_rows(report, lang) {
        sheet.write_string_with_format(row, 0, label, bold)?;
        sheet.write_string(row, 1, &value)?;
        row += 1;
    }
    row += 1;
    row = table(sheet, row, &tables::scores(report, lang), lang, styles)?;
    // Each MIL theme's blocking practices, with their current and needed answers.
    for theme in report.themes.iter().filter(|t| t.mil.is_some()) {
        if let Some(rule) = maturity::group_rule(theme, lang) {
            row += 2;
            sheet.write_string(row, 0, &rule)?;
        }
        let Some(practices) = tables::practices(theme, lang) else { continue };
        row += 2;
        sheet.write_string_with_format(row, 0, format!("{}: {}", theme.title, practices.caption), bold)?;
        row = table(sheet, row + 1, &practices, lang, styles)?;
    }
    sheet.set_column_width(0, 42)?;
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(2, 20)?;
    sheet.set_column_width(3, 14)?;

    Ok(())
}

/// The action plan: every step of the roadmap, with columns for the municipality to fill in.
fn action_plan_sheet(sheet: &mut Worksheet, report: &Report, lang: Lang, styles: &Styles) -> Result<(), XlsxError> {
    let (head, wrap) = (styles.head, styles.wrap);
    let columns = [
        m::R_PRIORITY.get(lang),
        m::T_THEME.get(lang),
        m::R_QUESTION.get(lang),
        m::R_CURRENT.get(lang),
        m::R_NEXT_STEP.get(lang),
        m::R_GAIN.get(lang),
        m::MIL_COLUMN.get(lang),
        m::R_OWNER.get(lang),
        m::R_DEADLINE.get(lang),
        m::R_STATUS.get(lang),
    ];
    header(sheet, 0, &columns, head)?;
    for (i, step) in report.roadmap.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        sheet.write_number(row, 0, (i + 1) as f64)?;
        sheet.write_string_with_format(row, 1, report.theme_title(&step.theme), wrap)?;
        sheet.write_string_with_format(row, 2, &step.text, wrap)?;
        sheet.write_string_with_format(row, 3, &step.current, wrap)?;
        sheet.write_string_with_format(row, 4, &step.next_step, wrap)?;
        sheet.write_number_with_format(
            row,
            5,
            step.gain,
            &Format::new().set_num_format("+0.0").set_align(FormatAlign::Top),
        )?;
        if let Some(raises) = maturity::raises(report, step, lang) {
            sheet.write_string_with_format(row, 6, capitalized(&raises), wrap)?;
        }
    }
    for (col, width) in [(0, 10), (1, 22), (2, 40), (3, 28), (4, 50), (5, 12), (6, 30), (7, 18), (8, 14), (9, 14)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if !report.roadmap.is_empty() {
        sheet.autofilter(0, 0, u32::try_from(report.roadmap.len()).unwrap_or(u32::MAX), 9)?;
    }

    Ok(())
}

/// Every answer with its note.
fn answers_sheet(sheet: &mut Worksheet, report: &Report, lang: Lang, styles: &Styles) -> Result<(), XlsxError> {
    let (head, wrap) = (styles.head, styles.wrap);
    header(
        sheet,
        0,
        &[
            m::T_THEME.get(lang),
            m::R_QUESTION_ID.get(lang),
            m::R_QUESTION.get(lang),
            m::R_ANSWER.get(lang),
            m::T_SCORE.get(lang),
            m::R_WEIGHT.get(lang),
            m::R_LEVEL_DESCRIPTION.get(lang),
            m::R_NOTE.get(lang),
        ],
        head,
    )?;
    for (i, q) in report.questions.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        sheet.write_string_with_format(row, 0, report.theme_title(&q.theme), wrap)?;
        sheet.write_string_with_format(row, 1, &q.id, wrap)?;
        sheet.write_string_with_format(row, 2, &q.text, wrap)?;
        sheet.write_string_with_format(row, 3, answer_text(q, lang), wrap)?;
        if let Some(s) = q.score {
            sheet.write_number_with_format(
                row,
                4,
                s,
                &Format::new().set_num_format("0.00").set_align(FormatAlign::Top),
            )?;
        }
        sheet.write_number_with_format(row, 5, q.weight, &Format::new().set_align(FormatAlign::Top))?;
        sheet.write_string_with_format(row, 6, q.level_description.as_deref().unwrap_or(""), wrap)?;
        sheet.write_string_with_format(row, 7, q.note.as_deref().unwrap_or(""), wrap)?;
    }
    for (col, width) in [(0, 22), (1, 28), (2, 45), (3, 28), (4, 8), (5, 8), (6, 45), (7, 40)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
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
                Cell::Score(None) | Cell::Bar(_) => {}
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
