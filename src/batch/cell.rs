//! What a cell of a batch says: an answer to its question, or a respondent field.
//!
//! A cell is held to the rules an answer sheet is held to ([`crate::answers::interpret`]), and refused with
//! the same [`AnswerProblem`]s; on top of that it may be written the way people and survey tools write it:
//! "na" and "dk" also as words (ei tiedä, en vet, ei koske, ej tillämplig …), option labels in any of the
//! questionnaire's languages, multi answers separated by `|` or `;`, decimal commas, yes/no as kyllä/ei or
//! ja/nej or 1/0, a level as its number, its label or "2 – label". Plain values take a fast path that
//! allocates nothing; a unit test checks that both agree with `interpret` on every value a sheet can hold.

use crate::answers::{Answer, AnswerProblem, check_number};
use crate::i18n::{Lang, messages as m};
use crate::questionnaire::{Kind, Question, Questionnaire};

/// One question's answer in the row being read. Options are indexes into the question's options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Slot {
    Empty,
    Level(u32),
    Choice(u16),
    /// Chosen options, in the order written: `arena[start..end]`.
    Multi {
        start: u32,
        end: u32,
    },
    YesNo(bool),
    Number(f64),
    /// A text answer: the text is the cell of this column.
    Text(u32),
    Na,
    Dk,
}

/// What is wrong with a cell.
#[derive(Debug, Clone, PartialEq)]
pub enum CellProblem {
    Answer(AnswerProblem),
    NotUtf8,
    MissingMunicipality,
    BadMunicipalityCode,
    BadPopulation,
    BadDate,
    /// A LimeSurvey option column holds something else than `Y` or nothing.
    BadOptionMark,
    EmptyGroup,
    /// A part of a multi answer joined with `, ` is no option.
    PartNotAnOption {
        part: String,
        options: Vec<String>,
    },
    ShortRow {
        cells: usize,
        expected: usize,
    },
    ExtraCells {
        cells: usize,
        expected: usize,
    },
    /// Beside a wrong count of cells: the quoted cell that ran across this many lines, which is nearly
    /// always a quote left open.
    QuoteAcrossLines {
        lines: u64,
    },
}

impl CellProblem {
    /// The message in `lang`; `question` is the question id (or the column's header), `value` the cell.
    pub fn message(&self, lang: Lang, question: &str, value: &str) -> String {
        match self {
            // In a cell, yes/no and multi answers are written otherwise than in a sheet: say how.
            CellProblem::Answer(AnswerProblem::WrongType { kind: "yesno" }) => {
                m::A_WRONG_TYPE.fill(lang, &[&question, &value, &m::B_EXPECT_YESNO_CELL.get(lang)])
            }
            CellProblem::Answer(AnswerProblem::WrongType { kind: "multi" }) => {
                m::A_WRONG_TYPE.fill(lang, &[&question, &value, &m::B_EXPECT_MULTI_CELL.get(lang)])
            }
            CellProblem::Answer(problem) => problem.message(lang, question, value),
            CellProblem::NotUtf8 => m::B_NOT_UTF8.get(lang).to_string(),
            CellProblem::MissingMunicipality => m::B_EMPTY_MUNICIPALITY.get(lang).to_string(),
            CellProblem::BadMunicipalityCode => m::S_BAD_MUNICIPALITY_CODE.fill(lang, &[&value]),
            CellProblem::BadPopulation => m::B_BAD_POPULATION.fill(lang, &[&value]),
            CellProblem::BadDate => m::S_BAD_DATE.fill(lang, &[&value]),
            CellProblem::BadOptionMark => m::B_BAD_OPTION_MARK.fill(lang, &[&value]),
            CellProblem::EmptyGroup => m::B_EMPTY_GROUP.get(lang).to_string(),
            CellProblem::PartNotAnOption { part, options } => {
                m::B_PART_NOT_AN_OPTION.fill(lang, &[&question, part, &crate::answers::backticked(options)])
            }
            CellProblem::ShortRow { cells, expected } => m::B_SHORT_ROW.fill(lang, &[cells, expected]),
            CellProblem::ExtraCells { cells, expected } => m::B_EXTRA_CELLS.fill(lang, &[cells, expected]),
            CellProblem::QuoteAcrossLines { lines } => m::B_QUOTE_ACROSS_LINES.fill(lang, &[lines]),
        }
    }
}

