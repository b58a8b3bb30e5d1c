//! Response exports written the way the survey tools write them, for the tests of `survey.rs`. Nothing here
//! uses kuntakompassi's code: the files are made from a survey structure file, a questionnaire and an answer
//! sheet as the tools themselves make them.
//!
//! - **LimeSurvey** (6.x; `docs/limesurvey-responses.md` cites the source): the survey is read from its TSV
//!   structure file, as LimeSurvey's importer reads it (`TSVImportSurvey()`); the export is what
//!   `application/helpers/admin/export/CsvWriter.php` writes: a UTF-8 byte-order mark, every field quoted,
//!   CRLF after every record. The columns are `createFieldMap()`'s: `id`, `submitdate`, `lastpage`,
//!   `startlanguage`, `seed`, `startdate`, `datestamp` (a survey with dates recorded, no IP, no referrer, no
//!   participant table), then the questions in group order, a multiple-choice question as one `CODE[SQ]`
//!   column per subquestion. Code headings are the codes; full headings the texts, HTML-escaped as
//!   `viewHelper::flatten()` leaves them (`&amp;`, `&lt;`, `&gt;`); answer codes are the codes (a ticked
//!   box `Y`, an unticked one empty); full answers the answer texts (a ticked box "Kyllä", an unticked one
//!   "Ei", in the export language).

use std::collections::BTreeMap;

/// One question of a LimeSurvey survey structure, in the survey's base language and its others.
#[derive(Debug, Clone, Default)]
pub struct LsQuestion {
    pub code: String,
    pub kind: String,
    /// Language → question text.
    pub text: BTreeMap<String, String>,
    /// Answer options (list questions): code and language → text, in the order shown.
    pub answers: Vec<(String, BTreeMap<String, String>)>,
    /// Subquestions (multiple choice): code and language → text.
    pub subquestions: Vec<(String, BTreeMap<String, String>)>,
}

/// A survey as LimeSurvey's TSV import reads it: its question groups, in order, each with its questions.
#[derive(Debug, Clone, Default)]
pub struct LsSurvey {
    pub groups: Vec<Vec<LsQuestion>>,
}

impl LsSurvey {
    /// Reads the tab-separated survey structure (the first row names the columns; one block of rows per
    /// language, the base language first; `G`, `Q`, `SQ` and `A` rows in survey order).
    pub fn parse(tsv: &str) -> LsSurvey {
        let mut lines = tsv.lines();
        let names: Vec<&str> = lines.next().unwrap().split('\t').collect();
        let col = |name: &str| names.iter().position(|n| *n == name).unwrap();
        let (class, name, text, language) = (col("class"), col("name"), col("text"), col("language"));
        let kind = col("type/scale");
        let mut survey = LsSurvey::default();
        // Position in the base language's structure, replayed for every other language block.
        let mut block_language = String::new();
        let (mut g, mut q) = (usize::MAX, usize::MAX);
        let (mut a, mut sq) = (0, 0);
        for line in lines {
            let cells: Vec<&str> = line.split('\t').collect();
            let cell = |i: usize| cells.get(i).copied().unwrap_or("");
            let lang = cell(language).to_string();
            match cell(class) {
                "G" => {
                    if lang != block_language {
                        block_language.clone_from(&lang);
                        g = usize::MAX;
                    }
                    g = g.wrapping_add(1);
                    q = usize::MAX;
                    if survey.groups.len() <= g {
                        survey.groups.push(Vec::new());
                    }
                }
                "Q" => {
                    q = q.wrapping_add(1);
                    (a, sq) = (0, 0);
                    let group = &mut survey.groups[g];
                    if group.len() <= q {
                        group.push(LsQuestion {
                            code: cell(name).to_string(),
                            kind: cell(kind).to_string(),
                            ..LsQuestion::default()
                        });
                    }
                    group[q].text.insert(lang, cell(text).to_string());
                }
                "A" => {
                    let question = &mut survey.groups[g][q];
                    if question.answers.len() <= a {
                        question.answers.push((cell(name).to_string(), BTreeMap::new()));
                    }
                    question.answers[a].1.insert(lang, cell(text).to_string());
                    a += 1;
                }
                "SQ" => {
                    let question = &mut survey.groups[g][q];
                    if question.subquestions.len() <= sq {
                        question.subquestions.push((cell(name).to_string(), BTreeMap::new()));
                    }
                    question.subquestions[sq].1.insert(lang, cell(text).to_string());
                    sq += 1;
                }
                _ => {}
            }
        }
        survey
    }

