//! `merge SHEET…`: three respondents of one municipality, each answering their own themes, merged and
//! scored; and what is refused.

use crate::support::{Kk, fixture};

const HEAD: &str = "questionnaire = \"pieni\"\nquestionnaire_version = \"1.0.0\"\n";

/// The IT lead answers security (theme t), HR and finance the themes a; they disagree on `a.level`.
fn sheets(kk: &Kk) {
    kk.file(
        "it.toml",
        format!(
            "{HEAD}[respondent]\nmunicipality = \"Kustavi\"\nrole = \"tietohallinto\"\ndate = \"2026-11-20\"\n\
             [answers]\n\"t.yes\" = true\n\"t.two\" = \"dk\"\n\"t.three\" = false\n"
        ),
    );
    kk.file(
        "hr.toml",
        format!(
            "{HEAD}[respondent]\nmunicipality = \"Kustavi\"\nrole = \"henkilöstö\"\ndate = \"2026-11-21\"\n\
             [answers]\n\"a.level\" = 2\n\"a.choice\" = \"some\"\n\"t.yes\" = \"dk\"\n\
             [notes]\n\"a.level\" = \"koulutussuunnitelma 2026\"\n"
        ),
    );
    kk.file(
        "talous.toml",
        format!(
            "{HEAD}[respondent]\nmunicipality = \"Kustavi\"\nrole = \"talous\"\ndate = \"2026-11-22\"\n\
             [answers]\n\"a.level\" = 3\n\"a.multi\" = [\"p\", \"r\"]\n\"a.number\" = 45.5\n"
        ),
    );
}

#[test]
fn three_respondents_merged_with_a_rule_score_as_worked_by_hand() {
    let kk = Kk::new().args(["--lang", "en", "merge", "it.toml", "hr.toml", "talous.toml", "--prefer", "henkilöstö"]);
    sheets(&kk);
    let run = kk.arg("-q").arg(fixture("pieni.toml")).args(["-o", "kustavi.toml"]).run().code(0);
    let merged = run.read("kustavi.toml");
    assert!(merged.contains("[sources]") && merged.contains("\"a.level\" = \"henkilöstö (hr.toml)\""), "{merged}");
    assert!(merged.contains("\"t.yes\" = \"tietohallinto (it.toml)\""), "dk gives way: {merged}");
    assert!(merged.contains("[conflicts]") && merged.contains("--prefer henkilöstö"), "{merged}");
    assert!(merged.contains("role = \"tietohallinto, henkilöstö, talous\""), "{merged}");

    let score = Kk::new().args(["score", "kustavi.toml", "--format", "json", "-o", "r.json", "-q"]);
    score.file("kustavi.toml", &merged);
    let report = score.arg(fixture("pieni.toml")).run().code(0).json("r.json");
    // As the single sheet of score.rs: theme a = 55, theme t = 33.3, overall (2 · 55 + 33.3) / 3.
    let theme = |i: usize| report["themes"][i]["score"].as_f64().unwrap();
    assert!((theme(0) - 55.0).abs() < 1e-9 && (theme(1) - 100.0 / 3.0).abs() < 1e-9);
    assert!((report["overall"]["score"].as_f64().unwrap() - (110.0 + 100.0 / 3.0) / 3.0).abs() < 1e-9);
    assert_eq!(report["themes"][0]["answered_by"], serde_json::json!(["henkilöstö", "talous"]));
    assert_eq!(report["themes"][1]["answered_by"], serde_json::json!(["tietohallinto"]));
    assert_eq!(report["questions"][0]["source"], "henkilöstö (hr.toml)");
    assert_eq!(report["conflicts"][0]["question"], "a.level");

    let render = Kk::new().args(["--lang", "en", "report", "r.json", "--format", "md"]);
    render.file("r.json", report.to_string());
    render.run().code(0).stdout_has("## Resolved conflicts").stdout_has("Answered by: henkilöstö, talous");
    let html = Kk::new().args(["--lang", "en", "report", "r.json", "--format", "html"]);
    html.file("r.json", report.to_string());
    html.run().code(0).stdout_has("<section id=\"conflicts\">");
}

#[test]
fn unresolved_conflicts_off_a_terminal_are_refused_with_the_fix() {
    let kk = Kk::new().args(["--lang", "en", "merge", "it.toml", "hr.toml", "talous.toml", "-o", "m.toml", "-q"]);
    sheets(&kk);
    let run = kk
        .arg(fixture("pieni.toml"))
        .run()
        .code(2)
        .stderr_has("`a.level`: henkilöstö (hr.toml) = 2 – two; talous (talous.toml) = 3 – three")
        .stderr_has("--prefer ROLE");
    assert!(!run.files().contains(&"m.toml".to_string()), "nothing half-written");
}

