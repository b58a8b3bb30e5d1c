//! Charts drawn as inline SVG: a radar chart and a bar chart of the theme scores, and the bar chart itself
//! for any labelled 0–100 values (the comparison's group means use it).
//!
//! Each chart carries `role="img"`, a `<title>` and a `<desc>` that states every number, so that a screen
//! reader gets the content; band names are printed beside the bars, so colour is never the only carrier.

use std::fmt::Write as _;

use crate::i18n::{Lang, decimal, messages as m};

use super::Report;
use super::colours::band_colour;
use super::escape::html as esc;

/// The sentence a chart's text alternative gives: every theme with its score and band.
pub fn description(report: &Report, lang: Lang) -> String {
    let parts: Vec<String> = report
        .themes
        .iter()
        .map(|t| match (t.score, &t.band) {
            (Some(s), Some(band)) => format!("{} {} ({band})", t.title, decimal(lang, s, 1)),
            _ => format!("{} {}", t.title, m::NO_SCORE.get(lang)),
        })
        .collect();
    m::R_CHART_ALT.fill(lang, &[&parts.join("; ")])
}

/// Splits a label into at most three lines of about `width` characters, for chart axes.
fn label_lines(text: &str, width: usize) -> Vec<String> {
    let mut lines = crate::wrap::wrap(text, width);
    if lines.len() > 3 {
        lines.truncate(3);
        lines[2].push('…');
    }
    lines
}

