//! Reading the clean folder back.

use super::*;

const CSV: &str = "source_file,source_sheet,source_row,source_id,company_name,domain\n\
                   in.csv,,2,A1,Contoso,contoso\n\
                   book.xlsx,EMEA,5,,Fabrikam,fabrikam\n\
                   in.csv,,9,A9,Contoso,contoso\n";

fn body(domain: &str, extra: &str) -> String {
    format!(
        r#"{{"billingProfile":{{"companyName":"{domain} Ltd"}},"companyProfile":{{"domain":"{domain}.onmicrosoft.com"}}{extra}}}"#
    )
}

fn folder(csv: &str, bodies: &[String], agreements: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("clean")).unwrap();
    std::fs::write(dir.path().join("clean/customers.csv"), csv).unwrap();
    std::fs::write(dir.path().join("clean/customers.jsonl"), bodies.join("\n") + "\n").unwrap();
    std::fs::write(dir.path().join("clean/agreements.jsonl"), agreements.join("\n") + "\n").unwrap();
    dir
}

#[test]
fn lines_carry_their_source_their_bodies_and_their_ids() {
    let bodies = [
        body("contoso", ""),
        body("fabrikam", r#","associatedPartnerId":"484e548c-f5f3-4528-93a9-c16c6373cb59""#),
        body("contoso", ""),
    ];
    let dir = folder(CSV, &bodies, &[r#"{"type":"MicrosoftCustomerAgreement"}"#, "null", "null"]);
    let lines = load(dir.path()).unwrap();
    assert_eq!(lines.len(), 3);
    let l1 = &lines[0];
    assert_eq!((l1.n, l1.source[0].as_str(), l1.source[2].as_str()), (1, "in.csv", "2"));
    assert_eq!((l1.company.as_str(), l1.domain.as_str()), ("contoso Ltd", "contoso.onmicrosoft.com"));
    assert_eq!(l1.body, bodies[0], "the body is sent exactly as written");
    assert_eq!(l1.agreement.as_deref(), Some(r#"{"type":"MicrosoftCustomerAgreement"}"#));
    assert_eq!(lines[1].source[1], "EMEA");
    assert!(lines[1].indirect && !l1.indirect);
    assert_eq!(lines[1].agreement, None);
    assert_eq!(lines[2].same_as, Some(1), "the same body twice is one customer");
    assert_eq!(lines[2].request_id, l1.request_id);
    assert_ne!(lines[1].request_id, l1.request_id);
    assert_ne!(agreement_request_id("c-1", "{}"), agreement_request_id("c-2", "{}"));
}

#[test]
fn broken_clean_folders_are_refused_with_the_place() {
    let ok = [body("a", ""), body("b", ""), body("c", "")];
    let nulls = ["null", "null", "null"];
    let cases: Vec<(tempfile::TempDir, &str)> = vec![
        (folder(CSV, &ok[..2], &nulls), "disagree"),
        (folder(CSV, &ok, &nulls[..2]), "disagree"),
        (folder(CSV, &[ok[0].clone(), "{not json".into(), ok[2].clone()], &nulls), "customers.jsonl, row 2"),
        (folder(CSV, &[ok[0].clone(), ok[1].clone(), "{}".into()], &nulls), "customers.jsonl, row 3"),
        (folder(CSV, &ok, &["null", "3", "null"]), "agreements.jsonl, row 2"),
        (folder("a,b\n1,2\n", &ok[..1], &nulls[..1]), "no source_file column"),
    ];
    for (dir, says) in cases {
        let err = load(dir.path()).unwrap_err().to_string();
        assert!(err.contains(says), "{err}");
    }
    let empty = tempfile::tempdir().unwrap();
    assert!(load(empty.path()).unwrap_err().to_string().contains("missing"));
}
