//! Hostile and broken inputs: each gives rows (some `row.malformed`) or a clear error naming the
//! file, with exit code 3 — never a panic, a hang or a silently lost row.

use crate::common::*;

fn run(w: &Work, input: &str) -> (Option<i32>, String) {
    let out = w.run(&["run", input, "--out", "out", "-q", "--today", "2026-11-26"]);
    (out.status.code(), String::from_utf8_lossy(&out.stderr).to_string())
}

/// Asserts a completed run that accounts for every row; returns the summary.
fn completed(w: &Work, input: &str) -> serde_json::Value {
    let (code, err) = run(w, input);
    assert_eq!(code, Some(0), "{input}: {err}");
    let s = summary(&w.path("out"));
    assert_eq!(s["rows_in"], s["rows_out"], "{input}");
    s
}

/// Writes the standard header into row 1 of a worksheet.
fn write_header(sh: &mut rust_xlsxwriter::Worksheet) {
    write_row(sh, 0, HEADER);
}

/// Writes a comma-separated row as string cells.
fn write_row(sh: &mut rust_xlsxwriter::Worksheet, row: u32, csv_line: &str) {
    for (c, v) in csv_line.split(',').enumerate() {
        sh.write_string(row, c as u16, v).unwrap();
    }
}

fn malformed_rows(w: &Work) -> usize {
    findings(&w.path("out")).values().filter(|c| c.contains("row.malformed")).count()
}

#[test]
fn header_only_gives_an_empty_run() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n"));
    let s = completed(&w, "in.csv");
    assert_eq!(s["rows_in"], 0);
}

#[test]
fn no_recognisable_header_is_an_error() {
    let w = Work::new();
    w.write("in.csv", "foo,bar,baz\n1,2,3\n");
    let (code, err) = run(&w, "in.csv");
    assert_eq!(code, Some(3));
    assert!(err.contains("in.csv") && err.contains("no header row") && err.contains("'foo'"), "{err}");
}

#[test]
fn duplicate_column_names_use_the_first() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER},Email\n{},other@x.de\n", de_row("Contoso GmbH", "contoso")));
    let s = completed(&w, "in.csv");
    assert_eq!(s["outcomes"]["clean"], 1);
    assert_eq!(s["inputs"][0]["columns"]["contact_email"], "Email");
}

#[test]
fn an_unterminated_quote_is_one_malformed_row_with_a_hint() {
    let w = Work::new();
    let text = format!(
        "{HEADER}\n{}\n\"Broken GmbH,Street 1,Berlin\n{}\n",
        de_row("Contoso GmbH", "contoso"),
        de_row("Fabrikam GmbH", "fabrikam")
    );
    w.write("in.csv", text);
    completed(&w, "in.csv");
    let f = read_csv(&w.path("out/rejections/findings.csv"));
    let m = f.iter().find(|r| r["rule"] == "row.malformed").expect("a malformed row");
    assert!(m["message"].contains("quote"), "{}", m["message"]);
}

#[test]
fn nul_bytes_and_control_characters_are_removed() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Con\u{0}toso\u{7} GmbH", "contoso")));
    completed(&w, "in.csv");
    let clean = read_csv(&w.path("out/clean/customers.csv"));
    assert_eq!(clean[0]["company_name"], "Contoso GmbH");
}

#[test]
fn invalid_utf8_in_a_utf8_file_is_malformed_not_lost() {
    // The encoding is told from the first 64 KiB; a bad byte after that, in a file that is
    // clearly UTF-8 so far, is damage to that row only.
    let w = Work::new();
    let mut bytes = format!("{HEADER}\n").into_bytes();
    for i in 0..1000 {
        bytes.extend(format!("{}\n", de_row(&format!("Müller {i} GmbH"), &format!("mueller{i}"))).as_bytes());
    }
    bytes.extend(format!("{}\n", de_row("Bad XX GmbH", "bad")).as_bytes());
    let pos = bytes.windows(2).rposition(|p| p == b"XX").unwrap();
    bytes[pos] = 0xFF;
    w.write("in.csv", bytes);
    let s = completed(&w, "in.csv");
    assert_eq!(s["rows_in"], 1001);
    assert_eq!(s["inputs"][0]["encoding"], "UTF-8");
    assert_eq!(malformed_rows(&w), 1);
}

#[test]
fn utf16_without_a_bom_is_recognised() {
    let w = Work::new();
    let text = format!("{HEADER}\n{}\n", de_row("Ölwerk GmbH", "oelwerk"));
    let bytes: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    w.write("in.csv", bytes);
    let s = completed(&w, "in.csv");
    assert_eq!(s["inputs"][0]["encoding"], "UTF-16LE");
    assert_eq!(read_csv(&w.path("out/clean/customers.csv"))[0]["company_name"], "Ölwerk GmbH");
}

#[test]
fn mixed_line_endings_keep_every_row() {
    let w = Work::new();
    let text = format!(
        "{HEADER}\r\n{}\n{}\r{}\r\n",
        de_row("Alpha GmbH", "alpha"),
        de_row("Beta GmbH", "beta"),
        de_row("Gamma GmbH", "gamma")
    );
    w.write("in.csv", text);
    let s = completed(&w, "in.csv");
    assert_eq!(s["rows_in"], 3);
    assert_eq!(s["outcomes"]["clean"], 3);
}

