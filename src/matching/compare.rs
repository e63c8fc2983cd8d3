//! Comparing two records field by field: each field gets a level (exact, close, …, different),
//! or null when either side is blank, and the levels of a pair are packed into one integer (its
//! comparison vector, γ in Fellegi–Sunter's terms).

use super::keys::Keys;
use super::similarity::{jaro_winkler_from, similarity_at_least};
use super::vocab::Vocab;

/// The compared fields, in the order of [`FIELDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    /// Company name (legal forms folded away).
    Name,
    /// Address line 1 (words and house numbers).
    Street,
    /// Address line 2.
    Line2,
    /// City and postal code together: they say one thing (where), and counted apart a shared
    /// town would count twice.
    Locality,
    /// State or province (only when neither city nor postal code can be compared: a postal
    /// code already says which state).
    State,
    /// Registration ID.
    Reg,
    /// Contact e-mail (address, or the company's own domain).
    Email,
    /// Phone (E.164).
    Phone,
    /// Desired `.onmicrosoft.com` prefix.
    Domain,
}

/// How many fields are compared.
pub const N: usize = 9;
/// Most levels a field has, null included.
pub const MAX_LEVELS: usize = 8;
/// Level 0 of every field: blank on at least one side, which is no evidence either way.
pub const NULL: u8 = 0;
/// Level 1 of every field: both given, and different.
pub const DIFFERENT: u8 = 1;
/// The name's level 2: a word in common (the brand word, say), no more.
pub const WEAK: u8 = 2;

/// A compared field: its name in outputs, its levels (null first, then from different to
/// exact), and the lowest level that counts as agreeing in `matched_fields`.
pub struct FieldSpec {
    /// Which field.
    pub cmp: Cmp,
    /// Its name in outputs (the canonical field it compares).
    pub name: &'static str,
    /// Level names; index = level.
    pub levels: &'static [&'static str],
    /// Lowest level reported as agreeing.
    pub agrees_from: u8,
}

/// Every compared field, in γ order.
pub const FIELDS: [FieldSpec; N] = [
    FieldSpec {
        cmp: Cmp::Name,
        name: "company_name",
        levels: &["null", "different", "weak", "similar", "close", "exact"],
        agrees_from: 3,
    },
    FieldSpec {
        cmp: Cmp::Street,
        name: "address_line1",
        levels: &["null", "different", "number_only", "street_other_number", "close", "exact"],
        agrees_from: 4,
    },
    FieldSpec {
        cmp: Cmp::Line2,
        name: "address_line2",
        levels: &["null", "different", "close", "exact"],
        agrees_from: 2,
    },
    FieldSpec {
        cmp: Cmp::Locality,
        name: "city_postal_code",
        levels: &[
            "null",
            "different",
            "city",
            "city_other_postal_code",
            "postal_code_one_digit",
            "city_postal_code_one_digit",
            "postal_code_other_city",
            "city_postal_code",
        ],
        agrees_from: 2,
    },
    FieldSpec { cmp: Cmp::State, name: "state", levels: &["null", "different", "exact"], agrees_from: 2 },
    FieldSpec {
        cmp: Cmp::Reg,
        name: "registration_id",
        levels: &["null", "different", "exact"],
        agrees_from: 2,
    },
    FieldSpec {
        cmp: Cmp::Email,
        name: "contact_email",
        levels: &["null", "other_company_domain", "different", "same_domain", "exact"],
        agrees_from: 3,
    },
    FieldSpec {
        cmp: Cmp::Phone,
        name: "contact_phone",
        levels: &["null", "different", "exact"],
        agrees_from: 2,
    },
    FieldSpec { cmp: Cmp::Domain, name: "domain", levels: &["null", "different", "exact"], agrees_from: 2 },
];

/// The locality level whose shared city is worth less when the city is common.
pub const LOCALITY_CITY_ONLY: u8 = 2;

/// Name similarity bands: exact (5) is equal keys; then close, similar, weak; below weak,
/// different.
const NAME_CLOSE: f64 = 0.92;
const NAME_SIMILAR: f64 = 0.8;
const NAME_WEAK: f64 = 0.45;
/// Jaro–Winkler at which two streets, cities or second lines are spellings of one another.
const TEXT_CLOSE: f64 = 0.88;

/// A pair's levels, four bits a field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Gamma(pub u64);

impl Gamma {
    /// The level of one field.
    pub fn get(self, f: Cmp) -> u8 {
        ((self.0 >> (4 * f as usize)) & 0xF) as u8
    }

    /// Sets the level of one field.
    pub fn set(&mut self, f: Cmp, level: u8) {
        let shift = 4 * f as usize;
        self.0 = (self.0 & !(0xF << shift)) | ((level as u64 & 0xF) << shift);
    }

