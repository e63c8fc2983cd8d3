//! The pipeline: check and take the output folder (`preflight`) → read → normalise →
//! validate (parallel) → match → route → reconcile → write into a staging folder → swap it in.

mod closing;
mod console;
pub mod existing;
mod preflight;
pub mod process;
mod progress;
pub mod store;

use crate::config::{Config, WriteMode};
use crate::error::{exit, Error, Result};
use crate::matching::keys::Keys;
use crate::matching::{self, domains};
use crate::model::Outcome;
use crate::read::{self, ReadOptions, RowSource, SourceInfo};
use crate::reconcile::{self, Reconciliation, ReconciliationSummary};
use crate::report::{stats::Stats, Insights};
use crate::route::route;
use crate::rules::has_error;
use crate::write::output_set::SUMMARY_FILE;
use crate::write::summary::{peak_memory_mb, StageMemory, Summary, Timings};
use crate::write::{self, RunData};
use console::Console;
use process::RowFacts;
use rayon::prelude::*;
use std::time::Instant;
use store::RowStore;

/// Rows handed to the workers at a time.
const CHUNK_ROWS: usize = 8192;

/// What a finished run reports.
#[derive(Debug)]
pub struct RunReport {
    /// The summary (also written as summary.json).
    pub summary: Summary,
    /// The exit code the run asks for (0, or 1 when `--fail-over` was exceeded).
    pub exit_code: u8,
}

/// Runs the whole job for a configuration.
pub fn run(cfg: &Config) -> Result<RunReport> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {} worker threads: {e}", cfg.jobs.unwrap_or(0))))?;
    pool.install(|| run_in_pool(cfg))
}

fn run_in_pool(cfg: &Config) -> Result<RunReport> {
    let started = chrono::Local::now();
    let console = Console::new(cfg);
    let prepared = preflight::prepare(cfg, &console)?;
    let out = prepared.staging.out().to_path_buf();
    // From here on the outputs go to the staging folder: whatever stops the run, the output
    // folder keeps the set it had.
    work(cfg, &console, started, prepared).map_err(|cause| Error::Unchanged { out, cause: Box::new(cause) })
}

fn work(
    cfg: &Config,
    console: &Console,
    started: chrono::DateTime<chrono::Local>,
    prepared: preflight::Prepared,
) -> Result<RunReport> {
    let preflight::Prepared { staging, baseline, drift_baseline, opts, files, mut warnings } = prepared;
    // Wall time per stage, for summary.json (benchmarks read it).
    let mut timings = Timings::default();
    let clock = Instant::now();
    let pc = existing::load(&cfg.existing, &opts, &cfg.profile, console)?;
    timings.existing = seconds(clock);
    let mem_existing = peak_memory_mb();

    let clock = Instant::now();
    let mut rows = RowStore::new(staging.dir())?;
    let (sources, keys, mut facts) = read_and_validate(&files, &opts, cfg, console, &mut rows)?;
    timings.read_validate = seconds(clock);
    let mem_read = peak_memory_mb();
    if let Some(mapping) = &cfg.mapping {
        for column in read::mapping::unused(&opts.overrides, &sources) {
            let w = format!(
                "{}: column '{column}' is in no input, so this entry maps nothing; check its spelling \
                 against the columns listed under inputs in summary.json",
                mapping.display()
            );
            console.warn(&w);
            warnings.push(w);
        }
    }
    console.stage(&format!("matching {} rows", crate::report::numbers::count(rows.len() as u64)));
    let clock = Instant::now();
    let mut matches = matching::match_rows(keys, &facts, &pc, &cfg.profile);
    timings.matching = seconds(clock);
    let clock = Instant::now();
    let patches = domains::apply(&rows, &mut matches, &pc, &sources);
    for (i, p) in &patches {
        facts[*i].has_error |= has_error(&p.findings, &cfg.profile);
    }
    rows.patch(patches);
    // duplicates.csv names each duplicate's survivor, which may be anywhere in the input.
    rows.pin(matches.duplicate.iter().flatten().map(|d| d.survivor));
    let outcomes: Vec<Outcome> =
        facts.iter().enumerate().map(|(i, f)| route(i, f, &matches, &cfg.profile)).collect();
    timings.domains_route = seconds(clock);
    console.matched(rows.len(), &matches);
    let mem_match = peak_memory_mb();

    console.stage("counting");
    let stats = Stats::build(&sources, rows.iter(), &outcomes, &cfg.profile);
    let changes = baseline.map(|b| b.compare(&sources, rows.iter(), &stats));
    let insights = Insights { stats, changes };
    let data = RunData {
        sources: &sources,
        rows: &rows,
        outcomes: &outcomes,
        matches: &matches,
        pc: &pc,
        cfg,
        insights: &insights,
    };
    let recon = Reconciliation::compute(&data);
    let mut outputs = Vec::new();
    let clock = Instant::now();
    if cfg.write == WriteMode::All {
        console.writing(write::planned(&data) + reconcile::FILES.len());
        let written = write::write_all(&data, staging.dir(), &|_| console.wrote())?;
        let reconciled = reconcile::write(&data, &recon, staging.dir())?;
        reconciled.iter().for_each(|_| console.wrote());
        for p in written.iter().chain(&reconciled) {
            outputs.push(relative(p, staging.dir()));
        }
        console.written();
    }
    timings.write = seconds(clock);
    timings.peak_memory_mb = match (mem_existing, mem_read, mem_match, peak_memory_mb()) {
        (Some(existing), Some(read_validate), Some(matching), Some(write)) => {
            Some(StageMemory { existing, read_validate, matching, write })
        }
        _ => None,
    };
    outputs.push(SUMMARY_FILE.to_string());
    let command = if cfg.write == WriteMode::All { "run" } else { "check" };
    let reconciliation = ReconciliationSummary::build(&data, &recon, drift_baseline.as_ref());
    // Every pass over the rows is done: if one could not be read back, nothing may be kept.
    rows.check()?;
    let mut summary = Summary::build(&data, command, started, outputs);
    summary.reconciliation = reconciliation;
    summary.timings = timings;
    summary.warnings = warnings;
    console.stage("putting the new outputs in place");
    for note in staging.commit(|path| summary.write(path))? {
        console.warn(&note);
    }
    console.report(&summary, cfg);
    let exit_code = if summary.failed_over() { exit::FAIL_OVER } else { exit::OK };
    Ok(RunReport { summary, exit_code })
}

