//! Phone rules: required for the 24 registration-ID countries; a number not valid for the
//! record's country is an error there and a warning elsewhere.

use super::RowCtx;
use crate::model::catalogue::{RuleId, Severity};
use crate::model::{Field, Finding};
use crate::normalize::phone::PhoneCheck;
use crate::registration_id;

/// Runs the phone rules.
pub fn check(ctx: &RowCtx, out: &mut Vec<Finding>) {
    let Some(cc) = ctx.country else { return };
    let required = registration_id::is_required(cc);
    let raw = ctx.raw(Field::ContactPhone);
    let mut detail = match ctx.phone {
        PhoneCheck::Valid => return,
        PhoneCheck::Empty => {
            if required {
                out.push(Finding::new(RuleId::PhoneMissing, ""));
            }
            return;
        }
        PhoneCheck::OtherCountry => format!("a valid number, but not of {cc}"),
        PhoneCheck::Invalid => format!("not a valid number in {cc}"),
    };
    if crate::normalize::phone::for_request(cc, ctx.value(Field::ContactPhone)).is_none() {
        // Partner Center's pattern (US, CA) takes national digits only: say what the request does.
        detail.push_str("; left out of the request, where Partner Center's pattern cannot take it");
    }
    let mut f = Finding::new(RuleId::PhoneInvalid, raw).with_detail(detail);
    if !required {
        f = f.with_severity(Severity::Warning);
    }
    out.push(f);
}

#[cfg(test)]
mod tests {
    use crate::model::Field::*;
    use crate::rules::testing::codes;

    #[test]
    fn phone_rules() {
        let ru = |phone: &'static str| {
            codes(&[
                (Country, "RU"),
                (City, "Москва"),
                (PostalCode, "125009"),
                (RegistrationId, "7707083893"),
                (ContactPhone, phone),
            ])
        };
        assert_eq!(ru("+7 495 123-45-67"), Vec::<String>::new());
        assert_eq!(ru(""), vec!["phone.missing!"]);
        assert_eq!(ru("12345"), vec!["phone.invalid!"]);
        assert_eq!(ru("+49 30 901820"), vec!["phone.invalid!"], "a valid number of another country");
        // Outside the 24 countries a phone is optional and a bad one only a warning.
        assert_eq!(codes(&[(ContactPhone, "")]), Vec::<String>::new());
        assert_eq!(codes(&[(ContactPhone, "12")]), vec!["phone.invalid"]);
    }
}
