//! A stored row read in place from its chunk's bytes: its position, cells, customer values,
//! country and findings, borrowed, not decoded. The passes over every row (the batch domain
//! rules, the counts) and the writers of the largest files read rows this way: decoding a row
//! (its cells, values and findings copied into their own allocations, then freed) was most of
//! what those passes cost.

use super::chunk::Patch;
use super::codec::{read_finding, read_opt_str, read_str, read_u32, take};
use crate::model::catalogue::{RuleId, Severity};
use crate::model::{Cells, Field, FindingRef};

/// A stored row, read in place: what [`super::RowStore::par_map`], [`super::RowStore::par_fold`]
/// and [`super::RowStore::peek_rows`] hand to each row's visit. It shows the row's patches.
pub struct Peek<'a> {
    /// The row's source (`RowPos::source`).
    pub source: u32,
    /// The row's number in its source (`RowPos::row`).
    pub row: u64,
    /// Whether the row could not be read as a record (`Row::is_malformed`).
    pub malformed: bool,
    /// The row's cells as read (`RawRow::cells`).
    pub cells: CellsRef<'a>,
    values: CellsRef<'a>,
    country: Option<&'static str>,
    /// The stored findings' bytes, checked when the row was peeked.
    findings: &'a [u8],
    patch: Option<&'a Patch>,
}

/// Cells as stored: their ends (four bytes each, checked ascending and on character
/// boundaries) and their text.
#[derive(Clone, Copy, Default)]
pub struct CellsRef<'a> {
    ends: &'a [u8],
    text: &'a str,
}

impl<'a> CellsRef<'a> {
    /// The number of cells.
    pub fn len(&self) -> usize {
        self.ends.len() / 4
    }

    /// Whether there are no cells.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The cell at `k`, if there is one.
    pub fn get(&self, k: usize) -> Option<&'a str> {
        let end = |k: usize| {
            let b = self.ends.get(k * 4..k * 4 + 4)?;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        let start = if k == 0 { 0 } else { end(k - 1)? };
        self.text.get(start..end(k)?)
    }

    /// Every cell, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let cells = *self;
        (0..cells.len()).map(move |k| cells.get(k).unwrap_or(""))
    }
}

impl<'a> Peek<'a> {
    /// Reads the row at the front of `bytes`, checking every part as [`super::codec::decode`]
    /// does (None where it would fail), without copying any of it.
    pub(super) fn parse(mut bytes: &'a [u8]) -> Option<Peek<'a>> {
        let b = &mut bytes;
        let source = read_u32(b)?;
        let row = u64::from_le_bytes(take(b, 8)?.try_into().ok()?);
        let cells = cells(b)?;
        let malformed = read_opt_str(b)?.is_some();
        let values = self::cells(b)?;
        if values.len() != Field::COUNT {
            return None;
        }
        let country = read_opt_str(b)?.and_then(crate::normalize::country::canonical);
        let n = read_u32(b)?;
        let at = *b;
        for _ in 0..n {
            read_finding(b)?;
        }
        let findings = &at[..at.len() - b.len()];
        take(b, 1)?;
        Some(Peek { source, row, malformed, cells, values, country, findings, patch: None })
    }

    /// What a row that cannot be read back shows: the empty row of its source (as
    /// [`super::chunk::placeholder`]), without its patches.
    pub(super) fn placeholder(source: u32) -> Peek<'static> {
        Peek {
            source,
            row: 0,
            malformed: false,
            cells: CellsRef::default(),
            values: CellsRef::default(),
            country: None,
            findings: &[],
            patch: None,
        }
    }

    /// The same row with its patch.
    pub(super) fn with_patch(self, patch: Option<&'a Patch>) -> Peek<'a> {
        Peek { patch, ..self }
    }

    /// The customer's value of `field` (a patched domain prefix in place of the stored one).
    pub fn value(&self, field: Field) -> &'a str {
        if field == Field::Domain {
            if let Some(d) = self.patch.and_then(|p| p.domain.as_deref()) {
                return d;
            }
        }
        self.values.get(field.index()).unwrap_or("")
    }

