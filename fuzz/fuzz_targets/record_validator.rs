//! Fuzzes normalisation and every single-row rule: any cell values give findings, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pc_onboard::config::Config;
use pc_onboard::model::{Field, RawRow, RowPos};
use pc_onboard::read::ColumnMap;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let headers: Vec<String> = Field::ALL.iter().map(|f| f.name().to_string()).collect();
    let map = ColumnMap::build(&headers, &Default::default());
    let mut cells = csv::StringRecord::new();
    // Fields separated by the unit separator; missing ones are empty.
    let mut parts = text.split('\u{1f}');
    for _ in 0..headers.len() {
        cells.push_field(parts.next().unwrap_or(""));
    }
    let raw = RawRow { pos: RowPos { source: 0, row: 2 }, cells: cells.into(), malformed: None };
    let mut cfg = Config::new(Vec::new());
    cfg.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let row = pc_onboard::rules::process::process(raw, &map, &cfg);
    assert_eq!(row.customer.values().len(), Field::COUNT);
});
