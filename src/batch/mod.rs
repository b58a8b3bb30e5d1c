//! Batch scoring: a CSV or XLSX file of many respondents → one assessment per row, streamed.
//!
//! - [`read`]: the file's encoding, delimiter and rows (CSV or XLSX), one reused row at a time;
//! - [`header`]: what each column holds, and every problem with the header row before any row is read;
//! - [`cell`]: what a cell says, held to the answer sheet's rules;
//! - [`tally`]: a row's assessment, computed into reused buffers;
//! - [`group`]: per-group sums for `--group-by`, and the group's report;
//! - [`summary`], [`rejected`], [`progress`]: what a run writes.
//!
//! [`Engine`] ties them together for one row: it reads every cell, collects every problem of the row, and
//! either rejects the row whole or scores it. It keeps nothing from one row to the next but its buffers,
//! so memory stays flat however long the file is. The command (`commands::batch`) owns the files.

pub mod cell;
pub mod group;
pub mod header;
pub mod progress;
pub mod read;
pub mod rejected;
pub mod summary;
pub mod tally;

use std::borrow::Cow;

use crate::answers::{Answer, AnswerSheet, Respondent};
use crate::questionnaire::{Kind, Questionnaire};
use crate::scoring::{Outcome, question_score};

use cell::{CellProblem, QuestionCells, Slot};
use header::{Meta, Plan, Role};
use read::Row;
use tally::Tally;

/// A problem with one cell (or, without a column, with the row as a whole).
#[derive(Debug, Clone, PartialEq)]
pub struct CellError {
    pub column: Option<usize>,
    /// The question the cell answers, for the message.
    pub question: Option<usize>,
    pub problem: CellProblem,
}

/// What became of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Every cell empty: not a respondent.
    Blank,
    /// At least one bad cell: see [`Engine::errors`].
    Rejected,
    /// Scored: see [`Engine::tally`] and [`Engine::fields`].
    Scored,
}

/// The respondent fields of the current row, in reused buffers: the text of each field (the code with its
/// zeros, the date as `YYYY-MM-DD`), empty when not given.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub text: [String; 8],
    pub population: Option<u64>,
    /// The value of the `--group-by` column.
    pub group: String,
}

impl Fields {
    pub fn get(&self, meta: Meta) -> Option<&str> {
        Some(self.text[meta.index()].as_str()).filter(|text| !text.is_empty())
    }

    fn clear(&mut self) {
        for text in &mut self.text {
            text.clear();
        }
        self.population = None;
        self.group.clear();
    }
}

/// How a question is scored from a slot without building an [`Answer`]. The tables hold what
/// [`question_score`] gives for each value, computed once, so the scores are the same to the last bit.
#[derive(Debug, Clone)]
enum Scoring {
    /// Each level's score.
    Level(Vec<f64>),
    /// Each option's score, and the option ids for the fast path.
    Choice(Vec<f64>, Vec<String>),
    /// Each option's points, and `max_points`.
    Multi(Vec<f64>, f64),
    YesNo,
    /// The range, for the fast path; the score through [`question_score`].
    Number(Option<f64>, Option<f64>),
    Unscored,
}

/// What a column takes on the hot path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lane {
    /// Left aside, a note, the group: nothing to read while scoring.
    Skip,
    /// An answer column. Plain values are read here; a level's or an option's score is
    /// `table[first + index]`, an option's id `ids[first + index]`.
    Answer {
        question: u32,
        kind: LaneKind,
        first: u32,
        count: u32,
        allow_na: bool,
    },
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LaneKind {
    Level,
    Choice,
    YesNo,
    /// Read by [`Engine::fast`] or in full.
    Other,
    Text,
}

/// Reads and scores rows against one questionnaire and one header row.
pub struct Engine<'q> {
    q: &'q Questionnaire,
    pub plan: Plan,
    cells: Vec<QuestionCells>,
    scoring: Vec<Scoring>,
    lanes: Vec<Lane>,
    /// The question columns come in questionnaire order (and no option columns are folded), so each
    /// outcome is added to the tally as it is read, in the order the reference sums them.
    fused: bool,
    table: Vec<f64>,
    ids: Vec<String>,
    allow_na: Vec<bool>,
    /// Each question's outcome when it has no answer: where every row starts.
    blank: Vec<Outcome>,
    arena: Vec<u16>,
    /// LimeSurvey option columns: per question, the options marked chosen and whether any cell was filled.
    options_chosen: Vec<Vec<u16>>,
    options_seen: Vec<bool>,
    folded: Vec<usize>,
    scratch: String,
    pub tally: Tally,
    pub fields: Fields,
    pub errors: Vec<CellError>,
}

