//! The validated rows between validation and writing. They are spilled, chunk by chunk, to an
//! unnamed temporary file in the run's staging folder (removed by the operating system when the
//! run ends), so memory holds only what matching needs however long the input is. Readers decode
//! a chunk at a time; a row is reached with [`RowStore::get`] (random access, cached per thread)
//! or [`RowStore::iter`] (in order). Passes and writers that only read rows read them in place
//! ([`Peek`]: nothing decoded or copied): every row with [`RowStore::par_fold`] or
//! [`RowStore::par_map`] (in parallel), or the rows asked for with [`RowStore::peek_rows`] (in
//! order).
//!
//! The batch-wide domain rules change rows after they are spilled; their changes are kept as
//! patches beside the file and applied as rows are read back.
//!
//! A chunk that cannot be read back (the disk failed, the file was cut short) cannot be
//! answered, but the dozen passes that read rows have no way to stop early: the store records
//! the first failure, hands out empty rows of the same source so each pass can finish, and
//! [`RowStore::check`] turns the failure into an [`Error`] before any output is kept. The run
//! then fails and the output folder is left as it was.

mod chunk;
mod codec;
mod peek;

use crate::error::{Error, Result};
use crate::model::Row;
pub use chunk::read_exact_at;
pub use chunk::Patch;
use chunk::{placeholder, Chunk, Failure, Loaded};
/// The spill encoding, for other spills of rows (the rows sorted by partner).
pub use codec::{decode as decode_row, encode as encode_row};
pub use peek::{CellsRef, Peek};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};

/// Chunks each thread keeps decoded for random access.
const CACHED_CHUNKS: usize = 2;
/// Rows a worker takes at a time in the parallel passes: a row read in place costs little, so
/// fewer, larger tasks.
const PEEKS_PER_TASK: usize = 1024;
/// A chunk is closed once its bytes reach this (a row's cells are capped by
/// `input.max_field_bytes`, so one row stays far below 4 GiB, the reach of a row's start).
pub const MAX_CHUNK_BYTES: usize = 64 << 20;

/// The rows of a run, in source order.
pub struct RowStore {
    id: usize,
    file: File,
    path: PathBuf,
    end: u64,
    chunks: Vec<Chunk>,
    /// Each chunk as a reader holds it now (by chunk): another pass or writer reading the same
    /// chunk meanwhile shares its rows, decoded once, instead of reading and decoding them
    /// again. The lock is taken once per chunk and reader, never per row.
    live: Vec<Mutex<Weak<Loaded>>>,
    len: usize,
    /// Changes to rows after they were written, sorted by row.
    patches: Arc<Vec<(u32, Patch)>>,
    /// Bumped by every patch, so no thread reuses a chunk decoded before it.
    generation: usize,
    /// Rows kept in memory for random access (duplicates' survivors).
    pinned: HashMap<u32, RowRef>,
    /// The first chunk that could not be read back (see the module's notes).
    failure: Failure,
    /// The encoding buffer, kept from one push to the next.
    scratch: Vec<u8>,
}

/// A row read back: it keeps its chunk alive.
#[derive(Clone)]
pub struct RowRef {
    chunk: Arc<Loaded>,
    at: usize,
}

impl std::ops::Deref for RowRef {
    type Target = Row;
    fn deref(&self) -> &Row {
        self.chunk.row(self.at)
    }
}

static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

type Cache = Vec<(usize, usize, usize, Arc<Loaded>)>;

thread_local! {
    /// (store, generation, chunk, rows) of the chunks this thread decoded last.
    static CACHE: RefCell<Cache> = const { RefCell::new(Vec::new()) };
}

