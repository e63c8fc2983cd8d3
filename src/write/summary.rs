//! `summary.json`: run metadata, inputs, counts per outcome, rule, severity, country and file
//! (from [`Stats`], one pass over the rows), the proof that rows in equals rows out, and what
//! changed since `--baseline`. The only output that carries timestamps.

use super::{AtomicFile, RunData};
use crate::error::{Error, Result};
use crate::matching::BlockStat;
use crate::model::Field;
use crate::read::headers::ColumnUse;
use crate::report::baseline::{ChangedFinding, Changes, CountChanges};
pub use crate::report::stats::{RuleCount, SeverityCount, Stats};

use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The summary of a run.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Always "pc-onboard".
    pub tool: &'static str,
    /// The tool's version.
    pub version: &'static str,
    /// "run" or "check".
    pub command: &'static str,
    /// When the run started (RFC 3339, local time).
    pub started_at: String,
    /// When it finished.
    pub finished_at: String,
    /// Wall time in seconds.
    pub elapsed_seconds: f64,
    /// Wall time per stage, in seconds.
    pub timings: Timings,
    /// The partner type the rules were applied for.
    pub partner_type: String,
    /// Every source read.
    pub inputs: Vec<InputSummary>,
    /// The Partner Center export(s).
    pub existing: ExistingSummary,
    /// Data rows read.
    pub rows_in: u64,
    /// Rows written to an outcome.
    pub rows_out: u64,
    /// rows_in == rows_out.
    pub balanced: bool,
    /// Rows per outcome.
    pub outcomes: BTreeMap<&'static str, u64>,
    /// Share of rows rejected, in percent.
    pub rejected_percent: f64,
    /// Findings per rule (only rules that found something).
    pub rules: Vec<RuleCount>,
    /// Findings and rows per severity, as each finding ended up (context included).
    pub severities: BTreeMap<&'static str, SeverityCount>,
    /// Rows per country (ISO code; "unknown" when unresolved) and outcome.
    pub countries: BTreeMap<String, BTreeMap<&'static str, u64>>,
    /// Rows per source file and outcome.
    pub files: BTreeMap<String, BTreeMap<&'static str, u64>>,
    /// Duplicate clusters and candidate pairs per blocking key.
    pub matching: MatchingSummary,
    /// Drift from Partner Center and the one-sided customers (filled in by the pipeline,
    /// which computes the reconciliation before the summary).
    pub reconciliation: crate::reconcile::ReconciliationSummary,
    /// The `--fail-over` check.
    pub fail_over: Option<FailOver>,
    /// The files written (relative to the output folder).
    pub outputs: Vec<String>,
    /// What the user should know about the run that is not about one source: mapping entries
    /// naming no column, a folder's earlier outputs that were not read (filled in by the
    /// pipeline).
    pub warnings: Vec<String>,
    /// What changed since `--baseline` (absent without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<ChangesSummary>,
    /// The reports for partners (absent without `--report-per`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partners: Option<PartnersSummary>,
}

/// The reports for partners, in summary.json.
#[derive(Clone, Debug, Serialize)]
pub struct PartnersSummary {
    /// The column the list was split by, as given.
    pub column: String,
    /// Partners (folders under `partners/`), the rows without a value included.
    pub partners: u64,
    /// Rows without a value (in `partners/_no-value`).
    pub rows_without_value: u64,
    /// The index, relative to the output folder.
    pub index: &'static str,
}

impl PartnersSummary {
    fn of(index: &crate::report::partners::PartnerIndex) -> PartnersSummary {
        PartnersSummary {
            column: index.column.clone(),
            partners: index.lines.len() as u64,
            rows_without_value: index.lines.iter().filter(|l| l.value.is_empty()).map(|l| l.rows).sum(),
            index: crate::report::partners::INDEX_CSV,
        }
    }
}

/// Changed findings listed in summary.json at most, each way (the workbook lists them all).
pub const CHANGES_LISTED: usize = 1000;

/// What changed since the baseline, in summary.json.
#[derive(Clone, Debug, Serialize)]
pub struct ChangesSummary {
    /// The baseline folder, as given.
    pub baseline: String,
    /// When the baseline run started.
    pub baseline_started_at: Option<String>,
    /// Whether findings were compared (false when the baseline is a `check` run's folder, which
    /// has no findings file: then only counts are compared).
    pub findings_compared: bool,
    /// Findings this run has and the baseline had not.
    pub new_findings: u64,
    /// Findings the baseline had and this run has not.
    pub fixed_findings: u64,
    /// Counts before and after.
    pub counts: CountChanges,
    /// The first new findings, in source order.
    pub new: Vec<ChangedFinding>,
    /// The first fixed findings, in the baseline's order.
    pub fixed: Vec<ChangedFinding>,
}

