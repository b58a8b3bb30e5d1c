//! `kuntakompassi merge SHEET|DRAFT…`: the sheets of several respondents of one municipality → one sheet.
//!
//! Reads every file (a draft answered for another questionnaire version keeps its answers that no longer
//! fit, as the interview's resume does), merges them with [`crate::merge`], resolves conflicts by `--prefer`
//! and then, on a terminal, by asking; what is still unresolved is refused with the list and the fix.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Result;

use crate::answers::sheet::{Format, ParsedSheet, SheetProblem, to_toml_keeping};
use crate::cli::MergeArgs;
use crate::diagnostic::{Diagnostic, Severity, error_count};
use crate::error::InputError;
use crate::i18n::{Lang, messages as m};
use crate::input;
use crate::interview::layout::Item;
use crate::interview::prompt::{PromptError, Prompter};
use crate::merge::{Choice, How, Input, Merge, Prefer, merge, name_apart};
use crate::questionnaire::{Questionnaire, builtin};
use crate::settings::Settings;

use super::{load_questionnaire, print_diagnostics, read_error, refuse_overwriting_input};

pub fn run(args: &MergeArgs, settings: &Settings) -> Result<u8> {
    let lang = settings.lang;
    let paths: Vec<&Path> = args.inputs.iter().map(std::path::PathBuf::as_path).collect();
    refuse_overwriting_input(args.output.as_deref(), &paths, lang)?;
    for (i, path) in paths.iter().enumerate() {
        if paths[..i].iter().any(|earlier| crate::output::same_file(earlier, path)) {
            return Err(InputError(m::M_SAME_FILE_TWICE.fill(lang, &[&path.display()])).into());
        }
    }

    let mut parsed = Vec::with_capacity(paths.len());
    for path in &paths {
        let file = path.display().to_string();
        let text = input::read_text(path, input::SHEET_LIMIT).map_err(read_error)?;
        let sheet = ParsedSheet::parse(&text, Format::detect(path, &text)).map_err(|finding| {
            print_diagnostics(&[finding.diagnostic(&file, lang)], lang);
            InputError(m::SHEET_HAS_ERRORS.fill(lang, &[&file, &1]))
        })?;
        parsed.push((file, sheet));
    }

    // The questionnaire: -q, else the built-in one the first sheet names.
    let spec = match (&args.questionnaire, parsed[0].1.questionnaire_id()) {
        (Some(spec), _) => spec.clone(),
        (None, Some(id)) if builtin::find(id).is_some() => id.to_string(),
        (None, Some(id)) => return Err(InputError(m::SHEET_FOR_UNKNOWN_QUESTIONNAIRE.fill(lang, &[&id])).into()),
        (None, None) => builtin::DEFAULT_ID.to_string(),
    };
    let q = load_questionnaire(&spec, settings)?;

    let mut inputs = Vec::with_capacity(parsed.len());
    for (file, sheet) in &parsed {
        inputs.push(read_input(file, sheet, &q, lang)?);
    }
    name_apart(&mut inputs);
    let mut merged = merge(&q, &inputs).map_err(|error| InputError(error.message(lang)))?;
    if let Some(rule) = &args.prefer {
        let could_mean = Prefer(rule.clone()).ambiguous(&inputs);
        if !could_mean.is_empty() {
            return Err(InputError(m::M_PREFER_AMBIGUOUS.fill(lang, &[rule, &could_mean.join("`, `")])).into());
        }
        merged.apply_rule(&q, &inputs, &Prefer(rule.clone()), lang);
    }
    if !merged.conflicts.is_empty() && std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        let color = settings.color_for(true);
        let mut ui = crate::interview::terminal::Terminal::new(color, lang);
        match ask(&mut ui, &q, &inputs, &mut merged, lang) {
            Ok(()) => {}
            Err(PromptError::Interrupted) => return Ok(crate::interview::terminal::INTERRUPTED),
            Err(PromptError::Io(error)) => return Err(error.into()),
        }
    }
    if !merged.conflicts.is_empty() {
        return Err(InputError(unresolved(&q, &inputs, &merged, lang)).into());
    }

    let resolved = merged.sheet.conflicts.len();
    let text = to_toml_keeping(&merged.sheet, &q, &merged.unfit, &merged.unfit_notes);
    crate::output::emit(args.output.as_deref(), text.as_bytes())?;
    crate::output::say(&m::M_MERGED.fill(lang, &[&inputs.len(), &merged.sheet.answers.len(), &resolved]));
    Ok(0)
}

/// One file against the questionnaire: errors refuse it (with file and line); answers that no longer fit
/// another version are named and kept.
fn read_input(file: &str, parsed: &ParsedSheet, q: &Questionnaire, lang: Lang) -> Result<Input> {
    let Some(reading) = parsed.check_draft(q) else {
        let id = parsed.questionnaire_id().unwrap_or_default();
        return Err(InputError(m::I_DRAFT_OTHER_QUESTIONNAIRE.fill(lang, &[&file, &id, &q.id])).into());
    };
    // Only a sheet of another version has answers that no longer fit; in a sheet of this version an unknown
    // id is a mistake (a typo), refused as `score` refuses it.
    let other_version = reading.sheet.questionnaire_version.as_ref().is_some_and(|version| *version != q.version);
    let is_unfit = |problem: &SheetProblem| {
        other_version
            && matches!(
                problem,
                SheetProblem::Answer { .. }
                    | SheetProblem::UnknownQuestion { .. }
                    | SheetProblem::NoteForUnknownQuestion { .. }
            )
    };
    let unfit: Vec<Diagnostic> = reading
        .findings
        .iter()
        .filter(|f| is_unfit(&f.problem))
        .map(|f| Diagnostic { severity: Severity::Warning, ..f.diagnostic(file, lang) })
        .collect();
    if !unfit.is_empty() {
        crate::output::say(&m::M_UNFIT_KEPT.fill(lang, &[&file, &q.version]));
        print_diagnostics(&unfit, lang);
    }
    let other: Vec<Diagnostic> =
        reading.findings.iter().filter(|f| !is_unfit(&f.problem)).map(|f| f.diagnostic(file, lang)).collect();
    print_diagnostics(&other, lang);
    if error_count(&other) > 0 {
        return Err(InputError(m::SHEET_HAS_ERRORS.fill(lang, &[&file, &error_count(&other)])).into());
    }
    if reading.sheet.respondent.municipality.trim().is_empty() {
        return Err(InputError(m::M_NO_MUNICIPALITY.fill(lang, &[&file])).into());
    }
    let mut sheet = reading.sheet;
    sheet.questionnaire.clone_from(&q.id);
    Ok(Input { unfit: reading.unfit, unfit_notes: reading.unfit_notes, ..Input::new(file, sheet) })
}