impl From<AnswerProblem> for CellProblem {
    fn from(problem: AnswerProblem) -> CellProblem {
        CellProblem::Answer(problem)
    }
}

/// "Not applicable" as people write it.
const NA_WORDS: &[&str] = &[
    "na",
    "n/a",
    "ei koske",
    "ei koske meitä",
    "ei koske minua",
    "ei sovellu",
    "ei relevantti",
    "ej tillämplig",
    "ej tillämpligt",
    "inte tillämplig",
    "inte tillämpligt",
    "ej aktuellt",
    "ej relevant",
    "berör inte",
    "not applicable",
    "does not apply",
];
/// "Don't know" as people write it.
const DK_WORDS: &[&str] = &[
    "dk",
    "en tiedä",
    "ei tiedä",
    "ei tietoa",
    "eos",
    "ei osaa sanoa",
    "en osaa sanoa",
    "en vet",
    "vet inte",
    "vet ej",
    "kan inte säga",
    "don't know",
    "dont know",
    "do not know",
    "don’t know",
];
const YES_WORDS: &[&str] = &["yes", "y", "1", "true", "kyllä", "k", "on", "tosi", "ja", "j", "sant", "x"];
const NO_WORDS: &[&str] = &["no", "n", "0", "false", "ei", "e", "off", "epätosi", "nej", "falskt"];
const NONE_WORDS: &[&str] = &["none", "ei mitään", "ei yhtään", "inget", "ingen", "ei yhtään valittu", "inget valt"];

/// The special value a word says: `Some(true)` for "na", `Some(false)` for "dk".
fn special(normalised: &str) -> Option<bool> {
    let word = normalised.trim_end_matches('.');
    if NA_WORDS.contains(&word) {
        Some(true)
    } else if DK_WORDS.contains(&word) {
        Some(false)
    } else {
        None
    }
}

