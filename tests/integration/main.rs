//! Integration tests: run the real binary on files in a temporary folder and read the outputs.

mod cli;
mod common;
mod faults;
mod generate;
mod hostile;
mod inputs;
mod props;
mod recon;
mod samples;
mod snapshots;
