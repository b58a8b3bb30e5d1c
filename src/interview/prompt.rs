//! The small prompt interface the interview is written against, and a scripted implementation for tests.
//!
//! The interview never touches the terminal itself: it prints text and asks for a choice, a set of
//! choices or a line of text through [`Prompter`]. [`super::terminal`] implements it with dialoguer;
//! [`Script`] answers from a list, so that tests drive the whole flow.

use std::collections::VecDeque;
use std::fmt;

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
    /// Shows text that is not a question (headers, help, results).
    fn say(&mut self, text: &str) -> Result<(), PromptError>;
    /// One of `items`, with `default` preselected; returns its index.
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, PromptError>;
    /// Any number of `items`, with `checked` preselected; returns the chosen indexes in order.
    fn multi_select(&mut self, prompt: &str, items: &[String], checked: &[bool]) -> Result<Vec<usize>, PromptError>;
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

    fn select(&mut self, prompt: &str, items: &[String], _default: usize) -> Result<usize, PromptError> {
        for item in items {
            self.transcript.push_str(&format!("  [{item}]\n"));
        }
        match self.next(prompt)? {
            Reply::Index(index) if index < items.len() => Ok(index),
            Reply::Pick(text) => items
                .iter()
                .position(|item| item.trim_start().starts_with(&text))
                .ok_or_else(|| panic!("no item starts with {text:?} in {items:#?}")),
            other => panic!("script gave {other:?} to a select of {items:#?}"),
        }
    }

    fn multi_select(&mut self, prompt: &str, items: &[String], _checked: &[bool]) -> Result<Vec<usize>, PromptError> {
        match self.next(prompt)? {
            Reply::Checks(texts) => Ok(texts
                .iter()
                .map(|text| {
                    items
                        .iter()
                        .position(|item| item.starts_with(text.as_str()))
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