#[test]
fn a_10_mb_field_is_cut_and_its_row_malformed() {
    let w = Work::new();
    let big = "x".repeat(10 << 20);
    w.write(
        "in.csv",
        format!(
            "{HEADER},Notes\n{},{big}\n{},ok\n",
            de_row("Big GmbH", "big"),
            de_row("Small GmbH", "small")
        ),
    );
    let s = completed(&w, "in.csv");
    assert_eq!(s["rows_in"], 2);
    assert_eq!(malformed_rows(&w), 1);
    let rejected = std::fs::metadata(w.path("out/rejections/rejected_rows.csv")).unwrap().len();
    assert!(rejected < 2 << 20, "the field was cut in the reports ({rejected} bytes)");
}

#[test]
fn many_empty_rows_are_skipped_and_counted() {
    let w = Work::new();
    let mut text = format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso"));
    text.push_str(&",,,,,,,,,,,,,\n".repeat(200_000));
    text.push_str(&format!("{}\n", de_row("Fabrikam GmbH", "fabrikam")));
    w.write("in.csv", text);
    let s = completed(&w, "in.csv");
    assert_eq!(s["rows_in"], 2);
    assert_eq!(s["inputs"][0]["blank_rows_skipped"], 200_000);
    let clean = read_csv(&w.path("out/clean/customers.csv"));
    assert_eq!(clean[1]["source_row"], "200003", "rows keep the numbers a spreadsheet shows");
}

#[test]
fn broken_workbooks_are_errors_naming_the_file() {
    let w = Work::new();
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "Company").unwrap();
    let good = wb.save_to_buffer().unwrap();
    w.write("truncated.xlsx", &good[..good.len() / 2]);
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.extend(std::iter::repeat_n(0u8, 4096));
    w.write("protected.xlsx", cfb);
    w.write("notzip.xlsx", "plain text");
    for f in ["truncated.xlsx", "protected.xlsx", "notzip.xlsx"] {
        let (code, err) = run(&w, f);
        assert_eq!(code, Some(3), "{f}: {err}");
        assert!(err.contains(f), "{f}: {err}");
    }
}

#[test]
fn a_stray_cell_at_xfd1048576_costs_nothing_and_is_reported() {
    let w = Work::new();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sh = wb.add_worksheet();
    write_header(sh);
    write_row(sh, 1, &de_row("Contoso GmbH", "contoso"));
    sh.write_string(1_048_575, 16_383, "stray").unwrap();
    wb.save(w.path("in.xlsx")).unwrap();
    let s = completed(&w, "in.xlsx");
    assert_eq!(s["rows_in"], 2);
    assert_eq!(s["outcomes"]["clean"], 1);
    assert_eq!(malformed_rows(&w), 1, "the stray cell's row says where it is");
    let f = read_csv(&w.path("out/rejections/findings.csv"));
    assert!(f.iter().any(|r| r["message"].contains("XFD1048576")));
}

#[test]
fn formula_and_error_cells() {
    let w = Work::new();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sh = wb.add_worksheet();
    write_header(sh);
    for r in 1..3u32 {
        write_row(sh, r, &de_row("Contoso GmbH", &format!("contoso{r}")));
    }
    // A formula whose cached value is text, and one whose cached value is an error.
    sh.write_formula(
        1,
        0,
        rust_xlsxwriter::Formula::new("=\"Fabrikam \"&\"GmbH\"").set_result("Fabrikam GmbH"),
    )
    .unwrap();
    sh.write_formula(2, 2, rust_xlsxwriter::Formula::new("=NA()").set_result("#N/A")).unwrap();
    wb.save(w.path("in.xlsx")).unwrap();
    let s = completed(&w, "in.xlsx");
    assert_eq!(s["rows_in"], 2);
    let all: Vec<_> = ["clean/customers.csv", "rejections/rejected_rows.csv"]
        .iter()
        .flat_map(|f| read_csv(&w.path("out").join(f)))
        .collect();
    assert!(
        all.iter().any(|r| r.get("company_name").map(String::as_str) == Some("Fabrikam GmbH")),
        "the cached value is read: {all:?}"
    );
}

#[test]
fn a_two_level_header_with_merged_group_titles() {
    let w = Work::new();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sh = wb.add_worksheet();
    let fmt = rust_xlsxwriter::Format::new();
    sh.write_string(0, 0, "Company").unwrap();
    sh.merge_range(0, 1, 0, 2, "Contact", &fmt).unwrap();
    let second = ["", "First Name", "Last Name", "Email", "Street", "City", "Postal Code", "Country"];
    for (c, h) in second.iter().enumerate() {
        sh.write_string(1, c as u16, *h).unwrap();
    }
    let row =
        ["Contoso GmbH", "Anna", "Schmidt", "anna@contoso.de", "Unter den Linden 1", "Berlin", "10117", "DE"];
    for (c, v) in row.iter().enumerate() {
        sh.write_string(2, c as u16, *v).unwrap();
    }
    wb.save(w.path("in.xlsx")).unwrap();
    let s = completed(&w, "in.xlsx");
    assert_eq!(s["inputs"][0]["columns"]["company_name"], "Company");
    assert_eq!(s["inputs"][0]["header_row"], 2);
}

#[test]
fn real_date_cells_become_iso_dates() {
    let w = Work::new();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sh = wb.add_worksheet();
    write_header(sh);
    write_row(sh, 1, &de_row("Contoso GmbH", "contoso"));
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 3, 15).unwrap();
    let fmt = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    sh.write_datetime_with_format(1, 13, &date, &fmt).unwrap();
    wb.save(w.path("in.xlsx")).unwrap();
    completed(&w, "in.xlsx");
    assert_eq!(read_csv(&w.path("out/clean/customers.csv"))[0]["mca_date"], "2024-03-15");
}
