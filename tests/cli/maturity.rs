//! What holds the security level down (issue 22): the example municipalities' reports name the practices
//! that block the next maturity level and the answer each needs, in every format and in fi, sv and en; a
//! grouped report says how its level was formed.

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::support::{Kk, repo};

/// Kalliojärvi's five MIL-1 practices below "achieved", in roadmap order (backups has the greatest gain).
const KALLIOJARVI_BLOCKING: [&str; 5] =
    ["security.backups", "security.mfa", "security.patching", "security.accounts", "security.critical_assets"];

fn score(sheet: &str, lang: &str, format: &str) -> crate::support::Run {
    Kk::new().args(["--lang", lang, "score", "--format", format]).arg(repo().join("examples").join(sheet)).run().code(0)
}

fn security(report: &serde_json::Value) -> &serde_json::Value {
    report["themes"].as_array().unwrap().iter().find(|t| t["id"] == "security").unwrap()
}

#[test]
fn kalliojarvi_is_at_level_0_and_its_record_names_the_five_practices_that_block_level_1() {
    for (lang, needed) in [
        ("fi", "vähintään 3 – Suurelta osin toteutunut"),
        ("sv", "minst 3 – Till stor del genomfört"),
        ("en", "at least 3 – Largely in place"),
    ] {
        let report = score("kalliojarvi.toml", lang, "json").stdout_json();
        let theme = security(&report);
        assert_eq!(theme["mil"], 0, "the existing field is unchanged");
        assert_eq!(theme["mil_next"], 1);
        let blocking = theme["mil_blocking"].as_array().unwrap();
        let ids: Vec<&str> = blocking.iter().map(|b| b["question"].as_str().unwrap()).collect();
        assert_eq!(ids, KALLIOJARVI_BLOCKING, "{lang}");
        let backups = &blocking[0];
        assert_eq!(backups["mil"], 1);
        assert_eq!(backups["score"], 0.25);
        assert_eq!(backups["needed_answer"], 3);
        assert_eq!(backups["needed"], needed);
        assert_eq!(backups["find_out_first"], false);
        assert!(backups.get("members").is_none(), "members only in a grouped report");
        // Every blocking practice is marked in the roadmap, and nothing else is.
        let marked: Vec<&str> = report["roadmap"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["raises_mil"] == 1)
            .map(|s| s["question"].as_str().unwrap())
            .collect();
        let mut expected = KALLIOJARVI_BLOCKING.to_vec();
        expected.sort_unstable();
        let mut marked_sorted = marked.clone();
        marked_sorted.sort_unstable();
        assert_eq!(marked_sorted, expected);
        assert!(
            report["themes"].as_array().unwrap().iter().all(|t| t["id"] == "security" || t.get("mil_next").is_none())
        );
    }
}

#[test]
fn the_summary_and_the_theme_section_say_what_level_1_needs_in_every_language() {
    for (lang, summary, rule, raises) in [
        (
            "fi",
            "Digitaalinen turvallisuus: kypsyystaso 0/3 — tasolle 1 tarvitaan: varmuuskopiot ja kokeiltu palautus; monivaiheinen tunnistautuminen;",
            "Tasolle 1 pääsee, kun jokainen tason 1 käytäntö on toteutunut",
            "Yksi niistä 5 käytännöstä, jotka yhdessä nostavat teeman Digitaalinen turvallisuus kypsyystasolle 1",
        ),
        (
            "sv",
            "Digital säkerhet: mognadsnivå 0/3 — för nivå 1 behövs: säkerhetskopior och prövad återställning; flerfaktorsautentisering;",
            "Nivå 1 nås när varje rutin på nivå 1 är genomförd",
            "En av de 5 rutiner som tillsammans höjer Digital säkerhet till mognadsnivå 1",
        ),
        (
            "en",
            "Digital security: maturity level 0/3 — to reach 1: backups and a tested restore; multi-factor authentication;",
            "Level 1 is reached when every level-1 practice is achieved",
            "One of the 5 practices that together raise Digital security to maturity level 1",
        ),
    ] {
        let md = score("kalliojarvi.toml", lang, "md").stdout;
        assert!(md.contains(summary), "{lang} summary\n{md}");
        assert!(md.contains(rule), "{lang} rule");
        assert!(md.contains(&format!("**▲ {raises}.**")), "{lang}: the backups step (10th) is marked");
        let html = score("kalliojarvi.toml", lang, "html").stdout;
        assert!(html.contains("<table class=\"mil\">"), "{lang}: the theme section's table");
        assert!(html.contains(&format!("<strong class=\"raises\">▲ {raises}.</strong>")), "{lang}");
        let table = score("kalliojarvi.toml", lang, "table").stdout;
        assert!(table.contains("0/3"), "{lang}");
        assert!(table.contains("• "), "{lang}: one line per blocking practice\n{table}");
    }
}

