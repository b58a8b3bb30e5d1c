//! The one place that puts bytes into files or onto standard output.
//!
//! Files are written atomically: into a temporary file in the same folder, flushed to disk, then renamed
//! over the target, so that an interruption leaves either the old file or the new one, never half of one.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::{Lang, messages as m};

#[derive(Debug, thiserror::Error)]
#[error("cannot write `{}`: {source}", .path.display())]
pub struct WriteError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl WriteError {
    pub fn message(&self, lang: Lang) -> String {
        let (reason, cause) = crate::i18n::io_reason(lang, &self.source);
        format!("{}{cause}", m::WRITE_FAILED.fill(lang, &[&self.path.display(), &reason]))
    }
}

/// Writes `bytes` to `path` atomically (temporary file + rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let fail = |source: std::io::Error| WriteError { path: path.to_path_buf(), source: without_temp_path(source) };
    if is_special(path) {
        return std::fs::OpenOptions::new().write(true).open(path).and_then(|mut to| to.write_all(bytes)).map_err(fail);
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let mut temp =
        tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(dir).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    put_in_place(temp, path).map_err(fail)?;
    Ok(())
}

/// Whether `path` is something other than a regular file or a folder: a device, a named pipe.
pub fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| !meta.is_file() && !meta.is_dir())
}

/// Moves a finished temporary file to `path`. A `path` that is no regular file — `/dev/null`, a terminal, a
/// named pipe — is written into instead: renamed over, the device would be replaced by a plain file (as
/// root, `-o /dev/null` would break the system's `/dev/null`).
pub fn put_in_place(temp: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    if is_special(path) {
        let mut from = temp.reopen()?;
        let mut to = std::fs::OpenOptions::new().write(true).open(path)?;
        std::io::copy(&mut from, &mut to)?;
        return to.flush();
    }
    temp.persist(path).map(drop).map_err(|error| error.error)
}

/// tempfile names its hidden temporary file in its errors; the user asked for `path`, so the message names that
/// alone and keeps only the operating system's reason.
fn without_temp_path(error: std::io::Error) -> std::io::Error {
    // A wrapped error keeps its kind, whose text is the operating system's reason without the path.
    if error.raw_os_error().is_none() && error.get_ref().is_some() { std::io::Error::from(error.kind()) } else { error }
}

/// The name prefix of a long run's temporary files and staging folders (a batch's). The process id in it
/// tells what a killed run left behind (its process is gone) from what a run still going is writing.
pub fn temp_prefix() -> String {
    format!(".kuntakompassi-{}-", std::process::id())
}

/// How long a hidden `.kuntakompassi-…` entry must have been left untouched before a system without `/proc`
/// (Windows, macOS) takes it for abandoned. A running batch writes into its staging folder all the time and
/// finishes in minutes at most, so a day leaves a live run alone even on a laptop that slept through it.
pub const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Removes from `dir` the temporary files and staging folders of runs that were killed before they
/// finished (SIGKILL, a power cut: no clean-up ran), so that they do not pile up beside the outputs.
/// Where `/proc` tells which processes live (Linux), an entry goes when its process is gone; elsewhere,
/// when it has not been modified for [`ABANDONED_AFTER`]: Windows has no `/proc`, and asking it whether a
/// process lives takes unsafe system calls, which this crate forbids. Errors are ignored: what cannot be
/// removed now stays hidden by its leading dot.
pub fn remove_abandoned(dir: &Path) {
    let processes = Path::new("/proc");
    let has_proc = cfg!(unix) && processes.join("self").exists();
    let now = std::time::SystemTime::now();
    remove_abandoned_unless(dir, &|pid, path| {
        if has_proc { processes.join(pid).exists() } else { !untouched_for(path, now, ABANDONED_AFTER) }
    });
}

