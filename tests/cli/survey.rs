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
