//! `run --outputs KINDS`: only the chosen kinds of output are written (summary.json always), each
//! byte for byte what a run of every output writes, and the folder holds that set alone.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::Path;

/// The files of a folder, relative and `/`-separated, with their bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(dir).into_iter().map(|(rel, bytes)| (rel.replace('\\', "/"), bytes)).collect()
}

/// The names summary.json lists under `outputs`.
fn listed(out: &Path) -> Vec<String> {
    let s = summary(out);
    let mut names: Vec<String> =
        s["outputs"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    names.sort();
    names
}

#[test]
fn only_the_chosen_kinds_are_written_each_as_a_full_run_writes_it() {
    let w = Work::new();
    run_samples(&w, "all", &[]);
    run_samples(&w, "csv", &["--outputs", "csv"]);
    run_samples(&w, "two", &["--outputs", "json,HTML"]);
    let all = files(&w.path("all"));

    let csv = files(&w.path("csv"));
    let names: Vec<&str> = csv.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "clean/customers.csv",
            "duplicates.csv",
            "education.csv",
            "rejections/findings.csv",
            "rejections/rejected_rows.csv",
            "relationship_requests.csv",
            "review/possible_matches.csv",
            "summary.json",
        ]
    );
    let two = files(&w.path("two"));
    let names: Vec<&str> = two.keys().map(String::as_str).collect();
    assert_eq!(names, ["clean/agreements.jsonl", "clean/customers.jsonl", "report.html", "summary.json"]);
    assert!(!w.path("csv/reconciliation").exists(), "no empty folder of a kind not chosen");

    for (set, got) in [("csv", &csv), ("two", &two)] {
        for (name, bytes) in got.iter().filter(|(n, _)| *n != "summary.json") {
            assert!(all[name] == *bytes, "{set}/{name} differs from the full run's");
        }
        let mut want: Vec<String> = got.keys().cloned().collect();
        want.sort();
        assert_eq!(listed(&w.path(set)), want, "{set}: summary.json lists the files written");
        // And times exactly those (summary.json itself is not timed).
        let s = summary(&w.path(set));
        let timed: Vec<&String> = s["timings"]["write_files"].as_object().unwrap().keys().collect();
        let written: Vec<&String> = got.keys().filter(|n| *n != "summary.json").collect();
        assert_eq!(timed, written, "{set}: timings.write_files");
    }
    // The counts do not depend on what is written.
    let (a, c) = (summary(&w.path("all")), summary(&w.path("csv")));
    assert_eq!(a["outcomes"], c["outcomes"]);
    assert_eq!(a["rows_in"], c["rows_in"]);
}

#[test]
fn a_lighter_run_replaces_the_whole_earlier_set() {
    let w = Work::new();
    run_samples(&w, "out", &[]);
    w.write("out/my-notes.txt", "kept");
    run_samples(&w, "out", &["--outputs", "xlsx"]);
    let names: Vec<String> = files(&w.path("out")).into_keys().collect();
    assert_eq!(names, ["my-notes.txt", "report.xlsx", "summary.json"], "no file of the earlier run is left");
}

#[test]
fn unknown_kinds_and_check_are_refused_with_the_kinds_named() {
    let w = Work::new();
    w.write("in.csv", "Company Name,Country\nContoso,US\n");
    let o = w.run(&["run", "in.csv", "--out", "out", "--outputs", "csv,pdf"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("'pdf'") && err.contains("csv, json, xlsx, html, reconciliation"), "{err}");
    assert!(!w.path("out").exists(), "nothing is written for a refused option");

    let o = w.run(&["check", "in.csv", "--out", "out", "--outputs", "csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("summary.json"));
}

#[test]
fn partners_folders_hold_the_chosen_kinds() {
    let w = Work::new();
    w.write(
        "in.csv",
        format!(
            "{HEADER},Reseller\n{},Alpha\n{},Beta\n",
            de_row("Zorblax GmbH", "zorblax"),
            de_row("Quintel GmbH", "quintel"),
        ),
    );
    w.run_ok(&["run", "in.csv", "--out", "out", "-q", "--report-per", "Reseller", "--outputs", "csv"]);
    let names: Vec<String> =
        files(&w.path("out")).into_keys().filter(|n| n.starts_with("partners/")).collect();
    assert_eq!(
        names,
        ["partners/alpha/rejected_rows.csv", "partners/beta/rejected_rows.csv", "partners/index.csv",],
        "the index page links each partner's report.html, so it comes with html"
    );
    let index = read_csv(&w.path("out/partners/index.csv"));
    let paths: Vec<&str> = index.iter().map(|l| l["report"].as_str()).collect();
    assert_eq!(paths, ["partners/alpha/rejected_rows.csv", "partners/beta/rejected_rows.csv"]);
    let mut partner_files: Vec<String> =
        listed(&w.path("out")).into_iter().filter(|n| n.starts_with("partners/")).collect();
    partner_files.sort();
    assert_eq!(partner_files, names, "summary.json lists what is there");
}
