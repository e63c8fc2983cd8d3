//! Input formats and faults: encodings, delimiters, broken rows, spreadsheets, bad files.

use crate::common::*;

fn run_one(w: &Work, input: &str) -> std::process::Output {
    w.run(&["run", input, "--out", "out", "--today", "2026-11-26", "-q"])
}

/// A Windows-1252 file with a broken row: nothing is lost, the broken row is row.malformed.
#[test]
fn windows_1252_with_a_broken_row_loses_nothing() {
    let w = Work::new();
    let mut bytes = format!("{HEADER}\r\n").into_bytes();
    bytes.extend(b"M\xfcller Maschinenbau GmbH,Hauptstra\xdfe 5,M\xfcnchen,,80331,DE,J\xfcrgen,Wei\xdf,j.weiss@mueller-mb.de,+49 89 1234567,,muellermb,yes,2024-01-15\r\n");
    bytes.extend(b"Broken, Inc,Main St 1,Berlin,,10117,DE,Anna,Schmidt,anna@broken.de,+49 30 901820,,broken,yes,2024-01-15\r\n");
    bytes.extend(format!("{}\r\n", de_row("Contoso Deutschland GmbH", "contosode")).as_bytes());
    w.write("in.csv", bytes);
    assert_eq!(run_one(&w, "in.csv").status.code(), Some(0));
    let s = summary(&w.path("out"));
    assert_eq!((s["rows_in"].as_u64(), s["rows_out"].as_u64()), (Some(3), Some(3)));
    assert_eq!(s["inputs"][0]["encoding"], "windows-1252");
    let clean = read_csv(&w.path("out/clean/customers.csv"));
    assert!(clean.iter().any(|r| r["company_name"] == "Müller Maschinenbau GmbH" && r["city"] == "München"));
    let f = findings(&w.path("out"));
    assert_eq!(f[&("in.csv".into(), "".into(), "3".into())].iter().collect::<Vec<_>>(), ["row.malformed"]);
}

/// UTF-16 with a BOM and semicolons, as some Excel versions save "Unicode text".
#[test]
fn utf16_with_semicolons() {
    let w = Work::new();
    let text =
        format!("{}\r\n{}\r\n", HEADER.replace(',', ";"), de_row("Żabka Polska", "zabka").replace(',', ";"));
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    w.write("in.csv", bytes);
    assert_eq!(run_one(&w, "in.csv").status.code(), Some(0));
    let s = summary(&w.path("out"));
    assert_eq!(s["inputs"][0]["delimiter"], ";");
    assert_eq!(s["inputs"][0]["encoding"], "UTF-16LE with BOM");
    let clean = read_csv(&w.path("out/clean/customers.csv"));
    assert_eq!(clean[0]["company_name"], "Żabka Polska");
}

/// A title above the header, a quoted field with a line break, UTF-8 with BOM: row numbers
/// are the ones the user sees.
#[test]
fn header_below_a_title_and_multiline_fields_keep_row_numbers() {
    let w = Work::new();
    let text = format!(
        "\u{feff}Customer export 2024\n\n{HEADER}\n{}\n\"Fabrikam, Inc.\",\"Main St 1\nBuilding 2\",Berlin,,10117,DE,Ben,Wolf,ben@fabrikam.de,+49 30 901820,,fabrikam,yes,2024-01-15\n{}\n",
        de_row("Contoso GmbH", "contoso"),
        de_row("Test", "testfirma")
    );
    w.write("in.csv", text);
    assert_eq!(run_one(&w, "in.csv").status.code(), Some(0));
    let s = summary(&w.path("out"));
    assert_eq!(s["inputs"][0]["header_row"], 3);
    assert_eq!(s["rows_in"], 3);
    let f = findings(&w.path("out"));
    let test_row = f.get(&("in.csv".into(), "".into(), "6".into())).expect("the test company is on row 6");
    assert!(test_row.contains("company.test_name"), "{test_row:?}");
    let clean = read_csv(&w.path("out/clean/customers.csv"));
    let fab = clean.iter().find(|r| r["company_name"] == "Fabrikam, Inc.").unwrap();
    assert_eq!(fab["source_row"], "5");
    assert_eq!(fab["address_line1"], "Main St 1 Building 2");
}

/// A file without a company-name column is refused with the columns that were found.
#[test]
fn no_company_column_is_a_clear_error() {
    let w = Work::new();
    w.write("in.csv", "Street,City,Country\nMain St 1,Berlin,DE\n");
    let out = run_one(&w, "in.csv");
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("in.csv") && err.contains("company-name") && err.contains("'Street'"), "{err}");
}

