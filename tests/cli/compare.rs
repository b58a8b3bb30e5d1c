//! `compare`: reports of the example municipalities side by side, in every format, and bad input.

use crate::support::{Kk, repo};

/// The three example municipalities' reports, plus an older report of Kalliojärvi, in folder `r/`.
fn reports() -> Kk {
    let kk = Kk::new();
    std::fs::create_dir_all(kk.dir().join("r/2025")).unwrap();
    for (sheet, name) in
        [("skarholm.toml", "skarholm"), ("kalliojarvi.toml", "kalliojarvi"), ("jokilaakso.json", "jokilaakso")]
    {
        let run = Kk::new()
            .args(["score", "--format", "json", "-o"])
            .arg(kk.dir().join(format!("r/{name}.json")))
            .arg(repo().join("examples").join(sheet))
            .run();
        assert_eq!(run.code, Some(0), "{}", run.stderr);
    }
    let old = std::fs::read_to_string(kk.dir().join("r/kalliojarvi.json"))
        .unwrap()
        .replace("\"date\": \"2026-10-14\"", "\"date\": \"2025-10-01\"");
    kk.file("r/2025/kalliojarvi.json", old);
    kk
}

#[test]
fn json_has_the_matrix_groups_weak_spots_and_changes() {
    let run = reports().args(["compare", "r", "--format", "json"]).run().code(0);
    let c = run.stdout_json();
    assert_eq!(c["schema"], "kuntakompassi.comparison/1");
    let rows = c["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "the latest report of each municipality");
    assert_eq!(rows[0]["municipality"], "Jokilaakso");
    assert_eq!(rows[0]["rank"], 1);
    assert_eq!(c["groups"].as_array().unwrap().len(), 3, "three regions");
    assert_eq!(c["weak_spots"].as_array().unwrap().len(), 10);
    assert_eq!(c["changes"][0]["municipality"], "Kalliojärvi");
    assert_eq!(c["changes"][0]["series"].as_array().unwrap().len(), 2);
}

#[test]
fn table_markdown_and_csv_render() {
    reports()
        .args(["--lang", "sv", "compare", "r"])
        .run()
        .code(0)
        .stdout_has("Gemensamma svaga punkter")
        .stdout_has("Skärholm");
    let run = reports().args(["compare", "r", "-o", "c.md"]).run().code(0);
    assert!(run.read("c.md").starts_with("# Kuntien vertailu"));
    let run = reports().args(["compare", "r", "--group-by", "size-class", "--format", "csv"]).run().code(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().take(3).map(String::from).collect();
    assert_eq!(headers, ["rank", "municipality", "municipality_code"]);
    assert_eq!(reader.records().count(), 3);
}

#[test]
fn anonymised_output_names_no_municipality() {
    let run = reports().args(["compare", "r", "--anonymize", "--format", "json"]).run().code(0);
    for name in ["Skärholm", "Kalliojärvi", "Jokilaakso"] {
        assert!(!run.stdout.contains(name), "{name}");
    }
    assert!(run.stdout.contains("Kunta A"));
    assert_eq!(run.stdout_json()["groups"].as_array().unwrap().len(), 0, "no region has three municipalities");
}

#[test]
fn bad_inputs_are_named() {
    let kk = reports();
    kk.file("r/muu.json", r#"{"name": "ei raportti"}"#);
    kk.args(["--lang", "en", "compare", "r", "--format", "json"])
        .run()
        .code(0)
        .stderr_has("r/muu.json")
        .stderr_has("is not a kuntakompassi report");

    let kk = Kk::new();
    std::fs::create_dir(kk.dir().join("tyhja")).unwrap();
    kk.args(["--lang", "en", "compare", "tyhja"]).run().code(2).stderr_has("tyhja");

    let kk = reports();
    std::fs::copy(kk.dir().join("r/skarholm.json"), kk.dir().join("r/kopio.json")).unwrap();
    kk.args(["--lang", "en", "compare", "r"]).run().code(0).stdout_has("counted once");

    let kk = reports();
    kk.file("r/tuleva.json", r#"{"schema": "kuntakompassi.report/2"}"#);
    kk.args(["--lang", "en", "compare", "r", "-o", "c.html"])
        .run()
        .code(2)
        .stderr_has("r/tuleva.json")
        .stderr_has("kuntakompassi.report/2");

    let kk = reports();
    let other = std::fs::read_to_string(kk.dir().join("r/skarholm.json")).unwrap().replacen(
        "\"id\": \"kuntakompassi\"",
        "\"id\": \"pikakartoitus\"",
        1,
    );
    kk.file("r/pika.json", other);
    kk.args(["--lang", "en", "compare", "r"])
        .run()
        .code(2)
        .stderr_has("different questionnaires")
        .stderr_has("r/pika.json");
}

#[test]
fn html_is_one_page_with_a_heat_map_group_charts_and_change_lines() {
    let run = reports().args(["compare", "r", "-o", "vertailu.html"]).run().code(0);
    let html = run.read("vertailu.html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fi\">"));
    assert!(html.contains("Lämpökartta: kunnat ja teemat"));
    // Three municipalities × (overall + eight themes), each cell with its number and band.
    assert_eq!(html.matches("<td class=\"heat\"").count() + html.matches("<td class=\"heat none\"").count(), 27);
    assert_eq!(html.matches("<svg class=\"chart bars\"").count(), 9, "the overall index and eight themes");
    assert_eq!(html.matches("<svg class=\"chart line\"").count(), 1, "Kalliojärvi has two reports");
    assert!(html.contains("Yhteiset heikkoudet") && html.contains("Skärholm"));
    for external in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
    let sv = reports().args(["--lang", "sv", "compare", "r", "--format", "html"]).run().code(0);
    assert!(sv.stdout.contains("<html lang=\"sv\">") && sv.stdout.contains("Värmekarta"));
}

#[test]
fn html_shows_a_hostile_name_as_text_and_anonymised_pages_name_nobody() {
    let kk = reports();
    let hostile = std::fs::read_to_string(kk.dir().join("r/skarholm.json"))
        .unwrap()
        .replace("\"municipality\": \"Skärholm\"", "\"municipality\": \"<script>alert(1)</script>\"");
    kk.file("r/skarholm.json", hostile);
    let run = kk.args(["compare", "r", "--format", "html"]).run().code(0);
    assert!(!run.stdout.contains("<script>"));
    assert!(run.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    let run = reports().args(["compare", "r", "--anonymize", "-o", "julkinen.htm"]).run().code(0);
    let html = run.read("julkinen.htm");
    for name in ["Skärholm", "Kalliojärvi", "Jokilaakso", "2025-10-01"] {
        assert!(!html.contains(name), "{name}");
    }
    assert!(html.contains("Kunta A"));
}

#[test]
fn xlsx_has_localised_sheets_and_scores_as_numbers() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let run = reports().args(["--lang", "sv", "compare", "r", "-o", "jamforelse.xlsx"]).run().code(0);
    let mut book: Xlsx<_> = open_workbook(run.dir.path().join("jamforelse.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Kommunerna", "Grupperna", "Gemensamma svaga punkter", "Mognadsnivåer", "Förändring över tid"]
    );
    let matrix = book.worksheet_range("Kommunerna").unwrap();
    assert_eq!(matrix.rows().count(), 4, "a header and three municipalities");
    let first = matrix.rows().nth(1).unwrap();
    assert_eq!(first[1], Data::String("Jokilaakso".into()));
    assert!(first.iter().any(|cell| matches!(cell, Data::Float(_))));
    assert_eq!(book.worksheet_range("Gemensamma svaga punkter").unwrap().rows().count(), 11);
    let changes = book.worksheet_range("Förändring över tid").unwrap();
    let row: Vec<String> = changes.rows().nth(1).unwrap().iter().map(ToString::to_string).collect();
    assert_eq!(&row[..3], ["Kalliojärvi", "2025-10-01", "2026-10-14"]);
    assert!(book.worksheet_formula("Kommunerna").unwrap().used_cells().next().is_none(), "no formulas");
}

#[cfg(unix)]
#[test]
fn xlsx_is_not_written_to_a_terminal() {
    use rexpect::session::{Options, spawn_with_options};
    let kk = reports();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kuntakompassi"));
    command.args(["--lang", "en", "compare", "r", "--format", "xlsx"]).current_dir(kk.dir()).env("TERM", "xterm");
    let mut session = spawn_with_options(command, Options::new().timeout_ms(Some(15_000))).unwrap();
    session.exp_string("not written to a terminal; give a file with -o").unwrap();
    session.exp_eof().unwrap();
}

/// `score` of the staff survey, one report per municipality, into `out/`.
fn batch() -> Kk {
    let kk = Kk::new();
    let run = Kk::new()
        .args(["score", "--group-by", "municipality", "--out-dir"])
        .arg(kk.dir().join("out"))
        .arg(repo().join("examples/henkilosto-kysely.csv"))
        .run();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    kk
}

#[test]
fn a_batch_summary_is_compared_row_by_row_without_weak_spots() {
    let run = batch().args(["--lang", "en", "compare", "out/summary.json", "--format", "json"]).run().code(0);
    let c = run.stdout_json();
    let names: Vec<&str> = c["rows"].as_array().unwrap().iter().map(|r| r["municipality"].as_str().unwrap()).collect();
    assert_eq!(names, ["Skärholm", "Kalliojärvi"]);
    assert_eq!(c["questionnaire"], "henkilosto");
    // Titles in the reader's language, from the questionnaire the batch's reports name (issue 19).
    assert_eq!(c["themes"][0]["title"], "Information and data literacy");
    assert_eq!(c["weak_spots"].as_array().unwrap().len(), 0);
    assert_eq!(c["notices"][0]["kind"], "from_summary");
    assert_eq!(c["notices"][0]["rows"], 2);
    assert!(run.stderr.contains("read from a batch summary"), "{}", run.stderr);

    // The folder holds the reports too: they are used, and the summary's rows are not counted twice.
    let run = batch().args(["compare", "out", "--format", "json"]).run().code(0).stderr_is_empty();
    let c = run.stdout_json();
    assert_eq!(c["rows"].as_array().unwrap().len(), 2);
    assert!(!c["weak_spots"].as_array().unwrap().is_empty());

    // Without the reports beside it, the summary's themes name the built-in questionnaire.
    let kk = batch();
    std::fs::create_dir(kk.dir().join("alone")).unwrap();
    std::fs::copy(kk.dir().join("out/summary.json"), kk.dir().join("alone/summary.json")).unwrap();
    let run = kk.args(["--lang", "sv", "compare", "alone", "-o", "j.html"]).run().code(0);
    assert!(run.read("j.html").contains("Kalliojärvi"));
}

#[test]
fn the_table_fits_its_width_with_whole_words_and_weak_spots_say_what_the_number_is() {
    let run = reports().args(["--lang", "en", "compare", "r"]).run().code(0);
    for line in run.stdout.lines() {
        assert!(line.chars().count() <= 100, "{line:?} is wider than the table's 100 columns:\n{}", run.stdout);
    }
    // Eight themes do not fit as columns: one block per municipality, the themes keyed by number.
    assert!(run.stdout.contains("\n1.  Jokilaakso"), "{}", run.stdout);
    assert!(run.stdout.contains("T1 = Strategy and leadership"), "themes in the reader's language: {}", run.stdout);
    assert!(run.stdout.contains("mean ") && run.stdout.contains("/100; below the middle of the scale in"));
}

#[test]
fn maturity_levels_and_the_practices_that_block_several_municipalities() {
    let run = reports().args(["compare", "r", "--format", "json"]).run().code(0);
    let c = run.stdout_json();
    let level = |i: usize| c["rows"][i]["mil"]["security"]["level"].as_u64();
    assert_eq!([level(0), level(1), level(2)], [Some(2), Some(0), Some(0)], "Jokilaakso, Kalliojärvi, Skärholm");
    let first = &c["mil_blockers"][0];
    assert_eq!(first["question"], "security.backups");
    assert_eq!(first["mil"], 1);
    assert_eq!(first["of"], 3);
    assert_eq!(first["municipalities"], serde_json::json!(["Kalliojärvi", "Skärholm"]));
    for (lang, words) in [
        ("fi", ["Kypsyystasot", "Yhteiset esteet seuraavalle kypsyystasolle", "estää tason 1: 2/3 kuntaa"]),
        ("sv", ["Mognadsnivåer", "Gemensamma hinder för nästa mognadsnivå", "hindrar nivå 1: 2 av 3 kommuner"]),
        (
            "en",
            ["Maturity levels", "Shared obstacles to the next maturity level", "blocks level 1: 2 of 3 municipalities"],
        ),
    ] {
        let run = reports().args(["--lang", lang, "compare", "r"]).run().code(0);
        for word in words {
            assert!(run.stdout.contains(word), "{lang}: {word}\n{}", run.stdout);
        }
    }
    let run = reports().args(["compare", "r", "--format", "csv"]).run().code(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers[headers.len() - 3..], ["security_mil", "security_mil_next", "security_mil_blocking"]);
    let html = reports().args(["compare", "r", "--format", "html"]).run().code(0);
    assert!(html.stdout.contains("<section id=\"maturity\">") && html.stdout.contains("MIL 0"));
}
