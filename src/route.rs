//! Routing: every row gets exactly one outcome, in the order of SPEC §7:
//! duplicate > existing > rejected > education > clean.

use crate::config::{PartnerType, Profile};
use crate::matching::Matches;
use crate::model::{Outcome, RowFacts};

/// The outcome of row `i`.
pub fn route(i: usize, row: &RowFacts, matches: &Matches, profile: &Profile) -> Outcome {
    if matches.duplicate[i].is_some() {
        Outcome::Duplicate
    } else if matches.existing[i].is_some() || profile.partner_type == PartnerType::IndirectReseller {
        // An indirect reseller cannot create customers: every row becomes a relationship request.
        Outcome::Existing
    } else if row.has_error {
        Outcome::Rejected
    } else if row.education {
        Outcome::Education
    } else {
        Outcome::Clean
    }
}
