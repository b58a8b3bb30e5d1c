//! What one screen of the interview shows at a given terminal size: pure layout, no terminal.
//!
//! A screen is a [`Page`] (the question: header, theme introduction, text, help, current answer and note)
//! above a prompt (a menu, a set of check boxes or a line of text), all of it fitted into the terminal's
//! rows and columns. The header and the question text are never shortened; when the whole does not fit,
//! the other parts give way in a fixed order: the menu's entries other than the selected one shrink to one
//! line, then the theme introduction, the help and the current answer are shortened (with `…`), then the
//! blank line goes, and last the menu shows a window around the selected entry. What was shortened can be
//! read in full in [`full_text`]. Every line is narrower than the terminal, so the terminal never wraps one
//! itself (which would put words in two and throw the line count off).

use crate::wrap::{self, hanging, one_line, shorten};

/// The question above a prompt. Every text here is already inert (see `crate::inert`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Theme, position and progress: `Turva · 3/50 · 12 %`.
    pub header: String,
    /// The theme's introduction, on the first question of a theme.
    pub intro: Option<String>,
    /// The question; may be empty (a list of its own, such as the jump list).
    pub text: String,
    /// The help text, with its label (`Ohje: …`).
    pub help: Option<String>,
    /// Short facts: the current answer, the note.
    pub facts: Vec<String>,
}

/// An entry of a menu or a set of check boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Always shown whole: `2 Osittain toteutunut`, `← Edellinen kysymys`.
    pub label: String,
    /// Shown after the label, shortened unless the entry is selected: a level's description.
    pub detail: Option<String>,
    /// A key that moves the selection here: the level's digit.
    pub key: Option<char>,
}

impl Item {
    pub fn new(label: impl Into<String>) -> Item {
        Item { label: label.into(), detail: None, key: None }
    }

    /// The whole text of the entry.
    pub fn text(&self) -> String {
        match &self.detail {
            Some(detail) if !detail.is_empty() => format!("{} – {detail}", self.label),
            _ => self.label.clone(),
        }
    }
}

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    /// The header: bold.
    Header,
    /// The selected entry: bold and coloured (the marker `›` shows it without colour).
    Selected,
    /// Hints and "more" lines: dim.
    Dim,
    /// A check's message: red.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub style: Style,
}

fn lines(texts: Vec<String>, style: Style) -> Vec<Line> {
    texts.into_iter().map(|text| Line { text, style }).collect()
}

/// A drawn screen: its lines, and where the text cursor goes (row, column), if it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub lines: Vec<Line>,
    pub cursor: Option<(usize, usize)>,
}

impl Frame {
    /// The text of the frame, one line per row, for tests.
    pub fn text(&self) -> String {
        self.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n")
    }
}

/// The terminal's size in rows and columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub rows: usize,
    pub cols: usize,
}

impl Size {
    /// The width text is wrapped to: one column short of the terminal's, so that no line reaches the last
    /// column (where some terminals wrap at once), and never below 20.
    pub fn width(self) -> usize {
        self.cols.saturating_sub(1).max(20)
    }

    /// The rows a screen may use: all but the last, so that a flowing prompt never scrolls its own top away.
    pub fn height(self) -> usize {
        self.rows.saturating_sub(1).max(4)
    }
}

/// How much of a page's shortenable parts to show.
#[derive(Debug, Clone, Copy)]
struct Cut {
    intro: usize,
    help: usize,
    facts: bool,
    gap: bool,
}

const ALL: usize = usize::MAX;

/// The cuts tried in turn, from none to the most a page is ever cut.
fn cuts(help_lines: usize) -> Vec<Cut> {
    let mut cuts = vec![
        Cut { intro: ALL, help: ALL, facts: true, gap: true },
        Cut { intro: 1, help: ALL, facts: true, gap: true },
        Cut { intro: 0, help: ALL, facts: true, gap: true },
    ];
    for help in (1..help_lines).rev() {
        cuts.push(Cut { intro: 0, help, facts: true, gap: true });
    }
    cuts.push(Cut { intro: 0, help: 1, facts: false, gap: true });
    cuts.push(Cut { intro: 0, help: 1, facts: false, gap: false });
    cuts
}

