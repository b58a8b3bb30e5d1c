//! The bad-input catalogue: every command, run as a user would, on malformed input.
//!
//! Each case sets up its files in a fresh folder, runs the real binary, and checks the exit code, that the
//! message names the file (and the line and column, or the cell, where there is one), that nothing panicked,
//! and that the run left no file behind, partial or whole: the folder holds exactly what the case put there.

#[path = "cli/support.rs"]
#[allow(dead_code)]
mod support;

use nix::sys::resource::{Resource, UsageWho, getrusage, setrlimit};
use support::{Kk, listing};

/// One malformed input and what the tool must answer.
struct Case {
    name: &'static str,
    /// Writes the case's files into the run's folder and returns the arguments.
    setup: fn(&Kk) -> Vec<String>,
    code: i32,
    /// Every one of these must appear in standard error.
    says: &'static [&'static str],
}

const PIENI: &str = include_str!("fixtures/pieni.toml");
const SHEET: &str = include_str!("fixtures/pieni-vastaus.toml");
const REPORT: &str = include_str!("../examples/kalliojarvi-report.json");

fn pieni(kk: &Kk) -> String {
    kk.file("pieni.toml", PIENI).display().to_string()
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_string()).collect()
}

/// `score NAME -q pieni.toml` after writing NAME with the given bytes.
fn score_file(kk: &Kk, name: &str, bytes: &[u8]) -> Vec<String> {
    let q = pieni(kk);
    kk.file(name, bytes);
    args(&["score", name, "-q", &q, "--format", "json"])
}

fn validate_file(kk: &Kk, name: &str, bytes: &[u8]) -> Vec<String> {
    kk.file(name, bytes);
    args(&["questionnaire", "validate", name])
}

/// A line far longer than any real file, one byte over 100 MB.
fn huge_line() -> Vec<u8> {
    let mut bytes = vec![b'a'; 100 * 1024 * 1024 + 1];
    bytes[0] = b'#';
    bytes
}

/// The parts of a small XLSX workbook of one sheet, `xl/worksheets/sheet1.xml`, without the sheet itself.
fn workbook_parts() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_vec(),
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_vec(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_vec(),
        ),
    ]
}

const SHEET_START: &str =
    r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_END: &str = "</sheetData></worksheet>";

/// A sheet of inline-string rows.
fn sheet_xml(rows: &[&[&str]]) -> String {
    let mut xml = SHEET_START.to_string();
    for (i, row) in rows.iter().enumerate() {
        xml.push_str(&format!("<row r=\"{}\">", i + 1));
        for cell in *row {
            xml.push_str(&format!("<c t=\"inlineStr\"><is><t>{cell}</t></is></c>"));
        }
        xml.push_str("</row>");
    }
    xml + SHEET_END
}

