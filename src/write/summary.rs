//! `summary.json`: run metadata, inputs, counts per outcome, rule and country, and the proof
//! that rows in equals rows out. The only output that carries timestamps.

use super::{AtomicFile, RunData};
use crate::error::{Error, Result};
use crate::matching::BlockStat;
use crate::model::{Field, Outcome};
use crate::read::headers::ColumnUse;
use crate::rules::{self, catalogue::Severity};
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
    /// Duplicate and existing-customer matching, batch domain rules and routing.
    #[serde(rename = "match")]
    pub matching: f64,
    /// Writing the output files (summary.json excluded).
    pub write: f64,
}

/// The Partner Center export in the summary.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ExistingSummary {
    /// The export files.
    pub files: Vec<String>,
    /// Customers read from them.
    pub customers: u64,
    /// Customers matched by at least one row.
    pub matched: u64,
}

/// Findings of one rule.
#[derive(Clone, Debug, Serialize)]
pub struct RuleCount {
    /// The rule code.
    pub code: &'static str,
    /// The configured severity.
    pub severity: &'static str,
    /// The field it concerns.
    pub field: &'static str,
    /// Findings.
    pub findings: u64,
    /// Rows with at least one such finding.
    pub rows: u64,
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
        let mut outcomes: BTreeMap<&'static str, u64> =
            Outcome::ALL.iter().map(|o| (o.as_str(), 0)).collect();
        let mut countries: BTreeMap<String, BTreeMap<&'static str, u64>> = BTreeMap::new();
        let mut files: BTreeMap<String, BTreeMap<&'static str, u64>> = BTreeMap::new();
        let mut per_rule: BTreeMap<&'static str, (u64, u64, Severity, &'static str)> = BTreeMap::new();
        for (i, row) in data.rows.iter().enumerate() {
            let o = data.outcomes[i].as_str();
            *outcomes.entry(o).or_default() += 1;
            let cc = row.country.unwrap_or("unknown").to_string();
            *countries.entry(cc).or_default().entry(o).or_default() += 1;
            let file = data.sources[row.raw.pos.source as usize].file_label();
            *files.entry(file).or_default().entry(o).or_default() += 1;
            let mut seen: Vec<&str> = Vec::new();
            for f in &row.findings {
                let r = f.rule.rule();
                let e = per_rule.entry(r.code).or_insert((0, 0, profile.severity(f.rule), r.field));
                e.0 += 1;
                if !seen.contains(&r.code) {
                    e.1 += 1;
                    seen.push(r.code);
                }
            }
        }
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
                customers: data.pc.customers.len() as u64,
                matched: matched_pc,
            },
            rows_in,
            rows_out,
            balanced: rows_in == rows_out,
            outcomes,
            rejected_percent,
            rules: per_rule
                .into_iter()
                .map(|(code, (findings, rows, sev, field))| RuleCount {
                    code,
                    severity: sev.as_str(),
                    field,
                    findings,
                    rows,
                })
                .collect(),
            countries,
            files,
            matching: MatchingSummary {
                clusters: data.matches.clusters,
                candidate_pairs: data.matches.candidate_pairs,
                matched_pairs: data.matches.matched_pairs,
                blocking: data.matches.blocks.clone(),
            },
            reconciliation: Default::default(),
            fail_over: data
                .cfg
                .fail_over
                .map(|t| FailOver { threshold_percent: t, exceeded: rejected_percent > t }),
            outputs,
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
        file: s.file_label(),
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

/// Counts rows with at least one error (for messages).
pub fn rows_with_errors(data: &RunData) -> usize {
    data.rows.iter().filter(|r| rules::has_error(&r.findings, &data.cfg.profile)).count()
}
