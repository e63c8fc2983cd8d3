//! Planted faults: at most one per row, one rule of every family at a known rate. A rate is
//! the share of the rows the fault can apply to (phone and registration-ID faults only in the
//! 24 countries that require them, state faults only where a state is required, …); the truth
//! file names the rule each faulty row was built to break.

use super::entity::{own_prefix, Entity, EntityRef};
use super::ids;
use super::phone;
use super::render::date_written;
use super::rng::Rand;
use super::row::{Col, Values};
use chrono::NaiveDate;

/// Where a fault can be planted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Any row.
    Always,
    /// Rows of the 24 registration-ID countries.
    Reg24,
    /// Rows of the 24 countries whose IDs have a check digit.
    Checksum,
    /// Rows of the 24 countries that have a personal ID.
    Personal,
    /// Countries where the profile requires a state.
    StateRequired,
    /// Countries that require a city.
    CityRequired,
    /// Countries that require a postcode.
    PostalRequired,
    /// Rows with a postcode the country has a pattern for.
    PostalPattern,
    /// Countries with a local name that `run` normalises with a warning.
    LocalName,
    /// Rows planned with another company's domain prefix at hand.
    OtherPrefix,
    /// Rows planned with a Partner Center customer's prefix at hand.
    TakenPrefix,
}

/// One plantable fault: the rule it triggers, its rate in percent of the rows it applies to.
pub struct Fault {
    /// The rule code the row is built to trigger.
    pub code: &'static str,
    /// Percent of applicable rows.
    pub percent: f64,
    /// Which rows it applies to.
    pub when: When,
}

const fn f(code: &'static str, percent: f64, when: When) -> Fault {
    Fault { code, percent, when }
}

/// Every fault, by family.
pub const FAULTS: &[Fault] = &[
    f("company.missing", 0.25, When::Always),
    f("company.too_short", 0.10, When::Always),
    f("company.too_long", 0.05, When::Always),
    f("company.special_only", 0.05, When::Always),
    f("company.spaced_single_chars", 0.05, When::Always),
    f("company.abbreviation_only", 0.10, When::Always),
    f("company.repeated_char", 0.05, When::Always),
    f("company.invalid_char", 0.20, When::Always),
    f("company.test_name", 0.20, When::Always),
    f("company.acronym", 0.15, When::Always),
    f("company.domain_extension", 0.15, When::Always),
    f("contact.first_name.missing", 0.30, When::Always),
    f("contact.first_name.one_char", 0.20, When::Always),
    f("contact.first_name.too_long", 0.05, When::Always),
    f("contact.first_name.placeholder", 0.15, When::Always),
    f("contact.first_name.no_letters", 0.05, When::Always),
    f("contact.last_name.missing", 0.25, When::Always),
    f("contact.last_name.one_char", 0.15, When::Always),
    f("contact.last_name.too_long", 0.05, When::Always),
    f("contact.last_name.placeholder", 0.10, When::Always),
    f("contact.last_name.no_letters", 0.05, When::Always),
    f("email.missing", 0.40, When::Always),
    f("email.syntax", 0.60, When::Always),
    f("email.microsoft_domain", 0.05, When::Always),
    f("email.free_provider", 1.00, When::Always),
    f("address.line1.missing", 0.40, When::Always),
    f("address.line1.too_long", 0.05, When::Always),
    f("address.line2.too_long", 0.05, When::Always),
    f("address.city.missing", 0.20, When::CityRequired),
    f("address.state.missing", 0.60, When::StateRequired),
    f("address.state.unknown", 0.20, When::StateRequired),
    f("address.postal_code.missing", 0.40, When::PostalRequired),
    f("address.postal_code.format", 0.30, When::PostalPattern),
    f("address.country.missing", 0.10, When::Always),
    f("address.country.unknown", 0.05, When::Always),
    f("address.country.normalised", 0.50, When::LocalName),
    f("phone.missing", 1.50, When::Reg24),
    f("phone.invalid", 1.50, When::Always),
    f("registration_id.missing", 1.50, When::Reg24),
    f("registration_id.format", 0.80, When::Reg24),
    f("registration_id.checksum", 1.00, When::Checksum),
    f("registration_id.personal", 1.00, When::Personal),
    f("domain.syntax", 0.50, When::Always),
    f("domain.too_long", 0.20, When::Always),
    f("domain.duplicate", 0.20, When::OtherPrefix),
    f("domain.taken", 0.20, When::TakenPrefix),
    f("agreement.date_future", 0.30, When::Always),
    f("agreement.date_invalid", 0.30, When::Always),
    f("agreement.signatory.first_name.missing", 0.20, When::Always),
    f("agreement.signatory.last_name.missing", 0.15, When::Always),
    f("agreement.signatory.email.missing", 0.15, When::Always),
    f("agreement.signatory.email.syntax", 0.20, When::Always),
];

