//! `push` against the stand-in: a dry run sends nothing; every clean line is created exactly
//! once across a run killed half-way and resumed; a 429 storm slows the run without failing a
//! line; 5xx and dropped connections are retried with the same request ID; refused lines land
//! in results.csv with their code, rule and fix.

use crate::common::{read_csv, run_samples, Work};
use crate::fake_pc::{Behaviour, FakePc, APP_ID, REFRESH, SECRET, TENANT};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The samples' run into `out`, its clean files cut to the first `n` lines when asked.
pub fn clean_out(w: &Work, n: Option<usize>) {
    run_samples(w, "out", &[]);
    let Some(n) = n else { return };
    let clean = w.path("out/clean");
    for f in ["customers.jsonl", "agreements.jsonl"] {
        let text = std::fs::read_to_string(clean.join(f)).unwrap();
        let kept: Vec<&str> = text.lines().take(n).collect();
        std::fs::write(clean.join(f), kept.join("\n") + "\n").unwrap();
    }
    let mut rdr = csv::Reader::from_path(clean.join("customers.csv")).unwrap();
    let mut wtr = csv::Writer::from_path(clean.join("customers.new")).unwrap();
    wtr.write_record(rdr.headers().unwrap()).unwrap();
    for rec in rdr.records().take(n) {
        wtr.write_record(&rec.unwrap()).unwrap();
    }
    wtr.flush().unwrap();
    std::fs::rename(clean.join("customers.new"), clean.join("customers.csv")).unwrap();
}

/// The command with the stand-in's credentials in its environment (`secret` as the app secret).
pub fn command(w: &Work, args: &[&str], secret: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pc-onboard"));
    c.args(args)
        .current_dir(w.dir.path())
        .env("NO_COLOR", "1")
        .env("PC_ONBOARD_APP_ID", APP_ID)
        .env("PC_ONBOARD_TENANT", TENANT)
        .env("PC_ONBOARD_APP_SECRET", secret)
        .env("PC_ONBOARD_REFRESH_TOKEN", REFRESH);
    c
}

