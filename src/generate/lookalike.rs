//! Companies that look like another one and are not it, which a matcher must keep apart:
//! a branch (the same name in another city, with its own registration ID, address, mailbox and
//! tenant) and a brand sibling (the same brand and industry in the same city, under another
//! legal form or with `Holding` added: `Velkorna Logistics Ltd` / `Velkorna Logistics PLC`;
//! half of them at the original's street and postcode, with their own phone, mailbox, IDs).

use super::data::{data, Country};
use super::entity::EntityRef;
use super::names::{slug, CompanyName, Identity};
use super::rng::{Purpose, Rand};
use super::variation::swap_legal;

/// Where a look-alike company takes its name from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameSource {
    /// The entity it copies.
    pub id: u64,
    /// That entity's index in its country.
    pub k: u64,
    /// Whether that entity is an education institution.
    pub education: bool,
    /// A brand sibling in the same city rather than a branch in another one.
    pub sibling: bool,
}

/// Share of siblings at the original's street and postcode (a holding and its operating
/// company); the others have an address of their own in the same city.
pub const SAME_BUILDING: f64 = 0.5;

/// Whether sibling `id` shares its original's street and postcode.
pub fn same_building(seed: u64, id: u64) -> bool {
    Rand::new(seed, Purpose::Entity, id ^ (1 << 59)).chance(SAME_BUILDING)
}

/// What the truth file calls a look-alike.
pub fn kind(seed: u64, r: &EntityRef) -> &'static str {
    match r.lookalike {
        Some(s) if s.sibling && same_building(seed, r.id) => "sibling_same_address",
        Some(s) if s.sibling => "sibling",
        Some(_) => "branch",
        None => "",
    }
}

/// The word a sibling adds when its country has no other legal form to give it.
const SIBLING_WORD: &str = "Holding";

/// The entity's city: its name's city, or another one for a branch.
pub fn home(seed: u64, r: &EntityRef, who: &Identity) -> usize {
    let n = data().countries[usize::from(r.country)].cities.len();
    match r.lookalike {
        Some(s) if n > 1 && !s.sibling => {
            (who.city + 1 + Rand::new(seed, Purpose::Entity, r.id ^ (1 << 61)).index(n - 1)) % n
        }
        _ => who.city,
    }
}

/// What tells a look-alike's mailbox and tenant apart from the original's: a branch's city, a
/// sibling's legal form or added word.
pub fn place(r: &EntityRef, c: &Country, city: usize, who: &Identity) -> String {
    match r.lookalike {
        Some(s) if s.sibling => slug(&sibling_mark(&who.name)),
        Some(_) => slug(&c.cities[city].name),
        None => String::new(),
    }
}

/// The part of a sibling's name that the original lacks (its legal form or added word).
fn sibling_mark(name: &CompanyName) -> String {
    if name.format.contains(SIBLING_WORD) {
        SIBLING_WORD.to_string()
    } else {
        name.legal.clone()
    }
}

/// Whether two legal forms are the same one written another way (`Ltd` / `Limited`,
/// `Pte Ltd` / `Pte. Ltd.`), which would make a sibling a duplicate.
pub fn same_legal(a: &str, b: &str) -> bool {
    let fold = |s: &str| slug(s);
    fold(a) == fold(b) || swap_legal(a) == Some(b) || swap_legal(b) == Some(a)
}

/// Turns the original's name into its sibling's, in place (the Latin name too): another legal
/// form of the country where there is one, else `Holding` after the industry.
pub fn make_sibling(c: &Country, who: &mut Identity, seed: u64, id: u64) {
    let mut rng = Rand::new(seed, Purpose::Entity, id ^ (1 << 60));
    let others: Vec<&String> = c.legal.iter().filter(|l| !same_legal(l, &who.name.legal)).collect();
    for name in [&mut who.name, &mut who.latin] {
        if name.format.contains("{legal}") && !others.is_empty() {
            name.legal = others[rng.index(others.len())].clone();
        } else if name.format.contains("{ind}") {
            name.format = name.format.replacen("{ind}", &format!("{{ind}} {SIBLING_WORD}"), 1);
        } else if name.format.contains(" {legal}") {
            name.format = name.format.replacen(" {legal}", &format!(" {SIBLING_WORD} {{legal}}"), 1);
        } else {
            name.format.push(' ');
            name.format.push_str(SIBLING_WORD);
        }
        // Both names get the same choice: rewind the stream for the second.
        rng = Rand::new(seed, Purpose::Entity, id ^ (1 << 60));
    }
}

#[cfg(test)]
mod tests {
    use super::super::entity::Entity;
    use super::super::names::identity;
    use super::*;

    #[test]
    fn siblings_share_the_city_and_half_of_them_the_address() {
        let gb = data().country("GB").unwrap() as u16;
        let r = |id: u64, lookalike: Option<NameSource>| EntityRef {
            id,
            country: gb,
            k: id,
            education: false,
            existing: None,
            lookalike,
            domain: true,
        };
        let (mut same, mut own) = (0, 0);
        for id in 0..60u64 {
            let orig = Entity::build(4, r(id, None));
            let src = NameSource { id, k: id, education: false, sibling: true };
            let sib = Entity::build(4, r(1000 + id, Some(src)));
            assert_eq!(sib.city, orig.city);
            assert_ne!(sib.who.name.render(), orig.who.name.render());
            assert_ne!((&sib.email, &sib.own_prefix, &sib.reg), (&orig.email, &orig.own_prefix, &orig.reg));
            let shared = sib.line1 == orig.line1 && sib.postal == orig.postal;
            assert_eq!(shared, same_building(4, 1000 + id), "{} / {}", sib.line1, orig.line1);
            assert_eq!(kind(4, &sib.r), if shared { "sibling_same_address" } else { "sibling" });
            (same, own) = if shared { (same + 1, own) } else { (same, own + 1) };
        }
        assert!(same > 15 && own > 15, "{same} at the original's address, {own} elsewhere");
    }

    #[test]
    fn legal_forms_written_two_ways_are_the_same() {
        for (a, b, same) in [
            ("Ltd", "Limited", true),
            ("Pte Ltd", "Pte. Ltd.", true),
            ("B.V.", "BV", true),
            ("Ltd", "PLC", false),
            ("GmbH", "GmbH & Co. KG", false),
            ("S.A.", "S.L.", false),
        ] {
            assert_eq!(same_legal(a, b), same, "{a} / {b}");
        }
    }

    #[test]
    fn siblings_differ_from_the_original_in_one_part() {
        let d = data();
        for cc in ["GB", "DE", "KE", "NO", "US"] {
            let ci = d.country(cc).unwrap();
            let c = &d.countries[ci];
            for k in 0..40 {
                let orig = identity(2, ci, k, k, false);
                let mut sib = orig.clone();
                make_sibling(c, &mut sib, 2, 1000 + k);
                let (a, b) = (orig.name.render(), sib.name.render());
                assert_ne!(a, b);
                assert_eq!(sib.name.brand, orig.name.brand);
                assert_eq!(sib.name.render(), sib.latin.render(), "Latin-only countries");
                if sib.name.legal != orig.name.legal {
                    assert!(!same_legal(&sib.name.legal, &orig.name.legal), "{a} / {b}");
                } else {
                    assert!(b.contains(SIBLING_WORD), "{a} / {b}");
                }
            }
        }
    }
}
