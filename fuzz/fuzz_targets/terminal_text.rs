//! The one function that makes text from files inert before a terminal or a text file shows it, and the
//! Markdown and HTML escapes built on it: whatever the text, no control character comes out (but the line
//! breaks and tabs a block keeps), inert text is left as it is, and nothing is lost but control characters.
#![no_main]

use std::borrow::Cow;

use kuntakompassi::inert::{Layout, inert};
use kuntakompassi::render::escape;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for layout in [Layout::Line, Layout::Block] {
        let kept = |c: char| layout == Layout::Block && (c == '\n' || c == '\t');
        let shown = inert(&text, layout);
        assert!(!shown.chars().any(|c| c.is_control() && !kept(c)), "{layout:?}: {shown:?}");
        // Borrowed exactly when there was nothing to change.
        let changed = text.chars().any(|c| c.is_control() && !kept(c));
        assert_eq!(matches!(shown, Cow::Owned(_)), changed, "{text:?}");
        // What is not a control character stays, in order.
        let strip = |t: &str| -> String {
            t.chars().filter(|c| !c.is_control() && !('\u{2400}'..='\u{2421}').contains(c) && *c != '\u{fffd}').collect()
        };
        assert_eq!(strip(&shown), strip(&text));
        // Inert text is left as it is.
        assert_eq!(inert(&shown, layout), shown);
    }
    for escaped in [escape::markdown(&text), kuntakompassi::csv_writer::cell(&text), escape::html(&text)] {
        assert!(!escaped.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{escaped:?}");
    }
});
