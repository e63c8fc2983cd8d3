//! Which canonical field each property of a Customer resource feeds, with the fallbacks
//! between them (the billing address, else the company's; the billing company name, else …),
//! and which fields one customer's answer carries at all.

use super::resource::{Address, BillingProfile, Customer};
use crate::model::{Field, FieldSet};

/// A value that is there: `None` when the object holding it is absent (the field is not known
/// for this customer), `""` when the object is there and the property is missing or null.
type Value<'a> = Option<&'a str>;

fn text(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

/// Where bills go, else the company's address (whichever the answer has).
fn address(c: &Customer) -> Option<&Address> {
    c.billing_profile
        .as_ref()
        .and_then(|b| b.default_address.as_ref())
        .or_else(|| c.company_profile.as_ref().and_then(|p| p.address.as_ref()))
}

fn address_field(c: &Customer, get: fn(&Address) -> &Option<String>) -> Value<'_> {
    address(c).map(|a| text(get(a)))
}

/// The first non-empty of the values that are there, or "" when some are there, or None.
fn first<'a>(values: [Value<'a>; 2]) -> Value<'a> {
    values
        .iter()
        .flatten()
        .find(|v| !v.is_empty())
        .copied()
        .or_else(|| values.iter().flatten().next().copied())
}

fn customer_id(c: &Customer) -> Value<'_> {
    first([c.id.as_deref(), c.company_profile.as_ref().map(|p| text(&p.tenant_id))])
}

fn company_name(c: &Customer) -> Value<'_> {
    let billing = c.billing_profile.as_ref().map(|b| text(&b.company_name));
    first([c.company_profile.as_ref().map(|p| text(&p.company_name)), billing])
}

fn domain(c: &Customer) -> Value<'_> {
    c.company_profile.as_ref().map(|p| text(&p.domain))
}

fn registration_id(c: &Customer) -> Value<'_> {
    // Sent only for the countries that require it: absent means unknown, not "none".
    c.company_profile.as_ref().map(|p| text(&p.organization_registration_number)).filter(|v| !v.is_empty())
}

fn email(c: &Customer) -> Value<'_> {
    let company = c.company_profile.as_ref().and_then(|p| p.email.as_deref());
    first([c.billing_profile.as_ref().map(|b| text(&b.email)), company])
}

fn billing(c: &Customer, get: fn(&BillingProfile) -> &Option<String>) -> Value<'_> {
    c.billing_profile.as_ref().map(|b| text(get(b)))
}

fn first_name(c: &Customer) -> Value<'_> {
    first([billing(c, |b| &b.first_name), address_field(c, |a| &a.first_name)])
}

fn last_name(c: &Customer) -> Value<'_> {
    first([billing(c, |b| &b.last_name), address_field(c, |a| &a.last_name)])
}

fn state(c: &Customer) -> Value<'_> {
    first([address_field(c, |a| &a.state), address_field(c, |a| &a.region)])
}

/// The first custom domain that is not the tenant's `onmicrosoft.com` one.
fn custom_domain(c: &Customer) -> Value<'_> {
    let list = c.custom_domains.as_ref()?;
    list.iter()
        .flatten()
        .map(|d| d.trim())
        .find(|d| !d.is_empty() && !d.to_ascii_lowercase().ends_with(".onmicrosoft.com"))
}

/// A column made from a Customer: its header (the property's path), the field it feeds, and
/// how its value is found.
pub struct Column {
    /// The JSON path, shown where a CSV would show the header.
    pub header: &'static str,
    /// The canonical field.
    pub field: Field,
    /// The value, None when this customer's answer does not carry it.
    pub value: for<'a> fn(&'a Customer) -> Value<'a>,
}

