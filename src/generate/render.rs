//! How one row of an entity is written before any duplicate variation or fault: its values
//! plus the incidental choices of that row (record ID, phone and date format, country spelling,
//! owner, notes), which differ between two rows of the same customer.

use super::address;
use super::entity::Entity;
use super::phone;
use super::rng::Rand;
use super::row::{Col, Values};
use chrono::NaiveDate;

impl Entity {
    /// A clean row of this entity, with the incidental choices (formats, record ID, owner) of
    /// one written row.
    pub fn values(&self, rng: &mut Rand) -> Values {
        let mut v = Values::default();
        let c = self.country;
        v[Col::SourceId] = format!("0015g{}", base62(rng, 10));
        v[Col::Company] = self.who.name.render();
        v[Col::Website] = self.website.clone();
        v[Col::Line1] = self.line1.clone();
        v[Col::Line2] = self.line2.clone();
        v[Col::City] = self.city_written().to_string();
        v[Col::State] = self.state_written().to_string();
        v[Col::Postal] = self.postal.clone();
        v[Col::Country] = address::country_written(c, rng);
        v[Col::Phone] = self.phone.as_ref().map(|p| p.written(phone::style(rng))).unwrap_or_default();
        v[Col::First] = self.contact.first.clone();
        v[Col::Last] = self.contact.last.clone();
        v[Col::Email] = self.email.clone();
        v[Col::Reg] = match rng.chance(0.3) {
            true => crate::rules::registration_id::compact(&self.reg, Some(&c.code)),
            false => self.reg.clone(),
        };
        v[Col::Domain] = match rng.chance(0.1) && !self.domain.is_empty() {
            true => format!("{}.onmicrosoft.com", self.domain),
            false => self.domain.clone(),
        };
        v[Col::Segment] = if self.r.education || self.r.lookalike.is_some_and(|s| s.education) {
            ["Education", "EDU", ""][rng.index(3)].to_string()
        } else {
            ["", "", "", "Commercial", "Corporate", "SMB"][rng.index(6)].to_string()
        };
        if self.mca {
            v[Col::Mca] = ["Yes", "TRUE", "x", "Y", "yes"][rng.index(5)].to_string();
            v[Col::McaDate] = date_written(self.mca_date, &c.code, rng);
            let (p, e) = match &self.signatory {
                Some((p, e)) => (p, e.as_str()),
                None => (&self.contact, self.email.as_str()),
            };
            v[Col::SigFirst] = p.first.clone();
            v[Col::SigLast] = p.last.clone();
            v[Col::SigEmail] = e.to_string();
        } else {
            v[Col::Mca] = ["No", "", "FALSE"][rng.index(3)].to_string();
        }
        v[Col::Owner] = OWNERS[rng.index(OWNERS.len())].to_string();
        v[Col::Notes] = NOTES[rng.index(NOTES.len())].to_string();
        v
    }
}

const OWNERS: &[&str] = &[
    "Jane Cooper",
    "Marcus Lee",
    "Priya Raman",
    "Tomás Ortega",
    "Ingrid Holm",
    "Kwame Mensah",
    "Yuki Tanaka",
];
const NOTES: &[&str] = &[
    "",
    "",
    "",
    "",
    "",
    "",
    "Migrated from Navision 2019",
    "Renewal due Q3",
    "Key account",
    "Prefers invoices by e-mail",
    "Reseller: via distributor",
    "Contact changed in 2023, see ticket #4471",
    "=HYPERLINK(\"http://intranet/crm\")",
];

/// A date as the country's users write it.
pub fn date_written(d: NaiveDate, cc: &str, rng: &mut Rand) -> String {
    let local = match cc {
        "US" => "%m/%d/%Y",
        "GB" | "IE" | "FR" | "ES" | "IT" | "PT" | "BR" | "MX" | "AR" | "VE" | "IN" | "AU" | "NZ" | "SG" => {
            "%d/%m/%Y"
        }
        "JP" | "CN" | "HU" => "%Y-%m-%d",
        _ => "%d.%m.%Y",
    };
    d.format(if rng.chance(0.4) { "%Y-%m-%d" } else { local }).to_string()
}

fn base62(rng: &mut Rand, n: usize) -> String {
    const A: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    (0..n).map(|_| char::from(A[rng.index(A.len())])).collect()
}
