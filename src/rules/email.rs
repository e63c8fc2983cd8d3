//! Contact e-mail rules: required, well-formed, not Microsoft's, not the partner's own domain,
//! and (a warning, an error for education customers) not a free mailbox; for education
//! customers, not an `.onmicrosoft.com` address either.

use super::RowCtx;
use crate::model::catalogue::{RuleId, Severity};
use crate::model::{Field, Finding};
use crate::normalize::email::domain;
use std::sync::OnceLock;

/// Runs the contact e-mail rules.
pub fn check(ctx: &RowCtx, out: &mut Vec<Finding>) {
    let email = ctx.value(Field::ContactEmail);
    let raw = ctx.raw(Field::ContactEmail);
    if email.is_empty() {
        out.push(Finding::new(RuleId::EmailMissing, raw));
        return;
    }
    if let Err(why) = syntax(email) {
        out.push(Finding::new(RuleId::EmailSyntax, raw).with_detail(why));
        return;
    }
    let Some(d) = domain(email) else { return };
    if is_or_under(d, "microsoft.com") {
        out.push(Finding::new(RuleId::EmailMicrosoftDomain, raw));
    }
    if ctx.profile.email_domains.iter().any(|p| is_or_under(d, p)) {
        out.push(
            Finding::new(RuleId::EmailPartnerDomain, raw).with_detail(format!("'{d}' is the partner's")),
        );
    }
    if ctx.education && is_or_under(d, "onmicrosoft.com") {
        // Microsoft's education page: the entity e-mail may be neither a free mailbox nor an
        // "on.microsoft.com" address (the tenant's initial domain, not the institution's).
        out.push(
            Finding::new(RuleId::EmailOnMicrosoftDomain, raw)
                .with_detail(format!("'{d}' is a Microsoft tenant domain, not the institution's")),
        );
    }
    if is_free_provider(d) {
        let mut f =
            Finding::new(RuleId::EmailFreeProvider, raw).with_detail(format!("'{d}' is a free mailbox"));
        if ctx.education {
            f = f.with_severity(Severity::Error).with_detail(format!(
                "'{d}' is a free mailbox; education customers need an address at the institution's domain"
            ));
        }
        out.push(f);
    }
}

/// Checks an address's syntax; Err says what is wrong.
pub fn syntax(email: &str) -> Result<(), &'static str> {
    if email.chars().any(char::is_whitespace) {
        return Err("contains a space");
    }
    let Some((local, d)) = email.rsplit_once('@') else {
        return Err("has no '@'");
    };
    if local.is_empty() {
        return Err("nothing before the '@'");
    }
    if !email_address::EmailAddress::is_valid(email) {
        return Err("not a valid address");
    }
    if d.starts_with('[') {
        return Err("an IP address is not accepted as the domain");
    }
    let labels: Vec<&str> = d.split('.').collect();
    if labels.len() < 2 {
        return Err("the domain has no dot");
    }
    let tld = labels[labels.len() - 1];
    if tld.chars().count() < 2 || tld.chars().all(|c| c.is_ascii_digit()) {
        return Err("the domain does not end in a valid top-level domain");
    }
    if labels.iter().any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-')) {
        return Err("the domain is malformed");
    }
    Ok(())
}

/// `domain` is `parent` or a subdomain of it.
pub fn is_or_under(domain: &str, parent: &str) -> bool {
    domain == parent || domain.strip_suffix(parent).is_some_and(|head| head.ends_with('.'))
}

fn providers() -> &'static (Vec<&'static str>, Vec<&'static str>) {
    static LIST: OnceLock<(Vec<&'static str>, Vec<&'static str>)> = OnceLock::new();
    LIST.get_or_init(|| {
        let text = include_str!("../../data/free_email_providers.txt");
        let mut exact = Vec::new();
        let mut any_tld = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            match line.strip_suffix(".*") {
                Some(name) => any_tld.push(name),
                None => exact.push(line),
            }
        }
        exact.sort_unstable();
        (exact, any_tld)
    })
}

/// Whether the domain belongs to a free mailbox provider.
pub fn is_free_provider(domain: &str) -> bool {
    let (exact, any_tld) = providers();
    if exact.binary_search(&domain).is_ok() {
        return true;
    }
    // "yahoo.*" matches yahoo.com, yahoo.co.uk, …: the name, then one or two short labels.
    any_tld.iter().any(|name| {
        domain.strip_prefix(name).and_then(|r| r.strip_prefix('.')).is_some_and(|tld| {
            let parts: Vec<&str> = tld.split('.').collect();
            (1..=2).contains(&parts.len()) && parts.iter().all(|p| (2..=3).contains(&p.len()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_is_checked() {
        let cases: &[(&str, bool)] = &[
            ("anna@contoso.com", true),
            ("first.last+tag@sub.contoso.co.uk", true),
            ("Anna@contoso.com", true),
            ("anna@", false),
            ("@contoso.com", false),
            ("anna contoso.com", false),
            ("anna@contoso", false),
            ("anna@@contoso.com", false),
            ("anna@contoso..com", false),
            ("anna@[10.0.0.1]", false),
            ("anna@contoso.c", false),
            ("anna@-contoso.com", false),
        ];
        for (email, ok) in cases {
            assert_eq!(syntax(email).is_ok(), *ok, "{email:?}");
        }
    }

    #[test]
    fn education_customers_need_the_institutions_own_domain() {
        use crate::model::Field::*;
        use crate::rules::testing::{codes, Case};
        let edu = (Segment, "Education");
        let cases: &[Case] = &[
            (&[edu], &[]),
            (&[edu, (ContactEmail, "it@contoso.onmicrosoft.com")], &["email.onmicrosoft_domain!"]),
            (&[edu, (ContactEmail, "it@CONTOSO.OnMicrosoft.com")], &["email.onmicrosoft_domain!"]),
            (&[edu, (ContactEmail, "anna@gmail.com")], &["email.free_provider!"]),
            (&[edu, (ContactEmail, "it@on.microsoft.com")], &["email.microsoft_domain!"]),
            (&[(ContactEmail, "it@contoso.onmicrosoft.com")], &[]),
            (&[(ContactEmail, "anna@gmail.com")], &["email.free_provider"]),
        ];
        for (changes, want) in cases {
            assert_eq!(codes(changes), want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{changes:?}");
        }
    }

    #[test]
    fn providers_and_domains() {
        for (d, free) in [
            ("gmail.com", true),
            ("yahoo.co.uk", true),
            ("yahoo.de", true),
            ("outlook.com", true),
            ("hotmail.fr", true),
            ("contoso.com", false),
            ("yahoo.contoso.com", false),
            ("mygmail.com", false),
        ] {
            assert_eq!(is_free_provider(d), free, "{d}");
        }
        assert!(is_or_under("microsoft.com", "microsoft.com"));
        assert!(is_or_under("eu.microsoft.com", "microsoft.com"));
        assert!(!is_or_under("notmicrosoft.com", "microsoft.com"));
    }
}
