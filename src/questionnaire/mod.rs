//! The questionnaire: the typed model every other part of the program reads (DESIGN.md §3).
//!
//! A [`Questionnaire`] only exists once its file has passed validation, so its invariants hold: ids are
//! unique, every question's theme exists, a level question has `scale.max + 1` levels, bands ascend from 0,
//! and so on. Loading and validation are in [`load`] and [`validate`]; this module holds the model and
//! the small lookups on it.

pub mod builtin;
pub mod load;
pub mod raw;
pub mod validate;

use std::collections::BTreeMap;

use crate::i18n::Lang;

pub use load::{LoadError, Source, load_file, load_source, load_text};

/// A text in the questionnaire's languages (language code → text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, else in `fallback` (the questionnaire's first language), else any.
    pub fn get(&self, lang: &str, fallback: &str) -> &str {
        [lang, fallback]
            .into_iter()
            .find_map(|code| self.0.get(code).filter(|text| !text.is_empty()))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// Whether `text` equals this text in any language, ignoring case and surrounding space.
    pub fn matches(&self, text: &str) -> bool {
        let text = text.trim().to_lowercase();
        self.0.values().any(|t| t.trim().to_lowercase() == text)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    /// The first language is the fallback for texts missing in another.
    pub languages: Vec<String>,
    pub title: Text,
    pub description: Option<Text>,
    pub minutes: Option<u32>,
    pub scale: Scale,
    pub bands: Vec<Band>,
    pub themes: Vec<Theme>,
    pub questions: Vec<Question>,
    /// sha256 of the file's bytes, hex; reports record it so that a result can be tied to its questions.
    pub sha256: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub max: u32,
    pub labels: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub min: f64,
    pub name: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
    pub weight: f64,
    /// Whether the theme also reports a maturity indicator level (DESIGN.md §4).
    pub mil: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    /// Index into [`Questionnaire::themes`].
    pub theme: usize,
    pub text: Text,
    pub help: Option<Text>,
    /// A few words naming the practice ("backups and a tested restore"), where many questions are named in
    /// one line: the summary of what holds a maturity level down.
    pub short: Option<Text>,
    pub weight: f64,
    pub allow_na: bool,
    /// Sources of the question; a reference written as a plain string is held under the questionnaire's
    /// first language, so that it reads the same in every language.
    pub references: Vec<Text>,
    /// The maturity indicator level (1–3) of the practice, in a theme with `mil = true`.
    pub mil: Option<u8>,
    /// The step towards a full score, for scored kinds other than `level`.
    pub advice: Option<Text>,
    pub kind: Kind,
}

/// What kind of answer a question takes, with what only that kind has.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Level { levels: Vec<Text>, next_steps: Vec<Text> },
    Choice { options: Vec<Choice> },
    Multi { options: Vec<Choice>, max_points: f64 },
    YesNo,
    Number { unit: Option<Text>, min: Option<f64>, max: Option<f64>, bands: Vec<ScoreBand> },
    Text,
}

impl Kind {
    /// The name used in the file (`kind = "…"`).
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Level { .. } => "level",
            Kind::Choice { .. } => "choice",
            Kind::Multi { .. } => "multi",
            Kind::YesNo => "yesno",
            Kind::Number { .. } => "number",
            Kind::Text => "text",
        }
    }

    pub fn is_scored(&self) -> bool {
        !matches!(self, Kind::Text)
    }

    pub fn options(&self) -> &[Choice] {
        match self {
            Kind::Choice { options } | Kind::Multi { options, .. } => options,
            _ => &[],
        }
    }
}

/// An option of a choice or multi question.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    pub points: f64,
}

/// A band of a number question: values from `min` up score `score`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreBand {
    pub min: f64,
    pub score: f64,
    pub label: Option<Text>,
}

impl Questionnaire {
    /// The first language: the fallback for missing translations.
    pub fn fallback_language(&self) -> &str {
        self.languages.first().map_or("fi", String::as_str)
    }

