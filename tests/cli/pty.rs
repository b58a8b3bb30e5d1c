#![cfg(unix)]

//! The real binary in a pseudo-terminal of a fixed size, its output fed through a terminal emulator
//! (vt100), so that a test sees the screen a person sees: which lines are there, where the cursor is and
//! whether it is shown.
//!
//! The size is set with `stty` in a small shell wrapper before the binary starts (the pty crate at hand
//! has no call for it and the tests forbid `unsafe`), and changed later with `stty -F` on the terminal
//! the wrapper names, which also sends the program SIGWINCH. Waiting is always for content on the screen,
//! never for a fixed time, with a timeout generous enough for a loaded two-core machine; on a timeout the
//! screen is printed.

use std::fs::File;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::sys::signal::Signal;
use nix::sys::wait::WaitStatus;
use rexpect::process::PtyProcess;

use crate::support::EPOCH;

pub const ENTER: &str = "\r";
pub const UP: &str = "\x1b[A";
pub const DOWN: &str = "\x1b[B";
pub const ESC: &str = "\x1b";
pub const CTRL_C: &str = "\x03";

/// How long to wait for anything on the screen: a loaded machine is slow, a hung program is caught anyway.
const PATIENCE: Duration = Duration::from_secs(60);

/// A program running in a pseudo-terminal, and the screen it has drawn.
pub struct Pty {
    process: PtyProcess,
    input: File,
    parser: Arc<Mutex<vt100::Parser>>,
    ended: Arc<AtomicBool>,
    tty: PathBuf,
    _scratch: tempfile::TempDir,
}

/// The screen at one moment.
pub struct Screen {
    pub rows: Vec<String>,
    pub cursor_hidden: bool,
    /// Whether any character on the screen is bold, dim or coloured.
    pub styled: bool,
    /// The rows with the ones the terminal folded (a line longer than the width) joined again.
    pub lines: Vec<String>,
}

impl Screen {
    /// Every row, joined with line breaks, trailing blanks trimmed.
    pub fn text(&self) -> String {
        let rows: Vec<&str> = self.rows.iter().map(|r| r.trim_end()).collect();
        rows.join("\n").trim_end().to_string()
    }

    /// The screen's words in order, one space apart: a wrapped text is found whatever the wrapping.
    pub fn words(&self) -> String {
        words(&self.rows.join(" "))
    }

    pub fn has(&self, text: &str) -> bool {
        self.text().contains(text) || self.words().contains(&words(text)) || self.lines.iter().any(|l| l.contains(text))
    }

    /// The line after the one that starts with `label` (a command under its heading), trimmed.
    pub fn line_after(&self, label: &str) -> Option<String> {
        let at = self.lines.iter().position(|l| l.trim_start().starts_with(label))?;
        self.lines.get(at + 1).map(|l| l.trim().to_string())
    }

    /// The row that holds `text`, if any.
    pub fn row_of(&self, text: &str) -> Option<usize> {
        self.rows.iter().position(|row| row.contains(text))
    }
}

