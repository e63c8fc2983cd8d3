//! Fuzzes the spreadsheet reader (calamine and our sparse sheet handling): any bytes give rows
//! or an input error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pc_onboard::read::{read_workbook_bytes, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions { max_field_bytes: 4096, max_sheet_cells: 100_000, ..Default::default() };
    let _ = read_workbook_bytes(std::path::Path::new("fuzz.xlsx"), data.to_vec(), &opts);
});
