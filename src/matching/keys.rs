//! The keys a record is matched on: name key and words, street, city, postal code, address
//! line 2, state, registration ID, contact e-mail, phone and domain prefix. Blank and
//! placeholder values give no key, and a missing key is no evidence either way.

use super::similarity::{is_placeholder_key, match_key_and_words};
use crate::config::Profile;
use crate::model::{Customer, Field};
use crate::normalize::forms::{city_form, street_words};
use crate::registration_id::{self, Verdict};
use crate::rules::email::is_free_provider;
use std::hash::{BuildHasher, Hash};
use std::num::NonZeroU64;

/// Words of a name compared at most (longer "names" are pasted text, not names).
pub const MAX_TOKENS: usize = 64;

/// A value compared only for equality, held as a 64-bit hash (blank values give none).
/// Two different values share a hash with odds of about one in 10^19 per pair, so the saving
/// (8 bytes instead of a string per key and record) costs no accuracy that can be measured.
pub type Hashed = Option<NonZeroU64>;

/// The hash of a value, or None when it is blank.
pub fn hashed(v: &str) -> Hashed {
    if v.is_empty() {
        return None;
    }
    NonZeroU64::new(hash_of(v)).or(NonZeroU64::new(1))
}

/// The 64-bit hash every matching key uses: the same on every run (a fixed seed) and cheap on
/// short text. Only equality of hashes is ever used, never their order or their values, so
/// outputs do not depend on the hash function (bar a collision, one in about 10^19 per pair).
pub fn hash_of(v: impl Hash) -> u64 {
    const KEYS: foldhash::quality::FixedState = foldhash::quality::FixedState::with_seed(0x5EED_0F0B_0A4D);
    KEYS.hash_one(v)
}

/// The text keys of a record, in the order they are packed into one allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Text {
    Name,
    Street,
    City,
    Postal,
    Line2,
}

/// What a record is matched on.
#[derive(Clone, Debug, Default)]
pub struct Keys {
    /// ISO country.
    pub country: Option<&'static str>,
    /// The text keys one after another (name key, street words, city form, postal key, line 2):
    /// one allocation per record, since a million records are held.
    text: Box<str>,
    /// Where each text key ends in `text`.
    ends: [u16; 5],
    /// The name key's words, interned in the run's [`Vocab`](super::vocab::Vocab) (filled in by
    /// the caller, which owns the vocabulary).
    pub tokens: Box<[u32]>,
    /// The company name is written in a script that does not transliterate letter for letter
    /// to Latin (Chinese, Japanese, Korean, Thai, Arabic, …): such a name and a Latin one are
    /// not compared, since their folded forms say nothing about each other.
    pub name_far_script: bool,
    /// The legal form the name carries: two forms with nothing in common are two entities.
    pub legal: super::legal::LegalForm,
    /// The numbers of the street line, in order (none when it has no number).
    pub street_numbers: Hashed,
    /// Compact registration ID (placeholders left out).
    pub reg: Hashed,
    /// The registration ID passed its country's check digits: two different ones are two legal
    /// entities, the same one is the same entity.
    pub reg_certain: bool,
    /// State or province (its code where the country has a list).
    pub state: Hashed,
    /// The contact e-mail address, lower case.
    pub email: Hashed,
    /// The contact e-mail's domain when it is the company's own (not a free mailbox, not the partner's).
    pub email_domain: Hashed,
    /// The phone in E.164.
    pub phone: Hashed,
    /// The desired domain prefix.
    pub domain: Hashed,
}

impl Keys {
    /// The keys of a record. `reg_checked` says whether the registration ID passed the
    /// country's own check digits ([`Keys::reg_is_certain`]).
    pub fn of(c: &Customer, country: Option<&'static str>, reg_checked: bool, profile: &Profile) -> Keys {
        let reg = c.get(Field::RegistrationId);
        let reg = if is_placeholder_key(reg) { None } else { hashed(reg) };
        let email = c.get(Field::ContactEmail).trim().to_lowercase();
        let email_domain = crate::normalize::email::domain(&email)
            .filter(|d| d.contains('.') && !is_free_provider(d))
            .filter(|d| !profile.email_domains.iter().any(|p| crate::rules::email::is_or_under(d, p)))
            .and_then(hashed);
        let phone =
            Some(c.get(Field::ContactPhone)).filter(|p| p.starts_with('+') && p.len() >= 8).and_then(hashed);
        // The street's words and its numbers apart: a typo in the name of the street is
        // forgiven, another house number is not.
        let street = street_words(c.get(Field::AddressLine1));
        let (mut numbers, mut words) = (String::new(), String::new());
        for w in street.split(' ').filter(|w| !w.is_empty()) {
            let to = if w.bytes().any(|b| b.is_ascii_digit()) { &mut numbers } else { &mut words };
            if !to.is_empty() {
                to.push(' ');
            }
            to.push_str(w);
        }
        // A placeholder name says nothing about which company it is: as good as none.
        let raw_name = c.get(Field::CompanyName);
        let (key, name_words) = match_key_and_words(raw_name);
        let name = if crate::rules::company::is_test_name(raw_name) { String::new() } else { key };
        let texts = [
            name.as_str(),
            words.as_str(),
            &city_form(c.get(Field::City)),
            &postal_key(c.get(Field::PostalCode)),
            &crate::normalize::forms::street_form(c.get(Field::AddressLine2)),
        ];
        let mut text = String::with_capacity(texts.iter().map(|t| t.len()).sum());
        let mut ends = [0u16; 5];
        for (k, t) in texts.iter().enumerate() {
            // Keys longer than 64 KiB in all are pasted text: cut at a character boundary.
            let room = (u16::MAX as usize).saturating_sub(text.len());
            let mut cut = t.len().min(room);
            while !t.is_char_boundary(cut) {
                cut -= 1;
            }
            text.push_str(&t[..cut]);
            ends[k] = text.len() as u16;
        }
        Keys {
            country,
            text: text.into_boxed_str(),
            ends,
            tokens: Box::default(),
            name_far_script: raw_name.chars().any(far_script),
            legal: super::legal::LegalForm::of_words(&name_words),
            street_numbers: hashed(&numbers),
            reg,
            reg_certain: reg.is_some() && reg_checked,
            state: hashed(&crate::normalize::text::fold_words(c.get(Field::State))),
            email: Some(email.as_str()).filter(|e| e.contains('@')).and_then(hashed),
            email_domain,
            phone,
            domain: hashed(c.get(Field::Domain)),
        }
    }

