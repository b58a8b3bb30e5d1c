//! The report's tables as data: the caption, the columns and the cells, in the reader's language, once.
//!
//! The Markdown, HTML and XLSX writers each write these same tables (the theme scores, the roadmap, a
//! theme's questions, a maturity theme's blocking practices, the resolved conflicts) in their own syntax;
//! which columns a table has, what their headings say and what goes in each cell is decided here, so that a
//! column cannot be added to one format and forgotten in another. Pure: nothing is escaped or written.

use crate::i18n::{Lang, Tr, decimal, messages as m};

use crate::render::maturity;
use crate::render::wording::{ROADMAP_STEPS, answer_text, answered, capitalized};
use crate::report::{Report, Status, ThemeRecord};

/// One table of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub kind: TableKind,
    /// Names the table in a page (`scores`, `questions-security`): ids are made from it.
    pub key: String,
    pub caption: String,
    pub caption_is: Caption,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// Which of the report's tables it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Scores,
    Roadmap,
    Questions,
    Practices,
    Conflicts,
    /// Every step of the roadmap, with columns for the municipality to fill in (a spreadsheet's).
    ActionPlan,
    /// Every answer with its note (a spreadsheet's).
    Answers,
    /// One row per question (or per theme) under stable English ids, for scripts (a CSV's).
    Records,
}

/// Whether a table's caption says something the text around it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caption {
    /// The heading right above says it: a page keeps it for screen readers only, a document leaves it out.
    Heading,
    /// In a page, charts come between the heading and the table: shown there; a document leaves it out.
    AfterCharts,
    /// Only the caption says it: shown everywhere (a maturity theme's rule above its practices).
    Own,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub kind: ColumnKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    /// Aligned right.
    Number,
    /// The row's header: a theme's name.
    RowHeader,
    /// The row's header: a question or a practice (set in the body's weight in a page).
    QuestionHeader,
    /// A bar drawn in characters: only in text formats (a page has its charts).
    TextBar,
    /// The respondent's note.
    Note,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// The total row (the overall index).
    pub total: bool,
}

/// What a cell holds, so that each writer can show it as its format does (a band on its colour, a score as
/// a number in a spreadsheet, a questionnaire text marked with its language).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Interface words, or text of the record that is neither the questionnaire's nor the respondent's.
    Plain(String),
    /// A number or count already written as the reader writes it ("4 480", "+10,0", "5/6 (EOS 1)"): our
    /// own text, which no format needs to escape.
    Number(String),
    /// A text from the questionnaire (kept in the report's language when the questionnaire was not at hand).
    Text(String),
    /// The respondent's own words.
    Words(String),
    /// A 0–100 score, one decimal; none: no score.
    Score(Option<f64>),
    /// The same score as a bar of characters.
    Bar(Option<f64>),
    /// A band's name (none: no score) and its index, for its colour.
    Band { name: Option<String>, index: Option<usize>, of: usize },
    /// A next step, with the maturity level it raises in words.
    Step { raises: Option<String>, text: String },
    /// A number a spreadsheet keeps as a number: a position, index points gained, a question's score 0..1,
    /// a weight.
    Value { value: f64, shown: Shown },
    /// Left for the municipality to fill in (an owner, a deadline).
    Empty,
}

/// How a [`Cell::Value`] is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Whole,
    /// `+1.9`
    Gain,
    /// `0.75`
    Fraction,
    Plain,
    /// Unrounded, with a decimal point, for scripts (a CSV's).
    Raw,
}