impl ChangesSummary {
    fn of(ch: &Changes, data: &RunData) -> ChangesSummary {
        ChangesSummary {
            baseline: ch.folder().display().to_string(),
            baseline_started_at: ch.baseline_started_at().map(str::to_string),
            findings_compared: ch.findings_compared(),
            new_findings: ch.new_count() as u64,
            fixed_findings: ch.fixed_count() as u64,
            counts: ch.counts.clone(),
            new: ch.new_findings(data.sources, data.rows, &data.cfg.profile).take(CHANGES_LISTED).collect(),
            fixed: ch.fixed_findings().take(CHANGES_LISTED).collect(),
        }
    }
}

/// One source in the summary.
#[derive(Clone, Debug, Serialize)]
pub struct InputSummary {
    /// The file.
    pub file: String,
    /// The sheet, for workbooks.
    pub sheet: Option<String>,
    /// "csv", "xlsx", …
    pub format: String,
    /// The detected encoding (CSV).
    pub encoding: Option<String>,
    /// The detected delimiter (CSV).
    pub delimiter: Option<String>,
    /// The header row number.
    pub header_row: u64,
    /// Data rows read.
    pub rows: u64,
    /// Blank rows skipped.
    pub blank_rows_skipped: u64,
    /// Canonical field → the column feeding it.
    pub columns: BTreeMap<&'static str, String>,
    /// Columns that feed no field (carried through to rejected_rows.csv).
    pub unmapped_columns: Vec<String>,
    /// Canonical fields no column feeds.
    pub missing_fields: Vec<&'static str>,
    /// Things to know about this source.
    pub notes: Vec<String>,
}

/// Wall time of each stage of a run, in seconds (milliseconds resolution).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Timings {
    /// Reading and indexing the Partner Center export(s).
    pub existing: f64,
    /// Reading, normalising and validating the inputs.
    pub read_validate: f64,
    /// Duplicate and existing-customer matching (blocking, scoring, clusters, the export).
    #[serde(rename = "match")]
    pub matching: f64,
    /// The batch-wide domain rules and routing (a pass over the rows read back from disk).
    pub domains_route: f64,
    /// Writing the output files (summary.json and the partners' reports excluded).
    pub write: f64,
    /// With `--report-per`: sorting the rows by partner and writing every partner's reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partners: Option<f64>,
    /// Wall seconds each output file took (written in parallel, so they add up to more than
    /// `write`): where a run's write time goes, and what `--outputs` would save.
    pub write_files: std::collections::BTreeMap<String, f64>,
    /// The process's peak resident memory in MiB at the end of each stage (where the
    /// operating system tells it: Linux), so a benchmark sees which stage raised the peak.
    pub peak_memory_mb: Option<StageMemory>,
}

/// Peak resident memory (MiB) reached by the end of each stage.
#[derive(Clone, Debug, Default, Serialize)]
pub struct StageMemory {
    /// After reading the Partner Center export(s).
    pub existing: u64,
    /// After reading and validating the inputs.
    pub read_validate: u64,
    /// After matching and routing.
    #[serde(rename = "match")]
    pub matching: u64,
    /// After writing.
    pub write: u64,
}

/// Seconds since `since`, to the millisecond, as `timings` holds them.
pub fn seconds_since(since: std::time::Instant) -> f64 {
    (since.elapsed().as_secs_f64() * 1000.0).round() / 1000.0
}

/// The process's peak resident set size so far in MiB (`VmHWM` in /proc/self/status), or
/// None where it cannot be read.
pub fn peak_memory_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.trim_start_matches("VmHWM:").trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb / 1024)
}

/// The Partner Center export in the summary.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ExistingSummary {
    /// The export files.
    pub files: Vec<String>,
    /// What each source of them was read as (one per file, or per sheet of a workbook):
    /// `ui_export`, `powershell_csv`, `rest_json` or `table`.
    pub formats: Vec<String>,
    /// Customers read from them.
    pub customers: u64,
    /// Customers matched by at least one row.
    pub matched: u64,
}

/// Matching figures.
#[derive(Clone, Debug, Serialize)]
pub struct MatchingSummary {
    /// Duplicate clusters.
    pub clusters: u32,
    /// Distinct candidate pairs scored (never all pairs).
    pub candidate_pairs: u64,
    /// Pairs decided to be the same customer.
    pub matched_pairs: u64,
    /// Per blocking key: blocks, candidate pairs, capped blocks.
    pub blocking: Vec<BlockStat>,
    /// Match probability at or above which two records are the same customer.
    pub match_threshold: f64,
    /// Match probability from which pairs under the threshold are listed for review.
    pub review_threshold: f64,
    /// Pairs listed in review/possible_matches.csv.
    pub review_pairs: u64,
    /// The fitted Fellegi–Sunter models: λ and m/u per field and level.
    pub model: crate::matching::Models,
}

