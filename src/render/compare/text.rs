//! The comparison as a terminal table, Markdown, CSV (one row per municipality) and JSON.

use std::fmt::Write as _;

use comfy_table::{ContentArrangement, Table};

use crate::csv_writer::{self, Records, cell};
use crate::i18n::{Lang, messages as m};
use crate::inert::Layout;
use crate::render::escape::markdown as md;
use crate::render::wording::score_text as score;

use super::columns::{self, signed};
use crate::compare::{Comparison, Notice, Row};

pub fn json(c: &Comparison) -> String {
    let mut text = serde_json::to_string_pretty(c).unwrap_or_default();
    text.push('\n');
    text
}

pub fn table(c: &Comparison, lang: Lang, width: u16) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} · {} {}", m::C_TITLE.get(lang), c.questionnaire, c.versions.join(", "));
    for notice in &c.notices {
        let _ = writeln!(out, "{}: {}", m::WARNING.get(lang), notice.message(lang));
    }
    matrix_table(&mut out, c, lang, width);
    group_table(&mut out, c, lang, width);
    let width = usize::from(width);
    weak_spot_lines(&mut out, c, lang, width);
    maturity_lines(&mut out, c, lang, width);
    change_lines(&mut out, c, lang);
    crate::inert::inert_text(out, Layout::Block)
}

/// The matrix: rank, municipality, overall, band and difference, the theme scores by theme number (T1 …) in a
/// layout that fits the width (`render::matrix`).
fn matrix_table(out: &mut String, c: &Comparison, lang: Lang, width: u16) {
    use crate::render::matrix::{Column, Role, render};
    let cells = |f: &dyn Fn(&Row) -> String| c.rows.iter().map(f).collect::<Vec<String>>();
    let mut columns = vec![
        Column::new(
            m::C_RANK.get(lang),
            Role::Lead,
            cells(&|row| row.rank.map_or_else(String::new, |r| format!("{r}."))),
        ),
        Column::new(m::R_MUNICIPALITY.get(lang), Role::Label, cells(&|row| row.municipality.clone())).left(),
        Column::new(m::T_OVERALL.get(lang), Role::Lead, cells(&|row| score(row.overall, lang))),
        Column::new(m::T_BAND.get(lang), Role::Lead, cells(&|row| row.band.clone().unwrap_or_default())).left(),
        Column::new("±", Role::Lead, cells(&|row| signed(row.overall_diff, lang))).labelled(),
    ];
    for (i, th) in c.themes.iter().enumerate() {
        let scores = cells(&|row| score(row.themes.get(&th.id).and_then(|x| x.score), lang));
        columns.push(Column::coded(th.title.as_str(), format!("T{}", i + 1), scores));
    }
    let diff = m::C_DIFF.get(lang);
    let note = format!("± = {}{}", diff[..1].to_lowercase(), &diff[1..]);
    let _ = write!(out, "\n{}\n{}", m::C_MATRIX.get(lang), render(&columns, usize::from(width), Some(&note)));
}

/// The statistics of each group's overall index.
fn group_table(out: &mut String, c: &Comparison, lang: Lang, width: u16) {
    let mut header = columns::labels(&columns::GROUP_STATS, lang);
    // The overall index only: no theme column.
    header.remove(1);
    let mut t = Table::new();
    t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .force_no_tty();
    t.set_header(header);
    for g in &c.groups {
        let mut cells = vec![g.name.clone(), g.municipalities.to_string()];
        cells.extend(columns::stat_scores(g.overall.as_ref(), lang));
        t.add_row(cells);
    }
    let _ = writeln!(out, "\n{} ({})\n{t}", m::C_GROUPS.get(lang), m::T_OVERALL.get(lang));
}

/// Each weak spot as a numbered paragraph: the question, its figures and the next step.
fn weak_spot_lines(out: &mut String, c: &Comparison, lang: Lang, width: usize) {
    let _ = writeln!(out, "\n{}", m::C_WEAK.get(lang));
    let indent = "    ";
    for (i, spot) in c.weak_spots.iter().enumerate() {
        let mut lines = crate::wrap::hanging(&spot.text, width, &format!("{:>2}. ", i + 1), indent);
        let figures =
            m::C_WEAK_FIGURES.fill(lang, &[&columns::weak_mean(spot, lang), &spot.below_middle, &spot.answered]);
        lines.extend(crate::wrap::hanging(&figures, width, indent, indent));
        if let Some(step) = &spot.next_step {
            lines.extend(crate::wrap::hanging(&format!("→ {step}"), width, indent, &format!("{indent}  ")));
        }
        for line in lines {
            let _ = writeln!(out, "{line}");
        }
    }
}

