//! LimeSurvey codes of a questionnaire: one deterministic rule from question and option ids to LimeSurvey
//! question, subquestion and answer codes, and the reverse lookups that read a response export back.
//!
//! This module owns the rule and nothing else: it knows no file, no CSV and no TSV. The survey writer
//! ([`super::tsv`]) and the batch reader both use it, so a survey exported by one version of the
//! questionnaire is read back by the same codes.
//!
//! # LimeSurvey's limits (6.1.8 / 6.2.1)
//!
//! - A question code starts with a letter and holds only letters and digits
//!   (`application/models/Question.php` `rules()`: `/^[a-z,A-Z][[:alnum:]]*$/`), at most 20 characters
//!   (the same rules: `'length', 'max' => 20`; the column `questions.title` is `string(20)`,
//!   `application/helpers/update/updates/Update_400.php`). It must be unique in the survey, and in practice
//!   regardless of case: the uniqueness check is an SQL `=`, which MySQL's usual collations compare without
//!   case. A few words are reserved for ExpressionScript (`LANG`, `SID`, `SAVEDID`, `TOKEN`, `QID`, `GID`,
//!   `SGQ`, `self`, `that`, `this`).
//! - A subquestion code holds only letters and digits (`/^[[:alnum:]]*$/`), at most 20 characters (the same
//!   column), unique within its question without regard to case, and is not `time` (nor `other` where
//!   "Other" is on).
//! - An answer code holds only letters and digits, 1–5 characters (`application/models/Answer.php`
//!   `rules()`: `'length', 'min' => 1, 'max' => 5`, `/^[[:alnum:]]*$/`), unique within its question.
//!
//! # The rule
//!
//! **Question codes.** The id's letters and digits are kept and every other character (`.`, `_`, `-`) starts
//! a new word with a capital: `security.backups` → `securityBackups`, `resources.it_budget` →
//! `resourcesItBudget`. A code that would start with a digit gets `q` in front. That *plain code* is the
//! question's code unless it is longer than 20 characters, is reserved (ExpressionScript's words above, the
//! names of LimeSurvey's own response columns such as `id`, `submitdate`, `token`, `interviewtime`,
//! `groupTime<N>`, and the respondent codes below), equals another question's plain code without regard to
//! case, or is another code followed by `Time` (which would read as that question's timing column). Then the
//! code is the plain code's first 16 characters followed by four characters (`0–9`, `A–Z`) of a hash of the
//! question id (64-bit FNV-1a, in base 36): `problem_solving.training_wishes` → `problemSolvingTr` + `4CH6`.
//! Every question's code depends only on its own id, except that two ids whose plain codes clash both take the
//! hashed form; so adding a question never changes another question's code unless the two ids differ only in
//! their separators or case.
//!
//! **Respondent codes** are fixed: `municipality`, `municipalityCode`, `region`, `population`, `respondent`,
//! `role`, `department`, `assessmentDate` (not `date`, which is an ExpressionScript function).
//!
//! **Answer codes** of list questions: a level question's levels are `L0` … `L<max>`; a yes/no question's
//! answers are `Y` and `N`; a choice option's code is its id's plain code (with `a` in front if it would start
//! with a digit) when that has at most 5 characters, is not `dk` or `na` and clashes with no other option's
//! without regard to case; else its first three characters followed by two hash characters of the option id;
//! and where even those clash, its first character followed by four. Don't know is `dk` and not applicable
//! `na` (only where the question allows it), so that an "answer codes" export reads `dk` and `na` just as an
//! answer sheet does. A region is `R` + Statistics Finland's two-digit region code (`R01` Uusimaa).
//!
//! **Subquestion codes** of a multi question: each option's plain code by the question-code rule (at most 20
//! characters, else 16 + a 4-character hash of the option id), never `dk`, `na`, `none`, `other`, `comment`,
//! `othercomment`, `time` or `filecount`; then the exclusive subquestions `none` (none of these: the question
//! is answered with no option), `dk` and, where allowed, `na`. LimeSurvey's response columns are then
//! `CODE[SQ]` (code headings) or `CODE_SQ` (ExpressionScript codes); see `docs/limesurvey-responses.md`.
//!
//! Clashes that remain after all this (two hashes alike) are reported as a [`CodeError`], never resolved by
//! order, so the same questionnaire always gives the same codes or the same error.

use std::collections::HashMap;

use crate::batch::header::Meta;
use crate::i18n::{Lang, Tr, messages as m};
use crate::questionnaire::{Kind, Question, Questionnaire};
use crate::regions::{REGIONS, Region};

