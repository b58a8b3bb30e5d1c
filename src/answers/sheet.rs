//! Answer sheets in files: reading TOML or JSON, checking them against a questionnaire, and writing them.
//!
//! Both formats are first read into one generic tree (`serde_json::Value`) with the position of each key
//! and value kept aside, so one code path checks both and TOML problems carry `line:column`. JSON has no
//! value spans in `serde_json`; the position of an answer's key is found in the text instead.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Pos, Severity, closest};
use crate::i18n::{Lang, messages as m};
use crate::questionnaire::Questionnaire;
use crate::regions;

use super::{AnswerProblem, AnswerSheet, Respondent, interpret, shown};

/// The two file formats of an answer sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Json,
}

impl Format {
    /// By extension; otherwise JSON when the text starts with `{`.
    pub fn detect(path: &std::path::Path, text: &str) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("json") => Format::Json,
            Some("toml") => Format::Toml,
            _ if text.trim_start().starts_with('{') => Format::Json,
            _ => Format::Toml,
        }
    }
}

/// A problem in an answer sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetProblem {
    Syntax(String),
    NotATable,
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    Missing(&'static str),
    /// A metadata field of the wrong type (`respondent.population = "many"`).
    WrongFieldType {
        field: String,
        expected: &'static str,
    },
    WrongQuestionnaire {
        sheet: String,
        expected: String,
    },
    VersionDiffers {
        sheet: String,
        questionnaire: String,
    },
    UnknownQuestion {
        id: String,
        suggestion: Option<String>,
    },
    Answer {
        question: String,
        value: String,
        problem: AnswerProblem,
    },
    NoteForUnknownQuestion {
        id: String,
    },
    BadMunicipalityCode(String),
    BadDate(String),
    UnknownRegion(String),
}

impl SheetProblem {
    pub fn severity(&self) -> Severity {
        match self {
            SheetProblem::VersionDiffers { .. } | SheetProblem::UnknownRegion(_) => Severity::Warning,
            _ => Severity::Error,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use SheetProblem as P;
        let with_suggestion = |base: String, suggestion: &Option<String>| match suggestion {
            Some(s) => format!("{base} ({})", m::DID_YOU_MEAN.fill(lang, &[s])),
            None => base,
        };
        match self {
            P::Syntax(text) => format!("{}{}", m::S_SHEET_SYNTAX.get(lang), crate::i18n::cause_line(lang, text)),
            P::NotATable => m::S_NOT_A_TABLE.get(lang).to_string(),
            P::UnknownKey { key, suggestion } => with_suggestion(m::UNKNOWN_KEY.fill(lang, &[key]), suggestion),
            P::Missing(key) => m::S_MISSING.fill(lang, &[key]),
            P::WrongFieldType { field, expected } => {
                let expected = match *expected {
                    "integer" => m::EXPECT_INTEGER.get(lang),
                    "table" => m::EXPECT_TABLE.get(lang),
                    _ => m::EXPECT_STRING.get(lang),
                };
                m::S_WRONG_FIELD_TYPE.fill(lang, &[field, &expected])
            }
            P::WrongQuestionnaire { sheet, expected } => m::S_WRONG_QUESTIONNAIRE.fill(lang, &[sheet, expected]),
            P::VersionDiffers { sheet, questionnaire } => m::S_VERSION_DIFFERS.fill(lang, &[sheet, questionnaire]),
            P::UnknownQuestion { id, suggestion } => {
                with_suggestion(m::S_UNKNOWN_QUESTION.fill(lang, &[id]), suggestion)
            }
            P::Answer { question, value, problem } => problem.message(lang, question, value),
            P::NoteForUnknownQuestion { id } => m::S_NOTE_FOR_UNKNOWN_QUESTION.fill(lang, &[id]),
            P::BadMunicipalityCode(code) => m::S_BAD_MUNICIPALITY_CODE.fill(lang, &[code]),
            P::BadDate(date) => m::S_BAD_DATE.fill(lang, &[date]),
            P::UnknownRegion(region) => m::S_UNKNOWN_REGION.fill(lang, &[region]),
        }
    }
}

/// A sheet problem with its position, when the format gives one.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetFinding {
    pub problem: SheetProblem,
    pub pos: Option<Pos>,
}

