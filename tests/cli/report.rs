//! `report REPORT.json` and `score --format …`: every rendering of a report, read back and checked.
//!
//! The report comes from the small fixture questionnaire with a municipality and notes that carry markup
//! and formula-like text, so that every test also checks the escaping.

use crate::support::{Kk, fixture, repo};

/// A sheet for pieni.toml whose texts try to run as markup, Markdown and formulas.
const HOSTILE: &str = r#"questionnaire = "pieni"
[respondent]
municipality = "<script>alert(1)</script>"
region = "Varsinais-Suomi"
date = "2026-11-22"
[answers]
"a.level" = 2
"a.choice" = "some"
"a.multi" = ["p"]
"a.number" = 45.5
"t.yes" = true
"t.two" = "dk"
"t.three" = false
"x.free" = "=HYPERLINK(\"https://example.com\",\"klikkaa\")"
[notes]
"a.level" = "<img src=x onerror=alert(1)> **tärkeä** | [linkki](https://example.com)"
"a.choice" = "@SUM(A1:A9)"
"#;

/// Writes the hostile report in the run's folder as `r.json` and returns the run.
fn report(kk: Kk) -> Kk {
    let sheet = kk.file("vastaus.toml", HOSTILE);
    let q = fixture("pieni.toml");
    let run = Kk::new()
        .arg("score")
        .arg(&sheet)
        .arg("-q")
        .arg(&q)
        .args(["--format", "json", "-o"])
        .arg(kk.dir().join("r.json"))
        .run();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    kk
}

#[test]
fn markdown_csv_and_table_renderings_are_stable() {
    for (format, extra, name) in [
        ("md", None, "markdown"),
        ("csv", None, "csv"),
        ("csv", Some("--summary"), "csv_summary"),
        ("table", None, "table"),
    ] {
        let kk = report(Kk::new());
        let mut kk = kk.args(["--lang", "fi", "report", "r.json", "--format", format]);
        if let Some(extra) = extra {
            kk = kk.arg(extra);
        }
        let run = kk.run().code(0);
        insta::assert_snapshot!(name, run.stdout);
    }
}

