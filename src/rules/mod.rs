//! Partner Center's rules (SPEC §6). Each family file holds small pure checks over a normalised
//! row; the catalogue holds every rule's code, severity, message and fix.

mod address;
mod agreement;
pub mod catalogue;
pub mod company;
mod contact;
pub mod domain;
pub mod education;
pub mod email;
mod phone;
pub mod registration;
pub mod registration_id;

use crate::config::Profile;
use crate::model::{Field, Finding, RawRow};
use crate::normalize::{phone::PhoneCheck, raw_value, Normalized};
use crate::read::ColumnMap;
use catalogue::{RuleId, Severity};
use chrono::NaiveDate;

/// What a rule may look at for one row.
pub struct RowCtx<'a> {
    /// The row as read.
    pub raw: &'a RawRow,
    /// How the row's columns map to fields.
    pub map: &'a ColumnMap,
    /// The row normalised.
    pub norm: &'a Normalized,
    /// The resolved country.
    pub country: Option<&'static str>,
    /// What the phone number turned out to be.
    pub phone: PhoneCheck,
    /// Whether the row is an education institution.
    pub education: bool,
    /// The partner profile.
    pub profile: &'a Profile,
    /// The date agreement dates are checked against.
    pub today: NaiveDate,
}

impl RowCtx<'_> {
    /// The normalised value of a field.
    pub fn value(&self, f: Field) -> &str {
        self.norm.customer.get(f)
    }

    /// The value as the user wrote it (trimmed), for findings.
    pub fn raw(&self, f: Field) -> &str {
        raw_value(self.raw, self.map, f).trim()
    }
}

/// Runs every single-row rule; findings whose rule is switched off are dropped.
pub fn validate(ctx: &RowCtx, out: &mut Vec<Finding>) {
    if let Some(why) = &ctx.raw.malformed {
        // The row's values cannot be trusted to sit in the right columns: say only that.
        let excerpt: String =
            ctx.raw.cells.iter().collect::<Vec<_>>().join(" | ").chars().take(300).collect();
        out.push(Finding::new(RuleId::RowMalformed, excerpt).with_detail(why.clone()));
        return;
    }
    out.extend(ctx.norm.findings.iter().cloned());
    company::check(ctx, out);
    contact::check(ctx, out);
    email::check(ctx, out);
    address::check(ctx, out);
    phone::check(ctx, out);
    registration::check(ctx, out);
    domain::check(ctx, out);
    agreement::check(ctx, out);
    out.retain(|f| ctx.profile.severity(f.rule) != Severity::Off);
}

/// The severity a finding ends up with: the configured one, unless the row's context imposes
/// another (and the rule is not switched off).
pub fn severity(f: &Finding, profile: &Profile) -> Severity {
    match profile.severity(f.rule) {
        Severity::Off => Severity::Off,
        configured => f.severity.unwrap_or(configured),
    }
}

/// Whether any finding is an error.
pub fn has_error(findings: &[Finding], profile: &Profile) -> bool {
    findings.iter().any(|f| severity(f, profile) == Severity::Error)
}

/// The catalogue entry for a rule, for outputs.
pub fn describe(rule: RuleId) -> &'static catalogue::Rule {
    rule.rule()
}
