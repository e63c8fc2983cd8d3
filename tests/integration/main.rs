//! Integration tests: run the real binary on files in a temporary folder and read the outputs.

mod baseline;
mod browser;
mod cli;
mod common;
mod faults;
mod generate;
mod hostile;
mod inputs;
mod parquet;
mod pc_exports;
mod pc_fixtures;
mod pc_routing;
mod props;
mod recon;
mod redact;
mod reports;
mod samples;
mod snapshots;
mod workbook;
