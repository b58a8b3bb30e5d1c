//! The MIL path on a small hand-made questionnaire with a practice of every scored kind at every level.

use super::*;
use crate::answers::{Answer::*, AnswerSheet};
use crate::questionnaire::{Source, load_text};
use crate::scoring::assess;

/// A MIL theme `s` (MIL 1: yes/no, level, choice; MIL 2: two levels, a number, a multi, a level that may be
/// "na"; MIL 3: two levels and a yes/no) and a theme `o` without a level, so that gains differ by theme.
const MILS: &str = r#"
[questionnaire]
id = "mils"
version = "1.0.0"
languages = ["fi", "sv", "en"]
title = { fi = "Tasot", sv = "Nivåer", en = "Levels" }

[scale]
max = 4
labels = [{ fi = "0" }, { fi = "1" }, { fi = "2" }, { fi = "3" }, { fi = "4" }]

[[band]]
min = 0
name = { fi = "Alkava" }

[[theme]]
id = "s"
title = { fi = "Turva", sv = "Säkerhet", en = "Security" }
mil = true

[[theme]]
id = "o"
title = { fi = "Muu" }

[[question]]
id = "s.yes1"
theme = "s"
kind = "yesno"
mil = 1
allow_na = true
text = { fi = "Kyllä?" }

[[question]]
id = "s.level1"
theme = "s"
kind = "level"
mil = 1
weight = 2.0
text = { fi = "Taso 1?" }
levels = [{ fi = "L0" }, { fi = "L1" }, { fi = "L2" }, { fi = "L3" }, { fi = "L4" }]
next_steps = [{ fi = "S0" }, { fi = "S1" }, { fi = "S2" }, { fi = "S3" }]

[[question]]
id = "s.choice1"
theme = "s"
kind = "choice"
mil = 1
text = { fi = "Valinta 1?" }
[[question.option]]
id = "nobody"
label = { fi = "Ei kukaan" }
points = 0
[[question.option]]
id = "informal"
label = { fi = "Epävirallisesti" }
points = 1
[[question.option]]
id = "named"
label = { fi = "Nimetty" }
points = 3
[[question.option]]
id = "reports"
label = { fi = "Raportoi" }
points = 4

[[question]]
id = "s.level2a"
theme = "s"
kind = "level"
mil = 2
weight = 2.0
text = { fi = "Taso 2a?" }
levels = [{ fi = "L0" }, { fi = "L1" }, { fi = "L2" }, { fi = "L3" }, { fi = "L4" }]
next_steps = [{ fi = "S0" }, { fi = "S1" }, { fi = "S2" }, { fi = "S3" }]

[[question]]
id = "s.level2b"
theme = "s"
kind = "level"
mil = 2
allow_na = true
text = { fi = "Taso 2b?" }
levels = [{ fi = "L0" }, { fi = "L1" }, { fi = "L2" }, { fi = "L3" }, { fi = "L4" }]
next_steps = [{ fi = "S0" }, { fi = "S1" }, { fi = "S2" }, { fi = "S3" }]

[[question]]
id = "s.number2"
theme = "s"
kind = "number"
mil = 2
min = 0.0
max = 100.0
text = { fi = "Luku 2?" }
[[question.score_band]]
min = 10
score = 0.5
[[question.score_band]]
min = 20
score = 0.8
[[question.score_band]]
min = 50
score = 1.0

[[question]]
id = "s.multi2"
theme = "s"
kind = "multi"
mil = 2
max_points = 4.0
text = { fi = "Monta 2?" }
[[question.option]]
id = "r"
label = { fi = "R" }
points = 1
[[question.option]]
id = "p"
label = { fi = "P" }
points = 2
[[question.option]]
id = "q"
label = { fi = "Q" }
points = 2

[[question]]
id = "s.level2c"
theme = "s"
kind = "level"
mil = 2
allow_na = true
text = { fi = "Taso 2c?" }
levels = [{ fi = "L0" }, { fi = "L1" }, { fi = "L2" }, { fi = "L3" }, { fi = "L4" }]
next_steps = [{ fi = "S0" }, { fi = "S1" }, { fi = "S2" }, { fi = "S3" }]

[[question]]
id = "s.level3a"
theme = "s"
kind = "level"
mil = 3
allow_na = true
text = { fi = "Taso 3a?" }
levels = [{ fi = "L0" }, { fi = "L1" }, { fi = "L2" }, { fi = "L3" }, { fi = "L4" }]
next_steps = [{ fi = "S0" }, { fi = "S1" }, { fi = "S2" }, { fi = "S3" }]

[[question]]
id = "s.yes3"
theme = "s"
kind = "yesno"
mil = 3
allow_na = true
text = { fi = "Kyllä 3?" }

