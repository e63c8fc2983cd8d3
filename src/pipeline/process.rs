//! The per-row work, run in parallel: normalise, detect education, apply the single-row rules.

use crate::config::Config;
use crate::model::{Customer, Field, Finding, RawRow};
use crate::normalize::{self, phone::PhoneCheck};
use crate::read::ColumnMap;
use crate::rules::{self, education, RowCtx};
use rayon::prelude::*;

/// A row after normalisation and the single-row rules.
#[derive(Clone, Debug)]
pub struct Row {
    /// The row as read.
    pub raw: RawRow,
    /// Canonical values.
    pub customer: Customer,
    /// The resolved ISO alpha-2 country.
    pub country: Option<&'static str>,
    /// Everything the rules found, in rule order.
    pub findings: Vec<Finding>,
    /// Whether it is an education institution.
    pub education: bool,
}

/// What matching and routing need to know of a row, kept in memory while the row itself waits
/// on disk.
#[derive(Clone, Copy, Debug, Default)]
pub struct RowFacts {
    /// An error-level finding (validation, or the batch domain rules later).
    pub has_error: bool,
    /// An education institution.
    pub education: bool,
    /// Canonical fields holding a value (to pick the most complete duplicate).
    pub completeness: u8,
}

impl RowFacts {
    /// The facts of a row.
    pub fn of(row: &Row, profile: &crate::config::Profile) -> RowFacts {
        RowFacts {
            has_error: rules::has_error(&row.findings, profile),
            education: row.education,
            completeness: row.completeness() as u8,
        }
    }
}

impl Row {
    /// How many canonical fields hold a value (to pick the most complete duplicate).
    pub fn completeness(&self) -> usize {
        Field::ALL.iter().filter(|f| !self.customer.get(**f).is_empty()).count()
    }

    /// Whether the row could be read as a record at all.
    pub fn is_malformed(&self) -> bool {
        self.raw.malformed.is_some()
    }
}

/// Processes one row.
pub fn process(raw: RawRow, map: &ColumnMap, cfg: &Config) -> Row {
    if raw.malformed.is_some() {
        let customer = Customer::from_values(
            Field::ALL
                .iter()
                .map(|f| normalize::text::clean(normalize::raw_value(&raw, map, *f)).into_owned()),
        );
        let norm =
            normalize::Normalized { customer, country: None, phone: PhoneCheck::Empty, findings: Vec::new() };
        let mut findings = Vec::with_capacity(1);
        let ctx = ctx(&raw, map, &norm, false, cfg);
        rules::validate(&ctx, &mut findings);
        return Row { customer: norm.customer, country: None, findings, education: false, raw };
    }
    let mut norm = normalize::normalize(&raw, map);
    normalize::apply_profile(&mut norm, &cfg.profile);
    let edu = education::is_education(&norm.customer);
    let mut findings = Vec::new();
    rules::validate(&ctx(&raw, map, &norm, edu, cfg), &mut findings);
    // Rows are held until the writers run: keep no spare capacity.
    findings.shrink_to_fit();
    Row { customer: norm.customer, country: norm.country, findings, education: edu, raw }
}

fn ctx<'a>(
    raw: &'a RawRow,
    map: &'a ColumnMap,
    norm: &'a normalize::Normalized,
    education: bool,
    cfg: &'a Config,
) -> RowCtx<'a> {
    RowCtx {
        raw,
        map,
        norm,
        country: norm.country,
        phone: norm.phone,
        education,
        profile: &cfg.profile,
        today: cfg.today,
    }
}

/// Processes a chunk in parallel, keeping source order.
pub fn process_chunk(chunk: Vec<RawRow>, map: &ColumnMap, cfg: &Config) -> Vec<Row> {
    chunk.into_par_iter().with_min_len(256).map(|r| process(r, map, cfg)).collect()
}
