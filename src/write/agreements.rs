//! `clean/agreements.jsonl`: the Microsoft Customer Agreement attestation for each clean row
//! (`confirm-customer-consent-customer-agreement.md`), in the same order as
//! `clean/customers.jsonl`. Once line N's customer exists, send line N of this file as
//! `POST /v1/customers/{customer-tenant-id}/agreements`. A clean row that records no acceptance
//! (`agreement.missing`) has `null` on its line: there is nothing to attest, and the customer
//! must accept in the Microsoft 365 admin center before anything can be ordered for it.

use super::{AtomicFile, RunData};
use crate::error::{Error, Result};
use crate::model::{Field, Outcome};
use crate::rules::agreement;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// The Agreement resource's type for the Microsoft Customer Agreement.
const MCA: &str = "MicrosoftCustomerAgreement";

// Fields in alphabetical order, as in customers.jsonl; only the four properties the docs list
// as the minimum (userId is derived from the partner user's token).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Attestation<'a> {
    date_agreed: String,
    primary_contact: Contact<'a>,
    template_id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Contact<'a> {
    email: &'a str,
    first_name: &'a str,
    last_name: &'a str,
}

/// Writes the attestation bodies.
pub fn write(data: &RunData, path: &Path) -> Result<()> {
    let io = |source| Error::Output { path: path.to_owned(), source };
    let mut out = AtomicFile::create(path)?;
    let template = data.cfg.profile.agreement_template_id.as_str();
    // Read in place: the values go into the attestation as stored. Each line is made in
    // memory and written whole: serde writes a body a few bytes at a time.
    let mut line = Vec::with_capacity(256);
    data.rows.peek_rows(data.with_outcome(Outcome::Clean), |_, row| {
        line.clear();
        write_line(|f| row.value(f), template, &mut line).map_err(io)?;
        out.write_all(&line).map_err(io)
    })?;
    out.commit()
}

/// One line for the customer whose values `get` gives: the body, or `null` when the row
/// records no acceptance.
fn write_line<'a>(
    get: impl Fn(Field) -> &'a str,
    template: &'a str,
    out: &mut impl Write,
) -> std::io::Result<()> {
    match attestation(get, template) {
        Some(body) => serde_json::to_writer(&mut *out, &body)?,
        None => out.write_all(b"null")?,
    }
    out.write_all(b"\n")
}

/// The attestation of a clean row, if it records acceptance. Its date was checked by the rules
/// (`YYYY-MM-DD` in the clean row); it becomes midnight UTC, as in the docs' example.
fn attestation<'a>(get: impl Fn(Field) -> &'a str, template: &'a str) -> Option<Attestation<'a>> {
    let date = get(Field::McaDate);
    if !agreement::accepted(get(Field::McaAccepted), date) || date.len() != 10 {
        return None;
    }
    Some(Attestation {
        date_agreed: format!("{date}T00:00:00.000Z"),
        primary_contact: Contact {
            email: get(Field::McaSignatoryEmail),
            first_name: get(Field::McaSignatoryFirstName),
            last_name: get(Field::McaSignatoryLastName),
        },
        template_id: template,
        kind: MCA,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Customer;

    fn customer(changes: &[(Field, &str)]) -> Customer {
        let mut values = vec![String::new(); Field::COUNT];
        for (f, v) in changes {
            values[f.index()] = v.to_string();
        }
        Customer::from_values(values)
    }

    #[test]
    fn one_line_per_clean_row() {
        let signed = [
            (Field::McaAccepted, "true"),
            (Field::McaDate, "2024-01-15"),
            (Field::McaSignatoryFirstName, "Anna"),
            (Field::McaSignatoryLastName, "Schmidt"),
            (Field::McaSignatoryEmail, "anna@contoso.de"),
        ];
        let t = "117a77b0-9360-443b-8795-c6dedc750cf9";
        let cases: &[(&[(Field, &str)], &str)] = &[
            (
                &signed,
                r#"{"dateAgreed":"2024-01-15T00:00:00.000Z","primaryContact":{"email":"anna@contoso.de","firstName":"Anna","lastName":"Schmidt"},"templateId":"117a77b0-9360-443b-8795-c6dedc750cf9","type":"MicrosoftCustomerAgreement"}"#,
            ),
            (&[(Field::McaAccepted, "false"), (Field::McaDate, "2024-01-15")], "null"),
            (&[(Field::McaAccepted, ""), (Field::McaDate, "")], "null"),
            (&[(Field::McaAccepted, "true"), (Field::McaDate, "")], "null"),
        ];
        for (changes, want) in cases {
            let mut out = Vec::new();
            let c = customer(changes);
            write_line(|f| c.get(f), t, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), format!("{want}\n"), "{changes:?}");
        }
    }
}
