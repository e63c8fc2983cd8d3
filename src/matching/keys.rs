//! The keys a record is matched on: name key and tokens, registration ID, location, contact
//! e-mail domain, phone and domain prefix. Blank and placeholder values give no key.

use super::similarity::{is_placeholder_key, name_key};
use crate::config::Profile;
use crate::model::{Customer, Field};
use crate::rules::email::is_free_provider;
use std::hash::{Hash, Hasher};
use std::num::NonZeroU64;

/// Words of a name compared at most (longer "names" are pasted text, not names).
pub const MAX_TOKENS: usize = 64;

/// A value compared only for equality, held as a 64-bit hash (blank values give none).
/// Two different values share a hash with odds of about one in 10^19 per pair, and a pair
/// must agree on more than one key to match, so the saving (8 bytes instead of a string per
/// key and record) costs no accuracy that can be measured.
pub type Hashed = Option<NonZeroU64>;

/// The hash of a value, or None when it is blank.
pub fn hashed(v: &str) -> Hashed {
    if v.is_empty() {
        return None;
    }
    let mut h = std::hash::DefaultHasher::new();
    v.hash(&mut h);
    NonZeroU64::new(h.finish()).or(NonZeroU64::new(1))
}

/// What a record is matched on.
#[derive(Clone, Debug, Default)]
pub struct Keys {
    /// ISO country.
    pub country: Option<&'static str>,
    /// Folded name without legal forms.
    pub name: Box<str>,
    /// The name key's words, interned in the run's [`Vocab`](super::vocab::Vocab) (filled in by
    /// the caller, which owns the vocabulary).
    pub tokens: Box<[u32]>,
    /// Compact registration ID (placeholders left out).
    pub reg: Hashed,
    /// Postal code, letters and digits only.
    pub postal: Hashed,
    /// Folded city.
    pub city: Hashed,
    /// Folded street line (compared by its words and house numbers, so kept as text).
    pub street: Option<Box<str>>,
    /// The contact e-mail's domain when it is the company's own (not a free mailbox, not the partner's).
    pub email_domain: Hashed,
    /// The phone in E.164.
    pub phone: Hashed,
    /// The desired domain prefix.
    pub domain: Hashed,
}

impl Keys {
    /// The keys of a record.
    pub fn of(c: &Customer, country: Option<&'static str>, profile: &Profile) -> Keys {
        let reg = c.get(Field::RegistrationId);
        let reg = if is_placeholder_key(reg) { None } else { hashed(reg) };
        let email_domain = crate::normalize::email::domain(c.get(Field::ContactEmail))
            .filter(|d| d.contains('.') && !is_free_provider(d))
            .filter(|d| !profile.email_domains.iter().any(|p| crate::rules::email::is_or_under(d, p)))
            .and_then(hashed);
        let phone =
            Some(c.get(Field::ContactPhone)).filter(|p| p.starts_with('+') && p.len() >= 8).and_then(hashed);
        let street = crate::normalize::text::fold_words(c.get(Field::AddressLine1));
        Keys {
            country,
            name: name_key(c.get(Field::CompanyName)).into_boxed_str(),
            tokens: Box::default(),
            reg,
            postal: hashed(&postal_key(c.get(Field::PostalCode))),
            city: hashed(&crate::normalize::text::fold_words(&deunicode::deunicode(c.get(Field::City)))),
            street: (!street.is_empty()).then(|| street.into_boxed_str()),
            email_domain,
            phone,
            domain: hashed(c.get(Field::Domain)),
        }
    }
}

impl Keys {
    /// The keys of a Partner Center customer: as [`Keys::of`], and when no contact e-mail gives
    /// the company's domain, its own domain (a custom primary domain such as `contoso.com`, kept
    /// as the website) stands in: a row whose contact writes from that domain agrees with it.
    pub fn of_export(c: &Customer, country: Option<&'static str>, profile: &Profile) -> Keys {
        let mut k = Keys::of(c, country, profile);
        if k.email_domain.is_none() {
            k.email_domain = website_domain(c.get(Field::Website))
                .filter(|d| !is_free_provider(d))
                .and_then(|d| hashed(&d));
        }
        k
    }
}

/// The host of a website as an e-mail domain would name it (`https://www.Contoso.com/x` →
/// `contoso.com`); None when it has no dot.
pub fn website_domain(site: &str) -> Option<String> {
    let s = site.trim().to_ascii_lowercase();
    let s = s.split("://").last()?.split(['/', '?', '#']).next()?;
    let s = s.strip_prefix("www.").unwrap_or(s).trim_end_matches('.');
    s.contains('.').then(|| s.to_string())
}

/// A postal code for comparison: letters and digits only, upper case.
pub fn postal_key(p: &str) -> String {
    p.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn website_hosts_become_domains() {
        for (site, want) in [
            ("contoso.com", Some("contoso.com")),
            ("https://www.Contoso.co.uk/about", Some("contoso.co.uk")),
            ("http://fabrikam.de?x=1", Some("fabrikam.de")),
            ("localhost", None),
            ("", None),
        ] {
            assert_eq!(website_domain(site).as_deref(), want, "{site:?}");
        }
    }
}