/// Lower case with inner runs of space as one, into a reused buffer.
fn normalise_into(text: &str, out: &mut String) {
    out.clear();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// One question, prepared for reading cells fast.
#[derive(Debug, Clone)]
pub struct QuestionCells {
    allow_na: bool,
    kind: CellKind,
}

#[derive(Debug, Clone)]
enum CellKind {
    /// Labels of the scale, normalised, with their level.
    Level {
        max: u32,
        labels: Vec<(String, u32)>,
    },
    /// Option ids as written, and every normalised id and label with its option.
    Choice {
        ids: Vec<String>,
        keys: Vec<(String, u16)>,
    },
    Multi {
        ids: Vec<String>,
        keys: Vec<(String, u16)>,
    },
    YesNo,
    Number {
        min: Option<f64>,
        max: Option<f64>,
        units: Vec<String>,
    },
    Text,
}

impl QuestionCells {
    pub fn new(q: &Questionnaire, question: &Question) -> QuestionCells {
        let keys = |options: &[crate::questionnaire::Choice]| {
            let mut keys = Vec::new();
            for (i, option) in options.iter().enumerate() {
                let index = u16::try_from(i).unwrap_or(u16::MAX);
                keys.push((crate::batch::header::normalise(&option.id), index));
                for label in option.label.0.values() {
                    keys.push((crate::batch::header::normalise(label), index));
                }
            }
            keys
        };
        let kind = match &question.kind {
            Kind::Level { levels, .. } => {
                let max = levels.len().saturating_sub(1) as u32;
                let mut labels = Vec::new();
                for (level, label) in q.scale.labels.iter().enumerate().take(levels.len()) {
                    for text in label.0.values() {
                        labels.push((crate::batch::header::normalise(text), level as u32));
                    }
                }
                CellKind::Level { max, labels }
            }
            Kind::Choice { options } => {
                CellKind::Choice { ids: options.iter().map(|o| o.id.clone()).collect(), keys: keys(options) }
            }
            Kind::Multi { options, .. } => {
                CellKind::Multi { ids: options.iter().map(|o| o.id.clone()).collect(), keys: keys(options) }
            }
            Kind::YesNo => CellKind::YesNo,
            Kind::Number { unit, min, max, .. } => {
                let mut units: Vec<String> = unit
                    .iter()
                    .flat_map(|unit| unit.0.values())
                    .map(|u| crate::batch::header::normalise(u))
                    .filter(|u| !u.is_empty())
                    .collect();
                // Longest first, so that "k€" is stripped before "€".
                units.sort_by_key(|u| std::cmp::Reverse(u.len()));
                CellKind::Number { min: *min, max: *max, units }
            }
            Kind::Text => CellKind::Text,
        };
        QuestionCells { allow_na: question.allow_na, kind }
    }

    /// Also reads the answers as a LimeSurvey survey made by `questionnaire export --to limesurvey` writes
    /// them: its answer codes (`L2`, an option's code) and, in a "full answers" export, the answer texts of
    /// every survey language. Yes/no, "don't know" and "not applicable" are words the reader knows already.
    #[must_use]
    pub fn with_limesurvey(
        mut self,
        q: &Questionnaire,
        question: &Question,
        codes: &crate::limesurvey::codes::QuestionCodes,
    ) -> QuestionCells {
        use crate::limesurvey::codes::{Value, answer_text};
        let normalise = crate::batch::header::normalise;
        let option_index = |id: &str| question.kind.options().iter().position(|o| o.id == id).map(|i| i as u16);
        for coded in codes.answers.iter().chain(&codes.subquestions) {
            let texts = q.languages.iter().map(|lang| normalise(&answer_text(q, question, &coded.value, lang)));
            let mut keys: Vec<String> = texts.collect();
            keys.push(normalise(&coded.code));
            match (&mut self.kind, &coded.value) {
                (CellKind::Level { labels, .. }, Value::Level(level)) => {
                    labels.extend(keys.into_iter().map(|key| (key, *level)));
                }
                (CellKind::Choice { keys: known, .. } | CellKind::Multi { keys: known, .. }, Value::Option(id)) => {
                    if let Some(index) = option_index(id) {
                        known.extend(keys.into_iter().map(|key| (key, index)));
                    }
                }
                _ => {}
            }
        }
        self
    }

    /// Reads a cell. `column` is the cell's column (for text answers); chosen options of a multi answer are
    /// pushed onto `arena`; `scratch` is a reused buffer.
    pub fn read(
        &self,
        text: &str,
        column: usize,
        arena: &mut Vec<u16>,
        scratch: &mut String,
    ) -> Result<Slot, CellProblem> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Slot::Empty);
        }
        // Fast path: a plain level number.
        if let CellKind::Level { max, .. } = &self.kind
            && text.len() <= 9
            && text.bytes().all(|b| b.is_ascii_digit())
        {
            let level: u32 = text.parse().unwrap_or(u32::MAX);
            return if level <= *max { Ok(Slot::Level(level)) } else { Err(level_out_of_range(*max)) };
        }
        if let CellKind::Choice { ids, .. } = &self.kind
            && let Some(index) = ids.iter().position(|id| id == text)
        {
            return Ok(Slot::Choice(index as u16));
        }
        if let CellKind::Text = self.kind {
            // A text answer of "na" or "dk" is still that answer, as in a sheet.
            normalise_into(text, scratch);
            return Ok(match special(scratch) {
                Some(true) if self.allow_na => Slot::Na,
                Some(true) => return Err(AnswerProblem::NotApplicableNotAllowed.into()),
                Some(false) => Slot::Dk,
                None => Slot::Text(column as u32),
            });
        }
        normalise_into(text, scratch);
        match special(scratch) {
            Some(true) if self.allow_na => return Ok(Slot::Na),
            Some(true) => return Err(AnswerProblem::NotApplicableNotAllowed.into()),
            Some(false) => return Ok(Slot::Dk),
            None => {}
        }
        match &self.kind {
            CellKind::Level { max, labels } => read_level(text, scratch, *max, labels),
            CellKind::Choice { ids, keys } => {
                find_key(keys, scratch).map(Slot::Choice).ok_or_else(|| unknown_option(text, ids))
            }
            CellKind::Multi { ids, keys } => read_multi(text, ids, keys, arena),
            CellKind::YesNo => {
                let word = scratch.trim_end_matches('.');
                if YES_WORDS.contains(&word) {
                    Ok(Slot::YesNo(true))
                } else if NO_WORDS.contains(&word) {
                    Ok(Slot::YesNo(false))
                } else {
                    Err(AnswerProblem::WrongType { kind: "yesno" }.into())
                }
            }
            CellKind::Number { min, max, units } => {
                let number = parse_number(scratch, units).ok_or(AnswerProblem::WrongType { kind: "number" })?;
                Ok(Slot::Number(check_number(number, *min, *max)?))
            }
            CellKind::Text => Ok(Slot::Text(column as u32)),
        }
    }

    /// Reads a cell as [`QuestionCells::read`] does, and also takes an "other" answer of a choice or multi
    /// question: LimeSurvey's `-oth-` or its word for "Other" (Muu, Annat), and, where `free_other` (the
    /// survey tool writes a typed "other" answer in the answer's own cell, as Forms does), any text that is
    /// no option. The typed text goes to `other`; the chosen options count, and a question answered only
    /// with "other" is left unanswered.
    pub fn read_with_other(
        &self,
        text: &str,
        column: usize,
        arena: &mut Vec<u16>,
        scratch: &mut String,
        free_other: bool,
        other: &mut String,
    ) -> Result<Slot, CellProblem> {
        let result = self.read(text, column, arena, scratch);
        let Err(CellProblem::Answer(AnswerProblem::UnknownOption { .. }) | CellProblem::PartNotAnOption { .. }) =
            result
        else {
            return result;
        };
        let text = text.trim();
        normalise_into(text, scratch);
        let marker = crate::batch::header::OTHER_WORDS.contains(&scratch.as_str());
        match &self.kind {
            CellKind::Choice { .. } if marker => Ok(Slot::Empty),
            CellKind::Choice { .. } if free_other => {
                other.push_str(text);
                Ok(Slot::Empty)
            }
            CellKind::Multi { ids, keys } if marker || free_other => {
                let separator = if text.contains('|') {
                    "|"
                } else if text.contains(';') {
                    ";"
                } else {
                    ", "
                };
                read_multi_by(text, separator, ids, keys, arena, &mut Some(other))
            }
            _ => result,
        }
    }

    /// Whether a cell of a LimeSurvey or Webropol option column that is not a yes/no mark names this
    /// question's option `option` (Webropol writes the option's label in its column).
    pub fn names_option(&self, option: usize, text: &str, scratch: &mut String) -> bool {
        let CellKind::Multi { ids, keys } = &self.kind else { return false };
        normalise_into(text, scratch);
        ids.get(option).is_some_and(|id| id.eq_ignore_ascii_case(text.trim()))
            || keys.iter().any(|(key, index)| usize::from(*index) == option && key == scratch)
    }

    /// The answer a slot holds, as an answer sheet holds it; `text` gives the text of a column.
    pub fn answer<'a>(
        &self,
        slot: Slot,
        arena: &[u16],
        text: impl Fn(usize) -> std::borrow::Cow<'a, str>,
    ) -> Option<Answer> {
        let id = |index: u16| match &self.kind {
            CellKind::Choice { ids, .. } | CellKind::Multi { ids, .. } => {
                ids.get(usize::from(index)).cloned().unwrap_or_default()
            }
            _ => String::new(),
        };
        Some(match slot {
            Slot::Empty => return None,
            Slot::Level(level) => Answer::Level(level),
            Slot::Choice(index) => Answer::Choice(id(index)),
            Slot::Multi { start, end } => {
                Answer::Multi(arena[start as usize..end as usize].iter().map(|i| id(*i)).collect())
            }
            Slot::YesNo(yes) => Answer::YesNo(yes),
            Slot::Number(number) => Answer::Number(number),
            Slot::Text(column) => Answer::Text(text(column as usize).trim().to_string()),
            Slot::Na => Answer::NotApplicable,
            Slot::Dk => Answer::DontKnow,
        })
    }
}