impl<'q> Engine<'q> {
    pub fn new(q: &'q Questionnaire, plan: Plan) -> Engine<'q> {
        let scoring: Vec<Scoring> = q
            .questions
            .iter()
            .map(|question| match &question.kind {
                Kind::Level { levels, .. } => Scoring::Level(
                    (0..levels.len() as u32)
                        .map(|level| question_score(q, question, &Answer::Level(level)).unwrap_or(0.0))
                        .collect(),
                ),
                Kind::Choice { options } => Scoring::Choice(
                    options
                        .iter()
                        .map(|o| question_score(q, question, &Answer::Choice(o.id.clone())).unwrap_or(0.0))
                        .collect(),
                    options.iter().map(|o| o.id.clone()).collect(),
                ),
                Kind::Multi { options, max_points } => {
                    Scoring::Multi(options.iter().map(|o| o.points).collect(), *max_points)
                }
                Kind::YesNo => Scoring::YesNo,
                Kind::Number { min, max, .. } => Scoring::Number(*min, *max),
                Kind::Text => Scoring::Unscored,
            })
            .collect();
        let mut folded: Vec<usize> = plan
            .roles
            .iter()
            .filter_map(|role| match role {
                Role::Option { question, .. } => Some(*question),
                _ => None,
            })
            .collect();
        folded.sort_unstable();
        folded.dedup();
        let (mut table, mut ids) = (Vec::new(), Vec::new());
        let lanes = plan
            .roles
            .iter()
            .map(|role| match role {
                Role::Question(question) => {
                    let first = table.len() as u32;
                    let (kind, count) = match &scoring[*question] {
                        Scoring::Level(scores) => {
                            table.extend_from_slice(scores);
                            (LaneKind::Level, scores.len())
                        }
                        Scoring::Choice(scores, option_ids) => {
                            table.extend_from_slice(scores);
                            ids.resize(first as usize, String::new());
                            ids.extend(option_ids.iter().cloned());
                            (LaneKind::Choice, scores.len())
                        }
                        Scoring::YesNo => (LaneKind::YesNo, 0),
                        Scoring::Unscored => (LaneKind::Text, 0),
                        Scoring::Multi(..) | Scoring::Number(..) => (LaneKind::Other, 0),
                    };
                    let allow_na = q.questions[*question].allow_na;
                    Lane::Answer { question: *question as u32, kind, first, count: count as u32, allow_na }
                }
                Role::Aside(_) | Role::GroupOnly | Role::Note(_) => Lane::Skip,
                Role::Meta(_) | Role::Option { .. } => Lane::Other,
            })
            .collect();
        let question_columns: Vec<usize> = plan
            .roles
            .iter()
            .filter_map(|role| match role {
                Role::Question(question) => Some(*question),
                _ => None,
            })
            .collect();
        let fused = folded.is_empty() && question_columns.windows(2).all(|pair| pair[0] < pair[1]);
        Engine {
            lanes,
            fused,
            table,
            ids,
            q,
            cells: q.questions.iter().map(|question| QuestionCells::new(q, question)).collect(),
            scoring,
            allow_na: q.questions.iter().map(|question| question.allow_na).collect(),
            blank: q
                .questions
                .iter()
                .map(|question| if question.kind.is_scored() { Outcome::Unanswered } else { Outcome::Unscored })
                .collect(),
            arena: Vec::new(),
            options_chosen: vec![Vec::new(); q.questions.len()],
            options_seen: vec![false; q.questions.len()],
            folded,
            scratch: String::new(),
            tally: Tally::new(q),
            fields: Fields::default(),
            errors: Vec::new(),
            plan,
        }
    }

    pub fn questionnaire(&self) -> &'q Questionnaire {
        self.q
    }

