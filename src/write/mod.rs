//! Writers: one function per output file, each the single writer of its file, all reading the
//! run's results in source order. The whole set is written into a staging folder and swapped
//! in for the output folder when complete ([`staging`]), under a lock ([`lock`]).

mod agreements;
mod atomic;
mod clean;
mod duplicates;
// The fault points live at the crate root (the row store uses one too); `write::fault` keeps
// the writers' paths.
pub use crate::fault;
pub mod guard;
mod html;
pub mod human;
mod jsonl;
pub mod lock;
pub mod output_set;
#[cfg(feature = "parquet")]
mod parquet;
pub mod partners;
pub mod reconciliation;
mod rejections;
mod relationships;
mod review;
mod schedule;
pub mod staging;
pub mod summary;
mod swap;
mod sync_behind;
mod xlsx;

pub use atomic::{defer_sync_under, temp_beside, AtomicFile, DeferredSync};

use crate::error::{Error, Result};
use crate::matching::existing::PcIndex;
use crate::matching::Matches;
use crate::model::Outcome;
use crate::read::SourceInfo;
use crate::reconcile::Reconciliation;
use crate::report::Insights;
use crate::store::RowStore;
use std::path::{Path, PathBuf};

/// Everything the writers read.
pub struct RunData<'a> {
    /// The sources, indexed by `RowPos::source`.
    pub sources: &'a [SourceInfo],
    /// Every row, in source order (read back from the spill file).
    pub rows: &'a RowStore,
    /// Each row's outcome.
    pub outcomes: &'a [Outcome],
    /// Duplicates and existing customers.
    pub matches: &'a Matches,
    /// The Partner Center export.
    pub pc: &'a PcIndex,
    /// The run's configuration.
    pub cfg: &'a crate::config::Config,
    /// Counts and changes since the baseline, for summary.json and the reports.
    pub insights: &'a Insights,
}

/// The columns that trace a line back to its input.
pub const SOURCE_COLUMNS: [&str; 4] = ["source_file", "source_sheet", "source_row", "source_id"];

impl RunData<'_> {
    /// The four source columns of row `i`.
    pub fn source_cells(&self, i: usize) -> [String; 4] {
        self.source_cells_of(&self.rows.get(i))
    }

    /// The four source columns of a row at hand.
    pub fn source_cells_of(&self, row: &crate::model::Row) -> [String; 4] {
        self.sources[row.raw.pos.source as usize].source_cells(row)
    }

    /// The four source columns of a row read in place.
    pub fn source_cells_peeked(&self, row: &crate::store::Peek) -> [String; 4] {
        self.sources[row.source as usize].source_cells_of(row.row, row.value(crate::model::Field::SourceId))
    }

    /// What reconciliation reads of the run.
    pub fn reconcile_inputs(&self) -> crate::reconcile::Inputs<'_> {
        crate::reconcile::Inputs {
            sources: self.sources,
            rows: self.rows,
            matches: self.matches,
            pc: self.pc,
        }
    }

    /// The reports' title: a partner's own reports name the partner (`--report-per`).
    pub fn title(&self) -> String {
        match &self.insights.partner {
            Some(name) => {
                format!("Partner Center onboarding report: {}", human::field(self, None, &name.label()))
            }
            None => "Partner Center onboarding report".to_string(),
        }
    }

    /// The rejected rows' CSV file as the reports name it: a partner's folder has its own.
    pub fn rejected_rows_file(&self) -> &'static str {
        match self.insights.partner {
            Some(_) => "rejected_rows.csv",
            None => "rejections/rejected_rows.csv",
        }
    }

    /// Row indexes with the given outcome, in source order.
    pub fn with_outcome(&self, o: Outcome) -> impl Iterator<Item = usize> + '_ {
        self.outcomes.iter().enumerate().filter(move |(_, x)| **x == o).map(|(i, _)| i)
    }
}

/// The output files, relative to the output folder, in the documented order: the summary's
/// list, the staging folder's subfolders, what a folder input skips and what the swap replaces
/// read it. A new output also needs its job in [`write_all`], an estimate of its cost in
/// `schedule` and, for a sheet, its name in `xlsx/` (issue 16 asks for one table).
pub const OUTPUT_FILES: &[&str] = &[
    "clean/customers.csv",
    "clean/customers.jsonl",
    "clean/agreements.jsonl",
    "education.csv",
    "relationship_requests.csv",
    "duplicates.csv",
    "review/possible_matches.csv",
    "rejections/findings.csv",
    "rejections/rejected_rows.csv",
    "report.xlsx",
    "report.html",
    "reconciliation/drift.csv",
    "reconciliation/pc_only.csv",
];

/// The Parquet outputs, written with `--parquet`.
pub const PARQUET_FILES: &[&str] = &["customers.parquet", "findings.parquet"];

/// Writes one output file at the path given.
type Writer<'a> = Box<dyn Fn(&Path) -> Result<()> + Sync + 'a>;