/// What a fault may look at and change.
pub struct Ctx<'a> {
    /// The entity.
    pub e: &'a Entity,
    /// Whether the profile requires a state in the entity's country.
    pub state_required: bool,
    /// The generator's seed (to rebuild the entities below).
    pub seed: u64,
    /// Another company whose rows ask for a domain prefix (an earlier row already did).
    pub other: Option<EntityRef>,
    /// A Partner Center customer already in the export.
    pub taken: Option<EntityRef>,
}

fn applies(w: When, ctx: &Ctx, v: &Values) -> bool {
    let facts = &ctx.e.country.facts;
    match w {
        When::Always => true,
        When::Reg24 => facts.reg24,
        When::Checksum => facts.checksum,
        When::Personal => facts.personal,
        When::StateRequired => ctx.state_required,
        When::CityRequired => facts.city_required,
        When::PostalRequired => facts.postal_required,
        When::PostalPattern => facts.postal_pattern && !v[Col::Postal].is_empty(),
        When::LocalName => !ctx.e.country.other.is_empty(),
        When::OtherPrefix => ctx.other.is_some(),
        When::TakenPrefix => ctx.taken.is_some(),
    }
}

/// Plants at most one fault; returns its rule code.
pub fn plant(ctx: &Ctx, v: &mut Values, rng: &mut Rand) -> Option<&'static str> {
    let mut x = rng.unit() * 100.0;
    for fault in FAULTS {
        if !applies(fault.when, ctx, v) {
            continue;
        }
        if x < fault.percent {
            return apply(fault.code, ctx, v, rng).then_some(fault.code);
        }
        x -= fault.percent;
    }
    None
}

const FREE: &[&str] = &["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com"];
const LONG: &str = " Regional Distribution, Warehousing, Installation and After-Sales Services for \
                    Industrial, Commercial and Residential Customers";

