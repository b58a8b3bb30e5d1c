//! `kuntakompassi report REPORT.json`: a saved report rendered in another format.

use anyhow::Result;

use crate::cli::ReportArgs;
use crate::report::load;
use crate::settings::Settings;

use crate::cli::ReportFormat;

use super::{ReaderLanguage, refuse_overwriting_input, render_report, resolved_format};

pub fn run(args: &ReportArgs, settings: &Settings) -> Result<u8> {
    refuse_overwriting_input(args.render.output.as_deref(), &[&args.input], settings.lang)?;
    let stored = load::load(&args.input)?;
    // The record itself is passed on as it was stored; every rendering is in the reader's language.
    let file = args.input.display().to_string();
    let (report, second) = if resolved_format(&args.render, settings) == ReportFormat::Json {
        (stored, None)
    } else {
        let mut texts = ReaderLanguage::new(args.questionnaire.as_deref(), settings)?;
        // A bilingual document (`--lang fi,sv`): the report in the second language too.
        let second = settings.also.map(|also| texts.apply_in(stored.clone(), &file, also));
        (texts.apply(stored, &file), second)
    };
    let bytes = render_report(&report, second.as_ref(), &args.render, settings)?;
    crate::output::emit(args.render.output.as_deref(), &bytes)?;
    Ok(0)
}
