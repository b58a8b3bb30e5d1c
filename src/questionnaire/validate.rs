//! Everything that would make scoring wrong or an interview confusing, found in one pass (pure).
//!
//! [`validate`] reads the file-shaped [`RawQuestionnaire`] and returns every problem as data: a
//! [`Problem`] with the [`Path`] of the offending value (and of the first occurrence, for duplicates). The
//! loader turns paths into lines and columns; nothing here reads files or knows about positions.

use std::collections::{BTreeMap, HashMap};

use crate::diagnostic::{Path, Severity};
use crate::i18n::{Lang, messages as m};
use crate::path;

use super::raw::{RawKind, RawQuestion, RawQuestionnaire, RawReference, RawText};

/// A problem in a questionnaire file.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The TOML itself is broken (message from the parser).
    Syntax(String),
    /// A value of the wrong type or a missing required key (message from the deserializer).
    Shape(String),
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    MissingSection(&'static str),
    NotAnArrayOfTables(&'static str),
    InvalidId {
        what: IdKind,
        id: String,
    },
    DuplicateId {
        what: IdKind,
        id: String,
    },
    UnknownTheme {
        question: String,
        theme: String,
    },
    IdWithoutThemePrefix {
        question: String,
        theme: String,
    },
    EmptyVersion,
    VersionNotSemver(String),
    NoLanguages,
    DuplicateLanguage(String),
    ScaleTooSmall,
    ScaleLabelCount {
        expected: usize,
        found: usize,
    },
    NoBands,
    BandsNotFromZero(f64),
    BandsNotAscending {
        min: f64,
        previous: f64,
    },
    BandAbove100(f64),
    NonPositiveWeight {
        what: IdKind,
        id: String,
        weight: f64,
    },
    LevelCount {
        question: String,
        expected: usize,
        found: usize,
    },
    NextStepCount {
        question: String,
        expected: usize,
        found: usize,
    },
    DuplicateLevelText {
        question: String,
        level: usize,
        same_as: usize,
    },
    NoOptions {
        question: String,
    },
    ReservedOptionId {
        question: String,
        option: String,
    },
    NegativePoints {
        question: String,
        option: String,
        points: f64,
    },
    NoPositivePoints {
        question: String,
    },
    NonPositiveMaxPoints {
        question: String,
        max_points: f64,
    },
    NumberRange {
        question: String,
        min: f64,
        max: f64,
    },
    NoScoreBands {
        question: String,
    },
    ScoreBandOutOfRange {
        question: String,
        score: f64,
    },
    ScoreBandsNotAscending {
        question: String,
        min: f64,
        previous: f64,
    },
    KeyNotForKind {
        question: String,
        key: &'static str,
        kind: &'static str,
    },
    MilOutsideMilTheme {
        question: String,
        theme: String,
    },
    MilOutOfRange {
        question: String,
        mil: i64,
    },
    MissingMil {
        question: String,
    },
    MissingText {
        language: String,
    },
    UnlistedLanguage {
        language: String,
    },
    ThemeWithoutScoredQuestion {
        theme: String,
    },
    NoScoredQuestions,
}

/// What an id belongs to, for messages about ids and weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Questionnaire,
    Theme,
    Question,
    Option,
}

impl IdKind {
    fn word(self, lang: Lang) -> &'static str {
        match self {
            IdKind::Questionnaire => m::WORD_QUESTIONNAIRE.get(lang),
            IdKind::Theme => m::WORD_THEME.get(lang),
            IdKind::Question => m::WORD_QUESTION.get(lang),
            IdKind::Option => m::WORD_OPTION.get(lang),
        }
    }
}

