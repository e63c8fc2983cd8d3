//! One true customer (an entity): its clean values, rebuilt on demand from the seed and the
//! planner's decisions (`render` writes a row of it).

use super::address;
use super::data::{data, Country};
use super::ids;
pub use super::lookalike::NameSource;
use super::lookalike::{home, make_sibling, place, same_building};
use super::names::{self, identity, slug, Identity, Person};
use super::phone::{self, Phone};
use super::rng::{Purpose, Rand};
use crate::rules::registration_id;
use chrono::{Days, NaiveDate};

/// How an existing customer is planted in the Partner Center export (which key links them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExistingMode {
    /// Same registration ID; Partner Center may write the name differently.
    RegistrationId,
    /// The row's desired domain prefix is the customer's domain.
    Domain,
    /// The contact e-mail's company domain is the customer's contact domain.
    EmailDomain,
    /// A slightly different name (legal form, case, accents) in the same city.
    NameCity,
}

impl ExistingMode {
    /// The name used in the truth file.
    pub fn as_str(self) -> &'static str {
        match self {
            ExistingMode::RegistrationId => "registration_id",
            ExistingMode::Domain => "domain",
            ExistingMode::EmailDomain => "contact_email_domain",
            ExistingMode::NameCity => "name_city",
        }
    }
}

/// The planner's decisions about an entity; everything else follows from them and the seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityRef {
    /// The entity id (input entities from 0; Partner Center-only customers from 2⁴⁰).
    pub id: u64,
    /// Index into the country table.
    pub country: u16,
    /// The entity's index among its country's entities (gives it a unique name and IDs).
    pub k: u64,
    /// An education institution.
    pub education: bool,
    /// Planted as an existing Partner Center customer.
    pub existing: Option<ExistingMode>,
    /// A company that looks like another one: a branch in another city or a brand sibling.
    pub lookalike: Option<NameSource>,
    /// Whether its rows ask for a domain prefix.
    pub domain: bool,
}

/// A customer's clean values.
#[derive(Clone, Debug)]
pub struct Entity {
    /// The planner's decisions.
    pub r: EntityRef,
    /// The country.
    pub country: &'static Country,
    /// The name.
    pub who: Identity,
    /// The city (index into the country's cities).
    pub city: usize,
    /// Street line as written (native script for native names).
    pub line1: String,
    /// Street line in the other script (Cyrillic countries), else the same.
    pub line1_alt: String,
    /// Address line 2.
    pub line2: String,
    /// Postcode.
    pub postal: String,
    /// A valid phone number.
    pub phone: Option<Phone>,
    /// Registration or tax ID as written ("" for none).
    pub reg: String,
    /// The contact.
    pub contact: Person,
    /// The company's mail domain.
    pub mail_domain: String,
    /// The contact's address.
    pub email: String,
    /// Desired `onmicrosoft.com` prefix ("" when the row asks for none).
    pub domain: String,
    /// The company's own prefix, always set (Partner Center exports use it).
    pub own_prefix: String,
    /// Website ("" for none).
    pub website: String,
    /// Whether the Microsoft Customer Agreement was accepted.
    pub mca: bool,
    /// When.
    pub mca_date: NaiveDate,
    /// Who signed, when not the contact.
    pub signatory: Option<(Person, String)>,
    /// The Partner Center customer ID, for planted existing customers.
    pub pc_id: Option<String>,
}

/// A GUID-shaped customer ID from a random stream.
pub fn guid(rng: &mut Rand) -> String {
    let (a, b) = (rng.next_u64(), rng.next_u64());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | (b >> 48) & 0x3fff,
        b & 0xffff_ffff_ffff
    )
}

/// A sibling's name made from its original's.
fn look(seed: u64, r: &EntityRef, c: &Country, mut who: Identity) -> Identity {
    if r.lookalike.is_some_and(|s| s.sibling) {
        make_sibling(c, &mut who, seed, r.id);
    }
    who
}

/// The company's own `onmicrosoft.com` prefix: brand, industry (cut to fit), branch city and
/// country code, at most 27 characters.
fn prefix(who: &Identity, c: &Country, place: &str) -> String {
    let (brand, ind) = (slug(&who.brand_latin), slug(&who.industry_latin));
    let cc = c.code.to_lowercase();
    let place = &place[..place.len().min(6)];
    let room = 27usize.saturating_sub(brand.len() + cc.len() + place.len());
    format!("{brand}{}{place}{cc}", &ind[..ind.len().min(room)])
}

/// The prefix an entity's rows ask for, without building the whole entity.
pub fn own_prefix(seed: u64, r: EntityRef) -> String {
    let c = &data().countries[usize::from(r.country)];
    let (id, k, edu) = r.lookalike.map_or((r.id, r.k, r.education), |s| (s.id, s.k, s.education));
    let who = look(seed, &r, c, identity(seed, usize::from(r.country), id, k, edu));
    let city = home(seed, &r, &who);
    prefix(&who, c, &place(&r, c, city, &who))
}