/// A zip archive of these parts, deflated, written with the zip crate.
fn zip_of(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A workbook whose sheet is this XML, and any other parts.
fn xlsx_with(sheet: &str, extra: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut parts = workbook_parts();
    parts.push(("xl/worksheets/sheet1.xml", sheet.as_bytes().to_vec()));
    parts.extend(extra.iter().cloned());
    zip_of(&parts)
}

/// An OLE compound file with these streams, as Office writes an encrypted workbook or an `.xls`.
fn compound_file(streams: &[&str]) -> Vec<u8> {
    use std::io::Write;
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    for name in streams {
        file.create_stream(name).unwrap().write_all(&[7u8; 4096]).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

/// Letters that do not pack much, as a cell's real text does not.
fn letters(count: usize) -> String {
    let mut state = 0x2545_f491_u32;
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            char::from(b'a' + (state % 26) as u8)
        })
        .collect()
}

/// `score NAME -q pieni.toml --out-dir tulokset` after writing NAME.
fn score_batch(kk: &Kk, name: &str, bytes: &[u8]) -> Vec<String> {
    let q = pieni(kk);
    kk.file(name, bytes);
    args(&["score", name, "-q", &q, "--out-dir", "tulokset"])
}

const CASES: &[Case] = &[
    // --- score: the answer sheet ---
    Case {
        name: "score: missing path",
        setup: |kk| {
            let q = pieni(kk);
            args(&["score", "puuttuu.toml", "-q", &q])
        },
        code: 2,
        says: &["puuttuu.toml"],
    },
    Case {
        name: "score: a directory given as a file",
        setup: |kk| {
            let q = pieni(kk);
            std::fs::create_dir(kk.dir().join("kansio")).unwrap();
            args(&["score", "kansio", "-q", &q])
        },
        code: 2,
        says: &["kansio"],
    },
    Case { name: "score: empty file", setup: |kk| score_file(kk, "tyhja.toml", b""), code: 2, says: &["tyhja.toml"] },
    Case {
        name: "score: binary garbage",
        setup: |kk| score_file(kk, "roska.toml", &[0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0xff, 0xfe, 0x00]),
        code: 2,
        says: &["roska.toml"],
    },
    Case {
        name: "score: invalid UTF-8 names the line and column",
        setup: |kk| score_file(kk, "latin1.toml", b"questionnaire = \"pieni\"\n# P\xf6yty\xe4\n"),
        code: 2,
        says: &["latin1.toml:2:"],
    },
    Case {
        name: "score: a 100 MB single line",
        setup: |kk| score_file(kk, "valtava.toml", &huge_line()),
        code: 2,
        says: &["valtava.toml"],
    },
    Case {
        name: "score: a truncated JSON sheet",
        setup: |kk| score_file(kk, "katkennut.json", br#"{"questionnaire": "pieni", "answers": {"a.level": 2, "a.cho"#),
        code: 2,
        says: &["katkennut.json:1:"],
    },
    Case {
        name: "score: a sheet for another questionnaire",
        setup: |kk| score_file(kk, "toinen.toml", SHEET.replace("\"pieni\"", "\"pikakartoitus\"").as_bytes()),
        code: 2,
        says: &["toinen.toml", "pikakartoitus", "pieni"],
    },
    Case {
        name: "score: wrong value types, every one reported with its place",
        setup: |kk| {
            let sheet = SHEET.replace("\"a.level\" = 2", "\"a.level\" = \"kaksi\"").replace("= 45.5", "= [1]");
            score_file(kk, "tyypit.toml", sheet.as_bytes())
        },
        code: 2,
        says: &["tyypit.toml:14:", "a.level", "kaksi", "tyypit.toml:17:", "a.number"],
    },
    Case {
        name: "score: duplicate TOML keys",
        setup: |kk| score_file(kk, "kahdesti.toml", format!("{SHEET}\n[answers]\n").as_bytes()),
        code: 2,
        says: &["kahdesti.toml:"],
    },
    Case {
        name: "score: an unwritable output folder",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("vastaus.toml", SHEET);
            kk.file("tiedosto", "not a folder");
            args(&["score", "vastaus.toml", "-q", &q, "-o", "tiedosto/raportti.json"])
        },
        code: 1,
        says: &["tiedosto/raportti.json"],
    },
    Case {
        name: "score: the output file is the input file",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("vastaus.toml", SHEET);
            args(&["score", "vastaus.toml", "-q", &q, "-o", "./vastaus.toml"])
        },
        code: 2,
        says: &["vastaus.toml"],
    },
    // --- questionnaire validate / show / score -q: the questionnaire ---
    Case {
        name: "validate: missing path",
        setup: |_| args(&["questionnaire", "validate", "ei-ole.toml"]),
        code: 2,
        says: &["ei-ole.toml"],
    },
    Case {
        name: "validate: a directory given as a file",
        setup: |kk| {
            std::fs::create_dir(kk.dir().join("kyselyt")).unwrap();
            args(&["questionnaire", "validate", "kyselyt"])
        },
        code: 2,
        says: &["kyselyt"],
    },
    Case {
        name: "validate: empty file",
        setup: |kk| validate_file(kk, "tyhja.toml", b""),
        code: 2,
        says: &["tyhja.toml"],
    },
    Case {
        name: "validate: binary garbage",
        setup: |kk| validate_file(kk, "roska.toml", &[0u8, 159, 146, 150, 0, 1, 2, 3]),
        code: 2,
        says: &["roska.toml"],
    },
    Case {
        name: "validate: invalid UTF-8",
        setup: |kk| validate_file(kk, "latin1.toml", b"[questionnaire]\nid = \"p\xe4\"\n"),
        code: 2,
        says: &["latin1.toml:2:"],
    },
    Case {
        name: "validate: a 100 MB single line",
        setup: |kk| validate_file(kk, "valtava.toml", &huge_line()),
        code: 2,
        says: &["valtava.toml"],
    },
    Case {
        name: "validate: duplicate TOML keys",
        setup: |kk| {
            validate_file(
                kk,
                "kahdesti.toml",
                PIENI.replacen("version = ", "version = \"2\"\nversion = ", 1).as_bytes(),
            )
        },
        code: 2,
        says: &["kahdesti.toml:"],
    },
    Case {
        name: "validate: wrong value types",
        setup: |kk| {
            validate_file(kk, "tyypit.toml", PIENI.replacen("weight = ", "weight = \"paljon\" #", 1).as_bytes())
        },
        code: 2,
        says: &["tyypit.toml:"],
    },
    Case {
        name: "score -q: a broken questionnaire stops scoring",
        setup: |kk| {
            kk.file("rikki.toml", "[questionnaire\n");
            kk.file("vastaus.toml", SHEET);
            args(&["score", "vastaus.toml", "-q", "rikki.toml"])
        },
        code: 2,
        says: &["rikki.toml:1:"],
    },
    Case {
        name: "show: unknown built-in id",
        setup: |_| args(&["questionnaire", "show", "kuntakompasi"]),
        code: 2,
        says: &["kuntakompasi"],
    },
    // --- report: a saved report ---
    Case { name: "report: missing path", setup: |_| args(&["report", "ei-ole.json"]), code: 2, says: &["ei-ole.json"] },
    Case {
        name: "report: a directory given as a file",
        setup: |kk| {
            std::fs::create_dir(kk.dir().join("raportit")).unwrap();
            args(&["report", "raportit"])
        },
        code: 2,
        says: &["raportit"],
    },
    Case {
        name: "report: empty file",
        setup: |kk| {
            kk.file("tyhja.json", "");
            args(&["report", "tyhja.json"])
        },
        code: 2,
        says: &["tyhja.json"],
    },
    Case {
        name: "report: binary garbage",
        setup: |kk| {
            kk.file("roska.json", [0x50u8, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
            args(&["report", "roska.json", "--format", "md"])
        },
        code: 2,
        says: &["roska.json:1:"],
    },
    Case {
        name: "report: a truncated JSON report names the line and column",
        setup: |kk| {
            kk.file("katkennut.json", "{\n  \"schema\": \"kuntakompassi.report/1\",\n  \"created\": \"2026");
            args(&["report", "katkennut.json", "--format", "html", "-o", "r.html"])
        },
        code: 2,
        says: &["katkennut.json:3:"],
    },
    Case {
        name: "report: a report of an unknown schema version",
        setup: |kk| {
            kk.file("tuleva.json", r#"{"schema": "kuntakompassi.report/7", "themes": []}"#);
            args(&["report", "tuleva.json", "-o", "r.csv"])
        },
        code: 2,
        says: &["tuleva.json", "kuntakompassi.report/7"],
    },
    Case {
        name: "report: wrong value types",
        setup: |kk| {
            kk.file("tyypit.json", r#"{"schema": "kuntakompassi.report/1", "themes": "kaikki"}"#);
            args(&["report", "tyypit.json"])
        },
        code: 2,
        says: &["tyypit.json"],
    },
    Case {
        name: "report: invalid UTF-8",
        setup: |kk| {
            kk.file("rikki.json", b"{\"schema\": \"kuntakompassi.report/1\", \"x\": \"\xff\"}");
            args(&["report", "rikki.json", "--format", "md"])
        },
        code: 2,
        says: &["rikki.json:1:"],
    },
    Case {
        name: "report: a 100 MB single line",
        setup: |kk| {
            kk.file("valtava.json", huge_line());
            args(&["report", "valtava.json", "--format", "md"])
        },
        code: 2,
        says: &["valtava.json"],
    },
    Case {
        name: "report: an unwritable output folder",
        setup: |kk| {
            kk.file("raportti.json", REPORT);
            kk.file("tiedosto", "not a folder");
            args(&["report", "raportti.json", "-o", "tiedosto/raportti.html"])
        },
        code: 1,
        says: &["tiedosto/raportti.html"],
    },
    Case {
        name: "report: the output file is the input file",
        setup: |kk| {
            kk.file("r.json", r#"{"schema": "kuntakompassi.report/1"}"#);
            args(&["report", "r.json", "-o", "r.json"])
        },
        code: 2,
        says: &["r.json"],
    },
    // --- score: a batch (CSV) ---
    Case {
        name: "batch: duplicate CSV headers stop the run before any output",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("erä.csv", "municipality;a.level;a.level\nKustavi;2;3\n");
            args(&["score", "erä.csv", "-q", &q, "--out-dir", "tulokset"])
        },
        code: 2,
        says: &["erä.csv:1:", "a.level"],
    },
    Case {
        name: "batch: a row with too many cells, --strict",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("pitkä.csv", "municipality;a.level\nKustavi;2;3;4\n");
            args(&["score", "pitkä.csv", "-q", &q, "--strict", "-o", "yhteenveto.csv"])
        },
        code: 2,
        says: &["pitkä.csv:2"],
    },
    Case {
        name: "batch: a row with too few cells, --strict",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("lyhyt.csv", "municipality;a.level;t.yes\nKustavi;2\n");
            args(&["score", "lyhyt.csv", "-q", &q, "--strict", "--out-dir", "tulokset"])
        },
        code: 2,
        says: &["lyhyt.csv:2"],
    },
    Case {
        name: "batch: a missing municipality column",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("ilman.csv", "a.level\n2\n");
            args(&["score", "ilman.csv", "-q", &q, "--out-dir", "tulokset"])
        },
        code: 2,
        says: &["ilman.csv", "municipality"],
    },
    Case {
        name: "batch: missing path",
        setup: |kk| {
            let q = pieni(kk);
            args(&["score", "ei-ole.csv", "-q", &q, "--out-dir", "tulokset"])
        },
        code: 2,
        says: &["ei-ole.csv"],
    },
    Case {
        name: "batch: empty file",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("tyhja.csv", "");
            args(&["score", "tyhja.csv", "-q", &q, "--out-dir", "tulokset"])
        },
        code: 2,
        says: &["tyhja.csv"],
    },
    Case {
        name: "batch: binary garbage",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("roska.csv", [0x00, 0xff, 0x13, 0x37, 0x00, 0x00, 0xfe, b'\n', 0x01, 0x02]);
            args(&["score", "roska.csv", "-q", &q, "--out-dir", "tulokset"])
        },
        code: 2,
        says: &["roska.csv"],
    },
    Case {
        name: "batch: invalid UTF-8 read as UTF-8 names the cell, --strict",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("rikki.csv", b"municipality;a.level\nP\xf6yty\xe4;2\n");
            args(&["score", "rikki.csv", "-q", &q, "--encoding", "utf-8", "--strict", "-o", "yhteenveto.csv"])
        },
        code: 2,
        says: &["rikki.csv:2:1 (municipality)"],
    },
    Case {
        name: "batch: a 100 MB single line",
        setup: |kk| {
            let q = pieni(kk);
            let mut bytes = b"municipality,".to_vec();
            bytes.extend(huge_line());
            kk.file("valtava.csv", bytes);
            args(&["score", "valtava.csv", "-q", &q, "--out-dir", "tulokset"])
        },
        code: 2,
        says: &["valtava.csv:1"],
    },
    Case {
        name: "batch: a file for another questionnaire names its unknown columns",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("muu.csv", "municipality,strategy.owner,security.backups\nAura,2,3\n");
            args(&["score", "muu.csv", "-q", &q, "--out-dir", "tulokset"])
        },
        code: 2,
        says: &["muu.csv:1:2 (strategy.owner)", "muu.csv:1:3 (security.backups)", "--map"],
    },
    Case {
        name: "batch: wrong value types, every cell named, --strict",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("arvot.csv", "municipality;a.level;a.number;t.yes\nAura;paljon;sata;ehkä\n");
            args(&["score", "arvot.csv", "-q", &q, "--strict", "--out-dir", "tulokset"])
        },
        code: 2,
        says: &["arvot.csv:2:2 (a.level)", "arvot.csv:2:3 (a.number)", "arvot.csv:2:4 (t.yes)"],
    },
    Case {
        name: "batch: an unwritable output folder",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("erä.csv", "municipality;a.level\nKustavi;2\n");
            kk.file("tiedosto", "not a folder");
            args(&["score", "erä.csv", "-q", &q, "--out-dir", "tiedosto/tulokset"])
        },
        code: 1,
        says: &["tiedosto/tulokset"],
    },
    Case {
        name: "batch: the output file is the input file",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("erä.csv", "municipality;a.level\nKustavi;2\n");
            args(&["score", "erä.csv", "-q", &q, "--format", "csv", "-o", "./erä.csv"])
        },
        code: 2,
        says: &["erä.csv"],
    },
    // --- score: a batch (XLSX and other workbooks) ---
    Case {
        name: "batch: an XLSX that is not a zip (a CSV file named .xlsx)",
        setup: |kk| score_batch(kk, "vastaukset.xlsx", b"municipality;a.level\nKustavi;2\n"),
        code: 2,
        says: &["vastaukset.xlsx", "zip", ".csv"],
    },
    Case {
        name: "batch: an .xls renamed .xlsx",
        setup: |kk| score_batch(kk, "vanha.xlsx", &compound_file(&["/Workbook"])),
        code: 2,
        says: &["vanha.xlsx", ".xls"],
    },
    Case {
        name: "batch: a password-protected (encrypted) workbook",
        setup: |kk| score_batch(kk, "salattu.xlsx", &compound_file(&["/EncryptionInfo", "/EncryptedPackage"])),
        code: 2,
        says: &["salattu.xlsx", "salasana"],
    },
    Case {
        name: "batch: an .ods spreadsheet",
        setup: |kk| {
            let ods = zip_of(&[
                ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
                ("content.xml", b"<office:document-content/>".to_vec()),
            ]);
            score_batch(kk, "taulukko.ods", &ods)
        },
        code: 2,
        says: &["taulukko.ods", "OpenDocument", ".xlsx"],
    },
    Case {
        name: "batch: an .xlsb workbook",
        setup: |kk| score_batch(kk, "binaari.xlsb", &zip_of(&[("xl/workbook.bin", vec![0u8; 64])])),
        code: 2,
        says: &["binaari.xlsb", ".xlsb"],
    },
    Case {
        name: "batch: a zip that is not a workbook",
        setup: |kk| score_batch(kk, "paketti.xlsx", &zip_of(&[("lue.txt", b"hei".to_vec())])),
        code: 2,
        says: &["paketti.xlsx", "xl/workbook.xml"],
    },
    Case {
        name: "batch: a workbook of thousands of zip entries",
        setup: |kk| {
            let names: Vec<String> = (0..3000).map(|i| format!("xl/media/kuva{i}.xml")).collect();
            let extra: Vec<(&str, Vec<u8>)> = names.iter().map(|n| (n.as_str(), b"<a/>".to_vec())).collect();
            score_batch(kk, "osat.xlsx", &xlsx_with(&sheet_xml(&[&["municipality"]]), &extra))
        },
        code: 2,
        says: &["osat.xlsx", "3004", "1000"],
    },
    Case {
        name: "batch: a sheet nested without end",
        setup: |kk| {
            let sheet = format!("{SHEET_START}{}{SHEET_END}", "<a>".repeat(200_000));
            score_batch(kk, "sisakkain.xlsx", &xlsx_with(&sheet, &[]))
        },
        code: 2,
        says: &["sisakkain.xlsx", "xl/worksheets/sheet1.xml", "100"],
    },
    Case {
        name: "batch: a shared-strings table that claims billions of strings",
        setup: |kk| {
            let sst = br#"<sst uniqueCount="99999999999" count="1"><si><t>municipality</t></si></sst>"#.to_vec();
            let sheet = format!(r#"{SHEET_START}<row r="1"><c t="s"><v>0</v></c></row>{SHEET_END}"#);
            score_batch(kk, "jonot.xlsx", &xlsx_with(&sheet, &[("xl/sharedStrings.xml", sst)]))
        },
        code: 2,
        says: &["jonot.xlsx", "xl/sharedStrings.xml", "1048576"],
    },
    Case {
        name: "batch: an XLSX cell over 1 MiB",
        setup: |kk| {
            let long = letters(1024 * 1024 + 1);
            score_batch(kk, "pitka.xlsx", &xlsx_with(&sheet_xml(&[&["municipality", &long]]), &[]))
        },
        code: 2,
        says: &["pitka.xlsx", "xl/worksheets/sheet1.xml", "1 MiB"],
    },
    Case {
        name: "batch: an XLSX row of shared strings over 4 MiB",
        setup: |kk| {
            // Each cell is the same 600 KiB string: the part is small, the row is not.
            let sst = format!(r#"<sst uniqueCount="1"><si><t>{}</t></si></sst>"#, "b".repeat(600 * 1024));
            let cells: String = (0..8).map(|_| r#"<c t="s"><v>0</v></c>"#).collect();
            let sheet = format!(r#"{SHEET_START}<row r="1">{cells}</row>{SHEET_END}"#);
            score_batch(kk, "jaetut.xlsx", &xlsx_with(&sheet, &[("xl/sharedStrings.xml", sst.into_bytes())]))
        },
        code: 2,
        says: &["jaetut.xlsx:1", "4 MiB"],
    },
    Case {
        name: "batch: an XLSX cell past the last column",
        setup: |kk| {
            let sheet = format!(
                r#"{SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>municipality</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Aura</t></is></c><c t="inlineStr"><is><t>x</t></is></c></row>{SHEET_END}"#
            );
            // calamine counts a cell without a place from the one before; 20,000 of them pass the last column.
            let many: String = (0..20_000).map(|_| "<c><v>1</v></c>").collect();
            let sheet = sheet.replace("<is><t>x</t></is></c>", &format!("<is><t>x</t></is></c>{many}"));
            score_batch(kk, "leveä.xlsx", &xlsx_with(&sheet, &[]))
        },
        code: 2,
        says: &["leveä.xlsx:2", "16384"],
    },
    // --- score: a batch (CSV structure) ---
    Case {
        name: "batch: a quote open at the end of a CSV file names the opening quote",
        setup: |kk| score_batch(kk, "auki.csv", b"municipality,a.level\nAura,1\nSalo,\"2"),
        code: 2,
        says: &["auki.csv:3:2"],
    },
    Case {
        name: "batch: a quote open in the middle that swallows lines names its cell",
        setup: |kk| {
            let mut arguments =
                score_batch(kk, "nielee.csv", b"municipality,a.level\nAura,\"1\nSalo,2,x\nPori,3\",1\nKemi,2\n");
            arguments.push("--strict".into());
            arguments
        },
        code: 2,
        says: &["nielee.csv:2:2 (a.level)", "3 riville"],
    },
    Case {
        name: "batch: the only cell across lines, with the right count of cells, gets a warning",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("yksi.csv", b"municipality,a.level\nAura,\"1\nSalo,2\nPori,\"3\nKemi,2\n");
            args(&["score", "yksi.csv", "-q", &q, "--format", "csv"])
        },
        code: 0,
        says: &["yksi.csv:2:2 (a.level)", "ainoa solu"],
    },
    // --- questionnaire template ---
    Case {
        name: "template: unknown built-in id",
        setup: |_| args(&["questionnaire", "template", "ei-ole-olemassa", "-o", "pohja.csv"]),
        code: 2,
        says: &["ei-ole-olemassa"],
    },
    Case {
        name: "template: an unwritable output folder",
        setup: |kk| {
            kk.file("tiedosto", "not a folder");
            args(&["questionnaire", "template", "kuntakompassi", "-o", "tiedosto/pohja.xlsx", "--format", "xlsx"])
        },
        code: 1,
        says: &["tiedosto/pohja"],
    },
    // --- questionnaire export ---
    Case {
        name: "export: unknown built-in id",
        setup: |_| args(&["questionnaire", "export", "ei-ole-olemassa", "--to", "limesurvey", "-o", "kysely.txt"]),
        code: 2,
        says: &["ei-ole-olemassa"],
    },
    Case {
        name: "export: a broken questionnaire file",
        setup: |kk| {
            kk.file("rikki.toml", PIENI.replace("kind = \"level\"", "kind = \"tasot\""));
            args(&["questionnaire", "export", "rikki.toml", "--to", "limesurvey", "-o", "kysely.txt"])
        },
        code: 2,
        says: &["rikki.toml"],
    },
    Case {
        name: "export: a file name LimeSurvey would not import",
        setup: |_| args(&["questionnaire", "export", "kuntakompassi", "--to", "limesurvey", "-o", "kysely.lss"]),
        code: 2,
        says: &["kysely.txt", ".txt"],
    },
    Case {
        name: "export: an unwritable output folder",
        setup: |kk| {
            kk.file("tiedosto", "not a folder");
            args(&["questionnaire", "export", "kuntakompassi", "--to", "limesurvey", "-o", "tiedosto/kysely.txt"])
        },
        code: 1,
        says: &["tiedosto/kysely.txt"],
    },
    // --- compare: reports, folders and batch summaries ---
    Case {
        name: "compare: a file that is not a report",
        setup: |kk| {
            kk.file("muistio.json", r#"{"otsikko": "seutukokous"}"#);
            args(&["compare", "muistio.json", "-o", "vertailu.html"])
        },
        code: 2,
        says: &["muistio.json", "ei ole kuntakompassin raportti"],
    },
    Case {
        name: "compare: a report of a newer schema version, inside a folder",
        setup: |kk| {
            kk.file("raportit/kalliojarvi.json", REPORT);
            kk.file("raportit/tuleva.json", r#"{"schema": "kuntakompassi.report/2", "themes": []}"#);
            args(&["compare", "raportit", "-o", "vertailu.xlsx"])
        },
        code: 2,
        says: &["raportit/tuleva.json", "kuntakompassi.report/2"],
    },
    Case {
        name: "compare: a truncated report names the line and column",
        setup: |kk| {
            kk.file("raportit/katkennut.json", "{\n  \"schema\": \"kuntakompassi.report/1\",\n  \"created\": \"2026");
            args(&["compare", "raportit", "-o", "vertailu.csv"])
        },
        code: 2,
        says: &["raportit/katkennut.json:3:"],
    },
    Case {
        name: "compare: duplicate reports of the same municipality and date are named and counted once",
        setup: |kk| {
            kk.file("raportit/kalliojarvi.json", REPORT);
            kk.file("raportit/kopio.json", REPORT);
            args(&["compare", "raportit", "--format", "json"])
        },
        code: 0,
        says: &["raportit/kopio.json", "raportit/kalliojarvi.json", "lasketaan vain kerran"],
    },
    Case {
        name: "compare: an empty folder",
        setup: |kk| {
            std::fs::create_dir(kk.dir().join("tyhja")).unwrap();
            args(&["compare", "tyhja", "-o", "vertailu.md"])
        },
        code: 2,
        says: &["tyhja"],
    },
    Case {
        name: "compare: a folder with no report in it, only other JSON",
        setup: |kk| {
            kk.file("muut/asetukset.json", r#"{"teema": "tumma"}"#);
            args(&["compare", "muut", "-o", "vertailu.json"])
        },
        code: 2,
        says: &["muut/asetukset.json", "muut"],
    },
    Case {
        name: "compare: a summary.json whose rows are not a batch's",
        setup: |kk| {
            kk.file("summary.json", r#"[{"municipality": "Aura"}]"#);
            args(&["compare", "summary.json", "-o", "vertailu.html"])
        },
        code: 2,
        says: &["summary.json", "ei ole erän yhteenveto"],
    },
    Case {
        name: "compare: a summary.json whose questionnaire cannot be told",
        setup: |kk| {
            // The themes of both kuntakompassi and pikakartoitus, and no report beside it.
            let themes =
                ["strategy", "services", "skills", "resources", "security", "data", "infrastructure", "cooperation"]
                    .map(|id| format!(r#"{{"id": "{id}", "score": 50.0, "band": null}}"#))
                    .join(",");
            kk.file(
                "erä/summary.json",
                format!(
                    r#"[{{"municipality": "Aura", "respondents": 1, "overall": {{"score": 50.0, "band": null}}, "themes": [{themes}], "report": "aura.json"}}]"#
                ),
            );
            args(&["compare", "erä/summary.json", "-o", "vertailu.xlsx"])
        },
        code: 2,
        says: &["erä/summary.json", "raporttitiedostot"],
    },
    Case {
        name: "compare: missing path",
        setup: |_| args(&["compare", "ei-ole.json"]),
        code: 2,
        says: &["ei-ole.json"],
    },
    Case {
        name: "compare: binary garbage",
        setup: |kk| {
            kk.file("roska.json", [0x00, 0xff, 0x13, 0x37, 0xfe]);
            args(&["compare", "roska.json", "-o", "vertailu.csv"])
        },
        code: 2,
        says: &["roska.json"],
    },
    Case {
        name: "compare: the output file is an input file",
        setup: |kk| {
            kk.file("kalliojarvi.json", REPORT);
            args(&["compare", "kalliojarvi.json", "--format", "json", "-o", "./kalliojarvi.json"])
        },
        code: 2,
        says: &["kalliojarvi.json"],
    },
    Case {
        name: "compare: an unwritable output folder",
        setup: |kk| {
            kk.file("kalliojarvi.json", REPORT);
            kk.file("tiedosto", "not a folder");
            args(&["compare", "kalliojarvi.json", "-o", "tiedosto/vertailu.html"])
        },
        code: 1,
        says: &["tiedosto/vertailu.html"],
    },
    // --- interview: the draft ---
    Case { name: "interview: without a terminal", setup: |_| args(&["interview"]), code: 2, says: &["score"] },
    Case {
        name: "interview: a broken questionnaire stops it before any question",
        setup: |kk| {
            kk.file("rikki.toml", "[questionnaire]\nid = \"rikki\"\nid = \"kahdesti\"\n");
            args(&["interview", "-q", "rikki.toml"])
        },
        code: 2,
        says: &["rikki.toml:3:"],
    },
    Case {
        name: "interview: resuming a draft that is not a draft",
        setup: |kk| {
            let q = pieni(kk);
            kk.file("luonnos.toml", "tämä ei ole luonnos = [");
            args(&["interview", "-q", &q, "--resume", "luonnos.toml"])
        },
        code: 2,
        says: &["luonnos.toml:1:"],
    },
];

#[test]
fn every_bad_input_gets_a_located_message_an_error_code_and_leaves_nothing_behind() {
    let mut failures = Vec::new();
    for case in CASES {
        let kk = Kk::new().arg("--lang").arg("fi");
        let arguments = (case.setup)(&kk);
        let before = listing(kk.dir());
        let started = std::time::Instant::now();
        let run = kk.args(arguments).run();
        if started.elapsed().as_secs() >= 5 {
            eprintln!("slow case ({:.1} s): {}", started.elapsed().as_secs_f64(), case.name);
        }
        let after = listing(run.dir.path());
        let mut problems = Vec::new();
        if run.code != Some(case.code) {
            problems.push(format!("exit {:?}, expected {}", run.code, case.code));
        }
        for needle in case.says {
            if !run.stderr.contains(needle) {
                problems.push(format!("stderr lacks {needle:?}"));
            }
        }
        if run.stderr.contains("panicked") || run.stderr.contains("RUST_BACKTRACE") {
            problems.push("panicked".to_string());
        }
        if before != after {
            problems.push(format!("files changed: before {before:?}, after {after:?}"));
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}\n  stderr: {}", case.name, problems.join("; "), run.stderr.trim()));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

/// One part of a zip archive written byte by byte, for a directory entry that says other than the truth.
struct RawPart {
    name: &'static str,
    /// 0 stored, 8 deflated.
    method: u16,
    data: Vec<u8>,
    crc: u32,
    /// The uncompressed size the archive declares.
    declared: u32,
}

fn stored(name: &'static str, bytes: &[u8]) -> RawPart {
    RawPart { name, method: 0, data: bytes.to_vec(), crc: crc32fast::hash(bytes), declared: bytes.len() as u32 }
}

/// A zip archive of these parts: local headers, data, the central directory and its end record.
fn raw_zip(parts: &[RawPart]) -> Vec<u8> {
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    let u16le = |v: u16| v.to_le_bytes();
    let u32le = |v: u32| v.to_le_bytes();
    for part in parts {
        let offset = out.len() as u32;
        let common = [
            &u16le(20)[..],
            &u16le(0),
            &u16le(part.method),
            &u16le(0),
            &u16le(0x21),
            &u32le(part.crc),
            &u32le(part.data.len() as u32),
            &u32le(part.declared),
            &u16le(part.name.len() as u16),
            &u16le(0),
        ]
        .concat();
        out.extend(u32le(0x0403_4b50));
        out.extend(&common);
        out.extend(part.name.as_bytes());
        out.extend(&part.data);
        directory.extend(u32le(0x0201_4b50));
        directory.extend(u16le(20));
        directory.extend(&common);
        directory.extend([0u8; 6]); // comment length, disk, internal attributes
        directory.extend(u32le(0)); // external attributes
        directory.extend(u32le(offset));
        directory.extend(part.name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend(&directory);
    out.extend(u32le(0x0605_4b50));
    out.extend([0u8; 4]);
    out.extend(u16le(parts.len() as u16));
    out.extend(u16le(parts.len() as u16));
    out.extend(u32le(directory.len() as u32));
    out.extend(u32le(start));
    out.extend(u16le(0));
    out
}

/// A deflated part of `prefix`, `mib` MiB of `unit` repeated, and `suffix`, made in a moment however large:
/// one MiB is deflated once with a full flush (which leaves the stream on a byte boundary and its history
/// forgotten) and repeated, and its CRC combined as many times.
fn bomb_part(name: &'static str, prefix: &str, unit: &[u8], mib: u32, suffix: &str, declared: Option<u32>) -> RawPart {
    use flate2::{Compress, Compression, FlushCompress};
    let deflate = |input: &[u8], flush: FlushCompress| {
        let mut compress = Compress::new(Compression::best(), false);
        let mut out = Vec::with_capacity(input.len() / 100 + 4096);
        while compress.total_in() < input.len() as u64 || out.is_empty() {
            out.reserve(64 * 1024);
            compress.compress_vec(&input[compress.total_in() as usize..], &mut out, flush).unwrap();
        }
        // Whatever the flush still holds.
        out.reserve(64 * 1024);
        compress.compress_vec(&[], &mut out, flush).unwrap();
        out
    };
    let chunk: Vec<u8> = unit.iter().copied().cycle().take((1 << 20) / unit.len() * unit.len()).collect();
    let packed_chunk = deflate(&chunk, FlushCompress::Full);
    let mut data = deflate(prefix.as_bytes(), FlushCompress::Full);
    let mut crc = crc32fast::Hasher::new();
    crc.update(prefix.as_bytes());
    let mut chunk_crc = crc32fast::Hasher::new();
    chunk_crc.update(&chunk);
    for _ in 0..mib {
        data.extend(&packed_chunk);
        crc.combine(&chunk_crc);
    }
    data.extend(deflate(suffix.as_bytes(), FlushCompress::Finish));
    crc.update(suffix.as_bytes());
    let size = prefix.len() as u64 + u64::from(mib) * chunk.len() as u64 + suffix.len() as u64;
    let declared = declared.unwrap_or(u32::try_from(size).expect("under 4 GiB"));
    RawPart { name, method: 8, data, crc: crc.finalize(), declared }
}

/// A workbook whose sheet is this raw part.
fn raw_workbook(sheet: RawPart) -> Vec<u8> {
    let mut parts: Vec<RawPart> = workbook_parts().iter().map(|(name, bytes)| stored(name, bytes)).collect();
    parts.push(sheet);
    raw_zip(&parts)
}

/// The address space a hostile file's run is given: a run that tried to hold the unpacked file would fail.
const ADDRESS_SPACE: u64 = 512 * 1024 * 1024;

/// Not a test of its own: the child process of [`a_hostile_file_is_refused_fast_in_little_memory`], which
/// lowers its address space to [`ADDRESS_SPACE`] (a child inherits it) and runs kuntakompassi once, then
/// prints the exit code, the peak memory and the time.
#[test]
fn limited_run() {
    let (Ok(dir), Ok(arguments)) = (std::env::var("KK_LIMITED_DIR"), std::env::var("KK_LIMITED_ARGS")) else {
        return;
    };
    setrlimit(Resource::RLIMIT_AS, ADDRESS_SPACE, ADDRESS_SPACE).expect("the address space is limited");
    let started = std::time::Instant::now();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kuntakompassi"))
        .args(arguments.split('\u{1f}'))
        .current_dir(dir)
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .env_remove("KUNTAKOMPASSI_LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("the binary runs");
    let seconds = started.elapsed().as_secs_f64();
    let peak = getrusage(UsageWho::RUSAGE_CHILDREN).expect("getrusage").max_rss();
    println!("KK_RESULT {} {peak} {seconds}", output.status.code().unwrap_or(-1));
    println!("KK_STDERR\n{}KK_END", String::from_utf8_lossy(&output.stderr));
}

/// What a limited run did: exit code, peak resident memory in KiB, seconds, standard error.
fn run_limited(kk: &Kk, arguments: &[String]) -> (i32, u64, f64, String) {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["limited_run", "--exact", "--nocapture", "--test-threads=1"])
        .env("KK_LIMITED_DIR", kk.dir())
        .env("KK_LIMITED_ARGS", arguments.join("\u{1f}"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let result = stdout
        .split("KK_RESULT ")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .unwrap_or_else(|| panic!("no result from the limited run: {stdout}"));
    let fields: Vec<&str> = result.split(' ').collect();
    let stderr = stdout.split("KK_STDERR\n").nth(1).and_then(|rest| rest.split("KK_END").next()).unwrap_or_default();
    (fields[0].parse().unwrap(), fields[1].parse().unwrap(), fields[2].parse().unwrap(), stderr.to_string())
}

/// Makes a hostile file's bytes.
type Make = Box<dyn Fn() -> Vec<u8>>;

#[test]
fn a_hostile_file_is_refused_fast_in_little_memory() {
    let huge_cell = format!(r#"{SHEET_START}<row r="1"><c t="inlineStr"><is><t>"#);
    let cell_end = format!("</t></is></c></row>{SHEET_END}");
    let cases: Vec<(&str, &str, Make, &[&str])> = vec![
        (
            "the issue's bomb: a 3 MB workbook whose sheet unpacks to 3 GiB, one header cell",
            "pommi.xlsx",
            Box::new({
                let (start, end) = (huge_cell.clone(), cell_end.clone());
                move || raw_workbook(bomb_part("xl/worksheets/sheet1.xml", &start, b"a", 3 * 1024, &end, None))
            }),
            &["pommi.xlsx", "xl/worksheets/sheet1.xml", "512 MiB"],
        ),
        (
            "a 3 GiB sheet whose directory says 100 KiB",
            "valehtelija.xlsx",
            Box::new({
                let (start, end) = (huge_cell.clone(), cell_end.clone());
                move || {
                    raw_workbook(bomb_part("xl/worksheets/sheet1.xml", &start, b"a", 3 * 1024, &end, Some(100 * 1024)))
                }
            }),
            &["valehtelija.xlsx", "xl/worksheets/sheet1.xml", "102400"],
        ),
        (
            "a 3 GiB sheet whose directory says 400 MiB, under the part's limit and the packing's",
            "alle.xlsx",
            Box::new({
                let (start, end) = (huge_cell.clone(), cell_end.clone());
                move || {
                    raw_workbook(bomb_part("xl/worksheets/sheet1.xml", &start, b"a", 3 * 1024, &end, Some(400 << 20)))
                }
            }),
            &["alle.xlsx", "xl/worksheets/sheet1.xml", "1 MiB"],
        ),
        (
            "a sheet of 1 GiB of opening tags",
            "syva.xlsx",
            Box::new(|| {
                raw_workbook(bomb_part(
                    "xl/worksheets/sheet1.xml",
                    SHEET_START,
                    b"<a>",
                    1024,
                    SHEET_END,
                    Some(100 << 20),
                ))
            }),
            &["syva.xlsx", "xl/worksheets/sheet1.xml", "100"],
        ),
        (
            "a shared-strings table of 1 GiB",
            "jonot.xlsx",
            Box::new(|| {
                let mut parts: Vec<RawPart> =
                    workbook_parts().iter().map(|(name, bytes)| stored(name, bytes)).collect();
                parts.push(stored("xl/worksheets/sheet1.xml", sheet_xml(&[&["municipality"]]).as_bytes()));
                parts.push(bomb_part(
                    "xl/sharedStrings.xml",
                    "<sst><si><t>",
                    b"x",
                    1024,
                    "</t></si></sst>",
                    Some(100 << 20),
                ));
                raw_zip(&parts)
            }),
            &["jonot.xlsx", "xl/sharedStrings.xml", "64 MiB"],
        ),
        (
            "a CSV file whose quote opens on line 2 and never closes, 100 MB on",
            "auki.csv",
            Box::new(|| {
                let mut bytes = b"municipality,a.level\nAura,\"2\n".to_vec();
                bytes.extend(std::iter::repeat_n(b"Salo,1\n".as_slice(), 100 * 1024 * 1024 / 7).flatten());
                bytes
            }),
            &["auki.csv:2:2", "4 MiB"],
        ),
        (
            "a zip of 60,000 entries",
            "osat.xlsx",
            Box::new(|| {
                let mut parts: Vec<RawPart> =
                    workbook_parts().iter().map(|(name, bytes)| stored(name, bytes)).collect();
                parts.push(stored("xl/worksheets/sheet1.xml", sheet_xml(&[&["municipality"]]).as_bytes()));
                parts.extend((0..60_000).map(|_| stored("x", b"")));
                raw_zip(&parts)
            }),
            &["osat.xlsx", "60004", "1000"],
        ),
    ];
    let mut failures = Vec::new();
    for (name, file, make, says) in cases {
        let kk = Kk::new();
        let q = pieni(&kk);
        let bytes = make();
        assert!(
            file.ends_with(".csv") || bytes.len() < 8 * 1024 * 1024,
            "{name}: a small file ({} bytes)",
            bytes.len()
        );
        kk.file(file, &bytes);
        let before = listing(kk.dir());
        let arguments = args(&["--lang", "fi", "score", file, "-q", &q, "--out-dir", "tulokset"]);
        let (code, peak_kib, seconds, stderr) = run_limited(&kk, &arguments);
        eprintln!("{name}: {} KiB file, exit {code}, {seconds:.3} s, peak {} MiB", bytes.len() / 1024, peak_kib / 1024);
        let mut problems = Vec::new();
        if code != 2 {
            problems.push(format!("exit {code}, expected 2"));
        }
        // Well under a second on a quiet machine; the bound leaves room for a busy one.
        if seconds > 2.0 {
            problems.push(format!("took {seconds:.2} s"));
        }
        if peak_kib > 64 * 1024 {
            problems.push(format!("peak memory {peak_kib} KiB"));
        }
        for needle in says {
            if !stderr.contains(needle) {
                problems.push(format!("stderr lacks {needle:?}"));
            }
        }
        if listing(kk.dir()) != before {
            problems.push("files changed".to_string());
        }
        if !problems.is_empty() {
            failures.push(format!("{name}: {}\n  stderr: {}", problems.join("; "), stderr.trim()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A name that, printed raw, retitles the window, clears the screen, sets a colour through a C1 control and
/// hides a NUL.
const EVIL: &str = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{0}x\u{7f}";

/// `text` as a TOML or JSON string's escapes.
fn escaped(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { format!("\\u{:04x}", u32::from(c)) } else { c.to_string() }).collect()
}

/// Writes a questionnaire, an answer sheet, two reports and a batch whose texts hold [`EVIL`].
fn evil_files(kk: &Kk) {
    let evil = escaped(EVIL);
    kk.file(
        "paha.toml",
        PIENI
            .replacen("title = { fi = \"Pieni\"", &format!("title = {{ fi = \"Pieni {evil}\""), 1)
            .replacen("title = { fi = \"Aa\"", &format!("title = {{ fi = \"Aa {evil}\""), 1)
            .replacen("version = ", &format!("\"avain {evil}\" = 1\nversion = "), 1),
    );
    let sheet = SHEET
        .replace("municipality = \"Kustavi\"", &format!("municipality = \"Kustavi {evil}\""))
        .replace("region = \"Varsinais-Suomi\"", &format!("region = \"{evil}\""))
        .replace("\"Tarkistettu johtoryhmässä\"", &format!("\"{evil}\""));
    kk.file("vastaus.toml", &sheet);
    kk.file("raportti.json", REPORT.replace("\"Kalliojärvi\"", &format!("\"Kalliojärvi {evil}\"")));
    kk.file("toinen.json", REPORT.replace("\"Kalliojärvi\"", &format!("\"{evil}\"")));
    kk.file("erä.csv", format!("municipality;a.level;region\n{EVIL};2;{EVIL}\nAura;{EVIL};x\n"));
}

#[test]
fn nothing_from_a_file_drives_the_terminal() {
    let runs: &[&[&str]] = &[
        &["score", "vastaus.toml", "-q", "paha.toml", "--format", "table"],
        &["score", "vastaus.toml", "-q", "paha.toml", "--format", "md"],
        &["score", "vastaus.toml", "-q", "paha.toml", "--format", "html"],
        &["score", "vastaus.toml", "-q", "paha.toml", "--format", "csv"],
        &["report", "raportti.json", "--format", "table"],
        &["report", "raportti.json", "--format", "md"],
        &["report", "raportti.json", "--format", "html"],
        &["compare", "raportti.json", "toinen.json", "--format", "table"],
        &["compare", "raportti.json", "toinen.json", "--format", "md"],
        &["compare", "raportti.json", "toinen.json", "--format", "html"],
        &["compare", "raportti.json", "toinen.json", "--format", "csv"],
        &["score", "erä.csv", "-q", "paha.toml", "--format", "table"],
        &["score", "erä.csv", "-q", "paha.toml", "--format", "csv"],
        &["questionnaire", "show", "paha.toml"],
        &["questionnaire", "validate", "paha.toml"],
    ];
    let mut failures = Vec::new();
    for arguments in runs {
        let kk = Kk::new();
        evil_files(&kk);
        let run = kk.args(["--lang", "fi"]).args(arguments.iter()).run();
        let shown = arguments.join(" ");
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            // A CSV line may end in CR LF; nothing else but line breaks is a control character.
            let bad: Vec<char> = text.replace("\r\n", "\n").chars().filter(|c| c.is_control() && *c != '\n').collect();
            if !bad.is_empty() {
                failures.push(format!("{shown}: {stream} holds {bad:?}"));
            }
        }
        if !(run.stdout.contains('␛') || run.stderr.contains('␛')) {
            failures.push(format!("{shown}: the escape is not shown\n{}\n{}", run.stdout, run.stderr));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn names_that_become_file_names_are_safe_everywhere_and_never_collide() {
    let kk = Kk::new();
    let q = pieni(&kk);
    let names = ["CON", "Sa\u{1}lo", "Salo", "SALO", "nul.", "Aux ", "Lpt1", "Com10", "Pöytyä. ", "-"];
    let mut csv = String::from("municipality;a.level\n");
    for name in names {
        csv.push_str(&format!("\"{name}\";2\n"));
    }
    csv.push_str(&format!("{};2\n", "Hyvin".repeat(40)));
    kk.file("nimet.csv", csv);
    let run = kk.args(["score", "nimet.csv", "-q", &q, "--out-dir", "tulokset"]).run();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mut files: Vec<String> = std::fs::read_dir(run.dir.path().join("tulokset"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with("summary"))
        .collect();
    files.sort();
    let long = format!("{}.json", "hyvin".repeat(16));
    let mut expected = vec![
        "_aux.json",
        "_con.json",
        "_lpt1.json",
        "_nul.json",
        "com10.json",
        "poytya.json",
        "raportti.json",
        "sa-lo.json",
        "salo-2.json",
        "salo.json",
        &long,
    ];
    expected.sort_unstable();
    assert_eq!(files, expected);
    for name in &files {
        assert!(
            name.len() <= 90 && !name.ends_with(['.', ' ']) && name.chars().all(|c| c.is_ascii_graphic()),
            "{name}"
        );
    }
}