impl SheetFinding {
    pub fn diagnostic(&self, file: &str, lang: Lang) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            pos: self.pos,
            severity: self.problem.severity(),
            message: self.problem.message(lang),
        }
    }
}

/// What reading a sheet against a questionnaire found.
struct Reading {
    sheet: AnswerSheet,
    findings: Vec<SheetFinding>,
    unfit: Map<String, Value>,
    unfit_notes: Map<String, Value>,
    wrong_questionnaire: bool,
}

/// An interview draft read against a (possibly newer) questionnaire.
#[derive(Debug, Clone)]
pub struct DraftReading {
    /// Everything that fits.
    pub sheet: AnswerSheet,
    /// Why the rest does not fit.
    pub findings: Vec<SheetFinding>,
    /// Answers that do not fit the questionnaire, as written, to be kept in the draft.
    pub unfit: Map<String, Value>,
    /// Notes on questions the questionnaire no longer has, as written.
    pub unfit_notes: Map<String, Value>,
}

/// A sheet file parsed but not yet checked: the generic tree and the positions of its keys and values.
#[derive(Debug, Clone)]
pub struct ParsedSheet {
    pub root: Map<String, Value>,
    /// "answers.security.mfa" style paths (keys joined by a NUL) → (key position, value position).
    positions: HashMap<String, (Pos, Pos)>,
}

/// `interview` is the interview's own record in a draft (its language and output folder); scoring ignores it.
/// `sources` and `conflicts` are written by `merge`: who gave each answer, and how conflicts were resolved.
const TOP_KEYS: [&str; 8] =
    ["questionnaire", "questionnaire_version", "respondent", "answers", "notes", "interview", "sources", "conflicts"];
const RESPONDENT_KEYS: [&str; 8] =
    ["municipality", "municipality_code", "region", "population", "respondent", "role", "department", "date"];

impl ParsedSheet {
    /// Parses a sheet's text; a syntax error is the only problem reported at this stage.
    pub fn parse(text: &str, format: Format) -> Result<ParsedSheet, SheetFinding> {
        match format {
            Format::Toml => parse_toml(text),
            Format::Json => parse_json(text),
        }
    }

    /// The questionnaire id the sheet says it answers.
    pub fn questionnaire_id(&self) -> Option<&str> {
        self.root.get("questionnaire").and_then(Value::as_str)
    }

    fn key_pos(&self, path: &[&str]) -> Option<Pos> {
        self.positions.get(&path.join("\0")).map(|(key, _)| *key)
    }

    fn value_pos(&self, path: &[&str]) -> Option<Pos> {
        self.positions.get(&path.join("\0")).map(|(_, value)| *value)
    }

    /// Checks the sheet against `q` and returns the sheet when it has no error, with every finding.
    pub fn check(&self, q: &Questionnaire) -> (Option<AnswerSheet>, Vec<SheetFinding>) {
        let reading = self.read(q);
        let failed =
            reading.wrong_questionnaire || reading.findings.iter().any(|f| f.problem.severity() == Severity::Error);
        (if failed { None } else { Some(reading.sheet) }, reading.findings)
    }

    /// Reads an interview draft against `q`, which may be a newer version than the draft was answered for.
    ///
    /// Unlike [`ParsedSheet::check`], answers that do not fit (an unknown question, a value that no longer
    /// fits) do not fail the draft: they are returned in `unfit` with their findings, so that the interview
    /// can say which ones they are and write them back unchanged. Only a draft for another questionnaire is
    /// refused (`None`). A missing municipality is no problem: the interview asks for it.
    pub fn check_draft(&self, q: &Questionnaire) -> Option<DraftReading> {
        let reading = self.read(q);
        if reading.wrong_questionnaire {
            return None;
        }
        let findings = reading
            .findings
            .into_iter()
            .filter(|f| !matches!(f.problem, SheetProblem::Missing("respondent.municipality")))
            .collect();
        Some(DraftReading { sheet: reading.sheet, findings, unfit: reading.unfit, unfit_notes: reading.unfit_notes })
    }

