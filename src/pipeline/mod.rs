//! The pipeline: check and take the output folder (`preflight`) → read → normalise →
//! validate (parallel) → match → route → reconcile → write into a staging folder → swap it in.
//! `work` lists the stages; `meter` times each of them for summary.json.

mod closing;
mod console;
pub mod existing;
mod meter;
mod preflight;
mod progress;
mod validate;

use crate::config::{Config, WriteMode};
use crate::error::{exit, Error, Result};
use crate::matching::existing::PcIndex;
use crate::matching::{self, domains, Matches};
use crate::model::{Outcome, RowFacts};
use crate::read::{self, ReadOptions, SourceInfo};
use crate::reconcile::{Reconciliation, ReconciliationSummary};
use crate::report::{stats::Counts, stats::Stats, Insights};
use crate::route::route;
use crate::rules::has_error;
use crate::store::RowStore;
use crate::write::output_set::SUMMARY_FILE;
use crate::write::summary::Summary;
use crate::write::{self, RunData};
use console::Console;
use meter::{Meter, Stage};
use std::collections::BTreeMap;
use validate::read_and_validate;

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

/// The stages, in order; each is a function of what the earlier ones produced.
fn work(
    cfg: &Config,
    console: &Console,
    started: chrono::DateTime<chrono::Local>,
    prepared: preflight::Prepared,
) -> Result<RunReport> {
    let preflight::Prepared { staging, baseline, drift_baseline, opts, files, mut warnings } = prepared;
    let mut meter = Meter::default();
    let pc = meter.stage(Stage::Existing, || existing::load(&cfg.existing, &opts, &cfg.profile, console))?;
    let mut rows = RowStore::new(staging.dir())?;
    let (sources, keys, mut facts) =
        meter.stage(Stage::ReadValidate, || read_and_validate(&files, &opts, cfg, console, &mut rows))?;
    warnings.extend(unused_mapping(cfg, &opts, &sources, console));
    // `--report-per`: a column no input has is refused before the long stages.
    let per = match &cfg.report_per {
        Some(spec) if cfg.write == WriteMode::All => {
            let (column, notes) = write::partners::Column::resolve(spec, &sources)?;
            for w in notes {
                console.warn(&w);
                warnings.push(w);
            }
            Some(column)
        }
        _ => None,
    };
    console.stage(&format!("matching {} rows", crate::report::numbers::count(rows.len() as u64)));
    let mut matches = meter.stage(Stage::Matching, || matching::match_rows(keys, &facts, &pc, &cfg.profile));
    let outcomes = meter.stage(Stage::DomainsRoute, || {
        domains_and_route(cfg, &mut rows, &mut matches, &pc, &sources, &mut facts)
    });
    console.matched(rows.len(), &matches);

    console.stage("counting");
    // Counted in parallel, from the rows read in place: sums, whatever order the rows are met in.
    let counts = rows.par_fold(
        Counts::default,
        |c, i, row| {
            if let Some(&o) = outcomes.get(i) {
                c.add_parts(row.country(), row.source, row.findings(), o, &cfg.profile);
            }
        },
        Counts::merge,
    );
    let stats = Stats::of_counts(&sources, counts, &cfg.profile);
    let changes = baseline.map(|b| b.compare(&sources, rows.iter(), &stats));
    let mut insights = Insights { stats, changes, ..Insights::default() };
    let mut partner_files = Vec::new();
    if let Some(column) = &per {
        console.stage("writing the partners' reports");
        let whole = RunData {
            sources: &sources,
            rows: &rows,
            outcomes: &outcomes,
            matches: &matches,
            pc: &pc,
            cfg,
            insights: &insights,
        };
        let done = meter.stage(Stage::Partners, || write::partners::write(&whole, column, staging.dir()))?;
        for w in done.warnings {
            console.warn(&w);
            warnings.push(w);
        }
        partner_files = done.files;
        insights.partners = Some(done.index);
    }
    let data = RunData {
        sources: &sources,
        rows: &rows,
        outcomes: &outcomes,
        matches: &matches,
        pc: &pc,
        cfg,
        insights: &insights,
    };
    let recon = Reconciliation::compute(&data.reconcile_inputs());
    let (mut outputs, write_files) =
        meter.stage(Stage::Write, || write_outputs(cfg, console, &data, &recon, staging.dir()))?;
    outputs.extend(partner_files);
    outputs.push(SUMMARY_FILE.to_string());
    let command = if cfg.write == WriteMode::All { "run" } else { "check" };
    let reconciliation =
        ReconciliationSummary::build(&data.reconcile_inputs(), &outcomes, &recon, drift_baseline.as_ref());
    // Every pass over the rows is done: if one could not be read back, nothing may be kept.
    rows.check()?;
    let mut summary = Summary::build(&data, command, started, outputs);
    summary.reconciliation = reconciliation;
    summary.timings = meter.finish();
    summary.timings.write_files = write_files;
    summary.warnings = warnings;
    console.stage("putting the new outputs in place");
    for note in staging.commit(|path| summary.write(path))? {
        console.warn(&note);
    }
    console.report(&summary, cfg);
    let exit_code = if summary.failed_over() { exit::FAIL_OVER } else { exit::OK };
    Ok(RunReport { summary, exit_code })
}

