//! The summary of a batch as an XLSX workbook: the same rows and columns as `summary.csv`, for a person
//! with a spreadsheet. Numbers are numbers (one decimal shown, the whole value kept), municipality codes are
//! text (so `049` keeps its zero), bands carry their colour, and the header row is frozen.
//!
//! The sheet is written row by row in `rust_xlsxwriter`'s constant-memory mode, so a summary of a million
//! rows costs no more memory than one of ten; text is always written as a string, never as a formula.

use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::i18n::{Lang, messages as m};
use crate::questionnaire::Questionnaire;
use crate::render::colours::{band_xlsx, band_xlsx_text};

use super::SummaryRow;
use crate::batch::header::Meta;

/// The most rows a worksheet holds (Excel's limit, header included).
pub const MAX_ROWS: u32 = 1_048_576;

/// A summary being written into a workbook.
pub struct XlsxSummary {
    book: Workbook,
    grouped: bool,
    theme_mil: Vec<bool>,
    band_names: Vec<String>,
    band_mins: Vec<f64>,
    band_formats: Vec<Format>,
    score: Format,
    percent: Format,
    row: u32,
}

impl XlsxSummary {
    pub fn new(q: &Questionnaire, lang: Lang, grouped: bool) -> Result<XlsxSummary, XlsxError> {
        let mut book = Workbook::new();
        let head =
            Format::new().set_bold().set_background_color(Color::RGB(0x00EE_F3F7)).set_border(FormatBorder::Thin);
        let band_formats = (0..q.bands.len())
            .map(|i| {
                Format::new()
                    .set_font_color(band_xlsx_text(Some(i), q.bands.len()))
                    .set_bold()
                    .set_background_color(band_xlsx(Some(i), q.bands.len()))
            })
            .collect();
        let sheet = book.add_worksheet_with_constant_memory();
        sheet.set_name(m::R_SUMMARY.get(lang))?;
        let mut headers: Vec<String> =
            vec![if grouped { m::B_T_GROUP.get(lang) } else { m::B_X_LINE.get(lang) }.to_string()];
        for meta in Meta::ALL {
            if grouped && meta == Meta::Respondent {
                continue;
            }
            headers.push(field_name(meta, lang).to_string());
        }
        headers.push(m::R_RESPONDENTS.get(lang).to_string());
        headers.push(m::T_OVERALL.get(lang).to_string());
        headers.push(format!("{} – {}", m::T_OVERALL.get(lang), m::T_BAND.get(lang).to_lowercase()));
        for theme in &q.themes {
            let title = q.text(&theme.title, lang);
            headers.push(title.to_string());
            headers.push(format!("{title} – {}", m::T_BAND.get(lang).to_lowercase()));
            if theme.mil {
                headers.push(format!("{title} – MIL"));
            }
        }
        headers.push(m::R_COMPLETENESS.get(lang).to_string());
        headers.push(m::B_X_REPORT.get(lang).to_string());
        for (column, text) in headers.iter().enumerate() {
            let column = u16::try_from(column).map_err(|_| XlsxError::RowColumnLimitError)?;
            sheet.write_string_with_format(0, column, text, &head)?;
            sheet.set_column_width(column, if column == 1 { 24 } else { 14 })?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(XlsxSummary {
            book,
            grouped,
            theme_mil: q.themes.iter().map(|t| t.mil).collect(),
            band_names: q.bands.iter().map(|b| q.text(&b.name, lang).to_string()).collect(),
            band_mins: q.bands.iter().map(|b| b.min).collect(),
            band_formats,
            score: Format::new().set_num_format("0.0"),
            percent: Format::new().set_num_format("0 %"),
            row: 0,
        })
    }

    pub fn write(&mut self, row: &SummaryRow<'_>) -> Result<(), XlsxError> {
        self.row += 1;
        if self.row >= MAX_ROWS {
            return Err(XlsxError::RowColumnLimitError);
        }
        let r = self.row;
        let sheet = self.book.worksheet_from_index(0)?;
        let mut column: u16 = 0;
        match (row.group, row.line) {
            (Some(group), _) => {
                sheet.write_string(r, column, group)?;
            }
            (None, Some(line)) => {
                sheet.write_number(r, column, line as f64)?;
            }
            (None, None) => {}
        }
        for meta in Meta::ALL {
            if self.grouped && meta == Meta::Respondent {
                continue;
            }
            column += 1;
            let Some(text) = row.fields[meta.index()] else { continue };
            match (meta, text.parse::<u64>()) {
                (Meta::Population, Ok(number)) => sheet.write_number(r, column, number as f64)?,
                _ => sheet.write_string(r, column, text)?,
            };
        }
        column += 1;
        sheet.write_number(r, column, row.respondents as f64)?;
        let bands =
            Bands { names: &self.band_names, mins: &self.band_mins, formats: &self.band_formats, score: &self.score };
        bands.write(sheet, r, &mut column, row.overall)?;
        for (t, (value, mil)) in row.themes.iter().enumerate() {
            bands.write(sheet, r, &mut column, *value)?;
            if self.theme_mil.get(t).copied().unwrap_or(false) {
                column += 1;
                if let Some(mil) = mil {
                    sheet.write_number(r, column, f64::from(*mil))?;
                }
            }
        }
        column += 1;
        sheet.write_number_with_format(r, column, row.completeness, &self.percent)?;
        column += 1;
        if let Some(report) = row.report {
            sheet.write_string(r, column, report)?;
        }
        Ok(())
    }

    /// Writes the workbook to `path`.
    pub fn save(mut self, path: &Path) -> Result<(), XlsxError> {
        self.book.save(path)
    }
}

/// How a score and its band are written.
struct Bands<'a> {
    names: &'a [String],
    mins: &'a [f64],
    formats: &'a [Format],
    score: &'a Format,
}

