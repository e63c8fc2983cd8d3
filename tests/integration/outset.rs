//! The output folder as one unit: whatever happens to a run (killed at a random moment, a
//! second run at the same time, a stale lock, the input folder as output folder, an input the
//! run would replace, the user's own files in the folder, a bad option), the folder holds one
//! complete set afterwards, old or new, never a mix ([`assert_one_set`]).

use crate::common::*;
use crate::sets::{assert_one_set, beside};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Writes a generated list of `rows` rows.
fn generate(w: &Work, rows: u32, seed: u32, file: &str) {
    w.run_ok(&["generate", "--rows", &rows.to_string(), "--seed", &seed.to_string(), "--out", file, "-q"]);
}

/// Starts `run INPUT --out out` without waiting.
fn spawn_run(w: &Work, input: &str, out: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_pc-onboard"))
        .args(["run", input, "--out", out, "-q", "--today", "2026-11-26"])
        .current_dir(w.dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts")
}

/// Waits until the run's lock file beside `out` exists and names its holder.
fn wait_for_lock(w: &Work, out: &str) {
    let lock = w.path(&format!(".{out}.pc-onboard.lock"));
    let start = Instant::now();
    // Until the run has written who holds it: a run killed between creating the file and
    // writing it leaves an empty file, which the next run rightly takes as free, not stale.
    while std::fs::metadata(&lock).map_or(true, |m| m.len() == 0) {
        assert!(start.elapsed() < Duration::from_secs(30), "the run never took its lock");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A small deterministic generator for the kill delays (the seed is printed on failure).
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// A run whose stderr is read on a thread: the receiver gets the moment the writing stage
/// begins (the run says "writing outputs").
fn spawn_watched(w: &Work, input: &str, out: &str) -> (Child, mpsc::Receiver<Instant>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pc-onboard"))
        .args(["run", input, "--out", out, "--today", "2026-11-26"])
        .current_dir(w.dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("writing outputs") {
                let _ = tx.send(Instant::now());
            }
        }
    });
    (child, rx)
}

/// Twelve runs killed at random moments, alternating between two generated lists: half
/// anywhere in a whole run, half while the outputs are being written (where a folder written
/// file by file would mix two runs). After each kill the folder holds one complete set, of one
/// list or the other.
#[test]
fn a_run_killed_at_random_moments_leaves_the_old_set_or_the_new_one() {
    let w = Work::new();
    generate(&w, 1000, 1, "a.csv");
    generate(&w, 1500, 2, "b.csv");
    // How long a whole run of each list takes here and now, and its writing stage.
    let mut whole = [0u64; 2];
    let mut writing = [0u64; 2];
    for (k, input) in ["a.csv", "b.csv"].iter().enumerate() {
        let start = Instant::now();
        let (mut child, began) = spawn_watched(&w, input, "out");
        assert!(child.wait().unwrap().success());
        let began = began.recv().expect("the run says when it writes");
        whole[k] = start.elapsed().as_millis() as u64;
        writing[k] = began.elapsed().as_millis() as u64;
    }
    let mut seed =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let first_seed = seed;
    let (mut interrupted, mut log) = (0, Vec::new());
    for k in 0..12 {
        let input = ["a.csv", "b.csv"][k % 2];
        let (mut child, began) = spawn_watched(&w, input, "out");
        let (delay, from) = if k % 4 < 2 {
            (next(&mut seed) % (whole[k % 2] + 1), "the start")
        } else {
            began.recv_timeout(Duration::from_secs(120)).expect("the run reaches its writing stage");
            (next(&mut seed) % (writing[k % 2] + 1), "the writing stage")
        };
        std::thread::sleep(Duration::from_millis(delay));
        let running = child.try_wait().unwrap().is_none();
        interrupted += running as u32;
        let _ = child.kill();
        let _ = child.wait();
        let when = format!(
            "kill {k} ({input}) {delay} ms after {from} (whole run {} ms, writing {} ms), seed {first_seed}",
            whole[k % 2],
            writing[k % 2]
        );
        log.push(format!("{when}{}", if running { "" } else { ": the run had ended" }));
        let s = assert_one_set(&w.path("out"), &when);
        let rows = s["rows_in"].as_u64().unwrap();
        assert!(rows == 1000 || rows == 1500, "{when}: rows_in {rows} is neither list");
    }
    assert!(interrupted >= 4, "too few runs were killed before their end ({interrupted} of 12): {log:#?}");
    // A run to the end clears whatever the killed runs left beside the folder.
    w.run_ok(&["run", "a.csv", "--out", "out", "-q", "--today", "2026-11-26"]);
    assert_eq!(assert_one_set(&w.path("out"), "the last run")["rows_in"], 1000);
    assert!(beside(&w.path("out")).is_empty(), "left beside the folder: {:?}", beside(&w.path("out")));
}

/// A second run on a folder that a first run is writing is refused, naming the first; the
/// first completes and its set is whole.
#[test]
fn a_second_run_on_the_same_folder_is_refused_naming_the_first() {
    let w = Work::new();
    generate(&w, 3000, 3, "big.csv");
    w.write("small.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    let mut first = spawn_run(&w, "big.csv", "out");
    wait_for_lock(&w, "out");
    let second = w.run(&["run", "small.csv", "--out", "out", "-q"]);
    let err = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(4), "{err}");
    assert!(err.contains("another pc-onboard run") && err.contains(&format!("pid {}", first.id())), "{err}");
    assert!(first.wait().unwrap().success());
    assert_eq!(assert_one_set(&w.path("out"), "after both runs")["rows_in"], 3000);
    assert!(beside(&w.path("out")).is_empty());
}

/// A run killed with its lock held leaves a lock file nobody holds: the next run takes it over
/// and says so.
#[test]
fn a_stale_lock_is_taken_over() {
    let w = Work::new();
    generate(&w, 3000, 4, "big.csv");
    let mut killed = spawn_run(&w, "big.csv", "out");
    wait_for_lock(&w, "out");
    killed.kill().unwrap();
    killed.wait().unwrap();
    assert!(w.path(".out.pc-onboard.lock").exists(), "a killed run cannot remove its lock file");
    w.write("small.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    let err = w.run_ok(&["run", "small.csv", "--out", "out"]);
    assert!(err.contains("ended without releasing the output folder"), "{err}");
    assert_eq!(assert_one_set(&w.path("out"), "after the stale lock")["rows_in"], 1);
    assert!(beside(&w.path("out")).is_empty());
}

/// `run dir --out dir`, twice: the second run does not read the first one's outputs, says so,
/// and the inputs and the user's other files are still there.
#[test]
fn the_input_folder_as_output_folder() {
    let w = Work::new();
    let list = format!("{HEADER}\n{}\n{}\n", de_row("Contoso GmbH", "contoso"), de_row("LLC", "llc"));
    w.write("data/list.csv", &list);
    w.write("data/notes.md", "mine");
    w.run_ok(&["run", "data", "--out", "data", "-q"]);
    assert_eq!(assert_one_set(&w.path("data"), "first run")["rows_in"], 2);
    let err = w.run_ok(&["run", "data", "--out", "data"]);
    let s = assert_one_set(&w.path("data"), "second run");
    assert_eq!(s["rows_in"], 2, "the outputs of the first run were read as input");
    assert!(err.contains("never read as input") && err.contains("duplicates.csv"), "{err}");
    assert!(s["warnings"][0].as_str().unwrap().contains("never read as input"), "{}", s["warnings"]);
    assert_eq!(std::fs::read_to_string(w.path("data/list.csv")).unwrap(), list);
    assert_eq!(std::fs::read_to_string(w.path("data/notes.md")).unwrap(), "mine");
}

/// An input that is a file of the set the run would replace is refused before any work.
#[test]
fn an_input_the_run_would_replace_is_refused() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("LLC", "llc")));
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    let before = snapshot(&w.path("out"));
    for input in ["out/rejections/rejected_rows.csv", "out"] {
        let res = w.run(&["run", input, "--out", "out", "-q"]);
        let err = String::from_utf8_lossy(&res.stderr);
        let want = if input == "out" { 3 } else { 2 };
        assert_eq!(res.status.code(), Some(want), "{input}: {err}");
        assert!(err.contains(input), "{err}");
        assert!(snapshot(&w.path("out")) == before, "{input}: the folder changed");
    }
}