/// Asks a person about each conflict: both (all) answers with their notes; take one, or take one and keep
/// the others in the note.
pub fn ask(
    ui: &mut impl Prompter,
    q: &Questionnaire,
    inputs: &[Input],
    merged: &mut Merge,
    lang: Lang,
) -> Result<(), PromptError> {
    let total = merged.conflicts.len();
    for number in 1..=total {
        let conflict = merged.conflicts[0].clone();
        let Some(question) = q.question(&conflict.question) else { continue };
        let mut text = format!(
            "\n{}\n{}\n",
            m::M_CONFLICT_HEADING.fill(lang, &[&conflict.question, &number, &total]),
            q.text(&question.text, lang)
        );
        let mut items = Vec::new();
        for candidate in &conflict.candidates {
            let who: Vec<String> = candidate.inputs.iter().map(|&i| inputs[i].label()).collect();
            let said = format!("{} = {}", who.join(", "), candidate.answer.describe(q, question, lang));
            text.push_str(&format!("  - {said}\n"));
            for &i in &candidate.inputs {
                if let Some(note) = inputs[i].sheet.notes.get(&conflict.question) {
                    text.push_str(&format!("      {}: {note}\n", inputs[i].label()));
                }
            }
            items.push(said);
        }
        ui.say(&text)?;
        let choices: Vec<Item> = items
            .iter()
            .map(|said| Item::new(m::M_TAKE.fill(lang, &[said])))
            .chain(items.iter().map(|said| Item::new(m::M_TAKE_KEEP.fill(lang, &[said]))))
            .collect();
        let picked = ui.select(m::M_PICK_PROMPT.get(lang), &choices, 0, false)?;
        let choice = Choice { candidate: picked % items.len(), keep_others: picked >= items.len(), how: How::Person };
        merged.resolve(q, inputs, &conflict.question, &choice, lang);
    }
    Ok(())
}

/// The refusal: every conflict still open, with the answers, and how to resolve them.
fn unresolved(q: &Questionnaire, inputs: &[Input], merged: &Merge, lang: Lang) -> String {
    let lines: Vec<String> = merged
        .conflicts
        .iter()
        .map(|conflict| {
            let said: Vec<String> = conflict
                .candidates
                .iter()
                .map(|candidate| {
                    let who: Vec<String> = candidate.inputs.iter().map(|&i| inputs[i].label()).collect();
                    let answer = q
                        .question(&conflict.question)
                        .map_or_else(String::new, |question| candidate.answer.describe(q, question, lang));
                    format!("{} = {answer}", who.join(", "))
                })
                .collect();
            format!("  `{}`: {}", conflict.question, said.join("; "))
        })
        .collect();
    m::M_UNRESOLVED.fill(lang, &[&merged.conflicts.len(), &lines.join("\n")])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, AnswerSheet, Respondent};
    use crate::interview::prompt::{Script, pick};
    use crate::questionnaire::fixtures::small;

    fn input(file: &str, role: &str, level: u32, note: Option<&str>) -> Input {
        let mut sheet = AnswerSheet {
            questionnaire: "pieni".into(),
            respondent: Respondent { municipality: "Kustavi".into(), role: Some(role.into()), ..Respondent::default() },
            ..AnswerSheet::default()
        };
        sheet.answers.insert("a.level".into(), Answer::Level(level));
        if let Some(note) = note {
            sheet.notes.insert("a.level".into(), note.into());
        }
        Input::new(file, sheet)
    }

    #[test]
    fn a_person_sees_both_answers_with_their_notes_and_keeps_both_in_the_note() {
        let q = small();
        let inputs = [input("it.toml", "it", 1, Some("ei testattu")), input("hr.toml", "hr", 3, None)];
        let mut merged = merge(&q, &inputs).unwrap();
        let mut ui = Script::new(vec![pick("Take: hr (hr.toml) = 3 – three, and keep")]);
        ask(&mut ui, &q, &inputs, &mut merged, Lang::En).unwrap();
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.sheet.answers["a.level"], Answer::Level(3));
        let shown = &ui.transcript;
        assert!(shown.contains("it (it.toml) = 1") && shown.contains("ei testattu"), "{shown}");
        assert!(merged.sheet.notes["a.level"].contains("it (it.toml) = 1"));
    }

    #[test]
    fn unresolved_conflicts_are_listed_with_the_fix() {
        let q = small();
        let inputs = [input("it.toml", "it", 1, None), input("hr.toml", "hr", 3, None)];
        let merged = merge(&q, &inputs).unwrap();
        let message = unresolved(&q, &inputs, &merged, Lang::En);
        assert!(message.contains("`a.level`: it (it.toml) = 1") && message.contains("--prefer ROLE"), "{message}");
    }
}