/// The longest question code LimeSurvey stores (`questions.title`, `string(20)`).
pub const QUESTION_CODE_MAX: usize = 20;
/// The longest subquestion code (the same column as a question code).
pub const SUBQUESTION_CODE_MAX: usize = 20;
/// The longest answer code (`answers.code`, `Answer::rules()`).
pub const ANSWER_CODE_MAX: usize = 5;

/// The answer and subquestion code of "don't know".
pub const DONT_KNOW: &str = "dk";
/// The answer and subquestion code of "not applicable".
pub const NOT_APPLICABLE: &str = "na";
/// The subquestion code of "none of these" in a multi question.
pub const NONE_CHOSEN: &str = "none";

/// Characters a question or subquestion code keeps of its plain code before the hash (16 + 4 = 20).
const HASHED_PREFIX: usize = 16;
const HASH_CHARS: usize = 4;

/// Words a question code must not be (compared in lower case): ExpressionScript's reserved variables
/// (`Question::rules()`), and the names of LimeSurvey's own response columns (`createFieldMap()` in
/// `application/helpers/common_helper.php`, participant attributes of `getTokenFieldsAndNames()`), which
/// would make a response export's header ambiguous.
const RESERVED_QUESTION_CODES: &[&str] = &[
    "lang",
    "sid",
    "savedid",
    "token",
    "qid",
    "gid",
    "sgq",
    "self",
    "that",
    "this",
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "startdate",
    "datestamp",
    "ipaddr",
    "refurl",
    "interviewtime",
    "firstname",
    "lastname",
    "email",
];

/// Words a subquestion code must not be (lower case): this rule's own exclusive subquestions, and the
/// sub-fields LimeSurvey adds to a question's columns (`[other]`, `[comment]` …) or forbids (`time`).
const RESERVED_SUBQUESTION_CODES: &[&str] =
    &[DONT_KNOW, NOT_APPLICABLE, NONE_CHOSEN, "other", "comment", "othercomment", "time", "filecount"];

/// Words a choice option's answer code must not be (lower case).
const RESERVED_ANSWER_CODES: &[&str] = &[DONT_KNOW, NOT_APPLICABLE];

/// The LimeSurvey question code of a respondent field.
pub fn respondent_code(meta: Meta) -> &'static str {
    match meta {
        Meta::Municipality => "municipality",
        Meta::MunicipalityCode => "municipalityCode",
        Meta::Region => "region",
        Meta::Population => "population",
        Meta::Respondent => "respondent",
        Meta::Role => "role",
        Meta::Department => "department",
        Meta::Date => "assessmentDate",
    }
}

/// The answer code of a region in the respondent question `region`: `R` + its two-digit code.
pub fn region_code(region: &Region) -> String {
    format!("R{}", region.code)
}

/// The region an answer code of the question `region` names (`R01`, case ignored).
pub fn region_by_code(code: &str) -> Option<&'static Region> {
    let digits = code.trim().strip_prefix(['R', 'r'])?;
    REGIONS.iter().find(|region| region.code == digits)
}

/// A region's name as the survey shows it in `lang`: Swedish in a Swedish survey, Finnish otherwise (the
/// batch recognises regions by their Finnish and Swedish names).
pub fn region_text(region: &Region, lang: &str) -> &'static str {
    if lang == "sv" { region.sv } else { region.fi }
}

/// What an answer or subquestion code stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A level of a level question.
    Level(u32),
    /// An option of a choice or multi question, by its id.
    Option(String),
    Yes,
    No,
    /// A multi question answered with none of its options.
    NoneChosen,
    DontKnow,
    NotApplicable,
}

/// A code and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coded {
    pub code: String,
    pub value: Value,
}

/// The codes of one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionCodes {
    /// The question code.
    pub code: String,
    /// The answer options of a list question (level, choice, yes/no), in the order the survey shows them.
    pub answers: Vec<Coded>,
    /// The subquestions of a multi question, in the order the survey shows them.
    pub subquestions: Vec<Coded>,
}

/// What a LimeSurvey question code names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Respondent(Meta),
    /// A question, by its index in the questionnaire.
    Question(usize),
}

/// What a column of a response export with code headings holds (see [`CodeTable::column`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// The answer: `CODE`.
    Value(Field),
    /// One subquestion of a multi question: `CODE[SQ]` or `CODE_SQ`.
    Subquestion { question: usize, value: Value },
    /// The text of LimeSurvey's own "Other": `CODE[other]`.
    Other(Field),
    /// A comment: `CODE[comment]`.
    Comment(Field),
    /// The time spent on the question: `CODETime` (only when the survey saves timings).
    Time(Field),
}

