//! The closing summary on stderr: what was read, where every row went, what matched Partner
//! Center, the errors found most, and where the outputs are. Counts carry thousands separators
//! (`62,316 clean`); summary.json holds the same figures as plain integers.

use crate::config::Config;
use crate::report::numbers::Count;
use crate::write::summary::Summary;

/// Error rules named in the "top errors" line.
const TOP_ERRORS: usize = 5;

/// The summary's lines, in order.
pub fn lines(s: &Summary, cfg: &Config) -> Vec<String> {
    let mut out = Vec::new();
    out.push(format!("pc-onboard: read {} rows from {} source(s):", Count(s.rows_in), s.inputs.len()));
    for i in &s.inputs {
        let sheet = i.sheet.as_ref().map(|x| format!(" [{x}]")).unwrap_or_default();
        let enc = i.encoding.as_ref().map(|e| format!(", {e}")).unwrap_or_default();
        out.push(format!("  {}{sheet}: {} rows{enc}", i.file, Count(i.rows)));
    }
    let o = |k: &str| Count(s.outcomes.get(k).copied().unwrap_or(0));
    out.push(format!(
        "outcomes: {} clean, {} education, {} rejected, {} existing, {} duplicate (rows in {} = rows out {}{})",
        o("clean"),
        o("education"),
        o("rejected"),
        o("existing"),
        o("duplicate"),
        Count(s.rows_in),
        Count(s.rows_out),
        if s.balanced { "" } else { " — MISMATCH" }
    ));
    let r = &s.reconciliation;
    if !cfg.existing.is_empty() {
        let kind = |k: &str| Count(r.by_kind.get(k).copied().unwrap_or(0));
        out.push(format!(
            "reconciliation: {} row(s) matched Partner Center, {} with drift ({} material, {} cosmetic \
             line(s)); {} Partner Center customer(s) matched no row",
            Count(r.matched_rows),
            Count(r.rows_with_drift),
            kind("material"),
            kind("cosmetic"),
            Count(r.pc_only)
        ));
    }
    if let Some(b) = &r.baseline {
        out.push(format!("since {}: {} new drift line(s), {} fixed", b.dir, Count(b.new), Count(b.fixed)));
    }
    // By the rows where the rule is an error as it ended up (a phone outside the countries that
    // require one is a warning, whatever the rule's configured severity).
    let mut top: Vec<_> = s.rules.iter().filter(|r| r.error_rows > 0).collect();
    top.sort_by(|a, b| b.error_rows.cmp(&a.error_rows).then(a.code.cmp(b.code)));
    if !top.is_empty() {
        let shown: Vec<String> =
            top.iter().take(TOP_ERRORS).map(|r| format!("{} ({})", r.code, Count(r.error_rows))).collect();
        out.push(format!("top errors: {}", shown.join(", ")));
    }
    out.push(format!("wrote {} file(s) to {}", s.outputs.len(), cfg.out_dir.display()));
    if s.failed_over() {
        out.push(format!(
            "pc-onboard: {:.2}% of rows were rejected, more than --fail-over {}%",
            s.rejected_percent,
            cfg.fail_over.unwrap_or(0.0)
        ));
    }
    out
}
