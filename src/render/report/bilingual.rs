//! One document in two languages, section by section, for the board of a bilingual municipality
//! (`--lang fi,sv`; Language Act 423/2003 asks such a municipality to serve and publish in both).
//!
//! Each language's rendering is made whole, from the report put in that language ([`crate::report::localise`]),
//! and the two are interleaved: the summary in Finnish, then in Swedish, the scores in Finnish, then in
//! Swedish, and so on. Headings, labels and the method text come from each language's interface strings;
//! nothing is translated here.

use crate::i18n::Lang;

use crate::render::escape::markdown as md;
use crate::report::Report;

/// The two languages' Markdown, section by section under one title.
pub fn markdown(first: (&Report, Lang), second: (&Report, Lang)) -> String {
    let a = super::markdown::sections(first.0, first.1);
    let b = super::markdown::sections(second.0, second.1);
    let title = format!(
        "# {} – {} / {}\n\n",
        md(&first.0.respondent.municipality),
        md(&first.0.questionnaire.title),
        md(&second.0.questionnaire.title)
    );
    let mut out = crate::inert::inert_text(title, crate::inert::Layout::Block);
    for part in interleave(&a[1..], &b[1..]) {
        out.push_str(part);
    }
    out
}

/// The two languages' HTML on one page in the first language: each section of the second carries its
/// `lang` (WCAG 2.1 criterion 3.1.2) and its ids are prefixed with its language, so that every id is unique.
pub fn html(first: (&Report, Lang), second: (&Report, Lang)) -> String {
    use super::html::{Part, page, sections};
    let a = sections(first.0, first.1, &Part::WHOLE);
    let prefix = format!("{}-", second.1.code());
    let b = sections(second.0, second.1, &Part { ids: &prefix, marked: true });
    let titles = format!("{} / {}", first.0.questionnaire.title, second.0.questionnaire.title);
    let title = format!("{} – {titles}", first.0.respondent.municipality);
    let mut lead = vec![titles];
    lead.extend(first.0.respondent.date.clone());
    let both: Vec<String> = interleave(&a, &b).cloned().collect();
    page(first.1, &title, &first.0.respondent.municipality, &lead.join(" · "), &both)
}

/// `a[0], b[0], a[1], b[1], …`; a section only one side has (none should) follows its neighbour.
fn interleave<'a>(a: &'a [String], b: &'a [String]) -> impl Iterator<Item = &'a String> {
    let longest = a.len().max(b.len());
    (0..longest).flat_map(move |i| a.get(i).into_iter().chain(b.get(i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::report::fixtures::report;

    #[test]
    fn html_sections_alternate_with_the_second_language_marked_and_every_id_unique() {
        let (fi, sv) = (report(Lang::Fi), report(Lang::Sv));
        let page = html((&fi, Lang::Fi), (&sv, Lang::Sv));
        assert!(page.contains("<html lang=\"fi\">") && page.matches("<h1>").count() == 1);
        let sections: Vec<&str> = page.match_indices("<section").map(|(i, _)| &page[i..i + 60]).collect();
        assert!(sections.len() >= 8 && sections.len() % 2 == 0, "{sections:?}");
        for pair in sections.chunks(2) {
            assert!(!pair[0].contains("lang=") && pair[1].contains("lang=\"sv\""), "{pair:?}");
        }
        let mut ids: Vec<&str> = page.split(" id=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap()]).collect();
        let all = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all, "ids repeat: {ids:?}");
        for reference in page.split("aria-labelledby=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap()]) {
            for id in reference.split(' ') {
                assert!(ids.binary_search(&id).is_ok(), "aria-labelledby names a missing id {id}");
            }
        }
        assert!(page.contains("Sammanfattning") && page.contains("Yhteenveto"));
    }

    #[test]
    fn markdown_sections_alternate_between_the_languages_under_one_title() {
        let (fi, sv) = (report(Lang::Fi), report(Lang::Sv));
        let doc = markdown((&fi, Lang::Fi), (&sv, Lang::Sv));
        assert_eq!(doc.matches("\n# ").count() + usize::from(doc.starts_with("# ")), 1, "one title:\n{doc}");
        let headings: Vec<&str> = doc.lines().filter(|l| l.starts_with("## ")).collect();
        let fi_only: Vec<String> = crate::render::report::markdown::render(&fi, Lang::Fi)
            .lines()
            .filter(|l| l.starts_with("## "))
            .map(str::to_string)
            .collect();
        let sv_only: Vec<String> = crate::render::report::markdown::render(&sv, Lang::Sv)
            .lines()
            .filter(|l| l.starts_with("## "))
            .map(str::to_string)
            .collect();
        let expected: Vec<&str> = fi_only.iter().zip(&sv_only).flat_map(|(a, b)| [a.as_str(), b.as_str()]).collect();
        assert_eq!(headings, expected);
        assert!(doc.contains("## Yhteenveto") && doc.contains("## Sammanfattning"), "{doc}");
        // Each language's document is whole inside it.
        for part in crate::render::report::markdown::sections(&sv, Lang::Sv).iter().skip(1) {
            assert!(doc.contains(part.as_str()), "{part}");
        }
    }
}
