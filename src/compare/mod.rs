//! Comparing the reports of many municipalities: the matrix, peer groups, shared weak spots and change over
//! time. Pure functions over report records; reading files is `commands::compare`'s job.

pub mod stats;
pub mod summary_input;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::i18n::{Lang, messages as m};
use crate::regions::{SIZE_CLASSES, size_class, size_class_name};
use crate::report::{Report, Status};

use stats::Stats;

/// How municipalities are grouped for the group statistics and the difference to the group mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Region,
    SizeClass,
    None,
}

impl GroupBy {
    /// The grouping's name in the comparison's JSON.
    fn name(self) -> &'static str {
        match self {
            GroupBy::Region => "region",
            GroupBy::SizeClass => "size-class",
            GroupBy::None => "none",
        }
    }

    /// The name of the group a report falls in, in the output language.
    fn group_of(self, report: &Report, lang: Lang) -> String {
        match self {
            GroupBy::Region => report
                .respondent
                .region
                .as_deref()
                .map_or_else(|| m::C_UNKNOWN.get(lang).to_string(), |name| region_name(name, lang)),
            GroupBy::SizeClass => report
                .respondent
                .population
                .map_or_else(|| m::C_UNKNOWN.get(lang).to_string(), |p| size_class_name(size_class(p), lang)),
            GroupBy::None => m::C_ALL.get(lang).to_string(),
        }
    }

    /// Size classes in their order, smallest first, as their names do not sort so; other groups by name.
    fn order_of(self, report: &Report) -> usize {
        match self {
            GroupBy::SizeClass => report.respondent.population.map_or(SIZE_CLASSES.len(), size_class),
            GroupBy::Region | GroupBy::None => 0,
        }
    }
}

/// A report and the file it came from.
#[derive(Debug, Clone)]
pub struct Input {
    pub file: String,
    pub report: Report,
    /// A row of a batch summary: scores of the overall index and the themes only, no questions.
    pub from_summary: bool,
}

impl Input {
    /// A report read from its own file.
    pub fn report(file: impl Into<String>, report: Report) -> Input {
        Input { file: file.into(), report, from_summary: false }
    }
}

/// Why reports cannot be compared; both are the user's input.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CompareError {
    #[error("nothing to compare")]
    Empty,
    #[error("reports of different questionnaires")]
    MixedQuestionnaires(BTreeMap<String, Vec<String>>),
}

impl CompareError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CompareError::Empty => m::C_NOTHING.get(lang).to_string(),
            CompareError::MixedQuestionnaires(by_id) => {
                let parts: Vec<String> =
                    by_id.iter().map(|(id, files)| format!("`{id}`: {}", files.join(", "))).collect();
                m::C_MIXED.fill(lang, &[&parts.join("; ")])
            }
        }
    }
}

/// Something the reader should know about the inputs: duplicates, versions compared on what they share,
/// rows of batch summaries (which carry no question scores).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    Duplicate {
        file: String,
        same_as: String,
    },
    Versions {
        versions: Vec<String>,
        left_out: Vec<String>,
        shared_share: f64,
    },
    /// `rows` of the compared results came from the batch summaries `files` (empty when anonymised).
    FromSummary {
        files: Vec<String>,
        rows: usize,
    },
    /// Reports whose questionnaire was not at hand in the output language keep their stored texts, in
    /// `languages` (codes); `files` is empty when anonymised.
    TextsKept {
        files: Vec<String>,
        languages: Vec<String>,
    },
}

