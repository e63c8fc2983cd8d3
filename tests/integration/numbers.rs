//! Counts for people carry thousands separators (the closing summary, report.html, the
//! workbook's Summary sheet); machine outputs keep plain integers (summary.json, CSV). Off a
//! terminal, stderr holds only the plain per-stage lines and the summary: no progress drawing.

use crate::common::*;
use crate::workbook::part;
use pc_onboard::report::numbers::Count;

/// 2,500 generated rows: enough for every outcome to pass a thousand or come near it.
fn generated_run(w: &Work) -> String {
    w.run_ok(&["generate", "--rows", "2500", "--seed", "7", "--out", "list.csv"]);
    w.run_ok(&["run", "list.csv", "--out", "out"])
}

#[test]
fn the_closing_summary_groups_thousands_and_summary_json_does_not() {
    let w = Work::new();
    let err = generated_run(&w);
    let s = summary(&w.path("out"));
    assert_eq!(s["rows_in"].as_u64(), Some(2500), "summary.json keeps an exact integer");

    assert!(err.contains("pc-onboard: read 2,500 rows from 1 source(s):"), "{err}");
    assert!(err.contains("  list.csv: 2,500 rows"), "{err}");
    let outcome = |k: &str| Count(s["outcomes"][k].as_u64().unwrap_or_else(|| panic!("outcome {k}")));
    let want = format!(
        "outcomes: {} clean, {} education, {} rejected, {} existing, {} duplicate (rows in 2,500 = rows out 2,500)",
        outcome("clean"),
        outcome("education"),
        outcome("rejected"),
        outcome("existing"),
        outcome("duplicate"),
    );
    assert!(err.lines().any(|l| l == want), "wanted {want:?} in\n{err}");
    // The top errors carry their row counts the same way.
    let top = err.lines().find(|l| l.starts_with("top errors: ")).unwrap_or_else(|| panic!("{err}"));
    // Ranked by the rows where the rule ended up an error (a phone is a warning outside the
    // countries that require one).
    let first = &s["rules"].as_array().unwrap().iter().filter(|r| r["error_rows"].as_u64() > Some(0)).max_by(
        |a, b| {
            a["error_rows"]
                .as_u64()
                .cmp(&b["error_rows"].as_u64())
                .then(b["code"].as_str().cmp(&a["code"].as_str()))
        },
    );
    let first = first.expect("some error rule");
    let shown =
        format!("{} ({})", first["code"].as_str().unwrap(), Count(first["error_rows"].as_u64().unwrap()));
    assert!(top.starts_with(&format!("top errors: {shown}")), "{top}");

    // Off a terminal: the plain stage lines, no bar, no finish line, no escape sequence.
    assert!(err.contains("pc-onboard: reading list.csv\n"), "{err}");
    assert!(err.contains("pc-onboard: matching 2,500 rows\n"), "{err}");
    assert!(!err.contains('✓') && !err.contains('\x1b') && !err.contains('\r'), "{err}");

    // Machine outputs: plain integers in CSV too (source_row never grouped).
    let findings = read_csv(&w.path("out/rejections/findings.csv"));
    assert!(findings.iter().any(|f| f["source_row"].parse::<u64>().is_ok_and(|r| r >= 1000)));
    assert!(findings.iter().all(|f| !f["source_row"].contains(',')));
}

#[test]
fn the_page_and_the_workbook_show_grouped_counts() {
    let w = Work::new();
    generated_run(&w);
    let page = std::fs::read_to_string(w.path("out/report.html")).unwrap();
    assert!(page.contains("<p>2,500 rows read from 1 source(s)"), "the page's header");
    assert!(page.contains("<div class=\"n\">2,500</div><div class=\"l\">rows</div>"), "the total card");
    assert!(!page.contains(">2500<"), "no ungrouped count left on the page");

    let book = w.path("out/report.xlsx");
    let styles = part(&book, "xl/styles.xml").expect("styles");
    assert!(styles.contains("formatCode=\"#,##0\""), "the count format: {styles}");
    // The counts stay numbers (for sums and charts): the total is a number cell, not text.
    let sheet = part(&book, &crate::workbook::sheet_part(&book, "Summary")).expect("the Summary sheet");
    assert!(sheet.contains("<v>2500</v>"), "the exact number in the cell");
}

#[test]
fn quiet_says_nothing() {
    let w = Work::new();
    w.run_ok(&["generate", "--rows", "50", "--seed", "7", "--out", "list.csv"]);
    let err = w.run_ok(&["run", "list.csv", "--out", "out", "-q"]);
    assert_eq!(err, "");
}