#[test]
fn markdown_shows_markup_as_text() {
    let run = report(Kk::new()).args(["report", "r.json", "--format", "md"]).run().code(0);
    assert!(run.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(run.stdout.contains("&lt;img src=x onerror=alert(1)&gt; \\*\\*tärkeä\\*\\* \\| \\[linkki\\]"));
    assert!(!run.stdout.contains("<script") && !run.stdout.contains("<img"));
}

#[test]
fn csv_neutralises_formulas() {
    let run = report(Kk::new()).args(["report", "r.json", "--format", "csv"]).run().code(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let cell = |id: &str, column: usize| rows.iter().find(|r| &r[4] == id).unwrap()[column].to_string();
    assert_eq!(cell("x.free", 7), "'=HYPERLINK(\"https://example.com\",\"klikkaa\")");
    assert_eq!(cell("a.choice", 10), "'@SUM(A1:A9)");
    for row in &rows {
        for field in row {
            assert!(!field.starts_with(['=', '+', '-', '@', '\t', '\r']), "{field:?}");
        }
    }
}

#[test]
fn xlsx_writes_formula_like_text_as_text() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let run = report(Kk::new()).args(["--lang", "en", "report", "r.json", "-o", "r.xlsx"]).run().code(0);
    let mut book: Xlsx<_> = open_workbook(run.dir.path().join("r.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["Summary", "Action plan", "Answers"]);
    let answers = book.worksheet_range("Answers").unwrap();
    let formulas = book.worksheet_formula("Answers").unwrap();
    assert!(formulas.used_cells().next().is_none(), "no cell is a formula");
    let row = answers.rows().find(|r| r[1] == Data::String("x.free".into())).unwrap();
    assert_eq!(row[3], Data::String("=HYPERLINK(\"https://example.com\",\"klikkaa\")".into()));
    let plan = book.worksheet_range("Action plan").unwrap();
    let header: Vec<String> = plan.rows().next().unwrap().iter().map(ToString::to_string).collect();
    assert_eq!(header[6..], ["Maturity level", "Owner", "Deadline", "Status"]);
    assert!(plan.rows().count() > 1);
}

#[test]
fn html_is_self_contained_structured_and_escaped() {
    for lang in ["fi", "sv", "en"] {
        let run = report(Kk::new()).args(["--lang", lang, "report", "r.json", "--format", "html"]).run().code(0);
        let html = &run.stdout;
        let dom = tl::parse(html, tl::ParserOptions::default()).unwrap();
        let parser = dom.parser();
        let tags = |name: &str| dom.query_selector(name).map_or(0, Iterator::count);
        let root = dom.query_selector("html").unwrap().next().unwrap().get(parser).unwrap();
        assert_eq!(root.as_tag().unwrap().attributes().get("lang").flatten().unwrap().as_utf8_str(), lang);
        assert_eq!(tags("h1"), 1);
        assert_eq!(tags("script"), 0, "no script, and the municipality's <script> is text");
        assert_eq!(tags("img"), 0, "the note's <img> is text");
        assert_eq!(tags("svg"), 2, "radar and bar chart");
        assert_eq!(tags("title") - 1, 2, "each chart has a title besides the page's");
        assert!(tags("desc") == 2);
        // Headings in order: one h1, then h2 only (a section per summary, charts, roadmap, theme, method).
        assert_eq!(tags("h3"), 0);
        assert_eq!(tags("h2"), 7, "summary, theme scores, roadmap, three themes, method");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // Nothing is fetched: no element has a src or href, and the style imports nothing.
        for node in dom.nodes() {
            if let Some(tag) = node.as_tag() {
                for attribute in ["src", "href", "srcset", "data"] {
                    assert!(
                        tag.attributes().get(attribute).is_none(),
                        "<{}> has {attribute}",
                        tag.name().as_utf8_str()
                    );
                }
            }
        }
        for fetch in ["@import", "url(", "<link", "<iframe", "<object"] {
            assert!(!html.contains(fetch), "{fetch}");
        }
        assert!(html.contains("@media print"));
    }
}

#[test]
fn score_renders_every_format_directly() {
    for (format, marker) in [("md", "# "), ("html", "<!DOCTYPE html>"), ("csv", "municipality,")] {
        Kk::new()
            .args(["score", "--format", format])
            .arg(repo().join("examples/kalliojarvi.toml"))
            .run()
            .code(0)
            .stdout_has(marker);
    }
    let run = Kk::new().arg("score").arg(repo().join("examples/skarholm.toml")).args(["-o", "s.html"]).run().code(0);
    assert!(run.read("s.html").starts_with("<!DOCTYPE html>"), "the extension picks the format");
}

#[test]
fn a_bad_report_is_named_with_its_place() {
    let kk = Kk::new();
    kk.file("katkennut.json", "{\"schema\": \"kuntakompassi.report/1\",\n \"created\": ");
    let run = kk.args(["--lang", "en", "report", "katkennut.json"]).run().code(2);
    assert!(run.stderr.contains("katkennut.json:2:"), "{}", run.stderr);
    let kk = Kk::new();
    kk.file("uusi.json", "{\"schema\": \"kuntakompassi.report/2\"}");
    kk.args(["--lang", "en", "report", "uusi.json"]).run().code(2).stderr_has("kuntakompassi.report/2");
    let kk = Kk::new();
    kk.file("muu.json", "{\"name\": \"x\"}");
    kk.args(["--lang", "en", "report", "muu.json"]).run().code(2).stderr_has("is not a kuntakompassi report");
}

#[test]
fn the_example_reports_are_what_score_makes_of_the_example_sheets() {
    // The stored reports are for trying `report` and `compare`; they must not drift from the questionnaire.
    for (sheet, report, lang) in
        [("kalliojarvi.toml", "kalliojarvi-report.json", "fi"), ("skarholm.toml", "skarholm-report.json", "sv")]
    {
        let run = Kk::new()
            .args(["--lang", lang, "score", "--format", "json"])
            .arg(repo().join("examples").join(sheet))
            .run()
            .code(0);
        let stored = std::fs::read_to_string(repo().join("examples").join(report)).unwrap();
        assert_eq!(run.stdout, stored, "regenerate examples/{report} with SOURCE_DATE_EPOCH=1795000000");
        let html = Kk::new()
            .arg("report")
            .arg(repo().join("examples").join(report))
            .args(["--format", "html", "-o", "r.html"])
            .run()
            .code(0);
        assert!(html.read("r.html").contains("<svg class=\"chart radar\""));
    }
}

/// The board of a bilingual municipality gets one document in both languages, section by section
/// (`--lang fi,sv`; issue 19): Markdown and HTML of the Swedish example read by a Finnish and a Swedish
/// reader, each language's texts from the questionnaire, the second language's sections marked with their
/// `lang` in HTML.
#[test]
fn bilingual_markdown_and_html_are_stable() {
    for (format, name) in [("md", "bilingual_markdown"), ("html", "bilingual_html")] {
        let run = Kk::new()
            .args(["--lang", "fi,sv", "report"])
            .arg(crate::support::repo().join("examples/skarholm-report.json"))
            .args(["--format", format])
            .run()
            .code(0);
        insta::assert_snapshot!(name, run.stdout);
    }
    // score makes the same document from the answers.
    let run = Kk::new()
        .args(["--lang", "sv,en", "score"])
        .arg(crate::support::repo().join("examples/kalliojarvi.toml"))
        .args(["--format", "md"])
        .run()
        .code(0);
    assert!(run.stdout.contains("## Sammanfattning\n") && run.stdout.contains("## Summary\n"), "{}", run.stdout);
    let summary = run.stdout.find("## Sammanfattning").unwrap();
    assert!(run.stdout.find("## Summary").unwrap() > summary, "the first language first");
}

/// A bilingual workbook has a column per language wherever the words differ (read back with calamine, as
/// a spreadsheet program reads it), and one column for what is the same in both (numbers, ids, notes).
#[test]
fn a_bilingual_workbook_has_a_column_per_language() {
    use calamine::Reader;
    let run = Kk::new()
        .args(["--lang", "fi,sv", "report"])
        .arg(crate::support::repo().join("examples/skarholm-report.json"))
        .args(["-o", "r.xlsx"])
        .run()
        .code(0);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(run.dir.path().join("r.xlsx")).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[0], "Yhteenveto - Sammanfattning");
    let answers = book.worksheet_range(&names[2]).unwrap();
    let head: Vec<String> = answers.rows().next().unwrap().iter().map(ToString::to_string).collect();
    assert_eq!(head[..5], ["Teema", "Tema", "Kysymyksen tunnus / Frågans id", "Kysymys", "Fråga"]);
    let first: Vec<String> = answers.rows().nth(1).unwrap().iter().map(ToString::to_string).collect();
    assert_eq!(first[..3], ["Strategia ja johtaminen", "Strategi och ledning", "strategy.programme"]);
    let plan = book.worksheet_range(&names[1]).unwrap();
    let head: Vec<String> = plan.rows().next().unwrap().iter().map(ToString::to_string).collect();
    assert!(head.contains(&"Seuraava askel".to_string()) && head.contains(&"Nästa steg".to_string()), "{head:?}");
}

#[test]
fn two_languages_are_refused_where_a_document_cannot_hold_them() {
    let kk =
        Kk::new().args(["--lang", "fi,sv", "report"]).arg(crate::support::repo().join("examples/skarholm-report.json"));
    kk.args(["--format", "csv"]).run().code(2).stderr_has("ei muotoon csv");
    Kk::new().args(["--lang", "en,sv", "compare", "x"]).run().code(2).stderr_has("only for a report's bilingual");
    Kk::new().args(["--lang", "fi,sv,en", "report", "x"]).run().code(2).stderr_has("more than two languages");
}
