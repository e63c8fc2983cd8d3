//! Snapshots of the report formats for a small fixed input.

use crate::common::*;

fn small_run() -> Work {
    let w = Work::new();
    let rows = [
        de_row("Contoso GmbH", "contoso"),
        de_row("LLC", "llcco"),
        "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Hauptstr. 1,Berlin,,10117,DE,Admin,X,not-an-email,+49 30 901820,,evil,yes,2035-01-01"
            .to_string(),
    ];
    w.write("in.csv", format!("{HEADER}\n{}\n", rows.join("\n")));
    w.write("p.toml", "[partner]\nemail_domains = [\"contoso-partner.com\"]\n");
    w.run_ok(&["run", "in.csv", "--config", "p.toml", "--out", "out", "--today", "2026-11-26", "-q"]);
    w
}

#[test]
fn findings_csv_format() {
    let w = small_run();
    insta::assert_snapshot!(std::fs::read_to_string(w.path("out/rejections/findings.csv")).unwrap());
}

#[test]
fn rejected_rows_csv_format() {
    let w = small_run();
    insta::assert_snapshot!(std::fs::read_to_string(w.path("out/rejections/rejected_rows.csv")).unwrap());
}

#[test]
fn clean_outputs_format() {
    let w = small_run();
    insta::assert_snapshot!(std::fs::read_to_string(w.path("out/clean/customers.csv")).unwrap());
    insta::assert_snapshot!(std::fs::read_to_string(w.path("out/clean/customers.jsonl")).unwrap());
}