fn level_out_of_range(max: u32) -> CellProblem {
    AnswerProblem::LevelOutOfRange { max }.into()
}

fn unknown_option(text: &str, ids: &[String]) -> CellProblem {
    AnswerProblem::UnknownOption { option: text.to_string(), options: ids.to_vec() }.into()
}

fn find_key(keys: &[(String, u16)], normalised: &str) -> Option<u16> {
    keys.iter().find(|(key, _)| key == normalised).map(|(_, index)| *index)
}

/// A level: a whole number (also `2.0` or `2,0`), a label of the scale in any language, or "2 – label".
fn read_level(text: &str, normalised: &str, max: u32, labels: &[(String, u32)]) -> Result<Slot, CellProblem> {
    if let Some((_, level)) = labels.iter().find(|(label, _)| label == normalised) {
        return Ok(Slot::Level(*level));
    }
    let wrong = || CellProblem::from(AnswerProblem::WrongType { kind: "level" });
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[digits..];
    if let Some(negative) = text.strip_prefix('-')
        && !negative.is_empty()
        && negative.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(level_out_of_range(max));
    }
    if digits == 0 {
        return Err(wrong());
    }
    let level: u64 = text[..digits].parse().unwrap_or(u64::MAX);
    let fits = |level: u64| {
        u32::try_from(level).ok().filter(|l| *l <= max).map(Slot::Level).ok_or_else(|| level_out_of_range(max))
    };
    // `2.0` and `2,0` are the number 2, as spreadsheets write it; `2.5` is not a level.
    if let Some(decimals) =
        rest.strip_prefix(['.', ',']).filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    {
        return if decimals.bytes().all(|b| b == b'0') { fits(level) } else { Err(wrong()) };
    }
    // "2 – Osaan itsenäisesti", "2) …", "2: …".
    let separated = rest.starts_with(|c: char| c.is_whitespace() || "–—-:).".contains(c));
    if separated { fits(level) } else { Err(wrong()) }
}

