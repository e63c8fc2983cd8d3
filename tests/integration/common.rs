//! A test harness: a temporary work folder, the binary, and readers for its outputs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary folder to write inputs into and run the tool in.
pub struct Work {
    pub dir: tempfile::TempDir,
}

impl Work {
    pub fn new() -> Work {
        Work { dir: tempfile::tempdir().expect("a temp dir") }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file (bytes as given).
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// Runs the binary with `args` in this folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_pc-onboard"))
            .args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("the binary runs")
    }

    /// Runs and asserts the exit code; returns stderr.
    pub fn run_ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(0), "pc-onboard {args:?} failed:\n{stderr}");
        stderr
    }
}

/// The project root (for the bundled samples).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the README's command on the samples into `out`.
pub fn run_samples(w: &Work, out: &str, extra: &[&str]) {
    let root = root();
    let legacy = root.join("samples/legacy");
    let export = root.join("samples/partner_center_export.csv");
    let config = root.join("samples/partner.toml");
    let mut args = vec![
        "run",
        legacy.to_str().unwrap(),
        "--existing",
        export.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--out",
        out,
        "--today",
        "2026-11-26",
        "--quiet",
    ];
    args.extend_from_slice(extra);
    w.run_ok(&args);
}

/// Reads a CSV output into header-keyed rows.
pub fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut rdr = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = rdr.headers().unwrap().clone();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            headers.iter().zip(r.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()
        })
        .collect()
}

/// A row's identity across outputs: (file name, sheet, row).
pub type RowKey = (String, String, String);

pub fn row_key(r: &BTreeMap<String, String>) -> RowKey {
    let file = r["source_file"].trim_start_matches('\'');
    let name = Path::new(file).file_name().unwrap().to_string_lossy().to_string();
    (name, r["source_sheet"].clone(), r["source_row"].clone())
}

/// Every row's outcome, from the five outcome files.
pub fn outcomes(out: &Path) -> BTreeMap<RowKey, String> {
    let mut m = BTreeMap::new();
    for (file, outcome) in [
        ("clean/customers.csv", "clean"),
        ("education.csv", "education"),
        ("relationship_requests.csv", "existing"),
        ("duplicates.csv", "duplicate"),
        ("rejections/rejected_rows.csv", "rejected"),
    ] {
        for r in read_csv(&out.join(file)) {
            let prev = m.insert(row_key(&r), outcome.to_string());
            assert!(prev.is_none(), "{:?} has two outcomes", row_key(&r));
        }
    }
    m
}

/// Every row's rule codes, from findings.csv.
pub fn findings(out: &Path) -> BTreeMap<RowKey, BTreeSet<String>> {
    let mut m: BTreeMap<RowKey, BTreeSet<String>> = BTreeMap::new();
    for r in read_csv(&out.join("rejections/findings.csv")) {
        m.entry(row_key(&r)).or_default().insert(r["rule"].clone());
    }
    m
}

/// The parsed summary.json.
pub fn summary(out: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}

/// A minimal valid CSV header and row builder for hand-made inputs.
pub const HEADER: &str = "Company Name,Address,City,State,Postal Code,Country,First Name,Last Name,Email,Phone,Tax ID,Domain,MCA Accepted,MCA Date";

/// A clean German row with the given company name and domain.
pub fn de_row(company: &str, domain: &str) -> String {
    format!("{company},Unter den Linden 1,Berlin,,10117,DE,Anna,Schmidt,anna@{domain}.de,+49 30 901820,,{domain},yes,2024-01-15")
}

/// Every file under `dir` with its bytes, sorted by path: to compare a folder before and after.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().map(|e| e.unwrap()) {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().to_string();
                files.push((rel, std::fs::read(e.path()).unwrap()));
            }
        }
    }
    files.sort();
    files
}