pub fn pc(w: &Work, args: &[&str]) -> Output {
    command(w, args, SECRET).output().expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// results.csv by line number.
fn results(w: &Work) -> BTreeMap<u64, BTreeMap<String, String>> {
    read_csv(&w.path("out/push/results.csv")).into_iter().map(|r| (r["line"].parse().unwrap(), r)).collect()
}

fn lines_of(path: &Path) -> usize {
    std::fs::read_to_string(path).unwrap().lines().count()
}

fn profile(w: &Work, fake: &FakePc) {
    w.write("pc.toml", fake.profile(""));
}

#[test]
fn a_dry_run_sends_nothing_and_says_what_it_would_send() {
    let w = Work::new();
    clean_out(&w, None);
    let fake = FakePc::start(Behaviour::default());
    profile(&w, &fake);
    let out = pc(&w, &["push", "out", "--config", "pc.toml"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let customers = lines_of(&w.path("out/clean/customers.jsonl"));
    let agreements = std::fs::read_to_string(w.path("out/clean/agreements.jsonl")).unwrap();
    let agreements = agreements.lines().filter(|l| *l != "null").count();
    assert_eq!(stdout.matches(&format!("POST   {}/v1/customers  line", fake.url)).count(), customers);
    assert_eq!(stdout.matches("/agreements  line").count(), agreements);
    assert!(
        stderr.contains("nothing was sent")
            && stderr.contains("--yes")
            && stderr.contains("credentials found")
    );
    let st = fake.state();
    assert_eq!((st.api_requests, st.token_requests), (0, 0), "a dry run sends nothing, not even for a token");
    assert!(!w.path("out/push").exists(), "and writes nothing");
}

#[test]
fn every_line_is_created_once_across_a_kill_and_a_resume() {
    let w = Work::new();
    clean_out(&w, None);
    let total = lines_of(&w.path("out/clean/customers.jsonl"));
    let fake = FakePc::start(Behaviour { hang_after: Some(40), ..Behaviour::default() });
    profile(&w, &fake);
    let mut child = command(&w, &["push", "out", "--yes", "--config", "pc.toml"], SECRET)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !fake.state().hung {
        assert!(start.elapsed() < Duration::from_secs(60), "the stand-in never got the 41st customer");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Killed while the 41st customer is created but its answer has not come.
    child.kill().unwrap();
    child.wait().unwrap();
    let journal = read_csv(&w.path("out/push/journal.csv"));
    let created: HashSet<&str> =
        journal.iter().filter(|e| e["status"] == "created").map(|e| e["request_id"].as_str()).collect();
    assert_eq!(created.len(), 40);
    let last = journal.last().unwrap();
    assert_eq!((last["status"].as_str(), last["step"].as_str()), ("sending", "customer"));
    let in_doubt = last["request_id"].clone();

    fake.state().behaviour.hang_after = None;
    let out = pc(&w, &["push", "out", "--yes", "--config", "pc.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let st = fake.state();
    assert!(st.violations.is_empty(), "{:?}", st.violations);
    // One customer per clean line: the in-doubt request went again with the same ID and got
    // the customer the killed run had created.
    assert_eq!(st.customers.len(), total);
    assert_eq!(st.create_requests.iter().filter(|r| **r == in_doubt).count(), 2);
    let distinct: HashSet<&String> = st.create_requests.iter().collect();
    assert_eq!(distinct.len(), total);
    let res = results(&w);
    assert_eq!(res.len(), total, "results.csv has every clean line");
    let ids: HashSet<&str> = res.values().map(|r| r["customer_id"].as_str()).collect();
    let server_ids: HashSet<&str> = st.customers.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, server_ids);
    let before = res.values().filter(|r| r["customer_status"] == "already_created").count();
    assert_eq!(before, 40);
    assert!(res.values().all(|r| ["created", "already_created"].contains(&r["customer_status"].as_str())));
    // Each agreement confirmed once, for the customer its line created.
    let want_agreements = std::fs::read_to_string(w.path("out/clean/agreements.jsonl")).unwrap();
    let want_agreements = want_agreements.lines().filter(|l| *l != "null").count();
    assert_eq!(st.agreements.len(), want_agreements);
    assert_eq!(st.agreement_requests.len(), want_agreements, "no agreement sent twice");
    let confirmed = |word: &str| res.values().filter(|r| r["agreement_status"] == word).count();
    assert_eq!(confirmed("confirmed") + confirmed("already_confirmed"), want_agreements);
    assert!(confirmed("already_confirmed") >= 35, "the killed run's 40 lines mostly had one");
    let admins = read_csv(&w.path("out/push/customer_admins.csv"));
    assert_eq!(admins.len(), total, "every new customer's admin credentials, the in-doubt one's on resume");
    let runs: HashSet<&String> = st.correlation_ids.iter().collect();
    assert_eq!(runs.len(), 2, "one correlation ID per run");
    drop(st);

    // A third run finds everything done and sends nothing but the sign-in.
    let before_requests = fake.state().api_requests;
    let out = pc(&w, &["push", "out", "--yes", "--config", "pc.toml"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(fake.state().api_requests, before_requests);
    assert!(results(&w).values().all(|r| r["customer_status"] == "already_created"));
}

#[test]
fn a_429_storm_slows_the_run_without_a_failed_line() {
    let w = Work::new();
    clean_out(&w, Some(6));
    let fake = FakePc::start(Behaviour { throttle_first: 3, ..Behaviour::default() });
    profile(&w, &fake);
    let start = Instant::now();
    let out = pc(&w, &["push", "out", "--yes", "--config", "pc.toml"]);
    let elapsed = start.elapsed();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // Three 429s, each with Retry-After: 1, honoured.
    assert!(elapsed >= Duration::from_secs(3), "{elapsed:?}");
    assert_eq!(fake.state().throttled, 3);
    assert_eq!(fake.state().customers.len(), 6);
    assert!(stderr.contains("3 throttled (429)"), "{stderr}");
    assert!(results(&w).values().all(|r| r["customer_status"] == "created" && r["error_code"].is_empty()));
    assert_eq!(lines_of(&w.path("out/push/errors.csv")), 1, "only the header");
}

#[test]
fn server_errors_and_dropped_connections_are_retried_with_the_same_request_id() {
    let w = Work::new();
    clean_out(&w, Some(4));
    let bodies = std::fs::read_to_string(w.path("out/clean/customers.jsonl")).unwrap();
    let domain = |i: usize| {
        let v: serde_json::Value = serde_json::from_str(bodies.lines().nth(i).unwrap()).unwrap();
        v["companyProfile"]["domain"].as_str().unwrap().to_string()
    };
    let fake = FakePc::start(Behaviour {
        fail_once: vec![domain(1)],
        drop_once: vec![domain(2)],
        ..Behaviour::default()
    });
    profile(&w, &fake);
    let out = pc(&w, &["push", "out", "--yes", "--config", "pc.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let st = fake.state();
    assert_eq!(st.customers.len(), 4);
    assert_eq!(st.create_requests.len(), 6, "lines 2 and 3 went twice");
    let res = results(&w);
    for line in [2, 3] {
        let rid = &res[&line]["request_id"];
        assert_eq!(
            st.create_requests.iter().filter(|r| *r == rid).count(),
            2,
            "line {line}: the same MS-RequestId"
        );
    }
    assert!(res.values().all(|r| r["customer_status"] == "created"));
    drop(st);

    // The same folder pushed for another partner tenant (the sandbox's, say) is refused: this
    // journal must not make that run skip customers it never created there.
    let out = command(&w, &["push", "out", "--yes", "--config", "pc.toml"], SECRET)
        .env("PC_ONBOARD_TENANT", "contoso-sandbox.onmicrosoft.com")
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("contoso-sandbox.onmicrosoft.com") && stderr.contains("another"), "{stderr}");
}

#[test]
fn refused_lines_land_in_results_with_code_rule_and_fix() {
    let w = Work::new();
    clean_out(&w, Some(5));
    let bodies = std::fs::read_to_string(w.path("out/clean/customers.jsonl")).unwrap();
    let domain = |i: usize| {
        let v: serde_json::Value = serde_json::from_str(bodies.lines().nth(i).unwrap()).unwrap();
        v["companyProfile"]["domain"].as_str().unwrap().to_string()
    };
    let refuse = vec![
        (
            domain(1),
            400,
            "600049".to_string(),
            "Organization registration id information is missing".to_string(),
        ),
        (domain(3), 400, "600051".to_string(), "Customer phone number is missing".to_string()),
    ];
    let fake = FakePc::start(Behaviour { refuse, ..Behaviour::default() });
    profile(&w, &fake);
    let out = pc(&w, &["push", "out", "--yes", "--config", "pc.toml"]);
    assert_eq!(out.status.code(), Some(1), "refused lines make the push incomplete");
    let res = results(&w);
    let l2 = &res[&2];
    assert_eq!(
        (
            l2["customer_status"].as_str(),
            l2["http_status"].as_str(),
            l2["error_code"].as_str(),
            l2["rule"].as_str()
        ),
        ("failed", "400", "600049", "registration_id.missing")
    );
    assert!(l2["message"].contains("registration id") && !l2["fix"].is_empty());
    assert_eq!(res[&4]["rule"], "phone.missing");
    assert!(["not_sent", "none"].contains(&l2["agreement_status"].as_str()));
    let errors = read_csv(&w.path("out/push/errors.csv"));
    let lines: Vec<&str> = errors.iter().map(|r| r["line"].as_str()).collect();
    assert_eq!(lines, ["2", "4"]);
    assert_eq!(errors[0]["source_row"], l2["source_row"], "each error leads back to its input row");
    assert_eq!(fake.state().customers.len(), 3);

    // A rerun does not send a refused body again (it would be refused again)…
    let sent = fake.state().create_requests.len();
    let out = pc(&w, &["push", "out", "--yes", "--config", "pc.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fake.state().create_requests.len(), sent);
    assert_eq!(results(&w)[&2]["error_code"], "600049", "the journal keeps the reason");
    // …unless asked to.
    fake.state().behaviour.refuse.clear();
    let out = pc(&w, &["push", "out", "--yes", "--retry-failed", "--config", "pc.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(fake.state().customers.len(), 5);
}
