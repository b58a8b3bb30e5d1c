//! What a person sees at a real terminal of a fixed size: the interview's screens read through a terminal
//! emulator ([`crate::pty`]). Each question of the default questionnaire must show its header (theme,
//! position, progress) and its whole text, in every language and at every size; keys and signals must
//! leave the screen and the terminal sane. The flow itself is tested with a scripted prompter in
//! `src/interview/tests.rs`; these tests are about the screen.

#![cfg(unix)]

use kuntakompassi::i18n::{Lang, messages as m};
use kuntakompassi::questionnaire::load::{Source, load_text};
use kuntakompassi::questionnaire::{Kind, Questionnaire, builtin};

use nix::sys::signal::Signal;

use crate::pty::{CTRL_C, DOWN, ENTER, ESC, Pty, Screen, UP};

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

fn small_questionnaire() -> Questionnaire {
    let path = crate::support::fixture("pieni.toml");
    load_text(&std::fs::read_to_string(&path).unwrap(), &Source::Builtin("pieni.toml".into())).unwrap()
}

/// A folder with a copy of the small questionnaire, so that commands can name it by a short path.
fn folder_with_small() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(crate::support::fixture("pieni.toml"), dir.path().join("pieni.toml")).unwrap();
    dir
}

/// Every file and folder in `dir`, hidden ones included, but not the questionnaire the test put there.
fn left_in(dir: &std::path::Path) -> Vec<String> {
    crate::support::listing(dir).into_iter().filter(|name| name != "pieni.toml").collect()
}

#[test]
fn unhandled_keys_at_a_swedish_question_lose_no_line() {
    let q = default_questionnaire();
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), SMALL, &["--lang", "sv", "interview"], &[]);
    give_details(&mut pty, Lang::Sv);
    let before = question_screen(&pty, &q, Lang::Sv, 0);
    pty.keys(&[ESC, "x", "q", "§", "9", "k"]);
    let after = pty.settle();
    assert_eq!(after.text(), before.text(), "the screen is drawn again the same");
    pty.keys(&[ENTER]);
    question_screen(&pty, &q, Lang::Sv, 1);
}

#[test]
fn a_digit_picks_a_level_and_the_jump_list_fits_filters_and_returns() {
    let q = default_questionnaire();
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), SMALL, &["--lang", "fi", "interview"], &[]);
    give_details(&mut pty, Lang::Fi);
    question_screen(&pty, &q, Lang::Fi, 0);
    pty.keys(&["3"]);
    pty.wait_until("level 3 selected", |s| s.rows.iter().any(|r| r.starts_with("› 3 ")));
    pty.keys(&[ENTER]);
    question_screen(&pty, &q, Lang::Fi, 1);
    pty.keys(&[ENTER]);
    question_screen(&pty, &q, Lang::Fi, 2);
    // The jump list is the entry above "save and quit", the last one; Up from the first wraps to the last.
    pty.keys(&[UP, UP]);
    pty.wait_until("the jump entry selected", |s| s.rows.iter().any(|r| r.starts_with("› ☰")));
    pty.keys(&[ENTER]);
    let list = pty.wait_until("the jump list", |s| s.has(m::I_JUMP_PROMPT.get(Lang::Fi)) && keys_line_drawn(s));
    assert!(list.rows[0].contains("vastattu 2/"), "the header says how far the interview is:\n{}", list.text());
    let selected = list.rows.iter().find(|r| r.starts_with("› ")).expect("the selected question is on screen");
    assert!(selected.contains(" 3. "), "the list opens at the current question:\n{}", list.text());
    pty.keys(&["1", "2", "."]);
    let filtered = pty.wait_until("the list filtered to question 12", |s| s.has("Rajaus: 12."));
    assert!(filtered.rows.iter().any(|r| r.starts_with("› ") && r.contains("12.")), "{}", filtered.text());
    pty.keys(&[ENTER]);
    question_screen(&pty, &q, Lang::Fi, 11);
    pty.keys(&[ENTER]);
    // Answered, the interview goes back to where the respondent opened the list.
    question_screen(&pty, &q, Lang::Fi, 2);
    pty.keys(&[UP, ENTER]);
    let (code, _) = pty.finish();
    assert_eq!(code, 0);
    let draft = std::fs::read_to_string(dir.path().join("kuntakompassi-2026-11-18.draft.toml")).unwrap();
    assert!(draft.contains("\"strategy.programme\" = 3"), "{draft}");
    assert!(draft.contains(&format!("\"{}\" = 0", q.questions[11].id)), "{draft}");
}

#[test]
fn the_layout_follows_a_resized_terminal() {
    let q = default_questionnaire();
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), LARGE, &["--lang", "en", "interview"], &[]);
    give_details(&mut pty, Lang::En);
    question_screen(&pty, &q, Lang::En, 0);
    pty.resize(NARROW);
    pty.keys(&["x"]);
    let narrow = pty.wait_until("the question redrawn at 60 × 20", |s| {
        s.rows[0].contains(&format!("· 1/{} ·", q.questions.len()))
            && s.rows.iter().all(|r| r.trim_end().chars().count() < 60)
            && keys_line_drawn(s)
    });
    assert!(narrow.has(q.text(&q.questions[0].text, Lang::En)), "{}", narrow.text());
    pty.keys(&[ENTER]);
    question_screen(&pty, &q, Lang::En, 1);
}

