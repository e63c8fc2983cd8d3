//! Integration tests: run the real binary on files in a temporary folder and read the outputs.

mod cli;
mod common;
mod generate;
mod inputs;
mod props;
mod samples;
mod snapshots;
