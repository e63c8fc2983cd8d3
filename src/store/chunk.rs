//! The spill file's chunks: where each lies, and a chunk read back, its rows decoded on first
//! use with the store's patches applied. A row that does not decode is recorded as the store's
//! failure and handed out empty (see the store's notes).

use super::codec;
use super::peek::Peek;
use crate::model::Row;
use crate::model::{Cells, Customer, Field, Finding, RawRow, RowPos};
use std::fs::File;
use std::sync::{Arc, OnceLock};

/// A chunk's bytes: mapped from the spill file, or held (read when mapping failed; empty for
/// a chunk that could not be read back, or a pinned copy of a row).
pub(super) enum Bytes {
    Mapped(memmap2::Mmap),
    Held(Vec<u8>),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
            Bytes::Held(v) => v,
        }
    }
}

/// The `len` bytes at `offset` of the spill file. They are mapped, not read: the writers read
/// every chunk again and again, and a read copied the whole chunk out of the page cache each
/// time (845 MB for a 200,000-row list). Where mapping fails, they are read.
pub(super) fn bytes_at(file: &File, offset: u64, len: usize) -> std::io::Result<Bytes> {
    if len == 0 {
        return Ok(Bytes::Held(Vec::new()));
    }
    // SAFETY: the spill file is this run's own unnamed temporary file, only ever appended to,
    // and a chunk is listed only once all its bytes are written: the mapping lies within the
    // file, and its bytes do not change while it lives.
    let mapped = match crate::fault::injected("store-map") {
        true => Err(crate::fault::error()),
        false => unsafe { memmap2::MmapOptions::new().offset(offset).len(len).populate().map(file) },
    };
    match mapped {
        Ok(m) => Ok(Bytes::Mapped(m)),
        Err(_) => {
            let mut held = vec![0; len];
            read_exact_at(file, &mut held, offset)?;
            Ok(Bytes::Held(held))
        }
    }
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
    pub(super) bytes: Bytes,
    pub(super) starts: Box<[u32]>,
    pub(super) rows: Vec<OnceLock<Row>>,
    /// The store's patches (by row, sorted) and the range of them that falls in this chunk.
    pub(super) patches: Arc<Vec<(u32, Patch)>>,
    pub(super) patched: std::ops::Range<usize>,
    pub(super) first: usize,
    pub(super) source: u32,
    pub(super) failure: Failure,
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