impl Notice {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::Duplicate { file, same_as } => m::C_DUPLICATE.fill(lang, &[file, same_as]),
            Notice::Versions { versions, left_out, shared_share } => m::C_VERSIONS.fill(
                lang,
                &[&versions.join(", "), &crate::i18n::decimal(lang, shared_share * 100.0, 0), &left_out.join(", ")],
            ),
            Notice::FromSummary { rows, .. } => m::C_FROM_SUMMARY.fill(lang, &[rows]),
            Notice::TextsKept { files, languages } => {
                let names: Vec<String> =
                    languages.iter().map(|code| crate::render::wording::language_name(code, lang)).collect();
                let listed = if files.is_empty() { String::new() } else { format!(": {}", files.join(", ")) };
                m::C_TEXTS_KEPT.fill(lang, &[&names.join(", "), &listed])
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeInfo {
    pub id: String,
    pub title: String,
    /// The theme reports a maturity indicator level.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub mil: bool,
}

/// One municipality's latest report in the matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub municipality: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub municipality_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_class: Option<String>,
    pub group: String,
    pub date: Option<String>,
    pub overall: Option<f64>,
    pub band: Option<String>,
    pub band_index: Option<usize>,
    pub rank: Option<usize>,
    pub overall_diff: Option<f64>,
    /// Theme id → the theme's score, band and difference to the group's mean.
    pub themes: BTreeMap<String, Cell>,
    /// MIL theme id → the municipality's maturity level and what blocks the next one.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub mil: BTreeMap<String, MilCell>,
}

/// A municipality's maturity level in one MIL theme, as its report records it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilCell {
    pub level: u8,
    /// The next level; `None` at the top, or when the report records the level only.
    pub next: Option<u8>,
    /// The short names of the practices that block the next level; `None` when the report records the level
    /// only (a batch summary row, or a report written before the path was recorded). Empty with a `next`
    /// that the answers cannot reach.
    pub blocking: Option<Vec<String>>,
    /// The ids of those practices, for scripts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocking_questions: Vec<String>,
}

impl MilCell {
    /// What the next level needs, in words: "to reach 1: backups and a tested restore; …", "the top level".
    pub fn needs(&self, lang: Lang) -> String {
        match (self.next, &self.blocking) {
            (_, None) => m::C_MIL_UNKNOWN.get(lang).to_string(),
            (None, Some(_)) => m::C_MIL_TOP.get(lang).to_string(),
            (Some(next), Some(names)) if names.is_empty() => m::C_MIL_UNREACHABLE.fill(lang, &[&next]),
            (Some(next), Some(names)) => m::C_MIL_TO_LEVEL.fill(lang, &[&next, &names.join("; ")]),
        }
    }
}

/// A practice that blocks the next maturity level of several municipalities: a shared obstacle for joint
/// regional work.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilBlocker {
    pub theme: String,
    pub question: String,
    pub text: String,
    /// A few words naming the practice.
    pub name: String,
    /// The practice's level, which is the level it keeps the municipalities from.
    pub mil: u8,
    /// The answer that would count as achieved, in words.
    pub needed: String,
    /// The municipalities it blocks, in the matrix's order.
    pub municipalities: Vec<String>,
    /// Of how many compared municipalities whose reports record what blocks their next level in this theme.
    pub of: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub score: Option<f64>,
    pub band: Option<String>,
    pub band_index: Option<usize>,
    pub diff: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub name: String,
    pub municipalities: usize,
    pub overall: Option<Stats>,
    pub themes: BTreeMap<String, Option<Stats>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeakSpot {
    pub question: String,
    pub theme: String,
    pub text: String,
    /// Mean score 0–1 over the municipalities that answered.
    pub mean: f64,
    pub answered: usize,
    /// How many score below the middle of the scale (0.5).
    pub below_middle: usize,
    pub next_step: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub municipality: String,
    pub from: Option<String>,
    pub to: Option<String>,
    /// The change of the overall index, latest minus earliest.
    pub overall: Option<f64>,
    /// The overall index of the earliest and of the latest report.
    pub overall_first: Option<f64>,
    pub overall_last: Option<f64>,
    /// Theme id → the change of the theme's score.
    pub themes: BTreeMap<String, Option<f64>>,
    /// Theme id → the theme's score in the earliest and in the latest report.
    pub themes_first: BTreeMap<String, Option<f64>>,
    pub themes_last: BTreeMap<String, Option<f64>>,
    /// (date, overall index) of every report, oldest first.
    pub series: Vec<(Option<String>, Option<f64>)>,
}

