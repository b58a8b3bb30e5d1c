//! The report as a terminal table (comfy-table): theme scores with bars, bands and answer counts, the
//! overall index, completeness, maturity levels and the top steps of the roadmap.
//!
//! Reads the report record and nothing else; writes into any `Write`, so tests capture it. Colour is
//! decided by the caller (a terminal and no `NO_COLOR`), never here. Every text of the record is made inert
//! ([`crate::inert`]) on its way in: the table is drawn with colours, so it cannot be cleaned afterwards.

use std::io::{self, Write};

use comfy_table::{Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width};

use crate::i18n::{Lang, decimal, messages as m};
use crate::inert::{Layout, inert};
use crate::wrap::wrap;

use super::tables::{self as model, ColumnKind};
use crate::render::colours::band_terminal;
use crate::render::maturity;
use crate::render::wording::capitalized;
use crate::report::Report;

/// How the table is drawn.
#[derive(Debug, Clone, Copy)]
pub struct TableOptions {
    pub color: bool,
    /// Total width in columns; the table wraps its text to fit.
    pub width: u16,
    /// How many roadmap steps to list.
    pub steps: usize,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions { color: false, width: 80, steps: 5 }
    }
}

pub fn render(report: &Report, lang: Lang, options: &TableOptions, out: &mut impl Write) -> io::Result<()> {
    header(report, lang, options, out)?;
    scores(report, lang, options, out)?;
    maturity_lines(report, lang, options, out)?;
    steps(report, lang, options, out)
}

/// The questionnaire, the municipality with its region, group and date, and what language the texts are in
/// when they are not the reader's.
fn header(report: &Report, lang: Lang, options: &TableOptions, out: &mut impl Write) -> io::Result<()> {
    let r = &report.respondent;
    let line = |text: &str| inert(text, Layout::Line).into_owned();
    let width = usize::from(options.width);
    let title = format!("{} {}", line(&report.questionnaire.title), line(&report.questionnaire.version));
    for text in wrap(&title, width) {
        writeln!(out, "{text}")?;
    }
    let mut who = vec![match &r.municipality_code {
        Some(code) => format!("{} ({})", line(&r.municipality), line(code)),
        None => line(&r.municipality),
    }];
    who.extend(r.region.as_deref().map(line));
    if let Some(group) = &report.group {
        who.push(format!("{}: {} · n = {}", line(&group.column), line(&group.value), report.respondents));
    }
    who.extend(r.date.as_deref().map(line));
    for text in wrap(&who.join(" · "), width) {
        writeln!(out, "{text}")?;
    }
    if report.questionnaire.language != lang.code() {
        let stored = crate::render::wording::language_name(&report.questionnaire.language, lang);
        for text in wrap(&m::R_TEXTS_KEPT.fill(lang, &[&stored]), width) {
            writeln!(out, "{text}")?;
        }
    }
    writeln!(out)
}

