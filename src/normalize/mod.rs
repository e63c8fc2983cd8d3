//! Normalisation (SPEC §5): a raw row becomes a [`Customer`] of canonical values, and what
//! normalisation changed that the user should know is reported as findings.

pub mod address_meta;
pub mod country;
pub mod culture;
pub mod dates;
pub mod email;
pub mod forms;
pub mod markets;
pub mod phone;
pub mod postal;
pub mod tenant_id;
pub mod text;

use crate::model::catalogue::RuleId;
use crate::model::{Cells, Customer, Field, Finding, RawRow};
use crate::read::ColumnMap;
use crate::registration_id;
use country::CountryMatch;

/// Signatory fields and the contact fields that stand in for them when a source has no
/// signatory columns.
pub const SIGNATORY_FALLBACK: [(Field, Field); 3] = [
    (Field::McaSignatoryFirstName, Field::ContactFirstName),
    (Field::McaSignatoryLastName, Field::ContactLastName),
    (Field::McaSignatoryEmail, Field::ContactEmail),
];

/// A row after normalisation.
#[derive(Clone, Debug)]
pub struct Normalized {
    /// Canonical values.
    pub customer: Customer,
    /// The resolved ISO alpha-2 country, if the country could be recognised.
    pub country: Option<&'static str>,
    /// What the phone number turned out to be.
    pub phone: phone::PhoneCheck,
    /// Findings about the normalisation itself (e.g. `address.country.normalised`).
    pub findings: Vec<Finding>,
}

/// The cell feeding a field in a row, "" when the source has no such column. Without signatory
/// columns, the primary contact is taken as the person who accepted the agreement (as Partner
/// Center's own form proposes).
pub fn raw_value<'a>(raw: &'a RawRow, map: &ColumnMap, field: Field) -> &'a str {
    let column = map.column(field).or_else(|| {
        SIGNATORY_FALLBACK.iter().find(|(sig, _)| *sig == field).and_then(|(_, contact)| map.column(*contact))
    });
    column.and_then(|i| raw.cells.get(i)).unwrap_or("")
}

/// Normalises one row.
pub fn normalize(raw: &RawRow, map: &ColumnMap) -> Normalized {
    let mut findings = Vec::new();
    let value = |f: Field| text::clean(raw_value(raw, map, f));

    let country_raw = value(Field::Country);
    let (country, country_out) = match country::resolve(&country_raw) {
        Some((cc, kind)) => {
            if kind == CountryMatch::Other {
                findings.push(
                    Finding::new(RuleId::AddressCountryNormalised, country_raw.as_ref())
                        .with_detail(format!("read as {cc}")),
                );
            }
            (Some(cc), cc.to_string())
        }
        None => (None, country_raw.to_string()),
    };

    let value = |f: Field| text::clean(raw_value(raw, map, f));
    let mut phone_check = phone::PhoneCheck::Empty;
    let mut values: Vec<String> = Vec::with_capacity(Field::COUNT);
    for &f in Field::ALL {
        let v = value(f);
        let out = match f {
            Field::Country => country_out.clone(),
            Field::ContactEmail | Field::McaSignatoryEmail => email::normalize(&v),
            Field::RegistrationId => registration_id::compact(&v, country),
            Field::Domain => domain_prefix(&v),
            Field::State => match country.and_then(address_meta::country) {
                Some(meta) if !v.is_empty() => {
                    meta.resolve_state(&v).map_or_else(|| v.to_string(), str::to_string)
                }
                _ => v.into_owned(),
            },
            Field::PostalCode => {
                let written = v.to_uppercase();
                match country.and_then(|cc| postal::normalise(cc, &written)) {
                    Some(code) => {
                        findings.push(
                            Finding::new(RuleId::AddressPostalCodeNormalised, v.as_ref())
                                .with_detail(format!("sent as {code}")),
                        );
                        code
                    }
                    None => written,
                }
            }
            Field::ContactPhone => {
                let (check, e164) = phone::check_e164(&v, country);
                phone_check = check;
                e164.unwrap_or_else(|| v.into_owned())
            }
            Field::McaAccepted | Field::GdapDefault => match parse_bool(&v) {
                Some(b) => b.to_string(),
                None => v.into_owned(),
            },
            Field::McaDate => dates::parse(&v).map_or_else(|| v.to_string(), dates::iso),
            Field::Segment => segment(&v).map_or_else(|| v.to_string(), str::to_string),
            Field::AssociatedPartnerId => tenant_id::tenant_id(&v).unwrap_or_else(|| v.into_owned()),
            _ => v.into_owned(),
        };
        values.push(out);
    }
    Normalized {
        customer: Customer::from_cells(Cells::from_slice(&values)),
        country,
        phone: phone_check,
        findings,
    }
}

/// A domain prefix: lower case, without `.onmicrosoft.com`, a scheme or a trailing dot.
pub fn domain_prefix(raw: &str) -> String {
    let mut s = raw.trim().to_lowercase();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = s.strip_prefix(scheme) {
            s = rest.to_string();
        }
    }
    let s = s.trim_end_matches('/').trim_end_matches('.');
    s.strip_suffix(".onmicrosoft.com").unwrap_or(s).to_string()
}

/// Reads yes/no values as spreadsheets and CRMs write them.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "x" | "ja" | "oui" | "si" | "sí" | "da" | "accepted" | "signed" => {
            Some(true)
        }
        "false" | "no" | "n" | "0" | "nein" | "non" | "net" | "not accepted" => Some(false),
        _ => None,
    }
}

/// The canonical segment for what a user wrote, if recognised.
pub fn segment(s: &str) -> Option<&'static str> {
    let f = text::fold_words(s);
    match f.as_str() {
        "commercial" | "corporate" | "business" | "enterprise" | "smb" | "company" => Some("commercial"),
        "education" | "edu" | "academic" | "higher education" | "k12" | "k 12" | "school" | "university" => {
            Some("education")
        }
        "government" | "gov" | "public sector" | "public" => Some("government"),
        "nonprofit" | "non profit" | "npo" | "ngo" | "charity" | "not for profit" => Some("nonprofit"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_prefixes() {
        for (raw, want) in [
            ("Contoso", "contoso"),
            ("contoso.onmicrosoft.com", "contoso"),
            ("https://Fabrikam.onmicrosoft.com/", "fabrikam"),
            ("", ""),
            ("my-shop", "my-shop"),
        ] {
            assert_eq!(domain_prefix(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn booleans_and_segments() {
        assert_eq!(parse_bool("Yes"), Some(true));
        assert_eq!(parse_bool("FALSE"), Some(false));
        assert_eq!(parse_bool("maybe"), None);
        assert_eq!(segment("Higher Education"), Some("education"));
        assert_eq!(segment("EDU"), Some("education"));
        assert_eq!(segment("Non-profit"), Some("nonprofit"));
        assert_eq!(segment("retail"), None);
    }
}
