//! Microsoft Customer Agreement rules: acceptance recorded (a warning by default), a readable
//! date not in the future, and a signatory with name and e-mail when acceptance is claimed.

use super::RowCtx;
use crate::model::{Field, Finding};
use crate::normalize::{dates, parse_bool};
use crate::rules::catalogue::RuleId;

/// Runs the agreement rules.
pub fn check(ctx: &RowCtx, out: &mut Vec<Finding>) {
    let accepted_raw = ctx.value(Field::McaAccepted);
    let date_raw = ctx.value(Field::McaDate);
    let accepted = match parse_bool(accepted_raw) {
        Some(b) => b,
        // A recorded date means acceptance even where no flag column exists.
        None => accepted_raw.is_empty() && !date_raw.is_empty(),
    };
    if !accepted {
        let mut f = Finding::new(RuleId::AgreementMissing, ctx.raw(Field::McaAccepted));
        if !accepted_raw.is_empty() && parse_bool(accepted_raw).is_none() {
            f = f.with_detail(format!("'{accepted_raw}' is not read as yes or no"));
        }
        out.push(f);
        return;
    }
    if !date_raw.is_empty() {
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
