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
fn pc_routing_ui_export_by_name_only() {
    let w = Work::new();
    let out = run_list(&w, "customers.csv", ui_export());
    assert_found(&out, BY_NAME, "UI export");
    assert_rest_alone(&out, "UI export");
}

#[test]
fn pc_routing_powershell_export_by_name_only() {
    let w = Work::new();
    let out = run_list(&w, "customers.csv", powershell_export());
    assert_found(&out, BY_NAME, "PowerShell");
    assert_rest_alone(&out, "PowerShell");
}

#[test]
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

/// The samples against their customers as the UI exports them: every relationship request is
/// one the richer export also finds, for the same customer; the prefixes taken are the same.
#[test]
fn pc_routing_samples_against_the_ui_export() {
    let w = Work::new();
    run_samples(&w, "rich", &[]);
    let root = root();
    let ui = root.join("samples/partner_center_ui_export.csv");
    let config = root.join("samples/partner.toml");
    let legacy = root.join("samples/legacy");
    let args = [
        "run",
        legacy.to_str().unwrap(),
        "--existing",
        ui.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--out",
        "ui",
        "--today",
        "2026-11-26",
        "-q",
    ];
    w.run_ok(&args);
    let requests = |dir: &str| -> std::collections::BTreeMap<RowKey, String> {
        read_csv(&w.path(dir).join("relationship_requests.csv"))
            .iter()
            .map(|r| (row_key(r), r["pc_customer_id"].clone()))
            .collect()
    };
    let (rich, ui) = (requests("rich"), requests("ui"));
    assert!(ui.len() >= 5, "the rows that give their customer's prefix: {ui:?}");
    for (key, id) in &ui {
        assert_eq!(rich.get(key), Some(id), "{key:?} is found in the UI export only, or as another customer");
    }
    let taken = |dir: &str| -> Vec<RowKey> {
        findings(&w.path(dir))
            .into_iter()
            .filter(|(_, rules)| rules.contains("domain.taken"))
            .map(|(k, _)| k)
            .collect()
    };
    assert_eq!(taken("ui"), taken("rich"));
    assert_eq!(summary(&w.path("ui"))["balanced"], true);
}

/// A duplicate that gives its customer's prefix makes the row kept in its place (the one that
/// would be created) that customer too.
#[test]
fn pc_routing_a_duplicate_found_by_prefix_links_its_survivor() {
    let w = Work::new();
    w.write("pc.csv", ui_export());
    w.write(
        "list.csv",
        format!(
            "{LIST_HEADER}\n\
             Fabrikam Ltd,12 High St,London,,EC1A 1BB,GB,Amelia,Smith,amelia@fabrikam.co.uk,+44 20 7946 0000,,yes,2024-01-15\n\
             Fabrikam Limited,12 High St,London,,EC1A 1BB,GB,Amelia,Smith,amelia@fabrikam.co.uk,,fabrikamltd,yes,2024-01-15\n"
        ),
    );
    w.run_ok(&["run", "list.csv", "--existing", "pc.csv", "--out", "out", "--today", "2026-11-26", "-q"]);
    let out = w.path("out");
    let dups = read_csv(&out.join("duplicates.csv"));
    assert_eq!((dups.len(), dups[0]["source_row"].as_str(), dups[0]["survivor_row"].as_str()), (1, "3", "2"));
    let requests = read_csv(&out.join("relationship_requests.csv"));
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_eq!(requests[0]["source_row"], "2");
    assert_eq!(requests[0]["pc_customer_id"], PC[0].id);
    // Linked through its duplicate, or found directly by its name: either way not created.
    assert!(["linked", "probabilistic"].contains(&requests[0]["match_rule"].as_str()), "{requests:?}");
}

/// A custom primary domain (`contosopharma.com`) is no prefix: it is the customer's e-mail
/// domain, and a row whose contact writes from it agrees with that customer on it.
#[test]
fn pc_routing_a_custom_primary_domain_is_e_mail_evidence() {
    let w = Work::new();
    w.write(
        "pc.csv",
        "Customer ID,Company Name,Primary Domain Name,Country/Region,City\n\
         pc-1,Contoso Pharmaceuticals Inc.,contosopharma.com,US,Seattle\n\
         pc-2,Contoso Pharma Ltd,contosopharmaltd.onmicrosoft.com,GB,London\n",
    );
    w.write(
        "list.csv",
        format!(
            "{LIST_HEADER}\nContoso Pharma Group,500 Pine St,Seattle,WA,98101,US,Anna,Miller,anna@contosopharma.com,+1 206 555 0100,,yes,2024-01-15\n"
        ),
    );
    w.run_ok(&["run", "list.csv", "--existing", "pc.csv", "--out", "out", "--today", "2026-11-26", "-q"]);
    let requests = read_csv(&w.path("out/relationship_requests.csv"));
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_eq!(requests[0]["pc_customer_id"], "pc-1");
    assert_eq!(requests[0]["pc_domain"], "contosopharma.com");
    let drift = read_csv(&w.path("out/reconciliation/drift.csv"));
    assert!(drift.iter().all(|l| l["field"] != "domain"), "the tenant's prefix is unknown: {drift:?}");
}
