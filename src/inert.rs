//! Making text from files inert before it reaches a terminal or a text file.
//!
//! A municipality's name, a note, a question text or a batch cell is text somebody else wrote. Printed
//! raw, an escape sequence in it (`ESC ] 0 ; … BEL` retitles the window, `ESC [ 2 J` clears the screen)
//! would drive the reader's terminal. [`inert`] is the one function every writer to a terminal or a text
//! file passes such text through: the C0 controls, DEL and the C1 controls become visible symbols, so the
//! text still shows that something was there. It knows nothing about where the text goes; the caller says
//! whether the layout wants the text's own tabs and line breaks.

use std::borrow::Cow;

/// Which of the text's own layout characters pass through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The text stays on one line (a table cell, a name in a message): tabs and line breaks are shown too.
    Line,
    /// The text has lines of its own (help text, notes, a whole rendered table): tab and line break pass,
    /// a Windows line break (CR LF) becomes a line break, and a lone CR is shown.
    Block,
}

/// `text` with every control character made visible: C0 controls (U+0000–U+001F) as their Unicode
/// control pictures (`␛` for ESC, `␀` for NUL), DEL as `␡`, C1 controls (U+0080–U+009F, which some
/// terminals obey as ESC sequences) as `�`. With [`Layout::Block`], tab and line break are kept. Borrows
/// when there is nothing to change, which is nearly always.
pub fn inert(text: &str, layout: Layout) -> Cow<'_, str> {
    let block = layout == Layout::Block;
    // The common case, nothing to change, in one pass without branches that the compiler vectorises: every
    // CSV cell of a batch's summary comes this way.
    let suspect = text
        .bytes()
        .fold(0u8, |hit, byte| hit | u8::from(byte < 0x20) | u8::from(byte == 0x7f) | u8::from(byte == 0xc2));
    if suspect == 0 {
        return Cow::Borrowed(text);
    }
    let Some(first) = text.bytes().enumerate().position(|(i, byte)| needs_change(text.as_bytes(), i, byte, block))
    else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' | '\n' if block => out.push(c),
            '\r' if block && chars.peek() == Some(&'\n') => {}
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`inert`] of a whole rendered text (a table drawn without colours, a Markdown or HTML document), as a
/// last guard behind the escaping of each value: the text itself when nothing changes, without a copy.
pub fn inert_text(text: String, layout: Layout) -> String {
    let changed = match inert(&text, layout) {
        Cow::Owned(changed) => Some(changed),
        Cow::Borrowed(_) => None,
    };
    changed.unwrap_or(text)
}

/// Whether the byte at `i` starts a character [`inert`] changes. C1 controls are `C2 80`–`C2 9F` in UTF-8.
fn needs_change(bytes: &[u8], i: usize, byte: u8, block: bool) -> bool {
    match byte {
        b'\t' | b'\n' => !block,
        0..0x20 | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|next| (0x80..0xa0).contains(next)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_symbols() {
        let evil = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J";
        assert_eq!(inert(evil, Layout::Line), "Evil␛]0;pwned␇␛[2J");
        assert_eq!(inert("Sa\0lo", Layout::Line), "Sa␀lo");
        assert_eq!(inert("a\u{7f}b\u{9b}31m", Layout::Line), "a␡b\u{fffd}31m");
    }

    #[test]
    fn a_block_keeps_its_lines_and_tabs_and_a_line_shows_them() {
        assert_eq!(inert("a\tb\r\nc\rd\n", Layout::Block), "a\tb\nc␍d\n");
        assert_eq!(inert("a\tb\r\nc\n", Layout::Line), "a␉b␍␊c␊");
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        for text in ["", "Pöytyä", "Närpes – Närpiö", "€ ½ \u{a0} \u{2028}", "\u{c2}\u{a0}"] {
            assert!(matches!(inert(text, Layout::Line), Cow::Borrowed(t) if t == text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn no_control_character_survives(text in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}a-zä]*") {
            let line = inert(&text, Layout::Line);
            proptest::prop_assert!(!line.chars().any(char::is_control), "{:?}", line);
            let block = inert(&text, Layout::Block);
            proptest::prop_assert!(!block.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{:?}", block);
            // Idempotent: inert text is left as it is.
            let again = inert(&line, Layout::Line);
            proptest::prop_assert_eq!(again.as_ref(), line.as_ref());
        }
    }
}
