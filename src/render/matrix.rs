//! A wide matrix for the terminal, one row per municipality (or group) and one column per theme, drawn in
//! a layout that fits the width: the batch summary's table and the comparison's matrix.
//!
//! Three layouts, the first that fits: a table with every heading in full; a table whose theme columns
//! are headed by short codes (T1, T2 …) with a key below; and, when even that is too wide (eight themes
//! at 80 columns), one block per row: the row's name and its lead values on one line, the theme scores
//! with their codes on the lines below it. A column is never narrower than its longest word, so nothing
//! is cut inside a word. Pure: takes the texts, returns the text; colour is never used.

use comfy_table::{Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width};

use crate::wrap::{self, wrap};

/// What a column is in the layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The row's name: the first column, and the title of a block.
    Label,
    /// A value on the block's title line (the overall score, the band, the count).
    Lead,
    /// A theme score: headed by its code when the headings do not fit, on the block's lines below.
    Coded,
}

#[derive(Debug, Clone)]
#[must_use]
pub struct Column {
    pub heading: String,
    /// The short heading of a [`Role::Coded`] column: `T1`.
    pub code: String,
    pub role: Role,
    /// Right-aligned (numbers).
    pub right: bool,
    /// On a block's title line, the value follows its heading (`Kattavuus 82 %`); otherwise it stands alone.
    pub labelled: bool,
    pub cells: Vec<String>,
}

impl Column {
    pub fn new(heading: impl Into<String>, role: Role, cells: Vec<String>) -> Column {
        Column {
            heading: heading.into(),
            code: String::new(),
            role,
            right: role != Role::Label,
            labelled: false,
            cells,
        }
    }

    /// A theme column with its code.
    pub fn coded(heading: impl Into<String>, code: impl Into<String>, cells: Vec<String>) -> Column {
        Column { code: code.into(), ..Column::new(heading, Role::Coded, cells) }
    }

    pub fn left(mut self) -> Column {
        self.right = false;
        self
    }

    pub fn labelled(mut self) -> Column {
        self.labelled = true;
        self
    }

    fn widest_cell(&self) -> usize {
        self.cells.iter().map(|c| wrap::width(c)).max().unwrap_or(0)
    }

    fn longest_word(text: &str) -> usize {
        text.split_whitespace().map(wrap::width).max().unwrap_or(0)
    }

    /// The narrowest this column can be with `heading` over it, no word cut.
    fn needs(&self, heading: &str) -> usize {
        self.widest_cell().max(Self::longest_word(heading))
    }
}

/// Which layout [`render`] chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Named,
    Coded,
    Blocks,
}

/// The layout that fits `width`.
pub fn layout(columns: &[Column], width: usize) -> Layout {
    // A cell takes its text, a space on each side and one border.
    let table_width = |coded: bool| {
        1 + columns
            .iter()
            .map(|c| 3 + c.needs(if coded && c.role == Role::Coded { &c.code } else { &c.heading }))
            .sum::<usize>()
    };
    if table_width(false) <= width {
        Layout::Named
    } else if table_width(true) <= width {
        Layout::Coded
    } else {
        Layout::Blocks
    }
}

/// The matrix drawn to fit `width`, with the key of the codes (`T1 = …`) below when codes are used.
/// `key_note` follows the key (what a column means).
pub fn render(columns: &[Column], width: usize, key_note: Option<&str>) -> String {
    let width = width.max(20);
    let chosen = layout(columns, width);
    let mut out = match chosen {
        Layout::Named | Layout::Coded => table(columns, width, chosen == Layout::Coded),
        Layout::Blocks => blocks(columns, width),
    };
    let mut key: Vec<String> = Vec::new();
    if chosen != Layout::Named {
        key.extend(columns.iter().filter(|c| c.role == Role::Coded).map(|c| format!("{} = {}", c.code, c.heading)));
    }
    let mut last = key.join(", ");
    if let Some(note) = key_note {
        last = if last.is_empty() { note.to_string() } else { format!("{last} ({note})") };
    }
    if !last.is_empty() {
        for line in wrap(&last, width) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

fn table(columns: &[Column], width: usize, coded: bool) -> String {
    let mut t = Table::new();
    t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .force_no_tty();
    let align = |c: &Column| if c.right { CellAlignment::Right } else { CellAlignment::Left };
    t.set_header(columns.iter().map(|c| {
        let heading = if coded && c.role == Role::Coded { &c.code } else { &c.heading };
        Cell::new(heading).set_alignment(align(c))
    }));
    let rows = columns.first().map_or(0, |c| c.cells.len());
    for row in 0..rows {
        t.add_row(
            columns.iter().map(|c| Cell::new(c.cells.get(row).map_or("", String::as_str)).set_alignment(align(c))),
        );
    }
    for (i, c) in columns.iter().enumerate() {
        let heading = if coded && c.role == Role::Coded { &c.code } else { &c.heading };
        if let (Some(column), Ok(need)) = (t.column_mut(i), u16::try_from(c.needs(heading) + 2)) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(need)));
        }
    }
    format!("{t}\n")
}

