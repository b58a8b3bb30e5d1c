//! Batch scoring: a CSV or XLSX file of many respondents → one assessment per row, streamed.
//!
//! - [`read`]: the file's encoding, delimiter and rows (CSV or XLSX), one reused row at a time;
//! - [`header`]: what each column holds, and every problem with the header row before any row is read;
//! - [`cell`]: what a cell says, held to the answer sheet's rules;
//! - [`tally`]: a row's assessment, computed into reused buffers;
//! - [`group`]: per-group sums for `--group-by` (the group's report is [`crate::report::group`]);
//! - [`sink`]: what a scored row is handed on as (its respondent fields and assessment), and to what;
//! - [`sinks`]: the sinks, which write what a run writes, with [`crate::render::summary`] (CSV, JSON, the table),
//!   [`crate::render::summary::xlsx`] (the workbook) and [`rejected`]; [`progress`]: the progress line.
//!
//! [`Engine`] ties the reading together for one row: it reads every cell, collects every problem of the
//! row, and either rejects the row whole or scores it; it renders nothing. It keeps nothing from one row to
//! the next but its buffers, so memory stays flat however long the file is. The command
//! (`commands::batch`) owns the files and hands each scored row to a sink.

pub mod cell;
pub mod group;
pub mod header;
mod known;
pub mod progress;
pub mod read;
pub mod rejected;
pub mod sink;
pub mod sinks;
pub mod tally;
pub mod workbook;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::answers::{Answer, AnswerSheet, Respondent};
use crate::questionnaire::{Kind, Questionnaire};
use crate::scoring::{Outcome, question_score};

use cell::{CellProblem, QuestionCells, Slot};
use header::{Meta, Plan, Role};
use known::{KnownCells, KnownColumn};
use read::Row;
use tally::{Effect, Tally};

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
    /// A response the survey tool marks as not finished, left out unless asked for: see
    /// [`Engine::incomplete`].
    Incomplete,
}

/// Why a response counts as incomplete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Incomplete {
    /// Its submission time (LimeSurvey's `submitdate`, Forms' "Completion time") is empty.
    NotSubmitted,
    /// LimeSurvey's `lastpage` is below the survey's last page.
    LastPage { page: u64, last: u64 },
}

/// The respondent fields of the current row, in reused buffers: the text of each field (the code with its
/// zeros, the date as `YYYY-MM-DD`), empty when not given.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub text: [String; 8],
    pub population: Option<u64>,
    /// The value of the `--group-by` column.
    pub group: String,
    /// Whether the row's submission time is given, and its date (`YYYY-MM-DD`), when it is one.
    pub submitted: bool,
    pub submitted_date: String,
    /// LimeSurvey's `lastpage`.
    pub last_page: Option<u64>,
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
        self.submitted = false;
        self.submitted_date.clear();
        self.last_page = None;
    }
}

/// The answer an exclusive column gives its multi question (`at`: where an empty option list starts).
fn exclusive_slot(answer: header::Exclusive, at: u32) -> Slot {
    match answer {
        header::Exclusive::DontKnow => Slot::Dk,
        header::Exclusive::NotApplicable => Slot::Na,
        header::Exclusive::NoneChosen => Slot::Multi { start: at, end: at },
    }
}

/// A cell's text, or what a `--map` file's `[values]` says it stands for.
fn mapped<'t>(values: &std::collections::BTreeMap<String, String>, text: Cow<'t, str>) -> Cow<'t, str> {
    if values.is_empty() {
        return text;
    }
    match values.get(&header::normalise(&text)) {
        Some(meaning) => Cow::Owned(meaning.clone()),
        None => text,
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

impl Scoring {
    /// Each question's scoring, its scores computed once.
    fn of(q: &Questionnaire) -> Vec<Scoring> {
        q.questions
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
            .collect()
    }
}

/// What a column takes on the hot path: everything the common cell needs, side by side, so that reading
/// and adding it touches this and the row only.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Lane {
    kind: LaneKind,
    allow_na: bool,
    /// The question's MIL (0 for none), theme and weight, for [`Tally::add_at`].
    mil: u8,
    theme: u32,
    question: u32,
    /// A level's or an option's score (and its weighted score) is `table[first + index]`, an option's id
    /// `ids[first + index]`;
    /// for a number, `first` indexes [`Engine::numbers`].
    first: u32,
    count: u32,
    weight: f64,
}

impl Lane {
    const SKIP: Lane = Lane::of(LaneKind::Skip);
    const OTHER: Lane = Lane::of(LaneKind::Other);

