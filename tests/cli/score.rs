//! `score SHEET`: reports, their numbers, and what happens with bad input.

use crate::reference;
use crate::support::{Kk, fixture, repo};

fn pieni() -> String {
    std::fs::read_to_string(fixture("pieni.toml")).unwrap()
}

#[test]
fn a_report_matches_the_scoring_rules_worked_by_hand() {
    let run = Kk::new()
        .args(["--lang", "fi", "score"])
        .arg(fixture("pieni-vastaus.toml"))
        .args(["-q"])
        .arg(fixture("pieni.toml"))
        .args(["--format", "json", "-o", "raportti.json"])
        .run()
        .code(0);
    let report = run.json("raportti.json");
    // Theme a (weight 2): level 2/4 = 0.5 (w 2), choice "some" 1/4 (w 1), multi p+r = 3/3 (w 1), number 45.5
    // in the band from 10 = 0.5 (w 1): (1 + 0.25 + 1 + 0.5) / 5 = 55.
    // Theme t (weight 1): yes 1, dk 0, no 0 = 33.3. Theme x: text only, no score.
    // Overall: (2 · 55 + 33.3) / 3 = 47.78. Every scored question answered: completeness 1.
    let theme = |i: usize| report["themes"][i]["score"].as_f64();
    assert!((theme(0).unwrap() - 55.0).abs() < 1e-9);
    assert!((theme(1).unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(theme(2), None);
    assert!((report["overall"]["score"].as_f64().unwrap() - (110.0 + 100.0 / 3.0) / 3.0).abs() < 1e-9);
    assert_eq!(report["completeness"], 1.0);
    assert_eq!(report["themes"][1]["mil"], 1, "MIL 1 reached; the MIL-2 practice is dk");
    assert_eq!(report["themes"][0]["band"], "Vakiintunut");
    // Roadmap: level 100·(2/3)·(2/5)·0.5 = 13.3; t.two (dk) and t.three 100·(1/3)·(1/3) = 11.1 each, tied on
    // gain and score, so in questionnaire order; choice 100·(2/3)·(1/5)·0.75 = 10; number 6.7.
    let order: Vec<&str> =
        report["roadmap"].as_array().unwrap().iter().map(|s| s["question"].as_str().unwrap()).collect();
    assert_eq!(order, ["a.level", "t.two", "t.three", "a.choice", "a.number"]);
    assert_eq!(report["roadmap"][1]["next_step"], "Selvitä ensin nykytila: kuka kunnassa tietää vastauksen?");
    reference::check_report(&pieni(), &report);
    assert_eq!(report["schema"], "kuntakompassi.report/1");
    assert_eq!(report["created"], "2026-11-18T11:06:40Z");
    assert_eq!(report["questions"][0]["note"], "Tarkistettu johtoryhmässä");
}

#[test]
fn every_example_sheet_scores_as_worked_by_hand() {
    let examples: Vec<_> = std::fs::read_dir(repo().join("examples"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml" || x == "json"))
        .filter(|p| !p.file_name().unwrap().to_string_lossy().contains("report"))
        .collect();
    assert!(!examples.is_empty());
    for example in examples {
        let run = Kk::new().args(["score", "--format", "json"]).arg(&example).run().code(0);
        let report = run.stdout_json();
        let id = report["questionnaire"]["id"].as_str().unwrap().to_string();
        let questionnaire = std::fs::read_to_string(repo().join("questionnaires").join(format!("{id}.toml"))).unwrap();
        reference::check_report(&questionnaire, &report);
    }
}

#[test]
fn output_is_the_same_on_every_run() {
    let once = Kk::new()
        .args(["score", "--format", "json"])
        .arg(fixture("pieni-vastaus.toml"))
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .run()
        .code(0);
    let twice = Kk::new()
        .args(["score", "--format", "json"])
        .arg(fixture("pieni-vastaus.toml"))
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .run()
        .code(0);
    assert_eq!(once.stdout, twice.stdout);
}

#[test]
fn the_program_itself_beside_the_sheet_is_not_taken_for_its_questionnaire() {
    // As in an unpacked Linux or macOS archive: the binary `kuntakompassi` in the folder the user works in,
    // where `kuntakompassi` is also the id of the questionnaire that the sheet names.
    let kk = Kk::new();
    kk.file("kuntakompassi", b"\x7fELF\x02\x01\x01 not a questionnaire");
    kk.file("vastaus.toml", std::fs::read(repo().join("examples/kalliojarvi.toml")).unwrap());
    kk.args(["--lang", "en", "score", "vastaus.toml", "--format", "table"]).run().code(0).stdout_has("Overall index");
}

#[test]
fn the_table_shows_themes_index_completeness_and_steps() {
    Kk::new()
        .args(["--lang", "en", "score", "--format", "table"])
        .arg(fixture("pieni-vastaus.toml"))
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .run()
        .code(0)
        .stdout_has("Ay")
        .stdout_has("55.0")
        .stdout_has("Overall index")
        .stdout_has("100 %")
        .stdout_has("Security: maturity level 1/3 — to reach 2: Two? (find out first)")
        .stdout_has("• Two? — Now: Don't know (find out first) → at least 3 – three")
        .stdout_has("▲ Raises Security to maturity level 2")
        .stdout_has("The next 5 steps by potential gain")
        .stdout_has("+13.3");
}

#[test]
fn a_json_sheet_scores_like_its_toml_twin() {
    let kk = Kk::new();
    let json = kk.file(
        "vastaus.json",
        r#"{"questionnaire": "pieni", "respondent": {"municipality": "Kustavi", "municipality_code": "304", "region": "Varsinais-Suomi", "population": 1000, "role": "tietohallintovastaava", "date": "2026-11-22"},
            "answers": {"a.level": 2, "a.choice": "some", "a.multi": ["p", "r"], "a.number": 45.5, "t.yes": true, "t.two": "dk", "t.three": false, "x.free": "Yhteinen IT-tuki naapurikunnan kanssa"},
            "notes": {"a.level": "Tarkistettu johtoryhmässä"}}"#,
    );
    let from_json =
        kk.args(["score", "--format", "json"]).arg(&json).arg("-q").arg(fixture("pieni.toml")).run().code(0);
    let from_toml = Kk::new()
        .args(["score", "--format", "json"])
        .arg(fixture("pieni-vastaus.toml"))
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .run()
        .code(0);
    let (mut a, mut b) = (from_json.stdout_json(), from_toml.stdout_json());
    a["questionnaire"]["sha256"] = serde_json::Value::Null;
    b["questionnaire"]["sha256"] = serde_json::Value::Null;
    assert_eq!(a, b);
}

#[test]
fn every_bad_answer_of_a_sheet_is_reported_with_its_line_and_column() {
    let kk = Kk::new();
    let sheet = kk.file(
        "huono.toml",
        "questionnaire = \"pieni\"\n[respondent]\nmunicipality = \"X\"\n[answers]\n\"a.level\" = 5\n\"a.choice\" = \"many\"\n\"t.yes\" = \"na\"\n\"a.number\" = 101\n\"t.three\" = 1\n\"a.nope\" = 1\n",
    );
    kk.args(["--lang", "en", "score"])
        .arg(&sheet)
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .args(["-o", "out.json"])
        .run()
        .code(2)
        .stderr_has("huono.toml:5:13: error: question `a.level`: level `5` is not on the scale 0–4")
        .stderr_has("huono.toml:6:14: error: question `a.choice` has no option `many`")
        .stderr_has("huono.toml:7:11: error: question `t.yes` cannot be answered `na`")
        .stderr_has("huono.toml:8:14: error: question `a.number`: number `101` is outside 0..100")
        .stderr_has("huono.toml:9:13: error: question `t.three`: answer `1` has the wrong type")
        .stderr_has("huono.toml:10:1: error: the questionnaire has no question `a.nope`")
        .stderr_has("has errors: 6; nothing was written");
}

#[test]
fn a_sheet_for_another_questionnaire_names_both() {
    let kk = Kk::new();
    let sheet = kk.file("muu.toml", "questionnaire = \"muu\"\n[respondent]\nmunicipality = \"X\"\n");
    kk.args(["--lang", "en", "score"])
        .arg(&sheet)
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .run()
        .code(2)
        .stderr_has("`muu`")
        .stderr_has("`pieni`");
    let kk = Kk::new();
    let sheet = kk.file("muu.toml", "questionnaire = \"muu\"\n[respondent]\nmunicipality = \"X\"\n");
    kk.args(["--lang", "en", "score"]).arg(&sheet).run().code(2).stderr_has("`muu`, which is not built in");
}

/// How a bad input file is made for a test.
enum Make {
    Bytes(&'static [u8]),
    Folder,
    Nothing,
}

#[test]
fn bad_files_get_one_clear_message_and_no_output() {
    let cases = [
        ("tyhja.toml", Make::Bytes(b"   \n"), "`tyhja.toml` is empty"),
        (
            "latin1.toml",
            Make::Bytes(b"questionnaire = \"pieni\"\n[respondent]\nmunicipality = \"P\xF6yty\xE4\"\n"),
            "latin1.toml:3:18: not valid UTF-8",
        ),
        ("binaari.toml", Make::Bytes(&[0, 159, 146, 150, 255, 0, 1]), "binaari.toml:1:2: not valid UTF-8"),
        ("syntaksi.toml", Make::Bytes(b"questionnaire = \"pieni\"\n[answers\n"), "syntaksi.toml:2:"),
        (
            "katkennut.json",
            Make::Bytes(b"{\"questionnaire\": \"pieni\", \"answers\": {\"a.level\": 2"),
            "katkennut.json:1:",
        ),
        ("puuttuu.toml", Make::Nothing, "`puuttuu.toml`: no such file"),
        ("kansio.toml", Make::Folder, "`kansio.toml` is a directory"),
    ];
    for (name, make, needle) in cases {
        let kk = Kk::new();
        match make {
            Make::Bytes(bytes) => {
                kk.file(name, bytes);
            }
            Make::Folder => std::fs::create_dir(kk.dir().join(name)).unwrap(),
            Make::Nothing => {}
        }
        let run = kk
            .args(["--lang", "en", "score", name, "-q"])
            .arg(fixture("pieni.toml"))
            .args(["-o", "out.json"])
            .run()
            .code(2)
            .stderr_has(needle);
        // A parser's own words may follow a message on an indented cause line.
        let messages = run.stderr.lines().filter(|line| !line.starts_with("  ")).count();
        assert!(messages <= 2, "one message (and a summary): {}", run.stderr);
        assert!(!run.files().iter().any(|f| f.contains("out.json")), "no output for {name}: {:?}", run.files());
    }
}

#[test]
fn a_questionnaire_that_fails_validation_stops_scoring() {
    let kk = Kk::new();
    let broken = kk.file("rikki.toml", pieni().replace("points = 4", "points = -4"));
    kk.args(["--lang", "en", "score"])
        .arg(fixture("pieni-vastaus.toml"))
        .arg("-q")
        .arg(&broken)
        .args(["-o", "out.json"])
        .run()
        .code(2)
        .stderr_has("rikki.toml:")
        .stderr_has("has points -4")
        .stderr_has("questionnaire `");
}

#[test]
fn the_output_file_may_not_be_the_input() {
    let kk = Kk::new();
    let original = std::fs::read_to_string(fixture("pieni-vastaus.toml")).unwrap();
    kk.file("vastaus.toml", &original);
    let run = kk
        .args(["--lang", "en", "score", "vastaus.toml", "-q"])
        .arg(fixture("pieni.toml"))
        .args(["-o", "vastaus.toml"])
        .run()
        .code(2)
        .stderr_has("is the input file");
    assert_eq!(run.read("vastaus.toml"), original);
}

#[test]
fn an_unwritable_output_folder_exits_1_and_leaves_nothing() {
    Kk::new()
        .args(["--lang", "en", "score"])
        .arg(fixture("pieni-vastaus.toml"))
        .arg("-q")
        .arg(fixture("pieni.toml"))
        .args(["-o", "no/such/folder/r.json"])
        .run()
        .code(1)
        .stderr_has("cannot write `no/such/folder/r.json`");
}

#[test]
fn a_batch_table_of_eight_themes_fits_80_columns_in_blocks() {
    let kk = Kk::new();
    let ids = "strategy.programme,services.channels,skills.training_plan,resources.it_lead,security.backups,data.information_management_model,infrastructure.system_inventory,cooperation.regional_it";
    let csv = format!("municipality,{ids}\nKalliojärvi,1,2,3,4,0,1,2,3\nYlä-Savonjoki,4,4,3,2,1,0,1,2\n");
    let file = kk.file("kunnat.csv", csv);
    let run = kk.env("COLUMNS", "80").args(["--lang", "fi", "score", "--format", "table"]).arg(file).run().code(0);
    for line in run.stdout.lines() {
        assert!(line.chars().count() <= 80, "{line:?} is wider than 80:\n{}", run.stdout);
    }
    assert!(run.stdout.contains("Ylä-Savonjoki (3)"), "names are whole:\n{}", run.stdout);
    assert!(run.stdout.contains("  T1 "), "the themes by number:\n{}", run.stdout);
    assert!(run.stdout.contains("T2 = Asiakaslähtöiset digitaaliset palvelut"), "and their key:\n{}", run.stdout);
}
