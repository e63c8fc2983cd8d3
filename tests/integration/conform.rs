//! Issue 15 end to end: what the request bodies carry for the forms Partner Center accepts
//! (cultures, US/CA phones, prefixed postcodes, ZIP+4), the attestation file, indirect
//! resellers, and outputs created with the usual permissions.

use crate::common::*;
use serde_json::Value;

const HEADER_PLUS: &str = "Company Name,Address,City,State,Postal Code,Country,First Name,Last Name,Email,Phone,Tax ID,Domain,MCA Accepted,MCA Date,Culture,Reseller Tenant ID";

/// Rows as `company,address,city,state,postal,country,phone,regid,domain,mca,date,culture,reseller`
/// (the contact is Anna Schmidt at the domain).
fn run(w: &Work, rows: &[&str], profile: &str) -> Vec<Value> {
    let mut text = format!("{HEADER_PLUS}\n");
    for row in rows {
        let f: Vec<&str> = row.split(',').collect();
        assert_eq!(f.len(), 13, "{row}");
        let contact = format!("Anna,Schmidt,anna@{}.example.com", f[8]);
        text.push_str(&format!("{},{contact},{}\n", f[..6].join(","), f[6..].join(",")));
    }
    w.write("in.csv", text);
    w.write("p.toml", profile);
    w.run_ok(&["run", "in.csv", "--config", "p.toml", "--out", "out", "--today", "2026-11-26", "-q"]);
    let bodies = std::fs::read_to_string(w.path("out/clean/customers.jsonl")).unwrap();
    bodies.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn rules_of(w: &Work, company: &str) -> Vec<String> {
    let rows = read_csv(&w.path("out/rejections/findings.csv"));
    let row = read_csv(&w.path("in.csv")).iter().position(|r| r["Company Name"] == company).unwrap() + 2;
    rows.iter().filter(|f| f["source_row"] == row.to_string()).map(|f| f["rule"].clone()).collect()
}

#[test]
fn bodies_carry_partner_centers_forms() {
    let w = Work::new();
    let rows: &[&str] = &[
        "Tailspin Toys Inc.,1 Main St,Denver,Colorado,80202 1234,US,(303) 555-0142,,tailspin,yes,2024-03-01,,",
        "Northwind Traders Ltd.,1 King St W,Toronto,ON,M5H 1A1,CA,+1 416 555 0188,,northwind,yes,2024-03-02,en-CA,",
        "Fabrikam SRL,Str. Ismail 1,Chișinău,,MD-2001,MD,+373 22 210 000,1008600038413,fabrikammd,yes,2024-03-03,,",
        "Lamna Consulting SIA,Brivibas iela 1,Riga,,1050,LV,,,lamnalv,yes,2024-03-04,,",
        "Nordlys Programvare AS,Karl Johans gate 1,Oslo,,0154,NO,,,nordlys,yes,2024-03-05,no-NO,",
    ];
    let bodies = run(&w, rows, "");
    let by_country = |cc: &str| {
        bodies.iter().find(|b| b["billingProfile"]["defaultAddress"]["country"] == cc).unwrap_or_else(|| {
            panic!("no clean {cc} body; findings: {:?}", read_csv(&w.path("out/rejections/findings.csv")))
        })
    };
    let us = &by_country("US")["billingProfile"]["defaultAddress"];
    assert_eq!(
        (us["postalCode"].as_str(), us["phoneNumber"].as_str(), us["state"].as_str()),
        (Some("80202-1234"), Some("3035550142"), Some("CO"))
    );
    assert_eq!(rules_of(&w, "Tailspin Toys Inc."), ["address.postal_code.normalised"]);
    let ca = &by_country("CA")["billingProfile"];
    assert_eq!((ca["culture"].as_str(), ca["language"].as_str()), (Some("en-US"), Some("en")));
    assert_eq!(ca["defaultAddress"]["phoneNumber"], "4165550188");
    assert_eq!(rules_of(&w, "Northwind Traders Ltd."), ["culture.unsupported"]);
    let lv = &by_country("LV")["billingProfile"]["defaultAddress"];
    assert_eq!(lv["postalCode"], "LV-1050");
    let md = &by_country("MD")["billingProfile"];
    assert_eq!(
        (md["culture"].as_str(), md["defaultAddress"]["postalCode"].as_str()),
        (Some("ro-RO"), Some("2001"))
    );
    assert_eq!(md["defaultAddress"]["phoneNumber"], "+37322210000", "E.164 outside the US and Canada");
    assert_eq!(rules_of(&w, "Fabrikam SRL"), ["address.postal_code.normalised"]);
    assert_eq!(by_country("NO")["billingProfile"]["culture"], "nb-NO");
    assert_eq!(rules_of(&w, "Nordlys Programvare AS"), ["culture.unsupported"]);
    assert!(bodies.iter().all(|b| b.get("source").is_none() && b.get("associatedPartnerId").is_none()));
}

#[test]
fn the_attestation_file_follows_the_bodies_and_needs_a_date() {
    let w = Work::new();
    let rows: &[&str] = &[
        "Contoso GmbH,Unter den Linden 1,Berlin,,10117,DE,,,contoso,yes,15.01.2024,,",
        "Adatum GmbH,Unter den Linden 2,Berlin,,10117,DE,,,adatum,no,,,",
        "Litware GmbH,Unter den Linden 3,Berlin,,10117,DE,,,litware,yes,,,",
    ];
    let bodies = run(&w, rows, "[agreement]\ntemplate_id = \"{0A1B2C3D-0000-4000-8000-00000000000F}\"\n");
    assert_eq!(bodies.len(), 2, "the row accepted without a date is rejected");
    assert_eq!(rules_of(&w, "Litware GmbH"), ["agreement.date.missing"]);
    let text = std::fs::read_to_string(w.path("out/clean/agreements.jsonl")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            r#"{"dateAgreed":"2024-01-15T00:00:00.000Z","primaryContact":{"email":"anna@contoso.example.com","firstName":"Anna","lastName":"Schmidt"},"templateId":"0a1b2c3d-0000-4000-8000-00000000000f","type":"MicrosoftCustomerAgreement"}"#,
            "null",
        ]
    );
    let outputs = summary(&w.path("out"))["outputs"].to_string();
    assert!(outputs.contains("clean/agreements.jsonl"), "{outputs}");
}

