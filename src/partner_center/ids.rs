//! Request and correlation IDs (`headers.md`). `MS-RequestId` makes a request idempotent: "if
//! there's a timeout, the retry call should include the same value". So a row's ID is derived
//! from what the row sends: the same row gives the same ID in every attempt and every rerun,
//! and a corrected row (another body) is another request. `MS-CorrelationId` is one per run,
//! as the .NET SDK's scoped operations do, so that a run can be found in Partner Center's logs.

/// The request ID of one step of one row: a GUID from the BLAKE3 hash of the step's name and
/// its parts (the request body, and the customer for an agreement). It is a version-8
/// ("custom") UUID: a GUID to Partner Center, and honest about not being random.
pub fn request_id(step: &str, parts: &[&str]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(b"pc-onboard request v1\0");
    h.update(step.as_bytes());
    for p in parts {
        // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
        h.update(&(p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&h.finalize().as_bytes()[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid().hyphenated().to_string()
}

/// A random GUID: the run's correlation ID, and the request ID of a read (a GET, which
/// changes nothing and so needs no derived ID).
pub fn random_id() -> String {
    uuid::Uuid::new_v4().hyphenated().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_row_gives_the_same_id_and_another_row_another() {
        let body = r#"{"companyProfile":{"domain":"contoso.onmicrosoft.com"}}"#;
        let a = request_id("customer", &[body]);
        assert_eq!(a, request_id("customer", &[body]));
        assert_ne!(a, request_id("customer", &[&body.replace("contoso", "fabrikam")]));
        assert_ne!(a, request_id("agreement", &[body]));
        assert_ne!(request_id("s", &["ab", "c"]), request_id("s", &["a", "bc"]));
    }

    #[test]
    fn ids_are_guids() {
        for id in [request_id("customer", &["{}"]), random_id()] {
            let parsed = uuid::Uuid::parse_str(&id).unwrap();
            assert_eq!(id.len(), 36);
            assert_eq!(parsed.hyphenated().to_string(), id);
        }
        assert_eq!(uuid::Uuid::parse_str(&request_id("x", &[])).unwrap().get_version_num(), 8);
        assert_ne!(random_id(), random_id());
    }
}
