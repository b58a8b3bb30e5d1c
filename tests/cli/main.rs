//! Integration tests: the real binary, run in a fresh folder per test (see `support`).

mod batch;
mod compare;
mod export;
mod general;
mod interview;
mod languages;
mod maturity;
mod merge;
mod pty;
mod questionnaire;
mod reference;
mod report;
mod score;
mod screens;
mod support;
mod survey;
mod survey_tools;