[[question]]
id = "s.level3b"
theme = "s"
kind = "level"
mil = 3
allow_na = true
text = { fi = "Taso 3b?" }
levels = [{ fi = "L0" }, { fi = "L1" }, { fi = "L2" }, { fi = "L3" }, { fi = "L4" }]
next_steps = [{ fi = "S0" }, { fi = "S1" }, { fi = "S2" }, { fi = "S3" }]

[[question]]
id = "o.level"
theme = "o"
kind = "level"
text = { fi = "Muu?" }
levels = [{ fi = "L0" }, { fi = "L1" }, { fi = "L2" }, { fi = "L3" }, { fi = "L4" }]
next_steps = [{ fi = "S0" }, { fi = "S1" }, { fi = "S2" }, { fi = "S3" }]
"#;

fn mils() -> Questionnaire {
    load_text(MILS, &Source::Builtin("mils".into())).expect("the test questionnaire is valid")
}

fn sheet(answers: &[(&str, Answer)]) -> AnswerSheet {
    AnswerSheet {
        answers: answers.iter().map(|(id, a)| ((*id).to_string(), a.clone())).collect(),
        ..AnswerSheet::default()
    }
}

/// Every MIL-1 practice achieved, as a start for the higher levels.
const LEVEL_1: [(&str, Answer); 3] =
    [("s.yes1", YesNo(true)), ("s.level1", Level(3)), ("s.choice1", Choice(String::new()))];

fn level_1() -> Vec<(&'static str, Answer)> {
    let mut answers = LEVEL_1.to_vec();
    answers[2].1 = Choice("named".into());
    answers
}

fn path_of(q: &Questionnaire, sheet: &AnswerSheet) -> Path {
    let a = assess(q, sheet);
    let roadmap = crate::roadmap::of_assessment(q, &a);
    path(q, 0, &a.questions, &roadmap).expect("theme s has mil = true")
}

fn ids(q: &Questionnaire, path: &Path) -> Vec<String> {
    path.next.practices().iter().map(|b| q.questions[b.question].id.clone()).collect()
}

#[test]
fn the_needed_answer_is_the_lowest_that_scores_three_quarters() {
    let q = mils();
    let needed_of = |id: &str| needed(&q, q.question(id).unwrap());
    assert_eq!(needed_of("s.level1"), Needed::Level(3));
    assert_eq!(needed_of("s.choice1"), Needed::Choice(vec!["named".into(), "reports".into()]));
    assert_eq!(needed_of("s.yes1"), Needed::YesNo);
    assert_eq!(needed_of("s.number2"), Needed::Number(20.0), "the band scoring 0.8 starts at 20");
    assert_eq!(needed_of("s.multi2"), Needed::Multi(vec!["p".into(), "q".into()]), "two options of 2 points");
}

#[test]
fn a_practice_no_answer_achieves_is_unachievable() {
    let text = MILS
        .replace("min = 20\nscore = 0.8", "min = 20\nscore = 0.7")
        .replace("min = 50\nscore = 1.0", "min = 50\nscore = 0.7");
    let q = load_text(&text, &Source::Builtin("mils".into())).unwrap();
    assert_eq!(needed(&q, q.question("s.number2").unwrap()), Needed::Unachievable);
    let q = load_text(&MILS.replace("max = 100.0", "max = 15.0"), &Source::Builtin("mils".into())).unwrap();
    assert_eq!(needed(&q, q.question("s.number2").unwrap()), Needed::Unachievable, "20 is above the question's max");
}

#[test]
fn a_level_with_an_unachievable_practice_cannot_be_reached() {
    let text = MILS
        .replace(
            "id = \"s.number2\"\ntheme = \"s\"\nkind = \"number\"\nmil = 2",
            "id = \"s.number2\"\ntheme = \"s\"\nkind = \"number\"\nmil = 1",
        )
        .replace("min = 20\nscore = 0.8", "min = 20\nscore = 0.7")
        .replace("min = 50\nscore = 1.0", "min = 50\nscore = 0.7");
    let q = load_text(&text, &Source::Builtin("mils".into())).unwrap();
    let p = path_of(&q, &sheet(&level_1()));
    assert_eq!(p, Path { level: 0, next: Next::Unreachable { level: 1 } });
}

#[test]
fn below_level_1_every_missing_mil_1_practice_blocks_in_roadmap_order() {
    let q = mils();
    let p = path_of(&q, &sheet(&[("s.yes1", DontKnow), ("s.level1", Level(2)), ("s.level2a", Level(4))]));
    assert_eq!(p.level, 0);
    assert_eq!(p.next.level(), Some(1));
    // Gains within the theme: level1 w2 · 0.5 = 1, yes1 (dk) w1 · 1 = 1: equal, the lower score first;
    // the unanswered choice is not in the roadmap and comes last.
    assert_eq!(ids(&q, &p), ["s.yes1", "s.level1", "s.choice1"]);
    let practices = p.next.practices();
    assert!(practices[0].find_out_first(), "dk is named, to be found out first");
    assert_eq!(practices[1].outcome, Outcome::Scored(0.5));
    assert_eq!(practices[1].needed, Needed::Level(3));
    assert_eq!(practices[2].outcome, Outcome::Unanswered);
    assert!(practices.iter().all(|b| b.mil == 1));
}

