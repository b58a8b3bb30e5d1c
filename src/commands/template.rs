//! `kuntakompassi questionnaire template ID|FILE`: the header row a survey tool or a spreadsheet should
//! produce for a batch, and a codebook of every column.
//!
//! The header is the respondent fields of DESIGN.md §3 and then one column per question id, which the batch
//! reader matches exactly. The codebook says, in the language of `--lang`, what each column holds, which
//! values it accepts and what they mean. CSV is `;`-separated with a byte-order mark when written to a file
//! (what Finnish Excel opens as columns); XLSX has the header on its first sheet and the codebook on its
//! second.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rust_xlsxwriter::{Format, Workbook};

use crate::batch::header::Meta;
use crate::cli::{TemplateArgs, TemplateFormat};
use crate::error::InputError;
use crate::i18n::{Lang, messages as m, short_number};
use crate::questionnaire::{Kind, Questionnaire};
use crate::settings::Settings;

use super::load_questionnaire;

pub fn run(args: &TemplateArgs, settings: &Settings) -> Result<u8> {
    let lang = settings.lang;
    let q = load_questionnaire(&args.questionnaire, settings)?;
    let format = args.format.unwrap_or_else(|| {
        match args.output.as_deref().and_then(Path::extension).and_then(|e| e.to_str()).map(str::to_ascii_lowercase) {
            Some(ext) if ext == "xlsx" => TemplateFormat::Xlsx,
            _ => TemplateFormat::Csv,
        }
    });
    let header = header(&q);
    let codebook = codebook(&q, lang);
    match (format, &args.output) {
        (TemplateFormat::Csv, None) => {
            crate::output::emit(None, &csv_bytes(std::slice::from_ref(&header), false)?)?;
            eprintln!("{}", m::TPL_CODEBOOK_NEEDS_FILE.get(lang));
        }
        (TemplateFormat::Csv, Some(path)) => {
            let codebook_path = codebook_path(path);
            crate::output::write_atomic(path, &csv_bytes(std::slice::from_ref(&header), true)?)?;
            crate::output::write_atomic(&codebook_path, &csv_bytes(&codebook, true)?)?;
            eprintln!("{}", m::TPL_WRITTEN.fill(lang, &[&path.display(), &codebook_path.display()]));
        }
        (TemplateFormat::Xlsx, output) => {
            if output.is_none() && settings.stdout_is_terminal {
                return Err(InputError(m::TPL_XLSX_NEEDS_FILE.get(lang).to_string()).into());
            }
            let bytes = xlsx_bytes(&header, &codebook, lang)?;
            crate::output::emit(output.as_deref(), &bytes)?;
        }
    }
    Ok(0)
}

/// `answers.csv` → `answers-codebook.csv`.
fn codebook_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().map_or_else(|| "template".into(), |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}-codebook.csv"))
}

/// The header row: the respondent fields, then every question id.
pub fn header(q: &Questionnaire) -> Vec<String> {
    Meta::ALL
        .iter()
        .map(|meta| meta.key().to_string())
        .chain(q.questions.iter().map(|question| question.id.clone()))
        .collect()
}

