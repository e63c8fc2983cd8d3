//! The whole-list page's "Partners" section (`--report-per`): a chart of the partners with most
//! rejected rows, so the sender sees who needs a nudge, and where every partner's reports are.

use super::escape::html;
use super::svg::{self, Bar};
use crate::model::Outcome;
use crate::report::partners::PartnerIndex;
use crate::write::{human, RunData};
use std::fmt::Write as _;

/// Partners in the chart.
const WORST: usize = 10;
/// Characters of a partner's value shown as its bar's label.
const LABEL_CHARS: usize = 22;

/// Appends the section.
pub fn section(data: &RunData, index: &PartnerIndex, p: &mut String) {
    let _ = writeln!(
        p,
        "<h2 id=\"partners\">Partners: {} by {}</h2>",
        crate::report::numbers::count(index.lines.len() as u64),
        html(&index.column)
    );
    let _ = writeln!(
        p,
        "<p>Each partner's own report.html, report.xlsx and rejected_rows.csv, holding only its rows, are in \
         <code>partners/</code>; <a href=\"partners/index.html\">partners/index.html</a> lists them all.</p>"
    );
    let worst = index.worst(WORST);
    if worst.is_empty() {
        p.push_str("<p class=\"note\">No partner has a rejected row.</p>\n");
        return;
    }
    let bars: Vec<Bar> = worst
        .iter()
        .map(|l| {
            let name = match l.value.is_empty() {
                true => "(no value)".to_string(),
                false => human::field(data, None, &l.value),
            };
            Bar {
                label: format!("{} · {}%", short(&name), l.rejected_percent),
                value: l.outcome(Outcome::Rejected),
                colour: "#c0392b".into(),
            }
        })
        .collect();
    let _ = writeln!(
        p,
        "<div class=\"charts\"><figure><figcaption>The {} partners with most rejected rows (share of their rows rejected)</figcaption>{}</figure></div>",
        bars.len(),
        svg::bar_chart("Partners with most rejected rows", &bars)
    );
}

/// A value cut to fit a bar's label.
fn short(s: &str) -> String {
    match s.char_indices().nth(LABEL_CHARS) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_values_are_cut_for_the_label() {
        assert_eq!(super::short("Contoso"), "Contoso");
        assert_eq!(super::short(&"é".repeat(30)), format!("{}…", "é".repeat(22)));
    }
}
