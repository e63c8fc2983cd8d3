//! Spreadsheets (xlsx, xlsm, xlsb, xls, ods) through calamine: one row source per sheet.

use super::{cut, find_header, ReadOptions, RowSource, SourceInfo};
use crate::error::{Error, Position, Result};
use crate::model::{RawRow, RowPos};
use calamine::{open_workbook_auto, Data, Range, Reader};
use csv::StringRecord;
use std::path::Path;

const HEADER_SEARCH_ROWS: usize = 20;

/// One sheet, loaded.
pub struct SheetSource {
    info: SourceInfo,
    range: Range<Data>,
    /// Index (within the range) of the next data row.
    next: usize,
    /// The sheet row number of the range's first row, minus one.
    row_offset: u64,
    source: u32,
    max_field: usize,
}

/// Opens a workbook; every sheet with a header row (or the configured sheets) becomes a source.
pub fn open(path: &Path, first_index: u32, opts: &ReadOptions) -> Result<Vec<Box<dyn RowSource>>> {
    let mut wb = open_workbook_auto(path).map_err(|e| {
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
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| Error::input(pos.clone(), format!("cannot read the sheet: {e}")))?;
        let (h, w) = range.get_size();
        if (h as u64).saturating_mul(w as u64) > opts.max_sheet_cells {
            return Err(Error::input(
                pos,
                format!(
                    "the sheet spans {h} rows × {w} columns, more than the limit of {} cells \
                     (input.max_sheet_cells); delete unused rows and columns or raise the limit",
                    opts.max_sheet_cells
                ),
            ));
        }
        let first: Vec<Vec<String>> = range
            .rows()
            .take(HEADER_SEARCH_ROWS)
            .map(|r| r.iter().map(|c| cell_text(c).unwrap_or_default()).collect())
            .collect();
        if first.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
            skipped.push(format!("sheet '{name}' is empty and was skipped"));
            continue;
        }
        let (idx, map) = match find_header(path, Some(&name), &first, opts) {
            Ok(x) => x,
            Err(e) if opts.sheets.is_empty() => {
                skipped.push(format!("sheet '{name}' was skipped: {e}"));
                continue;
            }
            Err(e) => return Err(e),
        };
        let row_offset = range.start().map(|(r, _)| r as u64).unwrap_or(0);
        let mut columns = map;
        for (i, h) in columns.headers.iter_mut().enumerate() {
            if h.is_empty() {
                *h = format!("Column {}", column_letter(i + range.start().map_or(0, |(_, c)| c as usize)));
            }
        }
        let info = SourceInfo {
            file: path.to_owned(),
            sheet: Some(name.clone()),
            format: format.clone(),
            encoding: None,
            delimiter: None,
            header_row: row_offset + idx as u64 + 1,
            columns,
            rows: 0,
            blank_rows: 0,
            notes: Vec::new(),
        };
        sources.push(SheetSource {
            info,
            range,
            next: idx + 1,
            row_offset,
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

/// A cell as text; Err holds the text of an Excel error value (#N/A, …).
fn cell_text(cell: &Data) -> std::result::Result<String, String> {
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
        let height = self.range.height();
        let width = self.info.columns.headers.len();
        let col0 = self.range.start().map_or(0, |(_, c)| c as usize);
        let mut taken = 0;
        while taken < max && self.next < height {
            let i = self.next;
            self.next += 1;
            let row_no = self.row_offset + i as u64 + 1;
            let Some(row) = self.range.rows().nth(i) else { break };
            let mut malformed = None;
            let mut cells = StringRecord::with_capacity(64, width);
            for (c, cell) in row.iter().enumerate().take(width) {
                let text = cell_text(cell).unwrap_or_else(|err| {
                    malformed.get_or_insert_with(|| {
                        format!("cell {}{row_no} holds the Excel error {err}", column_letter(col0 + c))
                    });
                    err
                });
                if text.len() > self.max_field {
                    malformed.get_or_insert_with(|| {
                        format!(
                            "cell {}{row_no} holds {} bytes, more than the limit of {} (input.max_field_bytes)",
                            column_letter(col0 + c),
                            text.len(),
                            self.max_field
                        )
                    });
                    cells.push_field(cut(&text, self.max_field));
                } else {
                    cells.push_field(&text);
                }
            }
            if cells.iter().all(|c| c.trim().is_empty()) {
                self.info.blank_rows += 1;
                continue;
            }
            self.info.rows += 1;
            out.push(RawRow { pos: RowPos { source: self.source, row: row_no }, cells, malformed });
            taken += 1;
        }
        Ok(self.next < height)
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
}
