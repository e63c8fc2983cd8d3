//! `report.html`: one self-contained page for partners, to open from an e-mail. Totals, an
//! outcome chart and a top-rules chart (inline SVG), by country, by source file, what changed
//! since the baseline, and the rejected rows with their findings: searchable, filtered by rule
//! and paged by a few lines of script, from rows embedded as JSON (at most
//! `report.html_max_rows` of them).
//!
//! Nothing is fetched: the styles and the script are inline and a Content-Security-Policy
//! forbids every other source. Values from the input pass the formula guard and are then
//! HTML-escaped, or JSON-escaped in the data block and put in the page with `textContent`.

mod changes;
pub(super) mod escape;
mod partners;
mod rows;
mod svg;

use super::{human, AtomicFile, RunData};
use crate::error::{Error, Result};
use crate::model::Outcome;
use crate::report::numbers::Count;
use crate::report::{outcome_colour, outcome_meaning};
use escape::html;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use svg::Bar;

/// The page's style sheet (the partners' index page uses it too).
pub(super) const CSS: &str = include_str!("page.css");
const JS: &str = include_str!("page.js");
/// Rules in the top-rules chart.
const TOP_RULES: usize = 10;

/// Writes report.html.
pub fn write(data: &RunData, path: &Path) -> Result<()> {
    let page = render(data);
    let mut f = AtomicFile::create(path)?;
    f.write_all(page.as_bytes()).map_err(|source| Error::Output { path: path.to_owned(), source })?;
    f.commit()
}

fn pct(n: u64, total: u64) -> String {
    if total == 0 {
        "0%".into()
    } else {
        format!("{:.1}%", n as f64 * 100.0 / total as f64)
    }
}

fn colour(rgb: u32) -> String {
    format!("#{rgb:06x}")
}

/// The whole page.
pub fn render(data: &RunData) -> String {
    let stats = &data.insights.stats;
    let total = stats.total_rows();
    let mut p = String::with_capacity(1 << 16);
    p.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // No network: every part of the page is inline, and the policy forbids anything else.
    p.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
    p.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let title = data.title();
    let _ = writeln!(p, "<title>{}</title>\n<style>", html(&title));
    p.push_str(CSS);
    let _ = writeln!(p, "</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>", html(&title));
    let rows_in: u64 = data.sources.iter().map(|s| s.rows).sum();
    let _ = writeln!(
        p,
        "<p>{} rows read from {} source(s) · pc-onboard {} · partner type {:?}{}</p>\n</header>\n<main>",
        Count(rows_in),
        data.sources.len(),
        env!("CARGO_PKG_VERSION"),
        data.cfg.profile.partner_type,
        if data.cfg.redact {
            " · e-mail addresses, phone numbers and registration IDs are masked"
        } else {
            ""
        }
    );

    p.push_str("<section class=\"cards\" id=\"totals\">\n");
    let _ = writeln!(
        p,
        "<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">rows</div></div>",
        Count(total)
    );
    for o in Outcome::ALL {
        let n = stats.outcome(o);
        let _ = writeln!(
            p,
            "<div class=\"card\" style=\"--c:{}\" title=\"{}\"><div class=\"n\">{}</div><div class=\"l\">{} · {}</div></div>",
            colour(outcome_colour(o)),
            html(outcome_meaning(o)),
            Count(n),
            o.as_str(),
            pct(n, total)
        );
    }
    p.push_str("</section>\n");

    // What to act on first: the charts, what changed, the rows to fix; then the breakdowns.
    charts(data, &mut p);
    if let Some(index) = &data.insights.partners {
        partners::section(data, index, &mut p);
    }
    if let Some(ch) = &data.insights.changes {
        changes::section(data, ch, &mut p);
    }
    rows::section(data, &mut p);
    p.push_str("<div class=\"columns\">\n<section>\n");
    by_key(&mut p, "By country", "country", data, stats.countries.iter());
    p.push_str("</section>\n<section>\n");
    by_key(&mut p, "By source file", "file", data, stats.files.iter());
    inputs(data, &mut p);
    p.push_str("</section>\n</div>\n");
    p.push_str("</main>\n<script>\n");
    p.push_str(JS);
    p.push_str("</script>\n</body>\n</html>\n");
    p
}

fn charts(data: &RunData, p: &mut String) {
    let stats = &data.insights.stats;
    let outcome_bars: Vec<Bar> = Outcome::ALL
        .iter()
        .map(|o| Bar {
            label: o.as_str().into(),
            value: stats.outcome(*o),
            colour: colour(outcome_colour(*o)),
        })
        .collect();
    let rule_bars: Vec<Bar> = stats
        .top_rules(TOP_RULES)
        .iter()
        .map(|r| Bar {
            label: r.code.into(),
            value: r.rows,
            colour: if r.severity == "error" { "#c0392b".into() } else { "#d69e2e".into() },
        })
        .collect();
    p.push_str("<h2>Outcomes and top rules</h2>\n<div class=\"charts\">\n");
    let _ = writeln!(
        p,
        "<figure><figcaption>Rows per outcome</figcaption>{}</figure>",
        svg::bar_chart("Rows per outcome", &outcome_bars)
    );
    if rule_bars.is_empty() {
        p.push_str("<p class=\"note\">No rule found anything.</p>\n");
    } else {
        let _ = writeln!(
            p,
            "<figure><figcaption>Top rules, by rows affected (red: error, amber: warning)</figcaption>{}</figure>",
            svg::bar_chart("Top rules by rows affected", &rule_bars)
        );
    }
    p.push_str("</div>\n");
}

fn by_key<'k>(
    p: &mut String,
    title: &str,
    key: &str,
    data: &RunData,
    rows: impl Iterator<Item = (&'k String, &'k crate::report::stats::OutcomeCounts)>,
) {
    let mut rows: Vec<_> = rows.map(|(k, c)| (k, c, c.values().sum::<u64>())).collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    let _ = write!(
        p,
        "<h2>{}</h2>\n<table class=\"counts\">\n<thead><tr><th>{key}</th><th class=\"num\">rows</th>",
        html(title)
    );
    for o in Outcome::ALL {
        let _ = write!(p, "<th class=\"num\">{}</th>", o.as_str());
    }
    p.push_str("</tr></thead>\n<tbody>\n");
    for (k, counts, sum) in rows {
        let _ = write!(
            p,
            "<tr><td>{}</td><td class=\"num\">{}</td>",
            html(&human::field(data, None, k)),
            Count(sum)
        );
        for o in Outcome::ALL {
            let _ =
                write!(p, "<td class=\"num\">{}</td>", Count(counts.get(o.as_str()).copied().unwrap_or(0)));
        }
        p.push_str("</tr>\n");
    }
    p.push_str("</tbody>\n</table>\n");
}

fn inputs(data: &RunData, p: &mut String) {
    p.push_str("<h2>Inputs</h2>\n<table class=\"counts\">\n<thead><tr><th>file</th><th>sheet</th><th>format</th><th>encoding</th><th class=\"num\">header row</th><th class=\"num\">rows</th></tr></thead>\n<tbody>\n");
    for s in data.sources {
        let _ = writeln!(
            p,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            html(&human::field(data, None, &s.file_label())),
            html(&human::field(data, None, s.sheet.as_deref().unwrap_or(""))),
            html(&s.format),
            html(s.encoding.as_deref().unwrap_or("")),
            s.header_row,
            Count(s.rows)
        );
    }
    p.push_str("</tbody>\n</table>\n");
}
