//! The comparison as one self-contained HTML page for a regional council's meeting: inline CSS and SVG, no
//! script, nothing fetched. A heat map of municipalities × themes (every cell prints its score, band and
//! difference to the group mean, so colour is never the only carrier), a bar chart of the group means of each
//! theme, the group statistics, the shared weak spots with their next steps, the maturity levels with the
//! practices that block several municipalities, and each municipality's change over time as a small line
//! chart. Prints on A4.
//!
//! Every text that came from a report (names, titles, questions, next steps, file names in notices) is
//! escaped; the page shows only what the [`Comparison`] holds, so `--anonymize` is already applied.

use std::fmt::Write as _;

use crate::i18n::{Lang, decimal, messages as m};
use crate::render::colours::{band_colour, band_text};
use crate::render::escape::html as esc;
use crate::render::report::html::{TABLE_END, table_start};
use crate::render::report::svg::{Alt, Bar, bar_chart, line_chart};
use crate::render::wording::score_text as score;

use super::columns;
use crate::compare::stats::Stats;
use crate::compare::{Cell, Comparison};

const STYLE: &str = "
main { max-width: 80rem; margin: 0 auto; padding: 1.5rem; }
.notice { border-left: 4px solid #8a5a00; background: #fdf6e8; padding: .4rem .7rem; margin: .5rem 0; }
thead th { background: #eef3f7; }
td.period { white-space: nowrap; }
table.heat { font-size: .85rem; }
table.heat th[scope=row] { min-width: 6rem; overflow-wrap: anywhere; }
/* Every column shows at 1280 px: a long word breaks rather than widen the table past the page, and no column
   gets narrower than its band names and the usual words of its heading. */
table.heat thead th { font-size: .8rem; padding: .3rem; hyphens: auto; }
table.heat th.t, table.heat td.group { min-width: 5.5rem; overflow-wrap: anywhere; }
td.heat { color: #ffffff; text-align: center; padding: .3rem .35rem; }
td.heat.none { color: #1a1a1a; background: #f0f0f0; }
td.heat .s { display: block; font-weight: 700; font-size: 1.05rem; }
td.heat .b, td.heat .d { display: block; font-size: .78rem; }
.band { display: inline-block; padding: 0 .4rem; border-radius: .2rem; color: #ffffff; font-weight: 600; margin-right: .3rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
figcaption { font-weight: 600; margin-bottom: .2rem; }
@media print {
  @page { size: A4; margin: 12mm; }
  /* The heat map has a column per theme: it gets a landscape page, and the title with it (a page of its own
     would hold the title alone). The rest follows on portrait pages, section after section. */
  @page heat { size: A4 landscape; margin: 10mm; }
  header, section#heatmap { page: heat; }
  :root { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  table.heat { font-size: 7.5pt; }
  td.heat { padding: .15rem .2rem; }
  /* The change table has a column per theme too; on a portrait page it takes a smaller type. */
  section#changes table { font-size: 7.5pt; }
  section#changes thead th:nth-child(n+3) { overflow-wrap: anywhere; }
  .notice { break-inside: avoid; }
}
";

/// A difference with a typographic minus, which a screen reader reads as "minus" and a hyphen not.
fn signed(value: Option<f64>, lang: Lang) -> String {
    columns::signed(value, lang).replacen('-', "−", 1)
}

/// A table's head of plain column headings, and the start of its body.
fn thead<'a>(s: &mut String, labels: impl IntoIterator<Item = &'a str>) {
    s.push_str("<thead><tr>");
    for label in labels {
        let _ = write!(s, "<th scope=\"col\">{}</th>", esc(label));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
}

/// One heat-map cell: score, band name and difference on the band's colour (in its text colour, ≥ 4.5:1).
/// A MIL theme's cell also prints the municipality's maturity level.
fn heat_cell(cell: Option<&Cell>, mil: Option<u8>, bands: usize, lang: Lang) -> String {
    let mil = mil.map_or_else(String::new, |level| format!("<span class=\"d\">MIL {level}</span>"));
    match cell.and_then(|x| x.score.map(|s| (s, x))) {
        Some((s, x)) => format!(
            "<td class=\"heat\" style=\"background:{};color:{}\"><span class=\"s\">{}</span><span class=\"b\">{}</span><span class=\"d\">{}</span>{mil}</td>",
            band_colour(x.band_index, bands),
            band_text(x.band_index, bands),
            decimal(lang, s, 1),
            esc(x.band.as_deref().unwrap_or("")),
            signed(x.diff, lang)
        ),
        None => format!(
            "<td class=\"heat none\"><span class=\"s\">–</span><span class=\"b\">{}</span></td>",
            esc(m::NO_SCORE.get(lang))
        ),
    }
}

/// Each municipality's maturity level with what its next level needs, and the practices that block the next
/// level of several municipalities.
fn maturity_section(s: &mut String, c: &Comparison, lang: Lang) {
    let _ = writeln!(
        s,
        "<section id=\"maturity\">\n<h2>{}</h2>\n<p>{}</p>",
        esc(m::C_MIL.get(lang)),
        esc(m::C_MIL_INTRO.get(lang))
    );
    for theme in columns::mil_themes(c) {
        table_start(s, &format!("mil-{}", esc(&theme.id)), "", &theme.title, false);
        thead(s, columns::labels(&columns::MIL_LEVELS, lang));
        for (row, cell) in columns::mil_levels(c, theme) {
            let _ = writeln!(
                s,
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td></tr>",
                esc(&row.municipality),
                cell.level,
                esc(&cell.needs(lang))
            );
        }
        s.push_str(TABLE_END);
    }
    let _ = writeln!(s, "<h2>{}</h2>\n<p>{}</p>", esc(m::C_MIL_SHARED.get(lang)), esc(m::C_MIL_SHARED_INTRO.get(lang)));
    if c.mil_blockers.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", esc(m::C_NO_MIL_SHARED.get(lang)));
    } else {
        table_start(s, "mil-shared", "", m::C_MIL_SHARED.get(lang), true);
        thead(s, std::iter::once("#").chain(columns::labels(&columns::MIL_BLOCKERS, lang)));
        for (i, b) in c.mil_blockers.iter().enumerate() {
            let _ = writeln!(
                s,
                "<tr><td class=\"num\">{}</td><th scope=\"row\" class=\"q\">{}</th><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                i + 1,
                text(c, &b.text),
                b.mil,
                columns::blocked(b, &esc(&b.municipalities.join(", "))),
                text(c, &b.needed)
            );
        }
        s.push_str(TABLE_END);
    }
    s.push_str("</section>\n");
}

pub fn render(c: &Comparison, lang: Lang) -> String {
    let mut s = String::new();
    let title = format!("{} – {}", m::C_TITLE.get(lang), c.questionnaire);
    crate::render::report::html::page_start(&mut s, lang, &title, STYLE);
    header(&mut s, c, lang);
    heatmap_section(&mut s, c, lang);
    groups_section(&mut s, c, lang);
    weak_spots_section(&mut s, c, lang);
    if columns::mil_themes(c).next().is_some() {
        maturity_section(&mut s, c, lang);
    }
    changes_section(&mut s, c, lang);
    s.push_str("</main>\n</body>\n</html>\n");
    crate::inert::inert_text(s, crate::inert::Layout::Block)
}

/// The title, what is compared and how it is grouped, and the notices.
fn header(s: &mut String, c: &Comparison, lang: Lang) {
    let grouping = match c.group_by {
        "region" => m::C_BY_REGION,
        "size-class" => m::C_BY_SIZE_CLASS,
        _ => m::C_BY_NONE,
    };
    let lead = [
        format!("{} {}", c.questionnaire, c.versions.join(", ")),
        m::C_COUNT.fill(lang, &[&c.rows.len()]),
        grouping.get(lang).to_string(),
    ];
    let _ =
        writeln!(s, "<header><h1>{}</h1>\n<p class=\"lead\">{}</p>", esc(m::C_TITLE.get(lang)), esc(&lead.join(" · ")));
    for notice in &c.notices {
        let _ = writeln!(
            s,
            "<p class=\"notice\" role=\"note\"><strong>{}:</strong> {}</p>",
            esc(m::WARNING.get(lang)),
            esc(&notice.message(lang))
        );
    }
    if c.anonymized {
        let _ = writeln!(s, "<p class=\"small\">{}</p>", esc(m::C_ANONYMIZED.get(lang)));
    }
    s.push_str("</header>\n");
}

/// The matrix of municipalities × themes, each cell on its band's colour.
fn heatmap_section(s: &mut String, c: &Comparison, lang: Lang) {
    let bands = c.bands.len();
    let _ = writeln!(
        s,
        "<section class=\"first\" id=\"heatmap\">\n<h2>{}</h2>\n<p>{}</p>\n<p class=\"small\">{}</p>",
        esc(m::C_HEATMAP.get(lang)),
        esc(m::C_HEATMAP_INTRO.get(lang)),
        legend(c, lang)
    );
    table_start(s, "heat", "heat", m::C_MATRIX.get(lang), false);
    let _ = write!(
        s,
        "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        esc(m::C_RANK.get(lang)),
        esc(m::R_MUNICIPALITY.get(lang))
    );
    if !c.anonymized {
        let _ = write!(s, "<th scope=\"col\">{}</th>", esc(m::C_GROUP.get(lang)));
    }
    let _ = write!(s, "<th scope=\"col\" class=\"t\">{}</th>", esc(m::T_OVERALL.get(lang)));
    for theme in &c.themes {
        let _ = write!(s, "<th scope=\"col\" class=\"t\">{}</th>", text(c, &theme.title));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for row in &c.rows {
        let _ = write!(
            s,
            "<tr><td class=\"num\">{}</td><th scope=\"row\">{}</th>",
            columns::rank(row),
            esc(&row.municipality)
        );
        if !c.anonymized {
            let _ = write!(s, "<td class=\"group\">{}</td>", esc(&row.group));
        }
        s.push_str(&heat_cell(Some(&columns::overall_cell(row)), None, bands, lang));
        for theme in &c.themes {
            let mil = row.mil.get(&theme.id).map(|m| m.level);
            s.push_str(&heat_cell(row.themes.get(&theme.id), mil, bands, lang));
        }
        s.push_str("</tr>\n");
    }
    s.push_str(TABLE_END);
    s.push_str("</section>\n");
}

/// Group means by theme, as charts, and the statistics behind them.
fn groups_section(s: &mut String, c: &Comparison, lang: Lang) {
    let _ = writeln!(s, "<section id=\"groups\">\n<h2>{}</h2>", esc(m::C_GROUP_CHARTS.get(lang)));
    if c.groups.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", esc(m::C_NO_GROUPS.get(lang)));
    } else {
        group_charts(s, c, lang);
        group_stats_table(s, c, lang);
    }
    s.push_str("</section>\n");
}

/// A bar chart of the groups' means for the overall index and for each theme.
fn group_charts(s: &mut String, c: &Comparison, lang: Lang) {
    let bands = c.bands.len();
    s.push_str("<div class=\"charts\">\n");
    let mut charts: Vec<(String, Vec<Option<&Stats>>)> =
        vec![(m::T_OVERALL.get(lang).to_string(), c.groups.iter().map(|g| g.overall.as_ref()).collect())];
    for theme in &c.themes {
        charts.push((
            theme.title.clone(),
            c.groups.iter().map(|g| g.themes.get(&theme.id).and_then(Option::as_ref)).collect(),
        ));
    }
    for (i, (title, stats)) in charts.iter().enumerate() {
        let items: Vec<Bar> = c
            .groups
            .iter()
            .zip(stats)
            .map(|(g, st)| {
                let mean = st.map(|st| st.mean);
                let b = c.band(mean);
                Bar {
                    label: g.name.clone(),
                    score: mean,
                    colour: band_colour(b.map(|(i, _)| i), bands),
                    outline: band_text(b.map(|(i, _)| i), bands),
                    value: match (mean, b) {
                        (Some(v), Some((_, name))) => format!("{} · {name}", decimal(lang, v, 1)),
                        (Some(v), None) => decimal(lang, v, 1),
                        _ => m::NO_SCORE.get(lang).to_string(),
                    },
                }
            })
            .collect();
        // The caption names the chart: its text alternative gives the numbers, without the name again.
        let desc: Vec<String> = items.iter().map(|b| format!("{} {}", b.label, b.value)).collect();
        let alt = m::C_GROUP_CHART_ALT.fill(lang, &[&desc.join("; ")]);
        let _ = writeln!(
            s,
            "<figure><figcaption>{}</figcaption>{}</figure>",
            esc(title),
            bar_chart(&format!("group-{i}"), Alt { title: &alt, desc: None }, &items)
        );
    }
    s.push_str("</div>\n");
}

/// Every group's statistics of the overall index and of each theme.
fn group_stats_table(s: &mut String, c: &Comparison, lang: Lang) {
    let _ = writeln!(s, "<h2>{}</h2>", esc(m::C_GROUPS.get(lang)));
    table_start(s, "group-stats", "", m::C_GROUPS.get(lang), true);
    thead(s, columns::labels(&columns::GROUP_STATS, lang));
    for g in &c.groups {
        for (label, st) in columns::group_lines(c, g, lang) {
            let [mean, median, min, max] = columns::stat_scores(st, lang);
            let _ = writeln!(
                s,
                "<tr><th scope=\"row\">{}</th><th scope=\"row\" class=\"q\">{}</th><td class=\"num\">{}</td><td class=\"num\">{mean}</td><td class=\"num\">{median}</td><td class=\"num\">{min}</td><td class=\"num\">{max}</td></tr>",
                esc(&g.name),
                esc(label),
                st.map_or(0, |st| st.n)
            );
        }
    }
    s.push_str(TABLE_END);
}

/// The shared weak spots with their next steps.
fn weak_spots_section(s: &mut String, c: &Comparison, lang: Lang) {
    let _ = writeln!(
        s,
        "<section id=\"weak-spots\">\n<h2>{}</h2>\n<p>{}</p>",
        esc(m::C_WEAK.get(lang)),
        esc(m::C_WEAK_INTRO.get(lang))
    );
    if c.weak_spots.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", esc(m::C_NO_WEAK_SPOTS.get(lang)));
    } else {
        table_start(s, "weak", "", m::C_WEAK.get(lang), true);
        thead(s, ["#", m::T_THEME.get(lang)].into_iter().chain(columns::labels(&columns::WEAK_SPOTS, lang)));
        for (i, spot) in c.weak_spots.iter().enumerate() {
            let _ = writeln!(
                s,
                "<tr><td class=\"num\">{}</td><td>{}</td><th scope=\"row\" class=\"q\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                i + 1,
                text(c, columns::theme_title(c, &spot.theme)),
                text(c, &spot.text),
                columns::weak_mean(spot, lang),
                columns::below_middle(spot),
                text(c, spot.next_step.as_deref().unwrap_or(""))
            );
        }
        s.push_str(TABLE_END);
    }
    s.push_str("</section>\n");
}

/// Each municipality's change over time: a line chart each, and a table of the changes.
fn changes_section(s: &mut String, c: &Comparison, lang: Lang) {
    let _ = writeln!(s, "<section id=\"changes\">\n<h2>{}</h2>", esc(m::C_CHANGES.get(lang)));
    if c.changes.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", esc(m::C_NO_CHANGES.get(lang)));
    } else {
        change_charts(s, c, lang);
        change_table(s, c, lang);
    }
    s.push_str("</section>\n");
}

fn change_charts(s: &mut String, c: &Comparison, lang: Lang) {
    s.push_str("<div class=\"charts\">\n");
    for (i, change) in c.changes.iter().enumerate() {
        // Without dates (anonymised) the axis numbers the reports, and the text alternative says "report 2".
        let points: Vec<(String, Option<f64>)> = change
            .series
            .iter()
            .enumerate()
            .map(|(k, (date, value))| (date.clone().unwrap_or_else(|| (k + 1).to_string()), *value))
            .collect();
        let desc: Vec<String> = change
            .series
            .iter()
            .enumerate()
            .map(|(k, (date, value))| {
                format!("{} {}", columns::series_when(k, date.as_ref(), lang), score(*value, lang))
            })
            .collect();
        let alt = m::C_CHANGE_CHART_ALT.fill(lang, &[&desc.join("; ")]);
        let _ = writeln!(
            s,
            "<figure><figcaption>{} <span class=\"small\">{}</span></figcaption>{}</figure>",
            esc(&change.municipality),
            signed(change.overall, lang),
            line_chart(&format!("change-{i}"), Alt { title: &alt, desc: None }, &points, lang)
        );
    }
    s.push_str("</div>\n");
}

fn change_table(s: &mut String, c: &Comparison, lang: Lang) {
    table_start(s, "changes", "", m::C_CHANGES.get(lang), true);
    let overall = m::T_OVERALL.get(lang);
    let mut labels = vec![
        m::R_MUNICIPALITY.get(lang).to_string(),
        m::C_FROM_TO.get(lang).to_string(),
        format!("{overall} ({})", m::C_FIRST.get(lang).to_lowercase()),
        format!("{overall} ({})", m::C_LAST.get(lang).to_lowercase()),
        m::C_CHANGE.get(lang).to_string(),
    ];
    labels.extend(c.themes.iter().map(|theme| format!("{} ±", theme.title)));
    thead(s, labels.iter().map(String::as_str));
    for change in &c.changes {
        let period = match (&change.from, &change.to) {
            (Some(from), Some(to)) => format!("{from} – {to}"),
            _ => String::new(),
        };
        let _ = write!(
            s,
            "<tr><th scope=\"row\">{}</th><td class=\"period\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            esc(&change.municipality),
            esc(&period),
            score(change.overall_first, lang),
            score(change.overall_last, lang),
            signed(change.overall, lang)
        );
        for theme in &c.themes {
            let _ =
                write!(s, "<td class=\"num\">{}</td>", signed(change.themes.get(&theme.id).copied().flatten(), lang));
        }
        s.push_str("</tr>\n");
    }
    s.push_str(TABLE_END);
}

/// The bands with their colours and thresholds, each name written out.
fn legend(c: &Comparison, lang: Lang) -> String {
    let parts: Vec<String> = c
        .bands
        .iter()
        .enumerate()
        .map(|(i, (min, name))| {
            format!(
                "<span class=\"band\" style=\"background:{};color:{}\">{}</span>≥ {}",
                band_colour(Some(i), c.bands.len()),
                band_text(Some(i), c.bands.len()),
                esc(name),
                decimal(lang, *min, 0)
            )
        })
        .collect();
    format!("{}: {}", esc(m::C_BANDS.get(lang)), parts.join(" "))
}

/// A questionnaire text, escaped, in a `<span lang>` when the comparison shows them in another language
/// than the page's (WCAG 2.1 criterion 3.1.2; the notice says why).
fn text(c: &Comparison, words: &str) -> String {
    match &c.texts_language {
        Some(code) if !words.is_empty() => format!("<span lang=\"{}\">{}</span>", esc(code), esc(words)),
        _ => esc(words),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tests::report;
    use crate::compare::{GroupBy, compare};

    fn page(names: &[&str], anonymize: bool, lang: Lang) -> String {
        let inputs: Vec<_> = names
            .iter()
            .enumerate()
            .flat_map(|(i, name)| {
                let level = u32::try_from(i % 5).unwrap();
                vec![
                    report(name, "Varsinais-Suomi", 4000, "2025-01-01", level.saturating_sub(1), false),
                    report(name, "Varsinais-Suomi", 4000, "2026-01-01", level, true),
                ]
            })
            .collect();
        render(&compare(&inputs, GroupBy::Region, anonymize, lang).unwrap(), lang)
    }

    #[test]
    fn hostile_names_show_as_text() {
        let html = page(&["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "Aura"], false, Lang::Fi);
        assert!(!html.contains("<script"), "a script element got through");
        assert!(!html.contains("<img"), "an img element got through");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!html.contains("http"), "nothing is fetched");
    }

    #[test]
    fn heat_map_cells_print_the_number_and_the_band() {
        let html = page(&["Aura", "Eura", "Masku"], false, Lang::Sv);
        let c = compare(
            &[
                report("Aura", "Varsinais-Suomi", 4000, "2025-01-01", 0, false),
                report("Aura", "Varsinais-Suomi", 4000, "2026-01-01", 0, true),
            ],
            GroupBy::Region,
            false,
            Lang::Sv,
        )
        .unwrap();
        let cell = &c.rows[0].themes["a"];
        let expected = format!(
            "<span class=\"s\">{}</span><span class=\"b\">{}</span>",
            decimal(Lang::Sv, cell.score.unwrap(), 1),
            cell.band.as_deref().unwrap()
        );
        assert!(heat_cell(Some(cell), None, c.bands.len(), Lang::Sv).contains(&expected));
        let cells = html.matches("<td class=\"heat\"").count() + html.matches("<td class=\"heat none\"").count();
        assert_eq!(cells, 3 * (1 + c.themes.len()), "one cell per municipality and column");
        for heat in html.split("<td class=\"heat\"").skip(1) {
            let cell = &heat[..heat.find("</td>").unwrap()];
            assert!(cell.contains("class=\"s\">") && cell.contains("class=\"b\">"), "{cell}");
            assert!(!cell.contains("class=\"b\"></span>"), "a coloured cell without its band's name: {cell}");
        }
        assert!(html.contains("<td class=\"heat none\"><span class=\"s\">–</span><span class=\"b\">inga poäng</span>"));
    }

    #[test]
    fn has_a_chart_for_the_overall_index_and_each_theme_and_a_line_per_changing_municipality() {
        let html = page(&["Aura", "Eura", "Masku"], false, Lang::En);
        let themes = html.matches("<svg class=\"chart bars\"").count();
        assert_eq!(themes, 1 + 3, "overall and the small questionnaire's three themes");
        assert_eq!(html.matches("<svg class=\"chart line\"").count(), 3);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert_eq!(html.matches("<h1>").count(), 1);
        assert!(html.contains("@media print") && html.contains("break-inside: avoid"));
    }

    #[test]
    fn anonymised_pages_name_no_municipality_and_no_date() {
        let html = page(&["Aura", "Eura"], true, Lang::Fi);
        assert!(!html.contains("Aura") && !html.contains("Eura") && !html.contains("2025-01-01"));
        assert!(html.contains("Kunta A") && html.contains(m::C_NO_GROUPS.fi));
    }
}
