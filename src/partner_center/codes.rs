//! Partner Center's error answers (`error-codes.md`), explained like findings: the documented
//! error code, the rule of `pc-onboard rules` that should have caught it (so the row can be
//! fixed where every other finding is fixed), and what to do.

use crate::model::catalogue::{RuleId, RULES};

/// One documented error code that a create-customer or agreement request can meet.
struct Known {
    code: &'static str,
    /// The catalogue rule it corresponds to, if any.
    rule: Option<&'static str>,
    /// What to do; empty means "the rule's own fix".
    fix: &'static str,
}

/// The documented codes that concern `POST /v1/customers`, `…/agreements` and reads.
const KNOWN: &[Known] = &[
    Known { code: "600049", rule: Some("registration_id.missing"), fix: "" },
    Known { code: "600050", rule: Some("registration_id.format"), fix: "" },
    Known { code: "600002", rule: Some("registration_id.not_accepted"), fix: "" },
    Known { code: "600051", rule: Some("phone.missing"), fix: "" },
    Known { code: "13605", rule: Some("agreement.missing"), fix: "" },
    Known {
        code: "800016",
        rule: Some("reseller.invalid"),
        fix: "Use the reseller's tenant ID (its Microsoft ID on Partner Center's Indirect resellers page) as associatedPartnerId",
    },
    Known {
        code: "900123",
        rule: None,
        fix: "The indirect reseller must accept the Microsoft Partner Agreement before customers can be created for it",
    },
    Known {
        code: "900124",
        rule: None,
        fix: "Your company's global admin must accept the Microsoft Partner Agreement in Partner Center; then run push again",
    },
    Known {
        code: "900150",
        rule: None,
        fix: "The account that gave the consent needs the Admin agent role in Partner Center",
    },
    Known {
        code: "2032",
        rule: None,
        fix: "Access denied: the account that gave the consent needs the Admin agent role in Partner Center",
    },
    Known {
        code: "3000",
        rule: None,
        fix: "A property of the request is invalid: the description names it; fix that column and run pc-onboard run again",
    },
    Known {
        code: "800002",
        rule: None,
        fix: "The request was refused as invalid: the description says which value; fix that column and run pc-onboard run again",
    },
];

/// A refused request, explained.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Explained {
    /// Partner Center's error code (empty when the answer had none).
    pub code: String,
    /// The catalogue rule it corresponds to (empty when none).
    pub rule: String,
    /// Partner Center's description.
    pub message: String,
    /// What to do.
    pub fix: String,
}

/// Explains an error answer: `status` and its body (`{"code", "description", …}`, or the
/// 429's `{"statusCode", "message"}`, or anything else).
pub fn explain(status: u16, body: &str) -> Explained {
    let json: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let text = |k: &str| match json.get(k) {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let code = text("code").or_else(|| text("errorCode")).unwrap_or_default();
    let message =
        text("description").or_else(|| text("message")).unwrap_or_else(|| cut(body.trim(), 300).to_string());
    explain_code(status, &code, &message)
}

/// Explains an error from its parts (a journal line keeps the code and the description).
pub fn explain_code(status: u16, code: &str, message: &str) -> Explained {
    let known = KNOWN.iter().find(|k| k.code == code);
    let rule = known.and_then(|k| k.rule).unwrap_or("");
    let fix = match known {
        Some(k) if !k.fix.is_empty() => k.fix.to_string(),
        Some(_) => RuleId::from_code(rule).map(|id| RULES[id as usize].fix.to_string()).unwrap_or_default(),
        None => generic_fix(status).to_string(),
    };
    Explained { code: code.to_string(), rule: rule.to_string(), message: one_line(message), fix }
}

/// What to do about a status without a documented code.
fn generic_fix(status: u16) -> &'static str {
    match status {
        400 => "Partner Center refused the values: fix the column the message names and run pc-onboard run again",
        401 | 403 => "The account that gave the consent needs the Admin agent role; for indirect resellers, App+User authentication and a partnership with the reseller",
        404 => "Not found: check that the customer exists and belongs to you",
        409 => "Conflict: the customer or domain may exist already; look it up with pc-onboard pull",
        429 => "Throttled again and again: run push again later (it resumes)",
        500..=599 => "Partner Center failed again and again: run push again later (it resumes)",
        0 => "No answer (network): run push again later (it resumes, with the same request IDs)",
        _ => "See Partner Center's error codes (error-codes.md) and the description",
    }
}

/// The text on one line, at most a few hundred characters (descriptions can hold line breaks).
fn one_line(s: &str) -> String {
    cut(&s.split_whitespace().collect::<Vec<_>>().join(" "), 1024).to_string()
}

/// At most `max` bytes, cut on a character boundary.
fn cut(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_named_exists_and_every_code_has_a_fix() {
        for k in KNOWN {
            if let Some(rule) = k.rule {
                assert!(RuleId::from_code(rule).is_some(), "{} names unknown rule {rule}", k.code);
            }
            assert!(!explain(400, &format!(r#"{{"code":"{}","description":"d"}}"#, k.code)).fix.is_empty());
        }
    }

    #[test]
    fn answers_are_explained() {
        let cases = [
            (
                400,
                r#"{"code":"600049","description":"Organization registration id information is missing","source":"PartnerCenter"}"#,
                "600049",
                "registration_id.missing",
                "Organization registration id information is missing",
            ),
            (
                400,
                r#"{"code":600051,"description":"Customer phone number is missing"}"#,
                "600051",
                "phone.missing",
                "Customer phone number is missing",
            ),
            (
                429,
                r#"{ "statusCode": 429, "message": "Rate limit is exceeded. Try again in 57 seconds." }"#,
                "",
                "",
                "Rate limit is exceeded. Try again in 57 seconds.",
            ),
            (502, "<html>\n Bad gateway </html>", "", "", "<html> Bad gateway </html>"),
            (
                400,
                r#"{"code":"3000","description":"Invalid property\r\nDomain"}"#,
                "3000",
                "",
                "Invalid property Domain",
            ),
        ];
        for (status, body, code, rule, message) in cases {
            let e = explain(status, body);
            assert_eq!(
                (e.code.as_str(), e.rule.as_str(), e.message.as_str()),
                (code, rule, message),
                "{body}"
            );
            assert!(!e.fix.is_empty());
        }
        let fix = explain(400, r#"{"code":"600049"}"#).fix;
        let id = RuleId::from_code("registration_id.missing").unwrap();
        assert_eq!(fix, RULES[id as usize].fix, "a mapped code takes the rule's fix");
    }
}
