//! The small prompt interface the interview is written against, and a scripted implementation for tests.
//!
//! The interview never touches the terminal itself: it prints text, shows the question it is asking about
//! (a [`Page`]) and asks for a choice, a set of choices or a line of text through [`Prompter`].
//! [`super::terminal`] implements it on a real terminal; [`Script`] answers from a list, so that tests
//! drive the whole flow.

use std::collections::VecDeque;
use std::fmt;

pub use super::layout::{Item, Page};

/// Why a prompt gave no answer.
#[derive(Debug)]
pub enum PromptError {
    /// Ctrl-C, or the input ended: stop, keeping what was saved.
    Interrupted,
    Io(std::io::Error),
}

impl fmt::Display for PromptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PromptError::Interrupted => f.write_str("interrupted"),
            PromptError::Io(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for PromptError {}

impl From<std::io::Error> for PromptError {
    fn from(error: std::io::Error) -> Self {
        match error.kind() {
            std::io::ErrorKind::Interrupted | std::io::ErrorKind::UnexpectedEof => PromptError::Interrupted,
            _ => PromptError::Io(error),
        }
    }
}

/// A check of typed text: `Err(message)` is shown and the prompt asks again.
pub type Check<'a> = &'a dyn Fn(&str) -> Result<(), String>;

/// What the interview needs from a terminal.
pub trait Prompter {
    /// Shows flowing text that is not a question (the start screen, notices).
    fn say(&mut self, text: &str) -> Result<(), PromptError>;
    /// Shows `page` above every prompt that follows, until the next call; `None` goes back to flowing text.
    fn page(&mut self, page: Option<&Page>) -> Result<(), PromptError>;
    /// One of `items`, with `default` preselected; returns its index. With `filter`, typing narrows the list
    /// (for long lists: regions, the jump list).
    fn select(&mut self, prompt: &str, items: &[Item], default: usize, filter: bool) -> Result<usize, PromptError>;
    /// Any number of `items`, with `checked` preselected; returns the chosen indexes in order.
    fn multi_select(&mut self, prompt: &str, items: &[Item], checked: &[bool]) -> Result<Vec<usize>, PromptError>;
    /// A line of text starting from `initial`, asked again until `check` accepts it.
    fn input(&mut self, prompt: &str, initial: &str, check: Check<'_>) -> Result<String, PromptError>;
}

/// One scripted reply.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// Choose the item whose text starts with this (after trimming); the test fails if none does.
    Pick(String),
    /// Choose the item at this index.
    Index(usize),
    /// Choose these items of a multi-select, by the start of their text.
    Checks(Vec<String>),
    /// Type this line.
    Type(String),
    /// Press Ctrl-C.
    CtrlC,
}

/// Picks the item whose text starts with `text`.
pub fn pick(text: &str) -> Reply {
    Reply::Pick(text.to_string())
}

/// Types `text`.
pub fn typed(text: &str) -> Reply {
    Reply::Type(text.to_string())
}

/// A prompter that answers from a script and records everything shown, for tests.
#[derive(Debug, Default)]
pub struct Script {
    replies: VecDeque<Reply>,
    /// Everything said and asked, in order.
    pub transcript: String,
}

impl Script {
    pub fn new(replies: impl IntoIterator<Item = Reply>) -> Script {
        Script { replies: replies.into_iter().collect(), transcript: String::new() }
    }

    /// Replies not used yet.
    pub fn remaining(&self) -> usize {
        self.replies.len()
    }

    fn next(&mut self, prompt: &str) -> Result<Reply, PromptError> {
        match self.replies.pop_front() {
            Some(Reply::CtrlC) | None => Err(PromptError::Interrupted),
            Some(reply) => {
                self.transcript.push_str(&format!("? {prompt} -> {reply:?}\n"));
                Ok(reply)
            }
        }
    }
}

impl Prompter for Script {
    fn say(&mut self, text: &str) -> Result<(), PromptError> {
        self.transcript.push_str(text);
        self.transcript.push('\n');
        Ok(())
    }

    fn page(&mut self, page: Option<&Page>) -> Result<(), PromptError> {
        let Some(page) = page else { return Ok(()) };
        self.transcript.push('\n');
        for part in [Some(&page.header), page.intro.as_ref(), Some(&page.text), page.help.as_ref()]
            .into_iter()
            .flatten()
            .chain(&page.facts)
        {
            if !part.is_empty() {
                self.transcript.push_str(part);
                self.transcript.push('\n');
            }
        }
        Ok(())
    }

    fn select(&mut self, prompt: &str, items: &[Item], _default: usize, _filter: bool) -> Result<usize, PromptError> {
        let texts: Vec<String> = items.iter().map(Item::text).collect();
        for text in &texts {
            self.transcript.push_str(&format!("  [{text}]\n"));
        }
        match self.next(prompt)? {
            Reply::Index(index) if index < items.len() => Ok(index),
            Reply::Pick(text) => texts
                .iter()
                .position(|item| item.trim_start().starts_with(&text))
                .ok_or_else(|| panic!("no item starts with {text:?} in {texts:#?}")),
            other => panic!("script gave {other:?} to a select of {texts:#?}"),
        }
    }

    fn multi_select(&mut self, prompt: &str, items: &[Item], _checked: &[bool]) -> Result<Vec<usize>, PromptError> {
        match self.next(prompt)? {
            Reply::Checks(texts) => Ok(texts
                .iter()
                .map(|text| {
                    items
                        .iter()
                        .position(|item| item.label.starts_with(text.as_str()))
                        .unwrap_or_else(|| panic!("no item {text:?} in {items:#?}"))
                })
                .collect()),
            other => panic!("script gave {other:?} to a multi-select of {items:#?}"),
        }
    }

    fn input(&mut self, prompt: &str, _initial: &str, check: Check<'_>) -> Result<String, PromptError> {
        loop {
            match self.next(prompt)? {
                Reply::Type(text) => match check(&text) {
                    Ok(()) => return Ok(text),
                    Err(message) => self.transcript.push_str(&format!("! {message}\n")),
                },
                other => panic!("script gave {other:?} to an input"),
            }
        }
    }
}