impl Cell {
    /// The cell as plain text in `lang`, for formats without styling (and for tests).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Cell::Plain(text)
            | Cell::Number(text)
            | Cell::Text(text)
            | Cell::Words(text)
            | Cell::Step { raises: None, text } => text.clone(),
            Cell::Score(score) => crate::render::wording::score_text(*score, lang),
            Cell::Bar(score) => score.map_or_else(String::new, |s| crate::render::wording::bar(s, 10)),
            Cell::Band { name, .. } => name.clone().unwrap_or_else(|| m::NO_SCORE.get(lang).to_string()),
            Cell::Step { raises: Some(raises), text } => format!("▲ {}. {text}", capitalized(raises)),
            Cell::Value { value, shown: Shown::Whole } => decimal(lang, *value, 0),
            Cell::Value { value, shown: Shown::Gain } => format!("+{}", decimal(lang, *value, 1)),
            Cell::Value { value, shown: Shown::Fraction } => decimal(lang, *value, 2),
            Cell::Value { value, shown: Shown::Plain } => crate::i18n::short_number(lang, *value),
            Cell::Value { value, shown: Shown::Raw } => value.to_string(),
            Cell::Empty => String::new(),
        }
    }

    /// Whether the cell holds words that differ between languages (a number does not).
    fn is_words(&self) -> bool {
        matches!(self, Cell::Plain(_) | Cell::Text(_) | Cell::Words(_) | Cell::Band { .. } | Cell::Step { .. })
    }
}

fn column(title: &str, kind: ColumnKind) -> Column {
    Column { title: title.to_string(), kind }
}

/// The theme scores, with the overall index as the total row.
pub fn scores(report: &Report, lang: Lang) -> Table {
    let of = report.bands.len();
    let mut rows: Vec<Row> = report
        .themes
        .iter()
        .map(|t| Row {
            cells: vec![
                Cell::Text(t.title.clone()),
                Cell::Score(t.score),
                Cell::Bar(t.score),
                Cell::Band { name: t.band.clone(), index: t.band_index, of },
                Cell::Number(answered(&t.counts, lang)),
            ],
            total: false,
        })
        .collect();
    rows.push(Row {
        cells: vec![
            Cell::Plain(m::T_OVERALL.get(lang).to_string()),
            Cell::Score(report.overall.score),
            Cell::Bar(report.overall.score),
            Cell::Band { name: report.overall.band.clone(), index: report.overall.band_index, of },
            Cell::Number(format!("{} %", decimal(lang, report.completeness * 100.0, 0))),
        ],
        total: true,
    });
    Table {
        kind: TableKind::Scores,
        key: "scores".into(),
        caption: m::R_THEME_SCORES.get(lang).to_string(),
        caption_is: Caption::AfterCharts,
        columns: vec![
            column(m::T_THEME.get(lang), ColumnKind::RowHeader),
            column(m::T_SCORE.get(lang), ColumnKind::Number),
            column("", ColumnKind::TextBar),
            column(m::T_BAND.get(lang), ColumnKind::Text),
            column(m::T_ANSWERED.get(lang), ColumnKind::Number),
        ],
        rows,
    }
}

/// The roadmap's first [`ROADMAP_STEPS`] steps (the action plan of a spreadsheet has them all).
pub fn roadmap(report: &Report, lang: Lang) -> Table {
    let rows = report
        .roadmap
        .iter()
        .take(ROADMAP_STEPS)
        .enumerate()
        .map(|(i, step)| Row {
            cells: vec![
                Cell::Number((i + 1).to_string()),
                Cell::Text(report.theme_title(&step.theme).to_string()),
                Cell::Text(step.text.clone()),
                Cell::Text(step.current.clone()),
                Cell::Step { raises: maturity::raises(report, step, lang), text: step.next_step.clone() },
                Cell::Number(format!("+{}", decimal(lang, step.gain, 1))),
            ],
            total: false,
        })
        .collect();
    Table {
        kind: TableKind::Roadmap,
        key: "roadmap".into(),
        caption: m::R_ROADMAP.get(lang).to_string(),
        caption_is: Caption::Heading,
        columns: vec![
            column("#", ColumnKind::Number),
            column(m::T_THEME.get(lang), ColumnKind::Text),
            column(m::R_QUESTION.get(lang), ColumnKind::QuestionHeader),
            column(m::R_CURRENT.get(lang), ColumnKind::Text),
            column(m::R_NEXT_STEP.get(lang), ColumnKind::Text),
            column(m::R_GAIN.get(lang), ColumnKind::Number),
        ],
        rows,
    }
}

