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
    use crate::questionnaire::load::{Source, load_text};
    use crate::questionnaire::{Kind, Questionnaire, Text};

    fn loaded() -> Vec<Questionnaire> {
        all()
            .iter()
            .map(|b| {
                load_text(b.text, &Source::Builtin(b.file_name.to_string()))
                    .unwrap_or_else(|e| panic!("{} does not load: {e}", b.file_name))
            })
            .collect()
    }

    /// Every text of a questionnaire with where it sits, for the language checks.
    fn texts(q: &Questionnaire) -> Vec<(String, &Text)> {
        let mut out = vec![("title".to_string(), &q.title)];
        out.extend(q.description.iter().map(|d| ("description".to_string(), d)));
        out.extend(q.scale.labels.iter().enumerate().map(|(i, t)| (format!("scale.labels[{i}]"), t)));
        for band in &q.bands {
            out.push((format!("band {}", band.min), &band.name));
            out.extend(band.description.iter().map(|d| (format!("band {} description", band.min), d)));
        }
        for theme in &q.themes {
            out.push((format!("theme {}", theme.id), &theme.title));
            out.extend(theme.description.iter().map(|d| (format!("theme {} description", theme.id), d)));
        }
        for question in &q.questions {
            let at = |what: &str| format!("{} {what}", question.id);
            out.push((at("text"), &question.text));
            out.extend(question.help.iter().map(|t| (at("help"), t)));
            out.extend(question.advice.iter().map(|t| (at("advice"), t)));
            match &question.kind {
                Kind::Level { levels, next_steps } => {
                    out.extend(levels.iter().enumerate().map(|(i, t)| (at(&format!("levels[{i}]")), t)));
                    out.extend(next_steps.iter().enumerate().map(|(i, t)| (at(&format!("next_steps[{i}]")), t)));
                }
                Kind::Choice { options } | Kind::Multi { options, .. } => {
                    out.extend(options.iter().map(|o| (at(&format!("option {}", o.id)), &o.label)));
                }
                Kind::Number { unit, bands, .. } => {
                    out.extend(unit.iter().map(|u| (at("unit"), u)));
                    out.extend(
                        bands.iter().filter_map(|b| b.label.as_ref().map(|l| (at(&format!("band {}", b.min)), l))),
                    );
                }
                Kind::YesNo | Kind::Text => {}
            }
        }
        out
    }

    #[test]
    fn every_text_exists_in_finnish_swedish_and_english_and_none_is_a_copy_of_the_finnish() {
        let mut problems = Vec::new();
        for q in loaded() {
            for (at, text) in texts(&q) {
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
        assert!(scored.len() >= 48, "{} scored questions", scored.len());
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
}
