//! Every rendering in the reader's language (issue 19): each example report, and a comparison of all the
//! examples, rendered in Finnish, Swedish and English in every text format (a report's XLSX too), must hold
//! no text of the questionnaire in another language, and must name the themes in the reader's. The texts come from the
//! built-in questionnaire itself (its `texts()`), not from our renderings, so a text a renderer takes from
//! the stored report instead of the questionnaire is caught.

use kuntakompassi::i18n::Lang;
use kuntakompassi::questionnaire::Questionnaire;
use kuntakompassi::questionnaire::builtin;
use kuntakompassi::questionnaire::load::{Source, load_text};

use crate::support::{Kk, repo};

const LANGS: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];
const FORMATS: [&str; 4] = ["table", "md", "html", "csv"];

fn questionnaire() -> Questionnaire {
    let b = builtin::find(builtin::DEFAULT_ID).unwrap();
    load_text(b.text, &Source::Builtin(b.file_name.to_string())).unwrap()
}

/// Spaces and line breaks as one space; HTML's and Markdown's escapes undone, so that a text is found as
/// the reader sees it.
fn flat(text: &str) -> String {
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("\\|", "|");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `n` characters of a text (a wrapped table cell shows at least its beginning on one line).
fn start(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

/// The questionnaire's texts in other languages than `lang` that differ from `lang`'s, long enough not to
/// be a shared name: what must not appear.
fn foreign(q: &Questionnaire, lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, text) in q.texts() {
        let own = flat(text.0.get(lang.code()).map_or("", String::as_str));
        for (code, other) in &text.0 {
            let other = flat(other);
            let head = start(&other, 24);
            if code == lang.code() || other.chars().count() < 16 || own.contains(&head) {
                continue;
            }
            out.push((format!("{at} ({code})"), head));
        }
    }
    out
}

/// Every cell of every sheet of a workbook, one per line.
fn workbook_text(path: &std::path::Path) -> String {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let mut text = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                text.push_str(&cell.to_string());
                text.push('\n');
            }
        }
    }
    text
}

#[track_caller]
fn check(what: &str, output: &str, q: &Questionnaire, lang: Lang) {
    let shown = flat(output);
    let mut found: Vec<String> = foreign(q, lang)
        .into_iter()
        .filter(|(_, head)| shown.contains(head.as_str()))
        .map(|(at, head)| format!("{at}: {head:?}"))
        .collect();
    found.dedup();
    assert!(found.is_empty(), "{what} in {lang:?} shows texts of another language:\n  {}", found.join("\n  "));
}