    /// Reads one row: every cell, every problem.
    pub fn process(&mut self, row: &Row) -> RowKind {
        if row.is_blank() {
            return RowKind::Blank;
        }
        self.errors.clear();
        self.arena.clear();
        self.tally.assessment.questions.copy_from_slice(&self.blank);
        self.tally.begin();
        let mut run = tally::Run::default();
        self.fields.clear();
        for &question in &self.folded {
            self.options_chosen[question].clear();
            self.options_seen[question] = false;
        }
        let expected = self.plan.headers.len();
        if row.len() < expected && !row.padded {
            self.errors.push(CellError {
                column: None,
                question: None,
                problem: CellProblem::ShortRow { cells: row.len(), expected },
            });
        }
        if row.len() > expected
            && let Some(extra) = (expected..row.len()).find(|&c| !row.cell_lossy(c).trim().is_empty())
        {
            self.errors.push(CellError {
                column: Some(extra),
                question: None,
                problem: CellProblem::ExtraCells { cells: row.len(), expected },
            });
        }

        let (data, ends, gap) = row.raw();
        let mut start = 0;
        for (column, &end) in ends.iter().enumerate().take(expected) {
            let bytes = &data[start..end];
            start = end + gap;
            match self.lanes[column] {
                Lane::Skip => continue,
                Lane::Answer { question, kind, first, count, allow_na } => {
                    let i = question as usize;
                    // Every row starts with every question unanswered: an empty cell needs nothing.
                    if bytes.is_empty() {
                        continue;
                    }
                    match (kind, bytes) {
                        (LaneKind::Text, _) => {}
                        (_, [b'd' | b'D', b'k' | b'K']) => {
                            self.tally.set_in(&mut run, i, Outcome::DontKnow);
                            continue;
                        }
                        (_, [b'n' | b'N', b'a' | b'A']) if allow_na => {
                            self.tally.set_in(&mut run, i, Outcome::NotApplicable);
                            continue;
                        }
                        (LaneKind::Level, [digit @ b'0'..=b'9']) => {
                            let level = u32::from(digit - b'0');
                            if level < count {
                                self.tally.set_in(&mut run, i, Outcome::Scored(self.table[(first + level) as usize]));
                                continue;
                            }
                        }
                        (LaneKind::YesNo, _) => {
                            if let Some(yes) = plain_yes_no(bytes) {
                                self.tally.set_in(&mut run, i, Outcome::Scored(if yes { 1.0 } else { 0.0 }));
                                continue;
                            }
                        }
                        (LaneKind::Choice, _) => {
                            let options = &self.ids[first as usize..(first + count) as usize];
                            if let Some(option) = options.iter().position(|id| id.as_bytes() == bytes) {
                                self.tally.set_in(&mut run, i, Outcome::Scored(self.table[first as usize + option]));
                                continue;
                            }
                        }
                        _ => {}
                    }
                }
                Lane::Other => {}
            }
            let role = self.plan.roles[column];
            // The common case, a plain value, without decoding or allocating.
            if let Role::Question(question) = role
                && let Some(slot) = self.fast(question, bytes)
            {
                self.tally.set_in(&mut run, question, self.outcome(question, slot));
                continue;
            }
            let Ok(text) = row.cell(column) else {
                self.errors.push(CellError { column: Some(column), question: None, problem: CellProblem::NotUtf8 });
                continue;
            };
            let result = match role {
                Role::Question(question) => {
                    match self.cells[question].read(&text, column, &mut self.arena, &mut self.scratch) {
                        Ok(slot) => {
                            self.tally.set_in(&mut run, question, self.outcome(question, slot));
                            Ok(())
                        }
                        Err(problem) => Err((Some(question), problem)),
                    }
                }
                Role::Option { question, option } => match cell::read_option_mark(&text, &mut self.scratch) {
                    Ok(mark) => {
                        if let Some(chosen) = mark {
                            self.options_seen[question] = true;
                            if chosen {
                                self.options_chosen[question].push(option as u16);
                            }
                        }
                        Ok(())
                    }
                    Err(problem) => Err((Some(question), problem)),
                },
                Role::Meta(meta) => self.read_field(meta, &text).map_err(|problem| (None, problem)),
                Role::Aside(_) | Role::GroupOnly | Role::Note(_) => Ok(()),
            };
            if let Err((question, problem)) = result {
                self.errors.push(CellError { column: Some(column), question, problem });
            }
        }
        if let Some(column) = self.plan.meta[Meta::Municipality.index()]
            && self.fields.text[Meta::Municipality.index()].is_empty()
            && !self.errors.iter().any(|e| e.column == Some(column))
        {
            self.errors.push(CellError {
                column: Some(column),
                question: None,
                problem: CellProblem::MissingMunicipality,
            });
        }
        if let Some(column) = self.plan.group {
            let text = row.cell_lossy(column);
            let text = text.trim();
            if text.is_empty() {
                self.errors.push(CellError { column: Some(column), question: None, problem: CellProblem::EmptyGroup });
            } else {
                self.fields.group.push_str(text);
            }
        }
        if !self.errors.is_empty() {
            return RowKind::Rejected;
        }

        for i in 0..self.folded.len() {
            let question = self.folded[i];
            let chosen = &self.options_chosen[question];
            if !chosen.is_empty() || self.options_seen[question] {
                let start = self.arena.len() as u32;
                self.arena.extend_from_slice(chosen);
                let slot = Slot::Multi { start, end: self.arena.len() as u32 };
                self.tally.set_in(&mut run, question, self.outcome(question, slot));
            }
        }
        if self.fused {
            self.tally.flush(&run);
            self.tally.finish();
        } else {
            self.tally.compute();
        }
        RowKind::Scored
    }

