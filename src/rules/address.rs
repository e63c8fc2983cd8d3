//! Address rules: street lines, and per country (Google's address metadata) the city, state
//! and postal code it requires, its postal-code pattern and its list of states.

use super::RowCtx;
use crate::model::{Field, Finding};
use crate::normalize::address_meta;
use crate::rules::catalogue::{RuleId, Severity};

/// Longest street line Partner Center accepts.
const MAX_LINE: usize = 200;

/// Runs the address rules.
pub fn check(ctx: &RowCtx, out: &mut Vec<Finding>) {
    let line1 = ctx.value(Field::AddressLine1);
    if line1.is_empty() {
        out.push(Finding::new(RuleId::AddressLine1Missing, ""));
    } else if line1.chars().count() > MAX_LINE {
        out.push(
            Finding::new(RuleId::AddressLine1TooLong, line1)
                .with_detail(format!("{} characters", line1.chars().count())),
        );
    }
    let line2 = ctx.value(Field::AddressLine2);
    if line2.chars().count() > MAX_LINE {
        out.push(
            Finding::new(RuleId::AddressLine2TooLong, line2)
                .with_detail(format!("{} characters", line2.chars().count())),
        );
    }

    let country_raw = ctx.raw(Field::Country);
    let Some(cc) = ctx.country else {
        if ctx.value(Field::Country).is_empty() {
            out.push(Finding::new(RuleId::AddressCountryMissing, country_raw));
        } else {
            out.push(Finding::new(RuleId::AddressCountryUnknown, country_raw));
        }
        return;
    };
    let Some(meta) = address_meta::country(cc) else { return };
    let name = meta.name();

    if meta.requires_city() && ctx.value(Field::City).is_empty() {
        out.push(Finding::new(RuleId::AddressCityMissing, "").with_detail(format!("{name} requires a city")));
    }

    let state = ctx.value(Field::State);
    let state_required = ctx.profile.state_required.iter().any(|c| c == cc);
    if state.is_empty() {
        if state_required {
            out.push(Finding::new(RuleId::AddressStateMissing, "").with_detail(state_hint(meta, name)));
        }
    } else if meta.has_states() && meta.resolve_state(state).is_none() {
        let mut f = Finding::new(RuleId::AddressStateUnknown, ctx.raw(Field::State))
            .with_detail(state_hint(meta, name));
        if !state_required {
            // Partner Center checks states against a list only where it requires one; elsewhere
            // an old or local spelling is worth a look, not a rejection.
            f = f.with_severity(Severity::Warning);
        }
        out.push(f);
    }

    let postal = ctx.value(Field::PostalCode);
    if postal.is_empty() {
        if meta.requires_postal_code() {
            let mut f = Finding::new(RuleId::AddressPostalCodeMissing, "");
            if let Some(ex) = meta.postal_code_example() {
                f = f.with_detail(format!("{name} requires one, e.g. {ex}"));
            }
            out.push(f);
        }
    } else if meta.postal_code_matches(postal) == Some(false) {
        let mut f = Finding::new(RuleId::AddressPostalCodeFormat, ctx.raw(Field::PostalCode));
        if let Some(ex) = meta.postal_code_example() {
            f = f.with_detail(format!("a postal code in {name} looks like {ex}"));
        }
        out.push(f);
    }
}

fn state_hint(meta: &address_meta::CountryAddress, name: &str) -> String {
    let codes: Vec<&str> = meta.state_names().map(|(code, _)| code).take(12).collect();
    if codes.is_empty() {
        format!("{name} requires a state or province")
    } else {
        let more = if meta.state_names().count() > codes.len() { ", …" } else { "" };
        format!("{name} uses codes such as {}{more}", codes.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Field::*;
    use crate::rules::testing::{codes, Case};

    #[test]
    fn address_rules() {
        let long = "x".repeat(201);
        let cases: &[Case] = &[
            (&[(AddressLine1, "")], &["address.line1.missing!"]),
            (&[(AddressLine1, &long)], &["address.line1.too_long!"]),
            (&[(AddressLine2, &long)], &["address.line2.too_long!"]),
            (&[(City, "")], &["address.city.missing!"]),
            (&[(PostalCode, "")], &["address.postal_code.missing!"]),
            (&[(PostalCode, "1011")], &["address.postal_code.format!"]),
            (&[(Country, "")], &["address.country.missing!"]),
            (&[(Country, "Atlantis")], &["address.country.unknown!"]),
            (&[(Country, "Deutschland")], &["address.country.normalised"]),
            (&[(Country, "Germany")], &[]),
            (&[(Country, "DEU")], &[]),
        ];
        for (changes, want) in cases {
            assert_eq!(codes(changes), want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{changes:?}");
        }
    }

    #[test]
    fn an_unknown_state_is_a_warning_where_none_is_required() {
        let it = |state: &'static str| {
            codes(&[
                (Country, "IT"),
                (City, "Roma"),
                (PostalCode, "00184"),
                (State, state),
                (ContactPhone, "+39 06 4991 1111"),
            ])
        };
        assert_eq!(it("RM"), Vec::<String>::new());
        assert_eq!(it("Roma"), Vec::<String>::new());
        assert_eq!(it("Nowhere"), vec!["address.state.unknown"]);
    }

    #[test]
    fn states_are_required_where_partner_center_requires_them() {
        let us = |state: &'static str| {
            codes(&[
                (Country, "US"),
                (City, "Redmond"),
                (PostalCode, "98052"),
                (State, state),
                (ContactPhone, "+1 425 882 8080"),
                (AddressLine1, "1 Microsoft Way"),
            ])
        };
        assert_eq!(us(""), vec!["address.state.missing!"]);
        assert_eq!(us("XX"), vec!["address.state.unknown!"]);
        assert_eq!(us("Washington"), Vec::<String>::new());
        assert_eq!(us("wa"), Vec::<String>::new());
    }
}
