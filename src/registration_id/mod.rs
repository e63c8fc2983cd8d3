//! Organisation registration / tax ID checks for the 24 countries where
//! Partner Center requires one: normalisation, per-country format and
//! check-digit rules, business-versus-personal detection, and example IDs.
//!
//! Facts come from `shared/reference/registration-ids.md`; each country
//! file cites the section it implements.
//!
//! Policy for personal IDs: a number is reported as [`Verdict::Personal`]
//! when its shape is that of a personal ID (length, letters, or a marker digit
//! such as Russia's 12-digit INN or Azerbaijan's 10th digit) and, where that
//! personal ID has a check digit, the check digit matches. A personal-shaped
//! number with a wrong check digit is reported as [`Verdict::Checksum`] with
//! a `kind` that names the personal ID, so the user learns both facts.

mod am_sa_ae;
mod az_by;
mod br;
mod format_only;
mod helpers;
mod hu;
mod in_;
mod kz_kg_uz;
mod md_mm_iq;
mod normalise;
mod pl;
mod ru;
mod th_vn;
mod tr;
mod ua;
mod ve;
mod za;

pub use normalise::compact;

/// The 24 ISO alpha-2 codes where Partner Center requires a registration ID (and phone).
pub const REQUIRED_COUNTRIES: [&str; 24] = [
    "AM", "AZ", "BY", "BR", "HU", "IN", "IQ", "KZ", "KG", "MD", "MM", "PL", "RU", "SA", "ZA", "SS", "TJ",
    "TH", "TR", "UA", "AE", "UZ", "VE", "VN",
];

/// True if `country` (an upper-case alpha-2 code) is one of
/// [`REQUIRED_COUNTRIES`].
pub fn is_required(country: &str) -> bool {
    REQUIRED_COUNTRIES.contains(&country)
}

/// The outcome of checking one registration ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A valid business ID; `kind` names which one, e.g. "CNPJ", "INN (10 digits)", "NIP".
    Valid {
        /// Which identifier matched.
        kind: &'static str,
    },
    /// Wrong length or characters; `expected` is a short human description, e.g. "10 digits (INN) or 13 digits (OGRN)".
    Format {
        /// What a valid value looks like.
        expected: &'static str,
    },
    /// Right shape, but the check digit does not match; `kind` names the ID type.
    Checksum {
        /// The identifier whose check digit failed.
        kind: &'static str,
    },
    /// A personal ID of that country, not a business tax ID, e.g. "CPF (a person's ID)", "12-digit INN of a person or sole trader".
    Personal {
        /// Which personal identifier was recognised.
        kind: &'static str,
    },
}

/// `Format::expected` for values made of one repeated character.
const PLACEHOLDER: &str = "a real ID, not one character repeated";

/// Validate an already-compacted ID for one of the 24 countries. For any
/// other country return `Valid { kind: "not checked" }`.
pub fn validate(country: &str, compact: &str) -> Verdict {
    if !is_required(country) {
        return Verdict::Valid { kind: "not checked" };
    }
    // "0000000000", "1111111111", …: several schemes accept these
    // arithmetically (NIP, REGON, CPF), but they are placeholders.
    if compact.len() > 1 && helpers::all_same(compact) {
        return Verdict::Format { expected: PLACEHOLDER };
    }
    match country {
        "AM" => am_sa_ae::validate_am(compact),
        "AZ" => az_by::validate_az(compact),
        "BY" => az_by::validate_by(compact),
        "BR" => br::validate(compact),
        "HU" => hu::validate(compact),
        "IN" => in_::validate(compact),
        "IQ" => md_mm_iq::validate_iq(compact),
        "KZ" => kz_kg_uz::validate_kz(compact),
        "KG" => kz_kg_uz::validate_kg(compact),
        "MD" => md_mm_iq::validate_md(compact),
        "MM" => md_mm_iq::validate_mm(compact),
        "PL" => pl::validate(compact),
        "RU" => ru::validate(compact),
        "SA" => am_sa_ae::validate_sa(compact),
        "ZA" => za::validate(compact),
        "SS" => format_only::validate_ss(compact),
        "TJ" => format_only::validate_tj(compact),
        "TH" => th_vn::validate_th(compact),
        "TR" => tr::validate(compact),
        "UA" => ua::validate(compact),
        "AE" => am_sa_ae::validate_ae(compact),
        "UZ" => kz_kg_uz::validate_uz(compact),
        "VE" => ve::validate(compact),
        "VN" => th_vn::validate_vn(compact),
        _ => Verdict::Valid { kind: "not checked" },
    }
}

