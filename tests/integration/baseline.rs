//! `--baseline`: a second run on a changed input reports exactly the findings that appeared and
//! went away, in summary.json, report.xlsx and report.html.

use crate::common::*;
use crate::workbook;
use std::collections::BTreeSet;

/// (file, sheet, row, rule) of a list of changed findings in summary.json.
fn listed(v: &serde_json::Value) -> BTreeSet<(String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| (f["source_row"].to_string(), f["rule"].as_str().unwrap().to_string()))
        .collect()
}

fn set(items: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    items.iter().map(|(r, c)| (r.to_string(), c.to_string())).collect()
}

/// Row 3 is fixed, row 4 breaks (its e-mail, which is also the signatory's), row 6 is new, the
/// rest are untouched: the comparison names exactly those rows.
#[test]
fn a_changed_input_reports_exactly_the_rows_that_changed() {
    let w = Work::new();
    let before = [
        de_row("Contoso GmbH", "contoso"),
        de_row("Test", "testco"),
        de_row("Fabrikam GmbH", "fabrikam"),
        de_row("LLC", "llcco"),
    ];
    w.write("in.csv", format!("{HEADER}\n{}\n", before.join("\n")));
    let args = ["run", "in.csv", "--out", "nightly", "--today", "2026-11-26", "-q"];
    w.run_ok(&args);
    let after = [
        de_row("Contoso GmbH", "contoso"),
        de_row("Tailspin Toys GmbH", "testco"),
        de_row("Fabrikam GmbH", "fabrikam").replace("anna@fabrikam.de", "anna@"),
        de_row("LLC", "llcco"),
        de_row("Demo", "democo"),
    ];
    w.write("in.csv", format!("{HEADER}\n{}\n", after.join("\n")));
    // The baseline is the output folder itself, as a nightly job would run it.
    w.run_ok(&[&args[..], &["--baseline", "nightly"]].concat());
    let s = summary(&w.path("nightly"));
    let ch = &s["changes"];
    assert_eq!(ch["findings_compared"], true);
    assert_eq!(listed(&ch["fixed"]), set(&[("3", "company.test_name")]), "{ch:#}");
    let new = [("4", "email.syntax"), ("4", "agreement.signatory.email.syntax"), ("6", "company.test_name")];
    assert_eq!(listed(&ch["new"]), set(&new), "{ch:#}");
    assert_eq!(ch["new_findings"], 3);
    assert_eq!(ch["fixed_findings"], 1);
    assert_eq!(ch["counts"]["rows_in"], serde_json::json!({"before": 4, "after": 5, "change": 1}));
    assert_eq!(ch["counts"]["outcomes"]["rejected"]["change"], 1);
    assert_eq!(
        ch["counts"]["rules"]["email.syntax"],
        serde_json::json!({"before": 0, "after": 1, "change": 1})
    );
    assert!(ch["counts"]["rules"].get("company.test_name").is_none(), "unchanged counts are left out");

    let xlsx = w.path("nightly/report.xlsx");
    let sheets = workbook::sheets(&xlsx);
    let changes = &sheets.iter().find(|(n, _)| n == "Changes").expect("a Changes sheet").1;
    let rows: BTreeSet<(String, String, String)> =
        changes[1..].iter().map(|r| (r[0].clone(), r[3].clone(), r[5].clone())).collect();
    let want: BTreeSet<(String, String, String)> = [
        ("new", "4", "email.syntax"),
        ("new", "4", "agreement.signatory.email.syntax"),
        ("new", "6", "company.test_name"),
        ("fixed", "3", "company.test_name"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(rows, want);
    let page = std::fs::read_to_string(w.path("nightly/report.html")).unwrap();
    assert!(
        page.contains("Changes since the baseline")
            && page.contains("New findings: 3")
            && page.contains("Fixed findings: 1")
    );

    // Unchanged input against that run: nothing new, nothing fixed.
    w.run_ok(&["run", "in.csv", "--out", "again", "--today", "2026-11-26", "-q", "--baseline", "nightly"]);
    let again = summary(&w.path("again"));
    assert_eq!(again["changes"]["new_findings"], 0);
    assert_eq!(again["changes"]["fixed_findings"], 0);
}

/// Rows with a legacy key are matched by it, so rows inserted above do not shift them.
#[test]
fn rows_with_a_source_id_are_matched_by_it() {
    let w = Work::new();
    let header = format!("Account ID,{HEADER}");
    w.write("in.csv", format!("{header}\nA1,{}\nA2,{}\n", de_row("Test", "testco"), de_row("LLC", "llcco")));
    w.run_ok(&["run", "in.csv", "--out", "one", "-q"]);
    w.write(
        "in.csv",
        format!(
            "{header}\nA0,{}\nA1,{}\nA2,{}\n",
            de_row("Contoso GmbH", "contoso"),
            de_row("Test", "testco"),
            de_row("LLC", "llcco")
        ),
    );
    w.run_ok(&["run", "in.csv", "--out", "two", "-q", "--baseline", "one"]);
    let ch = &summary(&w.path("two"))["changes"];
    assert_eq!(ch["new_findings"], 0, "{ch:#}");
    assert_eq!(ch["fixed_findings"], 0, "{ch:#}");
}

/// A baseline from `check` has no findings: only the counts are compared.
#[test]
fn a_check_baseline_compares_counts_only() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Test", "testco")));
    w.run_ok(&["check", "in.csv", "--out", "chk", "-q"]);
    w.run_ok(&["check", "in.csv", "--out", "chk2", "-q", "--baseline", "chk"]);
    let ch = &summary(&w.path("chk2"))["changes"];
    assert_eq!(ch["findings_compared"], false);
    assert_eq!(
        ch["counts"]["outcomes"]["rejected"],
        serde_json::json!({"before": 1, "after": 1, "change": 0})
    );
}

/// A missing baseline folder, or one that is not a run's output, is a usage error naming it.
#[test]
fn a_bad_baseline_exits_2_and_names_it() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    w.write("empty/readme.txt", "not a run");
    for dir in ["no-such-folder", "empty"] {
        let out = w.run(&["run", "in.csv", "--out", "out", "--baseline", dir]);
        assert_eq!(out.status.code(), Some(2), "{dir}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(dir) && err.contains("--baseline"), "{err}");
    }
    assert!(!w.path("out/summary.json").exists(), "nothing was written");
}