fn apply(code: &str, ctx: &Ctx, v: &mut Values, rng: &mut Rand) -> bool {
    let e = ctx.e;
    let cc = e.country.code.as_str();
    let brand = &e.who.brand_latin;
    let initial =
        |s: &str| s.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_else(|| "X".into());
    let pick = |rng: &mut Rand, xs: &[&str]| xs[rng.index(xs.len())].to_string();
    match code {
        "company.missing" => v[Col::Company] = pick(rng, &["", "   "]),
        "company.too_short" => v[Col::Company] = initial(brand),
        "company.too_long" => {
            let mut s = v[Col::Company].clone();
            while s.chars().count() <= 255 {
                s.push_str(LONG);
            }
            v[Col::Company] = s;
        }
        "company.special_only" => v[Col::Company] = pick(rng, &["---", "***", "#/#", "?!", "(...)"]),
        "company.spaced_single_chars" => {
            let letters: Vec<String> = brand.chars().take(3).map(|c| c.to_uppercase().to_string()).collect();
            v[Col::Company] = letters.join(" ");
        }
        "company.abbreviation_only" => {
            v[Col::Company] = pick(rng, &["LLC", "Ltd", "GmbH", "Pty Ltd", "Inc.", "Kft."])
        }
        "company.repeated_char" => v[Col::Company] = pick(rng, &["999", "0000", "1111"]),
        "company.invalid_char" => {
            let mark = pick(rng, &["™", "®", "©"]);
            let name = &v[Col::Company];
            v[Col::Company] = match name.contains(brand.as_str()) {
                true => name.replacen(brand.as_str(), &format!("{brand}{mark}"), 1),
                false => format!("{name}{mark}"),
            };
        }
        "company.test_name" => {
            v[Col::Company] =
                pick(rng, &["Test Company", "TEST", "Dummy Account", "N/A", "Sample Customer Ltd", "tbd"])
        }
        "company.acronym" => {
            let acronym: String =
                format!("{}{}{}", initial(brand), initial(&e.who.industry_latin), initial(cc));
            // Only a legal form the rules know as one word ("GmbH", not "Sp. z o.o."), so the
            // acronym stays the whole distinctive part.
            let known = |l: &&String| {
                crate::normalize::text::fold_words(l)
                    .split(' ')
                    .all(|w| crate::rules::company::LEGAL_FORMS.contains(&w))
            };
            let legal = e.country.legal.iter().find(known).map_or("", |l| l.as_str());
            v[Col::Company] = format!("{acronym} {legal}").trim_end().to_string();
        }
        "company.domain_extension" => v[Col::Company] = format!("{brand}.com {}", e.country.legal[0]),
        "contact.first_name.missing" => v[Col::First].clear(),
        "contact.first_name.one_char" => v[Col::First] = format!("{}.", initial(&e.contact.first_latin)),
        "contact.first_name.too_long" => {
            v[Col::First] = "Maria-Magdalena Alexandra Konstantina Theodora".into()
        }
        "contact.first_name.placeholder" => v[Col::First] = pick(rng, &["Test", "Admin", "Unknown", "Sales"]),
        "contact.first_name.no_letters" => v[Col::First] = pick(rng, &["123", "---", "?"]),
        "contact.last_name.missing" => v[Col::Last].clear(),
        "contact.last_name.one_char" => v[Col::Last] = initial(&e.contact.last_latin),
        "contact.last_name.too_long" => v[Col::Last] = "Montgomery-Featherstonehaugh-Cholmondeley".into(),
        "contact.last_name.placeholder" => v[Col::Last] = pick(rng, &["Nobody", "Unknown", "Test", "Admin"]),
        "contact.last_name.no_letters" => v[Col::Last] = pick(rng, &["0", "--", "#"]),
        "email.missing" => v[Col::Email].clear(),
        "email.syntax" => {
            let mail = v[Col::Email].clone();
            v[Col::Email] = match rng.index(4) {
                0 => mail.replace('@', ""),
                1 => mail.replace('@', " (at) "),
                2 => mail.replace('@', "@@"),
                _ => mail.split('.').next().unwrap_or("x@y").to_string(),
            };
        }
        "email.microsoft_domain" => v[Col::Email] = format!("{}@microsoft.com", local(&v[Col::Email])),
        "email.free_provider" => {
            let free = match cc {
                "RU" | "BY" | "KZ" => "mail.ru",
                "CN" => "qq.com",
                "DE" | "AT" => "gmx.de",
                _ => FREE[rng.index(FREE.len())],
            };
            v[Col::Email] = format!("{}@{free}", local(&v[Col::Email]));
        }
        "address.line1.missing" => v[Col::Line1].clear(),
        "address.line1.too_long" => {
            while v[Col::Line1].chars().count() <= 200 {
                v[Col::Line1].push_str(", Building C, Entrance 4, Industrial Estate North");
            }
        }
        "address.line2.too_long" => {
            let mut s = "Attn: Accounts Payable".to_string();
            while s.chars().count() <= 200 {
                s.push_str(", c/o Regional Procurement Office, Floor 3");
            }
            v[Col::Line2] = s;
        }
        "address.city.missing" => v[Col::City].clear(),
        "address.state.missing" => v[Col::State].clear(),
        "address.state.unknown" => v[Col::State] = pick(rng, &["XX", "Atlantis Province", "N/A"]),
        "address.postal_code.missing" => v[Col::Postal].clear(),
        "address.postal_code.format" => {
            let p = v[Col::Postal].clone();
            let meta = e.country.facts.meta;
            let bad =
                [p.get(..p.len().saturating_sub(1)).unwrap_or("").to_string(), format!("{p}9"), "ABC".into()]
                    .into_iter()
                    .find(|b| !b.is_empty() && meta.and_then(|m| m.postal_code_matches(b)) == Some(false));
            match bad {
                Some(b) => v[Col::Postal] = b,
                None => return false,
            }
        }
        "address.country.missing" => v[Col::Country].clear(),
        "address.country.unknown" => v[Col::Country] = pick(rng, &["Atlantis", "Westeros", "Neverland"]),
        "address.country.normalised" => v[Col::Country] = rng.pick(&e.country.other).clone(),
        "phone.missing" => v[Col::Phone].clear(),
        "phone.invalid" => v[Col::Phone] = phone::invalid(cc, e.phone.as_ref(), rng),
        "registration_id.missing" => v[Col::Reg].clear(),
        "registration_id.format" => return set(v, Col::Reg, ids::format_broken(cc, e.r.k)),
        "registration_id.checksum" => return set(v, Col::Reg, ids::checksum_broken(cc, e.r.k)),
        "registration_id.personal" => return set(v, Col::Reg, ids::personal(cc, e.r.k)),
        "domain.syntax" => {
            let p = &e.own_prefix;
            let cut = p.len() / 2;
            v[Col::Domain] = format!("{}{}{}", &p[..cut], pick(rng, &["-", "_", "."]), &p[cut..]);
        }
        "domain.too_long" => v[Col::Domain] = format!("{}internationalservices", e.own_prefix),
        "domain.duplicate" => return set(v, Col::Domain, ctx.other.map(|o| own_prefix(ctx.seed, o))),
        "domain.taken" => return set(v, Col::Domain, ctx.taken.map(|t| own_prefix(ctx.seed, t))),
        "agreement.date_future" => {
            accept(v, e, rng);
            let d = NaiveDate::from_ymd_opt(
                2031 + rng.below(5) as i32,
                1 + rng.below(12) as u32,
                1 + rng.below(28) as u32,
            );
            v[Col::McaDate] = date_written(d.expect("a valid date"), cc, rng);
        }
        "agreement.date_invalid" => {
            accept(v, e, rng);
            v[Col::McaDate] = pick(rng, &["31.02.2023", "2023-13-45", "next week", "00/00/0000"]);
        }
        "agreement.signatory.first_name.missing" => {
            accept(v, e, rng);
            v[Col::SigFirst].clear();
        }
        "agreement.signatory.last_name.missing" => {
            accept(v, e, rng);
            v[Col::SigLast].clear();
        }
        "agreement.signatory.email.missing" => {
            accept(v, e, rng);
            v[Col::SigEmail].clear();
        }
        "agreement.signatory.email.syntax" => {
            accept(v, e, rng);
            v[Col::SigEmail] = v[Col::SigEmail].replace('@', " (at) ");
        }
        _ => return false,
    }
    true
}