/// The theme scores with the overall index, and the legend under them.
fn scores(report: &Report, lang: Lang, options: &TableOptions, out: &mut impl Write) -> io::Result<()> {
    let line = |text: &str| inert(text, Layout::Line).into_owned();
    let mut table = Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(options.width);
    if options.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    // Below 72 columns the bars give their room to the words: a theme's name is never cut inside a word.
    let scores = model::scores(report, lang);
    let shown: Vec<usize> = (0..scores.columns.len())
        .filter(|&i| options.width >= 72 || scores.columns[i].kind != ColumnKind::TextBar)
        .collect();
    let aligned = |cell: Cell, kind: ColumnKind| {
        if kind == ColumnKind::Number { cell.set_alignment(CellAlignment::Right) } else { cell }
    };
    table.set_header(shown.iter().map(|&i| aligned(Cell::new(&scores.columns[i].title), scores.columns[i].kind)));
    for (at, &i) in shown.iter().enumerate() {
        let words: Vec<String> = scores.rows.iter().map(|row| line(&row.cells[i].text(lang))).collect();
        if matches!(scores.columns[i].kind, ColumnKind::RowHeader | ColumnKind::Text) {
            keep_words_whole(&mut table, at, words.iter().map(String::as_str));
        }
    }
    for row in &scores.rows {
        table.add_row(shown.iter().map(|&i| {
            let kind = scores.columns[i].kind;
            let mut cell = match &row.cells[i] {
                model::Cell::Band { index: Some(index), of, .. } if options.color => {
                    Cell::new(line(&row.cells[i].text(lang))).fg(band_terminal(*index, *of))
                }
                model::Cell::Text(text) => Cell::new(break_long_words(&line(text), LONGEST_WORD)),
                other => Cell::new(line(&other.text(lang))),
            };
            if row.total && !matches!(row.cells[i], model::Cell::Bar(_) | model::Cell::Number(_)) {
                cell = cell.add_attribute(Attribute::Bold);
            }
            aligned(cell, kind)
        }));
    }
    writeln!(out, "{table}")?;
    // The legend is prose; wrapped to the table's width (80 columns at most, for reading).
    for line in wrap(m::T_LEGEND.get(lang), usize::from(options.width).clamp(20, 80)) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Each MIL theme: its level and what the next one needs, one line per blocking practice.
fn maturity_lines(report: &Report, lang: Lang, options: &TableOptions, out: &mut impl Write) -> io::Result<()> {
    let text_width = usize::from(options.width).max(40);
    for theme in report.themes.iter().filter(|t| t.mil.is_some()) {
        writeln!(out)?;
        for line in wrap(&inert(&maturity::summary(theme, lang).unwrap_or_default(), Layout::Block), text_width) {
            writeln!(out, "{line}")?;
        }
        if let Some(rule) = maturity::group_rule(theme, lang) {
            for line in wrap(&rule, text_width) {
                writeln!(out, "{line}")?;
            }
        }
        if maturity::rule(theme, lang).is_some() {
            for practice in theme.mil_blocking.iter().flatten() {
                let text = format!(
                    "• {} — {}: {} → {}",
                    practice.name,
                    m::T_NOW.get(lang),
                    maturity::current(theme, practice, lang),
                    practice.needed
                );
                for (i, line) in wrap(&inert(&text, Layout::Block), text_width - 4).iter().enumerate() {
                    writeln!(out, "  {}{line}", if i == 0 { "" } else { "  " })?;
                }
            }
        }
    }
    Ok(())
}

/// The first steps of the roadmap, each with its gain, theme, question, current answer and next step.
fn steps(report: &Report, lang: Lang, options: &TableOptions, out: &mut impl Write) -> io::Result<()> {
    let line = |text: &str| inert(text, Layout::Line).into_owned();
    writeln!(out)?;
    if report.roadmap.is_empty() {
        writeln!(out, "{}", m::T_NO_STEPS.get(lang))?;
        return Ok(());
    }
    writeln!(out, "{}", m::T_NEXT_STEPS.fill(lang, &[&options.steps.min(report.roadmap.len())]))?;
    let indent = "      ";
    let wrap_width = usize::from(options.width).saturating_sub(indent.len()).max(20);
    for (i, step) in report.roadmap.iter().take(options.steps).enumerate() {
        let theme = line(report.theme_title(&step.theme));
        writeln!(out, "{:>2}. +{}  {theme}", i + 1, decimal(lang, step.gain, 1))?;
        // Wrapping takes the text's own line breaks and tabs for spaces.
        let block = |text: &str| inert(text, Layout::Block).into_owned();
        for line in wrap(&block(&step.text), wrap_width) {
            writeln!(out, "{indent}{line}")?;
        }
        for line in wrap(&format!("{}: {}", m::T_NOW.get(lang), block(&step.current)), wrap_width) {
            writeln!(out, "{indent}{line}")?;
        }
        for line in wrap(&format!("→ {}", block(&step.next_step)), wrap_width) {
            writeln!(out, "{indent}{line}")?;
        }
        if let Some(raises) = maturity::raises(report, step, lang) {
            for line in wrap(&format!("▲ {}", block(&capitalized(&raises))), wrap_width) {
                writeln!(out, "{indent}{line}")?;
            }
        }
    }
    Ok(())
}

/// Gives `column` at least the width of the longest word of `texts`, so that comfy-table, when it narrows
/// the table, breaks the column's texts between words and not inside one.
pub fn keep_words_whole<'a>(table: &mut Table, column: usize, texts: impl IntoIterator<Item = &'a str>) {
    let longest = texts.into_iter().flat_map(str::split_whitespace).map(crate::wrap::width).max().unwrap_or(0);
    // The constraint counts the cell's padding, one space on each side.
    if let (Some(column), Ok(width)) = (table.column_mut(column), u16::try_from(longest + 2)) {
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
    }
}

/// The longest word the theme column takes whole. comfy-table drops the rest of a word that is wider than
/// its column (seen with Swedish compounds such as "Informationshantering" at 80 columns), so longer words
/// are hyphenated here first.
const LONGEST_WORD: usize = 18;

/// Splits every word longer than `longest` characters with a hyphen and a line break.
pub fn break_long_words(text: &str, longest: usize) -> String {
    let words: Vec<String> = text
        .split(' ')
        .map(|word| {
            let chars: Vec<char> = word.chars().collect();
            if chars.len() <= longest {
                return word.to_string();
            }
            // Even pieces read better than a full line and a stub; in a two-piece word, a break right after an
            // "s" near the middle often falls on a Swedish compound's joint ("Informations-hantering").
            let count = chars.len().div_ceil(longest - 1);
            if count == 2 {
                let mid = chars.len().div_ceil(2);
                let joint = [0, 1, 2, 3]
                    .iter()
                    .flat_map(|d| [mid + d, mid.saturating_sub(*d)])
                    .find(|&at| at > 1 && at < chars.len() - 1 && at < longest && chars[at - 1] == 's')
                    .unwrap_or(mid);
                let (head, tail) = chars.split_at(joint);
                return format!("{}-\n{}", head.iter().collect::<String>(), tail.iter().collect::<String>());
            }
            let pieces: Vec<String> = chars.chunks(chars.len().div_ceil(count)).map(|c| c.iter().collect()).collect();
            pieces.join("-\n")
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenates_only_words_longer_than_the_limit() {
        assert_eq!(
            break_long_words("Informationshantering och interoperabilitet", 18),
            "Informations-\nhantering och interoperabilitet"
        );
        assert_eq!(break_long_words("Strategia ja johtaminen", 18), "Strategia ja johtaminen");
        assert_eq!(
            break_long_words("abcdefghijklmnopqrstuvwxyz0123456789abcdef", 18),
            "abcdefghijklmn-\nopqrstuvwxyz01-\n23456789abcdef"
        );
    }

    #[test]
    fn at_60_columns_no_word_is_cut_and_no_line_is_too_wide() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/skarholm-report.json");
        let report = crate::report::load::load(&path).unwrap();
        let mut out = Vec::new();
        render(&report, Lang::Sv, &TableOptions { width: 60, ..TableOptions::default() }, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        for line in text.lines() {
            assert!(crate::wrap::width(line) <= 60, "{line:?} is too wide:\n{text}");
        }
        for word in ["interoperabilitet", "Kundorienterade", "utveckling", "Helhetsindex"] {
            assert!(text.contains(word), "{word:?} is cut:\n{text}");
        }
    }
}