pub fn radar(report: &Report, lang: Lang, id: &str) -> String {
    let (width, height, cx, cy, radius) = (560.0, 440.0, 280.0, 220.0, 140.0);
    let count = report.themes.len().max(1);
    let angle = |i: usize| -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / count as f64;
    let point = |i: usize, r: f64| (cx + r * angle(i).cos(), cy + r * angle(i).sin());
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart radar" id="{id}" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        esc(m::R_RADAR_TITLE.get(lang)),
        esc(&description(report, lang))
    );
    for ring in [25.0, 50.0, 75.0, 100.0] {
        let points: Vec<String> = (0..count)
            .map(|i| {
                let (x, y) = point(i, radius * ring / 100.0);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ =
            write!(s, r##"<polygon points="{}" fill="none" stroke="#c8c8c8" stroke-width="1"/>"##, points.join(" "));
        let (x, y) = point(0, radius * ring / 100.0);
        let _ = write!(s, r#"<text x="{:.1}" y="{:.1}" class="tick">{ring}</text>"#, x + 4.0, y + 4.0);
    }
    for (i, theme) in report.themes.iter().enumerate() {
        let (x, y) = point(i, radius);
        let _ = write!(s, r##"<line x1="{cx}" y1="{cy}" x2="{x:.1}" y2="{y:.1}" stroke="#c8c8c8" stroke-width="1"/>"##);
        let (lx, ly) = point(i, radius + 18.0);
        let anchor = if (lx - cx).abs() < 1.0 {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        let lines = label_lines(&theme.title, 18);
        let first_y = if ly < cy { ly - 14.0 * (lines.len() as f64 - 1.0) } else { ly + 8.0 };
        let _ = write!(s, r#"<text class="axis" text-anchor="{anchor}" x="{lx:.1}" y="{first_y:.1}">"#);
        for (k, line) in lines.iter().enumerate() {
            let dy = if k == 0 { 0.0 } else { 14.0 };
            let _ = write!(s, r#"<tspan x="{lx:.1}" dy="{dy}">{}</tspan>"#, esc(line));
        }
        s.push_str("</text>");
    }
    let points: Vec<String> = report
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (x, y) = point(i, radius * t.score.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let _ = write!(
        s,
        r##"<polygon class="scores" points="{}" fill="#1f618d" fill-opacity="0.25" stroke="#1f618d" stroke-width="2"/>"##,
        points.join(" ")
    );
    for (i, t) in report.themes.iter().enumerate() {
        if let Some(score) = t.score {
            let (x, y) = point(i, radius * score.clamp(0.0, 100.0) / 100.0);
            let _ = write!(s, r##"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="#1f618d"/>"##);
        }
    }
    s.push_str("</svg>");
    s
}

pub fn bars(report: &Report, lang: Lang, id: &str) -> String {
    let items: Vec<Bar> = report
        .themes
        .iter()
        .map(|theme| Bar {
            label: theme.title.clone(),
            score: theme.score,
            colour: band_colour(theme.band_index, report.bands.len()),
            value: match (theme.score, &theme.band) {
                (Some(score), Some(band)) => format!("{} · {band}", decimal(lang, score, 1)),
                _ => m::NO_SCORE.get(lang).to_string(),
            },
        })
        .collect();
    bar_chart(id, m::R_BARS_TITLE.get(lang), &description(report, lang), &items)
}

/// One bar of [`bar_chart`]: a label, a 0–100 score (none: an empty track), the fill, and the text printed
/// beside the bar (the number and the band's name, so that colour is not the only carrier).
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub score: Option<f64>,
    pub colour: &'static str,
    pub value: String,
}

/// Horizontal bars on a 0–100 scale, one per item, with a title and a text alternative (`desc`).
pub fn bar_chart(id: &str, title: &str, desc: &str, items: &[Bar]) -> String {
    let (label_w, bar_w, row_h, top) = (300.0, 240.0, 30.0, 10.0);
    let w = label_w + bar_w + 190.0;
    let h = top * 2.0 + row_h * items.len() as f64;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart bars" id="{id}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        esc(title),
        esc(desc)
    );
    for (i, item) in items.iter().enumerate() {
        let y = top + row_h * i as f64;
        // One line per bar; a title too long for it is cut with an ellipsis (the table below has it whole).
        let lines = label_lines(&item.label, 42);
        let mut title = lines.first().cloned().unwrap_or_default();
        if lines.len() > 1 && !title.ends_with('…') {
            title.push('…');
        }
        let _ = write!(
            s,
            r#"<text class="label" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            label_w - 8.0,
            y + 19.0,
            esc(&title)
        );
        let _ = write!(s, r##"<rect x="{label_w}" y="{:.1}" width="{bar_w}" height="18" fill="#f0f0f0"/>"##, y + 5.0);
        let score = item.score.unwrap_or(0.0).clamp(0.0, 100.0);
        let _ = write!(
            s,
            r#"<rect x="{label_w}" y="{:.1}" width="{:.1}" height="18" fill="{}"/>"#,
            y + 5.0,
            bar_w * score / 100.0,
            item.colour
        );
        let _ = write!(
            s,
            r#"<text class="value" x="{:.1}" y="{:.1}">{}</text>"#,
            label_w + bar_w + 8.0,
            y + 19.0,
            esc(&item.value)
        );
    }
    s.push_str("</svg>");
    s
}

/// A small line chart of 0–100 values over time (a municipality's overall index, report by report): the
/// points are evenly spaced, each labelled with its value and, below the axis, its date. A missing value
/// breaks the line.
pub fn line_chart(id: &str, title: &str, desc: &str, points: &[(String, Option<f64>)], lang: Lang) -> String {
    let (left, right, top, plot_h) = (40.0, 50.0, 22.0, 110.0);
    let step = 140.0;
    let w = left + right + step * (points.len().max(2) - 1) as f64;
    let h = top + plot_h + 40.0;
    let px = |i: usize| left + step * i as f64;
    let py = |v: f64| top + plot_h * (1.0 - v.clamp(0.0, 100.0) / 100.0);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart line" id="{id}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        esc(title),
        esc(desc)
    );
    for tick in [0.0, 50.0, 100.0] {
        let _ = write!(
            s,
            r##"<line x1="{left}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" stroke="#c8c8c8" stroke-width="1"/><text class="tick" x="{2:.1}" y="{3:.1}" text-anchor="end">{tick}</text>"##,
            py(tick),
            w - right + 6.0,
            left - 6.0,
            py(tick) + 3.5
        );
    }
    // The line, broken where a value is missing.
    let mut segment: Vec<String> = Vec::new();
    let mut lines = Vec::new();
    for (i, (_, value)) in points.iter().enumerate() {
        match value {
            Some(v) => segment.push(format!("{:.1},{:.1}", px(i), py(*v))),
            None => lines.push(std::mem::take(&mut segment)),
        }
    }
    lines.push(segment);
    for line in lines.iter().filter(|l| l.len() > 1) {
        let _ = write!(s, r##"<polyline points="{}" fill="none" stroke="#1f618d" stroke-width="2"/>"##, line.join(" "));
    }
    for (i, (label, value)) in points.iter().enumerate() {
        if let Some(v) = value {
            let _ = write!(
                s,
                r##"<circle cx="{0:.1}" cy="{1:.1}" r="3.5" fill="#1f618d"/><text class="value" x="{0:.1}" y="{2:.1}" text-anchor="middle" font-weight="600" stroke="#ffffff" stroke-width="3" paint-order="stroke">{3}</text>"##,
                px(i),
                py(*v),
                py(*v) - 9.0,
                decimal(lang, *v, 1)
            );
        }
        let _ = write!(
            s,
            r#"<text class="tick" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            px(i),
            top + plot_h + 16.0,
            esc(label)
        );
    }
    s.push_str("</svg>");
    s
}
