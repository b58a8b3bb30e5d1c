//! `kuntakompassi questionnaire list|show|validate` (`template` and `export` have modules of their own).

use std::fmt::Write as _;

use anyhow::Result;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use crate::cli::QuestionnaireCommand;
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::InputError;
use crate::i18n::{Lang, messages as m, short_number};
use crate::questionnaire::load::check_text;
use crate::questionnaire::{Kind, Questionnaire, Source, builtin};
use crate::settings::Settings;
use crate::wrap::wrap;

use super::{load_questionnaire, print_diagnostics, read_questionnaire_source};

pub fn run(command: &QuestionnaireCommand, settings: &Settings) -> Result<u8> {
    match command {
        QuestionnaireCommand::List => list(settings),
        QuestionnaireCommand::Show { questionnaire } => {
            let q = load_questionnaire(questionnaire, settings)?;
            crate::output::emit(None, show(&q, settings.lang, settings.width()).as_bytes())?;
            Ok(0)
        }
        QuestionnaireCommand::Validate { questionnaires } => validate(questionnaires, settings),
        QuestionnaireCommand::Template(args) => super::template::run(args, settings),
        QuestionnaireCommand::Export(args) => super::export::run(args, settings),
    }
}

fn list(settings: &Settings) -> Result<u8> {
    let lang = settings.lang;
    let mut table = Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(settings.width())
        .force_no_tty();
    table.set_header(vec![
        Cell::new(m::L_ID.get(lang)),
        Cell::new(m::L_VERSION.get(lang)),
        Cell::new(m::L_TITLE.get(lang)),
        Cell::new(m::L_QUESTIONS.get(lang)).set_alignment(CellAlignment::Right),
        Cell::new(m::L_MINUTES.get(lang)).set_alignment(CellAlignment::Right),
    ]);
    for b in builtin::all() {
        let checked = check_text(b.text, &Source::Builtin(b.file_name.to_string()));
        let Some(q) = checked.questionnaire else {
            // A built-in that does not load is a bug of this program; say which rather than hide it.
            anyhow::bail!(
                "built-in questionnaire `{}` does not validate; run `kuntakompassi questionnaire validate {}`",
                b.id,
                b.id
            );
        };
        table.add_row(vec![
            Cell::new(&q.id),
            Cell::new(&q.version),
            Cell::new(q.text(&q.title, lang)),
            Cell::new(q.questions.len()).set_alignment(CellAlignment::Right),
            Cell::new(q.minutes.map_or_else(String::new, |m| m.to_string())).set_alignment(CellAlignment::Right),
        ]);
    }
    crate::output::emit(None, format!("{table}\n").as_bytes())?;
    Ok(0)
}

fn validate(specs: &[String], settings: &Settings) -> Result<u8> {
    let lang = settings.lang;
    let specs: Vec<String> =
        if specs.is_empty() { builtin::all().iter().map(|b| b.id.clone()).collect() } else { specs.to_vec() };
    let mut failed = 0;
    let mut summary = String::new();
    for spec in &specs {
        let (text, source) = match read_questionnaire_source(spec, lang) {
            Ok(found) => found,
            Err(error) => {
                eprintln!("{}: {}", m::ERROR.get(lang), crate::error::message(&error, lang));
                failed += 1;
                continue;
            }
        };
        let file = source.to_string();
        let checked = check_text(&text, &source);
        let diagnostics: Vec<Diagnostic> = checked.findings.iter().map(|f| f.diagnostic(&file, lang)).collect();
        print_diagnostics(&diagnostics, lang);
        let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        let warnings = diagnostics.len() - errors;
        match &checked.questionnaire {
            Some(q) if warnings == 0 => {
                writeln!(summary, "{}", m::VALIDATE_OK.fill(lang, &[&file, &q.questions.len()]))?;
            }
            _ => writeln!(summary, "{}", m::VALIDATE_SUMMARY.fill(lang, &[&file, &errors, &warnings]))?,
        }
        if errors > 0 {
            failed += 1;
        }
    }
    crate::output::emit(None, summary.as_bytes())?;
    if failed > 0 {
        return Err(InputError(m::VALIDATE_FAILED.fill(lang, &[&failed])).into());
    }
    Ok(0)
}

