//! `--redact`: identifiers masked in every human-facing output, exact in the machine outputs.

use crate::common::*;
use crate::workbook;

/// (company, domain, e-mail local part, phone, tax ID) of each input row.
const ROWS: [(&str, &str, &str, &str, &str); 4] = [
    ("Contoso GmbH", "contoso", "anna.schmidt", "+49 30 901820", "7707083893"),
    ("Test", "testco", "ben.meyer", "+49 89 2190010", "5001234567"),
    ("Woodgrove Bank", "woodgrove", "carl.wolf", "+49 40 3018000", "4001234568"),
    // The same customer as the first row: a duplicate.
    ("Contoso GmbH", "contoso", "anna.schmidt", "+49 30 901820", "7707083893"),
];

fn row((company, domain, local, phone, tax): (&str, &str, &str, &str, &str)) -> String {
    format!("{company},Unter den Linden 1,Berlin,,10117,DE,Anna,Schmidt,{local}@{domain}.de,{phone},{tax},{domain},yes,2024-01-15")
}

/// What must not show: local parts, the numbers' subscriber digits, the tax IDs.
fn secrets() -> Vec<String> {
    ROWS.iter()
        .flat_map(|(_, _, local, phone, tax)| {
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            [format!("{local}@"), phone[4..].to_string(), digits, tax.to_string()]
        })
        .collect()
}

/// Every file a person reads, as text (the workbook as its cells).
fn human_outputs(out: &std::path::Path) -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = [
        "rejections/findings.csv",
        "rejections/rejected_rows.csv",
        "duplicates.csv",
        "relationship_requests.csv",
        "report.html",
    ]
    .iter()
    .map(|f| (f.to_string(), std::fs::read_to_string(out.join(f)).unwrap()))
    .collect();
    for (name, grid) in workbook::sheets(&out.join("report.xlsx")) {
        let cells: Vec<String> = grid.into_iter().flatten().collect();
        texts.push((format!("report.xlsx [{name}]"), cells.join("\n")));
    }
    texts
}

/// With --redact no human-facing output holds the e-mail, the phone or the tax ID; the clean
/// file and summary.json are unchanged.
#[test]
fn identifiers_are_masked_for_people_only() {
    let w = Work::new();
    // One clean row, one rejected (test name), one existing, one duplicate of the clean row.
    let rows: Vec<String> = ROWS.iter().map(|r| row(*r)).collect();
    w.write("in.csv", format!("{HEADER}\n{}\n", rows.join("\n")));
    w.write(
        "pc.csv",
        "Customer ID,Company Name,Primary Domain Name,Country/Region,Address Line 1,City,Postal Code\n\
         1111,Woodgrove Bank,woodgrove.onmicrosoft.com,DE,Unter den Linden 1,Berlin,10117\n",
    );
    w.run_ok(&["run", "in.csv", "--existing", "pc.csv", "--out", "plain", "-q"]);
    w.run_ok(&["run", "in.csv", "--existing", "pc.csv", "--out", "masked", "-q", "--redact"]);
    let s = summary(&w.path("masked"));
    assert_eq!(s["outcomes"]["rejected"], 1);
    assert_eq!(s["outcomes"]["existing"], 1);
    assert_eq!(s["outcomes"]["duplicate"], 1);

    let plain = human_outputs(&w.path("plain"));
    assert!(plain.iter().any(|(_, t)| t.contains("ben.meyer@")), "without --redact the address is there");
    for (file, text) in human_outputs(&w.path("masked")) {
        for secret in secrets() {
            assert!(!text.contains(&secret), "{file} shows {secret}");
        }
    }
    let rejected = read_csv(&w.path("masked/rejections/rejected_rows.csv"));
    assert_eq!(rejected[0]["Email"], "***@testco.de");
    assert_eq!(rejected[0]["Phone"], "'+49 ** *****10");
    assert_eq!(rejected[0]["Tax ID"], "*******567");

    for f in ["clean/customers.csv", "clean/customers.jsonl"] {
        let a = std::fs::read(w.path("plain").join(f)).unwrap();
        let b = std::fs::read(w.path("masked").join(f)).unwrap();
        assert!(a == b, "{f} is a machine output and stays exact");
    }
    let clean = read_csv(&w.path("masked/clean/customers.csv"));
    assert_eq!(clean[0]["contact_email"], "anna.schmidt@contoso.de");
}