impl RowStore {
    /// An empty store spilling into `dir` (the run's staging folder).
    pub fn new(dir: &Path) -> Result<RowStore> {
        let file = tempfile::tempfile_in(dir)
            .map_err(|source| Error::Output { path: dir.join("(temporary row file)"), source })?;
        Ok(RowStore {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            file,
            path: dir.to_path_buf(),
            end: 0,
            chunks: Vec::new(),
            live: Vec::new(),
            len: 0,
            patches: Arc::default(),
            generation: 0,
            pinned: HashMap::new(),
            failure: Failure::default(),
            scratch: Vec::new(),
        })
    }

    /// Fails when a row could not be read back since the store was made: every pass that
    /// read rows since then saw an empty row in its place, so nothing they made may be kept.
    pub fn check(&self) -> Result<()> {
        match self.failure.get() {
            None => Ok(()),
            Some((kind, what)) => Err(self.io_error(std::io::Error::new(*kind, what.clone()))),
        }
    }

    /// Appends rows in order. They are stored in chunks of at most [`MAX_CHUNK_BYTES`] (or one
    /// row), so rows of huge cells cannot make one chunk too large to hold or to index.
    pub fn push(&mut self, rows: &[Row]) -> Result<()> {
        let mut from = 0;
        // One buffer for every chunk, kept: a new one of megabytes was faulted in page by page
        // at each push, and grown by copying when the rows were long.
        let mut bytes = std::mem::take(&mut self.scratch);
        while from < rows.len() {
            bytes.clear();
            let (mut starts, mut widths) = (Vec::new(), Vec::new());
            let source = rows[from].raw.pos.source;
            for r in &rows[from..] {
                if !starts.is_empty() && (bytes.len() >= MAX_CHUNK_BYTES || r.raw.pos.source != source) {
                    break;
                }
                starts.push(bytes.len() as u32);
                widths.push(u32::try_from(r.raw.cells.len()).unwrap_or(u32::MAX));
                codec::encode(r, &mut bytes);
            }
            from += starts.len();
            self.push_chunk(&bytes, starts, widths, source)?;
        }
        self.scratch = bytes;
        Ok(())
    }

    fn push_chunk(&mut self, bytes: &[u8], starts: Vec<u32>, widths: Vec<u32>, source: u32) -> Result<()> {
        let rows = starts.len();
        self.file.write_all(bytes).map_err(|e| self.io_error(e))?;
        self.chunks.push(Chunk {
            offset: self.end,
            bytes: bytes.len() as u64,
            first: self.len,
            rows,
            source,
            starts: starts.into_boxed_slice(),
            widths: widths.into_boxed_slice(),
        });
        self.live.push(Mutex::default());
        self.end += bytes.len() as u64;
        self.len += rows;
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
        let mut all: Vec<(u32, Patch)> = self.patches.iter().cloned().collect();
        all.extend(patches.into_iter().map(|(i, p)| (i as u32, p)));
        // A stable sort keeps a row's patches in the order they were made, earlier calls first.
        all.sort_by_key(|(i, _)| *i);
        let mut merged: Vec<(u32, Patch)> = Vec::with_capacity(all.len());
        for (i, p) in all {
            match merged.last_mut() {
                Some((j, m)) if *j == i => {
                    m.findings.extend(p.findings);
                    if p.domain.is_some() {
                        m.domain = p.domain;
                    }
                }
                _ => merged.push((i, p)),
            }
        }
        self.patches = Arc::new(merged);
        self.generation += 1;
        self.pinned.clear();
        // Chunks decoded before the patch lack it.
        for slot in &mut self.live {
            *slot.get_mut().unwrap_or_else(PoisonError::into_inner) = Weak::new();
        }
    }

