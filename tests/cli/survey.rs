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

use crate::survey_tools::{Mark, Shown, forms_xlsx, shown_answers, webropol_xlsx};

fn default_questionnaire() -> toml::Table {
    std::fs::read_to_string(repo().join("questionnaires/kuntakompassi.toml")).unwrap().parse().unwrap()
}

fn kalliojarvi_sheet() -> toml::Table {
    std::fs::read_to_string(repo().join("examples/kalliojarvi.toml")).unwrap().parse().unwrap()
}

/// The scores of Kalliojärvi's answer sheet, in English.
fn kalliojarvi_scores() -> serde_json::Value {
    let sheet = Kk::new().args(["--lang", "en", "score"]).arg(repo().join("examples/kalliojarvi.toml"));
    let mut parts = scored_parts(&sheet.args(["--format", "json"]).run().code(0).stdout_json());
    parts.as_object_mut().unwrap().remove("respondent");
    parts
}

fn assert_same_scores(report: &serde_json::Value, expected: &serde_json::Value, what: &str) {
    let mut got = scored_parts(report);
    got.as_object_mut().unwrap().remove("respondent");
    for key in ["overall", "completeness", "themes", "questions", "roadmap"] {
        assert_eq!(got[key], expected[key], "{what}: `{key}` differs");
    }
}

#[test]
fn a_forms_workbook_of_labels_scores_as_the_answer_sheet_does_and_is_dated_by_its_completion_time() {
    let q = default_questionnaire();
    let answers = shown_answers(&q, &kalliojarvi_sheet());
    let kk = Kk::new();
    let input = kk.file("Kuntakompassi(1-1).xlsx", forms_xlsx(&[(answers, "Kalliojärvi")], None));
    let run = kk.args(["--lang", "en", "score"]).arg(&input).args(["--out-dir", "out"]).run().code(0);
    let run = run.stderr_has("4 columns that Microsoft Forms adds are left aside: `ID`, `Start time`, `Email`, `Name`");
    let report = run.json("out/kalliojarvi.json");
    assert_same_scores(&report, &kalliojarvi_scores(), "Forms");
    assert_eq!(report["respondent"]["date"], "2026-11-22", "the date of Completion time");
}

#[test]
fn a_typed_other_answer_in_forms_is_kept_as_the_note_and_the_chosen_options_count() {
    let q = default_questionnaire();
    let answers = shown_answers(&q, &kalliojarvi_sheet());
    let kk = Kk::new();
    let input = kk.file(
        "vastaukset.xlsx",
        forms_xlsx(&[(answers, "Kalliojärvi")], Some(("services.e_tools", "Oma kuntalaistili"))),
    );
    let run = kk.args(["--lang", "en", "score"]).arg(&input).args(["--out-dir", "out"]).run().code(0);
    let report = run.json("out/kalliojarvi.json");
    assert_same_scores(&report, &kalliojarvi_scores(), "Forms with an other answer");
    let question = report["questions"].as_array().unwrap().iter().find(|q| q["id"] == "services.e_tools").unwrap();
    assert_eq!(question["note"], "Other: Oma kuntalaistili");
}