/// A multi answer: options separated by `|`, or by `;` as Microsoft Forms writes them, or by `, ` as
/// Webropol joins them when every part is an option (a label may itself hold a comma).
fn read_multi(text: &str, ids: &[String], keys: &[(String, u16)], arena: &mut Vec<u16>) -> Result<Slot, CellProblem> {
    let separator = if text.contains('|') {
        "|"
    } else if text.contains(';') {
        ";"
    } else if text.contains(", ") && !is_option(text, ids, keys) {
        ", "
    } else {
        ";"
    };
    let mut other = None;
    read_multi_by(text, separator, ids, keys, arena, &mut other)
}

/// Whether the text (trimmed) is one option's id or label.
fn is_option(text: &str, ids: &[String], keys: &[(String, u16)]) -> bool {
    let text = text.trim();
    let mut scratch = String::new();
    normalise_into(text, &mut scratch);
    ids.iter().any(|id| id == text) || find_key(keys, &scratch).is_some()
}

/// The parts of a multi answer joined with `, `, where an option's label may itself hold `, ` ("Sähköiset
/// lomakkeet, jotka tallentuvat …"): from each part, the longest run of parts that is an option is one item.
fn comma_items(text: &str, ids: &[String], keys: &[(String, u16)]) -> Vec<String> {
    let parts: Vec<&str> = text.split(", ").collect();
    let mut items = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let end =
            (i + 1..=parts.len()).rev().find(|&end| is_option(&parts[i..end].join(", "), ids, keys)).unwrap_or(i + 1);
        let item = parts[i..end].join(", ");
        if !item.trim().is_empty() {
            items.push(item.trim().to_string());
        }
        i = end;
    }
    items
}

