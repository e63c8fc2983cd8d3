//! The page's rejected rows: embedded as JSON (at most `report.html_max_rows` of them) for the
//! page's script to search, filter and page, with a note when the page holds fewer than all.

use super::escape;
use crate::model::{Field, Outcome};
use crate::report::numbers::count;
use crate::rules::{self, catalogue::RuleId};
use crate::write::{human, rejections, RunData};
use serde_json::{json, Value};
use std::fmt::Write as _;

/// Appends the section.
pub fn section(data: &RunData, p: &mut String) {
    let all: Vec<usize> = data.with_outcome(Outcome::Rejected).collect();
    let cap = data.cfg.profile.html_max_rows;
    let shown = &all[..all.len().min(cap)];
    let mut rows = Vec::with_capacity(shown.len());
    let mut rule_counts: std::collections::BTreeMap<&str, u64> = Default::default();
    for &i in shown {
        let row = data.rows.get(i);
        let mask = human::row_mask(data, i);
        let src = data.source_cells_of(&row);
        let findings: Vec<Value> = row
            .findings
            .iter()
            .map(|f| {
                json!([
                    f.rule.code(),
                    rules::severity(f, &data.cfg.profile).as_str(),
                    human::finding_value(mask.as_ref(), f.borrowed()),
                    human::text(mask.as_ref(), &rejections::message(f.borrowed())),
                ])
            })
            .collect();
        let mut codes: Vec<&str> = row.findings.iter().map(|f| f.rule.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        for c in codes {
            *rule_counts.entry(c).or_default() += 1;
        }
        rows.push(json!([
            human::field(data, None, &src[0]),
            human::field(data, None, &src[1]),
            row.raw.pos.row,
            human::field(data, None, &src[3]),
            human::field(data, None, row.customer.get(Field::CompanyName)),
            row.country.unwrap_or(""),
            findings,
        ]));
    }
    let rules: serde_json::Map<String, Value> = rule_counts
        .keys()
        .filter_map(|c| RuleId::from_code(c))
        .map(|id| (id.code().to_string(), json!({ "message": id.rule().message, "fix": id.rule().fix })))
        .collect();
    let payload = json!({ "rules": rules, "ruleCounts": rule_counts, "rows": rows });

    let _ = writeln!(p, "<h2 id=\"rejected\">Rejected rows: {}</h2>", count(all.len() as u64));
    if all.len() > shown.len() {
        let _ = writeln!(
            p,
            "<p class=\"note\" id=\"capped\">This page holds the first {} of {} rejected rows (<code>report.html_max_rows</code>); {} holds them all (report.xlsx up to <code>report.xlsx_max_rows</code> per sheet).</p>",
            count(shown.len() as u64),
            count(all.len() as u64),
            data.rejected_rows_file()
        );
    }
    let _ = writeln!(
        p,
        "<noscript><p class=\"note\">The table of rejected rows needs JavaScript; report.xlsx and {} hold the same rows.</p></noscript>",
        data.rejected_rows_file()
    );
    p.push_str(concat!(
        "<div id=\"pc-table\" hidden>\n<div class=\"controls\">",
        "<input type=\"search\" id=\"pc-search\" placeholder=\"Search company, row, value, message…\" aria-label=\"Search the rejected rows\">",
        "<select id=\"pc-rule\" aria-label=\"Filter by rule\"><option value=\"\">All rules</option></select>",
        "<select id=\"pc-size\" aria-label=\"Rows per page\"><option>25</option><option>50</option><option>100</option></select>",
        "<button type=\"button\" id=\"pc-prev\">‹ Previous</button><button type=\"button\" id=\"pc-next\">Next ›</button>",
        "<span id=\"pc-status\" aria-live=\"polite\"></span></div>\n",
        "<table>\n<thead><tr><th>source</th><th class=\"num\">row</th><th>source id</th><th>company</th><th>country</th><th>findings</th></tr></thead>\n",
        "<tbody id=\"pc-rows\"></tbody>\n</table>\n</div>\n"
    ));
    let _ = writeln!(
        p,
        "<script type=\"application/json\" id=\"pc-data\">{}</script>",
        escape::json_for_script(&payload)
    );
}
