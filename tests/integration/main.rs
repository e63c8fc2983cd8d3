//! Integration tests: run the real binary on files in a temporary folder and read the outputs.

mod baseline;
mod bodies;
mod browser;
mod cli;
mod common;
mod conform;
mod fake_pc;
mod faults;
mod generate;
mod hostile;
mod inputs;
mod parquet;
mod pc_auth;
mod props;
mod pull;
mod push;
mod recon;
mod redact;
mod reports;
mod samples;
mod snapshots;
mod workbook;
