//! Legal forms written another way (`Ltd`/`Limited`, `GmbH`/`G.m.b.H.`, `ООО`/`Общество с
//! ограниченной ответственностью`), dropped or added; and name formats of scripts without
//! legal-form words of their own (`株式会社{brand}` / `{brand}株式会社`).

use super::super::entity::Entity;
use super::super::names::CompanyName;
use super::super::rng::Rand;

/// Legal forms written two ways (either direction).
const LEGAL_SWAPS: &[(&str, &str)] = &[
    ("Ltd", "Limited"),
    ("Ltd.", "Limited"),
    ("Inc.", "Incorporated"),
    ("LLC", "L.L.C."),
    ("Corp.", "Corporation"),
    ("Co.", "Company"),
    ("PLC", "Public Limited Company"),
    ("Pvt Ltd", "Private Limited"),
    ("Pty Ltd", "Pty. Ltd."),
    ("(Pty) Ltd", "Proprietary Limited"),
    ("Pte Ltd", "Private Limited"),
    ("GmbH", "G.m.b.H."),
    ("AG", "Aktiengesellschaft"),
    ("S.A.", "SA"),
    ("S.L.", "SL"),
    ("S.r.l.", "SRL"),
    ("B.V.", "BV"),
    ("Sp. z o.o.", "Spółka z o.o."),
    ("Kft.", "Kft"),
    ("s.r.o.", "spol. s r.o."),
    ("A.Ş.", "AŞ"),
    ("Ltda", "Limitada"),
    ("S.A. de C.V.", "SA de CV"),
    ("Co., Ltd.", "Company Limited"),
    ("Co., Ltd", "Co. Ltd"),
    ("OOO", "LLC"),
    ("ООО", "Общество с ограниченной ответственностью"),
    ("АО", "Акционерное общество"),
    ("ТОВ", "Товариство з обмеженою відповідальністю"),
    ("AB", "Aktiebolag"),
    ("SAS", "S.A.S."),
];

/// Name formats written another way in scripts without legal-form words of their own.
const FORMAT_SWAPS: &[(&str, &str)] = &[
    ("有限公司", "有限责任公司"),
    ("株式会社{brand}{ind}", "{brand}{ind}株式会社"),
    ("{brand}{ind}株式会社", "(株){brand}{ind}"),
    ("บริษัท {brand}{ind} จำกัด", "บจก. {brand}{ind}"),
    ("Công ty TNHH", "Cty TNHH"),
];

/// The other spelling of a legal form, if the table has one.
pub fn swap_legal(legal: &str) -> Option<&'static str> {
    LEGAL_SWAPS.iter().find_map(|&(a, b)| {
        if a == legal {
            Some(b)
        } else if b == legal {
            Some(a)
        } else {
            None
        }
    })
}

/// A name with its legal form written another way, dropped, or added.
pub fn vary_legal(name: &CompanyName, e: &Entity, rng: &mut Rand) -> Option<CompanyName> {
    let mut n = name.clone();
    if let Some((from, to)) = FORMAT_SWAPS.iter().find(|(from, _)| n.format.contains(from)) {
        n.format = n.format.replace(from, to);
        return Some(n);
    }
    if !n.format.contains("{legal}") {
        n.format.push_str(" {legal}");
        n.legal = rng.pick(&e.country.legal).clone();
        return Some(n);
    }
    match swap_legal(&n.legal) {
        Some(other) if rng.chance(0.7) => n.legal = other.to_string(),
        _ if !n.legal.is_empty() => n.legal = String::new(),
        _ => return None,
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_forms_swap_both_ways() {
        assert_eq!(swap_legal("Ltd"), Some("Limited"));
        assert_eq!(swap_legal("Limited"), Some("Ltd"));
        assert_eq!(swap_legal("Sàrl"), None);
        for (a, b) in LEGAL_SWAPS {
            assert_ne!(a, b);
        }
    }
}
