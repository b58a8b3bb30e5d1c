//! The questionnaires compiled into the binary from `questionnaires/*.toml` (see `build.rs`).

use std::sync::OnceLock;

use toml::de::DeTable;

include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The questionnaire every command uses when none is given.
pub const DEFAULT_ID: &str = "kuntakompassi";

/// A built-in questionnaire's file name, its `[questionnaire] id` and its text.
#[derive(Debug, Clone)]
pub struct Builtin {
    pub file_name: &'static str,
    pub id: String,
    pub text: &'static str,
}

/// Every built-in questionnaire, in file-name order.
pub fn all() -> &'static [Builtin] {
    static ALL: OnceLock<Vec<Builtin>> = OnceLock::new();
    ALL.get_or_init(|| {
        BUILTIN_FILES
            .iter()
            .map(|(file_name, text)| Builtin {
                file_name,
                id: declared_id(text).unwrap_or_else(|| file_name.trim_end_matches(".toml").to_string()),
                text,
            })
            .collect()
    })
}

/// The built-in questionnaire with this id (or file stem).
pub fn find(id: &str) -> Option<&'static Builtin> {
    all().iter().find(|b| b.id == id || b.file_name.strip_suffix(".toml") == Some(id))
}

/// The `[questionnaire] id` of a text, read without building the whole model.
fn declared_id(text: &str) -> Option<String> {
    let table = DeTable::parse(text).ok()?;
    let id = table.get_ref().get("questionnaire")?.get_ref().get("id")?.get_ref().as_str()?.to_string();
    Some(id)
}

#[cfg(test)]
mod tests {
    //! The built-in questionnaires are content users trust: these tests hold them to the rules of issue 3.

    use super::*;
    use crate::answers::Answer;
    use crate::questionnaire::load::{Source, load_text};
    use crate::questionnaire::{Kind, Question, Questionnaire};
    use crate::scoring::{Outcome, mil, question_score};

    fn loaded() -> Vec<Questionnaire> {
        all()
            .iter()
            .map(|b| {
                load_text(b.text, &Source::Builtin(b.file_name.to_string()))
                    .unwrap_or_else(|e| panic!("{} does not load: {e}", b.file_name))
            })
            .collect()
    }