/// The whole comparison: what every rendering shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub schema: &'static str,
    pub questionnaire: String,
    pub versions: Vec<String>,
    pub group_by: &'static str,
    pub anonymized: bool,
    pub themes: Vec<ThemeInfo>,
    pub bands: Vec<(f64, String)>,
    pub rows: Vec<Row>,
    pub groups: Vec<Group>,
    pub weak_spots: Vec<WeakSpot>,
    /// The practices that block the next maturity level of at least two municipalities, most often first.
    pub mil_blockers: Vec<MilBlocker>,
    pub changes: Vec<Change>,
    pub notices: Vec<Notice>,
    /// The language of the questionnaire's texts shown (theme titles, questions, next steps) when it is not
    /// the output's: every report kept its stored texts, its questionnaire not at hand in the language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub texts_language: Option<String>,
}

impl Comparison {
    /// The band of a score by the comparison's band thresholds: its index and name.
    pub fn band(&self, score: Option<f64>) -> Option<(usize, &str)> {
        band_of(&self.bands, score).map(|i| (i, self.bands[i].1.as_str()))
    }
}

/// The index of a score's band among (min, name) thresholds.
fn band_of(bands: &[(f64, String)], score: Option<f64>) -> Option<usize> {
    crate::questionnaire::band_at(bands.iter().map(|(min, _)| *min), score?)
}

/// How many weak spots the comparison lists.
pub const WEAK_SPOTS: usize = 10;
/// A group smaller than this is left out of published (anonymised) statistics.
pub const MIN_PUBLISHED_GROUP: usize = 3;

/// The identity of a municipality across reports: its code when it has one, else its name.
fn identity(report: &Report) -> String {
    let r = &report.respondent;
    r.municipality_code.clone().unwrap_or_else(|| r.municipality.trim().to_lowercase())
}

/// A report's date for ordering: the assessment date, else the creation time.
fn date(report: &Report) -> String {
    report.respondent.date.clone().unwrap_or_else(|| report.created.clone())
}

pub fn compare(inputs: &[Input], group_by: GroupBy, anonymize: bool, lang: Lang) -> Result<Comparison, CompareError> {
    one_questionnaire(inputs)?;
    let mut notices = Vec::new();
    let unique = deduplicate(inputs, &mut notices);
    notices.extend(from_summary_notice(&unique));
    notices.extend(texts_kept_notice(&unique, lang));
    let mut shared = Shared::of(&unique);
    notices.extend(shared.notice.take());

    // The latest report's theme titles and bands name things in every rendering.
    let newest = newest(&unique, lang);
    let themes: Vec<ThemeInfo> = newest
        .report
        .themes
        .iter()
        .filter(|t| shared.themes.contains(t.id.as_str()))
        .map(|t| ThemeInfo { id: t.id.clone(), title: t.title.clone(), mil: t.mil.is_some() })
        .collect();
    let bands: Vec<(f64, String)> = newest.report.bands.iter().map(|b| (b.min, b.name.clone())).collect();

    let by_municipality = by_municipality(&unique);
    let latest: Vec<&Report> = by_municipality.values().map(|reports| *reports.last().unwrap()).collect();
    let groups = groups(&latest, &themes, group_by, lang);
    let matrix =
        Matrix { themes: &themes, bands: &bands, shared_themes: &shared.themes, groups: &groups, group_by, lang };
    let mut rows: Vec<Row> = latest.iter().map(|report| matrix.row(report)).collect();
    rank(&mut rows);

    let weak_spots = weak_spots(&latest, &shared.questions, lang);
    let mil_blockers = mil_blockers(&rows, &latest, &shared.questions);
    let changes = changes(&by_municipality, &themes);

    // Only when no report has its texts in the output language do the shown texts stand in another.
    let in_lang = unique.iter().any(|i| i.report.questionnaire.language == lang.code());
    let texts_language = (!in_lang).then(|| newest.report.questionnaire.language.clone());
    let mut comparison = Comparison {
        schema: "kuntakompassi.comparison/1",
        questionnaire: newest.report.questionnaire.id.clone(),
        versions: shared.versions.into_iter().collect(),
        group_by: group_by.name(),
        anonymized: anonymize,
        themes,
        bands,
        rows,
        groups,
        weak_spots,
        mil_blockers,
        changes,
        notices,
        texts_language,
    };
    if anonymize {
        anonymise(&mut comparison, lang);
    }
    Ok(comparison)
}