    /// Reads everything that can be read, recording problems and the raw values of answers that do not fit.
    fn read(&self, q: &Questionnaire) -> Reading {
        let mut unfit = Map::new();
        let mut unfit_notes = Map::new();
        let mut findings = Vec::new();
        let mut push = |problem: SheetProblem, pos: Option<Pos>| findings.push(SheetFinding { problem, pos });

        for key in self.root.keys() {
            if !TOP_KEYS.contains(&key.as_str()) {
                let suggestion = closest(key, TOP_KEYS).map(str::to_string);
                push(SheetProblem::UnknownKey { key: key.clone(), suggestion }, self.key_pos(&[key]));
            }
        }

        let mut sheet = AnswerSheet::default();
        match self.root.get("questionnaire") {
            None => push(SheetProblem::Missing("questionnaire"), None),
            Some(Value::String(id)) if *id != q.id => {
                push(
                    SheetProblem::WrongQuestionnaire { sheet: id.clone(), expected: q.id.clone() },
                    self.value_pos(&["questionnaire"]),
                );
                // Nothing else can be judged against the wrong questionnaire.
                return Reading { sheet, findings, unfit, unfit_notes, wrong_questionnaire: true };
            }
            Some(Value::String(id)) => sheet.questionnaire.clone_from(id),
            Some(_) => push(
                SheetProblem::WrongFieldType { field: "questionnaire".into(), expected: "string" },
                self.value_pos(&["questionnaire"]),
            ),
        }
        match self.root.get("questionnaire_version") {
            Some(Value::String(version)) => {
                if *version != q.version {
                    push(
                        SheetProblem::VersionDiffers { sheet: version.clone(), questionnaire: q.version.clone() },
                        self.value_pos(&["questionnaire_version"]),
                    );
                }
                sheet.questionnaire_version = Some(version.clone());
            }
            Some(_) => push(
                SheetProblem::WrongFieldType { field: "questionnaire_version".into(), expected: "string" },
                self.value_pos(&["questionnaire_version"]),
            ),
            None => {}
        }

        match self.root.get("respondent") {
            Some(Value::Object(table)) => sheet.respondent = self.respondent(table, &mut push),
            Some(_) => push(
                SheetProblem::WrongFieldType { field: "respondent".into(), expected: "table" },
                self.value_pos(&["respondent"]),
            ),
            None => push(SheetProblem::Missing("respondent.municipality"), None),
        }

        let empty = Map::new();
        let answers = match self.root.get("answers") {
            Some(Value::Object(table)) => table,
            Some(_) => {
                push(
                    SheetProblem::WrongFieldType { field: "answers".into(), expected: "table" },
                    self.value_pos(&["answers"]),
                );
                &empty
            }
            None => &empty,
        };
        for (id, value) in answers {
            let Some(question) = q.question(id) else {
                let suggestion = closest(id, q.questions.iter().map(|q| q.id.as_str())).map(str::to_string);
                push(SheetProblem::UnknownQuestion { id: id.clone(), suggestion }, self.key_pos(&["answers", id]));
                unfit.insert(id.clone(), value.clone());
                continue;
            };
            match interpret(question, value) {
                Ok(answer) => {
                    sheet.answers.insert(id.clone(), answer);
                }
                Err(problem) => {
                    push(
                        SheetProblem::Answer { question: id.clone(), value: shown(value), problem },
                        self.value_pos(&["answers", id]),
                    );
                    unfit.insert(id.clone(), value.clone());
                }
            }
        }

        match self.root.get("notes") {
            Some(Value::Object(notes)) => {
                for (id, note) in notes {
                    if q.question(id).is_none() {
                        push(SheetProblem::NoteForUnknownQuestion { id: id.clone() }, self.key_pos(&["notes", id]));
                        unfit_notes.insert(id.clone(), note.clone());
                    } else if let Some(note) = note.as_str() {
                        if !note.trim().is_empty() {
                            sheet.notes.insert(id.clone(), note.to_string());
                        }
                    } else {
                        push(
                            SheetProblem::WrongFieldType { field: format!("notes.{id}"), expected: "string" },
                            self.value_pos(&["notes", id]),
                        );
                    }
                }
            }
            Some(_) => push(
                SheetProblem::WrongFieldType { field: "notes".into(), expected: "table" },
                self.value_pos(&["notes"]),
            ),
            None => {}
        }

        // A merged sheet's record of where answers came from; entries for questions the questionnaire no
        // longer has go with those answers.
        for key in ["sources", "conflicts"] {
            let target = if key == "sources" { &mut sheet.sources } else { &mut sheet.conflicts };
            match self.root.get(key) {
                Some(Value::Object(table)) => {
                    for (id, text) in table {
                        match text.as_str() {
                            Some(text) if q.question(id).is_some() => {
                                target.insert(id.clone(), text.to_string());
                            }
                            Some(_) => {}
                            None => push(
                                SheetProblem::WrongFieldType { field: format!("{key}.{id}"), expected: "string" },
                                self.value_pos(&[key, id]),
                            ),
                        }
                    }
                }
                Some(_) => {
                    push(SheetProblem::WrongFieldType { field: key.into(), expected: "table" }, self.value_pos(&[key]));
                }
                None => {}
            }
        }

        Reading { sheet, findings, unfit, unfit_notes, wrong_questionnaire: false }
    }

