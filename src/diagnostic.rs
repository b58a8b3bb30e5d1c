//! Where a problem is in an input file, and how a problem is printed.
//!
//! Loaders find problems as data (an enum per kind of input) with a [`Path`] into the document; this module
//! turns the path into a line and column with the spans of the parsed TOML tree, and prints the result as
//! `file:line:column: error: message`. It knows nothing about questionnaires or answers.

use std::fmt;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::i18n::{Lang, messages as m};
use crate::inert::{Layout, inert};

/// A line and column, both counted from 1; the column counts characters, as editors do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    /// The position of a byte offset in `text`. An offset past the end or inside a character is clamped.
    pub fn of_offset(text: &str, offset: usize) -> Pos {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Pos { line, column }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One step of a path into a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

impl From<&str> for Seg {
    fn from(key: &str) -> Seg {
        Seg::Key(key.to_string())
    }
}

impl From<String> for Seg {
    fn from(key: String) -> Seg {
        Seg::Key(key)
    }
}

impl From<usize> for Seg {
    fn from(index: usize) -> Seg {
        Seg::Index(index)
    }
}

/// A path into a document, such as `question[3].levels`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }

    #[must_use]
    pub fn join(&self, seg: impl Into<Seg>) -> Path {
        let mut segs = self.0.clone();
        segs.push(seg.into());
        Path(segs)
    }
}

/// Builds a [`Path`] from keys and indexes: `path!["question", 3, "levels"]`.
#[macro_export]
macro_rules! path {
    ($($seg:expr),* $(,)?) => {
        $crate::diagnostic::Path(vec![$($crate::diagnostic::Seg::from($seg)),*])
    };
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(key) if i == 0 => write!(f, "{key}")?,
                Seg::Key(key) => write!(f, ".{key}")?,
                Seg::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Finds the byte span of the value at `path` in a parsed TOML document, or of its nearest existing
/// ancestor. With `key_span`, the span of the last key itself is returned (for "unknown key" problems).
pub fn toml_span(root: &Spanned<DeTable<'_>>, path: &Path, key_span: bool) -> Range<usize> {
    let mut best = root.span();
    let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
    let mut array: Option<&[Spanned<DeValue<'_>>]> = None;
    for (i, seg) in path.0.iter().enumerate() {
        let last = i + 1 == path.0.len();
        let next = match (seg, table, array) {
            (Seg::Key(key), Some(t), _) => t.get_key_value(key.as_str()).map(|(k, v)| {
                if last && key_span {
                    best = k.span();
                }
                v
            }),
            (Seg::Index(index), _, Some(items)) => items.get(*index),
            _ => None,
        };
        let Some(value) = next else { break };
        if !(last && key_span) {
            best = value.span();
        }
        table = value.get_ref().as_table();
        array = value.get_ref().as_array().map(|a| &a[..]);
    }
    best
}

/// How bad a problem is: errors stop the command (exit 2), warnings are printed and the work goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A problem ready to print: the file, where in it, how bad, and the message in the interface language.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub file: String,
    pub pos: Option<Pos>,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    /// `file:line:column: error: message`, with the severity word in `lang`; the text made inert.
    pub fn render(&self, lang: Lang) -> String {
        let word = match self.severity {
            Severity::Error => m::ERROR.get(lang),
            Severity::Warning => m::WARNING.get(lang),
        };
        // The file's name and the message quote files: neither may drive the terminal.
        let file = inert(&self.file, Layout::Line);
        let message = inert(&self.message, Layout::Block);
        match self.pos {
            Some(pos) => format!("{file}:{pos}: {word}: {message}"),
            None => format!("{file}: {word}: {message}"),
        }
    }
}

/// Counts the errors among diagnostics.
pub fn error_count(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
}

/// The closest of `candidates` to `word` when it is close enough to be a likely typo, for "did you mean".
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = word.chars().count();
    let limit = (length / 3).max(2);
    let word = word.to_lowercase();
    candidates
        .into_iter()
        // The distance is at least the difference in length: a word far longer than any candidate (a header
        // cell of a whole broken file) is not compared character by character.
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= limit)
        .map(|candidate| (edit_distance(&word, &candidate.to_lowercase()), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters_from_one() {
        let text = "a = 1\nnäin = \"x\"\n";
        assert_eq!(Pos::of_offset(text, 0), Pos { line: 1, column: 1 });
        let offset = text.find('=').unwrap();
        assert_eq!(Pos::of_offset(text, offset), Pos { line: 1, column: 3 });
        let offset = text.rfind('=').unwrap();
        assert_eq!(Pos::of_offset(text, offset), Pos { line: 2, column: 6 });
        assert_eq!(Pos::of_offset(text, 10_000), Pos { line: 3, column: 1 });
    }

    #[test]
    fn finds_the_span_of_a_nested_value_or_its_nearest_ancestor() {
        let text = "[[question]]\nid = \"a\"\n\n[[question]]\nid = \"b\"\nlevels = [1, 2]\n";
        let root = DeTable::parse(text).unwrap();
        let at = |path: Path, key: bool| Pos::of_offset(text, toml_span(&root, &path, key).start);
        assert_eq!(at(path!["question", 1, "levels"], false), Pos { line: 6, column: 10 });
        assert_eq!(at(path!["question", 1, "levels"], true), Pos { line: 6, column: 1 });
        assert_eq!(at(path!["question", 1, "levels", 1], false), Pos { line: 6, column: 14 });
        assert_eq!(at(path!["question", 1, "missing"], false).line, 4);
    }

    #[test]
    fn suggests_a_close_name_only() {
        assert_eq!(closest("lables", ["labels", "levels", "id"]), Some("labels"));
        assert_eq!(closest("zzzzzz", ["labels", "levels"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn prints_paths_readably() {
        assert_eq!(path!["question", 3, "option", 0, "id"].to_string(), "question[3].option[0].id");
    }
}