/// The page's lines under `cut`, and whether anything was shortened.
fn page_lines(page: &Page, width: usize, cut: Cut) -> (Vec<Line>, bool) {
    let mut out = lines(wrap::wrap(&page.header, width), Style::Header);
    let mut shortened = false;
    let mut part = |out: &mut Vec<Line>, text: &str, max: usize| {
        if max == 0 {
            shortened = true;
            return;
        }
        let (texts, cut) = shorten(text, width, max, "", "");
        shortened |= cut;
        out.extend(lines(texts, Style::Plain));
    };
    if let Some(intro) = &page.intro {
        part(&mut out, intro, cut.intro);
    }
    if !page.text.is_empty() {
        out.extend(lines(wrap::wrap(&page.text, width), Style::Plain));
    }
    if let Some(help) = &page.help {
        part(&mut out, help, cut.help);
    }
    for fact in &page.facts {
        part(&mut out, fact, if cut.facts { ALL } else { 1 });
    }
    if cut.gap {
        out.push(Line { text: String::new(), style: Style::Plain });
    }
    (out, shortened)
}

/// The page fitted into `room` rows, cut as little as needed (or as much as it ever is, when nothing fits).
fn fit_page(page: Option<&Page>, width: usize, room: usize) -> Option<(Vec<Line>, bool)> {
    let Some(page) = page else { return Some((Vec::new(), false)) };
    let help_lines = page.help.as_deref().map_or(0, |help| wrap::wrap(help, width).len());
    cuts(help_lines).into_iter().map(|cut| page_lines(page, width, cut)).find(|(lines, _)| lines.len() <= room)
}

fn most_cut(page: Option<&Page>, width: usize) -> (Vec<Line>, bool) {
    page.map_or((Vec::new(), false), |page| {
        page_lines(page, width, Cut { intro: 0, help: 1, facts: false, gap: false })
    })
}

/// A menu or a set of check boxes, as the prompter sees it at one moment.
#[derive(Debug, Clone)]
pub struct ListState<'a> {
    pub prompt: &'a str,
    pub items: &'a [Item],
    /// The entries shown (all, or those the filter matches), as indexes into `items`.
    pub shown: &'a [usize],
    /// The selected entry, as a position in `shown`.
    pub selected: usize,
    /// Check marks of a multi-select, by index into `items`.
    pub checked: Option<&'a [bool]>,
    /// The typed filter of a filtered list.
    pub filter: Option<&'a str>,
    /// The first shown entry of the last screen, kept so that the window moves only when it must.
    pub offset: usize,
}

/// The texts a list screen needs from the interface language.
#[derive(Debug, Clone, Copy)]
pub struct ListTexts<'a> {
    /// The keys, shortest first when the line is cut: `↑↓ Enter · 0–4 · ? koko teksti`.
    pub keys: &'a [&'a str],
    /// `↑ {0} lisää`, `↓ {0} lisää`.
    pub more_above: &'a str,
    pub more_below: &'a str,
    /// `Rajaus: {0}`.
    pub filter: &'a str,
    /// `Ei osumia.`
    pub no_match: &'a str,
    /// The key that shows the full text, mentioned when something was shortened; empty where typing
    /// filters the list (and `?` is typed, not a key).
    pub full_key: &'a str,
}

fn marker(selected: bool) -> &'static str {
    if selected { "› " } else { "  " }
}

fn check_box(checked: Option<&[bool]>, index: usize) -> &'static str {
    match checked {
        Some(checked) if checked.get(index).copied().unwrap_or(false) => "[x] ",
        Some(_) => "[ ] ",
        None => "",
    }
}

/// An entry's lines: whole when `whole`, else one line.
fn item_lines(state: &ListState<'_>, index: usize, selected: bool, width: usize, max: usize) -> (Vec<String>, bool) {
    let first = format!("{}{}", marker(selected), check_box(state.checked, index));
    // Continued lines start under the text, clear of a level's digit or a check box.
    let rest = " ".repeat(wrap::width(&first) + if state.checked.is_some() { 0 } else { 2 });
    shorten(&state.items[index].text(), width, max, &first, &rest)
}

/// The keys line, cut to the width by leaving out its last parts.
fn keys_line(keys: &[&str], width: usize) -> String {
    let mut shown: Vec<&str> = keys.to_vec();
    while shown.len() > 1 && wrap::width(&shown.join(" · ")) > width {
        shown.pop();
    }
    one_line(&shown.join(" · "), width)
}

