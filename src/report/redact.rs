//! `--redact`: masks personal and business identifiers in the human-facing reports, for
//! reports sent outside the partner. E-mail local parts become `***`; phone numbers keep their
//! country code and last 2 digits; registration IDs keep their last 3 characters. Machine
//! outputs (`clean/`, `education.csv`, `summary.json`, Parquet) stay exact.

use crate::model::Field;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The mask character for hidden digits and characters.
const MASK: char = '*';

/// What kind of identifier a field holds, if it is one worth masking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An e-mail address: the local part is hidden.
    Email,
    /// A phone number: all digits but the country code and the last 2 are hidden.
    Phone,
    /// A business registration ID: all but the last 3 letters or digits are hidden.
    RegistrationId,
}

/// The kind of a canonical field, if it is masked.
pub fn kind(field: Field) -> Option<Kind> {
    match field {
        Field::ContactEmail | Field::McaSignatoryEmail => Some(Kind::Email),
        Field::ContactPhone => Some(Kind::Phone),
        Field::RegistrationId => Some(Kind::RegistrationId),
        _ => None,
    }
}

/// Masks a value of the given kind.
pub fn mask(kind: Kind, value: &str) -> String {
    match kind {
        Kind::Email => email(value),
        Kind::Phone => phone(value),
        Kind::RegistrationId => registration_id(value),
    }
}

/// `anna.schmidt@contoso.de` → `***@contoso.de`; a value without `@` is hidden whole.
pub fn email(value: &str) -> String {
    if value.is_empty() {
        return String::new();
    }
    match value.rfind('@') {
        Some(at) => format!("***{}", &value[at..]),
        None => "***".to_string(),
    }
}

/// `+49 30 901820` → `+49 ** ****20`: the separators stay, so the shape of the number shows.
/// The country code is kept only where the number is written with one (`+` or `00`).
pub fn phone(value: &str) -> String {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let keep_front = country_code_digits(value);
    let keep_back = 2.min(digits.saturating_sub(keep_front));
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            let front = seen <= keep_front;
            let back = seen > digits - keep_back;
            if front || back {
                c
            } else {
                MASK
            }
        })
        .collect()
}

/// How many leading digits of an international number are its country calling code (the
/// `00` of `0049` counts with them).
fn country_code_digits(value: &str) -> usize {
    let t = value.trim_start();
    let (prefix, rest) = if let Some(r) = t.strip_prefix('+') {
        (0, r)
    } else if let Some(r) = t.strip_prefix("00") {
        (2, r)
    } else {
        return 0;
    };
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let cc = rlibphonenumber::PhoneNumber::parse(format!("+{digits}"), None)
        .map(|n| n.country_code.to_string().len())
        .unwrap_or(0);
    prefix + cc
}

/// `7707083893` → `*******893`; separators stay.
pub fn registration_id(value: &str) -> String {
    let alnum = value.chars().filter(|c| c.is_alphanumeric()).count();
    let keep = 3.min(alnum);
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if !c.is_alphanumeric() {
                return c;
            }
            seen += 1;
            if seen > alnum - keep {
                c
            } else {
                MASK
            }
        })
        .collect()
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}._%+\-!#$&'*/=?^`{|}~]+@").expect("a valid pattern"));

/// Hides every e-mail local part in free text (messages, carried-through columns).
pub fn scrub_emails(text: &str) -> Cow<'_, str> {
    EMAIL.replace_all(text, "***@")
}

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\+?\d[\d \-./()]{4,}\d").expect("a valid pattern"));

/// Masks every long number (6 digits or more, separators allowed) in free text as a phone
/// number: for text whose columns cannot be trusted, such as a malformed row's excerpt.
pub fn scrub_numbers(text: &str) -> Cow<'_, str> {
    NUMBER.replace_all(text, |c: &regex::Captures| {
        let m = &c[0];
        if m.chars().filter(char::is_ascii_digit).count() >= 6 {
            phone(m)
        } else {
            m.to_string()
        }
    })
}

/// Masks the identifiers of one row wherever they appear in its free text (a finding's
/// message, a malformed row's excerpt): the row's own values are known, so they are replaced
/// exactly, then any other e-mail address is scrubbed.
#[derive(Clone, Debug, Default)]
pub struct RowMask {
    /// (value as written, its mask), longest first so that a value inside another is not
    /// replaced first.
    pairs: Vec<(String, String)>,
}

impl RowMask {
    /// A mask for the values of one row: `(field, value)` as read or as normalised.
    pub fn new<'a>(values: impl IntoIterator<Item = (Field, &'a str)>) -> RowMask {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (field, v) in values {
            let v = v.trim();
            // Very short values would mask unrelated text ("12" in a message).
            if v.chars().count() < 4 {
                continue;
            }
            if let Some(k) = kind(field) {
                if !pairs.iter().any(|(p, _)| p == v) {
                    pairs.push((v.to_string(), mask(k, v)));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        RowMask { pairs }
    }

    /// Free text with the row's identifiers masked.
    pub fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let mut out = Cow::Borrowed(text);
        for (value, masked) in &self.pairs {
            if out.contains(value.as_str()) {
                out = Cow::Owned(out.replace(value.as_str(), masked));
            }
        }
        match scrub_emails(&out) {
            Cow::Borrowed(_) => out,
            Cow::Owned(s) => Cow::Owned(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_masked() {
        let cases: &[(Kind, &str, &str)] = &[
            (Kind::Email, "anna.schmidt@contoso.de", "***@contoso.de"),
            (Kind::Email, "not-an-email", "***"),
            (Kind::Email, "", ""),
            (Kind::Phone, "+49 30 901820", "+49 ** ****20"),
            (Kind::Phone, "+4930901820", "+49******20"),
            (Kind::Phone, "0049 30 901820", "0049 ** ****20"),
            (Kind::Phone, "+1 (425) 882-8080", "+1 (***) ***-**80"),
            (Kind::Phone, "+7 495 123-45-67", "+7 *** ***-**-67"),
            (Kind::Phone, "030 901820", "*** ****20"),
            (Kind::Phone, "12", "12"),
            (Kind::Phone, "not a phone", "not a phone"),
            (Kind::RegistrationId, "7707083893", "*******893"),
            (Kind::RegistrationId, "12.345.678/0001-95", "**.***.***/***1-95"),
            (Kind::RegistrationId, "AB", "AB"),
        ];
        for (k, v, want) in cases {
            assert_eq!(mask(*k, v), *want, "{k:?} {v:?}");
        }
    }

    #[test]
    fn free_text_loses_the_rows_identifiers_and_any_address() {
        let m = RowMask::new([
            (Field::ContactEmail, "anna@contoso.de"),
            (Field::ContactPhone, "+49 30 901820"),
            (Field::RegistrationId, "7707083893"),
            (Field::CompanyName, "Contoso GmbH"),
        ]);
        let text = "Contoso GmbH | anna@contoso.de | +49 30 901820 | 7707083893 | bob@fabrikam.com";
        assert_eq!(
            m.text(text),
            "Contoso GmbH | ***@contoso.de | +49 ** ****20 | *******893 | ***@fabrikam.com"
        );
        assert_eq!(m.text("nothing here"), "nothing here");
        assert_eq!(
            scrub_numbers("Contoso | +49 30 901820 | 10117 | 2024"),
            "Contoso | +49 ** ****20 | 10117 | 2024"
        );
    }
}
