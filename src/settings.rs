//! The resolved settings of one run, decided once from the arguments and the environment before any
//! work starts, and passed down: the interface language and whether to use colour.

use std::io::IsTerminal;

use crate::cli::{Cli, ColorChoice};
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// `--lang` > `KUNTAKOMPASSI_LANG` (both read by clap) > the locale > Finnish.
    pub lang: Lang,
    /// The second language of a bilingual document (`--lang fi,sv`).
    pub also: Option<Lang>,
    /// Whether the language was asked for (`--lang` or `KUNTAKOMPASSI_LANG`) rather than taken from the
    /// locale: a resumed interview otherwise goes on in its draft's language.
    pub lang_given: bool,
    /// Colour on standard output: `--color`, else only on a terminal, never with `NO_COLOR` or `TERM=dumb`.
    pub color: bool,
    /// `--color` as given, and whether the environment forbids colour, for the other streams (the
    /// interview draws on standard error).
    pub color_choice: ColorChoice,
    pub no_color_env: bool,
    /// Whether standard output is a terminal (tables by default, progress bars).
    pub stdout_is_terminal: bool,
    /// The creation time of reports, seconds since the epoch (`SOURCE_DATE_EPOCH` when set).
    pub now: i64,
}

impl Settings {
    pub fn resolve(cli: &Cli) -> Settings {
        let env = |name: &str| std::env::var(name).ok();
        Settings::from_parts(cli, &env, std::io::stdout().is_terminal())
    }

    pub fn from_parts(cli: &Cli, env: &dyn Fn(&str) -> Option<String>, stdout_is_terminal: bool) -> Settings {
        let lang = cli.lang.map_or_else(|| Lang::from_environment(env), |langs| langs.first);
        let no_color = env("NO_COLOR").is_some_and(|v| !v.is_empty()) || env("TERM").as_deref() == Some("dumb");
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_is_terminal && !no_color,
        };
        Settings {
            lang,
            also: cli.lang.and_then(|langs| langs.second),
            lang_given: cli.lang.is_some(),
            color,
            color_choice: cli.color,
            no_color_env: no_color,
            stdout_is_terminal,
            now: crate::clock::now_epoch(env("SOURCE_DATE_EPOCH").as_deref()),
        }
    }

    /// Whether to colour a stream that is (or is not) a terminal, by the same rule as standard output.
    pub fn color_for(&self, is_terminal: bool) -> bool {
        match self.color_choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !self.no_color_env,
        }
    }

    /// The width to draw tables in: `COLUMNS`, else the terminal's when standard output is one, else 80.
    pub fn width(&self) -> u16 {
        let terminal =
            || self.stdout_is_terminal.then(|| console::Term::stdout().size_checked().map(|(_, cols)| cols)).flatten();
        std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).or_else(terminal).filter(|w| *w >= 40).unwrap_or(80)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn settings(args: &[&str], vars: &[(&str, &str)], terminal: bool) -> Settings {
        let cli = Cli::try_parse_from(args).unwrap();
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect();
        let env = move |name: &str| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        Settings::from_parts(&cli, &env, terminal)
    }

    #[test]
    fn colour_only_on_a_terminal_and_never_with_no_color() {
        assert!(settings(&["kk", "questionnaire", "list"], &[], true).color);
        assert!(!settings(&["kk", "questionnaire", "list"], &[], false).color);
        assert!(!settings(&["kk", "questionnaire", "list"], &[("NO_COLOR", "1")], true).color);
        assert!(!settings(&["kk", "questionnaire", "list"], &[("TERM", "dumb")], true).color);
        assert!(settings(&["kk", "--color", "always", "questionnaire", "list"], &[("NO_COLOR", "1")], false).color);
        let never = settings(&["kk", "--color", "never", "questionnaire", "list"], &[], true);
        assert!(!never.color && !never.color_for(true), "--color never holds for standard error too");
        assert!(!settings(&["kk", "questionnaire", "list"], &[("NO_COLOR", "1")], true).color_for(true));
        assert!(settings(&["kk", "questionnaire", "list"], &[], false).color_for(true));
    }

    #[test]
    fn language_from_the_flag_then_the_locale() {
        assert_eq!(
            settings(&["kk", "--lang", "sv", "questionnaire", "list"], &[("LANG", "en_GB")], false).lang,
            Lang::Sv
        );
        assert_eq!(settings(&["kk", "questionnaire", "list"], &[("LANG", "en_GB.UTF-8")], false).lang, Lang::En);
        assert_eq!(settings(&["kk", "questionnaire", "list"], &[], false).lang, Lang::Fi);
    }
}
