//! Delimited text files: encoding and delimiter detection, then streaming records.

use super::lines::{CountingReader, LineIndex, Tally};
use super::{cut, find_header, sniff, Extent, ReadOptions, RowSource, SourceInfo};
use crate::error::{Error, Position, Result};
use crate::model::{RawRow, RowPos};
use csv::{ByteRecord, StringRecord};
use encoding_rs::{UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use std::fs::File;
use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

const SAMPLE_BYTES: usize = 64 * 1024;
const HEADER_SEARCH_ROWS: usize = 20;

/// How bytes of a field become text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decode {
    /// UTF-8 (also what the UTF-16 transcoder yields); invalid bytes make the row malformed.
    Utf8,
    /// UTF-8 so far, but only ASCII was seen: invalid bytes switch the file to Windows-1252.
    Ascii,
    /// Every byte is a character.
    Windows1252,
}

/// A CSV/TSV source.
pub struct CsvSource {
    info: SourceInfo,
    rdr: csv::Reader<Box<dyn Read + Send>>,
    decode: Decode,
    record: ByteRecord,
    /// Records read but not yet handed out (those read while looking for the header).
    pending: std::collections::VecDeque<(ByteRecord, u64)>,
    /// Where the newlines are, to number rows as a spreadsheet would.
    lines: Arc<Mutex<LineIndex>>,
    /// Line breaks inside quoted fields so far: a spreadsheet shows each record as one row.
    embedded_newlines: u64,
    last_row: u64,
    source: u32,
    max_field: usize,
    /// Bytes taken from the file so far, and its size (None for a stream).
    bytes: Option<(Arc<AtomicU64>, u64)>,
}

impl CsvSource {
    /// Opens a delimited file, detects its encoding, delimiter and header row.
    pub fn open(path: &Path, source: u32, opts: &ReadOptions) -> Result<CsvSource> {
        let file =
            File::open(path).map_err(|e| Error::input_file(path, format!("cannot read the file: {e}")))?;
        // A regular file's size is known: progress shows bytes read of it, with an ETA.
        let size = file.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
        let (tally, read) = Tally::new(file);
        let mut src = CsvSource::from_reader(path, Box::new(tally), source, opts)?;
        src.bytes = size.map(|total| (read, total));
        Ok(src)
    }

    /// Reads delimited text from any reader; `path` names it in messages and decides the
    /// default delimiter by its ending.
    pub fn from_reader(
        path: &Path,
        mut file: Box<dyn Read + Send>,
        source: u32,
        opts: &ReadOptions,
    ) -> Result<CsvSource> {
        let io_err = |e: std::io::Error| Error::input_file(path, format!("cannot read the file: {e}"));
        let mut sample = Vec::with_capacity(SAMPLE_BYTES);
        (&mut file).take(SAMPLE_BYTES as u64).read_to_end(&mut sample).map_err(io_err)?;
        let complete = sample.len() < SAMPLE_BYTES;
        if sample.is_empty() {
            return Err(Error::input_file(
                path,
                "the file is empty; expected a header row and customer rows",
            ));
        }
        let det = sniff::encoding(&sample, complete);
        let utf16 = det.encoding == UTF_16LE || det.encoding == UTF_16BE;
        let (sample_text, _, _) = det.encoding.decode(&sample);
        let sample_text = sample_text.into_owned();
        let default_delim = match super::extension(path).as_str() {
            "tsv" | "tab" => b'\t',
            _ => b',',
        };
        let delimiter = sniff::delimiter(&sample_text, default_delim);
        let decode = if utf16 || det.encoding == UTF_8 && !sample.is_ascii() {
            Decode::Utf8
        } else if det.encoding == UTF_8 {
            Decode::Ascii
        } else {
            Decode::Windows1252
        };
        let body: Box<dyn Read + Send> = if utf16 {
            let chained = Cursor::new(sample).chain(file);
            Box::new(
                encoding_rs_io::DecodeReaderBytesBuilder::new()
                    .encoding(Some(det.encoding))
                    .bom_override(true)
                    .strip_bom(true)
                    .build(chained),
            )
        } else {
            let mut sample = sample;
            if det.bom {
                sample.drain(..3);
            }
            Box::new(Cursor::new(sample).chain(file))
        };
        let (counting, lines) = CountingReader::new(body);
        let rdr = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(Box::new(counting) as Box<dyn Read + Send>);
        let encoding_label = match decode {
            Decode::Ascii => "UTF-8".to_string(),
            _ => det.label(),
        };
        let mut src = CsvSource {
            info: SourceInfo {
                file: path.to_owned(),
                sheet: None,
                format: "csv".into(),
                encoding: Some(encoding_label),
                delimiter: Some(delimiter as char),
                header_row: 0,
                columns: super::ColumnMap::build(&[], &Default::default()),
                rows: 0,
                blank_rows: 0,
                notes: Vec::new(),
            },
            rdr,
            decode,
            record: ByteRecord::new(),
            pending: Default::default(),
            lines,
            embedded_newlines: 0,
            last_row: 0,
            source,
            max_field: opts.max_field_bytes.max(1024),
            bytes: None,
        };
        src.read_header(opts)?;
        Ok(src)
    }