#[test]
fn colour_is_used_on_a_terminal_and_never_with_color_never() {
    let q = default_questionnaire();
    for (args, styled) in
        [(&["--lang", "en", "interview"][..], true), (&["--lang", "en", "--color", "never", "interview"], false)]
    {
        let dir = tempfile::tempdir().unwrap();
        let mut pty = Pty::spawn(dir.path(), SMALL, args, &[]);
        give_details(&mut pty, Lang::En);
        let screen = question_screen(&pty, &q, Lang::En, 0);
        assert_eq!(screen.styled, styled, "{args:?}");
    }
}

/// Goes through the small questionnaire's details in `lang`, the region chosen by typing `region`.
fn small_details(pty: &mut Pty, lang: Lang, region: &str) {
    pty.wait_for(&[m::I_MUNICIPALITY.get(lang)]);
    pty.line("Kustavi");
    pty.wait_for(&[m::I_MUNICIPALITY_CODE.get(lang)]);
    pty.keys(&[ENTER]);
    pty.wait_for(&[m::I_REGION.get(lang), m::I_NO_REGION.get(lang)]);
    for c in region.chars() {
        pty.keys(&[&c.to_string()]);
    }
    pty.keys(&[ENTER]);
    for prompt in [m::I_POPULATION, m::I_ROLE, m::I_NAME] {
        pty.wait_for(&[prompt.get(lang)]);
        pty.keys(&[ENTER]);
    }
}

#[test]
fn the_english_region_list_has_english_names_and_the_sheet_the_official_one() {
    let dir = folder_with_small();
    let mut pty = Pty::spawn(dir.path(), SMALL, &["--lang", "en", "interview", "-q", "pieni.toml"], &[]);
    pty.wait_for(&[m::I_MUNICIPALITY.get(Lang::En)]);
    pty.line("Kustavi");
    pty.keys(&[ENTER]);
    pty.wait_for(&["Southwest Finland", "Ostrobothnia", "Lapland"]);
    pty.keys(&["w", "e", "s", "t"]);
    let screen = pty.wait_until("the list filtered", |s| s.has("Filter: west"));
    assert!(screen.rows.iter().any(|r| r == "› Southwest Finland" || r.trim_end() == "› Southwest Finland"));
    pty.keys(&[ENTER]);
    for prompt in [m::I_POPULATION, m::I_ROLE, m::I_NAME] {
        pty.wait_for(&[prompt.get(Lang::En)]);
        pty.keys(&[ENTER]);
    }
    pty.wait_for(&["Ay · 1/8"]);
    pty.keys(&[UP, ENTER]);
    assert_eq!(pty.finish().0, 0);
    let draft = std::fs::read_to_string(dir.path().join("pieni-2026-11-18.draft.toml")).unwrap();
    assert!(draft.contains("region = \"Varsinais-Suomi\""), "{draft}");
}

#[test]
fn the_resume_command_goes_on_in_the_same_language_and_folder() {
    let q = small_questionnaire();
    let dir = folder_with_small();
    let args = ["--lang", "sv", "interview", "-q", "pieni.toml", "--out-dir", "arviot"];
    let mut pty = Pty::spawn(dir.path(), LARGE, &args, &[]);
    small_details(&mut pty, Lang::Sv, "");
    pty.wait_for(&["Åå · 1/8"]);
    pty.keys(&[ENTER]);
    pty.wait_for(&["Åå · 2/8"]);
    pty.keys(&[CTRL_C]);
    let (code, screen) = pty.finish();
    assert_eq!(code, 130);
    assert!(!screen.cursor_hidden, "the cursor is shown again");
    let command = screen
        .line_after(m::I_HOW_TO_RESUME.get(Lang::Sv))
        .unwrap_or_else(|| panic!("no resume command:\n{}", screen.text()));
    assert_eq!(command, "kuntakompassi --lang sv interview -q pieni.toml --resume arviot/pieni-2026-11-18.draft.toml");
    assert_eq!(left_in(dir.path()), ["arviot", "arviot/pieni-2026-11-18.draft.toml"], "no temporary file is left");

    // The draft alone keeps the language and the folder: the command without `--lang`, from elsewhere.
    let words: Vec<&str> = command.split(' ').skip(1).filter(|w| !["--lang", "sv"].contains(w)).collect();
    let mut pty = Pty::spawn(dir.path(), SMALL, &words, &[]);
    pty.wait_for(&["Åå · 2/8"]);
    for index in 1..q.questions.len() {
        let position = format!("· {}/8 ·", index + 1);
        let screen = pty.wait_until(&position, |s| s.has(&position) && keys_line_drawn(s));
        assert_eq!(screen.row_of(&position), Some(0), "{}", screen.text());
        if matches!(q.questions[index].kind, Kind::Multi { .. }) {
            pty.keys(&[ENTER]);
            let boxes = pty.wait_for(&[m::I_MULTI_PROMPT.get(Lang::Sv)]);
            assert!(
                boxes.rows.iter().any(|r| r.starts_with("› [ ] ")),
                "the current box shows without colour:\n{}",
                boxes.text()
            );
            pty.keys(&[" ", DOWN, ENTER]);
        } else {
            answer_first(&mut pty, &q, Lang::Sv, index);
        }
    }
    pty.wait_for(&[m::I_ALSO_PROMPT.get(Lang::Sv)]);
    pty.keys(&[UP, ENTER]);
    assert_eq!(pty.finish().0, 0);
    assert!(dir.path().join("arviot/kustavi-2026-11-18.json").exists(), "{:?}", left_in(dir.path()));
    let report = std::fs::read_to_string(dir.path().join("arviot/kustavi-2026-11-18.json")).unwrap();
    assert!(report.contains("\"language\": \"sv\""), "the report is in Swedish");
}

