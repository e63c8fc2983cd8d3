//! The Partner Center REST API's Customer resource as `GET /v1/customers` (companyProfile only),
//! `GET /v1/customers/{id}` and `GET /v1/customers/{id}/profiles/billing` return it: the
//! properties pc-onboard reads (`columns` says which canonical field each one feeds).
//!
//! Property names are the API's camelCase; the PascalCase that the .NET SDK and PowerShell's
//! `ConvertTo-Json` write is accepted too. Every property may be missing or `null`; unknown
//! properties (`links`, `attributes`, `commerceId`, …) are skipped.

use serde::Deserialize;

/// A Customer resource.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    /// The customer ID (the tenant ID).
    #[serde(alias = "Id")]
    pub id: Option<String>,
    /// Name, tenant and `onmicrosoft.com` domain.
    #[serde(alias = "CompanyProfile")]
    pub company_profile: Option<CompanyProfile>,
    /// Billing contact and address; only `GET /v1/customers/{id}` or the billing-profile call
    /// give it, a list page does not.
    #[serde(alias = "BillingProfile")]
    pub billing_profile: Option<BillingProfile>,
    /// The customer's custom (verified) domains, where the call returns them.
    #[serde(alias = "CustomDomains")]
    pub custom_domains: Option<Vec<Option<String>>>,
}

/// `CustomerCompanyProfile`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile {
    /// The tenant ID ("Microsoft ID"), the same as the customer ID.
    #[serde(alias = "TenantId")]
    pub tenant_id: Option<String>,
    /// The tenant's domain, `contoso.onmicrosoft.com` or a custom one.
    #[serde(alias = "Domain")]
    pub domain: Option<String>,
    /// The company name.
    #[serde(alias = "CompanyName")]
    pub company_name: Option<String>,
    /// The registration number (INN and the like), for the countries that require it.
    #[serde(alias = "OrganizationRegistrationNumber")]
    pub organization_registration_number: Option<String>,
    /// The company's address, which `GET /v1/customers/{id}` returns in some answers.
    #[serde(alias = "Address")]
    pub address: Option<Address>,
    /// The company's e-mail, likewise.
    #[serde(alias = "Email")]
    pub email: Option<String>,
}

/// `CustomerBillingProfile`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BillingProfile {
    /// The billing contact's e-mail.
    #[serde(alias = "Email")]
    pub email: Option<String>,
    /// Culture for communication and currency (`en-US`).
    #[serde(alias = "Culture")]
    pub culture: Option<String>,
    /// Language for communication (`en`).
    #[serde(alias = "Language")]
    pub language: Option<String>,
    /// The company name on bills.
    #[serde(alias = "CompanyName")]
    pub company_name: Option<String>,
    /// The billing contact's first name.
    #[serde(alias = "FirstName")]
    pub first_name: Option<String>,
    /// The billing contact's last name.
    #[serde(alias = "LastName")]
    pub last_name: Option<String>,
    /// Where bills go.
    #[serde(alias = "DefaultAddress")]
    pub default_address: Option<Address>,
}

/// `Address` (utility resources).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// ISO 3166 alpha-2 country.
    #[serde(alias = "Country")]
    pub country: Option<String>,
    /// A region, where the country has them.
    #[serde(alias = "Region")]
    pub region: Option<String>,
    /// The city.
    #[serde(alias = "City")]
    pub city: Option<String>,
    /// The state (two letters where required).
    #[serde(alias = "State")]
    pub state: Option<String>,
    /// Street line 1.
    #[serde(alias = "AddressLine1")]
    pub address_line1: Option<String>,
    /// Street line 2.
    #[serde(alias = "AddressLine2")]
    pub address_line2: Option<String>,
    /// Postal code.
    #[serde(alias = "PostalCode")]
    pub postal_code: Option<String>,
    /// A contact's first name.
    #[serde(alias = "FirstName")]
    pub first_name: Option<String>,
    /// A contact's last name.
    #[serde(alias = "LastName")]
    pub last_name: Option<String>,
    /// A contact's phone.
    #[serde(alias = "PhoneNumber")]
    pub phone_number: Option<String>,
}

impl Customer {
    /// Whether the object is a customer at all (a page or an error answer is not).
    pub fn is_customer(&self) -> bool {
        self.id.is_some() || self.company_profile.is_some()
    }
}