/// Refuses an empty comparison and one of reports of several questionnaires, naming each one's files.
fn one_questionnaire(inputs: &[Input]) -> Result<(), CompareError> {
    if inputs.is_empty() {
        return Err(CompareError::Empty);
    }
    let mut by_id: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for input in inputs {
        by_id.entry(input.report.questionnaire.id.clone()).or_default().push(input.file.clone());
    }
    if by_id.len() > 1 {
        return Err(CompareError::MixedQuestionnaires(by_id));
    }
    Ok(())
}

/// The inputs with each duplicate (same municipality and date) left out and noticed, so that it counts once.
fn deduplicate<'a>(inputs: &'a [Input], notices: &mut Vec<Notice>) -> Vec<&'a Input> {
    let mut seen: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut unique: Vec<&Input> = Vec::new();
    for input in inputs {
        let key = (identity(&input.report), date(&input.report));
        match seen.get(&key) {
            Some(first) => notices.push(Notice::Duplicate { file: input.file.clone(), same_as: first.clone() }),
            None => {
                seen.insert(key, input.file.clone());
                unique.push(input);
            }
        }
    }
    unique
}

/// How many of the compared results are rows of batch summaries, and of which files.
fn from_summary_notice(unique: &[&Input]) -> Option<Notice> {
    let summary_files: BTreeSet<&str> = unique
        .iter()
        .filter(|i| i.from_summary)
        .map(|i| i.file.rsplit_once('#').map_or(i.file.as_str(), |(file, _)| file))
        .collect();
    let summary_rows = unique.iter().filter(|i| i.from_summary).count();
    (summary_rows > 0).then(|| Notice::FromSummary {
        files: summary_files.iter().map(|f| (*f).to_string()).collect(),
        rows: summary_rows,
    })
}

/// The reports that keep their stored texts, as they are in another language than the output.
fn texts_kept_notice(unique: &[&Input], lang: Lang) -> Option<Notice> {
    let kept: Vec<&Input> = unique.iter().copied().filter(|i| i.report.questionnaire.language != lang.code()).collect();
    if kept.is_empty() {
        return None;
    }
    let languages: BTreeSet<String> = kept.iter().map(|i| i.report.questionnaire.language.clone()).collect();
    Some(Notice::TextsKept {
        files: kept.iter().map(|i| i.file.clone()).collect(),
        languages: languages.into_iter().collect(),
    })
}

/// What the reports of all the compared versions have in common: other versions are compared on the themes
/// and questions every report has (summary rows have no questions).
struct Shared<'a> {
    versions: BTreeSet<String>,
    themes: BTreeSet<&'a str>,
    questions: BTreeSet<&'a str>,
    /// What is left out, when there is more than one version.
    notice: Option<Notice>,
}

