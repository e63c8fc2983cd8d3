//! `pull` against the stand-in: three pages followed by their continuation, JSON lines of
//! Customer resources with their billing profiles, and the file `run --existing` reads.

use crate::common::{read_csv, root, run_samples, Work};
use crate::fake_pc::{Behaviour, FakePc};
use crate::push::pc;
use serde_json::{json, Value};
use std::collections::HashMap;

/// A Customer as `GET /v1/customers` lists it, and its billing profile.
fn customer(i: usize, name: &str, domain: &str, address: Value) -> (Value, Value) {
    let id = format!("{i:08x}-c595-45b0-9e09-d657365580bf");
    let listed = json!({
        "id": id,
        "companyProfile": {"tenantId": id, "domain": domain, "companyName": name,
                           "attributes": {"objectType": "CustomerCompanyProfile"}},
        "relationshipToPartner": "reseller",
        "attributes": {"objectType": "Customer"}
    });
    let profile = json!({
        "id": format!("{i:08x}-da92-5c33-9032-782ef1d0b69b"), "email": format!("admin@{domain}"),
        "culture": "en-US", "language": "en", "companyName": name, "defaultAddress": address,
        "attributes": {"etag": "1", "objectType": "CustomerBillingProfile"}
    });
    (listed, profile)
}

fn behaviour(customers: Vec<(Value, Value)>) -> Behaviour {
    let mut b = Behaviour::default();
    for (listed, profile) in customers {
        b.profiles.insert(listed["id"].as_str().unwrap().to_string(), profile);
        b.listed.push(listed);
    }
    b
}

fn seven() -> Vec<(Value, Value)> {
    (0..7)
        .map(|i| {
            let addr = json!({"country": "US", "city": "Redmond", "state": "WA", "addressLine1": format!("{i} Main St"), "postalCode": "98052"});
            customer(i, &format!("Company {i}"), &format!("company{i}.onmicrosoft.com"), addr)
        })
        .collect()
}

fn read_lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn pull_pages_through_three_pages_with_their_continuation() {
    let w = Work::new();
    let fake = FakePc::start(behaviour(seven()));
    w.write("pc.toml", fake.profile("page_size = 3"));
    let out = pc(&w, &["pull", "--out", "pc/customers.jsonl", "--config", "pc.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("pulled 7 customer(s) in 3 page(s)"), "{stderr}");
    let lines = read_lines(&w.path("pc/customers.jsonl"));
    let listed = fake.state().behaviour.listed.clone();
    assert_eq!(lines, listed, "each line is a Customer as the API returned it, in order");
    let gets: Vec<(String, Option<String>)> = fake.state().gets.clone();
    assert_eq!(
        gets,
        [
            ("/v1/customers?size=3".to_string(), None),
            ("/v1/customers?size=3&seekOperation=Next".to_string(), Some("page-1".to_string())),
            ("/v1/customers?size=3&seekOperation=Next".to_string(), Some("page-2".to_string())),
        ]
    );
}

#[test]
fn billing_profiles_are_embedded_and_a_missing_one_is_reported() {
    let w = Work::new();
    let mut b = behaviour(seven());
    let refused = b.listed[4]["id"].as_str().unwrap().to_string();
    b.refuse_profiles.push(refused.clone());
    let fake = FakePc::start(b);
    w.write("pc.toml", fake.profile("page_size = 3"));
    let out = pc(&w, &["pull", "--out", "pc.jsonl", "--billing-profiles", "--config", "pc.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "a missing billing profile makes the pull incomplete: {stderr}");
    assert!(stderr.contains(&refused) && stderr.contains("2032"), "{stderr}");
    let lines = read_lines(&w.path("pc.jsonl"));
    assert_eq!(lines.len(), 7);
    let st = fake.state();
    for line in &lines {
        let id = line["id"].as_str().unwrap();
        if id == refused {
            assert!(line.get("billingProfile").is_none());
        } else {
            assert_eq!(line["billingProfile"], st.behaviour.profiles[id]);
            assert_eq!(
                line["companyProfile"]["domain"],
                st.behaviour.listed.iter().find(|c| c["id"] == id).unwrap()["companyProfile"]["domain"]
            );
        }
    }
}

#[test]
fn a_refused_page_leaves_no_file() {
    let w = Work::new();
    let fake = FakePc::start(behaviour(seven()));
    w.write("pc.toml", fake.profile("page_size = 3"));
    let out = crate::push::command(&w, &["pull", "--out", "pc.jsonl", "--config", "pc.toml"], "bad-secret")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(!w.path("pc.jsonl").exists(), "no half file that looks whole");
}

/// `pull`'s file given to `run --existing`: the rows whose customers Partner Center lists go
/// to relationship requests. Needs `--existing` to read Customer JSON (the `existing` branch);
/// run with `cargo test -- --ignored` once both are on main.
#[test]
fn pulled_customers_route_matching_rows_to_relationship_requests() {
    let w = Work::new();
    run_samples(&w, "out", &[]);
    let csv = read_csv(&w.path("out/clean/customers.csv"));
    let bodies = std::fs::read_to_string(w.path("out/clean/customers.jsonl")).unwrap();
    let mut customers = Vec::new();
    let mut want = Vec::new();
    for (i, (row, body)) in csv.iter().zip(bodies.lines()).take(3).enumerate() {
        let body: Value = serde_json::from_str(body).unwrap();
        let bp = &body["billingProfile"];
        let domain = body["companyProfile"]["domain"].as_str().unwrap();
        customers.push(customer(
            i,
            bp["companyName"].as_str().unwrap(),
            domain,
            bp["defaultAddress"].clone(),
        ));
        want.push((row["source_file"].clone(), row["source_row"].clone()));
    }
    let fake = FakePc::start(behaviour(customers));
    w.write("pc.toml", fake.profile("page_size = 2"));
    let out = pc(&w, &["pull", "--out", "pc.jsonl", "--billing-profiles", "--config", "pc.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let export = w.path("pc.jsonl");
    run_samples_with_existing(&w, "again", &export);
    let rel = read_csv(&w.path("again/relationship_requests.csv"));
    let routed: HashMap<(String, String), String> = rel
        .iter()
        .map(|r| ((r["source_file"].clone(), r["source_row"].clone()), r["pc_customer_id"].clone()))
        .collect();
    for (i, key) in want.iter().enumerate() {
        let id = fake.state().behaviour.listed[i]["id"].as_str().unwrap().to_string();
        assert_eq!(routed.get(key), Some(&id), "{key:?} goes to relationship requests with its customer ID");
    }
}

/// The samples' run with `export` as the only Partner Center export.
fn run_samples_with_existing(w: &Work, out: &str, export: &std::path::Path) {
    let root = root();
    let legacy = root.join("samples/legacy");
    let config = root.join("samples/partner.toml");
    w.run_ok(&[
        "run",
        legacy.to_str().unwrap(),
        "--existing",
        export.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--out",
        out,
        "--today",
        "2026-11-26",
        "--quiet",
    ]);
}
