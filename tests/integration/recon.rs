//! Reconciliation: drift between the lists and Partner Center, the customers only Partner
//! Center has, and what changed since a baseline run.

use crate::common::run_samples;
use crate::common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Line = BTreeMap<String, String>;

/// The drift line of a row (file name, sheet, row) and field.
fn drift_line<'a>(lines: &'a [Line], key: (&str, &str, &str), field: &str) -> Option<&'a Line> {
    lines.iter().find(|l| {
        let (file, sheet, row) = row_key(l);
        (file.as_str(), sheet.as_str(), row.as_str()) == key && l["field"] == field
    })
}

/// Asserts a drift line's values and kind.
fn expect(lines: &[Line], key: (&str, &str, &str), field: &str, legacy: &str, pc: &str, kind: &str) {
    let l = drift_line(lines, key, field).unwrap_or_else(|| panic!("no {field} drift for {key:?}"));
    assert_eq!((l["legacy_value"].as_str(), l["pc_value"].as_str()), (legacy, pc), "{key:?} {field}");
    assert_eq!(l["kind"], kind, "{key:?} {field}: {l:?}");
    let sim: f64 = l["similarity"].parse().unwrap();
    assert!((0.0..=1.0).contains(&sim) && l["similarity"].split('.').nth(1).unwrap().len() == 3, "{l:?}");
}

const CSV: &str = "legacy_crm_export.csv";
const XLSX: &str = "legacy_customers.xlsx";

/// The drift planted in the samples comes out with the right kind; cosmetic differences never
/// hide material ones; only matched rows have drift, whatever their outcome.
#[test]
fn recon_sample_drift_lines_and_kinds() {
    let w = Work::new();
    run_samples(&w, "out", &[]);
    let out = w.path("out");
    let lines = read_csv(&out.join("reconciliation/drift.csv"));
    let fabrikam = (CSV, "", "119");
    expect(&lines, fabrikam, "address_line1", "12 High St", "12 High Street", "cosmetic");
    expect(&lines, fabrikam, "company_name", "Fabrikam Ltd", "Fabrikam, Ltd.", "cosmetic");
    expect(&lines, fabrikam, "contact_email", "j.harris@fabrikam.co.uk", "", "material");
    let alpine = (CSV, "", "139");
    expect(
        &lines,
        alpine,
        "address_line1",
        "Maria-Theresien-Straße 18",
        "Maria-Theresien-Strasse 18",
        "cosmetic",
    );
    assert!(drift_line(&lines, alpine, "domain").is_none(), "a suggested prefix is not drift");
    expect(&lines, (XLSX, "EMEA", "15"), "postal_code", "20095", "20097", "material");
    expect(
        &lines,
        (XLSX, "EMEA", "70"),
        "company_name",
        "Trey Research Limited",
        "Trey Research Ltd",
        "cosmetic",
    );
    let song_hong = (XLSX, "APAC & Americas", "52");
    expect(
        &lines,
        song_hong,
        "company_name",
        "Công ty TNHH Phần mềm Sông Hồng",
        "Song Hong Software Co., Ltd",
        "material",
    );
    assert!(drift_line(&lines, (CSV, "", "79"), "company_name").is_none(), "Coho is not matched: no drift");
    // Street only cosmetically different, ZIP materially: both reported, each with its kind.
    let adventure = (XLSX, "APAC & Americas", "35");
    expect(&lines, adventure, "address_line1", "1020 Bike Lane", "1020 Bike Ln", "cosmetic");
    expect(&lines, adventure, "postal_code", "98101", "98104", "material");
    let aurora = (XLSX, "APAC & Americas", "49");
    expect(&lines, aurora, "postal_code", "01310-100", "01310100", "cosmetic");
    assert!(drift_line(&lines, aurora, "registration_id").is_none(), "formatted vs compact CNPJ is equal");
    // The export has no phone column: phones are never drift.
    assert!(lines.iter().all(|l| l["field"] != "contact_phone"));

    // Only matched rows, of any outcome: the existing rows and a duplicate matched to PC (D9).
    let got = outcomes(&out);
    let rows: BTreeSet<RowKey> = lines.iter().map(row_key).collect();
    for key in &rows {
        assert!(matches!(got[key].as_str(), "existing" | "duplicate"), "{key:?} is {}", got[key]);
    }
    assert!(rows.contains(&(XLSX.to_string(), "APAC & Americas".to_string(), "46".to_string())));
    let rel: BTreeSet<RowKey> =
        read_csv(&out.join("relationship_requests.csv")).iter().map(row_key).collect();
    assert!(rel.is_subset(&rows), "every existing row of the samples has planted drift");

    let r = &summary(&out)["reconciliation"];
    assert_eq!(r["matched_rows"], 16);
    assert_eq!(r["rows_with_drift"], rows.len());
    assert_eq!(r["drift_lines"], lines.len());
    let count =
        |field: &str, kind: &str| lines.iter().filter(|l| l["field"] == field && l["kind"] == kind).count();
    assert_eq!(r["by_field"]["postal_code"]["material"], count("postal_code", "material"));
    assert_eq!(r["by_field"]["address_line1"]["cosmetic"], count("address_line1", "cosmetic"));
    let kinds = r["by_kind"]["material"].as_u64().unwrap() + r["by_kind"]["cosmetic"].as_u64().unwrap();
    assert_eq!(kinds, lines.len() as u64);
    assert_eq!(r["pc_only"], 27);
    assert_eq!(r["list_only"], summary(&out)["outcomes"]["clean"]);
    assert!(r.get("baseline").is_none(), "no baseline given");
}

