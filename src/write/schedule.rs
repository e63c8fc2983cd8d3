//! The order the output files are written in: longest first, each worker taking the next file
//! as it finishes one. Files are written in parallel and take from a tenth of a second to
//! seconds, so the run ends when its longest files do; started last, one of them kept one
//! core busy for a second while the other waited. The estimates only order the work: every
//! file's bytes are the same whatever the order.

use crate::model::Outcome;
use crate::report::stats::Stats;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a file's writing time grows with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unit {
    /// Rows of an outcome (the file lists them).
    Rows(Outcome),
    /// Findings, errors and warnings alike.
    Findings,
    /// Every row (read in order, the file showing some).
    AllRows,
    /// Pairs listed for review (each reads two rows, wherever they are).
    ReviewPairs,
    /// Drift lines.
    Drift,
    /// Partner Center customers no row matched.
    PcOnly,
}

/// The writing cost of the files, measured at 1M rows and on the Faker list before this order
/// was chosen (`summary.json` → `timings.write_files`, `8fab296`): fixed seconds, and
/// microseconds per unit. Rough, and only relative sizes matter; a file not listed counts as
/// small.
const COSTS: &[(&str, f64, f64, Unit)] = &[
    ("report.xlsx", 1.0, 1.0, Unit::AllRows),
    ("report.html", 0.1, 0.0, Unit::AllRows),
    ("clean/customers.csv", 0.0, 2.6, Unit::Rows(Outcome::Clean)),
    ("clean/customers.jsonl", 0.0, 4.3, Unit::Rows(Outcome::Clean)),
    ("clean/agreements.jsonl", 0.0, 1.7, Unit::Rows(Outcome::Clean)),
    ("education.csv", 0.0, 10.0, Unit::Rows(Outcome::Education)),
    ("relationship_requests.csv", 0.0, 10.0, Unit::Rows(Outcome::Existing)),
    ("duplicates.csv", 0.0, 11.0, Unit::Rows(Outcome::Duplicate)),
    ("review/possible_matches.csv", 0.0, 20.0, Unit::ReviewPairs),
    ("rejections/findings.csv", 0.0, 1.9, Unit::Findings),
    ("rejections/rejected_rows.csv", 0.0, 6.0, Unit::Rows(Outcome::Rejected)),
    ("reconciliation/drift.csv", 0.0, 5.0, Unit::Drift),
    ("reconciliation/pc_only.csv", 0.0, 5.0, Unit::PcOnly),
];

/// How much of each unit a run has.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sizes {
    /// Findings of every row.
    pub findings: u64,
    /// Rows in all.
    pub rows: u64,
    /// Pairs listed for review.
    pub review_pairs: u64,
    /// Drift lines.
    pub drift: u64,
    /// Partner Center customers no row matched.
    pub pc_only: u64,
}

/// The estimated seconds of writing `name`.
pub fn estimate(name: &str, stats: &Stats, sizes: &Sizes) -> f64 {
    let Some(&(_, fixed, micros, unit)) = COSTS.iter().find(|c| c.0 == name) else { return 0.0 };
    let units = match unit {
        Unit::Rows(o) => stats.outcome(o),
        Unit::Findings => sizes.findings,
        Unit::AllRows => sizes.rows,
        Unit::ReviewPairs => sizes.review_pairs,
        Unit::Drift => sizes.drift,
        Unit::PcOnly => sizes.pc_only,
    };
    fixed + micros * units as f64 / 1e6
}

/// Runs `jobs` on the pool's threads, the costliest first, each thread taking the next job
/// as it finishes one; the results come back in `jobs`' order.
pub fn longest_first<J: Sync, R: Send>(
    jobs: &[J],
    cost: impl Fn(&J) -> f64,
    run: impl Fn(&J) -> R + Sync,
) -> Vec<R> {
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    // Ties keep the jobs' own order, so the order is the same in every run.
    order.sort_by(|&a, &b| cost(&jobs[b]).total_cmp(&cost(&jobs[a])));
    let next = AtomicUsize::new(0);
    let workers = rayon::current_num_threads().clamp(1, jobs.len().max(1));
    let done: Vec<Vec<(usize, R)>> = {
        use rayon::prelude::*;
        (0..workers)
            .into_par_iter()
            .with_max_len(1)
            .map(|_| {
                let mut mine = Vec::new();
                while let Some(&j) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    mine.push((j, run(&jobs[j])));
                }
                mine
            })
            .collect()
    };
    let mut results: Vec<(usize, R)> = done.into_iter().flatten().collect();
    results.sort_by_key(|(j, _)| *j);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_runs_once_and_results_keep_the_jobs_order() {
        let jobs: Vec<u64> = (0..37).map(|i| (i * 7919) % 101).collect();
        for threads in [1, 2, 5] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let ran = std::sync::Mutex::new(Vec::new());
            let out = pool.install(|| {
                longest_first(
                    &jobs,
                    |&j| j as f64,
                    |&j| {
                        ran.lock().unwrap().push(j);
                        j * 2
                    },
                )
            });
            assert_eq!(out, jobs.iter().map(|j| j * 2).collect::<Vec<_>>(), "{threads} threads");
            let mut ran = ran.into_inner().unwrap();
            if threads == 1 {
                // One thread takes them strictly longest first.
                let mut want = jobs.clone();
                want.sort_by(|a, b| b.cmp(a));
                assert_eq!(ran, want);
            }
            ran.sort_unstable();
            let mut want = jobs.clone();
            want.sort_unstable();
            assert_eq!(ran, want, "{threads} threads: each job once");
        }
        let none: Vec<u64> = Vec::new();
        assert!(longest_first(&none, |_| 0.0, |&j| j).is_empty());
    }

    #[test]
    fn estimates_grow_with_what_the_file_lists() {
        let stats = Stats::default();
        let small = Sizes { findings: 1_000, ..Sizes::default() };
        let large = Sizes { findings: 1_000_000, ..Sizes::default() };
        let f = "rejections/findings.csv";
        assert!(estimate(f, &stats, &large) > estimate(f, &stats, &small));
        // The workbook's sheets are capped: it costs something however few the rows.
        assert!(estimate("report.xlsx", &stats, &small) >= 1.0);
        assert_eq!(estimate("not-a-file.csv", &stats, &large), 0.0);
        // Every output file has an estimate.
        for f in super::super::OUTPUT_FILES {
            assert!(COSTS.iter().any(|c| c.0 == *f), "{f} has no cost");
        }
    }
}
