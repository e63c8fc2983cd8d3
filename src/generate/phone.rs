//! Phone numbers: valid ones from each city's national template with random subscriber digits,
//! kept only when rlibphonenumber says they are valid for the country (falling back to the
//! library's own example number, with its last digits varied); invalid ones checked to fail.

use super::rng::Rand;
use crate::normalize::phone::{check, PhoneCheck};
use rlibphonenumber::{PhoneNumber, PhoneNumberFormat, PhoneNumberType, Region, PHONE_NUMBER_UTIL};

/// A valid number of a country.
#[derive(Clone, Debug)]
pub struct Phone {
    number: PhoneNumber,
    /// The E.164 form (what `run` writes).
    pub e164: String,
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
            Style::International => self.number.format_as(PhoneNumberFormat::International).into_owned(),
            Style::National => self.number.format_as(PhoneNumberFormat::National).into_owned(),
        }
    }
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
    n.is_valid_for_region(region).then(|| {
        let e164 = n.format_as(PhoneNumberFormat::E164).into_owned();
        Phone { number: n, e164 }
    })
}

/// A valid number for `country` from a national template (`N` = 2–9, `X` = any digit).
pub fn valid(country: &str, template: &str, rng: &mut Rand) -> Option<Phone> {
    let region = Region::from_code(country).ok()?;
    for _ in 0..24 {
        if let Some(p) = parse_valid(&fill(template, rng), region) {
            return Some(p);
        }
    }
    // The library's example numbers are valid; vary their last four digits.
    for kind in [PhoneNumberType::FixedLine, PhoneNumberType::Mobile] {
        let Ok(ex) = PHONE_NUMBER_UTIL.get_example_number_for_type_and_region(region, kind) else {
            continue;
        };
        let nsn = ex.get_national_significant_number();
        for _ in 0..8 {
            let keep = nsn.len().saturating_sub(4);
            if let Some(p) = parse_valid(&format!("{}{}", &nsn[..keep], rng.digits(nsn.len() - keep)), region)
            {
                return Some(p);
            }
        }
        if let Some(p) = parse_valid(&nsn, region) {
            return Some(p);
        }
    }
    None
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
    use super::super::data::data;
    use super::super::rng::Purpose;
    use super::*;

    #[test]
    fn every_template_gives_numbers_valid_in_every_style() {
        let mut rng = Rand::new(5, Purpose::Row, 1);
        for c in &data().countries {
            for city in &c.cities {
                for _ in 0..10 {
                    let p = valid(&c.code, &city.phone, &mut rng)
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
        assert!(valid("US", "zzz", &mut rng).is_some(), "falls back to the library's example");
    }
}
