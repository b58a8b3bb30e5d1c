//! Reading a questionnaire: from a built-in id or a file, to the typed model, with every problem located.
//!
//! The TOML is parsed once into a spanned tree; each section and each `[[band]]`, `[[theme]]` and
//! `[[question]]` is deserialized on its own, so that one bad question does not hide the problems of the
//! others. Keys that serde ignores are reported as unknown. [`super::validate`] then checks the content,
//! and only a file without errors becomes a [`Questionnaire`].

use std::fmt::{self, Write as _};
use std::path::PathBuf;

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::diagnostic::{Diagnostic, Path, Pos, Seg, closest, toml_span};
use crate::i18n::Lang;
use crate::input;
use crate::path;

use super::raw::{RawKind, RawMeta, RawQuestion, RawQuestionnaire, RawReference, RawScale, RawText};
use super::validate::{Located, Problem, validate};
use super::{Band, Choice, Kind, Question, Questionnaire, Scale, ScoreBand, Text, Theme, builtin};

/// Where a questionnaire came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Compiled into the binary; the file name under `questionnaires/`.
    Builtin(String),
    File(PathBuf),
}

impl fmt::Display for Source {
    /// The name used in messages: the path, or `questionnaires/NAME` for a built-in.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Builtin(name) => write!(f, "questionnaires/{name}"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// A problem with its position resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub problem: Problem,
    pub pos: Option<Pos>,
    /// For duplicates: where the id was first defined.
    pub first: Option<Pos>,
}

impl Finding {
    pub fn diagnostic(&self, file: &str, lang: Lang) -> Diagnostic {
        let mut message = self.problem.message(lang);
        if let Some(first) = self.first {
            let at = format!("{file}:{first}");
            message = format!("{message} ({})", crate::i18n::messages::FIRST_DEFINED_AT.fill(lang, &[&at]));
        }
        Diagnostic { file: file.to_string(), pos: self.pos, severity: self.problem.severity(), message }
    }
}

/// The outcome of checking a questionnaire text: the questionnaire when it has no error, and every finding.
#[derive(Debug)]
pub struct Checked {
    pub questionnaire: Option<Questionnaire>,
    pub findings: Vec<Finding>,
}

/// Why a questionnaire could not be loaded. Both cases are the user's input, so both exit 2.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Read(#[from] input::ReadError),
    #[error("{}", .diagnostics.iter().map(|d| d.render(Lang::En)).collect::<Vec<_>>().join("\n"))]
    Invalid { diagnostics: Vec<Diagnostic> },
    #[error("no built-in questionnaire `{0}`")]
    UnknownBuiltin(String),
}

/// Checks a questionnaire text and, when it has no error, builds the model.
pub fn check_text(text: &str, source: &Source) -> Checked {
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        let findings = syntax_errors
            .into_iter()
            .map(|error| Finding {
                pos: error.span().map(|span| Pos::of_offset(text, span.start)),
                problem: Problem::Syntax(error.message().trim().to_string()),
                first: None,
            })
            .collect();
        return Checked { questionnaire: None, findings };
    }

    let mut located = Vec::new();
    let raw = read_sections(&root, &mut located);
    located.extend(validate(&raw));

    let mut findings: Vec<Finding> = located
        .into_iter()
        .map(|l| Finding {
            pos: Some(Pos::of_offset(text, toml_span(&root, &l.path, l.at_key).start)),
            first: l.first.map(|first| Pos::of_offset(text, toml_span(&root, &first, false).start)),
            problem: l.problem,
        })
        .collect();
    findings.sort_by_key(|f| f.pos);

    let has_errors = findings.iter().any(|f| f.problem.severity() == crate::diagnostic::Severity::Error);
    let questionnaire = if has_errors { None } else { build(raw, sha256_hex(text.as_bytes()), source.clone()) };
    Checked { questionnaire, findings }
}

