//! The interface's own language: which of Finnish, Swedish and English to speak, and the strings in them.
//!
//! Every interface string is a [`Tr`] with all three languages as fields, so a missing translation is a
//! compile error rather than a runtime fallback. The strings themselves live in [`messages`]. Questionnaire
//! text is not here: it comes from the questionnaire file and falls back to its first language
//! ([`crate::questionnaire::Questionnaire::text`]).

pub mod messages;

use std::fmt::Display;

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Lang {
    /// suomi
    Fi,
    /// svenska
    Sv,
    /// English
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// The ISO 639-1 code, as used for the keys of questionnaire texts.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// Picks the language from a locale string such as `sv_FI.UTF-8` or `fi`; `C` and `POSIX` say nothing.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let prefix = locale.get(..2)?.to_ascii_lowercase();
        Lang::from_code(&prefix)
    }

    /// The language when `--lang` and `KUNTAKOMPASSI_LANG` were not given: the locale (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`, the first one set), else Finnish.
    pub fn from_environment(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| get(name).filter(|value| !value.is_empty()))
            .map(|value| Lang::from_locale(&value))
            .next()
            .flatten()
            .unwrap_or(Lang::Fi)
    }
}

impl Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// One interface string in the three languages. Placeholders `{0}`, `{1}` … are filled by [`Tr::fill`].
#[derive(Clone, Copy, Debug)]
pub struct Tr {
    pub fi: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
}

impl Tr {
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fi => self.fi,
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }

    /// The string in `lang` with `{0}`, `{1}` … replaced by the arguments.
    pub fn fill(&self, lang: Lang, args: &[&dyn Display]) -> String {
        fill(self.get(lang), args)
    }
}

/// What the system said of a failed read or write, in `lang` (its English words on a cause line), so that
/// "Permission denied (os error 13)" does not stand in the middle of a Finnish sentence.
pub fn io_reason(lang: Lang, error: &std::io::Error) -> (String, String) {
    use std::io::ErrorKind as K;
    let words = match error.kind() {
        K::NotFound => messages::IO_NOT_FOUND,
        K::PermissionDenied => messages::IO_PERMISSION,
        K::AlreadyExists => messages::IO_EXISTS,
        K::ReadOnlyFilesystem => messages::IO_READ_ONLY,
        K::StorageFull | K::QuotaExceeded => messages::IO_FULL,
        K::IsADirectory => messages::IO_IS_FOLDER,
        K::NotADirectory => messages::IO_NOT_FOLDER,
        _ => messages::IO_OTHER,
    };
    (words.get(lang).to_string(), cause_line(lang, &error.to_string()))
}

/// A library's own words for an error (a parser's, say), which are in English, as an indented line below
/// a message in `lang`: "\n  syy: …". The message itself stays wholly in the reader's language.
pub fn cause_line(lang: Lang, words: &str) -> String {
    format!("\n  {}: {}", messages::CAUSE.get(lang), crate::inert::inert(words, crate::inert::Layout::Line))
}

/// Replaces `{0}`, `{1}` … in `template`; a placeholder without an argument is left as it is. The arguments
/// are names and values, often from a file, so each is made inert ([`crate::inert`]): a message stays one
/// line and cannot drive the terminal.
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after.find('}');
        let index = end.and_then(|end| after[..end].parse::<usize>().ok());
        match (end, index.and_then(|i| args.get(i))) {
            (Some(end), Some(arg)) => {
                out.push_str(&crate::inert::inert(&arg.to_string(), crate::inert::Layout::Line));
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

// Every number a reader sees is written here: a decimal comma and a space between thousands in Finnish and
// Swedish ("4 480", "45,2"), a decimal point and a comma between thousands in English ("4,480", "45.2").

/// The separator of thousands in `lang`.
fn thousands_separator(lang: Lang) -> char {
    match lang {
        Lang::Fi | Lang::Sv => ' ',
        Lang::En => ',',
    }
}

/// `digits` with the thousands separator of `lang` between each three from the right.
fn grouped(digits: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(thousands_separator(lang));
        }
        out.push(digit);
    }
    out
}