/// The Partner Center customers no row matched are listed with where they are in the export.
#[test]
fn recon_pc_only_lists_unmatched_customers() {
    let w = Work::new();
    run_samples(&w, "out", &[]);
    let out = w.path("out");
    let only = read_csv(&out.join("reconciliation/pc_only.csv"));
    assert_eq!(only.len(), 27);
    let nova = only.iter().find(|c| c["company_name"] == "Nova Scotia Seafoods Inc.").expect("Nova Scotia");
    assert_eq!(nova["pc_customer_id"], "40f794fa-dce4-4ccf-b702-18ecf5ce9393");
    assert_eq!(nova["source_id"], nova["pc_customer_id"]);
    assert_eq!(nova["domain"], "nova.onmicrosoft.com");
    assert_eq!(
        (nova["country"].as_str(), nova["city"].as_str(), nova["postal_code"].as_str()),
        ("CA", "Halifax", "B3J 3N4")
    );
    assert_eq!(row_key(nova), ("partner_center_export.csv".into(), String::new(), "5".into()));
    assert!(only.iter().any(|c| c["company_name"] == "Margie's Travel"), "a gmail contact matches nobody");
    // Matched and unmatched customers split the export.
    let matched: BTreeSet<String> = read_csv(&out.join("relationship_requests.csv"))
        .iter()
        .map(|r| r["pc_customer_id"].clone())
        .collect();
    let unmatched: BTreeSet<String> = only.iter().map(|c| c["pc_customer_id"].clone()).collect();
    assert!(matched.is_disjoint(&unmatched));
    let export = read_csv(&root().join("samples/partner_center_export.csv"));
    assert_eq!(matched.len() + unmatched.len(), export.len());
}

const EXPORT_HEADER: &str =
    "Customer ID,Company Name,Primary Domain Name,Country/Region,Address Line 1,City,State,Postal Code,Registration ID,Contact Email";

/// A small hand-made pair of files: an input list and a Partner Center export.
fn hand_made(w: &Work, rows: &[String], export: &[&str]) {
    w.write("in.csv", format!("{HEADER}\n{}\n", rows.join("\n")));
    w.write("pc.csv", format!("{EXPORT_HEADER}\n{}\n", export.join("\n")));
}

fn run_hand_made(w: &Work, out: &str, extra: &[&str]) {
    let mut args = vec!["run", "in.csv", "--existing", "pc.csv", "--out", out, "--today", "2026-11-26", "-q"];
    args.extend_from_slice(extra);
    w.run_ok(&args);
}

/// A customer written the same way on both sides has no drift.
#[test]
fn recon_identical_customer_has_no_drift() {
    let w = Work::new();
    hand_made(
        &w,
        &[de_row("Contoso GmbH", "contoso")],
        &[
            "pc-1,Contoso GmbH,contoso.onmicrosoft.com,DE,Unter den Linden 1,Berlin,,10117,,anna@contoso.de",
            "pc-2,Northwind GmbH,northwind.onmicrosoft.com,DE,Hauptstraße 1,Hamburg,,20095,,it@northwind.de",
        ],
    );
    run_hand_made(&w, "out", &[]);
    let out = w.path("out");
    assert!(read_csv(&out.join("reconciliation/drift.csv")).is_empty());
    let only = read_csv(&out.join("reconciliation/pc_only.csv"));
    assert_eq!(only.len(), 1);
    assert_eq!((only[0]["pc_customer_id"].as_str(), only[0]["source_row"].as_str()), ("pc-2", "3"));
    let r = &summary(&out)["reconciliation"];
    assert_eq!((r["matched_rows"].as_u64(), r["rows_with_drift"].as_u64()), (Some(1), Some(0)));
    assert_eq!(
        (r["drift_lines"].as_u64(), r["pc_only"].as_u64(), r["list_only"].as_u64()),
        (Some(0), Some(1), Some(0))
    );
}