/// Each MIL theme's levels with what the next level needs, and the practices that block several
/// municipalities.
fn maturity_lines(out: &mut String, c: &Comparison, lang: Lang, width: usize) {
    let wide = width.max(40);
    for theme in columns::mil_themes(c) {
        let _ = writeln!(out, "\n{}: {}", m::C_MIL.get(lang), theme.title);
        for (row, cell) in columns::mil_levels(c, theme) {
            let text = format!("{}: {}/3 — {}", row.municipality, cell.level, cell.needs(lang));
            for (i, line) in crate::wrap::wrap(&text, wide - 4).iter().enumerate() {
                let _ = writeln!(out, "  {}{line}", if i == 0 { "" } else { "  " });
            }
        }
    }
    if columns::mil_themes(c).next().is_none() {
        return;
    }
    let _ = writeln!(out, "\n{}", m::C_MIL_SHARED.get(lang));
    if c.mil_blockers.is_empty() {
        let _ = writeln!(out, "{}", m::C_NO_MIL_SHARED.get(lang));
    }
    for (i, b) in c.mil_blockers.iter().enumerate() {
        let line =
            m::C_MIL_BLOCKED_LINE.fill(lang, &[&b.mil, &b.municipalities.len(), &b.of, &b.municipalities.join(", ")]);
        for (k, text) in crate::wrap::wrap(&format!("{} — {line}", b.name), wide - 6).iter().enumerate() {
            if k == 0 {
                let _ = writeln!(out, "{:>2}. {text}", i + 1);
            } else {
                let _ = writeln!(out, "    {text}");
            }
        }
        let _ = writeln!(out, "      → {}", b.needed);
    }
}

/// Each municipality's change of the overall index with its series.
fn change_lines(out: &mut String, c: &Comparison, lang: Lang) {
    let _ = writeln!(out, "\n{}", m::C_CHANGES.get(lang));
    if c.changes.is_empty() {
        let _ = writeln!(out, "{}", m::C_NO_CHANGES.get(lang));
    }
    for change in &c.changes {
        let series: Vec<String> =
            change.series.iter().map(|(d, s)| columns::series_point(d.as_ref(), *s, lang)).collect();
        let _ =
            writeln!(out, "{}: {} ({})", change.municipality, signed(change.overall, lang), series.join(" → ").trim());
    }
}

pub fn markdown(c: &Comparison, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} – {}\n", m::C_TITLE.get(lang), md(&c.questionnaire));
    for notice in &c.notices {
        let _ = writeln!(out, "> {}: {}\n", m::WARNING.get(lang), md(&notice.message(lang)));
    }
    matrix_markdown(&mut out, c, lang);
    groups_markdown(&mut out, c, lang);
    weak_spots_markdown(&mut out, c, lang);
    if columns::mil_themes(c).next().is_some() {
        maturity_markdown(&mut out, c, lang);
    }
    changes_markdown(&mut out, c, lang);
    crate::inert::inert_text(out, Layout::Block)
}

/// A Markdown table's header row and its alignment rule: `labels` are written as they are.
fn md_head(out: &mut String, labels: &[&str], rule: &str) {
    let _ = writeln!(out, "| {} |\n{rule}", labels.join(" | "));
}

fn matrix_markdown(out: &mut String, c: &Comparison, lang: Lang) {
    let _ = writeln!(out, "## {}\n", m::C_MATRIX.get(lang));
    let titles: Vec<String> = c.themes.iter().map(|th| md(&th.title)).collect();
    let mut header = vec![m::C_RANK.get(lang), m::R_MUNICIPALITY.get(lang), m::T_OVERALL.get(lang), "±"];
    header.extend(titles.iter().map(String::as_str));
    md_head(out, &header, &format!("|---:|---|---:|---:|{}", "---:|".repeat(c.themes.len())));
    for row in &c.rows {
        let mut line = format!(
            "| {} | {} | {} {} | {} |",
            columns::rank(row),
            md(&row.municipality),
            score(row.overall, lang),
            md(row.band.as_deref().unwrap_or("")),
            signed(row.overall_diff, lang)
        );
        for th in &c.themes {
            let x = row.themes.get(&th.id);
            let _ = write!(
                line,
                " {} {} |",
                score(x.and_then(|x| x.score), lang),
                md(x.and_then(|x| x.band.as_deref()).unwrap_or(""))
            );
        }
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "\n{}\n", m::C_DIFF.get(lang));
}

fn groups_markdown(out: &mut String, c: &Comparison, lang: Lang) {
    let _ = writeln!(out, "## {}\n", m::C_GROUPS.get(lang));
    md_head(out, &columns::labels(&columns::GROUP_STATS, lang), "|---|---|---:|---:|---:|---:|---:|");
    for g in &c.groups {
        for (label, s) in columns::group_lines(c, g, lang) {
            let [mean, median, min, max] = columns::stat_scores(s, lang);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {mean} | {median} | {min} | {max} |",
                md(&g.name),
                md(label),
                s.map_or(0, |s| s.n)
            );
        }
    }
}

