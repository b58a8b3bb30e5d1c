//! What a person sees at a real terminal of a fixed size: the interview's screens read through a terminal
//! emulator ([`crate::pty`]). Each question of the default questionnaire must show its header (theme,
//! position, progress) and its whole text, in every language and at every size; keys and signals must
//! leave the screen and the terminal sane. The flow itself is tested with a scripted prompter in
//! `src/interview/tests.rs`; these tests are about the screen.

#![cfg(unix)]

use kuntakompassi::i18n::{Lang, messages as m};
use kuntakompassi::questionnaire::load::{Source, load_text};
use kuntakompassi::questionnaire::{Kind, Questionnaire, builtin};

use crate::pty::{ENTER, Pty, Screen};

const SMALL: (u16, u16) = (24, 80);
const NARROW: (u16, u16) = (20, 60);
const LARGE: (u16, u16) = (40, 120);

fn default_questionnaire() -> Questionnaire {
    let builtin = builtin::find(builtin::DEFAULT_ID).unwrap();
    load_text(builtin.text, &Source::Builtin(builtin.file_name.to_string())).unwrap()
}

/// Types the respondent's details: only the municipality, the rest left empty.
fn give_details(pty: &mut Pty, lang: Lang) {
    pty.wait_for(&[m::I_MUNICIPALITY.get(lang)]);
    pty.line("Kustavi");
    pty.wait_for(&[m::I_MUNICIPALITY_CODE.get(lang)]);
    pty.keys(&[ENTER]);
    pty.wait_for(&[m::I_REGION.get(lang), m::I_NO_REGION.get(lang)]);
    pty.keys(&[ENTER]);
    for prompt in [m::I_POPULATION, m::I_ROLE, m::I_NAME] {
        pty.wait_for(&[prompt.get(lang)]);
        pty.keys(&[ENTER]);
    }
}

/// Waits for question `index`'s screen and checks that a person sees what they are answering: the header
/// with the theme, the position and the progress on the top row, the whole question text, the selected
/// answer (marked `›`, which shows without colour too) and the keys line at the bottom.
#[track_caller]
fn question_screen(pty: &Pty, q: &Questionnaire, lang: Lang, index: usize) -> Screen {
    let question = &q.questions[index];
    let text = q.text(&question.text, lang);
    let theme = q.text(&q.themes[question.theme].title, lang);
    let position = format!("· {}/{} ·", index + 1, q.questions.len());
    let screen = pty.wait_until(&format!("question {} ({position}) with its text and menu", question.id), |s| {
        s.has(&position) && s.has(text) && s.rows.iter().any(|r| r.starts_with("› ")) && keys_line_drawn(s)
    });
    let header = screen.row_of(&position).unwrap();
    assert!(
        screen.rows[header].contains(theme) && screen.rows[header].contains('%'),
        "the header names the theme and the progress:\n{}",
        screen.text()
    );
    assert_eq!(header, 0, "the header is on the top row:\n{}", screen.text());
    screen
}

/// Whether the screen's last line is the keys line, drawn last.
fn keys_line_drawn(screen: &Screen) -> bool {
    screen.rows.iter().rev().find(|r| !r.trim().is_empty()).is_some_and(|r| r.contains("Enter"))
}

/// Answers the question on the screen with its first answer.
fn answer_first(pty: &mut Pty, q: &Questionnaire, lang: Lang, index: usize) {
    match &q.questions[index].kind {
        Kind::Level { .. } | Kind::Choice { .. } | Kind::YesNo => pty.keys(&[ENTER]),
        Kind::Multi { .. } => {
            pty.keys(&[ENTER]);
            pty.wait_for(&[m::I_MULTI_PROMPT.get(lang)]);
            pty.keys(&[" ", ENTER]);
        }
        Kind::Number { min, .. } => {
            pty.keys(&[ENTER]);
            pty.wait_for(&[m::I_NUMBER_PROMPT.get(lang)]);
            pty.line(&min.unwrap_or(0.0).to_string());
        }
        Kind::Text => {
            pty.keys(&[ENTER]);
            pty.wait_for(&[m::I_TEXT_PROMPT.get(lang)]);
            pty.line("yhteinen tuki");
        }
    }
}

/// Goes through the whole default questionnaire at `size` in `lang`, checking every question's screen,
/// and finishes with the report.
fn whole_interview(lang: Lang, size: (u16, u16)) {
    let q = default_questionnaire();
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), size, &["--lang", lang.code(), "interview"], &[]);
    give_details(&mut pty, lang);
    for index in 0..q.questions.len() {
        question_screen(&pty, &q, lang, index);
        answer_first(&mut pty, &q, lang, index);
    }
    pty.wait_for(&[m::I_ALSO_PROMPT.get(lang)]);
    pty.keys(&[ENTER]);
    let (code, _) = pty.finish();
    assert_eq!(code, 0);
    assert!(dir.path().join("kustavi-2026-11-18.json").exists());
}

#[test]
fn every_question_shows_its_header_and_text_at_80_by_24_in_finnish() {
    whole_interview(Lang::Fi, SMALL);
}

#[test]
fn every_question_shows_its_header_and_text_at_80_by_24_in_swedish() {
    whole_interview(Lang::Sv, SMALL);
}

#[test]
fn every_question_shows_its_header_and_text_at_80_by_24_in_english() {
    whole_interview(Lang::En, SMALL);
}

#[test]
fn every_question_shows_its_header_and_text_at_60_by_20() {
    whole_interview(Lang::Sv, NARROW);
}

#[test]
fn every_question_shows_its_header_and_text_at_120_by_40() {
    whole_interview(Lang::Fi, LARGE);
}
