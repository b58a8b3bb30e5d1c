//! `score FILE.csv|FILE.xlsx`: batches as survey tools and Finnish Excel write them, every row accounted for.

use calamine::Reader;

use crate::support::{Kk, Run, fixture, listing};

fn batch(name: &str) -> std::path::PathBuf {
    fixture("batch").join(name)
}

/// `score BATCH -q pieni.toml ARGS…`.
fn score(file: impl Into<std::ffi::OsString>, args: &[&str]) -> Kk {
    Kk::new().args(["--lang", "en", "score"]).arg(file).arg("-q").arg(fixture("pieni.toml")).args(args)
}

/// The records of a CSV file the run wrote (header first), with its delimiter.
fn records(run: &Run, name: &str, delimiter: u8) -> Vec<Vec<String>> {
    let text = run.read(name);
    let text = text.trim_start_matches('\u{feff}');
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn column(records: &[Vec<String>], name: &str) -> Vec<String> {
    let index = records[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    records[1..].iter().map(|r| r[index].clone()).collect()
}

#[test]
fn a_finnish_excel_csv_scores_each_row_as_its_answer_sheet_would() {
    let run = score(batch("excel-fi.csv"), &["--out-dir", "out"]).run().code(0);
    assert_eq!(
        run.files(),
        [
            "out/kemionsaari-322.json",
            "out/kustavi-304.json",
            "out/narpes-545.json",
            "out/poytya-608.json",
            "out/summary.csv",
            "out/summary.json",
            "out/summary.xlsx"
        ]
    );
    let run = run.stderr_has("read as Windows-1252, delimiter `;`").stderr_has("4 rows: 4 scored, 0 rejected");
    // Row 2 holds the answers of pieni-vastaus.toml, written as Finnish Excel writes them (22.11.2026, 45,5,
    // "kyllä", "ei tiedä"): its report is the sheet's report, field for field.
    let sheet = Kk::new()
        .args(["--lang", "en", "score"])
        .arg(fixture("pieni-vastaus.toml"))
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .args(["--format", "json"])
        .run()
        .code(0);
    assert_eq!(run.json("out/kustavi-304.json"), sheet.stdout_json());
    let summary = records(&run, "out/summary.csv", b',');
    assert_eq!(column(&summary, "municipality"), ["Kustavi", "Pöytyä", "Närpes", "Kemiönsaari"]);
    assert_eq!(column(&summary, "population"), ["1000", "8000", "9300", "6500"]);
    assert_eq!(column(&summary, "date"), ["2026-11-22", "2026-11-20", "2026-11-21", ""]);
    assert_eq!(column(&summary, "report")[2], "narpes-545.json");
    let overall: f64 = column(&summary, "overall")[0].parse().unwrap();
    assert_eq!(Some(overall), sheet.stdout_json()["overall"]["score"].as_f64(), "unrounded and equal");
    assert_eq!(column(&summary, "overall")[3], "", "nothing answered: no score, never 0");
    let json = run.json("out/summary.json");
    assert_eq!(json.as_array().unwrap().len(), 4);
    assert_eq!(json[2]["municipality"], "Närpes");
    assert_eq!(json[2]["line"], 4);
    // Närpes answered in Swedish: "en vet", option labels "Lite", "P-sv|R-sv", "ja", "nej".
    let narpes = run.json("out/narpes-545.json");
    assert_eq!(narpes["questions"][0]["status"], "dk");
    assert_eq!(narpes["questions"][1]["answer"], "some");
    assert_eq!(narpes["questions"][2]["answer"], serde_json::json!(["p", "r"]));
    assert_eq!(narpes["questions"][3]["answer"], 12.25);
}

#[test]
fn question_texts_in_any_language_are_headers_in_a_utf8_bom_file() {
    let run = score(batch("bom-texts.csv"), &["--format", "json"]).run().code(0);
    let json = run.stdout_json();
    assert_eq!(json[0]["municipality"], "Kustavi");
    assert_eq!(json[0]["municipality_code"], "304");
    let overall = json[0]["overall"]["score"].as_f64().unwrap();
    assert!((overall - (110.0 + 100.0 / 3.0) / 3.0).abs() < 1e-9, "as the sheet of the same answers: {overall}");
    assert_eq!(json[1]["municipality"], "Närpes");
    run.stderr_has("UTF-8 (BOM), delimiter `,`");
}

#[test]
fn excel_unicode_text_is_utf16_with_tabs() {
    let run = score(batch("unicode-text.txt"), &["--format", "csv"]).run().code(0);
    run.stdout_has("\n2,Kemiönsaari,").stdout_has("\n3,Närpes,").stderr_has("UTF-16LE, delimiter `tab`");
}

#[test]
fn every_row_ends_in_exactly_one_place_with_every_error_located() {
    let run = score(batch("bad-rows.csv"), &["--out-dir", "out"]).run().code(3);
    let file = batch("bad-rows.csv").display().to_string();
    let run = run
        .stderr_has(&format!("{file}:4:2 (a.level): question `a.level`: level `7` is not on the scale 0–4"))
        .stderr_has(&format!("{file}:4:3 (a.choice): "))
        .stderr_has(&format!("{file}:4:4 (a.number): "))
        .stderr_has(&format!("{file}:4:5 (t.yes): "))
        .stderr_has(&format!("{file}:5: the row has 3 cells, the header 5"))
        .stderr_has(&format!("{file}:7:6: the row has 6 cells, the header only 5"))
        .stderr_has(&format!("{file}:9:1 (municipality): the municipality is missing"))
        .stderr_has(&format!("{file}:10:4 (a.number): "))
        .stderr_has("7 rows: 2 scored, 5 rejected (1 blank rows skipped); rejected rows: out/rejected.csv");
    let summary = records(&run, "out/summary.csv", b',');
    assert_eq!(column(&summary, "line"), ["2", "8"]);
    let rejected = records(&run, "out/rejected.csv", b';');
    assert_eq!(rejected[0], ["municipality", "a.level", "a.choice", "a.number", "t.yes", "errors"]);
    assert_eq!(rejected.len(), 1 + 5);
    assert_eq!(rejected[1][..5], ["Salo", "7", "lots", "abc", "maybe"], "unchanged");
    assert_eq!(rejected[1][5].lines().count(), 4, "one line per error");
    assert_eq!(rejected[2][..3], ["Lieto", "1", "all"], "a short row stays short");
    assert!(rejected[2][3].contains("the row has 3 cells"), "its errors follow its last cell");
    assert_eq!(rejected[3][..6], ["Masku", "1", "all", "5", "no", "extra"]);
    assert!(run.read("out/rejected.csv").starts_with('\u{feff}'), "Excel reads it as UTF-8");
}

#[test]
fn rejected_rows_can_be_fixed_and_scored_again() {
    let first = score(batch("bad-rows.csv"), &["--out-dir", "out"]).run().code(3);
    let rejected = first.read("out/rejected.csv");
    let fixed = rejected.replacen(";7;lots;abc;maybe;", ";3;all;12;yes;", 1);
    let again = Kk::new();
    let path = again.file("fixed.csv", fixed);
    let again = again
        .args(["--lang", "en", "score"])
        .arg(&path)
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .args(["--format", "csv"])
        .run()
        .code(3)
        .stderr_has("(errors): note: the error column of an earlier run; left aside")
        .stderr_has("5 rows: 1 scored, 4 rejected");
    assert!(again.stdout.contains("\n2,Salo,"), "{}", again.stdout);
}

#[test]
fn strict_stops_at_the_first_bad_row_and_writes_nothing() {
    let run = score(batch("bad-rows.csv"), &["--strict", "--out-dir", "out"]).run().code(2);
    let run = run.stderr_has(":4:2 (a.level)").stderr_has("--strict");
    assert!(!run.stderr.contains(":5: the row"), "stops at the first bad row");
    assert_eq!(run.files(), Vec::<String>::new());
    assert!(!run.dir.path().join("out").exists(), "not even the folder");
    let run = score(batch("bad-rows.csv"), &["--strict"]).run().code(2);
    assert_eq!(run.stdout, "", "not even to standard output");
}

#[test]
fn header_problems_stop_before_any_output_and_suggest_a_fix() {
    let run = score(batch("bad-headers.csv"), &["--out-dir", "out"]).run().code(2);
    let file = batch("bad-headers.csv").display().to_string();
    let run = run
        .stderr_has(&format!("{file}:1:1 (Kotikunta): error: unknown column"))
        .stderr_has(&format!("{file}:1:2 (a.levle): error: unknown column; did you mean `a.level`?"))
        .stderr_has(&format!("{file}:1:4 (Valinta?): error: `a.choice` is already in column 3"))
        .stderr_has(&format!("{file}:1:5 (Palaute): error: unknown column"))
        .stderr_has(&format!("{file}:1: error: the `municipality` column is missing"))
        .stderr_has("--map");
    assert_eq!(run.files(), Vec::<String>::new());
    let mapped = score(batch("bad-headers.csv"), &["--map"]).arg(batch("bad-headers-map.toml")).run().code(0);
    mapped
        .stdout_has("\n2,x,")
        .stderr_has("(Palaute): note: left aside by the --map file")
        .stderr_has("bad-headers-map.toml:7:15: warning: the column map's header `kommentti` is not in the file");
}

#[test]
fn limesurvey_option_columns_fold_into_one_multi_answer() {
    let run = score(batch("limesurvey.csv"), &["--out-dir", "out"]).run().code(0);
    let run = run
        .stderr_has(
            ":1: note: 4 columns that LimeSurvey adds are left aside: `id`, `lastpage`, `startlanguage`, `seed`",
        )
        .stderr_has(":1:2 (submitdate): note: column `submitdate` tells when the response was submitted");
    let kustavi = run.json("out/kustavi.json");
    assert_eq!(kustavi["questions"][2]["answer"], serde_json::json!(["p", "r"]));
    let narpes = run.json("out/narpes.json");
    assert_eq!(narpes["questions"][2]["status"], "unanswered", "no option marked");
    assert_eq!(narpes["questions"][4]["answer"], false, "N is no");
}

#[test]
fn microsoft_forms_metadata_is_left_aside_and_its_multi_answers_read() {
    let run = score(batch("forms.csv"), &["--format", "json"]).run().code(0);
    let run = run
        .stderr_has(": note: 4 columns that Microsoft Forms adds are left aside: `ID`, `Start time`, `Email`, `Name`");
    let json = run.stdout_json();
    assert_eq!(json[1]["municipality"], "Pöytyä");
    let a = json[0]["themes"][0]["score"].as_f64().unwrap();
    assert!((a - 200.0 / 3.0).abs() < 1e-9, "level 2 (w 2) and P+R = 3/3: {a}");
}

#[test]
fn an_xlsx_workbook_is_read_from_its_first_sheet_or_the_one_named() {
    let kk = Kk::new();
    let path = kk.dir().join("vastaukset.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("Ohje").unwrap();
    notes.write_string(0, 0, "Täytä välilehti Vastaukset").unwrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Vastaukset").unwrap();
    for (c, h) in ["Kunta", "municipality_code", "date", "a.level", "a.number", "t.yes", "a.multi"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Pöytyä").unwrap();
    sheet.write_number(1, 1, 608.0).unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 11, 22).unwrap();
    sheet.write_datetime_with_format(1, 2, &date, &rust_xlsxwriter::Format::new().set_num_format("d.m.yyyy")).unwrap();
    sheet.write_number(1, 3, 3.0).unwrap();
    sheet.write_number(1, 4, 45.5).unwrap();
    sheet.write_boolean(1, 5, true).unwrap();
    sheet.write_string(1, 6, "p|q").unwrap();
    // A row of Salo with only two cells: a spreadsheet row simply ends there.
    sheet.write_string(3, 0, "Salo").unwrap();
    sheet.write_number(3, 1, 734.0).unwrap();
    sheet.write_string(4, 0, "Lieto").unwrap();
    sheet.write_number(4, 3, 9.0).unwrap();
    workbook.save(&path).unwrap();

    let run = kk
        .args(["--lang", "en", "score", "vastaukset.xlsx", "--sheet", "vastaukset", "--format", "json", "-q"])
        .arg(fixture("pieni.toml"))
        .run()
        .code(3)
        .stderr_has("vastaukset.xlsx:5:4 (a.level): question `a.level`: level `9` is not on the scale 0–4")
        .stderr_has("3 rows: 2 scored, 1 rejected");
    let json = run.stdout_json();
    assert_eq!(json[0]["municipality"], "Pöytyä");
    assert_eq!(json[0]["municipality_code"], "608");
    assert_eq!(json[0]["date"], "2026-11-22");
    assert_eq!(json[1]["line"], 4);
    let bytes = std::fs::read(run.dir.path().join("vastaukset.xlsx")).unwrap();
    let first = Kk::new();
    let path = first.file("v.xlsx", &bytes);
    first.args(["score"]).arg(&path).arg("-q").arg(fixture("pieni.toml")).run().code(2).stderr_has("`municipality`");
    let missing = Kk::new();
    let path = missing.file("v.xlsx", &bytes);
    missing
        .args(["--lang", "en", "score"])
        .arg(&path)
        .args(["--sheet", "Answers", "-q"])
        .arg(fixture("pieni.toml"))
        .run()
        .code(2)
        .stderr_has("has no sheet `Answers`; its sheets: `Ohje`, `Vastaukset`");
}

#[test]
fn a_staff_survey_grouped_by_department_averages_its_members() {
    let kk = || Kk::new().args(["--lang", "en", "score"]).arg(batch("henkilosto-staff.csv")).args(["-q", "henkilosto"]);
    let each = kk().args(["--format", "json"]).run().code(0);
    let members = each.stdout_json();
    let run = kk().args(["--group-by", "department", "--out-dir", "out"]).run().code(0);
    assert_eq!(
        run.files(),
        [
            "out/bildning.json",
            "out/sivistys.json",
            "out/summary.csv",
            "out/summary.json",
            "out/summary.xlsx",
            "out/tekninen.json"
        ]
    );
    let sivistys = run.json("out/sivistys.json");
    assert_eq!(sivistys["respondents"], 2);
    assert_eq!(sivistys["group"], serde_json::json!({ "column": "department", "value": "Sivistys" }));
    assert_eq!(sivistys["respondent"]["municipality"], "Pöytyä");
    // DESIGN.md §4: a group's theme score is the mean of its members' theme scores that are not null.
    for theme in 0..5 {
        let scores: Vec<f64> = (0..2).filter_map(|i| members[i]["themes"][theme]["score"].as_f64()).collect::<Vec<_>>();
        let expected = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
        assert_eq!(sivistys["themes"][theme]["score"].as_f64(), expected, "theme {theme}");
    }
    let overall: f64 = (0..2).map(|i| members[i]["overall"]["score"].as_f64().unwrap()).sum::<f64>() / 2.0;
    assert_eq!(sivistys["overall"]["score"].as_f64(), Some(overall));
    let summary = run.json("out/summary.json");
    assert_eq!(summary.as_array().unwrap().len(), 3);
    assert_eq!(summary[0]["group"], "Bildning");
    assert_eq!(summary[0]["respondents"], 2);
    let by_municipality = kk().args(["--group-by", "municipality", "--format", "csv"]).run().code(0);
    by_municipality.stdout_has("\nNärpes,Närpes,").stdout_has("\nPöytyä,Pöytyä,");
    kk().args(["--group-by", "tiimi"]).run().code(2).stderr_has("there is no column `tiimi` to group by");
}

#[test]
fn a_group_report_is_dated_by_its_latest_answer() {
    let kk = Kk::new();
    let path = kk.file(
        "v.csv",
        "municipality;department;date;information.find_decision\nPöytyä;Sivistys;20.11.2026;2\nPöytyä;Sivistys;2026-11-22;3\nPöytyä;Sivistys;;1\nPöytyä;Tekninen;;4\n",
    );
    let run = kk
        .args(["--lang", "en", "score"])
        .arg(&path)
        .args(["-q", "henkilosto", "--group-by", "department", "--out-dir", "out"])
        .run()
        .code(0);
    assert_eq!(run.json("out/sivistys.json")["respondent"]["date"], "2026-11-22", "the latest, not the day of scoring");
    let created = run.json("out/tekninen.json")["created"].as_str().unwrap().to_string();
    assert_eq!(
        run.json("out/tekninen.json")["respondent"]["date"],
        created[..10],
        "no dated answer: the day of scoring"
    );
}

#[test]
fn the_summary_goes_to_a_file_in_the_format_of_its_extension() {
    let run = score(batch("excel-fi.csv"), &["-o", "tulos.json"]).run().code(0);
    assert_eq!(run.json("tulos.json").as_array().unwrap().len(), 4);
    let run = score(batch("bad-rows.csv"), &["-o", "tulos.csv"]).run().code(3);
    assert_eq!(run.files(), ["tulos-rejected.csv", "tulos.csv"]);
    score(batch("excel-fi.csv"), &["-o", "a.csv", "--out-dir", "out"]).run().code(2).stderr_has("not both");
    score(batch("excel-fi.csv"), &["--delimiter", "::"]).run().code(2).stderr_has("`::`");
    // Never over the input: a rejected.csv scored again with its rejects beside it.
    let kk = Kk::new();
    let input = kk.file("rejected.csv", std::fs::read(batch("bad-rows.csv")).unwrap());
    let run = kk.args(["score"]).arg(&input).arg("-q").arg(fixture("pieni.toml")).run().code(2);
    assert_eq!(run.read("rejected.csv"), std::fs::read_to_string(batch("bad-rows.csv")).unwrap());
}

#[test]
fn forcing_an_encoding_and_a_delimiter() {
    let run = score(batch("excel-fi.csv"), &["--encoding", "utf-8", "--delimiter", ";", "--format", "csv"]).run();
    // Windows-1252 read as UTF-8: the cells with ä and ö are refused, precisely.
    let file = batch("excel-fi.csv").display().to_string();
    run.code(3)
        .stderr_has(&format!("{file}:2:12 (t.yes): the cell is not UTF-8 text; try --encoding windows-1252"))
        .stderr_has(&format!("{file}:3:1 (municipality): the cell is not UTF-8 text"))
        .stderr_has("4 rows: 0 scored, 4 rejected");
    let run =
        score(batch("excel-fi.csv"), &["--encoding", "windows-1252", "--delimiter", "semicolon", "--format", "csv"])
            .run();
    run.code(0).stdout_has("Pöytyä");
}

#[test]
fn a_template_is_the_header_a_batch_is_read_by() {
    let run = Kk::new()
        .args(["--lang", "fi", "questionnaire", "template"])
        .arg(fixture("pieni.toml"))
        .args(["-o", "pohja.csv"])
        .run()
        .code(0);
    assert_eq!(run.files(), ["pohja-codebook.csv", "pohja.csv"]);
    let header = run.read("pohja.csv");
    assert!(header.starts_with("\u{feff}municipality;municipality_code;region;"), "{header}");
    let codebook = records(&run, "pohja-codebook.csv", b';');
    assert_eq!(codebook[0][0], "sarake");
    assert!(codebook.iter().any(|r| r[0] == "a.choice" && r[5].contains("all = Kaikki (4 p)")));
    // Filled in and scored.
    let kk = Kk::new();
    let filled =
        format!("{}Kustavi;304;;;;;;;2;some;p|r;45,5;kyllä;dk;ei;\r\n", header.trim_end().to_string() + "\r\n");
    let path = kk.file("vastaukset.csv", filled);
    kk.args(["--lang", "en", "score"]).arg(&path).arg("-q").arg(fixture("pieni.toml")).run().code(0);

    let stdout = Kk::new().args(["questionnaire", "template", "henkilosto"]).run().code(0);
    assert!(stdout.stdout.starts_with("municipality;"), "no byte-order mark on standard output");
    let xlsx =
        Kk::new().args(["--lang", "sv", "questionnaire", "template", "henkilosto", "-o", "mall.xlsx"]).run().code(0);
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(xlsx.dir.path().join("mall.xlsx")).unwrap();
    assert_eq!(workbook.sheet_names(), ["svar", "kodbok"]);
    let range = workbook.worksheet_range("svar").unwrap();
    assert_eq!(range.get((0, 8)).unwrap().to_string(), "information.find_decision");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A good row, a row with a bad cell, a short row or a blank line.
    fn row() -> impl Strategy<Value = (u8, String)> {
        prop_oneof![
            (0..=4u32, any::<bool>()).prop_map(|(level, yes)| (0, format!("Salo;{level};some;{};", u8::from(yes)))),
            (5..=9u32).prop_map(|level| (1, format!("Salo;{level};some;1;"))),
            Just((1, "Salo;2;lots;kyllä;".to_string())),
            Just((1, ";2;some;1;".to_string())),
            Just((1, "Salo;2".to_string())),
            Just((2, String::new())),
            Just((2, ";;;;".to_string())),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
        #[test]
        fn scored_plus_rejected_is_every_input_row(rows in proptest::collection::vec(row(), 0..40)) {
            let kk = Kk::new();
            let mut text = String::from("municipality;a.level;a.choice;t.yes;x.free\n");
            for (_, row) in &rows {
                text.push_str(row);
                text.push('\n');
            }
            let path = kk.file("erä.csv", text);
            let run = kk.args(["--lang", "en", "score"]).arg(&path).arg("-q").arg(fixture("pieni.toml"))
                .args(["--out-dir", "out"]).run();
            let good = rows.iter().filter(|(k, _)| *k == 0).count();
            let bad = rows.iter().filter(|(k, _)| *k == 1).count();
            prop_assert_eq!(run.code, Some(if bad > 0 { 3 } else { 0 }), "{}", run.stderr);
            let summary = records(&run, "out/summary.csv", b',');
            prop_assert_eq!(summary.len() - 1, good);
            let rejected = if bad > 0 { records(&run, "out/rejected.csv", b';').len() - 1 } else { 0 };
            prop_assert_eq!(rejected, bad);
            let count = format!("{} rows: {good} scored, {bad} rejected", good + bad);
            prop_assert!(run.stderr.contains(&count), "{}", run.stderr);
        }
    }
}

/// A batch large enough to be killed while it runs: 60,000 respondents, each with a report of its own.
fn large_batch(dir: &std::path::Path) -> std::path::PathBuf {
    use std::io::Write;
    let path = dir.join("large.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(out, "municipality,municipality_code,a.level,a.choice,a.number,t.yes,t.two,t.three").unwrap();
    for i in 0..60_000 {
        writeln!(out, "Kunta {i},{:03},{},some,{},yes,{},no", i % 1000, i % 5, i % 100, i % 4).unwrap();
    }
    out.flush().unwrap();
    path
}

#[test]
fn a_batch_killed_while_it_runs_leaves_no_output_and_the_next_run_cleans_up_after_it() {
    let work = tempfile::tempdir().unwrap();
    let input = large_batch(work.path());
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // What an earlier run left: it must stay as it was.
    std::fs::write(out.join("summary.csv"), "earlier\n").unwrap();

    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kuntakompassi"))
        .args(["--lang", "en", "score"])
        .arg(&input)
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .arg("--out-dir")
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed once it has written a good number of reports, well before it could finish.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let written = listing(&out).iter().filter(|p| p.ends_with(".json")).count();
        if written >= 200 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the run wrote nothing in a minute");
        assert!(child.try_wait().unwrap().is_none(), "the run ended before it could be killed");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL: no clean-up code runs.
    child.wait().unwrap();

    // The folder's own files are as they were; the run's work is all inside its hidden staging folder.
    let visible: Vec<String> =
        std::fs::read_dir(&out).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    let (hidden, shown): (Vec<String>, Vec<String>) = visible.into_iter().partition(|n| n.starts_with('.'));
    assert_eq!(shown, ["summary.csv"]);
    assert_eq!(std::fs::read_to_string(out.join("summary.csv")).unwrap(), "earlier\n");
    assert_eq!(hidden.len(), 1, "{hidden:?}");
    assert!(hidden[0].starts_with(".kuntakompassi-"), "{hidden:?}");

    // The next run into the folder removes what the killed one left, and finishes whole.
    let small = work.path().join("small.csv");
    std::fs::write(&small, "municipality,a.level\nSalo,3\nLieto,dk\n").unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_kuntakompassi"))
        .args(["--lang", "en", "score"])
        .arg(&small)
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .arg("--out-dir")
        .arg(&out)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(listing(&out), ["lieto.json", "salo.json", "summary.csv", "summary.json", "summary.xlsx"]);
    for name in ["lieto.json", "salo.json", "summary.json"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    assert_eq!(std::fs::read_to_string(out.join("summary.csv")).unwrap().lines().count(), 3);
}

#[test]
fn a_batch_killed_while_it_writes_its_summary_leaves_no_summary_file() {
    let work = tempfile::tempdir().unwrap();
    let input = large_batch(work.path());
    let target = work.path().join("summary.csv");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kuntakompassi"))
        .args(["--lang", "en", "score"])
        .arg(&input)
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .args(["--format", "csv", "-o"])
        .arg(&target)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed as soon as its temporary summary has something in it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let partial = loop {
        let temp = std::fs::read_dir(work.path())
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with(".kuntakompassi-"))
            .filter(|e| e.metadata().is_ok_and(|m| m.len() > 0));
        if let Some(temp) = temp {
            break temp.file_name();
        }
        assert!(std::time::Instant::now() < deadline, "the run wrote nothing in a minute");
        if child.try_wait().unwrap().is_some() {
            // Too fast to catch: then it finished whole.
            assert_eq!(std::fs::read_to_string(&target).unwrap().lines().count(), 60_001);
            return;
        }
        std::thread::yield_now();
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!target.exists(), "no summary.csv, partial or whole");
    // The next run beside it removes the killed run's temporary file.
    let small = work.path().join("small.csv");
    std::fs::write(&small, "municipality,a.level\nSalo,3\n").unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_kuntakompassi"))
        .args(["--lang", "en", "score"])
        .arg(&small)
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .args(["--format", "csv", "-o"])
        .arg(&target)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(!work.path().join(partial).exists(), "the killed run's temporary file is gone");
    assert_eq!(std::fs::read_to_string(&target).unwrap().lines().count(), 2);
}

#[test]
fn formula_and_markup_in_a_batch_reach_every_output_as_text() {
    let kk = Kk::new();
    kk.file(
        "vihamielinen.csv",
        "municipality,role,a.level,a.level.note\n\
         \"=HYPERLINK(\"\"https://example.com\"\",\"\"Aura\"\")\",@SUM(A1),2,<script>alert(1)</script>\n",
    );
    let run = kk
        .args(["--lang", "en", "score", "vihamielinen.csv", "-q"])
        .arg(fixture("pieni.toml"))
        .args(["--out-dir", "out"])
        .run()
        .code(0);
    let summary = records(&run, "out/summary.csv", b',');
    assert_eq!(column(&summary, "municipality"), ["'=HYPERLINK(\"https://example.com\",\"Aura\")"]);
    assert_eq!(column(&summary, "role"), ["'@SUM(A1)"]);
    let report_name = column(&summary, "report").remove(0);
    let report = run.dir.path().join("out").join(&report_name);

    // The report rendered in every format a spreadsheet or a browser opens.
    let render = |format: &str, name: &str| {
        Kk::new()
            .args(["--lang", "en", "report"])
            .arg(&report)
            .args(["--format", format, "-o"])
            .arg(run.dir.path().join(name))
            .run()
            .code(0);
        run.dir.path().join(name)
    };
    let html = std::fs::read_to_string(render("html", "r.html")).unwrap();
    assert!(!html.contains("<script>alert"), "markup escaped in HTML");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let markdown = std::fs::read_to_string(render("md", "r.md")).unwrap();
    assert!(!markdown.contains("<script>"), "markup escaped in Markdown");
    let csv_text = std::fs::read_to_string(render("csv", "r.csv")).unwrap();
    assert!(!csv_text.lines().any(|l| l.starts_with('=') || l.contains(",=")), "{csv_text}");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(render("xlsx", "r.xlsx")).unwrap();
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no formula on sheet {name}");
    }
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    assert!(range.used_cells().any(|(_, _, c)| c.to_string().starts_with("=HYPERLINK")), "the name as text");
}
