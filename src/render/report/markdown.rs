//! The report as Markdown that renders well on GitHub and GitLab: tables, text bars, no HTML of our own.
//!
//! Every text from the questionnaire or the answers goes through [`md`], so that markup and Markdown syntax
//! in a name or a note show as text.

use std::fmt::Write as _;

use crate::i18n::{Lang, messages as m};

use super::tables::{self, Caption, Cell, ColumnKind, Table};
use crate::render::escape::markdown as md;
use crate::render::maturity;
use crate::render::wording::{bar, capitalized, score_text, summary_rows};
use crate::report::Report;

pub fn render(report: &Report, lang: Lang) -> String {
    sections(report, lang).concat()
}

/// The report as its title and its `##` sections, each a string that [`render`] joins as they are, and
/// that a bilingual document interleaves with the other language's ([`super::bilingual`]).
pub fn sections(report: &Report, lang: Lang) -> Vec<String> {
    let mut parts = Vec::new();
    let mut out = String::new();
    // A new section starts here: what is written so far is the one before.
    let cut = |parts: &mut Vec<String>, out: &mut String| parts.push(std::mem::take(out));
    let r = &report.respondent;
    let _ = writeln!(out, "# {} – {}\n", md(&r.municipality), md(&report.questionnaire.title));

    cut(&mut parts, &mut out);
    let _ = writeln!(out, "## {}\n", m::R_SUMMARY.get(lang));
    let _ = writeln!(out, "| | |\n|---|---|");
    for (label, value) in summary_rows(report, lang) {
        let _ = writeln!(out, "| {label} | {} |", md(&value));
    }

    cut(&mut parts, &mut out);
    let _ = writeln!(out, "\n## {}\n", m::R_THEME_SCORES.get(lang));
    table(&mut out, &tables::scores(report, lang), lang);
    let _ = writeln!(out, "\n{}", m::T_LEGEND.get(lang));

    cut(&mut parts, &mut out);
    let _ = writeln!(out, "\n## {}\n", m::R_ROADMAP.get(lang));
    if report.roadmap.is_empty() {
        let _ = writeln!(out, "{}", m::T_NO_STEPS.get(lang));
    } else {
        let _ = writeln!(out, "{}\n", m::R_ROADMAP_INTRO.get(lang));
        table(&mut out, &tables::roadmap(report, lang), lang);
    }

    for theme in &report.themes {
        cut(&mut parts, &mut out);
        let _ = writeln!(out, "\n## {}\n", md(&theme.title));
        if let Some(description) = &theme.description {
            let _ = writeln!(out, "{}\n", md(description));
        }
        let mut line = format!(
            "{}: **{}** ({})",
            m::T_SCORE.get(lang),
            score_text(theme.score, lang),
            md(theme.band.as_deref().unwrap_or(m::NO_SCORE.get(lang)))
        );
        if let Some(mil) = theme.mil {
            let _ = write!(line, " · {}: **{mil}**", m::R_MIL.get(lang));
        }
        if !theme.answered_by.is_empty() {
            let _ = write!(line, " · {}: {}", m::R_ANSWERED_BY.get(lang), md(&theme.answered_by.join(", ")));
        }
        let _ = writeln!(out, "{line}\n");
        mil_section(&mut out, theme, lang);
        table(&mut out, &tables::questions(report, theme, lang), lang);
    }

    if let Some(conflicts) = tables::conflicts(report, lang) {
        cut(&mut parts, &mut out);
        let _ = writeln!(out, "\n## {}\n", m::R_CONFLICTS_HEADING.get(lang));
        table(&mut out, &conflicts, lang);
    }

    cut(&mut parts, &mut out);
    let _ = writeln!(out, "\n## {}\n\n{}\n", m::R_METHODS.get(lang), m::R_METHODS_TEXT.get(lang));
    let _ = writeln!(out, "{}", md(&m::R_CREATED.fill(lang, &[&report.created, &report.generator.version])));
    parts.push(out);
    parts.into_iter().map(|part| crate::inert::inert_text(part, crate::inert::Layout::Block)).collect()
}

/// A MIL theme's path: its summary, how a group's level was formed, and the blocking practices with their
/// current and needed answers.
fn mil_section(out: &mut String, theme: &crate::report::ThemeRecord, lang: Lang) {
    let Some(summary) = maturity::summary(theme, lang) else { return };
    let _ = writeln!(out, "{}\n", md(&summary));
    if let Some(rule) = maturity::group_rule(theme, lang) {
        let _ = writeln!(out, "{}\n", md(&rule));
    }
    let Some(practices) = tables::practices(theme, lang) else { return };
    table(out, &practices, lang);
    out.push('\n');
}

/// A table of the report in Markdown: its caption as a paragraph when nothing else says it, the header
/// row, and the rows; the total row in bold.
fn table(out: &mut String, t: &Table, lang: Lang) {
    if t.caption_is == Caption::Own {
        let _ = writeln!(out, "{}\n", md(&t.caption));
    }
    let mut line = String::from("|");
    for column in &t.columns {
        // Headings are interface strings, written as they are.
        let _ = if column.title.is_empty() { write!(line, " |") } else { write!(line, " {} |", column.title) };
    }
    line.push_str("\n|");
    for column in &t.columns {
        line.push_str(if column.kind == ColumnKind::Number { "---:|" } else { "---|" });
    }
    let _ = writeln!(out, "{line}");
    for row in &t.rows {
        let mut line = String::from("|");
        for cell in &row.cells {
            let text = cell_text(cell, lang);
            let strong = row.total && !matches!(cell, Cell::Bar(_) | Cell::Number(_));
            let _ = if strong { write!(line, " **{text}** |") } else { write!(line, " {text} |") };
        }
        let _ = writeln!(out, "{line}");
    }
}

/// A cell as Markdown: texts escaped, our own numbers as they are, a bar as code, a raising step in bold.
fn cell_text(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Plain(text) | Cell::Text(text) | Cell::Words(text) | Cell::Step { raises: None, text } => md(text),
        Cell::Number(text) => text.clone(),
        Cell::Value { .. } | Cell::Empty => cell.text(lang),
        Cell::Score(score) => score_text(*score, lang),
        Cell::Bar(score) => score.map_or_else(String::new, |s| format!("`{}`", bar(s, 10))),
        Cell::Band { name, .. } => md(name.as_deref().unwrap_or(m::NO_SCORE.get(lang))),
        Cell::Step { raises: Some(raises), text } => format!("**▲ {}.** {}", md(&capitalized(raises)), md(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_written_with_its_caption_alignment_escapes_and_a_bold_total() {
        let mut out = String::new();
        table(&mut out, &tables::sample(), Lang::Fi);
        assert_eq!(
            out,
            "Otsikko\n\n\
             | Teema | Pisteet | | Taso | Huomio |\n|---|---:|---|---|---|\n\
             | Turva \\| &lt;b&gt; | 45,3 | `████▌·····` | Kehittyvä | \\*oma\\* huomio |\n\
             | **Kokonaisindeksi** | **–** |  | **ei pisteitä** | 100 % |\n"
        );
    }
}
