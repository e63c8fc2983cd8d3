//! Records as read (`RawRow`), as normalised (`Customer`), and what the rules say of them.

use super::catalogue::{RuleId, Severity};
use super::{Cells, Field};
use serde::Serialize;

/// Where a row came from: an index into the run's source list and the row number the user sees
/// (1-based, header row included, so the first data row under a header on line 1 is row 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RowPos {
    /// Index into the run's list of sources (one per CSV file or per sheet).
    pub source: u32,
    /// Row number as the user sees it in the file or sheet.
    pub row: u64,
}

/// One data row as read, before normalisation: the cells in source column order.
#[derive(Clone, Debug)]
pub struct RawRow {
    /// Where the row came from.
    pub pos: RowPos,
    /// The cells, decoded to text, in source column order.
    pub cells: Cells,
    /// Why the row could not be read as a proper record, if it could not.
    pub malformed: Option<String>,
}

/// A normalised customer record: one value per canonical field, empty when absent.
#[derive(Clone, Debug, Default)]
pub struct Customer {
    values: Cells,
}

impl Customer {
    /// Builds a customer from values in [`Field::ALL`] order.
    pub fn from_values<I, S>(values: I) -> Customer
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let values = Cells::from_values(values);
        debug_assert_eq!(values.len(), Field::COUNT);
        Customer { values }
    }

    /// A customer from cells already in [`Field::ALL`] order.
    pub fn from_cells(values: Cells) -> Customer {
        debug_assert_eq!(values.len(), Field::COUNT);
        Customer { values }
    }

    /// The value of one field ("" when absent).
    pub fn get(&self, field: Field) -> &str {
        self.values.get(field.index()).unwrap_or("")
    }

    /// All values in [`Field::ALL`] order.
    pub fn values(&self) -> &Cells {
        &self.values
    }

    /// Replaces one field's value.
    pub fn set(&mut self, field: Field, value: &str) {
        self.values.replace(field.index(), value);
    }
}

/// One thing a rule found about a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Which rule.
    pub rule: RuleId,
    /// The offending value as the user wrote it (or a short excerpt).
    pub value: String,
    /// Specifics beyond the rule's catalogue message (e.g. the expected format), if any.
    pub detail: Option<String>,
    /// A severity this row's context imposes (e.g. free e-mail is an error for education).
    pub severity: Option<Severity>,
}

impl Finding {
    /// A finding about `value`.
    pub fn new(rule: RuleId, value: impl Into<String>) -> Finding {
        Finding { rule, value: value.into(), detail: None, severity: None }
    }

    /// Sets the severity this row's context imposes.
    pub fn with_severity(mut self, severity: Severity) -> Finding {
        self.severity = Some(severity);
        self
    }

    /// Adds specifics to the finding's message.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Finding {
        self.detail = Some(detail.into());
        self
    }

    /// The finding, borrowed.
    pub fn borrowed(&self) -> FindingRef<'_> {
        FindingRef {
            rule: self.rule,
            value: &self.value,
            detail: self.detail.as_deref(),
            severity: self.severity,
        }
    }
}

/// A finding whose texts are borrowed (from a stored row's bytes, or from a [`Finding`]): what
/// the writers read of findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FindingRef<'a> {
    /// Which rule.
    pub rule: RuleId,
    /// The offending value as the user wrote it (or a short excerpt).
    pub value: &'a str,
    /// Specifics beyond the rule's catalogue message, if any.
    pub detail: Option<&'a str>,
    /// A severity this row's context imposes.
    pub severity: Option<Severity>,
}

/// What happens to a row; every row gets exactly one (SPEC §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Another row of the input is the same customer and was kept instead.
    Duplicate,
    /// Already a Partner Center customer: request a relationship instead.
    Existing,
    /// At least one error.
    Rejected,
    /// Valid, and an education institution.
    Education,
    /// Ready to create.
    Clean,
}

impl Outcome {
    /// Every outcome, in routing precedence order.
    pub const ALL: [Outcome; 5] =
        [Outcome::Duplicate, Outcome::Existing, Outcome::Rejected, Outcome::Education, Outcome::Clean];

    /// The lower-case name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Duplicate => "duplicate",
            Outcome::Existing => "existing",
            Outcome::Rejected => "rejected",
            Outcome::Education => "education",
            Outcome::Clean => "clean",
        }
    }
}