/// Reads the options of a multi answer separated by `separator`. With `other`, a part that is no option
/// is an "other" answer: its text is added to `other` (LimeSurvey's and Forms' word for "other" alone
/// adds nothing) instead of refusing the cell.
fn read_multi_by(
    text: &str,
    separator: &str,
    ids: &[String],
    keys: &[(String, u16)],
    arena: &mut Vec<u16>,
    other: &mut Option<&mut String>,
) -> Result<Slot, CellProblem> {
    let start = arena.len();
    let mut scratch = String::new();
    let items = if separator == ", " {
        comma_items(text, ids, keys)
    } else {
        text.split(separator).map(str::trim).filter(|item| !item.is_empty()).map(str::to_string).collect()
    };
    let single = items.len() == 1;
    for item in items.iter().map(String::as_str) {
        let index = match ids.iter().position(|id| id == item) {
            Some(index) => index as u16,
            None => {
                normalise_into(item, &mut scratch);
                match find_key(keys, &scratch) {
                    Some(index) => index,
                    None if single && arena.len() == start && NONE_WORDS.contains(&scratch.as_str()) => {
                        return Ok(Slot::Multi { start: start as u32, end: start as u32 });
                    }
                    None => {
                        if let Some(other) = other.as_deref_mut() {
                            if !crate::batch::header::OTHER_WORDS.contains(&scratch.as_str()) {
                                if !other.is_empty() {
                                    other.push_str("; ");
                                }
                                other.push_str(item);
                            }
                            continue;
                        }
                        arena.truncate(start);
                        if separator == ", " {
                            return Err(CellProblem::PartNotAnOption { part: item.to_string(), options: ids.to_vec() });
                        }
                        return Err(unknown_option(item, ids));
                    }
                }
            }
        };
        if arena[start..].contains(&index) {
            arena.truncate(start);
            return Err(AnswerProblem::DuplicateOption { option: ids[usize::from(index)].clone() }.into());
        }
        arena.push(index);
    }
    if arena.len() == start {
        return Ok(Slot::Empty);
    }
    Ok(Slot::Multi { start: start as u32, end: arena.len() as u32 })
}

/// A number with `.` or `,` as the decimal separator, spaces as thousands separators, and the question's
/// unit (or `%`) after it.
fn parse_number(normalised: &str, units: &[String]) -> Option<f64> {
    let mut text = normalised;
    for unit in units.iter().map(String::as_str).chain(["%"]) {
        if let Some(stripped) = text.strip_suffix(unit) {
            text = stripped.trim_end();
            break;
        }
    }
    let mut plain = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' | '\'' => {}
            '−' => plain.push('-'),
            c => plain.push(c),
        }
    }
    if plain.contains(',') {
        if plain.contains('.') || plain.matches(',').count() > 1 {
            return None;
        }
        plain = plain.replace(',', ".");
    }
    if !plain.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b)) {
        return None;
    }
    plain.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A LimeSurvey option column: `Y` (or yes, 1, x) chosen, `N` (or no, 0) not chosen, empty unanswered.
pub fn read_option_mark(text: &str, scratch: &mut String) -> Result<Option<bool>, CellProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    normalise_into(text, scratch);
    if YES_WORDS.contains(&scratch.as_str()) {
        Ok(Some(true))
    } else if NO_WORDS.contains(&scratch.as_str()) {
        Ok(Some(false))
    } else if scratch == "n/a" {
        // LimeSurvey's full answers: a box the respondent was never shown.
        Ok(None)
    } else {
        Err(CellProblem::BadOptionMark)
    }
}