/// A theme's questions with the answers, the level descriptions and the notes.
pub fn questions(report: &Report, theme: &ThemeRecord, lang: Lang) -> Table {
    let rows = report
        .questions
        .iter()
        .filter(|q| q.theme == theme.id)
        .map(|q| {
            // A free-text answer is the respondent's words; any other answer is the questionnaire's.
            let answer = answer_text(q, lang);
            let answer = if q.status == Status::Text { Cell::Words(answer) } else { Cell::Text(answer) };
            Row {
                cells: vec![
                    Cell::Text(q.text.clone()),
                    answer,
                    Cell::Text(q.level_description.clone().unwrap_or_default()),
                    Cell::Words(q.note.clone().unwrap_or_default()),
                ],
                total: false,
            }
        })
        .collect();
    Table {
        kind: TableKind::Questions,
        key: format!("questions-{}", theme.id),
        caption: theme.title.clone(),
        caption_is: Caption::Heading,
        columns: vec![
            column(m::R_QUESTION.get(lang), ColumnKind::QuestionHeader),
            column(m::R_ANSWER.get(lang), ColumnKind::Text),
            column(m::R_LEVEL_DESCRIPTION.get(lang), ColumnKind::Text),
            column(m::R_NOTE.get(lang), ColumnKind::Note),
        ],
        rows,
    }
}

/// A maturity theme's blocking practices, under the rule that says what the next level needs; none when
/// the theme has no next level to tell of.
pub fn practices(theme: &ThemeRecord, lang: Lang) -> Option<Table> {
    let rule = maturity::rule(theme, lang)?;
    let rows = theme
        .mil_blocking
        .iter()
        .flatten()
        .map(|practice| Row {
            cells: vec![
                Cell::Text(practice.text.clone()),
                Cell::Text(maturity::current(theme, practice, lang)),
                Cell::Text(practice.needed.clone()),
            ],
            total: false,
        })
        .collect();
    Some(Table {
        kind: TableKind::Practices,
        key: format!("mil-{}", theme.id),
        caption: rule,
        caption_is: Caption::Own,
        columns: vec![
            column(m::MIL_PRACTICE.get(lang), ColumnKind::QuestionHeader),
            column(m::R_CURRENT.get(lang), ColumnKind::Text),
            column(m::MIL_NEEDED.get(lang), ColumnKind::Text),
        ],
        rows,
    })
}

/// The conflicts between respondents of a merged sheet and how each was resolved; none without any.
pub fn conflicts(report: &Report, lang: Lang) -> Option<Table> {
    if report.conflicts.is_empty() {
        return None;
    }
    let rows = report
        .conflicts
        .iter()
        .map(|c| Row { cells: vec![Cell::Text(c.text.clone()), Cell::Plain(c.resolution.clone())], total: false })
        .collect();
    Some(Table {
        kind: TableKind::Conflicts,
        key: "conflicts".into(),
        caption: m::R_CONFLICTS_HEADING.get(lang).to_string(),
        caption_is: Caption::Heading,
        columns: vec![
            column(m::R_QUESTION.get(lang), ColumnKind::QuestionHeader),
            column(m::R_RESOLUTION.get(lang), ColumnKind::Text),
        ],
        rows,
    })
}

/// The action plan of a spreadsheet: every step of the roadmap, what it raises, and empty owner, deadline
/// and status columns for the municipality to fill in.
pub fn action_plan(report: &Report, lang: Lang) -> Table {
    let rows = report
        .roadmap
        .iter()
        .enumerate()
        .map(|(i, step)| Row {
            cells: vec![
                Cell::Value { value: (i + 1) as f64, shown: Shown::Whole },
                Cell::Text(report.theme_title(&step.theme).to_string()),
                Cell::Text(step.text.clone()),
                Cell::Text(step.current.clone()),
                Cell::Text(step.next_step.clone()),
                Cell::Value { value: step.gain, shown: Shown::Gain },
                maturity::raises(report, step, lang).map_or(Cell::Empty, |raises| Cell::Plain(capitalized(&raises))),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ],
            total: false,
        })
        .collect();
    let text = |title: &Tr| column(title.get(lang), ColumnKind::Text);
    Table {
        kind: TableKind::ActionPlan,
        key: "action-plan".into(),
        caption: m::R_ACTION_PLAN.get(lang).to_string(),
        caption_is: Caption::Heading,
        columns: vec![
            column(m::R_PRIORITY.get(lang), ColumnKind::Number),
            text(&m::T_THEME),
            column(m::R_QUESTION.get(lang), ColumnKind::QuestionHeader),
            text(&m::R_CURRENT),
            text(&m::R_NEXT_STEP),
            column(m::R_GAIN.get(lang), ColumnKind::Number),
            text(&m::MIL_COLUMN),
            text(&m::R_OWNER),
            text(&m::R_DEADLINE),
            text(&m::R_STATUS),
        ],
        rows,
    }
}

