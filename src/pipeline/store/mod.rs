//! The validated rows between validation and writing. They are spilled, chunk by chunk, to an
//! unnamed temporary file in the output folder (removed by the operating system when the run
//! ends), so memory holds only what matching needs however long the input is. Readers decode a
//! chunk at a time; a row is reached with [`RowStore::get`] (random access, cached per thread)
//! or [`RowStore::iter`] (in order).
//!
//! The batch-wide domain rules change rows after they are spilled; their changes are kept as
//! patches beside the file and applied as rows are read back.

mod codec;

use super::process::Row;
use crate::error::{Error, Result};
use crate::model::{Field, Finding};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Chunks each thread keeps decoded for random access.
const CACHED_CHUNKS: usize = 2;

/// A change to a spilled row: findings to add, and a domain prefix to fill in.
#[derive(Clone, Debug, Default)]
pub struct Patch {
    /// Findings added after validation.
    pub findings: Vec<Finding>,
    /// The domain prefix to use instead of the row's (a suggestion).
    pub domain: Option<String>,
}

struct Chunk {
    offset: u64,
    bytes: u64,
    first: usize,
    rows: usize,
}

/// The rows of a run, in source order.
pub struct RowStore {
    id: usize,
    file: File,
    path: PathBuf,
    end: u64,
    chunks: Vec<Chunk>,
    len: usize,
    patches: HashMap<u32, Patch>,
    /// Bumped by every patch, so no thread reuses a chunk decoded before it.
    generation: usize,
}

/// A row read back: it keeps its decoded chunk alive.
#[derive(Clone)]
pub struct RowRef {
    chunk: Arc<Vec<Row>>,
    at: usize,
}

impl std::ops::Deref for RowRef {
    type Target = Row;
    fn deref(&self) -> &Row {
        &self.chunk[self.at]
    }
}

static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

type Cache = Vec<(usize, usize, usize, Arc<Vec<Row>>)>;

thread_local! {
    /// (store, generation, chunk, rows) of the chunks this thread decoded last.
    static CACHE: RefCell<Cache> = const { RefCell::new(Vec::new()) };
}

impl RowStore {
    /// An empty store spilling into `dir`.
    pub fn new(dir: &Path) -> Result<RowStore> {
        let file = tempfile::tempfile_in(dir)
            .map_err(|source| Error::Output { path: dir.join("(temporary row file)"), source })?;
        Ok(RowStore {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            file,
            path: dir.to_path_buf(),
            end: 0,
            chunks: Vec::new(),
            len: 0,
            patches: HashMap::new(),
            generation: 0,
        })
    }

    /// Appends rows (a chunk of them) in order.
    pub fn push(&mut self, rows: &[Row]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let mut bytes = Vec::with_capacity(rows.len() * 512);
        for r in rows {
            codec::encode(r, &mut bytes);
        }
        self.file.write_all(&bytes).map_err(|e| self.io_error(e))?;
        self.chunks.push(Chunk {
            offset: self.end,
            bytes: bytes.len() as u64,
            first: self.len,
            rows: rows.len(),
        });
        self.end += bytes.len() as u64;
        self.len += rows.len();
        Ok(())
    }

    /// Rows held.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no row is held.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Applies changes to rows (by index); they show in every later read.
    pub fn patch(&mut self, patches: impl IntoIterator<Item = (usize, Patch)>) {
        for (i, p) in patches {
            let entry = self.patches.entry(i as u32).or_default();
            entry.findings.extend(p.findings);
            if p.domain.is_some() {
                entry.domain = p.domain;
            }
        }
        self.generation += 1;
    }

    /// Row `i`.
    pub fn get(&self, i: usize) -> RowRef {
        assert!(i < self.len, "row {i} of {}", self.len);
        let c = self.chunks.partition_point(|c| c.first + c.rows <= i);
        let key = (self.id, self.generation, c);
        let cached = CACHE.with(|cache| {
            cache.borrow().iter().find(|(s, g, k, _)| (*s, *g, *k) == key).map(|e| e.3.clone())
        });
        let chunk = cached.unwrap_or_else(|| {
            let rows = self.decode(c);
            CACHE.with(|cache| {
                let mut cache = cache.borrow_mut();
                cache.retain(|(s, g, _, _)| *s != self.id || *g == self.generation);
                if cache.len() >= CACHED_CHUNKS {
                    cache.remove(0);
                }
                cache.push((key.0, key.1, key.2, rows.clone()));
            });
            rows
        });
        RowRef { at: i - self.chunks[c].first, chunk }
    }

    /// Every row, in order (each chunk decoded once).
    pub fn iter(&self) -> impl Iterator<Item = RowRef> + '_ {
        (0..self.chunks.len()).flat_map(move |c| {
            let chunk = self.decode(c);
            (0..chunk.len()).map(move |at| RowRef { chunk: chunk.clone(), at })
        })
    }

    fn decode(&self, c: usize) -> Arc<Vec<Row>> {
        let chunk = &self.chunks[c];
        let mut bytes = vec![0u8; chunk.bytes as usize];
        read_exact_at(&self.file, &mut bytes, chunk.offset).unwrap_or_else(|e| {
            // The file is ours and was written moments ago; failing to read it back means the
            // disk or the system failed, and no output can be trusted.
            panic!("{}", self.io_error(e))
        });
        let mut at = bytes.as_slice();
        let mut rows = Vec::with_capacity(chunk.rows);
        for i in chunk.first..chunk.first + chunk.rows {
            let mut row = codec::decode(&mut at);
            if let Some(p) = self.patches.get(&(i as u32)) {
                row.findings.extend(p.findings.iter().cloned());
                if let Some(d) = &p.domain {
                    row.customer.set(Field::Domain, d);
                }
            }
            rows.push(row);
        }
        Arc::new(rows)
    }

    fn io_error(&self, source: std::io::Error) -> Error {
        Error::Output { path: self.path.join("(temporary row file)"), source }
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cells, Customer, RawRow, RowPos};
    use crate::rules::catalogue::RuleId;

    fn row(n: u64) -> Row {
        Row {
            raw: RawRow {
                pos: RowPos { source: 0, row: n },
                cells: Cells::from_values([format!("c{n}")]),
                malformed: None,
            },
            customer: Customer::from_values(Field::ALL.iter().map(|_| format!("v{n}"))),
            country: None,
            findings: Vec::new(),
            education: false,
        }
    }

    #[test]
    fn rows_come_back_in_order_and_by_index_with_patches() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = RowStore::new(dir.path()).unwrap();
        for start in [0u64, 3, 5] {
            let chunk: Vec<Row> = (start..start + if start == 3 { 2 } else { 3 }).map(row).collect();
            store.push(&chunk).unwrap();
        }
        store.push(&[]).unwrap();
        assert_eq!(store.len(), 8);
        let order: Vec<u64> = store.iter().map(|r| r.raw.pos.row).collect();
        assert_eq!(order, (0..8).collect::<Vec<_>>());
        for i in [7, 0, 4, 3, 5, 2] {
            assert_eq!(store.get(i).raw.pos.row, i as u64);
        }
        // A chunk cached before a patch is not served after it.
        assert!(store.get(4).findings.is_empty());
        let p =
            Patch { findings: vec![Finding::new(RuleId::DomainTaken, "x")], domain: Some("contoso".into()) };
        store.patch([(4, p)]);
        assert_eq!(store.get(4).findings.len(), 1);
        assert_eq!(store.get(4).customer.get(Field::Domain), "contoso");
        assert_eq!(store.iter().filter(|r| !r.findings.is_empty()).count(), 1);
    }
}
