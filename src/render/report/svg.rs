//! Charts drawn as inline SVG: a radar chart and a bar chart of the theme scores, and the bar chart itself
//! for any labelled 0–100 values (the comparison's group means use it).
//!
//! Each chart carries `role="img"`, a `<title>` as its name and, unless the page names it already, a `<desc>`
//! that states every number, so that a screen reader gets the content once; band names are printed beside the
//! bars, so colour is never the only carrier. Every chart is [`WIDTH`] units wide and scales with the page
//! (the page's CSS caps its width), its text sized to stay readable on a phone.

use std::fmt::Write as _;

use crate::i18n::{Lang, decimal, messages as m};

use crate::render::colours::{TRACK, band_colour, band_text};
use crate::render::escape::html as esc;
use crate::report::Report;

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

/// The width of every chart's drawing, in its own units. A chart is drawn at most 22rem (the page's style) wide and
/// shrinks with the page; at 320 CSS px (288 px inside the page's margins) one unit is 0.85 px, so the
/// 15-unit text (the ticks 14.5) stays above 12 px, three quarters of the body text, at any width.
pub const WIDTH: f64 = 340.0;

/// The text size the CSS gives chart text ([`super::html`]'s `svg text`), in the chart's units.
const FONT: f64 = 15.0;

/// A generous estimate of a character's advance at [`FONT`], to wrap labels before they run into a value.
const CHAR: f64 = 0.62 * FONT;

/// How many characters of chart text fit in `units`.
fn chars_in(units: f64) -> usize {
    // Truncation is the point: a partial character does not fit.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let chars = (units / CHAR).floor().max(1.0) as usize;
    chars
}

/// A chart's text alternative: its accessible name (`<title>`) and, where it says more, a description
/// (`<desc>`). Each is read once: the name is the title alone, the description is not repeated in it.
#[derive(Debug, Clone, Copy)]
pub struct Alt<'a> {
    pub title: &'a str,
    pub desc: Option<&'a str>,
}

/// The opening `<svg>` of a chart with its text alternative; it scales with the page (a `viewBox`, no width
/// or height in pixels).
fn open(s: &mut String, class: &str, id: &str, height: f64, alt: Alt<'_>) {
    let described = if alt.desc.is_some() { format!(" aria-describedby=\"{id}-d\"") } else { String::new() };
    let _ = write!(
        s,
        r#"<svg class="chart {class}" id="{id}" viewBox="0 0 {WIDTH} {height:.0}" role="img" aria-labelledby="{id}-t"{described}><title id="{id}-t">{}</title>"#,
        esc(alt.title)
    );
    if let Some(desc) = alt.desc {
        let _ = write!(s, r#"<desc id="{id}-d">{}</desc>"#, esc(desc));
    }
}

/// A radar chart of the theme scores. Its axes are numbered; the list after it names each number's theme
/// in full (hidden from screen readers, which get every theme with its score from the description).
pub fn radar(report: &Report, lang: Lang, id: &str) -> String {
    let (height, cx, cy, radius) = (300.0, WIDTH / 2.0, 150.0, 112.0);
    let count = report.themes.len().max(1);
    let angle = |i: usize| -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / count as f64;
    let point = |i: usize, r: f64| (cx + r * angle(i).cos(), cy + r * angle(i).sin());
    let mut s = String::new();
    let description = description(report, lang);
    open(&mut s, "radar", id, height, Alt { title: m::R_RADAR_TITLE.get(lang), desc: Some(&description) });
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
        let _ = write!(s, r#"<text x="{:.1}" y="{:.1}" class="tick">{ring}</text>"#, x + 4.0, y + 5.0);
    }
    for i in 0..report.themes.len() {
        let (x, y) = point(i, radius);
        let _ = write!(s, r##"<line x1="{cx}" y1="{cy}" x2="{x:.1}" y2="{y:.1}" stroke="#c8c8c8" stroke-width="1"/>"##);
        let (lx, ly) = point(i, radius + 16.0);
        let _ = write!(
            s,
            r#"<text class="axis" text-anchor="middle" font-weight="700" x="{lx:.1}" y="{:.1}">{}</text>"#,
            ly + 5.0,
            i + 1
        );
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
    s.push_str("</svg>\n<ol class=\"key\" aria-hidden=\"true\">");
    for theme in &report.themes {
        let _ = write!(s, "<li>{}</li>", esc(&theme.title));
    }
    s.push_str("</ol>");
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
            outline: band_text(theme.band_index, report.bands.len()),
            value: match (theme.score, &theme.band) {
                (Some(score), Some(band)) => format!("{} · {band}", decimal(lang, score, 1)),
                _ => m::NO_SCORE.get(lang).to_string(),
            },
        })
        .collect();
    let description = description(report, lang);
    bar_chart(id, Alt { title: m::R_BARS_TITLE.get(lang), desc: Some(&description) }, &items)
}

/// One bar of [`bar_chart`]: a label, a 0–100 score (none: an empty track), the fill and its outline (the
/// band's text colour: a light fill shows against the white track by it), and the text printed beside the
/// bar (the number and the band's name, so that colour is not the only carrier).
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub score: Option<f64>,
    pub colour: &'static str,
    pub outline: &'static str,
    pub value: String,
}

