//! What the reports say beyond the per-row outputs: the run's counts ([`stats`]), what changed
//! since an earlier run ([`baseline`], [`changes`]), the masking of identifiers for reports sent
//! outside the partner ([`redact`]), and counts written for people ([`numbers`]). The writers of
//! summary.json, report.xlsx and report.html all read the same [`Insights`], so their figures
//! always agree.

pub mod baseline;
pub mod changes;
pub mod earlier;
pub mod numbers;
pub mod partners;
pub mod redact;
pub mod stats;

use crate::model::Outcome;
use baseline::Changes;
use stats::Stats;

/// Everything the reports show beyond the rows themselves.
#[derive(Debug, Default)]
pub struct Insights {
    /// The run's counts.
    pub stats: Stats,
    /// What changed since `--baseline`, when given.
    pub changes: Option<Changes>,
    /// With `--report-per`: every partner's figures (the whole-list reports chart the worst).
    pub partners: Option<partners::PartnerIndex>,
    /// In a partner's own reports: the partner they are for.
    pub partner: Option<partners::PartnerName>,
}

/// What each outcome means for the partner.
pub fn outcome_meaning(o: Outcome) -> &'static str {
    match o {
        Outcome::Duplicate => "Another row is the same customer and was kept instead",
        Outcome::Existing => "Already a Partner Center customer: send a relationship request",
        Outcome::Rejected => "Breaks a Partner Center rule: fix it and run again",
        Outcome::Education => "Valid; an education institution: use the education flow",
        Outcome::Clean => "Ready to create in Partner Center",
    }
}

/// The colour of each outcome, in charts.
pub fn outcome_colour(o: Outcome) -> u32 {
    match o {
        Outcome::Duplicate => 0x8C8C8C,
        Outcome::Existing => 0x7B5EA7,
        Outcome::Rejected => 0xC0392B,
        Outcome::Education => 0x2E75B6,
        Outcome::Clean => 0x2E8B57,
    }
}