#[test]
fn na_practices_are_left_out() {
    let q = mils();
    let p = path_of(&q, &sheet(&[("s.yes1", NotApplicable), ("s.level1", Level(4))]));
    assert_eq!(ids(&q, &p), ["s.choice1"]);
}

#[test]
fn above_level_1_the_fewest_practices_that_make_more_than_half_block() {
    let q = mils();
    // Five MIL-2 practices, one achieved: three are needed, so two more; level2a has the greatest gain (w 2),
    // then number2 and multi2 (score 0) before level2c (0.25), whatever the questionnaire order.
    let mut answers = level_1();
    answers.extend([
        ("s.level2a", Level(1)),
        ("s.level2b", Level(3)),
        ("s.level2c", Level(1)),
        ("s.number2", Number(0.0)),
        ("s.multi2", Multi(vec![])),
    ]);
    let p = path_of(&q, &sheet(&answers));
    assert_eq!(p.level, 1);
    assert_eq!(ids(&q, &p), ["s.level2a", "s.number2"]);
    assert!(p.next.practices().iter().all(|b| b.mil == 2));
}

#[test]
fn na_shrinks_the_majority_needed() {
    let q = mils();
    // Of four counted MIL-2 practices (level2b "na"), more than half is three: none achieved, three named.
    let mut answers = level_1();
    answers.extend([("s.level2b", NotApplicable), ("s.level2a", Level(0)), ("s.level2c", Level(0))]);
    let p = path_of(&q, &sheet(&answers));
    assert_eq!(p.next.practices().len(), 3);
    assert!(!ids(&q, &p).contains(&"s.level2b".to_string()));
}

#[test]
fn a_lower_level_practice_still_missing_blocks_nothing() {
    let q = mils();
    // MIL 2 with two MIL-2 practices missing; MIL 3 needs two of its three practices.
    let mut answers = level_1();
    answers.extend([
        ("s.level2a", Level(3)),
        ("s.level2b", Level(3)),
        ("s.number2", Number(20.0)),
        ("s.level3a", Level(2)),
        ("s.yes3", YesNo(false)),
        ("s.level3b", Level(3)),
    ]);
    let p = path_of(&q, &sheet(&answers));
    assert_eq!(p.level, 2);
    assert_eq!(p.next.level(), Some(3));
    assert_eq!(ids(&q, &p), ["s.yes3"], "one more MIL-3 practice makes two of three; yes3 (score 0) first");
}

#[test]
fn the_top_level_has_nothing_above_it() {
    let q = mils();
    let mut answers = level_1();
    answers.extend([
        ("s.level2a", Level(3)),
        ("s.level2b", Level(3)),
        ("s.number2", Number(20.0)),
        ("s.level3a", Level(3)),
        ("s.yes3", YesNo(true)),
    ]);
    let p = path_of(&q, &sheet(&answers));
    assert_eq!(p, Path { level: 3, next: Next::Top });
}

#[test]
fn a_level_whose_practices_are_all_na_cannot_be_reached() {
    let q = mils();
    let mut answers = level_1();
    answers.extend([
        ("s.level2a", Level(3)),
        ("s.level2b", Level(3)),
        ("s.number2", Number(20.0)),
        ("s.level3a", NotApplicable),
        ("s.yes3", NotApplicable),
        ("s.level3b", NotApplicable),
    ]);
    let p = path_of(&q, &sheet(&answers));
    assert_eq!(p, Path { level: 2, next: Next::Unreachable { level: 3 } });
}

#[test]
fn themes_without_mil_have_no_path() {
    let q = mils();
    let a = assess(&q, &sheet(&[]));
    assert_eq!(path(&q, 1, &a.questions, &[]), None);
    let all = paths(&q, &a.questions, &[]);
    assert!(all[0].is_some() && all[1].is_none());
}

