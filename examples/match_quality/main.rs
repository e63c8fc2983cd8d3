//! Measured matching quality: generates a labelled list and Partner Center export with
//! `pc_onboard::generate`, runs the real pipeline on them in-process, optionally runs Splink on
//! the same files (`--splink`: `scripts/match_quality_splink.py`), and scores every tool the
//! same way against the truth file, side by side.
//!
//! ```sh
//! cargo run --release --example match_quality -- --rows 20000 --seed 1 --splink
//! ```
//!
//! Duplicates are scored pairwise over rows, existing links per row (a duplicate inherits its
//! survivor's customer in pc-onboard, whose outputs route it as a duplicate); see `score`.
//! Tables break both down by corruption kind (the generator's `variations`), by planted fault
//! and existing-customer rule, and count the false positives by what separated them (a branch
//! or brand sibling look-alike, or nothing planted).

mod predict;
mod print;
mod score;
mod truth;

use clap::Parser;
use pc_onboard::generate::{self, Options};
use pc_onboard::Config;
use std::path::PathBuf;

/// Measure duplicate and existing-customer matching against a generated truth.
#[derive(Parser)]
struct Args {
    /// Rows to generate.
    #[arg(long, default_value_t = 20_000)]
    rows: u64,
    /// Generator seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Keep the generated files and outputs in this folder (default: a temporary folder).
    #[arg(long, value_name = "DIR")]
    keep: Option<PathBuf>,
    /// Missed pairs and wrong links of pc-onboard to print per kind.
    #[arg(long, default_value_t = 3)]
    examples: usize,
    /// A partner profile (TOML) for the run, e.g. to try other matching thresholds.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Also run Splink on the same files (needs `pip install splink unidecode`).
    #[arg(long)]
    splink: bool,
    /// Splink's match-probability thresholds (repeatable).
    #[arg(long = "splink-threshold", value_name = "P", default_values_t = [0.9, 0.99])]
    splink_thresholds: Vec<f64>,
    /// The Python that runs the Splink script.
    #[arg(long, default_value = "python3")]
    python: String,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let tmp = tempfile::tempdir()?;
    let dir = args.keep.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir)?;
    let (list, pc, truth_path, out) =
        (dir.join("list.csv"), dir.join("pc.csv"), dir.join("truth.csv"), dir.join("out"));
    let gen = generate::generate(&Options {
        rows: args.rows,
        seed: args.seed,
        out: list.clone(),
        existing_out: Some(pc.clone()),
        existing_rows: None,
        truth_out: Some(truth_path.clone()),
    })?;
    let mut cfg = Config::new(vec![list]);
    if let Some(path) = &args.config {
        cfg.profile = pc_onboard::config::Profile::load(path)?;
    }
    cfg.existing = vec![pc];
    cfg.out_dir = out.clone();
    let started = std::time::Instant::now();
    let report = pc_onboard::run(&cfg)?;
    let run_secs = started.elapsed().as_secs_f64();

    let truth = truth::Truth::read(&truth_path)?;
    let mut preds = vec![predict::pc_onboard(&out)?];
    let mut splink_secs = None;
    if args.splink {
        splink_secs = Some(predict::run_splink(&args.python, &dir, &args.splink_thresholds)?);
        for t in &args.splink_thresholds {
            preds.push(predict::splink(&dir, *t)?);
        }
    }
    let dups: Vec<score::Scores> = preds.iter().map(|p| score::duplicates(&truth, p)).collect();
    let links: Vec<score::Scores> = preds.iter().map(|p| score::links(&truth, p)).collect();

    let s = &report.summary;
    println!(
        "match_quality: {} rows, seed {}; generated in {:.2}s; pc-onboard run in {:.2}s{}",
        gen.rows,
        args.seed,
        gen.seconds,
        run_secs,
        splink_secs
            .map(|x| format!("; Splink (training, both tasks, all thresholds) in {x:.1}s"))
            .unwrap_or_default()
    );
    println!(
        "  planted: {} duplicate rows, {} existing customers ({} rows), {} look-alike rows; outcomes {:?}",
        gen.duplicates, gen.existing_customers, gen.existing_rows, gen.lookalikes, s.outcomes
    );
    let names: Vec<&str> = preds.iter().map(|p| p.tool.as_str()).collect();
    let dup_cols: Vec<(&str, &score::Scores)> = names.iter().copied().zip(&dups).collect();
    let link_cols: Vec<(&str, &score::Scores)> = names.iter().copied().zip(&links).collect();
    print::table("DUPLICATES (pairwise over rows)", "pair", &dup_cols);
    print::table("EXISTING LINKS (row → Partner Center customer, every row)", "row", &link_cols);
    print::misses(&truth, &preds[0], args.examples);
    if args.keep.is_some() {
        println!("files kept in {}", dir.display());
    }
    Ok(())
}