/// The user's own files in the output folder survive `run` and `check`, and so do the folder's
/// permissions; `check` replaces the whole previous set with its summary.
#[test]
fn the_users_files_in_the_output_folder_are_kept() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    w.write("out/notes.txt", "mine");
    w.write("out/clean/my-copy.csv", "kept");
    w.write("out/archive/2025/report.xlsx", "an old report");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(w.path("out"), std::fs::Permissions::from_mode(0o750)).unwrap();
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    let mode = std::fs::metadata(w.path("out")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o750, "the new folder keeps the previous one's permissions");
    w.run_ok(&["check", "in.csv", "--out", "out", "-q"]);
    let s = assert_one_set(&w.path("out"), "after check");
    assert_eq!(s["command"], "check");
    assert!(!w.path("out/clean/customers.csv").exists(), "check replaces the run's set");
    for (f, text) in
        [("notes.txt", "mine"), ("clean/my-copy.csv", "kept"), ("archive/2025/report.xlsx", "an old report")]
    {
        assert_eq!(std::fs::read_to_string(w.path("out").join(f)).unwrap(), text, "{f}");
    }
}

/// A bad option is refused before anything is written: the previous set is untouched.
#[test]
fn a_bad_option_changes_nothing() {
    let w = Work::new();
    w.write("in.csv", format!("{HEADER}\n{}\n", de_row("Contoso GmbH", "contoso")));
    w.write(
        "two.csv",
        format!("{HEADER}\n{}\n{}\n", de_row("Fabrikam GmbH", "fabrikam"), de_row("LLC", "llc")),
    );
    w.write("small.toml", "[input]\nmax_field_bytes = 100\n");
    w.run_ok(&["run", "in.csv", "--out", "out", "-q"]);
    let before = snapshot(&w.path("out"));
    for bad in [&["--today", "1899-06-01"][..], &["--fail-over", "150"], &["--config", "small.toml"]] {
        let mut args = vec!["run", "two.csv", "--out", "out", "-q"];
        args.extend_from_slice(bad);
        let res = w.run(&args);
        assert_eq!(res.status.code(), Some(2), "{bad:?}: {}", String::from_utf8_lossy(&res.stderr));
        assert!(snapshot(&w.path("out")) == before, "{bad:?}: the folder changed");
        assert!(beside(&w.path("out")).is_empty(), "{bad:?}");
    }
}
