//! A row after normalisation and the single-row rules ([`Row`]), and what matching and routing
//! keep of it in memory ([`RowFacts`]). Every stage after validation reads these.

use super::{Customer, Field, Finding, RawRow};

/// A row after normalisation and the single-row rules.
#[derive(Clone, Debug)]
pub struct Row {
    /// The row as read.
    pub raw: RawRow,
    /// Canonical values.
    pub customer: Customer,
    /// The resolved ISO alpha-2 country.
    pub country: Option<&'static str>,
    /// Everything the rules found, in rule order.
    pub findings: Vec<Finding>,
    /// Whether it is an education institution.
    pub education: bool,
}

/// What matching and routing need to know of a row, kept in memory while the row itself waits
/// on disk.
#[derive(Clone, Copy, Debug, Default)]
pub struct RowFacts {
    /// An error-level finding (validation, or the batch domain rules later).
    pub has_error: bool,
    /// An education institution.
    pub education: bool,
    /// Canonical fields holding a value (to pick the most complete duplicate).
    pub completeness: u8,
}

impl Row {
    /// How many canonical fields hold a value (to pick the most complete duplicate).
    pub fn completeness(&self) -> usize {
        Field::ALL.iter().filter(|f| !self.customer.get(**f).is_empty()).count()
    }

    /// Row `n` of source 0 with every field set to `v{n}` and one cell `c{n}`: the fixture of
    /// unit tests that store and read rows back.
    #[cfg(test)]
    pub fn test(n: u64) -> Row {
        Row {
            raw: RawRow {
                pos: super::RowPos { source: 0, row: n },
                cells: super::Cells::from_values([format!("c{n}")]),
                malformed: None,
            },
            customer: Customer::from_values(Field::ALL.iter().map(|_| format!("v{n}"))),
            country: None,
            findings: Vec::new(),
            education: false,
        }
    }

    /// Whether the row could be read as a record at all.
    pub fn is_malformed(&self) -> bool {
        self.raw.malformed.is_some()
    }
}