/// Case, punctuation, legal form and street abbreviations are cosmetic only.
#[test]
fn recon_cosmetic_only_differences() {
    let w = Work::new();
    let row = "Fabrikam Ltd,12 High St,London,,EC1A 1BB,GB,Amelia,Smith,J.Harris@fabrikam.co.uk,+44 20 7946 0000,,fabrikam,yes,2024-01-15";
    hand_made(
        &w,
        &[row.to_string()],
        &["pc-1,\"FABRIKAM, LIMITED\",Fabrikam.onmicrosoft.com,United Kingdom,12 High Street,LONDON,,EC1A1BB,,j.harris@fabrikam.co.uk"],
    );
    run_hand_made(&w, "out", &[]);
    let lines = read_csv(&w.path("out/reconciliation/drift.csv"));
    let fields: Vec<&str> = lines.iter().map(|l| l["field"].as_str()).collect();
    assert_eq!(fields, ["company_name", "address_line1", "city", "postal_code", "contact_email"]);
    assert!(lines.iter().all(|l| l["kind"] == "cosmetic"), "{lines:?}");
    let r = &summary(&w.path("out"))["reconciliation"];
    assert_eq!((r["by_kind"]["material"].as_u64(), r["by_kind"]["cosmetic"].as_u64()), (Some(0), Some(5)));
}

/// The drift.csv format, on a small case with every kind of line and a formula to guard.
#[test]
fn recon_drift_csv_format() {
    let w = Work::new();
    hand_made(
        &w,
        &[
            "Fabrikam Ltd,12 High St,London,,EC1A 1BB,GB,Amelia,Smith,amelia@fabrikam.co.uk,,,fabrikam,yes,2024-01-15"
                .to_string(),
            "Tailspin Toys GmbH,=1+2 Hauptstr. 17,Hamburg,,20095,DE,Lukas,Wagner,einkauf@tailspintoys.de,,,tailspintoys,yes,2024-01-15"
                .to_string(),
        ],
        &[
            "pc-1,\"Fabrikam, Ltd.\",fabrikamltd.onmicrosoft.com,GB,12 High Street,London,,EC1A 1BB,,amelia@fabrikam.co.uk",
            "pc-2,Tailspin Toys,tailspintoys.onmicrosoft.com,DE,Hauptstraße 17,Hamburg,,20097,,",
        ],
    );
    run_hand_made(&w, "out", &[]);
    insta::assert_snapshot!(std::fs::read_to_string(w.path("out/reconciliation/drift.csv")).unwrap());
}

/// With --baseline, the summary reports exactly the drift that appeared and the drift that went.
#[test]
fn recon_baseline_reports_new_and_fixed_drift() {
    let w = Work::new();
    let export = [
        "pc-1,Contoso GmbH,contoso.onmicrosoft.com,DE,Unter den Linden 1,Berlin,,10117,,anna@contoso.de",
        "pc-2,Northwind GmbH,northwind.onmicrosoft.com,DE,Unter den Linden 1,Berlin,,10115,,anna@northwind.de",
    ];
    // Northwind's postal code differs from Partner Center's in the first run.
    let northwind = de_row("Northwind GmbH", "northwind");
    hand_made(&w, &[de_row("Contoso GmbH", "contoso"), northwind.clone()], &export);
    run_hand_made(&w, "first", &[]);
    let first = read_csv(&w.path("first/reconciliation/drift.csv"));
    assert_eq!(first.len(), 1);
    assert_eq!((first[0]["field"].as_str(), first[0]["kind"].as_str()), ("postal_code", "material"));

    // Second run: the postal code is fixed, but the city now differs.
    let changed = northwind.replace(",Berlin,,10117,", ",Potsdam,,10115,");
    hand_made(&w, &[de_row("Contoso GmbH", "contoso"), changed], &export);
    run_hand_made(&w, "second", &["--baseline", "first"]);
    let b = &summary(&w.path("second"))["reconciliation"]["baseline"];
    assert_eq!((b["new"].as_u64(), b["fixed"].as_u64()), (Some(1), Some(1)), "{b:#}");
    let new = &b["new_drift"][0];
    assert_eq!((new["field"].as_str(), new["source_row"].as_str()), (Some("city"), Some("3")));
    assert_eq!((new["legacy_value"].as_str(), new["pc_value"].as_str()), (Some("Potsdam"), Some("Berlin")));
    let fixed = &b["fixed_drift"][0];
    assert_eq!(
        (fixed["field"].as_str(), fixed["pc_customer_id"].as_str()),
        (Some("postal_code"), Some("pc-2"))
    );
    assert_eq!(b["new_drift"].as_array().unwrap().len() + b["fixed_drift"].as_array().unwrap().len(), 2);
    assert_eq!(b["dir"], "first");

    // Against itself, nothing is new or fixed.
    run_hand_made(&w, "third", &["--baseline", "second"]);
    let b = &summary(&w.path("third"))["reconciliation"]["baseline"];
    assert_eq!((b["new"].as_u64(), b["fixed"].as_u64()), (Some(0), Some(0)));
}

/// A baseline folder that is missing, or is not a run's output folder, is a usage error.
#[test]
fn recon_bad_baseline_is_a_usage_error() {
    let w = Work::new();
    hand_made(&w, &[de_row("Contoso GmbH", "contoso")], &[]);
    std::fs::create_dir_all(w.path("empty")).unwrap();
    for dir in ["no-such-run", "empty"] {
        let out = w.run(&["run", "in.csv", "--out", "out", "--baseline", dir, "-q"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(dir) && err.contains("--baseline"), "{err}");
        assert!(!Path::new(&w.path("out/summary.json")).exists(), "nothing is written");
    }
}
