//! The data that flows through the pipeline: fields, records, findings and outcomes.

mod cells;
mod field;
mod record;

pub use cells::Cells;
pub use field::Field;
pub use record::{Customer, Finding, Outcome, RawRow, RowPos};
