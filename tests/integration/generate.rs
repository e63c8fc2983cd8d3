//! `generate` then `run`: nothing is lost, planted duplicates and existing customers are
//! mostly found, and every planted fault shows up as the finding it was built to trigger.

use crate::common::*;
use std::collections::{BTreeMap, HashMap, HashSet};

fn generated(w: &Work, rows: &str, seed: &str) {
    w.run_ok(&[
        "generate",
        "--rows",
        rows,
        "--seed",
        seed,
        "--out",
        "list.csv",
        "--existing-out",
        "pc.csv",
        "--truth-out",
        "truth.csv",
    ]);
}

/// Rows in equal rows out; duplicates and existing customers are found with high precision.
#[test]
fn generated_lists_run_and_planted_matches_are_found() {
    let w = Work::new();
    generated(&w, "3000", "7");
    let stderr = w.run_ok(&["run", "list.csv", "--existing", "pc.csv", "--out", "out", "--no-progress"]);
    let s = summary(&w.path("out"));
    assert_eq!(s["rows_in"], 3000, "{stderr}");
    assert_eq!(s["rows_out"], 3000);
    assert_eq!(s["balanced"], true);
    for stage in ["existing", "read_validate", "match", "domains_route", "write"] {
        assert!(s["timings"][stage].as_f64().is_some(), "timings.{stage}");
    }

    let truth = read_csv(&w.path("truth.csv"));
    let entity: HashMap<&str, &str> =
        truth.iter().map(|t| (t["row"].as_str(), t["entity"].as_str())).collect();
    // Duplicates, pairwise: predicted pairs are rows sharing a cluster.
    let mut clusters: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    for d in read_csv(&w.path("out/duplicates.csv")) {
        let c = clusters.entry(d["cluster_id"].clone()).or_default();
        c.insert(d["source_row"].clone());
        c.insert(d["survivor_row"].clone());
    }
    let (mut predicted, mut correct) = (0, 0);
    for rows in clusters.values() {
        let rows: Vec<&String> = rows.iter().collect();
        for (i, a) in rows.iter().enumerate() {
            for b in &rows[i + 1..] {
                predicted += 1;
                correct += usize::from(entity[a.as_str()] == entity[b.as_str()]);
            }
        }
    }
    let mut per_entity: HashMap<&str, usize> = HashMap::new();
    for t in &truth {
        *per_entity.entry(&t["entity"]).or_default() += 1;
    }
    let planted: usize = per_entity.values().map(|n| n * (n - 1) / 2).sum();
    assert!(planted > 80, "{planted} planted duplicate pairs");
    assert!(correct as f64 >= 0.95 * predicted as f64, "duplicate precision: {correct} of {predicted}");
    assert!(correct as f64 >= 0.80 * planted as f64, "duplicate recall: {correct} of {planted}");

    // Existing customers, over rows not routed as duplicates.
    let dup_rows: HashSet<String> =
        read_csv(&w.path("out/duplicates.csv")).into_iter().map(|d| d["source_row"].clone()).collect();
    let got: HashMap<String, String> = read_csv(&w.path("out/relationship_requests.csv"))
        .into_iter()
        .map(|r| (r["source_row"].clone(), r["pc_customer_id"].clone()))
        .collect();
    let (mut want, mut found, mut wrong) = (0, 0, 0);
    for t in truth.iter().filter(|t| !dup_rows.contains(&t["row"])) {
        let g = got.get(&t["row"]).map(String::as_str).unwrap_or("");
        want += usize::from(!t["pc_customer_id"].is_empty());
        found += usize::from(!g.is_empty() && g == t["pc_customer_id"]);
        wrong += usize::from(!g.is_empty() && g != t["pc_customer_id"]);
    }
    assert!(want > 100, "{want} planted existing rows");
    assert!(found as f64 >= 0.70 * want as f64, "existing recall: {found} of {want}");
    assert!(
        wrong as f64 <= 0.05 * (found + wrong) as f64,
        "existing precision: {wrong} wrong, {found} right"
    );

    // Every planted fault is reported as the rule it was built to trigger.
    let mut rules: HashMap<String, HashSet<String>> = HashMap::new();
    for f in read_csv(&w.path("out/rejections/findings.csv")) {
        rules.entry(f["source_row"].clone()).or_default().insert(f["rule"].clone());
    }
    let faulty: Vec<&BTreeMap<String, String>> = truth.iter().filter(|t| !t["fault"].is_empty()).collect();
    let missed: Vec<String> = faulty
        .iter()
        .filter(|t| !rules.get(&t["row"]).is_some_and(|r| r.contains(&t["fault"])))
        .map(|t| format!("row {} {}", t["row"], t["fault"]))
        .collect();
    assert!(faulty.len() > 250, "{} planted faults", faulty.len());
    assert!(
        missed.len() * 100 <= faulty.len(),
        "{} of {} planted faults not reported: {missed:?}",
        missed.len(),
        faulty.len()
    );
}

/// The same seed gives the same files; a workbook output is read back in full.
#[test]
fn generation_is_deterministic_and_writes_workbooks() {
    let w = Work::new();
    generated(&w, "400", "3");
    let first = std::fs::read(w.path("list.csv")).unwrap();
    generated(&w, "400", "3");
    assert!(first == std::fs::read(w.path("list.csv")).unwrap(), "same seed, same bytes");
    w.run_ok(&["generate", "--rows", "250", "--seed", "3", "--out", "list.xlsx", "-q"]);
    w.run_ok(&["run", "list.xlsx", "--out", "x", "--no-progress"]);
    assert_eq!(summary(&w.path("x"))["rows_in"], 250);
}
