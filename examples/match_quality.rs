//! Measured matching quality: generates a labelled list with `pc_onboard::generate`, runs the
//! real pipeline on it in-process, and compares duplicates.csv and relationship_requests.csv
//! with the truth file.
//!
//! ```sh
//! cargo run --release --example match_quality -- --rows 20000 --seed 1
//! ```
//!
//! Duplicates are scored pairwise over rows (a pair is predicted when both rows are in the same
//! cluster, true when both belong to the same entity). Existing customers are scored per row
//! (row → Partner Center customer ID) over the rows the pipeline did not route as duplicates,
//! since a duplicate's own match is not written anywhere; a second line lets duplicates inherit
//! their survivor's match. Breakdowns say which variations, planted faults and existing-match
//! kinds are missed, and which look-alikes are merged.

use clap::Parser;
use pc_onboard::generate::{self, Options};
use pc_onboard::Config;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Measure duplicate and existing-customer matching against a generated truth.
#[derive(Parser)]
struct Args {
    /// Rows to generate.
    #[arg(long, default_value_t = 20_000)]
    rows: u64,
    /// Generator seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Keep the generated files and outputs in this folder (default: a temporary folder).
    #[arg(long, value_name = "DIR")]
    keep: Option<PathBuf>,
    /// Misses and false matches to print per kind.
    #[arg(long, default_value_t = 3)]
    examples: usize,
    /// A partner profile (TOML) for the run, e.g. to try other matching thresholds.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

type Rec = HashMap<String, String>;

fn read(path: &Path) -> Vec<Rec> {
    let mut rdr = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let h = rdr.headers().expect("a header").clone();
    rdr.records()
        .map(|r| h.iter().zip(r.expect("a record").iter()).map(|(k, v)| (k.into(), v.into())).collect())
        .collect()
}

fn strip(v: &str) -> &str {
    pc_onboard::normalize::text::strip_formula_guard(v)
}

/// Precision, recall and F1 from counts.
fn prf(tp: u64, fp: u64, fn_: u64) -> (f64, f64, f64) {
    let p = if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

#[derive(Default)]
struct Tally {
    found: u64,
    total: u64,
}

fn print_tally(title: &str, t: &BTreeMap<String, Tally>) {
    println!("  {title}:");
    for (k, v) in t {
        println!(
            "    {k:<40} {:>6} / {:<6} found  ({:.1}%)",
            v.found,
            v.total,
            100.0 * v.found as f64 / v.total.max(1) as f64
        );
    }
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let tmp = tempfile::tempdir()?;
    let dir = args.keep.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir)?;
    let (list, pc, truth_path, out) =
        (dir.join("list.csv"), dir.join("pc.csv"), dir.join("truth.csv"), dir.join("out"));
    let gen = generate::generate(&Options {
        rows: args.rows,
        seed: args.seed,
        out: list.clone(),
        existing_out: Some(pc.clone()),
        existing_rows: None,
        truth_out: Some(truth_path.clone()),
    })?;
    let mut cfg = Config::new(vec![list]);
    if let Some(path) = &args.config {
        cfg.profile = pc_onboard::config::Profile::load(path)?;
    }
    cfg.existing = vec![pc];
    cfg.out_dir = out.clone();
    let started = std::time::Instant::now();
    let report = pc_onboard::run(&cfg)?;
    let run_secs = started.elapsed().as_secs_f64();

    let truth = read(&truth_path);
    let by_row: HashMap<&str, &Rec> = truth.iter().map(|t| (t["row"].as_str(), t)).collect();
    // Predicted clusters: survivors and their duplicates.
    let mut cluster: HashMap<String, String> = HashMap::new();
    let mut dup_rule: HashMap<String, String> = HashMap::new();
    for d in read(&out.join("duplicates.csv")) {
        cluster.insert(strip(&d["source_row"]).to_string(), d["cluster_id"].clone());
        cluster.insert(strip(&d["survivor_row"]).to_string(), d["cluster_id"].clone());
        dup_rule.insert(strip(&d["source_row"]).to_string(), d["match_rule"].clone());
    }
    let mut predicted_pc: HashMap<String, String> = HashMap::new();
    for r in read(&out.join("relationship_requests.csv")) {
        predicted_pc.insert(strip(&r["source_row"]).to_string(), r["pc_customer_id"].clone());
    }

    // Duplicates, pairwise.
    let mut entity_size: HashMap<&str, u64> = HashMap::new();
    for t in &truth {
        *entity_size.entry(&t["entity"]).or_default() += 1;
    }
    let true_pairs: u64 = entity_size.values().map(|n| pairs(*n)).sum();
    let mut members: HashMap<&str, Vec<&str>> = HashMap::new();
    for (row, c) in &cluster {
        members.entry(c).or_default().push(row);
    }
    let mut pred_pairs = 0;
    let mut tp = 0;
    let mut false_merges: BTreeMap<String, Tally> = BTreeMap::new();
    let mut merge_examples: Vec<String> = Vec::new();
    for rows in members.values() {
        pred_pairs += pairs(rows.len() as u64);
        let mut per_entity: HashMap<&str, u64> = HashMap::new();
        for r in rows {
            *per_entity.entry(&by_row[r]["entity"]).or_default() += 1;
        }
        tp += per_entity.values().map(|n| pairs(*n)).sum::<u64>();
        if per_entity.len() > 1 {
            for r in rows {
                let t = by_row[r];
                let kind = if t["lookalike_of"].is_empty() {
                    "distinct companies"
                } else {
                    "look-alike (same name, other city)"
                };
                let rule = dup_rule.get(*r).cloned().unwrap_or_else(|| "survivor".into());
                false_merges.entry(format!("{kind}, rule {rule}")).or_default().total += 1;
            }
            if merge_examples.len() < args.examples {
                merge_examples.push(
                    rows.iter()
                        .map(|r| format!("row {r} (entity {})", by_row[r]["entity"]))
                        .collect::<Vec<_>>()
                        .join(" + "),
                );
            }
        }
    }
    let (p, r, f) = prf(tp, pred_pairs - tp, true_pairs - tp);

    // Recall per duplicate row, by variation and by planted fault.
    let mut by_variation: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_fault: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_count: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for t in truth.iter().filter(|t| !t["duplicate_of"].is_empty()) {
        let first = by_row[t["duplicate_of"].as_str()];
        let found =
            matches!((cluster.get(&t["row"]), cluster.get(&first["row"])), (Some(a), Some(b)) if a == b);
        let vars: Vec<&str> = t["variations"].split(';').filter(|v| !v.is_empty()).collect();
        let faults = [t["fault_family"].as_str(), first["fault_family"].as_str()];
        let fault_key = match faults {
            ["", ""] => "none".to_string(),
            [a, ""] | ["", a] => a.to_string(),
            [a, b] => format!("{a}+{b}"),
        };
        for key in vars.iter().map(|v| v.to_string()) {
            let e = by_variation.entry(key.clone()).or_default();
            e.total += 1;
            e.found += u64::from(found);
            if !found && fault_key == "none" && misses.entry(key.clone()).or_default().len() < args.examples {
                misses
                    .get_mut(&key)
                    .expect("just added")
                    .push(format!("rows {} and {}", first["row"], t["row"]));
            }
        }
        let e = by_fault.entry(format!("fault: {fault_key}")).or_default();
        e.total += 1;
        e.found += u64::from(found);
        let e = by_count.entry(format!("{} variation(s)", vars.len())).or_default();
        e.total += 1;
        e.found += u64::from(found);
    }

    // Existing customers, per row.
    let (mut etp, mut efp, mut efn) = (0u64, 0u64, 0u64);
    let (mut itp, mut ifp, mut ifn) = (0u64, 0u64, 0u64);
    let mut by_mode: BTreeMap<String, Tally> = BTreeMap::new();
    let mut wrong: Vec<String> = Vec::new();
    let survivor_of: HashMap<String, String> = read(&out.join("duplicates.csv"))
        .into_iter()
        .map(|d| (strip(&d["source_row"]).to_string(), strip(&d["survivor_row"]).to_string()))
        .collect();
    for t in &truth {
        let want = t["pc_customer_id"].as_str();
        let routed_dup = survivor_of.contains_key(&t["row"]);
        let got = predicted_pc.get(&t["row"]).map(String::as_str).unwrap_or("");
        let inherited =
            survivor_of.get(&t["row"]).and_then(|s| predicted_pc.get(s)).map(String::as_str).unwrap_or(got);
        let score = |got: &str, tp: &mut u64, fp: &mut u64, fn_: &mut u64| {
            if !got.is_empty() && got == want {
                *tp += 1;
            } else {
                *fp += u64::from(!got.is_empty());
                *fn_ += u64::from(!want.is_empty());
            }
        };
        score(inherited, &mut itp, &mut ifp, &mut ifn);
        if routed_dup {
            continue;
        }
        score(got, &mut etp, &mut efp, &mut efn);
        if !want.is_empty() {
            let key = format!(
                "{} (fault: {})",
                t["existing_rule"],
                if t["fault_family"].is_empty() { "none" } else { &t["fault_family"] }
            );
            let e = by_mode.entry(key).or_default();
            e.total += 1;
            e.found += u64::from(got == want);
        }
        if !got.is_empty() && got != want && wrong.len() < args.examples {
            wrong.push(format!("row {} matched {got}, truth '{want}'", t["row"]));
        }
    }
    let (ep, er, ef) = prf(etp, efp, efn);
    let (ip, ir, iff) = prf(itp, ifp, ifn);

    let s = &report.summary;
    println!(
        "match_quality: {} rows, seed {}; generated in {:.2}s, run in {:.2}s",
        gen.rows, args.seed, gen.seconds, run_secs
    );
    println!(
        "  planted: {} duplicate rows, {} existing customers ({} rows), {} look-alike rows; outcomes {:?}",
        gen.duplicates, gen.existing_customers, gen.existing_rows, gen.lookalikes, s.outcomes
    );
    println!("duplicates (pairwise over rows): precision {p:.4}  recall {r:.4}  F1 {f:.4}   [tp {tp}, predicted {pred_pairs}, true {true_pairs}]");
    println!("existing (row -> customer, rows not routed as duplicates): precision {ep:.4}  recall {er:.4}  F1 {ef:.4}   [tp {etp}, fp {efp}, fn {efn}]");
    println!("existing (all rows, duplicates inherit their survivor's match): precision {ip:.4}  recall {ir:.4}  F1 {iff:.4}");
    println!("duplicate recall by variation (a row counts under each of its variations):");
    print_tally("variation", &by_variation);
    print_tally("number of variations", &by_count);
    print_tally("planted fault on the duplicate or its first row", &by_fault);
    println!("false merges (rows in clusters that mix entities), by kind and the rule that put the row in:");
    for (k, v) in &false_merges {
        println!("    {k:<60} {:>6} rows", v.total);
    }
    for e in &merge_examples {
        println!("    e.g. {e}");
    }
    println!("existing recall by planted kind:");
    print_tally("kind", &by_mode);
    for w in &wrong {
        println!("    wrong: {w}");
    }
    println!("missed duplicates without faults, examples per variation:");
    for (k, v) in &misses {
        println!("    {k}: {}", v.join("; "));
    }
    if args.keep.is_some() {
        println!("files kept in {}", dir.display());
    }
    Ok(())
}
