//! The sinks of a run ([`RowSink`]): the summary in its formats ([`Summary`]: CSV, JSON and the table of
//! [`crate::render::summary`], the workbook of [`crate::render::summary::xlsx`]), one report file per respondent
//! ([`Respondents`]) or the tallies of `--group-by` and one report per group ([`Groups`]), and
//! `rejected.csv` ([`RejectedRows`]). They write into the writers and folders the command opened for
//! them; the command puts the files in place at the end.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::InputError;
use crate::i18n::{Lang, messages as m};
use crate::output::{FreeNames, WriteError, safe_file_stem, temp_prefix};
use crate::questionnaire::Questionnaire;
use crate::report::{self, Context, Report};

use super::Fields;
use super::group::Accumulator;
use super::header::Meta;
use super::read::Row;
use super::rejected::RejectedWriter;
use super::sink::{RowSink, Scored};
use crate::render::summary::xlsx::XlsxSummary;
use crate::render::summary::{SummaryRow, SummaryWriter};

/// The summary, in every format the run writes it in.
pub struct Summary {
    writers: Vec<SummaryWriter<Box<dyn Write>>>,
    /// The workbook, and the file it is saved to at the end.
    xlsx: Option<(XlsxSummary, PathBuf)>,
    /// The terminal's width, for the table.
    width: u16,
    lang: Lang,
}

impl Summary {
    pub fn new(lang: Lang, width: u16) -> Summary {
        Summary { writers: Vec::new(), xlsx: None, width, lang }
    }

    pub fn add(&mut self, writer: SummaryWriter<Box<dyn Write>>) {
        self.writers.push(writer);
    }

    pub fn add_workbook(&mut self, xlsx: XlsxSummary, path: PathBuf) {
        self.xlsx = Some((xlsx, path));
    }

    /// The CSV headers, the JSON arrays' openings.
    pub fn start(&mut self) -> Result<()> {
        for writer in &mut self.writers {
            writer.start()?;
        }
        Ok(())
    }

    fn write(&mut self, row: &SummaryRow<'_>) -> Result<()> {
        for writer in &mut self.writers {
            writer.write(row)?;
        }
        if let Some((xlsx, _)) = &mut self.xlsx {
            xlsx.write(row).map_err(|error| match error {
                rust_xlsxwriter::XlsxError::RowColumnLimitError => {
                    anyhow::Error::from(InputError(m::B_X_TOO_MANY_ROWS.get(self.lang).to_string()))
                }
                error => anyhow::anyhow!("{error}"),
            })?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        for writer in std::mem::take(&mut self.writers) {
            writer.finish(self.width)?;
        }
        if let Some((xlsx, path)) = self.xlsx.take() {
            xlsx.save(&path).map_err(|error| anyhow::anyhow!("cannot write `{}`: {error}", path.display()))?;
        }
        Ok(())
    }
}

/// Report files written into one folder, each under a free name made from its municipality.
pub struct ReportFiles {
    dir: PathBuf,
    names: FreeNames,
    context: Context,
}

impl ReportFiles {
    pub fn new(dir: &Path, context: Context) -> ReportFiles {
        ReportFiles { dir: dir.to_path_buf(), names: FreeNames::default(), context }
    }

    /// The respondent's report, scored as an answer sheet is; returns the file's name.
    fn individual(&mut self, row: &Scored<'_, '_>) -> Result<String> {
        let q = row.questionnaire();
        let sheet = row.sheet();
        let assessment = crate::scoring::assess(q, &sheet);
        let steps = crate::roadmap::of_assessment(q, &assessment);
        let record = report::individual(q, &sheet, &assessment, &steps, &self.context);
        let mut stem = safe_file_stem(&sheet.respondent.municipality);
        if let Some(code) = &sheet.respondent.municipality_code {
            stem = format!("{stem}-{code}");
        }
        self.write(&stem, &record)
    }

    fn write(&mut self, stem: &str, record: &Report) -> Result<String> {
        let path = self.names.path(&self.dir, stem, "json");
        std::fs::write(&path, record.to_json().as_bytes())
            .map_err(|source| WriteError { path: path.clone(), source })?;
        Ok(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
    }
}

/// Without `--group-by`: a summary row per respondent, and with a folder a report file each.
pub struct Respondents {
    summary: Summary,
    reports: Option<ReportFiles>,
    /// The row's theme scores and levels, in a buffer kept from row to row.
    themes: Vec<(Option<f64>, Option<u8>)>,
}

impl Respondents {
    pub fn new(summary: Summary, reports: Option<ReportFiles>) -> Respondents {
        Respondents { summary, reports, themes: Vec::new() }
    }
}

impl RowSink for Respondents {
    fn row(&mut self, row: &Scored<'_, '_>) -> Result<()> {
        let report = match &mut self.reports {
            Some(reports) => Some(reports.individual(row)?),
            None => None,
        };
        let a = row.assessment();
        self.themes.clear();
        self.themes.extend(a.themes.iter().map(|t| (t.score, t.mil)));
        let population = row.fields().population.map(|p| itoa::Buffer::new().format(p).to_string());
        self.summary.write(&SummaryRow {
            line: Some(row.line()),
            group: None,
            fields: field_texts(row.fields(), population.as_deref()),
            respondents: 1,
            overall: a.overall,
            themes: &self.themes,
            completeness: a.completeness,
            report: report.as_deref(),
        })
    }