/// `text` with every run of white space made one space.
pub fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Pty {
    /// Starts kuntakompassi with `args` in `dir`, in a terminal of `rows` × `cols`, with colour on unless the
    /// caller adds `NO_COLOR`.
    pub fn spawn(dir: &Path, (rows, cols): (u16, u16), args: &[&str], env: &[(&str, &str)]) -> Pty {
        let scratch = tempfile::tempdir().unwrap();
        let tty = scratch.path().join("tty");
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(r#"tty > "$0" && stty rows "$1" cols "$2" && shift 2 && exec "$@""#)
            .arg(&tty)
            .arg(rows.to_string())
            .arg(cols.to_string())
            .arg(env!("CARGO_BIN_EXE_kuntakompassi"))
            .args(args)
            .current_dir(dir)
            .env_remove("KUNTAKOMPASSI_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .env_remove("LINES")
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .env("SOURCE_DATE_EPOCH", EPOCH);
        for (key, value) in env {
            command.env(key, value);
        }
        let process = PtyProcess::new(command).expect("spawns in a pty");
        let input = process.get_file_handle().unwrap();
        let mut output = process.get_file_handle().unwrap();
        let size = |n: u16| NonZeroU16::new(n).unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let ended = Arc::new(AtomicBool::new(false));
        let (feed, done) = (Arc::clone(&parser), Arc::clone(&ended));
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            loop {
                match output.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => feed.lock().unwrap().process(&buffer[..n]),
                }
            }
            done.store(true, Ordering::SeqCst);
        });
        let pty = Pty { process, input, parser, ended, tty: tty.clone(), _scratch: scratch };
        let started = Instant::now();
        while std::fs::read_to_string(&tty).map_or(true, |t| t.trim().is_empty()) {
            assert!(started.elapsed() < PATIENCE, "the wrapper did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
        pty
    }

    pub fn screen(&self) -> Screen {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let styled = (0..rows.get()).any(|row| {
            (0..cols.get()).any(|col| {
                screen.cell(row, col).is_some_and(|cell| {
                    cell.bold() || cell.dim() || cell.fgcolor() != vt100::Color::Default || cell.inverse()
                })
            })
        });
        let rows: Vec<String> = screen.rows(0, cols.get()).collect();
        let mut lines: Vec<String> = Vec::new();
        let mut folded = false;
        for (i, row) in rows.iter().enumerate() {
            if folded {
                lines.last_mut().unwrap().push_str(row);
            } else {
                lines.push(row.clone());
            }
            folded = screen.row_wrapped(i as u16);
        }
        Screen { rows, cursor_hidden: screen.hide_cursor(), styled, lines }
    }

    /// Waits until the screen satisfies `check`; returns that screen, or fails showing the last one.
    #[track_caller]
    pub fn wait_until(&self, what: &str, check: impl Fn(&Screen) -> bool) -> Screen {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            let hopeless = self.ended.load(Ordering::SeqCst) && !check(&self.screen());
            assert!(
                started.elapsed() < PATIENCE && !hopeless,
                "waited for {what}; the screen:\n{}\n{}",
                "-".repeat(40),
                self.screen().text()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits until every one of `texts` is on the screen.
    #[track_caller]
    pub fn wait_for(&self, texts: &[&str]) -> Screen {
        self.wait_until(&format!("{texts:?}"), |s| texts.iter().all(|t| s.has(t)))
    }

    /// Waits until the screen stays the same for a moment: for checks that something is *not* there.
    pub fn settle(&self) -> Screen {
        let mut last = self.screen().text();
        let mut since = Instant::now();
        let started = Instant::now();
        while since.elapsed() < Duration::from_millis(400) && started.elapsed() < PATIENCE {
            std::thread::sleep(Duration::from_millis(50));
            let now = self.screen().text();
            if now != last {
                last = now;
                since = Instant::now();
            }
        }
        self.screen()
    }

    /// Types keys, one at a time as a person would, so that each arrives as its own key press.
    pub fn keys(&mut self, keys: &[&str]) {
        for key in keys {
            self.input.write_all(key.as_bytes()).unwrap();
            self.input.flush().unwrap();
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// Types text and then Enter.
    pub fn line(&mut self, text: &str) {
        self.keys(&[text, ENTER]);
    }

    /// Changes the terminal's size (the program gets SIGWINCH), and the emulator's with it.
    pub fn resize(&self, (rows, cols): (u16, u16)) {
        let tty = std::fs::read_to_string(&self.tty).unwrap();
        let status = Command::new("stty")
            .args(["-F", tty.trim(), "rows", &rows.to_string(), "cols", &cols.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let size = |n: u16| NonZeroU16::new(n).unwrap();
        self.parser.lock().unwrap().screen_mut().set_size(size(rows), size(cols));
    }

    /// The terminal's mode as `stty -a` tells it (the program may have ended: the terminal stays).
    pub fn tty_mode(&self) -> String {
        let tty = std::fs::read_to_string(&self.tty).unwrap();
        let output = Command::new("stty").args(["-F", tty.trim(), "-a"]).output().unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    pub fn signal(&mut self, signal: Signal) {
        self.process.signal(signal).unwrap();
    }

    /// Waits for the program to end and returns its exit code (a signal's number + 128 if one ended it).
    pub fn exit_code(&mut self) -> i32 {
        let started = Instant::now();
        loop {
            match self.process.status() {
                Some(WaitStatus::Exited(_, code)) => return code,
                Some(WaitStatus::Signaled(_, signal, _)) => return 128 + signal as i32,
                _ if started.elapsed() > PATIENCE => {
                    panic!("the program did not end; the screen:\n{}", self.screen().text())
                }
                _ => std::thread::sleep(Duration::from_millis(25)),
            }
        }
    }

    /// Waits until the program has ended and everything it wrote is on the screen.
    pub fn finish(&mut self) -> (i32, Screen) {
        let code = self.exit_code();
        let started = Instant::now();
        while !self.ended.load(Ordering::SeqCst) && started.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(20));
        }
        (code, self.screen())
    }
}