/// Codes that would clash after every rule above: a questionnaire this rule cannot code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("questions `{0}` and `{1}` would get the same LimeSurvey code `{2}`; rename one of them")]
    Questions(String, String, String),
    #[error("options `{1}` and `{2}` of question `{0}` would get the same LimeSurvey code `{3}`; rename one of them")]
    Options(String, String, String, String),
}

impl CodeError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CodeError::Questions(a, b, code) => m::LS_QUESTION_CODE_CLASH.fill(lang, &[a, b, code]),
            CodeError::Options(question, a, b, code) => m::LS_OPTION_CODE_CLASH.fill(lang, &[question, a, b, code]),
        }
    }
}

/// Every LimeSurvey code of a questionnaire, with the lookups back from codes to questions and values.
#[derive(Debug, Clone)]
pub struct CodeTable {
    questions: Vec<QuestionCodes>,
    /// Lower-case code → what it names.
    by_code: HashMap<String, Field>,
    groups: usize,
}

impl CodeTable {
    /// The codes of every question of `q`, by the rule in the module documentation.
    pub fn new(q: &Questionnaire) -> Result<CodeTable, CodeError> {
        let plains: Vec<String> = q.questions.iter().map(|question| plain_code(&question.id, 'q')).collect();
        let mut counts: HashMap<String, usize> = HashMap::new();
        for plain in &plains {
            *counts.entry(plain.to_ascii_lowercase()).or_default() += 1;
        }
        let respondent: Vec<String> =
            Meta::ALL.iter().map(|meta| respondent_code(*meta).to_ascii_lowercase()).collect();
        let taken = |lower: &str| counts.contains_key(lower) || respondent.iter().any(|r| r == lower);

        let mut by_code: HashMap<String, Field> = HashMap::new();
        let mut names: HashMap<String, String> = HashMap::new();
        for meta in Meta::ALL {
            let lower = respondent_code(meta).to_ascii_lowercase();
            by_code.insert(lower.clone(), Field::Respondent(meta));
            names.insert(lower, meta.key().to_string());
        }
        let mut questions = Vec::with_capacity(q.questions.len());
        for (index, (question, plain)) in q.questions.iter().zip(plains.iter()).enumerate() {
            let lower = plain.to_ascii_lowercase();
            let refused = plain.len() > QUESTION_CODE_MAX
                || counts.get(&lower).copied().unwrap_or(0) > 1
                || respondent.contains(&lower)
                || RESERVED_QUESTION_CODES.contains(&lower.as_str())
                || is_group_time(&lower)
                || lower.strip_suffix("time").is_some_and(|stem| !stem.is_empty() && taken(stem));
            let code = if refused { hashed(plain, &question.id, HASHED_PREFIX, HASH_CHARS) } else { plain.clone() };
            let lower = code.to_ascii_lowercase();
            if let Some(first) = names.get(&lower) {
                return Err(CodeError::Questions(first.clone(), question.id.clone(), code));
            }
            names.insert(lower.clone(), question.id.clone());
            by_code.insert(lower, Field::Question(index));
            questions.push(QuestionCodes {
                code,
                answers: answer_codes(q, question)?,
                subquestions: subquestion_codes(question)?,
            });
        }
        let groups = 1 + exported_themes(q).count();
        Ok(CodeTable { questions, by_code, groups })
    }

    /// The codes of question `index` (its index in the questionnaire).
    pub fn question(&self, index: usize) -> Option<&QuestionCodes> {
        self.questions.get(index)
    }

    /// The question code of question `index`.
    pub fn question_code(&self, index: usize) -> Option<&str> {
        self.questions.get(index).map(|codes| codes.code.as_str())
    }

    /// The question or respondent field a question code names, case ignored (codes are unique regardless of
    /// case, so this is never ambiguous).
    pub fn field(&self, code: &str) -> Option<Field> {
        self.by_code.get(&code.trim().to_ascii_lowercase()).copied()
    }

    /// What an answer code of question `index` stands for: exactly as written, else regardless of case.
    pub fn answer(&self, index: usize, code: &str) -> Option<&Value> {
        find_coded(&self.questions.get(index)?.answers, code)
    }

    /// What a subquestion code of multi question `index` stands for.
    pub fn subquestion(&self, index: usize, code: &str) -> Option<&Value> {
        find_coded(&self.questions.get(index)?.subquestions, code)
    }

