//! What the run says on stderr: progress bars on a terminal, one plain line per stage
//! otherwise (for schedulers' logs), and a short summary at the end.

use crate::config::Config;
use crate::read::SourceInfo;
use crate::write::summary::Summary;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// The run's voice on stderr.
pub struct Console {
    quiet: bool,
    verbose: u8,
    bar: Option<ProgressBar>,
}

impl Console {
    /// Progress bars only when asked for and stderr is a terminal.
    pub fn new(cfg: &Config) -> Console {
        let bar = (cfg.progress && !cfg.quiet && std::io::stderr().is_terminal()).then(|| {
            let b = ProgressBar::new_spinner();
            b.set_style(
                ProgressStyle::with_template("{spinner} {msg} {human_pos} rows ({per_sec}) {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            b
        });
        Console { quiet: cfg.quiet, verbose: cfg.verbose, bar }
    }

    /// A stage begins.
    pub fn stage(&self, what: &str) {
        match &self.bar {
            Some(b) => b.set_message(what.to_string()),
            None if !self.quiet => crate::say!("pc-onboard: {what}"),
            None => {}
        }
    }

    /// Something the user should know (a repaired folder, skipped files).
    pub fn note(&self, what: &str) {
        self.line(&format!("note: {what}"));
    }

    /// Something the user should probably act on.
    pub fn warn(&self, what: &str) {
        self.line(&format!("warning: {what}"));
    }

    fn line(&self, l: &str) {
        match &self.bar {
            Some(b) => b.println(l),
            None if !self.quiet => crate::say!("{l}"),
            None => {}
        }
    }

    /// A source is about to be read.
    pub fn start_source(&self, info: &SourceInfo) {
        self.stage(&format!("reading {}", label(info)));
    }

    /// Rows were read.
    pub fn advance(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.inc(n);
        }
    }

    /// A source was read; says what the user should know about it.
    pub fn finish_source(&self, info: &SourceInfo) {
        if self.quiet {
            return;
        }
        let mut lines = Vec::new();
        let expected_missing: Vec<&str> =
            info.columns.missing_fields().into_iter().filter(|f| f.is_expected()).map(|f| f.name()).collect();
        if !expected_missing.is_empty() {
            lines.push(format!(
                "warning: {}: no column for {}; each row will be reported as missing them",
                label(info),
                expected_missing.join(", ")
            ));
        }
        for n in &info.notes {
            lines.push(format!("note: {}: {n}", label(info)));
        }
        if self.verbose > 0 {
            lines.push(format!("  {}: {} rows, header on row {}", label(info), info.rows, info.header_row));
        }
        for l in lines {
            match &self.bar {
                Some(b) => b.println(l),
                None => crate::say!("{l}"),
            }
        }
    }

    /// The closing summary.
    pub fn report(&self, s: &Summary, cfg: &Config) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
        if self.quiet {
            return;
        }
        crate::say!("pc-onboard: read {} rows from {} source(s):", s.rows_in, s.inputs.len());
        for i in &s.inputs {
            let sheet = i.sheet.as_ref().map(|x| format!(" [{x}]")).unwrap_or_default();
            let enc = i.encoding.as_ref().map(|e| format!(", {e}")).unwrap_or_default();
            crate::say!("  {}{sheet}: {} rows{enc}", i.file, i.rows);
        }
        let o = |k: &str| s.outcomes.get(k).copied().unwrap_or(0);
        crate::say!(
            "outcomes: {} clean, {} education, {} rejected, {} existing, {} duplicate (rows in {} = rows out {}{})",
            o("clean"),
            o("education"),
            o("rejected"),
            o("existing"),
            o("duplicate"),
            s.rows_in,
            s.rows_out,
            if s.balanced { "" } else { " — MISMATCH" }
        );
        let r = &s.reconciliation;
        if !cfg.existing.is_empty() {
            let kind = |k: &str| r.by_kind.get(k).copied().unwrap_or(0);
            crate::say!(
                "reconciliation: {} row(s) matched Partner Center, {} with drift ({} material, {} cosmetic \
                 line(s)); {} Partner Center customer(s) matched no row",
                r.matched_rows,
                r.rows_with_drift,
                kind("material"),
                kind("cosmetic"),
                r.pc_only
            );
        }
        if let Some(b) = &r.baseline {
            crate::say!("since {}: {} new drift line(s), {} fixed", b.dir, b.new, b.fixed);
        }
        let mut top: Vec<_> = s.rules.iter().filter(|r| r.severity == "error").collect();
        top.sort_by(|a, b| b.rows.cmp(&a.rows).then(a.code.cmp(b.code)));
        if !top.is_empty() {
            let shown: Vec<String> = top.iter().take(5).map(|r| format!("{} ({})", r.code, r.rows)).collect();
            crate::say!("top errors: {}", shown.join(", "));
        }
        crate::say!("wrote {} file(s) to {}", s.outputs.len(), cfg.out_dir.display());
        if s.failed_over() {
            crate::say!(
                "pc-onboard: {:.2}% of rows were rejected, more than --fail-over {}%",
                s.rejected_percent,
                cfg.fail_over.unwrap_or(0.0)
            );
        }
    }
}

fn label(info: &SourceInfo) -> String {
    match &info.sheet {
        Some(s) => format!("{} [{s}]", info.file_label()),
        None => info.file_label().into_owned(),
    }
}
