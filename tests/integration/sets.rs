//! What "one complete set" means, checked on an output folder: summary.json parses, every file
//! it lists is there and no other output file is, and every file holds as many rows as
//! summary.json says. A folder that mixes two runs fails at least one of these.

use crate::workbook;
use serde_json::Value;
use std::path::Path;

/// Data records of a CSV file (quoted line breaks are one record).
fn csv_records(path: &Path) -> u64 {
    let mut rdr = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut n = 0;
    for r in rdr.records() {
        r.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        n += 1;
    }
    n
}

/// Checks the folder holds one complete set; returns its summary.
pub fn assert_one_set(out: &Path, when: &str) -> Value {
    let text = std::fs::read_to_string(out.join("summary.json"))
        .unwrap_or_else(|e| panic!("{when}: no summary.json in {}: {e}", out.display()));
    let s: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{when}: summary.json: {e}"));
    let listed: Vec<&str> = s["outputs"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for name in pc_onboard::write::OUTPUT_FILES.iter().chain(&["summary.json"]) {
        assert_eq!(
            out.join(name).is_file(),
            listed.contains(name),
            "{when}: {name} is present if and only if summary.json lists it"
        );
    }
    let outcome = |o: &str| s["outcomes"][o].as_u64().unwrap();
    let mut expect: Vec<(&str, u64)> = vec![
        ("clean/customers.csv", outcome("clean")),
        ("education.csv", outcome("education")),
        ("relationship_requests.csv", outcome("existing")),
        ("duplicates.csv", outcome("duplicate")),
        ("rejections/rejected_rows.csv", outcome("rejected")),
        ("reconciliation/drift.csv", s["reconciliation"]["drift_lines"].as_u64().unwrap()),
        ("reconciliation/pc_only.csv", s["reconciliation"]["pc_only"].as_u64().unwrap()),
    ];
    let findings: u64 = s["rules"].as_array().unwrap().iter().map(|r| r["findings"].as_u64().unwrap()).sum();
    expect.push(("rejections/findings.csv", findings));
    for (file, want) in expect {
        if listed.contains(&file) {
            assert_eq!(csv_records(&out.join(file)), want, "{when}: rows of {file} against summary.json");
        }
    }
    if listed.contains(&"clean/customers.jsonl") {
        let lines =
            std::fs::read_to_string(out.join("clean/customers.jsonl")).unwrap().lines().count() as u64;
        assert_eq!(lines, outcome("clean"), "{when}: lines of clean/customers.jsonl against summary.json");
    }
    if listed.contains(&"report.xlsx") {
        let sheets = workbook::sheets(&out.join("report.xlsx"));
        let clean = &sheets.iter().find(|(n, _)| n == "Clean").expect("a Clean sheet").1;
        // A sheet cut at `report.xlsx_max_rows` (10,000) ends with a line that says so.
        let rows = clean.len().saturating_sub(1) as u64;
        let want = if outcome("clean") > 10_000 { 10_001 } else { outcome("clean") };
        assert_eq!(rows, want, "{when}: rows of report.xlsx's Clean sheet");
    }
    if listed.contains(&"report.html") {
        let html = std::fs::read_to_string(out.join("report.html")).unwrap();
        let rows_in = s["rows_in"].as_u64().expect("rows_in is an integer");
        let read = format!("{} rows read from", pc_onboard::report::numbers::Count(rows_in));
        assert!(html.contains(&read), "{when}: report.html says '{read}'");
    }
    s
}

/// The hidden folders and files a run keeps beside its output folder.
pub fn beside(out: &Path) -> Vec<String> {
    let name = out.file_name().unwrap().to_string_lossy().to_string();
    let parent = out.parent().unwrap();
    let mut found: Vec<String> = std::fs::read_dir(parent)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&format!(".{name}.pc-onboard")))
        .collect();
    found.sort();
    found
}
