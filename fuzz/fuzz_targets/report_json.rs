//! Report JSON as `report` and `compare` read it: parse, then render every format; the report is also
//! compared with a copy of itself dated later, and a batch summary (a JSON array) is read as `compare` reads
//! one, against the small test questionnaire, and compared.
#![no_main]

use std::sync::LazyLock;

use kuntakompassi::compare::{self, GroupBy, Input, summary_input};
use kuntakompassi::i18n::Lang;
use kuntakompassi::questionnaire::Questionnaire;
use kuntakompassi::questionnaire::load::{Source, load_text};
use kuntakompassi::render::report::{csv, html, markdown, terminal as table, xlsx};
use kuntakompassi::report::{Report, load};
use libfuzzer_sys::fuzz_target;

static QUESTIONNAIRE: LazyLock<Questionnaire> = LazyLock::new(|| {
    let text = include_str!("../../tests/fixtures/pieni.toml");
    load_text(text, &Source::File("pieni.toml".into())).expect("the fixture questionnaire is valid")
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if summary_input::looks_like_summary(text) {
        let Ok(rows) = summary_input::parse(text, "summary.json") else { return };
        let template = summary_input::Template::of_questionnaire(&QUESTIONNAIRE, Lang::Fi);
        let inputs: Vec<Input> = rows
            .iter()
            .map(|row| Input { file: "summary.json".into(), report: summary_input::report(row, &template), from_summary: true })
            .collect();
        compare_all(&inputs);
        return;
    }
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
    let mut later: Report = report.clone();
    later.created = "2099-01-01T00:00:00Z".into();
    compare_all(&[
        Input { file: "a.json".into(), report, from_summary: false },
        Input { file: "b.json".into(), report: later, from_summary: false },
    ]);
});

fn compare_all(inputs: &[Input]) {
    for (group_by, anonymize) in [(GroupBy::Region, false), (GroupBy::SizeClass, true)] {
        let Ok(c) = compare::compare(inputs, group_by, anonymize, Lang::Sv) else { continue };
        let _ = kuntakompassi::render::compare::text::table(&c, Lang::Fi, 100);
        let _ = kuntakompassi::render::compare::text::markdown(&c, Lang::Sv);
        let _ = kuntakompassi::render::compare::text::csv(&c);
        let _ = kuntakompassi::render::compare::text::json(&c);
        let _ = kuntakompassi::render::compare::html::render(&c, Lang::En);
        let _ = kuntakompassi::render::compare::xlsx::render(&c, Lang::Fi);
    }
}
