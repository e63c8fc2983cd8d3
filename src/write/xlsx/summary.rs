//! The Summary sheet: what was read, where every row went (with a native Excel chart of the
//! outcomes), which rules found most, by country, by source file, and what changed since the
//! baseline. Small tables one under another, in the normal (random-access) mode.

use super::Formats;
use crate::model::Outcome;
use crate::report::numbers::Count;
use crate::report::stats::OutcomeCounts;
use crate::report::{outcome_colour, outcome_meaning};
use crate::write::{human, RunData};
use rust_xlsxwriter::{Chart, ChartFormat, ChartPoint, ChartType, Workbook, Worksheet, XlsxError};

/// The sheet's name (the chart refers to it).
const NAME: &str = "Summary";
/// Rows kept free under the outcome table for the chart (260 pixels at 20 per row).
const CHART_ROWS: u32 = 15;
/// Rules listed in "Top rules".
const TOP_RULES: usize = 15;

/// A cursor down the sheet.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    fmt: &'a Formats,
    row: u32,
}

impl Sheet<'_> {
    fn title(&mut self, text: &str) -> Result<(), XlsxError> {
        self.row += 1;
        self.ws.write_string_with_format(self.row, 0, text, &self.fmt.title)?;
        self.row += 1;
        Ok(())
    }

    fn header(&mut self, cells: &[&str]) -> Result<(), XlsxError> {
        for (c, h) in cells.iter().enumerate() {
            self.ws.write_string_with_format(self.row, c as u16, *h, &self.fmt.header)?;
        }
        self.row += 1;
        Ok(())
    }

    fn text(&mut self, col: u16, s: &str) -> Result<(), XlsxError> {
        self.ws.write_string(self.row, col, s)?;
        Ok(())
    }

    /// A count: the exact number, shown with thousands separators.
    fn number(&mut self, col: u16, n: f64) -> Result<(), XlsxError> {
        self.ws.write_number_with_format(self.row, col, n, &self.fmt.count)?;
        Ok(())
    }

    fn note(&mut self, s: &str) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(self.row, 0, s, &self.fmt.note)?;
        self.row += 1;
        Ok(())
    }

    /// A table of outcome counts per key (country or file).
    fn by_key<'k>(
        &mut self,
        key: &str,
        data: &RunData,
        rows: impl Iterator<Item = (&'k String, &'k OutcomeCounts)>,
    ) -> Result<(), XlsxError> {
        let mut head = vec![key, "rows"];
        head.extend(Outcome::ALL.iter().map(|o| o.as_str()));
        self.header(&head)?;
        for (k, counts) in rows {
            self.text(0, &human::field(data, None, k))?;
            self.number(1, counts.values().sum::<u64>() as f64)?;
            for (c, o) in Outcome::ALL.iter().enumerate() {
                self.number(2 + c as u16, counts.get(o.as_str()).copied().unwrap_or(0) as f64)?;
            }
            self.row += 1;
        }
        Ok(())
    }
}