#[test]
fn sheets_of_two_municipalities_duplicates_and_broken_drafts_are_refused_naming_the_files() {
    let kk = Kk::new().args(["--lang", "en", "merge", "it.toml", "muu.toml", "-q"]);
    sheets(&kk);
    kk.file("muu.toml", format!("{HEAD}[respondent]\nmunicipality = \"Naantali\"\n[answers]\n\"t.yes\" = true\n"));
    kk.arg(fixture("pieni.toml")).run().code(2).stderr_has("`it.toml` is for municipality `Kustavi`, but `muu.toml`");

    let kk = Kk::new().args(["--lang", "en", "merge", "it.toml", "kopio.toml", "-q"]);
    sheets(&kk);
    kk.file("kopio.toml", std::fs::read(kk.dir().join("it.toml")).unwrap());
    kk.arg(fixture("pieni.toml")).run().code(2).stderr_has("`kopio.toml` is the same answer sheet as `it.toml`");

    let kk = Kk::new().args(["--lang", "en", "merge", "it.toml", "./it.toml", "-q"]);
    sheets(&kk);
    kk.arg(fixture("pieni.toml")).run().code(2).stderr_has("is given twice");

    let kk = Kk::new().args(["--lang", "en", "merge", "it.toml", "rikki.draft.toml", "-q"]);
    sheets(&kk);
    kk.file("rikki.draft.toml", format!("{HEAD}[answers]\n\"t.yes\" = tru\n"));
    kk.arg(fixture("pieni.toml")).run().code(2).stderr_has("rikki.draft.toml:4:");
}

#[test]
fn answers_that_do_not_fit_another_version_are_named_and_kept() {
    let kk = Kk::new().args(["--lang", "en", "merge", "it.toml", "vanha.toml", "-o", "m.toml", "-q"]);
    sheets(&kk);
    kk.file(
        "vanha.toml",
        "questionnaire = \"pieni\"\nquestionnaire_version = \"0.9.0\"\n[respondent]\nmunicipality = \"Kustavi\"\n\
         [answers]\n\"a.gone\" = 2\n\"a.level\" = 1\n",
    );
    let run = kk.arg(fixture("pieni.toml")).run().code(0).stderr_has("vanha.toml:6:").stderr_has("kept unchanged");
    assert!(run.read("m.toml").contains("\"a.gone\" = 2"));
}

/// Resolving a conflict by hand at a real terminal (read through a terminal emulator) of 80×24 and 60×20:
/// the person sees the question, every answer with who gave it and their notes, picks one and keeps the
/// other in the note; the merged sheet records the choice.
#[cfg(unix)]
#[test]
fn a_person_resolves_a_conflict_at_a_terminal_of_80_and_60_columns() {
    use crate::pty::{DOWN, ENTER, Pty};
    for (size, lang, keep) in [((24, 80), "en", "and keep the others"), ((20, 60), "fi", "ja kirjaa muut")] {
        let kk = Kk::new();
        sheets(&kk);
        let questionnaire = fixture("pieni.toml");
        let args = ["--lang", lang, "merge", "it.toml", "hr.toml", "talous.toml", "-o", "m.toml", "-q"];
        let mut args: Vec<&str> = args.to_vec();
        args.push(questionnaire.to_str().unwrap());
        let mut pty = Pty::spawn(kk.dir(), size, &args, &[("NO_COLOR", "1")]);
        let screen = pty.wait_for(&["a.level", "koulutussuunnitelma 2026", keep]);
        let text = screen.words();
        assert!(text.contains("henkilöstö (hr.toml) = 2") && text.contains("talous (talous.toml) = 3"), "{text}");
        assert!(screen.rows.iter().all(|row| row.chars().count() <= usize::from(size.1)), "{}", screen.text());
        // The menu: take hr's, take talous's, then the same two keeping the other answer in the note.
        pty.keys(&[DOWN, DOWN, DOWN, ENTER]);
        let (code, screen) = pty.finish();
        assert_eq!(code, 0, "{}", screen.text());
        let merged = std::fs::read_to_string(kk.dir().join("m.toml")).unwrap();
        assert!(merged.contains("\"a.level\" = 3"), "{merged}");
        assert!(merged.contains("henkilöstö (hr.toml) = 2"), "the other answer is kept in the note: {merged}");
        assert!(merged.contains("[conflicts]"), "{merged}");
    }
}

#[test]
fn a_typo_in_a_sheet_of_this_version_is_refused_and_a_shared_file_name_must_be_given_with_its_folder() {
    let kk = Kk::new().args(["--lang", "en", "merge", "it.toml", "typo.toml", "-q"]);
    sheets(&kk);
    kk.file("typo.toml", format!("{HEAD}[respondent]\nmunicipality = \"Kustavi\"\n[answers]\n\"a.levl\" = 2\n"));
    kk.arg(fixture("pieni.toml")).run().code(2).stderr_has("typo.toml:6:1:").stderr_has("did you mean `a.level`?");

    // Two respondents' drafts with the same name, from their own folders.
    let drafts = |prefer: &str| {
        let kk = Kk::new().args(["--lang", "en", "merge", "it/d.draft.toml", "hr/d.draft.toml", "-o", "m.toml"]);
        for (role, level) in [("it", 1), ("hr", 3)] {
            std::fs::create_dir_all(kk.dir().join(role)).unwrap();
            kk.file(
                &format!("{role}/d.draft.toml"),
                format!("{HEAD}[respondent]\nmunicipality = \"Kustavi\"\nrole = \"{role}\"\n[answers]\n\"a.level\" = {level}\n"),
            );
        }
        kk.args(["--prefer", prefer, "-q"]).arg(fixture("pieni.toml"))
    };
    drafts("d.draft.toml")
        .run()
        .code(2)
        .stderr_has("`--prefer d.draft.toml` could mean several files (`it/d.draft.toml`, `hr/d.draft.toml`)");
    let run = drafts("hr/d.draft.toml").run().code(0);
    let merged = run.read("m.toml");
    assert!(merged.contains("\"a.level\" = \"hr (hr/d.draft.toml)\""), "{merged}");
}
