//! Integration tests: run the real binary on files in a temporary folder and read the outputs.

mod baseline;
mod browser;
mod cli;
mod common;
mod inputs;
mod parquet;
mod props;
mod redact;
mod reports;
mod samples;
mod snapshots;
mod workbook;
