//! The rows sorted by partner, on disk. One pass over the stored rows hands each row to its
//! partner's buffer; when the buffers together pass [`FLUSH_BYTES`] they are appended to an
//! unnamed temporary file as one segment per partner. A partner's rows are then read back in
//! order, segment by segment, without reading anyone else's: memory holds the buffers, never
//! the list.

use crate::error::{Error, Result};
use crate::model::Row;
use crate::store::{decode_row, encode_row, read_exact_at};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Buffered bytes at which every buffer is written out.
const FLUSH_BYTES: usize = 32 << 20;

/// Rows by partner: buffers in memory, segments on disk.
pub struct Buckets {
    file: File,
    dir: PathBuf,
    end: u64,
    buffers: Vec<Vec<u8>>,
    buffered: usize,
    /// Per partner: (offset, length) of each of its segments, in order.
    segments: Vec<Vec<(u64, u64)>>,
}

impl Buckets {
    /// Empty buckets for `partners` partners, spilling into `dir`.
    pub fn new(dir: &Path, partners: usize) -> Result<Buckets> {
        let file = tempfile::tempfile_in(dir).map_err(|source| Error::Output { path: temp(dir), source })?;
        Ok(Buckets {
            file,
            dir: dir.to_path_buf(),
            end: 0,
            buffers: vec![Vec::new(); partners],
            buffered: 0,
            segments: vec![Vec::new(); partners],
        })
    }

    /// Adds row `index` of the list to partner `p` (a partner seen for the first time is added).
    pub fn push(&mut self, p: usize, index: u32, row: &Row) -> Result<()> {
        if p >= self.buffers.len() {
            self.buffers.resize_with(p + 1, Vec::new);
            self.segments.resize_with(p + 1, Vec::new);
        }
        let buf = &mut self.buffers[p];
        let before = buf.len();
        buf.extend_from_slice(&index.to_le_bytes());
        encode_row(row, buf);
        self.buffered += buf.len() - before;
        if self.buffered >= FLUSH_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes every buffer out (each a segment of its partner).
    pub fn flush(&mut self) -> Result<()> {
        for (p, buf) in self.buffers.iter_mut().enumerate() {
            if buf.is_empty() {
                continue;
            }
            // Taken, not cleared: a partner that filled its buffer once does not keep the room.
            let bytes = std::mem::take(buf);
            self.file.write_all(&bytes).map_err(|source| Error::Output { path: temp(&self.dir), source })?;
            self.segments[p].push((self.end, bytes.len() as u64));
            self.end += bytes.len() as u64;
        }
        self.buffered = 0;
        Ok(())
    }

    /// Hands partner `p`'s rows to `each`, in the list's order, with their index in the list.
    /// Call [`Buckets::flush`] first.
    pub fn read(&self, p: usize, mut each: impl FnMut(usize, Row) -> Result<()>) -> Result<()> {
        let broken = |what: String| Error::Output {
            path: temp(&self.dir),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, what),
        };
        for &(offset, len) in self.segments.get(p).map(Vec::as_slice).unwrap_or(&[]) {
            let mut bytes = vec![0u8; len as usize];
            read_exact_at(&self.file, &mut bytes, offset)
                .map_err(|e| broken(format!("cannot read partner rows back at byte {offset}: {e}")))?;
            let mut rest = bytes.as_slice();
            while !rest.is_empty() {
                let index = rest.get(..4).and_then(|b| b.try_into().ok()).map(u32::from_le_bytes);
                rest = rest.get(4..).unwrap_or_default();
                match (index, decode_row(&mut rest)) {
                    (Some(i), Some(row)) => each(i as usize, row)?,
                    _ => return Err(broken(format!("partner rows at byte {offset} do not read back"))),
                }
            }
        }
        Ok(())
    }
}

fn temp(dir: &Path) -> PathBuf {
    dir.join("(temporary partner row file)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field;

    fn row(n: u64) -> Row {
        Row::test(n)
    }

    #[test]
    fn each_partner_gets_its_rows_back_in_order_across_flushes() {
        let dir = tempfile::tempdir().unwrap();
        let mut b = Buckets::new(dir.path(), 2).unwrap();
        // Partner by row: 0 1 0 2 0 (partner 2 is added on the way), flushed in the middle.
        for (i, p) in [0usize, 1, 0, 2, 0].into_iter().enumerate() {
            b.push(p, i as u32, &row(i as u64 + 2)).unwrap();
            if i == 2 {
                b.flush().unwrap();
            }
        }
        b.flush().unwrap();
        let back = |p| {
            let mut got = Vec::new();
            b.read(p, |i, r| {
                got.push((i, r.raw.pos.row, r.customer.get(Field::City).to_string()));
                Ok(())
            })
            .unwrap();
            got
        };
        assert_eq!(back(0), [(0, 2, "v2".into()), (2, 4, "v4".into()), (4, 6, "v6".into())]);
        assert_eq!(back(1), [(1, 3, "v3".into())]);
        assert_eq!(back(2), [(3, 5, "v5".into())]);
        assert!(back(3).is_empty(), "a partner without rows has none");
        // A file cut short is an output error, not a panic.
        b.file.set_len(3).unwrap();
        let err = b.read(0, |_, _| Ok(())).unwrap_err();
        assert_eq!(err.exit_code(), crate::error::exit::OUTPUT, "{err}");
    }
}
