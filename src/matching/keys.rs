//! The keys a record is matched on: name key and tokens, registration ID, location, contact
//! e-mail domain, phone and domain prefix. Blank and placeholder values give no key.

use super::similarity::{is_placeholder_key, name_key};
use crate::config::Profile;
use crate::model::{Customer, Field};
use crate::rules::email::is_free_provider;

/// Words of a name compared at most (longer "names" are pasted text, not names).
pub const MAX_TOKENS: usize = 64;

/// What a record is matched on.
#[derive(Clone, Debug, Default)]
pub struct Keys {
    /// ISO country.
    pub country: Option<&'static str>,
    /// Folded name without legal forms.
    pub name: String,
    /// The name key's words, interned in the run's [`Vocab`](super::vocab::Vocab) (filled in by
    /// the caller, which owns the vocabulary).
    pub tokens: Vec<u32>,
    /// Compact registration ID (placeholders left out).
    pub reg: Option<String>,
    /// Postal code, letters and digits only.
    pub postal: Option<String>,
    /// Folded city.
    pub city: Option<String>,
    /// Folded street line.
    pub street: Option<String>,
    /// The contact e-mail's domain when it is the company's own (not a free mailbox, not the partner's).
    pub email_domain: Option<String>,
    /// The phone in E.164.
    pub phone: Option<String>,
    /// The desired domain prefix.
    pub domain: Option<String>,
}

impl Keys {
    /// The keys of a record.
    pub fn of(c: &Customer, country: Option<&'static str>, profile: &Profile) -> Keys {
        let name = name_key(c.get(Field::CompanyName));
        let some = |s: String| Some(s).filter(|s| !s.is_empty());
        let reg = Some(c.get(Field::RegistrationId)).filter(|r| !is_placeholder_key(r)).map(str::to_string);
        let email_domain = crate::normalize::email::domain(c.get(Field::ContactEmail))
            .filter(|d| d.contains('.') && !is_free_provider(d))
            .filter(|d| !profile.email_domains.iter().any(|p| crate::rules::email::is_or_under(d, p)))
            .map(str::to_string);
        let phone = Some(c.get(Field::ContactPhone))
            .filter(|p| p.starts_with('+') && p.len() >= 8)
            .map(str::to_string);
        Keys {
            country,
            name,
            tokens: Vec::new(),
            reg,
            postal: some(postal_key(c.get(Field::PostalCode))),
            city: some(crate::normalize::text::fold_words(&deunicode::deunicode(c.get(Field::City)))),
            street: some(crate::normalize::text::fold_words(c.get(Field::AddressLine1))),
            email_domain,
            phone,
            domain: some(c.get(Field::Domain).to_string()),
        }
    }
}

/// A postal code for comparison: letters and digits only, upper case.
pub fn postal_key(p: &str) -> String {
    p.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}
