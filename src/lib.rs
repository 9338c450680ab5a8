//! giaoban: the coordination briefing of a Fatherland Front bloc, in a terminal.
//!
//! Layers: `domain` (types and rules, no I/O), `store` (SQLite only),
//! `ops` (user intents as one transaction each, and the read models),
//! `text` (Vietnamese text), `i18n` (catalogs), `cli` and `tui` (the two
//! faces), `demo` (sample data), `config` (the user's file).

pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod exchange;
pub mod i18n;
pub mod ops;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
