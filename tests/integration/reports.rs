//! report.xlsx and report.html on the samples: sheets and counts, highlighted cells with notes,
//! no formulas; values from the input inert in every human-facing output.

use crate::common::*;
use crate::workbook::{self, a1};

/// Rows of a sheet but the header.
fn data_rows(grid: &workbook::Grid) -> usize {
    grid.len().saturating_sub(1)
}

/// The workbook has a summary and one sheet per output, each with as many rows as its CSV.
#[test]
fn the_workbook_holds_every_output() {
    let w = Work::new();
    run_samples(&w, "out", &[]);
    let out = w.path("out");
    let xlsx = out.join("report.xlsx");
    let sheets = workbook::sheets(&xlsx);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Summary", "Clean", "Education", "Relationship requests", "Duplicates", "Rejected rows", "Findings"]
    );
    let grid = |name: &str| &sheets.iter().find(|(n, _)| n == name).unwrap().1;
    for (sheet, csv) in [
        ("Clean", "clean/customers.csv"),
        ("Education", "education.csv"),
        ("Relationship requests", "relationship_requests.csv"),
        ("Duplicates", "duplicates.csv"),
        ("Rejected rows", "rejections/rejected_rows.csv"),
        ("Findings", "rejections/findings.csv"),
    ] {
        let rows = read_csv(&out.join(csv));
        assert_eq!(data_rows(grid(sheet)), rows.len(), "{sheet} has as many rows as {csv}");
        let header: Vec<String> = csv::Reader::from_path(out.join(csv))
            .unwrap()
            .headers()
            .unwrap()
            .iter()
            .map(String::from)
            .collect();
        assert_eq!(grid(sheet)[0], header, "{sheet} has the columns of {csv}");
    }
    let s = summary(&out);
    let summary_sheet = grid("Summary");
    for (outcome, n) in s["outcomes"].as_object().unwrap() {
        let line =
            summary_sheet.iter().find(|r| r[0] == *outcome).unwrap_or_else(|| panic!("no {outcome} line"));
        assert_eq!(line[1], n.to_string(), "{outcome}");
    }
    assert!(workbook::formulas(&xlsx).is_empty(), "no formula cells: {:?}", workbook::formulas(&xlsx));
    assert!(workbook::part_names(&xlsx).iter().any(|p| p.starts_with("xl/charts/chart")), "a native chart");
}

/// A bad cell of a rejected row is highlighted and carries the finding in a note.
#[test]
fn bad_cells_are_highlighted_with_a_note() {
    let w = Work::new();
    run_samples(&w, "out", &[]);
    let xlsx = w.path("out/report.xlsx");
    let sheets = workbook::sheets(&xlsx);
    let rejected = &sheets.iter().find(|(n, _)| n == "Rejected rows").unwrap().1;
    let col = |h: &str| rejected[0].iter().position(|x| x == h).unwrap_or_else(|| panic!("no column {h}"));
    // csv:6 has a placeholder company name (company.test_name): its Account Name cell is bad.
    let r = rejected
        .iter()
        .position(|r| r[col("source_file")].ends_with("legacy_crm_export.csv") && r[col("source_row")] == "6")
        .expect("csv row 6 is rejected");
    let bad = a1(r, col("Account Name"));
    assert_eq!(
        workbook::cell_fill(&xlsx, "Rejected rows", &bad).as_deref(),
        Some("FFFFC7CE"),
        "{bad} is red"
    );
    let good = a1(r, col("Billing Country"));
    assert_eq!(workbook::cell_fill(&xlsx, "Rejected rows", &good), None, "{good} is not highlighted");
    let notes = workbook::notes(&xlsx, "Rejected rows");
    let note = notes.iter().find(|(c, _)| *c == bad).unwrap_or_else(|| panic!("no note on {bad}"));
    assert!(note.1.contains("company.test_name") && note.1.contains("Fix:"), "{note:?}");
    // A malformed row's finding concerns the whole row: it marks pc_errors.
    let malformed = rejected.iter().position(|r| r[col("pc_errors")].starts_with("row.malformed")).unwrap();
    assert!(workbook::cell_fill(&xlsx, "Rejected rows", &a1(malformed, col("pc_errors"))).is_some());
}

/// The page has the totals, both charts, the tables and every rejected row in its data block.
#[test]
fn the_page_holds_totals_charts_and_rows() {
    let w = Work::new();
    run_samples(&w, "out", &[]);
    let page = std::fs::read_to_string(w.path("out/report.html")).unwrap();
    let s = summary(&w.path("out"));
    for (outcome, n) in s["outcomes"].as_object().unwrap() {
        assert!(
            page.contains(&format!("<div class=\"n\">{n}</div><div class=\"l\">{outcome} · ")),
            "{outcome}"
        );
    }
    assert_eq!(page.matches("<svg class=\"chart\"").count(), 2, "outcome and top-rules charts");
    assert!(page.contains("<h2>By country</h2>") && page.contains("<h2>By source file</h2>"));
    let data = page.split("<script type=\"application/json\" id=\"pc-data\">").nth(1).unwrap();
    let data: serde_json::Value = serde_json::from_str(data.split("</script>").next().unwrap()).unwrap();
    assert_eq!(data["rows"].as_array().unwrap().len() as u64, s["outcomes"]["rejected"].as_u64().unwrap());
    assert!(!page.contains("http://") || !page.contains("src=\"http"), "no external asset");
    assert!(!page.contains(" src=") && !page.contains(" href="), "nothing is loaded from anywhere");
}