    fn respondent(&self, table: &Map<String, Value>, push: &mut impl FnMut(SheetProblem, Option<Pos>)) -> Respondent {
        let mut respondent = Respondent::default();
        let at = |key: &str| self.value_pos(&["respondent", key]);
        let text = |key: &str, push: &mut dyn FnMut(SheetProblem, Option<Pos>)| -> Option<String> {
            match table.get(key) {
                Some(Value::String(text)) if text.trim().is_empty() => None,
                Some(Value::String(text)) => Some(text.trim().to_string()),
                Some(_) => {
                    push(
                        SheetProblem::WrongFieldType { field: format!("respondent.{key}"), expected: "string" },
                        at(key),
                    );
                    None
                }
                None => None,
            }
        };
        for key in table.keys() {
            if !RESPONDENT_KEYS.contains(&key.as_str()) {
                let suggestion = closest(key, RESPONDENT_KEYS).map(str::to_string);
                push(
                    SheetProblem::UnknownKey { key: format!("respondent.{key}"), suggestion },
                    self.key_pos(&["respondent", key]),
                );
            }
        }
        match text("municipality", push) {
            Some(name) => respondent.municipality = name,
            None => push(SheetProblem::Missing("respondent.municipality"), self.value_pos(&["respondent"])),
        }
        respondent.municipality_code = match table.get("municipality_code") {
            // A code written as a TOML integer has lost its leading zeros; they are put back.
            Some(Value::Number(n)) => match n.as_u64().filter(|n| *n <= 999) {
                Some(code) => Some(format!("{code:03}")),
                None => {
                    push(SheetProblem::BadMunicipalityCode(n.to_string()), at("municipality_code"));
                    None
                }
            },
            _ => text("municipality_code", push).and_then(|code| {
                if code.len() == 3 && code.chars().all(|c| c.is_ascii_digit()) {
                    Some(code)
                } else {
                    push(SheetProblem::BadMunicipalityCode(code), at("municipality_code"));
                    None
                }
            }),
        };
        respondent.region = text("region", push);
        if let Some(region) = &respondent.region
            && regions::find(region).is_none()
        {
            push(SheetProblem::UnknownRegion(region.clone()), at("region"));
        }
        respondent.population = match table.get("population") {
            None => None,
            Some(value) => match value.as_u64() {
                Some(population) => Some(population),
                None => {
                    push(
                        SheetProblem::WrongFieldType { field: "respondent.population".into(), expected: "integer" },
                        at("population"),
                    );
                    None
                }
            },
        };
        respondent.respondent = text("respondent", push);
        respondent.role = text("role", push);
        respondent.department = text("department", push);
        respondent.date = text("date", push).and_then(|date| {
            if crate::clock::is_valid_date(&date) {
                Some(date)
            } else {
                push(SheetProblem::BadDate(date), at("date"));
                None
            }
        });
        respondent
    }
}

fn parse_toml(text: &str) -> Result<ParsedSheet, SheetFinding> {
    let root = DeTable::parse(text).map_err(|error| SheetFinding {
        problem: SheetProblem::Syntax(error.message().trim().to_string()),
        pos: error.span().map(|span| Pos::of_offset(text, span.start)),
    })?;
    let mut positions = HashMap::new();
    let mut map = Map::new();
    for (key, value) in root.get_ref() {
        map.insert(key.get_ref().to_string(), convert(text, value, key.get_ref().as_ref(), key, &mut positions));
    }
    Ok(ParsedSheet { root: map, positions })
}

