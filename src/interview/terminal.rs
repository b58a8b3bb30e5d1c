//! The interview's prompts on a real terminal, and what an interruption does there.
//!
//! The prompts are drawn here, on top of the console crate's key reading and cursor control, from the
//! layouts of [`super::layout`]: a question's screen is drawn from the top of the terminal and redrawn
//! whole after every key, so that it always fits the terminal's current size; flowing prompts (the
//! respondent's details) are redrawn in place, which is exact because no line is ever as wide as the
//! terminal. Keys: arrows, Page Up/Down, Home/End and Enter everywhere; a level's digit selects it; `?`
//! shows the whole text of a shortened screen; typing narrows a long list; Space ticks a check box.
//!
//! Interruptions. Ctrl-C at a prompt is a key here (the terminal is in raw mode while a key is read): the
//! prompt shows the cursor again and returns [`PromptError::Interrupted`], and the command says where the
//! draft is. SIGINT at any other moment, SIGTERM and SIGHUP reach the handler installed by
//! [`install_interrupt_handler`], which waits for a save in progress to finish, puts the terminal back
//! the way it was (its mode, the cursor), says the same and exits with 130. The draft itself is on disk
//! already: it is written after every answer.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use console::{Key, Term};

use crate::i18n::{Lang, messages as m};
use crate::inert::{Layout, inert};
use crate::wrap;

use super::layout::{self, Frame, Item, ListState, ListTexts, Page, Size, Style};
use super::prompt::{Check, PromptError, Prompter};

/// The exit code after an interruption, as shells report a process ended by SIGINT.
pub const INTERRUPTED: u8 = 130;

/// How to go on with an interview: what the messages at its end say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    pub lang: Lang,
    pub draft: PathBuf,
    /// The questionnaire file, when it is not a built-in one (a resume must name it again).
    pub questionnaire_file: Option<PathBuf>,
    /// The output folder, when not the draft's own folder.
    pub out_dir: Option<PathBuf>,
    /// Whether the draft has been written: before the respondent's details are given it has not.
    pub saved: bool,
}

impl Resume {
    /// What to say when the interview stops early: where the draft is and the command that goes on
    /// with it, or, when nothing was saved yet, how to start again. The command has a line of its own,
    /// indented, to be copied whole.
    pub fn message(&self) -> String {
        let lang = self.lang;
        let mut command = format!("kuntakompassi --lang {lang} interview");
        if let Some(file) = &self.questionnaire_file {
            command.push_str(&format!(" -q {}", shell_quote(&file.display().to_string())));
        }
        if !self.saved {
            if let Some(dir) = &self.out_dir {
                command.push_str(&format!(" --out-dir {}", shell_quote(&dir.display().to_string())));
            }
            return format!("{}\n{}\n  {command}", m::I_NOTHING_SAVED.get(lang), m::I_HOW_TO_START.get(lang));
        }
        // The draft records the language and the output folder; `--lang` is said anyway, for the reader.
        command.push_str(&format!(" --resume {}", shell_quote(&self.draft.display().to_string())));
        format!(
            "{}\n{}\n  {command}",
            m::I_DRAFT_SAVED.fill(lang, &[&self.draft.display()]),
            m::I_HOW_TO_RESUME.get(lang)
        )
    }

    /// Writes [`Resume::message`] to standard error, wrapped to the terminal except the command line (which
    /// the terminal may fold, but a copy takes whole). A signal's handler may be saying it at the same
    /// moment (the key being read ends when the handler puts the terminal back): then this waits for the
    /// handler, which ends the process, so that the message is said once.
    pub fn tell(&self) {
        let _guard = SAVING.lock();
        self.write();
    }

    /// [`Resume::tell`] without waiting for a handler: for the handler itself. Says it at most once.
    fn write(&self) {
        if TOLD.swap(true, Ordering::SeqCst) {
            return;
        }
        let stderr = Term::stderr();
        let width = usize::from(stderr.size().1).saturating_sub(1).max(20);
        for line in inert(&self.message(), Layout::Block).lines() {
            if line.starts_with("  ") {
                let _ = stderr.write_line(line);
            } else {
                for wrapped in wrap::indented(line, width) {
                    let _ = stderr.write_line(&wrapped);
                }
            }
        }
        let _ = stderr.flush();
    }
}

