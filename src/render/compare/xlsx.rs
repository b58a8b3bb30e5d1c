//! The comparison as an XLSX workbook for a regional council: the matrix of municipalities, the group
//! statistics, the shared weak spots, the maturity levels (for a questionnaire with a MIL theme) and the
//! changes over time, one sheet each, with sheet names and headers
//! in the user's language, one-decimal number formats, band colours as cell fills (white bold text, which
//! every band colour carries at 4.5:1 or more) and the header row frozen.
//!
//! Text is always written with `write_string`, never as a formula, whatever it begins with.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::i18n::{Lang, messages as m};
use crate::render::colours::{band_xlsx, band_xlsx_text};
use crate::render::wording::score_text as score;

use super::columns;
use crate::compare::Comparison;

const SCORE: &str = "0.0";
const DIFF: &str = "+0.0;-0.0;0.0";

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty, not starting or ending
/// with an apostrophe.
pub fn sheet_name(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { '-' } else { c })
        .take(31)
        .collect();
    let cleaned = cleaned.trim_matches('\'').trim();
    if cleaned.is_empty() { "Sheet".to_string() } else { cleaned.to_string() }
}

/// The formats of one band: a score and a text on the band's colour.
struct BandFormats {
    score: Format,
    text: Format,
}

struct Formats {
    head: Format,
    wrap: Format,
    score: Format,
    diff: Format,
    bands: Vec<BandFormats>,
    none: BandFormats,
}

impl Formats {
    fn new(bands: usize) -> Formats {
        let fill = |index: Option<usize>| {
            let colour = band_xlsx(index, bands);
            let base =
                Format::new().set_background_color(colour).set_font_color(band_xlsx_text(index, bands)).set_bold();
            BandFormats { score: base.clone().set_num_format(SCORE), text: base }
        };
        Formats {
            head: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0x00EE_F3F7))
                .set_border(FormatBorder::Thin),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            score: Format::new().set_num_format(SCORE),
            diff: Format::new().set_num_format(DIFF),
            bands: (0..bands).map(|i| fill(Some(i))).collect(),
            none: BandFormats { score: Format::new().set_num_format(SCORE), text: Format::new() },
        }
    }

    fn band(&self, index: Option<usize>) -> &BandFormats {
        index.and_then(|i| self.bands.get(i)).unwrap_or(&self.none)
    }
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