    /// Keeps copies of some rows in memory, for outputs that look rows up out of order (a
    /// duplicate's survivor may be anywhere in the input). One pass over the file.
    pub fn pin(&mut self, rows: impl IntoIterator<Item = usize>) {
        let mut wanted: Vec<usize> = rows.into_iter().filter(|&i| i < self.len).collect();
        wanted.sort_unstable();
        wanted.dedup();
        // The chunks on every core: the survivors are anywhere, so most chunks are read.
        use rayon::prelude::*;
        let store: &RowStore = self;
        let pinned: HashMap<u32, RowRef> = (0..store.chunks.len())
            .into_par_iter()
            .flat_map_iter(|c| {
                let chunk = &store.chunks[c];
                let from = wanted.partition_point(|&i| i < chunk.first);
                let to = wanted.partition_point(|&i| i < chunk.first + chunk.rows);
                let loaded = (from < to).then(|| store.load(c));
                let pinned: Vec<(u32, RowRef)> = wanted[from..to]
                    .iter()
                    .filter_map(|&i| {
                        let row = loaded.as_ref()?.row(i - chunk.first).clone();
                        let copy = Loaded {
                            bytes: Vec::new(),
                            starts: Box::default(),
                            rows: vec![OnceLock::from(row)],
                            patches: Arc::default(),
                            patched: 0..0,
                            first: 0,
                            source: chunk.source,
                            failure: store.failure.clone(),
                        };
                        Some((i as u32, RowRef { chunk: Arc::new(copy), at: 0 }))
                    })
                    .collect();
                pinned
            })
            .collect();
        self.pinned = pinned;
    }

    /// The source of row `i` and how many cells it has, without reading it back.
    pub fn source_and_width(&self, i: usize) -> (u32, usize) {
        assert!(i < self.len, "row {i} of {}", self.len);
        let c = &self.chunks[self.chunks.partition_point(|c| c.first + c.rows <= i)];
        (c.source, c.widths[i - c.first] as usize)
    }