/// A menu (or check boxes) under `page`, fitted into `size`. Updates `state.offset` to the window shown.
pub fn list_frame(page: Option<&Page>, state: &mut ListState<'_>, texts: &ListTexts<'_>, size: Size) -> Frame {
    let width = size.width();
    let height = size.height();
    let mut bottom = lines(wrap::wrap(state.prompt, width), Style::Plain);
    if let Some(filter) = state.filter {
        bottom.push(Line { text: one_line(&crate::i18n::fill(texts.filter, &[&filter]), width), style: Style::Dim });
    }
    let n = state.shown.len();
    let whole: Vec<usize> = state.shown.iter().map(|&i| item_lines(state, i, true, width, ALL).0.len()).collect();
    let all_whole: usize = whole.iter().sum();
    let tallest = whole.iter().copied().max().unwrap_or(1);
    let compact = n.saturating_sub(1) + tallest;
    let footer = 1;
    let fixed = bottom.len() + footer;

    // Every entry whole, or only the selected one whole, or a window of entries: the first that fits
    // with the page cut as little as possible.
    let (mut out, mut cut, mode) =
        if let Some((page_lines, cut)) = fit_page(page, width, height.saturating_sub(fixed + all_whole.max(1))) {
            (page_lines, cut, Mode::Whole)
        } else if let Some((page_lines, cut)) = fit_page(page, width, height.saturating_sub(fixed + compact)) {
            (page_lines, cut, Mode::Compact)
        } else {
            let (page_lines, cut) = most_cut(page, width);
            (page_lines, cut, Mode::Window)
        };
    out.extend(bottom);
    let room = height.saturating_sub(out.len() + footer).max(1);

    if n == 0 {
        out.push(Line { text: one_line(texts.no_match, width), style: Style::Dim });
    }
    let selected = state.selected.min(n.saturating_sub(1));
    let (start, end, sel_lines) = match mode {
        Mode::Whole | Mode::Compact => (0, n, ALL),
        Mode::Window => window(n, selected, whole.get(selected).copied().unwrap_or(1), room, &mut state.offset),
    };
    if mode == Mode::Window {
        let above = if start > 0 { crate::i18n::fill(texts.more_above, &[&start]) } else { String::new() };
        out.push(Line { text: one_line(&above, width), style: Style::Dim });
    } else {
        state.offset = 0;
    }
    for (position, &index) in state.shown.iter().enumerate().take(end).skip(start) {
        let is_selected = position == selected;
        let max = match (mode, is_selected) {
            (Mode::Whole, _) => ALL,
            (_, true) => sel_lines,
            (_, false) => 1,
        };
        let (texts, shortened) = item_lines(state, index, is_selected, width, max);
        cut |= shortened;
        out.extend(lines(texts, if is_selected { Style::Selected } else { Style::Plain }));
    }
    if mode == Mode::Window {
        let below = n - end;
        let below = if below > 0 { crate::i18n::fill(texts.more_below, &[&below]) } else { String::new() };
        out.push(Line { text: one_line(&below, width), style: Style::Dim });
    }
    let mut keys: Vec<&str> = texts.keys.to_vec();
    if cut && !texts.full_key.is_empty() {
        keys.insert(1.min(keys.len()), texts.full_key);
    }
    out.push(Line { text: keys_line(&keys, width), style: Style::Dim });
    out.truncate(height);
    Frame { lines: out, cursor: None }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Whole,
    Compact,
    Window,
}

/// The entries `start..end` shown in `room` rows (two of them for the "more" lines) around `selected`,
/// which takes `tallest` rows at most; and the rows the selected entry gets.
fn window(n: usize, selected: usize, sel_height: usize, room: usize, offset: &mut usize) -> (usize, usize, usize) {
    let slots = room.saturating_sub(2).max(1);
    let sel_lines = sel_height.min(slots.saturating_sub(2).max(1));
    let count = (slots + 1).saturating_sub(sel_lines).clamp(1, n.max(1));
    if selected < *offset {
        *offset = selected;
    } else if selected >= *offset + count {
        *offset = selected + 1 - count;
    }
    *offset = (*offset).min(n.saturating_sub(count));
    (*offset, (*offset + count).min(n), sel_lines)
}