    /// Whether anything that identifies a company agrees: the name at least in part, the
    /// registration ID, the e-mail (address or company domain), the phone or the prefix, or,
    /// for two named records, the same street address. A postcode or a town alone never makes
    /// two records one company, nor does an address when a name is missing.
    pub fn identifies(self) -> bool {
        let name = self.get(Cmp::Name);
        let same_address = self.get(Cmp::Street) >= 4 && self.get(Cmp::Line2) != DIFFERENT;
        let contact = self.get(Cmp::Reg) == 2
            || self.get(Cmp::Email) >= 3
            || self.get(Cmp::Phone) == 2
            || self.get(Cmp::Domain) == 2;
        match name {
            NULL => contact && !self.other_identity(),
            DIFFERENT => (contact || same_address) && !self.other_identity(),
            // A name alone against a prefix of another tenant (the UI export has nothing else):
            // a same-named company, not this one.
            _ => {
                self.get(Cmp::Domain) != DIFFERENT || contact || same_address || self.get(Cmp::Locality) >= 2
            }
        }
    }

    /// Two names that differ (or one missing), under two company e-mail domains or two prefixes
    /// that differ: every
    /// sign of who they are says two organisations (a shared building or switchboard does not
    /// make them one), unless the registration ID or the company's e-mail domain is the same.
    fn other_identity(self) -> bool {
        let certain = self.get(Cmp::Reg) == 2 || self.get(Cmp::Email) >= 3;
        !certain && (self.get(Cmp::Domain) == DIFFERENT || self.get(Cmp::Email) == 1)
    }

    /// The names of the fields at or above their agreeing level.
    pub fn agreeing(self) -> Vec<&'static str> {
        FIELDS.iter().filter(|s| self.get(s.cmp) >= s.agrees_from).map(|s| s.name).collect()
    }
}

/// A compared pair: its levels and the name similarity (0 to 1, for the outputs).
#[derive(Clone, Copy, Debug)]
pub struct Compared {
    /// The levels.
    pub gamma: Gamma,
    /// Rarity-weighted name similarity.
    pub name_sim: f64,
}

/// Compares two records.
pub fn compare(a: &Keys, b: &Keys, v: &Vocab) -> Compared {
    let mut g = Gamma::default();
    let (name, name_sim) = name_level(a, b, v);
    g.set(Cmp::Name, name);
    g.set(Cmp::Street, street_level(a, b));
    g.set(Cmp::Line2, text_level(a.line2(), b.line2()));
    let locality = locality_level(a, b);
    g.set(Cmp::Locality, locality);
    g.set(Cmp::State, if locality == NULL { hashed_level(a.state, b.state) } else { NULL });
    g.set(Cmp::Reg, hashed_level(a.reg, b.reg));
    g.set(Cmp::Email, email_level(a, b));
    g.set(Cmp::Phone, hashed_level(a.phone, b.phone));
    g.set(Cmp::Domain, hashed_level(a.domain, b.domain));
    Compared { gamma: g, name_sim }
}

/// City and postal code as one level (see [`FIELDS`]): a typo in the city still names it
/// (`close` counts as the same city).
pub(crate) fn locality_level(a: &Keys, b: &Keys) -> u8 {
    let city = text_level(a.city(), b.city());
    let same_city = city >= 2;
    match (postal_level(a.postal(), b.postal()), city) {
        (3, c) if c != DIFFERENT => 7,
        (3, _) => 6,
        (2, _) if same_city => 5,
        (2, NULL) => 4,
        (1, _) if same_city => 3,
        (NULL, _) if same_city => 2,
        (NULL, NULL) => NULL,
        _ => DIFFERENT,
    }
}

pub(crate) fn hashed_level(a: super::keys::Hashed, b: super::keys::Hashed) -> u8 {
    match (a, b) {
        (Some(x), Some(y)) if x == y => 2,
        (Some(_), Some(_)) => DIFFERENT,
        _ => NULL,
    }
}