/// Loads a questionnaire text, failing with every error (warnings are dropped; `validate` shows them).
pub fn load_text(text: &str, source: &Source) -> Result<Questionnaire, LoadError> {
    let checked = check_text(text, source);
    checked.questionnaire.ok_or_else(|| LoadError::Invalid {
        diagnostics: checked
            .findings
            .iter()
            .filter(|f| f.problem.severity() == crate::diagnostic::Severity::Error)
            .map(|f| f.diagnostic(&source.to_string(), Lang::En))
            .collect(),
    })
}

/// Loads a questionnaire file from disk.
pub fn load_file(path: &std::path::Path) -> Result<Questionnaire, LoadError> {
    let text = input::read_text(path, input::QUESTIONNAIRE_LIMIT)?;
    load_text(&text, &Source::File(path.to_path_buf()))
}

/// Reads `-q ID|FILE`: a path to an existing file, or the id of a built-in questionnaire.
/// Also returns the text, for callers that check it themselves.
///
/// A bare built-in id is the built-in even when a file of that name is in the current folder: the unpacked
/// Linux and macOS archives hold the program itself as `kuntakompassi`, which is also the id of the default
/// questionnaire. Such a file is read when named as a path (`./kuntakompassi`).
pub fn load_source(spec: &str) -> Result<(String, Source), LoadError> {
    let path = std::path::Path::new(spec);
    let looks_like_path = spec.ends_with(".toml") || spec.contains('/') || spec.contains('\\');
    if looks_like_path || (path.exists() && builtin::find(spec).is_none()) {
        let text = input::read_text(path, input::QUESTIONNAIRE_LIMIT)?;
        return Ok((text, Source::File(path.to_path_buf())));
    }
    builtin::find(spec)
        .map(|b| (b.text.to_string(), Source::Builtin(b.file_name.to_string())))
        .ok_or_else(|| LoadError::UnknownBuiltin(spec.to_string()))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().fold(String::with_capacity(64), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

/// Deserializes the sections of the document one by one, recording what could not be read.
fn read_sections(root: &Spanned<DeTable<'_>>, out: &mut Vec<Located>) -> RawQuestionnaire {
    let mut raw = RawQuestionnaire::default();
    for (key, value) in root.get_ref() {
        match key.get_ref().as_ref() {
            "questionnaire" => raw.meta = read_item::<RawMeta>(value, &path!["questionnaire"], out),
            "scale" => raw.scale = read_item::<RawScale>(value, &path!["scale"], out),
            name @ ("band" | "theme" | "question") => {
                let name: &'static str = match name {
                    "band" => "band",
                    "theme" => "theme",
                    _ => "question",
                };
                let Some(items) = value.get_ref().as_array() else {
                    out.push(Located::at(path![name], Problem::NotAnArrayOfTables(name)));
                    continue;
                };
                for (index, item) in items.iter().enumerate() {
                    let at = path![name, index];
                    match name {
                        "band" => {
                            if let Some(band) = read_item(item, &at, out) {
                                raw.bands.push((index, band));
                            }
                        }
                        "theme" => {
                            if let Some(id) = item.get_ref().get("id").and_then(|id| id.get_ref().as_str()) {
                                raw.theme_ids_seen.push(id.to_string());
                            }
                            if let Some(theme) = read_item(item, &at, out) {
                                raw.themes.push((index, theme));
                            }
                        }
                        _ => {
                            if let Some(question) = read_item::<RawQuestion>(item, &at, out) {
                                raw.questions.push((index, question));
                            }
                        }
                    }
                }
            }
            other => out.push(Located {
                at_key: true,
                ..Located::at(
                    path![other],
                    Problem::UnknownKey {
                        key: other.to_string(),
                        suggestion: closest(other, ["questionnaire", "scale", "band", "theme", "question"])
                            .map(str::to_string),
                    },
                )
            }),
        }
    }
    for (name, present) in [("questionnaire", raw.meta.is_some()), ("scale", raw.scale.is_some())] {
        if !present && !root.get_ref().contains_key(name) {
            out.push(Located::at(Path::root(), Problem::MissingSection(name)));
        }
    }
    for name in ["theme", "question"] {
        if !root.get_ref().contains_key(name) {
            out.push(Located::at(Path::root(), Problem::MissingSection(name)));
        }
    }
    raw
}

/// Deserializes one item, recording a type error or every unknown key in it.
fn read_item<T: DeserializeOwned + KnownKeys>(
    value: &Spanned<DeValue<'_>>,
    at: &Path,
    out: &mut Vec<Located>,
) -> Option<T> {
    let mut ignored: Vec<Path> = Vec::new();
    let deserializer = ValueDeserializer::from(value.clone());
    let result = serde_ignored::deserialize(deserializer, |path| ignored.push(convert_path(at, &path)));
    for path in ignored {
        let key = match path.0.last() {
            Some(Seg::Key(key)) => key.clone(),
            _ => path.to_string(),
        };
        let context = path.0.iter().rev().nth(2).cloned();
        let known = T::known_keys(context.as_ref());
        let suggestion = closest(&key, known.iter().copied()).map(str::to_string);
        out.push(Located { at_key: true, ..Located::at(path, Problem::UnknownKey { key, suggestion }) });
    }
    match result {
        Ok(item) => Some(item),
        Err(error) => {
            let mut problem = Located::at(at.clone(), Problem::Shape(error.message().trim().to_string()));
            // The deserializer's own span is more precise than the item's path when it has one.
            if let Some(span) = error.span() {
                problem.path = span_path(value, at, span.start);
            }
            out.push(problem);
            None
        }
    }
}

/// The path of the deepest value inside `value` whose span contains `offset`.
fn span_path(value: &Spanned<DeValue<'_>>, at: &Path, offset: usize) -> Path {
    let mut path = at.clone();
    let mut current = value;
    loop {
        let next = match current.get_ref() {
            DeValue::Table(table) => table
                .iter()
                .find(|(k, v)| v.span().contains(&offset) || k.span().contains(&offset))
                .map(|(k, v)| (Seg::Key(k.get_ref().to_string()), v)),
            DeValue::Array(array) => {
                array.iter().enumerate().find(|(_, v)| v.span().contains(&offset)).map(|(i, v)| (Seg::Index(i), v))
            }
            _ => None,
        };
        match next {
            Some((seg, value)) => {
                path = path.join(seg);
                current = value;
            }
            None => return path,
        }
    }
}

fn convert_path(at: &Path, path: &serde_ignored::Path<'_>) -> Path {
    fn walk(path: &serde_ignored::Path<'_>, segs: &mut Vec<Seg>) {
        match path {
            serde_ignored::Path::Root => {}
            serde_ignored::Path::Seq { parent, index } => {
                walk(parent, segs);
                segs.push(Seg::Index(*index));
            }
            serde_ignored::Path::Map { parent, key } => {
                walk(parent, segs);
                segs.push(Seg::Key(key.clone()));
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => walk(parent, segs),
        }
    }
    let mut segs = at.0.clone();
    walk(path, &mut segs);
    Path(segs)
}

/// The keys an item may have, for "did you mean" suggestions; `context` is the key of the nested array
/// the unknown key sits in (`option`, `score_band`), if any.
trait KnownKeys {
    fn known_keys(context: Option<&Seg>) -> &'static [&'static str];
}

impl KnownKeys for RawMeta {
    fn known_keys(_: Option<&Seg>) -> &'static [&'static str] {
        &["id", "version", "languages", "title", "description", "minutes"]
    }
}

