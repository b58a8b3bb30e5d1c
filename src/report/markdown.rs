//! The report as Markdown that renders well on GitHub and GitLab: tables, text bars, no HTML of our own.
//!
//! Every text from the questionnaire or the answers goes through [`md`], so that markup and Markdown syntax
//! in a name or a note show as text.

use std::fmt::Write as _;

use crate::i18n::{Lang, decimal, messages as m};

use super::escape::markdown as md;
use super::wording::{ROADMAP_STEPS, answer_text, answered, bar, capitalized, score_text, summary_rows};
use super::{Report, maturity};

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
    let _ = writeln!(
        out,
        "| {} | {} | | {} | {} |\n|---|---:|---|---|---:|",
        m::T_THEME.get(lang),
        m::T_SCORE.get(lang),
        m::T_BAND.get(lang),
        m::T_ANSWERED.get(lang)
    );
    for theme in &report.themes {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            md(&theme.title),
            score_text(theme.score, lang),
            theme.score.map_or_else(String::new, |s| format!("`{}`", bar(s, 10))),
            md(theme.band.as_deref().unwrap_or(m::NO_SCORE.get(lang))),
            answered(&theme.counts, lang)
        );
    }
    let _ = writeln!(
        out,
        "| **{}** | **{}** | {} | **{}** | {} % |",
        m::T_OVERALL.get(lang),
        score_text(report.overall.score, lang),
        report.overall.score.map_or_else(String::new, |s| format!("`{}`", bar(s, 10))),
        md(report.overall.band.as_deref().unwrap_or(m::NO_SCORE.get(lang))),
        decimal(lang, report.completeness * 100.0, 0)
    );
    let _ = writeln!(out, "\n{}", m::T_LEGEND.get(lang));

    cut(&mut parts, &mut out);
    let _ = writeln!(out, "\n## {}\n", m::R_ROADMAP.get(lang));
    if report.roadmap.is_empty() {
        let _ = writeln!(out, "{}", m::T_NO_STEPS.get(lang));
    } else {
        let _ = writeln!(out, "{}\n", m::R_ROADMAP_INTRO.get(lang));
        let _ = writeln!(
            out,
            "| # | {} | {} | {} | {} | {} |\n|---:|---|---|---|---|---:|",
            m::T_THEME.get(lang),
            m::R_QUESTION.get(lang),
            m::R_CURRENT.get(lang),
            m::R_NEXT_STEP.get(lang),
            m::R_GAIN.get(lang)
        );
        for (i, step) in report.roadmap.iter().take(ROADMAP_STEPS).enumerate() {
            let next_step = match maturity::raises(report, step, lang) {
                Some(raises) => format!("**▲ {}.** {}", md(&capitalized(&raises)), md(&step.next_step)),
                None => md(&step.next_step),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {next_step} | +{} |",
                i + 1,
                md(report.theme_title(&step.theme)),
                md(&step.text),
                md(&step.current),
                decimal(lang, step.gain, 1)
            );
        }
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
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            m::R_QUESTION.get(lang),
            m::R_ANSWER.get(lang),
            m::R_LEVEL_DESCRIPTION.get(lang),
            m::R_NOTE.get(lang)
        );
        for q in report.questions.iter().filter(|q| q.theme == theme.id) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md(&q.text),
                md(&answer_text(q, lang)),
                md(q.level_description.as_deref().unwrap_or("")),
                md(q.note.as_deref().unwrap_or(""))
            );
        }
    }

    if !report.conflicts.is_empty() {
        cut(&mut parts, &mut out);
        let _ = writeln!(
            out,
            "\n## {}\n\n| {} | {} |\n|---|---|",
            m::R_CONFLICTS_HEADING.get(lang),
            m::R_QUESTION.get(lang),
            m::R_RESOLUTION.get(lang)
        );
        for conflict in &report.conflicts {
            let _ = writeln!(out, "| {} | {} |", md(&conflict.text), md(&conflict.resolution));
        }
    }

    cut(&mut parts, &mut out);
    let _ = writeln!(out, "\n## {}\n\n{}\n", m::R_METHODS.get(lang), m::R_METHODS_TEXT.get(lang));
    let _ = writeln!(out, "{}", md(&m::R_CREATED.fill(lang, &[&report.created, &report.generator.version])));
    parts.push(out);
    parts.into_iter().map(|part| crate::inert::inert_text(part, crate::inert::Layout::Block)).collect()
}

/// A MIL theme's path: its summary, how a group's level was formed, and the blocking practices with their
/// current and needed answers.
fn mil_section(out: &mut String, theme: &super::ThemeRecord, lang: Lang) {
    let Some(summary) = maturity::summary(theme, lang) else { return };
    let _ = writeln!(out, "{}\n", md(&summary));
    if let Some(rule) = maturity::group_rule(theme, lang) {
        let _ = writeln!(out, "{}\n", md(&rule));
    }
    let Some(rule) = maturity::rule(theme, lang) else { return };
    let _ = writeln!(
        out,
        "{}\n\n| {} | {} | {} |\n|---|---|---|",
        md(&rule),
        m::MIL_PRACTICE.get(lang),
        m::R_CURRENT.get(lang),
        m::MIL_NEEDED.get(lang)
    );
    for practice in theme.mil_blocking.iter().flatten() {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            md(&practice.text),
            md(&maturity::current(theme, practice, lang)),
            md(&practice.needed)
        );
    }
    out.push('\n');
}
