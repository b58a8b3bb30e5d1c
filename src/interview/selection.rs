//! Which part of a questionnaire an interview asks: the themes and single questions named by `--themes`
//! and `--questions`, or recorded in a resumed draft, so that each respondent answers what they know.
//!
//! Resolving checks every id against the questionnaire, so that an unknown one is refused (with the id it
//! was probably meant to be) before the first prompt. It never talks to the terminal or reads files.

use crate::diagnostic::closest;
use crate::questionnaire::Questionnaire;

/// The themes and questions an interview asks; both empty = the whole questionnaire. A question is asked
/// when its theme is selected or it is named itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub themes: Vec<String>,
    pub questions: Vec<String>,
}

/// An id the questionnaire does not have, with the nearest one it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectionError {
    UnknownTheme { id: String, suggestion: Option<String> },
    UnknownQuestion { id: String, suggestion: Option<String> },
}

impl Selection {
    /// Checks `themes` and `questions` against `q`. Blank ids (`--themes a,,b`) and repeats are dropped; the
    /// ids are kept in the questionnaire's order, so that the same selection is always written the same.
    pub fn resolve(q: &Questionnaire, themes: &[String], questions: &[String]) -> Result<Selection, SelectionError> {
        let wanted = |ids: &[String]| -> Vec<String> {
            ids.iter().map(|id| id.trim().to_string()).filter(|id| !id.is_empty()).collect()
        };
        let (themes, questions) = (wanted(themes), wanted(questions));
        if let Some(id) = themes.iter().find(|id| !q.themes.iter().any(|t| t.id == **id)) {
            let suggestion = closest(id, q.themes.iter().map(|t| t.id.as_str())).map(str::to_string);
            return Err(SelectionError::UnknownTheme { id: id.clone(), suggestion });
        }
        if let Some(id) = questions.iter().find(|id| !q.questions.iter().any(|question| question.id == **id)) {
            let suggestion = closest(id, q.questions.iter().map(|question| question.id.as_str())).map(str::to_string);
            return Err(SelectionError::UnknownQuestion { id: id.clone(), suggestion });
        }
        Ok(Selection {
            themes: q.themes.iter().filter(|t| themes.contains(&t.id)).map(|t| t.id.clone()).collect(),
            questions: q
                .questions
                .iter()
                .filter(|question| questions.contains(&question.id))
                .map(|question| question.id.clone())
                .collect(),
        })
    }

    /// Whether the whole questionnaire is asked.
    pub fn is_all(&self) -> bool {
        self.themes.is_empty() && self.questions.is_empty()
    }

    /// The indices into [`Questionnaire::questions`] that are asked, in the questionnaire's order.
    pub fn indices(&self, q: &Questionnaire) -> Vec<usize> {
        (0..q.questions.len())
            .filter(|&i| {
                let question = &q.questions[i];
                self.is_all()
                    || self.themes.contains(&q.themes[question.theme].id)
                    || self.questions.contains(&question.id)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|id| (*id).to_string()).collect()
    }

    #[test]
    fn a_theme_and_a_single_question_select_their_questions_in_questionnaire_order() {
        let q = small();
        let selection = Selection::resolve(&q, &ids(&["t"]), &ids(&["x.free", "a.level", "a.level"])).unwrap();
        assert_eq!(selection.questions, ids(&["a.level", "x.free"]), "repeats dropped, questionnaire order");
        let asked: Vec<&str> = selection.indices(&q).into_iter().map(|i| q.questions[i].id.as_str()).collect();
        assert_eq!(asked, ["a.level", "t.yes", "t.two", "t.three", "x.free"]);
    }

    #[test]
    fn no_selection_asks_everything() {
        let q = small();
        let selection = Selection::resolve(&q, &ids(&[" "]), &[]).unwrap();
        assert!(selection.is_all());
        assert_eq!(selection.indices(&q).len(), q.questions.len());
    }

    #[test]
    fn an_unknown_id_is_refused_with_the_nearest_one() {
        let q = small();
        assert_eq!(
            Selection::resolve(&q, &ids(&["a", "tt"]), &[]),
            Err(SelectionError::UnknownTheme { id: "tt".into(), suggestion: Some("t".into()) })
        );
        assert_eq!(
            Selection::resolve(&q, &[], &ids(&["t.yess"])),
            Err(SelectionError::UnknownQuestion { id: "t.yess".into(), suggestion: Some("t.yes".into()) })
        );
        assert_eq!(
            Selection::resolve(&q, &[], &ids(&["zzzzzzzz"])),
            Err(SelectionError::UnknownQuestion { id: "zzzzzzzz".into(), suggestion: None })
        );
    }
}