/// What the interrupt handler says, kept up to date by the command.
static RESUME: Mutex<Option<Resume>> = Mutex::new(None);
/// Held while the draft is written, so that the handler never ends the process half-way through a save
/// (which would leave a temporary file beside the draft).
static SAVING: Mutex<()> = Mutex::new(());
/// Whether the interruption's message has been said.
static TOLD: AtomicBool = AtomicBool::new(false);
/// How many rows below the cursor the last drawn screen ends, so that the handler writes below it.
static BELOW: AtomicUsize = AtomicUsize::new(0);

/// Sets what an interruption says from now on.
pub fn set_resume(resume: &Resume) {
    if let Ok(mut current) = RESUME.lock() {
        *current = Some(resume.clone());
    }
}

/// Runs `save` so that an interruption waits for it to finish.
pub fn saving<T>(save: impl FnOnce() -> T) -> T {
    let _guard = SAVING.lock();
    save()
}

/// Installs the handler of SIGINT, SIGTERM and SIGHUP for the interview (once per process).
pub fn install_interrupt_handler() {
    saved_terminal_mode::remember();
    // A second installation fails harmlessly: the handler reads what to say from `RESUME`.
    let _ = ctrlc::set_handler(|| {
        // Held until the process ends: no save starts after this and none is cut short.
        let _guard = SAVING.lock();
        saved_terminal_mode::restore();
        let stderr = Term::stderr();
        let _ = stderr.move_cursor_down(BELOW.load(Ordering::SeqCst));
        let _ = stderr.show_cursor();
        let _ = stderr.write_line("");
        if let Ok(Some(resume)) = RESUME.lock().map(|r| r.clone()) {
            resume.write();
        }
        let _ = stderr.flush();
        std::process::exit(i32::from(INTERRUPTED));
    });
}

/// The terminal's mode before the interview, to put back when a signal ends it in the middle of reading
/// a key (in raw mode, without echo).
#[cfg(unix)]
mod saved_terminal_mode {
    use std::sync::Mutex;

    use nix::sys::termios::{SetArg, Termios, tcgetattr, tcsetattr};

    static SAVED: Mutex<Option<Termios>> = Mutex::new(None);

    pub fn remember() {
        if let (Ok(mode), Ok(mut saved)) = (tcgetattr(std::io::stdin()), SAVED.lock()) {
            saved.get_or_insert(mode);
        }
    }

    pub fn restore() {
        if let Ok(saved) = SAVED.lock()
            && let Some(mode) = saved.as_ref()
        {
            let _ = tcsetattr(std::io::stdin(), SetArg::TCSANOW, mode);
        }
    }
}

/// On Windows the console crate sets and restores the console's input mode around each key itself, and
/// a console program is ended by Ctrl-Break or closing the window, where nothing can be put back.
#[cfg(not(unix))]
mod saved_terminal_mode {
    pub fn remember() {}
    pub fn restore() {}
}

