//! A workbook read as `kuntakompassi score FILE.xlsx` reads it, with every limit on: the file's kind told
//! by its bytes, the zip directory and every part calamine reads checked, then the sheet's rows through the
//! engine, every error rendered. Nothing may panic, and libFuzzer's memory limit (run with
//! `-rss_limit_mb=512`) stands for the bound on a read's memory.
//!
//! The first byte chooses what the rest is: the whole file (even), or the XML of the sheet (odd), put in a
//! well-formed workbook with a small shared-strings table, so that the fuzzer reaches the XML checks and
//! calamine's reading without having to find the zip format first.
#![no_main]

use std::io::Write;
use std::sync::LazyLock;

use kuntakompassi::batch::read::{BatchReadError, ReadOptions, Row, Source};
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

const WORKBOOK: &str = r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const RELATIONSHIPS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
const STRINGS: &str = r#"<sst uniqueCount="4"><si><t>municipality</t></si><si><t>a.level</t></si><si><t>Aura</t></si><si><r><t>t.</t></r><r><t>yes</t></r></si></sst>"#;

fn workbook_around(sheet: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in [
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", RELATIONSHIPS.as_bytes()),
        ("xl/sharedStrings.xml", STRINGS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet),
    ] {
        zip.start_file(name, options).expect("a part starts");
        zip.write_all(bytes).expect("a part is written");
    }
    zip.finish().expect("the archive is finished").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let bytes = if selector % 2 == 0 { rest.to_vec() } else { workbook_around(rest) };
    let path = DIR.path().join("vastaukset.xlsx");
    std::fs::write(&path, &bytes).expect("the temporary file is written");
    let Ok(mut source) = Source::open(&path, &ReadOptions::default()) else { return };

    let q = &*QUESTIONNAIRE;
    let mut engine: Option<Engine<'_>> = None;
    let _ = source.for_each_row(|row: &Row| -> Result<bool, BatchReadError> {
        assert!(row.len() <= 16_384, "a row past the last column");
        let Some(engine) = engine.as_mut() else {
            let headers: Vec<String> = (0..row.len()).map(|i| row.cell_lossy(i).into_owned()).collect();
            match header::plan(q, &headers, row.line, None, None) {
                Ok((plan, _notes)) => engine = Some(Engine::new(q, plan)),
                Err(findings) => {
                    assert!(!findings.is_empty(), "a refused header names its problems");
                    return Ok(false);
                }
            }
            return Ok(true);
        };
        match engine.process(row) {
            // An incomplete response is set aside whole, with no errors of its own to name.
            RowKind::Blank | RowKind::Scored | RowKind::Incomplete => {}
            RowKind::Rejected => {
                assert!(!engine.errors.is_empty(), "a rejected row names its errors");
                for error in &engine.errors {
                    let _ = engine.render_error(error, "vastaukset.xlsx", row, Lang::Fi);
                }
            }
        }
        Ok(true)
    });
});