/// A warning for each `--mapping` entry that names a column no input has.
fn unused_mapping(
    cfg: &Config,
    opts: &ReadOptions,
    sources: &[SourceInfo],
    console: &Console,
) -> Vec<String> {
    let Some(mapping) = &cfg.mapping else { return Vec::new() };
    let mut warnings = Vec::new();
    for column in read::mapping::unused(&opts.overrides, sources) {
        let w = format!(
            "{}: column '{column}' is in no input, so this entry maps nothing; check its spelling \
             against the columns listed under inputs in summary.json",
            mapping.display()
        );
        console.warn(&w);
        warnings.push(w);
    }
    warnings
}

/// The batch-wide domain rules (their findings patch the stored rows), then every row's one
/// outcome.
fn domains_and_route(
    cfg: &Config,
    rows: &mut RowStore,
    matches: &mut Matches,
    pc: &PcIndex,
    sources: &[SourceInfo],
    facts: &mut [RowFacts],
) -> Vec<Outcome> {
    let patches = domains::apply(rows, matches, pc, sources);
    for (i, p) in &patches {
        facts[*i].has_error |= has_error(&p.findings, &cfg.profile);
    }
    rows.patch(patches);
    // duplicates.csv names each duplicate's survivor, which may be anywhere in the input
    // (`check` writes no such file: no pass over the rows for it).
    if cfg.write == WriteMode::All {
        rows.pin(matches.duplicate.iter().flatten().map(|d| d.survivor));
    }
    facts.iter().enumerate().map(|(i, f)| route(i, f, matches, &cfg.profile)).collect()
}

/// Writes the output files into the staging folder (none for `check`); returns their names
/// and the seconds each took.
fn write_outputs(
    cfg: &Config,
    console: &Console,
    data: &RunData,
    recon: &Reconciliation,
    dir: &std::path::Path,
) -> Result<(Vec<String>, BTreeMap<String, f64>)> {
    let mut outputs = Vec::new();
    let mut seconds = BTreeMap::new();
    if cfg.write == WriteMode::All {
        // `--outputs` decides whether the reconciliation's files are written, as for the rest.
        console.writing(write::planned(data, Some(recon)));
        let written = write::write_all(data, Some(recon), dir, &|_| console.wrote())?;
        for p in &written.paths {
            outputs.push(relative(p, dir));
        }
        seconds = written.seconds;
        console.written();
    }
    Ok((outputs, seconds))
}

fn relative(p: &std::path::Path, base: &std::path::Path) -> String {
    p.strip_prefix(base).unwrap_or(p).to_string_lossy().replace('\\', "/")
}
