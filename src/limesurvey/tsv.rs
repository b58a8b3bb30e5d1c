//! The questionnaire as LimeSurvey's tab-separated survey structure file (the `.txt` that *Create survey →
//! Import* takes), as bytes.
//!
//! This module owns the layout and nothing else: codes come from [`super::codes`], files are written by the
//! command. The layout is the one LimeSurvey reads in `TSVImportSurvey()` and writes in
//! `tsvSurveyExport()` (`application/helpers/admin/import_helper.php` and `application/helpers/export_helper.php`,
//! 6.1.8 and 6.2.1):
//!
//! - a header row naming the columns; the importer reads each row's cells by these names, so their order is
//!   free and unknown columns are question attributes. The columns are LimeSurvey's base fields (`id`,
//!   `related_id`, `class`, `type/scale`, `name`, `relevance`, `text`, `help`, `language`, `validation`,
//!   `mandatory`, `encrypted`, `other`, `default`, `same_default`, `same_script`) and the attributes used here;
//! - rows of class `S` (a survey setting: `name`, `text`), `SL` (a language setting, per `language`), then per
//!   language every group `G` (`type/scale` = its order, `name`, `text` = description) followed by its
//!   questions `Q` (`type/scale` = the question type, `name` = the code), each followed by its subquestions
//!   `SQ` and answer options `A`. Rows of the second language find their group by `type/scale` and their
//!   question by group and code, as LimeSurvey's own export writes them;
//! - `encrypted` is left empty (LimeSurvey's default, `N`): the importer would also store a cell of it as a
//!   question attribute, once per language, since its list of base fields lacks it;
//! - question attributes that are not translated (`min_num_value_n` …) only on the base language's row, as
//!   `tsvSurveyExport()` writes them (the importer would add one per row); translated ones (`suffix`) on every
//!   language's row;
//! - cells are never quoted: texts are HTML (LimeSurvey shows question texts as HTML), so `"` is written
//!   `&quot;` and line breaks `<br />`, and no cell holds a tab, a line break or a leading quote (the importer
//!   strips a pair of quotes around a cell a second time, after `fgetcsv`);
//! - UTF-8 without a byte-order mark, lines ending in `\n` (the importer turns every line break into `\n`).
//!   The importer guesses the encoding from the first 10,000 bytes (`fileCsvToUtf8()`:
//!   `mb_detect_encoding(fread($handle, 10000) . 'e', 'UTF-8, UTF-7, ASCII, EUC-JP, …')`); a multi-byte letter
//!   cut at byte 10,000 could make that guess something other than UTF-8, so the file is padded (with empty
//!   cells past the last column, which the importer ignores) until byte 10,000 starts a character.
//!
//! The survey: group-by-group, dates recorded, not anonymized, no IP address, referrer or timings; nothing
//! mandatory (an assessment may skip questions). One group for the respondent, then one per theme.

use std::collections::BTreeMap;

use crate::batch::header::Meta;
use crate::i18n::messages as m;
use crate::questionnaire::{Kind, Question, Questionnaire};
use crate::regions::REGIONS;

use super::codes::{self, CodeTable, Coded, answer_text, interface, one_line};

/// The columns of the file, in order: LimeSurvey's base fields, then the question attributes used here
/// (sorted, as `tsvSurveyExport()` sorts them).
pub const COLUMNS: [&str; 21] = [
    "id",
    "related_id",
    "class",
    "type/scale",
    "name",
    "relevance",
    "text",
    "help",
    "language",
    "validation",
    "mandatory",
    "encrypted",
    "other",
    "default",
    "same_default",
    "same_script",
    "exclude_all_others",
    "max_num_value_n",
    "min_num_value_n",
    "num_value_int_only",
    "suffix",
];

/// The byte before which LimeSurvey's importer guesses the encoding (`fileCsvToUtf8()`).
pub const ENCODING_SAMPLE: usize = 10_000;

/// The survey id the file asks for: fixed by the questionnaire's id and version, six digits as LimeSurvey
/// makes them (LimeSurvey picks another if it is taken: `Survey::insertNewSurvey()`).
pub fn survey_id(q: &Questionnaire) -> u32 {
    let hash = codes::fnv1a64(&format!("{}\u{0}{}", q.id, q.version));
    100_000 + (hash % 900_000) as u32
}