/// Converts a TOML value to JSON, recording the positions of every key and value under its path.
fn convert(
    text: &str,
    value: &Spanned<DeValue<'_>>,
    path: &str,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    positions: &mut HashMap<String, (Pos, Pos)>,
) -> Value {
    positions
        .insert(path.to_string(), (Pos::of_offset(text, key.span().start), Pos::of_offset(text, value.span().start)));
    match value.get_ref() {
        DeValue::String(s) => Value::from(s.as_ref()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str().replace('_', "").trim_start_matches('+'), i.radix())
            .map_or_else(|_| Value::from(i.as_str()), Value::from),
        DeValue::Float(f) => {
            let parsed: Option<f64> = f.as_str().replace('_', "").parse().ok();
            parsed.and_then(serde_json::Number::from_f64).map_or_else(|| Value::from(f.as_str()), Value::Number)
        }
        DeValue::Boolean(b) => Value::from(*b),
        DeValue::Datetime(d) => Value::from(d.to_string()),
        DeValue::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| convert(text, item, &format!("{path}\0{i}"), key, positions))
                .collect(),
        ),
        DeValue::Table(table) => Value::Object(
            table
                .iter()
                .map(|(k, v)| {
                    (k.get_ref().to_string(), convert(text, v, &format!("{path}\0{}", k.get_ref()), k, positions))
                })
                .collect(),
        ),
    }
}

fn parse_json(text: &str) -> Result<ParsedSheet, SheetFinding> {
    let value: Value = serde_json::from_str(text).map_err(|error| SheetFinding {
        problem: SheetProblem::Syntax(json_message(&error)),
        pos: Some(Pos { line: error.line(), column: error.column() }),
    })?;
    let Value::Object(root) = value else {
        return Err(SheetFinding { problem: SheetProblem::NotATable, pos: Some(Pos { line: 1, column: 1 }) });
    };
    let mut positions = HashMap::new();
    // serde_json keeps no spans; the key positions of the answers and notes are found in the text, which is
    // where a reader looks for them. Keys are unique within a JSON object, so the first match after the
    // section's own key is the one.
    for section in ["answers", "notes", "respondent"] {
        let Some(Value::Object(table)) = root.get(section) else { continue };
        let Some(start) = find_json_key(text, section, 0) else { continue };
        for key in table.keys() {
            if let Some(at) = find_json_key(text, key, start) {
                let pos = Pos::of_offset(text, at);
                positions.insert(format!("{section}\0{key}"), (pos, pos));
            }
        }
    }
    Ok(ParsedSheet { root, positions })
}

/// The byte offset of `"key"` followed by `:` at or after `from`.
fn find_json_key(text: &str, key: &str, from: usize) -> Option<usize> {
    let quoted = serde_json::to_string(key).ok()?;
    let mut at = from;
    while let Some(found) = text.get(at..)?.find(&quoted) {
        let start = at + found;
        let rest = text[start + quoted.len()..].trim_start();
        if rest.starts_with(':') {
            return Some(start);
        }
        at = start + quoted.len();
    }
    None
}

/// `serde_json`'s message without its trailing "at line L column C", which the position already says.
fn json_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// Writes a sheet as TOML, answers and notes in questionnaire order, so that a person can read and edit it.
pub fn to_toml(sheet: &AnswerSheet, q: &Questionnaire) -> String {
    to_toml_keeping(sheet, q, &Map::new(), &Map::new())
}

