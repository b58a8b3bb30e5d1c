//! Word wrapping by display width, for everything written as plain text to a terminal or a text
//! rendering: the interview's screens, the report table's legend and roadmap, the comparison's notes.
//!
//! Built on textwrap, which measures by display width (an `ä` is one column, however many bytes) and
//! breaks between words; a word is cut only when it is wider than the whole line (a long address), never
//! otherwise. Knows nothing about colour: callers wrap plain text and style whole lines afterwards.

/// The display width of `text` in terminal columns.
pub fn width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// `text` as lines of at most `width` columns; its own line breaks and tabs count as spaces. An empty
/// text is one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    hanging(&flat, width, "", "")
}

/// One line of a plain-text block as lines of at most `width` columns, keeping its leading spaces and a
/// `- ` bullet as a hanging indent, so that a list item and the note under it stay apart when they wrap.
pub fn indented(line: &str, width: usize) -> Vec<String> {
    let rest = line.trim_start_matches(' ');
    let indent = &line[..line.len() - rest.len()];
    let flat = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.strip_prefix("- ") {
        Some(item) => hanging(item, width, &format!("{indent}- "), &format!("{indent}  ")),
        None => hanging(&flat, width, indent, indent),
    }
}

/// `text` as lines of at most `width` columns, the first starting with `first`, the others with `rest`
/// (a hanging indent). The text's own line breaks are kept.
pub fn hanging(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    // Lines break at spaces only: a hyphen belongs to a name or a path (`Kanta-Häme`, `kuntakompassi-2026-11-18`)
    // that must stay whole to be read or copied.
    let options = textwrap::Options::new(width.max(1))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    let lines: Vec<String> =
        textwrap::wrap(text, options).into_iter().map(|line| line.trim_end().to_string()).collect();
    if lines.is_empty() { vec![first.trim_end().to_string()] } else { lines }
}

/// Like [`hanging`], but at most `max_lines` lines (at least one): a longer text ends its last line at a
/// word with `…`. Returns the lines and whether the text was shortened.
pub fn shorten(text: &str, width: usize, max_lines: usize, first: &str, rest: &str) -> (Vec<String>, bool) {
    let mut lines = hanging(text, width, first, rest);
    let max_lines = max_lines.max(1);
    if lines.len() <= max_lines {
        return (lines, false);
    }
    lines.truncate(max_lines);
    let last = lines.last_mut().expect("at least one line");
    let indent = if max_lines == 1 { first } else { rest };
    // Drop words from the end until the ellipsis fits; a single word too long keeps its start.
    while self::width(last) + 2 > width {
        match last.trim_end().rsplit_once(' ') {
            Some((head, _)) if self::width(head) > self::width(indent) => *last = head.trim_end().to_string(),
            _ => {
                let keep = width.saturating_sub(2);
                *last = last
                    .chars()
                    .scan(0, |used, c| {
                        *used += self::width(c.encode_utf8(&mut [0; 4]));
                        (*used <= keep).then_some(c)
                    })
                    .collect();
                break;
            }
        }
    }
    last.push_str(" …");
    (lines, true)
}

/// `text` cut to at most `width` columns at a word, with `…` when cut: for a line that must stay one line.
pub fn one_line(text: &str, width: usize) -> String {
    shorten(text, width, 1, "", "").0.remove(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries_by_display_width() {
        assert_eq!(wrap("yksi kaksi kolme", 10), vec!["yksi kaksi", "kolme"]);
        assert_eq!(wrap("", 10), vec![""]);
        // Ten letters of two bytes each are ten columns.
        assert_eq!(wrap("ääääääääää öö", 10), vec!["ääääääääää", "öö"]);
        assert_eq!(wrap("a\nb\tc", 10), vec!["a b c"]);
        assert_eq!(
            wrap("luonnos ./kuntakompassi-2026-11-18.draft.toml", 40),
            vec!["luonnos", "./kuntakompassi-2026-11-18.draft.toml"]
        );
    }

    #[test]
    fn a_hanging_indent_keeps_the_text_clear_of_the_marker() {
        assert_eq!(
            hanging("Förekommer inte – Inget av kommunens dokument", 24, "› ", "  "),
            vec!["› Förekommer inte –", "  Inget av kommunens", "  dokument"]
        );
    }

    #[test]
    fn never_cuts_a_word_that_fits_a_line() {
        let text = "Tietohallintolain mukainen tiedonhallintamalli on laadittu ja sitä ylläpidetään säännöllisesti";
        for width in 20..60 {
            for line in wrap(text, width) {
                assert!(super::width(&line) <= width, "{line:?} at {width}");
                for word in line.split(' ') {
                    assert!(text.split(' ').any(|w| w == word), "{word:?} is cut at {width}");
                }
            }
        }
    }

    #[test]
    fn shortens_with_an_ellipsis_at_a_word() {
        let (lines, cut) = shorten("one two three four five six seven", 12, 2, "", "");
        assert!(cut);
        assert_eq!(lines, vec!["one two", "three four …"]);
        assert_eq!(shorten("one two", 12, 2, "", ""), (vec!["one two".to_string()], false));
        assert_eq!(one_line("Kunnan ja vastaajan tiedot", 14), "Kunnan ja …");
        assert!(super::width(&one_line("Informationshanteringsmodellen", 12)) <= 12);
    }

    #[test]
    fn an_indented_list_item_and_its_note_keep_their_indents() {
        assert_eq!(
            indented("  - it (it.toml) = 1 – ei lainkaan", 20),
            vec!["  - it (it.toml) = 1", "    – ei lainkaan"]
        );
        assert_eq!(
            indented("      it: varmuuskopioita ei testattu", 24),
            vec!["      it:", "      varmuuskopioita ei", "      testattu"]
        );
        assert_eq!(indented("plain  text", 40), vec!["plain text"]);
    }
}
