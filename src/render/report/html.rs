//! The report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched from anywhere.
//! It reads well on screen and prints on A4, and aims at WCAG 2.1 AA (Act 306/2019): a `lang` attribute,
//! headings in order, text alternatives for the charts, contrast of at least 4.5:1 for text, and band names
//! written out wherever a colour shows a band.

use std::fmt::Write as _;

use crate::i18n::{Lang, decimal, messages as m};

use super::svg::{bars, radar};
use super::tables::{self, Caption, Cell, ColumnKind, Table, TableKind};
use crate::render::colours::{band_colour, band_text};
use crate::render::escape::html as esc;
use crate::render::maturity;
use crate::render::wording::{capitalized, score_text, summary_rows};
use crate::report::Report;

/// What every page of the project shares: type, headings, tables and charts. Each page adds its own.
const BASE_STYLE: &str = "
:root { color: #1a1a1a; background: #ffffff; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.5; }
body { margin: 0; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1f618d; padding-bottom: .2rem; margin-top: 2.5rem; }
.lead { color: #444444; margin-top: 0; }
main { overflow-wrap: break-word; }
h1, h2, .lead, dd, dt, figcaption { overflow-wrap: anywhere; }
/* A data table scrolls inside its own box, which a keyboard can reach (WCAG 1.4.10 allows it for tables). */
.scroll { overflow-x: auto; margin: 1rem 0; }
.scroll:focus-visible { outline: 3px solid #1f618d; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
/* A caption that repeats the heading above it is for screen readers only. */
caption.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
th, td { border: 1px solid #c8c8c8; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th.q { font-weight: 400; }
td.num { text-align: right; white-space: nowrap; }
figure { margin: 0; }
/* A chart takes its box's width up to 22rem; its text (15 and 14.5 of its 340 units) is then 15.5 px, and at
   320 px, in a 288 px box, still 12.3 px: three quarters of the body text or more at any width. */
svg.chart { display: block; width: 100%; max-width: 22rem; height: auto; }
svg text { font-size: 15px; fill: #1a1a1a; }
svg text.tick { font-size: 14.5px; fill: #555555; }
.charts > figure { flex: 0 1 22rem; min-width: 0; }
ol.key { margin: .5rem 0 0; padding-left: 1.8rem; }
.small { font-size: .85rem; color: #444444; }
@media print {
  /* A box that scrolls is not split between pages: in print a long table flows on, its header row repeated on
     every page, a row kept whole. No page ends with a heading, a caption or the title alone. */
  .scroll { overflow: visible; }
  thead { display: table-header-group; }
  tr, figure, svg { break-inside: avoid; }
  tbody tr:first-child { break-before: avoid; }
  h1, h2, h3, header, caption, figcaption { break-after: avoid; }
  caption { break-inside: avoid; }
  p:has(+ .scroll) { break-after: avoid; }
  .band, td.heat, .notice, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}";

/// Last, so that it wins over a page's own margins: a phone's narrow screen keeps more of its width.
const NARROW_STYLE: &str = "
@media (max-width: 40rem) { main { padding: 1rem; } }
";

/// The start of a self-contained page up to its `<main>`: the shared style, then the page's own.
pub fn page_start(out: &mut String, lang: Lang, title: &str, style: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{BASE_STYLE}{style}{NARROW_STYLE}</style>\n</head>\n<body>\n<main>\n",
        lang.code(),
        esc(title)
    );
}

/// A data table's start: its keyboard-focusable scroll container, named by the table's caption, and the
/// caption. `id` names the caption (`{id}-caption`); `class` is the table's class attribute, if any; a
/// caption `hidden` (it repeats the heading just above) is read by screen readers only.
pub fn table_start(out: &mut String, id: &str, class: &str, caption: &str, hidden: bool) {
    let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
    let caption_class = if hidden { " class=\"vh\"" } else { "" };
    let _ = write!(
        out,
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}-caption\"><table{class}>\n<caption id=\"{id}-caption\"{caption_class}>{}</caption>\n",
        esc(caption)
    );
}

/// The end of a table that [`table_start`] began.
pub const TABLE_END: &str = "</tbody>\n</table></div>\n";

const STYLE: &str = "
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
dl.summary { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: .3rem 1.5rem; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; }
@media (max-width: 40rem) {
  dl.summary { grid-template-columns: minmax(0, 1fr); row-gap: 0; }
  dl.summary dd { margin-bottom: .4rem; }
}
th { background: #eef3f7; }
.band { display: inline-block; padding: 0 .4rem; border-radius: .2rem; color: #ffffff; font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.note { font-style: italic; }
@media print {
  @page { size: A4; margin: 15mm; }
  :root { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  /* Sections follow on (a page for each left pages near-empty); the roadmap and each theme start where the
     previous ends. */
  h2 { margin-top: 1.6rem; }
}
";

pub fn render(report: &Report, lang: Lang) -> String {
    let title = format!("{} – {}", report.respondent.municipality, report.questionnaire.title);
    let mut lead = vec![report.questionnaire.title.clone()];
    lead.extend(report.respondent.date.clone());
    let sections = sections(report, lang, &Part::WHOLE);
    page(lang, &title, &report.respondent.municipality, &lead.join(" · "), &sections)
}

/// A whole page: its head and style, one `h1` with a lead line under it, and the sections.
pub fn page(lang: Lang, title: &str, heading: &str, lead: &str, sections: &[String]) -> String {
    let mut s = String::new();
    page_start(&mut s, lang, title, STYLE);
    let _ = writeln!(s, "<header><h1>{}</h1>", esc(heading));
    let _ = writeln!(s, "<p class=\"lead\">{}</p></header>", esc(lead));
    for section in sections {
        s.push_str(section);
    }
    s.push_str("</main>\n</body>\n</html>\n");
    crate::inert::inert_text(s, crate::inert::Layout::Block)
}

/// Where a report's sections go: a page of their own, or one language's part of a bilingual page, whose
/// sections carry their `lang` and whose ids are prefixed so that both languages' stay unique.
pub struct Part<'a> {
    pub ids: &'a str,
    pub marked: bool,
}

impl Part<'_> {
    pub const WHOLE: Part<'static> = Part { ids: "", marked: false };
}

/// The report's `<section>`s in `lang`: summary and scores, roadmap, one per theme, conflicts, methods.
pub fn sections(report: &Report, lang: Lang, part: &Part) -> Vec<String> {
    let marks = Marks::of(report, lang);
    let p = part.ids;
    let lang_attr = if part.marked { format!(" lang=\"{}\"", lang.code()) } else { String::new() };
    let mut parts = Vec::new();
    // A new section starts here: what is written so far is the one before.
    let cut = |parts: &mut Vec<String>, s: &mut String| parts.push(std::mem::take(s));
    let mut s = String::new();

    // Summary.
    let _ = writeln!(
        s,
        "<section class=\"first\" id=\"{p}summary\"{lang_attr}>\n<h2>{}</h2>\n<dl class=\"summary\">",
        m::R_SUMMARY.get(lang)
    );
    for (label, value) in summary_rows(report, lang) {
        let _ = writeln!(s, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(&value));
    }
    s.push_str("</dl>\n");

    // Charts and their data.
    let _ = writeln!(s, "<h2>{}</h2>\n<div class=\"charts\">", m::R_THEME_SCORES.get(lang));
    let _ = writeln!(s, "<figure>{}</figure>", radar(report, lang, &format!("{p}radar")));
    let _ = writeln!(s, "<figure>{}</figure>\n</div>", bars(report, lang, &format!("{p}bars")));
    table(&mut s, &tables::scores(report, lang), lang, &marks, p);
    let bands: Vec<String> = report.bands.iter().map(|b| format!("{} ≥ {}", b.name, decimal(lang, b.min, 0))).collect();
    let _ = writeln!(
        s,
        "<p class=\"small\">{} {}</p>\n</section>",
        esc(m::T_LEGEND.get(lang)),
        esc(&m::R_BAND_LEGEND.fill(lang, &[&bands.join(", ")]))
    );

    // Roadmap.
    cut(&mut parts, &mut s);
    let _ = writeln!(s, "<section id=\"{p}roadmap\"{lang_attr}>\n<h2>{}</h2>", m::R_ROADMAP.get(lang));
    if report.roadmap.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", m::T_NO_STEPS.get(lang));
    } else {
        let _ = writeln!(s, "<p>{}</p>", m::R_ROADMAP_INTRO.get(lang));
        table(&mut s, &tables::roadmap(report, lang), lang, &marks, p);
    }
    s.push_str("</section>\n");

    // One section per theme.
    for t in &report.themes {
        cut(&mut parts, &mut s);
        let _ = writeln!(
            s,
            "<section class=\"theme\" id=\"{p}theme-{}\"{lang_attr}>\n<h2{}>{}</h2>",
            esc(&t.id),
            marks.texts_attr(),
            esc(&t.title)
        );
        if let Some(description) = &t.description {
            let _ = writeln!(s, "<p{}>{}</p>", marks.texts_attr(), esc(description));
        }
        let mut line = format!(
            "{}: <strong>{}</strong> {}",
            m::T_SCORE.get(lang),
            score_text(t.score, lang),
            band_badge(t.band.as_deref(), t.band_index, report.bands.len(), lang, &marks)
        );
        if let Some(mil) = t.mil {
            let _ = write!(line, " · {}: <strong>{mil}</strong>", m::R_MIL.get(lang));
        }
        if !t.answered_by.is_empty() {
            let _ = write!(line, " · {}: {}", m::R_ANSWERED_BY.get(lang), esc(&t.answered_by.join(", ")));
        }
        let _ = writeln!(s, "<p>{line}</p>");
        mil_section(&mut s, t, lang, &marks, p);
        table(&mut s, &tables::questions(report, t, lang), lang, &marks, p);
        s.push_str("</section>\n");
    }

    if let Some(conflicts) = tables::conflicts(report, lang) {
        cut(&mut parts, &mut s);
        let _ = writeln!(s, "<section id=\"{p}conflicts\"{lang_attr}>\n<h2>{}</h2>", m::R_CONFLICTS_HEADING.get(lang));
        table(&mut s, &conflicts, lang, &marks, p);
        s.push_str("</section>\n");
    }

    cut(&mut parts, &mut s);
    let _ = writeln!(
        s,
        "<section id=\"{p}methods\"{lang_attr}>\n<h2>{}</h2>\n<p>{}</p>\n<p class=\"small\">{}</p>\n</section>",
        m::R_METHODS.get(lang),
        esc(m::R_METHODS_TEXT.get(lang)),
        esc(&m::R_CREATED.fill(lang, &[&report.created, &report.generator.version]))
    );
    parts.push(s);
    parts
}

/// A MIL theme's path: its summary, how a group's level was formed, and a table of the blocking practices
/// with their current and needed answers.
fn mil_section(s: &mut String, theme: &crate::report::ThemeRecord, lang: Lang, marks: &Marks, ids: &str) {
    let Some(summary) = maturity::summary(theme, lang) else { return };
    let _ = writeln!(s, "<p class=\"mil\"><strong>{}</strong></p>", esc(&summary));
    if let Some(rule) = maturity::group_rule(theme, lang) {
        let _ = writeln!(s, "<p>{}</p>", esc(&rule));
    }
    if let Some(practices) = tables::practices(theme, lang) {
        table(s, &practices, lang, marks, ids);
    }
}

/// A table of the report in a scroll box that a keyboard reaches, named by its caption; row headers for
/// themes, questions and practices; a bar column left to the charts.
fn table(s: &mut String, t: &Table, lang: Lang, marks: &Marks, ids: &str) {
    let class = if t.kind == TableKind::Practices { "mil" } else { "" };
    table_start(s, &format!("{ids}{}", esc(&t.key)), class, &t.caption, t.caption_is == Caption::Heading);
    let shown: Vec<usize> = (0..t.columns.len()).filter(|&i| t.columns[i].kind != ColumnKind::TextBar).collect();
    s.push_str("<thead><tr>");
    for &i in &shown {
        let _ = write!(s, "<th scope=\"col\">{}</th>", esc(&t.columns[i].title));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        s.push_str("<tr>");
        for &i in &shown {
            let content = cell(&row.cells[i], row.total, lang, marks);
            let _ = match t.columns[i].kind {
                ColumnKind::RowHeader => write!(s, "<th scope=\"row\">{content}</th>"),
                ColumnKind::QuestionHeader => write!(s, "<th scope=\"row\" class=\"q\">{content}</th>"),
                ColumnKind::Number => write!(s, "<td class=\"num\">{content}</td>"),
                ColumnKind::Note => write!(s, "<td class=\"note\">{content}</td>"),
                ColumnKind::Text | ColumnKind::TextBar => write!(s, "<td>{content}</td>"),
            };
        }
        s.push_str("</tr>\n");
    }
    s.push_str(TABLE_END);
}

/// A cell's content in HTML: texts escaped and marked with their language, a band on its colour, the
/// total's score in bold, a raising step led by what it raises.
fn cell(cell: &Cell, total: bool, lang: Lang, marks: &Marks) -> String {
    match cell {
        Cell::Plain(text) | Cell::Number(text) => esc(text),
        Cell::Text(text) | Cell::Step { raises: None, text } => marks.text(text),
        Cell::Words(text) => marks.words(text),
        Cell::Score(score) if total => format!("<strong>{}</strong>", score_text(*score, lang)),
        Cell::Score(score) => score_text(*score, lang),
        Cell::Bar(_) | Cell::Empty => String::new(),
        Cell::Value { .. } => esc(&cell.text(lang)),
        Cell::Band { name, index, of } => band_badge(name.as_deref(), *index, *of, lang, marks),
        Cell::Step { raises: Some(raises), text } => {
            format!("<strong class=\"raises\">▲ {}.</strong> {}", esc(&capitalized(raises)), marks.text(text))
        }
    }
}

/// The language of a text that is not in the page's (WCAG 2.1 criterion 3.1.2): the questionnaire's texts
/// when they stay as the report stored them (its questionnaire was not at hand in this language), and the
/// respondent's own words (notes, free-text answers) when the report is read in another language.
struct Marks {
    texts: Option<String>,
    words: Option<String>,
}

impl Marks {
    fn of(report: &Report, lang: Lang) -> Marks {
        let other = |code: &str| (code != lang.code()).then(|| esc(code));
        let words = report.words_language.as_deref().unwrap_or(&report.questionnaire.language);
        Marks { texts: other(&report.questionnaire.language), words: other(words) }
    }

    /// ` lang="sv"` for a questionnaire text, or nothing.
    fn texts_attr(&self) -> String {
        self.texts.as_ref().map_or_else(String::new, |code| format!(" lang=\"{code}\""))
    }

    /// A questionnaire text, escaped, in a `<span lang>` when it is not in the page's language.
    fn text(&self, text: &str) -> String {
        Self::marked(self.texts.as_deref(), text)
    }

    /// The respondent's words, escaped, in a `<span lang>` when they are not in the page's language.
    fn words(&self, text: &str) -> String {
        Self::marked(self.words.as_deref(), text)
    }

    fn marked(code: Option<&str>, text: &str) -> String {
        match code {
            Some(code) if !text.is_empty() => format!("<span lang=\"{code}\">{}</span>", esc(text)),
            _ => esc(text),
        }
    }
}

/// A band name on its band's colour; the name itself carries the meaning, the colour repeats it.
fn band_badge(band: Option<&str>, index: Option<usize>, bands: usize, lang: Lang, marks: &Marks) -> String {
    match band {
        Some(name) => {
            format!(
                "<span class=\"band\"{} style=\"background:{};color:{}\">{}</span>",
                marks.texts_attr(),
                band_colour(index, bands),
                band_text(index, bands),
                esc(name)
            )
        }
        None => esc(m::NO_SCORE.get(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_written_in_its_named_scroll_box_with_row_headers_and_no_text_bar() {
        let marks = Marks { texts: None, words: Some("sv".into()) };
        let mut out = String::new();
        table(&mut out, &tables::sample(), Lang::Fi, &marks, "sv-");
        assert!(
            out.starts_with(
                "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"sv-sample-caption\">"
            ),
            "{out}"
        );
        assert!(out.contains("<caption id=\"sv-sample-caption\">Otsikko</caption>"), "an own caption is shown: {out}");
        assert!(
            out.contains(
                "<thead><tr><th scope=\"col\">Teema</th><th scope=\"col\">Pisteet</th><th scope=\"col\">Taso</th>"
            ),
            "{out}"
        );
        assert!(out.contains("<tr><th scope=\"row\">Turva | &lt;b&gt;</th><td class=\"num\">45,3</td>"), "{out}");
        assert!(
            out.contains("<td class=\"note\"><span lang=\"sv\">*oma* huomio</span></td>"),
            "the words' language: {out}"
        );
        assert!(out.contains("<td class=\"num\"><strong>–</strong></td>"), "the total's score in bold: {out}");
        assert_eq!(out.matches("<td").count() + out.matches("<th scope=\"row\"").count(), 8, "4 cells a row: {out}");
    }
}
