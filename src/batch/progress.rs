//! A progress line on standard error for long runs, only on a terminal: rows read, rows per second and how
//! much of the file is done. It appears after half a second, is redrawn at most ten times a second, and is
//! cleared at the end, so that short runs and redirected output never see it.

use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;
use std::time::{Duration, Instant};

use crate::i18n::{Lang, messages as m};

pub struct Progress {
    enabled: bool,
    lang: Lang,
    start: Instant,
    last: Option<Instant>,
    consumed: Rc<Cell<u64>>,
    total: u64,
    drawn: bool,
}

impl Progress {
    pub fn new(enabled: bool, lang: Lang, consumed: Rc<Cell<u64>>, total: u64) -> Progress {
        Progress { enabled, lang, start: Instant::now(), last: None, consumed, total, drawn: false }
    }

    /// Called for every row; looks at the clock only every 4096 rows.
    pub fn tick(&mut self, rows: usize) {
        if !self.enabled || rows % 4096 != 0 {
            return;
        }
        let now = Instant::now();
        if now.duration_since(self.start) < Duration::from_millis(500)
            || self.last.is_some_and(|last| now.duration_since(last) < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(now);
        let seconds = now.duration_since(self.start).as_secs_f64().max(1e-3);
        let percent = if self.total == 0 { 100.0 } else { 100.0 * self.consumed.get() as f64 / self.total as f64 };
        let width = 30;
        let filled = ((percent.clamp(0.0, 100.0) / 100.0) * f64::from(width)).round() as usize;
        let bar = format!("{}{}", "█".repeat(filled), "·".repeat(width as usize - filled.min(width as usize)));
        let text = m::B_PROGRESS.fill(self.lang, &[&rows, &((rows as f64 / seconds) as u64)]);
        let mut stderr = std::io::stderr().lock();
        let _ = write!(stderr, "\r\x1b[2K{bar} {percent:>3.0} % {text}");
        let _ = stderr.flush();
        self.drawn = true;
    }

    /// Clears the line.
    pub fn finish(&mut self) {
        if self.drawn {
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "\r\x1b[2K");
            let _ = stderr.flush();
            self.drawn = false;
        }
    }
}
