//! `report.xlsx`: the workbook for people. A Summary sheet (inputs, outcomes with a chart, top
//! rules, by country, by source file, changes since the baseline), then one sheet per output:
//! clean, education, relationship requests, duplicates, the rejected rows with their bad cells
//! highlighted and explained in notes, every finding, and the changes since the baseline.
//!
//! Every value from the input is a string cell (never a formula) that has also passed the
//! formula guard, so it stays inert when a sheet is saved as CSV; counts and row numbers are
//! number cells. Data sheets stream in constant-memory mode ([`table`]).

mod contain;
mod rejected;
mod summary;
mod table;

use super::{clean, duplicates, human, rejections, relationships, AtomicFile, RunData, SOURCE_COLUMNS};
use crate::error::{Error, Result};
use crate::model::{Field, Outcome};
use crate::rules;
use crate::store::RowRef;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::path::Path;
use table::Cell;

/// The cell formats the sheets share.
pub struct Formats {
    /// Column headers.
    pub header: Format,
    /// A bad cell (an error).
    pub error: Format,
    /// A doubtful cell (a warning).
    pub warning: Format,
    /// Section titles on the Summary sheet.
    pub title: Format,
    /// The sheet's headline.
    pub headline: Format,
    /// Explanatory lines.
    pub note: Format,
    /// Shares, as percentages.
    pub percent: Format,
    /// Counts: exact numbers in the cell, shown with thousands separators (Excel's `#,##0`
    /// follows the reader's locale for the separator).
    pub count: Format,
    /// Changes of a count, with their sign.
    pub change: Format,
    /// Data rows per sheet at most (`report.xlsx_max_rows`).
    pub max_rows: usize,
}

impl Formats {
    fn new(max_rows: usize) -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0x1F3864))
                .set_font_color(Color::White)
                .set_border_bottom(FormatBorder::Thin),
            error: Format::new()
                .set_background_color(Color::RGB(0xFFC7CE))
                .set_font_color(Color::RGB(0x9C0006)),
            warning: Format::new()
                .set_background_color(Color::RGB(0xFFEB9C))
                .set_font_color(Color::RGB(0x9C5700)),
            title: Format::new().set_bold().set_font_size(13).set_font_color(Color::RGB(0x1F3864)),
            headline: Format::new().set_bold().set_font_size(16),
            note: Format::new().set_italic().set_font_color(Color::RGB(0x595959)),
            percent: Format::new().set_num_format("0.0%"),
            count: Format::new().set_num_format("#,##0"),
            change: Format::new().set_num_format("+#,##0;-#,##0;0"),
            max_rows,
        }
    }
}

/// Deflate level of the workbook. Compression ran on one core after every sheet was written
/// and was a fifth of the write stage at level 6; level 3 is about twice as fast for a file
/// some 12% larger.
const ZIP_LEVEL: u8 = 3;

/// Writes report.xlsx; a failed write inside rust_xlsxwriter (which panics on one) is an
/// output error like any other.
pub fn write(data: &RunData, path: &Path) -> Result<()> {
    contain::contain(|| write_workbook(data, path)).unwrap_or_else(|why| {
        Err(Error::Output { path: path.to_owned(), source: std::io::Error::other(why) })
    })
}

fn write_workbook(data: &RunData, path: &Path) -> Result<()> {
    let err =
        |e: XlsxError| Error::Output { path: path.to_owned(), source: std::io::Error::other(e.to_string()) };
    let mut wb = Workbook::new();
    // Constant-memory sheets spill to temporary files: keep them beside the output, which is
    // known to be writable and large enough, rather than in a /tmp that may be memory.
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        wb.set_tempdir(dir).map_err(err)?;
    }
    wb.set_properties(&properties(data).map_err(err)?);
    wb.set_zip_compression_level(ZIP_LEVEL);
    let fmt = Formats::new(data.cfg.profile.xlsx_max_rows);
    // Sheets are filled in parallel and a format's index is given at its first use: fix the
    // order here so the same inputs give the same bytes.
    for f in [&fmt.header, &fmt.error, &fmt.warning, &fmt.title, &fmt.headline, &fmt.note, &fmt.percent] {
        wb.register_format(f);
    }
    summary::add(&mut wb, data, &fmt).map_err(err)?;
    add_sheets(&mut wb, data, &fmt).map_err(err)?;
    let mut file = AtomicFile::create(path)?;
    wb.save_to_writer(&mut file).map_err(err)?;
    file.commit()
}

/// Fixed properties: the creation date is the run's check date, not the clock, so that the
/// same inputs give the same bytes.
fn properties(data: &RunData) -> Result<DocProperties, XlsxError> {
    use chrono::Datelike;
    let d = data.cfg.today;
    let created = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
    Ok(DocProperties::new()
        .set_title("Partner Center onboarding report")
        .set_author("pc-onboard")
        .set_creation_datetime(&created))
}

fn headers(names: impl IntoIterator<Item = impl Into<String>>) -> Vec<String> {
    names.into_iter().map(Into::into).collect()
}

/// Text cells, with the named columns as numbers.
fn cells(line: Vec<String>, numeric: &[usize]) -> Vec<Cell> {
    line.into_iter()
        .enumerate()
        .map(|(c, v)| if numeric.contains(&c) { Cell::numeric(&v) } else { Cell::text(v) })
        .collect()
}

