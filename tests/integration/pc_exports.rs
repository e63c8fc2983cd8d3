//! Reading Partner Center exports for `--existing` in each form: customer IDs, names, domains
//! and where each customer is, checked through `reconciliation/pc_only.csv` against a list that
//! matches none of them; and errors that name the file and the place.

use crate::common::*;
use crate::pc_fixtures::*;
use std::collections::BTreeMap;

/// Runs a one-row list that matches no customer against `export`; returns pc_only.csv's lines
/// (every customer of the export) and summary.json.
fn read_export(name: &str, export: Vec<u8>) -> (Vec<BTreeMap<String, String>>, serde_json::Value) {
    let w = Work::new();
    w.write(name, export);
    w.write("list.csv", format!("{HEADER}\n{}\n", de_row("Unrelated Bakery GmbH", "unrelatedbakery")));
    w.run_ok(&["run", "list.csv", "--existing", name, "--out", "out", "--today", "2026-11-26", "-q"]);
    (read_csv(&w.path("out/reconciliation/pc_only.csv")), summary(&w.path("out")))
}

/// The domain as pc_only.csv writes it.
fn shown_domain(c: &Pc) -> &str {
    c.domain
}

/// Asserts pc_only.csv holds every customer, in export order, at `row(k)` of `file`, named
/// by `name(c)`.
fn assert_all(
    lines: &[BTreeMap<String, String>],
    file: &str,
    row: impl Fn(usize) -> u64,
    name: impl Fn(&Pc) -> String,
) {
    assert_eq!(lines.len(), PC.len(), "{file}: every customer is read");
    for (k, (line, c)) in lines.iter().zip(PC).enumerate() {
        assert_eq!(line["pc_customer_id"], c.id, "{file} #{k}");
        assert_eq!(line["source_id"], c.id, "{file} #{k}");
        assert_eq!(line["company_name"], name(c), "{file} #{k}");
        assert_eq!(line["domain"], shown_domain(c), "{file} #{k}");
        assert_eq!(row_key(line), (file.to_string(), String::new(), row(k).to_string()), "{file} #{k}");
    }
}

#[test]
fn pc_exports_ui_export() {
    let (lines, s) = read_export("customers.csv", ui_export());
    assert_all(&lines, "customers.csv", |k| k as u64 + 2, |c| c.name.to_string());
    assert_eq!(s["existing"]["formats"], serde_json::json!(["ui_export"]));
    assert_eq!(s["existing"]["customers"], PC.len());
    // No country or address in this export.
    assert!(lines.iter().all(|l| l["country"].is_empty() && l["city"].is_empty()));
}

#[test]
fn pc_exports_powershell_5_export() {
    let (lines, s) = read_export("customers.csv", powershell_export());
    // Row 1 is the #TYPE line, row 2 the header.
    let ascii = |c: &Pc| c.name.chars().map(|ch| if ch.is_ascii() { ch } else { '?' }).collect::<String>();
    assert_all(&lines, "customers.csv", |k| k as u64 + 3, ascii);
    assert_eq!(s["existing"]["formats"], serde_json::json!(["powershell_csv"]));
}

/// PowerShell 7 writes no #TYPE line and UTF-8: names keep their letters.
#[test]
fn pc_exports_powershell_7_export() {
    let text = String::from_utf8(powershell_export()).unwrap();
    let (_, rest) = text.split_once("\r\n").unwrap();
    let utf8: String = rest
        .lines()
        .enumerate()
        .map(|(k, l)| match k.checked_sub(1).and_then(|i| PC.get(i)) {
            Some(c) => {
                format!("\"\",\"\",\"\",\"\",\"{}\",\"{}\",\"{}\",\"Reseller\"\n", c.id, c.domain, c.name)
            }
            None => format!("{l}\n"),
        })
        .collect();
    let (lines, _) = read_export("customers.csv", utf8.into_bytes());
    assert_all(&lines, "customers.csv", |k| k as u64 + 2, |c| c.name.to_string());
}

#[test]
fn pc_exports_json_page() {
    let (lines, s) = read_export("customers.json", json_page());
    assert_all(&lines, "customers.json", json_page_line, |c| c.name.to_string());
    assert_eq!(s["existing"]["formats"], serde_json::json!(["rest_json"]));
}

#[test]
fn pc_exports_json_lines_with_billing_profiles() {
    let (lines, _) = read_export("customers.jsonl", json_lines());
    assert_all(&lines, "customers.jsonl", |k| k as u64 + 1, |c| c.name.to_string());
    for (line, c) in lines.iter().zip(PC).take(PC.len() - 1) {
        let place = (line["country"].as_str(), line["city"].as_str(), line["postal_code"].as_str());
        assert_eq!(place, (c.country, c.city, c.postal.to_uppercase().as_str()), "{}", c.name);
    }
    assert_eq!(lines[PC.len() - 1]["country"], "", "no billing profile, no country");
}

/// An array of customers, one customer alone, and pages one after another are read alike; the
/// extension does not matter, the first character does.
#[test]
fn pc_exports_json_arrays_single_customers_and_several_pages() {
    let page = String::from_utf8(json_page()).unwrap();
    let items: serde_json::Value = serde_json::from_str(&page).unwrap();
    let array = serde_json::to_string_pretty(&items["items"]).unwrap();
    let (lines, _) = read_export("customers.txt", array.into_bytes());
    assert_eq!(lines.len(), PC.len());
    let one = serde_json::to_string(&items["items"][3]).unwrap();
    let (lines, _) = read_export("one.json", one.into_bytes());
    assert_eq!((lines.len(), lines[0]["pc_customer_id"].as_str()), (1, PC[3].id));
    let (lines, _) = read_export("pages.json", format!("{page}{page}").into_bytes());
    assert_eq!(lines.len(), 2 * PC.len());
    let second = page.lines().count() as u64;
    assert_eq!(lines[PC.len()]["source_row"], (second + json_page_line(0)).to_string());
}

/// Windows PowerShell's Out-File writes UTF-16 with a byte-order mark.
#[test]
fn pc_exports_json_in_utf16() {
    let text = String::from_utf8(json_lines()).unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let (lines, _) = read_export("customers.json", bytes);
    assert_eq!(lines.len(), PC.len());
    assert_eq!(lines[4]["company_name"], PC[4].name);
}

/// A JSON file that cannot be read stops the run with exit code 3, naming the file and where.
#[test]
fn pc_exports_bad_json_is_an_input_error() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "cut.json",
            "{\n  \"items\": [\n    {\"id\": \"a\", \"companyProfile\": {\"companyName\": \"X\"",
            "line 3",
        ),
        ("comma.json", "[\n  {\"id\": \"a\"},\n  {\"id\": \"b\",}\n]", "line 3, column"),
        ("error.json", "{\"code\": 401, \"description\": \"Unauthorized\"}", "neither a Customer"),
        (
            "depth.json",
            "{\"id\": \"a\", \"billingProfile\": {\"defaultAddress\": \"@{country=US}\"}}",
            "-Depth",
        ),
        ("empty.json", "{\"totalCount\": 0, \"items\": []}", "holds no customer"),
    ];
    for (name, text, says) in cases {
        let w = Work::new();
        w.write(name, text);
        w.write("list.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
        let out = w.run(&["run", "list.csv", "--existing", name, "--out", "out", "-q"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{name}: {stderr}");
        assert!(stderr.contains(name) && stderr.contains(says), "{name}: {stderr}");
        assert!(stderr.contains("byte") || !says.contains("line"), "{name}: the byte is said: {stderr}");
    }
}