/// The name's level and similarity. Word by word (rarity-weighted, typos in long words
/// forgiven), or, when the letters are nearly the same in number, as one string: words split or
/// run together (`Kiri Dalton` / `Kiridalton`) and typos in short words (`Kiri` / `Kiry`).
pub(crate) fn name_level<'a>(a: &'a Keys, b: &'a Keys, v: &Vocab) -> (u8, f64) {
    let (x, y) = (a.name(), b.name());
    if x.is_empty() || y.is_empty() || a.name_far_script != b.name_far_script {
        return (NULL, 0.0);
    }
    if x == y || x.chars().filter(|c| *c != ' ').eq(y.chars().filter(|c| *c != ' ')) {
        return (5, 1.0);
    }
    // Numbers name branches and numbered companies: `Store 10001` is not `Store 10002`.
    // A word holds a digit exactly when the name does: most names have none, and are not split.
    let has_digit = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    if has_digit(x) && has_digit(y) && !name_numbers(x).eq(name_numbers(y)) {
        return (DIFFERENT, 0.0);
    }
    let mut sim = similarity_at_least(&a.tokens, &b.tokens, v, NAME_WEAK);
    if sim < NAME_CLOSE {
        let (lx, ly) = (x.len(), y.len());
        if lx.min(ly) * 5 >= lx.max(ly) * 4 {
            // Only a near spelling counts: two unrelated names of one length are ~0.6 alike.
            let jw = jaro_winkler_from(x, y, 0.9);
            if jw >= 0.9 {
                sim = sim.max(jw - 0.02);
            }
        }
    }
    // The same first word is the same brand (`Woodgrove Bank` / `Woodgrove Financial
    // Services`): a weak agreement at least, for the other fields to confirm or not.
    // Most pairs here are two companies: their first three bytes differ, and neither name is
    // searched for its first space (1.5 M searches were 3% of a 20k `check`).
    let first = |s: &'a str| s.split(' ').next().unwrap_or("");
    let same_start = x.as_bytes().get(..3).is_some_and(|p| y.as_bytes().starts_with(p));
    if sim < NAME_WEAK && same_start && first(x) == first(y) && first(x).len() >= 3 {
        sim = NAME_WEAK;
    }
    let level = if sim >= NAME_CLOSE {
        4
    } else if sim >= NAME_SIMILAR {
        3
    } else if sim >= NAME_WEAK {
        2
    } else {
        DIFFERENT
    };
    (level, (sim.clamp(0.0, 1.0) * 1000.0).round() / 1000.0)
}

/// The words of a name key that hold a digit.
fn name_numbers(s: &str) -> impl Iterator<Item = &str> {
    s.split(' ').filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
}

/// The street's level: its words and its numbers judged apart.
pub(crate) fn street_level(a: &Keys, b: &Keys) -> u8 {
    let (x, y) = (a.street(), b.street());
    let (nx, ny) = (a.street_numbers, b.street_numbers);
    if (x.is_empty() && nx.is_none()) || (y.is_empty() && ny.is_none()) {
        return NULL;
    }
    let same_numbers = nx == ny;
    let words_equal = x.chars().filter(|c| *c != ' ').eq(y.chars().filter(|c| *c != ' '));
    let words_close =
        words_equal || (!x.is_empty() && !y.is_empty() && jaro_winkler_from(x, y, TEXT_CLOSE) >= TEXT_CLOSE);
    match (same_numbers, words_equal, words_close) {
        (true, true, _) => 5,
        (true, false, true) => 4,
        (false, _, true) => 3,
        (true, _, false) if nx.is_some() => 2,
        _ => DIFFERENT,
    }
}

/// Exact, close (a spelling variant) or different, for folded text without spaces.
pub(crate) fn text_level(x: &str, y: &str) -> u8 {
    if x.is_empty() || y.is_empty() {
        NULL
    } else if x == y {
        3
    } else if jaro_winkler_from(x, y, TEXT_CLOSE) >= TEXT_CLOSE {
        2
    } else {
        DIFFERENT
    }
}

/// Exact, one character wrong or two neighbours swapped (`3146` / `3164`), or different.
pub(crate) fn postal_level(x: &str, y: &str) -> u8 {
    if x.is_empty() || y.is_empty() {
        return NULL;
    }
    if x == y {
        return 3;
    }
    let (xb, yb) = (x.as_bytes(), y.as_bytes());
    if xb.len() != yb.len() || xb.len() < 4 {
        return DIFFERENT;
    }
    // The first two differing positions, and whether there is a third (no allocation: this
    // runs for most candidate pairs).
    let mut diffs = (0..xb.len()).filter(|&i| xb[i] != yb[i]);
    let near = match (diffs.next(), diffs.next(), diffs.next()) {
        (Some(_), None, _) => true,
        (Some(i), Some(j), None) => j == i + 1 && xb[i] == yb[j] && xb[j] == yb[i],
        _ => false,
    };
    if near {
        2
    } else {
        DIFFERENT
    }
}

