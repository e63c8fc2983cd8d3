//! `partners/index.csv` and `partners/index.html`: one line per partner with its rows, its
//! outcomes, the share rejected, what changed since the baseline and where its report is, so
//! the sender sees who needs a nudge. The CSV is by folder name (diffable from night to night),
//! the page by rejected rows, most first. Partner values are for people: formula-guarded, and
//! e-mail addresses masked under `--redact`.

use super::DIR;
use crate::error::{Error, Result};
use crate::model::Outcome;
use crate::report::numbers::Count;
use crate::report::partners::{PartnerIndex, PartnerLine};
use crate::write::html::{escape::html, CSS};
use crate::write::{csv_err, csv_writer, finish, human, AtomicFile, RunData};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// The index files, inside `partners/`.
pub const CSV: &str = "index.csv";
/// See [`CSV`].
pub const HTML: &str = "index.html";

/// The outcomes in the order the index shows them: what needs work first.
const ORDER: [Outcome; 5] =
    [Outcome::Rejected, Outcome::Existing, Outcome::Duplicate, Outcome::Education, Outcome::Clean];

/// The header of index.csv.
pub fn header() -> Vec<&'static str> {
    let mut h = vec!["partner", "folder", "rows", "rejected", "rejected_percent"];
    h.extend(ORDER[1..].iter().map(|o| o.as_str()));
    h.extend(["new_findings", "fixed_findings", "report"]);
    h
}

fn optional(n: Option<u64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// Writes index.csv.
pub fn write_csv(data: &RunData, index: &PartnerIndex, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let mut wtr = csv_writer(path)?;
    wtr.write_record(header()).map_err(&err)?;
    for l in &index.lines {
        let mut line = vec![
            human::field(data, None, &l.value),
            l.folder.clone(),
            l.rows.to_string(),
            l.outcome(Outcome::Rejected).to_string(),
            format!("{:.2}", l.rejected_percent),
        ];
        line.extend(ORDER[1..].iter().map(|o| l.outcome(*o).to_string()));
        line.extend([optional(l.new_findings), optional(l.fixed_findings), report(data, l)]);
        wtr.write_record(line).map_err(&err)?;
    }
    finish(wtr, path)
}

/// A partner's report, relative to the output folder: the first of its files `--outputs`
/// writes (report.html, report.xlsx, rejected_rows.csv), or its folder when none is.
fn report(data: &RunData, l: &PartnerLine) -> String {
    match super::view::FILES.iter().find(|f| data.cfg.outputs.writes(f)) {
        Some(file) => format!("{DIR}/{}/{file}", l.folder),
        None => format!("{DIR}/{}/", l.folder),
    }
}

/// Writes index.html.
pub fn write_html(data: &RunData, index: &PartnerIndex, path: &Path) -> Result<()> {
    let page = render(data, index);
    let mut f = AtomicFile::create(path)?;
    f.write_all(page.as_bytes()).map_err(|source| Error::Output { path: path.to_owned(), source })?;
    f.commit()
}

fn render(data: &RunData, index: &PartnerIndex) -> String {
    let rows: u64 = index.lines.iter().map(|l| l.rows).sum();
    let compared = index.lines.iter().any(|l| l.new_findings.is_some());
    let mut p = String::with_capacity(4096 + 512 * index.lines.len());
    p.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    p.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    p.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    p.push_str("<title>Partner Center onboarding: reports for partners</title>\n<style>\n");
    p.push_str(CSS);
    p.push_str("</style>\n</head>\n<body>\n<header>\n<h1>Reports for partners</h1>\n");
    let _ = writeln!(
        p,
        "<p>{} partners by {} · {} rows · pc-onboard {}{}</p>\n</header>\n<main>",
        Count(index.lines.len() as u64),
        html(&index.column),
        Count(rows),
        env!("CARGO_PKG_VERSION"),
        if data.cfg.redact {
            " · e-mail addresses, phone numbers and registration IDs are masked"
        } else {
            ""
        }
    );
    p.push_str(
        "<p>Each partner's folder holds its own <code>report.html</code>, <code>report.xlsx</code> and \
        <code>rejected_rows.csv</code>, with its rows only: send each partner its folder. Partners with most \
        rejected rows first. The whole list: <a href=\"../report.html\">report.html</a>.</p>\n",
    );
    p.push_str("<table class=\"counts\" id=\"partners\">\n<thead><tr><th>partner</th><th>folder</th><th class=\"num\">rows</th><th class=\"num\">rejected</th><th class=\"num\">share rejected</th>");
    for o in &ORDER[1..] {
        let _ = write!(p, "<th class=\"num\">{}</th>", o.as_str());
    }
    if compared {
        p.push_str("<th class=\"num\">new findings</th><th class=\"num\">fixed findings</th>");
    }
    p.push_str("</tr></thead>\n<tbody>\n");
    let mut lines: Vec<&PartnerLine> = index.lines.iter().collect();
    lines.sort_by(|a, b| {
        b.outcome(Outcome::Rejected)
            .cmp(&a.outcome(Outcome::Rejected))
            .then(b.rejected_percent.total_cmp(&a.rejected_percent))
            .then(a.folder.cmp(&b.folder))
    });
    for l in lines {
        let name = match l.value.is_empty() {
            true => "(no value)".to_string(),
            false => human::field(data, None, &l.value),
        };
        let _ = write!(
            p,
            "<tr><td><a href=\"{folder}/report.html\">{}</a></td><td><code>{folder}</code></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.2}%</td>",
            html(&name),
            Count(l.rows),
            Count(l.outcome(Outcome::Rejected)),
            l.rejected_percent,
            folder = html(&l.folder),
        );
        for o in &ORDER[1..] {
            let _ = write!(p, "<td class=\"num\">{}</td>", Count(l.outcome(*o)));
        }
        if compared {
            let _ = write!(
                p,
                "<td class=\"num\">{}</td><td class=\"num\">{}</td>",
                l.new_findings.map(|n| Count(n).to_string()).unwrap_or_default(),
                l.fixed_findings.map(|n| Count(n).to_string()).unwrap_or_default()
            );
        }
        p.push_str("</tr>\n");
    }
    p.push_str("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
    p
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_header_names_every_outcome_once() {
        let h = super::header();
        for o in crate::model::Outcome::ALL {
            assert_eq!(h.iter().filter(|c| **c == o.as_str()).count(), 1, "{}", o.as_str());
        }
        assert_eq!(h[..3], ["partner", "folder", "rows"]);
    }
}