/// The codebook: a header and one row per column.
pub fn codebook(q: &Questionnaire, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        m::TPL_COLUMN.get(lang).to_string(),
        m::TPL_REQUIRED.get(lang).to_string(),
        m::TPL_KIND.get(lang).to_string(),
        m::TPL_MEANING.get(lang).to_string(),
        m::TPL_ALLOWED.get(lang).to_string(),
        m::TPL_VALUES.get(lang).to_string(),
    ]];
    let yes = m::YES.get(lang).to_string();
    let no = m::NO.get(lang).to_string();
    for meta in Meta::ALL {
        let (kind, meaning, allowed) = match meta {
            Meta::Municipality => (m::KIND_TEXT, m::TPL_MUNICIPALITY, m::TPL_ANY_TEXT),
            Meta::MunicipalityCode => (m::KIND_TEXT, m::TPL_MUNICIPALITY_CODE, m::TPL_CODE_VALUES),
            Meta::Region => (m::KIND_TEXT, m::TPL_REGION, m::TPL_ANY_TEXT),
            Meta::Population => (m::KIND_NUMBER, m::TPL_POPULATION, m::TPL_WHOLE_NUMBER),
            Meta::Respondent => (m::KIND_TEXT, m::TPL_RESPONDENT, m::TPL_ANY_TEXT),
            Meta::Role => (m::KIND_TEXT, m::TPL_ROLE, m::TPL_ANY_TEXT),
            Meta::Department => (m::KIND_TEXT, m::TPL_DEPARTMENT, m::TPL_ANY_TEXT),
            Meta::Date => (m::KIND_TEXT, m::TPL_DATE, m::TPL_DATE_VALUES),
        };
        rows.push(vec![
            meta.key().to_string(),
            if meta == Meta::Municipality { yes.clone() } else { no.clone() },
            kind.get(lang).to_string(),
            meaning.get(lang).to_string(),
            allowed.get(lang).to_string(),
            String::new(),
        ]);
    }
    for question in &q.questions {
        let mut specials = vec!["dk".to_string()];
        if question.allow_na {
            specials.insert(0, "na".to_string());
        }
        let (kind, allowed, values) = match &question.kind {
            Kind::Level { levels, .. } => {
                let max = levels.len().saturating_sub(1);
                let values = (0..=max)
                    .map(|level| {
                        let label = q.scale.labels.get(level).map_or("", |label| q.text(label, lang));
                        let practice = levels.get(level).map_or("", |text| q.text(text, lang));
                        format!("{level} = {label}: {practice}")
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                (m::KIND_LEVEL, format!("0–{max}"), values)
            }
            Kind::Choice { options } | Kind::Multi { options, .. } => {
                let ids = options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(" | ");
                let values = options
                    .iter()
                    .map(|o| format!("{} = {} ({} p)", o.id, q.text(&o.label, lang), short_number(lang, o.points)))
                    .collect::<Vec<_>>()
                    .join("\n");
                if matches!(question.kind, Kind::Multi { .. }) {
                    (m::KIND_MULTI, m::TPL_MULTI_VALUES.fill(lang, &[&ids]), values)
                } else {
                    (m::KIND_CHOICE, ids, values)
                }
            }
            Kind::YesNo => (m::KIND_YESNO, m::TPL_YESNO_VALUES.get(lang).to_string(), String::new()),
            Kind::Number { unit, min, max, bands } => {
                let bound = |b: &Option<f64>| b.map_or_else(|| "…".to_string(), |b| short_number(lang, b));
                let unit = unit.as_ref().map(|u| q.text(u, lang)).unwrap_or_default();
                let allowed = m::TPL_NUMBER_VALUES.fill(lang, &[&bound(min), &bound(max), &unit]);
                let values = bands
                    .iter()
                    .map(|band| {
                        format!("≥ {} {unit}: {}", short_number(lang, band.min), short_number(lang, band.score))
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                (m::KIND_NUMBER, allowed, values)
            }
            Kind::Text => (m::KIND_TEXT, m::TPL_ANY_TEXT.get(lang).to_string(), String::new()),
        };
        let allowed = format!("{allowed}, {}", specials.join(", "));
        let mut meaning = q.text(&question.text, lang).to_string();
        if question.allow_na {
            meaning.push_str(&format!("\nna = {}", m::NOT_APPLICABLE.get(lang)));
        }
        meaning.push_str(&format!("\ndk = {}", m::DONT_KNOW.get(lang)));
        rows.push(vec![question.id.clone(), no.clone(), kind.get(lang).to_string(), meaning, allowed, values]);
    }
    rows
}

/// `;`-separated CSV, with a byte-order mark for a file.
fn csv_bytes(rows: &[Vec<String>], bom: bool) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(crate::csv_writer::BOM);
    }
    let mut writer = crate::csv_writer::writer(out, b';', crate::csv_writer::Records::Ragged);
    for row in rows {
        writer.write_record(row)?;
    }
    writer.into_inner().map_err(|error| anyhow::anyhow!("{}", error.error()))
}

/// A workbook: the header row on the first sheet (the one `score` reads), the codebook on the second.
fn xlsx_bytes(header: &[String], codebook: &[Vec<String>], lang: Lang) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    let answers = workbook.add_worksheet();
    answers.set_name(m::TPL_SHEET_ANSWERS.get(lang))?;
    for (column, name) in header.iter().enumerate() {
        let column = u16::try_from(column)?;
        answers.write_string_with_format(0, column, name, &bold)?;
        answers.set_column_width(column, (name.chars().count() as f64 + 2.0).max(10.0))?;
    }
    answers.set_freeze_panes(1, 0)?;
    let book = workbook.add_worksheet();
    book.set_name(m::TPL_SHEET_CODEBOOK.get(lang))?;
    for (row, cells) in codebook.iter().enumerate() {
        let row = u32::try_from(row)?;
        for (column, text) in cells.iter().enumerate() {
            let column = u16::try_from(column)?;
            if row == 0 {
                book.write_string_with_format(row, column, text, &bold)?;
            } else {
                book.write_string_with_format(row, column, text, &wrap)?;
            }
        }
    }
    for (column, width) in [(0u16, 28.0), (1, 10.0), (2, 16.0), (3, 60.0), (4, 28.0), (5, 70.0)] {
        book.set_column_width(column, width)?;
    }
    book.set_freeze_panes(1, 0)?;
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;

    #[test]
    fn the_header_is_the_fields_then_every_question_id() {
        let header = header(&small());
        assert_eq!(header[0], "municipality");
        assert_eq!(header[8], "a.level");
        assert_eq!(header.len(), 8 + 8);
    }

    #[test]
    fn the_codebook_lists_allowed_values_and_their_meaning() {
        let book = codebook(&small(), Lang::Fi);
        let row = |id: &str| book.iter().find(|row| row[0] == id).unwrap().clone();
        assert_eq!(row("municipality")[1], "Kyllä");
        assert_eq!(row("a.level")[4], "0–4, na, dk");
        assert!(row("a.level")[5].starts_with("0 = 0: L0\n1 = 1: L1"));
        assert!(row("a.choice")[5].contains("all = Kaikki (4 p)"));
        assert!(row("t.yes")[4].ends_with(", dk"), "yes/no does not allow na");
    }

    #[test]
    fn the_workbook_reads_back_with_the_header_first() {
        use calamine::Reader;
        let bytes = xlsx_bytes(&header(&small()), &codebook(&small(), Lang::En), Lang::En).unwrap();
        let mut workbook = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(workbook.sheet_names(), ["answers", "codebook"]);
        let range = workbook.worksheet_range("answers").unwrap();
        assert_eq!(range.get((0, 0)).unwrap().to_string(), "municipality");
    }
}
