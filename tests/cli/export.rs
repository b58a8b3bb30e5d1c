//! `questionnaire export --to limesurvey`: the file is read here the way LimeSurvey's importer reads it.
//!
//! Verified against LimeSurvey 6.2.1 (and 6.1.8), `application/helpers/admin/import_helper.php`:
//! `importSurveyFile()` takes `.txt` / `.tsv`; `fileCsvToUtf8()` guesses the encoding from the first 10,000
//! bytes; `TSVImportSurvey()` reads the header with `fgetcsv($tmp, 0, "\t", '"')`, trims it, strips a BOM from
//! its first cell, maps every row's cells by those names, unquotes a cell once more when it starts and ends
//! with `"`, and builds the survey from the classes `S`, `SL`, `G`, `Q`, `SQ` and `A`; groups of a second
//! language are found by `type/scale`, questions by group and code. The codes must pass
//! `application/models/Question.php` `rules()` (`/^[a-z,A-Z][[:alnum:]]*$/`, at most 20) and
//! `application/models/Answer.php` `rules()` (`/^[[:alnum:]]*$/`, 1–5 characters).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use kuntakompassi::limesurvey::codes::{self, CodeTable};
use kuntakompassi::questionnaire::{Kind, Source, builtin, load_text};

use crate::support::{Kk, fixture, repo};

type Row = BTreeMap<String, String>;

/// The rows as `TSVImportSurvey()` sees them: cells by header name, empty cells left out.
fn import_rows(bytes: &[u8]) -> (Vec<String>, Vec<Row>) {
    let text = std::str::from_utf8(bytes).expect("the file is UTF-8");
    let text = text.replace("\r\n", "\n");
    let mut lines = text.split('\n');
    let mut header: Vec<String> = lines.next().unwrap().split('\t').map(|h| h.trim().to_string()).collect();
    header[0] = header[0].trim_start_matches('\u{feff}').to_string();
    let mut rows = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        assert!(cells.len() >= header.len(), "a row with fewer cells than the header: {line}");
        assert!(cells[header.len()..].iter().all(|c| c.is_empty()), "cells past the last column: {line}");
        let mut row = Row::new();
        for (name, cell) in header.iter().zip(&cells) {
            assert!(!cell.contains('"') || !cell.starts_with('"'), "a quoted cell would be unquoted twice: {cell}");
            if !cell.is_empty() {
                row.insert(name.clone(), (*cell).to_string());
            }
        }
        rows.push(row);
    }
    (header, rows)
}

fn get<'a>(row: &'a Row, column: &str) -> &'a str {
    row.get(column).map_or("", String::as_str)
}

fn is_question_code(code: &str) -> bool {
    code.len() <= 20
        && code.starts_with(|c: char| c.is_ascii_alphabetic())
        && code.chars().all(|c| c.is_ascii_alphanumeric())
}

