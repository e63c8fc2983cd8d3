//! Microsoft Customer Agreement rules: acceptance recorded (a warning by default), a date that is
//! there, readable and not in the future, and a signatory with name and e-mail when acceptance is
//! claimed: what the attestation in `clean/agreements.jsonl` needs.

use super::RowCtx;
use crate::model::catalogue::RuleId;
use crate::model::{Field, Finding};
use crate::normalize::{dates, parse_bool};

/// Whether a row records acceptance: its flag says yes, or it has no flag but a date.
pub fn accepted(flag: &str, date: &str) -> bool {
    match parse_bool(flag) {
        Some(b) => b,
        // A recorded date means acceptance even where no flag column exists.
        None => flag.is_empty() && !date.is_empty(),
    }
}

/// Runs the agreement rules.
pub fn check(ctx: &RowCtx, out: &mut Vec<Finding>) {
    let accepted_raw = ctx.value(Field::McaAccepted);
    let date_raw = ctx.value(Field::McaDate);
    if !accepted(accepted_raw, date_raw) {
        let mut f = Finding::new(RuleId::AgreementMissing, ctx.raw(Field::McaAccepted));
        if !accepted_raw.is_empty() && parse_bool(accepted_raw).is_none() {
            f = f.with_detail(format!("'{accepted_raw}' is not read as yes or no"));
        }
        out.push(f);
        return;
    }
    if date_raw.is_empty() {
        // Partner Center's attestation (POST …/agreements) cannot be made without dateAgreed.
        out.push(Finding::new(RuleId::AgreementDateMissing, ""));
    } else {
        match dates::parse(date_raw) {
            None => out.push(Finding::new(RuleId::AgreementDateInvalid, ctx.raw(Field::McaDate))),
            Some(d) if d > ctx.today => out.push(
                Finding::new(RuleId::AgreementDateFuture, ctx.raw(Field::McaDate))
                    .with_detail(format!("{d} is after {}", ctx.today)),
            ),
            Some(_) => {}
        }
    }
    let signatory = [
        (Field::McaSignatoryFirstName, RuleId::AgreementSignatoryFirstNameMissing),
        (Field::McaSignatoryLastName, RuleId::AgreementSignatoryLastNameMissing),
        (Field::McaSignatoryEmail, RuleId::AgreementSignatoryEmailMissing),
    ];
    for (field, rule) in signatory {
        if ctx.value(field).is_empty() {
            out.push(Finding::new(rule, ""));
        }
    }
    let email = ctx.value(Field::McaSignatoryEmail);
    if !email.is_empty() {
        if let Err(why) = super::email::syntax(email) {
            out.push(
                Finding::new(RuleId::AgreementSignatoryEmailSyntax, ctx.raw(Field::McaSignatoryEmail))
                    .with_detail(why),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Field::*;
    use crate::rules::testing::{codes, codes_with, Case};

    #[test]
    fn agreement_rules() {
        let cases: &[Case] = &[
            (&[], &[]),
            (&[(McaAccepted, ""), (McaDate, "")], &["agreement.missing"]),
            (&[(McaAccepted, "no")], &["agreement.missing"]),
            (&[(McaAccepted, "maybe"), (McaDate, "")], &["agreement.missing"]),
            (&[(McaAccepted, "")], &[]),
            (&[(McaDate, "")], &["agreement.date.missing!"]),
            (&[(McaAccepted, "TRUE"), (McaDate, "")], &["agreement.date.missing!"]),
            (&[(McaAccepted, "no"), (McaDate, "")], &["agreement.missing"]),
            (&[(McaDate, "2035-01-01")], &["agreement.date_future!"]),
            (&[(McaDate, "Q2 2024")], &["agreement.date_invalid!"]),
            (&[(McaDate, "15.03.2024")], &[]),
            (
                &[
                    (McaSignatoryFirstName, ""),
                    (McaSignatoryLastName, "Meier"),
                    (McaSignatoryEmail, "m@contoso.de"),
                ],
                &["agreement.signatory.first_name.missing!"],
            ),
            (
                &[(McaSignatoryFirstName, "Jo"), (McaSignatoryLastName, ""), (McaSignatoryEmail, "")],
                &["agreement.signatory.last_name.missing!", "agreement.signatory.email.missing!"],
            ),
            (
                &[
                    (McaSignatoryFirstName, "Jo"),
                    (McaSignatoryLastName, "Meier"),
                    (McaSignatoryEmail, "jo at contoso"),
                ],
                &["agreement.signatory.email.syntax!"],
            ),
        ];
        for (changes, want) in cases {
            assert_eq!(codes(changes), want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{changes:?}");
        }
        let strict = "[agreement]\nmissing_is_error = true\n";
        assert_eq!(codes_with(&[(McaAccepted, "no")], strict), vec!["agreement.missing!"]);
    }
}
