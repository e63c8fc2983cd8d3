//! Lines that name a second row (a review pair's other row, a duplicate's survivor) point at
//! that row: the writers read those rows out of order, wherever they are in the list, and the
//! row number and source ID they print must be the input's own.

use crate::common::*;
use std::collections::HashMap;

#[test]
fn lines_naming_another_row_give_its_row_number_and_source_id() {
    let w = Work::new();
    w.run_ok(&["generate", "--rows", "5000", "--seed", "7", "--out", "list.csv"]);
    w.run_ok(&["run", "list.csv", "--out", "out"]);
    // The input's first column is its ID; the header is row 1.
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_path(w.path("list.csv")).unwrap();
    let ids: HashMap<String, String> =
        rdr.records().enumerate().map(|(i, r)| ((i + 1).to_string(), r.unwrap()[0].to_string())).collect();
    // Each row's company name as the outputs that list it give it.
    let mut names: HashMap<String, String> = HashMap::new();
    for file in ["clean/customers.csv", "duplicates.csv", "review/possible_matches.csv"] {
        for l in read_csv(&w.path(&format!("out/{file}"))) {
            names.insert(l["source_row"].clone(), l["company_name"].clone());
        }
    }
    let files = [
        ("review/possible_matches.csv", "other_row", "other_source_id", "other_company_name"),
        ("duplicates.csv", "survivor_row", "survivor_source_id", "survivor_company_name"),
    ];
    for (file, row, id, name) in files {
        let lines = read_csv(&w.path(&format!("out/{file}")));
        let others: Vec<_> = lines.iter().filter(|l| !l[row].is_empty()).collect();
        assert!(others.len() > 10, "{file}: {} lines name another row; the test needs some", others.len());
        let named = others.iter().filter(|l| names.contains_key(&l[row])).count();
        assert!(named > 10, "{file}: {named} other rows have their name listed elsewhere");
        for l in &lines {
            assert_eq!(ids.get(&l["source_row"]), Some(&l["source_id"]), "{file}: {l:?}");
        }
        for l in others {
            assert_ne!(l[row], l["source_row"], "{file}: a pair is two rows: {l:?}");
            assert_eq!(ids.get(&l[row]), Some(&l[id]), "{file}: {l:?}");
            if let Some(n) = names.get(&l[row]) {
                assert_eq!(*n, l[name], "{file}: the other row's name: {l:?}");
            }
        }
    }
}
