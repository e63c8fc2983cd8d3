//! The data that flows through the pipeline: fields, records, rows, findings and outcomes, and
//! the rule catalogue (every rule's code, severity and message: vocabulary, not logic).

pub mod catalogue;
mod cells;
mod field;
mod field_set;
mod record;
mod row;

pub use cells::Cells;
pub use field::Field;
pub use field_set::FieldSet;
pub use record::{Customer, Finding, FindingRef, Outcome, RawRow, RowPos};
pub use row::{Row, RowFacts};
