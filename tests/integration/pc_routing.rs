//! The same list checked against the same Partner Center customers in each form partners have:
//! the customers in the export become relationship requests with their Microsoft ID, the
//! look-alikes do not, and every row comes out once.

use crate::common::*;
use crate::pc_fixtures::*;
use std::path::PathBuf;

/// Writes the list and `export`, runs, and returns the output folder.
pub fn run_list(w: &Work, export_name: &str, export: Vec<u8>) -> PathBuf {
    write_list(w);
    w.write(export_name, export);
    w.run_ok(&["run", "list.csv", "--existing", export_name, "--out", "out", "--today", "2026-11-26", "-q"]);
    w.path("out")
}

/// Asserts that list rows `rows` are relationship requests for their Partner Center customer.
fn assert_found(out: &std::path::Path, rows: &[usize], format: &str) {
    let requests = read_csv(&out.join("relationship_requests.csv"));
    for &k in rows {
        let want = PC[LIST[k].1.expect("a customer of the export")].id;
        let line = requests.iter().find(|r| r["source_row"] == list_row(k)).unwrap_or_else(|| {
            panic!("{format}: list row {} ({}) is not a relationship request", list_row(k), LIST[k].0)
        });
        assert_eq!(line["pc_customer_id"], want, "{format}: list row {}", list_row(k));
    }
}

/// Asserts that the look-alikes and the new customers are not matched, that a look-alike asking
/// for another tenant's prefix is told so, and that rows in = rows out.
fn assert_rest_alone(out: &std::path::Path, format: &str) {
    let got = outcomes(out);
    assert_eq!(got.len(), LIST.len(), "{format}: every row has one outcome");
    for (k, (row, pc)) in LIST.iter().enumerate() {
        if pc.is_none() {
            let key = ("list.csv".to_string(), String::new(), list_row(k));
            assert_ne!(got[&key], "existing", "{format}: {row} is not a Partner Center customer");
        }
    }
    let proseware = ("list.csv".to_string(), String::new(), list_row(LOOK_ALIKES[1]));
    assert!(
        findings(out)[&proseware].contains("domain.taken"),
        "{format}: prosewarelabs is another tenant's"
    );
    let s = summary(out);
    assert_eq!(s["rows_in"], LIST.len());
    assert_eq!(s["balanced"], true);
}

#[test]
fn pc_routing_ui_export_by_prefix_and_name() {
    let w = Work::new();
    let out = run_list(&w, "customers.csv", ui_export());
    assert_found(&out, BY_PREFIX, "UI export");
    assert_rest_alone(&out, "UI export");
}

#[test]
fn pc_routing_powershell_export_by_prefix_and_name() {
    let w = Work::new();
    let out = run_list(&w, "customers.csv", powershell_export());
    // Names with `?` for accents (Windows PowerShell's ASCII) still agree.
    assert_found(&out, BY_PREFIX, "PowerShell");
    assert_rest_alone(&out, "PowerShell");
}

#[test]
fn pc_routing_json_page_by_prefix_and_name() {
    let w = Work::new();
    let out = run_list(&w, "customers.json", json_page());
    assert_found(&out, BY_PREFIX, "JSON page");
    assert_rest_alone(&out, "JSON page");
}

/// With billing profiles (country, address, e-mail) every customer of the list is found.
#[test]
fn pc_routing_json_with_billing_profiles_finds_all() {
    let w = Work::new();
    let out = run_list(&w, "customers.jsonl", json_lines());
    assert_found(&out, BY_PREFIX, "JSON lines");
    assert_found(&out, BY_NAME, "JSON lines");
    assert_rest_alone(&out, "JSON lines");
    let requests = read_csv(&out.join("relationship_requests.csv"));
    assert_eq!(requests.len(), BY_PREFIX.len() + BY_NAME.len());
}

// Rows without a prefix, against exports without country or address: only the name (and the
// custom domain as e-mail domain) is evidence, which the probabilistic matcher must weigh.

#[test]
#[ignore = "needs the probabilistic matcher (issue 13 part 3)"]
fn pc_routing_ui_export_by_name_only() {
    let w = Work::new();
    let out = run_list(&w, "customers.csv", ui_export());
    assert_found(&out, BY_NAME, "UI export");
    assert_rest_alone(&out, "UI export");
}

#[test]
#[ignore = "needs the probabilistic matcher (issue 13 part 3)"]
fn pc_routing_powershell_export_by_name_only() {
    let w = Work::new();
    let out = run_list(&w, "customers.csv", powershell_export());
    assert_found(&out, BY_NAME, "PowerShell");
    assert_rest_alone(&out, "PowerShell");
}

#[test]
#[ignore = "needs the probabilistic matcher (issue 13 part 3)"]
fn pc_routing_json_page_by_name_only() {
    let w = Work::new();
    let out = run_list(&w, "customers.json", json_page());
    assert_found(&out, BY_NAME, "JSON page");
    assert_rest_alone(&out, "JSON page");
}

/// The UI export has no address or e-mail: drift can only be in the name or the domain.
#[test]
fn pc_routing_ui_export_drift_is_name_and_domain_only() {
    let w = Work::new();
    let out = run_list(&w, "customers.csv", ui_export());
    let drift = read_csv(&out.join("reconciliation/drift.csv"));
    assert!(!drift.is_empty(), "'Fabrikam Limited' / 'Fabrikam Ltd' is cosmetic drift");
    for l in &drift {
        assert!(matches!(l["field"].as_str(), "company_name" | "domain"), "{l:?}");
    }
    let fabrikam = drift.iter().find(|l| l["source_row"] == list_row(0)).expect("Fabrikam's drift");
    assert_eq!((fabrikam["field"].as_str(), fabrikam["kind"].as_str()), ("company_name", "cosmetic"));
}

/// A customer whose billing profile the JSON lacks drifts in nothing it lacks.
#[test]
fn pc_routing_json_without_billing_profile_has_no_address_drift() {
    let w = Work::new();
    w.write("pc.jsonl", json_lines());
    let relecloud = PC.last().expect("Relecloud");
    w.write(
        "list.csv",
        format!(
            "{LIST_HEADER}\nRelecloud GmbH,Opernring 2,Wien,,1010,AT,Eva,Huber,eva@relecloud.at,+43 1 555 0100,relecloud,yes,2024-01-15\n"
        ),
    );
    w.run_ok(&["run", "list.csv", "--existing", "pc.jsonl", "--out", "out", "--today", "2026-11-26", "-q"]);
    let requests = read_csv(&w.path("out/relationship_requests.csv"));
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0]["pc_customer_id"], relecloud.id);
    assert_eq!(requests[0]["match_rule"], "domain");
    let drift = read_csv(&w.path("out/reconciliation/drift.csv"));
    assert!(drift.is_empty(), "same name and prefix, nothing else known: {drift:?}");
}
