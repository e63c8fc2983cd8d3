//! Loading the Partner Center customer export(s) given with `--existing`.

use super::console::Console;
use crate::config::Profile;
use crate::error::{Error, Position, Result};
use crate::matching::existing::{PcCustomer, PcIndex};
use crate::model::Field;
use crate::normalize;
use crate::read::{self, ReadOptions};
use rayon::prelude::*;

/// Reads and indexes the exports; each needs at least a company-name and a domain column.
pub fn load(
    files: &[std::path::PathBuf],
    opts: &ReadOptions,
    profile: &Profile,
    console: &Console,
) -> Result<PcIndex> {
    // The export's own column names, not the user's mapping of legacy lists.
    let opts = ReadOptions { overrides: Default::default(), sheets: Vec::new(), ..opts.clone() };
    let mut customers = Vec::new();
    let mut sources = Vec::new();
    for file in files {
        if !file.is_file() {
            return Err(Error::input_file(file, "no such file (given with --existing)"));
        }
        // Numbered like the input sources (one per file or sheet), so `pos.source` indexes
        // `sources` even when a workbook has several sheets.
        for mut src in read::open(file, sources.len() as u32, &opts)? {
            let info = src.info().clone();
            if info.columns.column(Field::Domain).is_none() {
                return Err(Error::input(
                    Position {
                        file: file.clone(),
                        sheet: info.sheet.clone(),
                        row: Some(info.header_row),
                        column: None,
                    },
                    "the Partner Center export has no domain column (expected e.g. 'Primary Domain Name' or \
                     'Domain'); export the customer list from Partner Center with its domains",
                ));
            }
            let mut chunk = Vec::new();
            while src.next_chunk(8192, &mut chunk)? {}
            customers.par_extend(chunk.into_par_iter().map(|raw| {
                let norm = normalize::normalize(&raw, &info.columns);
                let id = norm.customer.get(Field::SourceId).to_string();
                PcCustomer { id, customer: norm.customer, country: norm.country, pos: raw.pos }
            }));
            sources.push(src.info().clone());
        }
    }
    if !files.is_empty() {
        console.stage(&format!("read {} Partner Center customers", customers.len()));
    }
    let mut index = PcIndex::new(customers, profile);
    index.sources = sources;
    Ok(index)
}
