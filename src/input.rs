//! Reading an input file as text, with the checks every command needs: the path exists and is a file, it
//! is not empty, not larger than any real file of its kind, and valid UTF-8 (with the position of the
//! first bad byte). Size limits keep a wrong or hostile file from exhausting memory.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::Pos;
use crate::i18n::{Lang, messages as m};

/// Questionnaires: the full built-in one is about 150 KB; 4 MiB leaves room for any real one.
pub const QUESTIONNAIRE_LIMIT: u64 = 4 * 1024 * 1024;
/// Answer sheets: a few KB in practice.
pub const SHEET_LIMIT: u64 = 4 * 1024 * 1024;
/// Report JSON: a full report is about 100 KB.
pub const REPORT_LIMIT: u64 = 16 * 1024 * 1024;
/// A batch's `summary.json`: some 500 bytes a row, so 64 MiB holds 130,000 rows, and reading it takes about
/// three times its size in memory.
pub const SUMMARY_LIMIT: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("`{}`: no such file", .0.display())]
    NotFound(PathBuf),
    #[error("`{}` is a directory, not a file", .0.display())]
    IsDirectory(PathBuf),
    #[error("`{}` is empty", .0.display())]
    Empty(PathBuf),
    #[error("`{}` is {size} bytes, more than the limit of {limit}", .path.display())]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{}:{pos}: not valid UTF-8 text", .path.display())]
    NotUtf8 { path: PathBuf, pos: Pos },
    #[error("cannot read `{}`: {source}", .path.display())]
    Io { path: PathBuf, source: std::io::Error },
}

impl ReadError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReadError::NotFound(path) => m::READ_NOT_FOUND.fill(lang, &[&path.display()]),
            ReadError::IsDirectory(path) => m::READ_IS_DIRECTORY.fill(lang, &[&path.display()]),
            ReadError::Empty(path) => m::READ_EMPTY.fill(lang, &[&path.display()]),
            ReadError::TooLarge { path, size, limit } => m::READ_TOO_LARGE.fill(lang, &[&path.display(), size, limit]),
            ReadError::NotUtf8 { path, pos } => m::READ_NOT_UTF8.fill(lang, &[&format!("{}:{pos}", path.display())]),
            ReadError::Io { path, source } => {
                let (reason, cause) = crate::i18n::io_reason(lang, source);
                format!("{}{cause}", m::READ_IO.fill(lang, &[&path.display(), &reason]))
            }
        }
    }
}

/// Reads a whole file as bytes, refusing directories, empty files and files over `limit` bytes.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound(path.to_path_buf()),
        _ => ReadError::Io { path: path.to_path_buf(), source },
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if metadata.is_dir() {
        return Err(ReadError::IsDirectory(path.to_path_buf()));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { path: path.to_path_buf(), size: metadata.len(), limit });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // `take` guards against files that grow, and against special files whose length metadata does not tell.
    std::fs::File::open(path).map_err(io)?.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64, limit });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty(path.to_path_buf()));
    }
    Ok(bytes)
}

/// Reads a whole file as UTF-8 text (a leading byte-order mark is dropped).
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let mut bytes = read_bytes(path, limit)?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&error.as_bytes()[..valid]).into_owned();
        ReadError::NotUtf8 { path: path.to_path_buf(), pos: Pos::of_offset(&text, valid) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_apart_missing_directory_empty_and_invalid_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.toml");
        assert!(matches!(read_text(&missing, 100), Err(ReadError::NotFound(_))));
        assert!(matches!(read_text(dir.path(), 100), Err(ReadError::IsDirectory(_))));
        let empty = dir.path().join("empty.toml");
        std::fs::write(&empty, " \n").unwrap();
        assert!(matches!(read_text(&empty, 100), Err(ReadError::Empty(_))));
        let latin1 = dir.path().join("latin1.toml");
        std::fs::write(&latin1, b"a = 1\nb = \"P\xF6yty\xE4\"\n").unwrap();
        match read_text(&latin1, 100) {
            Err(ReadError::NotUtf8 { pos, .. }) => assert_eq!(pos, Pos { line: 2, column: 7 }),
            other => panic!("{other:?}"),
        }
        let big = dir.path().join("big.toml");
        std::fs::write(&big, "x".repeat(200)).unwrap();
        assert!(matches!(read_text(&big, 100), Err(ReadError::TooLarge { .. })));
    }

    #[test]
    fn drops_a_byte_order_mark() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.toml");
        std::fs::write(&path, b"\xEF\xBB\xBFa = 1\n").unwrap();
        assert_eq!(read_text(&path, 100).unwrap(), "a = 1\n");
    }
}