/// A deterministic valid business ID for `country` (one of the 24),
/// different for different `n` (at least for `n` below 10 000), with real
/// check digits. The result is in the country's usual written form and may
/// contain separators or a prefix; pass it through [`compact`] before
/// [`validate`]. `None` for countries outside the 24.
pub fn example_valid(country: &str, n: u64) -> Option<String> {
    Some(match country {
        "AM" => am_sa_ae::example_am(n),
        "AZ" => az_by::example_az(n),
        "BY" => az_by::example_by(n),
        "BR" => br::example_cnpj(n),
        "HU" => hu::example_valid(n),
        "IN" => in_::example_valid(n),
        "IQ" => md_mm_iq::example_iq(n),
        "KZ" => kz_kg_uz::example_kz(n),
        "KG" => kz_kg_uz::example_kg(n),
        "MD" => md_mm_iq::example_md(n),
        "MM" => md_mm_iq::example_mm(n),
        "PL" => pl::example_valid(n),
        "RU" => ru::example_valid(n),
        "SA" => am_sa_ae::example_sa(n),
        "ZA" => za::example_valid(n),
        "SS" => format_only::example_ss(n),
        "TJ" => format_only::example_tj(n),
        "TH" => th_vn::example_th(n),
        "TR" => tr::example_vkn(n),
        "UA" => ua::example_edrpou(n),
        "AE" => am_sa_ae::example_ae(n),
        "UZ" => kz_kg_uz::example_uz(n),
        "VE" => ve::example_valid(n),
        "VN" => th_vn::example_vn(n),
        _ => return None,
    })
}

