//! Integration tests: run the real binary on files in a temporary folder and read the outputs.

mod baseline;
mod bodies;
mod browser;
mod checked;
mod cli;
mod columns;
mod common;
mod conform;
mod faults;
mod generate;
mod hostile;
mod inputs;
mod outset;
mod parquet;
mod pc_exports;
mod pc_fixtures;
mod pc_routing;
mod props;
mod recon;
mod redact;
mod reports;
mod samples;
mod sets;
mod snapshots;
mod workbook;