/// A municipality code: one to three digits, with the zeros Excel drops put back (`49` → `049`).
pub fn read_code(text: &str) -> Result<Option<[u8; 3]>, CellProblem> {
    // The common cell first: three digits.
    if let &[a, b, c] = text.as_bytes()
        && [a, b, c].iter().all(u8::is_ascii_digit)
    {
        return Ok(Some([a, b, c]));
    }
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let digits = text.strip_suffix(".0").or_else(|| text.strip_suffix(",0")).unwrap_or(text);
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CellProblem::BadMunicipalityCode);
    }
    let mut code = [b'0'; 3];
    code[3 - digits.len()..].copy_from_slice(digits.as_bytes());
    Ok(Some(code))
}

/// A population: a whole number, perhaps with spaces between thousands.
pub fn read_population(text: &str) -> Result<Option<u64>, CellProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let plain: String = text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    let plain = plain.strip_suffix(".0").or_else(|| plain.strip_suffix(",0")).unwrap_or(&plain);
    if plain.is_empty() || !plain.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CellProblem::BadPopulation);
    }
    plain.parse().map(Some).map_err(|_| CellProblem::BadPopulation)
}

/// A date as `YYYY-MM-DD`: from that form (a time after it is dropped, as survey tools add one) or from the
/// Finnish `22.11.2026`.
pub fn read_date(text: &str) -> Result<Option<String>, CellProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let iso = if let Some(date) = text.get(..10).filter(|d| d.as_bytes().get(4) == Some(&b'-')) {
        let rest = &text[10..];
        if !(rest.is_empty() || rest.starts_with([' ', 'T'])) {
            return Err(CellProblem::BadDate);
        }
        date.to_string()
    } else {
        // `22.11.2026` or, as survey tools write a time of answering, `22.11.2026 10:15`.
        let date = text.split_once(' ').map_or(text, |(date, _)| date);
        let parts: Vec<&str> = date.trim_end_matches('.').split('.').collect();
        match parts.as_slice() {
            [d, mo, y] if (1..=2).contains(&d.len()) && (1..=2).contains(&mo.len()) && y.len() == 4 => {
                format!("{y}-{mo:0>2}-{d:0>2}")
            }
            _ => return Err(CellProblem::BadDate),
        }
    };
    if crate::clock::is_valid_date(&iso) { Ok(Some(iso)) } else { Err(CellProblem::BadDate) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::interpret;
    use crate::questionnaire::fixtures::small;
    use serde_json::{Value, json};

    fn read(id: &str, text: &str) -> Result<Option<Answer>, CellProblem> {
        let q = small();
        let index = q.question_index(id).unwrap();
        let cells = QuestionCells::new(&q, &q.questions[index]);
        let mut arena = Vec::new();
        let slot = cells.read(text, 0, &mut arena, &mut String::new())?;
        Ok(cells.answer(slot, &arena, |_| text.into()))
    }

    #[test]
    fn agrees_with_the_answer_sheet_on_every_plain_value() {
        let q = small();
        let values: Vec<(&str, Value, &str)> = vec![
            ("a.level", json!(0), "0"),
            ("a.level", json!(4), "4"),
            ("a.level", json!(5), "5"),
            ("a.level", json!(2.0), "2.0"),
            ("a.level", json!(2.5), "2.5"),
            ("a.level", json!(-1), "-1"),
            ("a.level", json!("kolme"), "kolme"),
            ("a.level", json!("na"), "na"),
            ("a.level", json!("dk"), "dk"),
            ("a.choice", json!("some"), "some"),
            ("a.choice", json!("many"), "many"),
            ("a.multi", json!(["p", "r"]), "p|r"),
            ("a.multi", json!(["p", "p"]), "p|p"),
            ("a.multi", json!(["zz"]), "zz"),
            ("a.multi", json!("q"), "q"),
            ("t.yes", json!(true), "true"),
            ("t.yes", json!(false), "false"),
            ("t.yes", json!("na"), "na"),
            ("t.yes", json!("DK"), "DK"),
            ("a.number", json!(45.5), "45.5"),
            ("a.number", json!(-3.0), "-3"),
            ("a.number", json!(101), "101"),
            ("x.free", json!("hei"), "hei"),
        ];
        for (id, value, text) in values {
            let expected = interpret(q.question(id).unwrap(), &value).map(Some).map_err(CellProblem::Answer);
            assert_eq!(read(id, text), expected, "{id} = {text}");
        }
    }

    #[test]
    fn reads_what_people_and_survey_tools_write() {
        assert_eq!(read("a.level", " 3 "), Ok(Some(Answer::Level(3))));
        assert_eq!(read("a.level", "2 – kaksi"), Ok(Some(Answer::Level(2))));
        assert_eq!(read("a.level", "Två"), Ok(Some(Answer::Level(2))), "a scale label in Swedish");
        assert_eq!(read("a.level", "Ei koske"), Ok(Some(Answer::NotApplicable)));
        assert_eq!(read("a.level", "ej tillämplig"), Ok(Some(Answer::NotApplicable)));
        assert_eq!(read("a.level", "En vet"), Ok(Some(Answer::DontKnow)));
        assert_eq!(read("a.level", "ei tiedä"), Ok(Some(Answer::DontKnow)));
        assert_eq!(read("a.level", ""), Ok(None));
        assert_eq!(read("a.choice", "Kaikki"), Ok(Some(Answer::Choice("all".into()))));
        assert_eq!(read("a.choice", "lite"), Ok(Some(Answer::Choice("some".into()))));
        assert_eq!(read("a.multi", "P-en;R;"), Ok(Some(Answer::Multi(vec!["p".into(), "r".into()]))), "Forms");
        assert_eq!(read("a.multi", "q | p"), Ok(Some(Answer::Multi(vec!["q".into(), "p".into()]))));
        assert_eq!(read("a.multi", "none"), Ok(Some(Answer::Multi(vec![]))));
        assert_eq!(read("t.yes", "Kyllä"), Ok(Some(Answer::YesNo(true))));
        assert_eq!(read("t.yes", "nej"), Ok(Some(Answer::YesNo(false))));
        assert_eq!(read("t.yes", "1"), Ok(Some(Answer::YesNo(true))));
        assert_eq!(read("a.number", "45,5"), Ok(Some(Answer::Number(45.5))));
        assert_eq!(read("a.number", "45,5 %"), Ok(Some(Answer::Number(45.5))));
        assert_eq!(read("a.number", "1 2,5"), Ok(Some(Answer::Number(12.5))));
        assert!(read("a.number", "1.234,5").is_err());
        assert!(read("t.yes", "ehkä").is_err());
        assert!(matches!(read("t.yes", "ei koske"), Err(CellProblem::Answer(AnswerProblem::NotApplicableNotAllowed))));
    }

    #[test]
    fn reads_respondent_fields_as_spreadsheets_write_them() {
        assert_eq!(read_code("49"), Ok(Some(*b"049")));
        assert_eq!(read_code("304"), Ok(Some(*b"304")));
        assert_eq!(read_code("1234"), Err(CellProblem::BadMunicipalityCode));
        assert_eq!(read_population("12 345"), Ok(Some(12_345)));
        assert_eq!(read_population("many"), Err(CellProblem::BadPopulation));
        assert_eq!(read_date("22.11.2026"), Ok(Some("2026-11-22".into())));
        assert_eq!(read_date("2026-11-22 10:15:00"), Ok(Some("2026-11-22".into())));
        assert_eq!(read_date("2026-02-30"), Err(CellProblem::BadDate));
        assert_eq!(read_option_mark("Y", &mut String::new()), Ok(Some(true)));
        assert_eq!(read_option_mark("", &mut String::new()), Ok(None));
        assert_eq!(read_option_mark("maybe", &mut String::new()), Err(CellProblem::BadOptionMark));
    }
}
