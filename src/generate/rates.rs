//! The generator's planting rates in one place (docs/generate.md quotes them). Fault rates
//! are in [`super::faults::FAULTS`].

/// Share of new entities that get later duplicate rows (one to three, 1.5 on average); with
/// duplicates scheduled past the last row dropped, about [`DUPLICATE_ROW_SHARE`] of rows are
/// duplicates.
pub const HAS_DUPLICATES: f64 = 0.036;
/// Share of rows that are planted duplicates (approximate, used to size the export).
pub const DUPLICATE_ROW_SHARE: f64 = 0.05;
/// Share of entities already in the Partner Center export (only with `--existing-out`).
pub const EXISTING: f64 = 0.06;
/// Share of entities that copy an earlier company's name in another city (branches, look-alikes).
pub const LOOKALIKE: f64 = 0.01;
/// Share of entities (in countries whose names have one script) that are a brand sibling of an
/// earlier company in the same city: same brand and industry, another legal form (not a
/// duplicate).
pub const SIBLING: f64 = 0.01;
/// Share of existing customers whose list row (the first) carries duplicate-style variations,
/// so that existing-customer links are measured on corrupted rows too.
pub const EXISTING_VARIED: f64 = 0.5;
/// Share of Partner Center-only customers that copy a listed company's name in another city.
pub const PC_LOOKALIKE: f64 = 0.1;
/// Share of entities that are education institutions.
pub const EDUCATION: f64 = 0.03;
/// Share of entities whose rows ask for an `onmicrosoft.com` prefix.
pub const ASKS_FOR_DOMAIN: f64 = 0.55;