fn blocks(columns: &[Column], width: usize) -> String {
    let mut out = String::new();
    let rows = columns.first().map_or(0, |c| c.cells.len());
    let coded: Vec<&Column> = columns.iter().filter(|c| c.role == Role::Coded).collect();
    // Every theme cell as wide as the widest, so that the scores stand in columns from block to block.
    let code_width = coded.iter().map(|c| wrap::width(&c.code)).max().unwrap_or(0);
    let value_width = coded.iter().map(|c| c.widest_cell()).max().unwrap_or(0);
    let cell_width = code_width + 1 + value_width;
    let indent = "  ";
    let per_line = ((width.saturating_sub(indent.len()) + 2) / (cell_width + 2)).max(1);
    // The title lines' values stand in columns too, when those fit the width.
    let lead: Vec<&Column> = columns.iter().filter(|c| c.role != Role::Coded).collect();
    let shown = |c: &Column, row: usize| {
        let value = c.cells.get(row).map_or("", String::as_str);
        if c.labelled && !value.is_empty() { format!("{} {value}", c.heading) } else { value.to_string() }
    };
    let lead_widths: Vec<usize> =
        lead.iter().map(|c| (0..rows).map(|row| wrap::width(&shown(c, row))).max().unwrap_or(0)).collect();
    let aligned = lead_widths.iter().sum::<usize>() + 2 * lead_widths.len().saturating_sub(1) <= width;
    for row in 0..rows {
        let mut title: Vec<String> = Vec::new();
        for (c, &column_width) in lead.iter().zip(&lead_widths) {
            let value = shown(c, row);
            let pad = " ".repeat(column_width.saturating_sub(wrap::width(&value)));
            title.push(match (aligned, c.right) {
                (false, _) => value,
                (true, true) => format!("{pad}{value}"),
                (true, false) => format!("{value}{pad}"),
            });
        }
        let title = title.into_iter().filter(|t| !t.trim().is_empty() || aligned).collect::<Vec<_>>().join("  ");
        for line in wrap::hanging(title.trim_end(), width, "", indent) {
            out.push_str(&line);
            out.push('\n');
        }
        let cells: Vec<String> = coded
            .iter()
            .map(|c| {
                let value = c.cells.get(row).map_or("", String::as_str);
                let pad = value_width.saturating_sub(wrap::width(value));
                format!("{:<code_width$} {}{value}", c.code, " ".repeat(pad))
            })
            .collect();
        for chunk in cells.chunks(per_line) {
            out.push_str(indent);
            out.push_str(chunk.join("  ").trim_end());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(themes: usize) -> Vec<Column> {
        let names = ["Kalliojärvi (2)", "Skärholm (3)", "Ylä-Savonjoki (8)"];
        let mut columns = vec![
            Column::new("Kunta (rivi)", Role::Label, names.iter().map(|n| (*n).to_string()).collect()),
            Column::new("Pisteet", Role::Lead, vec!["40,2".into(), "50,9".into(), "44,7".into()]),
            Column::new("Taso", Role::Lead, vec!["Kehittyvä".into(), "Vakiintunut".into(), "Kehittyvä".into()]).left(),
        ];
        let titles = ["Strategia ja johtaminen", "Asiakaslähtöiset digitaaliset palvelut", "Osaaminen", "Resurssit"];
        for t in 0..themes {
            let title = titles[t % titles.len()];
            columns.push(Column::coded(
                title,
                format!("T{}", t + 1),
                vec!["33,3".into(), "6,3".into(), "100,0".into()],
            ));
        }
        columns.push(Column::new("Kattavuus", Role::Lead, vec!["82 %".into(); 3]).labelled());
        columns
    }

    fn no_line_wider(text: &str, width: usize) {
        for line in text.lines() {
            assert!(wrap::width(line) <= width, "{line:?} is wider than {width}:\n{text}");
        }
    }

    #[test]
    fn a_few_themes_fit_with_their_names() {
        let text = render(&columns(2), 120, None);
        assert_eq!(layout(&columns(2), 120), Layout::Named);
        assert!(text.contains("Asiakaslähtöiset") && !text.contains("T1 ="), "{text}");
        no_line_wider(&text, 120);
    }

    #[test]
    fn more_themes_get_codes_and_a_key() {
        assert_eq!(layout(&columns(8), 130), Layout::Coded);
        let text = render(&columns(8), 130, Some("ero keskiarvoon"));
        assert!(text.contains("   T1 ┆") && text.contains("T2 = Asiakaslähtöiset digitaaliset palvelut"), "{text}");
        assert!(text.contains("(ero keskiarvoon)"), "{text}");
        no_line_wider(&text, 130);
    }

    #[test]
    fn eight_themes_at_80_columns_are_one_block_per_row() {
        assert_eq!(layout(&columns(8), 80), Layout::Blocks);
        let text = render(&columns(8), 80, None);
        assert!(text.starts_with("Kalliojärvi (2)    40,2  Kehittyvä    Kattavuus 82 %\n"), "{text}");
        assert!(text.contains("\nYlä-Savonjoki (8)  44,7  Kehittyvä    Kattavuus 82 %\n"), "{text}");
        assert!(text.contains("\n  T1  33,3  T2  33,3"), "scores line up under their codes:\n{text}");
        assert!(text.contains("T8 = Resurssit"), "{text}");
        no_line_wider(&text, 80);
        for word in ["Ylä-Savonjoki", "Vakiintunut", "Kattavuus"] {
            assert!(text.contains(word), "{word} is whole:\n{text}");
        }
        let narrow = render(&columns(8), 40, None);
        no_line_wider(&narrow, 40);
    }
}