impl<'a> Shared<'a> {
    fn of(unique: &[&'a Input]) -> Shared<'a> {
        let versions: BTreeSet<String> = unique.iter().map(|i| i.report.questionnaire.version.clone()).collect();
        // Reports of one version list the same ids in the same order: each distinct list is made a set once.
        let theme_lists: BTreeSet<Vec<&str>> =
            unique.iter().map(|i| i.report.themes.iter().map(|t| t.id.as_str()).collect()).collect();
        let question_lists: BTreeSet<Vec<&str>> = unique
            .iter()
            .filter(|i| !i.from_summary)
            .map(|i| i.report.questions.iter().filter(|q| q.status != Status::Text).map(|q| q.id.as_str()).collect())
            .collect();
        let theme_sets: Vec<BTreeSet<&str>> = theme_lists.iter().map(|ids| ids.iter().copied().collect()).collect();
        let question_sets: Vec<BTreeSet<&str>> =
            question_lists.iter().map(|ids| ids.iter().copied().collect()).collect();
        let themes = intersection(&theme_sets);
        let questions = intersection(&question_sets);
        let notice = (versions.len() > 1).then(|| {
            let all_questions: BTreeSet<&str> = question_sets.iter().flatten().copied().collect();
            let all_themes: BTreeSet<&str> = theme_sets.iter().flatten().copied().collect();
            let mut left_out: Vec<String> = all_themes.difference(&themes).map(|s| (*s).to_string()).collect();
            left_out.extend(all_questions.difference(&questions).map(|s| (*s).to_string()));
            let share = questions.len() as f64 / all_questions.len().max(1) as f64;
            Notice::Versions { versions: versions.iter().cloned().collect(), left_out, shared_share: share }
        });
        Shared { versions, themes, questions, notice }
    }
}

/// The report whose texts name things: of the newest version, in the output language if one is, the latest.
fn newest<'a>(unique: &[&'a Input], lang: Lang) -> &'a Input {
    unique
        .iter()
        .copied()
        .max_by_key(|i| {
            let in_lang = i.report.questionnaire.language == lang.code();
            (i.report.questionnaire.version.clone(), in_lang, date(&i.report))
        })
        .unwrap()
}

/// Every municipality's reports, oldest first.
fn by_municipality<'a>(unique: &[&'a Input]) -> BTreeMap<String, Vec<&'a Report>> {
    let mut by_municipality: BTreeMap<String, Vec<&Report>> = BTreeMap::new();
    for input in unique {
        by_municipality.entry(identity(&input.report)).or_default().push(&input.report);
    }
    for reports in by_municipality.values_mut() {
        reports.sort_by_key(|r| date(r));
    }
    by_municipality
}

/// The statistics of each group's latest reports, the groups in their order.
fn groups(latest: &[&Report], themes: &[ThemeInfo], group_by: GroupBy, lang: Lang) -> Vec<Group> {
    let mut members: BTreeMap<(usize, String), Vec<&Report>> = BTreeMap::new();
    for report in latest {
        members.entry((group_by.order_of(report), group_by.group_of(report, lang))).or_default().push(report);
    }
    members
        .into_iter()
        .map(|((_, name), reports)| {
            let overall = Stats::of(reports.iter().filter_map(|r| r.overall.score));
            let theme_stats = themes
                .iter()
                .map(|t| (t.id.clone(), Stats::of(reports.iter().filter_map(|r| theme_score(r, &t.id)))))
                .collect();
            Group { name, municipalities: reports.len(), overall, themes: theme_stats }
        })
        .collect()
}

fn theme_score(report: &Report, id: &str) -> Option<f64> {
    report.themes.iter().find(|t| t.id == id).and_then(|t| t.score)
}

/// What a row of the matrix is made of besides its report.
struct Matrix<'a> {
    themes: &'a [ThemeInfo],
    bands: &'a [(f64, String)],
    shared_themes: &'a BTreeSet<&'a str>,
    groups: &'a [Group],
    group_by: GroupBy,
    lang: Lang,
}

impl Matrix<'_> {
    /// A municipality's row, unranked: its scores with their bands and differences to its group's means.
    fn row(&self, report: &Report) -> Row {
        let group_name = self.group_by.group_of(report, self.lang);
        let group = self.groups.iter().find(|g| g.name == group_name);
        let r = &report.respondent;
        let cells = self
            .themes
            .iter()
            .map(|t| {
                let score = theme_score(report, &t.id);
                let mean = group.and_then(|g| g.themes.get(&t.id).cloned().flatten()).map(|s| s.mean);
                let (band, band_index) = self.band(score);
                (t.id.clone(), Cell { score, band, band_index, diff: score.zip(mean).map(|(s, m)| s - m) })
            })
            .collect();
        let (overall_band, overall_index) = self.band(report.overall.score);
        Row {
            municipality: r.municipality.clone(),
            municipality_code: r.municipality_code.clone(),
            region: r.region.as_deref().map(|name| region_name(name, self.lang)),
            size_class: r.population.map(|p| size_class_name(size_class(p), self.lang)),
            group: group_name,
            date: r.date.clone(),
            overall: report.overall.score,
            band: overall_band,
            band_index: overall_index,
            rank: None,
            overall_diff: report
                .overall
                .score
                .zip(group.and_then(|g| g.overall.as_ref()).map(|s| s.mean))
                .map(|(s, m)| s - m),
            themes: cells,
            mil: mil_cells(report, self.shared_themes),
        }
    }

    fn band(&self, score: Option<f64>) -> (Option<String>, Option<usize>) {
        let index = band_of(self.bands, score);
        (index.map(|i| self.bands[i].1.clone()), index)
    }
}

