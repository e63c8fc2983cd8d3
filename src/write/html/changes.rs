//! The page's "Changes since the baseline" section: counts before and after, and the first new
//! and fixed findings (the workbook's Changes sheet lists them all).

use super::escape::html;
use crate::report::baseline::Changes;
use crate::report::numbers::{Change, Count};
use crate::write::{human, RunData};
use std::fmt::Write as _;

/// Changed findings listed on the page, each way.
const CHANGES_LISTED: usize = 200;

/// Appends the section.
pub fn section(data: &RunData, ch: &Changes, p: &mut String) {
    p.push_str("<h2 id=\"changes\">Changes since the baseline</h2>\n");
    let _ = writeln!(
        p,
        "<p>Baseline: <code>{}</code> (run of {}).</p>",
        html(&human::field(data, None, &ch.folder().display().to_string())),
        html(ch.baseline_started_at().unwrap_or("unknown date"))
    );
    p.push_str("<table class=\"counts\">\n<thead><tr><th>count</th><th class=\"num\">before</th><th class=\"num\">after</th><th class=\"num\">change</th></tr></thead>\n<tbody>\n");
    let c = &ch.counts;
    // A partner's rows and outcomes before are known only from a baseline split the same way.
    let counted = ch.counts_compared();
    let lines = std::iter::once(("rows in".to_string(), c.rows_in))
        .chain(c.outcomes.iter().map(|(k, v)| (format!("outcome {k}"), *v)))
        .filter(|_| counted)
        .chain(c.rules.iter().map(|(k, v)| (format!("findings {k}"), *v)));
    for (what, v) in lines {
        let class = match v.change {
            n if n > 0 => " plus",
            n if n < 0 => " minus",
            _ => "",
        };
        let _ = writeln!(
            p,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num{class}\">{}</td></tr>",
            html(&what),
            Count(v.before),
            Count(v.after),
            Change(v.change)
        );
    }
    p.push_str("</tbody>\n</table>\n");
    if !counted {
        p.push_str("<p class=\"note\">The baseline was not split by the same column, so this partner's rows and outcomes before are not known: only its findings are compared.</p>\n");
    }
    if !ch.findings_compared() {
        p.push_str("<p class=\"note\">The baseline has no findings file (a <code>check</code> run): only counts are compared.</p>\n");
        return;
    }
    let new: Vec<_> =
        ch.new_findings(data.sources, data.rows, &data.cfg.profile).take(CHANGES_LISTED).collect();
    let fixed: Vec<_> = ch.fixed_findings().take(CHANGES_LISTED).collect();
    for (title, id, list, count) in
        [("New findings", "new", new, ch.new_count()), ("Fixed findings", "fixed", fixed, ch.fixed_count())]
    {
        let _ = writeln!(p, "<h3 id=\"{id}\">{title}: {}</h3>", Count(count as u64));
        if list.is_empty() {
            continue;
        }
        p.push_str("<table class=\"counts\">\n<thead><tr><th>source</th><th class=\"num\">row</th><th>source id</th><th>rule</th><th>severity</th></tr></thead>\n<tbody>\n");
        for f in &list {
            let sheet =
                if f.source_sheet.is_empty() { String::new() } else { format!(" [{}]", f.source_sheet) };
            let _ = writeln!(
                p,
                "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td><span class=\"badge {}\">{}</span></td><td>{}</td></tr>",
                html(&human::field(data, None, &format!("{}{sheet}", f.source_file))),
                f.source_row,
                html(&human::field(data, None, &f.source_id)),
                f.severity,
                html(&f.rule),
                f.severity
            );
        }
        p.push_str("</tbody>\n</table>\n");
        if count > list.len() {
            let _ = writeln!(
                p,
                "<p class=\"note\">… and {} more: the Changes sheet of report.xlsx lists them all.</p>",
                Count((count - list.len()) as u64)
            );
        }
    }
}