fn set(v: &mut Values, c: Col, value: Option<String>) -> bool {
    match value {
        Some(x) => {
            v[c] = x;
            true
        }
        None => false,
    }
}

fn local(mail: &str) -> String {
    match mail.split_once('@') {
        Some((l, _)) if !l.is_empty() => l.to_string(),
        _ => "info".to_string(),
    }
}

/// Makes the row claim acceptance, with a valid date and a signatory.
fn accept(v: &mut Values, e: &Entity, rng: &mut Rand) {
    if e.mca && !v[Col::SigEmail].is_empty() {
        return;
    }
    v[Col::Mca] = "Yes".into();
    v[Col::McaDate] = date_written(e.mca_date, &e.country.code, rng);
    v[Col::SigFirst] = e.contact.first.clone();
    v[Col::SigLast] = e.contact.last.clone();
    v[Col::SigEmail] = e.email.clone();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::catalogue::RULES;

    #[test]
    fn every_fault_names_a_rule_of_the_catalogue() {
        for fault in FAULTS {
            assert!(RULES.iter().any(|r| r.code == fault.code), "{} is not a rule", fault.code);
            assert!(fault.percent > 0.0 && fault.percent < 5.0);
        }
        let families: std::collections::BTreeSet<&str> =
            FAULTS.iter().map(|f| f.code.split('.').next().unwrap()).collect();
        let want =
            ["address", "agreement", "company", "contact", "domain", "email", "phone", "registration_id"];
        assert_eq!(families.into_iter().collect::<Vec<_>>(), want);
    }
}