/// The fail-over check.
#[derive(Clone, Debug, Serialize)]
pub struct FailOver {
    /// The threshold, percent.
    pub threshold_percent: f64,
    /// Whether the rejected share passed it.
    pub exceeded: bool,
}

impl Summary {
    /// Builds the summary of a finished run.
    pub fn build(
        data: &RunData,
        command: &'static str,
        started: chrono::DateTime<chrono::Local>,
        outputs: Vec<String>,
    ) -> Summary {
        let profile = &data.cfg.profile;
        let stats = &data.insights.stats;
        let outcomes = stats.outcomes.clone();
        let rows_in: u64 = data.sources.iter().map(|s| s.rows).sum();
        let rows_out: u64 = outcomes.values().sum();
        let rejected = outcomes.get("rejected").copied().unwrap_or(0);
        let rejected_percent =
            if rows_out == 0 { 0.0 } else { (rejected as f64 * 10000.0 / rows_out as f64).round() / 100.0 };
        let finished = chrono::Local::now();
        let matched_pc = {
            let mut seen = vec![false; data.pc.customers.len()];
            for m in data.matches.existing.iter().flatten() {
                seen[m.pc] = true;
            }
            seen.iter().filter(|x| **x).count() as u64
        };
        Summary {
            tool: "pc-onboard",
            version: env!("CARGO_PKG_VERSION"),
            command,
            started_at: started.to_rfc3339(),
            finished_at: finished.to_rfc3339(),
            elapsed_seconds: ((finished - started).num_milliseconds() as f64) / 1000.0,
            timings: Timings::default(),
            partner_type: format!("{:?}", profile.partner_type),
            inputs: data.sources.iter().map(input_summary).collect(),
            existing: ExistingSummary {
                files: data.cfg.existing.iter().map(|p| p.display().to_string()).collect(),
                formats: data.pc.sources.iter().map(|s| s.format.clone()).collect(),
                customers: data.pc.customers.len() as u64,
                matched: matched_pc,
            },
            rows_in,
            rows_out,
            balanced: rows_in == rows_out,
            outcomes,
            rejected_percent,
            rules: stats.rules.clone(),
            severities: stats.severities.clone(),
            countries: stats.countries.clone(),
            files: stats.files.clone(),
            matching: MatchingSummary {
                clusters: data.matches.clusters,
                candidate_pairs: data.matches.candidate_pairs,
                matched_pairs: data.matches.matched_pairs,
                blocking: data.matches.blocks.clone(),
                match_threshold: profile.match_threshold,
                review_threshold: profile.review_threshold,
                review_pairs: data.matches.review.len() as u64,
                model: data.matches.models.clone(),
            },
            reconciliation: Default::default(),
            fail_over: data
                .cfg
                .fail_over
                .map(|t| FailOver { threshold_percent: t, exceeded: rejected_percent > t }),
            outputs,
            warnings: Vec::new(),
            changes: data.insights.changes.as_ref().map(|ch| ChangesSummary::of(ch, data)),
            partners: data.insights.partners.as_ref().map(PartnersSummary::of),
        }
    }

    /// Whether `--fail-over` was exceeded.
    pub fn failed_over(&self) -> bool {
        self.fail_over.as_ref().is_some_and(|f| f.exceeded)
    }

    /// Writes the summary as pretty JSON.
    pub fn write(&self, path: &Path) -> Result<()> {
        let mut f = AtomicFile::create(path)?;
        serde_json::to_writer_pretty(&mut f, self)
            .map_err(|e| Error::Output { path: path.to_owned(), source: e.into() })?;
        std::io::Write::write_all(&mut f, b"\n")
            .map_err(|source| Error::Output { path: path.to_owned(), source })?;
        f.commit()
    }
}

fn input_summary(s: &crate::read::SourceInfo) -> InputSummary {
    let mut columns = BTreeMap::new();
    let mut unmapped = Vec::new();
    for (i, h) in s.columns.headers.iter().enumerate() {
        match &s.columns.uses[i] {
            ColumnUse::Field(f) => {
                columns.insert(f.name(), h.clone());
            }
            _ => unmapped.push(h.clone()),
        }
    }
    InputSummary {
        file: s.file_label().into_owned(),
        sheet: s.sheet.clone(),
        format: s.format.clone(),
        encoding: s.encoding.clone(),
        delimiter: s.delimiter.map(|d| if d == '\t' { "tab".to_string() } else { d.to_string() }),
        header_row: s.header_row,
        rows: s.rows,
        blank_rows_skipped: s.blank_rows,
        columns,
        unmapped_columns: unmapped,
        missing_fields: s.columns.missing_fields().iter().map(|f: &Field| f.name()).collect(),
        notes: s.notes.clone(),
    }
}
