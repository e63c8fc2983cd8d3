//! Faults around the run: unwritable output folders, runs killed mid-way, injection payloads.

use crate::common::*;
use std::time::Duration;

/// An output folder that cannot be created is a clear error before any work starts.
#[test]
fn an_unwritable_output_folder_fails_first() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    w.write("taken", "a file where the output folder should be");
    let out = w.run(&["run", "in.csv", "--out", "taken/reports"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("taken/reports"), "{err}");
    assert!(!err.contains("read 1 rows"), "no work was done: {err}");
}

/// A run killed at any moment leaves every output either complete (from this run or the
/// previous one) or absent: never a half file under its real name.
#[test]
fn a_killed_run_leaves_no_half_file() {
    let w = Work::new();
    let mut text = format!("{HEADER}\n");
    for i in 0..30_000 {
        text.push_str(&de_row(&format!("Firma {i} GmbH"), &format!("firma{i}")));
        text.push('\n');
    }
    w.write("in.csv", &text);
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    for delay_ms in [30u64, 150, 400, 900, 1600] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pc-onboard"))
            .args(["run", "in.csv", "--out", "out", "-q"])
            .current_dir(w.dir.path())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        for f in [
            "clean/customers.csv",
            "education.csv",
            "duplicates.csv",
            "relationship_requests.csv",
            "rejections/findings.csv",
            "rejections/rejected_rows.csv",
        ] {
            let p = w.path("out").join(f);
            let bytes = std::fs::read(&p)
                .unwrap_or_else(|e| panic!("{f} vanished after a kill at {delay_ms} ms: {e}"));
            assert_eq!(bytes.last(), Some(&b'\n'), "{f} ends mid-line after a kill at {delay_ms} ms");
        }
        let clean = read_csv(&w.path("out/clean/customers.csv"));
        assert_eq!(clean.len(), 30_000, "clean/customers.csv is complete after a kill at {delay_ms} ms");
        let s = summary(&w.path("out"));
        assert_eq!(s["rows_in"], 30_000);
    }
}

/// OWASP CSV-injection payloads in every field: inert in the human-facing files, exact in the
/// machine outputs.
#[test]
fn injection_payloads_are_inert_for_people_and_exact_for_machines() {
    let payloads = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+SUM(1,2)",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "=cmd|' /C calc'!A0",
        "<script>alert(1)</script>",
    ];
    let w = Work::new();
    let mut wtr = csv::Writer::from_writer(Vec::new());
    wtr.write_record(HEADER.split(',')).unwrap();
    for (i, p) in payloads.iter().enumerate() {
        // The payload in every field of one row, and as the company name of a clean row (each
        // its own company: its own contact e-mail).
        wtr.write_record(HEADER.split(',').map(|_| p)).unwrap();
        let row = de_row("Contoso GmbH", &format!("contoso{i}"));
        let mut cells: Vec<String> = row.split(',').map(str::to_string).collect();
        cells[0] = format!("{p} GmbH");
        cells[11] = String::new();
        wtr.write_record(&cells).unwrap();
    }
    w.write("in.csv", wtr.into_inner().unwrap());
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    for f in [
        "rejections/findings.csv",
        "rejections/rejected_rows.csv",
        "duplicates.csv",
        "relationship_requests.csv",
    ] {
        let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_path(w.path("out").join(f)).unwrap();
        for rec in rdr.records() {
            for cell in rec.unwrap().iter() {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']), "{f}: live cell {cell:?}");
            }
        }
    }
    let clean = read_csv(&w.path("out/clean/customers.csv"));
    let names: Vec<&str> = clean.iter().map(|r| r["company_name"].as_str()).collect();
    assert!(
        names.contains(&"=HYPERLINK(\"http://x\",\"y\") GmbH"),
        "machine output keeps the value exact: {names:?}"
    );
    assert!(names.contains(&"<script>alert(1)</script> GmbH"), "{names:?}");
}
