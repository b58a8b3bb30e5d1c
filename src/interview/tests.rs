//! The whole interview flow, driven by a script: details, every kind of answer, back, skip, don't know,
//! not applicable, notes, the jump list, save-and-quit, Ctrl-C, resume and finishing, with the draft
//! checked after every save.

use std::path::PathBuf;

use super::draft::Draft;
use super::prompt::{Reply, Script, pick, typed};
use super::{End, Interview};
use crate::answers::Answer;
use crate::i18n::Lang;
use crate::questionnaire::fixtures::small;

/// The respondent's details: municipality, code, region, population, role, name.
fn details() -> Vec<Reply> {
    vec![
        typed("Kustavi"),
        typed("304"),
        pick("Varsinais-Suomi"),
        typed("1 000"),
        typed("tietohallintovastaava"),
        typed(""),
    ]
}

/// Runs an interview over `draft` with `replies`; returns how it ended, the final draft, every saved
/// draft in order, and the transcript.
fn interview(draft: Draft, replies: Vec<Reply>) -> (End, Draft, Vec<Draft>, Script) {
    let q = small();
    let mut script = Script::new(replies);
    let mut saves: Vec<Draft> = Vec::new();
    let mut save = |d: &Draft| {
        saves.push(d.clone());
        Ok(())
    };
    let mut run = Interview::new(&q, Lang::Fi, &mut script, draft, &mut save, "2026-11-24");
    let end = run.run(&[]).unwrap();
    let draft = run.draft.clone();
    drop(run);
    assert_eq!(script.remaining(), 0, "every scripted reply was used:\n{}", script.transcript);
    (end, draft, saves, script)
}

fn new_draft() -> Draft {
    Draft::new(PathBuf::from("pieni-2026-11-24.draft.toml"), &small())
}