    pub fn questions(&self) -> impl Iterator<Item = &LsQuestion> {
        self.groups.iter().flatten()
    }
}

/// How a response export is made: its headings, its answers and its language.
#[derive(Debug, Clone, Copy)]
pub struct LsExport<'a> {
    /// "Full question text" headings instead of "Question code".
    pub full_headings: bool,
    /// "Full answers" instead of "Answer codes".
    pub full_answers: bool,
    pub language: &'a str,
}

/// What one respondent answered, in the survey's own terms: per question code, the answer code chosen
/// (list), the subquestion codes ticked (multiple choice), or the text typed.
#[derive(Debug, Clone, Default)]
pub struct LsResponse {
    pub values: BTreeMap<String, LsValue>,
    pub submitted: Option<String>,
    pub last_page: u32,
}

#[derive(Debug, Clone)]
pub enum LsValue {
    Answer(String),
    Ticked(Vec<String>),
    Typed(String),
}

/// The full headings of LimeSurvey's own columns in the export language (its `locale` catalogues).
fn standard_heading(code: &str, language: &str) -> &'static str {
    let texts: [(&str, [&str; 3]); 7] = [
        ("id", ["Vastaus-ID", "Svars-ID", "Response ID"]),
        ("submitdate", ["Lähetys päivämäärä", "Datum inskickad", "Date submitted"]),
        ("lastpage", ["Viimeinen sivu", "Sista sidan", "Last page"]),
        ("startlanguage", ["Aloituskieli", "Startspråk", "Start language"]),
        ("seed", ["Siemen", "Frö", "Seed"]),
        ("startdate", ["Aloituspäivämäärä", "Datum påbörjad", "Date started"]),
        ("datestamp", ["Viimeisimmän toiminteen päivämäärä", "Datum senaste åtgärd", "Date last action"]),
    ];
    let index = match language {
        "fi" => 0,
        "sv" => 1,
        _ => 2,
    };
    texts.iter().find(|(c, _)| *c == code).map(|(_, t)| t[index]).unwrap()
}

/// `Yes` and `No` of a multiple-choice box in the full answers, in the export language.
fn yes_no(language: &str) -> (&'static str, &'static str) {
    match language {
        "fi" => ("Kyllä", "Ei"),
        "sv" => ("Ja", "Nej"),
        _ => ("Yes", "No"),
    }
}

/// A heading's text as `viewHelper::flatten()` leaves it: tags gone, `&`, `<`, `>` escaped.
fn flattened(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A CSV field as `CsvWriter::csvEscape()` writes it: always quoted, quotes doubled, line breaks as LF.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace("\r\n", "\n").replace('"', "\"\""))
}

impl LsSurvey {
    /// The response export of `responses`, as LimeSurvey's CSV writer writes it.
    pub fn export(&self, responses: &[LsResponse], how: LsExport<'_>) -> Vec<u8> {
        let lang = how.language;
        let mut headings: Vec<String> =
            ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
                .iter()
                .map(
                    |code| {
                        if how.full_headings { standard_heading(code, lang).to_string() } else { (*code).to_string() }
                    },
                )
                .collect();
        for question in self.questions() {
            let text = flattened(&question.text[lang]);
            if question.kind == "M" {
                for (sq, texts) in &question.subquestions {
                    headings.push(if how.full_headings {
                        format!("{text} [{}]", flattened(&texts[lang]))
                    } else {
                        format!("{}[{sq}]", question.code)
                    });
                }
            } else {
                headings.push(if how.full_headings { text } else { question.code.clone() });
            }
        }
        let mut out = vec![0xEF, 0xBB, 0xBF];
        let record = |cells: &[String], out: &mut Vec<u8>| {
            let line: Vec<String> = cells.iter().map(|c| quoted(c)).collect();
            out.extend_from_slice(line.join(",").as_bytes());
            out.extend_from_slice(b"\r\n");
        };
        record(&headings, &mut out);
        let (yes, no) = yes_no(lang);
        for (n, response) in responses.iter().enumerate() {
            let started = "2026-11-20 09:00:00".to_string();
            let mut cells = vec![
                (n + 1).to_string(),
                response.submitted.clone().unwrap_or_default(),
                response.last_page.to_string(),
                lang.to_string(),
                "123456789".to_string(),
                started.clone(),
                response.submitted.clone().unwrap_or(started),
            ];
            for question in self.questions() {
                let value = response.values.get(&question.code);
                if question.kind == "M" {
                    let ticked: &[String] = match value {
                        Some(LsValue::Ticked(codes)) => codes,
                        _ => &[],
                    };
                    let answered = value.is_some();
                    for (sq, _) in &question.subquestions {
                        let on = ticked.contains(sq);
                        cells.push(match (how.full_answers, on, answered) {
                            (false, true, true) => "Y".to_string(),
                            (true, true, true) => yes.to_string(),
                            (true, false, true) => no.to_string(),
                            _ => String::new(),
                        });
                    }
                    continue;
                }
                cells.push(match value {
                    None => String::new(),
                    Some(LsValue::Answer(code)) if how.full_answers => question
                        .answers
                        .iter()
                        .find(|(c, _)| c == code)
                        .map(|(_, texts)| texts[lang].split_whitespace().collect::<Vec<_>>().join(" "))
                        .unwrap(),
                    Some(LsValue::Answer(code)) => code.clone(),
                    Some(LsValue::Typed(text)) => text.clone(),
                    Some(LsValue::Ticked(_)) => unreachable!("ticked boxes belong to a multiple-choice question"),
                });
            }
            record(&cells, &mut out);
        }
        out
    }
}

