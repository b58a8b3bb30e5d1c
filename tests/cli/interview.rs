//! `interview`: the real binary in a pseudo-terminal (answers, Ctrl-C, the draft, resume, finish), and its
//! non-interactive twin (no terminal: exit 2 with a pointer to `score`).

use crate::reference;
use crate::support::{EPOCH, Kk, fixture};

#[test]
fn without_a_terminal_it_points_to_score() {
    Kk::new().args(["--lang", "en", "interview"]).run().code(2).stderr_has("kuntakompassi score FILE");
    Kk::new().args(["interview"]).stdin("Kustavi\n").run().code(2).stderr_has("haastattelu tarvitsee päätteen");
}

#[test]
fn an_unknown_theme_or_question_is_refused_before_any_prompt_with_the_nearest_id() {
    Kk::new()
        .args(["--lang", "en", "interview", "--themes", "security,skils"])
        .run()
        .code(2)
        .stderr_has("--themes: the questionnaire `kuntakompassi` has no theme `skils`; did you mean `skills`?");
    Kk::new()
        .args(["interview", "--questions", "zzzzzzzzzz"])
        .run()
        .code(2)
        .stderr_has("kyselyssä `kuntakompassi` ei ole kysymystä `zzzzzzzzzz`")
        .stderr_has("kuntakompassi questionnaire show kuntakompassi");
}

#[cfg(unix)]
mod pty {
    use super::*;
    use nix::sys::wait::WaitStatus;
    use rexpect::session::{Options, PtySession, spawn_with_options};
    use std::path::Path;
    use std::process::Command;

    const DOWN: &str = "\x1b[B";
    const ENTER: &str = "\r";

    fn spawn(dir: &Path, args: &[&str]) -> PtySession {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kuntakompassi"));
        command
            .args(args)
            .current_dir(dir)
            .env_remove("KUNTAKOMPASSI_LANG")
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .env("SOURCE_DATE_EPOCH", EPOCH);
        spawn_with_options(command, Options::new().timeout_ms(Some(15_000)).strip_ansi_escape_codes(true))
            .expect("spawns in a pty")
    }

    /// Waits for `text`. rexpect reads the terminal byte by byte as Latin-1, so the UTF-8 text is looked
    /// for in that form.
    fn expect(session: &mut PtySession, text: &str) {
        let latin1: String = text.bytes().map(char::from).collect();
        if let Err(error) = session.exp_string(&latin1) {
            panic!("waiting for {text:?}: {error}");
        }
    }

    fn keys(session: &mut PtySession, keys: &[&str]) {
        for key in keys {
            session.send(key).unwrap();
            session.flush().unwrap();
            std::thread::sleep(std::time::Duration::from_millis(60));
        }
    }