    /// A plain value read straight from its bytes: empty, `dk`, `na`, a level digit, an option id, yes/no
    /// in its most common words, a plain decimal number. `None` sends the cell to [`QuestionCells::read`],
    /// which reads everything else (and gives these the same answers).
    fn fast(&self, question: usize, bytes: &[u8]) -> Option<Slot> {
        match bytes {
            [] => return Some(Slot::Empty),
            [b'd' | b'D', b'k' | b'K'] => return Some(Slot::Dk),
            [b'n' | b'N', b'a' | b'A'] if self.allow_na[question] => return Some(Slot::Na),
            _ => {}
        }
        match &self.scoring[question] {
            Scoring::Level(scores) => match bytes {
                [digit @ b'0'..=b'9'] if usize::from(digit - b'0') < scores.len() => {
                    Some(Slot::Level(u32::from(digit - b'0')))
                }
                _ => None,
            },
            Scoring::Choice(_, ids) => ids.iter().position(|id| id.as_bytes() == bytes).map(|i| Slot::Choice(i as u16)),
            Scoring::YesNo => plain_yes_no(bytes).map(Slot::YesNo),
            Scoring::Number(min, max) => {
                let plain = bytes.len() <= 24
                    && bytes[0].is_ascii_digit()
                    && bytes.iter().all(|b| b.is_ascii_digit() || *b == b'.');
                if !plain {
                    return None;
                }
                let number: f64 = std::str::from_utf8(bytes).ok()?.parse().ok()?;
                crate::answers::check_number(number, *min, *max).ok().map(Slot::Number)
            }
            Scoring::Multi(..) | Scoring::Unscored => None,
        }
    }