#[test]
fn every_example_report_in_every_language_and_format_has_only_the_readers_texts() {
    let q = questionnaire();
    for example in ["kalliojarvi-report.json", "skarholm-report.json"] {
        for lang in LANGS {
            for format in FORMATS {
                let run = Kk::new()
                    .args(["--lang", lang.code(), "report"])
                    .arg(repo().join("examples").join(example))
                    .args(["--format", format])
                    .run()
                    .code(0);
                check(&format!("{example} as {format}"), &run.stdout, &q, lang);
                if format == "md" {
                    // The workbook too, every cell of every sheet as a spreadsheet program reads it.
                    let run = Kk::new()
                        .args(["--lang", lang.code(), "report"])
                        .arg(repo().join("examples").join(example))
                        .args(["-o", "r.xlsx"])
                        .run()
                        .code(0);
                    let cells = workbook_text(&run.dir.path().join("r.xlsx"));
                    check(&format!("{example} as xlsx"), &cells, &q, lang);
                    assert!(cells.contains(q.text(&q.themes[0].title, lang)), "{example} as xlsx in {lang:?}");
                }
                if matches!(format, "md" | "html") {
                    let shown = flat(&run.stdout);
                    for theme in &q.themes {
                        let title = flat(q.text(&theme.title, lang));
                        assert!(shown.contains(&title), "{example} as {format} in {lang:?} lacks {title:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_comparison_of_every_example_in_every_language_and_format_has_only_the_readers_texts() {
    let q = questionnaire();
    let kk = Kk::new();
    std::fs::create_dir(kk.dir().join("r")).unwrap();
    for example in ["kalliojarvi-report.json", "skarholm-report.json"] {
        std::fs::copy(repo().join("examples").join(example), kk.dir().join("r").join(example)).unwrap();
    }
    let scored = Kk::new()
        .arg("score")
        .arg(repo().join("examples/jokilaakso.json"))
        .args(["--format", "json", "-o"])
        .arg(kk.dir().join("r/jokilaakso-report.json"))
        .run();
    assert_eq!(scored.code, Some(0), "{}", scored.stderr);
    for lang in LANGS {
        for format in FORMATS {
            for anonymize in [false, true] {
                let mut run = Kk::new().args(["--lang", lang.code(), "compare"]).arg(kk.dir().join("r"));
                run = run.args(["--format", format]);
                if anonymize {
                    run = run.arg("--anonymize");
                }
                let run = run.run().code(0);
                check(&format!("the comparison as {format} (anonymised: {anonymize})"), &run.stdout, &q, lang);
                assert!(!run.stderr.contains("warning") && !run.stderr.contains("varoitus"), "{}", run.stderr);
            }
        }
    }
}

#[test]
fn without_the_reports_questionnaire_the_stored_texts_stay_and_say_their_language() {
    let stored = std::fs::read_to_string(repo().join("examples/skarholm-report.json")).unwrap();
    let older = stored.replacen("\"version\": \"1.1.0\"", "\"version\": \"0.9.0\"", 1);
    assert_ne!(older, stored);
    let kk = Kk::new().args(["--lang", "fi", "report", "r.json", "--format", "md"]);
    kk.file("r.json", &older);
    let run = kk.run().code(0);
    assert!(run.stdout.contains("| Kyselyn tekstien kieli | ruotsi: kysely ei ollut saatavilla"), "{}", run.stdout);
    assert!(run.stdout.contains("Strategi och ledning"), "the stored (Swedish) texts stay");

    // In HTML, each such text carries its language (WCAG 2.1 criterion 3.1.2).
    let kk = Kk::new().args(["--lang", "fi", "report", "r.json", "--format", "html"]);
    kk.file("r.json", &older);
    let html = kk.run().code(0).stdout;
    assert!(html.contains("<html lang=\"fi\""), "the page is Finnish");
    assert!(html.contains("<h2 lang=\"sv\">Strategi och ledning</h2>"), "a theme heading kept in Swedish");
    // Read in Finnish with its questionnaire at hand, only the respondent's notes are Swedish, and marked so.
    let kk = Kk::new().args(["--lang", "fi", "report", "r.json", "--format", "html"]);
    kk.file("r.json", &stored);
    let html = kk.run().code(0).stdout;
    assert!(html.contains("<td class=\"note\"><span lang=\"sv\">Webbplatsen finns på svenska"), "a note in Swedish");
    assert!(!html.contains("<h2 lang=\"sv\">"), "the questionnaire's texts are Finnish");

    // A questionnaire named with -q that is not the report's: said, naming the report, and the texts stay.
    let kk = Kk::new().args(["--lang", "en", "report", "r.json", "--format", "table", "-q", "kuntakompassi"]);
    kk.file("r.json", &older);
    let run = kk.run().code(0);
    assert!(run.stderr.contains("r.json: warning: the report's texts stay in Swedish"), "{}", run.stderr);
    assert!(run.stdout.contains("Swedish: the questionnaire was not at hand in this language"), "{}", run.stdout);

    // A comparison of reports kept in Swedish, read in Finnish: a notice, and each such text marked.
    let kk = Kk::new().args(["--lang", "fi", "compare", "r.json", "--format", "html"]);
    kk.file("r.json", &older);
    let run = kk.run().code(0).stderr_has("ovat kielellä ruotsi");
    assert!(
        run.stdout.contains("<th scope=\"col\" class=\"t\"><span lang=\"sv\">Strategi och ledning</span>"),
        "{}",
        run.stdout
    );

    // A CSV says it beside the file.
    let kk = Kk::new().args(["--lang", "en", "report", "r.json", "--format", "csv"]);
    kk.file("r.json", &older);
    kk.run().code(0).stderr_has("warning: Swedish: the questionnaire was not at hand in this language");

    // The record itself is passed on as stored.
    let kk = Kk::new().args(["--lang", "fi", "report", "r.json", "--format", "json"]);
    kk.file("r.json", &stored);
    let run = kk.run().code(0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["questionnaire"]["language"], "sv");
}