/// Writes a sheet as TOML together with answers and notes that do not fit the questionnaire (kept as
/// they were written, after the ones that fit), so that a draft never loses an answer.
pub fn to_toml_keeping(
    sheet: &AnswerSheet,
    q: &Questionnaire,
    unfit: &Map<String, Value>,
    unfit_notes: &Map<String, Value>,
) -> String {
    let mut root = toml::Table::new();
    root.insert("questionnaire".into(), sheet.questionnaire.clone().into());
    if let Some(version) = &sheet.questionnaire_version {
        root.insert("questionnaire_version".into(), version.clone().into());
    }
    let r = &sheet.respondent;
    let mut respondent = toml::Table::new();
    respondent.insert("municipality".into(), r.municipality.clone().into());
    let optional = [
        ("municipality_code", &r.municipality_code),
        ("region", &r.region),
        ("respondent", &r.respondent),
        ("role", &r.role),
        ("department", &r.department),
        ("date", &r.date),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            respondent.insert(key.into(), value.clone().into());
        }
    }
    if let Some(population) = r.population {
        respondent.insert("population".into(), i64::try_from(population).unwrap_or(i64::MAX).into());
    }
    root.insert("respondent".into(), respondent.into());
    let order: BTreeMap<&str, usize> = q.questions.iter().enumerate().map(|(i, q)| (q.id.as_str(), i)).collect();
    let sorted = |ids: &mut Vec<&String>| {
        ids.sort_by_key(|id| (order.get(id.as_str()).copied().unwrap_or(usize::MAX), (*id).clone()));
    };
    let mut answers = toml::Table::new();
    let mut ids: Vec<&String> = sheet.answers.keys().collect();
    sorted(&mut ids);
    for id in ids {
        let value = sheet.answers[id].to_value();
        answers.insert(id.clone(), toml::Value::try_from(value).unwrap_or_else(|_| toml::Value::from("")));
    }
    for (id, value) in unfit {
        if let Ok(value) = toml::Value::try_from(value) {
            answers.entry(id.clone()).or_insert(value);
        }
    }
    root.insert("answers".into(), answers.into());
    let mut notes = toml::Table::new();
    let mut ids: Vec<&String> = sheet.notes.keys().collect();
    sorted(&mut ids);
    for id in ids {
        notes.insert(id.clone(), sheet.notes[id].clone().into());
    }
    for (id, note) in unfit_notes {
        if let Some(note) = note.as_str() {
            notes.entry(id.clone()).or_insert_with(|| note.into());
        }
    }
    root.insert("notes".into(), notes.into());
    // Only a merged sheet has these; a single respondent's sheet stays as it always was.
    for (key, table) in [("sources", &sheet.sources), ("conflicts", &sheet.conflicts)] {
        if !table.is_empty() {
            let mut ids: Vec<&String> = table.keys().collect();
            sorted(&mut ids);
            let written: toml::Table = ids.into_iter().map(|id| (id.clone(), table[id].clone().into())).collect();
            root.insert(key.into(), written.into());
        }
    }
    toml::to_string(&root).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::questionnaire::fixtures::small;

    const SHEET: &str = r#"
