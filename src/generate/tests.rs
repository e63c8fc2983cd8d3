//! Whole-generator tests: determinism, exact row counts, and that the values written as valid
//! really pass the tool's own checks.

use super::*;
use crate::normalize::{country, phone as ph};
use crate::rules::registration_id::{self as reg, Verdict};
use std::collections::HashMap;
use std::path::Path;

fn opts(dir: &Path, name: &str, rows: u64, seed: u64) -> Options {
    Options {
        rows,
        seed,
        out: dir.join(format!("{name}.csv")),
        existing_out: Some(dir.join(format!("{name}_pc.csv"))),
        existing_rows: None,
        truth_out: Some(dir.join(format!("{name}_truth.csv"))),
    }
}

fn records(path: &Path) -> Vec<HashMap<String, String>> {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let h = rdr.headers().unwrap().clone();
    rdr.records()
        .map(|r| h.iter().zip(r.unwrap().iter()).map(|(k, v)| (k.into(), v.into())).collect())
        .collect()
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = generate(&opts(dir.path(), "a", 1500, 42)).unwrap();
    generate(&opts(dir.path(), "b", 1500, 42)).unwrap();
    generate(&opts(dir.path(), "c", 1500, 43)).unwrap();
    for (x, y) in [("a.csv", "b.csv"), ("a_pc.csv", "b_pc.csv"), ("a_truth.csv", "b_truth.csv")] {
        let (x, y) = (std::fs::read(dir.path().join(x)).unwrap(), std::fs::read(dir.path().join(y)).unwrap());
        assert!(x == y, "the same seed must give the same bytes");
    }
    assert_ne!(
        std::fs::read(dir.path().join("a.csv")).unwrap(),
        std::fs::read(dir.path().join("c.csv")).unwrap()
    );
    assert_eq!(a.rows, 1500);
    assert!(a.duplicates > 30 && a.export_rows >= 150, "{a:?}");
}

#[test]
fn row_counts_are_exact() {
    let dir = tempfile::tempdir().unwrap();
    for rows in [0u64, 1, 7, 333] {
        let o = Options { existing_out: None, truth_out: None, ..opts(dir.path(), "n", rows, 1) };
        let report = generate(&o).unwrap();
        assert_eq!(report.rows, rows);
        assert_eq!(records(&o.out).len() as u64, rows, "{rows} rows");
    }
}

#[test]
fn values_written_as_valid_pass_the_tools_checks() {
    let dir = tempfile::tempdir().unwrap();
    let o = opts(dir.path(), "v", 3000, 5);
    generate(&o).unwrap();
    let rows = records(&o.out);
    let truth = records(o.truth_out.as_ref().unwrap());
    let (mut ids, mut phones) = (0, 0);
    for (r, t) in rows.iter().zip(&truth) {
        if !t["fault"].is_empty() || !t["duplicate_of"].is_empty() || !t["variations"].is_empty() {
            continue;
        }
        let (cc, _) =
            country::resolve(&r["Billing Country"]).unwrap_or_else(|| panic!("{}", r["Billing Country"]));
        assert_eq!(
            ph::check(&r["Phone"], Some(cc)),
            ph::PhoneCheck::Valid,
            "row {}: {} in {cc}",
            t["row"],
            r["Phone"]
        );
        phones += 1;
        if reg::is_required(cc) {
            let id = reg::compact(&r["Tax ID"], Some(cc));
            assert!(
                matches!(reg::validate(cc, &id), Verdict::Valid { .. }),
                "row {}: {id} in {cc}",
                t["row"]
            );
            ids += 1;
        }
    }
    assert!(phones > 2000 && ids > 500, "{phones} phones, {ids} IDs checked");
    // Every listed Partner Center customer ID of the truth is in the export.
    let pc: std::collections::HashSet<String> =
        records(o.existing_out.as_ref().unwrap()).into_iter().map(|r| r["Customer ID"].clone()).collect();
    for t in truth.iter().filter(|t| !t["pc_customer_id"].is_empty()) {
        assert!(pc.contains(&t["pc_customer_id"]), "row {}", t["row"]);
    }
}

#[test]
fn workbooks_are_written_too() {
    let dir = tempfile::tempdir().unwrap();
    let o = Options { out: dir.path().join("w.xlsx"), ..opts(dir.path(), "w", 200, 3) };
    generate(&o).unwrap();
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&o.out).unwrap();
    let range = calamine::Reader::worksheet_range(&mut wb, "Accounts").unwrap();
    assert_eq!(range.height(), 201);
    let truth = records(o.truth_out.as_ref().unwrap());
    assert_eq!(truth[0]["sheet"], "Accounts");
}