/// Past `report.html_max_rows`, the page holds that many rows and says so.
#[test]
fn the_page_caps_its_rows() {
    let w = Work::new();
    let rows: Vec<String> = (0..5).map(|i| de_row(&format!("Test {i}"), &format!("t{i}"))).collect();
    w.write("in.csv", format!("{HEADER}\n{}\n", rows.join("\n")));
    w.write("p.toml", "[report]\nhtml_max_rows = 2\n");
    w.run_ok(&["run", "in.csv", "--config", "p.toml", "--out", "out", "-q"]);
    let page = std::fs::read_to_string(w.path("out/report.html")).unwrap();
    assert!(page.contains("id=\"capped\"") && page.contains("the first 2 of 5 rejected rows"), "{page}");
    let data = page.split("id=\"pc-data\">").nth(1).unwrap().split("</script>").next().unwrap();
    let data: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(data["rows"].as_array().unwrap().len(), 2);
}

/// Past `report.xlsx_max_rows`, a sheet holds that many rows and ends with a line saying where
/// the rest is; the CSV keeps every row.
#[test]
fn the_workbook_caps_its_sheets() {
    let w = Work::new();
    let rows: Vec<String> = (0..5).map(|i| de_row(&format!("Test {i}"), &format!("t{i}"))).collect();
    w.write("in.csv", format!("{HEADER}\n{}\n", rows.join("\n")));
    w.write("p.toml", "[report]\nxlsx_max_rows = 2\n");
    w.run_ok(&["run", "in.csv", "--config", "p.toml", "--out", "out", "-q"]);
    let out = w.path("out");
    assert_eq!(read_csv(&out.join("rejections/rejected_rows.csv")).len(), 5);
    let sheets = workbook::sheets(&out.join("report.xlsx"));
    let grid = &sheets.iter().find(|(n, _)| n == "Rejected rows").unwrap().1;
    assert_eq!(grid.len(), 1 + 2 + 1, "header, two rows, the closing line");
    let last = &grid[3][0];
    assert!(last.contains("3 more rows") && last.contains("xlsx_max_rows"), "{last}");
}

/// A formula or markup in the input is inert in every human-facing output.
#[test]
fn formulas_and_markup_stay_inert_everywhere() {
    let w = Work::new();
    let formula = "=HYPERLINK(\"http://x\",\"y\")";
    let script = "<script>alert(1)</script>";
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let rows = [
        // Rejected (placeholder contact), with a formula in the company name and a script in the city.
        format!(
            "{},Hauptstr. 1,{},,10117,DE,Admin,X,anna@contoso.de,+49 30 901820,,evil,yes,2024-01-15",
            quoted(formula),
            quoted(script)
        ),
        // A second copy: a duplicate of the first.
        format!(
            "{},Hauptstr. 1,{},,10117,DE,Admin,X,anna@contoso.de,+49 30 901820,,evil,yes,2024-01-15",
            quoted(formula),
            quoted(script)
        ),
        // Clean, with markup in the name.
        de_row(&quoted("Fabrikam <b>GmbH</b> <script>alert(2)</script>"), "fabrikam"),
    ];
    w.write("in.csv", format!("{HEADER}\n{}\n", rows.join("\n")));
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    let out = w.path("out");
    for csv in ["rejections/findings.csv", "rejections/rejected_rows.csv", "duplicates.csv"] {
        for r in read_csv(&out.join(csv)) {
            for (k, v) in &r {
                assert!(!v.starts_with(['=', '+', '-', '@']), "{csv} {k} = {v:?} is live");
            }
        }
    }
    let rejected = read_csv(&out.join("rejections/rejected_rows.csv"));
    assert_eq!(rejected[0]["Company Name"], format!("'{formula}"));

    let xlsx = out.join("report.xlsx");
    assert!(workbook::formulas(&xlsx).is_empty(), "{:?}", workbook::formulas(&xlsx));
    for (name, grid) in workbook::sheets(&xlsx) {
        for row in &grid {
            for v in row {
                assert!(!v.starts_with(['=', '+', '-', '@']), "{name}: {v:?} is live");
            }
        }
    }
    let sheet = workbook::part(&xlsx, &workbook::sheet_part(&xlsx, "Rejected rows")).unwrap();
    assert!(!sheet.contains("<f>"), "no formula element");

    let page = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert_eq!(page.matches("<script").count(), 2, "only the data block and the page's own script");
    assert!(!page.contains("alert(1)</script>") && !page.contains("alert(2)</script>"));
    assert!(!page.contains("<b>GmbH"), "markup is escaped");
    let data = page.split("id=\"pc-data\">").nth(1).unwrap().split("</script>").next().unwrap();
    assert!(!data.contains('<'), "the data block has no '<' at all");
    let data: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(data["rows"][0][4], format!("'{formula}"), "the value survives, guarded");
}

/// The summary counts severities and lists the reports among the outputs.
#[test]
fn the_summary_counts_severities_and_lists_the_reports() {
    let w = Work::new();
    run_samples(&w, "out", &[]);
    let s = summary(&w.path("out"));
    let outputs: Vec<&str> = s["outputs"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(outputs.contains(&"report.xlsx") && outputs.contains(&"report.html"), "{outputs:?}");
    let findings = read_csv(&w.path("out/rejections/findings.csv"));
    for sev in ["error", "warning"] {
        let n = findings.iter().filter(|f| f["severity"] == sev).count() as u64;
        assert_eq!(s["severities"][sev]["findings"], n, "{sev}");
    }
    assert!(s.get("changes").is_none(), "no baseline, no changes");
}