questionnaire = "pieni"
questionnaire_version = "1.0.0"
[respondent]
municipality = "Kustavi"
municipality_code = "304"
region = "Varsinais-Suomi"
population = 1000
date = "2026-11-22"
[answers]
"a.level" = 3
"a.choice" = "some"
"a.multi" = ["p", "r"]
"a.number" = 45.5
"t.yes" = true
"t.two" = "na"
"x.free" = "vapaa teksti"
[notes]
"a.level" = "todettu"
"#;

    fn check(text: &str, format: Format) -> (Option<AnswerSheet>, Vec<SheetFinding>) {
        ParsedSheet::parse(text, format).unwrap().check(&small())
    }

    #[test]
    fn reads_a_toml_sheet() {
        let (sheet, findings) = check(SHEET, Format::Toml);
        assert_eq!(findings, vec![]);
        let sheet = sheet.unwrap();
        assert_eq!(sheet.respondent.municipality, "Kustavi");
        assert_eq!(sheet.respondent.population, Some(1000));
        assert_eq!(sheet.answers["a.multi"], Answer::Multi(vec!["p".into(), "r".into()]));
        assert_eq!(sheet.answers["t.two"], Answer::NotApplicable);
        assert_eq!(sheet.notes["a.level"], "todettu");
    }

    #[test]
    fn reports_every_bad_answer_with_its_line_and_column() {
        let text = SHEET
            .replace("\"a.level\" = 3", "\"a.level\" = 7")
            .replace("\"a.choice\" = \"some\"", "\"a.choice\" = \"lots\"")
            .replace("\"t.yes\" = true", "\"t.yes\" = \"na\"\n\"t.nope\" = 1");
        let (sheet, findings) = check(&text, Format::Toml);
        assert!(sheet.is_none());
        let line_of = |needle: &str| text.lines().position(|l| l.starts_with(needle)).unwrap() + 1;
        let at = |id: &str| findings.iter().find(|f| f.problem.message(Lang::En).contains(id)).unwrap();
        assert_eq!(at("a.level").pos, Some(Pos { line: line_of("\"a.level\" = 7"), column: 13 }));
        assert_eq!(at("a.choice").pos.unwrap().line, line_of("\"a.choice\""));
        assert_eq!(at("t.yes").pos.unwrap().line, line_of("\"t.yes\""));
        assert_eq!(at("t.nope").pos, Some(Pos { line: line_of("\"t.nope\""), column: 1 }));
        assert_eq!(findings.len(), 4);
    }

    #[test]
    fn a_sheet_for_another_questionnaire_names_both_ids() {
        let text = SHEET.replace("questionnaire = \"pieni\"", "questionnaire = \"muu\"");
        let (sheet, findings) = check(&text, Format::Toml);
        assert!(sheet.is_none());
        let message = findings[0].problem.message(Lang::En);
        assert!(message.contains("`muu`") && message.contains("`pieni`"), "{message}");
    }

    #[test]
    fn reads_a_json_sheet_with_key_positions() {
        let json = r#"{
  "questionnaire": "pieni",
  "respondent": { "municipality": "Närpes" },
  "answers": { "a.level": 2, "a.multi": ["p", "zz"] }
}"#;
        let (sheet, findings) = check(json, Format::Json);
        assert!(sheet.is_none());
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].pos, Some(Pos { line: 4, column: 30 }));
    }

    #[test]
    fn a_truncated_json_sheet_is_a_syntax_error_with_a_position() {
        let error =
            ParsedSheet::parse("{\n  \"questionnaire\": \"pieni\",\n  \"answers\": {", Format::Json).unwrap_err();
        assert!(matches!(error.problem, SheetProblem::Syntax(_)));
        assert_eq!(error.pos.unwrap().line, 3);
    }

    #[test]
    fn checks_the_respondent_details() {
        let text = SHEET
            .replace("municipality = \"Kustavi\"\n", "")
            .replace("\"304\"", "\"30x\"")
            .replace("\"2026-11-22\"", "\"2026-02-30\"")
            .replace("population = 1000", "population = \"many\"\nname = \"x\"");
        let (_, findings) = check(&text, Format::Toml);
        let problems: Vec<_> = findings.iter().map(|f| f.problem.clone()).collect();
        assert!(problems.contains(&SheetProblem::Missing("respondent.municipality")));
        assert!(problems.contains(&SheetProblem::BadMunicipalityCode("30x".into())));
        assert!(problems.contains(&SheetProblem::BadDate("2026-02-30".into())));
        assert!(
            problems
                .contains(&SheetProblem::WrongFieldType { field: "respondent.population".into(), expected: "integer" })
        );
        assert!(problems.iter().any(|p| matches!(p, SheetProblem::UnknownKey { key, .. } if key == "respondent.name")));
    }

    #[test]
    fn a_municipality_code_written_as_an_integer_gets_its_zeros_back() {
        let text = SHEET.replace("\"304\"", "49");
        let (sheet, _) = check(&text, Format::Toml);
        assert_eq!(sheet.unwrap().respondent.municipality_code.as_deref(), Some("049"));
    }

    #[test]
    fn a_written_sheet_reads_back_the_same() {
        let q = small();
        let (sheet, _) = check(SHEET, Format::Toml);
        let sheet = sheet.unwrap();
        let text = to_toml(&sheet, &q);
        let (again, findings) = ParsedSheet::parse(&text, Format::Toml).unwrap().check(&q);
        assert_eq!(findings, vec![]);
        assert_eq!(again.unwrap(), sheet);
        assert!(text.find("a.level").unwrap() < text.find("x.free").unwrap(), "questionnaire order");
    }

    pub(crate) mod round_trip {
        use super::*;
        use crate::answers::Respondent;
        use crate::questionnaire::{Kind, Questionnaire};
        use proptest::prelude::*;

        /// Any valid answer to each question of the small questionnaire, or none.
        fn answer(question: &crate::questionnaire::Question) -> BoxedStrategy<Option<Answer>> {
            let value: BoxedStrategy<Answer> = match &question.kind {
                Kind::Level { .. } => (0..=4u32).prop_map(Answer::Level).boxed(),
                Kind::Choice { options } => {
                    proptest::sample::select(options.iter().map(|o| o.id.clone()).collect::<Vec<_>>())
                        .prop_map(Answer::Choice)
                        .boxed()
                }
                Kind::Multi { options, .. } => {
                    let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
                    proptest::sample::subsequence(ids.clone(), 0..=ids.len()).prop_map(Answer::Multi).boxed()
                }
                Kind::YesNo => any::<bool>().prop_map(Answer::YesNo).boxed(),
                Kind::Number { min, max, .. } => {
                    (min.unwrap_or(-1e9)..=max.unwrap_or(1e9)).prop_map(Answer::Number).boxed()
                }
                // Quotes, backslashes, newlines and non-ASCII are what break hand-made writers.
                Kind::Text => "[a-zåäöÅÄÖ \"'\\\n\t=#\\[\\]]{1,40}".prop_map(Answer::Text).boxed(),
            };
            let mut choices = vec![(3, value.prop_map(Some).boxed()), (1, Just(None).boxed())];
            choices.push((1, Just(Some(Answer::DontKnow)).boxed()));
            if question.allow_na {
                choices.push((1, Just(Some(Answer::NotApplicable)).boxed()));
            }
            proptest::strategy::Union::new_weighted(choices).boxed()
        }

        /// Any sheet for the small questionnaire that a person or the interview could have written.
        pub(crate) fn sheets() -> impl Strategy<Value = AnswerSheet> {
            let q = small();
            let answers: Vec<_> = q.questions.iter().map(answer).collect();
            let ids: Vec<String> = q.questions.iter().map(|x| x.id.clone()).collect();
            // Notes may span lines and hold any printable text; a blank note is no note.
            let note = proptest::option::of(
                "[^\\x00-\\x08\\x0b-\\x1f\\x7f]{0,30}[^\\s\\x00-\\x1f\\x7f][^\\x00-\\x08\\x0b-\\x1f\\x7f]{0,30}",
            );
            let notes = proptest::collection::vec(note, ids.len());
            let respondent = (
                "[A-ZÅÄÖ][a-zåäö]{1,15}( [A-ZÅÄÖ][a-zåäö]{1,10})?",
                proptest::option::of("[0-9]{3}"),
                proptest::option::of(proptest::sample::select(vec!["Uusimaa", "Egentliga Finland", "Lappi"])),
                proptest::option::of(0..1_000_000u64),
                // The reader trims respondent fields and drops blank ones, as a person would expect.
                proptest::option::of("[^\\s\\x00-\\x1f\\x7f]([^\\x00-\\x1f\\x7f]{0,28}[^\\s\\x00-\\x1f\\x7f])?"),
            );
            (answers, notes, respondent).prop_map(
                move |(answers, notes, (municipality, code, region, population, role))| AnswerSheet {
                    questionnaire: "pieni".into(),
                    questionnaire_version: Some("1.0.0".into()),
                    respondent: Respondent {
                        municipality,
                        municipality_code: code,
                        region: region.map(String::from),
                        population,
                        role,
                        date: Some("2026-11-24".into()),
                        ..Respondent::default()
                    },
                    answers: ids.iter().zip(answers).filter_map(|(id, a)| a.map(|a| (id.clone(), a))).collect(),
                    notes: ids.iter().zip(notes).filter_map(|(id, n)| n.map(|n| (id.clone(), n))).collect(),
                    ..AnswerSheet::default()
                },
            )
        }

        fn read_back(text: &str, q: &Questionnaire) -> AnswerSheet {
            let (sheet, findings) = ParsedSheet::parse(text, Format::Toml).unwrap().check(q);
            assert_eq!(findings, vec![], "{text}");
            sheet.unwrap()
        }

        proptest! {
            #[test]
            fn a_sheet_written_and_read_back_is_the_same(sheet in sheets()) {
                let q = small();
                let text = to_toml(&sheet, &q);
                prop_assert_eq!(read_back(&text, &q), sheet);
            }
        }
    }
}