fn row_number(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn header(sheet: &mut Worksheet, labels: &[impl AsRef<str>], format: &Format) -> Result<(), XlsxError> {
    for (i, label) in labels.iter().enumerate() {
        sheet.write_string_with_format(0, col(i), label.as_ref(), format)?;
    }
    sheet.set_row_height(0, 32)?;
    Ok(())
}

fn number(sheet: &mut Worksheet, row: u32, column: u16, value: Option<f64>, format: &Format) -> Result<(), XlsxError> {
    if let Some(v) = value.filter(|v| v.is_finite()) {
        sheet.write_number_with_format(row, column, v, format)?;
    }
    Ok(())
}

/// A score and its band's name, both on the band's colour.
fn banded(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    score: Option<f64>,
    band: Option<&str>,
    index: Option<usize>,
    f: &Formats,
) -> Result<(), XlsxError> {
    let formats = if score.is_some() { f.band(index) } else { &f.none };
    number(sheet, row, column, score, &formats.score)?;
    sheet.write_string_with_format(row, column + 1, band.unwrap_or(""), &formats.text)?;
    Ok(())
}

pub fn render(c: &Comparison, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let f = Formats::new(c.bands.len());
    matrix_sheet(&mut book, c, lang, &f)?;
    groups_sheet(&mut book, c, lang, &f)?;
    weak_spots_sheet(&mut book, c, lang, &f)?;
    if columns::mil_themes(c).next().is_some() {
        maturity_sheet(&mut book, c, lang, &f)?;
    }
    changes_sheet(&mut book, c, lang, &f)?;
    book.save_to_buffer()
}

/// The matrix: one row per municipality, a score, its band and its difference per column group.
fn matrix_sheet(book: &mut Workbook, c: &Comparison, lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    let band_word = m::T_BAND.get(lang);
    let sheet = book.add_worksheet().set_name(sheet_name(m::C_MATRIX.get(lang)))?;
    let mut labels = vec![m::C_RANK.get(lang).to_string(), m::R_MUNICIPALITY.get(lang).to_string()];
    if !c.anonymized {
        labels.extend(
            [m::C_CODE, m::R_REGION, m::C_SIZE_CLASS, m::C_GROUP, m::R_DATE].iter().map(|t| t.get(lang).to_string()),
        );
    }
    let first_score = labels.len();
    labels.extend([m::T_OVERALL.get(lang).to_string(), band_word.to_string(), "±".to_string()]);
    for t in &c.themes {
        labels.extend([t.title.clone(), format!("{} – {band_word}", t.title), format!("{} ±", t.title)]);
    }
    header(sheet, &labels, &f.head)?;
    for (i, r) in c.rows.iter().enumerate() {
        let row = row_number(i + 1);
        if let Some(rank) = r.rank {
            sheet.write_number(row, 0, rank as f64)?;
        }
        sheet.write_string(row, 1, &r.municipality)?;
        if !c.anonymized {
            let texts = [&r.municipality_code, &r.region, &r.size_class, &Some(r.group.clone()), &r.date];
            for (k, text) in texts.iter().enumerate() {
                sheet.write_string(row, col(2 + k), text.as_deref().unwrap_or(""))?;
            }
        }
        let overall = columns::overall_cell(r);
        let cells = std::iter::once(Some(&overall)).chain(c.themes.iter().map(|t| r.themes.get(&t.id)));
        for (k, cell) in cells.enumerate() {
            let column = col(first_score + 3 * k);
            banded(
                sheet,
                row,
                column,
                cell.and_then(|x| x.score),
                cell.and_then(|x| x.band.as_deref()),
                cell.and_then(|x| x.band_index),
                f,
            )?;
            number(sheet, row, column + 2, cell.and_then(|x| x.diff), &f.diff)?;
        }
    }
    sheet.set_column_width(0, 7)?;
    sheet.set_column_width(1, 24)?;
    for i in 2..labels.len() {
        sheet.set_column_width(col(i), 12)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    if !c.rows.is_empty() {
        sheet.autofilter(0, 0, row_number(c.rows.len()), col(labels.len() - 1))?;
    }
    Ok(())
}

/// Group statistics: one row per group and theme.
fn groups_sheet(book: &mut Workbook, c: &Comparison, lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet().set_name(sheet_name(m::C_GROUPS.get(lang)))?;
    let mut labels = columns::labels(&columns::GROUP_STATS, lang);
    // The mean's band right after the mean, on the band's colour as in the matrix.
    labels.insert(4, m::T_BAND.get(lang));
    header(sheet, &labels, &f.head)?;
    let mut row = 0;
    for g in &c.groups {
        for (label, stats) in columns::group_lines(c, g, lang) {
            row += 1;
            sheet.write_string(row, 0, &g.name)?;
            sheet.write_string(row, 1, label)?;
            sheet.write_number(row, 2, stats.map_or(0, |s| s.n) as f64)?;
            let mean = stats.map(|s| s.mean);
            let band = c.band(mean);
            banded(sheet, row, 3, mean, band.map(|(_, name)| name), band.map(|(i, _)| i), f)?;
            number(sheet, row, 5, stats.map(|s| s.median), &f.score)?;
            number(sheet, row, 6, stats.map(|s| s.min), &f.score)?;
            number(sheet, row, 7, stats.map(|s| s.max), &f.score)?;
        }
    }
    for (i, width) in [24, 30, 8, 11, 16, 11, 11, 11].into_iter().enumerate() {
        sheet.set_column_width(col(i), width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The shared weak spots, with the question's id and the number of answers for filtering and sums.
fn weak_spots_sheet(book: &mut Workbook, c: &Comparison, lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet().set_name(sheet_name(m::C_WEAK.get(lang)))?;
    let labels: Vec<String> = vec![
        "#".to_string(),
        m::T_THEME.get(lang).to_string(),
        m::R_QUESTION_ID.get(lang).to_string(),
        m::R_QUESTION.get(lang).to_string(),
        format!("{} (0–100)", m::C_MEAN.get(lang)),
        m::C_BELOW.get(lang).to_string(),
        m::C_ANSWERED.get(lang).to_string(),
        m::R_NEXT_STEP.get(lang).to_string(),
    ];
    header(sheet, &labels, &f.head)?;
    for (i, spot) in c.weak_spots.iter().enumerate() {
        let row = row_number(i + 1);
        sheet.write_number(row, 0, (i + 1) as f64)?;
        sheet.write_string_with_format(row, 1, columns::theme_title(c, &spot.theme), &f.wrap)?;
        sheet.write_string_with_format(row, 2, &spot.question, &f.wrap)?;
        sheet.write_string_with_format(row, 3, &spot.text, &f.wrap)?;
        sheet.write_number_with_format(row, 4, spot.mean * 100.0, &f.score)?;
        sheet.write_number(row, 5, spot.below_middle as f64)?;
        sheet.write_number(row, 6, spot.answered as f64)?;
        sheet.write_string_with_format(row, 7, spot.next_step.as_deref().unwrap_or(""), &f.wrap)?;
    }
    for (i, width) in [5, 22, 26, 45, 11, 11, 11, 55].into_iter().enumerate() {
        sheet.set_column_width(col(i), width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Change over time: the earliest and the latest report of each municipality with several.
fn changes_sheet(book: &mut Workbook, c: &Comparison, lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet().set_name(sheet_name(m::C_CHANGES.get(lang)))?;
    let (first, last, change) = (m::C_FIRST.get(lang), m::C_LAST.get(lang), m::C_CHANGE.get(lang));
    let mut labels = vec![m::R_MUNICIPALITY.get(lang).to_string(), first.to_string(), last.to_string()];
    for title in std::iter::once(m::T_OVERALL.get(lang)).chain(c.themes.iter().map(|t| t.title.as_str())) {
        labels.extend([format!("{title} – {first}"), format!("{title} – {last}"), format!("{title} – {change}")]);
    }
    labels.push(m::C_SERIES.get(lang).to_string());
    header(sheet, &labels, &f.head)?;
    for (i, ch) in c.changes.iter().enumerate() {
        let row = row_number(i + 1);
        sheet.write_string(row, 0, &ch.municipality)?;
        sheet.write_string(row, 1, ch.from.as_deref().unwrap_or(""))?;
        sheet.write_string(row, 2, ch.to.as_deref().unwrap_or(""))?;
        let mut triples = vec![(ch.overall_first, ch.overall_last, ch.overall)];
        for t in &c.themes {
            let get = |map: &std::collections::BTreeMap<String, Option<f64>>| map.get(&t.id).copied().flatten();
            triples.push((get(&ch.themes_first), get(&ch.themes_last), get(&ch.themes)));
        }
        let mut column = 3;
        for (a, b, d) in triples {
            number(sheet, row, column, a, &f.score)?;
            number(sheet, row, column + 1, b, &f.score)?;
            number(sheet, row, column + 2, d, &f.diff)?;
            column += 3;
        }
        let series: Vec<String> = ch
            .series
            .iter()
            .enumerate()
            .map(|(k, (date, value))| {
                format!("{}: {}", columns::series_when(k, date.as_ref(), lang), score(*value, lang))
            })
            .collect();
        sheet.write_string(row, column, series.join("; "))?;
    }
    sheet.set_column_width(0, 24)?;
    for i in 1..labels.len() {
        sheet.set_column_width(col(i), 13)?;
    }
    sheet.set_column_width(col(labels.len() - 1), 40)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// Each municipality's maturity level per MIL theme with what the next level needs, and below it the practices
/// that block the next level of several municipalities.
fn maturity_sheet(book: &mut Workbook, c: &Comparison, lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet().set_name(sheet_name(m::C_MIL.get(lang)))?;
    let mut labels = columns::labels(&columns::MIL_LEVELS, lang);
    labels.insert(1, m::T_THEME.get(lang));
    header(sheet, &labels, &f.head)?;
    let mut row = 0;
    for theme in columns::mil_themes(c) {
        for (r, cell) in columns::mil_levels(c, theme) {
            row += 1;
            sheet.write_string_with_format(row, 0, &r.municipality, &f.wrap)?;
            sheet.write_string_with_format(row, 1, &theme.title, &f.wrap)?;
            sheet.write_number(row, 2, f64::from(cell.level))?;
            sheet.write_string_with_format(row, 3, cell.needs(lang), &f.wrap)?;
        }
    }
    row += 2;
    sheet.write_string_with_format(row, 0, m::C_MIL_SHARED.get(lang), &f.head)?;
    row += 1;
    let labels = ["#", m::T_THEME.get(lang), m::R_QUESTION_ID.get(lang)]
        .into_iter()
        .chain(columns::labels(&columns::MIL_BLOCKERS, lang));
    for (i, label) in labels.enumerate() {
        sheet.write_string_with_format(row, col(i), label, &f.head)?;
    }
    if c.mil_blockers.is_empty() {
        sheet.write_string(row + 1, 0, m::C_NO_MIL_SHARED.get(lang))?;
    }
    for (i, b) in c.mil_blockers.iter().enumerate() {
        row += 1;
        sheet.write_number(row, 0, (i + 1) as f64)?;
        sheet.write_string_with_format(row, 1, columns::theme_title(c, &b.theme), &f.wrap)?;
        sheet.write_string_with_format(row, 2, &b.question, &f.wrap)?;
        sheet.write_string_with_format(row, 3, &b.text, &f.wrap)?;
        sheet.write_number(row, 4, f64::from(b.mil))?;
        sheet.write_string_with_format(row, 5, columns::blocked(b, &b.municipalities.join(", ")), &f.wrap)?;
        sheet.write_string_with_format(row, 6, &b.needed, &f.wrap)?;
    }
    for (i, width) in [24, 24, 26, 45, 12, 40, 40].into_iter().enumerate() {
        sheet.set_column_width(col(i), width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tests::report;
    use crate::compare::{GroupBy, compare};
    use calamine::{Data, Reader, Xlsx};

    fn workbook(names: &[&str], lang: Lang) -> Xlsx<std::io::Cursor<Vec<u8>>> {
        let inputs: Vec<_> = names
            .iter()
            .flat_map(|name| {
                [
                    report(name, "Varsinais-Suomi", 4000, "2025-01-01", 1, false),
                    report(name, "Varsinais-Suomi", 4000, "2026-01-01", 3, true),
                ]
            })
            .collect();
        let c = compare(&inputs, GroupBy::Region, false, lang).unwrap();
        let bytes = render(&c, lang).unwrap();
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap()
    }

    #[test]
    fn sheet_names_are_valid_in_every_language() {
        for lang in Lang::ALL {
            for name in [m::C_MATRIX, m::C_GROUPS, m::C_WEAK, m::C_MIL, m::C_CHANGES] {
                assert_eq!(sheet_name(name.get(lang)), name.get(lang), "{name:?} needs no cleaning");
            }
        }
        assert_eq!(sheet_name("a/b: [c]*?\\ and more than thirty-one characters"), "a-b- -c---- and more than thirt");
        assert_eq!(sheet_name("''"), "Sheet");
    }

    #[test]
    fn formula_like_names_are_written_as_text() {
        let mut book = workbook(&["=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(A1)", "Aura"], Lang::Fi);
        assert_eq!(book.sheet_names(), ["Kunnat", "Ryhmät", "Yhteiset heikkoudet", "Kypsyystasot", "Muutos ajassa"]);
        let matrix = book.worksheet_range("Kunnat").unwrap();
        let names: Vec<&Data> = matrix.rows().skip(1).map(|r| &r[1]).collect();
        assert!(names.contains(&&Data::String("=HYPERLINK(\"http://x\",\"y\")".into())), "{names:?}");
        assert!(names.contains(&&Data::String("+1".into())));
        assert!(names.contains(&&Data::String("@SUM(A1)".into())));
        let formulas = book.worksheet_formula("Kunnat").unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell holds a formula");
        let changes = book.worksheet_range("Muutos ajassa").unwrap();
        assert_eq!(changes.rows().count(), 5, "a header and four municipalities");
    }

    #[test]
    fn scores_are_numbers_and_headers_are_localised() {
        let mut book = workbook(&["Aura", "Eura", "Masku"], Lang::Sv);
        let matrix = book.worksheet_range("Kommunerna").unwrap();
        let header: Vec<String> = matrix.rows().next().unwrap().iter().map(ToString::to_string).collect();
        assert_eq!(&header[..2], ["Placering", "Kommun"]);
        let overall = header.iter().position(|h| h == m::T_OVERALL.sv).unwrap();
        assert!(matches!(matrix.rows().nth(1).unwrap()[overall], Data::Float(_)));
        let groups = book.worksheet_range("Grupperna").unwrap();
        assert_eq!(groups.rows().count(), 1 + 4, "one group: overall and three themes");
    }
}
