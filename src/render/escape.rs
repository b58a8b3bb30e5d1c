//! Making text from questionnaires and answer sheets safe to put into HTML and Markdown (CSV cells:
//! [`crate::csv_writer`]).
//!
//! A municipality's name, a note or even a question is text somebody typed: it must show as text, never run
//! as markup in a browser, and never carry a control character.

use crate::inert::{Layout, inert};

/// Escapes text for HTML element content and attribute values (double-quoted); control characters other
/// than tab and line break are made visible ([`inert`]).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in inert(text, Layout::Block).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for Markdown (GitHub and GitLab): characters that start emphasis, links, code or table
/// cells are backslash-escaped anywhere, block markers (`#`, `-`, `+`, `=`, `1.`) only at the start, and
/// `<`, `>` and `&` become entities, because both hosts render raw HTML. Line breaks become spaces, so that a
/// note cannot break a table row or start a block; other control characters are made visible ([`inert`]).
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    if text.starts_with(['#', '-', '+', '=']) {
        out.push('\\');
    }
    // "1. " starts an ordered list; the escape goes before its punctuation, as digits cannot be escaped.
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    // Only a marker followed by a space or the end starts a list: "43.3" is a number, left as it is.
    let after = &text[digits..];
    let marks_list = after.starts_with(['.', ')']) && after[1..].chars().next().is_none_or(char::is_whitespace);
    let list_marker = (digits > 0 && marks_list).then_some(digits);
    for (i, c) in text.chars().enumerate() {
        if list_marker == Some(i) {
            out.push('\\');
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push_str(&inert(c.encode_utf8(&mut [0; 4]), Layout::Line)),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_markdown_carry_no_control_characters() {
        let evil = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J\r\nx";
        assert_eq!(html(evil), "Evil␛]0;pwned␇␛[2J\nx");
        assert_eq!(markdown(evil), "Evil␛\\]0;pwned␇␛\\[2J  x");
    }

    #[test]
    fn html_shows_markup_as_text() {
        assert_eq!(html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(html("a \"b\" & 'c'"), "a &quot;b&quot; &amp; &#39;c&#39;");
        assert_eq!(html("Pöytyä"), "Pöytyä");
    }

    #[test]
    fn markdown_shows_markup_and_syntax_as_text() {
        assert_eq!(markdown("<b>x</b>"), "&lt;b&gt;x&lt;/b&gt;");
        assert_eq!(markdown("[link](http://x)"), "\\[link\\](http://x)");
        assert_eq!(markdown("a | b\n# c"), "a \\| b # c");
        assert_eq!(markdown("# otsikko"), "\\# otsikko");
        assert_eq!(markdown("1. kohta"), "1\\. kohta");
        assert_eq!(markdown("2)"), "2\\)");
        assert_eq!(markdown("43.3 – Developing"), "43.3 – Developing", "a decimal number is no list");
        assert_eq!(markdown("Pohjois-Savo 2026-10-14"), "Pohjois-Savo 2026-10-14");
        assert_eq!(markdown("*emph* _u_"), "\\*emph\\* \\_u\\_");
    }
}