    /// The outcome of a question's slot, as [`crate::scoring::outcome`] gives it for the same answer.
    fn outcome(&self, question: usize, slot: Slot) -> Outcome {
        match (&self.scoring[question], slot) {
            (Scoring::Unscored, _) => Outcome::Unscored,
            (_, Slot::Na) => Outcome::NotApplicable,
            (_, Slot::Dk) => Outcome::DontKnow,
            (Scoring::Level(scores), Slot::Level(level)) => {
                scores.get(level as usize).copied().map_or(Outcome::Unanswered, Outcome::Scored)
            }
            (Scoring::Choice(scores, _), Slot::Choice(option)) => {
                scores.get(usize::from(option)).copied().map_or(Outcome::Unanswered, Outcome::Scored)
            }
            (Scoring::Multi(points, max_points), Slot::Multi { start, end }) => {
                let chosen = &self.arena[start as usize..end as usize];
                let sum: f64 = points
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| chosen.contains(&(*k as u16)))
                    .map(|(_, points)| *points)
                    .sum();
                Outcome::Scored((sum / max_points).min(1.0))
            }
            (Scoring::YesNo, Slot::YesNo(yes)) => Outcome::Scored(if yes { 1.0 } else { 0.0 }),
            (Scoring::Number(..), Slot::Number(number)) => {
                let q = self.q;
                question_score(q, &q.questions[question], &Answer::Number(number))
                    .map_or(Outcome::Unanswered, Outcome::Scored)
            }
            _ => Outcome::Unanswered,
        }
    }

    fn read_field(&mut self, meta: Meta, text: &str) -> Result<(), CellProblem> {
        let out = &mut self.fields.text[meta.index()];
        match meta {
            Meta::MunicipalityCode => {
                if let Some(code) = cell::read_code(text)? {
                    out.extend(code.iter().map(|b| char::from(*b)));
                }
            }
            Meta::Population => self.fields.population = cell::read_population(text)?,
            Meta::Date => {
                if let Some(date) = cell::read_date(text)? {
                    out.push_str(&date);
                }
            }
            _ => out.push_str(text.trim()),
        }
        Ok(())
    }

    /// The row as an answer sheet, for its report. Only for a row that [`Engine::process`] scored: the
    /// cells are read again in full, which gives the answers the fast path scored.
    pub fn sheet(&self, row: &Row) -> AnswerSheet {
        let q = self.q;
        let mut sheet = AnswerSheet {
            questionnaire: q.id.clone(),
            questionnaire_version: Some(q.version.clone()),
            respondent: self.respondent(),
            ..AnswerSheet::default()
        };
        let (mut arena, mut scratch) = (Vec::new(), String::new());
        let mut slots = vec![Slot::Empty; q.questions.len()];
        let mut chosen: Vec<Option<Vec<u16>>> = vec![None; q.questions.len()];
        for (column, role) in self.plan.roles.iter().enumerate() {
            let Ok(text) = row.cell(column) else { continue };
            match *role {
                Role::Question(question) => {
                    if let Ok(slot) = self.cells[question].read(&text, column, &mut arena, &mut scratch) {
                        slots[question] = slot;
                    }
                }
                Role::Option { question, option } => {
                    if let Ok(Some(mark)) = cell::read_option_mark(&text, &mut scratch) {
                        let options = chosen[question].get_or_insert_with(Vec::new);
                        if mark {
                            options.push(option as u16);
                        }
                    }
                }
                Role::Note(question) if !text.trim().is_empty() => {
                    sheet.notes.insert(q.questions[question].id.clone(), text.trim().to_string());
                }
                _ => {}
            }
        }
        for (question, options) in chosen.into_iter().enumerate() {
            if let Some(options) = options {
                let start = arena.len() as u32;
                arena.extend_from_slice(&options);
                slots[question] = Slot::Multi { start, end: arena.len() as u32 };
            }
        }
        for (i, question) in q.questions.iter().enumerate() {
            if let Some(answer) = self.cells[i].answer(slots[i], &arena, |column| row.cell_lossy(column)) {
                sheet.answers.insert(question.id.clone(), answer);
            }
        }
        sheet
    }

    /// The current row's respondent.
    pub fn respondent(&self) -> Respondent {
        let f = &self.fields;
        let text = |meta: Meta| f.get(meta).map(str::to_string);
        Respondent {
            municipality: f.text[Meta::Municipality.index()].clone(),
            municipality_code: text(Meta::MunicipalityCode),
            region: text(Meta::Region),
            population: f.population,
            respondent: text(Meta::Respondent),
            role: text(Meta::Role),
            department: text(Meta::Department),
            date: text(Meta::Date),
        }
    }

    /// A cell error as `file:line:column (header): message`, in `lang`.
    pub fn render_error(&self, error: &CellError, file: &str, row: &Row, lang: crate::i18n::Lang) -> String {
        let value = error.column.map_or(Cow::Borrowed(""), |column| row.cell_lossy(column));
        let subject = match (error.question, error.column) {
            (Some(question), _) => self.q.questions[question].id.as_str(),
            (None, Some(column)) => self.plan.header(column),
            (None, None) => "",
        };
        let message = error.problem.message(lang, subject, value.trim());
        match error.column {
            Some(column) if !self.plan.header(column).trim().is_empty() => {
                format!("{file}:{}:{} ({}): {message}", row.line, column + 1, self.plan.header(column).trim())
            }
            Some(column) => format!("{file}:{}:{}: {message}", row.line, column + 1),
            None => format!("{file}:{}: {message}", row.line),
        }
    }
}

