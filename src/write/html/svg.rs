//! Inline SVG bar charts for report.html: no script, no external asset, readable when printed.

use super::escape::html;
use crate::report::numbers::Count;
use std::fmt::Write;

/// One bar: its label, its value and its colour (`#rrggbb`).
pub struct Bar {
    /// Shown left of the bar.
    pub label: String,
    /// The bar's length, relative to the largest.
    pub value: u64,
    /// Fill colour.
    pub colour: String,
}

const WIDTH: u32 = 560;
const ROW: u32 = 26;
const LABEL: u32 = 210;
const NUMBER: u32 = 70;

/// A horizontal bar chart with a title, one row per bar.
pub fn bar_chart(title: &str, bars: &[Bar]) -> String {
    let height = ROW * bars.len().max(1) as u32 + 8;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let room = WIDTH - LABEL - NUMBER;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" role="img" aria-label="{t}" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = html(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = 4 + ROW * i as u32;
        let w = ((b.value as f64 / max as f64) * room as f64).round() as u32;
        let _ = write!(
            s,
            r#"<text x="{lx}" y="{ty}" text-anchor="end">{label}</text><rect x="{LABEL}" y="{ry}" width="{w}" height="{bh}" rx="3" fill="{c}"/><text x="{nx}" y="{ty}">{v}</text>"#,
            lx = LABEL - 8,
            ty = y + 17,
            label = html(&b.label),
            ry = y + 3,
            bh = ROW - 6,
            c = html(&b.colour),
            nx = LABEL + w + 6,
            v = Count(b.value),
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_labels_are_escaped() {
        let bars = [
            Bar { label: "clean".into(), value: 100, colour: "#2e8b57".into() },
            Bar { label: "<b>".into(), value: 50, colour: "#c0392b".into() },
        ];
        let svg = bar_chart("Rows per outcome", &bars);
        assert!(svg.contains(r#"width="280""#), "the largest bar fills the room: {svg}");
        assert!(svg.contains(r#"width="140""#), "half the value, half the length: {svg}");
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"), "{svg}");
        assert!(bar_chart("empty", &[]).ends_with("</svg>"));
    }
}
