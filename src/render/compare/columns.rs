//! What the writers of a comparison (terminal table, Markdown, HTML, CSV, XLSX) have in common: the headings
//! of the tables that several formats print, and the cell texts they print the same way. A writer lays these
//! out and escapes them; it words no heading and formats no figure of its own that another writer also shows,
//! so that a change of wording or notation reaches every format at once.

use crate::i18n::{Lang, Tr, decimal, messages as m};
use crate::render::wording::score_text as score;

use crate::compare::stats::Stats;
use crate::compare::{Cell, Comparison, Group, MilBlocker, MilCell, Row, ThemeInfo, WeakSpot};

/// The group statistics: group, theme, n, mean, median, minimum, maximum. The terminal shows the overall index
/// only and leaves out the theme; the workbook puts the mean's band after the mean.
pub const GROUP_STATS: [Tr; 7] = [m::C_GROUP, m::T_THEME, m::C_N, m::C_MEAN, m::C_MEDIAN, m::C_MIN, m::C_MAX];

/// The shared weak spots after the number (and, in HTML and the workbook, the theme).
pub const WEAK_SPOTS: [Tr; 4] = [m::R_QUESTION, m::C_MEAN, m::C_BELOW, m::R_NEXT_STEP];

/// Each municipality's maturity level in one MIL theme. The workbook, with all themes on one sheet, puts the
/// theme after the municipality.
pub const MIL_LEVELS: [Tr; 3] = [m::R_MUNICIPALITY, m::MIL_COLUMN, m::C_MIL_NEXT];

/// The practices that block several municipalities, after the number (and, in the workbook, the theme and
/// the question's id).
pub const MIL_BLOCKERS: [Tr; 4] = [m::MIL_PRACTICE, m::C_MIL_BLOCKS, m::C_MIL_BLOCKED, m::MIL_NEEDED];

/// The headings in the output language.
pub fn labels(columns: &[Tr], lang: Lang) -> Vec<&'static str> {
    columns.iter().map(|column| column.get(lang)).collect()
}

/// A rank as a number, empty for a municipality without an index.
pub fn rank(row: &Row) -> String {
    row.rank.map_or_else(String::new, |r| r.to_string())
}

/// A difference with its sign, "+1,5" or "-0,3"; empty when there is none. The sign is the rounded text's, so
/// that a small negative difference reads "-0,0" and not "+-0,0".
pub fn signed(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(String::new, |v| {
        let text = decimal(lang, v, 1);
        if text.starts_with('-') { text } else { format!("+{text}") }
    })
}

/// A weak spot's mean on the scale of the indexes, 0–100, as a whole number.
pub fn weak_mean(spot: &WeakSpot, lang: Lang) -> String {
    decimal(lang, spot.mean * 100.0, 0)
}

/// How many of the municipalities that answered score below the middle of the scale: "3/5".
pub fn below_middle(spot: &WeakSpot) -> String {
    format!("{}/{}", spot.below_middle, spot.answered)
}

/// The title of a theme by its id; the id when the comparison does not show the theme.
pub fn theme_title<'a>(c: &'a Comparison, id: &'a str) -> &'a str {
    c.themes.iter().find(|t| t.id == id).map_or(id, |t| t.title.as_str())
}

/// The overall index of a row as a cell like the themes', so that it is drawn the same way.
pub fn overall_cell(row: &Row) -> Cell {
    Cell { score: row.overall, band: row.band.clone(), band_index: row.band_index, diff: row.overall_diff }
}

/// The overall index's statistics and then each theme's, with their labels.
pub fn group_lines<'a>(c: &'a Comparison, g: &'a Group, lang: Lang) -> Vec<(&'a str, Option<&'a Stats>)> {
    let mut lines = vec![(m::T_OVERALL.get(lang), g.overall.as_ref())];
    lines.extend(c.themes.iter().map(|t| (t.title.as_str(), g.themes.get(&t.id).and_then(Option::as_ref))));
    lines
}

/// Mean, median, minimum and maximum as scores, "–" for a group without one.
pub fn stat_scores(stats: Option<&Stats>, lang: Lang) -> [String; 4] {
    [stats.map(|s| s.mean), stats.map(|s| s.median), stats.map(|s| s.min), stats.map(|s| s.max)].map(|v| score(v, lang))
}

/// The themes that report a maturity level.
pub fn mil_themes(c: &Comparison) -> impl Iterator<Item = &ThemeInfo> {
    c.themes.iter().filter(|t| t.mil)
}

/// The municipalities whose reports record a level in the theme, in the matrix's order, with that level.
pub fn mil_levels<'a>(c: &'a Comparison, theme: &'a ThemeInfo) -> impl Iterator<Item = (&'a Row, &'a MilCell)> {
    c.rows.iter().filter_map(|row| row.mil.get(&theme.id).map(|cell| (row, cell)))
}

/// Which municipalities a practice blocks, of how many: "2/3: A, B". `names` are the blocked municipalities'
/// names, already escaped for the format.
pub fn blocked(b: &MilBlocker, names: &str) -> String {
    format!("{}/{}: {names}", b.municipalities.len(), b.of)
}

/// A point of a change series for a reader: its date, else "report 2" by its place in the series.
pub fn series_when(k: usize, date: Option<&String>, lang: Lang) -> String {
    date.cloned().unwrap_or_else(|| m::C_REPORT_NUMBER.fill(lang, &[&(k + 1)]))
}

/// A point of a change series in the text formats: its date, if any, and the overall index.
pub fn series_point(date: Option<&String>, value: Option<f64>, lang: Lang) -> String {
    format!("{} {}", date.cloned().unwrap_or_default(), score(value, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_difference_carries_the_sign_of_its_rounded_text() {
        assert_eq!(signed(Some(1.46), Lang::Fi), "+1,5");
        assert_eq!(signed(Some(-0.31), Lang::En), "-0.3");
        assert_eq!(signed(Some(-0.04), Lang::Fi), "-0,0");
        assert_eq!(signed(Some(0.0), Lang::Sv), "+0,0");
        assert_eq!(signed(None, Lang::Fi), "");
    }

    #[test]
    fn headings_are_in_the_output_language() {
        assert_eq!(labels(&MIL_LEVELS, Lang::En), [m::R_MUNICIPALITY.en, m::MIL_COLUMN.en, m::C_MIL_NEXT.en]);
        assert_eq!(labels(&GROUP_STATS, Lang::Sv)[0], m::C_GROUP.sv);
    }
}
