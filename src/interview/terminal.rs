//! The interview's prompts on a real terminal, with dialoguer, and what Ctrl-C does there.
//!
//! dialoguer reads keys in raw mode; on Ctrl-C the console crate restores the terminal mode and raises
//! SIGINT, but a select prompt leaves the cursor hidden. The handler installed here shows the cursor
//! again, says where the draft is and how to resume, and exits with 130. The draft itself is already on
//! disk: it is written after every answer.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Input, MultiSelect, Select};

use crate::i18n::{Lang, messages as m};
use crate::report::table::wrap;

use super::prompt::{Check, PromptError, Prompter};

/// The exit code after Ctrl-C, as shells report a process ended by SIGINT.
pub const INTERRUPTED: u8 = 130;

/// Where the Ctrl-C handler says the draft is.
static DRAFT: Mutex<Option<(PathBuf, Lang)>> = Mutex::new(None);

/// Installs the Ctrl-C handler for an interview whose draft is at `path` (once per process).
pub fn install_interrupt_handler(path: PathBuf, lang: Lang) {
    if let Ok(mut draft) = DRAFT.lock() {
        *draft = Some((path, lang));
    }
    // A second installation fails harmlessly: the handler reads the path from `DRAFT`.
    let _ = ctrlc::set_handler(|| {
        let mut stderr = std::io::stderr();
        // Show the cursor that an interrupted select prompt left hidden, and leave the prompt's line.
        let _ = writeln!(stderr, "\x1b[?25h");
        if let Ok(Some((path, lang))) = DRAFT.lock().map(|d| d.clone()) {
            let _ = writeln!(stderr, "{}", interrupted_message(&path, lang));
        }
        let _ = stderr.flush();
        std::process::exit(i32::from(INTERRUPTED));
    });
}

/// What to say when the interview stops early: where the draft is and how to go on.
pub fn interrupted_message(path: &std::path::Path, lang: Lang) -> String {
    let quoted = shell_quote(&path.display().to_string());
    format!("{}\n{}", m::I_DRAFT_SAVED.fill(lang, &[&path.display()]), m::I_HOW_TO_RESUME.fill(lang, &[&quoted]))
}

/// Quotes a path for a shell command line when it needs it. On Windows, `\` and `:` need no quotes and
/// double quotes serve both cmd.exe and PowerShell (cmd.exe has no single quotes; no Windows file name holds `"`).
fn shell_quote(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./".contains(c) || (cfg!(windows) && "\\:".contains(c));
    if text.chars().all(plain) {
        text.to_string()
    } else if cfg!(windows) {
        format!("\"{text}\"")
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Prompts on the terminal's standard error, so that standard output keeps only the results.
pub struct Terminal {
    term: Term,
    theme: ColorfulTheme,
}

impl Terminal {
    pub fn new(color: bool) -> Terminal {
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(color);
        Terminal { term: Term::stderr(), theme: ColorfulTheme::default() }
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).clamp(40, 100)
    }
}

impl Prompter for Terminal {
    fn say(&mut self, text: &str) -> Result<(), PromptError> {
        let width = self.width();
        for line in text.lines() {
            for wrapped in wrap(line, width) {
                self.term.write_line(&wrapped)?;
            }
        }
        Ok(())
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, PromptError> {
        // Long items (level descriptions) are wrapped here with a hanging indent: left to the terminal they
        // would break in the middle of a word.
        let width = self.width().saturating_sub(4).max(30);
        let items: Vec<String> = items.iter().map(|item| wrap(item, width).join("\n    ")).collect();
        Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(&items)
            .default(default.min(items.len().saturating_sub(1)))
            .interact_on(&self.term)
            .map_err(dialoguer_error)
    }

    fn multi_select(&mut self, prompt: &str, items: &[String], checked: &[bool]) -> Result<Vec<usize>, PromptError> {
        MultiSelect::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(items)
            .defaults(checked)
            .interact_on(&self.term)
            .map_err(dialoguer_error)
    }

    fn input(&mut self, prompt: &str, initial: &str, check: Check<'_>) -> Result<String, PromptError> {
        Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .with_initial_text(initial)
            .allow_empty(true)
            .validate_with(|text: &String| check(text))
            .interact_text_on(&self.term)
            .map_err(dialoguer_error)
    }
}

fn dialoguer_error(error: dialoguer::Error) -> PromptError {
    match error {
        dialoguer::Error::IO(io) => PromptError::from(io),
    }
}