/// A number rounded to `decimals` with the language's decimal separator and no thousands separator. Halves
/// round away from zero, as people round by hand (61.25 → 61,3), not to even as `format!` does.
fn ungrouped(lang: Lang, value: f64, decimals: usize) -> String {
    let factor = 10f64.powi(i32::try_from(decimals).unwrap_or(6));
    let rounded = (value * factor).round() / factor;
    let text = format!("{rounded:.decimals$}");
    match lang {
        Lang::Fi | Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Formats a number the way the language writes it: rounded to `decimals` (halves away from zero), with a
/// decimal comma and thousands grouped by spaces in Finnish and Swedish, by commas in English.
pub fn decimal(lang: Lang, value: f64, decimals: usize) -> String {
    let text = ungrouped(lang, value, decimals);
    let (sign, unsigned) = text.strip_prefix('-').map_or(("", text.as_str()), |rest| ("-", rest));
    let whole = unsigned.find([',', '.']).unwrap_or(unsigned.len());
    let (digits, fraction) = unsigned.split_at(whole);
    if digits.len() <= 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return text;
    }
    format!("{sign}{}{fraction}", grouped(digits, lang))
}

/// A whole number with its thousands grouped as the language writes them: `2 000 000`, `2,000,000`.
pub fn whole_number(lang: Lang, value: u64) -> String {
    grouped(&value.to_string(), lang)
}

/// A number with at most two decimals and no trailing zeros, in the language's notation: `35,5`, `2`.
pub fn short_number(lang: Lang, value: f64) -> String {
    without_trailing_zeros(decimal(lang, value, 2), lang)
}

/// A number as a person types it back in: [`short_number`] without thousands separators, which
/// [`crate::interview`] would misread in English ("4,480" is 4.48 there).
pub fn input_number(lang: Lang, value: f64) -> String {
    without_trailing_zeros(ungrouped(lang, value, 2), lang)
}

/// A number's text without the zeros at the end of its decimals (and the separator, if nothing is left).
fn without_trailing_zeros(text: String, lang: Lang) -> String {
    let point = match lang {
        Lang::Fi | Lang::Sv => ',',
        Lang::En => '.',
    };
    if text.contains(point) { text.trim_end_matches('0').trim_end_matches(point).to_string() } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_system_error_is_said_in_the_language_with_its_own_words_on_a_cause_line() {
        let error = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let (reason, cause) = io_reason(Lang::Sv, &error);
        assert_eq!(reason, "behörighet saknas");
        assert!(cause.starts_with("\n  orsak: ") && cause.contains("ermission denied"), "{cause:?}");
        let (reason, _) = io_reason(Lang::Fi, &std::io::Error::other("outo"));
        assert_eq!(reason, "järjestelmä ilmoitti virheestä");
    }

    #[test]
    fn fills_placeholders_in_any_order_and_leaves_unknown_ones() {
        assert_eq!(fill("{1} ja {0}", &[&"a", &2]), "2 ja a");
        assert_eq!(fill("{x} {0} {", &[&"a"]), "{x} a {");
        assert_eq!(fill("{5}", &[&"a"]), "{5}");
    }

    #[test]
    fn reads_the_language_from_the_locale() {
        assert_eq!(Lang::from_locale("sv_FI.UTF-8"), Some(Lang::Sv));
        assert_eq!(Lang::from_locale("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C"), None);
        let env = |name: &str| match name {
            "LC_ALL" => Some(String::new()),
            "LANG" => Some("sv_FI.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(Lang::from_environment(env), Lang::Sv);
        assert_eq!(Lang::from_environment(|_| None), Lang::Fi);
        assert_eq!(Lang::from_environment(|_| Some("C.UTF-8".into())), Lang::Fi);
    }

    #[test]
    fn writes_decimals_with_the_languages_separator() {
        assert_eq!(decimal(Lang::Fi, 61.25, 1), "61,3");
        assert_eq!(decimal(Lang::En, 61.26, 1), "61.3");
        assert_eq!(short_number(Lang::Fi, 35.5), "35,5");
        assert_eq!(short_number(Lang::En, 40.0), "40");
        assert_eq!(short_number(Lang::Sv, 0.125), "0,13");
    }

    #[test]
    fn groups_thousands_as_the_language_writes_them() {
        assert_eq!(decimal(Lang::Fi, 4480.0, 0), "4 480");
        assert_eq!(decimal(Lang::Sv, 12_345.25, 1), "12 345,3");
        assert_eq!(decimal(Lang::En, 4480.0, 0), "4,480");
        assert_eq!(decimal(Lang::En, -1_234_567.0, 1), "-1,234,567.0");
        assert_eq!(decimal(Lang::Fi, 999.95, 1), "1 000,0");
        assert_eq!(decimal(Lang::Fi, 45.2, 1), "45,2");
        assert_eq!(short_number(Lang::Fi, 4480.0), "4 480");
        assert_eq!(short_number(Lang::En, 4480.5), "4,480.5");
        assert_eq!(short_number(Lang::Sv, 1000.25), "1 000,25");
        assert_eq!(whole_number(Lang::Sv, 2_000_000), "2 000 000");
        assert_eq!(input_number(Lang::En, 4480.5), "4480.5");
        assert_eq!(input_number(Lang::Fi, 40.0), "40");
    }
}
