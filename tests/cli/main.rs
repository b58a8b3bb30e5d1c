//! Integration tests: the real binary, run in a fresh folder per test (see `support`).

mod batch;
mod general;
mod interview;
mod questionnaire;
mod reference;
mod score;
mod support;
