//! How an error reaches the user: one line in their language, and the exit code of DESIGN.md §2.
//!
//! Errors the user can fix by changing their input (a missing or malformed file, a sheet that does not
//! fit its questionnaire, a wrong option) exit 2; anything else exits 1; a closed pipe on standard output
//! is not an error at all (`kuntakompassi … | head`).

use crate::i18n::Lang;
use crate::input::ReadError;
use crate::output::WriteError;
use crate::report::load::ReportError;

/// An error in the user's input or usage, with its message already in the user's language. Exit 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct InputError(pub String);

/// The exit code for an error.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    if is_broken_pipe(error) {
        0
    } else if error
        .chain()
        .any(|cause| cause.is::<InputError>() || cause.is::<ReadError>() || cause.is::<ReportError>())
    {
        2
    } else {
        1
    }
}

/// Whether the error is standard output having been closed by the reader.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error's message in `lang`: the chain of causes joined by `: `, with the program's own errors in
/// the user's language and nothing said twice; made inert ([`crate::inert`]), as it quotes files.
pub fn message(error: &anyhow::Error, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in error.chain() {
        if let Some(read) = cause.downcast_ref::<ReadError>() {
            parts.push(read.message(lang));
            break;
        }
        if let Some(report) = cause.downcast_ref::<ReportError>() {
            parts.push(report.message(lang));
            break;
        }
        if let Some(write) = cause.downcast_ref::<WriteError>() {
            parts.push(write.message(lang));
            break;
        }
        let text = cause.to_string();
        if !parts.iter().any(|part| part.contains(&text)) {
            parts.push(text);
        }
    }
    crate::inert::inert_text(parts.join(": "), crate::inert::Layout::Block)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_errors_exit_2_and_others_1() {
        let input: anyhow::Error = InputError("bad".into()).into();
        assert_eq!(exit_code(&input), 2);
        let read: anyhow::Error = ReadError::NotFound("x.toml".into()).into();
        assert_eq!(exit_code(&read.context("while scoring")), 2);
        assert_eq!(exit_code(&anyhow::anyhow!("disk full")), 1);
        let pipe: anyhow::Error = std::io::Error::from(std::io::ErrorKind::BrokenPipe).into();
        assert_eq!(exit_code(&pipe), 0);
    }

    #[test]
    fn messages_are_in_the_users_language() {
        let read: anyhow::Error = ReadError::NotFound("x.toml".into()).into();
        assert_eq!(message(&read, Lang::Fi), "tiedostoa `x.toml` ei ole");
        assert_eq!(message(&read, Lang::Sv), "filen `x.toml` finns inte");
    }
}
