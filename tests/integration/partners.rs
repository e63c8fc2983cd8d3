//! `run --report-per COLUMN`: a folder per reseller under `partners/` whose rows add up to the
//! list, none holding another reseller's names (every file is read back), the rows without a
//! value in a folder of their own, an index whose figures are the partners' own, and the changes
//! since `--baseline` per partner.

use crate::common::*;
use crate::workbook;
use std::collections::BTreeMap;
use std::path::Path;

/// The reseller column after the usual header.
fn header() -> String {
    format!("{HEADER},Reseller")
}

/// A German row of `reseller`; `rejected` gives it a placeholder contact (Admin).
fn row(company: &str, domain: &str, reseller: &str, rejected: bool) -> String {
    let r = format!("{},{reseller}", de_row(company, domain));
    if rejected {
        r.replace(",Anna,", ",Admin,")
    } else {
        r
    }
}

/// (reseller value, folder, its rows as (company, domain, rejected)). Gamma is spelt two ways
/// (one partner); the blank value is spaces. Zorblax at Beta is Alpha's customer again (the
/// same domain, address and contact), spelt differently: a duplicate across partners.
type Rows = [(&'static str, &'static str, bool)];
const RESELLERS: [(&str, &str, &Rows); 4] = [
    (
        "Alpha IT",
        "alpha-it",
        &[
            ("Zorblax Software GmbH", "zorblax", false),
            ("Quintara Bau GmbH", "quintara", true),
            ("Velmont Logistik AG", "velmont", false),
        ],
    ),
    (
        "Beta Systems",
        "beta-systems",
        &[
            ("Zorblax Software G.m.b.H.", "zorblax", false),
            ("Brightwell Foods GmbH", "brightwell", true),
            ("Orvieto Design KG", "orvieto", false),
        ],
    ),
    (
        "Gamma",
        "gamma",
        &[("Kestrel Maschinenbau GmbH", "kestrel", false), ("Pellucid Media GmbH", "pellucid", true)],
    ),
    (
        "   ",
        "_no-value",
        &[("Northwind Optik GmbH", "northwind", false), ("Halvard Metall GmbH", "halvard", true)],
    ),
];

/// The list, resellers interleaved so that no partner's rows are together; `broken` names the
/// companies given a placeholder contact instead of their usual one.
fn list(flip: &[&str]) -> String {
    let mut lines = vec![header()];
    for i in 0..3 {
        for (r, (value, _, rows)) in RESELLERS.iter().enumerate() {
            if let Some((company, domain, rejected)) = rows.get(i) {
                // The second Gamma row spells the reseller in capitals, with a trailing space.
                let value = if r == 2 && i == 1 { "GAMMA " } else { value };
                lines.push(row(company, domain, value, *rejected != flip.contains(company)));
            }
        }
    }
    lines.join("\n") + "\n"
}

/// Every file of a partner's folder as text (the workbook as its cells, and its shared strings).
fn folder_texts(dir: &Path) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for f in ["report.html", "rejected_rows.csv"] {
        texts.push((f.to_string(), std::fs::read_to_string(dir.join(f)).unwrap()));
    }
    let xlsx = dir.join("report.xlsx");
    for (name, grid) in workbook::sheets(&xlsx) {
        texts.push((
            format!("report.xlsx [{name}]"),
            grid.into_iter().flatten().collect::<Vec<_>>().join("\n"),
        ));
    }
    for part in workbook::part_names(&xlsx) {
        if part.ends_with(".xml") {
            texts.push((format!("report.xlsx {part}"), workbook::part(&xlsx, &part).unwrap_or_default()));
        }
    }
    texts
}

/// The figure cards of a report.html: "rows" and each outcome, to their number.
fn cards(page: &str) -> BTreeMap<String, u64> {
    page.split("<div class=\"n\">")
        .skip(1)
        .filter_map(|c| {
            let (n, rest) = c.split_once("</div><div class=\"l\">")?;
            let label = rest.split(['<', ' ']).next()?;
            Some((label.to_string(), n.parse().ok()?))
        })
        .collect()
}

fn index(out: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    read_csv(&out.join("partners/index.csv")).into_iter().map(|l| (l["folder"].clone(), l)).collect()
}