    /// The row's country code, when it has a known one.
    pub fn country(&self) -> Option<&'static str> {
        self.country
    }

    /// Whether the row has findings.
    pub fn has_findings(&self) -> bool {
        !self.findings.is_empty() || self.patch.is_some_and(|p| !p.findings.is_empty())
    }

    /// Each finding's rule and the severity set on it, if any: the stored ones, then the
    /// patch's, in the order a decoded row lists them.
    pub fn findings(&self) -> impl Iterator<Item = (RuleId, Option<Severity>)> + 'a {
        self.findings_in_full().map(|f| (f.rule, f.severity))
    }

    /// Each finding, its texts borrowed, in the order a decoded row lists them.
    pub fn findings_in_full(&self) -> impl Iterator<Item = FindingRef<'a>> + 'a {
        let mut stored = self.findings;
        let stored =
            std::iter::from_fn(move || if stored.is_empty() { None } else { read_finding(&mut stored) });
        let patched = self.patch.into_iter().flat_map(|p| p.findings.iter().map(|f| f.borrowed()));
        stored.chain(patched)
    }
}

/// Cells as [`super::codec`] stores them, checked as [`Cells::try_from_parts`] checks them.
fn cells<'a>(b: &mut &'a [u8]) -> Option<CellsRef<'a>> {
    let n = read_u32(b)? as usize;
    let ends = take(b, n.checked_mul(4)?)?;
    let text = read_str(b)?;
    let each = ends.chunks_exact(4).map(|e| u32::from_le_bytes([e[0], e[1], e[2], e[3]]));
    Cells::ends_fit(text, each).then_some(CellsRef { ends, text })
}

#[cfg(test)]
mod tests {
    use super::super::codec::{decode, encode};
    use super::*;
    use crate::model::{Finding, RawRow, Row};

    fn row() -> Row {
        super::super::codec::tests::sample_row()
    }

    #[test]
    fn a_peek_shows_what_the_decoded_row_holds() {
        let mut bytes = Vec::new();
        let plain = Row {
            country: None,
            findings: Vec::new(),
            raw: RawRow { malformed: None, ..row().raw },
            ..row()
        };
        for r in [row(), plain] {
            bytes.clear();
            encode(&r, &mut bytes);
            let back = decode(&mut bytes.as_slice()).unwrap();
            let p = Peek::parse(&bytes).unwrap();
            assert_eq!(
                (p.source, p.row, p.malformed),
                (back.raw.pos.source, back.raw.pos.row, back.is_malformed())
            );
            for &f in Field::ALL {
                assert_eq!(p.value(f), back.customer.get(f), "{f:?}");
            }
            assert_eq!(p.country(), back.country);
            let rules: Vec<_> = back.findings.iter().map(|f| (f.rule, f.severity)).collect();
            assert_eq!(p.findings().collect::<Vec<_>>(), rules);
            let full: Vec<_> = back.findings.iter().map(|f| f.borrowed()).collect();
            assert_eq!(p.findings_in_full().collect::<Vec<_>>(), full);
            assert_eq!(p.has_findings(), !back.findings.is_empty());
            assert_eq!(p.cells.iter().collect::<Vec<_>>(), back.raw.cells.iter().collect::<Vec<_>>());
            assert_eq!((p.cells.len(), p.cells.get(3)), (3, None));
        }
    }

    #[test]
    fn a_patch_shows_after_the_stored_findings() {
        let mut bytes = Vec::new();
        encode(&row(), &mut bytes);
        let patch =
            Patch { findings: vec![Finding::new(RuleId::DomainTaken, "x")], domain: Some("contoso".into()) };
        let p = Peek::parse(&bytes).unwrap().with_patch(Some(&patch));
        assert_eq!(p.value(Field::Domain), "contoso");
        assert_eq!(p.value(Field::CompanyName), row().customer.get(Field::CompanyName));
        let rules: Vec<RuleId> = p.findings().map(|(r, _)| r).collect();
        assert_eq!(rules, [RuleId::DomainTaken, RuleId::AddressCountryNormalised, RuleId::DomainTaken]);
    }

    #[test]
    fn bytes_that_do_not_decode_do_not_peek() {
        let mut bytes = Vec::new();
        encode(&row(), &mut bytes);
        // Cut anywhere, the row neither decodes nor peeks.
        for cut in 0..bytes.len() {
            let short = &bytes[..cut];
            assert!(decode(&mut &short[..]).is_none() && Peek::parse(short).is_none(), "cut at {cut}");
        }
        // A cell end past its text, text that is not UTF-8, a finding's detail cut short: the
        // same.
        let text = bytes.windows(3).position(|w| w == "東".as_bytes()).unwrap();
        for at in [16, text, bytes.len() - 3] {
            let mut bad = bytes.clone();
            bad[at] = 0xff;
            assert!(decode(&mut bad.as_slice()).is_none() && Peek::parse(&bad).is_none(), "byte {at}");
        }
        let empty = Peek::placeholder(2);
        assert_eq!((empty.source, empty.value(Field::CompanyName), empty.findings().count()), (2, "", 0));
    }
}