/// Quotes a path for a shell command line when it needs it. On Windows, `\` and `:` need no quotes and
/// double quotes serve both cmd.exe and PowerShell (cmd.exe has no single quotes; no Windows file name holds `"`).
fn shell_quote(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./".contains(c) || (cfg!(windows) && "\\:".contains(c));
    if !text.is_empty() && text.chars().all(plain) {
        text.to_string()
    } else if cfg!(windows) {
        format!("\"{text}\"")
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Prompts on the terminal's standard error, so that standard output keeps only the results. Every text
/// reaches the screen through [`inert`] here: questions, help, labels and a draft's answers come from files.
pub struct Terminal {
    term: Term,
    color: bool,
    lang: Lang,
    page: Option<Page>,
    /// Whether the screen shows a page drawn from the top (rather than flowing text).
    on_page: bool,
    /// Rows from the top of the flowing prompt being drawn to the cursor, to redraw it in place.
    up: usize,
}

impl Terminal {
    pub fn new(color: bool, lang: Lang) -> Terminal {
        // The classic Windows console shows colour codes as text until asked to read them; the console
        // crate asks (and says whether it worked) when it is asked whether colours are supported.
        #[cfg(windows)]
        let color = color && Term::stderr().features().colors_supported();
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(color);
        // Unix: one write per screen. The Windows console moves its cursor through calls, not bytes, which
        // must not overtake text still in a buffer.
        #[cfg(unix)]
        let term = Term::buffered_stderr();
        #[cfg(not(unix))]
        let term = Term::stderr();
        Terminal { term, color, lang, page: None, on_page: false, up: 0 }
    }

    fn size(&self) -> Size {
        let (rows, cols) = self.term.size();
        Size { rows: usize::from(rows), cols: usize::from(cols) }
    }

    fn styled(&self, text: &str, style: Style) -> String {
        if !self.color || text.is_empty() {
            return text.to_string();
        }
        let code = match style {
            Style::Plain => return text.to_string(),
            Style::Header => "1",
            Style::Selected => "1;36",
            Style::Dim => "2",
            Style::Error => "31",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    /// Draws `frame`: from the top of the terminal when a page is shown, else in place of the last one.
    fn draw(&mut self, frame: &Frame) -> std::io::Result<()> {
        if self.page.is_some() {
            if !self.on_page {
                // Push what is on the screen into the scrollback rather than overwrite it; the cursor is
                // then on the last row.
                self.term.write_str(&"\n".repeat(self.size().rows))?;
                self.up = self.size().rows.saturating_sub(1);
                self.on_page = true;
            }
            self.cursor_to_top()?;
        } else {
            if self.on_page {
                self.clear_page()?;
            }
            self.term.move_cursor_up(self.up)?;
        }
        let term = &self.term;
        for line in &frame.lines {
            term.clear_line()?;
            term.write_str(&self.styled(&line.text, line.style))?;
            term.write_str("\n")?;
        }
        term.clear_to_end_of_screen()?;
        let rows = frame.lines.len();
        match frame.cursor {
            Some((row, col)) => {
                term.move_cursor_up(rows - row)?;
                term.move_cursor_right(col)?;
                term.show_cursor()?;
                self.up = row;
                BELOW.store(rows - row, Ordering::SeqCst);
            }
            None => {
                term.hide_cursor()?;
                self.up = rows;
                BELOW.store(0, Ordering::SeqCst);
            }
        }
        term.flush()
    }

    /// Moves the cursor to the top row of the page: the terminal's first row on Unix, where that is what
    /// the escape sequence means. The Windows console's cursor calls count from the top of its whole buffer
    /// (thousands of rows in the classic console), so there the move is relative, from where the last
    /// page left the cursor.
    fn cursor_to_top(&mut self) -> std::io::Result<()> {
        #[cfg(unix)]
        self.term.move_cursor_to(0, 0)?;
        #[cfg(not(unix))]
        self.term.move_cursor_up(self.up)?;
        self.up = 0;
        Ok(())
    }

    /// Clears the page from the screen, for flowing text from the top.
    fn clear_page(&mut self) -> std::io::Result<()> {
        self.cursor_to_top()?;
        self.term.clear_to_end_of_screen()?;
        self.on_page = false;
        self.up = 0;
        Ok(())
    }

    /// Ends a prompt: the cursor below it and shown; a flowing prompt leaves `echo` (prompt and answer).
    fn done(&mut self, echo: Option<String>) -> std::io::Result<()> {
        if self.page.is_none()
            && let Some(echo) = echo
        {
            let width = self.size().width();
            let lines: Vec<layout::Line> = wrap::hanging(&echo, width, "", "  ")
                .into_iter()
                .map(|text| layout::Line { text, style: Style::Plain })
                .collect();
            self.draw(&Frame { lines, cursor: None })?;
            self.up = 0;
        } else {
            self.leave()?;
        }
        self.term.show_cursor()?;
        self.term.flush()
    }

    /// Moves the cursor below what was drawn, for the next text.
    fn leave(&mut self) -> std::io::Result<()> {
        let below = BELOW.swap(0, Ordering::SeqCst);
        self.term.move_cursor_down(below)?;
        if below > 0 {
            self.term.write_str("\r")?;
        }
        if self.on_page {
            self.up += below;
        } else {
            self.up = 0;
        }
        Ok(())
    }

    /// Reads a key; Ctrl-C and Ctrl-D stop the interview. A read cut short by a signal is read again (the
    /// handler ends the process when the signal asks for it).
    fn key(&mut self) -> Result<Key, PromptError> {
        loop {
            match self.term.read_key_raw() {
                Ok(Key::CtrlC | Key::Char('\x04')) => {
                    self.leave()?;
                    self.term.show_cursor()?;
                    self.term.write_line("")?;
                    self.term.flush()?;
                    return Err(PromptError::Interrupted);
                }
                Ok(key) => return Ok(key),
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error.into()),
            }
        }
    }

    fn list_texts(&self, digits: Option<(char, char)>, filter: bool, multi: bool) -> ListKeys {
        let lang = self.lang;
        let mut keys = vec![m::K_MOVE_CHOOSE.get(lang).to_string()];
        if multi {
            keys[0] = m::K_MOVE_TICK.get(lang).to_string();
        }
        if let Some((low, high)) = digits {
            keys.push(m::K_DIGITS.fill(lang, &[&format!("{low}–{high}")]));
        }
        if filter {
            keys.push(m::K_FILTER.get(lang).to_string());
        }
        keys.push(m::K_STOP.get(lang).to_string());
        ListKeys { keys }
    }

    fn texts<'a>(&self, keys: &'a [&'a str], filter: bool) -> ListTexts<'a> {
        let lang = self.lang;
        ListTexts {
            keys,
            more_above: m::K_MORE_ABOVE.get(lang),
            more_below: m::K_MORE_BELOW.get(lang),
            filter: m::K_FILTERED.get(lang),
            no_match: m::K_NO_MATCH.get(lang),
            full_key: if filter { "" } else { m::K_FULL_TEXT.get(lang) },
        }
    }

    /// Shows everything the page and its entries hold, to scroll through, until Enter, Esc or `?`.
    fn full_text(&mut self, items: &[Item]) -> Result<(), PromptError> {
        let mut top = 0;
        loop {
            let size = self.size();
            let all = layout::full_text(self.page.as_ref(), items, size.width());
            let frame = layout::scroll_frame(&all, &mut top, m::K_SCROLL.get(self.lang), size);
            self.draw(&frame)?;
            let page = size.height().saturating_sub(2).max(1);
            match self.key()? {
                Key::ArrowDown | Key::Char('j' | ' ') => top += 1,
                Key::ArrowUp | Key::Char('k') => top = top.saturating_sub(1),
                Key::PageDown => top += page,
                Key::PageUp => top = top.saturating_sub(page),
                Key::Home => top = 0,
                Key::End => top = usize::MAX,
                Key::Enter | Key::Escape | Key::Char('?' | 'q') => return Ok(()),
                _ => {}
            }
        }
    }
}

/// The keys line of a list, owned.
struct ListKeys {
    keys: Vec<String>,
}

/// The entries that match a typed filter: every word of it somewhere in the entry, ignoring case.
fn matching(items: &[Item], filter: &str) -> Vec<usize> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    (0..items.len())
        .filter(|&i| {
            let text = items[i].text().to_lowercase();
            words.iter().all(|word| text.contains(word.as_str()))
        })
        .collect()
}

fn inert_items(items: &[Item]) -> Vec<Item> {
    items
        .iter()
        .map(|item| Item {
            label: inert(&item.label, Layout::Line).into_owned(),
            detail: item.detail.as_deref().map(|d| inert(d, Layout::Line).into_owned()),
            key: item.key,
        })
        .collect()
}

fn inert_page(page: &Page) -> Page {
    let line = |text: &str| inert(text, Layout::Line).into_owned();
    Page {
        header: line(&page.header),
        intro: page.intro.as_deref().map(line),
        text: line(&page.text),
        help: page.help.as_deref().map(line),
        facts: page.facts.iter().map(|f| line(f)).collect(),
    }
}

impl Prompter for Terminal {
    fn say(&mut self, text: &str) -> Result<(), PromptError> {
        if self.on_page {
            self.clear_page()?;
        }
        self.page = None;
        let width = self.size().width();
        for line in inert(text, Layout::Block).lines() {
            for wrapped in wrap::indented(line, width) {
                self.term.write_line(&wrapped)?;
            }
        }
        self.up = 0;
        self.term.flush()?;
        Ok(())
    }

    fn page(&mut self, page: Option<&Page>) -> Result<(), PromptError> {
        self.page = page.map(inert_page);
        if page.is_none() && self.on_page {
            self.clear_page()?;
            self.term.flush()?;
        }
        Ok(())
    }

    fn select(&mut self, prompt: &str, items: &[Item], default: usize, filter: bool) -> Result<usize, PromptError> {
        let items = inert_items(items);
        let prompt = inert(prompt, Layout::Line).into_owned();
        let digits: Vec<char> = items.iter().filter_map(|i| i.key).collect();
        let range = digits.first().zip(digits.last()).map(|(a, b)| (*a, *b));
        let keys = self.list_texts(range, filter, false);
        let key_refs: Vec<&str> = keys.keys.iter().map(String::as_str).collect();
        let mut typed = String::new();
        let mut shown: Vec<usize> = (0..items.len()).collect();
        let mut selected = default.min(items.len().saturating_sub(1));
        let mut offset = 0;
        loop {
            let mut state = ListState {
                prompt: &prompt,
                items: &items,
                shown: &shown,
                selected,
                checked: None,
                filter: filter.then_some(typed.as_str()),
                offset,
            };
            let frame = layout::list_frame(self.page.as_ref(), &mut state, &self.texts(&key_refs, filter), self.size());
            offset = state.offset;
            self.draw(&frame)?;
            let n = shown.len();
            let step = self.size().height().saturating_sub(8).max(1);
            let refilter = |typed: &str, selected: usize, shown: &[usize]| {
                let current = shown.get(selected).copied();
                let again = matching(&items, typed);
                let at = current.and_then(|c| again.iter().position(|&i| i == c)).unwrap_or(0);
                (again, at)
            };
            match self.key()? {
                Key::ArrowDown | Key::Tab if n > 0 => selected = (selected + 1) % n,
                Key::ArrowUp | Key::BackTab if n > 0 => selected = (selected + n - 1) % n,
                Key::PageDown if n > 0 => selected = (selected + step).min(n - 1),
                Key::PageUp => selected = selected.saturating_sub(step),
                Key::Home => selected = 0,
                Key::End => selected = n.saturating_sub(1),
                Key::Enter if n > 0 => {
                    let chosen = shown[selected];
                    self.done(Some(format!("{prompt}: {}", items[chosen].label)))?;
                    return Ok(chosen);
                }
                Key::Backspace if filter && !typed.is_empty() => {
                    typed.pop();
                    (shown, selected) = refilter(&typed, selected, &shown);
                }
                Key::Escape if filter && !typed.is_empty() => {
                    typed.clear();
                    (shown, selected) = refilter(&typed, selected, &shown);
                }
                Key::Char(c) if filter && !c.is_control() => {
                    typed.push(c);
                    shown = matching(&items, &typed);
                    selected = 0;
                }
                Key::Char('?') => self.full_text(&items)?,
                Key::Char(c) => {
                    if let Some(at) = shown.iter().position(|&i| items[i].key == Some(c)) {
                        selected = at;
                    }
                }
                _ => {}
            }
        }
    }

    fn multi_select(&mut self, prompt: &str, items: &[Item], checked: &[bool]) -> Result<Vec<usize>, PromptError> {
        let items = inert_items(items);
        let prompt = inert(prompt, Layout::Line).into_owned();
        let keys = self.list_texts(None, false, true);
        let key_refs: Vec<&str> = keys.keys.iter().map(String::as_str).collect();
        let shown: Vec<usize> = (0..items.len()).collect();
        let mut ticks: Vec<bool> = (0..items.len()).map(|i| checked.get(i).copied().unwrap_or(false)).collect();
        let mut selected = 0;
        let mut offset = 0;
        loop {
            let mut state = ListState {
                prompt: &prompt,
                items: &items,
                shown: &shown,
                selected,
                checked: Some(&ticks),
                filter: None,
                offset,
            };
            let frame = layout::list_frame(self.page.as_ref(), &mut state, &self.texts(&key_refs, false), self.size());
            offset = state.offset;
            self.draw(&frame)?;
            let n = items.len();
            match self.key()? {
                Key::ArrowDown | Key::Tab if n > 0 => selected = (selected + 1) % n,
                Key::ArrowUp | Key::BackTab if n > 0 => selected = (selected + n - 1) % n,
                Key::Home => selected = 0,
                Key::End => selected = n.saturating_sub(1),
                Key::Char(' ') if n > 0 => ticks[selected] = !ticks[selected],
                Key::Char('?') => self.full_text(&items)?,
                Key::Enter => {
                    let chosen: Vec<usize> = (0..n).filter(|&i| ticks[i]).collect();
                    let labels: Vec<&str> = chosen.iter().map(|&i| items[i].label.as_str()).collect();
                    self.done(Some(format!("{prompt}: {}", labels.join(", "))))?;
                    return Ok(chosen);
                }
                _ => {}
            }
        }
    }

    fn input(&mut self, prompt: &str, initial: &str, check: Check<'_>) -> Result<String, PromptError> {
        let prompt = inert(prompt, Layout::Line).into_owned();
        let mut text: Vec<char> = inert(initial, Layout::Line).chars().collect();
        let mut cursor = text.len();
        let mut error: Option<String> = None;
        loop {
            let frame = layout::input_frame(self.page.as_ref(), &prompt, &text, cursor, error.as_deref(), self.size());
            self.draw(&frame)?;
            match self.key()? {
                Key::Enter => {
                    let value: String = text.iter().collect();
                    match check(&value) {
                        Ok(()) => {
                            self.done(Some(format!("{prompt}: {value}")))?;
                            return Ok(value);
                        }
                        Err(message) => error = Some(inert(&message, Layout::Line).into_owned()),
                    }
                }
                Key::Backspace if cursor > 0 => {
                    cursor -= 1;
                    text.remove(cursor);
                }
                Key::Del if cursor < text.len() => {
                    text.remove(cursor);
                }
                Key::ArrowLeft => cursor = cursor.saturating_sub(1),
                Key::ArrowRight => cursor = (cursor + 1).min(text.len()),
                Key::Home => cursor = 0,
                Key::End => cursor = text.len(),
                // Ctrl-U empties the line, as in a shell.
                Key::Char('\x15') => {
                    text.clear();
                    cursor = 0;
                }
                Key::Char(c) if !c.is_control() => {
                    text.insert(cursor, c);
                    cursor += 1;
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resume(saved: bool) -> Resume {
        Resume {
            lang: Lang::Sv,
            draft: PathBuf::from("arviot/kuntakompassi-2026-11-18.draft.toml"),
            questionnaire_file: None,
            out_dir: None,
            saved,
        }
    }

    #[test]
    fn the_resume_command_keeps_the_language_and_names_a_questionnaire_file() {
        let message = resume(true).message();
        assert!(message.contains("Utkastet är sparat: arviot/kuntakompassi-2026-11-18.draft.toml"), "{message}");
        assert!(
            message.contains("sparat: arviot/kuntakompassi-2026-11-18.draft.toml\nFortsätt senare med kommandot:\n  kuntakompassi --lang sv interview --resume arviot/kuntakompassi-2026-11-18.draft.toml"),
            "{message}"
        );
        let with_file = Resume { questionnaire_file: Some(PathBuf::from("min enkät.toml")), ..resume(true) };
        assert!(with_file.message().contains("interview -q 'min enkät.toml' --resume"), "{}", with_file.message());
    }

    #[test]
    fn before_the_first_save_nothing_is_said_to_be_saved() {
        let message = Resume { out_dir: Some(PathBuf::from("arviot")), ..resume(false) }.message();
        assert!(!message.contains("sparat:"), "{message}");
        assert!(message.contains("kuntakompassi --lang sv interview --out-dir arviot"), "{message}");
    }

    #[test]
    fn a_filter_matches_every_word_anywhere_ignoring_case() {
        let items: Vec<Item> = ["Pohjois-Savo", "Pohjanmaa", "Etelä-Pohjanmaa", "Lappi"].map(Item::new).to_vec();
        assert_eq!(matching(&items, "poh"), vec![0, 1, 2]);
        assert_eq!(matching(&items, "etelä poh"), vec![2]);
        assert_eq!(matching(&items, ""), vec![0, 1, 2, 3]);
    }
}
