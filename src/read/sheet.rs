//! Spreadsheets (xlsx, xlsm, xlsb, xls, ods) through calamine: one row source per sheet.
//!
//! xlsx and xlsb sheets are streamed cell by cell and kept sparse (only cells that exist), so a
//! sheet that declares `A1:XFD1048576`, or holds one stray cell far away, costs what it holds,
//! not what it spans. xls and ods sheets come through calamine's dense range.

use super::{cut, find_header, Extent, ReadOptions, RowSource, SourceInfo};
use crate::error::{Error, Position, Result};
use crate::model::{RawRow, RowPos};
use calamine::{Data, Reader, Sheets};
use csv::StringRecord;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

const HEADER_SEARCH_ROWS: usize = 20;
/// Columns read per sheet; a value further right makes its row `row.malformed`.
const MAX_COLUMNS: u32 = 1024;

/// A cell as text, or the text of an Excel error value (#N/A, …).
type CellText = std::result::Result<String, String>;

/// The rows of a sheet that hold cells: (0-based sheet row, cells as (0-based column, text)).
type SparseRows = Vec<(u32, Vec<(u32, CellText)>)>;

/// One sheet, loaded sparse.
pub struct SheetSource {
    info: SourceInfo,
    rows: SparseRows,
    /// Index into `rows` of the next data row.
    next: usize,
    /// Index into `rows` of the first data row (the one under the header), for progress.
    first: usize,
    /// First column read.
    col0: u32,
    source: u32,
    max_field: usize,
}

/// Opens a workbook; every sheet with a header row (or the configured sheets) becomes a source.
pub fn open(path: &Path, first_index: u32, opts: &ReadOptions) -> Result<Vec<Box<dyn RowSource>>> {
    let file = File::open(path).map_err(|e| Error::input_file(path, format!("cannot read the file: {e}")))?;
    let kind = super::extension(path);
    // calamine tells the format by the file ending; do the same for readers.
    let wb = match kind.as_str() {
        "xls" => calamine::open_workbook_from_rs::<calamine::Xls<_>, _>(BufReader::new(file))
            .map(Sheets::Xls)
            .map_err(calamine::Error::Xls),
        "xlsb" => calamine::open_workbook_from_rs::<calamine::Xlsb<_>, _>(BufReader::new(file))
            .map(Sheets::Xlsb)
            .map_err(calamine::Error::Xlsb),
        "ods" => calamine::open_workbook_from_rs::<calamine::Ods<_>, _>(BufReader::new(file))
            .map(Sheets::Ods)
            .map_err(calamine::Error::Ods),
        _ => calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(BufReader::new(file))
            .map(Sheets::Xlsx)
            .map_err(calamine::Error::Xlsx),
    };
    from_workbook(path, wb, first_index, opts)
}

/// Opens a workbook held in memory (any format calamine can tell from its bytes).
pub fn open_reader(
    path: &Path,
    data: std::io::Cursor<Vec<u8>>,
    first_index: u32,
    opts: &ReadOptions,
) -> Result<Vec<Box<dyn RowSource>>> {
    let wb = calamine::open_workbook_auto_from_rs(data);
    from_workbook(path, wb, first_index, opts)
}

