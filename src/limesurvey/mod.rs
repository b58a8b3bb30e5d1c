//! LimeSurvey: the questionnaire as a survey LimeSurvey imports, and the codes that tie LimeSurvey's
//! response exports back to the questionnaire.
//!
//! - [`codes`]: the one rule that turns question and option ids into LimeSurvey question, subquestion and
//!   answer codes, and the reverse lookups a response export needs (pure; the batch reader uses it);
//! - [`tsv`]: the survey as LimeSurvey's tab-separated survey structure file (`.txt`), pure bytes.
//!
//! Built on LimeSurvey 6.1.8 and 6.2.1 (their source is cited where each fact is used); `docs/limesurvey-
//! responses.md` describes how LimeSurvey writes its response exports. Nothing here reads or writes files.

pub mod codes;
pub mod tsv;