/// Adds the Summary sheet.
pub fn add(wb: &mut Workbook, data: &RunData, fmt: &Formats) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name(NAME)?;
    for (c, w) in [34.0, 14.0, 12.0, 12.0, 12.0, 60.0, 60.0, 12.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let stats = &data.insights.stats;
    let total = stats.total_rows();
    let mut s = Sheet { ws, fmt, row: 0 };
    s.ws.write_string_with_format(0, 0, data.title(), &fmt.headline)?;
    s.row = 1;
    s.note(&format!(
        "pc-onboard {}; partner type {:?}; {} rows read from {} source(s), {} rows written{}",
        env!("CARGO_PKG_VERSION"),
        data.cfg.profile.partner_type,
        Count(data.sources.iter().map(|x| x.rows).sum::<u64>()),
        data.sources.len(),
        Count(total),
        if data.cfg.redact {
            "; e-mail addresses, phone numbers and registration IDs are masked"
        } else {
            ""
        },
    ))?;

    s.title("Outcomes")?;
    s.header(&["outcome", "rows", "share", "what it means"])?;
    let first = s.row;
    for o in Outcome::ALL {
        let n = stats.outcome(o);
        s.text(0, o.as_str())?;
        s.number(1, n as f64)?;
        s.ws.write_number_with_format(
            s.row,
            2,
            if total == 0 { 0.0 } else { n as f64 / total as f64 },
            &fmt.percent,
        )?;
        s.text(3, outcome_meaning(o))?;
        s.row += 1;
    }
    // The chart goes under the table, on rows kept free for it, so that it is seen on opening.
    outcome_chart(s.ws, first, s.row + 1)?;
    s.row += CHART_ROWS;

    s.title("Inputs")?;
    s.header(&["file", "sheet", "format", "encoding", "header row", "rows", "blank rows skipped"])?;
    for src in data.sources {
        s.text(0, &human::field(data, None, &src.file_label()))?;
        s.text(1, &human::field(data, None, src.sheet.as_deref().unwrap_or("")))?;
        s.text(2, &src.format)?;
        s.text(3, src.encoding.as_deref().unwrap_or(""))?;
        // A row number, not a count: no separators.
        s.ws.write_number(s.row, 4, src.header_row as f64)?;
        s.number(5, src.rows as f64)?;
        s.number(6, src.blank_rows as f64)?;
        s.row += 1;
    }

    s.title("Top rules")?;
    s.header(&["rule", "severity", "field", "findings", "rows", "message", "fix"])?;
    for r in stats.top_rules(TOP_RULES) {
        let rule = crate::rules::catalogue::RuleId::from_code(r.code).map(|id| id.rule());
        s.text(0, r.code)?;
        s.text(1, r.severity)?;
        s.text(2, r.field)?;
        s.number(3, r.findings as f64)?;
        s.number(4, r.rows as f64)?;
        s.text(5, rule.map(|x| x.message).unwrap_or(""))?;
        s.text(6, rule.map(|x| x.fix).unwrap_or(""))?;
        s.row += 1;
    }
    if stats.rules.len() > TOP_RULES {
        s.note(&format!(
            "{} more rules found something: see the Findings sheet",
            Count((stats.rules.len() - TOP_RULES) as u64)
        ))?;
    }
    s.header(&["severity", "", "", "findings", "rows"])?;
    for (sev, n) in &stats.severities {
        s.text(0, sev)?;
        s.number(3, n.findings as f64)?;
        s.number(4, n.rows as f64)?;
        s.row += 1;
    }

    s.title("By country")?;
    s.by_key("country", data, stats.countries.iter())?;
    s.title("By source file")?;
    s.by_key("file", data, stats.files.iter())?;

    if let Some(ch) = &data.insights.changes {
        s.title("Changes since the baseline")?;
        s.note(&format!(
            "Baseline: {} (run of {})",
            human::field(data, None, &ch.folder().display().to_string()),
            ch.baseline_started_at().unwrap_or("unknown date")
        ))?;
        if ch.findings_compared() {
            s.note(&format!(
                "{} new findings, {} fixed findings: see the Changes sheet",
                Count(ch.new_count() as u64),
                Count(ch.fixed_count() as u64)
            ))?;
        } else {
            s.note("The baseline has no findings file (a `check` run): only counts are compared")?;
        }
        // A partner's rows and outcomes before are known only from a baseline split the same way.
        let counted = ch.counts_compared();
        if !counted {
            s.note("The baseline was not split by the same column: this partner's rows and outcomes before are not known")?;
        }
        s.header(&["count", "before", "after", "change"])?;
        let c = &ch.counts;
        let lines = std::iter::once(("rows in".to_string(), c.rows_in))
            .chain(c.outcomes.iter().map(|(k, v)| (format!("outcome {k}"), *v)))
            .filter(|_| counted)
            .chain(c.rules.iter().map(|(k, v)| (format!("findings {k}"), *v)));
        for (what, v) in lines {
            s.text(0, &what)?;
            s.number(1, v.before as f64)?;
            s.number(2, v.after as f64)?;
            s.ws.write_number_with_format(s.row, 3, v.change as f64, &s.fmt.change)?;
            s.row += 1;
        }
    }
    Ok(())
}

/// A bar chart of the outcome table that starts at `first` (0-based row), placed at row `at`.
fn outcome_chart(ws: &mut Worksheet, first: u32, at: u32) -> Result<(), XlsxError> {
    let last = first + Outcome::ALL.len() as u32 - 1;
    let mut chart = Chart::new(ChartType::Bar);
    let points: Vec<ChartPoint> = Outcome::ALL
        .iter()
        .map(|o| {
            ChartPoint::new().set_format(
                ChartFormat::new()
                    .set_solid_fill(rust_xlsxwriter::ChartSolidFill::new().set_color(outcome_colour(*o))),
            )
        })
        .collect();
    chart
        .add_series()
        .set_name("rows")
        .set_categories((NAME, first, 0, last, 0))
        .set_values((NAME, first, 1, last, 1))
        .set_points(&points);
    chart.title().set_name("Rows per outcome");
    chart.legend().set_hidden();
    chart.set_width(520).set_height(260);
    ws.insert_chart(at, 0, &chart)?;
    Ok(())
}
