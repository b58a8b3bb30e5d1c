//! The report's renderings, each from the record `kuntakompassi.report/1` and nothing else.

pub mod bilingual;
pub mod csv;
pub mod html;
pub mod markdown;
pub mod svg;
pub mod tables;
pub mod terminal;
pub mod xlsx;
