//! Line numbers for CSV records as a spreadsheet shows them.
//!
//! The csv crate reports where the parser *began* a record, which is before any blank lines it
//! skipped, so a header under a blank line would seem one row too high. This reader remembers
//! where the newlines are, so the row of a record can be told from where it *ended*. [`Tally`]
//! counts the bytes taken from the file, for progress.

use std::collections::VecDeque;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Newline offsets seen so far, shared between the reader (which records them) and the source
/// (which asks for line numbers). Only one thread uses it at a time; the lock is uncontended.
#[derive(Default)]
pub struct LineIndex {
    /// Newline byte offsets not yet dropped.
    offsets: VecDeque<u64>,
    /// How many newlines were dropped from the front.
    dropped: u64,
}

impl LineIndex {
    /// The 1-based line holding byte `x`.
    pub fn line_of(&self, x: u64) -> u64 {
        let before = self.offsets.partition_point(|&o| o < x) as u64;
        1 + self.dropped + before
    }

    /// Forgets offsets before `x` (no later question asks about them).
    pub fn forget_before(&mut self, x: u64) {
        while self.offsets.front().is_some_and(|&o| o < x) {
            self.offsets.pop_front();
            self.dropped += 1;
        }
    }
}

/// A reader that records the offset of every `\n` passing through it.
pub struct CountingReader<R> {
    inner: R,
    pos: u64,
    index: Arc<Mutex<LineIndex>>,
}

impl<R: Read> CountingReader<R> {
    /// Wraps `inner`; the returned index answers line questions.
    pub fn new(inner: R) -> (CountingReader<R>, Arc<Mutex<LineIndex>>) {
        let index = Arc::new(Mutex::new(LineIndex::default()));
        (CountingReader { inner, pos: 0, index: index.clone() }, index)
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            let mut idx = self.index.lock().unwrap_or_else(|e| e.into_inner());
            for i in memchr::memchr_iter(b'\n', &buf[..n]) {
                idx.offsets.push_back(self.pos + i as u64);
            }
        }
        self.pos += n as u64;
        Ok(n)
    }
}

/// A reader that counts the bytes taken from a file, for progress: shared with the source,
/// which reads it while the csv reader owns the chain.
pub struct Tally<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Tally<R> {
    /// Wraps `inner`; the returned counter follows it.
    pub fn new(inner: R) -> (Tally<R>, Arc<AtomicU64>) {
        let read = Arc::new(AtomicU64::new(0));
        (Tally { inner, read: read.clone() }, read)
    }
}

impl<R: Read> Read for Tally<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (first line of each record) for a CSV text, computed the way the source does.
    fn rows(text: &str) -> Vec<u64> {
        let (counting, index) = CountingReader::new(text.as_bytes());
        let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(counting);
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::new();
        let mut embedded = 0;
        while rdr.read_byte_record(&mut rec).unwrap() {
            let end = rdr.position().byte();
            embedded += rec.as_slice().iter().filter(|&&b| b == b'\n').count() as u64;
            let mut idx = index.lock().unwrap();
            let last = idx.line_of(end.saturating_sub(1));
            out.push(last - embedded);
            idx.forget_before(end.saturating_sub(1));
        }
        out
    }

    #[test]
    fn rows_count_blank_lines_and_line_breaks_inside_fields() {
        assert_eq!(rows("Title\n\nA,B\n1,2\n\"x\ny\",3\n\n\n4,5\n\n"), vec![1, 3, 4, 5, 8]);
        assert_eq!(rows("a,b\r\n\r\n1,2\r\n\"p\r\nq\",3"), vec![1, 3, 4]);
        assert_eq!(rows("a,b\n1,2"), vec![1, 2]);
        assert_eq!(rows("a\r\n\"x\ny\"\r\nb\r\n\r\nc\r\n"), vec![1, 2, 3, 5]);
    }
}
