//! The request bodies held to Partner Center's own tables (`data/partner_center/markets.json`,
//! generated from its developer docs): every clean body of the samples and of a generated 10k
//! list, and the attestation and indirect-reseller bodies.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// The properties of Partner Center's Customer resource and the resources it holds
/// (`customer-resources.md`, `utility-resources.md`), plus `enableGDAPByDefault`, which the
/// current create-customer page documents (see ../shared/reference, §2.2).
const CUSTOMER: &[&str] = &[
    "id",
    "commerceId",
    "companyProfile",
    "billingProfile",
    "relationshipToPartner",
    "allowDelegatedAccess",
    "userCredentials",
    "customDomains",
    "associatedPartnerId",
    "enableGDAPByDefault",
];
const COMPANY: &[&str] = &["tenantId", "domain", "companyName", "organizationRegistrationNumber"];
const BILLING: &[&str] =
    &["id", "firstName", "lastName", "email", "culture", "language", "companyName", "defaultAddress"];
const ADDRESS: &[&str] = &[
    "addressLine1",
    "addressLine2",
    "city",
    "state",
    "postalCode",
    "country",
    "region",
    "firstName",
    "middleName",
    "lastName",
    "phoneNumber",
];

struct Tables {
    cultures: BTreeMap<String, Vec<String>>,
    us_phone: regex::Regex,
    us_postal: regex::Regex,
    us_states: Vec<String>,
}

fn tables() -> Tables {
    let text = std::fs::read_to_string(root().join("data/partner_center/markets.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let us = &v["markets"]["US"];
    let strings = |v: &Value| v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect();
    Tables {
        cultures: v["cultures"].as_object().unwrap().iter().map(|(k, l)| (k.clone(), strings(l))).collect(),
        us_phone: regex::Regex::new(us["phone_regex"].as_str().unwrap()).unwrap(),
        us_postal: regex::Regex::new(us["postal_code_regex"].as_str().unwrap()).unwrap(),
        us_states: strings(&us["states"]),
    }
}

fn keys_within(v: &Value, allowed: &[&str], what: &str) {
    for k in v.as_object().unwrap_or_else(|| panic!("{what} is not an object")).keys() {
        assert!(allowed.contains(&k.as_str()), "{what} has {k}, not a property of the resource");
    }
}

/// What was checked, so that a test cannot pass on nothing.
#[derive(Default, Debug)]
struct Checked {
    bodies: usize,
    us_ca_phones: usize,
    us_zips: usize,
    countries: std::collections::BTreeSet<String>,
}

/// Holds every body of `out/clean/customers.jsonl` to the tables.
fn check_bodies(out: &std::path::Path) -> Checked {
    let t = tables();
    let text = std::fs::read_to_string(out.join("clean/customers.jsonl")).unwrap();
    let clean = read_csv(&out.join("clean/customers.csv"));
    let bodies: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(bodies.len(), clean.len(), "line N of customers.jsonl is row N of customers.csv");
    let mut c = Checked::default();
    for (body, row) in bodies.iter().zip(&clean) {
        let at = format!("{} row {}", row["source_file"], row["source_row"]);
        keys_within(body, CUSTOMER, &at);
        keys_within(&body["companyProfile"], COMPANY, &at);
        keys_within(&body["billingProfile"], BILLING, &at);
        let address = &body["billingProfile"]["defaultAddress"];
        keys_within(address, ADDRESS, &at);
        assert_eq!(body["billingProfile"]["companyName"], row["company_name"].as_str(), "{at}: order");

        let cc = address["country"].as_str().unwrap();
        let culture = body["billingProfile"]["culture"].as_str().unwrap();
        let language = body["billingProfile"]["language"].as_str().unwrap();
        let supported =
            t.cultures.get(cc).unwrap_or_else(|| panic!("{at}: {cc} has no Partner Center market"));
        assert!(supported.iter().any(|s| s == culture), "{at}: {culture} is not supported for {cc}");
        assert_eq!(Some(language), culture.split('-').next(), "{at}: language {language} for {culture}");

        if cc == "US" || cc == "CA" {
            if let Some(phone) = address.get("phoneNumber") {
                let phone = phone.as_str().unwrap();
                assert!(t.us_phone.is_match(phone), "{at}: {phone} does not fit the published pattern");
                c.us_ca_phones += 1;
            }
        }
        if ["US", "CA", "CN"].contains(&cc) {
            let state = address["state"].as_str().unwrap();
            assert!(state.len() <= 2, "{at}: state {state} is longer than the Address resource allows");
        }
        if cc == "US" {
            let zip = address["postalCode"].as_str().unwrap();
            assert!(t.us_postal.is_match(zip), "{at}: ZIP {zip} does not fit the published pattern");
            let state = address["state"].as_str().unwrap();
            assert!(t.us_states.iter().any(|s| s == state), "{at}: {state} is not on Partner Center's list");
            c.us_zips += 1;
        }
        c.bodies += 1;
        c.countries.insert(cc.to_string());
    }
    check_attestations(out, &bodies);
    c
}

/// `clean/agreements.jsonl`: one line per body, an Agreement resource or `null`.
fn check_attestations(out: &std::path::Path, bodies: &[Value]) {
    let text = std::fs::read_to_string(out.join("clean/agreements.jsonl")).unwrap();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), bodies.len(), "one attestation line per customer body");
    let date = regex::Regex::new(r"^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$").unwrap();
    for a in lines.iter().filter(|a| !a.is_null()) {
        keys_within(a, &["primaryContact", "dateAgreed", "templateId", "type"], "an attestation");
        keys_within(
            &a["primaryContact"],
            &["firstName", "lastName", "email", "phoneNumber"],
            "primaryContact",
        );
        assert!(date.is_match(a["dateAgreed"].as_str().unwrap()), "{a}");
        assert_eq!(a["type"], "MicrosoftCustomerAgreement");
        for k in ["firstName", "lastName", "email"] {
            assert!(!a["primaryContact"][k].as_str().unwrap().is_empty(), "{a}");
        }
    }
    assert!(lines.iter().any(|a| !a.is_null()), "some clean row records acceptance");
}

#[test]
fn every_sample_body_fits_partner_centers_tables() {
    let w = Work::new();
    run_samples(&w, "out", &[]);
    let c = check_bodies(&w.path("out"));
    assert!(c.bodies > 100 && c.us_ca_phones > 5 && c.us_zips > 5 && c.countries.len() > 30, "{c:?}");
}

#[test]
fn every_body_of_a_generated_10k_list_fits_partner_centers_tables() {
    let w = Work::new();
    w.run_ok(&["generate", "--rows", "10000", "--seed", "15", "--out", "list.csv", "-q"]);
    w.run_ok(&["run", "list.csv", "--out", "out", "--today", "2026-11-26", "-q"]);
    let c = check_bodies(&w.path("out"));
    assert!(c.bodies > 6000 && c.us_ca_phones > 300 && c.us_zips > 300 && c.countries.len() >= 45, "{c:?}");
}
