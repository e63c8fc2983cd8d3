//! `push/results.csv`: every clean line exactly once, with its new customer ID or why it has
//! none; `push/errors.csv`: only the lines a person must act on, with Partner Center's code,
//! the rule it corresponds to and the fix, as `rejections/findings.csv` explains findings.

use super::codes::Explained;
use crate::error::Result;
use crate::write::guard::guard;
use crate::write::{csv_err, csv_writer, finish};
use std::path::{Path, PathBuf};

/// What became of one step (customer or agreement) of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Done in this run.
    Done,
    /// Done in an earlier run (the journal says so).
    DoneBefore,
    /// Partner Center refused it (a 4xx).
    Failed,
    /// Still failing after every retry: a rerun sends it again.
    GaveUp,
    /// Not sent: the run stopped first, or the customer does not exist yet.
    NotSent,
    /// Nothing to send: the same body as an earlier line, or no agreement recorded.
    Nothing,
}

/// A line's outcome.
#[derive(Clone, Debug)]
pub struct LineResult {
    /// The clean line.
    pub line: u64,
    /// `source_file`, `source_sheet`, `source_row`, `source_id`.
    pub source: [String; 4],
    /// Company name and domain.
    pub company: String,
    /// `companyProfile.domain`.
    pub domain: String,
    /// The customer step.
    pub customer: State,
    /// The customer's ID in Partner Center.
    pub customer_id: String,
    /// The agreement step.
    pub agreement: State,
    /// The earlier line whose customer this is (same body), if any.
    pub same_as: Option<u64>,
    /// The HTTP status of the failure, if any.
    pub http_status: Option<u16>,
    /// The failure, explained.
    pub error: Option<Explained>,
    /// The customer request's ID.
    pub request_id: String,
}

impl LineResult {
    /// The customer column's word.
    pub fn customer_word(&self) -> String {
        match (self.customer, self.same_as) {
            (State::Nothing, Some(n)) => format!("same_as_line_{n}"),
            (s, _) => word(s, "created").to_string(),
        }
    }

    /// Whether a person must act (a refusal, or a request that kept failing).
    pub fn needs_action(&self) -> bool {
        [self.customer, self.agreement].iter().any(|s| matches!(s, State::Failed | State::GaveUp))
    }

    /// Whether everything this line asks for is done.
    pub fn complete(&self) -> bool {
        let done = |s: State| matches!(s, State::Done | State::DoneBefore | State::Nothing);
        done(self.customer) && done(self.agreement)
    }
}

/// A state as the results files write it (`created`, `already_created`, …).
fn word(s: State, done: &'static str) -> &'static str {
    match (s, done) {
        (State::Done, d) => d,
        (State::DoneBefore, "created") => "already_created",
        (State::DoneBefore, _) => "already_confirmed",
        (State::Failed, _) => "failed",
        (State::GaveUp, _) => "gave_up",
        (State::NotSent, _) => "not_sent",
        (State::Nothing, "created") => "same_body",
        (State::Nothing, _) => "none",
    }
}

/// The columns of both files.
pub const HEADER: [&str; 16] = [
    "line",
    "source_file",
    "source_sheet",
    "source_row",
    "source_id",
    "company_name",
    "domain",
    "customer_status",
    "customer_id",
    "agreement_status",
    "http_status",
    "error_code",
    "rule",
    "message",
    "fix",
    "request_id",
];

/// Writes `results.csv` (every line) and `errors.csv` (lines to act on) into `dir`.
pub fn write(dir: &Path, results: &[LineResult]) -> Result<[PathBuf; 2]> {
    let all = dir.join("results.csv");
    let errors = dir.join("errors.csv");
    write_one(&all, results.iter())?;
    write_one(&errors, results.iter().filter(|r| r.needs_action()))?;
    Ok([all, errors])
}

fn write_one<'a>(path: &Path, rows: impl Iterator<Item = &'a LineResult>) -> Result<()> {
    let mut w = csv_writer(path)?;
    w.write_record(HEADER).map_err(csv_err(path))?;
    for r in rows {
        let e = r.error.clone().unwrap_or_default();
        let cells = [
            r.line.to_string(),
            r.source[0].clone(),
            r.source[1].clone(),
            r.source[2].clone(),
            r.source[3].clone(),
            r.company.clone(),
            r.domain.clone(),
            r.customer_word(),
            r.customer_id.clone(),
            word(r.agreement, "confirmed").to_string(),
            r.http_status.map(|s| s.to_string()).unwrap_or_default(),
            e.code,
            e.rule,
            e.message,
            e.fix,
            r.request_id.clone(),
        ];
        // People open these in Excel: a value that looks like a formula is made inert.
        w.write_record(cells.iter().map(|c| guard(c).into_owned())).map_err(csv_err(path))?;
    }
    finish(w, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(customer: State, agreement: State) -> LineResult {
        LineResult {
            line: 1,
            source: ["in.csv".into(), String::new(), "2".into(), String::new()],
            company: "=Contoso".into(),
            domain: "contoso.onmicrosoft.com".into(),
            customer,
            customer_id: String::new(),
            agreement,
            same_as: None,
            http_status: None,
            error: None,
            request_id: "r".into(),
        }
    }

    #[test]
    fn states_and_words() {
        use State::*;
        let table = [
            (Done, Done, "created", "confirmed", true, false),
            (DoneBefore, DoneBefore, "already_created", "already_confirmed", true, false),
            (Done, Nothing, "created", "none", true, false),
            (Failed, NotSent, "failed", "not_sent", false, true),
            (Done, GaveUp, "created", "gave_up", false, true),
            (NotSent, NotSent, "not_sent", "not_sent", false, false),
        ];
        for (c, a, cw, aw, complete, act) in table {
            let r = result(c, a);
            assert_eq!((r.customer_word().as_str(), word(a, "confirmed")), (cw, aw));
            assert_eq!((r.complete(), r.needs_action()), (complete, act), "{c:?} {a:?}");
        }
        let dup = LineResult { same_as: Some(4), ..result(Nothing, Nothing) };
        assert_eq!(dup.customer_word(), "same_as_line_4");
    }

    #[test]
    fn both_files_are_written_and_guarded() {
        let dir = tempfile::tempdir().unwrap();
        let rows = [result(State::Done, State::Done), result(State::Failed, State::NotSent)];
        let [all, errors] = write(dir.path(), &rows).unwrap();
        let all = std::fs::read_to_string(all).unwrap();
        assert_eq!(all.lines().count(), 3);
        assert!(all.contains(",'=Contoso,"));
        assert_eq!(std::fs::read_to_string(errors).unwrap().lines().count(), 2);
    }
}