impl Entity {
    /// Rebuilds an entity from the seed and the planner's decisions.
    pub fn build(seed: u64, r: EntityRef) -> Entity {
        let c = &data().countries[usize::from(r.country)];
        let (src_id, src_k, edu) = match r.lookalike {
            Some(s) => (s.id, s.k, s.education),
            None => (r.id, r.k, r.education),
        };
        let who = look(seed, &r, c, identity(seed, usize::from(r.country), src_id, src_k, edu));
        let city = home(seed, &r, &who);
        let mut rng = Rand::new(seed, Purpose::Entity, r.id);
        let mut site = address::site(c, &who, city, &mut rng);
        if r.lookalike.is_some_and(|s| s.sibling) && same_building(seed, r.id) {
            // A holding and its operating company: the original's street and postcode (the
            // original's stream replays them), its own suite.
            let src = r.lookalike.map_or(r.id, |s| s.id);
            let orig = address::site(c, &who, city, &mut Rand::new(seed, Purpose::Entity, src));
            (site.line1, site.line1_alt, site.postal) = (orig.line1, orig.line1_alt, orig.postal);
        }
        let address::Site { line1, line1_alt, line2, postal } = site;
        let city_data = &c.cities[city];
        let phone = phone::valid(&c.code, city_data, &mut rng);
        let reg = if registration_id::is_required(&c.code) {
            ids::business(&c.code, r.k).unwrap_or_default()
        } else if rng.chance(0.3) {
            ids::tax_id(c, r.k, &mut rng)
        } else {
            String::new()
        };
        let contact = names::person(c, who.native, &mut rng);
        let (brand, ind) = (slug(&who.brand_latin), slug(&who.industry_latin));
        let place = place(&r, c, city, &who);
        let mail_domain = if edu {
            format!("{brand}{place}-edu.{}", c.tld)
        } else {
            let sep = if rng.chance(0.6) { "-" } else { "" };
            format!("{brand}{sep}{ind}{place}.{}", c.tld)
        };
        let email = names::email(&contact, &mail_domain, &mut rng);
        let own_prefix = prefix(&who, c, &place);
        let domain = if r.domain { own_prefix.clone() } else { String::new() };
        let website = match rng.weighted(&[4.0, 2.0, 4.0]) {
            0 => format!("www.{mail_domain}"),
            1 => format!("https://www.{mail_domain}/"),
            _ => String::new(),
        };
        let mca = rng.chance(0.85);
        let mca_date = NaiveDate::from_ymd_opt(2019, 1, 1).expect("a date") + Days::new(rng.below(2496));
        let signatory = (mca && rng.chance(0.25)).then(|| {
            let p = names::person(c, who.native, &mut rng);
            let e = names::email(&p, &mail_domain, &mut rng);
            (p, e)
        });
        let pc_id = r.existing.map(|_| guid(&mut Rand::new(seed, Purpose::PartnerCenter, r.id)));
        Entity {
            r,
            country: c,
            who,
            city,
            line1,
            line1_alt,
            line2,
            postal,
            phone,
            reg,
            contact,
            mail_domain,
            email,
            domain,
            own_prefix,
            website,
            mca,
            mca_date,
            signatory,
            pc_id,
        }
    }

    /// The city as the row writes it (in the native script for native names).
    pub fn city_written(&self) -> &str {
        let c = &self.country.cities[self.city];
        if self.who.native && !c.native.is_empty() {
            &c.native
        } else {
            &c.name
        }
    }

    /// The state as the row writes it.
    pub fn state_written(&self) -> &str {
        let c = &self.country.cities[self.city];
        if self.who.native && !c.native_state.is_empty() {
            &c.native_state
        } else {
            &c.state
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(id: u64, cc: &str) -> EntityRef {
        EntityRef {
            id,
            country: data().country(cc).unwrap() as u16,
            k: id,
            education: false,
            existing: None,
            lookalike: None,
            domain: true,
        }
    }

    #[test]
    fn entities_are_rebuilt_identically() {
        let a = Entity::build(4, r(17, "PL"));
        let b = Entity::build(4, r(17, "PL"));
        assert_eq!(a.who.name, b.who.name);
        assert_eq!(
            (a.email.as_str(), a.reg.as_str(), a.postal.as_str()),
            (b.email.as_str(), b.reg.as_str(), b.postal.as_str())
        );
        let mut r1 = Rand::new(4, Purpose::Row, 9);
        let mut r2 = Rand::new(4, Purpose::Row, 9);
        assert_eq!(a.values(&mut r1), b.values(&mut r2));
    }

    #[test]
    fn look_alikes_share_the_name_but_nothing_else() {
        let orig = r(5, "DE");
        let mut twin = r(6, "DE");
        twin.lookalike = Some(NameSource { id: 5, k: 5, education: false, sibling: false });
        let (a, b) = (Entity::build(1, orig), Entity::build(1, twin));
        assert_eq!(a.who.name.render(), b.who.name.render());
        assert_ne!(a.city, b.city);
        assert_ne!(a.own_prefix, b.own_prefix);
        assert_ne!(a.mail_domain, b.mail_domain);
        assert!(a.own_prefix.len() <= 27 && b.own_prefix.len() <= 27, "{} {}", a.own_prefix, b.own_prefix);
    }

    #[test]
    fn guids_look_like_guids() {
        let g = guid(&mut Rand::new(1, Purpose::PartnerCenter, 1));
        assert_eq!(g.len(), 36);
        assert_eq!(g.matches('-').count(), 4);
    }
}
