//! The spill file's chunks: where each lies, and a chunk read back, its rows decoded on first
//! use with the store's patches applied. A row that does not decode is recorded as the store's
//! failure and handed out empty (see the store's notes).

use super::codec;
use super::peek::Peek;
use crate::model::Row;
use crate::model::{Cells, Customer, Field, Finding, RawRow, RowPos};
use std::fs::File;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// Chunk buffers let go of, kept for the next chunk read. The writers read every chunk again
/// and again, and a new buffer of megabytes is zeroed and faulted in page by page each time.
static SPARE: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
/// Buffers kept at most: about as many as chunks are held at once.
const SPARE_BUFFERS: usize = 4;
/// A larger buffer (a chunk of very long rows) goes back to the allocator.
const SPARE_MAX_BYTES: usize = 16 << 20;

/// A buffer of `len` bytes to read a chunk into: a spare one when there is one (its old bytes
/// are then read over, and only what it lacks is zeroed).
pub(super) fn buffer(len: usize) -> Vec<u8> {
    let spare = SPARE.lock().unwrap_or_else(PoisonError::into_inner).pop();
    let mut bytes = spare.unwrap_or_default();
    bytes.resize(len, 0);
    bytes
}

/// A change to a spilled row: findings to add, and a domain prefix to fill in.
#[derive(Clone, Debug, Default)]
pub struct Patch {
    /// Findings added after validation.
    pub findings: Vec<Finding>,
    /// The domain prefix to use instead of the row's (a suggestion).
    pub domain: Option<String>,
}

/// Where a chunk of rows lies in the file.
pub(super) struct Chunk {
    pub(super) offset: u64,
    pub(super) bytes: u64,
    pub(super) first: usize,
    pub(super) rows: usize,
    /// The source of every row in the chunk (a chunk never spans two).
    pub(super) source: u32,
    /// Where each row starts within the chunk's bytes.
    pub(super) starts: Box<[u32]>,
    /// How many cells each row has: a writer laying out the sources' columns needs only this
    /// of rows it would otherwise decode.
    pub(super) widths: Box<[u32]>,
}

/// A chunk read back: its bytes, and its rows as they get decoded.
pub(super) struct Loaded {
    pub(super) bytes: Vec<u8>,
    pub(super) starts: Box<[u32]>,
    pub(super) rows: Vec<OnceLock<Row>>,
    /// The store's patches (by row, sorted) and the range of them that falls in this chunk.
    pub(super) patches: Arc<Vec<(u32, Patch)>>,
    pub(super) patched: std::ops::Range<usize>,
    pub(super) first: usize,
    pub(super) source: u32,
    pub(super) failure: Failure,
}

impl Drop for Loaded {
    fn drop(&mut self) {
        let bytes = std::mem::take(&mut self.bytes);
        if bytes.capacity() == 0 || bytes.capacity() > SPARE_MAX_BYTES {
            return;
        }
        let mut spare = SPARE.lock().unwrap_or_else(PoisonError::into_inner);
        if spare.len() < SPARE_BUFFERS {
            spare.push(bytes);
        }
    }
}

/// The first read-back failure of a store, shared with its loaded chunks.
pub(super) type Failure = Arc<OnceLock<(std::io::ErrorKind, String)>>;

/// The row handed out in place of one that could not be read back.
pub(super) fn placeholder(source: u32) -> Row {
    Row {
        raw: RawRow { pos: RowPos { source, row: 0 }, cells: Cells::default(), malformed: None },
        customer: Customer::from_values(Field::ALL.iter().map(|_| "")),
        country: None,
        findings: Vec::new(),
        education: false,
    }
}

impl Loaded {
    /// Row `at` of the chunk, decoded on first use (an empty row if it does not decode).
    pub(super) fn row(&self, at: usize) -> &Row {
        self.rows[at].get_or_init(|| {
            let decoded = self.starts.get(at).and_then(|&start| {
                let mut bytes = self.bytes.get(start as usize..)?;
                codec::decode(&mut bytes)
            });
            let Some(mut row) = decoded else {
                self.fail(at);
                return placeholder(self.source);
            };
            if let Some(p) = self.patch(at) {
                row.findings.extend(p.findings.iter().cloned());
                if let Some(d) = &p.domain {
                    row.customer.set(Field::Domain, d);
                }
            }
            row
        })
    }

    /// Row `at` of the chunk read in place, not decoded (the empty row if it does not read).
    pub(super) fn peek(&self, at: usize) -> Peek<'_> {
        let read = self.starts.get(at).and_then(|&start| Peek::parse(self.bytes.get(start as usize..)?));
        match read {
            Some(p) => p.with_patch(self.patch(at)),
            None => {
                self.fail(at);
                Peek::placeholder(self.source)
            }
        }
    }

    /// The patch of row `at`, if it has one.
    fn patch(&self, at: usize) -> Option<&Patch> {
        let mine = &self.patches[self.patched.clone()];
        let k = mine.binary_search_by_key(&((self.first + at) as u32), |(i, _)| *i).ok()?;
        Some(&mine[k].1)
    }

    /// Records that row `at` does not decode (the store's first failure is kept).
    fn fail(&self, at: usize) {
        let what = format!("row {} of the temporary row file does not decode", self.first + at);
        let _ = self.failure.set((std::io::ErrorKind::InvalidData, what));
    }
}

/// Reads `buf.len()` bytes at `offset` without moving a shared cursor (several readers at once).
#[cfg(unix)]
pub fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
pub fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
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