    const fn of(kind: LaneKind) -> Lane {
        Lane { kind, allow_na: false, mil: 0, theme: 0, question: 0, first: 0, count: 0, weight: 0.0 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LaneKind {
    /// Left aside, a note, the group: nothing to read while scoring.
    Skip,
    Level,
    Choice,
    YesNo,
    Number,
    /// A multiple choice answer: read by [`Engine::fast`] or in full.
    Multi,
    /// An unscored question: read in full when not empty.
    Text,
    /// Metadata and LimeSurvey option columns: read in full.
    Other,
}

/// Reads and scores rows against one questionnaire and one header row.
pub struct Engine<'q> {
    q: &'q Questionnaire,
    pub plan: Plan,
    cells: Vec<QuestionCells>,
    scoring: Vec<Scoring>,
    rules: Rules,
    /// The question columns come in questionnaire order (and no option columns are folded), so each
    /// outcome is added to the tally as it is read, in the order the reference sums them.
    fused: bool,
    allow_na: Vec<bool>,
    /// The columns of the current row that the plain pass left to be read in full (the first ones of it),
    /// as long as the widest row so far.
    slow: Vec<u32>,
    /// Whether every question's outcome is kept in `tally.assessment.questions`; see
    /// [`Engine::keep_outcomes`].
    record_outcomes: bool,
    /// Each question's outcome when it has no answer: where every row starts.
    blank: Vec<Outcome>,
    arena: Vec<u16>,
    /// LimeSurvey option columns: per question, the options marked chosen and whether any cell was filled.
    options_chosen: Vec<Vec<u16>>,
    options_seen: Vec<bool>,
    /// A multi question answered whole by an exclusive column ("don't know", "none of these" …).
    exclusive: Vec<Option<header::Exclusive>>,
    folded: Vec<usize>,
    scratch: String,
    /// A typed "other" answer is written in the answer's own cell (Forms, Webropol), not in a column of
    /// its own: text that is no option is then that "other" answer.
    free_other: bool,
    /// The "other" text of each question in this row, and the questions that have one.
    other_text: Vec<String>,
    other_questions: Vec<usize>,
    /// The columns where a typed "other" answer was met, and the first such answer of a column met in this
    /// row (for a note: text that is no option is taken for an "other" answer only where the survey tool
    /// writes those so, and the user should see that it was).
    other_noted: Vec<usize>,
    pub first_other: Option<(usize, String)>,
    /// The questions of this row answered only with "other" (unscored), see [`Engine::other_only`].
    other_only: Vec<usize>,
    /// The column of each question's answer.
    question_column: Vec<Option<usize>>,
    /// The columns of the submission time and of LimeSurvey's `lastpage`.
    submitted_column: Option<usize>,
    last_page_column: Option<usize>,
    /// What an "other" text is introduced with in its question's note ("Muu: ").
    other_prefix: String,
    /// Incomplete responses are scored too (`--include-incomplete`).
    include_incomplete: bool,
    /// The last page of the survey, when known (a survey made by `questionnaire export`).
    last_page: Option<u64>,
    /// Why the current row is incomplete.
    pub incomplete: Option<Incomplete>,
    pub tally: Tally,
    pub fields: Fields,
    pub errors: Vec<CellError>,
}

impl<'q> Engine<'q> {
    pub fn new(q: &'q Questionnaire, plan: Plan) -> Engine<'q> {
        let scoring = Scoring::of(q);
        let mut folded: Vec<usize> = plan
            .roles
            .iter()
            .filter_map(|role| match role {
                Role::Option { question, .. } | Role::Exclusive { question, .. } => Some(*question),
                _ => None,
            })
            .collect();
        folded.sort_unstable();
        folded.dedup();
        let rules = Rules::of_plan(q, &plan, &scoring);
        let question_columns: Vec<usize> = plan
            .roles
            .iter()
            .filter_map(|role| match role {
                Role::Question(question) => Some(*question),
                _ => None,
            })
            .collect();
        let fused = folded.is_empty() && question_columns.windows(2).all(|pair| pair[0] < pair[1]);
        let mut question_column = vec![None; q.questions.len()];
        for (column, role) in plan.roles.iter().enumerate() {
            if let Role::Question(question) = role {
                question_column[*question] = Some(column);
            }
        }
        let free_other = plan.roles.iter().any(|role| {
            matches!(
                role,
                Role::Aside(header::Aside::Forms | header::Aside::Webropol)
                    | Role::Submitted(header::Aside::Forms | header::Aside::Webropol)
            )
        }) || plan.second_header;
        Engine {
            free_other,
            other_text: vec![String::new(); q.questions.len()],
            other_questions: Vec::new(),
            other_noted: Vec::new(),
            first_other: None,
            other_only: Vec::new(),
            question_column,
            submitted_column: plan.roles.iter().position(|role| matches!(role, Role::Submitted(_))),
            last_page_column: plan.roles.iter().position(|role| *role == Role::LastPage),
            include_incomplete: false,
            other_prefix: String::new(),
            last_page: None,
            incomplete: None,
            fused,
            rules,
            slow: Vec::new(),
            record_outcomes: true,
            q,
            cells: {
                let codes = crate::limesurvey::codes::CodeTable::new(q).ok();
                q.questions
                    .iter()
                    .enumerate()
                    .map(|(i, question)| {
                        let cells = QuestionCells::new(q, question);
                        match codes.as_ref().and_then(|codes| codes.question(i)) {
                            Some(codes) => cells.with_limesurvey(q, question, codes),
                            None => cells,
                        }
                    })
                    .collect()
            },
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
            exclusive: vec![None; q.questions.len()],
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

    /// How a response is found incomplete: with `include`, none is; `last_page` is the survey's last page,
    /// when known, below which LimeSurvey's `lastpage` marks a response as not finished.
    pub fn set_incomplete_rule(&mut self, include: bool, last_page: Option<u64>) {
        self.include_incomplete = include;
        self.last_page = last_page;
    }

    /// What an "other" text is introduced with in its question's note, in the report's language.
    pub fn set_other_prefix(&mut self, prefix: &str) {
        prefix.clone_into(&mut self.other_prefix);
    }

    /// The questions of the current row answered only with "other" (left unanswered, the text kept as the
    /// question's note).
    pub fn other_only(&self) -> &[usize] {
        &self.other_only
    }

    /// Whether [`Engine::process`] keeps each question's outcome in `tally.assessment.questions` (it does
    /// unless told not to). A run that needs only the theme scores, the overall index and completeness (a
    /// summary without reports or groups) is spared recording an outcome for every cell; the outcomes are
    /// then stale, and only `themes`, `overall` and `completeness` are the row's.
    pub fn keep_outcomes(&mut self, keep: bool) {
        self.record_outcomes = keep;
    }

    /// Reads one row: every cell, every problem.
    pub fn process(&mut self, row: &Row) -> RowKind {
        if row.is_blank() {
            return RowKind::Blank;
        }
        self.begin(row);
        // Plain cells first, in one tight pass; the rest, in column order, after. Cells read after are added
        // out of questionnaire order, so the row is then summed again from its outcomes.
        let mut unread = std::mem::take(&mut self.slow);
        let (data, first, ends, gap) = row.raw();
        let columns = ends.len().min(self.plan.headers.len());
        if unread.len() < columns {
            unread.resize(columns, 0);
        }
        let set_aside = if self.record_outcomes {
            self.rules.plain_pass::<true>(&mut self.tally, data, first, &ends[..columns], gap, &mut unread)
        } else {
            self.rules.plain_pass::<false>(&mut self.tally, data, first, &ends[..columns], gap, &mut unread)
        };
        let mut reordered = false;
        for &column in &unread[..set_aside] {
            reordered |= self.read_set_aside(row, column as usize);
        }
        self.slow = unread;
        self.check_row_fields(row);
        if let Some(incomplete) = self.incomplete_reason() {
            self.incomplete = Some(incomplete);
            return RowKind::Incomplete;
        }
        if !self.errors.is_empty() {
            return RowKind::Rejected;
        }
        if self.fields.text[Meta::Date.index()].is_empty() && !self.fields.submitted_date.is_empty() {
            let Fields { text, submitted_date, .. } = &mut self.fields;
            text[Meta::Date.index()].push_str(submitted_date);
        }
        self.fold_options(row);
        if self.fused && !reordered {
            self.tally.finish();
        } else {
            if !self.record_outcomes {
                // The plain cells' outcomes too, for summing the row again from all of them.
                let mut ignored = std::mem::take(&mut self.slow);
                self.rules.plain_pass::<true>(&mut self.tally, data, first, &ends[..columns], gap, &mut ignored);
                self.slow = ignored;
            }
            self.tally.compute();
        }
        RowKind::Scored
    }

    /// Clears what the last row left, and notes a row of the wrong length.
    fn begin(&mut self, row: &Row) {
        self.errors.clear();
        self.arena.clear();
        // A row of every column records every question with a column (the plain pass or the full reader
        // sets each, or the row is rejected), and questions without one are never set: only a short row
        // and folded option columns leave questions to start as they do.
        if row.len() < self.plan.headers.len() || !self.folded.is_empty() {
            self.tally.assessment.questions.copy_from_slice(&self.blank);
        }
        self.tally.begin();
        self.fields.clear();
        self.incomplete = None;
        for &question in &self.other_questions {
            self.other_text[question].clear();
        }
        self.other_questions.clear();
        self.other_only.clear();
        self.first_other = None;
        for &question in &self.folded {
            self.options_chosen[question].clear();
            self.options_seen[question] = false;
            self.exclusive[question] = None;
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
        if !self.errors.is_empty()
            && let Some(span) = row.quote
        {
            // Only count errors are in the list yet: a quote that took in the lines after it explains them.
            self.errors.push(CellError {
                column: Some(span.column),
                question: None,
                problem: CellProblem::QuoteAcrossLines { lines: span.lines },
            });
        }
    }

    /// Reads a cell the plain pass left, in full; says whether it answers a question.
    fn read_set_aside(&mut self, row: &Row, column: usize) -> bool {
        let bytes = row.get(column).unwrap_or_default();
        let role = self.plan.roles[column];
        // A multiple choice answer of option ids, without decoding or allocating.
        if let Role::Question(question) = role
            && self.plan.values[question].is_empty()
            && let Some(slot) = self.fast(question, bytes)
        {
            self.tally.record(question, self.outcome(question, slot));
            return true;
        }
        let Ok(text) = row.cell(column) else {
            self.errors.push(CellError { column: Some(column), question: None, problem: CellProblem::NotUtf8 });
            return matches!(role, Role::Question(_));
        };
        let result = match role {
            Role::Question(question) => self.read_answer(question, column, bytes, text),
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
                // Webropol writes the option's label in its column.
                Err(_) if self.cells[question].names_option(option, &text, &mut self.scratch) => {
                    self.options_seen[question] = true;
                    self.options_chosen[question].push(option as u16);
                    Ok(())
                }
                Err(problem) => Err((Some(question), problem)),
            },
            Role::Exclusive { question, answer } => match cell::read_option_mark(&text, &mut self.scratch) {
                Ok(mark) => {
                    if let Some(chosen) = mark {
                        self.options_seen[question] = true;
                        if chosen {
                            self.exclusive[question] = Some(answer);
                        }
                    }
                    Ok(())
                }
                Err(problem) => Err((Some(question), problem)),
            },
            Role::Other(question) => {
                self.add_other(question, text.trim());
                Ok(())
            }
            Role::Submitted(_) => {
                self.fields.submitted = !text.trim().is_empty();
                // LimeSurvey stores 1980-01-01 for a survey that records no dates: not a date of answering.
                if let Ok(Some(date)) = cell::read_date(&text)
                    && date != "1980-01-01"
                {
                    self.fields.submitted_date = date;
                }
                Ok(())
            }
            Role::LastPage => {
                self.fields.last_page = text.trim().parse().ok();
                Ok(())
            }
            Role::Meta(meta) => self.read_field(meta, &text).map_err(|problem| (None, problem)),
            Role::Aside(_) | Role::GroupOnly | Role::Note(_) => Ok(()),
        };
        if let Err((question, problem)) = result {
            self.errors.push(CellError { column: Some(column), question, problem });
        }
        matches!(role, Role::Question(_))
    }

    /// A question's answer read in full, its typed "other" text kept, and its effect learned for the column
    /// when it depends on the cell's bytes alone.
    fn read_answer(
        &mut self,
        question: usize,
        column: usize,
        bytes: &[u8],
        text: Cow<'_, str>,
    ) -> Result<(), (Option<usize>, CellProblem)> {
        let text = mapped(&self.plan.values[question], text);
        let other = &mut self.other_text[question];
        let had_other = !other.is_empty();
        let slot = self.cells[question]
            .read_with_other(&text, column, &mut self.arena, &mut self.scratch, self.free_other, other)
            .map_err(|problem| (Some(question), problem))?;
        let new_other = !had_other && !other.is_empty();
        if new_other {
            self.other_questions.push(question);
            if !self.other_noted.contains(&column) {
                self.other_noted.push(column);
                self.first_other = Some((column, other.clone()));
            }
        }
        let other_only = slot == Slot::Empty && !text.trim().is_empty();
        if other_only {
            // "Other" alone: no option counts.
            self.other_only.push(question);
        }
        let outcome = self.outcome(question, slot);
        let lane = self.rules.lanes[column];
        let learnable =
            matches!(slot, Slot::Level(_) | Slot::Choice(_) | Slot::YesNo(_) | Slot::Number(_) | Slot::Dk | Slot::Na)
                && matches!(lane.kind, LaneKind::Level | LaneKind::Choice | LaneKind::YesNo | LaneKind::Number);
        if learnable && !new_other && !other_only {
            self.rules.learned[column].learn(bytes, Effect::of(outcome, lane.weight, lane.mil));
        }
        self.tally.record(question, outcome);
        Ok(())
    }

    /// A typed "other" answer from a column of its own.
    fn add_other(&mut self, question: usize, typed: &str) {
        if typed.is_empty() {
            return;
        }
        let other = &mut self.other_text[question];
        if other.is_empty() {
            self.other_questions.push(question);
        } else {
            other.push_str("; ");
        }
        other.push_str(typed);
    }

    /// The municipality and the group a row must have.
    fn check_row_fields(&mut self, row: &Row) {
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
    }

    /// Why the row is an unfinished response, unless those are scored too.
    fn incomplete_reason(&self) -> Option<Incomplete> {
        if self.include_incomplete {
            return None;
        }
        // The submission time, where there is one, is the reliable test (LimeSurvey updates `lastpage`
        // only when something on the page changed); `lastpage` is read only without it.
        if self.submitted_column.is_some() {
            return (!self.fields.submitted).then_some(Incomplete::NotSubmitted);
        }
        match (self.last_page, self.fields.last_page) {
            (Some(last), Some(page)) if page < last && self.last_page_column.is_some() => {
                Some(Incomplete::LastPage { page, last })
            }
            _ => None,
        }
    }

    /// The answers of LimeSurvey's option columns, one per multi question, and the questions answered only
    /// with "other".
    fn fold_options(&mut self, row: &Row) {
        for i in 0..self.folded.len() {
            let question = self.folded[i];
            let chosen = &self.options_chosen[question];
            let slot = match self.exclusive[question] {
                Some(answer) => Some(exclusive_slot(answer, self.arena.len() as u32)),
                None if !chosen.is_empty() || self.options_seen[question] => {
                    let start = self.arena.len() as u32;
                    self.arena.extend_from_slice(chosen);
                    Some(Slot::Multi { start, end: self.arena.len() as u32 })
                }
                None => None,
            };
            if let Some(slot) = slot {
                self.tally.record(question, self.outcome(question, slot));
            }
        }
        for i in 0..self.other_questions.len() {
            let question = self.other_questions[i];
            let main_empty = self.question_column[question].is_none_or(|c| row.cell_lossy(c).trim().is_empty());
            let none_chosen = !self.folded.contains(&question) || self.options_chosen[question].is_empty();
            if main_empty && none_chosen && !self.other_only.contains(&question) {
                self.other_only.push(question);
            }
        }
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
            Scoring::YesNo => plain_yes_no(Word::of(bytes)).map(Slot::YesNo),
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
        // The common cell, printable ASCII at both ends, has nothing to trim.
        let plain = |text: &str| matches!(text.as_bytes(), [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic());
        match meta {
            Meta::MunicipalityCode => {
                if let Some(code) = cell::read_code(text)? {
                    out.push_str(std::str::from_utf8(&code).unwrap_or_default());
                }
            }
            Meta::Population => self.fields.population = cell::read_population(text)?,
            Meta::Date => {
                if let Some(date) = cell::read_date(text)? {
                    out.push_str(&date);
                }
            }
            // A survey made by `questionnaire export --to limesurvey` answers the region with its code (`R02`).
            Meta::Region if let Some(region) = crate::limesurvey::codes::region_by_code(text) => {
                out.push_str(region.fi);
            }
            _ if plain(text) => out.push_str(text),
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
        let mut others: Vec<String> = vec![String::new(); q.questions.len()];
        let mut exclusive: Vec<Option<header::Exclusive>> = vec![None; q.questions.len()];
        for (column, role) in self.plan.roles.iter().enumerate() {
            let Ok(text) = row.cell(column) else { continue };
            match *role {
                Role::Question(question) => {
                    let text = mapped(&self.plan.values[question], text);
                    if let Ok(slot) = self.cells[question].read_with_other(
                        &text,
                        column,
                        &mut arena,
                        &mut scratch,
                        self.free_other,
                        &mut others[question],
                    ) {
                        slots[question] = slot;
                    }
                }
                Role::Option { question, option } => {
                    let mark = match cell::read_option_mark(&text, &mut scratch) {
                        Ok(mark) => mark,
                        Err(_) => Some(self.cells[question].names_option(option, &text, &mut scratch)),
                    };
                    if let Some(mark) = mark {
                        let options = chosen[question].get_or_insert_with(Vec::new);
                        if mark {
                            options.push(option as u16);
                        }
                    }
                }
                Role::Exclusive { question, answer } => {
                    if let Ok(Some(true)) = cell::read_option_mark(&text, &mut scratch) {
                        exclusive[question] = Some(answer);
                    }
                }
                Role::Note(question) if !text.trim().is_empty() => {
                    sheet.notes.insert(q.questions[question].id.clone(), text.trim().to_string());
                }
                Role::Other(question) if !text.trim().is_empty() => {
                    let other = &mut others[question];
                    if !other.is_empty() {
                        other.push_str("; ");
                    }
                    other.push_str(text.trim());
                }
                _ => {}
            }
        }
        for (question, other) in others.iter().enumerate().filter(|(_, other)| !other.is_empty()) {
            let id = &q.questions[question].id;
            let text = format!("{}{other}", self.other_prefix);
            match sheet.notes.get_mut(id) {
                Some(note) => {
                    note.push_str(" — ");
                    note.push_str(&text);
                }
                None => {
                    sheet.notes.insert(id.clone(), text);
                }
            }
        }
        for (question, options) in chosen.into_iter().enumerate() {
            if let Some(answer) = exclusive[question] {
                slots[question] = exclusive_slot(answer, arena.len() as u32);
            } else if let Some(options) = options {
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
        let line = match error.column {
            Some(column) if !self.plan.header(column).trim().is_empty() => {
                format!("{file}:{}:{} ({}): {message}", row.line, column + 1, self.plan.header(column).trim())
            }
            Some(column) => format!("{file}:{}:{}: {message}", row.line, column + 1),
            None => format!("{file}:{}: {message}", row.line),
        };
        // The header, the file's name and the cell are the file's text: shown, never obeyed by a terminal.
        crate::inert::inert_text(line, crate::inert::Layout::Line)
    }
}

/// The cells of a column that were read in full and whose effect depends on their bytes alone (a level or
/// an option written as its label, "En tiedä", a decimal number), remembered by their exact bytes: a survey
/// tool writes each answer the same way in every row, so after the first rows such a column is read as
/// fast as one of ids. At most [`Learned::MAX`] cells of at most [`Learned::LONGEST`] bytes per column, so
/// a column of ever-different numbers costs no more memory than one of labels.
#[derive(Debug, Clone, Default)]
struct Learned {
    /// Where a cell's tag (its length and first bytes) points into `first`, plus one (0 for none): a
    /// column holds a handful of answers, so one slot found by a multiplication nearly always holds the
    /// cell, with no branch on which answer it is.
    slots: [u16; Learned::SLOTS],
    /// The first cells learned, with their tags.
    first: Vec<(u64, Box<[u8]>, Effect)>,
    /// The rest.
    more: HashMap<Box<[u8]>, Effect, foldhash::fast::FixedState>,
}

impl Learned {
    const MAX: usize = 256;
    const LONGEST: usize = 96;
    const FIRST: usize = 32;
    const SLOTS: usize = 32;

    /// The cell's length and its first seven bytes in one word, from the eight bytes from its start (which
    /// may run past its end). For a cell of up to seven bytes, the tag is the cell.
    #[inline]
    fn tag_of(window: [u8; 8], length: usize) -> u64 {
        let keep = if length >= 7 { u64::MAX >> 8 } else { (1u64 << (8 * length)) - 1 };
        (u64::from_le_bytes(window) & keep) | ((length.min(255) as u64) << 56)
    }

    fn tag(bytes: &[u8]) -> u64 {
        let mut window = [0u8; 8];
        let n = bytes.len().min(8);
        window[..n].copy_from_slice(&bytes[..n]);
        Self::tag_of(window, bytes.len())
    }

    #[inline]
    fn slot(tag: u64) -> usize {
        (tag.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 59) as usize % Self::SLOTS
    }

    /// The effect of a learned cell; `window` is the eight bytes from its start, when the row has them.
    #[inline]
    fn find_at(&self, bytes: &[u8], window: Option<[u8; 8]>) -> Option<Effect> {
        if self.first.is_empty() {
            return None;
        }
        let tag = window.map_or_else(|| Self::tag(bytes), |window| Self::tag_of(window, bytes.len()));
        let at = usize::from(self.slots[Self::slot(tag)]);
        if let Some((known, cell, effect)) = at.checked_sub(1).and_then(|i| self.first.get(i))
            && *known == tag
            && (bytes.len() < 7 || **cell == *bytes)
        {
            return Some(*effect);
        }
        self.find_rest(bytes, tag)
    }

    /// A cell whose slot holds another (two tags in one slot) or none.
    #[inline(never)]
    fn find_rest(&self, bytes: &[u8], tag: u64) -> Option<Effect> {
        for (known, cell, effect) in &self.first {
            if *known == tag && **cell == *bytes {
                return Some(*effect);
            }
        }
        if self.more.is_empty() { None } else { self.more.get(bytes).copied() }
    }

    fn find(&self, bytes: &[u8]) -> Option<Effect> {
        self.find_at(bytes, None)
    }

    fn learn(&mut self, bytes: &[u8], effect: Effect) {
        if bytes.len() > Self::LONGEST || self.find(bytes).is_some() {
            return;
        }
        if self.first.len() < Self::FIRST {
            let tag = Self::tag(bytes);
            self.first.push((tag, bytes.into(), effect));
            let slot = &mut self.slots[Self::slot(tag)];
            if *slot == 0 {
                *slot = self.first.len() as u16;
            }
        } else if self.first.len() + self.more.len() < Self::MAX {
            self.more.insert(bytes.into(), effect);
        }
    }
}

/// What the tight pass over a row's plain cells needs, apart from the rest of the engine.
#[derive(Debug, Clone)]
struct Rules {
    lanes: Vec<Lane>,
    /// A score, `weight * score` (the product the tally adds) and the practice it achieves, computed once.
    table: Vec<(f64, f64, u128)>,
    ids: Vec<Id>,
    numbers: Vec<NumberRule>,
    known: KnownCells,
    /// Per column, longer cells read in full once and remembered with their effect (see [`Learned`]).
    learned: Vec<Learned>,
    /// The columns in runs whose questions are of one theme: (the column after the run, the theme).
    /// Columns left aside or read in full join the run they stand in.
    runs: Vec<(usize, usize)>,
}

impl Rules {
    /// The lanes of the plan's columns, with the tables they index.
    fn of_plan(q: &Questionnaire, plan: &Plan, scoring: &[Scoring]) -> Rules {
        let (mut table, mut ids, mut numbers) = (Vec::new(), Vec::new(), Vec::new());
        let lanes = plan
            .roles
            .iter()
            .map(|role| match role {
                // Answers a map file gives a meaning are read in full, never by their own bytes.
                Role::Question(question) if !plan.values[*question].is_empty() => Lane::OTHER,
                Role::Question(question) => {
                    let first = table.len() as u32;
                    let weight = q.questions[*question].weight;
                    let mil = q.questions[*question].mil.filter(|m| (1..=3).contains(m)).unwrap_or(0);
                    let entry = |score: &f64| (*score, weight * score, tally::achieved(*score, mil));
                    let (kind, count, first) = match &scoring[*question] {
                        Scoring::Level(scores) => {
                            table.extend(scores.iter().map(entry));
                            (LaneKind::Level, scores.len(), first)
                        }
                        Scoring::Choice(scores, option_ids) => {
                            table.extend(scores.iter().map(entry));
                            ids.resize(first as usize, Id::default());
                            ids.extend(option_ids.iter().map(|id| Id::new(id)));
                            (LaneKind::Choice, scores.len(), first)
                        }
                        Scoring::YesNo => (LaneKind::YesNo, 0, 0),
                        Scoring::Unscored => (LaneKind::Text, 0, 0),
                        Scoring::Number(min, max) => {
                            let bands = match &q.questions[*question].kind {
                                Kind::Number { bands, .. } => bands.iter().map(|b| (b.min, b.score)).collect(),
                                _ => Vec::new(),
                            };
                            numbers.push(NumberRule { min: *min, max: *max, bands });
                            (LaneKind::Number, 0, numbers.len() as u32 - 1)
                        }
                        Scoring::Multi(..) => (LaneKind::Multi, 0, 0),
                    };
                    let question_ = &q.questions[*question];
                    Lane {
                        kind,
                        allow_na: question_.allow_na,
                        mil,
                        theme: question_.theme as u32,
                        question: *question as u32,
                        first,
                        count: count as u32,
                        weight,
                    }
                }
                Role::Aside(_) | Role::GroupOnly | Role::Note(_) => Lane::SKIP,
                Role::Meta(_)
                | Role::Option { .. }
                | Role::Exclusive { .. }
                | Role::Submitted(_)
                | Role::LastPage
                | Role::Other(_) => Lane::OTHER,
            })
            .collect();
        Rules::new(lanes, table, ids, numbers)
    }

    fn new(lanes: Vec<Lane>, table: Vec<(f64, f64, u128)>, ids: Vec<Id>, numbers: Vec<NumberRule>) -> Rules {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (column, lane) in lanes.iter().enumerate() {
            if matches!(lane.kind, LaneKind::Skip | LaneKind::Other) {
                continue;
            }
            match runs.last_mut() {
                Some((_, theme)) if *theme == lane.theme as usize => {}
                Some((end, _)) => {
                    *end = column;
                    runs.push((column, lane.theme as usize));
                }
                None => runs.push((column, lane.theme as usize)),
            }
        }
        match runs.last_mut() {
            Some((end, _)) => *end = lanes.len(),
            // Nothing to add: one run of no theme.
            None => runs.push((lanes.len(), usize::MAX)),
        }
        let learned = lanes.iter().map(|_| Learned::default()).collect();
        let mut rules = Rules { lanes, table, ids, numbers, known: KnownCells::new([]), learned, runs };
        let known: Vec<KnownColumn> = rules
            .lanes
            .iter()
            .map(|lane| KnownColumn {
                cells: rules
                    .likely_cells(lane)
                    .into_iter()
                    .filter_map(|text| Some((Word::of(&text), rules.effect(lane, &text)?)))
                    .collect(),
                numbers: rules.likely_numbers(lane).map(|n| rules.effect(lane, n.to_string().as_bytes())).collect(),
            })
            .collect();
        rules.known = KnownCells::new(known);
        rules
    }

    /// The whole numbers most likely in a number column, which [`KnownCells`] holds by value: from 0 to
    /// its maximum, or to 100 (a percentage, a count of a few) when it has none.
    fn likely_numbers(&self, lane: &Lane) -> std::ops::Range<u32> {
        let max = self.numbers.get(lane.first as usize).and_then(|rule| rule.max).unwrap_or(100.0);
        match lane.kind {
            LaneKind::Number if max >= 0.0 => 0..max.min(999.0) as u32 + 1,
            _ => 0..0,
        }
    }

    /// The cells most likely in a column of this kind, which [`KnownCells`] holds: the option ids, the
    /// common yes/no words, "dk" and "na", the empty cell. Whole numbers are held by value (see
    /// [`Rules::likely_numbers`]), a level's digit has a path of its own in the plain pass, and a
    /// multiple choice answer is read by [`Engine::fast`].
    fn likely_cells(&self, lane: &Lane) -> Vec<Vec<u8>> {
        let mut cells: Vec<Vec<u8>> = match lane.kind {
            LaneKind::Skip | LaneKind::Other => return Vec::new(),
            // An empty one: the text itself is read in full.
            LaneKind::Text => return vec![Vec::new()],
            LaneKind::Level | LaneKind::Multi | LaneKind::Number => Vec::new(),
            LaneKind::Choice => {
                let (first, count) = (lane.first as usize, lane.count as usize);
                self.ids
                    .get(first..first + count)
                    .unwrap_or_default()
                    .iter()
                    .map(|id| id.text.clone().into_bytes())
                    .collect()
            }
            LaneKind::YesNo => {
                YES.iter().chain(&NO).map(|word| word.0.to_le_bytes()[..usize::from(word.1)].to_vec()).collect()
            }
        };
        cells.extend(["", "dk", "DK", "Dk", "na", "NA", "Na"].map(|text| text.as_bytes().to_vec()));
        cells.sort_unstable();
        cells.dedup();
        cells
    }

    /// What a cell of this column adds to the row, for [`KnownCells`]: `None` for a cell that must be read
    /// in full.
    fn effect(&self, lane: &Lane, bytes: &[u8]) -> Option<Effect> {
        if lane.kind == LaneKind::Skip {
            return None;
        }
        // Every row starts with every question unanswered (a text question unscored): an empty answer
        // cell changes nothing.
        if bytes.is_empty() && lane.kind != LaneKind::Other {
            let blank = if lane.kind == LaneKind::Text { Outcome::Unscored } else { Outcome::Unanswered };
            return Some(Effect::of(blank, lane.weight, lane.mil));
        }
        match self.plain(lane, bytes, Word::of(bytes)) {
            Plain::Scored(score, weighted) => Some(Effect::scored(score, weighted, lane.weight, lane.mil)),
            Plain::Other(outcome) => Some(Effect::of(outcome, lane.weight, lane.mil)),
            Plain::No => None,
        }
    }

    /// Reads and adds every level digit and every cell [`KnownCells`] holds, and with `RECORD` records their
    /// outcomes; skips columns left aside; puts the columns of any other cell at the start of `slow` (as
    /// long as the row), to be read in full, and returns how many. A small function of its own, without a
    /// call in its loop, so that the loop keeps a theme's sums in registers. The cells are as
    /// [`Row::raw`] gives them (the first from `offset`); `data` may run on past the last.
    #[inline(never)]
    fn plain_pass<const RECORD: bool>(
        &self,
        tally: &mut Tally,
        data: &[u8],
        offset: usize,
        ends: &[usize],
        gap: usize,
        slow: &mut [u32],
    ) -> usize {
        let columns = ends.len().min(self.lanes.len());
        let mut set_aside = 0;
        // Where the next cell starts.
        let mut start = offset;
        let mut first = 0;
        for &(after, theme) in &self.runs {
            // The run's theme's sums, as a local value the loop keeps in registers.
            let mut sums = tally.sums(theme);
            #[expect(clippy::needless_range_loop, reason = "the column indexes the known cells and `slow` too")]
            for column in first..after.min(columns) {
                let (begin, end, lane) = (start, ends[column], &self.lanes[column]);
                start = end + gap;
                let question = lane.question as usize;
                // The most common cell by far, a level's digit, first and on its own: a branch that the
                // processor learns, as a level column seldom holds anything else.
                if lane.kind == LaneKind::Level
                    && end == begin + 1
                    && let Some(&byte) = data.get(begin)
                {
                    let level = u32::from(byte.wrapping_sub(b'0'));
                    if level < lane.count
                        && let Some(&(score, weighted, practices)) = self.table.get((lane.first + level) as usize)
                    {
                        if RECORD {
                            tally.record(question, Outcome::Scored(score));
                        }
                        sums.add_scored(lane.weight, weighted, practices);
                        continue;
                    }
                }
                // Any other cell of a common text (an option, yes/no, a number, "dk", "na", empty): the
                // same steps whatever the text, where reading it by its kind would branch on it.
                let length = end.wrapping_sub(begin);
                let window: Option<[u8; 8]> = data.get(begin..begin + 8).and_then(|window| window.try_into().ok());
                if lane.kind == LaneKind::Number
                    && let Some(window) = window
                    && let Some(effect) = self.known.find_number(column, window, length)
                {
                    if RECORD {
                        tally.record(question, effect.outcome);
                    }
                    sums.add(effect);
                    continue;
                }
                let key = match window {
                    Some(window) => known::key_at(window, length),
                    None => known::key(Word::of(data.get(begin..end).unwrap_or_default())),
                };
                if let Some(effect) = self.known.find(column, key) {
                    if RECORD {
                        tally.record(question, effect.outcome);
                    }
                    sums.add(effect);
                    continue;
                }
                if let Some(effect) = self.learned[column].find_at(data.get(begin..end).unwrap_or_default(), window) {
                    if RECORD {
                        tally.record(question, effect.outcome);
                    }
                    sums.add(&effect);
                    continue;
                }
                if lane.kind != LaneKind::Skip
                    && let Some(place) = slow.get_mut(set_aside)
                {
                    *place = column as u32;
                    set_aside += 1;
                }
            }
            tally.put_sums(theme, sums);
            first = after;
            if first >= columns {
                break;
            }
        }
        set_aside
    }

    /// The outcome of a plain answer cell, read straight from its bytes: a level digit, an option id, yes/no
    /// in its most common words, a whole number, `dk`, `na`. `None` sends the cell to the full reader, which
    /// reads everything else (and gives these the same outcomes).
    fn plain(&self, lane: &Lane, bytes: &[u8], word: Word) -> Plain {
        // "dk" and "na" first, as the full reader takes them, whatever the options are called.
        if lane.kind != LaneKind::Text && bytes.len() == 2 {
            // `| 0x2020` lowers both letters, and only `D`/`d` become `d` (and so on), so this is exact.
            let lower = word.0 | 0x2020;
            if lower == Word::of(b"dk").0 {
                return Plain::Other(Outcome::DontKnow);
            }
            if lower == Word::of(b"na").0 && lane.allow_na {
                return Plain::Other(Outcome::NotApplicable);
            }
        }
        let (first, count) = (lane.first as usize, lane.count as usize);
        let scored =
            |i: usize| self.table.get(i).map_or(Plain::No, |&(score, weighted, _)| Plain::Scored(score, weighted));
        match lane.kind {
            LaneKind::Level => match bytes {
                [digit] if usize::from(digit.wrapping_sub(b'0')) < count => scored(first + usize::from(digit - b'0')),
                _ => Plain::No,
            },
            LaneKind::Choice => {
                let Some(options) = self.ids.get(first..first + count) else { return Plain::No };
                options.iter().position(|id| id.is(word, bytes)).map_or(Plain::No, |option| scored(first + option))
            }
            LaneKind::YesNo => match plain_yes_no(word) {
                Some(true) => Plain::Scored(1.0, lane.weight * 1.0),
                Some(false) => Plain::Scored(0.0, lane.weight * 0.0),
                None => Plain::No,
            },
            LaneKind::Number => match self.numbers.get(lane.first as usize).and_then(|rule| rule.score_plain(bytes)) {
                Some(score) => Plain::Scored(score, lane.weight * score),
                None => Plain::No,
            },
            LaneKind::Skip | LaneKind::Multi | LaneKind::Text | LaneKind::Other => Plain::No,
        }
    }
}

/// What [`Rules::plain`] made of a cell.
enum Plain {
    /// A score, and `weight * score`.
    Scored(f64, f64),
    /// "dk" or "na".
    Other(Outcome),
    /// Not a plain value: to be read in full.
    No,
}

/// A cell of up to eight bytes as one number and its length, so that short values (option ids, yes/no
/// words, "dk") compare at once; longer cells have length 9 and compare as bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Word(u64, u8);

impl Word {
    const fn of(bytes: &[u8]) -> Word {
        if bytes.len() > 8 {
            return Word(0, 9);
        }
        let mut word = 0u64;
        let mut i = 0;
        while i < bytes.len() {
            word |= (bytes[i] as u64) << (8 * i);
            i += 1;
        }
        Word(word, bytes.len() as u8)
    }
}

/// An option id, as text and as a [`Word`].
#[derive(Debug, Clone, Default)]
struct Id {
    text: String,
    word: Word,
}

impl Id {
    fn new(text: &str) -> Id {
        Id { text: text.to_string(), word: Word::of(text.as_bytes()) }
    }

    fn is(&self, word: Word, bytes: &[u8]) -> bool {
        if word.1 <= 8 { self.word == word } else { self.text.as_bytes() == bytes }
    }
}

/// A number question's range and score bands, for scoring a plain whole number without building an answer.
#[derive(Debug, Clone)]
struct NumberRule {
    min: Option<f64>,
    max: Option<f64>,
    /// (min, score), as in the questionnaire.
    bands: Vec<(f64, f64)>,
}

impl NumberRule {
    /// The score of a cell of at most 15 digits and nothing else, within the range: what
    /// [`question_score`] gives for it (a whole number below 2^53 is exact both ways). `None` for anything
    /// else, which is then read in full.
    #[inline]
    fn score_plain(&self, bytes: &[u8]) -> Option<f64> {
        if bytes.is_empty() || bytes.len() > 15 {
            return None;
        }
        let mut whole: u64 = 0;
        for &byte in bytes {
            let digit = byte.wrapping_sub(b'0');
            if digit > 9 {
                return None;
            }
            whole = whole * 10 + u64::from(digit);
        }
        let number = whole as f64;
        crate::answers::check_number(number, self.min, self.max).ok()?;
        Some(self.bands.iter().rev().find(|(min, _)| *min <= number).map_or(0.0, |(_, score)| *score))
    }
}

/// Yes and no in their most common words: what the full reader reads as yes/no (and no more), and what
/// [`KnownCells`] holds for a yes/no column.
const YES: [Word; 8] = [
    Word::of(b"yes"),
    Word::of(b"Yes"),
    Word::of(b"1"),
    Word::of(b"true"),
    Word::of(b"ja"),
    Word::of(b"Ja"),
    Word::of("kyllä".as_bytes()),
    Word::of("Kyllä".as_bytes()),
];
const NO: [Word; 8] = [
    Word::of(b"no"),
    Word::of(b"No"),
    Word::of(b"0"),
    Word::of(b"false"),
    Word::of(b"ei"),
    Word::of(b"Ei"),
    Word::of(b"nej"),
    Word::of(b"Nej"),
];

/// Yes or no, when the word is one of [`YES`] or [`NO`].
fn plain_yes_no(word: Word) -> Option<bool> {
    if YES.contains(&word) {
        Some(true)
    } else if NO.contains(&word) {
        Some(false)
    } else {
        None
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
    fn a_spreadsheet_row_cut_short_leaves_nothing_of_the_row_before() {
        let q = small();
        let mut engine = engine(&q, &HEADERS);
        let full = row(2, &["Pöytyä", "608", "2", "some", "p|r", "45,5", "kyllä", "dk", "ei", "vapaa", "huom"]);
        assert_eq!(engine.process(&full), RowKind::Scored);
        let mut short = row(3, &["Salo", "734", "3"]);
        short.padded = true;
        assert_eq!(engine.process(&short), RowKind::Scored);
        assert_eq!(engine.tally.assessment, assess(&q, &engine.sheet(&short)));
    }

    #[test]
    fn an_engine_keeping_no_outcomes_scores_rows_read_in_full_the_same() {
        let q = small();
        let mut lean = engine(&q, &HEADERS);
        lean.keep_outcomes(false);
        let rows = [
            row(2, &["Pöytyä", "608", "2", "Vähän", "p|r", "45,5", "kyllä", "dk", "ei", "vapaa", "huom"]),
            row(3, &["Salo", "734", "4", "all", "p", "3", "no", "0", "1", "", ""]),
            row(4, &["Lieto", "423", "0", "some", "", "7", "yes", "na", "", "", ""]),
        ];
        for r in &rows {
            assert_eq!(lean.process(r), RowKind::Scored);
            let reference = assess(&q, &lean.sheet(r));
            assert_eq!(lean.tally.assessment.themes, reference.themes, "line {}", r.line);
            assert_eq!(lean.tally.assessment.overall, reference.overall, "line {}", r.line);
            assert_eq!(
                lean.tally.assessment.completeness.to_bits(),
                reference.completeness.to_bits(),
                "line {}",
                r.line
            );
        }
    }

    #[test]
    fn empty_cells_leave_their_questions_as_every_row_starts() {
        let q = small();
        let mut engine = engine(&q, &HEADERS);
        let r = row(2, &["Pöytyä", "608", "", "", "", "", "", "", "", "", ""]);
        assert_eq!(engine.process(&r), RowKind::Scored);
        assert_eq!(engine.tally.assessment, assess(&q, &engine.sheet(&r)));
        let free = q.questions.iter().position(|question| question.id == "x.free").unwrap();
        assert_eq!(engine.tally.assessment.questions[free], Outcome::Unscored);
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

    fn cell_value() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            proptest::sample::select(vec![
                "",
                "dk",
                "DK",
                "na",
                "0",
                "1",
                "2",
                "3",
                "4",
                "5",
                "some",
                "all",
                "Vähän",
                "yes",
                "no",
                "kyllä",
                "nej",
                "p|r",
                "q",
                "45,5",
                "-1",
                "1e2",
                "007",
                " 3 ",
                "En tiedä",
                "Ei koske",
                "Kyllä",
                "2 – b",
            ])
            .prop_map(String::from),
            (0u64..200).prop_map(|n| n.to_string()),
            (0.0..150.0f64).prop_map(|n| n.to_string()),
            "[0-9]{1,20}",
        ]
    }

    proptest::proptest! {
        /// Whichever path reads a cell (the lanes, the fast path, the full reader), a scored row's
        /// assessment is the reference assessment of its answer sheet, to the last bit.
        #[test]
        fn any_scored_row_equals_the_reference_assessment(
            before in proptest::collection::vec(cell_value(), 0..=9),
            cells in proptest::collection::vec(cell_value(), 8),
        ) {
            let q = small();
            let mut engine = engine(&q, &HEADERS);
            // One that keeps no outcomes, for a summary alone: its scores are the same.
            let mut lean = self::engine(&q, &HEADERS);
            lean.keep_outcomes(false);
            // A row before it, of any length, scored or not, leaves nothing behind.
            let mut earlier = vec!["Salo", "608"];
            earlier.extend(before.iter().map(String::as_str));
            engine.process(&row(1, &earlier));
            lean.process(&row(1, &earlier));
            let mut values = vec!["Salo", "608"];
            values.extend(cells.iter().map(String::as_str));
            values.push("");
            let r = row(2, &values);
            let kind = engine.process(&r);
            proptest::prop_assert_eq!(lean.process(&r), kind);
            if kind == RowKind::Scored {
                let reference = assess(&q, &engine.sheet(&r));
                proptest::prop_assert_eq!(&engine.tally.assessment, &reference);
                // Read again, the cells read in full the first time are now learned: the same result.
                proptest::prop_assert_eq!(engine.process(&r), kind);
                proptest::prop_assert_eq!(&engine.tally.assessment, &reference);
                let lean = &lean.tally.assessment;
                proptest::prop_assert_eq!(&lean.themes, &reference.themes);
                proptest::prop_assert_eq!(lean.overall.map(f64::to_bits), reference.overall.map(f64::to_bits));
                proptest::prop_assert_eq!(lean.completeness.to_bits(), reference.completeness.to_bits());
            }
        }
    }

    proptest::proptest! {
        /// Every row of a survey export ends in exactly one place: scored, rejected or incomplete (blank
        /// rows aside), whatever the mix of complete and unfinished, good and bad rows.
        #[test]
        fn every_row_is_scored_rejected_or_incomplete(
            rows in proptest::collection::vec(
                (proptest::bool::ANY, cell_value(), cell_value(), proptest::sample::select(vec!["Salo", "", "Lieto"])),
                1..40,
            ),
            include in proptest::bool::ANY,
        ) {
            let q = small();
            let mut engine = engine(&q, &["submitdate", "lastpage", "municipality", "a.level", "a.choice"]);
            engine.set_incomplete_rule(include, Some(3));
            let (mut scored, mut rejected, mut incomplete, mut blank) = (0, 0, 0, 0);
            for (i, (submitted, level, choice, municipality)) in rows.iter().enumerate() {
                let date = if *submitted { "2026-11-22 10:15:00" } else { "" };
                let r = row(i as u64 + 2, &[date, "1", municipality, level, choice]);
                match engine.process(&r) {
                    RowKind::Scored => scored += 1,
                    RowKind::Rejected => rejected += 1,
                    RowKind::Incomplete => incomplete += 1,
                    RowKind::Blank => blank += 1,
                }
            }
            proptest::prop_assert_eq!(scored + rejected + incomplete + blank, rows.len());
            // `lastpage` is filled in every row, so none is blank.
            proptest::prop_assert_eq!(blank, 0);
            let unfinished = rows.iter().filter(|(submitted, ..)| !submitted).count();
            proptest::prop_assert_eq!(incomplete, if include { 0 } else { unfinished });
        }
    }

    #[test]
    fn a_key_from_a_longer_window_is_the_key_of_the_cell() {
        let line = b"kyll\xc3\xa4;dk;na;1234567;12345678;123456789;x;;";
        for begin in 0..line.len() {
            for end in begin..line.len() {
                let bytes = &line[begin..end];
                if let Some(window) = line.get(begin..begin + 8) {
                    let window: [u8; 8] = window.try_into().unwrap();
                    assert_eq!(known::key_at(window, bytes.len()), known::key(Word::of(bytes)), "{begin}..{end}");
                }
            }
        }
        assert_ne!(Word::of(b"no\0"), Word::of(b"no"), "the length tells them apart");
        assert_ne!(known::key(Word::of(b"no\0")), known::key(Word::of(b"no")));
        assert_eq!(known::key(Word::of(b"12345678")), known::key(Word::of(b"123456789")), "neither is known");
        assert_eq!(Word::of(b"123456789").1, 9, "longer cells compare as bytes");
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