/// A line of text being typed under `page`: the prompt, the text (scrolled sideways to keep the cursor in
/// view), and the check's message when the last Enter was refused.
pub fn input_frame(
    page: Option<&Page>,
    prompt: &str,
    text: &[char],
    cursor: usize,
    error: Option<&str>,
    size: Size,
) -> Frame {
    let width = size.width();
    let height = size.height();
    let mut bottom = lines(wrap::wrap(prompt, width), Style::Plain);
    let field = "› ";
    let room = width.saturating_sub(wrap::width(field) + 1).max(4);
    // The part of the text shown: the cursor stays in view, with `…` where text is hidden.
    let col = |chars: &[char]| wrap::width(&chars.iter().collect::<String>());
    let mut start = 0;
    while col(&text[start..cursor]) > room.saturating_sub(1) {
        start += 1;
    }
    let mut end = cursor;
    while end < text.len() && col(&text[start..=end]) <= room {
        end += 1;
    }
    let shown: String = text[start..end].iter().collect();
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < text.len() { "…" } else { "" };
    let input_row = bottom.len();
    bottom.push(Line { text: format!("{field}{lead}{shown}{tail}"), style: Style::Plain });
    let cursor_col = wrap::width(field) + wrap::width(lead) + col(&text[start..cursor]);
    if let Some(error) = error {
        bottom.extend(lines(wrap::wrap(error, width), Style::Error));
    }
    let (mut out, _) =
        fit_page(page, width, height.saturating_sub(bottom.len())).unwrap_or_else(|| most_cut(page, width));
    let row = out.len() + input_row;
    out.extend(bottom);
    out.truncate(height);
    Frame { lines: out, cursor: Some((row.min(height.saturating_sub(1)), cursor_col)) }
}

/// Everything a page and its menu hold, unshortened, as lines to scroll through ('?' on a question).
pub fn full_text(page: Option<&Page>, items: &[Item], width: usize) -> Vec<Line> {
    let mut out = match page {
        Some(page) => page_lines(page, width, Cut { intro: ALL, help: ALL, facts: true, gap: true }).0,
        None => Vec::new(),
    };
    for item in items {
        out.extend(lines(hanging(&item.text(), width, "  ", "    "), Style::Plain));
    }
    out
}

