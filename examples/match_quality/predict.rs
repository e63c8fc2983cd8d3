//! What a tool answered, in one shape for every tool: each row's cluster (duplicates) and each
//! row's Partner Center customer (existing links). pc-onboard's is read from its output files;
//! Splink's from the files `scripts/match_quality_splink.py` writes.

use super::truth::read;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

/// One tool's answer.
pub struct Prediction {
    /// The column title.
    pub tool: String,
    /// Row → cluster label (rows without one are alone).
    pub cluster: HashMap<String, String>,
    /// Row → customer ID.
    pub link: HashMap<String, String>,
}

fn strip(v: &str) -> &str {
    pc_onboard::normalize::text::strip_formula_guard(v)
}

/// pc-onboard's answer from `duplicates.csv` and `relationship_requests.csv`. A duplicate's
/// own customer is not written anywhere (it is routed as a duplicate), so it inherits its
/// survivor's: every row is scored, as for Splink.
pub fn pc_onboard(out: &Path) -> anyhow::Result<Prediction> {
    let mut cluster = HashMap::new();
    let mut survivor = HashMap::new();
    for d in read(&out.join("duplicates.csv"))? {
        let (row, surv) = (strip(&d["source_row"]).to_string(), strip(&d["survivor_row"]).to_string());
        cluster.insert(row.clone(), d["cluster_id"].clone());
        cluster.insert(surv.clone(), d["cluster_id"].clone());
        survivor.insert(row, surv);
    }
    let mut link: HashMap<String, String> = HashMap::new();
    for r in read(&out.join("relationship_requests.csv"))? {
        link.insert(strip(&r["source_row"]).to_string(), r["pc_customer_id"].clone());
    }
    for (row, surv) in &survivor {
        if let Some(c) = link.get(surv).cloned() {
            link.entry(row.clone()).or_insert(c);
        }
    }
    Ok(Prediction { tool: "pc-onboard".into(), cluster, link })
}

/// Runs the Splink script on the generated files in `dir`; returns its seconds.
pub fn run_splink(python: &str, dir: &Path, thresholds: &[f64]) -> anyhow::Result<f64> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/match_quality_splink.py");
    let mut cmd = Command::new(python);
    cmd.arg(&script).arg(dir);
    for t in thresholds {
        cmd.arg("--threshold").arg(t.to_string());
    }
    let started = std::time::Instant::now();
    let status = cmd.status().map_err(|e| {
        anyhow::anyhow!("{python} {}: {e} (is Python installed? pass --python)", script.display())
    })?;
    if !status.success() {
        anyhow::bail!(
            "{} failed ({status}); it needs `pip install splink unidecode`, or run without --splink",
            script.display()
        );
    }
    Ok(started.elapsed().as_secs_f64())
}

/// Splink's answer at threshold `t`, from the script's files.
pub fn splink(dir: &Path, t: f64) -> anyhow::Result<Prediction> {
    let d = dir.join("splink");
    let cluster = read(&d.join(format!("clusters_{t}.csv")))?
        .into_iter()
        .map(|r| (r["row"].clone(), r["cluster"].clone()))
        .collect();
    let link = read(&d.join(format!("links_{t}.csv")))?
        .into_iter()
        .filter(|r| !r["pc_customer_id"].is_empty())
        .map(|r| (r["row"].clone(), r["pc_customer_id"].clone()))
        .collect();
    Ok(Prediction { tool: format!("splink@{t}"), cluster, link })
}
