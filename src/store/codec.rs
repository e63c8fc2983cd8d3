//! Rows as bytes for the spill file: lengths and numbers little-endian, text as UTF-8 with a
//! length in front. Only this program reads the bytes back, within the same run.

use crate::model::catalogue::{Severity, RULES};
use crate::model::Row;
use crate::model::{Cells, Customer, Finding, FindingRef, RawRow, RowPos};

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
/// [`encode`] in this run; bytes that do not decode (the file was changed under the run, or
/// the disk returned garbage) give None, which the store reports as an error.
pub fn decode(bytes: &mut &[u8]) -> Option<Row> {
    let source = read_u32(bytes)?;
    let row_no = u64::from_le_bytes(take(bytes, 8)?.try_into().ok()?);
    let raw_cells = read_cells(bytes)?;
    let malformed = read_opt_str(bytes)?.map(str::to_string);
    let values = read_cells(bytes)?;
    if values.len() != crate::model::Field::COUNT {
        return None;
    }
    let customer = Customer::from_cells(values);
    let country = read_opt_str(bytes)?.and_then(static_country);
    let n = read_u32(bytes)? as usize;
    let mut findings = Vec::with_capacity(n.min(64));
    for _ in 0..n {
        let f = read_finding(bytes)?;
        findings.push(Finding {
            rule: f.rule,
            value: f.value.to_string(),
            detail: f.detail.map(str::to_string),
            severity: f.severity,
        });
    }
    let education = take(bytes, 1)?[0] == 1;
    Some(Row {
        raw: RawRow { pos: RowPos { source, row: row_no }, cells: raw_cells, malformed },
        customer,
        country,
        findings,
        education,
    })
}

/// One finding as [`encode`] wrote it, its texts borrowed.
pub(super) fn read_finding<'a>(bytes: &mut &'a [u8]) -> Option<FindingRef<'a>> {
    let id = u16::from_le_bytes(take(bytes, 2)?.try_into().ok()?) as usize;
    let rule = RULES.get(id)?.id;
    let value = read_str(bytes)?;
    let detail = read_opt_str(bytes)?;
    let severity = match take(bytes, 1)?[0] {
        1 => Some(Severity::Error),
        2 => Some(Severity::Warning),
        3 => Some(Severity::Off),
        _ => None,
    };
    Some(FindingRef { rule, value, detail, severity })
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

pub(super) fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    let (head, rest) = bytes.split_at_checked(n)?;
    *bytes = rest;
    Some(head)
}

pub(super) fn read_u32(bytes: &mut &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(take(bytes, 4)?.try_into().ok()?))
}

pub(super) fn read_str<'a>(bytes: &mut &'a [u8]) -> Option<&'a str> {
    let n = read_u32(bytes)? as usize;
    // SIMD validation: every row is read back by several writers, and most of what they read
    // is text (checking it with `std::str::from_utf8` was 2.5% of a `run` on the Faker list).
    simdutf8::basic::from_utf8(take(bytes, n)?).ok()
}

/// An optional string: Some(None) when absent, None when the bytes do not decode.
pub(super) fn read_opt_str<'a>(bytes: &mut &'a [u8]) -> Option<Option<&'a str>> {
    match take(bytes, 1)?[0] {
        0 => Some(None),
        _ => read_str(bytes).map(Some),
    }
}

fn read_cells(bytes: &mut &[u8]) -> Option<Cells> {
    let n = read_u32(bytes)? as usize;
    let ends: Box<[u32]> = take(bytes, n.checked_mul(4)?)?
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    Cells::try_from_parts(read_str(bytes)?.into(), ends)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::catalogue::RuleId;
    use crate::model::Field;

    /// A row with every part set: cells beyond ASCII, a malformed note, an empty value, a
    /// country, findings with and without detail and severity (the store's tests read it back).
    pub(in crate::store) fn sample_row() -> Row {
        let mut values: Vec<String> = Field::ALL.iter().map(|f| format!("{f:?} ✓")).collect();
        values[0].clear();
        Row {
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
        }
    }

    #[test]
    fn rows_read_back_as_written() {
        let row = sample_row();
        let mut bytes = Vec::new();
        encode(&row, &mut bytes);
        encode(&Row { country: None, findings: Vec::new(), education: false, ..row.clone() }, &mut bytes);
        let mut at = bytes.as_slice();
        let back = decode(&mut at).unwrap();
        assert_eq!(back.raw.pos, row.raw.pos);
        assert_eq!(back.raw.cells, row.raw.cells);
        assert_eq!(back.raw.malformed, row.raw.malformed);
        assert_eq!(back.customer.values(), row.customer.values());
        assert_eq!(back.country, Some("DE"));
        assert_eq!(back.findings, row.findings);
        assert!(back.education);
        let second = decode(&mut at).unwrap();
        assert_eq!((second.country, second.findings.len(), second.education), (None, 0, false));
        assert!(at.is_empty());
        // Cut anywhere, or with a cell end past the text, the bytes do not decode: no panic.
        for cut in 0..bytes.len() / 2 {
            assert!(decode(&mut &bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut bad = bytes.clone();
        bad[16] = 0xff;
        assert!(decode(&mut bad.as_slice()).is_none(), "a cell end past the text");
    }
}