/// The whole survey structure file.
pub fn survey(q: &Questionnaire, table: &CodeTable) -> Vec<u8> {
    let mut rows: Vec<Row> = Vec::new();
    let base = q.fallback_language();
    let extra: Vec<&str> = q.languages.iter().skip(1).map(String::as_str).collect();

    for (name, value) in [
        ("sid", survey_id(q).to_string()),
        ("language", base.to_string()),
        ("additional_languages", extra.join(" ")),
        ("format", "G".into()),
        ("anonymized", "N".into()),
        ("datestamp", "Y".into()),
        ("ipaddr", "N".into()),
        ("refurl", "N".into()),
        ("savetimings", "N".into()),
        ("allowprev", "Y".into()),
        ("showprogress", "Y".into()),
    ] {
        rows.push(Row::new("S").set("name", name).set("text", &value));
    }
    for lang in &q.languages {
        let mut settings = vec![
            ("surveyls_language", lang.clone()),
            ("surveyls_title", one_line(q.title.get(lang, base))),
            ("surveyls_description", q.description.as_ref().map(|d| html(d.get(lang, base))).unwrap_or_default()),
        ];
        // LimeSurvey's own defaults for the language (`getLanguageData()` in surveytranslator_helper.php).
        let formats = match lang.as_str() {
            "fi" => Some(("4", "1")),
            "sv" => Some(("6", "1")),
            "en" => Some(("9", "0")),
            _ => None,
        };
        if let Some((date, number)) = formats {
            settings.push(("surveyls_dateformat", date.into()));
            settings.push(("surveyls_numberformat", number.into()));
        }
        for (name, value) in settings {
            rows.push(Row::new("SL").set("name", name).set("text", &value).set("language", lang));
        }
    }

    for (position, lang) in q.languages.iter().enumerate() {
        let first = position == 0;
        rows.push(
            Row::new("G")
                .set("type/scale", "1")
                .set("name", &one_line(interface(m::LS_GROUP_RESPONDENT, lang)))
                .set("relevance", "1")
                .set("text", &html(interface(m::LS_GROUP_RESPONDENT_HELP, lang)))
                .set("language", lang),
        );
        for meta in Meta::ALL {
            respondent_rows(&mut rows, meta, lang, first);
        }
        for (order, (theme_index, theme)) in codes::exported_themes(q).enumerate() {
            rows.push(
                Row::new("G")
                    .set("type/scale", &(order + 2).to_string())
                    .set("name", &one_line(theme.title.get(lang, base)))
                    .set("relevance", "1")
                    .set("text", &theme.description.as_ref().map(|d| html(d.get(lang, base))).unwrap_or_default())
                    .set("language", lang),
            );
            for (index, question) in
                q.questions.iter().enumerate().filter(|(_, question)| question.theme == theme_index)
            {
                let Some(coded) = table.question(index) else { continue };
                question_rows(&mut rows, q, question, coded, lang, first);
            }
        }
    }

    let mut out = String::new();
    out.push_str(&COLUMNS.join("\t"));
    out.push('\n');
    for row in &rows {
        out.push_str(&row.line());
        out.push('\n');
    }
    pad_for_encoding_guess(out.into_bytes())
}

/// The rows of one respondent question in `lang`.
fn respondent_rows(rows: &mut Vec<Row>, meta: Meta, lang: &str, first: bool) {
    let (kind, text, help) = match meta {
        Meta::Municipality => ("S", m::LS_Q_MUNICIPALITY, m::LS_H_MUNICIPALITY),
        Meta::MunicipalityCode => ("S", m::LS_Q_MUNICIPALITY_CODE, m::LS_H_MUNICIPALITY_CODE),
        Meta::Region => ("L", m::LS_Q_REGION, m::LS_H_REGION),
        Meta::Population => ("N", m::LS_Q_POPULATION, m::LS_H_POPULATION),
        Meta::Respondent => ("S", m::LS_Q_RESPONDENT, m::LS_H_RESPONDENT),
        Meta::Role => ("S", m::LS_Q_ROLE, m::LS_H_ROLE),
        Meta::Department => ("S", m::LS_Q_DEPARTMENT, m::LS_H_DEPARTMENT),
        Meta::Date => ("D", m::LS_Q_DATE, m::LS_H_DATE),
    };
    let mut row = question_row(
        kind,
        codes::respondent_code(meta),
        &html(interface(text, lang)),
        &html(interface(help, lang)),
        lang,
    );
    if meta == Meta::MunicipalityCode {
        row = row.set("validation", "/^[0-9]{3}$/");
    }
    if meta == Meta::Population && first {
        row = row.set("min_num_value_n", "0").set("num_value_int_only", "1");
    }
    rows.push(row);
    if meta == Meta::Region {
        for region in &REGIONS {
            rows.push(answer_row(&codes::region_code(region), &html(codes::region_text(region, lang)), lang));
        }
    }
}

