//! `kuntakompassi score SHEET`: an answer sheet → the report record, as JSON or a terminal table.

use anyhow::Result;

use crate::answers::sheet::{Format, ParsedSheet};
use crate::cli::ScoreArgs;
use crate::diagnostic::{Diagnostic, error_count};
use crate::error::InputError;
use crate::i18n::messages as m;
use crate::input;
use crate::questionnaire::builtin;
use crate::report;
use crate::settings::Settings;
use crate::{clock, roadmap, scoring};

use super::{load_questionnaire, print_diagnostics, read_error, refuse_overwriting_input, render_report};

pub fn run(args: &ScoreArgs, settings: &Settings) -> Result<u8> {
    if super::batch::is_batch(&args.input) {
        return super::batch::run(args, settings);
    }
    let lang = settings.lang;
    let file = args.input.display().to_string();
    refuse_overwriting_input(args.render.output.as_deref(), &[&args.input], lang)?;
    let text = input::read_text(&args.input, input::SHEET_LIMIT).map_err(read_error)?;
    let parsed = ParsedSheet::parse(&text, Format::detect(&args.input, &text)).map_err(|finding| {
        let diagnostic = finding.diagnostic(&file, lang);
        print_diagnostics(std::slice::from_ref(&diagnostic), lang);
        InputError(m::SHEET_HAS_ERRORS.fill(lang, &[&file, &1]))
    })?;

    // The questionnaire: -q when given, else the built-in one the sheet names.
    let spec = match (&args.questionnaire, parsed.questionnaire_id()) {
        (Some(spec), _) => spec.clone(),
        (None, Some(id)) if builtin::find(id).is_some() => id.to_string(),
        (None, Some(id)) => return Err(InputError(m::SHEET_FOR_UNKNOWN_QUESTIONNAIRE.fill(lang, &[&id])).into()),
        (None, None) => builtin::DEFAULT_ID.to_string(),
    };
    let q = load_questionnaire(&spec, settings)?;

    let (sheet, findings) = parsed.check(&q);
    let diagnostics: Vec<Diagnostic> = findings.iter().map(|f| f.diagnostic(&file, lang)).collect();
    print_diagnostics(&diagnostics, lang);
    let Some(sheet) = sheet else {
        return Err(InputError(m::SHEET_HAS_ERRORS.fill(lang, &[&file, &error_count(&diagnostics)])).into());
    };

    let assessment = scoring::assess(&q, &sheet);
    let steps = roadmap::of_assessment(&q, &assessment);
    let context = report::Context { lang, created: clock::rfc3339(settings.now) };
    let record = report::individual(&q, &sheet, &assessment, &steps, &context);
    // A bilingual document (`--lang fi,sv`): the same report made in the second language too.
    let second = settings.also.map(|also| {
        let context = report::Context { lang: also, created: context.created.clone() };
        report::individual(&q, &sheet, &assessment, &steps, &context)
    });

    let bytes = render_report(&record, second.as_ref(), &args.render, settings)?;
    crate::output::emit(args.render.output.as_deref(), &bytes)?;
    Ok(0)
}
