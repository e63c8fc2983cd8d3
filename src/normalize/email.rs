//! E-mail addresses: trimmed, `mailto:` and angle brackets removed, domain lower-cased.

/// Normalises an address; the local part keeps its case (it may matter to the mail server).
pub fn normalize(raw: &str) -> String {
    let mut s = raw.trim();
    if let Some(rest) = s.get(..7).filter(|p| p.eq_ignore_ascii_case("mailto:")).map(|_| &s[7..]) {
        s = rest.trim();
    }
    let s = s.trim_start_matches('<').trim_end_matches('>').trim();
    match s.rsplit_once('@') {
        Some((local, domain)) => {
            // Written in place: every row's address passes here (`format!` and a lower-case
            // copy of the domain were two allocations and the formatting machinery).
            let domain = domain.trim_end_matches('.');
            let mut out = String::with_capacity(local.len() + 1 + domain.len());
            out.push_str(local);
            out.push('@');
            if domain.is_ascii() {
                let at = out.len();
                out.push_str(domain);
                out[at..].make_ascii_lowercase();
            } else {
                out.push_str(&domain.to_lowercase());
            }
            out
        }
        None => s.to_string(),
    }
}

/// The domain of a normalised address (after the last `@`), if any.
pub fn domain(email: &str) -> Option<&str> {
    email.rsplit_once('@').map(|(_, d)| d).filter(|d| !d.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_normalise() {
        let cases = [
            ("  Anna.Meier@Contoso.COM ", "Anna.Meier@contoso.com"),
            ("mailto:info@Fabrikam.de", "info@fabrikam.de"),
            ("<bob@EXAMPLE.org>", "bob@example.org"),
            ("no-at-sign", "no-at-sign"),
            ("x@y.com.", "x@y.com"),
            ("José@Bücher.DE", "José@bücher.de"),
            ("a@b@ÉXAMPLE.COM.", "a@b@éxample.com"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize(raw), want, "{raw:?}");
        }
        assert_eq!(domain("a@b.com"), Some("b.com"));
        assert_eq!(domain("a@"), None);
    }
}