/// The answers of an answer sheet (TOML, as a municipality writes one) as a respondent would give them in
/// the survey: each question found by its Finnish text, each option by its label, each level by its place
/// among the survey's answers.
pub fn response_of(survey: &LsSurvey, questionnaire: &toml::Table, sheet: &toml::Table) -> LsResponse {
    let mut response = LsResponse { submitted: Some("2026-11-22 10:15:32".into()), ..LsResponse::default() };
    response.last_page = u32::try_from(survey.groups.len()).unwrap();
    let find = |text: &str| survey.questions().find(|q| q.text.get("fi").map(String::as_str) == Some(text.trim()));
    let by_text = |question: &LsQuestion, text: &str| {
        question.answers.iter().find(|(_, texts)| texts["fi"] == text).map(|(code, _)| code.clone())
    };
    let respondent = sheet["respondent"].as_table().unwrap();
    let typed = |key: &str| respondent.get(key).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string));
    for (key, code) in [("municipality", "municipality"), ("role", "role"), ("population", "population")] {
        if let Some(value) = typed(key) {
            response.values.insert(code.to_string(), LsValue::Typed(value));
        }
    }
    if let Some(date) = typed("date") {
        response.values.insert("assessmentDate".into(), LsValue::Typed(format!("{date} 00:00:00")));
    }
    if let Some(region) = typed("region") {
        let question = survey.questions().find(|q| q.code == "region").unwrap();
        response.values.insert("region".into(), LsValue::Answer(by_text(question, &region).unwrap()));
    }
    let questions = questionnaire["question"].as_array().unwrap();
    for (id, answer) in sheet["answers"].as_table().unwrap() {
        let spec = questions.iter().find(|q| q["id"].as_str() == Some(id)).unwrap();
        let question = find(spec["text"]["fi"].as_str().unwrap()).unwrap_or_else(|| panic!("{id} is in the survey"));
        let label = |option: &str| -> String {
            let options = spec["option"].as_array().unwrap();
            let found = options.iter().find(|o| o["id"].as_str() == Some(option)).unwrap();
            found["label"]["fi"].as_str().unwrap().to_string()
        };
        let special = |word: &str| match word {
            "dk" => "En tiedä",
            _ => "Ei koske",
        };
        let value = match (spec["kind"].as_str().unwrap(), answer) {
            ("multi", toml::Value::Array(options)) => {
                let labels: Vec<String> = options.iter().map(|o| label(o.as_str().unwrap())).collect();
                let ticked =
                    question.subquestions.iter().filter(|(_, t)| labels.contains(&t["fi"])).map(|(c, _)| c.clone());
                LsValue::Ticked(ticked.collect())
            }
            ("multi", toml::Value::String(word)) => {
                let (code, _) = question.subquestions.iter().find(|(_, t)| t["fi"] == special(word)).unwrap();
                LsValue::Ticked(vec![code.clone()])
            }
            (_, toml::Value::String(word)) if word == "dk" || word == "na" => {
                LsValue::Answer(by_text(question, special(word)).unwrap())
            }
            ("level", toml::Value::Integer(level)) => {
                LsValue::Answer(question.answers[usize::try_from(*level).unwrap()].0.clone())
            }
            ("choice", toml::Value::String(option)) => LsValue::Answer(by_text(question, &label(option)).unwrap()),
            ("yesno", toml::Value::Boolean(yes)) => {
                LsValue::Answer(by_text(question, if *yes { "Kyllä" } else { "Ei" }).unwrap())
            }
            ("number", number) => LsValue::Typed(number.to_string()),
            (_, toml::Value::String(text)) => LsValue::Typed(text.clone()),
            (kind, value) => panic!("{id}: a {kind} answer {value:?}"),
        };
        response.values.insert(question.code.clone(), value);
    }
    response
}