/// A deterministic personal ID for `country` where the reference describes
/// one (e.g. BR CPF, RU 12-digit INN, KZ IIN, PL PESEL, TR TCKN, UA RNOKPP,
/// VE V-RIF, IN individual PAN), with valid check digits where it has them;
/// `None` where no personal form is distinguishable (IQ, SS, TJ) or the
/// country is not one of the 24.
pub fn example_personal(country: &str, n: u64) -> Option<String> {
    Some(match country {
        "AM" => am_sa_ae::example_personal_am(n),
        "AZ" => az_by::example_personal_az(n),
        "BY" => az_by::example_personal_by(n),
        "BR" => br::example_cpf(n),
        "HU" => hu::example_personal(n),
        "IN" => in_::example_personal(n),
        "KZ" => kz_kg_uz::example_iin(n),
        "KG" => kz_kg_uz::example_personal_kg(n),
        "MD" => md_mm_iq::example_idnp(n),
        "MM" => md_mm_iq::example_nrc(n),
        "PL" => pl::example_pesel(n),
        "RU" => ru::example_personal(n),
        "SA" => am_sa_ae::example_personal_sa(n),
        "ZA" => za::example_personal(n),
        "TH" => th_vn::example_personal_th(n),
        "TR" => tr::example_tckn(n),
        "UA" => ua::example_rnokpp(n),
        "AE" => am_sa_ae::example_personal_ae(n),
        "UZ" => kz_kg_uz::example_personal_uz(n),
        "VE" => ve::example_personal(n),
        "VN" => th_vn::example_personal_vn(n),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn required_countries() {
        assert_eq!(REQUIRED_COUNTRIES.len(), 24);
        let set: HashSet<_> = REQUIRED_COUNTRIES.iter().collect();
        assert_eq!(set.len(), 24, "no duplicates");
        for c in REQUIRED_COUNTRIES {
            assert!(is_required(c), "{c}");
        }
        for c in ["US", "CN", "DE", "ru", "", "RUS"] {
            assert!(!is_required(c), "{c}");
        }
    }

    #[test]
    fn other_countries_are_not_checked() {
        assert_eq!(validate("DE", "anything"), Verdict::Valid { kind: "not checked" });
        assert_eq!(example_valid("DE", 0), None);
        assert_eq!(example_personal("DE", 0), None);
    }

    #[test]
    fn odd_input_never_panics() {
        let inputs = [
            "",
            "Ж",
            "ЖЖ1234567",
            "Ж123456789",
            "é12345678",
            "😀😀😀",
            "(",
            ")",
            "1(",
            "1AAA()",
            "12ABC()123456",
            "٣١٨١٣",
            "V",
            "VЖ12345678",
            "1234567890123456789012345",
        ];
        for c in REQUIRED_COUNTRIES {
            for raw in inputs {
                let _ = validate(c, raw);
                let _ = validate(c, &compact(raw, Some(c)));
            }
        }
    }

    #[test]
    fn placeholders_are_rejected() {
        let f = Verdict::Format { expected: PLACEHOLDER };
        // Each of these passes its country's arithmetic.
        for (c, id) in [
            ("PL", "1111111111"),
            ("PL", "0000000000"),
            ("PL", "000000000"),
            ("BR", "11111111111"),
            ("MD", "0000000000000"),
            ("IQ", "1111"),
            ("AM", "00000000"),
        ] {
            assert_eq!(validate(c, id), f, "{c} {id}");
        }
    }

    #[test]
    fn every_example_validates() {
        for c in REQUIRED_COUNTRIES {
            let mut seen = HashSet::new();
            for n in 0..200 {
                let raw = example_valid(c, n).unwrap_or_else(|| panic!("{c} has no example"));
                let id = compact(&raw, Some(c));
                let v = validate(c, &id);
                assert!(matches!(v, Verdict::Valid { .. }), "{c} n={n}: {raw} -> {id} gave {v:?}");
                assert!(seen.insert(id), "{c} n={n}: duplicate {raw}");
            }
        }
    }

    #[test]
    fn every_personal_example_is_personal() {
        let mut with_personal = 0;
        for c in REQUIRED_COUNTRIES {
            let mut seen = HashSet::new();
            for n in 0..200 {
                let Some(raw) = example_personal(c, n) else {
                    continue;
                };
                let id = compact(&raw, Some(c));
                let v = validate(c, &id);
                assert!(matches!(v, Verdict::Personal { .. }), "{c} n={n}: {raw} -> {id} gave {v:?}");
                assert!(seen.insert(id), "{c} n={n}: duplicate {raw}");
            }
            if example_personal(c, 0).is_some() {
                with_personal += 1;
            }
        }
        assert_eq!(with_personal, 21, "all but IQ, SS, TJ have a personal form");
    }

    #[test]
    fn personal_examples_are_not_valid_business_ids() {
        // A personal ID must never be reported as a valid business ID, and a
        // business example must not be mistaken for a personal one.
        for c in REQUIRED_COUNTRIES {
            for n in 0..50 {
                if let Some(p) = example_personal(c, n) {
                    let v = validate(c, &compact(&p, Some(c)));
                    assert!(!matches!(v, Verdict::Valid { .. }), "{c}: {p} {v:?}");
                }
            }
        }
    }

    #[test]
    fn single_digit_errors_are_caught() {
        // Changing the last digit of a checksummed business example must be
        // detected (as Checksum, or Format where the change breaks the shape).
        let checked = ["AZ", "BY", "BR", "HU", "KZ", "MD", "PL", "RU", "TH", "TR", "UA", "VE", "VN"];
        for c in checked {
            for n in 0..50 {
                let id = compact(&example_valid(c, n).unwrap(), Some(c));
                if c == "PL" && id.starts_with("00") {
                    continue; // Polish KRS has no check digit.
                }
                // Position of the check digit: last, except for the Hungarian
                // 11-digit adószám (8th) and Vietnamese branch codes (10th).
                let pos = match (c, id.len()) {
                    ("HU", 11) => 7,
                    ("VN", 13) => 9,
                    (_, len) => len - 1,
                };
                let mut bytes = id.clone().into_bytes();
                let d = bytes[pos];
                if !d.is_ascii_digit() {
                    continue;
                }
                bytes[pos] = b'0' + (d - b'0' + 1) % 10;
                let bumped = String::from_utf8(bytes).unwrap();
                let v = validate(c, &bumped);
                assert!(!matches!(v, Verdict::Valid { .. }), "{c}: {id} -> {bumped} still valid ({v:?})");
            }
        }
    }
}