/// Empty files, missing files and files that are not spreadsheets: exit 3 naming the file.
#[test]
fn unreadable_inputs_exit_3() {
    let w = Work::new();
    w.write("empty.csv", "");
    w.write("fake.xlsx", "this is not a zip file");
    for (input, needle) in
        [("empty.csv", "empty"), ("fake.xlsx", "workbook"), ("missing.csv", "no such file")]
    {
        let out = run_one(&w, input);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{input}: {err}");
        assert!(err.contains(input) && err.contains(needle), "{input}: {err}");
    }
}

/// A workbook with two sheets: IDs typed as numbers keep their digits, text postcodes keep
/// their leading zero, the header is found below a title, and every sheet is read.
#[test]
fn spreadsheets_keep_ids_as_text() {
    use rust_xlsxwriter::Workbook;
    let w = Work::new();
    let mut wb = Workbook::new();
    let headers = [
        "Company",
        "Street",
        "City",
        "Postcode",
        "Country",
        "First Name",
        "Last Name",
        "Email",
        "Phone",
        "INN",
        "Domain",
    ];
    {
        let sh = wb.add_worksheet().set_name("Russia").unwrap();
        sh.write_string(0, 0, "Клиенты").unwrap();
        for (c, h) in headers.iter().enumerate() {
            sh.write_string(2, c as u16, *h).unwrap();
        }
        let row = [
            "ООО Ромашка",
            "ул. Тверская, 7",
            "Москва",
            "125009",
            "RU",
            "Иван",
            "Петров",
            "ivan@romashka.ru",
        ];
        for (c, v) in row.iter().enumerate() {
            sh.write_string(3, c as u16, *v).unwrap();
        }
        sh.write_number(3, 8, 74951234567.0).unwrap();
        sh.write_number(3, 9, 7707083893.0).unwrap();
        sh.write_string(3, 10, "romashka").unwrap();
    }
    {
        let sh = wb.add_worksheet().set_name("Germany").unwrap();
        for (c, h) in headers.iter().enumerate() {
            sh.write_string(0, c as u16, *h).unwrap();
        }
        let row = [
            "Dresdner Elektro GmbH",
            "Postplatz 1",
            "Dresden",
            "01067",
            "DE",
            "Klaus",
            "Meier",
            "k.meier@dresdner-elektro.de",
            "+49 351 4567890",
            "",
            "dresdnerelektro",
        ];
        for (c, v) in row.iter().enumerate() {
            sh.write_string(1, c as u16, *v).unwrap();
        }
    }
    wb.save(w.path("in.xlsx")).unwrap();
    let out = run_one(&w, "in.xlsx");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let s = summary(&w.path("out"));
    assert_eq!(s["rows_in"], 2);
    assert_eq!(s["inputs"][0]["header_row"], 3);
    let all: Vec<_> = ["clean/customers.csv", "rejections/rejected_rows.csv"]
        .iter()
        .flat_map(|f| read_csv(&w.path("out").join(f)))
        .collect();
    let clean = read_csv(&w.path("out/clean/customers.csv"));
    let ru = clean
        .iter()
        .find(|r| r["country"] == "RU")
        .unwrap_or_else(|| panic!("the Russian row is clean: {all:?}"));
    assert_eq!(ru["registration_id"], "7707083893");
    assert_eq!(ru["contact_phone"], "+74951234567");
    assert_eq!(ru["source_sheet"], "Russia");
    let de = clean.iter().find(|r| r["country"] == "DE").unwrap();
    assert_eq!(de["postal_code"], "01067");
}

/// A folder is every supported file inside it, without the Partner Center export given apart.
#[test]
fn a_folder_means_its_files_but_not_the_export() {
    let w = Work::new();
    w.write("lists/a.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    w.write(
        "lists/b.tsv",
        format!(
            "{}\n{}\n",
            HEADER.replace(',', "\t"),
            de_row("Fabrikam GmbH", "fabrikam").replace(',', "\t")
        ),
    );
    w.write("lists/notes.md", "not an input");
    w.write(
        "lists/pc.csv",
        "Customer ID,Company Name,Primary Domain Name,Country\nabc,Other Co,other.onmicrosoft.com,DE\n",
    );
    w.run_ok(&["run", "lists", "--existing", "lists/pc.csv", "--out", "out", "-q", "--today", "2026-11-26"]);
    let s = summary(&w.path("out"));
    assert_eq!(s["rows_in"], 2);
    assert_eq!(s["inputs"].as_array().unwrap().len(), 2);
    assert_eq!(s["existing"]["customers"], 1);
}
