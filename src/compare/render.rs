//! The comparison as a terminal table, Markdown, CSV (one row per municipality) and JSON.

use std::fmt::Write as _;

use comfy_table::{ContentArrangement, Table};

use crate::csv_writer::{self, Records, cell};
use crate::i18n::{Lang, decimal, messages as m};
use crate::inert::Layout;
use crate::render::escape::markdown as md;
use crate::render::wording::score_text as score;

use super::{Comparison, Notice};

fn signed(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(String::new, |v| if v >= 0.0 { format!("+{}", decimal(lang, v, 1)) } else { decimal(lang, v, 1) })
}

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
    let new_table = |header: Vec<String>| {
        let mut t = Table::new();
        t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width)
            .force_no_tty();
        t.set_header(header);
        t
    };

    // The matrix: rank, municipality, overall, band and difference, the theme scores by theme number (T1 …)
    // in a layout that fits the width (`render::matrix`).
    {
        use crate::render::matrix::{Column, Role, render};
        let cells = |f: &dyn Fn(&super::Row) -> String| c.rows.iter().map(f).collect::<Vec<String>>();
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

    let mut t = new_table(vec![
        m::C_GROUP.get(lang).to_string(),
        m::C_N.get(lang).to_string(),
        m::C_MEAN.get(lang).to_string(),
        m::C_MEDIAN.get(lang).to_string(),
        m::C_MIN.get(lang).to_string(),
        m::C_MAX.get(lang).to_string(),
    ]);
    for g in &c.groups {
        let s = g.overall.as_ref();
        t.add_row(vec![
            g.name.clone(),
            g.municipalities.to_string(),
            score(s.map(|s| s.mean), lang),
            score(s.map(|s| s.median), lang),
            score(s.map(|s| s.min), lang),
            score(s.map(|s| s.max), lang),
        ]);
    }
    let _ = writeln!(out, "\n{} ({})\n{t}", m::C_GROUPS.get(lang), m::T_OVERALL.get(lang));

    let _ = writeln!(out, "\n{}", m::C_WEAK.get(lang));
    let width = usize::from(width);
    let indent = "    ";
    for (i, spot) in c.weak_spots.iter().enumerate() {
        let mut lines = crate::wrap::hanging(&spot.text, width, &format!("{:>2}. ", i + 1), indent);
        let figures =
            m::C_WEAK_FIGURES.fill(lang, &[&decimal(lang, spot.mean * 100.0, 0), &spot.below_middle, &spot.answered]);
        lines.extend(crate::wrap::hanging(&figures, width, indent, indent));
        if let Some(step) = &spot.next_step {
            lines.extend(crate::wrap::hanging(&format!("→ {step}"), width, indent, &format!("{indent}  ")));
        }
        for line in lines {
            let _ = writeln!(out, "{line}");
        }
    }

    let wide = width.max(40);
    for theme in c.themes.iter().filter(|t| t.mil) {
        let _ = writeln!(out, "\n{}: {}", m::C_MIL.get(lang), theme.title);
        for row in &c.rows {
            let Some(cell) = row.mil.get(&theme.id) else { continue };
            let text = format!("{}: {}/3 — {}", row.municipality, cell.level, cell.needs(lang));
            for (i, line) in crate::wrap::wrap(&text, wide - 4).iter().enumerate() {
                let _ = writeln!(out, "  {}{line}", if i == 0 { "" } else { "  " });
            }
        }
    }
    if c.themes.iter().any(|t| t.mil) {
        let _ = writeln!(out, "\n{}", m::C_MIL_SHARED.get(lang));
        if c.mil_blockers.is_empty() {
            let _ = writeln!(out, "{}", m::C_NO_MIL_SHARED.get(lang));
        }
        for (i, b) in c.mil_blockers.iter().enumerate() {
            let line = m::C_MIL_BLOCKED_LINE
                .fill(lang, &[&b.mil, &b.municipalities.len(), &b.of, &b.municipalities.join(", ")]);
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

    let _ = writeln!(out, "\n{}", m::C_CHANGES.get(lang));
    if c.changes.is_empty() {
        let _ = writeln!(out, "{}", m::C_NO_CHANGES.get(lang));
    }
    for change in &c.changes {
        let series: Vec<String> = change
            .series
            .iter()
            .map(|(d, s)| format!("{} {}", d.clone().unwrap_or_default(), score(*s, lang)))
            .collect();
        let _ =
            writeln!(out, "{}: {} ({})", change.municipality, signed(change.overall, lang), series.join(" → ").trim());
    }
    crate::inert::inert_text(out, Layout::Block)
}

pub fn markdown(c: &Comparison, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} – {}\n", m::C_TITLE.get(lang), md(&c.questionnaire));
    for notice in &c.notices {
        let _ = writeln!(out, "> {}: {}\n", m::WARNING.get(lang), md(&notice.message(lang)));
    }
    let _ = writeln!(out, "## {}\n", m::C_MATRIX.get(lang));
    let mut header =
        format!("| {} | {} | {} | ± |", m::C_RANK.get(lang), m::R_MUNICIPALITY.get(lang), m::T_OVERALL.get(lang));
    let mut rule = "|---:|---|---:|---:|".to_string();
    for th in &c.themes {
        let _ = write!(header, " {} |", md(&th.title));
        rule.push_str("---:|");
    }
    let _ = writeln!(out, "{header}\n{rule}");
    for row in &c.rows {
        let mut line = format!(
            "| {} | {} | {} {} | {} |",
            row.rank.map_or_else(String::new, |r| r.to_string()),
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

    let _ = writeln!(out, "## {}\n", m::C_GROUPS.get(lang));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|---:|---:|",
        m::C_GROUP.get(lang),
        m::T_THEME.get(lang),
        m::C_N.get(lang),
        m::C_MEAN.get(lang),
        m::C_MEDIAN.get(lang),
        m::C_MIN.get(lang),
        m::C_MAX.get(lang)
    );
    for g in &c.groups {
        let mut lines = vec![(m::T_OVERALL.get(lang).to_string(), g.overall.clone())];
        lines.extend(c.themes.iter().map(|th| (th.title.clone(), g.themes.get(&th.id).cloned().flatten())));
        for (label, s) in lines {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                md(&g.name),
                md(&label),
                s.as_ref().map_or(0, |s| s.n),
                score(s.as_ref().map(|s| s.mean), lang),
                score(s.as_ref().map(|s| s.median), lang),
                score(s.as_ref().map(|s| s.min), lang),
                score(s.as_ref().map(|s| s.max), lang)
            );
        }
    }

    let _ = writeln!(out, "\n## {}\n\n{}\n", m::C_WEAK.get(lang), m::C_WEAK_INTRO.get(lang));
    let _ = writeln!(
        out,
        "| # | {} | {} | {} | {} |\n|---:|---|---:|---:|---|",
        m::R_QUESTION.get(lang),
        m::C_MEAN.get(lang),
        m::C_BELOW.get(lang),
        m::R_NEXT_STEP.get(lang)
    );
    for (i, spot) in c.weak_spots.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {}/{} | {} |",
            i + 1,
            md(&spot.text),
            decimal(lang, spot.mean * 100.0, 0),
            spot.below_middle,
            spot.answered,
            md(spot.next_step.as_deref().unwrap_or(""))
        );
    }

    if c.themes.iter().any(|t| t.mil) {
        let _ = writeln!(out, "\n## {}\n\n{}", m::C_MIL.get(lang), m::C_MIL_INTRO.get(lang));
        for theme in c.themes.iter().filter(|t| t.mil) {
            let _ = writeln!(
                out,
                "\n### {}\n\n| {} | {} | {} |\n|---|---:|---|",
                md(&theme.title),
                m::R_MUNICIPALITY.get(lang),
                m::MIL_COLUMN.get(lang),
                m::C_MIL_NEXT.get(lang)
            );
            for row in &c.rows {
                let Some(cell) = row.mil.get(&theme.id) else { continue };
                let _ = writeln!(out, "| {} | {} | {} |", md(&row.municipality), cell.level, md(&cell.needs(lang)));
            }
        }
        let _ = writeln!(out, "\n## {}\n\n{}\n", m::C_MIL_SHARED.get(lang), m::C_MIL_SHARED_INTRO.get(lang));
        if c.mil_blockers.is_empty() {
            let _ = writeln!(out, "{}", m::C_NO_MIL_SHARED.get(lang));
        } else {
            let _ = writeln!(
                out,
                "| # | {} | {} | {} | {} |\n|---:|---|---:|---|---|",
                m::MIL_PRACTICE.get(lang),
                m::C_MIL_BLOCKS.get(lang),
                m::C_MIL_BLOCKED.get(lang),
                m::MIL_NEEDED.get(lang)
            );
            for (i, b) in c.mil_blockers.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {}/{}: {} | {} |",
                    i + 1,
                    md(&b.text),
                    b.mil,
                    b.municipalities.len(),
                    b.of,
                    md(&b.municipalities.join(", ")),
                    md(&b.needed)
                );
            }
        }
    }

    let _ = writeln!(out, "\n## {}\n", m::C_CHANGES.get(lang));
    if c.changes.is_empty() {
        let _ = writeln!(out, "{}", m::C_NO_CHANGES.get(lang));
    }
    for change in &c.changes {
        let series: Vec<String> = change
            .series
            .iter()
            .map(|(d, s)| format!("{} {}", d.clone().unwrap_or_default(), score(*s, lang)).trim().to_string())
            .collect();
        let _ = writeln!(
            out,
            "- {}: {} ({})",
            md(&change.municipality),
            signed(change.overall, lang),
            md(&series.join(" → "))
        );
    }
    crate::inert::inert_text(out, Layout::Block)
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
    let mil_themes: Vec<&super::ThemeInfo> = c.themes.iter().filter(|t| t.mil).collect();
    header.extend(
        mil_themes
            .iter()
            .flat_map(|t| [format!("{}_mil", t.id), format!("{}_mil_next", t.id), format!("{}_mil_blocking", t.id)]),
    );
    let _ = w.write_record(&header);
    let num = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
    for row in &c.rows {
        let mut record = vec![
            row.rank.map_or_else(String::new, |r| r.to_string()),
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