fn is_answer_code(code: &str, max: usize) -> bool {
    (1..=max).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Checks everything LimeSurvey's importer relies on and returns the rows.
fn check_survey(bytes: &[u8], q: &kuntakompassi::questionnaire::Questionnaire) -> Vec<Row> {
    // fileCsvToUtf8(): the first 10,000 bytes must be valid UTF-8 on their own.
    if bytes.len() > 10_000 {
        assert!(std::str::from_utf8(&bytes[..10_000]).is_ok(), "byte 10,000 cuts a character");
    }
    assert!(!bytes.starts_with(&[0xff, 0xfe]) && !bytes.starts_with(&[0xfe, 0xff]), "no UTF-16 byte-order mark");
    let (header, rows) = import_rows(bytes);
    for column in
        ["class", "type/scale", "name", "relevance", "text", "help", "language", "validation", "mandatory", "other"]
    {
        assert!(header.iter().any(|h| h == column), "the header lacks `{column}`: {header:?}");
    }
    let table = CodeTable::new(q).unwrap();
    let setting = |name: &str| {
        rows.iter().find(|r| get(r, "class") == "S" && get(r, "name") == name).map(|r| get(r, "text").to_string())
    };
    assert_eq!(setting("language").as_deref(), Some(q.languages[0].as_str()));
    assert_eq!(setting("additional_languages").unwrap_or_default(), q.languages[1..].join(" "));
    assert_eq!(setting("format").as_deref(), Some("G"));
    let sid = setting("sid").unwrap();
    assert!(sid.len() == 6 && sid.chars().all(|c| c.is_ascii_digit()), "sid {sid}");

    let mut per_language: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    let mut answers: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut subquestions: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in &rows {
        let lang = get(row, "language").to_string();
        match get(row, "class") {
            "S" => {}
            "SL" => assert!(q.languages.contains(&lang), "SL row in {lang}"),
            "G" => {
                assert!(!get(row, "name").is_empty(), "a group without a name");
                groups.entry(lang).or_default().push(get(row, "type/scale").to_string());
            }
            "Q" => {
                let code = get(row, "name").to_string();
                assert!(is_question_code(&code), "question code `{code}`");
                assert!(!get(row, "text").is_empty(), "question `{code}` in {lang} has no text");
                assert!(
                    ["S", "L", "N", "D", "M", "T"].contains(&get(row, "type/scale")),
                    "{code}: type {}",
                    get(row, "type/scale")
                );
                assert_eq!(get(row, "mandatory"), "N", "{code} is mandatory");
                per_language.entry(lang.clone()).or_default().push((code.clone(), get(row, "type/scale").to_string()));
                current = Some((lang, code));
            }
            "SQ" => {
                let code = get(row, "name").to_string();
                assert!(is_answer_code(&code, 20) && !code.eq_ignore_ascii_case("time"), "subquestion code `{code}`");
                assert!(!get(row, "text").is_empty(), "subquestion `{code}` has no text");
                subquestions.entry(current.clone().expect("a subquestion after its question")).or_default().push(code);
            }
            "A" => {
                let code = get(row, "name").to_string();
                assert!(is_answer_code(&code, 5), "answer code `{code}`");
                assert!(!get(row, "text").is_empty(), "answer `{code}` has no text");
                answers.entry(current.clone().expect("an answer after its question")).or_default().push(code);
            }
            other => panic!("unexpected row class `{other}`"),
        }
    }
    // Every language has the same groups (matched by type/scale) and the same questions in the same order.
    assert_eq!(
        groups.keys().cloned().collect::<Vec<_>>(),
        q.languages.iter().cloned().collect::<BTreeSet<_>>().into_iter().collect::<Vec<_>>()
    );
    let first = &groups[&q.languages[0]];
    assert_eq!(first.len(), table.group_count());
    assert!(first.iter().all(|order| order.parse::<u32>().is_ok_and(|n| n > 0)), "group orders {first:?}");
    assert!(groups.values().all(|g| g == first));
    let questions = &per_language[&q.languages[0]];
    assert!(per_language.values().all(|p| p == questions));
    assert_eq!(questions.len(), 8 + q.questions.len());
    let lower: HashSet<String> = questions.iter().map(|(code, _)| code.to_ascii_lowercase()).collect();
    assert_eq!(lower.len(), questions.len(), "question codes alike regardless of case");
    for lang in &q.languages {
        for ((l, code), list) in answers.iter().chain(subquestions.iter()) {
            if l == lang {
                let unique: HashSet<String> = list.iter().map(|c| c.to_ascii_lowercase()).collect();
                assert_eq!(unique.len(), list.len(), "{code}: codes alike in {lang}");
            }
        }
    }
    // Each questionnaire question has its kind's answers in every language.
    for (index, question) in q.questions.iter().enumerate() {
        let code = table.question_code(index).unwrap().to_string();
        for lang in &q.languages {
            let key = (lang.clone(), code.clone());
            let answer_codes = answers.get(&key).cloned().unwrap_or_default();
            let sub_codes = subquestions.get(&key).cloned().unwrap_or_default();
            let na = usize::from(question.allow_na);
            match &question.kind {
                Kind::Level { .. } => assert_eq!(answer_codes.len(), q.scale.max as usize + 2 + na, "{code}"),
                Kind::YesNo => assert_eq!(answer_codes.len(), 3 + na, "{code}"),
                Kind::Choice { options } => assert_eq!(answer_codes.len(), options.len() + 1 + na, "{code}"),
                Kind::Multi { options, .. } => assert_eq!(sub_codes.len(), options.len() + 2 + na, "{code}"),
                Kind::Number { .. } | Kind::Text => assert!(answer_codes.is_empty() && sub_codes.is_empty(), "{code}"),
            }
            assert_eq!(
                answer_codes.contains(&"dk".to_string()) || sub_codes.contains(&"dk".to_string()),
                question.kind.is_scored() && !matches!(question.kind, Kind::Number { .. }),
                "{code} dk"
            );
            assert_eq!(
                answer_codes.contains(&"na".to_string()) || sub_codes.contains(&"na".to_string()),
                question.allow_na && !matches!(question.kind, Kind::Number { .. } | Kind::Text),
                "{code} na"
            );
        }
    }
    rows
}

fn load(spec: &str) -> kuntakompassi::questionnaire::Questionnaire {
    match builtin::all().iter().find(|b| b.id == spec) {
        Some(b) => load_text(b.text, &Source::Builtin(b.file_name.to_string())).unwrap(),
        None => {
            let text = std::fs::read_to_string(spec).unwrap();
            load_text(&text, &Source::File(spec.into())).unwrap()
        }
    }
}

#[test]
fn every_built_in_questionnaire_exports_as_a_survey_limesurvey_imports() {
    for b in builtin::all() {
        let run = Kk::new()
            .args(["--lang", "en", "questionnaire", "export", &b.id, "--to", "limesurvey", "-o", "survey.txt"])
            .run()
            .code(0);
        let bytes = std::fs::read(run.dir.path().join("survey.txt")).unwrap();
        assert!(run.stderr.contains("survey.txt: a LimeSurvey survey"), "{}", run.stderr);
        check_survey(&bytes, &load(&b.id));
    }
}

#[test]
fn the_default_survey_has_the_respondent_group_first_and_texts_in_every_language() {
    let run = Kk::new().args(["questionnaire", "export", "--to", "limesurvey"]).run().code(0).stderr_is_empty();
    let q = load("kuntakompassi");
    let rows = check_survey(run.stdout.as_bytes(), &q);
    let table = CodeTable::new(&q).unwrap();
    let questions: Vec<&Row> = rows.iter().filter(|r| get(r, "class") == "Q" && get(r, "language") == "sv").collect();
    let respondent: Vec<&str> = questions.iter().take(8).map(|r| get(r, "name")).collect();
    assert_eq!(
        respondent,
        [
            "municipality",
            "municipalityCode",
            "region",
            "population",
            "respondent",
            "role",
            "department",
            "assessmentDate"
        ]
    );
    assert_eq!(get(questions[0], "text"), "Kommun");
    let backups = q.question_index("security.backups").unwrap();
    let row = questions.iter().find(|r| get(r, "name") == "securityBackups").unwrap();
    assert_eq!(get(row, "text"), q.questions[backups].text.get("sv", "fi"));
    assert!(!get(row, "help").is_empty());
    // The region list: 19 regions, Swedish names in the Swedish survey.
    let region_answers: Vec<&Row> = rows
        .iter()
        .skip_while(|r| !(get(r, "class") == "Q" && get(r, "name") == "region" && get(r, "language") == "sv"))
        .skip(1)
        .take_while(|r| get(r, "class") == "A")
        .collect();
    assert_eq!(region_answers.len(), 19);
    assert_eq!((get(region_answers[0], "name"), get(region_answers[0], "text")), ("R01", "Nyland"));
    // A level question's options: scale label and practice, then don't know.
    let first_level = rows
        .iter()
        .skip_while(|r| !(get(r, "class") == "Q" && get(r, "name") == "securityBackups" && get(r, "language") == "fi"))
        .skip(1)
        .take_while(|r| get(r, "class") == "A")
        .map(|r| (get(r, "name").to_string(), get(r, "text").to_string()))
        .collect::<Vec<_>>();
    assert_eq!(first_level.first().map(|(c, _)| c.as_str()), Some("L0"));
    assert!(first_level[0].1.starts_with("Ei toteudu: "), "{:?}", first_level[0]);
    assert_eq!(first_level.last().map(|(c, t)| (c.as_str(), t.as_str())), Some(("dk", "En tiedä")));
    // Multi: subquestions and the exclusive ones.
    let tools = table.question_code(q.question_index("services.e_tools").unwrap()).unwrap();
    let row =
        rows.iter().find(|r| get(r, "class") == "Q" && get(r, "name") == tools && get(r, "language") == "fi").unwrap();
    assert_eq!(get(row, "type/scale"), "M");
    assert_eq!(get(row, "exclude_all_others"), "none;dk");
    // The group count the batch checks `lastpage` against.
    assert_eq!(
        rows.iter().filter(|r| get(r, "class") == "G" && get(r, "language") == "en").count(),
        table.group_count()
    );
    assert_eq!(codes::respondent_code(kuntakompassi::batch::header::Meta::Region), "region");
}

#[test]
fn texts_are_written_as_html_and_never_break_a_row() {
    let kk = Kk::new();
    let text = std::fs::read_to_string(fixture("pieni.toml"))
        .unwrap()
        .replace("text = { fi = \"Taso?\"", "help = { fi = \"Rivi 1\\n\\t\\\"Lainaus\\\" & <b>lihava</b>\", sv = \"Hjälp\", en = \"Help\" }\ntext = { fi = \"\\\"Taso\\\" & <taso>?\"")
        .replace("languages = [\"fi\", \"sv\", \"en\"]", "languages = [\"fi\", \"sv\", \"en\", \"de\"]");
    let path = kk.file("erikois.toml", &text);
    let run = kk.args(["questionnaire", "export", "--to", "limesurvey", "-o", "kysely.tsv"]).arg(&path).run().code(0);
    let bytes = std::fs::read(run.dir.path().join("kysely.tsv")).unwrap();
    let q = load(path.to_str().unwrap());
    let rows = check_survey(&bytes, &q);
    let level = rows
        .iter()
        .find(|r| get(r, "class") == "Q" && get(r, "name") == "aLevel" && get(r, "language") == "fi")
        .unwrap();
    assert_eq!(get(level, "text"), "&quot;Taso&quot; &amp; &lt;taso&gt;?");
    assert_eq!(get(level, "help"), "Rivi 1<br /> &quot;Lainaus&quot; &amp; &lt;b&gt;lihava&lt;/b&gt;");
    // A language the interface has no words for gets English ones; texts fall back to the first language.
    let de: Vec<&Row> = rows.iter().filter(|r| get(r, "language") == "de").collect();
    assert!(de.iter().any(|r| get(r, "class") == "A" && get(r, "text") == "Don't know"));
    assert!(
        de.iter().any(|r| get(r, "class") == "Q" && get(r, "name") == "aLevel" && get(r, "text") == get(level, "text"))
    );
}

#[test]
fn a_file_name_limesurvey_would_not_import_is_refused_before_any_work() {
    let run = Kk::new()
        .args(["--lang", "en", "questionnaire", "export", "--to", "limesurvey", "-o", "survey.csv"])
        .run()
        .code(2)
        .stderr_has("LimeSurvey imports a survey structure only from a .txt or .tsv file")
        .stderr_has("survey.txt");
    assert!(run.files().is_empty(), "{:?}", run.files());
    Kk::new()
        .args(["--lang", "en", "questionnaire", "export", "nope", "--to", "limesurvey"])
        .run()
        .code(2)
        .stderr_has("nope");
    Kk::new().args(["questionnaire", "export"]).run().code(2).stderr_has("--to");
}

#[test]
fn the_export_to_a_file_and_to_standard_output_are_the_same_bytes() {
    let to_file =
        Kk::new().args(["questionnaire", "export", "henkilosto", "--to", "limesurvey", "-o", "s.txt"]).run().code(0);
    let to_stdout = Kk::new().args(["questionnaire", "export", "henkilosto", "--to", "limesurvey"]).run().code(0);
    assert_eq!(std::fs::read_to_string(to_file.dir.path().join("s.txt")).unwrap(), to_stdout.stdout);
    assert_eq!(to_file.files(), ["s.txt"]);
}

#[test]
fn the_help_says_where_to_import_the_file() {
    Kk::new()
        .args(["questionnaire", "export", "--help"])
        .run()
        .code(0)
        .stdout_has("Create survey → Import")
        .stdout_has("limesurvey");
    assert!(repo().join("docs/limesurvey-responses.md").exists());
}
