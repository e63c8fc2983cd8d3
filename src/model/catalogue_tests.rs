//! Tests of the rule catalogue: codes, families, fields and wording are consistent.

use super::*;
use std::collections::HashSet;

#[test]
fn codes_are_unique_and_found_by_code() {
    let mut codes = HashSet::new();
    for r in RULES {
        assert!(codes.insert(r.code), "{} appears twice", r.code);
        assert_eq!(RuleId::from_code(r.code), Some(r.id));
        assert!(!r.message.is_empty() && !r.fix.is_empty());
    }
}

/// `pc-onboard rules` lists the rules in catalogue order, and people read them family by
/// family: a rule added away from its family would split it in two.
#[test]
fn each_family_is_one_block() {
    let mut closed: Vec<&str> = Vec::new();
    let mut current = "";
    for r in RULES {
        let family = r.code.split('.').next().unwrap_or(r.code);
        if family != current {
            assert!(!closed.contains(&family), "{} is away from the rest of family {family}", r.code);
            closed.push(current);
            current = family;
        }
    }
}

#[test]
fn every_field_named_by_a_rule_exists() {
    for r in RULES {
        assert!(
            r.field == "row" || crate::model::Field::from_name(r.field).is_some(),
            "{} names unknown field {}",
            r.code,
            r.field
        );
    }
}

#[test]
fn codes_messages_and_fixes_are_written_alike() {
    for r in RULES {
        let dotted = r.code.split('.').collect::<Vec<_>>();
        assert!(dotted.len() >= 2, "{} has no family", r.code);
        for part in dotted {
            assert!(
                !part.is_empty()
                    && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{} is not lower-case dotted",
                r.code
            );
        }
        assert!(r.message.starts_with(|c: char| c.is_uppercase()), "{}: message", r.code);
        assert!(r.fix.starts_with(|c: char| c.is_uppercase()), "{}: fix", r.code);
        assert!(!r.message.ends_with('.') && !r.fix.ends_with('.'), "{}: no final full stop", r.code);
    }
}

/// The codes of Partner Center's request bodies (issue 15) and their default severities.
#[test]
fn request_body_codes_have_their_severities() {
    let cases: &[(&str, Severity, &str)] = &[
        ("culture.unsupported", Severity::Warning, "culture"),
        ("language.unsupported", Severity::Warning, "language"),
        ("address.postal_code.normalised", Severity::Warning, "postal_code"),
        ("address.country.unsupported", Severity::Error, "country"),
        ("agreement.date.missing", Severity::Error, "mca_date"),
        ("email.onmicrosoft_domain", Severity::Error, "contact_email"),
        ("reseller.missing", Severity::Warning, "associated_partner_id"),
        ("reseller.invalid", Severity::Error, "associated_partner_id"),
        ("reseller.not_allowed", Severity::Warning, "associated_partner_id"),
    ];
    for &(code, severity, field) in cases {
        let r = RuleId::from_code(code).unwrap_or_else(|| panic!("{code} is not in the catalogue")).rule();
        assert_eq!((r.severity, r.field), (severity, field), "{code}");
    }
}