/// The same address at the company's domain (4), the same company domain (3), different
/// addresses (2), or two different company domains (1: two organisations' own mail). A side with no address may still have its
/// company's domain (a Partner Center customer's own domain): domains are then compared alone.
pub(crate) fn email_level(a: &Keys, b: &Keys) -> u8 {
    match (a.email, b.email) {
        // One free mailbox (or the partner's own) behind several customers is a bookkeeper's or
        // a reseller's: it says nothing about which company a record is.
        (Some(x), Some(y)) if x == y && a.email_domain.is_none() => return NULL,
        (Some(x), Some(y)) if x == y => return 4,
        _ => {}
    }
    match (a.email_domain, b.email_domain) {
        (Some(x), Some(y)) if x == y => 3,
        (Some(_), Some(_)) => 1,
        _ if a.email.is_some() && b.email.is_some() => 2,
        _ => NULL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Company name, street, city, postal code.
    type Record<'a> = (&'a str, &'a str, &'a str, &'a str);

    fn pair(a: Record, b: Record) -> Compared {
        let mut v = Vocab::default();
        let mut ka = Keys::test("AU", a.0, a.1, a.2, a.3);
        let mut kb = Keys::test("AU", b.0, b.1, b.2, b.3);
        ka.tokens = v.add_record(ka.name()).into();
        kb.tokens = v.add_record(kb.name()).into();
        for filler in ["alpha", "beta", "gamma", "delta"] {
            v.add_record(filler);
        }
        v.finish();
        compare(&ka, &kb, &v)
    }

    #[test]
    fn levels() {
        // (a, b, field, level)
        let cases: &[(Record, Record, Cmp, u8)] = &[
            (("Kiri Dalton Pty Ltd", "", "", ""), ("Kiry Dalton Pty Ltd", "", "", ""), Cmp::Name, 4),
            (("Kiri Dalton Pty Ltd", "", "", ""), ("KIRI DALTON PTY. LTD.", "", "", ""), Cmp::Name, 5),
            (("Kiri Dalton", "", "", ""), ("Kiridalton", "", "", ""), Cmp::Name, 5),
            (("Ada Linwood Pty Ltd", "", "", ""), ("Linwod Ada Pty Ltd", "", "", ""), Cmp::Name, 4),
            (("Fabrikam Ltd", "", "", ""), ("Fabrikam Logistics Ltd", "", "", ""), Cmp::Name, 2),
            (("Contoso", "", "", ""), ("Northwind", "", "", ""), Cmp::Name, DIFFERENT),
            (("Store 10001", "", "", ""), ("Store 10002", "", "", ""), Cmp::Name, DIFFERENT),
            (("Pty Ltd", "", "", ""), ("Contoso", "", "", ""), Cmp::Name, NULL),
            (("x", "23 harbord street", "", ""), ("x", "23 harbrod st", "", ""), Cmp::Street, 4),
            (("x", "23 harbord street", "", ""), ("x", "23 Harbord St.", "", ""), Cmp::Street, 5),
            (("x", "23 harbord street", "", ""), ("x", "32 harbord street", "", ""), Cmp::Street, 3),
            (("x", "23 harbord street", "", ""), ("x", "23 kent road", "", ""), Cmp::Street, 2),
            (("x", "", "Glen Ira", ""), ("x", "", "Glen I ra", ""), Cmp::Locality, 2),
            (("x", "", "Marsden", "3146"), ("x", "", "Marsdn", "3146"), Cmp::Locality, 7),
            (("x", "", "Marsden", "3146"), ("x", "", "Marsden", "3164"), Cmp::Locality, 5),
            (("x", "", "", "3146"), ("x", "", "", "3147"), Cmp::Locality, 4),
            (("x", "", "Marsden", "3146"), ("x", "", "Sydney", "3146"), Cmp::Locality, 6),
            (("x", "", "Marsden", "3146"), ("x", "", "Marsden", "2031"), Cmp::Locality, 3),
            (("x", "", "Marsden", "3146"), ("x", "", "Sydney", "2031"), Cmp::Locality, DIFFERENT),
            (("x", "", "", "3146"), ("x", "", "", "2031"), Cmp::Locality, DIFFERENT),
            (("x", "", "", "3146"), ("x", "", "", ""), Cmp::Locality, NULL),
        ];
        for (a, b, f, want) in cases {
            let got = pair(*a, *b).gamma.get(*f);
            assert_eq!(got, *want, "{a:?} / {b:?} {f:?}");
        }
    }

    #[test]
    fn gamma_packs_every_field() {
        let mut g = Gamma::default();
        for (k, s) in FIELDS.iter().enumerate() {
            g.set(s.cmp, (k % s.levels.len()) as u8);
        }
        for (k, s) in FIELDS.iter().enumerate() {
            assert_eq!(g.get(s.cmp), (k % s.levels.len()) as u8);
            assert!(s.levels.len() <= MAX_LEVELS);
            assert_eq!(s.cmp as usize, k, "FIELDS in Cmp order");
        }
    }
}
