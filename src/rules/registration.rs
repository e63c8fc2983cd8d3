//! Registration-ID rules: required, well-formed, check digit and business (not personal) ID
//! for the 24 countries; elsewhere a given ID is not sent to Partner Center.

use super::RowCtx;
use crate::model::catalogue::RuleId;
use crate::model::{Field, Finding};
use crate::registration_id::{self, Verdict};

/// Runs the registration-ID rules.
pub fn check(ctx: &RowCtx, out: &mut Vec<Finding>) {
    let Some(cc) = ctx.country else { return };
    let id = ctx.value(Field::RegistrationId);
    let raw = ctx.raw(Field::RegistrationId);
    if !registration_id::is_required(cc) {
        if !id.is_empty() {
            out.push(Finding::new(RuleId::RegistrationIdNotAccepted, raw));
        }
        return;
    }
    if id.is_empty() {
        out.push(Finding::new(RuleId::RegistrationIdMissing, ""));
        return;
    }
    match registration_id::validate(cc, id) {
        Verdict::Valid { .. } => {}
        Verdict::Format { expected } => out.push(
            Finding::new(RuleId::RegistrationIdFormat, raw).with_detail(format!("expected {expected}")),
        ),
        Verdict::Checksum { kind } => out.push(
            Finding::new(RuleId::RegistrationIdChecksum, raw).with_detail(format!("{kind} check digit")),
        ),
        Verdict::Personal { kind } => out.push(
            Finding::new(RuleId::RegistrationIdPersonal, raw).with_detail(format!("looks like {kind}")),
        ),
    }
}

/// Whether the row's registration ID goes into the create-customer request.
pub fn accepted(country: Option<&str>, id: &str) -> bool {
    !id.is_empty() && country.is_some_and(registration_id::is_required)
}

#[cfg(test)]
mod tests {
    use crate::model::Field::*;
    use crate::rules::testing::codes;

    fn ru(id: &'static str) -> Vec<String> {
        codes(&[
            (Country, "RU"),
            (City, "Москва"),
            (PostalCode, "125009"),
            (ContactPhone, "+7 495 123-45-67"),
            (RegistrationId, id),
        ])
    }

    #[test]
    fn registration_rules() {
        assert_eq!(ru("7707083893"), Vec::<String>::new());
        assert_eq!(ru("ИНН 7707 083 893"), Vec::<String>::new());
        assert_eq!(ru(""), vec!["registration_id.missing!"]);
        assert_eq!(ru("7707083894"), vec!["registration_id.checksum!"]);
        assert_eq!(ru("77070838"), vec!["registration_id.format!"]);
        assert_eq!(ru("500100732259"), vec!["registration_id.personal!"]);
        assert_eq!(codes(&[(RegistrationId, "DE123456789")]), vec!["registration_id.not_accepted"]);
    }
}