    /// A questionnaire text in `lang`, falling back to the questionnaire's first language.
    pub fn text<'a>(&self, text: &'a Text, lang: Lang) -> &'a str {
        text.get(lang.code(), self.fallback_language())
    }

    /// The question's short name in `lang`; without one, its text, which names the practice whole (a cut
    /// question may leave out what its level hinges on).
    pub fn short_name<'a>(&'a self, question: &'a Question, lang: Lang) -> &'a str {
        self.text(question.short.as_ref().unwrap_or(&question.text), lang)
    }

    /// Every text of the questionnaire with where it sits (`theme security`, `security.backups levels[2]`),
    /// for the checks that each exists in every language and that renderings use the reader's.
    pub fn texts(&self) -> Vec<(String, &Text)> {
        let q = self;
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
            out.extend(question.short.iter().map(|t| (at("short"), t)));
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

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    pub fn theme_of(&self, question: &Question) -> &Theme {
        &self.themes[question.theme]
    }

    /// Questions that are scored (every kind but text).
    pub fn scored_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| q.kind.is_scored())
    }

    /// The index of the band a 0–100 score falls in: the last band whose min <= score.
    pub fn band_index(&self, score: f64) -> Option<usize> {
        band_at(self.bands.iter().map(|band| band.min), score)
    }
}

/// The band a 0–100 score falls in, given the bands' minimums in ascending order: the index of the last
/// band whose min <= score (DESIGN.md §4); none below the first band or for a NaN. The one band lookup:
/// the questionnaire, the report record's bands, comparisons and batch summaries all ask it.
pub fn band_at<I>(mins: I, score: f64) -> Option<usize>
where
    I: IntoIterator<Item = f64>,
    I::IntoIter: DoubleEndedIterator + ExactSizeIterator,
{
    mins.into_iter().rposition(|min| min <= score)
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! Small hand-written questionnaires for the unit tests of the modules that read the model.

    use super::*;
    use crate::questionnaire::load::load_text;

    /// Every kind of question, a weighted theme, a MIL theme and a text-only theme.
    pub const SMALL: &str = include_str!("../../tests/fixtures/pieni.toml");

    pub fn small() -> Questionnaire {
        load_text(SMALL, &Source::Builtin("pieni".into())).expect("the test questionnaire is valid")
    }

    /// For property tests: any answer of the question's own kind (a text question answers `text`), never
    /// "dk", "na" or none: the tests mix those in as they need.
    pub fn any_answer(
        question: &Question,
        text: Option<crate::answers::Answer>,
    ) -> proptest::strategy::BoxedStrategy<Option<crate::answers::Answer>> {
        use crate::answers::Answer::{Choice, Level, Multi, Number, YesNo};
        use proptest::prelude::*;
        match &question.kind {
            Kind::Level { .. } => (0..=4u32).prop_map(|l| Some(Level(l))).boxed(),
            Kind::Choice { options } => {
                let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
                proptest::sample::select(ids).prop_map(|id| Some(Choice(id))).boxed()
            }
            Kind::Multi { options, .. } => {
                let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
                proptest::sample::subsequence(ids.clone(), 0..=ids.len()).prop_map(|ids| Some(Multi(ids))).boxed()
            }
            Kind::YesNo => any::<bool>().prop_map(|b| Some(YesNo(b))).boxed(),
            Kind::Number { .. } => (0.0..=100.0f64).prop_map(|n| Some(Number(n))).boxed(),
            Kind::Text => Just(text).boxed(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_first_language_when_a_text_is_missing() {
        let text = Text(BTreeMap::from([("fi".to_string(), "Kyllä".to_string())]));
        assert_eq!(text.get("sv", "fi"), "Kyllä");
        assert!(text.matches("  kyllä "));
    }

    #[test]
    fn finds_the_band_of_a_score() {
        let q = fixtures::small();
        assert_eq!(q.band_index(0.0), Some(0));
        assert_eq!(q.band_index(49.99), Some(0));
        assert_eq!(q.band_index(50.0), Some(1));
        assert_eq!(q.band_index(100.0), Some(1));
    }

    #[test]
    fn a_score_below_every_band_or_not_a_number_has_no_band() {
        assert_eq!(band_at([10.0, 50.0], 9.9), None);
        assert_eq!(band_at([0.0, 50.0], f64::NAN), None);
        assert_eq!(band_at([0.0, 50.0, 80.0], 80.0), Some(2));
        assert_eq!(band_at(std::iter::empty(), 50.0), None);
    }
}