/// A report's maturity level in each shared MIL theme, with what blocks the next one.
fn mil_cells(report: &Report, shared_themes: &BTreeSet<&str>) -> BTreeMap<String, MilCell> {
    report
        .themes
        .iter()
        .filter(|t| shared_themes.contains(t.id.as_str()))
        .filter_map(|t| {
            let blocking = t.mil_blocking.as_ref().map(|b| b.iter().map(|b| b.name.clone()).collect());
            let blocking_questions = t.mil_blocking.iter().flatten().map(|b| b.question.clone()).collect();
            Some((t.id.clone(), MilCell { level: t.mil?, next: t.mil_next, blocking, blocking_questions }))
        })
        .collect()
}

/// Orders the matrix best first and ranks it.
fn rank(rows: &mut [Row]) {
    rows.sort_by(|a, b| {
        b.overall
            .unwrap_or(f64::NEG_INFINITY)
            .total_cmp(&a.overall.unwrap_or(f64::NEG_INFINITY))
            .then_with(|| a.municipality.cmp(&b.municipality))
    });
    // Competition ranking: equal indexes share a rank; municipalities without an index get none.
    for i in 0..rows.len() {
        if rows[i].overall.is_none() {
            continue;
        }
        rows[i].rank = if i > 0 && rows[i - 1].overall == rows[i].overall { rows[i - 1].rank } else { Some(i + 1) };
    }
}

/// A region's name in the output's language (the official English names in English), so that a report
/// written in Swedish and one in Finnish fall in the same group; a name not in the list as written.
fn region_name(name: &str, lang: Lang) -> String {
    crate::regions::find(name).map_or_else(|| name.trim().to_string(), |region| region.name(lang).to_string())
}

fn intersection<'a>(sets: &[BTreeSet<&'a str>]) -> BTreeSet<&'a str> {
    let mut iter = sets.iter();
    let first = iter.next().cloned().unwrap_or_default();
    iter.fold(first, |acc, set| acc.intersection(set).copied().collect())
}

