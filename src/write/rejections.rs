//! `rejections/findings.csv` (one line per finding, every row) and
//! `rejections/rejected_rows.csv` (the rejected rows with their original columns, plus
//! `pc_errors`, ready to fix in Excel and feed back in). Human-facing: formula-guarded.

use super::guard::guard;
use super::{csv_err, csv_writer, finish, human, RunData, SOURCE_COLUMNS};
use crate::error::Result;
use crate::model::{Field, FindingRef, Outcome};
use crate::read::headers::ColumnUse;
use crate::report::redact::RowMask;
use crate::rules::{self, catalogue::Severity};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

/// The header of `findings.csv`.
pub const FINDINGS_HEADER: [&str; 10] = [
    "source_file",
    "source_sheet",
    "source_row",
    "source_id",
    "rule",
    "severity",
    "field",
    "value",
    "message",
    "fix",
];

/// The message of a finding: the catalogue's, with the finding's detail.
pub fn message(f: FindingRef) -> String {
    let base = f.rule.rule().message;
    match f.detail {
        Some(d) => format!("{base}: {d}"),
        None => base.to_string(),
    }
}

/// Source cells as the findings' lines show them (formula-guarded): made once per row,
/// whatever its number of findings.
pub fn finding_sources(cells: [String; 4]) -> [String; 4] {
    cells.map(|s| match guard(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(guarded) => guarded,
    })
}

/// The line of one finding of a row, for people: formula-guarded, and masked under `--redact`
/// (`mask` from [`human::row_mask`]); `src` from [`finding_sources`]. Values are borrowed
/// where nothing changes them: findings.csv is the largest file a run writes.
pub fn finding_line<'a>(
    data: &RunData,
    src: &'a [String; 4],
    f: FindingRef<'a>,
    mask: Option<&RowMask>,
) -> [Cow<'a, str>; 10] {
    let sev = rules::severity_of(f.rule, f.severity, &data.cfg.profile);
    let rule = f.rule.rule();
    let value = match mask {
        None => guard(f.value),
        Some(_) => Cow::Owned(human::finding_value(mask, f)),
    };
    let message = match (f.detail, mask) {
        (None, None) => guard(rule.message),
        _ => Cow::Owned(human::text(mask, &message(f))),
    };
    [
        Cow::Borrowed(src[0].as_str()),
        Cow::Borrowed(src[1].as_str()),
        Cow::Borrowed(src[2].as_str()),
        Cow::Borrowed(src[3].as_str()),
        Cow::Borrowed(rule.code),
        Cow::Borrowed(sev.as_str()),
        Cow::Borrowed(rule.field),
        value,
        message,
        Cow::Borrowed(rule.fix),
    ]
}

/// Writes one line per finding of every row.
pub fn write_findings(data: &RunData, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let mut wtr = csv_writer(path)?;
    wtr.write_record(FINDINGS_HEADER).map_err(&err)?;
    // Read in place: the largest file a run writes, one line per finding, borrowed.
    data.rows.peek_rows(0..data.rows.len(), |i, row| {
        if !row.has_findings() {
            return Ok(());
        }
        let mask = human::row_mask(data, i);
        let src = finding_sources(data.source_cells_peeked(row));
        for f in row.findings_in_full() {
            wtr.write_record(finding_line(data, &src, f, mask.as_ref()).iter().map(|c| c.as_bytes()))
                .map_err(&err)?;
        }
        Ok::<(), crate::error::Error>(())
    })?;
    finish(wtr, path)
}

/// The columns of `rejected_rows.csv`: every column of every rejected row's source, by
/// position, so that the file fed back reads the same cells. Columns of different files that
/// feed the same canonical field share one column (the first header seen); other columns are
/// told apart by header text *and* by which occurrence of that text they are in their source,
/// so blank or repeated headers each keep their own column. Cells right of a source's header
/// (a malformed row's extra fields) go to blank-headed columns at the end.
pub struct UnionColumns {
    /// The header of each union column.
    pub headers: Vec<String>,
    by_key: HashMap<Slot, usize>,
    /// For each source: the union column of each of its columns.
    placement: HashMap<u32, Vec<usize>>,
    /// For each source: extra (column, union column) copies (the contact as signatory).
    extra: HashMap<u32, Vec<(usize, usize)>>,
}

/// What a union column stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Slot {
    /// The column feeding a canonical field.
    Field(Field),
    /// The `n`-th column (from 0) with this header text in its source.
    Named(String, usize),
    /// The `n`-th cell past the end of the header.
    Beyond(usize),
}