/// Every answer of a spreadsheet, with its question's id, score, weight, level description and note.
pub fn answers(report: &Report, lang: Lang) -> Table {
    let rows = report
        .questions
        .iter()
        .map(|q| Row {
            cells: vec![
                Cell::Text(report.theme_title(&q.theme).to_string()),
                Cell::Plain(q.id.clone()),
                Cell::Text(q.text.clone()),
                if q.status == Status::Text {
                    Cell::Words(answer_text(q, lang))
                } else {
                    Cell::Text(answer_text(q, lang))
                },
                q.score.map_or(Cell::Empty, |value| Cell::Value { value, shown: Shown::Fraction }),
                Cell::Value { value: q.weight, shown: Shown::Plain },
                Cell::Text(q.level_description.clone().unwrap_or_default()),
                Cell::Words(q.note.clone().unwrap_or_default()),
            ],
            total: false,
        })
        .collect();
    let text = |title: &Tr| column(title.get(lang), ColumnKind::Text);
    Table {
        kind: TableKind::Answers,
        key: "answers".into(),
        caption: m::R_ANSWERS.get(lang).to_string(),
        caption_is: Caption::Heading,
        columns: vec![
            text(&m::T_THEME),
            text(&m::R_QUESTION_ID),
            column(m::R_QUESTION.get(lang), ColumnKind::QuestionHeader),
            text(&m::R_ANSWER),
            column(m::T_SCORE.get(lang), ColumnKind::Number),
            column(m::R_WEIGHT.get(lang), ColumnKind::Number),
            text(&m::R_LEVEL_DESCRIPTION),
            column(m::R_NOTE.get(lang), ColumnKind::Note),
        ],
        rows,
    }
}

/// One table in two languages, for a bilingual spreadsheet: a column whose words differ between the two
/// (a theme's name, a question, a band) twice, each under its own language's heading; a column that is the
/// same in both (a score, an id, the respondent's note) once, under both headings. `a` and `b` are the same
/// table of the same report made in two languages, so their rows match one to one.
pub fn side_by_side(a: &Table, b: &Table) -> Table {
    let mut columns = Vec::new();
    let mut picks: Vec<(bool, usize)> = Vec::new();
    for (i, (ca, cb)) in a.columns.iter().zip(&b.columns).enumerate() {
        let differs = a.rows.iter().zip(&b.rows).any(|(ra, rb)| ra.cells[i].is_words() && ra.cells[i] != rb.cells[i]);
        if differs {
            columns.push(ca.clone());
            columns.push(Column {
                title: cb.title.clone(),
                kind: if cb.kind == ColumnKind::Number { ColumnKind::Number } else { ColumnKind::Text },
            });
            picks.extend([(false, i), (true, i)]);
        } else {
            let title = if ca.title == cb.title || cb.title.is_empty() {
                ca.title.clone()
            } else {
                format!("{} / {}", ca.title, cb.title)
            };
            columns.push(Column { title, kind: ca.kind });
            picks.push((false, i));
        }
    }
    let rows = a
        .rows
        .iter()
        .zip(&b.rows)
        .map(|(ra, rb)| Row {
            cells: picks
                .iter()
                .map(|&(second, i)| if second { rb.cells[i].clone() } else { ra.cells[i].clone() })
                .collect(),
            total: ra.total,
        })
        .collect();
    Table { columns, rows, caption: format!("{} / {}", a.caption, b.caption), ..a.clone() }
}

/// A number for scripts, unrounded; none: an empty cell.
fn raw(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, |value| Cell::Value { value, shown: Shown::Raw })
}

/// The columns of a table for scripts: stable English ids, whatever the language.
fn ids(names: &[&str]) -> Vec<Column> {
    names.iter().map(|name| column(name, ColumnKind::Text)).collect()
}