    #[test]
    fn every_text_exists_in_finnish_swedish_and_english_and_none_is_a_copy_of_the_finnish() {
        let mut problems = Vec::new();
        for q in loaded() {
            for (at, text) in q.texts() {
                let get = |lang: &str| text.0.get(lang).map(|s| s.trim()).filter(|s| !s.is_empty());
                let Some(fi) = get("fi") else {
                    problems.push(format!("{}: {at}: no Finnish text", q.id));
                    continue;
                };
                for lang in ["sv", "en"] {
                    match get(lang) {
                        None => problems.push(format!("{}: {at}: no {lang} text", q.id)),
                        Some(other) if other == fi => problems.push(format!("{}: {at}: {lang} is a copy of fi", q.id)),
                        Some(_) => {}
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_level_question_has_distinct_levels_and_next_steps_help_and_references() {
        let mut problems = Vec::new();
        for q in loaded() {
            for question in &q.questions {
                if question.kind.is_scored() && question.help.is_none() {
                    problems.push(format!("{}: {}: no help text", q.id, question.id));
                }
                let Kind::Level { levels, next_steps } = &question.kind else { continue };
                if question.references.is_empty() {
                    problems.push(format!("{}: {}: no references", q.id, question.id));
                }
                for lang in ["fi", "sv", "en"] {
                    for (what, list) in [("levels", levels), ("next_steps", next_steps)] {
                        let mut seen: Vec<&str> = list.iter().map(|t| t.get(lang, "fi")).collect();
                        seen.sort_unstable();
                        seen.dedup();
                        if seen.len() != list.len() {
                            problems.push(format!("{}: {}: {lang} {what} repeat", q.id, question.id));
                        }
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_default_questionnaire_has_the_breadth_the_product_promises() {
        let q = loaded().into_iter().find(|q| q.id == DEFAULT_ID).expect("the default is built in");
        let scored: Vec<_> = q.questions.iter().filter(|x| x.kind.is_scored()).collect();
        assert!(scored.len() >= 60, "{} scored questions", scored.len());
        for (index, theme) in q.themes.iter().enumerate() {
            let n = scored.iter().filter(|x| x.theme == index).count();
            assert!(n >= 5, "theme {} has {n} scored questions", theme.id);
            if theme.mil {
                assert!(n >= 10, "the MIL theme {} has {n} scored questions", theme.id);
                for level in 1..=3 {
                    assert!(scored.iter().any(|x| x.theme == index && x.mil == Some(level)), "no MIL-{level} practice");
                }
            }
        }
        assert_eq!(q.themes.len(), 8);
        for kind in ["level", "choice", "multi", "yesno", "number"] {
            assert!(scored.iter().any(|x| x.kind.name() == kind), "no {kind} question");
        }
    }

    /// Every answer a question can take that scores, with its score (multi: the best combination only).
    fn answer_scores(q: &Questionnaire, question: &Question) -> Vec<(String, f64)> {
        let score = |answer: Answer| question_score(q, question, &answer).unwrap_or(0.0);
        match &question.kind {
            Kind::Level { levels, .. } => {
                (0..levels.len() as u32).map(|l| (format!("level {l}"), score(Answer::Level(l)))).collect()
            }
            Kind::Choice { options } => {
                options.iter().map(|o| (o.id.clone(), score(Answer::Choice(o.id.clone())))).collect()
            }
            Kind::Multi { options, .. } => {
                vec![("all options".into(), score(Answer::Multi(options.iter().map(|o| o.id.clone()).collect())))]
            }
            Kind::YesNo => vec![("no".into(), score(Answer::YesNo(false))), ("yes".into(), score(Answer::YesNo(true)))],
            Kind::Number { bands, .. } => {
                bands.iter().map(|b| (format!("from {}", b.min), score(Answer::Number(b.min)))).collect()
            }
            Kind::Text => Vec::new(),
        }
    }

    #[test]
    fn every_maturity_practice_is_achieved_when_it_is_in_place_and_then_the_theme_reaches_its_top_level() {
        // Issue 17: in 1.0.0 `security.responsibility` could not be achieved by "named in writing" (2/3), so
        // one answer flipped the level between 0 and 3. Here every MIL-tagged question must have answers that
        // reach "achieved" (0.75), and the lowest such answer of every practice together must give the
        // highest level the questionnaire has practices for.
        for q in loaded() {
            for (index, theme) in q.themes.iter().enumerate().filter(|(_, t)| t.mil) {
                let mut outcomes = vec![Outcome::Unanswered; q.questions.len()];
                for (i, question) in q.questions.iter().enumerate() {
                    if question.theme != index || question.mil.is_none() {
                        continue;
                    }
                    let lowest_achieved = answer_scores(&q, question)
                        .into_iter()
                        .filter(|(_, s)| *s >= 0.75 - 1e-9)
                        .min_by(|a, b| a.1.total_cmp(&b.1));
                    let Some((answer, score)) = lowest_achieved else {
                        panic!("{}: {}: no answer reaches achieved (0.75)", q.id, question.id);
                    };
                    assert!(score < 1.0 || matches!(question.kind, Kind::YesNo), "{}: {answer}", question.id);
                    outcomes[i] = Outcome::Scored(score);
                }
                let top = q.questions.iter().filter(|x| x.theme == index).filter_map(|x| x.mil).max().unwrap_or(0);
                assert_eq!(mil(&q, index, &outcomes), top, "{}: theme {}", q.id, theme.id);
            }
        }
        // The case of the issue, by name: a person named in writing is responsibility in place.
        let q = loaded().into_iter().find(|q| q.id == DEFAULT_ID).unwrap();
        let responsibility = q.question("security.responsibility").unwrap();
        let named = question_score(&q, responsibility, &Answer::Choice("named_in_writing".into())).unwrap();
        assert!((named - 0.75).abs() < 1e-9, "named_in_writing scores {named}");
    }

    #[test]
    fn every_maturity_practice_has_a_short_name_the_summary_can_list() {
        // Issue 22: "maturity level 0 — to reach 1: …" names every blocking practice on one line; whole
        // questions of a hundred characters each would make it a paragraph.
        for q in loaded() {
            for question in q.questions.iter().filter(|question| question.mil.is_some()) {
                let Some(short) = &question.short else { panic!("{}: {} has no `short`", q.id, question.id) };
                for lang in crate::i18n::Lang::ALL {
                    let name = q.text(short, lang);
                    assert!(name.chars().count() <= 60, "{}: too long for a list on one line: {name}", question.id);
                    assert!(!name.ends_with(['.', '?']), "{}: a name, not a sentence: {name}", question.id);
                }
            }
        }
    }

    #[test]
    fn every_reference_reads_in_finnish_swedish_and_english() {
        // A reference written as a plain string is held under the first language only, so it fails here: the
        // built-in questionnaires give each source in all three languages. A reference that is prose (has a
        // word of five or more small letters) must read differently in Swedish and English; a bare identifier
        // such as "EN 301 549 / WCAG 2.1 AA" may read the same.
        let mut problems = Vec::new();
        for q in loaded() {
            for question in &q.questions {
                for reference in &question.references {
                    let get = |lang: &str| reference.0.get(lang).map(|s| s.trim()).filter(|s| !s.is_empty());
                    let Some(fi) = get("fi") else {
                        problems.push(format!("{}: {}: a reference without Finnish", q.id, question.id));
                        continue;
                    };
                    let prose = fi
                        .split(|c: char| !c.is_alphabetic())
                        .any(|w| w.chars().count() >= 5 && w.chars().all(char::is_lowercase));
                    for lang in ["sv", "en"] {
                        match get(lang) {
                            None => problems.push(format!("{}: {}: `{fi}` has no {lang} text", q.id, question.id)),
                            Some(other) if prose && other == fi => {
                                problems.push(format!("{}: {}: `{fi}` reads the same in {lang}", q.id, question.id));
                            }
                            Some(_) => {}
                        }
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_quick_scan_asks_its_questions_word_for_word_as_the_full_questionnaire() {
        // A quick scan continued as a full assessment keeps its answers only if the shared ids mean the same.
        let all = loaded();
        let full = all.iter().find(|q| q.id == DEFAULT_ID).unwrap();
        let quick = all.iter().find(|q| q.id == "pikakartoitus").unwrap();
        assert_eq!(quick.version, full.version);
        for question in &quick.questions {
            let twin = full.question(&question.id).unwrap_or_else(|| panic!("{} is not in {DEFAULT_ID}", question.id));
            assert_eq!(quick.themes[question.theme].id, full.themes[twin.theme].id);
            let same = |a: &Question, b: &Question| {
                (a.text == b.text
                    && a.help == b.help
                    && a.short == b.short
                    && a.weight.to_bits() == b.weight.to_bits()
                    && a.allow_na == b.allow_na)
                    && (a.references == b.references && a.mil == b.mil && a.advice == b.advice && a.kind == b.kind)
            };
            assert!(same(question, twin), "{} differs from the full questionnaire's", question.id);
        }
    }
}
