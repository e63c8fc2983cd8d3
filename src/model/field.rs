//! The canonical customer fields (SPEC §4): their order, names and header aliases.

use serde::Serialize;

macro_rules! fields {
    ($( $variant:ident => $name:literal, [$($alias:literal),* $(,)?] );* $(;)?) => {
        /// One canonical field of a customer record, in the order of SPEC §4.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Field { $($variant),* }

        impl Field {
            /// Every field, in output order.
            pub const ALL: &'static [Field] = &[$(Field::$variant),*];
            /// How many fields there are.
            pub const COUNT: usize = Field::ALL.len();

            /// The snake_case name used in outputs, mapping files and rule codes.
            pub fn name(self) -> &'static str {
                match self { $(Field::$variant => $name),* }
            }

            /// Folded header aliases (lower case, letters and digits only).
            pub fn aliases(self) -> &'static [&'static str] {
                match self { $(Field::$variant => &[$($alias),*]),* }
            }
        }
    };
}

fields! {
    SourceId => "source_id", ["sourceid", "id", "accountid", "accountnumber", "accountno", "recordid",
        "customerid", "customernumber", "customerno", "legacyid", "crmid", "externalid", "clientid",
        "companyid", "donotmodifyaccount", "key", "legacykey", "reference", "ref", "number", "no"];
    CompanyName => "company_name", ["companyname", "company", "name", "accountname", "legalname",
        "organisation", "organization", "organisationname", "organizationname", "customername",
        "customer", "businessname", "legalentityname", "legalentity", "registeredname", "entityname",
        "clientname", "client", "account", "firm", "firmname", "companylegalname", "tradingname"];
    Domain => "domain", ["domain", "domainprefix", "onmicrosoftdomain", "tenantdomain", "msdomain",
        "desireddomain", "primarydomain", "primarydomainname", "tenantname", "tenant", "onmicrosoft",
        "microsoftdomain", "domainname", "tenantprefix", "defaultdomain", "initialdomain"];
    RegistrationId => "registration_id", ["registrationid", "registrationnumber", "taxid", "vat",
        "vatnumber", "vatid", "vatno", "inn", "tin", "taxnumber", "taxidnumber", "taxno",
        "companyregistrationnumber", "organizationregistrationnumber", "organisationregistrationnumber",
        "orgregistrationnumber", "businessid", "businessnumber", "businessregistrationnumber", "cnpj",
        "nip", "regon", "edrpou", "ogrn", "bin", "unp", "rif", "trn", "gstin", "pan", "ein", "crn",
        "companynumber", "registrationno", "regno", "regnumber", "companyregno",
        "taxregistrationnumber", "fiscalcode", "idno", "voen", "vkn", "mst", "taxcode", "orginn",
        "organizationinn", "companyregistrationid", "taxidentificationnumber"];
    AddressLine1 => "address_line1", ["addressline1", "address", "address1", "street", "streetaddress",
        "streetaddress1", "streetline1", "street1", "address1street1", "addressstreet1", "line1",
        "streetandnumber", "street1address", "addr1", "addressline"];
    AddressLine2 => "address_line2", ["addressline2", "address2", "street2", "streetaddress2",
        "streetline2", "address1street2", "addressstreet2", "line2", "addr2"];
    City => "city", ["city", "town", "address1city", "locality", "suburb", "cityname", "towncity"];
    State => "state", ["state", "province", "region", "stateprovince", "stateorprovince",
        "address1stateprovince", "county", "stateregion", "statecode", "prefecture",
        "provincestate", "stateprovinceregion", "statename"];
    PostalCode => "postal_code", ["postalcode", "zip", "zipcode", "postcode", "address1zippostalcode",
        "zippostalcode", "postal", "pincode", "plz", "postalzipcode", "zippostcode"];
    Country => "country", ["country", "countryregion", "address1countryregion", "countrycode",
        "countryname", "nation", "countryiso", "iso2", "countryregioncode"];
    ContactFirstName => "contact_first_name", ["contactfirstname", "firstname", "givenname", "fname",
        "contactgivenname", "primarycontactfirstname", "forename"];
    ContactLastName => "contact_last_name", ["contactlastname", "lastname", "surname", "familyname",
        "lname", "primarycontactlastname"];
    ContactEmail => "contact_email", ["contactemail", "email", "emailaddress", "mail", "email1",
        "primaryemail", "contactemailaddress", "primarycontactemail", "emailaddress1", "emailid"];
    ContactPhone => "contact_phone", ["contactphone", "phone", "phonenumber", "telephone", "tel",
        "mainphone", "businessphone", "phone1", "companyphone", "telephone1", "telephonenumber",
        "officephone", "telefon", "telefono", "contactnumber"];
    Culture => "culture", ["culture", "locale", "preferredculture", "billingculture"];
    Language => "language", ["language", "preferredlanguage", "billinglanguage", "lang"];
    Segment => "segment", ["segment", "industrysegment", "customersegment", "customertype",
        "qualification", "specialqualification", "sector", "segmenttype"];
    McaAccepted => "mca_accepted", ["mcaaccepted", "mca", "customeragreementaccepted",
        "agreementaccepted", "mcaattested", "mcaacceptance", "microsoftcustomeragreement",
        "microsoftcustomeragreementaccepted", "agreementattested", "mcasigned"];
    McaDate => "mca_date", ["mcadate", "mcaaccepteddate", "agreementdate", "mcaacceptancedate",
        "dateagreed", "customeragreementdate", "agreementaccepteddate", "mcasigneddate",
        "mcaacceptedon", "agreementacceptancedate"];
    McaSignatoryFirstName => "mca_signatory_first_name", ["mcasignatoryfirstname",
        "signatoryfirstname", "agreementfirstname", "agreementsignatoryfirstname"];
    McaSignatoryLastName => "mca_signatory_last_name", ["mcasignatorylastname", "signatorylastname",
        "agreementlastname", "agreementsignatorylastname"];
    McaSignatoryEmail => "mca_signatory_email", ["mcasignatoryemail", "signatoryemail",
        "agreementemail", "agreementsignatoryemail", "signatoryemailaddress"];
    GdapDefault => "gdap_default", ["gdapdefault", "gdap", "enablegdapbydefault", "defaultgdap",
        "enablegdap"];
    Notes => "notes", ["notes", "note", "comments", "comment", "remarks", "description"];
    Website => "website", ["website", "websiteurl", "url", "web", "companydomainname", "homepage",
        "webaddress", "companywebsite"];
    // Last, so that adding it moved no other column. An indirect provider's reseller: its tenant
    // ID goes to the request's associatedPartnerId (headers as Salesforce, Dynamics and HubSpot
    // partners name the reseller lookup).
    AssociatedPartnerId => "associated_partner_id", ["associatedpartnerid", "associatedpartner",
        "reseller", "resellerid", "resellertenantid", "resellertenant", "resellermicrosoftid",
        "resellerpartnerid", "resellermpnid", "resellermpn", "indirectreseller", "indirectresellerid",
        "indirectresellertenantid", "indirectresellerpartnerid", "tier2reseller", "tier2resellerid",
        "tier2partner", "tier2partnerid", "resellerdirectoryid", "resellerazureadtenantid"];
}

impl Field {
    /// The field's position in [`Field::ALL`], used to index per-field arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the rules expect a column for this field (its absence is worth a warning).
    pub fn is_expected(self) -> bool {
        matches!(
            self,
            Field::CompanyName
                | Field::RegistrationId
                | Field::AddressLine1
                | Field::City
                | Field::PostalCode
                | Field::Country
                | Field::ContactFirstName
                | Field::ContactLastName
                | Field::ContactEmail
                | Field::ContactPhone
        )
    }

    /// Looks a field up by its snake_case name (as written in mapping files).
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn names_are_unique_and_indexed_in_order() {
        for (i, f) in Field::ALL.iter().enumerate() {
            assert_eq!(f.index(), i);
            assert_eq!(Field::from_name(f.name()), Some(*f));
        }
    }

    #[test]
    fn no_alias_belongs_to_two_fields() {
        let mut seen: HashMap<&str, Field> = HashMap::new();
        for f in Field::ALL {
            for a in f.aliases() {
                assert!(a.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{a}");
                if let Some(prev) = seen.insert(a, *f) {
                    panic!("alias {a} is used by {prev:?} and {f:?}");
                }
            }
        }
    }
}
