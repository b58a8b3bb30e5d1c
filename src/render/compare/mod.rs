//! The comparison's renderings: the HTML page with its heat map and charts, the XLSX workbook, and the
//! terminal table, Markdown, CSV and JSON ([`text`]); the column lists and cell texts they share are in
//! [`columns`], so that no writer repeats another.

pub mod columns;
pub mod html;
pub mod text;
pub mod xlsx;
