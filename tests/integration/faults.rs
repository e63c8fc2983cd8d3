//! Faults around the run: unwritable output folders, a full disk (a file-size limit, a small
//! tmpfs where one can be mounted, injected write errors), a crash halfway through the swap, a
//! closed or full stderr, injection payloads. Runs killed at random moments and concurrent runs
//! are in `outset.rs`.

use crate::common::*;
use crate::sets::{assert_one_set, beside};
use std::process::{Command, Stdio};

/// An output folder that cannot be created is a clear error before any work starts.
#[test]
fn an_unwritable_output_folder_fails_first() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    w.write("taken", "a file where the output folder should be");
    for out in ["taken/reports", "taken"] {
        let res = w.run(&["run", "in.csv", "--out", out]);
        assert_eq!(res.status.code(), Some(2));
        let err = String::from_utf8_lossy(&res.stderr);
        assert!(err.contains(out) && err.contains("is a file, not a folder"), "{err}");
        assert!(!err.contains("read 1 rows"), "no work was done: {err}");
    }
}

/// A list of `rows` generated rows in `file`.
fn generate(w: &Work, rows: u32, seed: u32, file: &str) {
    w.run_ok(&["generate", "--rows", &rows.to_string(), "--seed", &seed.to_string(), "--out", file, "-q"]);
}

/// Asserts a failed run ended with exit 4 and a message, not a panic, and left the folder as
/// it was (`before`) with nothing beside it.
fn assert_failed_cleanly(w: &Work, res: &std::process::Output, before: &[(String, Vec<u8>)], what: &str) {
    let err = String::from_utf8_lossy(&res.stderr);
    assert_eq!(res.status.code(), Some(4), "{what}: {err}");
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert!(err.contains("nothing in the output folder") && err.contains("was changed"), "{what}: {err}");
    assert!(snapshot(&w.path("out")) == before, "{what}: the previous set changed");
    assert!(beside(&w.path("out")).is_empty(), "{what}: left {:?}", beside(&w.path("out")));
}

/// A disk that fills up at different moments (the temporary row file, the workbook's sheet
/// files, where rust_xlsxwriter panics): exit 4, a message, the previous set whole. A file-size
/// limit (`ulimit -f`, its signal ignored) makes writes fail as a full disk does, without root.
/// The CSV writers' failures are injected below (their files are smaller than the row file).
#[test]
fn a_full_disk_keeps_the_previous_set() {
    let w = Work::new();
    generate(&w, 300, 5, "a.csv");
    generate(&w, 3000, 6, "b.csv");
    w.run_ok(&["run", "a.csv", "--out", "out", "-q", "--today", "2026-11-26"]);
    let before = snapshot(&w.path("out"));
    let bin = env!("CARGO_BIN_EXE_pc-onboard");
    let mut failed_at = std::collections::BTreeSet::new();
    for kib in [8, 2560, 3072] {
        // sh's `ulimit -f` counts 512-byte blocks.
        let script = format!("trap '' XFSZ; ulimit -f {}; exec \"$0\" \"$@\"", kib * 2);
        let res = Command::new("sh")
            .args(["-c", &script, bin, "run", "b.csv", "--out", "out", "-q", "--today", "2026-11-26"])
            .current_dir(w.dir.path())
            .output()
            .unwrap();
        let what = format!("files limited to {kib} KiB");
        assert_failed_cleanly(&w, &res, &before, &what);
        let err = String::from_utf8_lossy(&res.stderr);
        assert!(err.contains("File too large"), "{what}: {err}");
        failed_at.extend(["temporary row file", "report.xlsx"].into_iter().filter(|p| err.contains(p)));
    }
    assert_eq!(failed_at.len(), 2, "the limits reach both the row file and the workbook: {failed_at:?}");
    assert_eq!(assert_one_set(&w.path("out"), "after the full disks")["rows_in"], 300);
}

/// Injected faults (`PC_ONBOARD_FAULT`, test-only) where a real disk cannot be made to fail on
/// cue: one output's commit, reading the rows back, the swap itself.
#[test]
fn injected_write_errors_keep_the_previous_set() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    w.write(
        "two.csv",
        format!("{HEADER}\n{}\n{}\n", de_row("Fabrikam GmbH", "fabrikam"), de_row("LLC", "llc")),
    );
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    let before = snapshot(&w.path("out"));
    for fault in [
        "commit:report.html",
        "commit:rejections/findings.csv",
        "commit:summary.json",
        "store-read",
        "sync-behind",
        "swap",
    ] {
        let res = Command::new(env!("CARGO_BIN_EXE_pc-onboard"))
            .args(["run", "two.csv", "--out", "out", "-q"])
            .current_dir(w.dir.path())
            .env("PC_ONBOARD_FAULT", fault)
            .output()
            .unwrap();
        assert_failed_cleanly(&w, &res, &before, fault);
        let err = String::from_utf8_lossy(&res.stderr);
        assert_eq!(err.matches("no space left on device").count(), 1, "{fault}: said once: {err}");
    }
}

