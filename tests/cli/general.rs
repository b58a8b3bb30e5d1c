//! What every user meets first: help, version, completions, languages, exit codes for usage errors.

use crate::support::Kk;

#[test]
fn prints_its_version() {
    Kk::new().arg("--version").run().code(0).stdout_has(env!("CARGO_PKG_VERSION"));
}

#[test]
fn help_lists_the_commands() {
    let run = Kk::new().arg("--help").run().code(0);
    for command in ["score", "questionnaire", "completions"] {
        assert!(run.stdout.contains(command), "{command} missing from --help");
    }
}

#[test]
fn writes_completions_for_bash_zsh_and_fish() {
    for shell in ["bash", "zsh", "fish"] {
        let run = Kk::new().args(["completions", shell]).run().code(0);
        assert!(run.stdout.contains("kuntakompassi"), "{shell}: {}", run.stdout);
        assert!(run.stdout.contains("questionnaire"), "{shell} completes subcommands");
    }
}

#[test]
fn a_usage_error_exits_2() {
    Kk::new().args(["score"]).run().code(2).stderr_has("INPUT");
    Kk::new().args(["--lang", "de", "questionnaire", "list"]).run().code(2).stderr_has("fi");
}

#[test]
fn the_language_comes_from_the_flag_the_variable_or_the_locale() {
    Kk::new()
        .args(["--lang", "sv", "questionnaire", "validate", "nope"])
        .run()
        .code(2)
        .stderr_has("det finns ingen inbyggd enkät");
    Kk::new()
        .args(["questionnaire", "validate", "nope"])
        .env("KUNTAKOMPASSI_LANG", "en")
        .run()
        .code(2)
        .stderr_has("no built-in questionnaire");
    Kk::new()
        .args(["questionnaire", "validate", "nope"])
        .env("LANG", "sv_FI.UTF-8")
        .run()
        .code(2)
        .stderr_has("det finns ingen inbyggd enkät");
    Kk::new()
        .args(["questionnaire", "validate", "nope"])
        .run()
        .code(2)
        .stderr_has("sisäänrakennettua kyselyä `nope` ei ole");
}
