//! One small legacy list and the same Partner Center customers in each form partners have:
//! the UI export, PowerShell's `Get-PartnerCustomer | Export-Csv` (Windows PowerShell 5.1:
//! `#TYPE` line, every field quoted, ASCII), a `GET /v1/customers` page, and JSON lines of
//! `GET /v1/customers/{id}` answers with billing profiles. Written from one table, so every
//! format holds exactly the same customers.

use crate::common::Work;

/// A Partner Center customer.
pub struct Pc {
    pub id: &'static str,
    pub name: &'static str,
    /// The primary domain as Partner Center shows it.
    pub domain: &'static str,
    pub country: &'static str,
    pub street: &'static str,
    pub city: &'static str,
    pub postal: &'static str,
    pub email: &'static str,
}

const fn pc(
    id: &'static str,
    name: &'static str,
    domain: &'static str,
    place: [&'static str; 4],
    email: &'static str,
) -> Pc {
    Pc { id, name, domain, country: place[0], street: place[1], city: place[2], postal: place[3], email }
}

/// The export, in export order.
pub const PC: &[Pc] = &[
    pc(
        "3f2b8c1e-6a4d-4e8b-9c1a-2d5e7f901a11",
        "Fabrikam Ltd",
        "fabrikamltd.onmicrosoft.com",
        ["GB", "12 High Street", "London", "EC1A 1BB"],
        "accounts@fabrikam.co.uk",
    ),
    pc(
        "8d0e4b7a-1c3f-4a52-b6e9-0f7a2c4d6e12",
        "Trey Research Limited",
        "treyresearch.onmicrosoft.com",
        ["IE", "4 Grand Canal Quay", "Dublin", "D02 XY45"],
        "finance@treyresearch.ie",
    ),
    pc(
        "c41a9e25-7b6d-4f03-8e1c-5a2b9d3f7c13",
        "Nowak Logistyka Sp. z o.o.",
        "nowaklogistyka.onmicrosoft.com",
        ["PL", "ul. Marszałkowska 104", "Warszawa", "00-017"],
        "it@nowaklogistyka.pl",
    ),
    pc(
        "5e7f1a3c-9d2b-4c68-a0e4-7b1c3d5f9a14",
        "Sakura Soft K.K.",
        "sakurasoft.onmicrosoft.com",
        ["JP", "1-2-3 Shibuya", "Tokyo", "150-0002"],
        "info@sakurasoft.jp",
    ),
    pc(
        "a9b3d5f7-2e4c-4d81-9f6a-3c5e7a9b1d15",
        "Café Aurora Comércio de Alimentos Ltda",
        "cafeaurora.onmicrosoft.com",
        ["BR", "Rua XV de Novembro, 31", "São Paulo", "01013-001"],
        "contato@cafeaurora.com.br",
    ),
    pc(
        "1d3f5b7e-4a6c-4e92-8b0d-9e1f3a5c7b16",
        "Müller Maschinenbau GmbH",
        "muellermaschinenbau.onmicrosoft.com",
        ["DE", "Leopoldstraße 12", "München", "80802"],
        "einkauf@mueller-maschinenbau.de",
    ),
    pc(
        "7c9e1b3d-5f7a-4b24-9d6e-2a4c6e8f0a17",
        "Northwind Traders Pty Ltd",
        "northwindtraders.onmicrosoft.com",
        ["AU", "83 Queen Street", "Melbourne", "3000"],
        "it@northwindtraders.com.au",
    ),
    pc(
        "e2a4c6e8-0b2d-4f35-a7c9-1e3a5c7e9b18",
        "Contoso Pharmaceuticals Inc.",
        "contosopharma.com",
        ["US", "500 Pine Street", "Seattle", "98101"],
        "it@contosopharma.com",
    ),
    pc(
        "4b6d8f0a-3c5e-4a76-8f1b-6d8f0b2d4f19",
        "TAILSPIN TOYS AB",
        "tailspintoysab.onmicrosoft.com",
        ["SE", "Drottninggatan 5", "Stockholm", "111 51"],
        "",
    ),
    pc(
        "9f1b3d5f-6e8a-4c97-b2d4-8a0c2e4a6c1a",
        "Litware S.A.",
        "litware.onmicrosoft.com",
        ["ES", "Calle de Alcalá 50", "Madrid", "28014"],
        "it@litware.es",
    ),
    pc(
        "2c4e6a8c-8a0c-4e18-9c3e-4b6d8f0b2e1b",
        "Proseware, Inc.",
        "proseware.onmicrosoft.com",
        ["US", "1 Federal Street", "Boston", "02110"],
        "it@proseware.com",
    ),
    pc(
        "6a8c0e2a-1d3f-4b39-8d5f-7c9e1a3c5f1c",
        "Proseware Labs Ltd",
        "prosewarelabs.onmicrosoft.com",
        ["GB", "5 King Street", "Manchester", "M2 4LQ"],
        "",
    ),
    pc(
        "0e2a4c6e-4b6d-4d5a-9e7a-0c2e4a6c8b1d",
        "Relecloud GmbH",
        "relecloud.onmicrosoft.com",
        ["AT", "Kärntner Ring 1", "Wien", "1010"],
        "",
    ),
];

/// The legacy list's header.
pub const LIST_HEADER: &str =
    "Company Name,Address,City,State,Postal Code,Country,First Name,Last Name,Email,Phone,Domain,MCA Accepted,MCA Date";

/// The legacy list: (row, the Partner Center customer it is, if any, by index into [`PC`]).
/// Rows 2 to 11 are customers of the export written a little differently; 12 and 13 are
/// look-alikes; 14 to 16 are new customers.
pub const LIST: &[(&str, Option<usize>)] = &[
    ("Fabrikam Limited,12 High St,London,,EC1A 1BB,GB,Amelia,Smith,amelia@fabrikam.co.uk,+44 20 7946 0000,fabrikamltd,yes,2024-01-15", Some(0)),
    ("TREY RESEARCH LTD,4 Grand Canal Quay,Dublin,,D02 XY45,IE,Aoife,Byrne,aoife@treyresearch.ie,+353 1 555 0100,treyresearch,yes,2024-01-15", Some(1)),
    ("Nowak Logistyka Sp z o o,ul. Marszalkowska 104,Warszawa,,00-017,PL,Jan,Nowak,jan@nowaklogistyka.pl,+48 22 555 01 00,nowaklogistyka,yes,2024-01-15", Some(2)),
    ("Sakura Soft KK,1-2-3 Shibuya,Tokyo,Tokyo,150-0002,JP,Haruto,Sato,sato@sakurasoft.jp,+81 3-5555-0100,sakurasoft,yes,2024-01-15", Some(3)),
    ("Cafe Aurora Comercio de Alimentos LTDA,\"Rua XV de Novembro, 31\",Sao Paulo,SP,01013-001,BR,Ana,Souza,ana@cafeaurora.com.br,+55 11 5555-0100,cafeaurora,yes,2024-01-15", Some(4)),
    ("muller maschinenbau gmbh,Leopoldstr. 12,Munich,,80802,DE,Lukas,Wagner,lukas@mueller-maschinenbau.de,+49 89 5555 0100,MuellerMaschinenbau,yes,2024-01-15", Some(5)),
    ("Northwind Traders Pty. Ltd.,83 Queen St,Melbourne,VIC,3000,AU,Olivia,Brown,olivia@northwindtraders.com.au,+61 3 5555 0100,,yes,2024-01-15", Some(6)),
    ("\"Contoso Pharmaceuticals, Inc.\",500 Pine St,Seattle,WA,98101,US,Anna,Miller,anna@contosopharma.com,+1 206 555 0100,,yes,2024-01-15", Some(7)),
    ("Tailspin Toys AB,Drottninggatan 5,Stockholm,,111 51,SE,Erik,Larsson,erik@tailspintoys.se,+46 8 555 010 00,,yes,2024-01-15", Some(8)),
    ("Litware SA,Calle de Alcala 50,Madrid,,28014,ES,Lucia,Garcia,lucia@litware.es,+34 915 55 01 00,litware,yes,2024-01-15", Some(9)),
    // A longer name sharing the brand word, another city.
    ("Fabrikam Logistics Ltd,40 Deansgate,Manchester,,M3 2BY,GB,Oliver,Jones,oliver@fabrikamlogistics.co.uk,+44 161 496 0100,fabrikamlogistics,yes,2024-01-15", None),
    // Proseware, Inc.'s name, another tenant's prefix (Proseware Labs'), another city.
    ("Proseware Inc,100 Congress Ave,Austin,TX,78701,US,Mia,Davis,mia@proseware-tx.com,+1 512 555 0100,prosewarelabs,yes,2024-01-15", None),
    ("Blue Yonder Airlines SAS,10 Rue de Rivoli,Paris,,75001,FR,Camille,Martin,camille@blueyonderairlines.fr,+33 1 55 55 01 00,blueyonderairlines,yes,2024-01-15", None),
    ("Coho Winery Ltd,1 Queen Street,Auckland,,1010,NZ,Liam,Wilson,liam@cohowinery.co.nz,+64 9 555 0100,cohowinery,yes,2024-01-15", None),
    ("Lucerne Publishing GmbH,Bahnhofstrasse 1,Zurich,,8001,CH,Noah,Keller,noah@lucernepublishing.ch,+41 44 555 01 00,lucernepublishing,yes,2024-01-15", None),
];

/// Rows of the list whose customer gives the prefix Partner Center has for it: found from the
/// prefix and the name alone, whatever the export's form.
pub const BY_PREFIX: &[usize] = &[0, 1, 2, 3, 4, 5, 9];
/// Rows of the list whose customer gives no prefix: found by name (and country, address or
/// e-mail domain where the export has them).
pub const BY_NAME: &[usize] = &[6, 7, 8];
/// The look-alikes (rows of the list).
pub const LOOK_ALIKES: &[usize] = &[10, 11];

/// The row number of list entry `k` as reports show it (header = 1).
pub fn list_row(k: usize) -> String {
    (k + 2).to_string()
}

/// Writes the list as `list.csv`.
pub fn write_list(w: &Work) {
    let rows: Vec<&str> = LIST.iter().map(|(r, _)| *r).collect();
    w.write("list.csv", format!("{LIST_HEADER}\n{}\n", rows.join("\n")));
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Customers → Export customers: UTF-8 with a byte-order mark, CRLF.
pub fn ui_export() -> Vec<u8> {
    let mut s = String::from("\u{FEFF}Microsoft ID,Company name,Primary domain name,Relationship,Tags\r\n");
    for (k, c) in PC.iter().enumerate() {
        let tags = if k == 0 { "Priority" } else { "" };
        s.push_str(&format!("{},{},{},Reseller,{tags}\r\n", c.id, csv_field(c.name), c.domain));
    }
    s.into_bytes()
}

/// `Get-PartnerCustomer | Export-Csv` in Windows PowerShell 5.1: a `#TYPE` line, PSCustomer's
/// properties in declaration order, every field quoted, ASCII (`?` for every other letter).
pub fn powershell_export() -> Vec<u8> {
    let mut s =
        String::from("#TYPE Microsoft.Store.PartnerCenter.PowerShell.Models.Customers.PSCustomer\r\n");
    s.push_str("\"AllowDelegatedAccess\",\"AssociatedPartnerId\",\"BillingProfile\",\"CommerceId\",\"CustomerId\",\"Domain\",\"Name\",\"RelationshipToPartner\"\r\n");
    for c in PC {
        let name: String = c.name.chars().map(|ch| if ch.is_ascii() { ch } else { '?' }).collect();
        s.push_str(&format!(
            "\"\",\"\",\"\",\"\",\"{}\",\"{}\",\"{}\",\"Reseller\"\r\n",
            c.id,
            c.domain,
            name.replace('"', "\"\"")
        ));
    }
    s.into_bytes()
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// A customer as a list page has it (companyProfile only).
fn list_item(c: &Pc, indent: &str) -> String {
    format!(
        "{{\n{indent}  \"id\": \"{id}\",\n{indent}  \"companyProfile\": {{\n{indent}    \"tenantId\": \"{id}\",\n{indent}    \"domain\": {domain},\n{indent}    \"companyName\": {name},\n{indent}    \"attributes\": {{ \"objectType\": \"CustomerCompanyProfile\" }}\n{indent}  }},\n{indent}  \"relationshipToPartner\": \"reseller\",\n{indent}  \"attributes\": {{ \"objectType\": \"Customer\" }}\n{indent}}}",
        id = c.id,
        domain = json_str(c.domain),
        name = json_str(c.name),
    )
}

/// The line (1-based) of each customer's object in [`json_page`].
pub fn json_page_line(k: usize) -> u64 {
    // `{`, `"totalCount"`, `"items": [` then 11 lines per item.
    3 + 11 * k as u64 + 1
}

/// `GET /v1/customers?size=40`, pretty-printed as the documentation shows it.
pub fn json_page() -> Vec<u8> {
    let items: Vec<String> = PC.iter().map(|c| format!("    {}", list_item(c, "    "))).collect();
    format!(
        "{{\n  \"totalCount\": {},\n  \"items\": [\n{}\n  ],\n  \"links\": {{ \"self\": {{ \"uri\": \"/v1/customers?size=40\", \"method\": \"GET\", \"headers\": [] }} }},\n  \"attributes\": {{ \"objectType\": \"Collection\" }}\n}}\n",
        PC.len(),
        items.join(",\n")
    )
    .into_bytes()
}

/// One `GET /v1/customers/{id}` answer per line, with its billing profile (all but the last
/// customer, whose profile was not fetched).
pub fn json_lines() -> Vec<u8> {
    let mut s = String::new();
    for (k, c) in PC.iter().enumerate() {
        let mut v = serde_json::json!({
            "id": c.id,
            "commerceId": "00000000-0000-0000-0000-000000000000",
            "companyProfile": { "tenantId": c.id, "domain": c.domain, "companyName": c.name },
            "relationshipToPartner": "reseller",
            "allowDelegatedAccess": true,
            "attributes": { "objectType": "Customer" },
        });
        if k + 1 < PC.len() {
            v["billingProfile"] = serde_json::json!({
                "id": format!("b-{k}"),
                "email": c.email,
                "culture": "en-US",
                "language": "en",
                "companyName": c.name,
                "defaultAddress": {
                    "country": c.country, "city": c.city, "addressLine1": c.street,
                    "postalCode": c.postal, "firstName": "Alex", "lastName": "Kim",
                },
                "attributes": { "objectType": "CustomerBillingProfile" },
            });
        }
        if !c.domain.ends_with(".onmicrosoft.com") {
            v["customDomains"] = serde_json::json!([c.domain]);
        }
        s.push_str(&serde_json::to_string(&v).unwrap());
        s.push('\n');
    }
    s.into_bytes()
}
