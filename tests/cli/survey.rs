//! Survey exports as the survey tools write them (issue 15), and what a batch writes for a person with a
//! spreadsheet: the workbook summary, refused output names, and closed pipes that must not cut a run short.

use std::process::{Command, Stdio};

use calamine::Reader as _;

use crate::support::{EPOCH, Kk, listing, repo};

/// A batch of the staff survey with every other row's first level out of range.
fn half_bad_batch() -> String {
    let text = std::fs::read_to_string(repo().join("examples/henkilosto-kysely.csv")).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.collect();
    let mut out = format!("{header}\n");
    for i in 0..300 {
        let row = rows[i % rows.len()];
        if i % 2 == 1 {
            let mut cells: Vec<&str> = row.split(',').collect();
            cells[5] = "99";
            out.push_str(&cells.join(","));
        } else {
            out.push_str(row);
        }
        out.push('\n');
    }
    out
}

#[test]
fn a_batch_summary_to_xlsx_is_a_real_workbook() {
    let kk = Kk::new();
    let input = kk.file("vastaukset.csv", half_bad_batch());
    let run = kk.args(["score", input.to_str().unwrap(), "-q", "henkilosto", "-o", "yhteenveto.xlsx"]).run().code(3);
    let path = run.dir.path().join("yhteenveto.xlsx");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("a workbook that opens");
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(range.height(), 151, "a header and the 150 good rows");
    let second: Vec<&calamine::Data> = range.rows().nth(1).unwrap().iter().collect();
    assert!(matches!(second[0], calamine::Data::Float(line) if (*line - 2.0).abs() < f64::EPSILON), "{second:?}");
    assert!(matches!(second[10], calamine::Data::Float(_)), "the overall index is a number: {second:?}");
}

#[test]
fn an_out_dir_gets_summary_xlsx_beside_csv_and_json() {
    let kk = Kk::new();
    let input = kk.file("vastaukset.csv", half_bad_batch());
    let run = kk.args(["score", input.to_str().unwrap(), "-q", "henkilosto", "--out-dir", "tulos"]).run().code(3);
    let files = run.files();
    for name in ["tulos/summary.csv", "tulos/summary.json", "tulos/summary.xlsx", "tulos/rejected.csv"] {
        assert!(files.contains(&name.to_string()), "{name} missing from {files:?}");
    }
}

#[test]
fn an_output_name_the_batch_cannot_write_is_refused_before_any_work() {
    for (name, format) in [("yhteenveto.pdf", None), ("yhteenveto.md", None), ("yhteenveto.json", Some("csv"))] {
        let kk = Kk::new();
        let input = kk.file("vastaukset.csv", half_bad_batch());
        let mut kk = kk.args(["score", input.to_str().unwrap(), "-q", "henkilosto", "-o", name]);
        if let Some(format) = format {
            kk = kk.args(["--format", format]);
        }
        let run = kk.run().code(2).stderr_has(name);
        assert_eq!(listing(run.dir.path()), ["vastaukset.csv"], "nothing written for {name}");
    }
}

/// Runs a batch with its standard error (or output) a pipe whose reader has already gone, as in
/// `score … 2>&1 | head`.
fn run_with_closed(stream: &str, args: &[&str], dir: &std::path::Path) -> Option<i32> {
    let (reader, writer) = nix::unistd::pipe().unwrap();
    drop(reader);
    let mut command = Command::new(env!("CARGO_BIN_EXE_kuntakompassi"));
    command.args(args).current_dir(dir).env("SOURCE_DATE_EPOCH", EPOCH).env("NO_COLOR", "1").stdin(Stdio::null());
    if stream == "stderr" {
        command.stderr(Stdio::from(writer)).stdout(Stdio::null());
    } else {
        command.stdout(Stdio::from(writer)).stderr(Stdio::null());
    }
    command.status().unwrap().code()
}

