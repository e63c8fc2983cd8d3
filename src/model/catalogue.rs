//! The rule catalogue: every rule's stable code, default severity, field, message and fix hint.
//!
//! The catalogue is data. A rule's logic lives in its family file in `rules/` (`company.rs`, …);
//! adding a rule adds one line here and one check there.

use serde::{Deserialize, Serialize};

/// How much a finding matters: an error blocks the record, a warning does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks the record: it is rejected.
    Error,
    /// Reported, but the record can still be created.
    Warning,
    /// Switched off in the configuration: the rule reports nothing.
    Off,
}

impl Severity {
    /// The lower-case name used in outputs and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Off => "off",
        }
    }
}

/// One entry of the catalogue.
#[derive(Debug, Serialize)]
pub struct Rule {
    /// The rule's identity in code.
    #[serde(skip)]
    pub id: RuleId,
    /// Stable dotted code, e.g. `company.test_name`.
    pub code: &'static str,
    /// Severity unless the configuration overrides it.
    pub severity: Severity,
    /// The canonical field the rule concerns (`row` for whole-row rules).
    pub field: &'static str,
    /// What is wrong, in one line.
    pub message: &'static str,
    /// What to do about it.
    pub fix: &'static str,
}

macro_rules! catalogue {
    ($( $id:ident => $code:literal, $sev:ident, $field:literal, $msg:literal, $fix:literal; )*) => {
        /// Identifies a rule; `RULES[id as usize]` is its catalogue entry.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId { $($id),* }

        /// Every rule, in catalogue order.
        pub static RULES: &[Rule] = &[
            $(Rule { id: RuleId::$id, code: $code, severity: Severity::$sev, field: $field,
                     message: $msg, fix: $fix }),*
        ];
    };
}

impl RuleId {
    /// The catalogue entry of this rule.
    pub fn rule(self) -> &'static Rule {
        &RULES[self as usize]
    }

    /// The stable dotted code.
    pub fn code(self) -> &'static str {
        self.rule().code
    }

    /// Looks a rule up by its code.
    pub fn from_code(code: &str) -> Option<RuleId> {
        RULES.iter().find(|r| r.code == code).map(|r| r.id)
    }
}

