//! Turning a report, a comparison or a batch summary into bytes: everything a reader sees.
//!
//! The report's writers live in [`report`] (Markdown, HTML with its SVG charts, CSV, XLSX, the terminal
//! table, the bilingual document) and write its tables from one model ([`report::tables`]); what every
//! rendering shares is here once: escaping ([`escape`]), the band colours ([`colours`]), the wording of
//! values ([`wording`]) and of the maturity path ([`maturity`]), and fitting wide tables to a width
//! ([`matrix`]). A comparison's and a batch summary's writers use these same pieces.
//!
//! Nothing here reads files or decides a score: a renderer takes a record that is already in the reader's
//! language ([`crate::report::localise`]) and writes it.

pub mod colours;
pub mod compare;
pub mod escape;
pub mod matrix;
pub mod maturity;
pub mod report;
pub mod summary;
pub mod wording;
