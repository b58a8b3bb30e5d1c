//! `kuntakompassi interview`: the guided self-assessment in the terminal.
//!
//! Sets up what the interview engine needs (the questionnaire, a new or resumed draft, the Ctrl-C
//! handler, the terminal prompter), runs it, and at the end shows the results and writes the report.
//! The part of the questionnaire asked (`--themes`, `--questions`, or a resumed draft's) is checked
//! before the first prompt.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::answers::sheet::SheetProblem;
use crate::cli::InterviewArgs;
use crate::error::InputError;
use crate::i18n::{Lang, messages as m};
use crate::interview::draft::{Draft, DraftError, find_drafts, folder_of, new_draft_path};
use crate::interview::layout::Item;
use crate::interview::prompt::{PromptError, Prompter};
use crate::interview::selection::{Selection, SelectionError};
use crate::interview::terminal::{self, INTERRUPTED, Resume, Terminal, install_interrupt_handler};
use crate::interview::{End, Interview};
use crate::questionnaire::{Questionnaire, builtin};
use crate::render::report::{self as render, terminal as table};
use crate::report;
use crate::settings::Settings;
use crate::{clock, output, roadmap, scoring};

use super::{load_questionnaire, print_diagnostics, read_error};

pub fn run(args: &InterviewArgs, settings: &Settings) -> Result<u8> {
    // The files first: a broken questionnaire or draft is named whatever the terminal.
    let spec = match (&args.questionnaire, &args.resume) {
        (Some(spec), _) => spec.clone(),
        (None, Some(draft)) => questionnaire_of_draft(draft).unwrap_or_else(|| builtin::DEFAULT_ID.to_string()),
        (None, None) => builtin::DEFAULT_ID.to_string(),
    };
    let q = load_questionnaire(&spec, settings)?;
    let chosen = selection_of_args(args, &q, settings.lang)?;
    let resumed = args.resume.as_deref().map(|path| resume(path, &q, settings.lang)).transpose()?;
    let resumed =
        resumed.map(|(draft, notices)| select(draft, chosen.as_ref(), &q, settings.lang).map(|d| (d, notices)));
    let resumed = resumed.transpose()?;
    // A resumed draft goes on in its own language unless one is asked for.
    let lang = match &resumed {
        Some((draft, _)) if !settings.lang_given => draft.lang.unwrap_or(settings.lang),
        _ => settings.lang,
    };
    let settings = &Settings { lang, ..*settings };

    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(InputError(m::I_NOT_A_TERMINAL.get(lang).to_string()).into());
    }
    // The report goes where it was asked for: `--out-dir`, else where the resumed draft's interview was
    // told, else the draft's own folder, else here.
    let out_dir = match (&args.out_dir, &resumed) {
        (Some(dir), _) => dir.clone(),
        (None, Some((draft, _))) => {
            draft.out_dir.clone().filter(|dir| dir.is_dir()).unwrap_or_else(|| folder_of(&draft.path))
        }
        (None, None) => PathBuf::from("."),
    };
    check_writable(&out_dir, lang)?;
    let color =
        settings.color_for(std::io::stderr().is_terminal()) && !matches!(std::env::var("TERM").as_deref(), Ok("dumb"));
    let mut ui = Terminal::new(color, lang);
    let today = clock::date(settings.now);

    // What an interruption says: filled in as soon as it is known, and the handler in place before the
    // first prompt.
    let questionnaire_file =
        args.questionnaire.as_ref().filter(|spec| builtin::find(spec).is_none()).map(PathBuf::from);
    let mut stop =
        Resume { lang, draft: PathBuf::new(), questionnaire_file, out_dir: args.out_dir.clone(), saved: false };
    terminal::set_resume(&stop);
    install_interrupt_handler();

    let (mut draft, notices) = match resumed {
        Some(resumed) => resumed,
        None => match offer_existing_draft(&mut ui, &out_dir, &q, lang) {
            Ok(Some(path)) => {
                let (draft, notices) = resume(&path, &q, lang)?;
                (select(draft, chosen.as_ref(), &q, lang)?, notices)
            }
            Ok(None) => {
                let part = chosen.clone().unwrap_or_default();
                let mut draft = Draft::new(new_draft_path(&out_dir, &q.id, &part, &today), &q);
                draft.selection = part;
                (draft, Vec::new())
            }
            Err(PromptError::Interrupted) => {
                stop.tell();
                return Ok(INTERRUPTED);
            }
            Err(PromptError::Io(error)) => return Err(error.into()),
        },
    };
    draft.lang = Some(lang);
    draft.out_dir = Some(std::fs::canonicalize(&out_dir).unwrap_or_else(|_| out_dir.clone()));
    stop.draft.clone_from(&draft.path);
    stop.saved = draft.path.exists();
    terminal::set_resume(&stop);

    let mut saved = stop.clone();
    let mut save = |draft: &Draft| {
        terminal::saving(|| draft.save(&q))
            .map_err(|error| std::io::Error::new(error.source.kind(), error.message(lang)))?;
        if !saved.saved {
            saved.saved = true;
            terminal::set_resume(&saved);
        }
        Ok(())
    };
    let mut interview = Interview::new(&q, lang, &mut ui, draft, &mut save, &today);
    let end = interview.run(&notices)?;
    let draft = interview.draft.clone();
    drop(interview);
    stop.saved = draft.path.exists();
    match end {
        End::Quit => {
            stop.tell();
            Ok(0)
        }
        End::Interrupted => {
            stop.tell();
            Ok(INTERRUPTED)
        }
        End::Finished => {
            ui.page(None).map_err(prompt_error)?;
            finish(&mut ui, &q, &draft, &out_dir, settings)
        }
    }
}

