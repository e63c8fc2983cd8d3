//! One data sheet of report.xlsx, streamed in constant-memory mode: a bold frozen header row
//! with an autofilter, column widths from the header and the first rows, highlighted cells with
//! notes, and a closing line when Excel's row limit cuts the sheet short.
//!
//! Constant-memory mode flushes each row to disk when the next one starts, so everything about
//! a row (values, formats, notes) is written before moving on, strictly top to bottom, and
//! column widths are decided from rows held back before the first is written.

use super::Formats;
use crate::rules::catalogue::Severity;
use crate::write::guard::guard;
use rust_xlsxwriter::{Note, Worksheet, XlsxError};

/// Excel's last row (0-based), the header included.
const EXCEL_LAST_ROW: u32 = 1_048_575;
/// Rows looked at to size the columns.
const WIDTH_SAMPLE: usize = 200;
/// Column widths, in characters.
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 60.0;
/// Notes kept per sheet: rust_xlsxwriter holds notes in memory even in constant-memory mode
/// and copies them all when it saves (at 20,000 that copy was two thirds of the workbook's time
/// on a 200k-row list), and Excel grows slow with tens of thousands of them. 5,000 cover the
/// first few thousand rejected rows people read; highlighting continues past the cap.
pub const MAX_NOTES: usize = 5_000;

/// A cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text, written as a string cell (never a formula) after the formula guard.
    Text(String),
    /// A count, a row number or a score.
    Number(f64),
}

/// One cell: a value, and for the rejected rows a highlight and a note.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// What the cell holds.
    pub value: Value,
    /// Highlight as an error or a warning.
    pub mark: Option<Severity>,
    /// The note shown when the mouse is over the cell.
    pub note: Option<String>,
}

/// Excel holds at most 32,767 characters in a cell or note; longer values are cut, with a mark.
const MAX_CELL_CHARS: usize = 32_767;

/// A value cut to what Excel can hold (leaving room for the formula guard's apostrophe).
pub fn fit(s: String) -> String {
    if s.len() < MAX_CELL_CHARS - 2 || s.chars().count() < MAX_CELL_CHARS - 2 {
        return s;
    }
    let mut t: String = s.chars().take(MAX_CELL_CHARS - 3).collect();
    t.push('…');
    t
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell { value: Value::Text(fit(s.into())), mark: None, note: None }
    }

    /// A number cell.
    pub fn number(n: f64) -> Cell {
        Cell { value: Value::Number(n), mark: None, note: None }
    }

    /// A number cell from text that holds one ("0.950", "12"); text otherwise.
    pub fn numeric(s: &str) -> Cell {
        match s.parse::<f64>() {
            Ok(n) if n.is_finite() => Cell::number(n),
            _ => Cell::text(s),
        }
    }

    fn width(&self) -> usize {
        match &self.value {
            Value::Text(s) => s.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Value::Number(n) => format!("{n}").len(),
        }
    }
}

/// Data rows a sheet shows at most: `report.xlsx_max_rows`, keeping Excel's last row free for
/// the line that says the sheet was cut.
pub fn row_cap(fmt: &Formats) -> u64 {
    fmt.max_rows.min(EXCEL_LAST_ROW as usize - 1) as u64
}

/// What was written to a sheet.
#[derive(Debug, Default)]
pub struct Written {
    /// Data rows written.
    pub rows: u64,
    /// Data rows left out at Excel's row limit.
    pub cut: u64,
    /// Notes left out at [`MAX_NOTES`].
    pub notes_cut: u64,
}

/// Writes a header and rows to a fresh sheet, at most `fmt.max_rows` of them; `complete_in`
/// names the file that holds every row, for the closing line when the sheet is cut short.
///
/// `items` are cheap handles (row indexes, findings) that `render` turns into cells, so rows
/// past the cap are counted without being rendered.
pub fn write<I>(
    ws: &mut Worksheet,
    fmt: &Formats,
    headers: &[String],
    items: impl Iterator<Item = I>,
    mut render: impl FnMut(I) -> Vec<Cell>,
    complete_in: &str,
) -> Result<Written, XlsxError> {
    let mut items = items.peekable();
    let mut sample: Vec<Vec<Cell>> = Vec::with_capacity(WIDTH_SAMPLE);
    while sample.len() < WIDTH_SAMPLE.min(fmt.max_rows) {
        match items.next() {
            Some(r) => sample.push(render(r)),
            None => break,
        }
    }
    for (c, h) in headers.iter().enumerate() {
        let widest = sample.iter().filter_map(|r| r.get(c)).map(Cell::width).max().unwrap_or(0);
        let w = (widest.max(h.chars().count() + 3) as f64 + 1.0).clamp(MIN_WIDTH, MAX_WIDTH);
        ws.set_column_width(c as u16, w)?;
        ws.write_string_with_format(0, c as u16, guard(h), &fmt.header)?;
    }
    let mut out = Written::default();
    let mut notes = 0usize;
    let last_col = headers.len().saturating_sub(1) as u16;
    let mut r: u32 = 0;
    let max_rows = row_cap(fmt);
    let mut sampled = sample.into_iter();
    loop {
        let cells = match sampled.next() {
            Some(cells) => cells,
            None => match items.next() {
                None => break,
                Some(_) if out.rows >= max_rows => {
                    out.cut += 1;
                    continue;
                }
                Some(item) => render(item),
            },
        };
        r += 1;
        out.rows += 1;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            let format = match cell.mark {
                Some(Severity::Error) => Some(&fmt.error),
                Some(Severity::Warning) => Some(&fmt.warning),
                _ => None,
            };
            match (&cell.value, format) {
                (Value::Text(s), Some(f)) => ws.write_string_with_format(r, col, guard(s), f)?,
                (Value::Text(s), None) => ws.write_string(r, col, guard(s))?,
                (Value::Number(n), Some(f)) => ws.write_number_with_format(r, col, *n, f)?,
                (Value::Number(n), None) => ws.write_number(r, col, *n)?,
            };
            if let Some(text) = &cell.note {
                if notes < MAX_NOTES {
                    ws.insert_note(
                        r,
                        col,
                        &Note::new(guard(&fit(text.to_string()))).set_author("pc-onboard"),
                    )?;
                    notes += 1;
                } else {
                    out.notes_cut += 1;
                }
            }
        }
    }
    if out.cut > 0 {
        let why = if max_rows < EXCEL_LAST_ROW as u64 - 1 {
            "report.xlsx_max_rows in the partner profile"
        } else {
            "Excel's row limit"
        };
        let line = format!("… {} more rows are not shown ({why}); {complete_in} has them all", out.cut);
        ws.write_string_with_format(r + 1, 0, line, &fmt.note)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, r, last_col)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_text_becomes_a_number_and_the_rest_stays_text() {
        let cases = [
            ("0.950", Value::Number(0.95)),
            ("12", Value::Number(12.0)),
            ("", Value::Text(String::new())),
            ("NaN", Value::Text("NaN".into())),
            ("inf", Value::Text("inf".into())),
            ("12a", Value::Text("12a".into())),
        ];
        for (s, want) in cases {
            assert_eq!(Cell::numeric(s).value, want, "{s:?}");
        }
    }
}