/// The shared questions with the lowest mean score, with the next step most municipalities are given.
/// Only full reports count: a summary row (no questions) has nothing to say about a question. The
/// question's text and the steps come from reports whose texts are in the output language (all of them
/// when none is), so that one report kept in another language neither mixes languages nor, anonymised,
/// points to its municipality.
fn weak_spots(latest: &[&Report], shared: &BTreeSet<&str>, lang: Lang) -> Vec<WeakSpot> {
    let latest: Vec<&Report> = latest.iter().copied().filter(|r| !r.questions.is_empty()).collect();
    let latest = latest.as_slice();
    let mut spots = Vec::new();
    let in_lang: Vec<&Report> = latest.iter().copied().filter(|r| r.questionnaire.language == lang.code()).collect();
    let worded = if in_lang.is_empty() { latest } else { in_lang.as_slice() };
    let Some(first) = worded.first() else { return spots };
    // Each report's next step per question (its first that is not for a "don't know"), looked up once.
    let steps_of: Vec<BTreeMap<&str, &str>> = worded
        .iter()
        .map(|report| {
            let mut steps = BTreeMap::new();
            for step in report.roadmap.iter().filter(|s| !s.dont_know) {
                steps.entry(step.question.as_str()).or_insert(step.next_step.as_str());
            }
            steps
        })
        .collect();
    for (i, question) in first.questions.iter().enumerate().filter(|(_, q)| shared.contains(q.id.as_str())) {
        // Reports of one questionnaire version list the questions in the same order: look there first.
        let find = |r: &&Report| {
            r.questions
                .get(i)
                .filter(|q| q.id == question.id)
                .or_else(|| r.questions.iter().find(|q| q.id == question.id))
                .and_then(|q| q.score)
        };
        let scores: Vec<f64> = latest.iter().filter_map(find).collect();
        let mean = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
        // A practice fully in place everywhere is nobody's weak spot.
        if scores.is_empty() || mean >= 1.0 {
            continue;
        }
        let mut steps: BTreeMap<&str, usize> = BTreeMap::new();
        for report_steps in &steps_of {
            if let Some(step) = report_steps.get(question.id.as_str()) {
                *steps.entry(step).or_default() += 1;
            }
        }
        let next_step =
            steps.into_iter().max_by_key(|(text, n)| (*n, std::cmp::Reverse(*text))).map(|(t, _)| t.to_string());
        spots.push(WeakSpot {
            question: question.id.clone(),
            theme: question.theme.clone(),
            text: question.text.clone(),
            mean,
            answered: scores.len(),
            below_middle: scores.iter().filter(|s| **s < 0.5).count(),
            next_step,
        });
    }
    spots.sort_by(|a, b| a.mean.total_cmp(&b.mean).then_with(|| b.below_middle.cmp(&a.below_middle)));
    spots.truncate(WEAK_SPOTS);
    spots
}

/// The practices that block the next maturity level of at least two municipalities (their latest reports), most
/// often blocking first, then the lower level, then questionnaire order; at most [`WEAK_SPOTS`]. Only shared
/// questions count, and only reports that record what blocks (a batch summary row does not).
fn mil_blockers(rows: &[Row], latest: &[&Report], shared: &BTreeSet<&str>) -> Vec<MilBlocker> {
    // Municipalities in the matrix's order, so that every list of names reads the same way.
    let order: BTreeMap<(&str, Option<&str>), usize> =
        rows.iter().enumerate().map(|(i, row)| ((row.municipality.as_str(), row.date.as_deref()), i)).collect();
    let mut reports: Vec<&Report> = latest.to_vec();
    reports.sort_by_key(|r| {
        order.get(&(r.respondent.municipality.as_str(), r.respondent.date.as_deref())).copied().unwrap_or(usize::MAX)
    });
    // (theme, question) → the blocker, in the order the questions first appear.
    let mut found: Vec<MilBlocker> = Vec::new();
    let mut of: BTreeMap<&str, usize> = BTreeMap::new();
    let mut position: BTreeMap<&str, usize> = BTreeMap::new();
    for report in &reports {
        for (i, q) in report.questions.iter().enumerate() {
            position.entry(q.id.as_str()).or_insert(i);
        }
        for theme in &report.themes {
            let Some(blocking) = &theme.mil_blocking else { continue };
            *of.entry(theme.id.as_str()).or_default() += 1;
            for practice in blocking.iter().filter(|b| shared.contains(b.question.as_str())) {
                let municipality = report.respondent.municipality.clone();
                match found.iter_mut().find(|f| f.theme == theme.id && f.question == practice.question) {
                    Some(blocker) => blocker.municipalities.push(municipality),
                    None => found.push(MilBlocker {
                        theme: theme.id.clone(),
                        question: practice.question.clone(),
                        text: practice.text.clone(),
                        name: practice.name.clone(),
                        mil: practice.mil,
                        needed: practice.needed.clone(),
                        municipalities: vec![municipality],
                        of: 0,
                    }),
                }
            }
        }
    }
    for blocker in &mut found {
        blocker.of = of.get(blocker.theme.as_str()).copied().unwrap_or(0);
    }
    found.retain(|b| b.municipalities.len() >= 2);
    found.sort_by_key(|b| {
        (
            std::cmp::Reverse(b.municipalities.len()),
            b.mil,
            position.get(b.question.as_str()).copied().unwrap_or(usize::MAX),
        )
    });
    found.truncate(WEAK_SPOTS);
    found
}