/// One row per question for scripts: the municipality, the theme and question (ids and texts), the status,
/// the answer in words, the unrounded score and weight, the note, and the maturity level the question
/// blocks with the answer that would count as achieved.
pub fn per_question(report: &Report, lang: Lang) -> Table {
    let r = &report.respondent;
    let rows = report
        .questions
        .iter()
        .map(|q| {
            let blocking = report
                .themes
                .iter()
                .filter(|t| t.id == q.theme)
                .find_map(|t| Some((t.mil_next?, t.mil_blocking.iter().flatten().find(|b| b.question == q.id)?)));
            let status = match q.status {
                Status::Answered => "answered",
                Status::Na => "na",
                Status::Dk => "dk",
                Status::Unanswered => "unanswered",
                Status::Text => "text",
            };
            Row {
                cells: vec![
                    Cell::Plain(r.municipality.clone()),
                    Cell::Plain(r.municipality_code.clone().unwrap_or_default()),
                    Cell::Plain(q.theme.clone()),
                    Cell::Text(report.theme_title(&q.theme).to_string()),
                    Cell::Plain(q.id.clone()),
                    Cell::Text(q.text.clone()),
                    Cell::Plain(status.to_string()),
                    Cell::Text(answer_text(q, lang)),
                    raw(q.score),
                    raw(Some(q.weight)),
                    Cell::Words(q.note.clone().unwrap_or_default()),
                    raw(blocking.map(|(level, _)| f64::from(level))),
                    blocking.map_or(Cell::Empty, |(_, b)| Cell::Text(b.needed.clone())),
                ],
                total: false,
            }
        })
        .collect();
    Table {
        kind: TableKind::Records,
        key: "questions".into(),
        caption: String::new(),
        caption_is: Caption::Heading,
        columns: ids(&[
            "municipality",
            "municipality_code",
            "theme_id",
            "theme",
            "question_id",
            "question",
            "status",
            "answer",
            "score",
            "weight",
            "note",
            "blocks_mil",
            "mil_needed",
        ]),
        rows,
    }
}

/// One row per theme for scripts, and the overall index last.
pub fn per_theme(report: &Report) -> Table {
    let r = &report.respondent;
    let who = || [Cell::Plain(r.municipality.clone()), Cell::Plain(r.municipality_code.clone().unwrap_or_default())];
    let count = |n: usize| raw(Some(n as f64));
    let mut rows: Vec<Row> = report
        .themes
        .iter()
        .map(|t| {
            let c = t.counts;
            let mut cells = who().to_vec();
            cells.extend([
                Cell::Plain(t.id.clone()),
                Cell::Text(t.title.clone()),
                raw(t.score),
                Cell::Text(t.band.clone().unwrap_or_default()),
                raw(t.mil.map(f64::from)),
                count(c.answered),
                count(c.na),
                count(c.dk),
                count(c.unanswered),
                raw(t.mil_next.map(f64::from)),
                Cell::Plain(t.mil_blocking.iter().flatten().map(|b| b.question.as_str()).collect::<Vec<_>>().join("|")),
            ]);
            Row { cells, total: false }
        })
        .collect();
    let mut total = who().to_vec();
    total.extend([
        Cell::Plain("overall".into()),
        Cell::Empty,
        raw(report.overall.score),
        Cell::Text(report.overall.band.clone().unwrap_or_default()),
    ]);
    total.resize(13, Cell::Empty);
    rows.push(Row { cells: total, total: true });
    Table {
        kind: TableKind::Records,
        key: "themes".into(),
        caption: String::new(),
        caption_is: Caption::Heading,
        columns: ids(&[
            "municipality",
            "municipality_code",
            "theme_id",
            "theme",
            "score",
            "band",
            "mil",
            "answered",
            "na",
            "dk",
            "unanswered",
            "mil_next",
            "mil_blocking",
        ]),
        rows,
    }
}