impl UnionColumns {
    /// The union of the columns of the sources of `rows`.
    pub fn build(data: &RunData, rows: &[usize]) -> UnionColumns {
        let mut u = UnionColumns {
            headers: Vec::new(),
            by_key: HashMap::new(),
            placement: HashMap::new(),
            extra: HashMap::new(),
        };
        // Sources in order of first appearance, each with the widest of its rows.
        let mut order: Vec<u32> = Vec::new();
        let mut width: HashMap<u32, usize> = HashMap::new();
        for &i in rows {
            let (s, cells) = data.rows.source_and_width(i);
            let w = width.entry(s).or_insert_with(|| {
                order.push(s);
                0
            });
            *w = (*w).max(cells);
        }
        for s in order {
            let cols = &data.sources[s as usize].columns;
            let mut seen: HashMap<&str, usize> = HashMap::new();
            let mut place = Vec::with_capacity(cols.headers.len());
            for (c, h) in cols.headers.iter().enumerate() {
                let key = match &cols.uses[c] {
                    ColumnUse::Field(f) => Slot::Field(*f),
                    _ => {
                        let n = seen.entry(h.as_str()).or_default();
                        *n += 1;
                        Slot::Named(h.clone(), *n - 1)
                    }
                };
                place.push(u.slot_for(key, h));
            }
            for n in 0..width[&s].saturating_sub(cols.headers.len()) {
                place.push(u.slot_for(Slot::Beyond(n), ""));
            }
            u.placement.insert(s, place);
        }
        // A source without signatory columns takes the contact as signatory; where the union has
        // signatory columns (from another file), fill them with the contact so that the row reads
        // back the same.
        let mut extra: HashMap<u32, Vec<(usize, usize)>> = HashMap::new();
        for &s in u.placement.keys() {
            let cols = &data.sources[s as usize].columns;
            for (sig, contact) in crate::normalize::SIGNATORY_FALLBACK {
                if let (None, Some(c), Some(&slot)) =
                    (cols.column(sig), cols.column(contact), u.by_key.get(&Slot::Field(sig)))
                {
                    extra.entry(s).or_default().push((c, slot));
                }
            }
        }
        u.extra = extra;
        u
    }

    /// The union column for `key`, added with `header` the first time.
    fn slot_for(&mut self, key: Slot, header: &str) -> usize {
        *self.by_key.entry(key).or_insert_with(|| {
            self.headers.push(header.to_string());
            self.headers.len() - 1
        })
    }

    /// The field each union column feeds, if any.
    pub fn fields(&self) -> Vec<Option<Field>> {
        let mut out = vec![None; self.headers.len()];
        for (key, &slot) in &self.by_key {
            if let Slot::Field(f) = key {
                out[slot] = Some(*f);
            }
        }
        out
    }

    /// The union column that shows `field` for rows of `source`, if the source has it.
    pub fn slot(&self, source: u32, field: Field) -> Option<usize> {
        let slot = *self.by_key.get(&Slot::Field(field))?;
        // A source's own column for the field sits in the field's slot; so does the contact
        // column copied in as signatory.
        let own = self.placement.get(&source)?.contains(&slot);
        let copied = self.extra.get(&source).is_some_and(|e| e.iter().any(|&(_, s)| s == slot));
        (own || copied).then_some(slot)
    }

    /// The original values of a row of `source`, `width` cells (`cell(k)` each), placed in
    /// the union columns.
    pub fn cells<'v>(
        &self,
        source: u32,
        width: usize,
        cell: impl Fn(usize) -> Option<&'v str>,
        cells: &mut Vec<String>,
    ) {
        // The buffers are kept from row to row (cleared, not dropped): no allocation per cell.
        cells.resize(self.headers.len(), String::new());
        cells.iter_mut().for_each(String::clear);
        let Some(place) = self.placement.get(&source) else { return };
        for c in 0..width {
            if let Some(&slot) = place.get(c) {
                cells[slot].push_str(cell(c).unwrap_or(""));
            }
        }
        for &(c, slot) in self.extra.get(&source).map(Vec::as_slice).unwrap_or(&[]) {
            if cells[slot].is_empty() {
                cells[slot].push_str(cell(c).unwrap_or(""));
            }
        }
    }
}

/// The `pc_errors` text of a row with `findings`: each error as `code: message`, joined by `; `.
pub fn pc_errors<'a>(data: &RunData, findings: impl Iterator<Item = FindingRef<'a>>) -> String {
    let mut out = String::new();
    for f in findings.filter(|f| rules::severity_of(f.rule, f.severity, &data.cfg.profile) == Severity::Error)
    {
        if !out.is_empty() {
            out.push_str("; ");
        }
        // `code: message`, the message as [`message`] gives it.
        out.push_str(f.rule.code());
        out.push_str(": ");
        out.push_str(f.rule.rule().message);
        if let Some(d) = f.detail {
            out.push_str(": ");
            out.push_str(d);
        }
    }
    out
}

/// Writes the rejected rows with their original values.
pub fn write_rejected_rows(data: &RunData, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let rejected: Vec<usize> = data.with_outcome(Outcome::Rejected).collect();
    let cols = UnionColumns::build(data, &rejected);
    let fields = cols.fields();
    let mut wtr = csv_writer(path)?;
    let header = cols.headers.iter().map(String::as_str).chain(["pc_errors"]).chain(SOURCE_COLUMNS);
    wtr.write_record(header).map_err(&err)?;
    let mut cells: Vec<String> = Vec::new();
    // Read in place for its cells, its source columns and its errors.
    data.rows.peek_rows(rejected, |i, row| {
        cols.cells(row.source, row.cells.len(), |k| row.cells.get(k), &mut cells);
        let mask = human::row_mask(data, i);
        let src = data.source_cells_peeked(row);
        let errors = human::text(mask.as_ref(), &pc_errors(data, row.findings_in_full()));
        let line = cells
            .iter()
            .zip(&fields)
            .map(|(c, f)| human::field_cow(data, *f, c))
            .chain([Cow::Borrowed(errors.as_str())])
            .chain(src.iter().map(|s| guard(s)));
        for cell in line {
            wtr.write_field(cell.as_bytes()).map_err(&err)?;
        }
        wtr.write_record(None::<&[u8]>).map_err(&err)
    })?;
    finish(wtr, path)
}
