//! The bad-input catalogue: every command, run as a user would, on malformed input.
//!
//! Each case sets up its files in a fresh folder, runs the real binary, and checks the exit code, that the
//! message names the file (and the line and column, or the cell, where there is one), that nothing panicked,
//! and that the run left no file behind, partial or whole: the folder holds exactly what the case put there.

#[path = "cli/support.rs"]
#[allow(dead_code)]
mod support;

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