    /// Row `i`.
    pub fn get(&self, i: usize) -> RowRef {
        assert!(i < self.len, "row {i} of {}", self.len);
        if let Some(r) = self.pinned.get(&(i as u32)) {
            return r.clone();
        }
        let c = self.chunks.partition_point(|c| c.first + c.rows <= i);
        let key = (self.id, self.generation, c);
        let cached = CACHE.with(|cache| {
            cache.borrow().iter().find(|(s, g, k, _)| (*s, *g, *k) == key).map(|e| e.3.clone())
        });
        let chunk = cached.unwrap_or_else(|| {
            let rows = self.load(c);
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

    /// Every row, in order (each chunk read once, and its rows decoded in parallel: the
    /// passes over every row are otherwise serial).
    pub fn iter(&self) -> impl Iterator<Item = RowRef> + '_ {
        (0..self.chunks.len()).flat_map(move |c| {
            let chunk = self.load(c);
            {
                use rayon::prelude::*;
                (0..chunk.rows.len()).into_par_iter().with_min_len(512).for_each(|at| {
                    chunk.row(at);
                });
            }
            (0..self.chunks[c].rows).map(move |at| RowRef { chunk: chunk.clone(), at })
        })
    }

    /// Folds every row, read in place, into per-worker accumulators, in parallel, and merges
    /// them: for passes whose result does not depend on the order rows are met in (counts).
    /// `fold` gets each row's index.
    pub fn par_fold<T: Send>(
        &self,
        init: impl Fn() -> T + Sync + Send,
        fold: impl Fn(&mut T, usize, &Peek) + Sync + Send,
        merge: impl Fn(T, T) -> T + Sync + Send,
    ) -> T {
        use rayon::prelude::*;
        let mut total = init();
        self.each_chunk(|first, chunk| {
            let part = (0..chunk.rows.len())
                .into_par_iter()
                .with_min_len(PEEKS_PER_TASK)
                .fold(&init, |mut acc, at| {
                    fold(&mut acc, first + at, &chunk.peek(at));
                    acc
                })
                .reduce(&init, &merge);
            total = merge(std::mem::replace(&mut total, init()), part);
        });
        total
    }

    /// Maps every row, read in place, in parallel, to what a pass needs of it; the results
    /// come in row order, so a serial pass over them sees the rows in source order. `map` gets
    /// each row's index.
    pub fn par_map<T: Send>(&self, map: impl Fn(usize, &Peek) -> T + Sync + Send) -> Vec<T> {
        use rayon::prelude::*;
        let mut out = Vec::with_capacity(self.len);
        self.each_chunk(|first, chunk| {
            out.par_extend(
                (0..chunk.rows.len())
                    .into_par_iter()
                    .with_min_len(PEEKS_PER_TASK)
                    .map(|at| map(first + at, &chunk.peek(at))),
            );
        });
        out
    }

    /// Rows `rows` (ascending), each read in place, in order: each chunk holding any of them
    /// is read once while its rows are visited. For writers that read rows' values, cells or
    /// findings and need not decode them. Stops at `visit`'s first error.
    pub fn peek_rows<E>(
        &self,
        rows: impl IntoIterator<Item = usize>,
        mut visit: impl FnMut(usize, &Peek) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut held: Option<(usize, Arc<Loaded>)> = None;
        for i in rows {
            assert!(i < self.len, "row {i} of {}", self.len);
            let c = match &held {
                Some((c, _))
                    if i < self.chunks[*c].first + self.chunks[*c].rows && i >= self.chunks[*c].first =>
                {
                    *c
                }
                _ => self.chunks.partition_point(|c| c.first + c.rows <= i),
            };
            if held.as_ref().map(|(h, _)| *h) != Some(c) {
                // The chunk before is let go first: a writer holds one chunk at a time.
                drop(held.take());
                held = Some((c, self.load(c)));
            }
            let Some((_, loaded)) = &held else { unreachable!("a chunk is held") };
            visit(i, &loaded.peek(i - self.chunks[c].first))?;
        }
        Ok(())
    }

    /// Hands every chunk, in order, to `visit` with the index of its first row. The next chunk
    /// is read, and the last one dropped, while `visit` works: both are serial, and with them
    /// on the caller's thread the other cores waited for each chunk.
    fn each_chunk(&self, mut visit: impl FnMut(usize, &Loaded) + Send) {
        let mut next = (!self.chunks.is_empty()).then(|| self.load(0));
        let mut done: Option<Arc<Loaded>> = None;
        for c in 0..self.chunks.len() {
            let Some(chunk) = next.take() else { break };
            let last = done.take();
            let (_, ahead) = rayon::join(
                || visit(self.chunks[c].first, &chunk),
                || {
                    drop(last);
                    (c + 1 < self.chunks.len()).then(|| self.load(c + 1))
                },
            );
            done = Some(chunk);
            next = ahead;
        }
    }

    /// Chunk `c`: the one another reader holds, or read back. A reader asking for a chunk
    /// being read waits for it rather than reading it too.
    fn load(&self, c: usize) -> Arc<Loaded> {
        let mut live = self.live[c].lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(loaded) = live.upgrade() {
            return loaded;
        }
        let loaded = self.read(c);
        *live = Arc::downgrade(&loaded);
        loaded
    }

    fn read(&self, c: usize) -> Arc<Loaded> {
        let chunk = &self.chunks[c];
        let mut bytes = chunk::buffer(chunk.bytes as usize);
        let read = match crate::fault::injected("store-read") {
            true => Err(crate::fault::error()),
            false => read_exact_at(&self.file, &mut bytes, chunk.offset),
        };
        let (from, to) = (chunk.first as u32, (chunk.first + chunk.rows) as u32);
        let patched =
            self.patches.partition_point(|(i, _)| *i < from)..self.patches.partition_point(|(i, _)| *i < to);
        let mut loaded = Loaded {
            bytes,
            starts: chunk.starts.clone(),
            rows: (0..chunk.rows).map(|_| OnceLock::new()).collect(),
            patches: self.patches.clone(),
            patched,
            first: chunk.first,
            source: chunk.source,
            failure: self.failure.clone(),
        };
        if let Err(e) = read {
            // The file is ours and was written moments ago: the disk or the system failed.
            let what = format!("cannot read rows {from} to {to} back: {e}");
            let _ = self.failure.set((e.kind(), what));
            loaded.rows = (0..chunk.rows).map(|_| OnceLock::from(placeholder(chunk.source))).collect();
            // A reused buffer holds another chunk's bytes: nothing is to be read in place either.
            loaded.bytes.clear();
        }
        Arc::new(loaded)
    }

    fn io_error(&self, source: std::io::Error) -> Error {
        Error::Output { path: self.path.join("(temporary row file)"), source }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalogue::RuleId;
    use crate::model::{Cells, Field, Finding};

    fn row(n: u64) -> Row {
        Row::test(n)
    }

    #[test]
    fn chunks_read_into_reused_buffers_read_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = RowStore::new(dir.path()).unwrap();
        // A long chunk, a short one, a long one: each is read in turn into the buffer the one
        // before let go (longer, or shorter, than it needs).
        let with = |n: u64, source: u32, text: String| {
            let mut r = row(n);
            r.raw.pos.source = source;
            r.raw.cells = Cells::from_values([text]);
            r
        };
        store.push(&[with(0, 0, "a".repeat(40_000)), with(1, 0, "b".repeat(40_000))]).unwrap();
        store.push(&[with(2, 1, "c".into())]).unwrap();
        store.push(&[with(3, 2, "d".repeat(90_000))]).unwrap();
        assert_eq!(store.chunks.len(), 3);
        let want: Vec<String> =
            ["a".repeat(40_000), "b".repeat(40_000), "c".into(), "d".repeat(90_000)].into();
        for round in 0..3 {
            let mut got = Vec::new();
            store
                .peek_rows(0..store.len(), |_, r| {
                    got.push(r.cells.get(0).unwrap_or_default().to_string());
                    Ok::<(), ()>(())
                })
                .unwrap();
            assert!(got == want, "round {round}");
            let decoded: Vec<String> = store.iter().map(|r| r.raw.cells.as_str().to_string()).collect();
            assert!(decoded == want, "round {round}, decoded");
        }
        assert!(store.check().is_ok());
    }

    #[test]
    fn large_rows_are_split_into_chunks() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = RowStore::new(dir.path()).unwrap();
        let big = |n: u64| {
            let mut r = row(n);
            r.raw.cells = Cells::from_values(["x".repeat(MAX_CHUNK_BYTES / 2)]);
            r
        };
        store.push(&[big(0), big(1), big(2), row(3)]).unwrap();
        assert_eq!(store.chunks.len(), 2, "two big rows fill a chunk");
        let lens: Vec<usize> = store.iter().map(|r| r.raw.cells.as_str().len()).collect();
        assert_eq!(lens, [MAX_CHUNK_BYTES / 2, MAX_CHUNK_BYTES / 2, MAX_CHUNK_BYTES / 2, 2]);
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
        assert_eq!(store.chunks.len(), 3);
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
        // Every row folded once, with its own index and its patches.
        let (rows, index_sum, findings) = store.par_fold(
            || (0usize, 0usize, 0usize),
            |acc, i, r| {
                assert_eq!(r.row, i as u64);
                *acc = (acc.0 + 1, acc.1 + i, acc.2 + r.findings().count());
            },
            |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2),
        );
        assert_eq!((rows, index_sum, findings), (8, 28, 1));
        // Mapped in row order, each row with its own index and its patches.
        let mapped =
            store.par_map(|i, r| (i, r.row, r.findings().count(), r.value(Field::Domain).to_string()));
        // Rows picked, in order, each with its patches; an error stops the visit there.
        let mut seen = Vec::new();
        let picked = store.peek_rows([0, 4, 5, 7], |i, r| {
            seen.push((i, r.row, r.value(Field::Domain).to_string()));
            if i == 5 {
                Err("stop")
            } else {
                Ok(())
            }
        });
        assert_eq!(picked, Err("stop"));
        assert_eq!(seen, [(0, 0, "v0".into()), (4, 4, "contoso".into()), (5, 5, "v5".to_string())]);
        let domain = |i: usize| if i == 4 { "contoso".to_string() } else { format!("v{i}") };
        let want: Vec<_> = (0..8).map(|i| (i, i as u64, usize::from(i == 4), domain(i))).collect();
        assert_eq!(mapped, want);
        // A second patch of a row adds to the first; a later prefix replaces the earlier.
        let more = |d: Option<&str>| Patch {
            findings: vec![Finding::new(RuleId::DomainDuplicate, "y")],
            domain: d.map(Into::into),
        };
        store.patch([(4, more(None)), (2, more(Some("fabrikam"))), (4, more(Some("northwind")))]);
        let rules: Vec<RuleId> = store.get(4).findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, [RuleId::DomainTaken, RuleId::DomainDuplicate, RuleId::DomainDuplicate]);
        assert_eq!(store.get(4).customer.get(Field::Domain), "northwind");
        assert_eq!(store.get(2).customer.get(Field::Domain), "fabrikam");
        assert_eq!(store.patches.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [2, 4]);
        store.pin([6, 1, 6, 99]);
        assert_eq!(store.pinned.len(), 2);
        assert_eq!(store.get(6).raw.pos.row, 6);
        assert_eq!(store.get(4).customer.get(Field::Domain), "northwind");
    }

    #[test]
    fn readers_of_a_chunk_at_once_share_its_rows() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = RowStore::new(dir.path()).unwrap();
        store.push(&[row(0), row(1)]).unwrap();
        let held = store.load(0);
        let meanwhile = store.load(0);
        assert!(Arc::ptr_eq(&held, &meanwhile), "a chunk held is shared");
        held.row(1);
        assert!(meanwhile.rows[1].get().is_some(), "a row decoded once serves every reader");
        drop((held, meanwhile));
        assert!(store.load(0).rows[1].get().is_none(), "a chunk nobody holds is read again");
        let before = store.load(0);
        store.patch([(1, Patch { findings: Vec::new(), domain: Some("contoso".into()) })]);
        let after = store.load(0);
        assert!(!Arc::ptr_eq(&before, &after), "a chunk read before a patch is not shared after it");
        assert_eq!(after.row(1).customer.get(Field::Domain), "contoso");
    }

    #[test]
    fn a_file_cut_short_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = RowStore::new(dir.path()).unwrap();
        let mut wide = row(1);
        wide.raw.cells = Cells::from_values(["a", "b", "c", "d", "e"]);
        store.push(&[row(0), wide]).unwrap();
        let mut second = row(2);
        second.raw.pos.source = 1;
        store.push(&[second, row(3)]).unwrap();
        assert_eq!(store.chunks.len(), 3, "a chunk never spans two sources");
        assert!(store.check().is_ok());
        assert_eq!(store.source_and_width(1).1, 5, "each row's own width");
        for i in 0..store.len() {
            let r = store.get(i);
            assert_eq!(store.source_and_width(i), (r.raw.pos.source, r.raw.cells.len()), "row {i}");
        }
        // Cut the file inside the last chunk: its rows cannot be read back. The chunks this
        // thread keeps are let go first: a chunk still held is served from memory, not reread.
        CACHE.with(|cache| cache.borrow_mut().clear());
        store.file.set_len(store.chunks[2].offset + 3).unwrap();
        let peeked: Vec<u32> = store.par_map(|_, r| r.source);
        assert_eq!(peeked, [0, 0, 1, 0], "a pass reading rows in place sees them the same way");
        assert!(store.check().is_err(), "and finds the failure");
        let sources: Vec<u32> = store.iter().map(|r| r.raw.pos.source).collect();
        assert_eq!(sources, [0, 0, 1, 0], "every pass still sees one row per row, of its source");
        let err = store.check().unwrap_err();
        assert_eq!(err.exit_code(), crate::error::exit::OUTPUT);
        assert!(err.to_string().contains("temporary row file"), "{err}");
    }
}
