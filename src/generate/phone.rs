//! Phone numbers. Valid ones come from each city's national template: once per city, random
//! numbers of the template are checked with rlibphonenumber and those whose prefix (all but the
//! last four digits) stays valid whatever the last four digits are (0000, 9999 and two random
//! endings are checked) are kept, with their three written forms; a row's number is such a
//! prefix plus four random digits, written by putting those digits into the stored forms. This
//! keeps libphonenumber's parsing and formatting (a few microseconds each) out of the per-row
//! path; the tests check thousands of generated numbers with the tool's own phone check.
//! Invalid ones are checked to fail.

use super::data::{data, City};
use super::rng::{Purpose, Rand};
use crate::normalize::phone::{check, PhoneCheck};
use rlibphonenumber::{PhoneNumber, PhoneNumberFormat, PhoneNumberType, Region, PHONE_NUMBER_UTIL};
use std::sync::OnceLock;

/// Random digits at the end of every number.
const SUFFIX: usize = 4;
/// Valid prefixes kept per city.
const PREFIXES: usize = 64;

/// A valid number of a country, in the three ways CRMs write it.
#[derive(Clone, Debug, Default)]
pub struct Phone {
    /// `+4930123456` (what `run` writes).
    pub e164: String,
    /// `+49 30 123456`
    pub international: String,
    /// `030 123456`
    pub national: String,
}

/// How a number is written in a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `+4930123456`
    E164,
    /// `+49 30 123456`
    International,
    /// `030 123456`
    National,
}

impl Phone {
    /// The number written in a style.
    pub fn written(&self, style: Style) -> String {
        match style {
            Style::E164 => self.e164.clone(),
            Style::International => self.international.clone(),
            Style::National => self.national.clone(),
        }
    }

    /// The same number with its last digits replaced (formats keep their spacing).
    fn with_suffix(&self, suffix: &str) -> Phone {
        Phone {
            e164: replace_tail(&self.e164, suffix),
            international: replace_tail(&self.international, suffix),
            national: replace_tail(&self.national, suffix),
        }
    }
}

/// `written` with its last `suffix.len()` digits replaced by `suffix`, separators kept.
fn replace_tail(written: &str, suffix: &str) -> String {
    let mut out = written.as_bytes().to_vec();
    let mut digits = suffix.bytes().rev();
    // ASCII digits are single bytes in UTF-8, so replacing them keeps the text valid.
    for b in out.iter_mut().rev() {
        if b.is_ascii_digit() {
            match digits.next() {
                Some(d) => *b = d,
                None => break,
            }
        }
    }
    String::from_utf8(out).expect("only ASCII digits were replaced")
}

/// A random writing style (CRMs hold all three).
pub fn style(rng: &mut Rand) -> Style {
    [Style::E164, Style::International, Style::National][rng.weighted(&[3.0, 4.0, 3.0])]
}

fn fill(template: &str, rng: &mut Rand) -> String {
    template
        .chars()
        .map(|ch| match ch {
            'N' => char::from(b'2' + rng.below(8) as u8),
            'X' => char::from(b'0' + rng.below(10) as u8),
            other => other,
        })
        .collect()
}

fn parse_valid(national: &str, region: Region) -> Option<Phone> {
    let n = PhoneNumber::parse(national, Some(region)).ok()?;
    crate::normalize::phone::is_valid_for(&n, region).then(|| Phone {
        e164: n.format_as(PhoneNumberFormat::E164).into_owned(),
        international: n.format_as(PhoneNumberFormat::International).into_owned(),
        national: n.format_as(PhoneNumberFormat::National).into_owned(),
    })
}

/// A prefix (all but the last digits) that is valid whatever the last digits are: its number
/// ending in 0000, formatted.
fn stable_prefix(national: &str, region: Region, rng: &mut Rand) -> Option<Phone> {
    let head = national.get(..national.len().checked_sub(SUFFIX)?)?;
    let mut endings = vec!["0".repeat(SUFFIX), "9".repeat(SUFFIX)];
    endings.extend((0..2).map(|_| rng.digits(SUFFIX)));
    let mut sample = None;
    for end in endings {
        let p = parse_valid(&format!("{head}{end}"), region)?;
        sample.get_or_insert(p);
    }
    sample
}