#[test]
fn ctrl_c_before_the_details_are_given_saves_nothing_and_says_so() {
    let dir = folder_with_small();
    let mut pty = Pty::spawn(dir.path(), SMALL, &["--lang", "fi", "interview", "-q", "pieni.toml"], &[]);
    pty.wait_for(&[m::I_MUNICIPALITY.get(Lang::Fi)]);
    pty.line("Kustavi");
    pty.keys(&[ENTER]);
    pty.wait_for(&[m::I_REGION.get(Lang::Fi), m::I_NO_REGION.get(Lang::Fi)]);
    pty.keys(&[CTRL_C]);
    let (code, screen) = pty.finish();
    assert_eq!(code, 130);
    assert!(screen.has(m::I_NOTHING_SAVED.get(Lang::Fi)), "{}", screen.text());
    assert_eq!(
        screen.line_after(m::I_HOW_TO_START.get(Lang::Fi)).as_deref(),
        Some("kuntakompassi --lang fi interview -q pieni.toml"),
        "{}",
        screen.text()
    );
    assert!(!screen.has(m::I_DRAFT_SAVED.fill(Lang::Fi, &[&""]).trim()), "{}", screen.text());
    assert!(!screen.cursor_hidden);
    assert_eq!(left_in(dir.path()), Vec::<String>::new(), "no draft and no temporary file");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_say_where_the_draft_is() {
    for signal in [Signal::SIGTERM, Signal::SIGHUP, Signal::SIGINT] {
        let dir = folder_with_small();
        let mut pty = Pty::spawn(dir.path(), SMALL, &["--lang", "en", "interview", "-q", "pieni.toml"], &[]);
        small_details(&mut pty, Lang::En, "");
        pty.wait_for(&["Ay · 1/8"]);
        pty.keys(&[DOWN, ENTER]);
        pty.wait_until("the second question, cursor hidden", |s| {
            s.has("Ay · 2/8") && keys_line_drawn(s) && s.cursor_hidden
        });
        // The screen is drawn just before the key is read in raw mode: wait for that mode.
        let started = std::time::Instant::now();
        while !pty.tty_mode().contains("-icanon") {
            assert!(started.elapsed().as_secs() < 60, "a key is being read in raw mode:\n{}", pty.tty_mode());
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        pty.signal(signal);
        let (code, screen) = pty.finish();
        assert_eq!(code, 130, "{signal:?}");
        assert!(!screen.cursor_hidden, "{signal:?}: the cursor is shown again");
        assert!(screen.has("The draft is saved: pieni-2026-11-18.draft.toml"), "{signal:?}:\n{}", screen.text());
        assert_eq!(
            screen.line_after(m::I_HOW_TO_RESUME.get(Lang::En)).as_deref(),
            Some("kuntakompassi --lang en interview -q pieni.toml --resume pieni-2026-11-18.draft.toml"),
            "{signal:?}:\n{}",
            screen.text()
        );
        let mode = pty.tty_mode();
        assert!(mode.contains(" icanon"), "{signal:?}: the terminal's mode is put back:\n{mode}");
        assert_eq!(left_in(dir.path()), ["pieni-2026-11-18.draft.toml"], "{signal:?}: no temporary file");
        let draft = std::fs::read_to_string(dir.path().join("pieni-2026-11-18.draft.toml")).unwrap();
        assert!(draft.contains("\"a.level\" = 1") && draft.contains("language = \"en\""), "{draft}");
    }
}

#[test]
fn an_output_folder_that_cannot_be_written_is_refused_before_any_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), SMALL, &["--lang", "en", "interview", "--out-dir", "/proc"], &[]);
    let (code, screen) = pty.finish();
    assert_eq!(code, 2);
    assert!(screen.has("cannot write into the folder `/proc`"), "{}", screen.text());
    assert!(!screen.has(m::I_MUNICIPALITY.get(Lang::En)), "{}", screen.text());
}
