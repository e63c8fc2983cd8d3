//! Central Asian IDs: Kazakhstan BIN/IIN (reference §8, mod 11 with two
//! weight sets), Kyrgyzstan INN (§9, format only) and Uzbekistan INN/STIR
//! (§22, format only).

use super::helpers::{digits, digits_len, fixed, is_valid_date, serial, to_string, weighted_sum, Rng};
use super::Verdict;

// ---------------------------------------------------------------- Kazakhstan

const BIN: &str = "BIN";
const IIN: &str = "IIN (a person's ID)";
const KZ_FORMAT: &str = "12 digits (BIN): YYMM, type 4/5/6, unit 0–3, serial, check digit";

/// BIN/IIN check digit for the first 11 digits, `None` when both weight
/// passes give 10 (such numbers are not issued; reference §8).
fn kz_check(d: &[u8]) -> Option<u8> {
    let r = weighted_sum(&d[..11], &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) % 11;
    if r != 10 {
        return Some(r as u8);
    }
    let r = weighted_sum(&d[..11], &[3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) % 11;
    (r != 10).then_some(r as u8)
}

/// True if the first 7 digits are a plausible IIN: YYMMDD birth date and a
/// century/gender digit 1–6.
fn iin_shape(d: &[u8]) -> bool {
    let century = match d[6] {
        1 | 2 => 1800,
        3 | 4 => 1900,
        5 | 6 => 2000,
        _ => return false,
    };
    let year = century + u32::from(d[0] * 10 + d[1]);
    is_valid_date(year, u32::from(d[2] * 10 + d[3]), u32::from(d[4] * 10 + d[5]))
}

pub(crate) fn validate_kz(id: &str) -> Verdict {
    let format = Verdict::Format { expected: KZ_FORMAT };
    let Some(d) = digits_len(id, 12) else {
        return format;
    };
    // The 5th digit tells the two apart: 4/5/6 is a BIN type, while in an IIN
    // (YYMMDD…) it is the tens digit of the birth day, 0–3. (Reference §8
    // says "month", but its own IIN vector 061211600012 has day 11 there.)
    let kind = match d[4] {
        4..=6 => {
            let month = d[2] * 10 + d[3];
            if !(1..=12).contains(&month) || d[5] > 3 {
                return format;
            }
            BIN
        }
        0..=3 if iin_shape(&d) => IIN,
        _ => return format,
    };
    if kz_check(&d) != Some(d[11]) {
        Verdict::Checksum { kind }
    } else if kind == IIN {
        Verdict::Personal { kind }
    } else {
        Verdict::Valid { kind }
    }
}

pub(crate) fn example_kz(n: u64) -> String {
    let mut rng = Rng::new("KZ", n);
    let mut d = vec![0u8; 12];
    d[4] = rng.pick(&[4, 4, 4, 5, 6]);
    d[5] = rng.pick(&[0, 0, 0, 1, 2]);
    d[6..11].copy_from_slice(&serial(n, 5));
    loop {
        d[..2].copy_from_slice(&fixed(rng.range(0, 25), 2));
        d[2..4].copy_from_slice(&fixed(rng.range(1, 12), 2));
        if let Some(c) = kz_check(&d) {
            d[11] = c;
            return to_string(&d);
        }
    }
}

pub(crate) fn example_iin(n: u64) -> String {
    let mut rng = Rng::new("KZ-person", n);
    let mut d = vec![0u8; 12];
    d[7..11].copy_from_slice(&fixed(n % 10_000, 4));
    loop {
        let year = rng.range(1940, 2006);
        let month = rng.range(1, 12);
        let day = rng.range(1, 28);
        d[..2].copy_from_slice(&fixed(year % 100, 2));
        d[2..4].copy_from_slice(&fixed(month, 2));
        d[4..6].copy_from_slice(&fixed(day, 2));
        d[6] = if year < 2000 { 3 } else { 5 } + rng.digit(0, 1);
        if let Some(c) = kz_check(&d) {
            d[11] = c;
            return to_string(&d);
        }
    }
}

// ---------------------------------------------------------------- Kyrgyzstan

const KG_ENTITY: &str = "INN (14 digits)";
const KG_PERSON: &str = "INN/PIN of a person (1st digit 1 or 2)";
const KG_FORMAT: &str = "14 digits (INN)";

/// Kyrgyz INN: 14 digits, no published check digit. A first digit of 1 or 2
/// is the gender digit of a personal ID number. The reference marks this as
/// uncertain (one listed legal entity has a 2…), but it is the documented
/// structure, so it is reported as personal.
pub(crate) fn validate_kg(id: &str) -> Verdict {
    match digits_len(id, 14) {
        Some(d) if d[0] == 1 || d[0] == 2 => Verdict::Personal { kind: KG_PERSON },
        Some(_) => Verdict::Valid { kind: KG_ENTITY },
        None => Verdict::Format { expected: KG_FORMAT },
    }
}

/// First digit, then a DDMMYYYY date, then a 5-digit sequence.
fn make_kg(n: u64, first: u8, salt: &str, years: (u64, u64)) -> String {
    let mut rng = Rng::new(salt, n);
    let mut d = vec![first];
    d.extend(fixed(rng.range(1, 28), 2));
    d.extend(fixed(rng.range(1, 12), 2));
    d.extend(fixed(rng.range(years.0, years.1), 4));
    d.extend(serial(n, 5));
    to_string(&d)
}

pub(crate) fn example_kg(n: u64) -> String {
    make_kg(n, 0, "KG", (1992, 2024))
}

pub(crate) fn example_personal_kg(n: u64) -> String {
    make_kg(n, 1 + (n % 2) as u8, "KG-person", (1940, 2005))
}

// ---------------------------------------------------------------- Uzbekistan

const UZ_ENTITY: &str = "INN/STIR of a legal entity";
const UZ_VAT: &str = "VAT registration code (12 digits)";
const UZ_PERSON: &str = "INN of an individual (1st digit 4–7)";
const UZ_PINFL: &str = "PINFL (a person's ID)";
const UZ_FORMAT: &str = "9 digits (INN/STIR) starting with 2 or 3";

/// Uzbek INN/STIR: 9 digits; the check digit algorithm is unpublished, so
/// only the shape and the first-digit class are checked.
pub(crate) fn validate_uz(id: &str) -> Verdict {
    let format = Verdict::Format { expected: UZ_FORMAT };
    let Some(d) = digits(id) else {
        return format;
    };
    match (d.len(), d[0]) {
        (9, 2 | 3) => Verdict::Valid { kind: UZ_ENTITY },
        (9, 4..=7) => Verdict::Personal { kind: UZ_PERSON },
        (12, _) => Verdict::Valid { kind: UZ_VAT },
        // The PINFL check digit is only "reportedly" 7-3-1 mod 10, so it is
        // not verified.
        (14, _) => Verdict::Personal { kind: UZ_PINFL },
        _ => format,
    }
}

pub(crate) fn example_uz(n: u64) -> String {
    let mut d = vec![2 + (n % 2) as u8];
    d.extend(serial(n, 8));
    to_string(&d)
}

pub(crate) fn example_personal_uz(n: u64) -> String {
    let mut rng = Rng::new("UZ-person", n);
    if n.is_multiple_of(2) {
        let mut d = vec![rng.digit(4, 7)];
        d.extend(serial(n, 8));
        return to_string(&d);
    }
    // PINFL: century/gender digit, DDMMYY, district, serial, check.
    let mut d = vec![rng.digit(3, 6)];
    d.extend(fixed(rng.range(1, 28), 2));
    d.extend(fixed(rng.range(1, 12), 2));
    d.extend(fixed(rng.range(0, 99), 2));
    d.extend(serial(n, 6));
    d.push(rng.digit(0, 9));
    to_string(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakhstan_table() {
        let format = Verdict::Format { expected: KZ_FORMAT };
        let cases = [
            ("940140000385", Verdict::Valid { kind: BIN }),
            ("990140004654", Verdict::Valid { kind: BIN }),
            ("950341000052", Verdict::Valid { kind: BIN }),
            ("070941024691", Verdict::Valid { kind: BIN }),
            ("950440001673", Verdict::Valid { kind: BIN }),
            ("000640002067", Verdict::Valid { kind: BIN }),
            // Reference §26: needs the second weight pass.
            ("190540000503", Verdict::Valid { kind: BIN }),
            ("940140000386", Verdict::Checksum { kind: BIN }),
            ("949940000385", format.clone()),
            ("940190000385", format.clone()),
            ("940104000385", format.clone()),
            ("9401400003851", format.clone()),
            ("94014000038", format.clone()),
            ("061211600012", Verdict::Personal { kind: IIN }),
            ("061211600013", Verdict::Checksum { kind: IIN }),
            // IIN with an impossible date (31 November) or century digit 7.
            ("061131600012", format.clone()),
            // Own vector: IIN born on the 30th (5th digit 3).
            ("850630300001", Verdict::Personal { kind: IIN }),
            ("061211700012", format.clone()),
        ];
        for (id, want) in cases {
            assert_eq!(validate_kz(id), want, "{id}");
        }
    }

    #[test]
    fn kazakhstan_both_passes_ten() {
        // Reference §26: prefix 19054000059 gives 10 in both passes.
        assert_eq!(kz_check(&[1, 9, 0, 5, 4, 0, 0, 0, 0, 5, 9]), None);
        for c in 0..=9 {
            let id = format!("19054000059{c}");
            assert_eq!(validate_kz(&id), Verdict::Checksum { kind: BIN }, "{id}");
        }
        // The second pass alone: first pass 10, second pass 3.
        assert_eq!(kz_check(&[1, 9, 0, 5, 4, 0, 0, 0, 0, 5, 0]), Some(3));
    }

    #[test]
    fn kyrgyzstan_table() {
        let format = Verdict::Format { expected: KG_FORMAT };
        let cases = [
            ("02507199510010", Verdict::Valid { kind: KG_ENTITY }),
            ("12507199510010", Verdict::Personal { kind: KG_PERSON }),
            ("20502198100469", Verdict::Personal { kind: KG_PERSON }),
            ("0250719951001", format.clone()),
            ("025071995100100", format.clone()),
            ("0250719951001A", format),
        ];
        for (id, want) in cases {
            assert_eq!(validate_kg(id), want, "{id}");
        }
    }

    #[test]
    fn uzbekistan_table() {
        let format = Verdict::Format { expected: UZ_FORMAT };
        let cases = [
            ("303303592", Verdict::Valid { kind: UZ_ENTITY }),
            ("203303592", Verdict::Valid { kind: UZ_ENTITY }),
            ("624151850", Verdict::Personal { kind: UZ_PERSON }),
            ("424151850", Verdict::Personal { kind: UZ_PERSON }),
            ("326090004631", Verdict::Valid { kind: UZ_VAT }),
            ("31507851234567", Verdict::Personal { kind: UZ_PINFL }),
            ("30330359", format.clone()),
            ("103303592", format.clone()),
            ("803303592", format.clone()),
            ("3033035921", format.clone()),
            ("30330359A", format),
        ];
        for (id, want) in cases {
            assert_eq!(validate_uz(id), want, "{id}");
        }
    }
}
