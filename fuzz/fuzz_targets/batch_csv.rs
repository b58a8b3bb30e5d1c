//! Batch CSV read and scored against the small test questionnaire, as `kuntakompassi score FILE.csv` does:
//! encoding and delimiter detection, the header plan, every row through the engine, every error rendered.
//! A scored row must equal the reference assessment of its answer sheet to the last bit, and an engine that
//! keeps no per-question outcomes (as for a summary alone) must give it the same scores.
#![no_main]

use std::sync::LazyLock;

use kuntakompassi::batch::read::{BatchReadError, EncodingChoice, ReadOptions, Row, Source};
use kuntakompassi::batch::{Engine, RowKind, header};
use kuntakompassi::i18n::Lang;
use kuntakompassi::questionnaire::Questionnaire;
use kuntakompassi::questionnaire::load::{Source as QSource, load_text};
use libfuzzer_sys::fuzz_target;

static QUESTIONNAIRE: LazyLock<Questionnaire> = LazyLock::new(|| {
    let text = include_str!("../../tests/fixtures/pieni.toml");
    load_text(text, &QSource::File("pieni.toml".into())).expect("the fixture questionnaire is valid")
});

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().expect("a temporary folder"));

fuzz_target!(|data: &[u8]| {
    // The first byte chooses the options a user could give; the rest is the file.
    let Some((&selector, rest)) = data.split_first() else { return };
    let encoding = match selector % 4 {
        0 => EncodingChoice::Auto,
        1 => EncodingChoice::Utf8,
        2 => EncodingChoice::Windows1252,
        _ => EncodingChoice::Utf16,
    };
    let delimiter = match (selector / 4) % 4 {
        0 => None,
        1 => Some(b','),
        2 => Some(b';'),
        _ => Some(b'\t'),
    };
    let path = DIR.path().join("vastaukset.csv");
    std::fs::write(&path, rest).expect("the temporary file is written");
    let options = ReadOptions { encoding, delimiter, sheet: None };
    let Ok(mut source) = Source::open(&path, &options) else { return };

    let q = &*QUESTIONNAIRE;
    let mut engine: Option<Engine<'_>> = None;
    let mut lean: Option<Engine<'_>> = None;
    let _ = source.for_each_row(|row: &Row| -> Result<bool, BatchReadError> {
        let Some(engine) = engine.as_mut() else {
            if row.is_blank() {
                return Ok(true);
            }
            let headers: Vec<String> = (0..row.len()).map(|i| row.cell_lossy(i).into_owned()).collect();
            match header::plan(q, &headers, row.line, None, None) {
                Ok((plan, _notes)) => {
                    let mut summary_only = Engine::new(q, plan.clone());
                    summary_only.keep_outcomes(false);
                    lean = Some(summary_only);
                    engine = Some(Engine::new(q, plan));
                }
                Err(findings) => {
                    assert!(!findings.is_empty(), "a refused header names its problems");
                    return Ok(false);
                }
            }
            return Ok(true);
        };
        let kind = engine.process(row);
        if let Some(lean) = lean.as_mut() {
            assert_eq!(lean.process(row), kind);
            if kind == RowKind::Scored {
                let (full, lean) = (&engine.tally.assessment, &lean.tally.assessment);
                assert_eq!(lean.themes, full.themes);
                assert_eq!(lean.overall.map(f64::to_bits), full.overall.map(f64::to_bits));
                assert_eq!(lean.completeness.to_bits(), full.completeness.to_bits());
            }
        }
        match kind {
            // An incomplete response is set aside whole, with no errors of its own to name.
            RowKind::Blank | RowKind::Incomplete => {}
            RowKind::Rejected => {
                assert!(!engine.errors.is_empty(), "a rejected row names its errors");
                for error in &engine.errors {
                    let _ = engine.render_error(error, "vastaukset.csv", row, Lang::Fi);
                }
            }
            RowKind::Scored => {
                let sheet = engine.sheet(row);
                assert_eq!(engine.tally.assessment, kuntakompassi::scoring::assess(q, &sheet));
            }
        }
        Ok(true)
    });
});
