//! What every human-facing output (rejections, duplicates, relationship requests, report.xlsx,
//! report.html) does to a value taken from the input: under `--redact` identifiers are masked,
//! then spreadsheet formulas are neutralised. Machine outputs never come through here.

use super::guard::guard;
use super::RunData;
use crate::model::{Field, FindingRef};
use crate::normalize::raw_value;
use crate::report::redact::{self, RowMask};
use std::borrow::Cow;

/// A value of `field` (None: a column that feeds no sensitive field) for people.
pub fn field(data: &RunData, field: Option<Field>, value: &str) -> String {
    field_cow(data, field, value).into_owned()
}

/// [`field`], borrowing the value where nothing changes it (most values, when not redacting).
pub fn field_cow<'a>(data: &RunData, field: Option<Field>, value: &'a str) -> Cow<'a, str> {
    let v = match (data.cfg.redact, field.and_then(redact::kind)) {
        (false, _) => return guard(value),
        (true, Some(kind)) => Cow::Owned(redact::mask(kind, value)),
        // Any column may hold an address (a "Notes" or "Owner" column); hide those too.
        (true, None) => redact::scrub_emails(value),
    };
    Cow::Owned(guard(&v).into_owned())
}

/// The identifiers of row `i`, to mask in free text about it (None when not redacting).
pub fn row_mask(data: &RunData, i: usize) -> Option<RowMask> {
    if !data.cfg.redact {
        return None;
    }
    let row = data.rows.get(i);
    let map = &data.sources[row.raw.pos.source as usize].columns;
    let fields = [Field::ContactEmail, Field::McaSignatoryEmail, Field::ContactPhone, Field::RegistrationId];
    let raw = fields.iter().map(|f| (*f, raw_value(&row.raw, map, *f)));
    let normalised = fields.iter().map(|f| (*f, row.customer.get(*f)));
    Some(RowMask::new(raw.chain(normalised)))
}

/// Free text about a row (a message, a list of errors) for people.
pub fn text(mask: Option<&RowMask>, value: &str) -> String {
    match mask {
        Some(m) => guard(&m.text(value)).into_owned(),
        None => guard(value).into_owned(),
    }
}

/// A finding's value for people: masked by the kind of field its rule concerns; a whole-row
/// finding (a malformed row's excerpt) has every identifier of the row masked.
pub fn finding_value(mask: Option<&RowMask>, f: FindingRef) -> String {
    let Some(m) = mask else { return guard(f.value).into_owned() };
    match Field::from_name(f.rule.rule().field).and_then(redact::kind) {
        Some(kind) => guard(&redact::mask(kind, f.value)).into_owned(),
        None if f.rule.rule().field == "row" => guard(&redact::scrub_numbers(&m.text(f.value))).into_owned(),
        None => text(mask, f.value),
    }
}
