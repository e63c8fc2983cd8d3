//! Phone numbers: parsed and validated for the record's country with rlibphonenumber (a Rust
//! port of Google's libphonenumber), written as E.164; in a request body, in the form Partner
//! Center's published pattern for the country accepts.

use super::markets;
use rlibphonenumber::{PhoneNumber, PhoneNumberFormat, Region, PHONE_NUMBER_UTIL};

/// What a phone value turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneCheck {
    /// No number given.
    Empty,
    /// A valid number of the record's country.
    Valid,
    /// A valid number, but of another country.
    OtherCountry,
    /// Not a valid number (or the record has no usable country).
    Invalid,
}

fn parse(raw: &str, country: &str) -> Option<PhoneNumber> {
    let region = Region::from_code(country).ok();
    PhoneNumber::parse(raw, region).ok()
}

/// The E.164 form of a number valid for `country` (or valid anywhere when written with `+`).
pub fn to_e164(raw: &str, country: &str) -> Option<String> {
    let n = parse(raw, country)?;
    n.is_valid().then(|| n.format_as(PhoneNumberFormat::E164).into_owned())
}

/// Checks a number against the record's country.
pub fn check(raw: &str, country: Option<&str>) -> PhoneCheck {
    check_e164(raw, country).0
}

/// Checks a number against the record's country and, when it is a valid number, gives its
/// E.164 form (one parse for both).
pub fn check_e164(raw: &str, country: Option<&str>) -> (PhoneCheck, Option<String>) {
    if raw.trim().is_empty() {
        return (PhoneCheck::Empty, None);
    }
    let e164 = |n: &PhoneNumber| Some(n.format_as(PhoneNumberFormat::E164).into_owned());
    let Some(cc) = country else {
        // Without a country only an international number can be judged.
        return match PhoneNumber::parse(raw, None) {
            Ok(n) if n.is_valid() => (PhoneCheck::OtherCountry, e164(&n)),
            _ => (PhoneCheck::Invalid, None),
        };
    };
    let Some(n) = parse(raw, cc) else {
        return (PhoneCheck::Invalid, None);
    };
    match Region::from_code(cc) {
        Ok(r) if is_valid_for(&n, r) => (PhoneCheck::Valid, e164(&n)),
        // A calling code of this one country: `is_valid` would test the same region again.
        Ok(r) if sole_region(&n) == Some(r) => (PhoneCheck::Invalid, None),
        _ if n.is_valid() => (PhoneCheck::OtherCountry, e164(&n)),
        _ => (PhoneCheck::Invalid, None),
    }
}

/// Whether `n` is a valid number of region `r`: its calling code is the region's, and its
/// national number fits one of the region's number types. rlibphonenumber's
/// `is_valid_for_region` leaves out the first test that libphonenumber makes
/// (`isValidNumberForRegion`), so a number of another country whose national digits happen to
/// fit this one's patterns would pass (`0056466878` in a German row: +56, Chile, with digits a
/// German number could have); the first test is also the cheap one.
pub fn is_valid_for(n: &PhoneNumber, r: Region) -> bool {
    PHONE_NUMBER_UTIL.get_country_code_for_region(r) == Some(n.country_code) && n.is_valid_for_region(r)
}

/// The region of a number's calling code when the code has only one (`+49`: DE, not `+1`).
fn sole_region(n: &PhoneNumber) -> Option<Region> {
    let mut regions = PHONE_NUMBER_UTIL.get_regions_for_country_calling_code(n.country_code)?;
    if regions.len() == 1 {
        regions.next()
    } else {
        None
    }
}

/// The phone number as a create-customer request carries it for a row of `cc`, from the value
/// in `clean/customers.csv` (E.164 when it was valid, else as written). Where Partner Center
/// publishes a phone pattern (US, and CA on the same numbering plan) it has no `+` and no
/// spaces, so the national digits go (`2065550188`); a number that cannot fit it (another
/// country's, or not a number) is left out, as the field is optional there. Elsewhere the
/// value goes as it is.
pub fn for_request<'a>(cc: &str, value: &'a str) -> Option<&'a str> {
    if value.is_empty() {
        return None;
    }
    let Some(m) = markets::phone_market(cc) else { return Some(value) };
    let national =
        m.calling_codes.iter().find_map(|code| value.strip_prefix('+')?.strip_prefix(code.as_str()))?;
    m.phone.is_match(national).then_some(national)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_checked_against_the_country() {
        let cases: &[(&str, Option<&str>, PhoneCheck)] = &[
            ("+49 30 901820", Some("DE"), PhoneCheck::Valid),
            ("030 901820", Some("DE"), PhoneCheck::Valid),
            ("(123) 456-7890", Some("US"), PhoneCheck::Invalid),
            ("(425) 882-8080", Some("US"), PhoneCheck::Valid),
            ("+44 20 7946 0958", Some("DE"), PhoneCheck::OtherCountry),
            ("12345", Some("DE"), PhoneCheck::Invalid),
            ("not a phone", Some("FR"), PhoneCheck::Invalid),
            ("", Some("FR"), PhoneCheck::Empty),
            ("+7 495 123-45-67", Some("RU"), PhoneCheck::Valid),
            // Calling codes several countries share: an invalid-here number is still tried
            // for the others (only a code of the row's country alone skips that).
            ("+7 495 123-45-67", Some("KZ"), PhoneCheck::OtherCountry),
            ("+1 416 979 2212", Some("US"), PhoneCheck::OtherCountry),
            ("+49 30 12", Some("DE"), PhoneCheck::Invalid),
            // `00` dials out of Germany: +56 466878 is no number of Chile's, and its digits
            // fitting a German pattern do not make it German (rlibphonenumber alone said Valid,
            // and the clean file carried +56466878 for a German customer).
            ("0056466878", Some("DE"), PhoneCheck::Invalid),
            ("(00635) 238378", Some("DE"), PhoneCheck::Invalid),
            ("0044 20 7946 0958", Some("DE"), PhoneCheck::OtherCountry),
        ];
        for (raw, cc, want) in cases {
            assert_eq!(check(raw, *cc), *want, "{raw:?} in {cc:?}");
        }
        assert_eq!(to_e164("030 901820", "DE").as_deref(), Some("+4930901820"));
    }

    #[test]
    fn request_bodies_carry_the_form_partner_center_accepts() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("US", "+12065550188", Some("2065550188")),
            ("CA", "+14165550188", Some("4165550188")),
            ("US", "+14165550188", Some("4165550188")),
            ("US", "+442079460958", None),
            ("US", "(123) 456-7890", None),
            ("US", "", None),
            ("DE", "+4930901820", Some("+4930901820")),
            ("DE", "030 90", Some("030 90")),
            ("GB", "", None),
        ];
        for &(cc, value, want) in cases {
            assert_eq!(for_request(cc, value), want, "{cc} {value:?}");
        }
        assert_eq!(to_e164("12345", "DE"), None);
    }
}