#[test]
fn a_webropol_workbook_with_its_two_row_header_scores_as_the_answer_sheet_does() {
    let q = default_questionnaire();
    let answers = shown_answers(&q, &kalliojarvi_sheet());
    let marks: [Mark<'_>; 3] = [&|_, _| "1".to_string(), &|_, _| "X".to_string(), &|_, label: &str| label.to_string()];
    for (n, mark) in marks.iter().enumerate() {
        let kk = Kk::new();
        let input = kk.file("webropol.xlsx", webropol_xlsx(&q, &[(answers.clone(), "Kalliojärvi")], *mark));
        let run = kk.args(["--lang", "en", "score"]).arg(&input).args(["--out-dir", "out"]).run().code(0);
        let run = run.stderr_has(":2: note: the row is a second header row (Webropol)");
        let report = run.json("out/kalliojarvi.json");
        assert_same_scores(&report, &kalliojarvi_scores(), &format!("Webropol, mark {n}"));
        assert_eq!(report["respondent"]["date"], "2026-11-22", "the date of Vastausaika");
    }
}

#[test]
fn a_webropol_csv_with_multi_answers_joined_by_comma_and_space_scores_as_the_answer_sheet_does() {
    let q = default_questionnaire();
    let answers = shown_answers(&q, &kalliojarvi_sheet());
    // Webropol's CSV as Finnish Excel saves it: `;`-separated, each answer in one column, a multiple choice
    // as its labels joined with ", ".
    let quote = |text: &str| {
        if text.contains([';', '"']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
    };
    let mut header = vec!["Vastausaika".to_string(), "Kunta".to_string()];
    let mut row = vec!["22.11.2026 10:15".to_string(), "Kalliojärvi".to_string()];
    for (_, text, shown) in &answers {
        header.push(quote(text));
        row.push(quote(&match shown {
            Shown::One(text) if text.parse::<f64>().is_ok() => text.replace('.', ","),
            Shown::One(text) => text.clone(),
            Shown::Many(labels) => labels.join(", "),
        }));
    }
    let kk = Kk::new();
    let input = kk.file("webropol.csv", format!("{}\r\n{}\r\n", header.join(";"), row.join(";")));
    let run = kk.args(["--lang", "en", "score"]).arg(&input).args(["--out-dir", "out"]).run().code(0);
    let report = run.json("out/kalliojarvi.json");
    let expected = kalliojarvi_scores();
    let got = scored_parts(&report);
    for (a, b) in got["questions"].as_array().unwrap().iter().zip(expected["questions"].as_array().unwrap()) {
        assert_eq!(a, b, "Webropol CSV: a question differs");
    }
    assert_same_scores(&report, &expected, "Webropol CSV");
}

/// A CSV as LimeSurvey's `CsvWriter` writes it: a byte-order mark, every field quoted, CRLF after each record.
fn limesurvey_csv(rows: &[&[&str]]) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| format!("\"{}\"", cell.replace('"', "\"\""))).collect();
        out.extend_from_slice(cells.join(",").as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out
}

#[test]
fn a_survey_built_by_hand_in_limesurvey_scores_with_a_map_of_columns_and_values() {
    let kk = Kk::new();
    // Question codes of the consultant's own making; LimeSurvey's default answer codes AO01 …; "Other" on
    // the list question (stored as `-oth-`, its text in `Q2[other]`), a comment on Q1, timings on.
    let input = kk.file(
        "results-survey123456.csv",
        limesurvey_csv(&[
            &[
                "id",
                "submitdate",
                "lastpage",
                "startlanguage",
                "seed",
                "Kunta",
                "Q1",
                "Q1[comment]",
                "Q2",
                "Q2[other]",
                "Q3[SQ001]",
                "Q3[SQ002]",
                "Q3[SQ003]",
                "Q3[other]",
                "interviewtime",
                "groupTime1234",
                "Q1Time",
                "Q2Time",
                "Q3Time",
            ],
            &[
                "1",
                "2026-11-22 10:15:00",
                "2",
                "fi",
                "123",
                "Kustavi",
                "AO03",
                "Varmuuskopiot testattu 2025",
                "AO02",
                "",
                "Y",
                "",
                "Y",
                "",
                "412.5",
                "400.1",
                "10.2",
                "5.5",
                "3.3",
            ],
            &[
                "2",
                "2026-11-22 11:00:00",
                "2",
                "fi",
                "456",
                "Salo",
                "AO05",
                "",
                "-oth-",
                "Oma ratkaisu",
                "",
                "",
                "",
                "Jokin muu",
                "300",
                "290",
                "4",
                "3",
                "2",
            ],
            &["3", "", "1", "fi", "789", "Lieto", "AO01", "", "", "", "", "", "", "", "12", "11", "1", "", ""],
        ]),
    );
    let map = kk.file(
        "kartta.toml",
        "[columns]\n\"Q1\" = \"a.level\"\n\"Q2\" = \"a.choice\"\n\"Q3\" = \"a.multi\"\n\
         \"Q3[SQ001]\" = \"a.multi[p]\"\n\"Q3[SQ002]\" = \"a.multi[q]\"\n\"Q3[SQ003]\" = \"a.multi[r]\"\n\
         [values.\"a.level\"]\nAO01 = 0\nAO02 = 1\nAO03 = 2\nAO04 = 3\nAO05 = 4\n\
         [values.\"a.choice\"]\nAO01 = \"no\"\nAO02 = \"some\"\nAO03 = \"all\"\n",
    );
    let run = kk
        .args(["--lang", "en", "score"])
        .arg(&input)
        .arg("-q")
        .arg(crate::support::fixture("pieni.toml"))
        .arg("--map")
        .arg(&map)
        .args(["--format", "json", "--out-dir", "out"])
        .run()
        .code(0);
    let run = run
        .stderr_has("3 rows: 2 scored, 0 rejected, 1 incomplete; 2 questions were answered only with \"other\"")
        .stderr_has("columns that LimeSurvey adds are left aside: `id`, `lastpage`, `startlanguage`, `seed`, `interviewtime`, `groupTime1234`, …");
    assert!(!run.stderr.contains("Q1Time"), "one note for LimeSurvey's columns, not one per column:\n{}", run.stderr);
    let kustavi = run.json("out/kustavi.json");
    let question = |report: &serde_json::Value, id: &str| {
        report["questions"].as_array().unwrap().iter().find(|q| q["id"] == id).unwrap().clone()
    };
    assert_eq!(question(&kustavi, "a.level")["answer"], 2);
    assert_eq!(question(&kustavi, "a.level")["note"], "Varmuuskopiot testattu 2025");
    assert_eq!(question(&kustavi, "a.choice")["answer"], "some");
    assert_eq!(question(&kustavi, "a.multi")["answer"], serde_json::json!(["p", "r"]));
    assert_eq!(kustavi["respondent"]["date"], "2026-11-22", "the date of submitdate");
    let salo = run.json("out/salo.json");
    assert_eq!(question(&salo, "a.choice")["status"], "unanswered", "-oth- alone leaves the question unscored");
    assert_eq!(question(&salo, "a.choice")["note"], "Other: Oma ratkaisu");
    assert_eq!(question(&salo, "a.multi")["status"], "unanswered");
    assert_eq!(question(&salo, "a.multi")["note"], "Other: Jokin muu");
    let rejected = run.read("out/rejected.csv");
    assert!(rejected.contains("Lieto") && rejected.contains("never submitted"), "{rejected}");
    let included = Kk::new()
        .args(["--lang", "en", "score"])
        .arg(&input)
        .arg("-q")
        .arg(crate::support::fixture("pieni.toml"))
        .arg("--map")
        .arg(&map)
        .args(["--format", "csv", "--include-incomplete"])
        .run()
        .code(0);
    included.stderr_has("3 rows: 3 scored, 0 rejected");
}

#[test]
fn a_column_without_a_header_that_holds_data_stops_the_run_naming_its_letter() {
    let kk = Kk::new();
    let input = kk.file("vastaukset.csv", "municipality,a.level,,t.yes\nKustavi,2,,yes\nSalo,3,kadonnut,no\n");
    let run = kk.args(["--lang", "en", "score"]).arg(&input).arg("-q").arg(crate::support::fixture("pieni.toml")).run();
    let run = run
        .code(2)
        .stderr_has("vastaukset.csv:1: column C (3)")
        .stderr_has("has no header but holds data (first on line 3)");
    assert!(run.stdout.is_empty());
}

#[test]
fn a_row_that_looks_like_a_second_header_but_does_not_fit_is_named_as_such() {
    let kk = Kk::new();
    let input = kk.file("vastaukset.csv", "Kunta,Monta?,,,Taso?\n,P,Q,Väärä,\nKustavi,1,,1,2\n");
    let run = kk.args(["--lang", "en", "score"]).arg(&input).arg("-q").arg(crate::support::fixture("pieni.toml")).run();
    run.code(2).stderr_has("vastaukset.csv:2:4 (Väärä): error: the row looks like a second header row");
}

#[test]
fn a_header_edited_a_little_in_the_survey_tool_gets_the_question_id_to_map() {
    let q = default_questionnaire();
    let spec = &q["question"].as_array().unwrap()[0];
    let (id, text) = (spec["id"].as_str().unwrap(), spec["text"]["fi"].as_str().unwrap());
    // A word changed in the form, as a consultant edits a question's wording.
    let edited = text.replacen("kunnalla", "kunnallanne", 1);
    assert_ne!(edited, text);
    let kk = Kk::new();
    let input = kk.file("vastaukset.csv", format!("municipality;{edited}\nKustavi;2\n"));
    let run = kk.args(["--lang", "en", "score"]).arg(&input).run();
    run.code(2).stderr_has(&format!("the header reads like the text of question `{id}`"));
}

#[cfg(unix)]
#[test]
fn dev_null_as_the_output_stays_a_device() {
    use std::os::unix::fs::FileTypeExt as _;
    let kk = Kk::new();
    let input = kk.file("vastaukset.csv", half_bad_batch());
    kk.args(["score", input.to_str().unwrap(), "-q", "henkilosto", "-o", "/dev/null"]).run().code(3);
    let report = repo().join("examples/kalliojarvi-report.json");
    Kk::new().arg("report").arg(report).args(["--format", "html", "-o", "/dev/null"]).run().code(0);
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device(), "renamed over, it would be a file");
}
