//! The wall time and peak memory of each stage, for summary.json (benchmarks read them): one
//! helper wraps every timed stage, so no stage keeps its own clock.

use crate::write::summary::{peak_memory_mb, seconds_since, StageMemory, Timings};
use std::time::Instant;

/// The stages timed in summary.json, in run order.
#[derive(Clone, Copy)]
pub enum Stage {
    Existing,
    ReadValidate,
    Matching,
    DomainsRoute,
    Write,
    /// `--report-per`: the partners' reports.
    Partners,
}

/// What the timed stages took so far.
#[derive(Default)]
pub struct Meter {
    timings: Timings,
    /// The peak resident memory after each stage, by `Stage as usize`.
    memory: [Option<u64>; 6],
}

impl Meter {
    /// Runs `work` as `stage`, keeping its wall time and the peak memory after it.
    pub fn stage<T>(&mut self, stage: Stage, work: impl FnOnce() -> T) -> T {
        let clock = Instant::now();
        let out = work();
        let took = seconds_since(clock);
        let t = &mut self.timings;
        match stage {
            Stage::Existing => t.existing = took,
            Stage::ReadValidate => t.read_validate = took,
            Stage::Matching => t.matching = took,
            Stage::DomainsRoute => t.domains_route = took,
            Stage::Write => t.write = took,
            Stage::Partners => t.partners = Some(took),
        }
        self.memory[stage as usize] = peak_memory_mb();
        out
    }

    /// The timings for the summary. The memory of "match" is taken after routing, as
    /// summary.json documents it.
    pub fn finish(mut self) -> Timings {
        let m = self.memory;
        self.timings.peak_memory_mb = match (m[0], m[1], m[3], m[4]) {
            (Some(existing), Some(read_validate), Some(matching), Some(write)) => {
                Some(StageMemory { existing, read_validate, matching, write })
            }
            _ => None,
        };
        self.timings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_stage_lands_in_its_own_slot() {
        let mut m = Meter::default();
        let slow = || std::thread::sleep(std::time::Duration::from_millis(20));
        m.stage(Stage::Matching, slow);
        assert_eq!(m.stage(Stage::Write, || 7), 7, "the stage's value is handed back");
        let t = m.finish();
        assert!(t.matching >= 0.02, "{}", t.matching);
        assert!(t.write < t.matching && t.existing == 0.0 && t.domains_route == 0.0);
        // Memory is all-or-nothing: stages not run leave none.
        assert!(t.peak_memory_mb.is_none());
    }
}
