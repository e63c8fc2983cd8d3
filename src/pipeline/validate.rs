//! The read-and-validate stage: every source is read chunk by chunk, each chunk validated in
//! parallel while the next is read; rows go to the store in source order, and what matching
//! needs of them stays in memory.

use super::console::Console;
use crate::config::Config;
use crate::error::Result;
use crate::matching::{self, keys::Keys};
use crate::model::RowFacts;
use crate::read::{self, ReadOptions, RowSource, SourceInfo};
use crate::rules::process;
use crate::store::RowStore;
use rayon::prelude::*;

/// Rows handed to the workers at a time.
const CHUNK_ROWS: usize = 8192;

/// What validation leaves in memory for matching: each row's keys and facts.
pub type Validated = (Vec<SourceInfo>, Vec<Option<Keys>>, Vec<RowFacts>);

/// Reads every source and validates its rows, chunk by chunk, in parallel; rows go to the store
/// in source order, and their matching keys and facts are kept.
pub fn read_and_validate(
    files: &[std::path::PathBuf],
    opts: &ReadOptions,
    cfg: &Config,
    console: &Console,
    store: &mut RowStore,
) -> Result<Validated> {
    let mut sources: Vec<SourceInfo> = Vec::new();
    let mut keys: Vec<Option<Keys>> = Vec::new();
    let mut facts: Vec<RowFacts> = Vec::new();
    for file in files {
        // A workbook is parsed whole before its first row: a spinner says so on a terminal.
        console.working(&format!("opening {}", file.display()));
        let opened: Vec<Box<dyn RowSource>> = read::open(file, sources.len() as u32, opts)?;
        for mut src in opened {
            console.start_source(src.info(), src.extent());
            let map = src.info().columns.clone();
            let mut chunk = Vec::with_capacity(CHUNK_ROWS);
            let mut more = src.next_chunk(CHUNK_ROWS, &mut chunk)?;
            // Reading and spilling are serial: the next chunk is read and the previous one
            // spilled while this one is validated and matched up, so neither leaves a core idle.
            let mut validated: Vec<crate::model::Row> = Vec::new();
            while !chunk.is_empty() || more {
                console.advance(chunk.len() as u64, src.extent());
                let current = std::mem::take(&mut chunk);
                let previous = std::mem::take(&mut validated);
                let (read, rows) = rayon::join(
                    || -> Result<bool> {
                        store.push(&previous)?;
                        drop(previous);
                        if !more {
                            return Ok(false);
                        }
                        chunk.reserve(CHUNK_ROWS);
                        src.next_chunk(CHUNK_ROWS, &mut chunk)
                    },
                    || {
                        // One pass: a row's keys and facts are taken while it is at hand.
                        let (rows, (k, f)): (Vec<_>, (Vec<_>, Vec<_>)) = current
                            .into_par_iter()
                            .with_min_len(256)
                            .map(|raw| {
                                let r = process::process(raw, &map, cfg);
                                let kf =
                                    (matching::keys_of(&r, &cfg.profile), RowFacts::of(&r, &cfg.profile));
                                (r, kf)
                            })
                            .unzip();
                        keys.extend(k);
                        facts.extend(f);
                        rows
                    },
                );
                more = read?;
                validated = rows;
            }
            store.push(&validated)?;
            console.finish_source(src.info());
            sources.push(src.info().clone());
        }
    }
    Ok((sources, keys, facts))
}