    /// What a column heading of a LimeSurvey response export with code headings holds, for the columns this
    /// questionnaire's survey has: `CODE`, `CODE[SQ]` / `CODE_SQ`, `CODE[other]`, `CODE[comment]`,
    /// `CODETime`. LimeSurvey's standard columns (`id`, `submitdate` …) are not questions: `None`.
    pub fn column(&self, heading: &str) -> Option<Column> {
        let heading = heading.trim();
        if let Some(field) = self.field(heading) {
            return Some(Column::Value(field));
        }
        let split = match heading.strip_suffix(']') {
            Some(rest) => rest.split_once('['),
            None => heading.split_once('_'),
        };
        if let Some((code, sub)) = split {
            let field = self.field(code)?;
            return match sub.to_ascii_lowercase().as_str() {
                "other" => Some(Column::Other(field)),
                "comment" => Some(Column::Comment(field)),
                _ => match field {
                    Field::Question(question) => self
                        .subquestion(question, sub)
                        .map(|value| Column::Subquestion { question, value: value.clone() }),
                    Field::Respondent(_) => None,
                },
            };
        }
        let cut = heading.len().checked_sub(4)?;
        let (stem, suffix) = (heading.get(..cut)?, heading.get(cut..)?);
        if suffix.eq_ignore_ascii_case("time") { self.field(stem).map(Column::Time) } else { None }
    }

    /// The number of question groups (pages) of the survey: the respondent group and one per theme that has
    /// questions. A submitted response in group-by-group format has `lastpage` equal to this.
    pub fn group_count(&self) -> usize {
        self.groups
    }
}

/// The themes that become question groups: those with at least one question, in questionnaire order.
pub fn exported_themes(q: &Questionnaire) -> impl Iterator<Item = (usize, &crate::questionnaire::Theme)> {
    q.themes.iter().enumerate().filter(move |(index, _)| q.questions.iter().any(|question| question.theme == *index))
}

/// The text the survey shows for an answer or subquestion, in `lang` (a survey language), on one line.
/// LimeSurvey's "full answers" export gives exactly this text back (with "Strip HTML code", its default):
/// the survey file holds it HTML-escaped and the export decodes it (`stripTagsFull()`).
pub fn answer_text(q: &Questionnaire, question: &Question, value: &Value, lang: &str) -> String {
    let fallback = q.fallback_language();
    let text = match value {
        Value::Level(level) => {
            let index = *level as usize;
            let label = q.scale.labels.get(index).map_or("", |label| label.get(lang, fallback));
            let practice = match &question.kind {
                Kind::Level { levels, .. } => levels.get(index).map_or("", |text| text.get(lang, fallback)),
                _ => "",
            };
            match (label.trim().is_empty(), practice.trim().is_empty()) {
                (_, true) => label.to_string(),
                (true, false) => practice.to_string(),
                (false, false) => format!("{}: {}", label.trim(), practice.trim()),
            }
        }
        Value::Option(id) => question
            .kind
            .options()
            .iter()
            .find(|option| option.id == *id)
            .map_or_else(|| id.clone(), |option| option.label.get(lang, fallback).to_string()),
        Value::Yes => interface(m::YES, lang).to_string(),
        Value::No => interface(m::NO, lang).to_string(),
        Value::NoneChosen => interface(m::LS_NONE_CHOSEN, lang).to_string(),
        Value::DontKnow => interface(m::DONT_KNOW, lang).to_string(),
        Value::NotApplicable => interface(m::NOT_APPLICABLE, lang).to_string(),
    };
    one_line(&text)
}

/// An interface string in a survey language: Finnish, Swedish or English, English for any other.
pub fn interface(tr: Tr, lang: &str) -> &'static str {
    tr.get(Lang::from_code(lang).unwrap_or(Lang::En))
}

/// Text on one line: every run of white space (line breaks included) becomes one space, ends trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn find_coded<'a>(coded: &'a [Coded], code: &str) -> Option<&'a Value> {
    let code = code.trim();
    coded
        .iter()
        .find(|c| c.code == code)
        .or_else(|| coded.iter().find(|c| c.code.eq_ignore_ascii_case(code)))
        .map(|c| &c.value)
}

