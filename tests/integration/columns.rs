//! Every source column survives in `rejections/rejected_rows.csv` and the workbook's rejected
//! sheet, by position: blank headers stay blank, repeated headers stay repeated, no two columns
//! share one cell, and the file fed back unchanged reads the same cells.

use crate::common::*;
use crate::workbook;
use pc_onboard::write::guard::guard;
use proptest::prelude::*;

/// The records of a CSV file, header included, as written.
fn records(path: &std::path::Path) -> Vec<Vec<String>> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(path).unwrap();
    rdr.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

/// Writes `headers` and `rows` as in.csv, runs it into `out`, returns rejected_rows.csv.
fn rejected(w: &Work, headers: &[String], rows: &[Vec<String>], out: &str) -> Vec<Vec<String>> {
    let mut wtr = csv::Writer::from_writer(Vec::new());
    wtr.write_record(headers).unwrap();
    for r in rows {
        wtr.write_record(r).unwrap();
    }
    w.write("in.csv", wtr.into_inner().unwrap());
    w.run_ok(&["run", "in.csv", "--out", out, "-q", "--today", "2026-11-26"]);
    records(&w.path(out).join("rejections/rejected_rows.csv"))
}

/// The case from the issue: two blank headers between two named ones.
#[test]
fn blank_headers_keep_their_own_columns() {
    let w = Work::new();
    w.write("in.csv", "Company Name,,,Country\nLLC,left,right,DE\n");
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    let recs = records(&w.path("out/rejections/rejected_rows.csv"));
    assert_eq!(recs[0][..5], ["Company Name", "", "", "Country", "pc_errors"]);
    assert_eq!(recs[1][..4], ["LLC", "left", "right", "DE"]);
    let sheets = workbook::sheets(&w.path("out/report.xlsx"));
    let grid = &sheets.iter().find(|(n, _)| n == "Rejected rows").unwrap().1;
    assert_eq!(grid[0][..4], ["Company Name", "", "", "Country"]);
    assert_eq!(grid[1][..4], ["LLC", "left", "right", "DE"]);
}

/// 300 columns all named "Company Name": 300 columns out, each with its own value.
#[test]
fn three_hundred_columns_of_one_name_stay_three_hundred() {
    let w = Work::new();
    let headers: Vec<String> = (0..300).map(|_| "Company Name".to_string()).collect();
    let mut row: Vec<String> = (0..300).map(|i| format!("v{i}")).collect();
    row[0] = "LLC".into();
    let recs = rejected(&w, &headers, std::slice::from_ref(&row), "out");
    assert_eq!(recs[0][..300], headers[..]);
    assert_eq!(recs[1][..300], row[..]);
}

/// A malformed row's fields past the header are kept too, in blank-headed columns at the end.
#[test]
fn fields_past_the_header_are_kept() {
    let w = Work::new();
    w.write("in.csv", "Company Name,Country\nContoso GmbH,DE,extra,more\n");
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    let recs = records(&w.path("out/rejections/rejected_rows.csv"));
    assert_eq!(recs[0][..5], ["Company Name", "Country", "", "", "pc_errors"]);
    assert_eq!(recs[1][..4], ["Contoso GmbH", "DE", "extra", "more"]);
}

/// Headers: blank, repeated, unicode, known field names (so a column may feed a field or be
/// shadowed by an earlier one), and free text.
fn header() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Company Name".to_string()),
        Just("Notes".to_string()),
        Just("E-mail".to_string()),
        Just("Email".to_string()),
        Just("City".to_string()),
        Just("Ünïcødé 名前".to_string()),
        Just("Заметки".to_string()),
        "[a-z]{1,6}( [a-z]{1,6})?",
    ]
}

/// Cell values: printable text of every kind, formula-looking, quoted, multi-line.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("=1+1".to_string()),
        Just("a,b;\"c\"".to_string()),
        Just("two\nlines".to_string()),
        Just("東京 ✓".to_string()),
        "[a-zA-Z0-9 ]{1,10}".prop_map(|s| s.trim().to_string()),
    ]
}

fn table() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
    (prop::collection::vec(header(), 0..10), 1usize..3).prop_flat_map(|(extra, rows)| {
        // A company-name and a country column make the header row unmistakable; a leading
        // company name that is only a legal form rejects every row.
        let mut headers = vec!["Company Name".to_string(), "Country".to_string()];
        headers.extend(extra);
        let n = headers.len();
        let rows = prop::collection::vec(prop::collection::vec(value(), n), rows);
        (Just(headers), rows).prop_map(|(h, mut rows)| {
            for (k, r) in rows.iter_mut().enumerate() {
                r[0] = ["LLC", "GmbH"][k % 2].to_string();
            }
            (h, rows)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Every column comes out by position under its own header, and the file fed back reads
    /// the same cells.
    #[test]
    fn rejected_rows_round_trip((headers, rows) in table()) {
        let w = Work::new();
        let n = headers.len();
        let first = rejected(&w, &headers, &rows, "one");
        prop_assert_eq!(first.len(), rows.len() + 1, "every row is rejected");
        prop_assert_eq!(&first[0][..n], &headers[..]);
        for (out, input) in first[1..].iter().zip(&rows) {
            let want: Vec<String> = input.iter().map(|v| guard(v).into_owned()).collect();
            prop_assert_eq!(&out[..n], &want[..]);
        }
        w.run_ok(&["run", "one/rejections/rejected_rows.csv", "--out", "two", "-q", "--today", "2026-11-26"]);
        let second = records(&w.path("two/rejections/rejected_rows.csv"));
        prop_assert_eq!(second.len(), first.len());
        for (a, b) in first.iter().zip(&second) {
            prop_assert_eq!(&a[..n], &b[..n]);
        }
    }
}
