//! The command line as clap sees it: one struct per command, help text from the doc comments.
//!
//! Only parsing lives here; [`crate::settings`] resolves the language and colour from it, and each
//! command's module in [`crate::commands`] does the work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

/// Self-assessment of a Finnish municipality's digital maturity.
///
/// kuntakompassi loads a questionnaire (built-in or TOML), scores a municipality's answers on themes such as
/// resources, skills and digital security, and derives a prioritised roadmap of next steps.
///
/// Exit codes: 0 success; 1 error; 2 usage error or invalid input file; 3 batch finished but rows were
/// rejected.
#[derive(Debug, Parser)]
#[command(name = "kuntakompassi", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    /// Language of the interface and of the reports: fi, sv or en [default: the locale, else fi]. Two,
    /// comma-separated (fi,sv), make one bilingual HTML or Markdown report, section by section (XLSX: a column
    /// per language), for the board of a bilingual municipality (report and score only)
    #[arg(long, global = true, env = "KUNTAKOMPASSI_LANG", value_name = "LANG[,LANG]", value_parser = parse_languages)]
    pub lang: Option<Languages>,

    /// When to use colour (never with `NO_COLOR` unless `always`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

/// `--lang`: one language, or two for a bilingual document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Languages {
    pub first: Lang,
    pub second: Option<Lang>,
}