impl Problem {
    pub fn severity(&self) -> Severity {
        match self {
            Problem::VersionNotSemver(_)
            | Problem::MissingText { .. }
            | Problem::UnlistedLanguage { .. }
            | Problem::ThemeWithoutScoredQuestion { .. }
            | Problem::IdWithoutThemePrefix { .. }
            | Problem::DuplicateLevelText { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The message in `lang`, naming the offending ids and values in backticks.
    pub fn message(&self, lang: Lang) -> String {
        use Problem as P;
        match self {
            P::Syntax(text) => format!("{}{}", m::Q_TOML_SYNTAX.get(lang), crate::i18n::cause_line(lang, text)),
            P::Shape(text) => format!("{}{}", m::Q_INVALID_VALUE.get(lang), crate::i18n::cause_line(lang, text)),
            P::UnknownKey { key, suggestion } => {
                let base = m::UNKNOWN_KEY.fill(lang, &[key]);
                match suggestion {
                    Some(s) => format!("{base} ({})", m::DID_YOU_MEAN.fill(lang, &[s])),
                    None => base,
                }
            }
            P::MissingSection(name) => m::Q_MISSING_SECTION.fill(lang, &[name]),
            P::NotAnArrayOfTables(name) => m::Q_NOT_ARRAY_OF_TABLES.fill(lang, &[name]),
            P::InvalidId { what, id } => m::Q_INVALID_ID.fill(lang, &[&what.word(lang), id]),
            P::DuplicateId { what, id } => m::Q_DUPLICATE_ID.fill(lang, &[&what.word(lang), id]),
            P::UnknownTheme { question, theme } => m::Q_UNKNOWN_THEME.fill(lang, &[question, theme]),
            P::IdWithoutThemePrefix { question, theme } => m::Q_ID_WITHOUT_PREFIX.fill(lang, &[question, theme]),
            P::EmptyVersion => m::Q_EMPTY_VERSION.get(lang).to_string(),
            P::VersionNotSemver(v) => m::Q_VERSION_NOT_SEMVER.fill(lang, &[v]),
            P::NoLanguages => m::Q_NO_LANGUAGES.get(lang).to_string(),
            P::DuplicateLanguage(code) => m::Q_DUPLICATE_LANGUAGE.fill(lang, &[code]),
            P::ScaleTooSmall => m::Q_SCALE_TOO_SMALL.get(lang).to_string(),
            P::ScaleLabelCount { expected, found } => m::Q_SCALE_LABEL_COUNT.fill(lang, &[expected, found]),
            P::NoBands => m::Q_NO_BANDS.get(lang).to_string(),
            P::BandsNotFromZero(min) => m::Q_BANDS_NOT_FROM_ZERO.fill(lang, &[min]),
            P::BandsNotAscending { min, previous } => m::Q_BANDS_NOT_ASCENDING.fill(lang, &[min, previous]),
            P::BandAbove100(min) => m::Q_BAND_ABOVE_100.fill(lang, &[min]),
            P::NonPositiveWeight { what, id, weight } => {
                m::Q_NON_POSITIVE_WEIGHT.fill(lang, &[&what.word(lang), id, weight])
            }
            P::LevelCount { question, expected, found } => m::Q_LEVEL_COUNT.fill(lang, &[question, expected, found]),
            P::NextStepCount { question, expected, found } => {
                m::Q_NEXT_STEP_COUNT.fill(lang, &[question, expected, found])
            }
            P::DuplicateLevelText { question, level, same_as } => {
                m::Q_DUPLICATE_LEVEL_TEXT.fill(lang, &[question, level, same_as])
            }
            P::NoOptions { question } => m::Q_NO_OPTIONS.fill(lang, &[question]),
            P::ReservedOptionId { question, option } => m::Q_RESERVED_OPTION_ID.fill(lang, &[question, option]),
            P::NegativePoints { question, option, points } => {
                m::Q_NEGATIVE_POINTS.fill(lang, &[question, option, points])
            }
            P::NoPositivePoints { question } => m::Q_NO_POSITIVE_POINTS.fill(lang, &[question]),
            P::NonPositiveMaxPoints { question, max_points } => {
                m::Q_NON_POSITIVE_MAX_POINTS.fill(lang, &[question, max_points])
            }
            P::NumberRange { question, min, max } => m::Q_NUMBER_RANGE.fill(lang, &[question, min, max]),
            P::NoScoreBands { question } => m::Q_NO_SCORE_BANDS.fill(lang, &[question]),
            P::ScoreBandOutOfRange { question, score } => m::Q_SCORE_BAND_OUT_OF_RANGE.fill(lang, &[question, score]),
            P::ScoreBandsNotAscending { question, min, previous } => {
                m::Q_SCORE_BANDS_NOT_ASCENDING.fill(lang, &[question, min, previous])
            }
            P::KeyNotForKind { question, key, kind } => m::Q_KEY_NOT_FOR_KIND.fill(lang, &[key, question, kind]),
            P::MilOutsideMilTheme { question, theme } => m::Q_MIL_OUTSIDE_MIL_THEME.fill(lang, &[question, theme]),
            P::MilOutOfRange { question, mil } => m::Q_MIL_OUT_OF_RANGE.fill(lang, &[question, mil]),
            P::MissingMil { question } => m::Q_MISSING_MIL.fill(lang, &[question]),
            P::MissingText { language } => m::Q_MISSING_TEXT.fill(lang, &[language]),
            P::UnlistedLanguage { language } => m::Q_UNLISTED_LANGUAGE.fill(lang, &[language]),
            P::ThemeWithoutScoredQuestion { theme } => m::Q_THEME_WITHOUT_SCORED.fill(lang, &[theme]),
            P::NoScoredQuestions => m::Q_NO_SCORED_QUESTIONS.get(lang).to_string(),
        }
    }
}

/// A problem and where it is: the path of the offending value, and for duplicates the first occurrence.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub problem: Problem,
    pub path: Path,
    /// Points at the key itself rather than its value (unknown keys).
    pub at_key: bool,
    pub first: Option<Path>,
}

impl Located {
    pub fn at(path: Path, problem: Problem) -> Located {
        Located { problem, path, at_key: false, first: None }
    }
}

/// Characters allowed in ids: they become CSV headers, file names and HTML anchors.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !id.starts_with('.')
        && !id.ends_with('.')
}

/// Answer words that an option id must not take, since they mean "not applicable" and "don't know".
pub const RESERVED_OPTION_IDS: [&str; 2] = ["na", "dk"];

/// Checks a questionnaire as read from its file and returns every problem found.
pub fn validate(raw: &RawQuestionnaire) -> Vec<Located> {
    let mut out = Vec::new();
    let languages: Vec<String> = raw.meta.as_ref().map(|meta| meta.languages.clone()).unwrap_or_default();
    let texts = TextCheck { languages: &languages };

    if let Some(meta) = &raw.meta {
        let at = |key: &str| path!["questionnaire", key];
        if !is_valid_id(&meta.id) {
            out.push(Located::at(at("id"), Problem::InvalidId { what: IdKind::Questionnaire, id: meta.id.clone() }));
        }
        if meta.version.trim().is_empty() {
            out.push(Located::at(at("version"), Problem::EmptyVersion));
        } else if !is_semver(&meta.version) {
            out.push(Located::at(at("version"), Problem::VersionNotSemver(meta.version.clone())));
        }
        if meta.languages.is_empty() {
            out.push(Located::at(at("languages"), Problem::NoLanguages));
        }
        let mut seen = Vec::new();
        for (i, code) in meta.languages.iter().enumerate() {
            if seen.contains(&code) {
                out.push(Located::at(at("languages").join(i), Problem::DuplicateLanguage(code.clone())));
            }
            seen.push(code);
        }
        texts.check(&meta.title, &at("title"), &mut out);
        if let Some(description) = &meta.description {
            texts.check(description, &at("description"), &mut out);
        }
    }

    let scale_max = raw.scale.as_ref().map(|scale| scale.max);
    if let Some(scale) = &raw.scale {
        if scale.max == 0 {
            out.push(Located::at(path!["scale", "max"], Problem::ScaleTooSmall));
        }
        let expected = scale.max as usize + 1;
        if scale.labels.len() != expected {
            out.push(Located::at(
                path!["scale", "labels"],
                Problem::ScaleLabelCount { expected, found: scale.labels.len() },
            ));
        }
        for (i, label) in scale.labels.iter().enumerate() {
            texts.check(label, &path!["scale", "labels", i], &mut out);
        }
    }

    check_bands(raw, &texts, &mut out);

    // Themes: ids, weights, texts.
    let mut theme_first: HashMap<&str, usize> = HashMap::new();
    for (index, theme) in &raw.themes {
        let at = path!["theme", *index];
        if !is_valid_id(&theme.id) {
            out.push(Located::at(at.join("id"), Problem::InvalidId { what: IdKind::Theme, id: theme.id.clone() }));
        }
        if let Some(first) = theme_first.get(theme.id.as_str()) {
            out.push(Located {
                first: Some(path!["theme", *first, "id"]),
                ..Located::at(at.join("id"), Problem::DuplicateId { what: IdKind::Theme, id: theme.id.clone() })
            });
        } else {
            theme_first.insert(&theme.id, *index);
        }
        if !(theme.weight > 0.0 && theme.weight.is_finite()) {
            out.push(Located::at(
                at.join("weight"),
                Problem::NonPositiveWeight { what: IdKind::Theme, id: theme.id.clone(), weight: theme.weight },
            ));
        }
        texts.check(&theme.title, &at.join("title"), &mut out);
        if let Some(description) = &theme.description {
            texts.check(description, &at.join("description"), &mut out);
        }
    }

    // Questions.
    let mil_themes: HashMap<&str, bool> = raw.themes.iter().map(|(_, t)| (t.id.as_str(), t.mil)).collect();
    let mut question_first: HashMap<&str, usize> = HashMap::new();
    for (index, question) in &raw.questions {
        let at = path!["question", *index];
        if !is_valid_id(&question.id) || question.id.ends_with(".note") {
            out.push(Located::at(
                at.join("id"),
                Problem::InvalidId { what: IdKind::Question, id: question.id.clone() },
            ));
        }
        if let Some(first) = question_first.get(question.id.as_str()) {
            out.push(Located {
                first: Some(path!["question", *first, "id"]),
                ..Located::at(at.join("id"), Problem::DuplicateId { what: IdKind::Question, id: question.id.clone() })
            });
        } else {
            question_first.insert(&question.id, *index);
        }
        let theme_known = raw.theme_ids_seen.contains(&question.theme);
        if !theme_known {
            out.push(Located::at(
                at.join("theme"),
                Problem::UnknownTheme { question: question.id.clone(), theme: question.theme.clone() },
            ));
        } else if !question.id.starts_with(&format!("{}.", question.theme)) {
            out.push(Located::at(
                at.join("id"),
                Problem::IdWithoutThemePrefix { question: question.id.clone(), theme: question.theme.clone() },
            ));
        }
        if !(question.weight > 0.0 && question.weight.is_finite()) {
            out.push(Located::at(
                at.join("weight"),
                Problem::NonPositiveWeight { what: IdKind::Question, id: question.id.clone(), weight: question.weight },
            ));
        }
        check_kind(question, &at, scale_max, &texts, &mut out);
        let in_mil_theme = mil_themes.get(question.theme.as_str()).copied().unwrap_or(false);
        match (question.mil, in_mil_theme) {
            (Some(_), false) if theme_known => out.push(Located::at(
                at.join("mil"),
                Problem::MilOutsideMilTheme { question: question.id.clone(), theme: question.theme.clone() },
            )),
            (Some(mil), true) if !(1..=3).contains(&mil) => {
                out.push(Located::at(at.join("mil"), Problem::MilOutOfRange { question: question.id.clone(), mil }));
            }
            (Some(_), true) if question.kind == RawKind::Text => out.push(Located::at(
                at.join("mil"),
                Problem::KeyNotForKind { question: question.id.clone(), key: "mil", kind: "text" },
            )),
            (None, true) if question.kind != RawKind::Text => {
                out.push(Located::at(at.clone(), Problem::MissingMil { question: question.id.clone() }));
            }
            _ => {}
        }
        texts.check(&question.text, &at.join("text"), &mut out);
        for (key, text) in [
            ("help", &question.help),
            ("short", &question.short),
            ("advice", &question.advice),
            ("unit", &question.unit),
        ] {
            if let Some(text) = text {
                texts.check(text, &at.join(key), &mut out);
            }
        }
        // A plain-string reference is one text for every language; a table of languages is held to the
        // questionnaire's languages like any other text.
        for (i, reference) in question.references.iter().enumerate() {
            if let RawReference::Localized(text) = reference {
                texts.check(text, &at.join("references").join(i), &mut out);
            }
        }
    }

    // Themes that nothing scores, and a questionnaire that scores nothing at all.
    for (index, theme) in &raw.themes {
        let scored = raw.questions.iter().any(|(_, q)| q.theme == theme.id && q.kind != RawKind::Text);
        if !scored {
            out.push(Located::at(
                path!["theme", *index, "id"],
                Problem::ThemeWithoutScoredQuestion { theme: theme.id.clone() },
            ));
        }
    }
    if raw.meta.is_some() && !raw.questions.iter().any(|(_, q)| q.kind != RawKind::Text) {
        out.push(Located::at(path!["question"], Problem::NoScoredQuestions));
    }
    out
}

fn check_bands(raw: &RawQuestionnaire, texts: &TextCheck<'_>, out: &mut Vec<Located>) {
    if raw.bands.is_empty() {
        out.push(Located::at(path!["band"], Problem::NoBands));
        return;
    }
    let mut previous: Option<f64> = None;
    for (position, (index, band)) in raw.bands.iter().enumerate() {
        let at = path!["band", *index, "min"];
        if position == 0 && band.min != 0.0 {
            out.push(Located::at(at.clone(), Problem::BandsNotFromZero(band.min)));
        }
        if let Some(previous) = previous.filter(|previous| band.min <= *previous) {
            out.push(Located::at(at.clone(), Problem::BandsNotAscending { min: band.min, previous }));
        }
        if band.min > 100.0 {
            out.push(Located::at(at, Problem::BandAbove100(band.min)));
        }
        previous = Some(band.min);
        texts.check(&band.name, &path!["band", *index, "name"], out);
        if let Some(description) = &band.description {
            texts.check(description, &path!["band", *index, "description"], out);
        }
    }
}

/// Checks what only some kinds have: levels and next steps, options, number ranges and bands, and that
/// a question carries no key its kind does not use.
fn check_kind(
    question: &RawQuestion,
    at: &Path,
    scale_max: Option<u32>,
    texts: &TextCheck<'_>,
    out: &mut Vec<Located>,
) {
    let id = &question.id;
    let kind = question.kind;
    let present: [(&'static str, bool, &[RawKind]); 9] = [
        ("levels", question.levels.is_some(), &[RawKind::Level]),
        ("next_steps", question.next_steps.is_some(), &[RawKind::Level]),
        ("option", question.options.is_some(), &[RawKind::Choice, RawKind::Multi]),
        ("max_points", question.max_points.is_some(), &[RawKind::Multi]),
        ("unit", question.unit.is_some(), &[RawKind::Number]),
        ("min", question.min.is_some(), &[RawKind::Number]),
        ("max", question.max.is_some(), &[RawKind::Number]),
        ("score_band", question.score_bands.is_some(), &[RawKind::Number]),
        ("advice", question.advice.is_some(), &[RawKind::Choice, RawKind::Multi, RawKind::Yesno, RawKind::Number]),
    ];
    for (key, is_present, kinds) in present {
        if is_present && !kinds.contains(&kind) {
            out.push(Located::at(
                at.join(key),
                Problem::KeyNotForKind { question: id.clone(), key, kind: kind.name() },
            ));
        }
    }

    match kind {
        RawKind::Level => {
            let levels = question.levels.as_deref().unwrap_or_default();
            let steps = question.next_steps.as_deref().unwrap_or_default();
            if let Some(max) = scale_max {
                let expected = max as usize + 1;
                if levels.len() != expected {
                    let where_ = if question.levels.is_some() { at.join("levels") } else { at.clone() };
                    out.push(Located::at(
                        where_,
                        Problem::LevelCount { question: id.clone(), expected, found: levels.len() },
                    ));
                }
                if steps.len() != max as usize {
                    let where_ = if question.next_steps.is_some() { at.join("next_steps") } else { at.clone() };
                    out.push(Located::at(
                        where_,
                        Problem::NextStepCount { question: id.clone(), expected: max as usize, found: steps.len() },
                    ));
                }
            }
            for (i, level) in levels.iter().enumerate() {
                texts.check(level, &at.join("levels").join(i), out);
                if let Some(same_as) = levels[..i].iter().position(|earlier| earlier == level) {
                    out.push(Located::at(
                        at.join("levels").join(i),
                        Problem::DuplicateLevelText { question: id.clone(), level: i, same_as },
                    ));
                }
            }
            for (i, step) in steps.iter().enumerate() {
                texts.check(step, &at.join("next_steps").join(i), out);
            }
        }
        RawKind::Choice | RawKind::Multi => check_options(question, at, texts, out),
        RawKind::Number => check_number(question, at, texts, out),
        RawKind::Yesno | RawKind::Text => {}
    }
}

fn check_options(question: &RawQuestion, at: &Path, texts: &TextCheck<'_>, out: &mut Vec<Located>) {
    let id = &question.id;
    let options = question.options.as_deref().unwrap_or_default();
    if options.is_empty() {
        out.push(Located::at(at.clone(), Problem::NoOptions { question: id.clone() }));
        return;
    }
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, option) in options.iter().enumerate() {
        let here = at.join("option").join(i);
        if RESERVED_OPTION_IDS.contains(&option.id.to_lowercase().as_str()) {
            out.push(Located::at(
                here.join("id"),
                Problem::ReservedOptionId { question: id.clone(), option: option.id.clone() },
            ));
        } else if !is_valid_id(&option.id) {
            out.push(Located::at(here.join("id"), Problem::InvalidId { what: IdKind::Option, id: option.id.clone() }));
        }
        if let Some(earlier) = first.get(option.id.as_str()) {
            out.push(Located {
                first: Some(at.join("option").join(*earlier).join("id")),
                ..Located::at(here.join("id"), Problem::DuplicateId { what: IdKind::Option, id: option.id.clone() })
            });
        } else {
            first.insert(&option.id, i);
        }
        if !(option.points >= 0.0 && option.points.is_finite()) {
            out.push(Located::at(
                here.join("points"),
                Problem::NegativePoints { question: id.clone(), option: option.id.clone(), points: option.points },
            ));
        }
        texts.check(&option.label, &here.join("label"), out);
    }
    let best = options.iter().map(|o| o.points).fold(0.0_f64, f64::max);
    let sum: f64 = options.iter().map(|o| o.points.max(0.0)).sum();
    match (question.kind, question.max_points) {
        (RawKind::Multi, Some(max_points)) if !(max_points > 0.0 && max_points.is_finite()) => {
            out.push(Located::at(
                at.join("max_points"),
                Problem::NonPositiveMaxPoints { question: id.clone(), max_points },
            ));
        }
        (RawKind::Multi, None) if sum <= 0.0 => {
            out.push(Located::at(at.join("option"), Problem::NoPositivePoints { question: id.clone() }));
        }
        (RawKind::Choice, _) if best <= 0.0 => {
            out.push(Located::at(at.join("option"), Problem::NoPositivePoints { question: id.clone() }));
        }
        _ => {}
    }
}

fn check_number(question: &RawQuestion, at: &Path, texts: &TextCheck<'_>, out: &mut Vec<Located>) {
    let id = &question.id;
    if let (Some(min), Some(max)) = (question.min, question.max)
        && min > max
    {
        out.push(Located::at(at.join("min"), Problem::NumberRange { question: id.clone(), min, max }));
    }
    let bands = question.score_bands.as_deref().unwrap_or_default();
    if bands.is_empty() {
        out.push(Located::at(at.clone(), Problem::NoScoreBands { question: id.clone() }));
    }
    let mut previous: Option<f64> = None;
    for (i, band) in bands.iter().enumerate() {
        let here = at.join("score_band").join(i);
        if !(0.0..=1.0).contains(&band.score) {
            out.push(Located::at(
                here.join("score"),
                Problem::ScoreBandOutOfRange { question: id.clone(), score: band.score },
            ));
        }
        if let Some(previous) = previous.filter(|previous| band.min <= *previous) {
            out.push(Located::at(
                here.join("min"),
                Problem::ScoreBandsNotAscending { question: id.clone(), min: band.min, previous },
            ));
        }
        previous = Some(band.min);
        if let Some(label) = &band.label {
            texts.check(label, &here.join("label"), out);
        }
    }
}

/// Checks that a text exists in every listed language and in no unlisted one.
struct TextCheck<'a> {
    languages: &'a [String],
}