/// A window of `lines` from `top` with a keys line, fitted into `size`.
pub fn scroll_frame(all: &[Line], top: &mut usize, keys: &str, size: Size) -> Frame {
    let room = size.height().saturating_sub(1).max(1);
    *top = (*top).min(all.len().saturating_sub(room));
    let mut out: Vec<Line> = all.iter().skip(*top).take(room).cloned().collect();
    out.push(Line { text: one_line(keys, size.width()), style: Style::Dim });
    Frame { lines: out, cursor: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: ListTexts<'static> = ListTexts {
        keys: &["↑↓ Enter", "0–4 taso"],
        more_above: "↑ {0} lisää",
        more_below: "↓ {0} lisää",
        filter: "Rajaus: {0}",
        no_match: "Ei osumia.",
        full_key: "? koko teksti",
    };

    fn page() -> Page {
        Page {
            header: "Digitaalinen turvallisuus · 23/50 · 44 %".into(),
            intro: Some("Tietoturva, tietosuoja ja varautuminen Kybermittarin osa-alueiden mukaan: riskienhallinta, suojattavat kohteet, pääsynhallinta, uhat ja haavoittuvuudet, tilannekuva, häiriötilanteet ja jatkuvuus.".into()),
            text: "Otetaanko kunnan tärkeistä tiedoista ja järjestelmistä varmuuskopiot, säilytetäänkö ne erillään ja onko palauttaminen testattu?".into(),
            help: Some("Ohje: Varmuuskopio on hyödyllinen vain, jos sen voi palauttaa. Kysy palveluntarjoajalta, milloin palautus on viimeksi testattu ja kuinka kauan se kesti. Erillään säilytetty kopio suojaa kiristyshaittaohjelmalta, joka salaa myös verkossa olevat kopiot.".into()),
            facts: vec!["Nykyinen vastaus: 2 Osittain toteutunut".into()],
        }
    }

    fn items() -> Vec<Item> {
        let mut items: Vec<Item> = (0..5)
            .map(|l| Item {
                label: format!("{l} Taso {l}"),
                detail: Some("Kuvaus siitä, miltä tämä taso näyttää käytännössä kunnan arjessa, kun asiaa katsotaan tarkemmin ja kaikki sen osat otetaan huomioon.".into()),
                key: char::from_digit(l, 10),
            })
            .collect();
        for label in
            ["En tiedä", "✎ Lisää huomautus", "← Edellinen kysymys", "→ Ohita", "☰ Siirry", "✓ Tallenna ja lopeta"]
        {
            items.push(Item::new(label));
        }
        items
    }

    fn frame(size: Size, selected: usize) -> Frame {
        let items = items();
        let shown: Vec<usize> = (0..items.len()).collect();
        let mut state = ListState {
            prompt: "Vastaus",
            items: &items,
            shown: &shown,
            selected,
            checked: None,
            filter: None,
            offset: 0,
        };
        list_frame(Some(&page()), &mut state, &TEXTS, size)
    }

    #[test]
    fn a_question_fits_80_by_24_with_its_header_text_and_whole_menu() {
        let size = Size { rows: 24, cols: 80 };
        let frame = frame(size, 2);
        let text = frame.text();
        assert!(frame.lines.len() <= 23, "{text}");
        assert!(frame.lines[0].text.starts_with("Digitaalinen turvallisuus · 23/50"), "{text}");
        assert!(text.contains("onko palauttaminen testattu?"), "the whole question:\n{text}");
        assert!(text.contains("✓ Tallenna ja lopeta") && text.contains("0 Taso 0"), "the whole menu:\n{text}");
        assert!(text.contains("otetaan huomioon."), "the selected level in full:\n{text}");
        assert!(text.contains("? koko teksti"), "the key to the full text:\n{text}");
        assert!(frame.lines.iter().all(|l| wrap::width(&l.text) < 80), "{text}");
    }

    #[test]
    fn at_60_by_20_the_menu_becomes_a_window_around_the_selection() {
        let size = Size { rows: 12, cols: 60 };
        for selected in [0, 4, 10] {
            let frame = frame(size, selected);
            let text = frame.text();
            assert!(frame.lines.len() <= 11, "{text}");
            assert!(frame.lines[0].text.contains("23/50"), "{text}");
            assert!(text.contains("testattu?"), "{text}");
            let marked: Vec<&Line> = frame.lines.iter().filter(|l| l.text.starts_with("› ")).collect();
            assert_eq!(marked.len(), 1, "the selected entry is on screen:\n{text}");
            assert!(frame.lines.iter().all(|l| wrap::width(&l.text) < 60), "{text}");
        }
    }

    #[test]
    fn a_tall_terminal_shows_everything_whole() {
        let frame = frame(Size { rows: 60, cols: 120 }, 0);
        let text = frame.text();
        assert!(text.replace('\n', " ").contains("salaa myös verkossa olevat kopiot."), "{text}");
        assert!(!text.contains('…'), "{text}");
        assert!(!text.contains("? koko teksti"), "{text}");
    }

    #[test]
    fn the_layout_does_not_jump_when_the_selection_moves() {
        let size = Size { rows: 24, cols: 80 };
        let above = |f: &Frame| f.lines.iter().position(|l| l.text == "Vastaus").unwrap();
        assert_eq!(above(&frame(size, 0)), above(&frame(size, 9)));
    }

    #[test]
    fn a_filtered_list_says_when_nothing_matches() {
        let items = items();
        let mut state = ListState {
            prompt: "Maakunta",
            items: &items,
            shown: &[],
            selected: 0,
            checked: None,
            filter: Some("xyz"),
            offset: 0,
        };
        let text = list_frame(None, &mut state, &TEXTS, Size { rows: 24, cols: 80 }).text();
        assert!(text.contains("Rajaus: xyz") && text.contains("Ei osumia."), "{text}");
    }

    #[test]
    fn check_boxes_show_their_state_without_colour() {
        let items = vec![Item::new("Ajanvaraus"), Item::new("Chat")];
        let mut state = ListState {
            prompt: "Valitse",
            items: &items,
            shown: &[0, 1],
            selected: 1,
            checked: Some(&[true, false]),
            filter: None,
            offset: 0,
        };
        let text = list_frame(None, &mut state, &TEXTS, Size { rows: 24, cols: 80 }).text();
        assert!(text.contains("  [x] Ajanvaraus\n› [ ] Chat"), "{text}");
    }

    #[test]
    fn typed_text_scrolls_sideways_to_keep_the_cursor_in_view() {
        let text: Vec<char> = "a".repeat(100).chars().collect();
        let frame = input_frame(None, "Huomautus", &text, 100, None, Size { rows: 24, cols: 40 });
        assert!(frame.lines[1].text.starts_with("› …"), "{}", frame.text());
        let (row, col) = frame.cursor.unwrap();
        assert_eq!(row, 1);
        assert!(col < 39, "{col}");
        let frame = input_frame(
            None,
            "Luku",
            &['1', '5', '0'],
            3,
            Some("Luvun pitää olla välillä 0–100."),
            Size { rows: 24, cols: 40 },
        );
        assert_eq!(frame.text(), "Luku\n› 150\nLuvun pitää olla välillä 0–100.");
    }
}
