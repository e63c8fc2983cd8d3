//! Indirect resellers (`create-a-customer-for-an-indirect-reseller.md`): an indirect provider
//! creates a reseller's customer with `associatedPartnerId`, the reseller's tenant ID; without it
//! the customer becomes the provider's own direct customer. Only indirect providers may set it.

use super::RowCtx;
use crate::config::PartnerType;
use crate::model::{Field, Finding};
use crate::rules::catalogue::RuleId;

/// A tenant ID in canonical form (lower-case `8-4-4-4-12` hex), from the ways CRMs write one:
/// any case, in braces, as a URN, or as 32 hex digits without dashes.
pub fn tenant_id(written: &str) -> Option<String> {
    let s = written.trim();
    let s = s.strip_prefix("urn:uuid:").or_else(|| s.strip_prefix("URN:UUID:")).unwrap_or(s);
    let s = s.strip_prefix('{').and_then(|r| r.strip_suffix('}')).unwrap_or(s);
    let hex: String = s.chars().filter(|c| *c != '-').collect();
    let dashes_in_place =
        s.len() == 32 || (s.len() == 36 && [8, 13, 18, 23].iter().all(|&i| s.as_bytes()[i] == b'-'));
    if hex.len() != 32 || !dashes_in_place || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let h = hex.to_ascii_lowercase();
    Some(format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..]))
}

/// Why a value is not a tenant ID, for the finding.
fn why_not(value: &str) -> &'static str {
    if !value.is_empty() && value.chars().all(|c| c.is_ascii_digit()) {
        "this looks like a Partner ID (MPN ID); Partner Center takes the reseller's tenant ID \
         (Microsoft ID), a GUID such as 484e548c-f5f3-4528-93a9-c16c6373cb59"
    } else {
        "not a tenant ID: a GUID such as 484e548c-f5f3-4528-93a9-c16c6373cb59"
    }
}

/// Runs the reseller rules.
pub fn check(ctx: &RowCtx, out: &mut Vec<Finding>) {
    let value = ctx.value(Field::AssociatedPartnerId);
    let written = ctx.raw(Field::AssociatedPartnerId);
    match ctx.profile.partner_type {
        PartnerType::IndirectProvider if value.is_empty() => {
            out.push(Finding::new(RuleId::ResellerMissing, ""))
        }
        PartnerType::IndirectProvider if tenant_id(value).is_none() => {
            out.push(Finding::new(RuleId::ResellerInvalid, written).with_detail(why_not(value)))
        }
        PartnerType::DirectBill if !written.is_empty() => {
            out.push(Finding::new(RuleId::ResellerNotAllowed, written))
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field::*;
    use crate::rules::testing::{codes, codes_with};

    #[test]
    fn tenant_ids_are_read_in_the_forms_crms_write() {
        let id = Some("484e548c-f5f3-4528-93a9-c16c6373cb59".to_string());
        for written in [
            "484e548c-f5f3-4528-93a9-c16c6373cb59",
            "484E548C-F5F3-4528-93A9-C16C6373CB59",
            " {484e548c-f5f3-4528-93a9-c16c6373cb59} ",
            "urn:uuid:484e548c-f5f3-4528-93a9-c16c6373cb59",
            "484e548cf5f3452893a9c16c6373cb59",
        ] {
            assert_eq!(tenant_id(written), id, "{written:?}");
        }
        for bad in [
            "",
            "1234567",
            "484e548c-f5f3-4528-93a9-c16c6373cb5",
            "484e548c-f5f3-4528-93a9-c16c6373cb5g",
            "484e548cf-5f3-4528-93a9-c16c6373cb59",
            "contoso",
        ] {
            assert_eq!(tenant_id(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn reseller_rules_by_partner_type() {
        let provider = "[partner]\ntype = \"indirect-provider\"\n";
        let with_default =
            "[partner]\ntype = \"indirect-provider\"\nassociated_partner_id = \"484e548c-f5f3-4528-93a9-c16c6373cb59\"\n";
        let id = "484E548C-F5F3-4528-93A9-C16C6373CB59";
        let cases: &[(&str, &str, &[&str])] = &[
            (provider, id, &[]),
            (provider, "", &["reseller.missing"]),
            (provider, "1234567", &["reseller.invalid!"]),
            (provider, "Fabrikam Reseller", &["reseller.invalid!"]),
            (with_default, "", &[]),
            (with_default, "bad", &["reseller.invalid!"]),
            ("", id, &["reseller.not_allowed"]),
            ("", "", &[]),
            ("[partner]\ntype = \"indirect-reseller\"\n", id, &[]),
        ];
        for &(profile, value, want) in cases {
            let got = codes_with(&[(AssociatedPartnerId, value)], profile);
            let got: Vec<&str> =
                got.iter().map(String::as_str).filter(|c| c.starts_with("reseller.")).collect();
            assert_eq!(got, want, "{profile:?} {value:?}");
        }
        assert_eq!(codes(&[]), Vec::<String>::new(), "a direct-bill list without the column");
    }
}