fn from_workbook<RS: std::io::Read + std::io::Seek + Send + 'static>(
    path: &Path,
    wb: std::result::Result<Sheets<RS>, calamine::Error>,
    first_index: u32,
    opts: &ReadOptions,
) -> Result<Vec<Box<dyn RowSource>>> {
    let mut wb = wb.map_err(|e| {
        Error::input_file(
            path,
            format!(
                "cannot open the workbook ({e}); check that it is a real spreadsheet, not \
                 password-protected, and not still being written"
            ),
        )
    })?;
    let format = super::extension(path);
    let names = wb.sheet_names().to_vec();
    let wanted: Vec<String> = if opts.sheets.is_empty() {
        names.clone()
    } else {
        for s in &opts.sheets {
            if !names.contains(s) {
                return Err(Error::input_file(
                    path,
                    format!(
                        "the configuration names sheet '{s}', but the workbook has: {}",
                        names.join(", ")
                    ),
                ));
            }
        }
        names.iter().filter(|n| opts.sheets.contains(n)).cloned().collect()
    };
    let mut sources: Vec<SheetSource> = Vec::new();
    let mut skipped = Vec::new();
    for name in wanted {
        let pos = Position { file: path.to_owned(), sheet: Some(name.clone()), ..Default::default() };
        let rows = load(&mut wb, &name, opts.max_sheet_cells).map_err(|m| Error::input(pos.clone(), m))?;
        let col0 = rows.iter().flat_map(|(_, cells)| cells.iter().map(|(c, _)| *c)).min().unwrap_or(0);
        let first: Vec<Vec<String>> = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .map(|(_, cells)| {
                dense(cells, col0, MAX_COLUMNS).0.into_iter().map(|c| c.unwrap_or_default()).collect()
            })
            .collect();
        if first.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
            skipped.push(format!("sheet '{name}' is empty and was skipped"));
            continue;
        }
        let (idx, mut columns) = match find_header(path, Some(&name), &first, opts) {
            Ok(x) => x,
            Err(e) if opts.sheets.is_empty() => {
                skipped.push(format!("sheet '{name}' was skipped: {e}"));
                continue;
            }
            Err(e) => return Err(e),
        };
        // Data further right than the header still belongs to the rows: give it a column.
        let width = rows
            .iter()
            .flat_map(|(_, c)| c.iter().map(|(c, _)| c + 1))
            .max()
            .unwrap_or(col0)
            .min(col0 + MAX_COLUMNS);
        while (columns.headers.len() as u32) < width - col0 {
            columns.headers.push(String::new());
            columns.uses.push(super::headers::ColumnUse::Unknown);
        }
        for (i, h) in columns.headers.iter_mut().enumerate() {
            if h.is_empty() {
                *h = format!("Column {}", column_letter(i + col0 as usize));
            }
        }
        let header_row = rows[idx].0 as u64 + 1;
        let info = SourceInfo {
            file: path.to_owned(),
            sheet: Some(name.clone()),
            format: format.clone(),
            encoding: None,
            delimiter: None,
            header_row,
            columns,
            rows: 0,
            blank_rows: 0,
            notes: Vec::new(),
        };
        sources.push(SheetSource {
            info,
            rows,
            next: idx + 1,
            first: idx + 1,
            col0,
            source: first_index + sources.len() as u32,
            max_field: opts.max_field_bytes.max(1024),
        });
    }
    if sources.is_empty() {
        let why = if skipped.is_empty() { "it has no sheets".to_string() } else { skipped.join("; ") };
        return Err(Error::input_file(path, format!("no sheet with customer rows: {why}")));
    }
    sources[0].info.notes.extend(skipped);
    Ok(sources.into_iter().map(|s| Box::new(s) as Box<dyn RowSource>).collect())
}

/// Reads a sheet's cells, sparse and in row order; Err says why it could not be read.
fn load<RS: std::io::Read + std::io::Seek>(
    wb: &mut Sheets<RS>,
    name: &str,
    max_cells: u64,
) -> std::result::Result<SparseRows, String> {
    let mut cells: Vec<(u32, u32, CellText)> = Vec::new();
    let too_many = || {
        format!(
            "the sheet holds more than {max_cells} cells (input.max_sheet_cells); split it or raise the limit"
        )
    };
    macro_rules! stream {
        ($reader:expr) => {{
            let mut reader =
                $reader.worksheet_cells_reader(name).map_err(|e| format!("cannot read the sheet: {e}"))?;
            while let Some(cell) = reader.next_cell().map_err(|e| format!("cannot read the sheet: {e}"))? {
                let (r, c) = cell.get_position();
                let data: Data = cell.get_value().clone().into();
                if data == Data::Empty {
                    continue;
                }
                if cells.len() as u64 >= max_cells {
                    return Err(too_many());
                }
                cells.push((r, c, cell_text(&data)));
            }
        }};
    }
    match wb {
        Sheets::Xlsx(x) => stream!(x),
        Sheets::Xlsb(x) => stream!(x),
        other => {
            let range = other.worksheet_range(name).map_err(|e| format!("cannot read the sheet: {e}"))?;
            let (h, w) = range.get_size();
            if (h as u64).saturating_mul(w as u64) > max_cells {
                return Err(too_many());
            }
            for (r, c, v) in range.used_cells() {
                let (r0, c0) = range.start().unwrap_or((0, 0));
                cells.push((r as u32 + r0, c as u32 + c0, cell_text(v)));
            }
        }
    }
    // Cells normally come in row order; sort only if they did not.
    if cells.windows(2).any(|w| (w[0].0, w[0].1) > (w[1].0, w[1].1)) {
        cells.sort_by_key(|(r, c, _)| (*r, *c));
    }
    let mut rows: SparseRows = Vec::new();
    for (r, c, v) in cells {
        match rows.last_mut() {
            Some((row, list)) if *row == r => list.push((c, v)),
            _ => rows.push((r, vec![(c, v)])),
        }
    }
    Ok(rows)
}

