//! `kuntakompassi report REPORT.json`: a saved report rendered in another format.

use anyhow::Result;

use crate::cli::ReportArgs;
use crate::report::load;
use crate::settings::Settings;

use super::{refuse_overwriting_input, render_report};

pub fn run(args: &ReportArgs, settings: &Settings) -> Result<u8> {
    refuse_overwriting_input(args.render.output.as_deref(), &[&args.input], settings.lang)?;
    let report = load::load(&args.input)?;
    let bytes = render_report(&report, &args.render, settings)?;
    crate::output::emit(args.render.output.as_deref(), &bytes)?;
    Ok(0)
}
