//! The report as CSV for spreadsheets and further processing: one row per question (long form), or one row
//! per theme with `--summary`. Headers are stable English ids, so that scripts can rely on them; text from
//! questionnaires and answers is neutralised against formulas.

use crate::i18n::Lang;

use crate::csv_writer::{self, Records, cell};
use crate::render::wording::answer_text;
use crate::report::{Report, Status};

pub fn long(report: &Report, lang: Lang) -> Vec<u8> {
    let mut w = csv_writer::writer(Vec::new(), b',', Records::Even);
    let r = &report.respondent;
    let code = r.municipality_code.clone().unwrap_or_default();
    let _ = w.write_record([
        "municipality",
        "municipality_code",
        "theme_id",
        "theme",
        "question_id",
        "question",
        "status",
        "answer",
        "score",
        "weight",
        "note",
        "blocks_mil",
        "mil_needed",
    ]);
    for q in &report.questions {
        // The next maturity level this question blocks, and the answer that would count as achieved.
        let blocking = report
            .themes
            .iter()
            .filter(|t| t.id == q.theme)
            .find_map(|t| Some((t.mil_next?, t.mil_blocking.iter().flatten().find(|b| b.question == q.id)?)));
        let status = match q.status {
            Status::Answered => "answered",
            Status::Na => "na",
            Status::Dk => "dk",
            Status::Unanswered => "unanswered",
            Status::Text => "text",
        };
        let _ = w.write_record([
            cell(&r.municipality),
            cell(&code),
            q.theme.clone(),
            cell(report.theme_title(&q.theme)),
            q.id.clone(),
            cell(&q.text),
            status.to_string(),
            cell(&answer_text(q, lang)),
            q.score.map_or_else(String::new, |s| s.to_string()),
            q.weight.to_string(),
            cell(q.note.as_deref().unwrap_or("")),
            blocking.map_or_else(String::new, |(level, _)| level.to_string()),
            blocking.map_or_else(String::new, |(_, b)| cell(&b.needed)),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

pub fn summary(report: &Report) -> Vec<u8> {
    let mut w = csv_writer::writer(Vec::new(), b',', Records::Even);
    let r = &report.respondent;
    let code = r.municipality_code.clone().unwrap_or_default();
    let _ = w.write_record([
        "municipality",
        "municipality_code",
        "theme_id",
        "theme",
        "score",
        "band",
        "mil",
        "answered",
        "na",
        "dk",
        "unanswered",
        "mil_next",
        "mil_blocking",
    ]);
    for t in &report.themes {
        let c = t.counts;
        let _ = w.write_record([
            cell(&r.municipality),
            cell(&code),
            t.id.clone(),
            cell(&t.title),
            t.score.map_or_else(String::new, |s| s.to_string()),
            cell(t.band.as_deref().unwrap_or("")),
            t.mil.map_or_else(String::new, |m| m.to_string()),
            c.answered.to_string(),
            c.na.to_string(),
            c.dk.to_string(),
            c.unanswered.to_string(),
            t.mil_next.map_or_else(String::new, |m| m.to_string()),
            t.mil_blocking.iter().flatten().map(|b| b.question.as_str()).collect::<Vec<_>>().join("|"),
        ]);
    }
    let _ = w.write_record([
        cell(&r.municipality),
        cell(&code),
        "overall".to_string(),
        String::new(),
        report.overall.score.map_or_else(String::new, |s| s.to_string()),
        cell(report.overall.band.as_deref().unwrap_or("")),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, AnswerSheet};
    use crate::questionnaire::fixtures::small;
    use crate::report::{Context, individual};

    fn report() -> Report {
        let q = small();
        let mut sheet = AnswerSheet { questionnaire: q.id.clone(), ..AnswerSheet::default() };
        sheet.respondent.municipality = "=HYPERLINK(\"x\")".into();
        sheet.answers.insert("a.level".into(), Answer::Level(2));
        sheet.notes.insert("a.level".into(), "rivi 1\nrivi 2, \"lainaus\"".into());
        let a = crate::scoring::assess(&q, &sheet);
        let steps = crate::roadmap::of_assessment(&q, &a);
        individual(&q, &sheet, &a, &steps, &Context { lang: Lang::Fi, created: "2026-12-02T08:00:00Z".into() })
    }

    fn records(bytes: &[u8]) -> Vec<csv::StringRecord> {
        csv::Reader::from_reader(bytes).records().map(Result::unwrap).collect()
    }

    #[test]
    fn one_row_per_question_with_formulas_neutralised_and_notes_whole() {
        let r = report();
        let rows = records(&long(&r, Lang::Fi));
        assert_eq!(rows.len(), r.questions.len());
        let level = rows.iter().find(|row| &row[4] == "a.level").unwrap();
        assert_eq!(&level[0], "'=HYPERLINK(\"x\")", "a formula is made text");
        assert_eq!(&level[10], "rivi 1\nrivi 2, \"lainaus\"", "a note's line break, comma and quotes survive");
        assert_eq!(&level[8], "0.5", "scores unrounded with a decimal point, for scripts");
    }

    #[test]
    fn the_summary_has_one_row_per_theme_and_the_overall_index_last() {
        let r = report();
        let rows = records(&summary(&r));
        assert_eq!(rows.len(), r.themes.len() + 1);
        assert_eq!(rows.iter().map(|row| row[2].to_string()).collect::<Vec<_>>(), ["a", "t", "x", "overall"]);
    }
}
