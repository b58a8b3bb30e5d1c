//! The comparison on hand-made reports of the small test questionnaire.

use super::*;
use crate::answers::Answer::{self, *};
use crate::answers::AnswerSheet;
use crate::questionnaire::fixtures::small;
use crate::report::{Context, individual};

/// A report of `municipality` with the level question at `level` and the yes/no at `yes`.
pub(crate) fn report(municipality: &str, region: &str, population: u64, date: &str, level: u32, yes: bool) -> Input {
    let q = small();
    let mut sheet = AnswerSheet { questionnaire: "pieni".into(), ..AnswerSheet::default() };
    sheet.respondent.municipality = municipality.into();
    sheet.respondent.region = Some(region.into());
    sheet.respondent.population = Some(population);
    sheet.respondent.date = Some(date.into());
    let answers: [(&str, Answer); 4] = [
        ("a.level", Level(level)),
        ("a.choice", Choice("some".into())),
        ("t.yes", YesNo(yes)),
        ("t.two", Level(level)),
    ];
    for (id, answer) in answers {
        sheet.answers.insert(id.into(), answer);
    }
    let a = crate::scoring::assess(&q, &sheet);
    let steps = crate::roadmap::of_assessment(&q, &a);
    let report = individual(&q, &sheet, &a, &steps, &Context { lang: Lang::Fi, created: format!("{date}T00:00:00Z") });
    Input::report(format!("{municipality}-{date}.json"), report)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn ranks_groups_and_differences_to_the_group_mean() {
    let inputs = [
        report("Aura", "Varsinais-Suomi", 4000, "2026-01-01", 4, true),
        report("Eura", "Satakunta", 12000, "2026-01-01", 0, false),
        report("Kemiönsaari", "Varsinais-Suomi", 6000, "2026-01-01", 2, true),
    ];
    let c = compare(&inputs, GroupBy::Region, false, Lang::Fi).unwrap();
    let names: Vec<&str> = c.rows.iter().map(|r| r.municipality.as_str()).collect();
    assert_eq!(names, ["Aura", "Kemiönsaari", "Eura"]);
    assert_eq!(c.rows.iter().map(|r| r.rank).collect::<Vec<_>>(), [Some(1), Some(2), Some(3)]);
    let vs = c.groups.iter().find(|g| g.name == "Varsinais-Suomi").unwrap();
    assert_eq!(vs.municipalities, 2);
    let mean = vs.overall.as_ref().unwrap().mean;
    assert!(close(mean, f64::midpoint(c.rows[0].overall.unwrap(), c.rows[1].overall.unwrap())));
    assert!(close(c.rows[0].overall_diff.unwrap(), c.rows[0].overall.unwrap() - mean));
    // Eura is alone in its group: its difference to its own mean is 0.
    assert!(close(c.rows[2].overall_diff.unwrap(), 0.0));
}

#[test]
fn size_classes_follow_statistics_finland() {
    let inputs =
        [report("A", "Uusimaa", 999, "2026-01-01", 1, true), report("B", "Uusimaa", 1000, "2026-01-01", 1, true)];
    let c = compare(&inputs, GroupBy::SizeClass, false, Lang::Fi).unwrap();
    let groups: Vec<&str> = c.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(groups, ["alle 1 000 asukasta", "1 000–2 999 asukasta"]);
}

#[test]
fn equal_indexes_share_a_rank() {
    let inputs = [
        report("A", "Uusimaa", 5000, "2026-01-01", 2, true),
        report("B", "Uusimaa", 5000, "2026-01-01", 2, true),
        report("C", "Uusimaa", 5000, "2026-01-01", 1, true),
    ];
    let c = compare(&inputs, GroupBy::None, false, Lang::Fi).unwrap();
    assert_eq!(c.rows.iter().map(|r| r.rank).collect::<Vec<_>>(), [Some(1), Some(1), Some(3)]);
}

#[test]
fn weak_spots_are_the_lowest_means_with_counts_below_the_middle() {
    let inputs = [
        report("A", "Uusimaa", 5000, "2026-01-01", 1, true),
        report("B", "Uusimaa", 5000, "2026-01-01", 0, true),
        report("C", "Uusimaa", 5000, "2026-01-01", 3, true),
    ];
    let c = compare(&inputs, GroupBy::None, false, Lang::Fi).unwrap();
    let first = &c.weak_spots[0];
    // a.choice "some" scores 0.25 everywhere; a.level and t.two average (0.25 + 0 + 0.75) / 3 = 0.333.
    assert_eq!(first.question, "a.choice");
    assert!(close(first.mean, 0.25));
    assert_eq!((first.answered, first.below_middle), (3, 3));
    let level = c.weak_spots.iter().find(|s| s.question == "a.level").unwrap();
    assert!(close(level.mean, 1.0 / 3.0));
    assert_eq!(level.below_middle, 2);
    assert!(level.next_step.is_some());
    assert!(c.weak_spots.iter().all(|s| s.question != "t.yes"), "yes everywhere is fully in place, not a weak spot");
}

#[test]
fn changes_run_from_the_earliest_to_the_latest_report_and_the_matrix_shows_the_latest() {
    let inputs = [
        report("Aura", "Varsinais-Suomi", 4000, "2025-03-01", 1, false),
        report("Aura", "Varsinais-Suomi", 4000, "2026-03-01", 3, true),
        report("Aura", "Varsinais-Suomi", 4000, "2025-09-01", 2, false),
    ];
    let c = compare(&inputs, GroupBy::Region, false, Lang::Fi).unwrap();
    assert_eq!(c.rows.len(), 1);
    assert_eq!(c.rows[0].date.as_deref(), Some("2026-03-01"));
    let change = &c.changes[0];
    assert_eq!((change.from.as_deref(), change.to.as_deref()), (Some("2025-03-01"), Some("2026-03-01")));
    assert_eq!(change.series.len(), 3);
    let (first, last) = (inputs[0].report.overall.score.unwrap(), inputs[1].report.overall.score.unwrap());
    assert!(close(change.overall.unwrap(), last - first));
}

#[test]
fn duplicates_are_reported_and_counted_once() {
    let a = report("Aura", "Varsinais-Suomi", 4000, "2026-01-01", 1, true);
    let mut b = a.clone();
    b.file = "kopio.json".into();
    let c = compare(&[a, b], GroupBy::None, false, Lang::Fi).unwrap();
    assert_eq!(c.rows.len(), 1);
    assert!(matches!(&c.notices[0], Notice::Duplicate { file, .. } if file == "kopio.json"));
}

#[test]
fn different_questionnaires_are_not_compared_and_the_files_are_named() {
    let a = report("Aura", "Varsinais-Suomi", 4000, "2026-01-01", 1, true);
    let mut b = report("Eura", "Satakunta", 4000, "2026-01-01", 1, true);
    b.report.questionnaire.id = "muu".into();
    let error = compare(&[a, b], GroupBy::None, false, Lang::En).unwrap_err();
    let message = error.message(Lang::En);
    assert!(message.contains("Aura-2026-01-01.json") && message.contains("`muu`: Eura-2026-01-01.json"), "{message}");
}

#[test]
fn other_versions_are_compared_on_what_they_share() {
    let a = report("Aura", "Varsinais-Suomi", 4000, "2026-01-01", 1, true);
    let mut b = report("Eura", "Satakunta", 4000, "2026-01-01", 1, true);
    b.report.questionnaire.version = "1.1.0".into();
    b.report.questions.retain(|q| q.id != "t.three");
    let c = compare(&[a, b], GroupBy::None, false, Lang::Fi).unwrap();
    match &c.notices[0] {
        Notice::Versions { left_out, shared_share, .. } => {
            assert_eq!(left_out, &["t.three"]);
            assert!(close(*shared_share, 6.0 / 7.0));
        }
        other => panic!("{other:?}"),
    }
    assert!(c.weak_spots.iter().all(|s| s.question != "t.three"));
}

#[test]
fn anonymising_hides_names_and_small_groups() {
    let inputs = [
        report("Aura", "Varsinais-Suomi", 4000, "2026-01-01", 4, true),
        report("Eura", "Satakunta", 4000, "2026-01-01", 0, false),
        report("Kemiönsaari", "Varsinais-Suomi", 4000, "2026-01-01", 2, true),
        report("Masku", "Varsinais-Suomi", 4000, "2026-01-01", 3, true),
    ];
    let c = compare(&inputs, GroupBy::Region, true, Lang::Fi).unwrap();
    let names: Vec<&str> = c.rows.iter().map(|r| r.municipality.as_str()).collect();
    assert_eq!(names, ["Kunta A", "Kunta B", "Kunta C", "Kunta D"]);
    assert!(c.rows.iter().all(|r| r.region.is_none() && r.municipality_code.is_none() && r.date.is_none()));
    let groups: Vec<&str> = c.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(groups, ["Varsinais-Suomi"], "Satakunta has one municipality and is left out");
    // Eura (the lowest) was alone in its group: no difference to a mean that is not published.
    let eura = c.rows.last().unwrap();
    assert_eq!(eura.overall_diff, None);
    assert!(eura.themes.values().all(|cell| cell.diff.is_none()));
    assert!(c.rows[0].overall_diff.is_some(), "Varsinais-Suomi's three keep theirs");
    let json = crate::render::compare::text::json(&c);
    for name in ["Aura", "Eura", "Kemiönsaari", "Masku"] {
        assert!(!json.contains(name), "{name} leaks");
    }
}

#[test]
fn anonymising_leaves_out_the_differences_that_would_give_away_a_pair() {
    // In a group of two, each one's difference to the mean is half the gap to the other: the other's score.
    let inputs = [
        report("Aura", "Varsinais-Suomi", 4000, "2026-01-01", 4, true),
        report("Eura", "Satakunta", 4000, "2026-01-01", 0, false),
        report("Huittinen", "Satakunta", 4000, "2026-01-01", 2, true),
    ];
    let c = compare(&inputs, GroupBy::Region, true, Lang::Fi).unwrap();
    assert!(c.groups.is_empty());
    assert!(c.rows.iter().all(|r| r.overall_diff.is_none() && r.themes.values().all(|cell| cell.diff.is_none())));
    let named = compare(&inputs, GroupBy::Region, false, Lang::Fi).unwrap();
    assert!(named.rows.iter().all(|r| r.overall_diff.is_some()), "named, the differences stay");
}

#[test]
fn a_region_named_in_swedish_and_in_finnish_is_one_group_named_in_the_output_language() {
    let inputs = [
        report("Aura", "Varsinais-Suomi", 4000, "2026-01-01", 4, true),
        report("Pargas", "Egentliga Finland", 15000, "2026-01-01", 2, true),
        report("Eura", "Satakunta", 12000, "2026-01-01", 0, false),
    ];
    let fi = compare(&inputs, GroupBy::Region, false, Lang::Fi).unwrap();
    let names: Vec<(&str, usize)> = fi.groups.iter().map(|g| (g.name.as_str(), g.municipalities)).collect();
    assert_eq!(names, [("Satakunta", 1), ("Varsinais-Suomi", 2)]);
    let sv = compare(&inputs, GroupBy::Region, false, Lang::Sv).unwrap();
    assert!(sv.groups.iter().any(|g| g.name == "Egentliga Finland" && g.municipalities == 2));
    assert!(sv.rows.iter().filter(|r| r.region.as_deref() == Some("Egentliga Finland")).count() == 2);
}

#[test]
fn letters_go_on_after_z() {
    assert_eq!([letters(0), letters(25), letters(26), letters(27), letters(701)], ["A", "Z", "AA", "AB", "ZZ"]);
}

#[test]
fn every_municipality_has_its_maturity_level_and_what_its_next_level_needs() {
    let inputs = [
        report("Aura", "Varsinais-Suomi", 4000, "2026-01-01", 4, true),
        report("Eura", "Satakunta", 4000, "2026-01-01", 1, false),
    ];
    let c = compare(&inputs, GroupBy::Region, false, Lang::En).unwrap();
    assert!(c.themes.iter().find(|t| t.id == "t").unwrap().mil, "theme t reports a level");
    assert!(!c.themes.iter().find(|t| t.id == "a").unwrap().mil);
    let aura = &c.rows[0].mil["t"];
    assert_eq!((aura.level, aura.next), (2, Some(3)), "t.three unanswered keeps Aura below 3");
    assert_eq!(aura.blocking_questions, ["t.three"]);
    let eura = &c.rows[1].mil["t"];
    assert_eq!((eura.level, eura.next), (0, Some(1)));
    assert_eq!(
        eura.needs(Lang::En),
        "to reach 1: Kyllä?",
        "no short name: the question text, in the report's language"
    );
    assert!(!c.rows[0].mil.contains_key("a"), "only MIL themes");
}

#[test]
fn shared_obstacles_are_practices_blocking_at_least_two_municipalities_most_often_first() {
    let inputs = [
        report("Aura", "Varsinais-Suomi", 4000, "2026-01-01", 4, true),
        report("Eura", "Satakunta", 4000, "2026-01-01", 1, false),
        report("Masku", "Varsinais-Suomi", 4000, "2026-01-01", 2, false),
    ];
    let c = compare(&inputs, GroupBy::Region, false, Lang::Fi).unwrap();
    assert_eq!(c.mil_blockers.len(), 1, "t.three blocks Aura alone: not shared");
    let b = &c.mil_blockers[0];
    assert_eq!((b.question.as_str(), b.mil, b.of), ("t.yes", 1, 3));
    assert_eq!(b.municipalities, ["Masku", "Eura"], "in the matrix's order");
    assert_eq!(b.needed, "Kyllä");
    let anonymous = compare(&inputs, GroupBy::Region, true, Lang::Fi).unwrap();
    assert_eq!(anonymous.mil_blockers[0].municipalities, ["Kunta B", "Kunta C"]);
    assert!(!crate::render::compare::text::json(&anonymous).contains("Masku"));
}

#[test]
fn a_report_without_the_path_shows_its_level_only() {
    let mut input = report("Aura", "Varsinais-Suomi", 4000, "2026-01-01", 4, true);
    for theme in &mut input.report.themes {
        theme.mil_next = None;
        theme.mil_blocking = None;
    }
    let c = compare(&[input], GroupBy::Region, false, Lang::Sv).unwrap();
    let cell = &c.rows[0].mil["t"];
    assert_eq!(cell.level, 2);
    assert_eq!(cell.needs(Lang::Sv), m::C_MIL_UNKNOWN.sv);
    assert!(c.mil_blockers.is_empty());
}

/// A report of [`report`] made in another language.
fn report_in(lang: Lang, municipality: &str, level: u32) -> Input {
    let mut input = report(municipality, "Uusimaa", 5000, "2026-01-01", level, true);
    let q = small();
    input.report = crate::report::localise::localise(&input.report, &q, lang).unwrap();
    input
}

#[test]
fn one_report_kept_in_another_language_gives_no_step_or_text_and_is_noticed() {
    // Ö's texts are in Swedish (its questionnaire was not at hand in Finnish): the weak spots take their
    // words from the Finnish reports, and a notice says which texts are in which language.
    let inputs = [report_in(Lang::Sv, "Ö", 0), report_in(Lang::Fi, "A", 1), report_in(Lang::Fi, "B", 1)];
    let c = compare(&inputs, GroupBy::None, false, Lang::Fi).unwrap();
    let q = small();
    let finnish_steps: BTreeSet<String> = inputs[1].report.roadmap.iter().map(|s| s.next_step.clone()).collect();
    for spot in &c.weak_spots {
        assert_eq!(spot.text, q.text(&q.question(&spot.question).unwrap().text, Lang::Fi), "{spot:?}");
        assert!(spot.next_step.as_ref().is_none_or(|step| finnish_steps.contains(step)), "{spot:?}");
    }
    assert!(
        c.themes.iter().all(|t| t.title == q.text(&q.themes.iter().find(|x| x.id == t.id).unwrap().title, Lang::Fi))
    );
    let kept = c.notices.iter().find(|n| matches!(n, Notice::TextsKept { .. })).expect("a notice");
    assert!(kept.message(Lang::Fi).contains("ruotsi: Ö-2026-01-01.json"), "{}", kept.message(Lang::Fi));

    let anonymous = compare(&inputs, GroupBy::None, true, Lang::Fi).unwrap();
    let kept = anonymous.notices.iter().find(|n| matches!(n, Notice::TextsKept { .. })).unwrap();
    assert!(!kept.message(Lang::Fi).contains(".json"), "anonymised notices name no file");
}

#[test]
fn anonymised_rows_that_tie_are_not_in_the_order_of_their_names() {
    // A and B tie on the index, B is stronger in the first theme; named, the tie goes by name (A first);
    // anonymised, by the published theme scores, whatever the names.
    let mut a = report("A", "Uusimaa", 5000, "2026-01-01", 2, true);
    let mut b = report("B", "Uusimaa", 5000, "2026-01-01", 2, true);
    a.report.themes[0].score = Some(40.0);
    b.report.themes[0].score = Some(60.0);
    for (first, second) in [(a.clone(), b.clone()), (b.clone(), a.clone())] {
        let c = compare(&[first, second], GroupBy::None, true, Lang::En).unwrap();
        let firsts: Vec<Option<f64>> = c.rows.iter().map(|r| r.themes[&c.themes[0].id].score).collect();
        assert_eq!(firsts, [Some(60.0), Some(40.0)]);
    }
}