#[test]
fn an_indirect_providers_bodies_name_the_reseller() {
    let w = Work::new();
    let id = "484e548c-f5f3-4528-93a9-c16c6373cb59";
    let rows: &[&str] = &[
        "Contoso GmbH,Unter den Linden 1,Berlin,,10117,DE,,,contoso,yes,2024-01-15,,484E548C-F5F3-4528-93A9-C16C6373CB59",
        "Adatum GmbH,Unter den Linden 2,Berlin,,10117,DE,,,adatum,yes,2024-01-15,,",
        "Litware GmbH,Unter den Linden 3,Berlin,,10117,DE,,,litware,yes,2024-01-15,,4871234",
    ];
    let other = "0f0f0f0f-1111-4222-8333-444444444444";
    let profile = format!("[partner]\ntype = \"indirect-provider\"\nassociated_partner_id = \"{other}\"\n");
    let bodies = run(&w, rows, &profile);
    let reseller: Vec<&str> = bodies.iter().map(|b| b["associatedPartnerId"].as_str().unwrap()).collect();
    assert_eq!(reseller, [id, other], "the row's own reseller, else the profile's");
    assert_eq!(rules_of(&w, "Litware GmbH"), ["reseller.invalid"]);
    let clean = read_csv(&w.path("out/clean/customers.csv"));
    assert_eq!(clean[0]["associated_partner_id"], id);

    // A direct-bill partner's list with a reseller column: the value is not sent.
    let w = Work::new();
    let bodies = run(&w, &rows[..1], "");
    assert!(bodies[0].get("associatedPartnerId").is_none());
    assert_eq!(rules_of(&w, "Contoso GmbH"), ["reseller.not_allowed"]);
}

/// Outputs get 0666 less the umask, as any file the user creates, not a temporary file's 0600.
#[cfg(unix)]
#[test]
fn outputs_get_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let w = Work::new();
    let bodies =
        run(&w, &["Contoso GmbH,Unter den Linden 1,Berlin,,10117,DE,,,contoso,yes,2024-01-15,,"], "");
    assert_eq!(bodies.len(), 1);
    let usual = std::fs::metadata(w.path("in.csv")).unwrap().permissions().mode() & 0o777;
    for f in pc_onboard::write::OUTPUT_FILES.iter().chain(&["summary.json"]) {
        let mode = std::fs::metadata(w.path("out").join(f)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, usual, "{f}: {mode:o}, not {usual:o}");
    }
}