    /// Reads the next record with its row number; None at the end.
    fn read_record(&mut self) -> Result<Option<(ByteRecord, u64)>> {
        if let Some(r) = self.pending.pop_front() {
            return Ok(Some(r));
        }
        let last_row = self.last_row;
        let more = self.rdr.read_byte_record(&mut self.record).map_err(|e| {
            Error::input(
                Position { file: self.info.file.clone(), row: Some(last_row + 1), ..Default::default() },
                format!("cannot read the file: {e}"),
            )
        })?;
        if !more {
            return Ok(None);
        }
        // The record's last byte is on its last physical line; its row is that less every line
        // break inside quoted fields so far (this record's included).
        let end = self.rdr.position().byte().saturating_sub(1);
        self.embedded_newlines += memchr::memchr_iter(b'\n', self.record.as_slice()).count() as u64;
        let row = {
            let mut idx = self.lines.lock().unwrap_or_else(|e| e.into_inner());
            let last = idx.line_of(end);
            idx.forget_before(end);
            last.saturating_sub(self.embedded_newlines).max(last_row + 1)
        };
        self.last_row = row;
        Ok(Some((self.record.clone(), row)))
    }

    fn read_header(&mut self, opts: &ReadOptions) -> Result<()> {
        let mut first: Vec<(ByteRecord, u64)> = Vec::new();
        while first.len() < HEADER_SEARCH_ROWS {
            match self.read_record()? {
                Some(r) => first.push(r),
                None => break,
            }
        }
        let texts: Vec<Vec<String>> =
            first.iter().map(|(r, _)| r.iter().map(|f| self.decode_lossy(f)).collect()).collect();
        let (idx, map) = find_header(&self.info.file, None, &texts, opts)?;
        self.info.header_row = first[idx].1;
        self.info.columns = map;
        if idx > 0 {
            self.info.notes.push(format!(
                "the header is on row {}; the {} row(s) above it were skipped",
                self.info.header_row, idx
            ));
        }
        self.pending = first.into_iter().skip(idx + 1).collect();
        Ok(())
    }

    fn decode_lossy(&self, bytes: &[u8]) -> String {
        match self.decode {
            Decode::Windows1252 => WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
            _ => String::from_utf8_lossy(bytes).into_owned(),
        }
    }

    /// Decodes one record into a row, noting why it is malformed if it is.
    fn decode_row(&mut self, rec: &ByteRecord, row: u64) -> Option<RawRow> {
        let width = self.info.columns.headers.len();
        if rec.iter().all(|f| f.iter().all(|b| b.is_ascii_whitespace())) {
            self.info.blank_rows += 1;
            return None;
        }
        let mut malformed: Option<String> = None;
        // The whole record checked once (SIMD, as the csv crate's own `StringRecord` does), its
        // fields then cut from it; a record that is not UTF-8 is decoded field by field below.
        let whole = match self.decode {
            Decode::Windows1252 => None,
            _ => simdutf8::basic::from_utf8(rec.as_slice()).ok(),
        };
        if self.decode == Decode::Ascii && whole.is_none() {
            self.decode = Decode::Windows1252;
            self.info.encoding = Some("windows-1252".into());
            self.info.notes.push(format!(
                "rows up to {} were plain ASCII; row {row} is not UTF-8, so the file is read as \
                 Windows-1252 from there on",
                row - 1
            ));
        }
        let mut cells = StringRecord::with_capacity(rec.as_slice().len(), rec.len().max(width));
        for (i, f) in rec.iter().enumerate() {
            let text = match self.decode {
                Decode::Windows1252 => WINDOWS_1252.decode_without_bom_handling(f).0,
                _ => {
                    let field = whole.and_then(|s| s.get(rec.range(i)?));
                    match field.map_or_else(|| std::str::from_utf8(f), Ok) {
                        Ok(s) => std::borrow::Cow::Borrowed(s),
                        Err(_) => {
                            malformed.get_or_insert_with(|| {
                                format!(
                                    "column '{}' holds bytes that are not valid UTF-8",
                                    self.column_name(i)
                                )
                            });
                            String::from_utf8_lossy(f)
                        }
                    }
                }
            };
            if text.len() > self.max_field {
                malformed.get_or_insert_with(|| {
                    format!(
                        "column '{}' holds {} bytes, more than the limit of {} (input.max_field_bytes)",
                        self.column_name(i),
                        text.len(),
                        self.max_field
                    )
                });
                cells.push_field(cut(&text, self.max_field));
            } else {
                cells.push_field(&text);
            }
        }
        let n = cells.len();
        if n != width {
            // An extra field usually means an unquoted delimiter inside a value: every value after
            // it sits one column to the right, so none of them can be trusted.
            let spans_lines = cells.iter().any(|c| c.contains('\n'));
            malformed.get_or_insert_with(|| {
                let hint = if spans_lines {
                    "; a field spans several lines, so a quote is probably not closed"
                } else {
                    ""
                };
                format!("the row has {n} fields but the header has {width}{hint}")
            });
        }
        self.info.rows += 1;
        Some(RawRow { pos: RowPos { source: self.source, row }, cells: cells.into(), malformed })
    }

    fn column_name(&self, i: usize) -> String {
        self.info.columns.headers.get(i).cloned().unwrap_or_else(|| format!("#{}", i + 1))
    }
}

impl RowSource for CsvSource {
    fn info(&self) -> &SourceInfo {
        &self.info
    }

    fn next_chunk(&mut self, max: usize, out: &mut Vec<RawRow>) -> Result<bool> {
        let mut taken = 0;
        while taken < max {
            let Some((rec, row)) = self.read_record()? else {
                return Ok(false);
            };
            if let Some(r) = self.decode_row(&rec, row) {
                out.push(r);
                taken += 1;
            }
        }
        Ok(true)
    }

    fn extent(&self) -> Option<Extent> {
        let (read, total) = self.bytes.as_ref()?;
        // The reader reads ahead of the rows handed out by a buffer at most: close enough.
        Some(Extent::Bytes { done: read.load(Ordering::Relaxed).min(*total), total: *total })
    }
}