/// Every column read from a Customer, in the order they are shown.
pub const COLUMNS: &[Column] = &[
    Column { header: "id", field: Field::SourceId, value: customer_id },
    Column { header: "companyProfile.companyName", field: Field::CompanyName, value: company_name },
    Column { header: "companyProfile.domain", field: Field::Domain, value: domain },
    Column {
        header: "companyProfile.organizationRegistrationNumber",
        field: Field::RegistrationId,
        value: registration_id,
    },
    Column { header: "customDomains", field: Field::Website, value: custom_domain },
    Column { header: "billingProfile.email", field: Field::ContactEmail, value: email },
    Column { header: "billingProfile.firstName", field: Field::ContactFirstName, value: first_name },
    Column { header: "billingProfile.lastName", field: Field::ContactLastName, value: last_name },
    Column { header: "billingProfile.culture", field: Field::Culture, value: |c| billing(c, |b| &b.culture) },
    Column {
        header: "billingProfile.language",
        field: Field::Language,
        value: |c| billing(c, |b| &b.language),
    },
    Column {
        header: "billingProfile.defaultAddress.addressLine1",
        field: Field::AddressLine1,
        value: |c| address_field(c, |a| &a.address_line1),
    },
    Column {
        header: "billingProfile.defaultAddress.addressLine2",
        field: Field::AddressLine2,
        value: |c| address_field(c, |a| &a.address_line2),
    },
    Column {
        header: "billingProfile.defaultAddress.city",
        field: Field::City,
        value: |c| address_field(c, |a| &a.city),
    },
    Column { header: "billingProfile.defaultAddress.state", field: Field::State, value: state },
    Column {
        header: "billingProfile.defaultAddress.postalCode",
        field: Field::PostalCode,
        value: |c| address_field(c, |a| &a.postal_code),
    },
    Column {
        header: "billingProfile.defaultAddress.country",
        field: Field::Country,
        value: |c| address_field(c, |a| &a.country),
    },
    Column {
        header: "billingProfile.defaultAddress.phoneNumber",
        field: Field::ContactPhone,
        value: |c| address_field(c, |a| &a.phone_number),
    },
];

impl Customer {
    /// The fields this customer's answer carries.
    pub fn known(&self) -> FieldSet {
        COLUMNS.iter().filter(|c| (c.value)(self).is_some()).map(|c| c.field).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Customer {
        serde_json::from_str(json).expect("a customer")
    }

    fn get(c: &Customer, field: Field) -> Option<&str> {
        COLUMNS.iter().find(|col| col.field == field).and_then(|col| (col.value)(c))
    }

    #[test]
    fn a_list_item_gives_id_name_and_domain_only() {
        let c = parse(
            r#"{"id":"b44bb1fb-c595-45b0-9e09-d657365580bf","companyProfile":{"tenantId":"b44bb1fb-c595-45b0-9e09-d657365580bf",
            "domain":"contoso.onmicrosoft.com","companyName":"Contoso Ltd","attributes":{"objectType":"CustomerCompanyProfile"}},
            "relationshipToPartner":"reseller","attributes":{"objectType":"Customer"}}"#,
        );
        assert_eq!(get(&c, Field::SourceId), Some("b44bb1fb-c595-45b0-9e09-d657365580bf"));
        assert_eq!(get(&c, Field::CompanyName), Some("Contoso Ltd"));
        assert_eq!(get(&c, Field::Domain), Some("contoso.onmicrosoft.com"));
        assert_eq!(get(&c, Field::Country), None, "no billing profile: the country is unknown");
        assert_eq!(get(&c, Field::RegistrationId), None);
        let known = c.known();
        assert!(known.contains(Field::CompanyName) && !known.contains(Field::City));
    }

    #[test]
    fn billing_profile_fields_and_fallbacks() {
        let c = parse(
            r#"{"Id":"x","CompanyProfile":{"TenantId":"x","Domain":"fab.onmicrosoft.com","CompanyName":"Fabrikam"},
            "BillingProfile":{"Email":"it@fabrikam.com","Culture":"en-GB","Language":"en","FirstName":null,
            "DefaultAddress":{"Country":"GB","City":"London","Region":"LND","AddressLine1":"1 High St","AddressLine2":null,
            "PostalCode":"EC1A 1BB","FirstName":"Amelia","LastName":"Smith","PhoneNumber":"020 7946 0000"}},
            "customDomains":["fab.onmicrosoft.com","fabrikam.com"]}"#,
        );
        for (field, want) in [
            (Field::ContactEmail, Some("it@fabrikam.com")),
            (Field::ContactFirstName, Some("Amelia")),
            (Field::ContactLastName, Some("Smith")),
            (Field::State, Some("LND")),
            (Field::AddressLine2, Some("")),
            (Field::Country, Some("GB")),
            (Field::ContactPhone, Some("020 7946 0000")),
            (Field::Website, Some("fabrikam.com")),
        ] {
            assert_eq!(get(&c, field), want, "{field:?}");
        }
        assert!(c.known().contains(Field::AddressLine2), "a null line 2 in a billing profile is known empty");
    }

    #[test]
    fn the_tenant_id_stands_in_for_a_missing_id() {
        let c = parse(r#"{"companyProfile":{"tenantId":"t-1","companyName":"Litware"}}"#);
        assert_eq!(get(&c, Field::SourceId), Some("t-1"));
        assert!(c.is_customer());
        assert!(!parse(r#"{"totalCount":0}"#).is_customer());
    }
}