impl KnownKeys for RawScale {
    fn known_keys(_: Option<&Seg>) -> &'static [&'static str] {
        &["max", "labels"]
    }
}

impl KnownKeys for super::raw::RawBand {
    fn known_keys(_: Option<&Seg>) -> &'static [&'static str] {
        &["min", "name", "description"]
    }
}

impl KnownKeys for super::raw::RawTheme {
    fn known_keys(_: Option<&Seg>) -> &'static [&'static str] {
        &["id", "title", "description", "weight", "mil"]
    }
}

impl KnownKeys for RawQuestion {
    fn known_keys(context: Option<&Seg>) -> &'static [&'static str] {
        match context {
            Some(Seg::Key(key)) if key == "option" => &["id", "label", "points"],
            Some(Seg::Key(key)) if key == "score_band" => &["min", "score", "label"],
            _ => &[
                "id",
                "theme",
                "kind",
                "text",
                "help",
                "short",
                "weight",
                "allow_na",
                "levels",
                "next_steps",
                "advice",
                "references",
                "mil",
                "option",
                "max_points",
                "unit",
                "min",
                "max",
                "score_band",
            ],
        }
    }
}

fn text(raw: RawText) -> Text {
    Text(raw)
}

/// Builds the typed model from a raw questionnaire that passed validation. Returns `None` only if a
/// required section is missing, which validation reports as an error first.
fn build(raw: RawQuestionnaire, sha256: String, source: Source) -> Option<Questionnaire> {
    let meta = raw.meta?;
    let scale = raw.scale?;
    let first_language = meta.languages.first().cloned().unwrap_or_else(|| "fi".to_string());
    let themes: Vec<Theme> = raw
        .themes
        .into_iter()
        .map(|(_, t)| Theme {
            id: t.id,
            title: text(t.title),
            description: t.description.map(text),
            weight: t.weight,
            mil: t.mil,
        })
        .collect();
    let questions = raw
        .questions
        .into_iter()
        .map(|(_, q)| {
            let theme = themes.iter().position(|t| t.id == q.theme)?;
            let options = || {
                q.options
                    .clone()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|o| Choice { id: o.id, label: text(o.label), points: o.points })
                    .collect::<Vec<_>>()
            };
            let kind = match q.kind {
                RawKind::Level => Kind::Level {
                    levels: q.levels.clone().unwrap_or_default().into_iter().map(text).collect(),
                    next_steps: q.next_steps.clone().unwrap_or_default().into_iter().map(text).collect(),
                },
                RawKind::Choice => Kind::Choice { options: options() },
                RawKind::Multi => {
                    let options = options();
                    let max_points = q.max_points.unwrap_or_else(|| options.iter().map(|o| o.points).sum());
                    Kind::Multi { options, max_points }
                }
                RawKind::Yesno => Kind::YesNo,
                RawKind::Number => Kind::Number {
                    unit: q.unit.clone().map(text),
                    min: q.min,
                    max: q.max,
                    bands: q
                        .score_bands
                        .clone()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|b| ScoreBand { min: b.min, score: b.score, label: b.label.map(text) })
                        .collect(),
                },
                RawKind::Text => Kind::Text,
            };
            Some(Question {
                id: q.id,
                theme,
                text: text(q.text),
                help: q.help.map(text),
                short: q.short.map(text),
                weight: q.weight,
                allow_na: q.allow_na,
                references: q
                    .references
                    .into_iter()
                    .map(|reference| match reference {
                        RawReference::Plain(plain) => Text([(first_language.clone(), plain)].into()),
                        RawReference::Localized(localized) => text(localized),
                    })
                    .collect(),
                mil: q.mil.and_then(|mil| u8::try_from(mil).ok()),
                advice: q.advice.map(text),
                kind,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Questionnaire {
        id: meta.id,
        version: meta.version,
        languages: meta.languages,
        title: text(meta.title),
        description: meta.description.map(text),
        minutes: meta.minutes,
        scale: Scale { max: scale.max, labels: scale.labels.into_iter().map(text).collect() },
        bands: raw
            .bands
            .into_iter()
            .map(|(_, b)| Band { min: b.min, name: text(b.name), description: b.description.map(text) })
            .collect(),
        themes,
        questions,
        sha256,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::{SMALL, small};

    #[test]
    fn builds_every_kind_with_its_own_data() {
        let q = small();
        assert_eq!(q.questions.len(), 8);
        assert!(
            matches!(&q.questions[0].kind, Kind::Level { levels, next_steps } if levels.len() == 5 && next_steps.len() == 4)
        );
        assert!(
            matches!(&q.question("a.multi").unwrap().kind, Kind::Multi { max_points, .. } if (*max_points - 3.0).abs() < 1e-12)
        );
        assert_eq!(q.question("t.two").unwrap().mil, Some(2));
        assert_eq!(q.themes[q.question("x.free").unwrap().theme].id, "x");
        assert_eq!(q.sha256, sha256_hex(SMALL.as_bytes()));
        assert_eq!(q.sha256.len(), 64);
    }

    #[test]
    fn multi_max_points_defaults_to_the_sum_of_the_options() {
        let q = load_text(&SMALL.replace("max_points = 3.0\n", ""), &Source::Builtin("t".into())).unwrap();
        assert!(
            matches!(&q.question("a.multi").unwrap().kind, Kind::Multi { max_points, .. } if (*max_points - 5.0).abs() < 1e-12)
        );
    }

    #[test]
    fn a_reference_is_a_plain_string_or_a_table_of_languages() {
        let text = SMALL.replace(
            "text = { fi = \"Taso?\", sv = \"Nivå?\", en = \"Level?\" }",
            "text = { fi = \"Taso?\", sv = \"Nivå?\", en = \"Level?\" }\nreferences = [\"C2M2: ACCESS\", { fi = \"Laki 1/2000, 2 luku\", sv = \"Lag 1/2000, 2 kap.\", en = \"Act 1/2000, chapter 2\" }]",
        );
        let q = load_text(&text, &Source::Builtin("t".into())).unwrap();
        let references = &q.question("a.level").unwrap().references;
        assert_eq!(references.len(), 2);
        // A plain string reads the same in every language; a table in each language.
        assert_eq!(q.text(&references[0], Lang::Sv), "C2M2: ACCESS");
        assert_eq!(q.text(&references[1], Lang::Sv), "Lag 1/2000, 2 kap.");
        assert_eq!(q.text(&references[1], Lang::En), "Act 1/2000, chapter 2");
        assert!(
            check_text(&text, &Source::Builtin("t".into()))
                .findings
                .iter()
                .all(|f| f.problem.severity() != crate::diagnostic::Severity::Error)
        );
    }

    #[test]
    fn reports_an_unknown_key_at_the_key_with_a_suggestion() {
        let text = SMALL.replace("allow_na = true\ntext = { fi = \"Taso?\"", "alow_na = true\ntext = { fi = \"Taso?\"");
        let checked = check_text(&text, &Source::Builtin("t".into()));
        let finding = checked.findings.iter().find(|f| matches!(f.problem, Problem::UnknownKey { .. })).unwrap();
        assert_eq!(finding.problem, Problem::UnknownKey { key: "alow_na".into(), suggestion: Some("allow_na".into()) });
        let line = text.lines().position(|l| l.starts_with("alow_na")).unwrap() + 1;
        assert_eq!(finding.pos, Some(Pos { line, column: 1 }));
    }

    #[test]
    fn reports_a_value_of_the_wrong_type_where_it_is() {
        let text = SMALL.replace("weight = 2.0\nallow_na = true", "weight = \"heavy\"\nallow_na = true");
        let checked = check_text(&text, &Source::Builtin("t".into()));
        let finding = checked.findings.iter().find(|f| matches!(f.problem, Problem::Shape(_))).unwrap();
        let line = text.lines().position(|l| l.starts_with("weight = \"heavy\"")).unwrap() + 1;
        assert_eq!(finding.pos.unwrap().line, line, "{finding:?}");
        assert!(checked.questionnaire.is_none());
    }

    #[test]
    fn a_single_table_where_an_array_of_tables_belongs_is_an_error() {
        let text = SMALL.replacen("[[theme]]\nid = \"a\"", "[theme]\nid = \"a\"", 1);
        let checked = check_text(&text, &Source::Builtin("t".into()));
        assert!(checked.findings.iter().any(|f| f.problem != Problem::Syntax(String::new())));
        assert!(checked.questionnaire.is_none());
    }
}