/// The valid prefixes of a city, found once.
fn pool(country: &str, city: &City) -> &'static [Phone] {
    static POOLS: OnceLock<Vec<OnceLock<Vec<Phone>>>> = OnceLock::new();
    let pools = POOLS.get_or_init(|| (0..data().cities).map(|_| OnceLock::new()).collect());
    pools[city.index].get_or_init(|| {
        let Ok(region) = Region::from_code(country) else { return Vec::new() };
        // A fixed stream per city, so the pool does not depend on which row asked first.
        let mut rng = Rand::new(0, Purpose::Names, (1 << 50) + city.index as u64);
        let mut found = Vec::new();
        for _ in 0..PREFIXES * 8 {
            if found.len() == PREFIXES {
                break;
            }
            if let Some(p) = stable_prefix(&fill(&city.phone, &mut rng), region, &mut rng) {
                found.push(p);
            }
        }
        if found.is_empty() {
            // The library's example numbers are valid; try their prefixes.
            for kind in [PhoneNumberType::FixedLine, PhoneNumberType::Mobile] {
                if let Ok(ex) = PHONE_NUMBER_UTIL.get_example_number_for_type_and_region(region, kind) {
                    found.extend(stable_prefix(&ex.get_national_significant_number(), region, &mut rng));
                }
            }
        }
        found
    })
}

/// A valid number of a city (`None` only if neither its template nor the library's examples
/// give one).
pub fn valid(country: &str, city: &City, rng: &mut Rand) -> Option<Phone> {
    let pool = pool(country, city);
    (!pool.is_empty()).then(|| rng.pick(pool).with_suffix(&rng.digits(SUFFIX)))
}

/// A phone value `run` will not accept for `country`: too short, letters, a placeholder or the
/// subscriber part cut off.
pub fn invalid(country: &str, good: Option<&Phone>, rng: &mut Rand) -> String {
    for attempt in 0..8 {
        let candidate = match (attempt + rng.below(4)) % 4 {
            0 => good.map(|p| p.e164[..p.e164.len().min(7)].to_string()).unwrap_or_else(|| "12345".into()),
            1 => "n/a - call reception".to_string(),
            2 => format!("000 {}", rng.digits(4)),
            _ => {
                let n = 3 + rng.index(3);
                rng.digits(n)
            }
        };
        if check(&candidate, Some(country)) != PhoneCheck::Valid {
            return candidate;
        }
    }
    "123".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_city_gives_numbers_valid_in_every_style() {
        let mut rng = Rand::new(5, Purpose::Row, 1);
        for c in &data().countries {
            for city in &c.cities {
                assert!(pool(&c.code, city).len() >= 8, "{} {}: few valid prefixes", c.code, city.name);
                for _ in 0..40 {
                    let p = valid(&c.code, city, &mut rng)
                        .unwrap_or_else(|| panic!("{} {}: no valid number", c.code, city.name));
                    for s in [Style::E164, Style::International, Style::National] {
                        let w = p.written(s);
                        assert_eq!(
                            check(&w, Some(&c.code)),
                            PhoneCheck::Valid,
                            "{} {}: {w}",
                            c.code,
                            city.name
                        );
                        assert_eq!(
                            crate::normalize::phone::to_e164(&w, &c.code).as_deref(),
                            Some(p.e164.as_str())
                        );
                    }
                }
                let bad = invalid(&c.code, None, &mut rng);
                assert_ne!(check(&bad, Some(&c.code)), PhoneCheck::Valid, "{bad}");
            }
        }
        assert_eq!(replace_tail("+49 30 12-34", "9876"), "+49 30 98-76");
    }
}