catalogue! {
    RowMalformed => "row.malformed", Error, "row",
        "The source row could not be read as a record",
        "Fix the row in the source file (field count, quoting, encoding) and run again";

    CompanyMissing => "company.missing", Error, "company_name",
        "No company name",
        "Enter the customer's legal company name";
    CompanyTooShort => "company.too_short", Error, "company_name",
        "Company name is shorter than 2 characters",
        "Enter the full legal name as it appears in official documents";
    CompanyTooLong => "company.too_long", Error, "company_name",
        "Company name is longer than 255 characters",
        "Shorten the name to the legal name (255 characters at most)";
    CompanySpecialOnly => "company.special_only", Error, "company_name",
        "Company name has no letter or digit",
        "Enter the legal name; special characters alone are not accepted";
    CompanySpacedSingleChars => "company.spaced_single_chars", Error, "company_name",
        "Company name is single characters separated by spaces (like '1 2 3')",
        "Enter the legal name without spaces between single letters";
    CompanyAbbreviationOnly => "company.abbreviation_only", Error, "company_name",
        "Company name is only a legal-form abbreviation (like 'LLC' or 'Pty Ltd')",
        "Enter the full name, e.g. 'Contoso LLC' rather than 'LLC'";
    CompanyRepeatedChar => "company.repeated_char", Error, "company_name",
        "Company name is one character repeated (like '999')",
        "Enter the customer's real legal name";
    CompanyInvalidChar => "company.invalid_char", Error, "company_name",
        "Company name contains a character Partner Center does not allow",
        "Remove the character; letters, digits, spaces and ~-=_#.%+:^[]$&@*(),\"<>!\\/{}|;'?` are allowed";
    CompanyTestName => "company.test_name", Error, "company_name",
        "Company name is a test or placeholder name",
        "Enter the customer's real legal name; test records must not be created";
    CompanyAcronym => "company.acronym", Warning, "company_name",
        "Company name looks like an acronym or short form rather than the legal name",
        "Use the exact legal name as it appears in official documents";
    CompanyDomainExtension => "company.domain_extension", Warning, "company_name",
        "Company name contains a domain extension (like '.com')",
        "Use the legal name without the web address, unless the extension is part of it";

    ContactFirstNameMissing => "contact.first_name.missing", Error, "contact_first_name",
        "No first name for the primary contact",
        "Enter the primary contact's first name";
    ContactFirstNameOneChar => "contact.first_name.one_char", Error, "contact_first_name",
        "The contact's first name is a single character",
        "Enter the full first name, not an initial";
    ContactFirstNameTooLong => "contact.first_name.too_long", Error, "contact_first_name",
        "The contact's first name is longer than 40 characters",
        "Shorten the first name to 40 characters";
    ContactFirstNamePlaceholder => "contact.first_name.placeholder", Error, "contact_first_name",
        "The contact's first name is a placeholder (like 'test' or 'admin')",
        "Enter a real person's first name";
    ContactFirstNameNoLetters => "contact.first_name.no_letters", Error, "contact_first_name",
        "The contact's first name has no letters (only digits, symbols or emoji)",
        "Enter the first name in letters";
    ContactLastNameMissing => "contact.last_name.missing", Error, "contact_last_name",
        "No last name for the primary contact",
        "Enter the primary contact's last name";
    ContactLastNameOneChar => "contact.last_name.one_char", Error, "contact_last_name",
        "The contact's last name is a single character",
        "Enter the full last name, not an initial";
    ContactLastNameTooLong => "contact.last_name.too_long", Error, "contact_last_name",
        "The contact's last name is longer than 40 characters",
        "Shorten the last name to 40 characters";
    ContactLastNamePlaceholder => "contact.last_name.placeholder", Error, "contact_last_name",
        "The contact's last name is a placeholder (like 'test' or 'admin')",
        "Enter a real person's last name";
    ContactLastNameNoLetters => "contact.last_name.no_letters", Error, "contact_last_name",
        "The contact's last name has no letters (only digits, symbols or emoji)",
        "Enter the last name in letters";

    EmailMissing => "email.missing", Error, "contact_email",
        "No primary contact e-mail",
        "Enter the e-mail address of the customer's primary contact";
    EmailSyntax => "email.syntax", Error, "contact_email",
        "The contact e-mail is not a well-formed address",
        "Correct the address, e.g. 'name@customer.com'";
    EmailMicrosoftDomain => "email.microsoft_domain", Error, "contact_email",
        "The contact e-mail uses @microsoft.com",
        "Use an address at the customer's own domain";
    EmailPartnerDomain => "email.partner_domain", Error, "contact_email",
        "The contact e-mail uses one of the partner's own domains",
        "Use an address at the customer's own domain, not the partner's";
    EmailFreeProvider => "email.free_provider", Warning, "contact_email",
        "The contact e-mail is at a free mailbox provider",
        "Prefer an address at the customer's own domain (required for education customers)";
    EmailOnMicrosoftDomain => "email.onmicrosoft_domain", Error, "contact_email",
        "An education customer's contact e-mail is an .onmicrosoft.com address",
        "Use an address at the institution's own domain, as for a free mailbox";

    AddressLine1Missing => "address.line1.missing", Error, "address_line1",
        "No street address (address line 1)",
        "Enter the street and number of the customer's address";
    AddressLine1TooLong => "address.line1.too_long", Error, "address_line1",
        "Address line 1 is longer than 200 characters",
        "Shorten line 1 to 200 characters; move the rest to line 2";
    AddressLine2TooLong => "address.line2.too_long", Error, "address_line2",
        "Address line 2 is longer than 200 characters",
        "Shorten line 2 to 200 characters";
    AddressCityMissing => "address.city.missing", Error, "city",
        "No city, and the country requires one",
        "Enter the city";
    AddressStateMissing => "address.state.missing", Error, "state",
        "No state or province, and the country requires one",
        "Enter the state or province (its code or name)";
    AddressStateUnknown => "address.state.unknown", Error, "state",
        "The state or province is not one of the country's subdivisions",
        "Use one of the country's state codes or names";
    AddressPostalCodeMissing => "address.postal_code.missing", Error, "postal_code",
        "No postal code, and the country requires one",
        "Enter the postal code";
    AddressPostalCodeFormat => "address.postal_code.format", Error, "postal_code",
        "The postal code does not match the country's format",
        "Correct the postal code to the country's format";
    AddressPostalCodeNormalised => "address.postal_code.normalised", Warning, "postal_code",
        "The postal code was written another way and was normalised to the form Partner Center expects",
        "Check the code in the clean output; write it that way in the source to silence this";
    AddressCountryMissing => "address.country.missing", Error, "country",
        "No country",
        "Enter the country (a name or an ISO code such as 'DE')";
    AddressCountryUnknown => "address.country.unknown", Error, "country",
        "The country could not be recognised",
        "Use an ISO 3166-1 code (e.g. 'GB', 'DE') or the English country name";
    AddressCountryNormalised => "address.country.normalised", Warning, "country",
        "The country was written another way and was normalised to its ISO code",
        "Check the ISO code in the clean output; write it that way in the source to silence this";
    AddressCountryUnsupported => "address.country.unsupported", Error, "country",
        "Partner Center has no market in this country or region and cannot create the customer there",
        "Check the country: it is not in Partner Center's list of supported countries and regions";

    PhoneMissing => "phone.missing", Error, "contact_phone",
        "No phone number, and Partner Center requires one for this country",
        "Enter the company phone number with its country code";
    PhoneInvalid => "phone.invalid", Error, "contact_phone",
        "The phone number is not valid for the record's country",
        "Enter a full number valid in the country, ideally as +<country code> <number>";

    CultureUnsupported => "culture.unsupported", Warning, "culture",
        "Partner Center does not support this culture for the customer's country; a supported one is sent instead",
        "Use a culture Partner Center lists for the country (e.g. fr-CA or en-US for Canada), or leave it empty";
    LanguageUnsupported => "language.unsupported", Warning, "language",
        "The language is not supported for the country or is not the culture's language; the culture's language is sent instead",
        "Use the language of the culture (e.g. 'fr' with fr-CA), or leave it empty";

    RegistrationIdMissing => "registration_id.missing", Error, "registration_id",
        "No registration ID, and Partner Center requires one for this country",
        "Enter the company's business tax/registration ID (e.g. INN, CNPJ, NIP)";
    RegistrationIdFormat => "registration_id.format", Error, "registration_id",
        "The registration ID has the wrong length or characters for the country",
        "Enter the company's business ID in the country's format";
    RegistrationIdChecksum => "registration_id.checksum", Error, "registration_id",
        "The registration ID's check digit does not match",
        "Check the ID for a typo against the customer's official documents";
    RegistrationIdPersonal => "registration_id.personal", Error, "registration_id",
        "The registration ID is a person's ID, not the company's business tax ID",
        "Enter the company's business tax ID instead of a personal ID";
    RegistrationIdNotAccepted => "registration_id.not_accepted", Warning, "registration_id",
        "Partner Center does not accept a registration ID for this country; it is left out of the request",
        "Nothing to do; the ID stays in the CSV but is not sent";

    DomainSyntax => "domain.syntax", Error, "domain",
        "The domain prefix may contain only letters and digits",
        "Use letters and digits only, e.g. 'contosoltd' for contosoltd.onmicrosoft.com";
    DomainTooLong => "domain.too_long", Error, "domain",
        "The domain prefix is longer than 27 characters",
        "Shorten the prefix to 27 characters";
    DomainDuplicate => "domain.duplicate", Error, "domain",
        "The same domain prefix is used by an earlier row of this batch",
        "Choose a different prefix for one of the two customers";
    DomainTaken => "domain.taken", Error, "domain",
        "The domain prefix belongs to an existing Partner Center customer that is a different company",
        "Choose another prefix (or check whether this is really the same customer)";
    DomainSuggested => "domain.suggested", Warning, "domain",
        "No domain prefix was given; one was derived from the company name",
        "Check the suggested prefix; it cannot be changed after the customer is created";

    AgreementMissing => "agreement.missing", Warning, "mca_accepted",
        "No Microsoft Customer Agreement acceptance recorded",
        "Record the customer's MCA acceptance (date and signatory) before placing orders";
    AgreementDateFuture => "agreement.date_future", Error, "mca_date",
        "The agreement acceptance date is in the future",
        "Enter the date the customer actually accepted the agreement";
    AgreementDateInvalid => "agreement.date_invalid", Error, "mca_date",
        "The agreement acceptance date could not be read",
        "Write the date as YYYY-MM-DD (or a real date cell)";
    AgreementDateMissing => "agreement.date.missing", Error, "mca_date",
        "Acceptance is recorded but not the date it was accepted",
        "Enter the date the customer accepted the agreement: the attestation needs it (dateAgreed)";
    AgreementSignatoryFirstNameMissing => "agreement.signatory.first_name.missing", Error, "mca_signatory_first_name",
        "Acceptance is recorded but the signatory's first name is missing",
        "Enter the first name of the person who accepted the agreement";
    AgreementSignatoryLastNameMissing => "agreement.signatory.last_name.missing", Error, "mca_signatory_last_name",
        "Acceptance is recorded but the signatory's last name is missing",
        "Enter the last name of the person who accepted the agreement";
    AgreementSignatoryEmailMissing => "agreement.signatory.email.missing", Error, "mca_signatory_email",
        "Acceptance is recorded but the signatory's e-mail is missing",
        "Enter the e-mail of the person who accepted the agreement";
    AgreementSignatoryEmailSyntax => "agreement.signatory.email.syntax", Error, "mca_signatory_email",
        "The signatory's e-mail is not a well-formed address",
        "Correct the signatory's e-mail address";

    ResellerMissing => "reseller.missing", Warning, "associated_partner_id",
        "No indirect reseller is named: the customer would be created as the provider's own direct customer",
        "Enter the reseller's tenant ID in the reseller column, or set [partner] associated_partner_id for the whole list";
    ResellerInvalid => "reseller.invalid", Error, "associated_partner_id",
        "The indirect reseller is not given as a tenant ID (a GUID)",
        "Enter the reseller's tenant ID (its Microsoft ID on Partner Center's Indirect resellers page)";
    ResellerNotAllowed => "reseller.not_allowed", Warning, "associated_partner_id",
        "Only an indirect provider can name an indirect reseller; the value is left out of the request",
        "Nothing to do if you create this customer yourself; set [partner] type = \"indirect-provider\" if you are one";

    PartnerCannotCreate => "partner.cannot_create", Warning, "row",
        "The partner is an indirect reseller and cannot create customers; this customer goes to relationship requests",
        "Ask your indirect provider to create the customer, or send the customer a relationship request";
}

#[cfg(test)]
#[path = "catalogue_tests.rs"]
mod tests;
