//! The questionnaire file as written (DESIGN.md §3): serde types that mirror the TOML one to one.
//!
//! Nothing here is checked beyond types; [`super::validate`] checks the content and [`super::load`] turns
//! a file without errors into the typed [`super::Questionnaire`]. Keys not declared here are reported as
//! unknown by the loader (through `serde_ignored`), so adding a field here is how a new key becomes legal.

use std::collections::BTreeMap;

use serde::Deserialize;

/// A text in several languages: language code → text.
pub type RawText = BTreeMap<String, String>;

/// A source reference as written: a plain string (one text for every language, as in version 1.0.0 of the
/// built-in questionnaires) or a table of languages like any other text.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawReference {
    Plain(String),
    Localized(RawText),
}

#[derive(Debug, Clone, Deserialize)]
pub struct RawMeta {
    pub id: String,
    pub version: String,
    pub languages: Vec<String>,
    pub title: RawText,
    #[serde(default)]
    pub description: Option<RawText>,
    /// About how many minutes answering takes, for the interview's start screen.
    #[serde(default)]
    pub minutes: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RawScale {
    pub max: u32,
    pub labels: Vec<RawText>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RawBand {
    pub min: f64,
    pub name: RawText,
    #[serde(default)]
    pub description: Option<RawText>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RawTheme {
    pub id: String,
    pub title: RawText,
    #[serde(default)]
    pub description: Option<RawText>,
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(default)]
    pub mil: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawKind {
    Level,
    Choice,
    Multi,
    Yesno,
    Number,
    Text,
}

impl RawKind {
    pub fn name(self) -> &'static str {
        match self {
            RawKind::Level => "level",
            RawKind::Choice => "choice",
            RawKind::Multi => "multi",
            RawKind::Yesno => "yesno",
            RawKind::Number => "number",
            RawKind::Text => "text",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct RawQuestion {
    pub id: String,
    pub theme: String,
    pub kind: RawKind,
    pub text: RawText,
    #[serde(default)]
    pub help: Option<RawText>,
    /// A few words naming the practice, for lines that name many questions at once.
    #[serde(default)]
    pub short: Option<RawText>,
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(default)]
    pub allow_na: bool,
    #[serde(default)]
    pub levels: Option<Vec<RawText>>,
    #[serde(default)]
    pub next_steps: Option<Vec<RawText>>,
    /// For the scored kinds other than `level`: the step towards a full score, shown in the roadmap.
    #[serde(default)]
    pub advice: Option<RawText>,
    #[serde(default)]
    pub references: Vec<RawReference>,
    #[serde(default)]
    pub mil: Option<i64>,
    #[serde(default, rename = "option")]
    pub options: Option<Vec<RawOption>>,
    #[serde(default)]
    pub max_points: Option<f64>,
    #[serde(default)]
    pub unit: Option<RawText>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default, rename = "score_band")]
    pub score_bands: Option<Vec<RawScoreBand>>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RawOption {
    pub id: String,
    pub label: RawText,
    pub points: f64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RawScoreBand {
    pub min: f64,
    pub score: f64,
    #[serde(default)]
    pub label: Option<RawText>,
}

fn one() -> f64 {
    1.0
}

/// The sections of a questionnaire file that could be read, each with its index in the file so that
/// problems can point back at it. Items that did not deserialize are absent (their problem is recorded).
#[derive(Debug, Default, Clone)]
pub struct RawQuestionnaire {
    pub meta: Option<RawMeta>,
    pub scale: Option<RawScale>,
    pub bands: Vec<(usize, RawBand)>,
    pub themes: Vec<(usize, RawTheme)>,
    pub questions: Vec<(usize, RawQuestion)>,
    /// Theme ids as written, also of themes that failed to deserialize, so that their questions are not
    /// reported as pointing at a missing theme.
    pub theme_ids_seen: Vec<String>,
}
