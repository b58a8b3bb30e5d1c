//! Answers: one respondent's answers to a questionnaire, typed by question kind (DESIGN.md §3).
//!
//! [`AnswerSheet`] is what scoring reads. It is built from a file by [`sheet`] (TOML or JSON) and, in later
//! stages, by the interview and the batch reader. [`interpret`] decides whether a value fits a question;
//! every reader goes through it, so a sheet, a draft and a CSV cell are held to the same rules.

pub mod sheet;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::i18n::{Lang, messages as m, short_number};
use crate::questionnaire::{Kind, Question, Questionnaire};

/// An answer to one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Level(u32),
    Choice(String),
    Multi(Vec<String>),
    YesNo(bool),
    Number(f64),
    Text(String),
    /// "na": the question does not apply (only where the question allows it).
    NotApplicable,
    /// "dk": the respondent does not know; scores 0 and counts.
    DontKnow,
}

impl Answer {
    /// The answer as it is written in a sheet and in the report record.
    pub fn to_value(&self) -> Value {
        match self {
            Answer::Level(level) => Value::from(*level),
            Answer::Choice(id) => Value::from(id.as_str()),
            Answer::Multi(ids) => Value::from(ids.clone()),
            Answer::YesNo(yes) => Value::from(*yes),
            Answer::Number(number) => Value::from(*number),
            Answer::Text(text) => Value::from(text.as_str()),
            Answer::NotApplicable => Value::from("na"),
            Answer::DontKnow => Value::from("dk"),
        }
    }

    /// The answer in words, in `lang`: a level's label, option labels, yes/no, a number with its unit.
    pub fn describe(&self, q: &Questionnaire, question: &Question, lang: Lang) -> String {
        match (self, &question.kind) {
            (Answer::Level(level), _) => {
                let label = q.scale.labels.get(*level as usize).map_or("", |label| q.text(label, lang));
                format!("{level} – {label}")
            }
            (Answer::Choice(id), kind) => option_label(q, kind, id, lang),
            (Answer::Multi(ids), _) if ids.is_empty() => m::NONE_CHOSEN.get(lang).to_string(),
            (Answer::Multi(ids), kind) => {
                ids.iter().map(|id| option_label(q, kind, id, lang)).collect::<Vec<_>>().join("; ")
            }
            (Answer::YesNo(true), _) => m::YES.get(lang).to_string(),
            (Answer::YesNo(false), _) => m::NO.get(lang).to_string(),
            (Answer::Number(value), Kind::Number { unit, .. }) => {
                let number = short_number(lang, *value);
                match unit.as_ref().map(|unit| q.text(unit, lang)) {
                    Some(unit) if !unit.is_empty() => format!("{number} {unit}"),
                    _ => number,
                }
            }
            (Answer::Number(value), _) => short_number(lang, *value),
            (Answer::Text(text), _) => text.clone(),
            (Answer::NotApplicable, _) => m::NOT_APPLICABLE.get(lang).to_string(),
            (Answer::DontKnow, _) => m::DONT_KNOW.get(lang).to_string(),
        }
    }
}

fn option_label(q: &Questionnaire, kind: &Kind, id: &str, lang: Lang) -> String {
    kind.options()
        .iter()
        .find(|option| option.id == id)
        .map_or_else(|| id.to_string(), |option| q.text(&option.label, lang).to_string())
}

/// Who answered: the municipality and the respondent's details. Only `municipality` is required.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Respondent {
    pub municipality: String,
    /// Statistics Finland's three-digit municipality code, kept as text ("049").
    pub municipality_code: Option<String>,
    pub region: Option<String>,
    pub population: Option<u64>,
    /// The respondent's name: optional, stored only if given.
    pub respondent: Option<String>,
    pub role: Option<String>,
    /// The unit within the municipality, for staff surveys grouped by department.
    pub department: Option<String>,
    /// The date of the assessment, `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// One respondent's answers to one questionnaire, checked against it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerSheet {
    pub questionnaire: String,
    pub questionnaire_version: Option<String>,
    pub respondent: Respondent,
    /// Question id → answer. A question missing here is unanswered.
    pub answers: BTreeMap<String, Answer>,
    /// Question id → the respondent's note (evidence, whom to ask).
    pub notes: BTreeMap<String, String>,
    /// Question id → who gave the answer, "role (file)"; written by `merge`, empty for one respondent.
    pub sources: BTreeMap<String, String>,
    /// Question id → how a conflict between respondents was resolved; written by `merge`.
    pub conflicts: BTreeMap<String, String>,
}