#[test]
fn a_group_is_at_its_lowest_members_level_and_names_what_blocks_those_members() {
    let q = mils();
    let members = [
        sheet(&[("s.yes1", YesNo(true)), ("s.level1", Level(1)), ("s.choice1", Choice("named".into()))]),
        sheet(&[("s.yes1", DontKnow), ("s.level1", Level(2)), ("s.choice1", Choice("reports".into()))]),
        sheet(&level_1()),
    ];
    let mut tally = GroupTally::default();
    for member in &members {
        tally.add(&path_of(&q, member));
    }
    let g = tally.finish(&q, &[]).unwrap();
    assert_eq!(g.level, 0);
    assert_eq!(g.members, [2, 1, 0, 0]);
    assert_eq!(g.next, Some(1));
    let found: Vec<(&str, usize, usize)> =
        g.practices.iter().map(|p| (q.questions[p.question].id.as_str(), p.members, p.dont_know)).collect();
    assert_eq!(found, [("s.level1", 2, 0), ("s.yes1", 1, 1)], "most often blocking first");
    assert_eq!(g.practices[0].needed, Needed::Level(3));
    assert_eq!(GroupTally::default().finish(&q, &[]), None, "no member, no level");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Any answer (or none) to each question of the MIL questionnaire, "na" only where it is allowed.
    fn answers() -> impl Strategy<Value = Vec<Option<Answer>>> {
        let q = mils();
        q.questions
            .iter()
            .map(|question| {
                let value = crate::questionnaire::fixtures::any_answer(question, None);
                let special = if question.allow_na {
                    prop_oneof![Just(None), Just(Some(DontKnow)), Just(Some(NotApplicable))].boxed()
                } else {
                    prop_oneof![Just(None), Just(Some(DontKnow))].boxed()
                };
                // The needed answer often, so that the higher levels are reached often enough to be tested.
                let achieved = Just(needed(&q, question).answer());
                prop_oneof![1 => special, 2 => value, 2 => achieved].boxed()
            })
            .collect::<Vec<_>>()
    }

    fn to_sheet(q: &Questionnaire, answers: &[Option<Answer>]) -> AnswerSheet {
        AnswerSheet {
            answers: q
                .questions
                .iter()
                .zip(answers)
                .filter_map(|(question, a)| a.clone().map(|a| (question.id.clone(), a)))
                .collect(),
            ..AnswerSheet::default()
        }
    }

    /// The theme's level once the practices `achieve` (question indexes) are given their needed answer.
    fn level_achieving(q: &Questionnaire, answers: &[Option<Answer>], achieve: &[usize]) -> u8 {
        let mut answers = answers.to_vec();
        for &i in achieve {
            answers[i] = needed(q, &q.questions[i]).answer();
        }
        assess(q, &to_sheet(q, &answers)).themes[0].mil.unwrap()
    }

    /// Every subset of `items` (as index lists), the empty one included.
    fn subsets(items: &[usize]) -> impl Iterator<Item = Vec<usize>> + '_ {
        (0u32..1 << items.len()).map(move |mask| {
            items.iter().enumerate().filter(|(bit, _)| mask & (1 << bit) != 0).map(|(_, i)| *i).collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn achieving_exactly_the_named_practices_reaches_the_next_level_and_no_strict_subset_does(
            answers in answers()
        ) {
            let q = mils();
            let p = path_of(&q, &to_sheet(&q, &answers));
            let Next::Blocked { level: next, practices } = &p.next else { return Ok(()) };
            let named: Vec<usize> = practices.iter().map(|b| b.question).collect();
            for b in practices {
                let answer = b.needed.answer().expect("a named practice can be achieved");
                let score = scoring::question_score(&q, &q.questions[b.question], &answer).unwrap();
                prop_assert!(scoring::is_achieved(score), "the needed answer of {} scores {score}", b.question);
            }
            prop_assert!(level_achieving(&q, &answers, &named) >= *next);
            for subset in subsets(&named).filter(|s| s.len() < named.len()) {
                prop_assert!(level_achieving(&q, &answers, &subset) < *next, "{subset:?} of {named:?} reaches {next}");
            }
        }

        #[test]
        fn no_fewer_practices_of_the_theme_reach_the_next_level(answers in answers()) {
            let q = mils();
            let sheet = to_sheet(&q, &answers);
            let a = assess(&q, &sheet);
            let p = path_of(&q, &sheet);
            let Some(next) = p.next.level() else {
                prop_assert_eq!(p.level, TOP);
                return Ok(());
            };
            let not_achieved: Vec<usize> = (0..q.questions.len())
                .filter(|&i| q.questions[i].theme == 0 && a.questions[i] != Outcome::NotApplicable)
                .filter(|&i| !a.questions[i].counted().is_some_and(scoring::is_achieved))
                .filter(|&i| needed(&q, &q.questions[i]) != Needed::Unachievable)
                .collect();
            let fewest = p.next.practices().len();
            for subset in subsets(&not_achieved) {
                let reaches = level_achieving(&q, &answers, &subset) >= next;
                if let Next::Unreachable { .. } = p.next {
                    prop_assert!(!reaches, "{subset:?} reaches a level said to be out of reach");
                } else if subset.len() < fewest {
                    prop_assert!(!reaches, "{subset:?} reaches {next} with fewer than {fewest} practices");
                }
            }
        }
    }
}