/// Three resellers and a blank: four folders whose rows add up to the list, none holding
/// another's company names or reseller value, the index equal to each partner's own report.
#[test]
fn each_reseller_gets_only_its_rows() {
    let w = Work::new();
    w.write("in.csv", list(&[]));
    w.run_ok(&["run", "in.csv", "--out", "out", "-q", "--report-per", "Reseller"]);
    let out = w.path("out");
    let s = summary(&out);
    assert_eq!(s["rows_in"], 10);
    assert_eq!(s["partners"]["partners"], 4, "{:#}", s["partners"]);
    assert_eq!(s["partners"]["rows_without_value"], 2, "the blank values are counted");

    let index = index(&out);
    let folders: Vec<&str> = index.keys().map(String::as_str).collect();
    assert_eq!(folders, ["_no-value", "alpha-it", "beta-systems", "gamma"]);
    assert_eq!(index["gamma"]["partner"], "Gamma", "one partner, named by its first spelling");
    assert_eq!(index["_no-value"]["partner"], "");

    // The rows add up: per outcome, the partners' figures are the list's.
    for o in ["rows", "clean", "rejected", "duplicate", "existing", "education"] {
        let sum: u64 = index.values().map(|l| l[o].parse::<u64>().unwrap()).sum();
        let whole = if o == "rows" { &s["rows_in"] } else { &s["outcomes"][o] };
        assert_eq!(serde_json::json!(sum), *whole, "{o}");
    }
    assert_eq!(s["outcomes"]["rejected"], 4);
    assert_eq!(s["outcomes"]["duplicate"], 1, "Zorblax at Beta is Alpha's customer again");

    let mut rejected_names = Vec::new();
    for (value, folder, rows) in RESELLERS {
        let dir = out.join("partners").join(folder);
        // The index's figures are the partner's own report's.
        let page = std::fs::read_to_string(dir.join("report.html")).unwrap();
        let cards = cards(&page);
        let line = &index[folder];
        assert_eq!(cards["rows"], rows.len() as u64, "{folder}");
        for o in ["rows", "clean", "rejected", "duplicate", "existing", "education"] {
            assert_eq!(cards[o].to_string(), line[o], "{folder}: {o}");
        }
        assert_eq!(line["report"], format!("partners/{folder}/report.html"));
        // Its rejected rows are its own.
        let rejected = read_csv(&dir.join("rejected_rows.csv"));
        let want: Vec<&str> = rows.iter().filter(|r| r.2).map(|r| r.0).collect();
        let got: Vec<&str> = rejected.iter().map(|r| r["Company Name"].as_str()).collect();
        assert_eq!(got, want, "{folder}");
        assert!(rejected.iter().all(|r| r["Reseller"].trim().eq_ignore_ascii_case(value.trim())));
        rejected_names.extend(got.iter().map(|n| n.to_string()));
        // Nothing of anyone else's, in any file.
        let others: Vec<&str> = RESELLERS
            .iter()
            .filter(|(_, f, _)| *f != folder)
            .flat_map(|(v, _, rows)| rows.iter().map(|r| r.0).chain([v.trim()]))
            .filter(|t| !t.is_empty())
            .collect();
        for (file, text) in folder_texts(&dir) {
            for other in &others {
                assert!(!text.contains(other), "partners/{folder}/{file} shows {other:?}");
            }
        }
    }
    // Every rejected row is in exactly one partner's file.
    let mut whole: Vec<String> = read_csv(&out.join("rejections/rejected_rows.csv"))
        .iter()
        .map(|r| r["Company Name"].clone())
        .collect();
    whole.sort();
    rejected_names.sort();
    assert_eq!(rejected_names, whole);

    // The duplicate whose survivor is another partner's row shows that it is, not whose.
    let dup_sheets: Vec<String> = ["alpha-it", "beta-systems"]
        .iter()
        .flat_map(|f| workbook::sheets(&out.join("partners").join(f).join("report.xlsx")))
        .filter(|(n, _)| n == "Duplicates")
        .flat_map(|(_, g)| g.into_iter().flatten())
        .collect();
    assert!(dup_sheets.iter().any(|c| c == "(another partner's row)"), "{dup_sheets:?}");

    // The whole-list report charts the worst partners and links the index.
    let page = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(page.contains("id=\"partners\"") && page.contains("partners/index.html"));
    let index_page = std::fs::read_to_string(out.join("partners/index.html")).unwrap();
    for folder in index.keys() {
        assert!(index_page.contains(&format!("href=\"{folder}/report.html\"")), "{folder}");
    }
    // Every partner file is in the run's set; a run without --report-per removes the folder.
    let outputs = s["outputs"].to_string();
    assert!(outputs.contains("partners/gamma/report.xlsx") && outputs.contains("partners/index.csv"));
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    assert!(!out.join("partners").exists(), "the folder went with the set that wrote it");
}

