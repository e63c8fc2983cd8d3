//! Reading inputs: every supported file becomes one or more row sources (a CSV file, or each
//! sheet of a workbook) that yield [`RawRow`]s in chunks, with their header map and position.

mod csv;
mod discover;
pub mod headers;
mod lines;
pub mod mapping;
pub mod pc;
mod sheet;
mod sniff;

use crate::error::{Error, Result};
use crate::model::{Field, RawRow, Row};
pub use discover::{discover, Discovered, STDIN};
pub use headers::ColumnMap;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// File endings read as delimited text.
pub const TEXT_EXTENSIONS: &[&str] = &["csv", "tsv", "txt", "tab"];
/// File endings read as spreadsheets (through calamine).
pub const SHEET_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// What the reader learnt about one source; reported in the summary.
#[derive(Clone, Debug)]
pub struct SourceInfo {
    /// The file.
    pub file: PathBuf,
    /// The sheet, for workbooks.
    pub sheet: Option<String>,
    /// "csv" or the workbook format ("xlsx", …).
    pub format: String,
    /// The detected text encoding (CSV only).
    pub encoding: Option<String>,
    /// The detected delimiter (CSV only).
    pub delimiter: Option<char>,
    /// The row holding the headers (1-based).
    pub header_row: u64,
    /// How the columns map to fields.
    pub columns: ColumnMap,
    /// Data rows read (blank rows excluded).
    pub rows: u64,
    /// Entirely blank rows skipped.
    pub blank_rows: u64,
    /// Things the user should know about this source (printed and in the summary).
    pub notes: Vec<String>,
}

impl SourceInfo {
    /// A CSV source with these headers and no rows read yet: the fixture of unit tests.
    #[cfg(test)]
    pub fn test_csv(file: &str, headers: &[&str]) -> SourceInfo {
        let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        SourceInfo {
            file: file.into(),
            sheet: None,
            format: "csv".into(),
            encoding: None,
            delimiter: None,
            header_row: 1,
            columns: ColumnMap::build(&headers, &Default::default()),
            rows: 0,
            blank_rows: 0,
            notes: Vec::new(),
        }
    }

    /// The file name as written in outputs.
    pub fn file_label(&self) -> std::borrow::Cow<'_, str> {
        self.file.to_string_lossy()
    }

    /// The four source columns (file, sheet, row, source ID) of a row read from this source.
    pub fn source_cells(&self, row: &Row) -> [String; 4] {
        self.source_cells_of(row.raw.pos.row, row.customer.get(Field::SourceId))
    }

    /// The four source columns of row number `row` of this source, with its source ID,
    /// borrowed: for a writer of many rows (the row number is written into `number`).
    pub fn source_cells_in<'a>(
        &'a self,
        row: u64,
        source_id: &'a str,
        number: &'a mut itoa::Buffer,
    ) -> [std::borrow::Cow<'a, str>; 4] {
        [
            self.file_label(),
            self.sheet.as_deref().unwrap_or_default().into(),
            number.format(row).into(),
            source_id.into(),
        ]
    }

    /// The four source columns of row number `row` of this source, with its source ID.
    pub fn source_cells_of(&self, row: u64, source_id: &str) -> [String; 4] {
        self.source_cells_in(row, source_id, &mut itoa::Buffer::new()).map(std::borrow::Cow::into_owned)
    }
}

/// A stream of rows from one file or sheet.
pub trait RowSource: Send {
    /// What is known about the source.
    fn info(&self) -> &SourceInfo;
    /// Appends up to `max` rows to `out`; returns false once the source is exhausted.
    fn next_chunk(&mut self, max: usize, out: &mut Vec<RawRow>) -> Result<bool>;
    /// How far along the source is, for progress; None when its size is unknown (a stream).
    fn extent(&self) -> Option<Extent> {
        None
    }
}

/// How much of a source was read, of how much there is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extent {
    /// Bytes of a file (text files: the size is known, the rows are not).
    Bytes { done: u64, total: u64 },
    /// Rows of a sheet (a workbook's sheet is in memory once opened).
    Rows { done: u64, total: u64 },
}

/// How to read inputs.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Header text (exact or folded) → field (None: ignore the column).
    pub overrides: HashMap<String, Option<Field>>,
    /// Only these sheets (all when empty).
    pub sheets: Vec<String>,
    /// Largest field accepted, in bytes.
    pub max_field_bytes: usize,
    /// Largest sheet accepted, in cells.
    pub max_sheet_cells: u64,
}

pub(crate) fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

pub(crate) fn is_supported(path: &Path) -> bool {
    let ext = extension(path);
    TEXT_EXTENSIONS.contains(&ext.as_str()) || SHEET_EXTENSIONS.contains(&ext.as_str())
}

