//! Brazil (reference §4): CNPJ for entities (numeric, or alphanumeric from
//! July 2026) and CPF for persons. Length alone tells them apart.

use super::helpers::{all_same, digits_len, serial, to_string};
use super::Verdict;

const CNPJ: &str = "CNPJ";
const CPF: &str = "CPF (a person's ID)";
const CNPJ_FORMAT: &str = "14 characters (CNPJ), e.g. 12.345.678/0001-95";

/// Mod-11 check digit used by both CNPJ and CPF: `r < 2 ⇒ 0`, else `11 − r`.
fn dv(sum: u32) -> u8 {
    let r = sum % 11;
    if r < 2 {
        0
    } else {
        (11 - r) as u8
    }
}

/// The two CNPJ check digits for the 12 character values (`ASCII − 48`,
/// so `0`–`9` → 0–9 and `A`–`Z` → 17–42).
fn cnpj_check(v: &[u32]) -> (u8, u8) {
    const W1: [u32; 12] = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const W2: [u32; 12] = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3];
    let s1: u32 = v.iter().zip(W1).map(|(v, w)| v * w).sum();
    let d1 = dv(s1);
    let s2: u32 = v.iter().zip(W2).map(|(v, w)| v * w).sum::<u32>() + 2 * u32::from(d1);
    (d1, dv(s2))
}

/// The two CPF check digits for the first 9 digits.
fn cpf_check(d: &[u8]) -> (u8, u8) {
    let s1: u32 = d[..9].iter().zip((2..=10).rev()).map(|(&d, w)| u32::from(d) * w).sum();
    let d1 = dv(s1);
    let s2: u32 =
        d[..9].iter().zip((3..=11).rev()).map(|(&d, w)| u32::from(d) * w).sum::<u32>() + 2 * u32::from(d1);
    (d1, dv(s2))
}

/// True if both CPF check digits match (repeated digits are not excluded).
fn cpf_valid(d: &[u8]) -> bool {
    cpf_check(d) == (d[9], d[10])
}

pub(crate) fn validate(id: &str) -> Verdict {
    let format = Verdict::Format { expected: CNPJ_FORMAT };
    if id.len() == 11 {
        let Some(d) = digits_len(id, 11) else {
            return format;
        };
        // Repeated digits (111.111.111-11) pass the checksum but are never
        // issued: a placeholder, not a person's ID.
        if all_same(id) {
            return format;
        }
        // 11 digits is the CPF shape; a wrong check digit is most likely a
        // mistyped CPF, so name it as such.
        return if cpf_valid(&d) { Verdict::Personal { kind: CPF } } else { Verdict::Checksum { kind: CPF } };
    }
    let b = id.as_bytes();
    if b.len() != 14
        || !b[..12].iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        || !b[12..].iter().all(u8::is_ascii_digit)
        || b[..12].iter().all(|&c| c == b'0')
        || all_same(id)
    {
        return format;
    }
    let v: Vec<u32> = b[..12].iter().map(|&c| u32::from(c - b'0')).collect();
    let (d1, d2) = cnpj_check(&v);
    if (b[12] - b'0', b[13] - b'0') == (d1, d2) {
        Verdict::Valid { kind: CNPJ }
    } else {
        Verdict::Checksum { kind: CNPJ }
    }
}

/// A numeric CNPJ written `NN.NNN.NNN/NNNN-NN`; every fifth one is a branch.
pub(crate) fn example_cnpj(n: u64) -> String {
    let mut d = serial(n, 8);
    d.extend([0, 0, 0, if n % 5 == 4 { 2 } else { 1 }]);
    let v: Vec<u32> = d.iter().map(|&x| u32::from(x)).collect();
    let (d1, d2) = cnpj_check(&v);
    d.extend([d1, d2]);
    let s = to_string(&d);
    format!("{}.{}.{}/{}-{}", &s[..2], &s[2..5], &s[5..8], &s[8..12], &s[12..])
}

/// A CPF written `NNN.NNN.NNN-NN`.
pub(crate) fn example_cpf(n: u64) -> String {
    let mut d = serial(n, 9);
    if d.iter().all(|&x| x == d[0]) {
        d[8] = (d[8] + 1) % 10;
    }
    let (d1, d2) = cpf_check(&d);
    d.extend([d1, d2]);
    let s = to_string(&d);
    format!("{}.{}.{}-{}", &s[..3], &s[3..6], &s[6..9], &s[9..])
}

#[cfg(test)]
mod tests {
    use super::super::compact;
    use super::*;

    #[test]
    fn table() {
        let valid = Verdict::Valid { kind: CNPJ };
        let bad = Verdict::Checksum { kind: CNPJ };
        let person = Verdict::Personal { kind: CPF };
        let bad_cpf = Verdict::Checksum { kind: CPF };
        let format = Verdict::Format { expected: CNPJ_FORMAT };
        let cases = [
            ("16.727.230/0001-97", valid.clone()),
            ("00.000.000/0001-91", valid.clone()),
            ("33.000.167/0001-01", valid.clone()),
            // Alphanumeric CNPJ (July 2026), reference §26.
            ("12.ABC.345/01DE-35", valid.clone()),
            ("12ABC34501DE35", valid.clone()),
            // Own vector: 11.222.333/0001-81 (a well-known sample CNPJ).
            ("11.222.333/0001-81", valid.clone()),
            ("16.727.230/0001-98", bad.clone()),
            ("12.ABC.345/01DE-36", bad.clone()),
            ("11.111.111/1111-11", format.clone()),
            ("00.000.000/0000-00", format.clone()),
            ("12.ABC.345/01DE-3A", format.clone()),
            ("12.abc.345/01de-35", format.clone()),
            ("1672723000019", format.clone()),
            ("167272300001977", format.clone()),
            ("390.533.447-05", person.clone()),
            ("111.444.777-35", person.clone()),
            ("231.002.999-00", bad_cpf.clone()),
            ("111.444.777-36", bad_cpf),
            // Repeated digits pass the CPF checksum but are placeholders.
            ("111.111.111-11", format.clone()),
            ("000.000.000-00", format.clone()),
            ("390.533.447-0A", format),
        ];
        for (raw, want) in cases {
            let id = if raw.chars().any(|c| c.is_ascii_lowercase()) {
                raw.replace(['.', '/', '-'], "")
            } else {
                compact(raw, Some("BR"))
            };
            assert_eq!(validate(&id), want, "{raw}");
        }
    }

    #[test]
    fn repeated_cpf_passes_checksum_but_is_rejected() {
        let d = [1u8; 11];
        assert!(cpf_valid(&d), "the arithmetic alone accepts it");
        assert!(!matches!(validate("11111111111"), Verdict::Personal { .. }));
    }

    #[test]
    fn check_digit_functions() {
        assert_eq!(dv(0), 0);
        assert_eq!(dv(1), 0);
        assert_eq!(dv(2), 9);
        assert_eq!(dv(10), 1);
        assert_eq!(cpf_check(&[3, 9, 0, 5, 3, 3, 4, 4, 7]), (0, 5));
        // Letter values: 'A' - '0' = 17.
        let v: Vec<u32> = "12ABC34501DE".bytes().map(|c| u32::from(c - b'0')).collect();
        assert_eq!(v[2], 17);
        assert_eq!(cnpj_check(&v), (3, 5));
    }

    #[test]
    fn examples_are_formatted() {
        assert_eq!(example_cnpj(0).len(), 18);
        assert_eq!(example_cpf(0).len(), 14);
        assert!(example_cnpj(4).contains("/0002-"));
    }
}