/// The rows of one questionnaire question in `lang`: the question, its subquestions, its answer options.
fn question_rows(
    rows: &mut Vec<Row>,
    q: &Questionnaire,
    question: &Question,
    coded: &codes::QuestionCodes,
    lang: &str,
    first: bool,
) {
    let base = q.fallback_language();
    let text = html(&one_line(question.text.get(lang, base)));
    let help = question.help.as_ref().map(|h| html(h.get(lang, base))).unwrap_or_default();
    let kind = match &question.kind {
        Kind::Level { .. } | Kind::Choice { .. } | Kind::YesNo => "L",
        Kind::Multi { .. } => "M",
        Kind::Number { .. } => "N",
        Kind::Text => "T",
    };
    let mut row = question_row(kind, &coded.code, &text, &help, lang);
    match &question.kind {
        Kind::Multi { .. } if first => {
            let exclusive: Vec<&str> = coded
                .subquestions
                .iter()
                .filter(|c| !matches!(c.value, codes::Value::Option(_)))
                .map(|c| c.code.as_str())
                .collect();
            row = row.set("exclude_all_others", &exclusive.join(";"));
        }
        Kind::Number { unit, min, max, .. } => {
            if first {
                if let Some(min) = min {
                    row = row.set("min_num_value_n", &number(*min));
                }
                if let Some(max) = max {
                    row = row.set("max_num_value_n", &number(*max));
                }
            }
            if let Some(unit) = unit {
                row = row.set("suffix", &html(&one_line(unit.get(lang, base))));
            }
        }
        _ => {}
    }
    rows.push(row);
    for Coded { code, value } in &coded.subquestions {
        rows.push(
            Row::new("SQ")
                .set("name", code)
                .set("relevance", "1")
                .set("text", &html(&answer_text(q, question, value, lang)))
                .set("language", lang),
        );
    }
    for Coded { code, value } in &coded.answers {
        rows.push(answer_row(code, &html(&answer_text(q, question, value, lang)), lang));
    }
}

fn question_row(kind: &str, code: &str, text: &str, help: &str, lang: &str) -> Row {
    Row::new("Q")
        .set("type/scale", kind)
        .set("name", code)
        .set("relevance", "1")
        .set("text", text)
        .set("help", help)
        .set("language", lang)
        .set("mandatory", "N")
        .set("other", "N")
}

fn answer_row(code: &str, text: &str, lang: &str) -> Row {
    Row::new("A").set("name", code).set("text", text).set("language", lang)
}

/// A number as LimeSurvey reads it in an attribute: a point for decimals, no exponent.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{value:.0}") } else { format!("{value}") }
}

/// Text as LimeSurvey's HTML: `&`, `<`, `>` and `"` escaped, line breaks as `<br />`, tabs as spaces.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let text = text.trim().replace("\r\n", "\n").replace('\r', "\n");
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br />"),
            '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One row of the file: its cells by column name.
struct Row {
    cells: BTreeMap<&'static str, String>,
}

impl Row {
    fn new(class: &str) -> Row {
        let mut cells = BTreeMap::new();
        cells.insert("class", class.to_string());
        Row { cells }
    }

    fn set(mut self, column: &'static str, value: &str) -> Row {
        debug_assert!(COLUMNS.contains(&column), "{column} is not a column");
        self.cells.insert(column, value.to_string());
        self
    }

    fn line(&self) -> String {
        COLUMNS
            .iter()
            .map(|column| self.cells.get(column).map_or(String::new(), |value| cell(value)))
            .collect::<Vec<_>>()
            .join("\t")
    }
}

/// A cell that cannot break the row: no tab, no line break, no leading quote.
fn cell(value: &str) -> String {
    let value: String = value.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }).collect();
    match value.strip_prefix('"') {
        Some(rest) => format!("&quot;{rest}"),
        None => value,
    }
}

