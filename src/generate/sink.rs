//! Where generated tables go: CSV (UTF-8, CRLF as Excel writes it) or, for a `.xlsx` path, a
//! workbook written in rust_xlsxwriter's constant-memory mode (rows stream to disk; a new sheet
//! starts every 1,048,575 data rows, Excel's limit). Files appear under their name only when
//! complete.

use crate::error::{Error, Result};
use crate::write::AtomicFile;
use rust_xlsxwriter::{Workbook, XlsxError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Data rows per worksheet (Excel's 1,048,576 rows less the header).
pub const SHEET_ROWS: u64 = 1_048_575;

/// A row ready for its file: a CSV line, encoded where it was built (on a worker thread), or
/// the cells of a workbook row.
pub enum Encoded {
    /// A CSV record with its line ending.
    Csv(Vec<u8>),
    /// Workbook cells.
    Cells(Vec<String>),
}

impl Encoded {
    /// Encodes `cells` for a workbook (`cells` true) or a CSV file.
    pub fn new(cells: &[String], as_cells: bool) -> Encoded {
        if as_cells {
            Encoded::Cells(cells.to_vec())
        } else {
            let mut line = Vec::with_capacity(cells.iter().map(|c| c.len() + 1).sum::<usize>() + 8);
            encode_csv(cells, &mut line);
            Encoded::Csv(line)
        }
    }
}

/// One CSV record as the csv crate writes it (`QuoteStyle::Necessary`, CRLF): a field is quoted
/// when it holds a comma, a quote, CR or LF, and quotes inside are doubled.
pub fn encode_csv(cells: &[String], out: &mut Vec<u8>) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        if c.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) || (cells.len() == 1 && c.is_empty()) {
            out.push(b'"');
            for b in c.bytes() {
                if b == b'"' {
                    out.push(b'"');
                }
                out.push(b);
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(c.as_bytes());
        }
    }
    out.extend_from_slice(b"\r\n");
}

/// A table being written.
pub trait Sink {
    /// Writes one data row.
    fn row(&mut self, cells: &[String]) -> Result<()>;
    /// Writes one encoded row.
    fn write(&mut self, row: &Encoded) -> Result<()> {
        match row {
            Encoded::Cells(c) => self.row(c),
            Encoded::Csv(_) => unreachable!("CSV lines go to CSV files"),
        }
    }
    /// Finishes the file and moves it into place.
    fn finish(self: Box<Self>) -> Result<()>;
}

/// Whether a path asks for a workbook.
pub fn is_xlsx(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// The sheet holding data row `index` (0-based) of a workbook whose sheets are named `base`,
/// `base 2`, `base 3`, …, and the row number it has there (header = 1).
pub fn sheet_position(base: &str, index: u64) -> (String, u64) {
    let sheet = index / SHEET_ROWS;
    let name = if sheet == 0 { base.to_string() } else { format!("{base} {}", sheet + 1) };
    (name, index % SHEET_ROWS + 2)
}

/// Opens `path` for a table with `header`; `sheet` names the worksheets of a workbook.
pub fn open(path: &Path, header: &[&str], sheet: &str) -> Result<Box<dyn Sink + Send>> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Output { path: dir.to_owned(), source })?;
    }
    if is_xlsx(path) {
        let mut s = XlsxSink {
            wb: Workbook::new(),
            path: path.to_owned(),
            header: header.iter().map(|h| h.to_string()).collect(),
            base: sheet.to_string(),
            rows: 0,
            sheets: 0,
        };
        s.new_sheet()?;
        Ok(Box::new(s))
    } else {
        let mut sink = CsvSink { file: AtomicFile::create(path)?, path: path.to_owned(), buf: Vec::new() };
        sink.row(&header.iter().map(|h| h.to_string()).collect::<Vec<_>>())?;
        Ok(Box::new(sink))
    }
}

fn xlsx_error(path: &Path, e: XlsxError) -> Error {
    Error::Output { path: path.to_owned(), source: std::io::Error::other(e.to_string()) }
}

struct CsvSink {
    file: AtomicFile,
    path: PathBuf,
    buf: Vec<u8>,
}

impl CsvSink {
    fn io(&self, source: std::io::Error) -> Error {
        Error::Output { path: self.path.clone(), source }
    }
}

impl Sink for CsvSink {
    fn row(&mut self, cells: &[String]) -> Result<()> {
        self.buf.clear();
        encode_csv(cells, &mut self.buf);
        self.file.write_all(&self.buf).map_err(|e| self.io(e))
    }

    fn write(&mut self, row: &Encoded) -> Result<()> {
        match row {
            Encoded::Csv(line) => self.file.write_all(line).map_err(|e| self.io(e)),
            Encoded::Cells(c) => self.row(c),
        }
    }

    fn finish(self: Box<Self>) -> Result<()> {
        self.file.commit()
    }
}

struct XlsxSink {
    wb: Workbook,
    path: PathBuf,
    header: Vec<String>,
    base: String,
    rows: u64,
    sheets: usize,
}

impl XlsxSink {
    fn new_sheet(&mut self) -> Result<()> {
        let (name, _) = sheet_position(&self.base, self.sheets as u64 * SHEET_ROWS);
        let ws = self.wb.add_worksheet_with_constant_memory().map_err(|e| xlsx_error(&self.path, e))?;
        ws.set_name(name).map_err(|e| xlsx_error(&self.path, e))?;
        for (c, h) in self.header.iter().enumerate() {
            ws.write_string(0, c as u16, h).map_err(|e| xlsx_error(&self.path, e))?;
        }
        self.sheets += 1;
        Ok(())
    }
}

impl Sink for XlsxSink {
    fn row(&mut self, cells: &[String]) -> Result<()> {
        if self.rows > 0 && self.rows.is_multiple_of(SHEET_ROWS) {
            self.new_sheet()?;
        }
        let r = (self.rows % SHEET_ROWS + 1) as u32;
        let ws = self.wb.worksheet_from_index(self.sheets - 1).map_err(|e| xlsx_error(&self.path, e))?;
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r, c as u16, v).map_err(|e| xlsx_error(&self.path, e))?;
            }
        }
        self.rows += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        // Saved under a temporary name in the same folder, then renamed, like every output.
        let tmp = crate::write::temp_beside(&self.path, ".xlsx")?;
        self.wb.save(tmp.path()).map_err(|e| xlsx_error(&self.path, e))?;
        tmp.persist(&self.path).map_err(|e| Error::Output { path: self.path.clone(), source: e.error })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_lines_are_encoded_as_the_csv_crate_writes_them() {
        let cells: Vec<String> =
            ["plain", "", "a,b", "say \"hi\"", "two\nlines", " spaced ", "Müller & Söhne", "=1+1"]
                .map(String::from)
                .to_vec();
        let mut mine = Vec::new();
        encode_csv(&cells, &mut mine);
        let mut wtr = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
        wtr.write_record(&cells).unwrap();
        assert_eq!(String::from_utf8(mine).unwrap(), String::from_utf8(wtr.into_inner().unwrap()).unwrap());
    }

    #[test]
    fn sheets_hold_excels_row_limit() {
        assert_eq!(sheet_position("Accounts", 0), ("Accounts".to_string(), 2));
        assert_eq!(sheet_position("Accounts", SHEET_ROWS - 1), ("Accounts".to_string(), SHEET_ROWS + 1));
        assert_eq!(sheet_position("Accounts", SHEET_ROWS), ("Accounts 2".to_string(), 2));
        assert!(is_xlsx(Path::new("a/B.XLSX")) && !is_xlsx(Path::new("a.csv")));
    }
}
