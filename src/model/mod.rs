//! The data that flows through the pipeline: fields, records, findings and outcomes.

mod cells;
mod field;
mod field_set;
mod record;

pub use cells::Cells;
pub use field::Field;
pub use field_set::FieldSet;
pub use record::{Customer, Finding, Outcome, RawRow, RowPos};
