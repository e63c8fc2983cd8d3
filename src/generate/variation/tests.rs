//! Variations applied to whole rows: every label names a known kind, each kind does what its
//! label says, and every kind is reached.

use super::super::data::data;
use super::super::entity::{Entity, EntityRef};
use super::super::rng::Purpose;
use super::*;
use std::collections::HashSet;

fn entity(cc: &str, k: u64) -> Entity {
    let r = EntityRef {
        id: k,
        country: data().country(cc).unwrap() as u16,
        k,
        education: false,
        existing: None,
        lookalike: None,
        domain: true,
    };
    Entity::build(11, r)
}

/// The kind of a label (`typo_street:ocr` → `typo_street`).
fn kind(label: &str) -> &str {
    label.split(':').next().unwrap_or(label)
}

#[test]
fn every_kind_is_reached_and_does_what_it_says() {
    let mut seen: HashSet<String> = HashSet::new();
    for cc in ["AU", "GB", "DE", "US", "RU", "JP", "FR", "PL"] {
        for k in 0..400 {
            let e = entity(cc, k);
            let mut rng = Rand::new(11, Purpose::Row, k);
            let clean = e.values(&mut rng);
            let mut v = clean.clone();
            let labels = apply(&e, &mut v, &mut rng);
            assert!((1..=3).contains(&labels.len()) || labels.is_empty(), "{labels:?}");
            for l in &labels {
                assert!(VARIATIONS.iter().any(|(x, _, _)| *x == kind(l)), "unknown label {l}");
                let col = match kind(l) {
                    "no_street" => Some(Col::Line1),
                    "no_city" => Some(Col::City),
                    "no_postal" => Some(Col::Postal),
                    "no_phone" => Some(Col::Phone),
                    "no_email" => Some(Col::Email),
                    "no_domain" => Some(Col::Domain),
                    _ => None,
                };
                if let Some(c) = col {
                    assert!(v[c].is_empty() && !clean[c].is_empty(), "{l}");
                }
                if kind(l) == "given_name_dropped" {
                    assert!(!v[Col::Company].contains(&e.who.name.given), "{l}: {}", v[Col::Company]);
                }
                if l == "group_grp" {
                    // Later kinds may change the short form too (a typo, a split), never back.
                    assert!(!v[Col::Company].to_lowercase().contains("group"), "{l}: {}", v[Col::Company]);
                }
                seen.insert(kind(l).to_string());
            }
        }
    }
    let missing: Vec<&str> = VARIATIONS.iter().map(|(k, _, _)| *k).filter(|k| !seen.contains(*k)).collect();
    assert!(missing.is_empty(), "never applied: {missing:?}");
}

#[test]
fn person_named_companies_lose_or_change_the_given_name() {
    // AU has person-named companies; find some and check the two given-name kinds on them.
    let (mut dropped, mut replaced) = (0, 0);
    for k in 0..3000 {
        let e = entity("AU", k);
        if !e.who.name.format.contains("{given}") {
            continue;
        }
        let mut rng = Rand::new(3, Purpose::Row, k);
        let mut v = e.values(&mut rng);
        let labels = apply(&e, &mut v, &mut rng);
        let name = &v[Col::Company];
        if labels.iter().any(|l| l == "given_name_dropped") {
            dropped += 1;
            assert!(!name.contains(&e.who.name.given), "{name}");
        } else if labels.iter().any(|l| l == "given_name_replaced") {
            replaced += 1;
            assert!(!name.contains(&e.who.name.given), "{name}");
        }
    }
    assert!(dropped > 10 && replaced > 10, "dropped {dropped}, replaced {replaced}");
}