fn changes(by_municipality: &BTreeMap<String, Vec<&Report>>, themes: &[ThemeInfo]) -> Vec<Change> {
    by_municipality
        .values()
        .filter(|reports| reports.len() > 1)
        .map(|reports| {
            let (first, last) = (reports[0], reports[reports.len() - 1]);
            let scores = |r: &Report| themes.iter().map(|t| (t.id.clone(), theme_score(r, &t.id))).collect();
            Change {
                municipality: last.respondent.municipality.clone(),
                from: first.respondent.date.clone(),
                to: last.respondent.date.clone(),
                overall: last.overall.score.zip(first.overall.score).map(|(b, a)| b - a),
                overall_first: first.overall.score,
                overall_last: last.overall.score,
                themes: themes
                    .iter()
                    .map(|t| {
                        (t.id.clone(), theme_score(last, &t.id).zip(theme_score(first, &t.id)).map(|(b, a)| b - a))
                    })
                    .collect(),
                themes_first: scores(first),
                themes_last: scores(last),
                series: reports.iter().map(|r| (r.respondent.date.clone(), r.overall.score)).collect(),
            }
        })
        .collect()
}

/// "Kunta A", "Kunta B" … in the matrix's order; names, codes, regions and size classes left out, and groups
/// of fewer than three municipalities dropped, so that a published summary reveals no one's answers.
fn anonymise(c: &mut Comparison, lang: Lang) {
    // Rows that tie on the index were ordered by name: order them by what is published instead (the theme
    // scores in theme order), so that the letters say nothing of the names.
    let order: Vec<String> = c.themes.iter().map(|t| t.id.clone()).collect();
    let published_scores = |row: &Row| -> Vec<f64> {
        std::iter::once(row.overall)
            .chain(order.iter().map(|id| row.themes.get(id).and_then(|cell| cell.score)))
            .map(|score| score.unwrap_or(f64::NEG_INFINITY))
            .collect()
    };
    c.rows.sort_by(|a, b| {
        let (a, b) = (published_scores(a), published_scores(b));
        b.iter().zip(&a).map(|(b, a)| b.total_cmp(a)).find(|o| o.is_ne()).unwrap_or(std::cmp::Ordering::Equal)
    });
    let published: BTreeSet<String> =
        c.groups.iter().filter(|g| g.municipalities >= MIN_PUBLISHED_GROUP).map(|g| g.name.clone()).collect();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for (i, row) in c.rows.iter_mut().enumerate() {
        // The difference to the mean of a group of two gives away the other member's score: it goes with
        // the group's statistics.
        if !published.contains(&row.group) {
            row.overall_diff = None;
            for cell in row.themes.values_mut() {
                cell.diff = None;
            }
        }
        let label = m::C_ANONYMOUS.fill(lang, &[&letters(i)]);
        names.insert(row.municipality.clone(), label.clone());
        row.municipality = label;
        row.municipality_code = None;
        row.region = None;
        row.size_class = None;
        row.group = String::new();
        row.date = None;
    }
    for blocker in &mut c.mil_blockers {
        for name in &mut blocker.municipalities {
            *name = names.get(name).cloned().unwrap_or_default();
        }
        blocker.municipalities.sort();
    }
    for change in &mut c.changes {
        change.municipality = names.get(&change.municipality).cloned().unwrap_or_default();
        change.from = None;
        change.to = None;
        for point in &mut change.series {
            point.0 = None;
        }
    }
    // Changes were listed by name.
    c.changes.sort_by(|a, b| a.municipality.cmp(&b.municipality));
    c.groups.retain(|g| g.municipalities >= MIN_PUBLISHED_GROUP);
    // File names can name municipalities.
    c.notices.retain(|n| !matches!(n, Notice::Duplicate { .. }));
    for notice in &mut c.notices {
        if let Notice::FromSummary { files, .. } | Notice::TextsKept { files, .. } = notice {
            files.clear();
        }
    }
}

/// A, B, …, Z, AA, AB, …
fn letters(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + u8::try_from(i % 26).unwrap_or(0));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests;
