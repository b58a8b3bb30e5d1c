//! The wording of a report's values that every rendering shares: the summary's label–value rows, a score,
//! an answer, a theme's answered count, a phrase's capital letter, a score as a bar of text, and how many
//! roadmap steps the written reports show. Plain text: each renderer escapes it for its format.

use crate::i18n::{Lang, decimal, messages as m, whole_number};

use super::maturity;
use crate::report::{Report, Status};

/// How many roadmap steps the written reports show.
pub const ROADMAP_STEPS: usize = 10;

/// A bar of `width` cells for a 0–100 score, in eighths of a cell.
pub fn bar(score: f64, width: usize) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = ((score.clamp(0.0, 100.0) / 100.0) * (width * 8) as f64).round() as usize;
    let mut out = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        out.push(EIGHTHS[eighths % 8]);
    }
    let used = out.chars().count();
    out.push_str(&"·".repeat(width.saturating_sub(used)));
    out
}

/// A theme's answered count as shown in every rendering: `5/6 (DK 1)`.
pub fn answered(c: &crate::scoring::Counts, lang: Lang) -> String {
    let shown = format!("{}/{}", c.answered + c.na + c.dk, c.total());
    let extra: Vec<String> = [(c.dk, m::T_DK_SHORT), (c.na, m::T_NA_SHORT)]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, label)| format!("{} {n}", label.get(lang)))
        .collect();
    if extra.is_empty() { shown } else { format!("{shown} ({})", extra.join(", ")) }
}

/// The summary's label–value rows, shared by the written renderings.
pub fn summary_rows(report: &Report, lang: Lang) -> Vec<(&'static str, String)> {
    let r = &report.respondent;
    let mut rows = vec![(
        m::R_MUNICIPALITY.get(lang),
        match &r.municipality_code {
            Some(code) => format!("{} ({code})", r.municipality),
            None => r.municipality.clone(),
        },
    )];
    if let Some(group) = &report.group {
        rows.push((
            m::R_RESPONDENTS.get(lang),
            format!("{}: {} · n = {}", group.column, group.value, report.respondents),
        ));
    }
    rows.extend(r.region.clone().map(|v| (m::R_REGION.get(lang), v)));
    rows.extend(r.population.map(|v| (m::R_POPULATION.get(lang), whole_number(lang, v))));
    rows.extend(r.role.clone().map(|v| (m::R_ROLE.get(lang), v)));
    rows.extend(r.date.clone().map(|v| (m::R_DATE.get(lang), v)));
    rows.push((
        m::R_QUESTIONNAIRE.get(lang),
        format!("{} {} ({})", report.questionnaire.title, report.questionnaire.version, report.questionnaire.id),
    ));
    if report.questionnaire.language != lang.code() {
        let stored = language_name(&report.questionnaire.language, lang);
        rows.push((m::R_TEXTS_LANGUAGE.get(lang), m::R_TEXTS_KEPT.fill(lang, &[&stored])));
    }
    rows.push((
        m::T_OVERALL.get(lang),
        format!(
            "{} – {}",
            score_text(report.overall.score, lang),
            report.overall.band.as_deref().unwrap_or(m::NO_SCORE.get(lang))
        ),
    ));
    rows.push((m::R_COMPLETENESS.get(lang), format!("{} %", decimal(lang, report.completeness * 100.0, 0))));
    for theme in report.themes.iter().filter(|t| t.mil.is_some()) {
        rows.push((m::R_MIL.get(lang), maturity::summary(theme, lang).unwrap_or_default()));
    }
    rows
}

/// A language's name in `lang` ("ruotsi", "Swedish"); an unknown code as it is.
pub fn language_name(code: &str, lang: Lang) -> String {
    match Lang::from_code(code) {
        Some(Lang::Fi) => m::LANG_FI.get(lang).to_string(),
        Some(Lang::Sv) => m::LANG_SV.get(lang).to_string(),
        Some(Lang::En) => m::LANG_EN.get(lang).to_string(),
        None => code.to_string(),
    }
}

/// A group's mean answer to a question in words: "keskiarvo 75,0 % (n = 2)".
pub fn mean_text(mean: f64, n: usize, lang: Lang) -> String {
    m::B_GROUP_MEAN.fill(lang, &[&decimal(lang, 100.0 * mean, 1), &n])
}

pub fn score_text(score: Option<f64>, lang: Lang) -> String {
    score.map_or_else(|| "–".to_string(), |s| decimal(lang, s, 1))
}

/// The answer as a reader sees it: the report's own text, or what the status says.
pub fn answer_text(q: &crate::report::QuestionRecord, lang: Lang) -> String {
    match (&q.answer_text, q.status) {
        (Some(text), _) => text.clone(),
        (None, Status::Unanswered) => m::R_NOT_ANSWERED.get(lang).to_string(),
        (None, Status::Na) => m::NOT_APPLICABLE.get(lang).to_string(),
        (None, Status::Dk) => m::DONT_KNOW.get(lang).to_string(),
        (None, _) => String::new(),
    }
}

/// The text with its first letter in upper case, for a phrase that stands on its own.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_eighths() {
        assert_eq!(bar(0.0, 4), "····");
        assert_eq!(bar(100.0, 4), "████");
        assert_eq!(bar(50.0, 4), "██··");
        assert_eq!(bar(56.25, 4), "██▎·");
        assert_eq!(bar(150.0, 2), "██");
    }
}