/// Where folders cannot be exchanged atomically, the swap is two renames; a crash between them
/// leaves no output folder for a moment, and the next run puts the complete new set back.
#[test]
fn a_crash_between_the_two_renames_is_repaired() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    w.write(
        "two.csv",
        format!("{HEADER}\n{}\n{}\n", de_row("Fabrikam GmbH", "fabrikam"), de_row("LLC", "llc")),
    );
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    let crashed = Command::new(env!("CARGO_BIN_EXE_pc-onboard"))
        .args(["run", "two.csv", "--out", "out", "-q"])
        .current_dir(w.dir.path())
        .env("PC_ONBOARD_FAULT", "swap-by-rename,crash-mid-swap")
        .output()
        .unwrap();
    assert!(!crashed.status.success());
    assert!(!w.path("out").exists(), "the crash fell between the renames");
    // The next run repairs the folder first; made to fail at its own swap, it leaves the
    // repaired folder for us to look at.
    let next = Command::new(env!("CARGO_BIN_EXE_pc-onboard"))
        .args(["run", "in.csv", "--out", "out"])
        .current_dir(w.dir.path())
        .env("PC_ONBOARD_FAULT", "swap")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&next.stderr);
    assert_eq!(next.status.code(), Some(4), "{err}");
    assert!(err.contains("the new set was put back"), "{err}");
    assert_eq!(assert_one_set(&w.path("out"), "after the repair")["rows_in"], 2, "the crashed run's set");
    assert!(beside(&w.path("out")).is_empty());
}

/// A closed or full stderr costs the messages, not the run.
#[test]
fn a_closed_or_full_stderr_does_not_stop_the_run() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n{}\n", de_row("Contoso GmbH", "contoso"), de_row("LLC", "llc")));
    let mut closed = Command::new(env!("CARGO_BIN_EXE_pc-onboard"))
        .args(["run", "in.csv", "--out", "closed"])
        .current_dir(w.dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(closed.stderr.take());
    assert_eq!(closed.wait().unwrap().code(), Some(0), "stderr closed");
    assert_eq!(assert_one_set(&w.path("closed"), "stderr closed")["rows_in"], 2);
    let full = Command::new(env!("CARGO_BIN_EXE_pc-onboard"))
        .args(["run", "in.csv", "--out", "full"])
        .current_dir(w.dir.path())
        .stderr(std::fs::File::create("/dev/full").unwrap())
        .status()
        .unwrap();
    assert_eq!(full.code(), Some(0), "stderr full");
    assert_eq!(assert_one_set(&w.path("full"), "stderr full")["rows_in"], 2);
}

/// A real full disk: a 1 MiB tmpfs, mounted in a user namespace where the system allows one
/// (`unshare -rm`); skipped with a notice where it does not. The run inside fills it.
#[test]
fn a_full_tmpfs_keeps_the_previous_set() {
    let w = Work::new();
    if !Command::new("unshare").args(["-rm", "true"]).status().is_ok_and(|s| s.success()) {
        eprintln!("skipped: no user namespaces here to mount a tmpfs in (the file-size test covers this)");
        return;
    }
    generate(&w, 200, 7, "a.csv");
    generate(&w, 4000, 8, "b.csv");
    std::fs::create_dir(w.path("disk")).unwrap();
    let bin = env!("CARGO_BIN_EXE_pc-onboard");
    // Inside the namespace: mount, a first run that fits, a second that does not; then copy the
    // folder out (the mount vanishes with the namespace).
    let script = r#"set -e
mount -t tmpfs -o size=1m tmpfs disk
"$0" run a.csv --out disk/out -q --today 2026-11-26
cp -r disk/out before
set +e
"$0" run b.csv --out disk/out -q --today 2026-11-26 2> err.txt
echo $? > code.txt
cp -r disk/out after
ls -a disk > beside.txt"#;
    let res = Command::new("unshare")
        .args(["-rm", "sh", "-c", script, bin])
        .current_dir(w.dir.path())
        .output()
        .unwrap();
    assert!(res.status.success(), "{}", String::from_utf8_lossy(&res.stderr));
    let err = std::fs::read_to_string(w.path("err.txt")).unwrap();
    assert_eq!(std::fs::read_to_string(w.path("code.txt")).unwrap().trim(), "4", "{err}");
    assert!(err.contains("No space left on device") && !err.contains("panicked"), "{err}");
    assert!(snapshot(&w.path("after")) == snapshot(&w.path("before")), "the previous set changed");
    assert_eq!(
        std::fs::read_to_string(w.path("beside.txt")).unwrap().split_whitespace().count(),
        3,
        "only ., .. and out"
    );
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