    /// Whether a compact registration ID passes its country's check digits (only the countries
    /// Partner Center checks have them; elsewhere nothing is certain).
    pub fn reg_is_certain(country: Option<&str>, compact: &str) -> bool {
        match country {
            Some(cc) if registration_id::is_required(cc) && !compact.is_empty() => {
                matches!(registration_id::validate(cc, compact), Verdict::Valid { kind } if kind != "not checked")
            }
            _ => false,
        }
    }

    fn text(&self, which: Text) -> &str {
        let k = which as usize;
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.text[start..self.ends[k] as usize]
    }

    /// Hints the start of the record's text and name words into the cache (see
    /// [`prefetch`](super::prefetch)); their addresses are read from the record, so it should
    /// have been hinted a little earlier. A pair's other record is read a few pairs later.
    #[inline(always)]
    pub fn prefetch(&self) {
        super::prefetch::line(self.text.as_ptr());
        super::prefetch::line(self.tokens.as_ptr());
    }

    /// The folded company name without legal forms (empty when the name has no other word).
    pub fn name(&self) -> &str {
        self.text(Text::Name)
    }

    /// The street line's words without its numbers, abbreviations written out.
    pub fn street(&self) -> &str {
        self.text(Text::Street)
    }

    /// The city, folded, without spaces.
    pub fn city(&self) -> &str {
        self.text(Text::City)
    }

    /// The postal code, letters and digits only.
    pub fn postal(&self) -> &str {
        self.text(Text::Postal)
    }

    /// Address line 2, folded, without spaces.
    pub fn line2(&self) -> &str {
        self.text(Text::Line2)
    }

    /// A test record: a name and the place keys, the rest blank.
    #[cfg(test)]
    pub fn test(country: &'static str, name: &str, street: &str, city: &str, postal: &str) -> Keys {
        let mut c = Customer::from_values(Field::ALL.iter().map(|_| ""));
        c.set(Field::CompanyName, name);
        c.set(Field::AddressLine1, street);
        c.set(Field::City, city);
        c.set(Field::PostalCode, postal);
        Keys::of(&c, Some(country), false, &Profile::default_profile())
    }
}

/// A letter of a script whose transliteration to Latin is not the name's Latin spelling:
/// anything past Armenian (Latin, Greek, Cyrillic and Armenian transliterate letter by letter).
fn far_script(c: char) -> bool {
    c as u32 >= 0x0590 && crate::normalize::text::is_alphabetic(c)
}

impl Keys {
    /// The keys of a Partner Center customer: as [`Keys::of`], and when no contact e-mail gives
    /// the company's domain, its own domain (a custom primary domain such as `contoso.com`, kept
    /// as the website) stands in: a row whose contact writes from that domain agrees with it.
    pub fn of_export(c: &Customer, country: Option<&'static str>, profile: &Profile) -> Keys {
        let certain = Keys::reg_is_certain(country, c.get(Field::RegistrationId));
        let mut k = Keys::of(c, country, certain, profile);
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
    fn text_keys_are_packed_and_read_back() {
        let k = Keys::test("AU", "Kiri Dalton Pty Ltd", "23 Harbord St", "Glen I ra", "3146");
        assert_eq!(k.name(), "kiri dalton");
        assert_eq!(k.street(), "harbord street");
        assert_eq!(k.city(), "glenira");
        assert_eq!(k.postal(), "3146");
        assert_eq!(k.line2(), "");
        assert!(k.street_numbers.is_some());
        let blank = Keys::test("AU", "", "", "", "");
        assert_eq!((blank.name(), blank.street(), blank.street_numbers), ("", "", None));
    }

    #[test]
    fn only_checked_ids_are_certain() {
        assert!(Keys::reg_is_certain(Some("RU"), "7707083893"));
        assert!(!Keys::reg_is_certain(Some("RU"), "7707083894"), "check digit fails");
        assert!(!Keys::reg_is_certain(Some("DE"), "DE123456789"), "not checked there");
        assert!(!Keys::reg_is_certain(None, "7707083893"));
    }

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
