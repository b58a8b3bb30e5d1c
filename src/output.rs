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
        m::WRITE_FAILED.fill(lang, &[&self.path.display(), &self.source])
    }
}

/// Writes `bytes` to `path` atomically (temporary file + rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let fail = |source: std::io::Error| WriteError { path: path.to_path_buf(), source: without_temp_path(source) };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let mut temp =
        tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(dir).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|error| fail(error.error))?;
    Ok(())
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

/// Whether two paths name the same existing file (so that output never overwrites its own input).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The names Windows keeps for devices, with any extension: `aux.json` there is no file but a device. A
/// stem that is one of them gets a trailing `_` on every system, so that a folder of outputs is the same
/// wherever it was written and can be copied to Windows whole.
const WINDOWS_DEVICE_NAMES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2",
    "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file-name stem from free text such as a municipality's name: ASCII letters, digits and dashes, with
/// Finnish and Swedish letters folded (Pöytyä → poytya, Närpes → narpes), never empty, and never a name
/// that Windows refuses (`nul` → `nul_`).
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
    let stem: String = stem.trim_matches('-').chars().take(80).collect();
    if stem.is_empty() {
        "raportti".to_string()
    } else if WINDOWS_DEVICE_NAMES.contains(&stem.as_str()) {
        format!("{stem}_")
    } else {
        stem
    }
}

/// A path in `dir` named `<stem>.<extension>` that does not exist yet: `stem-2`, `stem-3` … when taken.
pub fn free_path(dir: &Path, stem: &str, extension: &str) -> PathBuf {
    let mut path = dir.join(format!("{stem}.{extension}"));
    let mut n = 1u32;
    while path.exists() && n < u32::MAX {
        n += 1;
        path = dir.join(format!("{stem}-{n}.{extension}"));
    }
    path
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
    fn file_stems_are_never_a_windows_device_name() {
        assert_eq!(safe_file_stem("AUX"), "aux_");
        assert_eq!(safe_file_stem(" Nul "), "nul_");
        assert_eq!(safe_file_stem("com1"), "com1_");
        assert_eq!(safe_file_stem("Lpt9"), "lpt9_");
        assert_eq!(safe_file_stem("Conrad"), "conrad");
        assert_eq!(safe_file_stem("com10"), "com10");
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

    #[test]
    fn fails_cleanly_in_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_atomic(&dir.path().join("no/such/dir/x.json"), b"x").unwrap_err();
        assert!(error.path.ends_with("x.json"));
    }
}