/// Removes the `.kuntakompassi-<process>-…` entries of `dir` for which `alive(process, path)` is false.
fn remove_abandoned_unless(dir: &Path, alive: &dyn Fn(&str, &Path) -> bool) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(".kuntakompassi-")).and_then(|n| n.split_once('-'))
        else {
            continue;
        };
        let path = entry.path();
        if pid.0.parse::<u32>().is_err() || alive(pid.0, &path) {
            continue;
        }
        let _ = match entry.file_type() {
            Ok(kind) if kind.is_dir() => std::fs::remove_dir_all(&path),
            Ok(kind) if kind.is_file() => std::fs::remove_file(&path),
            _ => Ok(()),
        };
    }
}

/// Whether `path` was last modified at least `age` before `now`. The metadata is read from the path, not
/// from the folder listing, which Windows may keep stale while a file is being written.
fn untouched_for(path: &Path, now: std::time::SystemTime, age: std::time::Duration) -> bool {
    std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .is_ok_and(|modified| now.duration_since(modified).is_ok_and(|since| since >= age))
}

/// Writes to the file when one is given, else to standard output.
pub fn emit(target: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match target {
        Some(path) => write_atomic(path, bytes)?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(bytes)?;
            stdout.flush()?;
        }
    }
    Ok(())
}

/// Writes one line of a message to standard error, with any control character from a file made visible
/// (see [`crate::inert`]). A closed or broken standard error (`2>&1 | head`) is
/// no reason to stop writing the files a run was asked for, so a failure here is ignored, and never a panic
/// as `eprintln!` would make it.
pub fn say(line: &str) {
    let line = crate::inert::inert(line, crate::inert::Layout::Block);
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(line.as_bytes()).and_then(|()| stderr.write_all(b"\n"));
}

/// Standard output for a run that also writes files: once the reader has gone (a broken pipe), what would
/// have gone to it is dropped and the run goes on, so that the files are still written whole.
pub struct UntilClosed<W: Write> {
    inner: W,
    closed: bool,
}

impl<W: Write> UntilClosed<W> {
    pub fn new(inner: W) -> UntilClosed<W> {
        UntilClosed { inner, closed: false }
    }

    fn guard(&mut self, result: std::io::Result<()>) -> std::io::Result<()> {
        match result {
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

impl<W: Write> Write for UntilClosed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write_all(buf);
        self.guard(result).map(|()| buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.guard(result)
    }
}

/// Whether two paths name the same existing file (so that output never overwrites its own input).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A file-name stem from free text such as a municipality's name: ASCII letters, digits and dashes, with
/// Finnish and Swedish letters folded (Pöytyä → poytya, Närpes → narpes), never empty, and never a name
/// that Windows refuses (`nul` → `_nul`).
pub fn safe_file_stem(text: &str) -> String {
    let mut stem = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            'š' => 's',
            'ž' => 'z',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if folded != '-' || !stem.ends_with('-') {
            stem.push(folded);
        }
    }
    let stem: String = stem.chars().take(80).collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "raportti".to_string()
    } else if is_reserved_on_windows(stem) {
        format!("_{stem}")
    } else {
        stem.to_string()
    }
}