/// What validation leaves in memory for matching: each row's keys and facts.
type Validated = (Vec<SourceInfo>, Vec<Option<Keys>>, Vec<RowFacts>);

/// Reads every source and validates its rows, chunk by chunk, in parallel; rows go to the store
/// in source order, and their matching keys and facts are kept.
fn read_and_validate(
    files: &[std::path::PathBuf],
    opts: &ReadOptions,
    cfg: &Config,
    console: &Console,
    store: &mut RowStore,
) -> Result<Validated> {
    let mut sources: Vec<SourceInfo> = Vec::new();
    let mut keys: Vec<Option<Keys>> = Vec::new();
    let mut facts: Vec<RowFacts> = Vec::new();
    for file in files {
        // A workbook is parsed whole before its first row: a spinner says so on a terminal.
        console.working(&format!("opening {}", file.display()));
        let opened: Vec<Box<dyn RowSource>> = read::open(file, sources.len() as u32, opts)?;
        for mut src in opened {
            console.start_source(src.info(), src.extent());
            let map = src.info().columns.clone();
            let mut chunk = Vec::with_capacity(CHUNK_ROWS);
            let mut more = src.next_chunk(CHUNK_ROWS, &mut chunk)?;
            // Reading is serial: the next chunk is read while this one is validated, matched
            // up and spilled, so the reader never leaves a core idle.
            while !chunk.is_empty() || more {
                console.advance(chunk.len() as u64, src.extent());
                let current = std::mem::take(&mut chunk);
                let (read, pushed) = rayon::join(
                    || -> Result<bool> {
                        if !more {
                            return Ok(false);
                        }
                        chunk.reserve(CHUNK_ROWS);
                        src.next_chunk(CHUNK_ROWS, &mut chunk)
                    },
                    || -> Result<()> {
                        let rows = process::process_chunk(current, &map, cfg);
                        let (k, f): (Vec<_>, Vec<_>) = rows
                            .par_iter()
                            .map(|r| (matching::keys_of(r, &cfg.profile), RowFacts::of(r, &cfg.profile)))
                            .unzip();
                        keys.extend(k);
                        facts.extend(f);
                        store.push(&rows)
                    },
                );
                pushed?;
                more = read?;
            }
            console.finish_source(src.info());
            sources.push(src.info().clone());
        }
    }
    Ok((sources, keys, facts))
}

fn seconds(since: Instant) -> f64 {
    (since.elapsed().as_secs_f64() * 1000.0).round() / 1000.0
}

fn relative(p: &std::path::Path, base: &std::path::Path) -> String {
    p.strip_prefix(base).unwrap_or(p).to_string_lossy().replace('\\', "/")
}
