//! The command line: the rule catalogue, exit codes, `check`, `mapping`, the partner profile.

use crate::common::*;

/// `rules --json` lists every rule of the catalogue with message and fix.
#[test]
fn rules_lists_the_catalogue() {
    let w = Work::new();
    let out = w.run(&["rules", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules.len(), pc_onboard::rules::catalogue::RULES.len());
    for code in [
        "row.malformed",
        "company.test_name",
        "contact.first_name.one_char",
        "email.partner_domain",
        "registration_id.personal",
        "domain.taken",
        "agreement.date_future",
        "partner.cannot_create",
    ] {
        let r = rules.iter().find(|r| r["code"] == code).unwrap_or_else(|| panic!("{code} is missing"));
        assert!(!r["message"].as_str().unwrap().is_empty() && !r["fix"].as_str().unwrap().is_empty());
    }
    let table = String::from_utf8(w.run(&["rules"]).stdout).unwrap();
    assert!(table.contains("company.abbreviation_only") && table.contains("fix:"));
}

/// Severity overrides from the profile show in `rules` and change the routing.
#[test]
fn profile_overrides_severities() {
    let w = Work::new();
    w.write("p.toml", "[agreement]\nmissing_is_error = true\n");
    let out = w.run(&["rules", "--json", "--config", "p.toml"]);
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let agreement = rules.iter().find(|r| r["code"] == "agreement.missing").unwrap();
    assert_eq!(agreement["severity"], "error");
    let row = de_row("Contoso GmbH", "contoso").replace(",yes,2024-01-15", ",,");
    w.write("in.csv", format!("{HEADER}\n{row}\n"));
    w.run_ok(&["run", "in.csv", "--out", "a", "-q"]);
    w.run_ok(&["run", "in.csv", "--out", "b", "-q", "--config", "p.toml"]);
    assert_eq!(summary(&w.path("a"))["outcomes"]["clean"], 1);
    assert_eq!(summary(&w.path("b"))["outcomes"]["rejected"], 1);
}

/// Usage and configuration errors exit 2 and say what is wrong.
#[test]
fn configuration_errors_exit_2() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    w.write("bad.toml", "[severity]\n\"company.nonsense\" = \"error\"\n");
    let out = w.run(&["run", "in.csv", "--config", "bad.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml") && err.contains("company.nonsense"), "{err}");
    assert_eq!(w.run(&["run", "in.csv", "--jobs", "0"]).status.code(), Some(2));
    assert_eq!(w.run(&["run"]).status.code(), Some(2));
    assert_eq!(w.run(&["run", "in.csv", "--fail-over", "150"]).status.code(), Some(2));
}

/// `--fail-over` turns too many rejections into exit code 1; `check` writes only the summary.
#[test]
fn fail_over_and_check() {
    let w = Work::new();
    w.write(
        "in.csv",
        format!("{HEADER}\n{}\n{}\n", de_row("Contoso GmbH", "contoso"), de_row("Test", "testco")),
    );
    let out = w.run(&["run", "in.csv", "--out", "out", "--fail-over", "10", "-q"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(summary(&w.path("out"))["fail_over"]["exceeded"], true);
    assert_eq!(w.run(&["run", "in.csv", "--out", "out2", "--fail-over", "60", "-q"]).status.code(), Some(0));
    w.run_ok(&["check", "in.csv", "--out", "chk", "-q"]);
    let files: Vec<_> = std::fs::read_dir(w.path("chk")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(files.iter().any(|f| f == "summary.json"));
    assert!(!w.path("chk/clean/customers.csv").exists());
    assert_eq!(summary(&w.path("chk"))["command"], "check");
}

/// `mapping` writes a file that, edited, maps an unknown header.
#[test]
fn mapping_file_maps_unknown_headers() {
    let w = Work::new();
    let input =
        format!("{}\n{}\n", HEADER.replace("Company Name", "Kundenname"), de_row("Contoso GmbH", "contoso"));
    w.write("in.csv", input);
    assert_eq!(w.run(&["run", "in.csv", "-q"]).status.code(), Some(3), "no company column without a mapping");
    let out = w.run(&["mapping", "in.csv", "--out", "map.toml"]);
    assert_eq!(out.status.code(), Some(3), "mapping needs the company column too");
    w.write("map.toml", "[columns]\n\"Kundenname\" = \"company_name\"\n");
    w.run_ok(&["run", "in.csv", "--mapping", "map.toml", "--out", "out", "-q"]);
    assert_eq!(summary(&w.path("out"))["outcomes"]["clean"], 1);
    w.run_ok(&["mapping", "in.csv", "--mapping", "map.toml", "--out", "written.toml", "-q"]);
    let written = std::fs::read_to_string(w.path("written.toml")).unwrap();
    assert!(
        written.contains("\"Kundenname\" = \"company_name\"")
            && written.contains("\"Tax ID\" = \"registration_id\""),
        "{written}"
    );
}

/// An indirect reseller cannot create customers: every row becomes a relationship request.
#[test]
fn indirect_resellers_only_request_relationships() {
    let w = Work::new();
    w.write("p.toml", "[partner]\ntype = \"indirect-reseller\"\n");
    w.write(
        "in.csv",
        format!("{HEADER}\n{}\n{}\n", de_row("Contoso GmbH", "contoso"), de_row("Fabrikam GmbH", "fabrikam")),
    );
    w.run_ok(&["run", "in.csv", "--config", "p.toml", "--out", "out", "-q"]);
    let s = summary(&w.path("out"));
    assert_eq!(s["outcomes"]["existing"], 2);
    let rel = read_csv(&w.path("out/relationship_requests.csv"));
    assert!(rel.iter().all(|r| r["match_rule"] == "partner.cannot_create"));
}

/// The closing summary on stderr says what was read and where the files are.
#[test]
fn a_run_prints_a_short_summary() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    let err = w.run_ok(&["run", "in.csv", "--out", "out"]);
    assert!(
        err.contains("read 1 rows") && err.contains("1 clean") && err.contains("rows in 1 = rows out 1"),
        "{err}"
    );
    assert!(err.contains("out"), "{err}");
}
