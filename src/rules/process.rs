//! The per-row work, run in parallel: normalise, settle what the partner profile decides, detect
//! education, apply the single-row rules.

use crate::config::{Config, PartnerType, Profile};
use crate::model::{Customer, Field, RawRow, Row, RowFacts};
use crate::normalize::{self, phone::PhoneCheck};
use crate::read::ColumnMap;
use crate::rules::{self, education, RowCtx};

// Here rather than beside the type in `model`: deciding `has_error` takes the profile and the
// rules, which sit above the data.
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
    apply_profile(&mut norm, &cfg.profile);
    let edu = education::is_education(&norm.customer);
    let mut findings = Vec::new();
    rules::validate(&ctx(&raw, map, &norm, edu, cfg), &mut findings);
    // Rows are held until the writers run: keep no spare capacity.
    findings.shrink_to_fit();
    Row { customer: norm.customer, country: norm.country, findings, education: edu, raw }
}

// Here, not in `normalize`: the profile is configuration, which sits above normalisation.
/// Settles what depends on the partner profile: the culture and language (from Partner
/// Center's table, with the profile's preferred cultures first) and the indirect reseller an
/// indirect provider names for the whole list. Rows whose country is unknown keep what they
/// wrote (the address rules reject them).
fn apply_profile(norm: &mut normalize::Normalized, profile: &Profile) {
    if let Some(cc) = norm.country {
        let c = &norm.customer;
        let choice =
            normalize::culture::choose(cc, c.get(Field::Culture), c.get(Field::Language), &profile.cultures);
        for (f, v) in [(Field::Culture, &choice.culture), (Field::Language, &choice.language)] {
            if norm.customer.get(f) != v.as_str() {
                norm.customer.set(f, v);
            }
        }
        norm.findings.extend(choice.findings);
    }
    if profile.partner_type == PartnerType::IndirectProvider
        && norm.customer.get(Field::AssociatedPartnerId).is_empty()
    {
        if let Some(id) = &profile.associated_partner_id {
            norm.customer.set(Field::AssociatedPartnerId, id);
        }
    }
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