/// A questionnaire as readable text in `lang`: themes, then each question with its help, levels and
/// next steps, options or scoring bands.
pub fn show(q: &Questionnaire, lang: Lang, width: u16) -> String {
    let width = usize::from(width).max(40);
    let mut out = String::new();
    let para = |out: &mut String, indent: &str, text: &str| {
        for line in wrap(text, width.saturating_sub(indent.len())) {
            let _ = writeln!(out, "{indent}{line}");
        }
    };
    let _ = writeln!(out, "{} {}", q.text(&q.title, lang), q.version);
    if let Some(description) = &q.description {
        para(&mut out, "", q.text(description, lang));
    }
    let scored = q.scored_questions().count();
    let _ = writeln!(
        out,
        "{}",
        m::SHOW_SUMMARY.fill(lang, &[&q.themes.len(), &q.questions.len(), &scored, &q.languages.join(", ")])
    );
    for (index, theme) in q.themes.iter().enumerate() {
        let _ = writeln!(out);
        let mut heading = m::SHOW_THEME_LINE.fill(
            lang,
            &[&format!("{} ({})", q.text(&theme.title, lang), theme.id), &short_number(lang, theme.weight)],
        );
        if theme.mil {
            let _ = write!(heading, " · {}", m::SHOW_MIL_THEME.get(lang));
        }
        let _ = writeln!(out, "{heading}");
        let _ = writeln!(out, "{}", "=".repeat(heading.chars().count().min(width)));
        if let Some(description) = &theme.description {
            para(&mut out, "", q.text(description, lang));
        }
        for question in q.questions.iter().filter(|question| question.theme == index) {
            let _ = writeln!(out);
            let mut line = m::SHOW_QUESTION_LINE
                .fill(lang, &[&question.id, &kind_name(&question.kind, lang), &short_number(lang, question.weight)]);
            if let Some(mil) = question.mil {
                let _ = write!(line, " · MIL {mil}");
            }
            if question.allow_na {
                let _ = write!(line, " · {}", m::SHOW_ALLOW_NA.get(lang));
            }
            let _ = writeln!(out, "  {line}");
            para(&mut out, "  ", q.text(&question.text, lang));
            if let Some(help) = &question.help {
                para(&mut out, "    ", &format!("{}: {}", m::SHOW_HELP.get(lang), q.text(help, lang)));
            }
            match &question.kind {
                Kind::Level { levels, next_steps } => {
                    let _ = writeln!(out, "    {}:", m::SHOW_LEVELS.get(lang));
                    for (level, text) in levels.iter().enumerate() {
                        let label = q.scale.labels.get(level).map_or("", |l| q.text(l, lang));
                        para(&mut out, "      ", &format!("{level} {label}: {}", q.text(text, lang)));
                        if let Some(step) = next_steps.get(level) {
                            para(
                                &mut out,
                                "          ",
                                &format!("→ {}: {}", m::SHOW_NEXT_STEP.get(lang), q.text(step, lang)),
                            );
                        }
                    }
                }
                Kind::Choice { options } | Kind::Multi { options, .. } => {
                    let _ = writeln!(out, "    {}:", m::SHOW_OPTIONS.get(lang));
                    for option in options {
                        para(
                            &mut out,
                            "      ",
                            &format!(
                                "{} ({}, {} {})",
                                q.text(&option.label, lang),
                                option.id,
                                short_number(lang, option.points),
                                m::SHOW_POINTS.get(lang)
                            ),
                        );
                    }
                    if let Kind::Multi { max_points, .. } = &question.kind {
                        para(&mut out, "      ", &m::SHOW_MAX_POINTS.fill(lang, &[&short_number(lang, *max_points)]));
                    }
                }
                Kind::Number { unit, min, max, bands } => {
                    let unit = unit.as_ref().map_or("", |u| q.text(u, lang));
                    let bound = |b: &Option<f64>| b.map_or_else(|| "…".to_string(), |b| short_number(lang, b));
                    let _ = writeln!(out, "    {}: {}–{} {unit}", m::SHOW_RANGE.get(lang), bound(min), bound(max));
                    let _ = writeln!(out, "    {}:", m::SHOW_SCORE_BANDS.get(lang));
                    for band in bands {
                        let label = band.label.as_ref().map_or(String::new(), |l| format!(" ({})", q.text(l, lang)));
                        let _ = writeln!(
                            out,
                            "      {} {} {unit} → {}{label}",
                            m::SHOW_FROM.get(lang),
                            short_number(lang, band.min),
                            short_number(lang, band.score)
                        );
                    }
                }
                Kind::YesNo | Kind::Text => {}
            }
            if let Some(advice) = &question.advice {
                para(&mut out, "    ", &format!("{}: {}", m::SHOW_ADVICE.get(lang), q.text(advice, lang)));
            }
            if !question.references.is_empty() {
                para(
                    &mut out,
                    "    ",
                    &format!(
                        "{}: {}",
                        m::SHOW_REFERENCES.get(lang),
                        question.references.iter().map(|r| q.text(r, lang)).collect::<Vec<_>>().join("; ")
                    ),
                );
            }
        }
    }
    crate::inert::inert_text(out, crate::inert::Layout::Block)
}

/// The kind of a question in words.
pub fn kind_name(kind: &Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::Level { .. } => m::KIND_LEVEL.get(lang),
        Kind::Choice { .. } => m::KIND_CHOICE.get(lang),
        Kind::Multi { .. } => m::KIND_MULTI.get(lang),
        Kind::YesNo => m::KIND_YESNO.get(lang),
        Kind::Number { .. } => m::KIND_NUMBER.get(lang),
        Kind::Text => m::KIND_TEXT.get(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;

    #[test]
    fn shows_every_question_with_what_its_kind_has() {
        let text = show(&small(), Lang::Sv, 100);
        assert!(text.contains("Liten 1.0.0"));
        assert!(text.contains("a.level · nivåfråga · vikt 2"));
        assert!(text.contains("→ nästa steg: T0"));
        assert!(text.contains("P-sv (p, 2 poäng)"));
        assert!(text.contains("full poäng vid 3 poäng"));
        assert!(text.contains("från 10 % → 0,5"));
        assert!(text.contains("MIL 2"));
    }
}
