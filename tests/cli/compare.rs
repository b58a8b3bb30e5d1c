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
