//! What the run says on stderr: live progress on a terminal ([`progress`]: one line per stage,
//! then a finish line with its time), one plain line per stage otherwise (for schedulers' logs),
//! nothing with `-q`, and the closing summary ([`closing`]).

use super::closing;
use super::progress::{Live, Unit};
use crate::config::Config;
use crate::matching::Matches;
use crate::read::{Extent, SourceInfo};
use crate::report::numbers::{count, rate, Count};
use crate::write::summary::Summary;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// The run's voice on stderr.
pub struct Console {
    quiet: bool,
    verbose: u8,
    live: Option<Live>,
    /// Rows read from the source being read (for its rate when the bar counts bytes).
    rows: AtomicU64,
    /// Outputs to write, for the writing stage's finish line.
    outputs: AtomicU64,
}

impl Console {
    /// Progress only when asked for and stderr is a terminal.
    pub fn new(cfg: &Config) -> Console {
        let live = (cfg.progress && !cfg.quiet && std::io::stderr().is_terminal()).then(Live::stderr);
        Console::with(cfg, live)
    }

    /// A console drawing its progress where the caller says (tests render it into memory).
    pub(crate) fn with(cfg: &Config, live: Option<Live>) -> Console {
        Console {
            quiet: cfg.quiet,
            verbose: cfg.verbose,
            live,
            rows: AtomicU64::new(0),
            outputs: AtomicU64::new(0),
        }
    }

    /// A stage begins: a spinner on a terminal, `pc-onboard: {what}` otherwise.
    pub fn stage(&self, what: &str) {
        match &self.live {
            Some(l) => l.begin(what, Unit::Time, None),
            None => self.plain(&format!("pc-onboard: {what}")),
        }
    }

    /// Work that only a terminal hears of (a workbook being opened): a spinner, no plain line.
    pub fn working(&self, what: &str) {
        if let Some(l) = &self.live {
            l.begin_transient(what);
        }
    }

    /// The stage under way is done, in these words: a finish line with its time on a terminal,
    /// `pc-onboard: {what}` otherwise.
    pub fn done(&self, what: &str) {
        match &self.live {
            Some(l) => l.finish(|_| what.to_string()),
            None => self.plain(&format!("pc-onboard: {what}")),
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
        match &self.live {
            Some(live) => live.println(l),
            None => self.plain(l),
        }
    }

    fn plain(&self, l: &str) {
        if !self.quiet {
            crate::say!("{l}");
        }
    }

    /// A source is about to be read; `extent` is how far along it is, when that is known.
    pub fn start_source(&self, info: &SourceInfo, extent: Option<Extent>) {
        self.rows.store(0, Relaxed);
        let what = format!("reading {}", label(info));
        match (&self.live, extent) {
            (Some(l), Some(Extent::Bytes { total, .. })) => l.begin(&what, Unit::Bytes, Some(total)),
            (Some(l), Some(Extent::Rows { total, .. })) => l.begin(&what, Unit::Rows, Some(total)),
            (Some(l), None) => l.begin(&what, Unit::Rows, None),
            (None, _) => self.plain(&format!("pc-onboard: {what}")),
        }
    }

    /// `n` more rows were read; the source is now at `extent`.
    pub fn advance(&self, n: u64, extent: Option<Extent>) {
        let rows = self.rows.fetch_add(n, Relaxed) + n;
        let Some(l) = &self.live else {
            return;
        };
        match extent {
            Some(Extent::Bytes { done, .. }) => {
                l.set_position(done);
                l.set_message(format!("{} rows · {}", Count(rows), rate(rows, l.elapsed(), "rows")));
            }
            Some(Extent::Rows { done, .. }) => l.set_position(done),
            None => l.inc(n),
        }
    }

    /// A source was read; says what the user should know about it.
    pub fn finish_source(&self, info: &SourceInfo) {
        if let Some(l) = &self.live {
            l.finish(|secs| {
                format!("read {}: {} rows, {}", label(info), count(info.rows), rate(info.rows, secs, "rows"))
            });
        }
        if self.quiet {
            return;
        }
        let expected_missing: Vec<&str> =
            info.columns.missing_fields().into_iter().filter(|f| f.is_expected()).map(|f| f.name()).collect();
        if !expected_missing.is_empty() {
            self.line(&format!(
                "warning: {}: no column for {}; each row will be reported as missing them",
                label(info),
                expected_missing.join(", ")
            ));
        }
        for n in &info.notes {
            self.line(&format!("note: {}: {n}", label(info)));
        }
        if self.verbose > 0 {
            self.line(&format!(
                "  {}: {} rows, header on row {}",
                label(info),
                count(info.rows),
                info.header_row
            ));
        }
    }

    /// Matching is done: its finish line says how much was compared.
    pub fn matched(&self, rows: usize, m: &Matches) {
        if let Some(l) = &self.live {
            l.finish(|_| {
                format!(
                    "matched {} rows: {} candidate pairs scored, {} duplicate clusters",
                    count(rows as u64),
                    count(m.candidate_pairs),
                    count(u64::from(m.clusters))
                )
            });
        }
    }

    /// Writing begins: `total` outputs to write.
    pub fn writing(&self, total: usize) {
        self.outputs.store(total as u64, Relaxed);
        match &self.live {
            Some(l) => l.begin("writing outputs", Unit::Outputs, Some(total as u64)),
            None => self.plain("pc-onboard: writing outputs"),
        }
    }

    /// One output is written (called from the writers' threads).
    pub fn wrote(&self) {
        if let Some(l) = &self.live {
            l.inc(1);
        }
    }

    /// Every output is written.
    pub fn written(&self) {
        if let Some(l) = &self.live {
            l.finish(|_| format!("wrote {} outputs", count(self.outputs.load(Relaxed))));
        }
    }

    /// The closing summary.
    pub fn report(&self, s: &Summary, cfg: &Config) {
        if let Some(l) = &self.live {
            l.finish(|_| String::new());
        }
        if self.quiet {
            return;
        }
        for l in closing::lines(s, cfg) {
            self.line(&l);
        }
    }
}

fn label(info: &SourceInfo) -> String {
    match &info.sheet {
        Some(s) => format!("{} [{s}]", info.file_label()),
        None => info.file_label().into_owned(),
    }
}
