//! The Partner Center export (`--existing-out`): the planted existing customers, each written
//! the way Partner Center holds it (often another spelling of the name, another street) and
//! linked to its list rows by one key, plus customers that are not in the list (some with the
//! name of a listed company in another city, as traps).

use super::entity::{guid, Entity, ExistingMode};
use super::names::slug;
use super::rng::{Purpose, Rand};
use super::variation::vary_legal;

/// The export's header, as Partner Center's customer export writes it.
pub const HEADER: [&str; 10] = [
    "Customer ID",
    "Company Name",
    "Primary Domain Name",
    "Country/Region",
    "Address Line 1",
    "City",
    "State",
    "Postal Code",
    "Registration ID",
    "Contact Email",
];

/// A prefix of the customer's own that no list row asks for.
fn other_prefix(e: &Entity, rng: &mut Rand) -> String {
    let suffix = ["hq", "group", "corp", "online", "365"][rng.index(5)];
    let mut p = format!("{}{suffix}", slug(&e.who.brand_latin));
    p.truncate(27);
    format!("{p}.onmicrosoft.com")
}

fn country(e: &Entity, rng: &mut Rand) -> String {
    match rng.chance(0.7) || e.country.silent.is_empty() {
        true => e.country.code.clone(),
        false => e.country.silent[0].clone(),
    }
}

/// Latin-letter address (Partner Center exports are mostly in Latin letters).
fn latin_address(e: &Entity) -> (String, String, String) {
    let city = &e.country.cities[e.city];
    let line = if e.who.native && e.who.alt.is_some() { e.line1_alt.clone() } else { e.line1.clone() };
    (line, city.name.clone(), city.state.clone())
}

/// The record of a planted existing customer.
pub fn existing(seed: u64, e: &Entity) -> [String; 10] {
    let mut rng = Rand::new(seed, Purpose::PartnerCenter, e.r.id ^ (1 << 62));
    let mode = e.r.existing.expect("only planted existing customers");
    let id = e.pc_id.clone().unwrap_or_else(|| guid(&mut rng));
    let contact = || format!("it@{}", e.mail_domain);
    let (line_latin, city_latin, state_latin) = latin_address(e);
    let mut out: [String; 10] = Default::default();
    out[0] = id;
    out[3] = country(e, &mut rng);
    match mode {
        ExistingMode::RegistrationId => {
            // Partner Center often has the name in Latin letters, upper case or in full.
            let name = e.who.alt.as_ref().filter(|_| e.who.native).unwrap_or(&e.who.latin).render();
            out[1] = if rng.chance(0.3) { name.to_uppercase() } else { name };
            out[2] = other_prefix(e, &mut rng);
            (out[4], out[5], out[6]) = (line_latin, city_latin, state_latin);
            out[7] = e.postal.clone();
            out[8] = e.reg.clone();
            if rng.chance(0.5) {
                out[9] = contact();
            }
        }
        ExistingMode::Domain => {
            out[1] = vary_legal(&e.who.name, e, &mut rng).unwrap_or_else(|| e.who.name.clone()).render();
            out[2] = format!("{}.onmicrosoft.com", e.own_prefix);
            (out[4], out[5], out[6]) =
                (e.line1.clone(), e.city_written().to_string(), e.state_written().to_string());
            out[7] = if rng.chance(0.7) { e.postal.clone() } else { String::new() };
            if rng.chance(0.5) {
                out[9] = contact();
            }
        }
        ExistingMode::EmailDomain => {
            // Another name of the group ("Velkorna Group"), same mail domain and city.
            let word = ["Group", "Holding", "International", "Services"][rng.index(4)];
            out[1] = format!("{} {word} {}", e.who.brand_latin, e.country.legal[0]);
            out[2] = other_prefix(e, &mut rng);
            (out[4], out[5], out[6]) = (line_latin, city_latin, state_latin);
            out[9] = contact();
        }
        ExistingMode::NameCity => {
            let name = vary_legal(&e.who.name, e, &mut rng).unwrap_or_else(|| e.who.name.clone()).render();
            out[1] = if rng.chance(0.3) { name.to_uppercase() } else { name };
            out[2] = other_prefix(e, &mut rng);
            (out[4], out[5], out[6]) =
                (e.line1.clone(), e.city_written().to_string(), e.state_written().to_string());
            out[7] = if rng.chance(0.5) { e.postal.clone() } else { String::new() };
        }
    }
    out
}

/// The record of a customer that is in Partner Center but not in the list.
pub fn pc_only(seed: u64, e: &Entity) -> [String; 10] {
    let mut rng = Rand::new(seed, Purpose::PartnerCenter, e.r.id);
    let (line, city, state) = latin_address(e);
    [
        guid(&mut rng),
        e.who.latin.render(),
        format!("{}.onmicrosoft.com", e.own_prefix),
        country(e, &mut rng),
        line,
        city,
        state,
        e.postal.clone(),
        if rng.chance(0.5) { e.reg.clone() } else { String::new() },
        if rng.chance(0.6) { format!("admin@{}", e.mail_domain) } else { String::new() },
    ]
}

#[cfg(test)]
mod tests {
    use super::super::data::data;
    use super::super::entity::EntityRef;
    use super::*;

    #[test]
    fn records_carry_the_planted_key() {
        let ru = data().country("RU").unwrap() as u16;
        for (i, mode) in [
            ExistingMode::RegistrationId,
            ExistingMode::Domain,
            ExistingMode::EmailDomain,
            ExistingMode::NameCity,
        ]
        .into_iter()
        .enumerate()
        {
            let r = EntityRef {
                id: i as u64,
                country: ru,
                k: i as u64,
                education: false,
                existing: Some(mode),
                lookalike: None,
                domain: mode == ExistingMode::Domain,
            };
            let e = Entity::build(3, r);
            let rec = existing(3, &e);
            assert_eq!(rec[0], *e.pc_id.as_ref().unwrap());
            match mode {
                ExistingMode::RegistrationId => assert_eq!(rec[8], e.reg),
                ExistingMode::Domain => assert_eq!(rec[2], format!("{}.onmicrosoft.com", e.domain)),
                ExistingMode::EmailDomain => assert!(rec[9].ends_with(&format!("@{}", e.mail_domain))),
                ExistingMode::NameCity => assert_eq!(rec[5], e.city_written()),
            }
        }
    }
}