/// A sparse row made dense from `col0`, `width` columns; also the cells that lay beyond.
fn dense(cells: &[(u32, CellText)], col0: u32, width: u32) -> (Vec<CellText>, Vec<u32>) {
    let used = cells.iter().map(|(c, _)| c + 1 - col0).filter(|n| *n <= width).max().unwrap_or(0);
    let mut out: Vec<CellText> = vec![Ok(String::new()); used as usize];
    let mut beyond = Vec::new();
    for (c, v) in cells {
        let i = c - col0;
        if i < width {
            out[i as usize] = v.clone();
        } else {
            beyond.push(*c);
        }
    }
    (out, beyond)
}

/// A cell as text; Err holds the text of an Excel error value (#N/A, …).
fn cell_text(cell: &Data) -> CellText {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // IDs typed as numbers must come out as their digits, not 1.2E+10.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e17 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(d) if dt.is_datetime() && d.time() == chrono::NaiveTime::MIN => {
                d.format("%Y-%m-%d").to_string()
            }
            Some(d) if dt.is_datetime() => d.format("%Y-%m-%d %H:%M:%S").to_string(),
            _ => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(e.to_string()),
    })
}

/// Excel's column letters for a 0-based index (0 → A, 26 → AA).
pub fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

impl RowSource for SheetSource {
    fn info(&self) -> &SourceInfo {
        &self.info
    }

    fn next_chunk(&mut self, max: usize, out: &mut Vec<RawRow>) -> Result<bool> {
        let width = self.info.columns.headers.len() as u32;
        let mut taken = 0;
        while taken < max && self.next < self.rows.len() {
            let (r, sparse) = &self.rows[self.next];
            // Rows with no cell at all between two rows with cells are blank rows.
            let prev = if self.next == 0 { None } else { Some(self.rows[self.next - 1].0) };
            if let Some(p) = prev {
                self.info.blank_rows += u64::from(r - p - 1);
            }
            self.next += 1;
            let row_no = *r as u64 + 1;
            let (cells_text, beyond) = dense(sparse, self.col0, width);
            let mut malformed = None;
            if let Some(c) = beyond.first() {
                malformed = Some(format!(
                    "cell {}{row_no} is beyond the last column read ({}); move it into the table",
                    column_letter(*c as usize),
                    column_letter((self.col0 + width - 1) as usize)
                ));
            }
            let mut cells = StringRecord::with_capacity(64, width as usize);
            for (c, cell) in cells_text.into_iter().enumerate() {
                let col = column_letter(self.col0 as usize + c);
                let text = cell.unwrap_or_else(|err| {
                    malformed
                        .get_or_insert_with(|| format!("cell {col}{row_no} holds the Excel error {err}"));
                    err
                });
                if text.len() > self.max_field {
                    malformed.get_or_insert_with(|| {
                        format!(
                            "cell {col}{row_no} holds {} bytes, more than the limit of {} (input.max_field_bytes)",
                            text.len(),
                            self.max_field
                        )
                    });
                    cells.push_field(cut(&text, self.max_field));
                } else {
                    cells.push_field(&text);
                }
            }
            while cells.len() < width as usize {
                cells.push_field("");
            }
            if malformed.is_none() && cells.iter().all(|c| c.trim().is_empty()) {
                self.info.blank_rows += 1;
                continue;
            }
            self.info.rows += 1;
            out.push(RawRow {
                pos: RowPos { source: self.source, row: row_no },
                cells: cells.into(),
                malformed,
            });
            taken += 1;
        }
        Ok(self.next < self.rows.len())
    }

    fn extent(&self) -> Option<Extent> {
        let total = self.rows.len().saturating_sub(self.first) as u64;
        Some(Extent::Rows { done: self.next.saturating_sub(self.first) as u64, total })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        for (i, want) in [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (16383, "XFD")] {
            assert_eq!(column_letter(i), want);
        }
    }

    #[test]
    fn numbers_that_are_ids_keep_their_digits() {
        assert_eq!(cell_text(&Data::Float(12345678901.0)).unwrap(), "12345678901");
        assert_eq!(cell_text(&Data::Float(7707083893.0)).unwrap(), "7707083893");
        assert_eq!(cell_text(&Data::Float(2.5)).unwrap(), "2.5");
        assert_eq!(cell_text(&Data::Int(42)).unwrap(), "42");
        assert_eq!(cell_text(&Data::Bool(true)).unwrap(), "TRUE");
        assert!(cell_text(&Data::Error(calamine::CellErrorType::NA)).is_err());
    }

    #[test]
    fn sparse_rows_become_dense() {
        let cells = vec![(2, Ok("b".to_string())), (5, Ok("e".to_string())), (9, Ok("far".to_string()))];
        let (d, beyond) = dense(&cells, 1, 6);
        let d: Vec<String> = d.into_iter().map(|c| c.unwrap()).collect();
        assert_eq!(d, vec!["", "b", "", "", "e"]);
        assert_eq!(beyond, vec![9]);
    }
}
