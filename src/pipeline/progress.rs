//! Live progress on a terminal: one line for the stage under way (a bar with an ETA when its
//! size is known, a spinner otherwise), replaced by a finish line with the stage's time when the
//! next stage begins. Counts and rates go through [`numbers`], so they read `42,714 rows/s`,
//! and each stage's rate counts only that stage (its own bar, its own clock).

use crate::report::numbers::{self, count};
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::sync::Mutex;
use std::time::Duration;

/// What a stage's bar counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Rows (a sheet held in memory, or a stream whose size is unknown).
    Rows,
    /// Bytes of a file of known size.
    Bytes,
    /// Output files.
    Outputs,
    /// Nothing counted: a spinner with the time so far.
    Time,
}

impl Unit {
    fn show(self, n: u64) -> String {
        match self {
            Unit::Bytes => numbers::bytes(n),
            _ => count(n),
        }
    }

    /// The template: the stage's words are the prefix, details (rows read) the message.
    fn template(self, sized: bool) -> &'static str {
        match (self, sized) {
            (Unit::Bytes, true) => "{spinner} {prefix} [{bar:24}] {done} of {total} · {msg} · ETA {eta}",
            (Unit::Rows, true) => "{spinner} {prefix} [{bar:24}] {done} of {total} rows · {rate} · ETA {eta}",
            (Unit::Outputs, true) => "{spinner} {prefix} [{bar:24}] {done} of {total} outputs · {took}",
            (Unit::Rows, false) => "{spinner} {prefix}: {done} rows · {rate} · {took}",
            _ => "{spinner} {prefix}{msg} · {took}",
        }
    }

    fn style(self, sized: bool) -> ProgressStyle {
        let secs = |s: &ProgressState| s.elapsed().as_secs_f64();
        ProgressStyle::with_template(self.template(sized))
            .unwrap_or_else(|_| ProgressStyle::default_spinner())
            .progress_chars("=> ")
            .with_key("done", move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&self.show(s.pos()));
            })
            .with_key("total", move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&self.show(s.len().unwrap_or(0)));
            })
            .with_key("rate", move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&numbers::rate(s.pos(), secs(s), "rows"));
            })
            .with_key("took", move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&numbers::duration(secs(s)));
            })
            .with_key("eta", move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&eta(s.pos(), s.len(), secs(s)));
            })
    }
}

/// Time left at the rate so far; `?` until something was done.
pub fn eta(done: u64, total: Option<u64>, seconds: f64) -> String {
    match total {
        Some(t) if done > 0 && seconds > 0.0 => {
            numbers::duration(seconds * t.saturating_sub(done) as f64 / done as f64)
        }
        _ => "?".into(),
    }
}

/// The stage under way.
struct Stage {
    bar: ProgressBar,
    /// A stage only a terminal hears of (opening a workbook): when the next stage begins, it
    /// goes without a finish line.
    transient: bool,
}

/// The terminal's progress lines.
pub struct Live {
    multi: MultiProgress,
    stage: Mutex<Option<Stage>>,
    /// Animate spinners between updates (off in tests, where output must be reproducible).
    tick: bool,
}

impl Live {
    /// Progress on stderr.
    pub fn stderr() -> Live {
        Live::to(ProgressDrawTarget::stderr(), true)
    }

    /// Progress on any target (tests render it into memory).
    pub fn to(target: ProgressDrawTarget, tick: bool) -> Live {
        Live { multi: MultiProgress::with_draw_target(target), stage: Mutex::new(None), tick }
    }

    /// Begins a stage, closing the one under way with a plain finish line.
    pub fn begin(&self, what: &str, unit: Unit, total: Option<u64>) {
        self.start(what, unit, total, false);
    }

    /// Begins a stage that leaves no finish line unless [`Live::finish`] gives it words.
    pub fn begin_transient(&self, what: &str) {
        self.start(what, Unit::Time, None, true);
    }

    fn start(&self, what: &str, unit: Unit, total: Option<u64>, transient: bool) {
        let under_way = self.lock().take();
        match under_way {
            Some(s) if s.transient => self.close(s.bar),
            Some(s) => {
                *self.lock() = Some(s);
                self.finish(|_| String::new());
            }
            None => {}
        }
        let bar = match total {
            Some(t) => ProgressBar::new(t),
            None => ProgressBar::no_length(),
        };
        let bar = self.multi.add(bar);
        bar.set_style(unit.style(total.is_some()));
        bar.set_prefix(what.to_string());
        if unit == Unit::Bytes {
            // A bar of bytes tells the rows read in its message: from the first frame on.
            bar.set_message("0 rows");
        }
        if self.tick {
            bar.enable_steady_tick(Duration::from_millis(120));
        } else {
            bar.tick();
        }
        *self.lock() = Some(Stage { bar, transient });
    }

    /// Moves the stage's bar on by `n`.
    pub fn inc(&self, n: u64) {
        if let Some(Stage { bar: b, .. }) = self.lock().as_ref() {
            b.inc(n);
        }
    }

    /// Sets where the stage's bar is.
    pub fn set_position(&self, pos: u64) {
        if let Some(Stage { bar: b, .. }) = self.lock().as_ref() {
            b.set_position(pos);
        }
    }

    /// Sets the stage's details (the rows read, for a bar that counts bytes).
    pub fn set_message(&self, msg: String) {
        if let Some(Stage { bar: b, .. }) = self.lock().as_ref() {
            b.set_message(msg);
        }
    }

    /// Seconds since the stage under way began (0 when none is).
    pub fn elapsed(&self) -> f64 {
        self.lock().as_ref().map_or(0.0, |s| s.bar.elapsed().as_secs_f64())
    }

    /// Ends the stage under way with a finish line, `✓ {what} · {time}`, where `what` is told
    /// the stage's seconds and returns the stage's words ("" keeps its prefix). With no stage
    /// under way, words still make a line (`✓ {what}`).
    pub fn finish(&self, what: impl FnOnce(f64) -> String) {
        let Some(Stage { bar, .. }) = self.lock().take() else {
            let words = what(0.0);
            if !words.is_empty() {
                self.println(&format!("✓ {words}"));
            }
            return;
        };
        let secs = bar.elapsed().as_secs_f64();
        let mut words = what(secs);
        if words.is_empty() {
            words = bar.prefix();
        }
        self.close(bar);
        self.println(&format!("✓ {words} · {}", numbers::duration(secs)));
    }

    fn close(&self, bar: ProgressBar) {
        bar.finish_and_clear();
        self.multi.remove(&bar);
    }

    /// A line above the progress (a note, a warning, the closing summary).
    pub fn println(&self, line: &str) {
        if self.multi.println(line).is_err() {
            // The terminal went away: the line is lost, the run goes on (as with `say!`).
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Stage>> {
        // A panic elsewhere while drawing leaves the bar usable: take it back.
        self.stage.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