/// Whether Windows keeps this name for a device (`CON`, `NUL`, `COM1` …), with any extension: such a file
/// cannot be created or opened there. `stem` is lowercase, without dots.
fn is_reserved_on_windows(stem: &str) -> bool {
    matches!(stem, "con" | "prn" | "aux" | "nul")
        || (stem.len() == 4
            && (stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.as_bytes()[3].is_ascii_digit())
}

/// A path in `dir` named `<stem>.<extension>` that does not exist yet: `stem-2`, `stem-3` … when taken.
pub fn free_path(dir: &Path, stem: &str, extension: &str) -> PathBuf {
    FreeNames::default().path(dir, stem, extension)
}

/// Free paths for the many files of one run in one folder (a batch's reports): like [`free_path`], but
/// each name is tried from the number its stem reached last, so that a file of 100,000 respondents of one
/// municipality does not look at 1 + 2 + … + 100,000 names.
#[derive(Debug, Default)]
pub struct FreeNames {
    next: std::collections::HashMap<String, u32>,
}

impl FreeNames {
    pub fn path(&mut self, dir: &Path, stem: &str, extension: &str) -> PathBuf {
        let n = self.next.entry(format!("{stem}.{extension}")).or_insert(0);
        loop {
            *n = n.saturating_add(1);
            let path = match *n {
                1 => dir.join(format!("{stem}.{extension}")),
                n => dir.join(format!("{stem}-{n}.{extension}")),
            };
            // Another stem may have taken the name (`salo-2` is also the second `salo`); `u32::MAX` files do
            // not fit any folder, so the loop ends.
            if !path.exists() || *n == u32::MAX {
                return path;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe_and_readable() {
        assert_eq!(safe_file_stem("Pöytyä"), "poytya");
        assert_eq!(safe_file_stem("  Närpes / Närpiö "), "narpes-narpio");
        assert_eq!(safe_file_stem("../../etc"), "etc");
        assert_eq!(safe_file_stem("<script>"), "script");
        assert_eq!(safe_file_stem("¤¤"), "raportti");
    }

    #[test]
    fn file_stems_are_safe_on_windows_macos_and_linux() {
        assert_eq!(safe_file_stem("Sa\0lo"), "sa-lo");
        assert_eq!(safe_file_stem("Evil\u{1b}]0;x\u{7}"), "evil-0-x");
        assert_eq!(safe_file_stem("Salo. "), "salo");
        for reserved in ["CON", "con", "Aux", "NUL", "prn", "COM1", "lpt9", "Nul.", " con "] {
            let stem = safe_file_stem(reserved);
            assert!(stem.starts_with('_'), "{reserved:?} gave {stem:?}");
        }
        assert_eq!(safe_file_stem("Conlahti"), "conlahti");
        assert_eq!(safe_file_stem("COM10"), "com10");
        assert!(safe_file_stem(&"Ä".repeat(500)).len() <= 80);
        assert_eq!(safe_file_stem(&format!("{}-b", "a".repeat(79))), "a".repeat(79), "no trailing dash after the cut");
    }

    #[test]
    fn colliding_names_get_files_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let mut names = FreeNames::default();
        let mut made = Vec::new();
        // `Salo`, `SALO`, `Salo 2` and `salo-2` all make the stem of a name another one takes.
        for name in ["Salo", "SALO", "Salo 2", "salo", "salo-2"] {
            let path = names.path(dir.path(), &safe_file_stem(name), "json");
            std::fs::write(&path, name).unwrap();
            made.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
        assert_eq!(made, ["salo.json", "salo-2.json", "salo-2-2.json", "salo-3.json", "salo-2-3.json"]);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 5);
        assert_eq!(free_path(dir.path(), "salo", "json").file_name().unwrap(), "salo-4.json");
    }

    #[test]
    fn replaces_a_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn removes_only_the_entries_of_runs_that_are_gone() {
        let dir = tempfile::tempdir().unwrap();
        for name in [".kuntakompassi-11-a", ".kuntakompassi-22-b", ".kuntakompassi-x-c", "kept.json"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
        }
        std::fs::write(dir.path().join(".kuntakompassi-33-d.tmp"), b"x").unwrap();
        remove_abandoned_unless(dir.path(), &|pid, _| pid == "22");
        let mut left: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        assert_eq!(left, [".kuntakompassi-22-b", ".kuntakompassi-x-c", "kept.json"]);
    }

    #[test]
    fn without_proc_an_entry_is_abandoned_only_when_untouched_for_a_day() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".kuntakompassi-44-e.tmp");
        std::fs::write(&path, b"x").unwrap();
        let now = std::time::SystemTime::now();
        assert!(!untouched_for(&path, now, ABANDONED_AFTER));
        assert!(untouched_for(&path, now + ABANDONED_AFTER, ABANDONED_AFTER));
        assert!(!untouched_for(&dir.path().join("missing"), now + ABANDONED_AFTER, ABANDONED_AFTER));
    }

    #[cfg(unix)]
    #[test]
    fn writing_to_dev_null_leaves_it_a_device() {
        use std::os::unix::fs::FileTypeExt as _;
        write_atomic(Path::new("/dev/null"), b"gone").unwrap();
        assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    }

    #[test]
    fn fails_cleanly_in_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_atomic(&dir.path().join("no/such/dir/x.json"), b"x").unwrap_err();
        assert!(error.path.ends_with("x.json"));
    }
}
