//! `questionnaire list`, `show` and `validate`.

use crate::support::{Kk, fixture, repo};

#[test]
fn every_built_in_questionnaire_validates_without_error_or_warning() {
    let run = Kk::new().args(["questionnaire", "validate"]).run().code(0).stderr_is_empty();
    let builtins = std::fs::read_dir(repo().join("questionnaires"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .count();
    assert_eq!(run.stdout.lines().filter(|l| l.contains("kunnossa")).count(), builtins, "{}", run.stdout);
}

#[test]
fn validating_the_default_by_id_says_it_is_ok() {
    Kk::new()
        .args(["--lang", "en", "questionnaire", "validate", "kuntakompassi"])
        .run()
        .code(0)
        .stderr_is_empty()
        .stdout_has("questionnaires/kuntakompassi.toml: ok");
}

#[test]
fn a_duplicate_question_id_is_reported_at_both_places() {
    let kk = Kk::new();
    let text = std::fs::read_to_string(fixture("pieni.toml")).unwrap().replace("id = \"t.three\"", "id = \"t.yes\"");
    let path = kk.file("kopio.toml", &text);
    let first = text.lines().position(|l| l == "id = \"t.yes\"").unwrap() + 1;
    let second = text.lines().enumerate().filter(|(_, l)| *l == "id = \"t.yes\"").nth(1).unwrap().0 + 1;
    kk.args(["--lang", "en", "questionnaire", "validate"])
        .arg(&path)
        .run()
        .code(2)
        .stderr_has(&format!("kopio.toml:{second}:6: error: duplicate question id `t.yes` (first defined at "))
        .stderr_has(&format!("kopio.toml:{first}:6)"));
}

#[test]
fn every_problem_of_a_questionnaire_is_reported_in_one_run() {
    let kk = Kk::new();
    let text = std::fs::read_to_string(fixture("pieni.toml"))
        .unwrap()
        .replace("theme = \"a\"\nkind = \"choice\"", "theme = \"nope\"\nkind = \"choice\"")
        .replace("points = 4", "points = -1")
        .replace("score = 1.0", "score = 1.5")
        .replace("min = 0.0\nmax = 100.0", "min = 10.0\nmax = 5.0")
        .replace("max_points = 3.0\n", "max_points = 3.0\nlables = 1\n")
        .replace("[[band]]\nmin = 50", "[[band]]\nmin = 0")
        .replace("sv = \"Fri?\", ", "");
    let path = kk.file("rikki.toml", &text);
    let run = kk.args(["--lang", "en", "questionnaire", "validate"]).arg(&path).run().code(2);
    for needle in [
        "refers to theme `nope`",
        "option `all` of question `a.choice` has points -1",
        "has `score` 1.5",
        "has `min` 10 above `max` 5",
        "unknown key `lables`",
        "bands must ascend",
        "warning: text missing in language `sv`",
    ] {
        assert!(run.stderr.contains(needle), "missing {needle:?} in\n{}", run.stderr);
    }
    let problems = run.stderr.lines().filter(|l| !l.starts_with("error: 1 questionnaire"));
    assert!(problems.clone().count() >= 7);
    assert!(
        problems.clone().all(|l| l.starts_with(&path.display().to_string())),
        "every line names the file:\n{}",
        run.stderr
    );
    assert!(run.stdout.contains("6 errors, 2 warnings"), "{}", run.stdout);
}

#[test]
fn warnings_alone_exit_0() {
    let kk = Kk::new();
    let text = std::fs::read_to_string(fixture("pieni.toml")).unwrap().replace("sv = \"Fri?\", ", "");
    let path = kk.file("varoitus.toml", &text);
    kk.args(["questionnaire", "validate"])
        .arg(&path)
        .run()
        .code(0)
        .stderr_has("varoitus: teksti puuttuu kielellä `sv`");
}

#[test]
fn a_syntax_error_names_the_line_and_column() {
    let kk = Kk::new();
    let path = kk.file("syntaksi.toml", "[questionnaire]\nid = \"x\"\nversion = 1.0.0\n");
    kk.args(["questionnaire", "validate"]).arg(&path).run().code(2).stderr_has("syntaksi.toml:3:");
}

#[test]
fn lists_the_built_in_questionnaires() {
    Kk::new()
        .args(["--lang", "en", "questionnaire", "list"])
        .run()
        .code(0)
        .stdout_has("kuntakompassi")
        .stdout_has("Questions");
}

#[test]
fn shows_a_questionnaire_in_the_chosen_language() {
    Kk::new()
        .args(["--lang", "sv", "questionnaire", "show"])
        .arg(fixture("pieni.toml"))
        .run()
        .code(0)
        .stdout_has("Tema Åå (a) · vikt 2")
        .stdout_has("a.level · nivåfråga · vikt 2")
        .stdout_has("→ nästa steg: T0");
    Kk::new().args(["--lang", "en", "questionnaire", "show"]).run().code(0).stdout_has("Theme ").stdout_has("weight");
}