/// Yes or no in its most common words, as [`QuestionCells::read`] also reads them.
fn plain_yes_no(bytes: &[u8]) -> Option<bool> {
    match bytes {
        b"yes" | b"Yes" | b"1" | b"true" | b"ja" | b"Ja" => Some(true),
        b"no" | b"No" | b"0" | b"false" | b"ei" | b"Ei" | b"nej" | b"Nej" => Some(false),
        _ if bytes == "kyllä".as_bytes() || bytes == "Kyllä".as_bytes() => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;
    use crate::scoring::assess;

    fn row(line: u64, cells: &[&str]) -> Row {
        Row::of_cells(line, cells)
    }

    fn engine<'q>(q: &'q Questionnaire, headers: &[&str]) -> Engine<'q> {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_string()).collect();
        let (plan, _) = header::plan(q, &headers, 1, None, None).unwrap();
        Engine::new(q, plan)
    }

    const HEADERS: [&str; 11] = [
        "municipality",
        "municipality_code",
        "a.level",
        "a.choice",
        "a.multi",
        "a.number",
        "t.yes",
        "t.two",
        "t.three",
        "x.free",
        "a.level.note",
    ];

    #[test]
    fn scores_a_row_exactly_as_the_sheet_would_be_scored() {
        let q = small();
        let mut engine = engine(&q, &HEADERS);
        let r = row(2, &["Pöytyä", "608", "2", "Vähän", "p|r", "45,5", "kyllä", "dk", "ei", "vapaa", "huom"]);
        assert_eq!(engine.process(&r), RowKind::Scored);
        let sheet = engine.sheet(&r);
        assert_eq!(engine.tally.assessment, assess(&q, &sheet));
        assert_eq!(sheet.respondent.municipality_code.as_deref(), Some("608"));
        assert_eq!(sheet.answers["a.choice"], Answer::Choice("some".into()));
        assert_eq!(sheet.answers["x.free"], Answer::Text("vapaa".into()));
        assert_eq!(sheet.notes["a.level"], "huom");
    }

    #[test]
    fn the_fast_path_reads_what_the_full_reader_reads() {
        let q = small();
        let engine = engine(&q, &HEADERS);
        let values = [
            "", "dk", "DK", "na", "NA", "0", "3", "4", "5", "9", "some", "all", "Some", "yes", "Yes", "no", "1",
            "true", "false", "ja", "Nej", "kyllä", "Kyllä", "ei", "45.5", "100", "101", "0.5", ".5", "1e3", "p",
        ];
        for (i, question) in q.questions.iter().enumerate() {
            let cells = QuestionCells::new(&q, question);
            for value in values {
                if let Some(fast) = engine.fast(i, value.as_bytes()) {
                    let full = cells.read(value, 0, &mut Vec::new(), &mut String::new());
                    assert_eq!(Ok(fast), full, "{} = {value:?}", question.id);
                }
            }
        }
    }

    #[test]
    fn rejects_a_row_with_every_bad_cell_reported() {
        let q = small();
        let mut engine = engine(&q, &HEADERS);
        let r = row(7, &["", "12345", "9", "lots", "p|p", "abc", "maybe", "na", "", "", ""]);
        assert_eq!(engine.process(&r), RowKind::Rejected);
        let rendered: Vec<String> =
            engine.errors.iter().map(|e| engine.render_error(e, "vastaukset.csv", &r, crate::i18n::Lang::En)).collect();
        assert_eq!(rendered.len(), 7, "{rendered:#?}");
        assert!(rendered[0].starts_with("vastaukset.csv:7:2 (municipality_code): "), "{}", rendered[0]);
        assert!(rendered[1].starts_with("vastaukset.csv:7:3 (a.level): "), "{}", rendered[1]);
        assert!(rendered.last().unwrap().starts_with("vastaukset.csv:7:1 (municipality): "));
    }

    #[test]
    fn a_short_row_is_rejected_and_a_blank_one_skipped() {
        let q = small();
        let mut engine = engine(&q, &HEADERS);
        assert_eq!(engine.process(&row(3, &["Salo", "", "2"])), RowKind::Rejected);
        assert_eq!(engine.errors[0].problem, CellProblem::ShortRow { cells: 3, expected: 11 });
        assert_eq!(engine.process(&row(4, &["", " ", ""])), RowKind::Blank);
        let mut padded = row(5, &["Salo", "", "2"]);
        padded.padded = true;
        assert_eq!(engine.process(&padded), RowKind::Scored, "a spreadsheet row ends at its last value");
    }

    #[test]
    fn folds_limesurvey_option_columns_into_one_multi_answer() {
        let q = small();
        let mut engine = engine(&q, &["municipality", "a.multi[p]", "a.multi[q]", "a.multi[r]"]);
        let r = row(2, &["Salo", "Y", "", "Y"]);
        assert_eq!(engine.process(&r), RowKind::Scored);
        assert_eq!(engine.sheet(&r).answers["a.multi"], Answer::Multi(vec!["p".into(), "r".into()]));
        let r = row(3, &["Salo", "", "", ""]);
        assert_eq!(engine.process(&r), RowKind::Scored);
        assert!(!engine.sheet(&r).answers.contains_key("a.multi"), "no mark: unanswered");
    }
}