    fn exit_code(session: &mut PtySession) -> i32 {
        session.exp_eof().unwrap();
        match session.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("did not exit normally: {other:?}"),
        }
    }

    #[test]
    fn answers_ctrl_c_resume_and_finish_in_a_real_terminal() {
        let dir = tempfile::tempdir().unwrap();
        let questionnaire = fixture("pieni.toml");
        let q = questionnaire.to_str().unwrap();

        // First sitting: the details, two answers, then Ctrl-C at the third question.
        let mut s = spawn(dir.path(), &["--lang", "fi", "interview", "-q", q]);
        expect(&mut s, "pieni-2026-11-18.draft.toml");
        expect(&mut s, "Kunta");
        keys(&mut s, &["Kustavi", ENTER]);
        expect(&mut s, "Kuntanumero");
        keys(&mut s, &["304", ENTER]);
        expect(&mut s, "Maakunta");
        keys(&mut s, &[DOWN, DOWN, ENTER]);
        for prompt in ["Asukasluku", "Tehtäväsi", "Nimi"] {
            expect(&mut s, prompt);
            keys(&mut s, &[ENTER]);
        }
        expect(&mut s, "Aa · 1/8 · 0 %");
        keys(&mut s, &[DOWN, DOWN, DOWN, ENTER]);
        expect(&mut s, "Aa · 2/8");
        keys(&mut s, &[DOWN, DOWN, ENTER]);
        expect(&mut s, "Aa · 3/8");
        expect(&mut s, "Tallenna ja lopeta");
        s.send_control('c').unwrap();
        expect(&mut s, "Luonnos on tallennettu");
        expect(&mut s, "--resume");
        assert_eq!(exit_code(&mut s), 130);

        let draft_path = dir.path().join("pieni-2026-11-18.draft.toml");
        let draft = std::fs::read_to_string(&draft_path).unwrap();
        assert!(draft.contains("\"a.level\" = 3"), "{draft}");
        assert!(draft.contains("\"a.choice\" = \"all\""), "{draft}");
        assert!(
            draft.contains("municipality = \"Kustavi\"") && draft.contains("region = \"Varsinais-Suomi\""),
            "{draft}"
        );

        // Second sitting: resume at the first unanswered question and answer the rest.
        let mut s =
            spawn(dir.path(), &["--lang", "fi", "interview", "-q", q, "--resume", "pieni-2026-11-18.draft.toml"]);
        expect(&mut s, "Jatketaan luonnosta: 2/7");
        expect(&mut s, "Aa · 3/8");
        keys(&mut s, &[ENTER]);
        expect(&mut s, "Valitse kaikki sopivat");
        keys(&mut s, &[" ", ENTER]);
        expect(&mut s, "Aa · 4/8");
        keys(&mut s, &[ENTER]);
        expect(&mut s, "Luku (tyhjä palaa valikkoon)");
        keys(&mut s, &["45,5", ENTER]);
        expect(&mut s, "Turva · 5/8");
        keys(&mut s, &[ENTER]);
        expect(&mut s, "Turva · 6/8");
        keys(&mut s, &[DOWN, DOWN, DOWN, DOWN, DOWN, ENTER]);
        expect(&mut s, "Turva · 7/8");
        keys(&mut s, &[DOWN, ENTER]);
        expect(&mut s, "Teksti · 8/8");
        keys(&mut s, &[ENTER]);
        expect(&mut s, "Vastaus (tyhjä palaa valikkoon)");
        keys(&mut s, &["yhteinen tuki", ENTER]);
        expect(&mut s, "Kokonaisindeksi");
        // Issue 22: the end screen says what holds the maturity level down and marks the step that raises it.
        expect(&mut s, "Turva: kypsyystaso 1/3 — tasolle 2 tarvitaan: Kaksi? (selvitä ensin)");
        expect(&mut s, "▲ Nostaa teeman Turva kypsyystasolle 2");
        expect(&mut s, "Raportti on tallennettu");
        expect(&mut s, "Tallennetaanko raportti myös luettavassa muodossa?");
        keys(&mut s, &[ENTER]);
        expect(&mut s, "kustavi-2026-11-18.html");
        assert_eq!(exit_code(&mut s), 0);
        let html = std::fs::read_to_string(dir.path().join("kustavi-2026-11-18.html")).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Kustavi"));

        let report: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join("kustavi-2026-11-18.json")).unwrap())
                .unwrap();
        // Theme a: level 3/4 (w 2), choice "all" 1, multi "p" 2/3, number 45.5 → 0.5: (1.5 + 1 + 2/3 + 0.5) / 5.
        // Theme t: yes 1, "dk" 0, no 0. Overall: (2 · 73.3 + 33.3) / 3 = 60.
        let theme = |i: usize| report["themes"][i]["score"].as_f64().unwrap();
        assert!((theme(0) - 100.0 * (1.5 + 1.0 + 2.0 / 3.0 + 0.5) / 5.0).abs() < 1e-9);
        assert!((theme(1) - 100.0 / 3.0).abs() < 1e-9);
        assert!((report["overall"]["score"].as_f64().unwrap() - 60.0).abs() < 1e-9);
        assert_eq!(report["respondent"]["municipality_code"], "304");
        reference::check_report(&std::fs::read_to_string(&questionnaire).unwrap(), &report);
    }

    #[test]
    fn a_partial_interview_asks_only_its_theme_and_resume_keeps_the_selection() {
        let dir = tempfile::tempdir().unwrap();
        let questionnaire = fixture("pieni.toml");
        let q = questionnaire.to_str().unwrap();

        let mut s = spawn(dir.path(), &["--lang", "fi", "interview", "-q", q, "--themes", "t"]);
        expect(&mut s, "vain osa kyselystä: Turva.");
        expect(&mut s, "Kunta");
        keys(&mut s, &["Kustavi", ENTER]);
        for prompt in ["Kuntanumero", "Maakunta", "Asukasluku"] {
            expect(&mut s, prompt);
            keys(&mut s, &[ENTER]);
        }
        expect(&mut s, "Tehtäväsi");
        keys(&mut s, &["talousjohtaja", ENTER]);
        expect(&mut s, "Nimi");
        keys(&mut s, &[ENTER]);
        expect(&mut s, "Turva · 1/3 · 0 %");
        keys(&mut s, &[ENTER]);
        expect(&mut s, "Turva · 2/3 · 33 %");
        s.send_control('c').unwrap();
        expect(&mut s, "--resume");
        assert_eq!(exit_code(&mut s), 130);

        // The draft names its part, so that respondents' drafts from separate folders differ for `merge`.
        let draft_path = dir.path().join("pieni-t-2026-11-18.draft.toml");
        let draft = std::fs::read_to_string(&draft_path).unwrap();
        assert!(draft.contains("themes = [\"t\"]") && draft.contains("role = \"talousjohtaja\""), "{draft}");
        assert!(!draft.contains("respondent = "), "no name was given:\n{draft}");

        let mut s =
            spawn(dir.path(), &["--lang", "fi", "interview", "-q", q, "--resume", "pieni-t-2026-11-18.draft.toml"]);
        expect(&mut s, "vain osa kyselystä: Turva.");
        expect(&mut s, "Jatketaan luonnosta: 1/3");
        expect(&mut s, "Turva · 2/3 · 33 %");
        keys(&mut s, &[DOWN, DOWN, DOWN, DOWN, DOWN, ENTER]);
        expect(&mut s, "Turva · 3/3");
        keys(&mut s, &[DOWN, ENTER]);
        // The end of a part: its theme's score (yes 1, dk 0, no 0), and no report of a questionnaire that
        // is mostly unanswered, but the way to merge the parts.
        expect(&mut s, "Vastaamanne osa");
        expect(&mut s, "Turva: 33,3");
        expect(&mut s, "kuntakompassi merge");
        assert_eq!(exit_code(&mut s), 0);
        let written: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| !name.ends_with(".draft.toml"))
            .collect();
        assert!(written.is_empty(), "no report of a part: {written:?}");
    }

    #[test]
    fn a_killed_interview_keeps_every_answer_given_before_the_kill() {
        use nix::sys::signal::Signal;

        let dir = tempfile::tempdir().unwrap();
        let questionnaire = fixture("pieni.toml");
        let mut s = spawn(dir.path(), &["--lang", "en", "interview", "-q", questionnaire.to_str().unwrap()]);
        expect(&mut s, "Municipality");
        keys(&mut s, &["Kustavi", ENTER]);
        expect(&mut s, "Municipality code");
        keys(&mut s, &[ENTER]);
        expect(&mut s, "Region");
        keys(&mut s, &[ENTER]);
        for prompt in ["Population", "Your role", "Name"] {
            expect(&mut s, prompt);
            keys(&mut s, &[ENTER]);
        }
        expect(&mut s, "Ay · 1/8");
        keys(&mut s, &[DOWN, ENTER]);
        expect(&mut s, "Ay · 2/8");
        keys(&mut s, &[DOWN, DOWN, ENTER]);
        expect(&mut s, "Ay · 3/8");
        keys(&mut s, &[" "]);

        // No handler runs on SIGKILL: what is on disk is what autosave wrote after each answer.
        s.process_mut().signal(Signal::SIGKILL).unwrap();
        let status = s.process().wait().unwrap();
        assert!(matches!(status, WaitStatus::Signaled(_, Signal::SIGKILL, _)), "{status:?}");

        let names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into()).collect();
        assert_eq!(names, ["pieni-2026-11-18.draft.toml"], "only the draft, no temporary file left behind");
        let draft = std::fs::read_to_string(dir.path().join(&names[0])).unwrap();
        assert!(draft.contains("\"a.level\" = 1"), "{draft}");
        assert!(draft.contains("\"a.choice\" = \"all\""), "{draft}");
        assert!(draft.contains("municipality = \"Kustavi\""), "{draft}");
    }
}