/// Source row is the third column of every table.
const SOURCE_ROW: usize = 2;

/// Fills one data sheet.
type Fill<'a> = Box<dyn Fn(&mut Worksheet) -> Result<(), XlsxError> + Send + Sync + 'a>;

/// Adds the data sheets, in their documented order, and fills them in parallel: each is
/// streamed to its own temporary file, so they need nothing from each other.
fn add_sheets(wb: &mut Workbook, data: &RunData, fmt: &Formats) -> Result<(), XlsxError> {
    let mut fills: Vec<(&str, Fill)> = Vec::new();
    for (name, which, file) in
        [("Clean", Outcome::Clean, "clean/customers.csv"), ("Education", Outcome::Education, "education.csv")]
    {
        let fields: Vec<Option<Field>> = [None; 4]
            .into_iter()
            .chain(Field::ALL.iter().filter(|f| **f != Field::SourceId).map(|f| Some(*f)))
            .collect();
        fills.push((
            name,
            Box::new(move |ws| {
                let render = |i| {
                    let line = clean::line(data, i)
                        .iter()
                        .zip(&fields)
                        .map(|(v, f)| human::field(data, *f, v))
                        .collect();
                    cells(line, &[SOURCE_ROW])
                };
                table::write(ws, fmt, &headers(clean::header()), data.with_outcome(which), render, file)?;
                Ok(())
            }),
        ));
    }

    fills.push((
        "Relationship requests",
        Box::new(|ws| {
            let render = |i| cells(relationships::line(data, i), &[SOURCE_ROW, 13, 14]);
            let rows = data.with_outcome(Outcome::Existing);
            let head = headers(relationships::header());
            table::write(ws, fmt, &head, rows, render, "relationship_requests.csv")?;
            Ok(())
        }),
    ));

    fills.push((
        "Duplicates",
        Box::new(|ws| {
            let rows = data.with_outcome(Outcome::Duplicate).filter_map(|i| duplicates::line(data, i));
            let render = |l| cells(l, &[SOURCE_ROW, 5, 8, 12, 13]);
            table::write(ws, fmt, &headers(duplicates::header()), rows, render, "duplicates.csv")?;
            Ok(())
        }),
    ));

    fills.push(("Rejected rows", Box::new(|ws| rejected::fill(ws, data, fmt))));

    fills.push((
        "Findings",
        Box::new(|ws| {
            // Rows past the sheet's cap are only counted: the counts already know how many
            // findings there are, so the rest of the rows are not read back for them.
            let total: u64 = data.insights.stats.rules.iter().map(|r| r.findings).sum();
            let shown = table::row_cap(fmt).min(total) as usize;
            let rows = data
                .rows
                .iter()
                .enumerate()
                .flat_map(|(i, r)| (0..r.findings.len()).map(move |k| Some((i, r.clone(), k))))
                .take(shown)
                .chain(std::iter::repeat_n(None, total as usize - shown));
            let render = |item: Option<(usize, RowRef, usize)>| {
                // Only the first `shown` items are rendered, and those are all findings.
                let Some((i, r, k)) = item else { return Vec::new() };
                let f = &r.findings[k];
                let mask = human::row_mask(data, i);
                let sev = rules::severity(f, &data.cfg.profile);
                let src = rejections::finding_sources(data.source_cells_of(&r));
                let line =
                    rejections::finding_line(data, &src, f.borrowed(), mask.as_ref()).map(|c| c.into_owned());
                let mut line = cells(line.to_vec(), &[SOURCE_ROW]);
                line[5].mark = Some(sev);
                line
            };
            let head = headers(rejections::FINDINGS_HEADER);
            table::write(ws, fmt, &head, rows, render, "rejections/findings.csv")?;
            Ok(())
        }),
    ));

    if let Some(ch) = &data.insights.changes {
        fills.push((
            "Changes",
            Box::new(move |ws| {
                let head = headers(
                    ["change"].into_iter().chain(SOURCE_COLUMNS).chain(["rule", "severity", "message"]),
                );
                let line = |kind: &str, f: crate::report::baseline::ChangedFinding| {
                    let message =
                        rules::catalogue::RuleId::from_code(&f.rule).map(|r| r.rule().message).unwrap_or("");
                    vec![
                        Cell::text(kind),
                        Cell::text(human::field(data, None, &f.source_file)),
                        Cell::text(human::field(data, None, &f.source_sheet)),
                        Cell::number(f.source_row as f64),
                        Cell::text(human::field(data, None, &f.source_id)),
                        Cell::text(f.rule),
                        Cell::text(f.severity),
                        Cell::text(message),
                    ]
                };
                let new = ch.new_findings(data.sources, data.rows, &data.cfg.profile).map(|f| line("new", f));
                let fixed = ch.fixed_findings().map(|f| line("fixed", f));
                table::write(ws, fmt, &head, new.chain(fixed), |l| l, "summary.json")?;
                Ok(())
            }),
        ));
    }

    let first = wb.worksheets().len();
    for (name, _) in &fills {
        wb.add_worksheet_with_constant_memory()?.set_name(*name)?;
    }
    use rayon::prelude::*;
    wb.worksheets_mut()[first..]
        .par_iter_mut()
        .zip(fills.par_iter())
        .map(|(ws, (_, fill))| fill(ws))
        .collect::<Result<Vec<()>, XlsxError>>()?;
    Ok(())
}
