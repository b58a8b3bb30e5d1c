//! The report as an XLSX workbook that a municipality turns into its development plan: a summary, the
//! roadmap as an action plan with empty owner, deadline and status columns, and every answer with its note.
//!
//! Text is always written with `write_string`, never as a formula, whatever it begins with.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::i18n::{Lang, messages as m};

use super::colours::{band_xlsx, band_xlsx_text};
use super::wording::{answer_text, answered, capitalized, summary_rows};
use super::{Report, maturity};

pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let head = Format::new().set_bold().set_background_color(Color::RGB(0x00EE_F3F7)).set_border(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let score = Format::new().set_num_format("0.0").set_align(FormatAlign::Top);
    let bold = Format::new().set_bold();

    // Summary.
    let sheet = book.add_worksheet().set_name(m::R_SUMMARY.get(lang))?;
    sheet.write_string_with_format(
        0,
        0,
        &report.respondent.municipality,
        &Format::new().set_bold().set_font_size(14),
    )?;
    sheet.write_string(1, 0, &report.questionnaire.title)?;
    let mut row = 3;
    for (label, value) in summary_rows(report, lang) {
        sheet.write_string_with_format(row, 0, label, &bold)?;
        sheet.write_string(row, 1, &value)?;
        row += 1;
    }
    row += 1;
    header(
        sheet,
        row,
        &[m::T_THEME.get(lang), m::T_SCORE.get(lang), m::T_BAND.get(lang), m::T_ANSWERED.get(lang)],
        &head,
    )?;
    for t in &report.themes {
        row += 1;
        sheet.write_string(row, 0, &t.title)?;
        if let Some(s) = t.score {
            sheet.write_number_with_format(row, 1, s, &score)?;
        }
        let band = Format::new()
            .set_font_color(text_colour(t.band_index, report))
            .set_bold()
            .set_background_color(colour(t.band_index, report));
        match &t.band {
            Some(name) => sheet.write_string_with_format(row, 2, name, &band)?,
            None => sheet.write_string(row, 2, m::NO_SCORE.get(lang))?,
        };
        sheet.write_string(row, 3, answered(&t.counts, lang))?;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, m::T_OVERALL.get(lang), &bold)?;
    if let Some(s) = report.overall.score {
        sheet.write_number_with_format(row, 1, s, &Format::new().set_num_format("0.0").set_bold())?;
    }
    if let Some(name) = &report.overall.band {
        let band = Format::new()
            .set_font_color(text_colour(report.overall.band_index, report))
            .set_bold()
            .set_background_color(colour(report.overall.band_index, report));
        sheet.write_string_with_format(row, 2, name, &band)?;
    }
    // Each MIL theme's blocking practices, with their current and needed answers.
    for theme in report.themes.iter().filter(|t| t.mil.is_some()) {
        if let Some(rule) = maturity::group_rule(theme, lang) {
            row += 2;
            sheet.write_string(row, 0, &rule)?;
        }
        let Some(rule) = maturity::rule(theme, lang) else { continue };
        row += 2;
        sheet.write_string_with_format(row, 0, format!("{}: {rule}", theme.title), &bold)?;
        row += 1;
        header(sheet, row, &[m::MIL_PRACTICE.get(lang), m::R_CURRENT.get(lang), m::MIL_NEEDED.get(lang)], &head)?;
        for practice in theme.mil_blocking.iter().flatten() {
            row += 1;
            sheet.write_string_with_format(row, 0, &practice.text, &wrap)?;
            sheet.write_string_with_format(row, 1, maturity::current(theme, practice, lang), &wrap)?;
            sheet.write_string_with_format(row, 2, &practice.needed, &wrap)?;
        }
    }
    sheet.set_column_width(0, 42)?;
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(2, 20)?;
    sheet.set_column_width(3, 14)?;

    // The action plan: every step of the roadmap, with columns for the municipality to fill in.
    let sheet = book.add_worksheet().set_name(m::R_ACTION_PLAN.get(lang))?;
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
    header(sheet, 0, &columns, &head)?;
    for (i, step) in report.roadmap.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        sheet.write_number(row, 0, (i + 1) as f64)?;
        sheet.write_string_with_format(row, 1, report.theme_title(&step.theme), &wrap)?;
        sheet.write_string_with_format(row, 2, &step.text, &wrap)?;
        sheet.write_string_with_format(row, 3, &step.current, &wrap)?;
        sheet.write_string_with_format(row, 4, &step.next_step, &wrap)?;
        sheet.write_number_with_format(
            row,
            5,
            step.gain,
            &Format::new().set_num_format("+0.0").set_align(FormatAlign::Top),
        )?;
        if let Some(raises) = maturity::raises(report, step, lang) {
            sheet.write_string_with_format(row, 6, capitalized(&raises), &wrap)?;
        }
    }
    for (col, width) in [(0, 10), (1, 22), (2, 40), (3, 28), (4, 50), (5, 12), (6, 30), (7, 18), (8, 14), (9, 14)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if !report.roadmap.is_empty() {
        sheet.autofilter(0, 0, u32::try_from(report.roadmap.len()).unwrap_or(u32::MAX), 9)?;
    }

    // Every answer with its note.
    let sheet = book.add_worksheet().set_name(m::R_ANSWERS.get(lang))?;
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
        &head,
    )?;
    for (i, q) in report.questions.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        sheet.write_string_with_format(row, 0, report.theme_title(&q.theme), &wrap)?;
        sheet.write_string_with_format(row, 1, &q.id, &wrap)?;
        sheet.write_string_with_format(row, 2, &q.text, &wrap)?;
        sheet.write_string_with_format(row, 3, answer_text(q, lang), &wrap)?;
        if let Some(s) = q.score {
            sheet.write_number_with_format(
                row,
                4,
                s,
                &Format::new().set_num_format("0.00").set_align(FormatAlign::Top),
            )?;
        }
        sheet.write_number_with_format(row, 5, q.weight, &Format::new().set_align(FormatAlign::Top))?;
        sheet.write_string_with_format(row, 6, q.level_description.as_deref().unwrap_or(""), &wrap)?;
        sheet.write_string_with_format(row, 7, q.note.as_deref().unwrap_or(""), &wrap)?;
    }
    for (col, width) in [(0, 22), (1, 28), (2, 45), (3, 28), (4, 8), (5, 8), (6, 45), (7, 40)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;

    book.save_to_buffer()
}

fn header(sheet: &mut Worksheet, row: u32, labels: &[&str], format: &Format) -> Result<(), XlsxError> {
    for (col, label) in labels.iter().enumerate() {
        sheet.write_string_with_format(row, u16::try_from(col).unwrap_or(u16::MAX), *label, format)?;
    }
    Ok(())
}

fn colour(index: Option<usize>, report: &Report) -> Color {
    band_xlsx(index, report.bands.len())
}

fn text_colour(index: Option<usize>, report: &Report) -> Color {
    band_xlsx_text(index, report.bands.len())
}
