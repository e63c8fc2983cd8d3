//! Tenant IDs (an indirect reseller's Microsoft ID, a GUID) in the one form Partner Center takes.
//! Normalisation writes the column this way; the profile's `associated_partner_id` is read the
//! same way, and the reseller rules reject what is not one.

/// A tenant ID in canonical form (lower-case `8-4-4-4-12` hex), from the ways CRMs write one:
/// any case, in braces, as a URN, or as 32 hex digits without dashes.
pub fn tenant_id(written: &str) -> Option<String> {
    let s = written.trim();
    let s = s.strip_prefix("urn:uuid:").or_else(|| s.strip_prefix("URN:UUID:")).unwrap_or(s);
    let s = s.strip_prefix('{').and_then(|r| r.strip_suffix('}')).unwrap_or(s);
    let hex: String = s.chars().filter(|c| *c != '-').collect();
    let dashes_in_place =
        s.len() == 32 || (s.len() == 36 && [8, 13, 18, 23].iter().all(|&i| s.as_bytes()[i] == b'-'));
    if hex.len() != 32 || !dashes_in_place || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let h = hex.to_ascii_lowercase();
    Some(format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_ids_are_read_in_the_forms_crms_write() {
        let id = Some("484e548c-f5f3-4528-93a9-c16c6373cb59".to_string());
        for written in [
            "484e548c-f5f3-4528-93a9-c16c6373cb59",
            "484E548C-F5F3-4528-93A9-C16C6373CB59",
            " {484e548c-f5f3-4528-93a9-c16c6373cb59} ",
            "urn:uuid:484e548c-f5f3-4528-93a9-c16c6373cb59",
            "484e548cf5f3452893a9c16c6373cb59",
        ] {
            assert_eq!(tenant_id(written), id, "{written:?}");
        }
        for bad in [
            "",
            "1234567",
            "484e548c-f5f3-4528-93a9-c16c6373cb5",
            "484e548c-f5f3-4528-93a9-c16c6373cb5g",
            "484e548cf-5f3-4528-93a9-c16c6373cb59",
            "contoso",
        ] {
            assert_eq!(tenant_id(bad), None, "{bad:?}");
        }
    }
}
