//! Fuzzes the CSV reader: any bytes give rows or an input error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pc_onboard::read::{read_text_bytes, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions { max_field_bytes: 4096, max_sheet_cells: 100_000, ..Default::default() };
    if let Ok((info, rows)) = read_text_bytes(std::path::Path::new("fuzz.csv"), data.to_vec(), &opts) {
        assert_eq!(info.rows as usize, rows.len());
    }
});