/// The answer options of a list question: levels, yes/no or choice options, then don't know and (where
/// allowed) not applicable.
fn answer_codes(q: &Questionnaire, question: &Question) -> Result<Vec<Coded>, CodeError> {
    let mut answers: Vec<Coded> = match &question.kind {
        Kind::Level { .. } => {
            (0..=q.scale.max).map(|level| Coded { code: format!("L{level}"), value: Value::Level(level) }).collect()
        }
        Kind::YesNo => {
            vec![Coded { code: "Y".into(), value: Value::Yes }, Coded { code: "N".into(), value: Value::No }]
        }
        Kind::Choice { options } => {
            let ids: Vec<&str> = options.iter().map(|option| option.id.as_str()).collect();
            option_answer_codes(&question.id, &ids)?
                .into_iter()
                .zip(&ids)
                .map(|(code, id)| Coded { code, value: Value::Option((*id).to_string()) })
                .collect()
        }
        Kind::Multi { .. } | Kind::Number { .. } | Kind::Text => return Ok(Vec::new()),
    };
    answers.push(Coded { code: DONT_KNOW.into(), value: Value::DontKnow });
    if question.allow_na {
        answers.push(Coded { code: NOT_APPLICABLE.into(), value: Value::NotApplicable });
    }
    Ok(answers)
}

/// The subquestions of a multi question: one per option, then none of these, don't know and (where allowed)
/// not applicable.
fn subquestion_codes(question: &Question) -> Result<Vec<Coded>, CodeError> {
    let Kind::Multi { options, .. } = &question.kind else { return Ok(Vec::new()) };
    let plains: Vec<String> = options.iter().map(|option| plain_code(&option.id, 'a')).collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for plain in &plains {
        *counts.entry(plain.to_ascii_lowercase()).or_default() += 1;
    }
    let mut coded = Vec::with_capacity(options.len() + 3);
    for (option, plain) in options.iter().zip(&plains) {
        let lower = plain.to_ascii_lowercase();
        let refused = plain.len() > SUBQUESTION_CODE_MAX
            || counts.get(&lower).copied().unwrap_or(0) > 1
            || RESERVED_SUBQUESTION_CODES.contains(&lower.as_str());
        let code = if refused { hashed(plain, &option.id, HASHED_PREFIX, HASH_CHARS) } else { plain.clone() };
        coded.push(Coded { code, value: Value::Option(option.id.clone()) });
    }
    coded.push(Coded { code: NONE_CHOSEN.into(), value: Value::NoneChosen });
    coded.push(Coded { code: DONT_KNOW.into(), value: Value::DontKnow });
    if question.allow_na {
        coded.push(Coded { code: NOT_APPLICABLE.into(), value: Value::NotApplicable });
    }
    check_unique(&question.id, &coded)?;
    Ok(coded)
}

/// The answer codes of a choice question's options (at most [`ANSWER_CODE_MAX`] characters each).
fn option_answer_codes(question_id: &str, ids: &[&str]) -> Result<Vec<String>, CodeError> {
    let plains: Vec<String> = ids.iter().map(|id| plain_code(id, 'a')).collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for plain in &plains {
        *counts.entry(plain.to_ascii_lowercase()).or_default() += 1;
    }
    let keeps = |plain: &String| {
        let lower = plain.to_ascii_lowercase();
        plain.len() <= ANSWER_CODE_MAX
            && counts.get(&lower).copied().unwrap_or(0) == 1
            && !RESERVED_ANSWER_CODES.contains(&lower.as_str())
    };
    let kept: Vec<String> =
        plains.iter().filter(|plain| keeps(plain)).map(|plain| plain.to_ascii_lowercase()).collect();
    // The short form of every option that does not keep its plain code: three characters and two of a hash.
    let short: Vec<Option<String>> =
        plains.iter().zip(ids).map(|(plain, id)| (!keeps(plain)).then(|| hashed(plain, id, 3, 2))).collect();
    let mut short_counts: HashMap<String, usize> = HashMap::new();
    for code in short.iter().flatten() {
        *short_counts.entry(code.to_ascii_lowercase()).or_default() += 1;
    }
    let codes: Vec<String> = plains
        .iter()
        .zip(ids)
        .zip(&short)
        .map(|((plain, id), short)| match short {
            None => plain.clone(),
            Some(code) => {
                let lower = code.to_ascii_lowercase();
                if short_counts.get(&lower).copied().unwrap_or(0) > 1
                    || kept.contains(&lower)
                    || RESERVED_ANSWER_CODES.contains(&lower.as_str())
                {
                    hashed(plain, id, 1, 4)
                } else {
                    code.clone()
                }
            }
        })
        .collect();
    let options: Vec<Coded> = codes
        .iter()
        .zip(ids)
        .map(|(code, id)| Coded { code: code.clone(), value: Value::Option((*id).to_string()) })
        .collect();
    check_unique(question_id, &options)?;
    Ok(codes)
}

/// Fails on two codes alike regardless of case, naming both options.
fn check_unique(question_id: &str, coded: &[Coded]) -> Result<(), CodeError> {
    let mut seen: HashMap<String, &Coded> = HashMap::new();
    for c in coded {
        if let Some(first) = seen.insert(c.code.to_ascii_lowercase(), c) {
            return Err(CodeError::Options(
                question_id.to_string(),
                option_name(&first.value),
                option_name(&c.value),
                c.code.clone(),
            ));
        }
    }
    Ok(())
}