/// A column no input has is a usage error naming the columns there are; a canonical field name
/// finds the column feeding it.
#[test]
fn the_column_is_a_header_or_a_field_name() {
    let w = Work::new();
    w.write("in.csv", list(&[]));
    let o = w.run(&["run", "in.csv", "--out", "out", "-q", "--report-per", "Partner"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("'Partner'") && err.contains("Company Name") && err.contains("Reseller"), "{err}");
    assert!(!w.path("out").exists(), "nothing was written");
    w.write("t2.csv", list(&[]).replacen(",Reseller", ",Reseller Tenant ID", 1));
    w.run_ok(&["run", "t2.csv", "--out", "by-field", "-q", "--report-per", "associated_partner_id"]);
    assert_eq!(index(&w.path("by-field")).len(), 4);
}

/// With a baseline split the same way, each partner's changes are its own: Alpha's fixed row,
/// Beta's new one, nothing for Gamma; the partners' parts add up to the list's.
#[test]
fn the_changes_since_the_baseline_are_per_partner() {
    let w = Work::new();
    w.write("in.csv", list(&[]));
    let args =
        ["run", "in.csv", "--out", "nightly", "-q", "--report-per", "Reseller", "--today", "2026-11-26"];
    w.run_ok(&args);
    // Quintara (Alpha) is fixed, Orvieto (Beta) breaks.
    w.write("in.csv", list(&["Quintara Bau GmbH", "Orvieto Design KG"]));
    w.run_ok(&[&args[..], &["--baseline", "nightly"]].concat());
    let out = w.path("nightly");
    let s = summary(&out);
    let (new, fixed) =
        (s["changes"]["new_findings"].as_u64().unwrap(), s["changes"]["fixed_findings"].as_u64().unwrap());
    assert!(new > 0 && fixed > 0, "{:#}", s["changes"]);
    let index = index(&out);
    let figures = |f: &str| (index[f]["new_findings"].clone(), index[f]["fixed_findings"].clone());
    assert_eq!(figures("alpha-it"), ("0".into(), fixed.to_string()));
    assert_eq!(figures("beta-systems"), (new.to_string(), "0".into()));
    assert_eq!(figures("gamma"), ("0".into(), "0".into()));
    assert_eq!(figures("_no-value"), ("0".into(), "0".into()));
    // Alpha's page tells its own change, its rejected rows before coming from the baseline's index.
    let page = std::fs::read_to_string(out.join("partners/alpha-it/report.html")).unwrap();
    let changes = page.split("id=\"changes\"").nth(1).expect("a changes section");
    assert!(changes.contains(&format!("Fixed findings: {fixed}</h3>")), "{changes}");
    assert!(changes.contains("New findings: 0</h3>"));
    let rejected = "<tr><td>outcome rejected</td><td class=\"num\">1</td><td class=\"num\">0</td>";
    assert!(changes.contains(rejected), "one rejected row before, none now: {changes}");
    assert!(!page.contains("not split by the same column"), "the counts before are known");
    let beta = std::fs::read_to_string(out.join("partners/beta-systems/report.html")).unwrap();
    let changes = beta.split("id=\"changes\"").nth(1).expect("a changes section");
    assert!(
        changes.contains(&format!("New findings: {new}</h3>")) && changes.contains("Fixed findings: 0</h3>")
    );
}

/// `--redact` masks the partners' files as it masks the whole list's.
#[test]
fn redact_applies_per_partner() {
    let w = Work::new();
    w.write("in.csv", list(&[]));
    w.run_ok(&["run", "in.csv", "--out", "out", "-q", "--report-per", "Reseller", "--redact"]);
    for (_, folder, _) in RESELLERS {
        for (file, text) in folder_texts(&w.path("out/partners").join(folder)) {
            assert!(!text.contains("anna@") && !text.contains("admin@"), "partners/{folder}/{file}");
        }
    }
    let rejected = read_csv(&w.path("out/partners/gamma/rejected_rows.csv"));
    assert_eq!(rejected[0]["Email"], "***@pellucid.de");
}
