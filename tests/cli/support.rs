//! Running the real binary in a fresh folder, with a fixed clock and no colour, and checking what it did.
//! On a failed check, everything the program printed is shown.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A fixed creation time for reports, so that output is the same on every run.
pub const EPOCH: &str = "1795000000";

/// The repository's root, for built-in questionnaires and examples.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// One run of kuntakompassi, built up argument by argument.
#[must_use]
pub struct Kk {
    args: Vec<OsString>,
    env: Vec<(String, String)>,
    dir: tempfile::TempDir,
    stdin: Option<Vec<u8>>,
}

impl Kk {
    pub fn new() -> Kk {
        Kk { args: Vec::new(), env: Vec::new(), dir: tempfile::tempdir().expect("a temporary folder"), stdin: None }
    }

    pub fn arg(mut self, arg: impl Into<OsString>) -> Kk {
        self.args.push(arg.into());
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: Into<OsString>>(mut self, args: I) -> Kk {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Kk {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Kk {
        self.stdin = Some(bytes.into());
        self
    }

    /// The run's own folder (its working directory).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file into the run's folder and returns its path.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, contents).unwrap();
        path
    }

    pub fn run(self) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kuntakompassi"));
        command
            .args(&self.args)
            .current_dir(self.dir.path())
            .env_remove("KUNTAKOMPASSI_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1")
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .stdin(if self.stdin.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in &self.env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("the binary runs");
        if let Some(bytes) = &self.stdin {
            use std::io::Write;
            // A program that exits without reading its input closes the pipe; that is its answer, not an error.
            let _ = child.stdin.take().unwrap().write_all(bytes);
        }
        let output = child.wait_with_output().unwrap();
        Run {
            args: self.args.iter().map(|a| a.to_string_lossy().into_owned()).collect(),
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            dir: self.dir,
        }
    }
}

/// What a run did.
pub struct Run {
    pub args: Vec<String>,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub dir: tempfile::TempDir,
}

impl Run {
    fn show(&self) -> String {
        format!(
            "kuntakompassi {}\nexit: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args.join(" "),
            self.code,
            self.stdout,
            self.stderr
        )
    }

    #[track_caller]
    pub fn code(self, expected: i32) -> Run {
        assert_eq!(self.code, Some(expected), "unexpected exit code\n{}", self.show());
        assert!(!self.stderr.contains("panicked"), "the program panicked\n{}", self.show());
        self
    }

    #[track_caller]
    pub fn stdout_has(self, needle: &str) -> Run {
        assert!(self.stdout.contains(needle), "stdout lacks {needle:?}\n{}", self.show());
        self
    }

    #[track_caller]
    pub fn stderr_has(self, needle: &str) -> Run {
        assert!(self.stderr.contains(needle), "stderr lacks {needle:?}\n{}", self.show());
        self
    }

    #[track_caller]
    pub fn stderr_is_empty(self) -> Run {
        assert!(self.stderr.is_empty(), "stderr is not empty\n{}", self.show());
        self
    }

    /// The files the run left in its folder, sorted, apart from the ones the test wrote before it.
    pub fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = walk(self.dir.path())
            .into_iter()
            .map(|p| p.strip_prefix(self.dir.path()).unwrap().display().to_string())
            .collect();
        names.sort();
        names
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).unwrap_or_else(|e| panic!("{name}: {e}\n{}", self.show()))
    }

    pub fn json(&self, name: &str) -> serde_json::Value {
        serde_json::from_str(&self.read(name)).unwrap_or_else(|e| panic!("{name} is not JSON: {e}\n{}", self.show()))
    }

    pub fn stdout_json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", self.show()))
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Every file and folder under `dir`, hidden ones included, as paths relative to it, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            out.push(path.strip_prefix(dir).unwrap().display().to_string());
        }
    }
    out.sort();
    out
}