fn option_name(value: &Value) -> String {
    match value {
        Value::Option(id) => id.clone(),
        Value::NoneChosen => NONE_CHOSEN.to_string(),
        Value::DontKnow => DONT_KNOW.to_string(),
        Value::NotApplicable => NOT_APPLICABLE.to_string(),
        Value::Level(level) => format!("L{level}"),
        Value::Yes => "Y".to_string(),
        Value::No => "N".to_string(),
    }
}

/// An id's letters and digits, each further word capitalised (`security.backups` → `securityBackups`), with
/// `prefix` in front of a code that would start with a digit or be empty.
pub fn plain_code(id: &str, prefix: char) -> String {
    let mut code = String::with_capacity(id.len() + 1);
    let mut new_word = false;
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            code.push(if new_word && !code.is_empty() { c.to_ascii_uppercase() } else { c });
            new_word = false;
        } else {
            new_word = true;
        }
    }
    if !code.starts_with(|c: char| c.is_ascii_alphabetic()) {
        code.insert(0, prefix);
    }
    code
}

/// The first `keep` characters of `plain` followed by `chars` base-36 digits of the hash of `key`.
fn hashed(plain: &str, key: &str, keep: usize, chars: usize) -> String {
    // `plain` is ASCII (plain_code keeps ASCII letters and digits only), so bytes are characters.
    let mut code: String = plain.chars().take(keep).collect();
    code.push_str(&hash36(key, chars));
    code
}

/// `chars` base-36 digits (`0–9`, `A–Z`) of the 64-bit FNV-1a hash of `key`: stable across platforms and
/// versions, since the rule's codes must not change when the program does.
pub fn hash36(key: &str, chars: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut hash = fnv1a64(key);
    let mut out = String::with_capacity(chars);
    for _ in 0..chars {
        out.push(char::from(DIGITS[(hash % 36) as usize]));
        hash /= 36;
    }
    out
}

