//! One respondent's report of the small test questionnaire, for the tests of everything that reads a
//! report: a level answer with a note, a yes/no, a free-text answer, a region.

use crate::answers::{Answer, AnswerSheet};
use crate::i18n::Lang;
use crate::questionnaire::fixtures::small;

use super::{Context, Report, individual};

/// The answers: Kustavi in Varsinais-Suomi; level 2 with a note, "no", and a free-text answer.
pub fn sheet() -> AnswerSheet {
    let mut sheet = AnswerSheet { questionnaire: small().id, ..AnswerSheet::default() };
    sheet.respondent.municipality = "Kustavi".into();
    sheet.respondent.region = Some("Varsinais-Suomi".into());
    sheet.answers.insert("a.level".into(), Answer::Level(2));
    sheet.answers.insert("t.yes".into(), Answer::YesNo(false));
    sheet.answers.insert("x.free".into(), Answer::Text("oma sana".into()));
    sheet.notes.insert("a.level".into(), "ks. pöytäkirja".into());
    sheet
}

/// `sheet`'s report made in `lang`.
pub fn report_of(sheet: &AnswerSheet, lang: Lang) -> Report {
    let q = small();
    let a = crate::scoring::assess(&q, sheet);
    let steps = crate::roadmap::of_assessment(&q, &a);
    individual(&q, sheet, &a, &steps, &Context { lang, created: "2026-12-02T08:00:00Z".into() })
}

/// [`sheet`]'s report made in `lang`.
pub fn report(lang: Lang) -> Report {
    report_of(&sheet(), lang)
}