/// What a respondent answered, by question id, in words a survey shows: a level's scale label, an option's
/// label, "Kyllä"/"Ei", "En tiedä", "Ei koske", a number, a text; a multi answer as its labels.
#[derive(Debug, Clone)]
pub enum Shown {
    One(String),
    Many(Vec<String>),
}

/// A question's answer as a survey shows it: the question's id, its Finnish text, and the answer.
pub type ShownAnswer = (String, String, Shown);

/// One respondent's row: the answers and the municipality.
pub type Respondent<'a> = (Vec<ShownAnswer>, &'a str);

/// How a Webropol option column marks a chosen option (given its place and its label).
pub type Mark<'a> = &'a dyn Fn(usize, &str) -> String;

/// The answers of an answer sheet as a survey tool shows them in Finnish (the questionnaire's labels).
pub fn shown_answers(questionnaire: &toml::Table, sheet: &toml::Table) -> Vec<ShownAnswer> {
    let scale: Vec<String> = questionnaire["scale"]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|label| label["fi"].as_str().unwrap().to_string())
        .collect();
    let answers = sheet["answers"].as_table().unwrap();
    let mut out = Vec::new();
    for spec in questionnaire["question"].as_array().unwrap() {
        let id = spec["id"].as_str().unwrap();
        let text = spec["text"]["fi"].as_str().unwrap().to_string();
        let Some(answer) = answers.get(id) else { continue };
        let label = |option: &str| -> String {
            let options = spec["option"].as_array().unwrap();
            let found = options.iter().find(|o| o["id"].as_str() == Some(option)).unwrap();
            found["label"]["fi"].as_str().unwrap().to_string()
        };
        let shown = match (spec["kind"].as_str().unwrap(), answer) {
            (_, toml::Value::String(word)) if word == "dk" => Shown::One("En tiedä".into()),
            (_, toml::Value::String(word)) if word == "na" => Shown::One("Ei koske".into()),
            ("level", toml::Value::Integer(level)) => Shown::One(scale[usize::try_from(*level).unwrap()].clone()),
            ("choice", toml::Value::String(option)) => Shown::One(label(option)),
            ("multi", toml::Value::Array(options)) => {
                Shown::Many(options.iter().map(|o| label(o.as_str().unwrap())).collect())
            }
            ("yesno", toml::Value::Boolean(yes)) => Shown::One(if *yes { "Kyllä" } else { "Ei" }.into()),
            ("number", number) => Shown::One(number.to_string()),
            (_, toml::Value::String(text)) => Shown::One(text.clone()),
            (kind, value) => panic!("{id}: a {kind} answer {value:?}"),
        };
        out.push((id.to_string(), text, shown));
    }
    out
}

/// The options of a multi question, by id, as their Finnish labels.
pub fn option_labels(questionnaire: &toml::Table, id: &str) -> Vec<String> {
    let spec = questionnaire["question"].as_array().unwrap().iter().find(|q| q["id"].as_str() == Some(id)).unwrap();
    spec["option"].as_array().unwrap().iter().map(|o| o["label"]["fi"].as_str().unwrap().to_string()).collect()
}

