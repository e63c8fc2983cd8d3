//! Rows as bytes for the spill file: lengths and numbers little-endian, text as UTF-8 with a
//! length in front. Only this program reads the bytes back, within the same run.

use crate::model::{Cells, Customer, Finding, RawRow, RowPos};
use crate::pipeline::process::Row;
use crate::rules::catalogue::{RuleId, Severity, RULES};

/// Appends a row's bytes to `out`.
pub fn encode(row: &Row, out: &mut Vec<u8>) {
    u32_(out, row.raw.pos.source);
    out.extend_from_slice(&row.raw.pos.row.to_le_bytes());
    cells(out, &row.raw.cells);
    opt_str(out, row.raw.malformed.as_deref());
    cells(out, row.customer.values());
    opt_str(out, row.country);
    u32_(out, row.findings.len() as u32);
    for f in &row.findings {
        out.extend_from_slice(&(f.rule as u16).to_le_bytes());
        str_(out, &f.value);
        opt_str(out, f.detail.as_deref());
        out.push(match f.severity {
            None => 0,
            Some(Severity::Error) => 1,
            Some(Severity::Warning) => 2,
            Some(Severity::Off) => 3,
        });
    }
    out.push(row.education as u8);
}

/// Reads one row from the front of `bytes`, advancing it. The bytes were written by
/// [`encode`] in this run, so a short or malformed buffer is a bug and panics.
pub fn decode(bytes: &mut &[u8]) -> Row {
    let source = read_u32(bytes);
    let row_no = u64::from_le_bytes(take(bytes, 8).try_into().expect("8 bytes"));
    let raw_cells = read_cells(bytes);
    let malformed = read_opt_str(bytes).map(str::to_string);
    let customer = Customer::from_cells(read_cells(bytes));
    let country = read_opt_str(bytes).and_then(static_country);
    let n = read_u32(bytes) as usize;
    let mut findings = Vec::with_capacity(n);
    for _ in 0..n {
        let id = u16::from_le_bytes(take(bytes, 2).try_into().expect("2 bytes")) as usize;
        let rule: RuleId = RULES[id].id;
        let value = read_str(bytes).to_string();
        let detail = read_opt_str(bytes).map(str::to_string);
        let severity = match take(bytes, 1)[0] {
            1 => Some(Severity::Error),
            2 => Some(Severity::Warning),
            3 => Some(Severity::Off),
            _ => None,
        };
        findings.push(Finding { rule, value, detail, severity });
    }
    let education = take(bytes, 1)[0] == 1;
    Row {
        raw: RawRow { pos: RowPos { source, row: row_no }, cells: raw_cells, malformed },
        customer,
        country,
        findings,
        education,
    }
}

/// The table's own `&'static str` for a country code read back.
fn static_country(cc: &str) -> Option<&'static str> {
    crate::normalize::country::canonical(cc)
}

fn u32_(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn str_(out: &mut Vec<u8>, s: &str) {
    u32_(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => out.push(0),
        Some(s) => {
            out.push(1);
            str_(out, s);
        }
    }
}

/// Cells as they are held (the ends, then the text), so reading them back is two copies.
fn cells(out: &mut Vec<u8>, c: &Cells) {
    u32_(out, c.len() as u32);
    for e in c.ends() {
        u32_(out, *e);
    }
    str_(out, c.as_str());
}

fn take<'a>(bytes: &mut &'a [u8], n: usize) -> &'a [u8] {
    let (head, rest) = bytes.split_at(n);
    *bytes = rest;
    head
}

fn read_u32(bytes: &mut &[u8]) -> u32 {
    u32::from_le_bytes(take(bytes, 4).try_into().expect("4 bytes"))
}

fn read_str<'a>(bytes: &mut &'a [u8]) -> &'a str {
    let n = read_u32(bytes) as usize;
    std::str::from_utf8(take(bytes, n)).expect("the spill file holds the UTF-8 it was given")
}

fn read_opt_str<'a>(bytes: &mut &'a [u8]) -> Option<&'a str> {
    match take(bytes, 1)[0] {
        0 => None,
        _ => Some(read_str(bytes)),
    }
}

fn read_cells(bytes: &mut &[u8]) -> Cells {
    let n = read_u32(bytes) as usize;
    let ends: Box<[u32]> =
        take(bytes, 4 * n).chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
    Cells::from_parts(read_str(bytes).into(), ends)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field;

    #[test]
    fn rows_read_back_as_written() {
        let mut values: Vec<String> = Field::ALL.iter().map(|f| format!("{f:?} ✓")).collect();
        values[0].clear();
        let row = Row {
            raw: RawRow {
                pos: RowPos { source: 3, row: 1 << 40 },
                cells: Cells::from_values(["a", "", "東京"]),
                malformed: Some("quote not closed".into()),
            },
            customer: Customer::from_values(&values),
            country: Some("DE"),
            findings: vec![
                Finding::new(RuleId::DomainTaken, "contoso").with_detail("taken"),
                Finding::new(RuleId::AddressCountryNormalised, "").with_severity(Severity::Warning),
            ],
            education: true,
        };
        let mut bytes = Vec::new();
        encode(&row, &mut bytes);
        encode(&Row { country: None, findings: Vec::new(), education: false, ..row.clone() }, &mut bytes);
        let mut at = bytes.as_slice();
        let back = decode(&mut at);
        assert_eq!(back.raw.pos, row.raw.pos);
        assert_eq!(back.raw.cells, row.raw.cells);
        assert_eq!(back.raw.malformed, row.raw.malformed);
        assert_eq!(back.customer.values(), row.customer.values());
        assert_eq!(back.country, Some("DE"));
        assert_eq!(back.findings, row.findings);
        assert!(back.education);
        let second = decode(&mut at);
        assert_eq!((second.country, second.findings.len(), second.education), (None, 0, false));
        assert!(at.is_empty());
    }
}
