//! Fuzzes the reader of Partner Center Customer JSON: any bytes give customers or an input
//! error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pc_onboard::read::pc::read_json_bytes;
use pc_onboard::read::ReadOptions;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions { max_field_bytes: 4096, max_sheet_cells: 100_000, ..Default::default() };
    if let Ok(src) = read_json_bytes(std::path::Path::new("fuzz.json"), data, &opts) {
        assert_eq!(src.info.rows as usize, src.rows.len());
        assert_eq!(src.rows.len(), src.known.len());
    }
});