/// A Microsoft Forms response workbook ("Open in Excel"): `ID`, `Start time`, `Completion time` (Excel date
/// values), `Email`, `Name`, then one column per question headed by its text; a choice as its label, a
/// multiple choice as its labels each followed by `;` (`A;B;`), a typed "Other" answer as its text among them.
pub fn forms_xlsx(rows: &[Respondent<'_>], extra_other: Option<(&str, &str)>) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Sheet1").unwrap();
    let mut headers: Vec<String> =
        ["ID", "Start time", "Completion time", "Email", "Name", "Kunta"].iter().map(|h| (*h).to_string()).collect();
    headers.extend(rows[0].0.iter().map(|(_, text, _)| text.clone()));
    for (c, header) in headers.iter().enumerate() {
        sheet.write_string(0, u16::try_from(c).unwrap(), header).unwrap();
    }
    let when = Format::new().set_num_format("m/d/yy h:mm:ss");
    for (r, (answers, municipality)) in rows.iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap();
        sheet.write_number(row, 0, f64::from(row)).unwrap();
        let start = ExcelDateTime::parse_from_str("2026-11-22 10:01:02").unwrap();
        let done = ExcelDateTime::parse_from_str("2026-11-22 10:29:00").unwrap();
        sheet.write_datetime_with_format(row, 1, &start, &when).unwrap();
        sheet.write_datetime_with_format(row, 2, &done, &when).unwrap();
        sheet.write_string(row, 3, "anonymous").unwrap();
        sheet.write_string(row, 5, *municipality).unwrap();
        for (i, (id, _, shown)) in answers.iter().enumerate() {
            let column = u16::try_from(6 + i).unwrap();
            let text = match shown {
                Shown::One(text) => text.clone(),
                Shown::Many(labels) => {
                    let mut text: String = labels.iter().fold(String::new(), |mut text, label| {
                        text.push_str(label);
                        text.push(';');
                        text
                    });
                    if let Some((other_id, other)) = extra_other
                        && other_id == id
                    {
                        text.push_str(&format!("{other};"));
                    }
                    text
                }
            };
            match text.parse::<f64>() {
                Ok(number) => sheet.write_number(row, column, number).unwrap(),
                Err(_) => sheet.write_string(row, column, &text).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

/// A Webropol result workbook as the issue describes Webropol's export: a first header row of question
/// texts, a multiple-choice question's text over the first of its option columns (the others empty, as a
/// merged cell reads), a second header row of the option labels over those columns, and a respondent's
/// row with `1`, `X` or the option's label in the columns of the options chosen; other answers as labels;
/// the time of answering (`Vastausaika`, `22.11.2026 10:15`).
pub fn webropol_xlsx(questionnaire: &toml::Table, rows: &[Respondent<'_>], mark: Mark<'_>) -> Vec<u8> {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Vastaukset").unwrap();
    sheet.write_string(0, 0, "Vastausaika").unwrap();
    sheet.write_string(0, 1, "Kunta").unwrap();
    let mut column = 2u16;
    let mut columns: Vec<(String, u16, Vec<String>)> = Vec::new();
    for (id, text, shown) in &rows[0].0 {
        sheet.write_string(0, column, text).unwrap();
        match shown {
            Shown::Many(_) => {
                let labels = option_labels(questionnaire, id);
                for (k, label) in labels.iter().enumerate() {
                    sheet.write_string(1, column + u16::try_from(k).unwrap(), label).unwrap();
                }
                columns.push((id.clone(), column, labels.clone()));
                column += u16::try_from(labels.len()).unwrap();
            }
            Shown::One(_) => {
                columns.push((id.clone(), column, Vec::new()));
                column += 1;
            }
        }
    }
    for (r, (answers, municipality)) in rows.iter().enumerate() {
        let row = u32::try_from(r + 2).unwrap();
        sheet.write_string(row, 0, "22.11.2026 10:15").unwrap();
        sheet.write_string(row, 1, *municipality).unwrap();
        for ((id, _, shown), (_, at, labels)) in answers.iter().zip(&columns) {
            match shown {
                Shown::One(text) => match text.parse::<f64>() {
                    Ok(number) => sheet.write_number(row, *at, number).unwrap(),
                    Err(_) => sheet.write_string(row, *at, text).unwrap(),
                },
                Shown::Many(chosen) => {
                    for (k, label) in labels.iter().enumerate() {
                        if chosen.contains(label) {
                            sheet.write_string(row, *at + u16::try_from(k).unwrap(), mark(k, label)).unwrap();
                        }
                    }
                    let _ = id;
                    continue;
                }
            };
        }
    }
    book.save_to_buffer().unwrap()
}