/// Opens a file as row sources; `first_index` is the source index of the first one. [`STDIN`]
/// reads delimited text from standard input; a FIFO or device is read as a stream (a workbook
/// from one is read into memory first: spreadsheets need to seek).
pub fn open(path: &Path, first_index: u32, opts: &ReadOptions) -> Result<Vec<Box<dyn RowSource>>> {
    if path == Path::new(STDIN) {
        let stdin: Box<dyn std::io::Read + Send> = Box::new(std::io::stdin());
        return Ok(vec![Box::new(csv::CsvSource::from_reader(path, stdin, first_index, opts)?)]);
    }
    let ext = extension(path);
    let meta = std::fs::metadata(path);
    if meta.as_ref().is_ok_and(|m| m.is_dir()) {
        return Err(Error::input_file(path, "is a folder, not a file"));
    }
    let stream = meta.is_ok_and(|m| !m.is_file());
    if SHEET_EXTENSIONS.contains(&ext.as_str()) && stream {
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read_to_end(&mut f, &mut bytes))
            .map_err(|e| Error::input_file(path, format!("cannot read the file: {e}")))?;
        sheet::open_reader(path, std::io::Cursor::new(bytes), first_index, opts)
    } else if SHEET_EXTENSIONS.contains(&ext.as_str()) {
        sheet::open(path, first_index, opts)
    } else {
        Ok(vec![Box::new(csv::CsvSource::open(path, first_index, opts)?)])
    }
}

/// Reads delimited text from memory, for fuzzing and tools: every row, or the input error.
pub fn read_text_bytes(name: &Path, bytes: Vec<u8>, opts: &ReadOptions) -> Result<(SourceInfo, Vec<RawRow>)> {
    let mut src = csv::CsvSource::from_reader(name, Box::new(std::io::Cursor::new(bytes)), 0, opts)?;
    let mut rows = Vec::new();
    while src.next_chunk(4096, &mut rows)? {}
    Ok((src.info().clone(), rows))
}

/// Reads a workbook from memory, for fuzzing and tools: every sheet's rows, or the input error.
pub fn read_workbook_bytes(
    name: &Path,
    bytes: Vec<u8>,
    opts: &ReadOptions,
) -> Result<Vec<(SourceInfo, Vec<RawRow>)>> {
    let mut out = Vec::new();
    for mut src in sheet::open_reader(name, std::io::Cursor::new(bytes), 0, opts)? {
        let mut rows = Vec::new();
        while src.next_chunk(4096, &mut rows)? {}
        out.push((src.info().clone(), rows));
    }
    Ok(out)
}

/// Turns the first rows of a source into its header map, or explains why it has none.
fn find_header(
    file: &Path,
    sheet: Option<&str>,
    first_rows: &[Vec<String>],
    opts: &ReadOptions,
) -> Result<(usize, ColumnMap)> {
    let pos = crate::error::Position {
        file: file.to_owned(),
        sheet: sheet.map(str::to_owned),
        ..Default::default()
    };
    let with_overrides = first_rows.iter().position(|r| {
        r.iter().any(|c| matches!(opts.overrides.get(c.trim()), Some(Some(Field::CompanyName))))
    });
    let Some(idx) = with_overrides.or_else(|| headers::detect_header(first_rows)) else {
        let first = first_rows.iter().find(|r| r.iter().any(|c| !c.trim().is_empty()));
        let message = match first {
            None => "the file has no rows; expected a header row and customer rows".to_string(),
            Some(r) => format!(
                "no header row found in the first {} rows (the first row holds: {}); expected \
                 column names such as 'Company Name', 'Country', 'Email'. Add a header row, or \
                 map the columns with a mapping file (`pc-onboard mapping`)",
                first_rows.len(),
                preview(r)
            ),
        };
        return Err(Error::input(pos, message));
    };
    let mut headers: Vec<String> = first_rows[idx].iter().map(|h| h.trim().to_string()).collect();
    let mut map = ColumnMap::build(&headers, &opts.overrides);
    if map.column(Field::CompanyName).is_none() && idx > 0 {
        // A two-level header (a merged group title above the field names): blank cells of the
        // header row take the title above them.
        let above = &first_rows[idx - 1];
        let combined: Vec<String> = (0..headers.len().max(above.len()))
            .map(|c| {
                let own = headers.get(c).map(String::as_str).unwrap_or("");
                if own.is_empty() {
                    above.get(c).map(|a| a.trim().to_string()).unwrap_or_default()
                } else {
                    own.to_string()
                }
            })
            .collect();
        let combined_map = ColumnMap::build(&combined, &opts.overrides);
        if combined_map.column(Field::CompanyName).is_some() {
            headers = combined;
            map = combined_map;
        }
    }
    if map.column(Field::CompanyName).is_none() {
        return Err(Error::input(
            crate::error::Position { row: Some(idx as u64 + 1), ..pos },
            format!(
                "no company-name column; the columns found are: {}. Name one of them \
                 'Company Name' (or map it with a mapping file: `pc-onboard mapping`)",
                preview(&headers)
            ),
        ));
    }
    Ok((idx, map))
}

fn preview(cells: &[String]) -> String {
    let shown: Vec<String> = cells.iter().take(30).map(|c| format!("'{}'", c.trim())).collect();
    let mut s = shown.join(", ");
    if cells.len() > 30 {
        s.push_str(", …");
    }
    s
}

/// Cuts a value to at most `max` bytes on a character boundary.
pub(crate) fn cut(value: &str, max: usize) -> &str {
    if value.len() <= max {
        return value;
    }
    let mut end = max;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    &value[..end]
}
