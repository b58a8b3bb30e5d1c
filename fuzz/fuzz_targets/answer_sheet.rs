//! Answer sheets (TOML and JSON) checked against the small test questionnaire, then scored and reported.
#![no_main]

use std::sync::LazyLock;

use kuntakompassi::answers::sheet::{Format, ParsedSheet};
use kuntakompassi::i18n::Lang;
use kuntakompassi::questionnaire::Questionnaire;
use kuntakompassi::questionnaire::load::{Source, load_text};
use libfuzzer_sys::fuzz_target;

static QUESTIONNAIRE: LazyLock<Questionnaire> = LazyLock::new(|| {
    let text = include_str!("../../tests/fixtures/pieni.toml");
    load_text(text, &Source::File("pieni.toml".into())).expect("the fixture questionnaire is valid")
});

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let format = if selector % 2 == 0 { Format::Toml } else { Format::Json };
    let parsed = match ParsedSheet::parse(text, format) {
        Ok(parsed) => parsed,
        Err(finding) => {
            let _ = finding.diagnostic("fuzz", Lang::Sv).render(Lang::Sv);
            return;
        }
    };
    let _ = parsed.check_draft(&QUESTIONNAIRE);
    let (sheet, findings) = parsed.check(&QUESTIONNAIRE);
    for finding in &findings {
        let _ = finding.diagnostic("fuzz", Lang::En).render(Lang::En);
    }
    if let Some(sheet) = sheet {
        let assessment = kuntakompassi::scoring::assess(&QUESTIONNAIRE, &sheet);
        let _ = kuntakompassi::roadmap::of_assessment(&QUESTIONNAIRE, &assessment);
    }
});