#[test]
fn a_closed_standard_error_or_output_does_not_cut_the_output_folder_short() {
    for stream in ["stderr", "stdout"] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("vastaukset.csv"), half_bad_batch()).unwrap();
        let code = run_with_closed(
            stream,
            &["score", "vastaukset.csv", "-q", "henkilosto", "--out-dir", "tulos", "--format", "csv"],
            dir.path(),
        );
        assert_eq!(code, Some(3), "closed {stream}: the run finishes and says rows were rejected");
        let files = listing(&dir.path().join("tulos"));
        assert_eq!(files.iter().filter(|f| f.ends_with(".json")).count(), 151, "closed {stream}: {files:?}");
        let rejected = std::fs::read_to_string(dir.path().join("tulos/rejected.csv")).unwrap();
        assert_eq!(rejected.lines().count(), 151, "closed {stream}: a header and 150 rejected rows");
    }
}

use crate::survey_tools::{LsExport, LsSurvey, response_of};

/// The default questionnaire exported to LimeSurvey, and a response export of that survey with the
/// answers of `examples/kalliojarvi.toml`, written as LimeSurvey writes it.
fn limesurvey_export_of_kalliojarvi(how: LsExport<'_>) -> (Kk, std::path::PathBuf) {
    let kk = Kk::new();
    let survey_file = kk.dir().join("kysely.txt");
    let exported = Kk::new()
        .args(["questionnaire", "export", "kuntakompassi", "--to", "limesurvey", "-o"])
        .arg(&survey_file)
        .run()
        .code(0);
    drop(exported);
    let survey = LsSurvey::parse(&std::fs::read_to_string(&survey_file).unwrap());
    let questionnaire: toml::Table =
        std::fs::read_to_string(repo().join("questionnaires/kuntakompassi.toml")).unwrap().parse().unwrap();
    let sheet: toml::Table =
        std::fs::read_to_string(repo().join("examples/kalliojarvi.toml")).unwrap().parse().unwrap();
    let response = response_of(&survey, &questionnaire, &sheet);
    let mut unfinished = response.clone();
    unfinished.submitted = None;
    unfinished.last_page = 3;
    let path = kk.file("vastaukset.csv", survey.export(&[response, unfinished], how));
    (kk, path)
}

/// The parts of a report that its answers decide (not its file name, time or notes).
fn scored_parts(report: &serde_json::Value) -> serde_json::Value {
    let questions: Vec<serde_json::Value> = report["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| serde_json::json!([q["id"], q["answer"], q["status"], q["score"]]))
        .collect();
    serde_json::json!({
        "overall": report["overall"],
        "completeness": report["completeness"],
        "themes": report["themes"],
        "questions": questions,
        "roadmap": report["roadmap"],
        "respondent": [report["respondent"]["municipality"], report["respondent"]["region"],
                       report["respondent"]["population"], report["respondent"]["date"]],
    })
}

#[test]
fn a_limesurvey_export_of_the_exported_survey_scores_as_the_answer_sheet_does() {
    let sheet = Kk::new()
        .args(["--lang", "en", "score"])
        .arg(repo().join("examples/kalliojarvi.toml"))
        .args(["--format", "json"]);
    let expected = scored_parts(&sheet.run().code(0).stdout_json());
    for (full_headings, full_answers, language) in
        [(false, false, "fi"), (true, true, "fi"), (true, false, "sv"), (false, true, "en"), (true, true, "en")]
    {
        let how = LsExport { full_headings, full_answers, language };
        let (kk, input) = limesurvey_export_of_kalliojarvi(how);
        let run = kk.args(["--lang", "en", "score"]).arg(&input).args(["--out-dir", "out"]).run();
        let run = run.code(0).stderr_has("2 rows: 1 scored, 0 rejected, 1 incomplete");
        let report = run.json("out/kalliojarvi.json");
        let got = scored_parts(&report);
        for key in ["overall", "completeness", "themes", "questions", "roadmap", "respondent"] {
            if got[key] != expected[key] {
                let (a, b) = (got[key].to_string(), expected[key].to_string());
                let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(0).saturating_sub(80);
                panic!("{how:?}: `{key}` differs:\n got {}\nwant {}", &a[at.min(a.len())..], &b[at.min(b.len())..]);
            }
        }
        let rejected = run.read("out/rejected.csv");
        assert!(rejected.contains("incomplete response: it was never submitted"), "{how:?}: {rejected}");
        assert!(!run.stderr.contains("unknown column"), "{how:?}: {}", run.stderr);
    }
}