fn weak_spots_markdown(out: &mut String, c: &Comparison, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n\n{}\n", m::C_WEAK.get(lang), m::C_WEAK_INTRO.get(lang));
    let mut header = vec!["#"];
    header.extend(columns::labels(&columns::WEAK_SPOTS, lang));
    md_head(out, &header, "|---:|---|---:|---:|---|");
    for (i, spot) in c.weak_spots.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            i + 1,
            md(&spot.text),
            columns::weak_mean(spot, lang),
            columns::below_middle(spot),
            md(spot.next_step.as_deref().unwrap_or(""))
        );
    }
}

fn maturity_markdown(out: &mut String, c: &Comparison, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n\n{}", m::C_MIL.get(lang), m::C_MIL_INTRO.get(lang));
    for theme in columns::mil_themes(c) {
        let _ = writeln!(out, "\n### {}\n", md(&theme.title));
        md_head(out, &columns::labels(&columns::MIL_LEVELS, lang), "|---|---:|---|");
        for (row, cell) in columns::mil_levels(c, theme) {
            let _ = writeln!(out, "| {} | {} | {} |", md(&row.municipality), cell.level, md(&cell.needs(lang)));
        }
    }
    let _ = writeln!(out, "\n## {}\n\n{}\n", m::C_MIL_SHARED.get(lang), m::C_MIL_SHARED_INTRO.get(lang));
    if c.mil_blockers.is_empty() {
        let _ = writeln!(out, "{}", m::C_NO_MIL_SHARED.get(lang));
        return;
    }
    let mut header = vec!["#"];
    header.extend(columns::labels(&columns::MIL_BLOCKERS, lang));
    md_head(out, &header, "|---:|---|---:|---|---|");
    for (i, b) in c.mil_blockers.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            i + 1,
            md(&b.text),
            b.mil,
            columns::blocked(b, &md(&b.municipalities.join(", "))),
            md(&b.needed)
        );
    }
}

fn changes_markdown(out: &mut String, c: &Comparison, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n", m::C_CHANGES.get(lang));
    if c.changes.is_empty() {
        let _ = writeln!(out, "{}", m::C_NO_CHANGES.get(lang));
    }
    for change in &c.changes {
        let series: Vec<String> =
            change.series.iter().map(|(d, s)| columns::series_point(d.as_ref(), *s, lang).trim().to_string()).collect();
        let _ = writeln!(
            out,
            "- {}: {} ({})",
            md(&change.municipality),
            signed(change.overall, lang),
            md(&series.join(" → "))
        );
    }
}

/// One row per municipality: the matrix, with stable English headers for scripts.
pub fn csv(c: &Comparison) -> Vec<u8> {
    let mut w = csv_writer::writer(Vec::new(), b',', Records::Even);
    let mut header: Vec<String> = [
        "rank",
        "municipality",
        "municipality_code",
        "region",
        "size_class",
        "group",
        "date",
        "overall",
        "band",
        "overall_diff",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    header.extend(c.themes.iter().flat_map(|t| [t.id.clone(), format!("{}_band", t.id), format!("{}_diff", t.id)]));
    // After every other column, so that the columns before keep their places.
    let mil_themes: Vec<&crate::compare::ThemeInfo> = c.themes.iter().filter(|t| t.mil).collect();
    header.extend(
        mil_themes
            .iter()
            .flat_map(|t| [format!("{}_mil", t.id), format!("{}_mil_next", t.id), format!("{}_mil_blocking", t.id)]),
    );
    let _ = w.write_record(&header);
    let num = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
    for row in &c.rows {
        let mut record = vec![
            columns::rank(row),
            cell(&row.municipality),
            cell(row.municipality_code.as_deref().unwrap_or("")),
            cell(row.region.as_deref().unwrap_or("")),
            row.size_class.clone().unwrap_or_default(),
            cell(&row.group),
            cell(row.date.as_deref().unwrap_or("")),
            num(row.overall),
            cell(row.band.as_deref().unwrap_or("")),
            num(row.overall_diff),
        ];
        for t in &c.themes {
            let x = row.themes.get(&t.id);
            record.push(num(x.and_then(|x| x.score)));
            record.push(cell(x.and_then(|x| x.band.as_deref()).unwrap_or("")));
            record.push(num(x.and_then(|x| x.diff)));
        }
        for t in &mil_themes {
            let x = row.mil.get(&t.id);
            record.push(x.map_or_else(String::new, |x| x.level.to_string()));
            record.push(x.and_then(|x| x.next).map_or_else(String::new, |n| n.to_string()));
            record.push(x.map(|x| x.blocking_questions.join("|")).unwrap_or_default());
        }
        let _ = w.write_record(&record);
    }
    w.into_inner().unwrap_or_default()
}

/// The notices as warnings for standard error.
pub fn notices(c: &Comparison, lang: Lang) -> Vec<String> {
    c.notices
        .iter()
        .map(|n: &Notice| format!("{}: {}", m::WARNING.get(lang), crate::inert::inert(&n.message(lang), Layout::Line)))
        .collect()
}
