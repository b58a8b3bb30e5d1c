//! Report JSON as `report` (and later `compare`) reads it: parse, then render every format.
#![no_main]

use kuntakompassi::i18n::Lang;
use kuntakompassi::report::{csv, html, load, markdown, table, xlsx};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let report = match load::parse(text, "fuzz.json") {
        Ok(report) => report,
        Err(error) => {
            let _ = error.message(Lang::Fi);
            return;
        }
    };
    let _ = markdown::render(&report, Lang::Sv);
    let _ = html::render(&report, Lang::En);
    let _ = csv::long(&report, Lang::Fi);
    let _ = csv::summary(&report);
    let mut out = Vec::new();
    let _ = table::render(&report, Lang::Fi, &table::TableOptions::default(), &mut out);
    let _ = xlsx::render(&report, Lang::Fi);
});