/// Why a value does not fit a question.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerProblem {
    LevelOutOfRange {
        max: u32,
    },
    UnknownOption {
        option: String,
        options: Vec<String>,
    },
    DuplicateOption {
        option: String,
    },
    NotApplicableNotAllowed,
    NumberOutOfRange {
        min: Option<f64>,
        max: Option<f64>,
    },
    /// The value has the wrong type for the question's kind.
    WrongType {
        kind: &'static str,
    },
}

impl AnswerProblem {
    /// The message in `lang`; `question` and `value` are the question id and the value as written.
    pub fn message(&self, lang: Lang, question: &str, value: &str) -> String {
        match self {
            AnswerProblem::LevelOutOfRange { max } => m::A_LEVEL_OUT_OF_RANGE.fill(lang, &[&question, &value, max]),
            AnswerProblem::UnknownOption { option, options } => {
                m::A_UNKNOWN_OPTION.fill(lang, &[&question, option, &backticked(options)])
            }
            AnswerProblem::DuplicateOption { option } => m::A_DUPLICATE_OPTION.fill(lang, &[&question, option]),
            AnswerProblem::NotApplicableNotAllowed => m::A_NA_NOT_ALLOWED.fill(lang, &[&question]),
            AnswerProblem::NumberOutOfRange { min, max } => {
                let bound = |b: &Option<f64>| b.map_or_else(|| "…".to_string(), |b| b.to_string());
                m::A_NUMBER_OUT_OF_RANGE.fill(lang, &[&question, &value, &bound(min), &bound(max)])
            }
            AnswerProblem::WrongType { kind } => {
                let expected = match *kind {
                    "level" => m::EXPECT_LEVEL.get(lang),
                    "choice" => m::EXPECT_CHOICE.get(lang),
                    "multi" => m::EXPECT_MULTI.get(lang),
                    "yesno" => m::EXPECT_YESNO.get(lang),
                    "number" => m::EXPECT_NUMBER.get(lang),
                    _ => m::EXPECT_TEXT.get(lang),
                };
                m::A_WRONG_TYPE.fill(lang, &[&question, &value, &expected])
            }
        }
    }
}

/// `a`, `b`, `c` — for lists of allowed values in messages.
pub fn backticked(items: &[String]) -> String {
    items.iter().map(|item| format!("`{item}`")).collect::<Vec<_>>().join(", ")
}

/// Interprets a sheet value as an answer to `question`.
///
/// `"na"` and `"dk"` are accepted for every kind (na only where allowed). Levels are integers (an
/// integral float such as `2.0` is accepted, as JSON writers produce them); a choice is one option id; a
/// multi answer is a list of option ids (a single id is taken as a list of one); yes/no is a boolean.
pub fn interpret(question: &Question, value: &Value) -> Result<Answer, AnswerProblem> {
    if let Some(word) = value.as_str() {
        match word.trim().to_lowercase().as_str() {
            "na" if question.allow_na => return Ok(Answer::NotApplicable),
            "na" => return Err(AnswerProblem::NotApplicableNotAllowed),
            "dk" => return Ok(Answer::DontKnow),
            _ => {}
        }
    }
    let wrong = || AnswerProblem::WrongType { kind: question.kind.name() };
    match &question.kind {
        Kind::Level { .. } => {
            let level = as_integer(value).ok_or_else(wrong)?;
            let max = question_scale_max(question);
            u32::try_from(level)
                .ok()
                .filter(|l| *l <= max)
                .map(Answer::Level)
                .ok_or(AnswerProblem::LevelOutOfRange { max })
        }
        Kind::Choice { options } => {
            let id = value.as_str().ok_or_else(wrong)?;
            find_option(options, id).map(Answer::Choice)
        }
        Kind::Multi { options, .. } => {
            let ids: Vec<&str> = match value {
                Value::String(id) => vec![id.as_str()],
                Value::Array(items) => items.iter().map(Value::as_str).collect::<Option<_>>().ok_or_else(wrong)?,
                _ => return Err(wrong()),
            };
            let mut chosen: Vec<String> = Vec::with_capacity(ids.len());
            for id in ids {
                let id = find_option(options, id)?;
                if chosen.contains(&id) {
                    return Err(AnswerProblem::DuplicateOption { option: id });
                }
                chosen.push(id);
            }
            Ok(Answer::Multi(chosen))
        }
        Kind::YesNo => value.as_bool().map(Answer::YesNo).ok_or_else(wrong),
        Kind::Number { min, max, .. } => {
            let number = value.as_f64().filter(|n| n.is_finite()).ok_or_else(wrong)?;
            check_number(number, *min, *max).map(Answer::Number)
        }
        Kind::Text => value.as_str().map(|text| Answer::Text(text.to_string())).ok_or_else(wrong),
    }
}