impl Bands<'_> {
    /// The score in the next column and its band, on the band's colour, in the one after.
    fn write(&self, sheet: &mut Worksheet, r: u32, column: &mut u16, value: Option<f64>) -> Result<(), XlsxError> {
        *column += 1;
        if let Some(value) = value.filter(|v| v.is_finite()) {
            sheet.write_number_with_format(r, *column, value, self.score)?;
        }
        *column += 1;
        if let Some(band) = value.and_then(|v| crate::questionnaire::band_at(self.mins.iter().copied(), v)) {
            sheet.write_string_with_format(r, *column, &self.names[band], &self.formats[band])?;
        }
        Ok(())
    }
}

/// A respondent field's name as a column heading.
fn field_name(meta: Meta, lang: Lang) -> &'static str {
    match meta {
        Meta::Municipality => m::R_MUNICIPALITY.get(lang),
        Meta::MunicipalityCode => m::C_CODE.get(lang),
        Meta::Region => m::R_REGION.get(lang),
        Meta::Population => m::R_POPULATION.get(lang),
        Meta::Respondent => m::B_X_RESPONDENT.get(lang),
        Meta::Role => m::R_ROLE.get(lang),
        Meta::Department => m::B_X_DEPARTMENT.get(lang),
        Meta::Date => m::R_DATE.get(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;
    use calamine::{Data, Reader, Xlsx};

    #[test]
    fn numbers_stay_numbers_codes_stay_text_and_bands_are_named() {
        let q = small();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.xlsx");
        let mut fields = [None; 8];
        fields[Meta::Municipality.index()] = Some("=Pöytyä");
        fields[Meta::MunicipalityCode.index()] = Some("049");
        fields[Meta::Population.index()] = Some("8000");
        let themes = [(Some(55.0), None), (Some(100.0 / 3.0), Some(1)), (None, None)];
        let mut summary = XlsxSummary::new(&q, Lang::Fi, false).unwrap();
        summary
            .write(&SummaryRow {
                line: Some(2),
                group: None,
                fields,
                respondents: 1,
                overall: Some(61.25),
                themes: &themes,
                completeness: 0.875,
                report: Some("poytya-049.json"),
            })
            .unwrap();
        summary.save(&path).unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
        let range = book.worksheet_range_at(0).unwrap().unwrap();
        let row: Vec<&Data> = range.rows().nth(1).unwrap().iter().collect();
        assert_eq!(row[0], &Data::Float(2.0));
        assert_eq!(row[1], &Data::String("=Pöytyä".into()));
        assert_eq!(row[2], &Data::String("049".into()));
        assert_eq!(row[4], &Data::Float(8000.0));
        // line, 8 fields, respondents, overall and its band.
        assert_eq!(row[10], &Data::Float(61.25));
        assert!(matches!(row[11], Data::String(band) if !band.is_empty()));
        let header: Vec<String> = range.rows().next().unwrap().iter().map(ToString::to_string).collect();
        assert_eq!(header.len(), row.len());
        assert_eq!(header[1], "Kunta");
    }
}
