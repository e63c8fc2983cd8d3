//! Partner Center's rules (SPEC §6). Each family file holds small pure checks over a normalised
//! row; the catalogue holds every rule's code, severity, message and fix.

mod address;
pub mod agreement;
pub mod company;
mod contact;
pub mod domain;
pub mod education;
pub mod email;
mod phone;
pub mod process;
pub mod registration;
pub mod reseller;

// The catalogue is vocabulary, so it lives with the data in `model`; this keeps the old path
// (`rules::catalogue`) for the writers and reports.
pub use crate::model::catalogue;
/// The registration ID checks are a leaf module of their own; this keeps the old path.
pub use crate::registration_id;

use crate::config::Profile;
use crate::model::catalogue::{RuleId, Severity};
use crate::model::{Field, Finding, RawRow};
use crate::normalize::{phone::PhoneCheck, raw_value, Normalized};
use crate::read::ColumnMap;
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
    reseller::check(ctx, out);
    out.retain(|f| ctx.profile.severity(f.rule) != Severity::Off);
}

/// The severity a finding ends up with: the configured one, unless the row's context imposes
/// another (and the rule is not switched off).
pub fn severity(f: &Finding, profile: &Profile) -> Severity {
    severity_of(f.rule, f.severity, profile)
}

/// The severity of a finding of `rule` that has `set` on it (see [`severity`]).
pub fn severity_of(rule: RuleId, set: Option<Severity>, profile: &Profile) -> Severity {
    match profile.severity(rule) {
        Severity::Off => Severity::Off,
        configured => set.unwrap_or(configured),
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

/// Helpers for the rule families' table-driven tests: a valid German row, changed by a few
/// fields, run through normalisation and every single-row rule.
#[cfg(test)]
pub(crate) mod testing {
    use crate::config::Config;
    use crate::model::{Field, RawRow, RowPos};
    use crate::read::ColumnMap;

    const BASE: &[(Field, &str)] = &[
        (Field::CompanyName, "Contoso GmbH"),
        (Field::AddressLine1, "Unter den Linden 1"),
        (Field::City, "Berlin"),
        (Field::PostalCode, "10117"),
        (Field::Country, "DE"),
        (Field::ContactFirstName, "Anna"),
        (Field::ContactLastName, "Schmidt"),
        (Field::ContactEmail, "anna@contoso.de"),
        (Field::ContactPhone, "+49 30 901820"),
        (Field::Domain, "contoso"),
        (Field::McaAccepted, "yes"),
        (Field::McaDate, "2024-01-15"),
    ];

    /// The rule codes (with `!` after errors) that a base row changed by `changes` gets;
    /// a change to "" empties a field, a field absent from the base adds a column.
    pub fn codes_with(changes: &[(Field, &str)], profile_toml: &str) -> Vec<String> {
        let mut cells: Vec<(Field, &str)> = BASE.to_vec();
        for (f, v) in changes {
            match cells.iter_mut().find(|(g, _)| g == f) {
                Some(c) => c.1 = v,
                None => cells.push((*f, v)),
            }
        }
        let headers: Vec<String> = cells.iter().map(|(f, _)| f.name().to_string()).collect();
        let map = ColumnMap::build(&headers, &Default::default());
        let mut rec = csv::StringRecord::new();
        for (_, v) in &cells {
            rec.push_field(v);
        }
        let raw = RawRow { pos: RowPos { source: 0, row: 2 }, cells: rec.into(), malformed: None };
        let mut cfg = Config::new(Vec::new());
        cfg.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        if !profile_toml.is_empty() {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("p.toml");
            std::fs::write(&p, profile_toml).unwrap();
            cfg.profile = crate::config::Profile::load(&p).unwrap();
        }
        let row = super::process::process(raw, &map, &cfg);
        row.findings
            .iter()
            .map(|f| {
                let err = super::severity(f, &cfg.profile) == super::Severity::Error;
                format!("{}{}", f.rule.code(), if err { "!" } else { "" })
            })
            .collect()
    }

    /// A table row: the changes to the base row, and the codes expected (`!` after errors).
    pub type Case<'a> = (&'a [(Field, &'a str)], &'a [&'a str]);

    /// `codes_with` under the built-in profile.
    pub fn codes(changes: &[(Field, &str)]) -> Vec<String> {
        codes_with(changes, "")
    }

    #[test]
    fn the_base_row_is_clean() {
        assert_eq!(codes(&[]), Vec::<String>::new());
    }
}