/// `fi`, `sv`, `en`, or two of them comma-separated (`fi,sv`); case and spaces do not matter.
fn parse_languages(text: &str) -> Result<Languages, String> {
    let one = |code: &str| {
        Lang::from_code(&code.trim().to_ascii_lowercase())
            .ok_or_else(|| format!("`{}` is not a language: give fi, sv or en, or two of them as fi,sv", code.trim()))
    };
    let codes: Vec<&str> = text.split(',').collect();
    match codes.as_slice() {
        [first] => Ok(Languages { first: one(first)?, second: None }),
        [first, second] => {
            let (first, second) = (one(first)?, one(second)?);
            if first == second {
                return Err(format!("`{text}` gives {first} twice: give two different languages, as fi,sv"));
            }
            Ok(Languages { first, second: Some(second) })
        }
        _ => Err(format!("`{text}` gives more than two languages: a document takes one or two, as fi,sv")),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer a questionnaire in the terminal: a guided self-assessment with autosave and resume
    ///
    /// The draft is saved after every answer; Ctrl-C or "save and quit" keeps it for `--resume`. At the
    /// end the results are shown and the report JSON is written to the output folder.
    Interview(InterviewArgs),
    /// Score an answer sheet (TOML or JSON) into a report with a roadmap, or a batch (CSV or XLSX) into
    /// one report per respondent or group and a summary
    ///
    /// A batch has one row per respondent (DESIGN.md §3). Every row ends in exactly one place: scored, or
    /// written unchanged to `rejected.csv` with its errors (exit 3).
    Score(ScoreArgs),
    /// Render a saved report (JSON) as a table, Markdown, HTML, CSV, XLSX or JSON
    Report(ReportArgs),
    /// Merge the answer sheets (or interview drafts) of several respondents of one municipality into one
    ///
    /// Answers that agree are taken, an answer only one respondent gave is taken and attributed, and "don't
    /// know" gives way to a real answer. Answers that differ are resolved by `--prefer`, or on a terminal one
    /// by one; never silently. The merged sheet records who gave each answer (`[sources]`) and how each
    /// conflict was resolved (`[conflicts]`); score it with `kuntakompassi score`.
    Merge(MergeArgs),
    /// Compare the reports of many municipalities: ranks, peer groups, shared weak spots, change over time
    Compare(CompareArgs),
    /// List, show, validate questionnaires, write a template for a survey tool, or export one as a survey
    #[command(subcommand)]
    Questionnaire(QuestionnaireCommand),
    /// Print shell completions to standard output
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct InterviewArgs {
    /// Questionnaire: a built-in id or a TOML file [default: the draft's, else kuntakompassi]
    #[arg(short, long, value_name = "ID|FILE")]
    pub questionnaire: Option<String>,

    /// Continue a saved draft
    #[arg(long, value_name = "DRAFT")]
    pub resume: Option<PathBuf>,

    /// Folder for the draft and the report [default: the current folder]
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Ask only the questions of these themes (ids, comma-separated), so that each respondent answers the
    /// themes they know; the draft records them, and `--resume` asks the same [default: the draft's, else all]
    #[arg(long, value_name = "ID,ID…", value_delimiter = ',')]
    pub themes: Vec<String>,

    /// Ask only these questions (ids, comma-separated), besides those of `--themes`
    #[arg(long, value_name = "ID,ID…", value_delimiter = ',')]
    pub questions: Vec<String>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Answer sheets or interview drafts (TOML or JSON) of one municipality and one questionnaire
    #[arg(required = true, value_name = "SHEET|DRAFT")]
    pub inputs: Vec<PathBuf>,

    /// Where to write the merged sheet (TOML) [default: standard output]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Questionnaire: a built-in id or a TOML file [default: the one the sheets name]
    #[arg(short, long, value_name = "ID|FILE")]
    pub questionnaire: Option<String>,

    /// Resolve conflicts with the answer of this role (`respondent.role`) or file; the ones it does not
    /// decide are asked on a terminal, or refused
    #[arg(long, value_name = "ROLE|FILE")]
    pub prefer: Option<String>,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The answer sheet (TOML or JSON), or a batch of respondents (CSV, TSV, TXT or XLSX; DESIGN.md §3)
    pub input: PathBuf,

    /// Questionnaire: a built-in id or a TOML file [default: the one the sheet names]
    #[arg(short, long, value_name = "ID|FILE")]
    pub questionnaire: Option<String>,

    #[command(flatten)]
    pub render: RenderArgs,

    #[command(flatten)]
    pub batch: BatchArgs,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A report saved by `score` or `interview` (JSON, kuntakompassi.report/1)
    pub input: PathBuf,

    /// The questionnaire the report was made with, for its texts in the reader's language: a built-in id or
    /// a TOML file [default: the built-in one the report names, if it is the same version]
    #[arg(short, long, value_name = "ID|FILE")]
    pub questionnaire: Option<String>,

    #[command(flatten)]
    pub render: RenderArgs,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Report files (JSON), batch summaries (`summary.json` of `score --out-dir`), or folders of them,
    /// searched recursively
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// The questionnaire the reports were made with, for their texts in the reader's language: a built-in
    /// id or a TOML file [default: the built-in one each report names, if it is the same version]
    #[arg(short, long, value_name = "ID|FILE")]
    pub questionnaire: Option<String>,

    /// Peer groups for the statistics and the difference to the group mean
    #[arg(long, value_enum, default_value_t = CompareGroupBy::Region)]
    pub group_by: CompareGroupBy,

    /// Output format [default: table; with -o, by the file's extension: .md, .html/.htm, .csv, .xlsx,
    /// .json]
    #[arg(short, long, value_enum)]
    pub format: Option<CompareFormat>,

    /// Show municipalities as "Kunta A", "Kunta B" …, leave out names, codes and dates, and drop groups of
    /// fewer than three municipalities, with their members' differences to the mean, from the statistics
    #[arg(long)]
    pub anonymize: bool,

    /// Write to FILE (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareGroupBy {
    Region,
    SizeClass,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Tables for the terminal
    Table,
    /// Markdown for GitHub, GitLab or a wiki
    Md,
    /// One self-contained HTML page: heat map, group charts, change charts; prints on A4
    Html,
    /// CSV: one row per municipality, English headers
    Csv,
    /// An Excel workbook: municipalities, groups, weak spots, changes (needs -o)
    Xlsx,
    /// The comparison record, kuntakompassi.comparison/1
    Json,
}

/// How a report is rendered and where it goes; shared by `score` and `report`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Output format [default: table on a terminal, else json (a batch: csv); with -o, by the file's
    /// extension]. A batch's summary is table, csv or json
    #[arg(short, long, value_enum)]
    pub format: Option<ReportFormat>,

    /// CSV: one row per theme instead of one per question
    #[arg(long)]
    pub summary: bool,

    /// Write to FILE (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A table for the terminal
    Table,
    /// The report record, kuntakompassi.report/1
    Json,
    /// Markdown for GitHub, GitLab or a wiki
    Md,
    /// One self-contained HTML page with charts, for the screen and A4 print
    Html,
    /// CSV: one row per question (or per theme with --summary)
    Csv,
    /// An Excel workbook: summary, action plan, answers (needs -o)
    Xlsx,
}

#[derive(Debug, Subcommand)]
pub enum QuestionnaireCommand {
    /// List the built-in questionnaires
    List,
    /// Show a questionnaire's themes and questions in the chosen language
    Show {
        /// A built-in id or a TOML file
        #[arg(value_name = "ID|FILE", default_value = crate::questionnaire::builtin::DEFAULT_ID)]
        questionnaire: String,
    },
    /// Check questionnaires for everything that would make scoring wrong or an interview confusing
    ///
    /// Reports every problem with `file:line:column`. Exits 2 when there are errors; warnings alone exit 0.
    Validate {
        /// Built-in ids or TOML files [default: every built-in questionnaire]
        #[arg(value_name = "ID|FILE")]
        questionnaires: Vec<String>,
    },
    /// Write the header row a survey tool or spreadsheet should produce, with a codebook
    ///
    /// CSV: the header row, and with `-o FILE.csv` a codebook `FILE-codebook.csv` beside it. XLSX: the header
    /// on the first sheet and the codebook on the second. The codebook lists each column's question, kind,
    /// allowed values and their meaning, in the language of `--lang`.
    Template(TemplateArgs),
    /// Write the questionnaire as a survey for a survey tool: LimeSurvey's survey structure file (.txt)
    ///
    /// The survey has one question group for the respondent (municipality, municipality code, region,
    /// population, name, role, unit, date) and one per theme, every question with its help text, and every
    /// language of the questionnaire (the first is the survey's base language). Level, choice and yes/no
    /// questions are lists with "don't know" and, where allowed, "not applicable"; multi questions are
    /// multiple choice with "none of these", "don't know" and "not applicable" as exclusive options. Nothing is
    /// mandatory. Question and answer codes come from the ids by the rule in the README ("LimeSurvey"), so
    /// the columns of LimeSurvey's response exports trace back to the questions. Import the file in
    /// LimeSurvey under Create survey → Import (built on LimeSurvey 6.1 and 6.2).
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// A built-in id or a TOML file
    #[arg(value_name = "ID|FILE", default_value = crate::questionnaire::builtin::DEFAULT_ID)]
    pub questionnaire: String,

    /// The survey tool
    #[arg(long, value_enum)]
    pub to: ExportTarget,

    /// Write to FILE (atomically) instead of standard output; LimeSurvey imports a .txt or .tsv file
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportTarget {
    /// LimeSurvey's tab-separated survey structure (.txt), for Create survey → Import
    Limesurvey,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// A built-in id or a TOML file
    #[arg(value_name = "ID|FILE", default_value = crate::questionnaire::builtin::DEFAULT_ID)]
    pub questionnaire: String,

    /// csv or xlsx [default: by the extension of -o, else csv]
    #[arg(short, long, value_enum)]
    pub format: Option<TemplateFormat>,

    /// Write to FILE (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    /// A `;`-separated header row (as Finnish Excel reads it) and a codebook CSV beside it
    Csv,
    /// A workbook: the header on the first sheet, the codebook on the second
    Xlsx,
}

/// The options of `score` that only a batch (CSV or XLSX) uses.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Batch (CSV/XLSX)")]
pub struct BatchArgs {
    /// Write summary.csv, summary.json, summary.xlsx, one report JSON per respondent or group, and
    /// rejected.csv here
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Aggregate respondents by this column (e.g. municipality or department) into one report per group
    #[arg(long, value_name = "COLUMN")]
    pub group_by: Option<String>,

    /// Stop at the first bad row (exit 2) and write nothing
    #[arg(long)]
    pub strict: bool,

    /// Also score responses the survey tool marks as not finished (LimeSurvey: empty `submitdate`, or
    /// `lastpage` below the last page); without it they are counted and written beside the rejected rows
    #[arg(long)]
    pub include_incomplete: bool,

    /// The CSV delimiter: `,` `;` `tab` or `|` [default: sniffed from the file]
    #[arg(long, value_name = "C")]
    pub delimiter: Option<String>,

    /// The CSV file's text encoding
    #[arg(long, value_enum, default_value_t = crate::batch::read::EncodingChoice::Auto)]
    pub encoding: crate::batch::read::EncodingChoice,

    /// A TOML file mapping column headers to question ids or respondent fields (`[columns]`) and answer
    /// values to what they mean (`[values]`)
    #[arg(long, value_name = "FILE.toml")]
    pub map: Option<PathBuf>,

    /// The XLSX sheet to read [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