/// Horizontal bars on a 0–100 scale, one per item, each under its label: the label starts the line and
/// wraps (to at most three lines, then shortened with `…`; the tables beside the chart have it whole), the
/// value ends the line, and the bar's track spans the chart's width below them.
pub fn bar_chart(id: &str, alt: Alt<'_>, items: &[Bar]) -> String {
    let (line_h, bar_h, gap, top) = (19.0, 14.0, 14.0, 4.0);
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            let room = WIDTH - CHAR * crate::wrap::width(&item.value) as f64 - 12.0;
            crate::wrap::shorten(&item.label, chars_in(room).max(8), 3, "", "").0
        })
        .collect();
    let row_h = |lines: usize| line_h * lines as f64 + 5.0 + bar_h + gap;
    let height = top + rows.iter().map(|lines| row_h(lines.len())).sum::<f64>();
    let mut s = String::new();
    open(&mut s, "bars", id, height, alt);
    let mut y = top;
    for (item, lines) in items.iter().zip(&rows) {
        let _ = write!(s, r#"<text class="label" x="0" y="{:.1}">"#, y + FONT);
        for (k, line) in lines.iter().enumerate() {
            let dy = if k == 0 { 0.0 } else { line_h };
            let _ = write!(s, r#"<tspan x="0" dy="{dy}">{}</tspan>"#, esc(line));
        }
        s.push_str("</text>");
        let _ = write!(
            s,
            r#"<text class="value" x="{WIDTH}" y="{:.1}" text-anchor="end">{}</text>"#,
            y + FONT,
            esc(&item.value)
        );
        let bar_y = y + line_h * lines.len() as f64 + 5.0;
        // Half a unit in, so that the outlines' strokes stay inside the chart.
        let _ = write!(
            s,
            r##"<rect class="track" x="0.5" y="{bar_y:.1}" width="{:.1}" height="{bar_h}" fill="#ffffff" stroke="{TRACK}" stroke-width="1"/>"##,
            WIDTH - 1.0
        );
        let score = item.score.unwrap_or(0.0).clamp(0.0, 100.0);
        if score > 0.0 {
            let _ = write!(
                s,
                r#"<rect x="0.5" y="{bar_y:.1}" width="{:.1}" height="{bar_h}" fill="{}" stroke="{}" stroke-width="1"/>"#,
                (WIDTH - 1.0) * score / 100.0,
                item.colour,
                item.outline
            );
        }
        y += row_h(lines.len());
    }
    s.push_str("</svg>");
    s
}

/// A small line chart of 0–100 values over time (a municipality's overall index, report by report): the
/// points are evenly spaced, each labelled with its value and, below the axis, its date (where the points
/// stand too close for every label, every few and the last). A missing value breaks the line.
pub fn line_chart(id: &str, alt: Alt<'_>, points: &[(String, Option<f64>)], lang: Lang) -> String {
    // The points stand `inset` in from the axis's ends, so that their values and dates clear the ticks.
    let (left, right, top, plot_h, inset) = (50.0, 10.0, 24.0, 110.0, 40.0);
    let step = (WIDTH - left - right - 2.0 * inset) / (points.len().max(2) - 1) as f64;
    let height = top + plot_h + 42.0;
    let px = |i: usize| left + inset + step * i as f64;
    let py = |v: f64| top + plot_h * (1.0 - v.clamp(0.0, 100.0) / 100.0);
    // A date is about ten characters wide: label every `every`-th point, and the last.
    let widest = points.iter().map(|(label, _)| crate::wrap::width(label)).max().unwrap_or(0) as f64;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let every = ((widest * CHAR + 8.0) / step).ceil().max(1.0) as usize;
    let last = points.len().saturating_sub(1);
    let labelled = |i: usize| i == last || (i % every == 0 && last - i >= every);
    let mut s = String::new();
    open(&mut s, "line", id, height, alt);
    for tick in [0.0, 50.0, 100.0] {
        let _ = write!(
            s,
            r##"<line x1="{left}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" stroke="#c8c8c8" stroke-width="1"/><text class="tick" x="{2:.1}" y="{3:.1}" text-anchor="end">{tick}</text>"##,
            py(tick),
            WIDTH - right,
            left - 8.0,
            py(tick) + 5.0
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
            let _ = write!(s, r##"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="#1f618d"/>"##, px(i), py(*v));
        }
        if !labelled(i) {
            continue;
        }
        if let Some(v) = value {
            let _ = write!(
                s,
                r##"<text class="value" x="{:.1}" y="{:.1}" text-anchor="middle" font-weight="600" stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text>"##,
                px(i),
                py(*v) - 9.0,
                decimal(lang, *v, 1)
            );
        }
        let _ = write!(
            s,
            r#"<text class="tick" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            px(i),
            top + plot_h + 22.0,
            esc(label)
        );
    }
    s.push_str("</svg>");
    s
}