/// Pads the file so that byte [`ENCODING_SAMPLE`] starts a character (see the module documentation): tabs at
/// the end of the first survey-setting row are cells past the last column, which the importer never reads.
fn pad_for_encoding_guess(mut bytes: Vec<u8>) -> Vec<u8> {
    let is_continuation = |b: u8| b & 0b1100_0000 == 0b1000_0000;
    if bytes.len() <= ENCODING_SAMPLE || !is_continuation(bytes[ENCODING_SAMPLE]) {
        return bytes;
    }
    // A character has at most four bytes, so one of the three bytes before starts it.
    let pad = (1..=3).find(|n| !is_continuation(bytes[ENCODING_SAMPLE - n])).unwrap_or(3);
    let Some(end_of_header) = bytes.iter().position(|&b| b == b'\n') else { return bytes };
    let Some(end_of_first_row) = bytes[end_of_header + 1..].iter().position(|&b| b == b'\n') else { return bytes };
    let at = end_of_header + 1 + end_of_first_row;
    bytes.splice(at..at, std::iter::repeat_n(b'\t', pad));
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin(id: &str) -> Questionnaire {
        let b = crate::questionnaire::builtin::all().iter().find(|b| b.id == id).expect("a built-in");
        crate::questionnaire::load_text(b.text, &crate::questionnaire::Source::Builtin(b.file_name.to_string()))
            .expect("the built-in loads")
    }

    fn rows(bytes: &[u8]) -> Vec<BTreeMap<String, String>> {
        let text = std::str::from_utf8(bytes).unwrap();
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
        lines
            .map(|line| {
                header
                    .iter()
                    .zip(line.split('\t'))
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| ((*k).to_string(), v.to_string()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn html_escapes_what_limesurvey_would_read_as_markup() {
        assert_eq!(html("A & B <5 %> \"x\"\nrivi"), "A &amp; B &lt;5 %&gt; &quot;x&quot;<br />rivi");
        assert_eq!(cell("\"a\tb\nc"), "&quot;a b c");
    }

    #[test]
    fn the_file_is_padded_so_that_byte_10000_starts_a_character() {
        let q = builtin("kuntakompassi");
        let table = CodeTable::new(&q).unwrap();
        let bytes = survey(&q, &table);
        assert!(bytes.len() > ENCODING_SAMPLE);
        assert!(std::str::from_utf8(&bytes[..ENCODING_SAMPLE]).is_ok());
        // Whatever the content, padding finds a character start.
        for shift in 0..4 {
            let mut text = "x".repeat(ENCODING_SAMPLE - 2 - shift);
            text.insert_str(0, "h\nS\tsid\n");
            text.push_str("ääää\nrest\n");
            let padded = pad_for_encoding_guess(text.clone().into_bytes());
            assert!(std::str::from_utf8(&padded[..ENCODING_SAMPLE]).is_ok(), "shift {shift}");
            assert_eq!(String::from_utf8(padded).unwrap().replace('\t', ""), text.replace('\t', ""));
        }
    }

    #[test]
    fn every_language_has_every_group_question_subquestion_and_answer() {
        let q = builtin("kuntakompassi");
        let table = CodeTable::new(&q).unwrap();
        let rows = rows(&survey(&q, &table));
        let count = |class: &str, lang: &str| {
            rows.iter().filter(|r| r["class"] == class && r.get("language").map(String::as_str) == Some(lang)).count()
        };
        for lang in &q.languages {
            assert_eq!(count("G", lang), table.group_count(), "{lang}");
            assert_eq!(count("Q", lang), Meta::ALL.len() + q.questions.len(), "{lang}");
            assert_eq!(count("SL", lang), 5, "{lang}");
        }
        let answers = count("A", "fi");
        assert_eq!(count("A", "sv"), answers);
        assert_eq!(count("SQ", "en"), count("SQ", "fi"));
        assert!(rows.iter().all(|r| r.get("mandatory").is_none_or(|m| m == "N")));
    }

    #[test]
    fn non_translated_attributes_are_on_the_base_language_only() {
        let q = builtin("kuntakompassi");
        let table = CodeTable::new(&q).unwrap();
        let rows = rows(&survey(&q, &table));
        let with = |attribute: &str| {
            rows.iter().filter(|r| r.contains_key(attribute)).map(|r| r["language"].clone()).collect::<Vec<_>>()
        };
        assert!(with("exclude_all_others").iter().all(|l| l == "fi"));
        assert!(with("min_num_value_n").iter().all(|l| l == "fi"));
        assert!(!with("exclude_all_others").is_empty());
        let online = table.question_code(q.question_index("services.online_share").unwrap()).unwrap();
        let suffixes: Vec<_> = rows
            .iter()
            .filter(|r| r.get("name").map(String::as_str) == Some(online))
            .filter_map(|r| r.get("suffix"))
            .collect();
        assert_eq!(suffixes.len(), q.languages.len());
    }

    #[test]
    fn the_survey_id_is_six_digits_and_fixed() {
        let q = builtin("kuntakompassi");
        let id = survey_id(&q);
        assert!((100_000..1_000_000).contains(&id));
        assert_eq!(id, survey_id(&q.clone()));
    }
}
