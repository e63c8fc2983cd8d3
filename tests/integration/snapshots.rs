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

/// report.html without its style sheet and script (their text is the same for every run).
#[test]
fn report_html_format() {
    let w = small_run();
    let page = std::fs::read_to_string(w.path("out/report.html")).unwrap();
    let elide = |page: &str, open: &str, close: &str| -> String {
        let start = page.find(open).unwrap() + open.len();
        let end = start + page[start..].find(close).unwrap();
        format!("{}…{}", &page[..start], &page[end..])
    };
    let page = elide(&page, "<style>\n", "</style>");
    let page = elide(&page, "</main>\n<script>\n", "</script>");
    insta::assert_snapshot!(page);
}

/// report.xlsx as its sheets' cells, one line per row.
#[test]
fn report_xlsx_format() {
    let w = small_run();
    let mut dump = String::new();
    for (name, grid) in crate::workbook::sheets(&w.path("out/report.xlsx")) {
        dump.push_str(&format!("== {name}\n"));
        for row in grid {
            dump.push_str(&row.join(" | "));
            dump.push('\n');
        }
    }
    insta::assert_snapshot!(dump);
}
