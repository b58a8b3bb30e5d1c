//! What the batch hands on: each scored row, as the respondent's fields and the assessment, to a
//! [`RowSink`]. The sinks ([`super::sinks`]) write the summary, the reports, the group tallies and
//! `rejected.csv`; the batch itself renders nothing.

use anyhow::Result;

use crate::answers::AnswerSheet;
use crate::questionnaire::Questionnaire;
use crate::scoring::Assessment;

use super::read::Row;
use super::{Engine, Fields};

/// A row [`Engine::process`] scored, seen through the engine's buffers: valid until the next row.
#[derive(Clone, Copy)]
pub struct Scored<'a, 'q> {
    engine: &'a Engine<'q>,
    row: &'a Row,
}

impl<'a, 'q> Scored<'a, 'q> {
    /// Only for a row that `engine` has just scored.
    pub fn new(engine: &'a Engine<'q>, row: &'a Row) -> Scored<'a, 'q> {
        Scored { engine, row }
    }

    /// The line of the row in the input.
    pub fn line(&self) -> u64 {
        self.row.line
    }

    pub fn fields(&self) -> &'a Fields {
        &self.engine.fields
    }

    /// The themes, overall index and completeness always; each question's outcome only when the engine
    /// keeps them ([`Engine::keep_outcomes`]).
    pub fn assessment(&self) -> &'a Assessment {
        &self.engine.tally.assessment
    }

    pub fn questionnaire(&self) -> &'q Questionnaire {
        self.engine.questionnaire()
    }

    /// The row as an answer sheet, read again in full: for a sink that needs the answers themselves.
    pub fn sheet(&self) -> AnswerSheet {
        self.engine.sheet(self.row)
    }
}

/// Where the scored rows of a batch go, one at a time, and what is written once they are all in.
pub trait RowSink {
    fn row(&mut self, row: &Scored<'_, '_>) -> Result<()>;

    /// After the last row.
    fn finish(&mut self) -> Result<()>;
}