fn prompt_error(error: PromptError) -> anyhow::Error {
    match error {
        PromptError::Io(error) => error.into(),
        PromptError::Interrupted => std::io::Error::from(std::io::ErrorKind::Interrupted).into(),
    }
}

/// Fails at once when the output folder cannot take files (`/proc`, a read-only mount), rather than after
/// the respondent has typed everything.
fn check_writable(dir: &Path, lang: Lang) -> Result<()> {
    let fail = |error: std::io::Error| -> anyhow::Error {
        let (reason, cause) = crate::i18n::io_reason(lang, &error);
        InputError(format!("{}{cause}", m::I_OUT_DIR_NOT_WRITABLE.fill(lang, &[&dir.display(), &reason]))).into()
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    tempfile::Builder::new().prefix(".kuntakompassi-check-").tempfile_in(dir).map_err(fail)?;
    Ok(())
}

/// The end of an interview that asked only part of the questionnaire: the scores of the themes it asked
/// (a theme score stands on its own questions), but no report: an overall index and a roadmap over themes
/// nobody answered yet would mislead, so the respondent is told to merge the parts first.
fn finish_part(q: &Questionnaire, draft: &Draft, lang: Lang, width: usize) -> u8 {
    let assessment = scoring::assess(q, &draft.sheet);
    let asked = draft.selection.indices(q);
    let mut lines = vec![String::new(), m::I_PART_HEADING.get(lang).to_string(), String::new()];
    for (index, theme) in q.themes.iter().enumerate() {
        let in_theme: Vec<usize> = asked.iter().copied().filter(|&i| q.questions[i].theme == index).collect();
        if in_theme.is_empty() {
            continue;
        }
        let scored = &assessment.themes[index];
        let band = scored.score.and_then(|s| q.band_index(s)).map(|b| q.text(&q.bands[b].name, lang));
        let score = crate::render::wording::score_text(scored.score, lang);
        let mut line = format!("  {}: {score}", q.text(&theme.title, lang));
        if let Some(band) = band {
            line.push_str(&format!(" – {band}"));
        }
        line.push_str(&format!("  ({})", crate::render::wording::answered(&scored.counts, lang)));
        if in_theme.len() < q.questions.iter().filter(|question| question.theme == index).count() {
            line.push_str(&format!("  {}", m::I_PART_SOME_QUESTIONS.fill(lang, &[&in_theme.len()])));
        }
        lines.push(line);
    }
    lines.push(String::new());
    lines.push(m::I_PART_MERGE.fill(lang, &[&draft.path.display()]));
    let commands = m::I_PART_COMMANDS.fill(lang, &[&draft.path.display()]);
    lines.extend(commands.lines().map(|command| format!("  {command}")));
    let wrapped: Vec<String> = lines.iter().flat_map(|line| crate::wrap::indented(line, width)).collect();
    println!("{}", wrapped.join("\n"));
    0
}

/// The part of the questionnaire `--themes` and `--questions` ask; `None` when neither is given.
fn selection_of_args(args: &InterviewArgs, q: &Questionnaire, lang: Lang) -> Result<Option<Selection>> {
    if args.themes.is_empty() && args.questions.is_empty() {
        return Ok(None);
    }
    let selection = Selection::resolve(q, &args.themes, &args.questions).map_err(|error| {
        let option = match error {
            SelectionError::UnknownTheme { .. } => "--themes",
            SelectionError::UnknownQuestion { .. } => "--questions",
        };
        InputError(format!("{option}: {}", selection_message(&error, q, lang)))
    })?;
    Ok(Some(selection))
}

/// A draft with the part to ask: the one given on the command line, else the draft's own, checked
/// against the questionnaire (a newer version may have dropped an id), naming the draft.
fn select(mut draft: Draft, chosen: Option<&Selection>, q: &Questionnaire, lang: Lang) -> Result<Draft> {
    draft.selection = match chosen {
        Some(chosen) => chosen.clone(),
        None => Selection::resolve(q, &draft.selection.themes, &draft.selection.questions)
            .map_err(|error| InputError(format!("{}: {}", draft.path.display(), selection_message(&error, q, lang))))?,
    };
    Ok(draft)
}

/// An unknown id: what the questionnaire lacks, and the nearest id it has or where to look them up.
fn selection_message(error: &SelectionError, q: &Questionnaire, lang: Lang) -> String {
    let (what, id, suggestion) = match error {
        SelectionError::UnknownTheme { id, suggestion } => (m::I_NO_SUCH_THEME, id, suggestion),
        SelectionError::UnknownQuestion { id, suggestion } => (m::I_NO_SUCH_QUESTION, id, suggestion),
    };
    let hint = match suggestion {
        Some(suggestion) => m::DID_YOU_MEAN.fill(lang, &[suggestion]),
        None => m::I_SELECTION_LIST.fill(lang, &[&q.id]),
    };
    format!("{}; {hint}", what.fill(lang, &[&q.id, id]))
}

/// The questionnaire id a draft names, to resume without `-q`.
fn questionnaire_of_draft(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let parsed =
        crate::answers::sheet::ParsedSheet::parse(&text, crate::answers::sheet::Format::detect(path, &text)).ok()?;
    parsed.questionnaire_id().filter(|id| builtin::find(id).is_some()).map(str::to_string)
}

/// Reads a draft to resume; answers that no longer fit become notices for the start screen.
fn resume(path: &Path, q: &Questionnaire, lang: Lang) -> Result<(Draft, Vec<String>)> {
    let file = path.display().to_string();
    let (draft, findings) = Draft::load(path, q).map_err(|error| -> anyhow::Error {
        match error {
            DraftError::Read(read) => read_error(read),
            DraftError::Syntax(finding) => {
                let diagnostic = finding.diagnostic(&file, lang);
                print_diagnostics(std::slice::from_ref(&diagnostic), lang);
                InputError(m::SHEET_HAS_ERRORS.fill(lang, &[&file, &1])).into()
            }
            DraftError::OtherQuestionnaire(draft_id, expected) => {
                InputError(m::I_DRAFT_OTHER_QUESTIONNAIRE.fill(lang, &[&file, &draft_id, &expected])).into()
            }
        }
    })?;
    let mut notices = Vec::new();
    let unfit: Vec<String> = findings
        .iter()
        .filter(|f| {
            matches!(
                f.problem,
                SheetProblem::Answer { .. }
                    | SheetProblem::UnknownQuestion { .. }
                    | SheetProblem::NoteForUnknownQuestion { .. }
            )
        })
        .map(|f| format!("  - {}", f.problem.message(lang)))
        .collect();
    if !unfit.is_empty() {
        notices.push(format!("\n{}\n{}", m::I_UNFIT_HEADING.fill(lang, &[&q.version]), unfit.join("\n")));
    }
    let other: Vec<_> = findings
        .iter()
        .filter(|f| {
            !matches!(
                f.problem,
                SheetProblem::Answer { .. }
                    | SheetProblem::UnknownQuestion { .. }
                    | SheetProblem::NoteForUnknownQuestion { .. }
            )
        })
        .map(|f| f.diagnostic(&file, lang))
        .collect();
    print_diagnostics(&other, lang);
    Ok((draft, notices))
}

/// Offers to continue the newest unfinished draft of this questionnaire in the output folder.
fn offer_existing_draft(
    ui: &mut impl Prompter,
    dir: &Path,
    q: &Questionnaire,
    lang: Lang,
) -> Result<Option<PathBuf>, PromptError> {
    let Some(path) = find_drafts(dir, &q.id).into_iter().next() else { return Ok(None) };
    let Ok((draft, _)) = Draft::load(&path, q) else { return Ok(None) };
    ui.say(&m::I_FOUND_DRAFT.fill(lang, &[&path.display(), &draft.answered(q), &q.scored_questions().count()]))?;
    let items = [Item::new(m::I_CONTINUE_DRAFT.get(lang)), Item::new(m::I_NEW_DRAFT.get(lang))];
    Ok((ui.select(m::I_FINISH_PROMPT.get(lang), &items, 0, false)? == 0).then_some(path))
}

/// Shows the results and writes the report JSON next to the draft's folder.
fn finish(ui: &mut impl Prompter, q: &Questionnaire, draft: &Draft, out_dir: &Path, settings: &Settings) -> Result<u8> {
    if !draft.selection.is_all() {
        return Ok(finish_part(q, draft, settings.lang, usize::from(settings.width())));
    }
    let lang = settings.lang;
    let sheet = &draft.sheet;
    let assessment = scoring::assess(q, sheet);
    let steps = roadmap::of_assessment(q, &assessment);
    let context = report::Context { lang, created: clock::rfc3339(settings.now) };
    let record = report::individual(q, sheet, &assessment, &steps, &context);

    let date = record.respondent.date.clone().unwrap_or_else(|| clock::date(settings.now));
    let stem = format!("{}-{}", output::safe_file_stem(&sheet.respondent.municipality), output::safe_file_stem(&date));
    let out_dir = if out_dir == Path::new(".") { Path::new("") } else { out_dir };
    let path = output::free_path(out_dir, &stem, "json");
    output::write_atomic(&path, record.to_json().as_bytes())?;

    let options =
        table::TableOptions { color: settings.color, width: settings.width(), ..table::TableOptions::default() };
    let mut text = Vec::new();
    table::render(&record, lang, &options, &mut text)?;
    println!("\n{}\n", m::I_RESULTS_HEADING.get(lang));
    print!("{}", String::from_utf8_lossy(&text));
    println!("\n{}", m::I_REPORT_WRITTEN.fill(lang, &[&path.display()]));
    eprintln!("{}", m::I_DRAFT_SAVED.fill(lang, &[&draft.path.display()]));

    // The board wants a document, not JSON: offer the readable renderings beside it.
    let items = [m::I_ALSO_HTML, m::I_ALSO_MARKDOWN, m::I_ALSO_BOTH, m::I_ALSO_NONE].map(|t| Item::new(t.get(lang)));
    let choice = match ui.select(m::I_ALSO_PROMPT.get(lang), &items, 0, false) {
        Ok(choice) => choice,
        Err(PromptError::Interrupted) => return Ok(INTERRUPTED),
        Err(PromptError::Io(error)) => return Err(error.into()),
    };
    let mut extra: Vec<(&str, Vec<u8>)> = Vec::new();
    if matches!(choice, 0 | 2) {
        extra.push(("html", render::html::render(&record, lang).into_bytes()));
    }
    if matches!(choice, 1 | 2) {
        extra.push(("md", render::markdown::render(&record, lang).into_bytes()));
    }
    for (extension, bytes) in extra {
        let path = output::free_path(out_dir, &stem, extension);
        output::write_atomic(&path, &bytes)?;
        println!("{}", m::I_REPORT_WRITTEN.fill(lang, &[&path.display()]));
    }
    Ok(0)
}