#[test]
fn a_whole_interview_answers_every_kind_and_finishes() {
    let mut replies = details();
    replies.extend([
        pick("3 "),                                  // a.level
        pick("Vähän"),                               // a.choice
        pick("Valitse vaihtoehdot"),                 // a.multi …
        Reply::Checks(vec!["R".into(), "P".into()]), // … in any order
        pick("Kirjoita luku"),                       // a.number …
        typed("abc"),                                // refused: not a number
        typed("120"),                                // refused: above 100
        typed("45,5"),                               // decimal comma
        pick("Kyllä"),                               // t.yes
        pick("Ei koske"),                            // t.two allows na
        pick("En tiedä"),                            // t.three
        pick("Kirjoita vastaus"),                    // x.free …
        typed("Yhteinen IT-tuki"),
    ]);
    let (end, draft, saves, script) = interview(new_draft(), replies);
    assert_eq!(end, End::Finished);
    let answers = &draft.sheet.answers;
    assert_eq!(answers["a.level"], Answer::Level(3));
    assert_eq!(answers["a.choice"], Answer::Choice("some".into()));
    assert_eq!(answers["a.multi"], Answer::Multi(vec!["p".into(), "r".into()]), "in option order");
    assert_eq!(answers["a.number"], Answer::Number(45.5));
    assert_eq!(answers["t.yes"], Answer::YesNo(true));
    assert_eq!(answers["t.two"], Answer::NotApplicable);
    assert_eq!(answers["t.three"], Answer::DontKnow);
    assert_eq!(answers["x.free"], Answer::Text("Yhteinen IT-tuki".into()));
    let r = &draft.sheet.respondent;
    assert_eq!(
        (r.municipality.as_str(), r.municipality_code.as_deref(), r.region.as_deref(), r.population),
        ("Kustavi", Some("304"), Some("Varsinais-Suomi"), Some(1000))
    );
    assert_eq!(r.respondent, None, "the name is stored only if given");
    assert_eq!(r.date.as_deref(), Some("2026-11-24"));
    // One save for the details and one after every answer: each save holds one answer more.
    let counts: Vec<usize> = saves.iter().map(|d| d.sheet.answers.len()).collect();
    assert_eq!(&counts[..9], &[0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert!(script.transcript.contains("Kirjoita luku, esim. 45,5."), "a bad number is explained");
    assert!(script.transcript.contains("Luvun pitää olla välillä 0–100."), "{}", script.transcript);
    assert!(script.transcript.contains("Aa · 1/8 · 0 %"), "header with theme, position and progress");
    assert!(script.transcript.contains("Turva · 5/8"), "the next theme in the header");
}

#[test]
fn back_skip_and_notes_work_and_every_change_is_saved() {
    let mut replies = details();
    replies.extend([
        pick("2 "),                // a.level = 2
        pick("← Edellinen"),       // back from a.choice to a.level
        pick("✎ Lisää huomautus"), // a note on a.level
        typed("Katso johtoryhmän muistio"),
        pick("4 "),                   // a.level = 4 (current answer replaced)
        pick("→ Ohita"),              // skip a.choice
        pick("✓ Tallenna ja lopeta"), // at a.multi
    ]);
    let (end, draft, saves, _) = interview(new_draft(), replies);
    assert_eq!(end, End::Quit);
    assert_eq!(draft.sheet.answers.len(), 1);
    assert_eq!(draft.sheet.answers["a.level"], Answer::Level(4));
    assert_eq!(draft.sheet.notes["a.level"], "Katso johtoryhmän muistio");
    assert!(saves.iter().any(|d| d.sheet.answers.get("a.level") == Some(&Answer::Level(2))));
    assert!(
        saves.iter().any(|d| d.sheet.notes.contains_key("a.level") && d.sheet.answers["a.level"] == Answer::Level(2))
    );
    assert_eq!(saves.last().unwrap().sheet, draft.sheet, "the last save is what the interview ended with");
}

#[test]
fn ctrl_c_keeps_every_answer_given_before_it() {
    let mut replies = details();
    replies.extend([pick("1 "), pick("Kaikki"), Reply::CtrlC]);
    let (end, draft, saves, _) = interview(new_draft(), replies);
    assert_eq!(end, End::Interrupted);
    assert_eq!(draft.sheet.answers.len(), 2);
    assert_eq!(saves.last().unwrap().sheet.answers.len(), 2, "saved before stopping");
}

#[test]
fn a_resumed_draft_starts_at_the_first_unanswered_question_and_skips_the_details() {
    let mut draft = new_draft();
    draft.sheet.respondent.municipality = "Kustavi".into();
    for (id, answer) in
        [("a.level", Answer::Level(2)), ("a.choice", Answer::Choice("no".into())), ("a.multi", Answer::Multi(vec![]))]
    {
        draft.sheet.answers.insert(id.into(), answer);
    }
    let (end, draft, _, script) = interview(draft, vec![pick("Kirjoita luku"), typed("10"), pick("✓ Tallenna")]);
    assert_eq!(end, End::Quit);
    assert!(script.transcript.contains("Jatketaan luonnosta: 3/7"), "{}", script.transcript);
    assert!(script.transcript.contains("Aa · 4/8"), "starts at a.number:\n{}", script.transcript);
    assert!(!script.transcript.contains("Kunta"), "no details asked again");
    assert_eq!(draft.sheet.answers["a.number"], Answer::Number(10.0));
}

#[test]
fn the_jump_list_goes_to_any_question_and_shows_current_answers() {
    let mut replies = details();
    // a.level = 2, then at a.choice open the jump list and go to t.three, the 7th question (items 0 and 1 of
    // the list are "back to the question" and the respondent's details).
    replies.extend([pick("2 "), pick("☰ Siirry"), Reply::Index(2 + 6), pick("Kyllä"), pick("✓ Tallenna")]);
    let (end, draft, _, script) = interview(new_draft(), replies);
    assert_eq!(end, End::Quit);
    assert!(
        script.transcript.contains("[✓  1. Taso? — 2 – 2]"),
        "answered questions show their answer:\n{}",
        script.transcript
    );
    assert!(script.transcript.contains("[·  2. Valinta?]"), "unanswered ones are marked");
    assert!(script.transcript.contains("Turva · 7/8"), "{}", script.transcript);
    assert_eq!(draft.sheet.answers["t.three"], Answer::YesNo(true));
    let after_jump = &script.transcript[script.transcript.find("Turva · 7/8").unwrap()..];
    assert!(after_jump.contains("Aa · 2/8"), "answered, it goes back to where the list was opened:\n{after_jump}");
    assert!(!after_jump.contains("Teksti · 8/8"), "{after_jump}");
}

#[test]
fn the_first_question_offers_no_way_back_and_later_ones_do() {
    let mut replies = details();
    replies.extend([pick("2 "), pick("✓ Tallenna")]);
    let (_, _, _, script) = interview(new_draft(), replies);
    let second = script.transcript.find("Aa · 2/8").unwrap();
    assert!(!script.transcript[..second].contains("← Edellinen"), "{}", script.transcript);
    assert!(script.transcript[second..].contains("← Edellinen"), "{}", script.transcript);
}

#[test]
fn population_and_numbers_are_checked_in_words() {
    use super::{MAX_POPULATION, PopulationProblem, number_in_range, parse_population};
    assert_eq!(parse_population(""), Ok(None));
    assert_eq!(parse_population("4 500"), Ok(Some(4500)));
    assert_eq!(parse_population("999999999999"), Err(PopulationProblem::OutOfRange));
    assert_eq!(parse_population("12345678901234567890123"), Err(PopulationProblem::OutOfRange));
    assert_eq!(parse_population("0"), Err(PopulationProblem::OutOfRange));
    assert_eq!(parse_population("4,5"), Err(PopulationProblem::NotANumber));
    assert_eq!(parse_population(&MAX_POPULATION.to_string()), Ok(Some(MAX_POPULATION)));
    assert_eq!(
        number_in_range(150.0, Some(0.0), Some(100.0), Lang::En),
        Err("The number must be from 0 to 100.".into())
    );
    assert_eq!(number_in_range(-1.0, Some(0.0), None, Lang::Sv), Err("Talet ska vara minst 0.".into()));
    assert_eq!(number_in_range(50.0, Some(0.0), Some(100.0), Lang::Fi), Ok(()));
}

#[test]
fn a_stop_before_the_details_are_complete_saves_nothing() {
    let (end, _, saves, _) = interview(new_draft(), vec![typed("Kustavi"), typed(""), Reply::CtrlC]);
    assert_eq!(end, End::Interrupted);
    assert!(saves.is_empty(), "no draft before the details are given");
}

#[test]
fn after_the_last_question_unanswered_ones_can_be_visited() {
    let mut draft = new_draft();
    draft.sheet.respondent.municipality = "Kustavi".into();
    for (id, answer) in [
        ("a.level", Answer::Level(2)),
        ("a.choice", Answer::Choice("no".into())),
        ("a.multi", Answer::Multi(vec![])),
        ("t.yes", Answer::YesNo(true)),
        ("t.two", Answer::Level(1)),
        ("t.three", Answer::YesNo(false)),
        ("x.free", Answer::Text("x".into())),
    ] {
        draft.sheet.answers.insert(id.into(), answer);
    }
    // Starts at a.number (the only unanswered one), skips it and the four after it, reaches the end, goes
    // back to a.number, answers it and walks to the end again.
    let skip = || pick("→ Ohita");
    let mut replies = vec![skip(), skip(), skip(), skip(), skip(), pick("Siirry ensimmäiseen"), pick("En tiedä")];
    replies.extend([skip(), skip(), skip(), skip()]);
    let (end, draft, _, script) = interview(draft, replies);
    assert_eq!(end, End::Finished);
    assert!(script.transcript.contains("Vastaamatta on vielä 1 kysymystä."), "{}", script.transcript);
    assert_eq!(draft.sheet.answers["a.number"], Answer::DontKnow);
}

#[test]
fn a_new_answer_replaces_an_answer_that_no_longer_fitted() {
    let mut draft = new_draft();
    draft.sheet.respondent.municipality = "Kustavi".into();
    draft.unfit.insert("a.level".into(), serde_json::json!(9));
    let (_, draft, _, _) = interview(draft, vec![pick("1 "), pick("✓ Tallenna")]);
    assert!(draft.unfit.is_empty());
    assert_eq!(draft.sheet.answers["a.level"], Answer::Level(1));
}

fn partial_draft(themes: &[&str], questions: &[&str]) -> Draft {
    let mut draft = new_draft();
    let ids = |list: &[&str]| list.iter().map(|id| (*id).to_string()).collect::<Vec<_>>();
    draft.selection = super::selection::Selection::resolve(&small(), &ids(themes), &ids(questions)).unwrap();
    draft
}

#[test]
fn a_selection_asks_only_its_themes_and_questions_with_progress_within_it() {
    let mut replies = details();
    replies.extend([
        pick("3 "),       // a.level, named by --questions
        pick("Kyllä"),    // t.yes
        pick("Ei koske"), // t.two
        pick("En tiedä"), // t.three
    ]);
    let (end, draft, _, script) = interview(partial_draft(&["t"], &["a.level"]), replies);
    assert_eq!(end, End::Finished);
    let answered: Vec<&str> = draft.sheet.answers.keys().map(String::as_str).collect();
    assert_eq!(answered, ["a.level", "t.three", "t.two", "t.yes"]);
    let t = &script.transcript;
    assert!(t.contains("Kysymyksiä on 4"), "{t}");
    assert!(t.contains("vain osa kyselystä: Turva; kysymykset `a.level`."), "{t}");
    assert!(t.contains("Aa · 1/4 · 0 %"), "{t}");
    assert!(t.contains("Turva · 2/4 · 25 %"), "{t}");
    assert!(t.contains("Turva · 4/4 · 75 %"), "{t}");
    assert!(!t.contains("Valinta?") && !t.contains("Teksti ·"), "nothing outside the selection:\n{t}");
    assert_eq!(draft.selection.themes, ["t"], "the draft records what it covers");
    assert_eq!(draft.sheet.respondent.role.as_deref(), Some("tietohallintovastaava"), "and who answered");
}

#[test]
fn a_resumed_partial_draft_goes_on_within_its_selection_and_its_jump_list_shows_only_it() {
    let mut draft = partial_draft(&["t"], &[]);
    draft.sheet.respondent.municipality = "Kustavi".into();
    draft.sheet.answers.insert("t.yes".into(), Answer::YesNo(false));
    let replies = vec![pick("☰ Siirry"), Reply::Index(2), pick("Kyllä"), pick("✓ Tallenna")];
    let (end, draft, _, script) = interview(draft, replies);
    assert_eq!(end, End::Quit);
    let t = &script.transcript;
    assert!(t.contains("Jatketaan luonnosta: 1/3"), "{t}");
    assert!(t.contains("Turva · 2/3 · 33 %"), "starts at t.two:\n{t}");
    assert!(t.contains("vastattu 1/3") && t.contains("[✓  1. Kyllä?") && !t.contains("Taso?"), "{t}");
    assert_eq!(draft.sheet.answers["t.yes"], Answer::YesNo(true), "the jump list's first item is t.yes");
}