/// Checks a number against a question's range.
pub fn check_number(number: f64, min: Option<f64>, max: Option<f64>) -> Result<f64, AnswerProblem> {
    let below = min.is_some_and(|min| number < min);
    let above = max.is_some_and(|max| number > max);
    if below || above { Err(AnswerProblem::NumberOutOfRange { min, max }) } else { Ok(number) }
}

/// The scale maximum a level question was validated against: its levels are `max + 1`.
fn question_scale_max(question: &Question) -> u32 {
    match &question.kind {
        Kind::Level { levels, .. } => levels.len().saturating_sub(1) as u32,
        _ => 0,
    }
}

fn find_option(options: &[crate::questionnaire::Choice], id: &str) -> Result<String, AnswerProblem> {
    options.iter().find(|option| option.id == id).map(|option| option.id.clone()).ok_or_else(|| {
        AnswerProblem::UnknownOption { option: id.to_string(), options: options.iter().map(|o| o.id.clone()).collect() }
    })
}

fn as_integer(value: &Value) -> Option<i64> {
    value.as_i64().or_else(|| value.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e15).map(|f| f as i64))
}

/// A value as the user wrote it, for messages: strings without JSON quotes.
pub fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;
    use serde_json::json;

    #[test]
    fn interprets_every_kind() {
        let q = small();
        let at = |id: &str, value: Value| interpret(q.question(id).unwrap(), &value);
        assert_eq!(at("a.level", json!(3)), Ok(Answer::Level(3)));
        assert_eq!(at("a.level", json!(2.0)), Ok(Answer::Level(2)));
        assert_eq!(at("a.choice", json!("some")), Ok(Answer::Choice("some".into())));
        assert_eq!(at("a.multi", json!(["p", "r"])), Ok(Answer::Multi(vec!["p".into(), "r".into()])));
        assert_eq!(at("a.multi", json!("q")), Ok(Answer::Multi(vec!["q".into()])));
        assert_eq!(at("t.yes", json!(false)), Ok(Answer::YesNo(false)));
        assert_eq!(at("a.number", json!(45.5)), Ok(Answer::Number(45.5)));
        assert_eq!(at("a.number", json!(45)), Ok(Answer::Number(45.0)));
        assert_eq!(at("x.free", json!("hei")), Ok(Answer::Text("hei".into())));
        assert_eq!(at("a.level", json!("na")), Ok(Answer::NotApplicable));
        assert_eq!(at("t.yes", json!("DK")), Ok(Answer::DontKnow));
    }

    #[test]
    fn refuses_values_that_do_not_fit() {
        let q = small();
        let at = |id: &str, value: Value| interpret(q.question(id).unwrap(), &value);
        assert_eq!(at("a.level", json!(5)), Err(AnswerProblem::LevelOutOfRange { max: 4 }));
        assert_eq!(at("a.level", json!(-1)), Err(AnswerProblem::LevelOutOfRange { max: 4 }));
        assert_eq!(at("a.level", json!(2.5)), Err(AnswerProblem::WrongType { kind: "level" }));
        assert_eq!(at("a.level", json!("kolme")), Err(AnswerProblem::WrongType { kind: "level" }));
        assert!(matches!(at("a.choice", json!("many")), Err(AnswerProblem::UnknownOption { .. })));
        assert_eq!(at("a.multi", json!(["p", "p"])), Err(AnswerProblem::DuplicateOption { option: "p".into() }));
        assert_eq!(at("t.yes", json!("na")), Err(AnswerProblem::NotApplicableNotAllowed));
        assert_eq!(at("t.yes", json!(1)), Err(AnswerProblem::WrongType { kind: "yesno" }));
        assert_eq!(
            at("a.number", json!(-3.0)),
            Err(AnswerProblem::NumberOutOfRange { min: Some(0.0), max: Some(100.0) })
        );
    }

    #[test]
    fn describes_answers_in_words() {
        let q = small();
        let describe = |id: &str, answer: Answer, lang| answer.describe(&q, q.question(id).unwrap(), lang);
        assert_eq!(describe("a.level", Answer::Level(2), Lang::Sv), "2 – två");
        assert_eq!(describe("a.multi", Answer::Multi(vec!["p".into(), "q".into()]), Lang::En), "P-en; Q-en");
        assert_eq!(describe("a.number", Answer::Number(12.5), Lang::Fi), "12,5 %");
        assert_eq!(describe("a.number", Answer::Number(40.0), Lang::En), "40 %");
        assert_eq!(describe("t.yes", Answer::DontKnow, Lang::Fi), "En tiedä");
    }
}
