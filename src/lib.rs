//! pc-onboard: make a CSP partner's legacy customer lists ready for Microsoft Partner Center.
//!
//! The pipeline, one folder per stage: [`read`] inputs into rows, [`normalize`] them into
//! canonical customers, check them against Partner Center's [`rules`], find duplicates and
//! existing customers ([`matching`]), [`route`] every row to one outcome, [`reconcile`] the
//! matched rows with Partner Center, and [`write`] the outputs; [`report`] holds what the
//! reports for people and schedulers say beyond the rows. [`pipeline`] strings the stages
//! together; [`run`] is the entry point. [`generate`] writes synthetic lists with planted
//! faults, duplicates and existing customers. [`partner_center`] talks to Partner Center's API:
//! `push` creates the clean customers, `pull` downloads the current ones.

pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod fault;
pub mod generate;
pub mod matching;
pub mod model;
pub mod normalize;
pub mod partner_center;
pub mod pipeline;
pub mod read;
pub mod reconcile;
pub mod registration_id;
pub mod report;
pub mod route;
pub mod rules;
pub mod say;
pub mod store;
pub mod write;

pub use config::Config;
pub use error::{Error, Result};
pub use pipeline::{run, RunReport};