/// The output files `write_all` writes for this run, with their writers; the reconciliation's
/// two when `recon` is given.
fn jobs<'a>(data: &'a RunData, recon: Option<&'a Reconciliation>) -> Vec<(&'static str, Writer<'a>)> {
    fn job<'a>(
        name: &'static str,
        w: impl Fn(&Path) -> Result<()> + Sync + 'a,
    ) -> (&'static str, Writer<'a>) {
        (name, Box::new(w))
    }
    let mut jobs = vec![
        job("report.xlsx", |p| xlsx::write(data, p)),
        job("report.html", |p| html::write(data, p)),
        job("clean/customers.csv", |p| clean::write(data, p, Outcome::Clean)),
        job("clean/customers.jsonl", |p| jsonl::write(data, p)),
        job("clean/agreements.jsonl", |p| agreements::write(data, p)),
        job("education.csv", |p| clean::write(data, p, Outcome::Education)),
        job("relationship_requests.csv", |p| relationships::write(data, p)),
        job("duplicates.csv", |p| duplicates::write(data, p)),
        job("review/possible_matches.csv", |p| review::write(data, p)),
        job("rejections/findings.csv", |p| rejections::write_findings(data, p)),
        job("rejections/rejected_rows.csv", |p| rejections::write_rejected_rows(data, p)),
    ];
    if let Some(r) = recon {
        let [drift, pc_only] = reconciliation::FILES;
        jobs.push(job(drift, move |p| reconciliation::write_drift(data, r, p)));
        jobs.push(job(pc_only, move |p| reconciliation::write_pc_only(data, r, p)));
    }
    #[cfg(feature = "parquet")]
    if data.cfg.parquet {
        jobs.push(job("customers.parquet", |p| parquet::write_customers(data, p)));
        jobs.push(job("findings.parquet", |p| parquet::write_findings(data, p)));
    }
    // `--outputs`: only the kinds chosen.
    jobs.retain(|(name, _)| data.cfg.outputs.writes(name));
    jobs
}

/// How many files `write_all` writes for this run (for progress).
pub fn planned(data: &RunData, recon: Option<&Reconciliation>) -> usize {
    jobs(data, recon).len()
}

/// The files `write_all` wrote, with how long each took.
pub struct WrittenFiles {
    /// Their paths, in the documented order.
    pub paths: Vec<PathBuf>,
    /// Wall seconds per file (relative name), to the millisecond: files are written in
    /// parallel, so these add up to more than the write stage.
    pub seconds: std::collections::BTreeMap<String, f64>,
}

/// Writes every output file except the summary (the reconciliation's files when `recon` is
/// given), the longest first; returns their paths. `done` is called (from the writers'
/// threads) as each file is written.
pub fn write_all(
    data: &RunData,
    recon: Option<&Reconciliation>,
    dir: &Path,
    done: &(dyn Fn(&str) + Sync),
) -> Result<WrittenFiles> {
    let jobs = jobs(data, recon);
    let sizes = schedule::Sizes {
        findings: data.insights.stats.severities.values().map(|s| s.findings).sum(),
        rows: data.rows.len() as u64,
        review_pairs: data.matches.review.len() as u64,
        drift: recon.map_or(0, |r| r.drift.len() as u64),
        pc_only: recon.map_or(0, |r| r.pc_only.len() as u64),
    };
    // Each file is synced to disk behind its writer, which goes on to the next file.
    let (results, synced) = sync_behind::syncing_behind(dir, || {
        schedule::longest_first(
            &jobs,
            |(name, _)| schedule::estimate(name, &data.insights.stats, &sizes),
            |(name, w)| {
                let clock = std::time::Instant::now();
                let written = w(&dir.join(name));
                done(name);
                written.map(|()| summary::seconds_since(clock))
            },
        )
    });
    // The first failure in the jobs' order, whatever order they ran in; then a failed sync.
    let took = results.into_iter().collect::<Result<Vec<f64>>>()?;
    synced?;
    let seconds = jobs.iter().zip(took).map(|((name, _), s)| (name.to_string(), s)).collect();
    // Listed in the documented order, whatever order they were written in.
    let mut names: Vec<&str> = jobs.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| OUTPUT_FILES.iter().chain(PARQUET_FILES).position(|o| o == n));
    Ok(WrittenFiles { paths: names.into_iter().map(|n| dir.join(n)).collect(), seconds })
}

/// A match probability as the outputs write it: four decimals, never rounded up to a certainty
/// it is not (0.99996 is 0.9999, not 1.0000).
pub fn probability(p: f64) -> String {
    format!("{:.4}", (p * 10_000.0).floor() / 10_000.0)
}

/// A CSV writer over an atomic file.
pub fn csv_writer(path: &Path) -> Result<csv::Writer<AtomicFile>> {
    Ok(csv::WriterBuilder::new().from_writer(AtomicFile::create(path)?))
}

/// Finishes a CSV file: flush, then rename into place.
pub fn finish(wtr: csv::Writer<AtomicFile>, path: &Path) -> Result<()> {
    let file =
        wtr.into_inner().map_err(|e| Error::Output { path: path.to_owned(), source: e.into_error() })?;
    file.commit()
}

/// Maps a csv error while writing `path`.
pub fn csv_err(path: &Path) -> impl Fn(csv::Error) -> Error + '_ {
    move |e| Error::Output { path: path.to_owned(), source: std::io::Error::other(e.to_string()) }
}