/// The 64-bit FNV-1a hash of the text's UTF-8 bytes.
pub fn fnv1a64(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// `grouptime<digits>`: the heading of a group's timing column.
fn is_group_time(lower: &str) -> bool {
    lower.strip_prefix("grouptime").is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Questionnaire;

    fn ascii_code(code: &str, max: usize) -> bool {
        !code.is_empty()
            && code.len() <= max
            && code.starts_with(|c: char| c.is_ascii_alphabetic())
            && code.chars().all(|c| c.is_ascii_alphanumeric())
    }

    fn builtin(id: &str) -> Questionnaire {
        let b = crate::questionnaire::builtin::all().iter().find(|b| b.id == id).expect("a built-in");
        crate::questionnaire::load_text(b.text, &crate::questionnaire::Source::Builtin(b.file_name.to_string()))
            .expect("the built-in loads")
    }

    fn with_question(q: &Questionnaire, at: usize, id: &str) -> Questionnaire {
        let mut q = q.clone();
        let mut question = q.questions[0].clone();
        question.id = id.to_string();
        q.questions.insert(at, question);
        q
    }

    #[test]
    fn a_question_code_is_the_id_in_camel_case() {
        assert_eq!(plain_code("security.backups", 'q'), "securityBackups");
        assert_eq!(plain_code("resources.it_budget", 'q'), "resourcesItBudget");
        assert_eq!(plain_code("a-b.c_d", 'q'), "aBCD");
        assert_eq!(plain_code("2fa.enabled", 'q'), "q2faEnabled");
        assert_eq!(plain_code("_", 'a'), "a");
    }

    #[test]
    fn the_hash_is_fixed_for_all_time() {
        // These values are part of the rule: a survey exported today must be read by tomorrow's program.
        // FNV-1a's published test vectors (Fowler, Noll, Vo: "FNV hash", test suite of fnv-1a 64-bit).
        assert_eq!(fnv1a64(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64("foobar"), 0x8594_4171_f739_67e8);
        // Base 36, least significant digit first.
        let a = 0xaf63_dc4c_8601_ec8c_u64;
        let digit = |n: u64| char::from(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(n % 36) as usize]);
        assert_eq!(hash36("a", 2), format!("{}{}", digit(a), digit(a / 36)));
    }

    #[test]
    fn every_code_of_every_built_in_questionnaire_fits_limesurvey() {
        for b in crate::questionnaire::builtin::all() {
            let q = builtin(&b.id);
            let table = CodeTable::new(&q).expect("codes");
            let mut seen = std::collections::HashSet::new();
            for meta in Meta::ALL {
                assert!(seen.insert(respondent_code(meta).to_ascii_lowercase()));
            }
            for (index, question) in q.questions.iter().enumerate() {
                let codes = table.question(index).unwrap();
                assert!(ascii_code(&codes.code, QUESTION_CODE_MAX), "{}: {}", question.id, codes.code);
                assert!(seen.insert(codes.code.to_ascii_lowercase()), "{} is not unique", codes.code);
                assert_eq!(table.field(&codes.code), Some(Field::Question(index)));
                for answer in &codes.answers {
                    assert!(ascii_code(&answer.code, ANSWER_CODE_MAX), "{}: {}", question.id, answer.code);
                    assert_eq!(table.answer(index, &answer.code), Some(&answer.value));
                }
                for sub in &codes.subquestions {
                    assert!(ascii_code(&sub.code, SUBQUESTION_CODE_MAX), "{}: {}", question.id, sub.code);
                    assert_ne!(sub.code.to_ascii_lowercase(), "time");
                }
            }
            assert_eq!(table.group_count(), 1 + q.themes.len());
        }
    }

    #[test]
    fn codes_of_the_default_questionnaire_read_as_the_ids() {
        let q = builtin("kuntakompassi");
        let table = CodeTable::new(&q).unwrap();
        let backups = q.question_index("security.backups").unwrap();
        assert_eq!(table.question_code(backups), Some("securityBackups"));
        assert_eq!(table.answer(backups, "L2"), Some(&Value::Level(2)));
        assert_eq!(table.answer(backups, "dk"), Some(&Value::DontKnow));
        assert_eq!(table.answer(backups, "DK"), Some(&Value::DontKnow));
        assert_eq!(table.answer(backups, "L9"), None);
        let tools = q.question_index("services.e_tools").unwrap();
        assert_eq!(table.question_code(tools), Some("servicesETools"));
        assert_eq!(table.subquestion(tools, "chat"), Some(&Value::Option("chat".into())));
        assert_eq!(
            table.subquestion(tools, "caseManagementForms"),
            Some(&Value::Option("case_management_forms".into()))
        );
        assert_eq!(table.subquestion(tools, "none"), Some(&Value::NoneChosen));
    }

    #[test]
    fn a_long_id_is_cut_and_given_a_hash_of_the_whole_id() {
        let q = builtin("henkilosto");
        let table = CodeTable::new(&q).unwrap();
        let index = q.question_index("problem_solving.training_wishes").unwrap();
        let code = table.question_code(index).unwrap();
        assert_eq!(code, format!("problemSolvingTr{}", hash36("problem_solving.training_wishes", 4)));
        assert_eq!(code.len(), 20);
    }

    #[test]
    fn adding_a_question_anywhere_changes_no_other_code() {
        let q = builtin("kuntakompassi");
        let before = CodeTable::new(&q).unwrap();
        for at in [0, 7, q.questions.len()] {
            let more = with_question(&q, at, "security.new_practice_of_some_length");
            let after = CodeTable::new(&more).unwrap();
            for (index, question) in q.questions.iter().enumerate() {
                let moved = more.question_index(&question.id).unwrap();
                assert_eq!(before.question(index), after.question(moved), "{} changed", question.id);
            }
        }
    }

    #[test]
    fn ids_that_differ_only_in_separators_both_take_a_hash() {
        let q = builtin("kuntakompassi");
        let q = with_question(&with_question(&q, 0, "a.b_c"), 1, "a_b.c");
        let table = CodeTable::new(&q).unwrap();
        let (a, b) = (table.question_code(0).unwrap(), table.question_code(1).unwrap());
        assert_eq!(a, format!("aBC{}", hash36("a.b_c", 4)));
        assert_eq!(b, format!("aBC{}", hash36("a_b.c", 4)));
        // Nothing else moved.
        assert_eq!(table.question_code(2), Some("strategyProgramme"));
    }

    #[test]
    fn a_clash_with_a_reserved_word_or_a_respondent_code_takes_a_hash() {
        let q = builtin("kuntakompassi");
        for id in ["municipality.code", "token", "self", "group.time12", "strategy.owner_time", "id"] {
            let q = with_question(&q, 0, id);
            let code = CodeTable::new(&q).unwrap().question_code(0).unwrap().to_string();
            assert!(code.ends_with(&hash36(id, 4)), "{id} → {code}");
        }
    }

    #[test]
    fn choice_answer_codes_fit_five_characters_and_stay_apart() {
        assert_eq!(option_answer_codes("q", &["yes", "no", "maybe"]).unwrap(), ["yes", "no", "maybe"]);
        let codes = option_answer_codes("q", &["booking", "bookkeeping", "b"]).unwrap();
        assert_eq!(codes[0], format!("boo{}", hash36("booking", 2)));
        assert_eq!(codes[1], format!("boo{}", hash36("bookkeeping", 2)));
        assert_eq!(codes[2], "b");
        // Plain codes alike regardless of case both take the short form.
        let clash = option_answer_codes("q", &["Ab", "a_b"]).unwrap();
        assert_eq!(clash[0], format!("Ab{}", hash36("Ab", 2)));
        assert_eq!(clash[1], format!("aB{}", hash36("a_b", 2)));
        // Two short forms alike fall back to one character and four of the hash.
        let ids: Vec<String> = (0..2000).map(|n| format!("xyz_option_{n}")).collect();
        let (a, b) = ids
            .iter()
            .enumerate()
            .find_map(|(i, a)| ids[..i].iter().find(|b| hash36(a, 2) == hash36(b, 2)).map(|b| (a, b)))
            .expect("two ids whose two-character hashes are alike");
        let codes = option_answer_codes("q", &[a, b]).unwrap();
        assert_eq!(codes, [format!("x{}", hash36(a, 4)), format!("x{}", hash36(b, 4))]);
        for (a, b) in [("abcdef1", "abcdef2"), ("x.y", "x_y")] {
            let codes = option_answer_codes("q", &[a, b]).unwrap();
            assert!(codes.iter().all(|c| ascii_code(c, ANSWER_CODE_MAX)), "{codes:?}");
            assert_ne!(codes[0].to_ascii_lowercase(), codes[1].to_ascii_lowercase());
        }
        assert_eq!(option_answer_codes("q", &["1", "22"]).unwrap(), ["a1", "a22"]);
    }

    #[test]
    fn headings_of_a_code_export_are_recognised() {
        let q = builtin("kuntakompassi");
        let table = CodeTable::new(&q).unwrap();
        let tools = q.question_index("services.e_tools").unwrap();
        let backups = q.question_index("security.backups").unwrap();
        assert_eq!(table.column("municipalityCode"), Some(Column::Value(Field::Respondent(Meta::MunicipalityCode))));
        assert_eq!(table.column("securityBackups"), Some(Column::Value(Field::Question(backups))));
        assert_eq!(
            table.column("servicesETools[chat]"),
            Some(Column::Subquestion { question: tools, value: Value::Option("chat".into()) })
        );
        assert_eq!(
            table.column("servicesETools_dk"),
            Some(Column::Subquestion { question: tools, value: Value::DontKnow })
        );
        assert_eq!(table.column("servicesETools[other]"), Some(Column::Other(Field::Question(tools))));
        assert_eq!(table.column("securityBackups[comment]"), Some(Column::Comment(Field::Question(backups))));
        assert_eq!(table.column("securityBackupsTime"), Some(Column::Time(Field::Question(backups))));
        assert_eq!(table.column("regionTime"), Some(Column::Time(Field::Respondent(Meta::Region))));
        for standard in
            ["id", "submitdate", "lastpage", "interviewtime", "groupTime12", "servicesETools[nope]", "Time", ""]
        {
            assert_eq!(table.column(standard), None, "{standard}");
        }
    }

    #[test]
    fn regions_are_coded_by_statistics_finland_codes() {
        assert_eq!(region_code(&REGIONS[0]), "R01");
        assert_eq!(region_by_code("R21").map(|r| r.fi), Some("Ahvenanmaa"));
        assert_eq!(region_by_code("r02").map(|r| r.sv), Some("Egentliga Finland"));
        assert_eq!(region_by_code("R03"), None);
        assert!(REGIONS.iter().all(|r| ascii_code(&region_code(r), ANSWER_CODE_MAX)));
    }

    #[test]
    fn answer_texts_are_the_label_and_the_practice_on_one_line() {
        let q = builtin("kuntakompassi");
        let index = q.question_index("strategy.programme").unwrap();
        let question = &q.questions[index];
        let text = answer_text(&q, question, &Value::Level(0), "fi");
        assert!(text.starts_with("Ei toteudu: Digitalisaatiolle ei ole asetettu"), "{text}");
        assert_eq!(answer_text(&q, question, &Value::DontKnow, "sv"), "Vet inte");
        assert_eq!(answer_text(&q, question, &Value::Yes, "de"), "Yes");
        assert_eq!(one_line(" a\n\n b\tc "), "a b c");
    }
}
