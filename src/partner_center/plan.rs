//! What `push` has to send: the clean folder of a `run` read back line by line. Line N of
//! `clean/customers.jsonl` is the create-customer body of data row N of `clean/customers.csv`
//! (whose `source_*` columns lead back to the input row), and line N of
//! `clean/agreements.jsonl` is its attestation, or `null`.

use super::ids::request_id;
use crate::error::{Error, Position, Result};
use std::collections::HashMap;
use std::path::Path;

/// One clean line and the requests it makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 1-based, as in the three files.
    pub n: u64,
    /// `source_file`, `source_sheet`, `source_row`, `source_id`.
    pub source: [String; 4],
    /// The company name, for people reading the plan and the results.
    pub company: String,
    /// `companyProfile.domain`.
    pub domain: String,
    /// The create-customer body, exactly as written.
    pub body: String,
    /// The attestation body, or `None` where the row records no acceptance.
    pub agreement: Option<String>,
    /// The customer request's `MS-RequestId`.
    pub request_id: String,
    /// An indirect reseller's customer (`associatedPartnerId`): App+User only.
    pub indirect: bool,
    /// An earlier line with the very same body: one customer, so it is not sent twice.
    pub same_as: Option<u64>,
}

/// The agreement request's `MS-RequestId`: its body and the customer it is for.
pub fn agreement_request_id(customer_id: &str, body: &str) -> String {
    request_id("agreement", &[customer_id, body])
}

/// Reads `DIR/clean/`; every problem names the file and line and says to run `run` again.
pub fn load(out_dir: &Path) -> Result<Vec<Line>> {
    let clean = out_dir.join("clean");
    let csv_path = clean.join("customers.csv");
    let bodies_path = clean.join("customers.jsonl");
    let agreements_path = clean.join("agreements.jsonl");
    for p in [&csv_path, &bodies_path, &agreements_path] {
        if !p.is_file() {
            return Err(Error::input_file(
                p,
                "missing: give push the --out folder of `pc-onboard run` (this version writes \
                 clean/customers.csv, customers.jsonl and agreements.jsonl)",
            ));
        }
    }
    let sources = read_sources(&csv_path)?;
    let bodies = read_lines(&bodies_path)?;
    let agreements = read_lines(&agreements_path)?;
    if bodies.len() != sources.len() || agreements.len() != sources.len() {
        return Err(Error::input_file(
            &clean,
            format!(
                "the clean files disagree: customers.csv has {} rows, customers.jsonl {} lines, \
                 agreements.jsonl {} lines; run `pc-onboard run` again to write them together",
                sources.len(),
                bodies.len(),
                agreements.len()
            ),
        ));
    }
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut out = Vec::with_capacity(bodies.len());
    for (i, ((source, body), agreement)) in sources.into_iter().zip(bodies).zip(agreements).enumerate() {
        let n = i as u64 + 1;
        let at = |path: &Path, msg: &str| {
            let pos = Position { file: path.to_owned(), row: Some(n), ..Position::default() };
            Error::input(pos, format!("{msg}; run `pc-onboard run` again to rewrite the clean files"))
        };
        let json: serde_json::Value =
            serde_json::from_str(&body).map_err(|e| at(&bodies_path, &format!("not JSON ({e})")))?;
        let field =
            |a: &str, b: &str| json.get(a).and_then(|o| o.get(b)).and_then(|v| v.as_str()).unwrap_or("");
        if !json.get("companyProfile").is_some_and(|v| v.is_object())
            || !json.get("billingProfile").is_some_and(|v| v.is_object())
        {
            return Err(at(
                &bodies_path,
                "not a create-customer body (no companyProfile and billingProfile)",
            ));
        }
        let agreement = match serde_json::from_str::<serde_json::Value>(&agreement) {
            Ok(serde_json::Value::Null) => None,
            Ok(serde_json::Value::Object(_)) => Some(agreement),
            _ => return Err(at(&agreements_path, "neither an agreement body nor null")),
        };
        let request_id = request_id("customer", &[&body]);
        let same_as = seen.get(&request_id).copied();
        seen.entry(request_id.clone()).or_insert(n);
        out.push(Line {
            n,
            source,
            company: field("billingProfile", "companyName").to_string(),
            domain: field("companyProfile", "domain").to_string(),
            indirect: json
                .get("associatedPartnerId")
                .is_some_and(|v| v.as_str().is_some_and(|s| !s.is_empty())),
            body,
            agreement,
            request_id,
            same_as,
        });
    }
    Ok(out)
}

/// The four `source_*` columns of every data row of `customers.csv`.
fn read_sources(path: &Path) -> Result<Vec<[String; 4]>> {
    let err = |e: csv::Error| Error::input_file(path, format!("cannot read: {e}"));
    let mut rdr = csv::Reader::from_path(path).map_err(err)?;
    let header = rdr.headers().map_err(err)?.clone();
    let col = |name: &str| {
        header.iter().position(|h| h == name).ok_or_else(|| {
            Error::input_file(path, format!("no {name} column: this is not a clean/customers.csv"))
        })
    };
    let idx = [col("source_file")?, col("source_sheet")?, col("source_row")?, col("source_id")?];
    rdr.records()
        .map(|r| {
            let r = r.map_err(err)?;
            Ok(idx.map(|i| r.get(i).unwrap_or("").to_string()))
        })
        .collect()
}

/// The lines of a JSON Lines file (a last empty line is the file's end, not a line).
fn read_lines(path: &Path) -> Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::input_file(path, format!("cannot read: {e}")))?;
    Ok(text.lines().map(str::to_string).collect())
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