/// A small table of every kind of cell, for the writers' own tests.
#[cfg(test)]
pub(crate) fn sample() -> Table {
    Table {
        kind: TableKind::Scores,
        key: "sample".into(),
        caption: "Otsikko".into(),
        caption_is: Caption::Own,
        columns: vec![
            column("Teema", ColumnKind::RowHeader),
            column("Pisteet", ColumnKind::Number),
            column("", ColumnKind::TextBar),
            column("Taso", ColumnKind::Text),
            column("Huomio", ColumnKind::Note),
        ],
        rows: vec![
            Row {
                cells: vec![
                    Cell::Text("Turva | <b>".into()),
                    Cell::Score(Some(45.25)),
                    Cell::Bar(Some(45.25)),
                    Cell::Band { name: Some("Kehittyvä".into()), index: Some(1), of: 4 },
                    Cell::Words("*oma* huomio".into()),
                ],
                total: false,
            },
            Row {
                cells: vec![
                    Cell::Plain("Kokonaisindeksi".into()),
                    Cell::Score(None),
                    Cell::Bar(None),
                    Cell::Band { name: None, index: None, of: 4 },
                    Cell::Number("100 %".into()),
                ],
                total: true,
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::report::fixtures::report;

    #[test]
    fn side_by_side_doubles_the_columns_whose_words_differ_and_keeps_one_of_the_rest() {
        let (fi, sv) = (report(Lang::Fi), report(Lang::Sv));
        let both = side_by_side(&answers(&fi, Lang::Fi), &answers(&sv, Lang::Sv));
        let titles: Vec<&str> = both.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles[..5], ["Teema", "Tema", "Kysymyksen tunnus / Frågans id", "Kysymys", "Fråga"]);
        assert!(titles.contains(&"Huomio / Anteckning"), "the note is the respondent's, once: {titles:?}");
        assert!(titles.contains(&"Pisteet / Poäng"), "a score is a score in both: {titles:?}");
        for row in &both.rows {
            assert_eq!(row.cells.len(), both.columns.len());
        }
        let one = side_by_side(&answers(&fi, Lang::Fi), &answers(&fi, Lang::Fi));
        assert_eq!(one.columns.len(), answers(&fi, Lang::Fi).columns.len(), "nothing differs: nothing doubles");
    }

    #[test]
    fn every_row_has_a_cell_for_every_column() {
        let r = report(Lang::Fi);
        let mut tables = vec![scores(&r, Lang::Fi), roadmap(&r, Lang::Fi)];
        tables.extend(r.themes.iter().map(|t| questions(&r, t, Lang::Fi)));
        tables.extend(r.themes.iter().filter_map(|t| practices(t, Lang::Fi)));
        for table in &tables {
            assert!(!table.rows.is_empty(), "{}", table.key);
            for row in &table.rows {
                assert_eq!(row.cells.len(), table.columns.len(), "{}", table.key);
            }
        }
    }

    #[test]
    fn scores_end_with_the_overall_index_as_the_total() {
        let r = report(Lang::En);
        let table = scores(&r, Lang::En);
        assert_eq!(table.rows.len(), r.themes.len() + 1);
        let total = table.rows.last().unwrap();
        assert!(total.total && total.cells[0] == Cell::Plain("Overall index".into()));
        assert_eq!(total.cells[1], Cell::Score(r.overall.score));
        assert!(table.rows[..r.themes.len()].iter().all(|row| !row.total));
    }

    #[test]
    fn the_respondents_words_are_told_from_the_questionnaires() {
        let r = report(Lang::Fi);
        let a = r.themes.iter().find(|t| t.id == "a").unwrap();
        let level = &questions(&r, a, Lang::Fi).rows[0];
        assert!(matches!(&level.cells[1], Cell::Text(answer) if answer.starts_with('2')));
        assert_eq!(level.cells[3], Cell::Words("ks. pöytäkirja".into()));
        let x = r.themes.iter().find(|t| t.id == "x").unwrap();
        assert_eq!(questions(&r, x, Lang::Fi).rows[0].cells[1], Cell::Words("oma sana".into()));
    }

    #[test]
    fn a_step_that_raises_a_maturity_level_says_so() {
        let r = report(Lang::En);
        let table = roadmap(&r, Lang::En);
        let raising: Vec<&Cell> = table
            .rows
            .iter()
            .map(|row| &row.cells[4])
            .filter(|c| matches!(c, Cell::Step { raises: Some(_), .. }))
            .collect();
        assert!(!raising.is_empty(), "t.yes at no blocks level 1 of theme t: {table:?}");
        assert!(raising[0].text(Lang::En).starts_with("▲ Raises"), "{}", raising[0].text(Lang::En));
    }
}