#[test]
fn a_practice_answered_with_a_choice_needs_one_of_the_options_that_count() {
    // Skärholm: responsibility is "it_person_informally" (0.25); named in writing (0.75) or reporting (1.0)
    // counts.
    let report = score("skarholm.toml", "sv", "json").stdout_json();
    let blocking = security(&report)["mil_blocking"].as_array().unwrap().clone();
    let responsibility = blocking.iter().find(|b| b["question"] == "security.responsibility").unwrap();
    assert_eq!(responsibility["needed_answer"], serde_json::json!(["named_in_writing", "named_and_reports"]));
    assert_eq!(
        responsibility["needed"],
        "En ansvarig har utsetts skriftligen eller En ansvarig har utsetts och rapporterar till ledningen minst en gång om året"
    );
    assert_eq!(responsibility["name"], "ansvarig för informationssäkerheten");
}

#[test]
fn the_csv_and_the_xlsx_action_plan_mark_what_blocks_the_level() {
    let csv = score("kalliojarvi.toml", "en", "csv").stdout;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let (id, blocks) = (
        headers.iter().position(|h| h == "question_id").unwrap(),
        headers.iter().position(|h| h == "blocks_mil").unwrap(),
    );
    let blocked: Vec<String> =
        reader.records().map(Result::unwrap).filter(|r| &r[blocks] == "1").map(|r| r[id].to_string()).collect();
    assert_eq!(blocked.len(), 5);

    let kk = Kk::new();
    let run = kk
        .args(["--lang", "fi", "score"])
        .arg(repo().join("examples/kalliojarvi.toml"))
        .args(["-o", "k.xlsx"])
        .run()
        .code(0);
    let mut book: Xlsx<_> = open_workbook(run.dir.path().join("k.xlsx")).unwrap();
    let plan = book.worksheet_range("Toimenpidesuunnitelma").unwrap();
    let header: Vec<String> = plan.rows().next().unwrap().iter().map(ToString::to_string).collect();
    let column = header.iter().position(|h| h == "Kypsyystaso").unwrap();
    let marked =
        plan.rows().filter(|r| matches!(&r[column], Data::String(s) if s.contains("kypsyystasolle 1"))).count();
    assert_eq!(marked, 5);
    let summary = book.worksheet_range("Yhteenveto").unwrap();
    let texts: Vec<String> =
        summary.rows().flat_map(|r| r.iter().map(ToString::to_string).collect::<Vec<_>>()).collect();
    assert!(texts.iter().any(|t| t.starts_with("Digitaalinen turvallisuus: kypsyystaso 0/3 — tasolle 1 tarvitaan:")));
    assert!(texts.iter().any(|t| t == "Tarvittava vastaus"), "the blocking practices' table");
}

#[test]
fn a_grouped_report_is_at_its_lowest_members_level_and_says_so() {
    let kk = Kk::new();
    let sheet = kk.file(
        "vastaukset.csv",
        "municipality,security.backups,security.mfa,security.patching,security.accounts,security.critical_assets,security.responsibility\n\
         Kustavi,3,3,3,3,3,named_in_writing\n\
         Kustavi,1,3,dk,3,3,named_in_writing\n",
    );
    let run = kk
        .args(["--lang", "en", "score"])
        .arg(&sheet)
        .args(["--group-by", "municipality", "--out-dir", "out"])
        .run()
        .code(0);
    let report = run.json("out/kustavi.json");
    let theme = security(&report);
    assert_eq!(theme["mil"], 0);
    assert_eq!(theme["mil_members"], serde_json::json!([1, 1, 0, 0]));
    let blocking = theme["mil_blocking"].as_array().unwrap();
    let found: Vec<(&str, u64, u64, bool)> = blocking
        .iter()
        .map(|b| {
            (
                b["question"].as_str().unwrap(),
                b["members"].as_u64().unwrap(),
                b["dont_know_members"].as_u64().unwrap(),
                b["find_out_first"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, [("security.backups", 1, 0, false), ("security.patching", 1, 1, true)]);
    let md = Kk::new()
        .args(["--lang", "en", "report"])
        .arg(run.dir.path().join("out/kustavi.json"))
        .args(["--format", "md"])
        .run()
        .code(0);
    md.stdout_has("The group's maturity level is the lowest of its respondents' levels, the level every respondent has reached (respondents at level 0: 1, at level 1: 1).")
        .stdout_has("1 of 1 respondents at level 0; 1 of them answered “Don't know” (find out first)");
}

#[test]
fn the_theme_sections_of_kalliojarvi_read_as_reviewed() {
    // The maturity part of the security section in each language, as a reviewed snapshot: from the level's
    // line to the end of the table of blocking practices.
    for lang in ["fi", "sv", "en"] {
        let md = score("kalliojarvi.toml", lang, "md").stdout;
        let lines: Vec<&str> = md.lines().collect();
        let start = lines.iter().position(|l| !l.starts_with('|') && l.contains("/3 — ")).unwrap();
        let mut end = start;
        while end < lines.len() && !(lines[end].is_empty() && lines[end - 1].starts_with('|')) {
            end += 1;
        }
        insta::assert_snapshot!(format!("kalliojarvi_security_{lang}"), lines[start..end].join("\n"));
    }
}