impl TextCheck<'_> {
    fn check(&self, text: &RawText, at: &Path, out: &mut Vec<Located>) {
        for language in self.languages {
            if text.get(language).is_none_or(|t| t.trim().is_empty()) {
                out.push(Located::at(at.clone(), Problem::MissingText { language: language.clone() }));
            }
        }
        for language in text.keys() {
            if !self.languages.contains(language) {
                out.push(Located {
                    at_key: true,
                    ..Located::at(at.join(language.as_str()), Problem::UnlistedLanguage { language: language.clone() })
                });
            }
        }
    }
}

/// `MAJOR.MINOR.PATCH` with an optional pre-release or build suffix.
fn is_semver(version: &str) -> bool {
    let core = version.split(['-', '+']).next().unwrap_or_default();
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// Counts problems by severity: (errors, warnings).
pub fn counts(problems: &[Located]) -> (usize, usize) {
    let errors = problems.iter().filter(|p| p.problem.severity() == Severity::Error).count();
    (errors, problems.len() - errors)
}

/// Groups language codes by how many texts miss them; used in tests and by `validate`'s summary.
pub fn missing_languages(problems: &[Located]) -> BTreeMap<String, usize> {
    let mut missing = BTreeMap::new();
    for located in problems {
        if let Problem::MissingText { language } = &located.problem {
            *missing.entry(language.clone()).or_insert(0) += 1;
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Source;
    use crate::questionnaire::fixtures::SMALL;
    use crate::questionnaire::load::{Checked, check_text};

    fn check(text: &str) -> Checked {
        check_text(text, &Source::Builtin("test.toml".into()))
    }

    fn problems(text: &str) -> Vec<Problem> {
        check(text).findings.into_iter().map(|f| f.problem).collect()
    }

    #[test]
    fn the_small_questionnaire_has_only_the_warning_for_its_text_theme() {
        assert_eq!(problems(SMALL), vec![Problem::ThemeWithoutScoredQuestion { theme: "x".into() }]);
    }

    #[test]
    fn reports_a_duplicate_question_id_with_both_places() {
        let text = SMALL.replace("id = \"t.three\"", "id = \"t.yes\"");
        let checked = check(&text);
        let duplicate = checked
            .findings
            .iter()
            .find(|f| matches!(&f.problem, Problem::DuplicateId { what: IdKind::Question, id } if id == "t.yes"))
            .expect("duplicate reported");
        let first_line = text.lines().position(|l| l == "id = \"t.yes\"").unwrap() + 1;
        let second_line = text.lines().collect::<Vec<_>>().iter().rposition(|l| *l == "id = \"t.yes\"").unwrap() + 1;
        assert_eq!(duplicate.pos.unwrap().line, second_line);
        assert_eq!(duplicate.first.unwrap().line, first_line);
        assert!(checked.questionnaire.is_none());
    }

    #[test]
    fn reports_every_problem_in_one_run() {
        let text = SMALL
            .replace("theme = \"a\"\nkind = \"choice\"", "theme = \"nope\"\nkind = \"choice\"")
            .replace("points = 4", "points = -1")
            .replace("weight = 2.0\n\n[[theme]]", "weight = 0\n\n[[theme]]")
            .replace("score = 1.0", "score = 1.5")
            .replace("min = 0.0\nmax = 100.0", "min = 10.0\nmax = 5.0")
            .replace("[[band]]\nmin = 50", "[[band]]\nmin = 0")
            .replace(
                "  { fi = \"S3\", sv = \"T3\", en = \"N3\" },\n]\n\n[[question]]\nid = \"a.choice\"",
                "]\n\n[[question]]\nid = \"a.choice\"",
            )
            .replace("max_points = 3.0\n", "max_points = 3.0\nlables = 1\n");
        let found = problems(&text);
        let expect = [
            Problem::UnknownTheme { question: "a.choice".into(), theme: "nope".into() },
            Problem::NegativePoints { question: "a.choice".into(), option: "all".into(), points: -1.0 },
            Problem::NonPositiveWeight { what: IdKind::Theme, id: "a".into(), weight: 0.0 },
            Problem::ScoreBandOutOfRange { question: "a.number".into(), score: 1.5 },
            Problem::NumberRange { question: "a.number".into(), min: 10.0, max: 5.0 },
            Problem::BandsNotAscending { min: 0.0, previous: 0.0 },
            Problem::NextStepCount { question: "a.level".into(), expected: 4, found: 3 },
            Problem::UnknownKey { key: "lables".into(), suggestion: None },
        ];
        for problem in expect {
            assert!(found.contains(&problem), "missing {problem:?} in {found:#?}");
        }
    }

    #[test]
    fn reports_level_counts_missing_options_and_keys_of_another_kind() {
        let text = SMALL
            .replace("  { fi = \"L4\", sv = \"N4\", en = \"E4\" },\n]\nnext_steps = [\n  { fi = \"S0\", sv = \"T0\", en = \"N0\" },\n  { fi = \"S1\", sv = \"T1\", en = \"N1\" },\n  { fi = \"S2\", sv = \"T2\", en = \"N2\" },\n  { fi = \"S3\", sv = \"T3\", en = \"N3\" },\n]\n\n[[question]]\nid = \"a.choice\"", "]\nnext_steps = [\n  { fi = \"S0\", sv = \"T0\", en = \"N0\" },\n  { fi = \"S1\", sv = \"T1\", en = \"N1\" },\n  { fi = \"S2\", sv = \"T2\", en = \"N2\" },\n  { fi = \"S3\", sv = \"T3\", en = \"N3\" },\n]\n\n[[question]]\nid = \"a.choice\"")
            .replace("kind = \"yesno\"\nmil = 1", "kind = \"yesno\"\nmil = 1\nlevels = []")
            .replace(
                "kind = \"multi\"\nmax_points = 3.0\ntext = { fi = \"Monta?\", sv = \"Flera?\", en = \"Many?\" }\n[[question.option]]\nid = \"p\"\nlabel = { fi = \"P\", sv = \"P-sv\", en = \"P-en\" }\npoints = 2\n[[question.option]]\nid = \"q\"\nlabel = { fi = \"Q\", sv = \"Q-sv\", en = \"Q-en\" }\npoints = 2\n[[question.option]]\nid = \"r\"\nlabel = { fi = \"R\", sv = \"R-sv\", en = \"R-en\" }\npoints = 1\n",
                "kind = \"multi\"\ntext = { fi = \"Monta?\", sv = \"Flera?\", en = \"Many?\" }\n",
            );
        let found = problems(&text);
        assert!(
            found.contains(&Problem::LevelCount { question: "a.level".into(), expected: 5, found: 4 }),
            "{found:#?}"
        );
        assert!(found.contains(&Problem::NoOptions { question: "a.multi".into() }), "{found:#?}");
        assert!(
            found.contains(&Problem::KeyNotForKind { question: "t.yes".into(), key: "levels", kind: "yesno" }),
            "{found:#?}"
        );
    }

    #[test]
    fn warns_about_missing_translations_and_themes_without_scored_questions() {
        let text = SMALL.replace(
            "text = { fi = \"Vapaa?\", sv = \"Fri?\", en = \"Free?\" }",
            "text = { fi = \"Vapaa?\", en = \"Free?\" }",
        );
        let checked = check(&text);
        let found: Vec<_> = checked.findings.iter().map(|f| &f.problem).collect();
        assert!(found.contains(&&Problem::MissingText { language: "sv".into() }));
        assert!(found.contains(&&Problem::ThemeWithoutScoredQuestion { theme: "x".into() }));
        assert!(checked.findings.iter().all(|f| f.problem.severity() == Severity::Warning));
        assert!(checked.questionnaire.is_some(), "warnings alone still load");
    }

    #[test]
    fn warns_about_a_localized_reference_missing_a_language_but_not_about_a_plain_one() {
        let text = SMALL.replace(
            "text = { fi = \"Taso?\", sv = \"Nivå?\", en = \"Level?\" }",
            "text = { fi = \"Taso?\", sv = \"Nivå?\", en = \"Level?\" }\nreferences = [\"Laki 1/2000\", { fi = \"Laki 1/2000\", en = \"Act 1/2000\" }]",
        );
        let checked = check(&text);
        let missing: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| matches!(&f.problem, Problem::MissingText { language } if language == "sv"))
            .collect();
        assert_eq!(missing.len(), 1, "{:#?}", checked.findings);
        let line = text.lines().position(|l| l.starts_with("references = ")).unwrap() + 1;
        assert_eq!(missing[0].pos.unwrap().line, line);
        assert!(checked.questionnaire.is_some());
    }

    #[test]
    fn refuses_reserved_option_ids_bands_not_from_zero_and_mil_outside_a_mil_theme() {
        let text = SMALL
            .replace("id = \"some\"", "id = \"dk\"")
            .replace("[[band]]\nmin = 0\n", "[[band]]\nmin = 5\n")
            .replace(
                "id = \"a.number\"\ntheme = \"a\"\nkind = \"number\"",
                "id = \"a.number\"\ntheme = \"a\"\nkind = \"number\"\nmil = 2",
            );
        let found = problems(&text);
        assert!(found.contains(&Problem::ReservedOptionId { question: "a.choice".into(), option: "dk".into() }));
        assert!(found.contains(&Problem::BandsNotFromZero(5.0)));
        assert!(found.contains(&Problem::MilOutsideMilTheme { question: "a.number".into(), theme: "a".into() }));
    }

    #[test]
    fn reports_syntax_errors_with_their_position() {
        let checked = check("[questionnaire]\nid = \"x\"\nversion = 1.0.0\n");
        let first = &checked.findings[0];
        assert!(matches!(first.problem, Problem::Syntax(_)));
        assert_eq!(first.pos.unwrap().line, 3);
    }

    #[test]
    fn accepts_semver_versions_only_without_warning() {
        assert!(is_semver("1.0.0"));
        assert!(is_semver("2.10.3-beta.1"));
        assert!(!is_semver("1.0"));
        assert!(!is_semver("v1.0.0"));
    }
}
