//! Questionnaire loading and validation on arbitrary text: findings, never a panic.
#![no_main]

use kuntakompassi::i18n::Lang;
use kuntakompassi::questionnaire::load::{Source, check_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = Source::File("fuzz.toml".into());
    let checked = check_text(text, &source);
    // Rendering resolves every position against the text: it must not panic either.
    for finding in &checked.findings {
        let _ = finding.diagnostic("fuzz.toml", Lang::Fi).render(Lang::Fi);
    }
});
