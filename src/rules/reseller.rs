//! Indirect resellers (`create-a-customer-for-an-indirect-reseller.md`): an indirect provider
//! creates a reseller's customer with `associatedPartnerId`, the reseller's tenant ID; without it
//! the customer becomes the provider's own direct customer. Only indirect providers may set it.

use super::RowCtx;
use crate::config::PartnerType;
use crate::model::catalogue::RuleId;
use crate::model::{Field, Finding};
use crate::normalize::tenant_id::tenant_id;

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
    use crate::model::Field::*;
    use crate::rules::testing::{codes, codes_with};

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