    fn finish(&mut self) -> Result<()> {
        self.summary.finish()
    }
}

fn field_texts<'a>(f: &'a Fields, population: Option<&'a str>) -> [Option<&'a str>; 8] {
    let mut fields = [None; 8];
    for meta in Meta::ALL {
        fields[meta.index()] = f.get(meta);
    }
    fields[Meta::Population.index()] = population;
    fields
}

/// With `--group-by`: the members' sums per group, and at the end a summary row per group and, with a
/// folder, a report file each.
pub struct Groups<'q> {
    q: &'q Questionnaire,
    /// The `--group-by` column's header, and the respondent field it is, if any.
    column: String,
    field: Option<&'static str>,
    tallies: BTreeMap<String, Accumulator>,
    summary: Summary,
    reports: Option<ReportFiles>,
}

impl<'q> Groups<'q> {
    pub fn new(
        q: &'q Questionnaire,
        column: String,
        field: Option<&'static str>,
        summary: Summary,
        reports: Option<ReportFiles>,
    ) -> Groups<'q> {
        Groups { q, column, field, tallies: BTreeMap::new(), summary, reports }
    }

    /// The group's summary row, its report named in it.
    fn write_group(&mut self, value: &str, acc: &Accumulator) -> Result<()> {
        let g = acc.finish();
        let report_name = match &mut self.reports {
            Some(reports) => {
                let shared = acc.shared();
                let key = report::group::Key { column: &self.column, value, field: self.field };
                let record = report::group::report(self.q, &acc.members(&g, &shared), &key, &reports.context);
                let mut stem = safe_file_stem(value);
                if let Some(code) = &record.respondent.municipality_code
                    && self.field == Some("municipality")
                {
                    stem = format!("{stem}-{code}");
                }
                Some(reports.write(&stem, &record)?)
            }
            None => None,
        };
        let themes: Vec<(Option<f64>, Option<u8>)> =
            g.theme_scores.iter().zip(&g.theme_mils).map(|(s, mil)| (*s, *mil)).collect();
        let f = &acc.fields;
        let texts = [
            f.municipality.value(),
            f.municipality_code.value(),
            f.region.value(),
            f.population.value().map(|p| p.to_string()),
            None,
            f.role.value(),
            f.department.value(),
            f.date.value(),
        ];
        let mut fields: [Option<&str>; 8] = [None; 8];
        for (field, text) in fields.iter_mut().zip(&texts) {
            *field = text.as_deref();
        }
        if self.field == Some("municipality") {
            fields[Meta::Municipality.index()] = Some(value);
        }
        self.summary.write(&SummaryRow {
            line: None,
            group: Some(value),
            fields,
            respondents: g.members,
            overall: g.overall,
            themes: &themes,
            completeness: g.completeness,
            report: report_name.as_deref(),
        })
    }
}

impl RowSink for Groups<'_> {
    fn row(&mut self, row: &Scored<'_, '_>) -> Result<()> {
        let key = row.fields().group.as_str();
        if !self.tallies.contains_key(key) {
            self.tallies.insert(key.to_string(), Accumulator::new(self.q));
        }
        if let Some(acc) = self.tallies.get_mut(key) {
            acc.add(self.q, row.assessment());
            add_fields(acc, row.fields());
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        for (value, acc) in std::mem::take(&mut self.tallies) {
            self.write_group(&value, &acc)?;
        }
        self.summary.finish()
    }
}

fn add_fields(acc: &mut Accumulator, f: &Fields) {
    let text = |meta: Meta| f.get(meta).map(str::to_string);
    let common = &mut acc.fields;
    common.municipality.add(text(Meta::Municipality).as_ref());
    common.municipality_code.add(text(Meta::MunicipalityCode).as_ref());
    common.region.add(text(Meta::Region).as_ref());
    common.population.add(f.population.as_ref());
    common.role.add(text(Meta::Role).as_ref());
    common.department.add(text(Meta::Department).as_ref());
    common.date.add(text(Meta::Date).as_ref());
}

/// `rejected.csv`: the rows left out, unchanged, with why; a temporary file in `dir`, made at the first.
pub struct RejectedRows {
    writer: Option<RejectedWriter<BufWriter<tempfile::NamedTempFile>>>,
    dir: PathBuf,
    /// Where the file goes at the end, for the message when it cannot be made.
    path: PathBuf,
    delimiter: u8,
    headers: Vec<String>,
    error_column: String,
}

impl RejectedRows {
    pub fn new(dir: PathBuf, path: PathBuf, delimiter: u8, headers: Vec<String>, error_column: &str) -> RejectedRows {
        RejectedRows { writer: None, dir, path, delimiter, headers, error_column: error_column.to_string() }
    }

    pub fn row(&mut self, row: &Row, why: &[String]) -> Result<()> {
        if self.writer.is_none() {
            let temp = tempfile::Builder::new()
                .prefix(&temp_prefix())
                .tempfile_in(&self.dir)
                .map_err(|source| WriteError { path: self.path.clone(), source })?;
            let out = BufWriter::new(temp);
            self.writer = Some(RejectedWriter::new(out, self.delimiter, &self.headers, &self.error_column)?);
        }
        if let Some(writer) = &mut self.writer {
            writer.write(row, why)?;
        }
        Ok(())
    }

    /// The temporary file, when any row was left out.
    pub fn finish(self) -> Result<Option<tempfile::NamedTempFile>> {
        let Some(writer) = self.writer else { return Ok(None) };
        let temp = writer
            .finish()?
            .into_inner()
            .map_err(|error| anyhow::anyhow!("cannot write `rejected.csv`: {}", error.error()))?;
        Ok(Some(temp))
    }
}
