//! Address rules: street lines, a country Partner Center has a market in, and per country
//! (Google's address metadata) the city, state and postal code it requires and its postal-code
//! pattern, plus the patterns and state lists Partner Center publishes (`markets.rs`).

use super::RowCtx;
use crate::model::catalogue::RuleId;
use crate::model::{Field, Finding};
use crate::normalize::{address_meta, markets};

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
    if markets::cultures(cc).is_none() {
        out.push(
            Finding::new(RuleId::AddressCountryUnsupported, country_raw)
                .with_detail(format!("{cc} is not in Partner Center's list of countries and regions")),
        );
    }
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
    } else if (markets::keeps_state_list(cc) || state_required) && !state_listed(meta, cc, state) {
        // Partner Center checks the state against a list in US, CA, CN and MX only; elsewhere it
        // takes any text, unless the partner's profile asks for the country to be checked.
        out.push(
            Finding::new(RuleId::AddressStateUnknown, ctx.raw(Field::State))
                .with_detail(state_hint(meta, name)),
        );
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
    } else if let Some(m) = markets::market(cc).filter(|m| !m.postal.is_match(postal)) {
        out.push(
            Finding::new(RuleId::AddressPostalCodeFormat, ctx.raw(Field::PostalCode))
                .with_detail(format!("Partner Center's pattern for {name} is {}", m.postal.as_str())),
        );
    } else if meta.postal_code_matches(postal) == Some(false) {
        let mut f = Finding::new(RuleId::AddressPostalCodeFormat, ctx.raw(Field::PostalCode));
        if let Some(ex) = meta.postal_code_example() {
            f = f.with_detail(format!("a postal code in {name} looks like {ex}"));
        }
        out.push(f);
    }
}

/// Whether the (normalised) state is on the country's list: Partner Center's own where the docs
/// publish it (US), Google's subdivisions elsewhere. A country without a list accepts any state.
fn state_listed(meta: &address_meta::CountryAddress, cc: &str, state: &str) -> bool {
    match markets::market(cc) {
        Some(m) => m.states.iter().any(|s| s == state),
        None => !meta.has_states() || meta.resolve_state(state).is_some(),
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
    use crate::rules::testing::{codes, codes_with, Case};

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
    fn a_state_is_text_where_partner_center_keeps_no_list() {
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
        assert_eq!(it("Nowhere"), Vec::<String>::new());
        let strict = "[address]\nstate_required = [\"IT\"]\n";
        let it_strict = |state: &'static str| {
            let base =
                [(Country, "IT"), (City, "Roma"), (PostalCode, "00184"), (ContactPhone, "+39 06 4991 1111")];
            codes_with(&[base.as_slice(), &[(State, state)]].concat(), strict)
        };
        assert_eq!(it_strict("Nowhere"), vec!["address.state.unknown!"], "state_required makes it stricter");
        assert_eq!(it_strict("RM"), Vec::<String>::new());
    }

    #[test]
    fn partner_centers_state_lists_hold_whatever_the_profile_requires() {
        let none = "[address]\nstate_required = []\n";
        let row = |cc: &'static str, city: &'static str, postal: &'static str, state: &'static str| {
            let changes =
                [(Country, cc), (City, city), (PostalCode, postal), (State, state), (ContactPhone, "")];
            only("address.", codes_with(&changes, none))
        };
        let cases: &[(&str, &str, &str, &str, &[&str])] = &[
            ("US", "Redmond", "98052", "WA", &[]),
            ("US", "Redmond", "98052", "XX", &["address.state.unknown!"]),
            ("US", "Redmond", "98052", "PR", &["address.state.unknown!"]),
            ("US", "Redmond", "98052", "", &[]),
            ("CA", "Toronto", "M5V 2T6", "Ontario", &[]),
            ("CA", "Toronto", "M5V 2T6", "Toronto", &["address.state.unknown!"]),
            ("CN", "北京", "100000", "北京市", &[]),
            ("CN", "北京", "100000", "Gotham", &["address.state.unknown!"]),
            ("MX", "Monterrey", "64000", "Nuevo León", &[]),
            ("MX", "Monterrey", "64000", "Gotham", &["address.state.unknown!"]),
            ("AU", "Sydney", "2000", "Gotham", &[]),
        ];
        for &(cc, city, postal, state, want) in cases {
            assert_eq!(
                row(cc, city, postal, state),
                want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "{cc} {state:?}"
            );
        }
    }

    #[test]
    fn postal_codes_in_partner_centers_form() {
        let us = |zip: &'static str| {
            only("address.", codes(&[(Country, "US"), (City, "Denver"), (PostalCode, zip), (State, "CO")]))
        };
        assert_eq!(us("80202"), Vec::<String>::new());
        assert_eq!(us("80202-1234"), Vec::<String>::new());
        assert_eq!(us("80202 1234"), vec!["address.postal_code.normalised"]);
        assert_eq!(us("802021234"), vec!["address.postal_code.normalised"]);
        assert_eq!(us("80202 12"), vec!["address.postal_code.format!"]);
        let md = |postal: &'static str| {
            only("address.", codes(&[(Country, "MD"), (City, "Chișinău"), (PostalCode, postal)]))
        };
        assert_eq!(md("2001"), Vec::<String>::new());
        assert_eq!(md("MD-2001"), vec!["address.postal_code.normalised"]);
        assert_eq!(md("MD 20011"), vec!["address.postal_code.format!"]);
    }

    /// The codes of one rule family only (a foreign row has phone and ID findings too).
    fn only(prefix: &str, codes: Vec<String>) -> Vec<String> {
        codes.into_iter().filter(|c| c.starts_with(prefix)).collect()
    }

    #[test]
    fn countries_without_a_partner_center_market() {
        let row =
            |cc: &'static str| codes(&[(Country, cc), (City, "x"), (PostalCode, ""), (ContactPhone, "")]);
        assert!(row("IR").contains(&"address.country.unsupported!".to_string()));
        assert!(row("CU").contains(&"address.country.unsupported!".to_string()));
        assert!(!row("FR").iter().any(|c| c.starts_with("address.country")));
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
