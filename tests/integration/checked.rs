//! Mistakes that used to be accepted quietly, and messages that said the wrong thing: a
//! baseline that is not a pc-onboard summary, a run's baseline without its drift file, a mapping
//! entry naming no column, `mapping` over an edited file, standard input and FIFOs as inputs,
//! what a path is, OS errors said once, a field limit below what the readers take.

use crate::common::*;
use std::io::Write;
use std::process::{Command, Stdio};

fn one_row(w: &Work) {
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// A baseline summary.json that is not a pc-onboard summary is exit 2, naming the field.
#[test]
fn a_baseline_that_is_not_a_summary_is_refused_naming_the_field() {
    let w = Work::new();
    one_row(&w);
    w.run_ok(&["run", "in.csv", "--out", "base", "-q"]);
    let good = std::fs::read_to_string(w.path("base/summary.json")).unwrap();
    let cases = [
        ("{}".to_string(), "'tool'"),
        (good.replacen("\"rows_in\": 1", "\"rows_in\": \"1\"", 1), "'rows_in' is \"1\""),
        (good.replacen("\"tool\": \"pc-onboard\"", "\"tool\": \"other\"", 1), "'tool' is \"other\""),
    ];
    for (text, needle) in cases {
        assert_ne!(text, good);
        w.write("base/summary.json", &text);
        let out = w.run(&["run", "in.csv", "--out", "out", "-q", "--baseline", "base"]);
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{needle}: {err}");
        assert!(err.contains(needle) && err.contains("--baseline base"), "{err}");
    }
}

/// A run's folder without the drift file its summary lists is exit 2, as the README says; a
/// `check` folder has none and compares counts only.
#[test]
fn a_run_baseline_without_its_drift_file_is_refused() {
    let w = Work::new();
    one_row(&w);
    w.run_ok(&["run", "in.csv", "--out", "base", "-q"]);
    std::fs::remove_file(w.path("base/reconciliation/drift.csv")).unwrap();
    let out = w.run(&["run", "in.csv", "--out", "out", "-q", "--baseline", "base"]);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("reconciliation/drift.csv"), "{err}");
    w.run_ok(&["check", "in.csv", "--out", "chk", "-q"]);
    w.run_ok(&["run", "in.csv", "--out", "out", "-q", "--baseline", "chk"]);
    assert!(summary(&w.path("out"))["reconciliation"].get("baseline").is_none());
}

/// Messages say what a path is: a file where a folder is wanted, and the other way round.
#[test]
fn paths_say_what_they_are() {
    let w = Work::new();
    one_row(&w);
    std::fs::create_dir(w.path("folder")).unwrap();
    let cases: [(&[&str], i32, &str); 3] = [
        (&["run", "in.csv", "--out", "out", "-q", "--baseline", "in.csv"], 2, "is a file, not a folder"),
        (&["run", "in.csv", "--out", "out", "-q", "--existing", "folder"], 3, "is a folder, not a file"),
        (&["mapping", "folder", "-q"], 3, "is a folder, not a file"),
    ];
    for (args, code, needle) in cases {
        let out = w.run(args);
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

/// A mapping entry naming a column no input has is a warning on stderr and in summary.json.
#[test]
fn a_mapping_entry_for_an_absent_column_is_a_warning() {
    let w = Work::new();
    one_row(&w);
    w.write("map.toml", "[columns]\n\"Company Name\" = \"company_name\"\n\"Kudnenname\" = \"city\"\n");
    let err = w.run_ok(&["run", "in.csv", "--mapping", "map.toml", "--out", "out"]);
    assert!(err.contains("warning") && err.contains("'Kudnenname' is in no input"), "{err}");
    let warnings = summary(&w.path("out"))["warnings"].clone();
    assert!(warnings[0].as_str().unwrap().contains("Kudnenname"), "{warnings}");
}

/// `mapping` keeps an existing (probably edited) file unless told `--force`.
#[test]
fn mapping_does_not_overwrite_without_force() {
    let w = Work::new();
    one_row(&w);
    w.write("mapping.toml", "# edited by hand\n");
    let out = w.run(&["mapping", "in.csv", "-q"]);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(w.path("mapping.toml")).unwrap(), "# edited by hand\n");
    w.run_ok(&["mapping", "in.csv", "-q", "--force"]);
    assert!(std::fs::read_to_string(w.path("mapping.toml")).unwrap().contains("[columns]"));
}

/// Runs with `input` while `feed` writes the list to standard input.
fn run_with_stdin(w: &Work, input: &str, out: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pc-onboard"))
        .args(["run", input, "--out", out, "-q"])
        .current_dir(w.dir.path())
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")).as_bytes()).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

/// `-` and `/dev/stdin` read standard input; a FIFO is read as a stream.
#[test]
fn stdin_and_fifos_are_read_as_streams() {
    let w = Work::new();
    for (input, out) in [("-", "dash"), ("/dev/stdin", "devstdin")] {
        let res = run_with_stdin(&w, input, out);
        assert_eq!(res.status.code(), Some(0), "{input}: {}", stderr_of(&res));
        assert_eq!(summary(&w.path(out))["rows_in"], 1, "{input}");
    }
    let fifo = w.path("list.csv");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let writer = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
        f.write_all(format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")).as_bytes()).unwrap();
    });
    w.run_ok(&["run", "list.csv", "--out", "fifo", "-q"]);
    writer.join().unwrap();
    assert_eq!(summary(&w.path("fifo"))["rows_in"], 1);
}

/// An OS error is said once, not once by the error and again by its cause.
#[test]
fn an_os_error_is_said_once() {
    let w = Work::new();
    one_row(&w);
    w.write("taken", "a file");
    let out = w.run(&["mapping", "in.csv", "--out", "taken/map.toml", "-q"]);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
}

/// A field limit below what the readers take is a configuration error, not silently raised.
#[test]
fn a_field_limit_below_the_minimum_is_refused() {
    let w = Work::new();
    one_row(&w);
    w.write("p.toml", "[input]\nmax_field_bytes = 100\n");
    let out = w.run(&["run", "in.csv", "--config", "p.toml", "--out", "out", "-q"]);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("p.toml") && err.contains("max_field_bytes is 100"), "{err}");
}

/// `--help` lists the exit codes the README documents.
#[test]
fn help_lists_the_exit_codes() {
    let w = Work::new();
    for args in [&["--help"][..], &["run", "--help"]] {
        let out = w.run(args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Exit codes") && text.contains("4 the outputs could not be written"), "{text}");
    }
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains("`4` the outputs could not be written"), "the README lists code 4");
}
