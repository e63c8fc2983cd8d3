//! `push/journal.csv`: one line per event, appended, flushed and synced as it happens, so a
//! killed run loses nothing. Before a request goes, a `sending` line; after its answer,
//! `created`, `confirmed`, `failed` or `gave_up`. A rerun reads the journal and skips every
//! request whose last line is `created` or `confirmed` (and `failed`, unless asked to retry).
//! The journal holds what Partner Center answered and never a credential. Each line also names
//! the API and the partner tenant it was sent to: a journal written against the integration
//! sandbox must not make a production run skip customers it never created there.

use crate::error::{Error, Position, Result};
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The columns, in order. `customer_id` comes before the free text, so a line cut short by a
/// kill either has all of it or is recognisably incomplete.
pub const HEADER: [&str; 15] = [
    "at",
    "line",
    "source_file",
    "source_sheet",
    "source_row",
    "source_id",
    "step",
    "request_id",
    "status",
    "http_status",
    "customer_id",
    "error_code",
    "error_message",
    "api_url",
    "tenant",
];

/// Where the requests go: the API and the partner's tenant (as configured, lower case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// `[partner_center] api_url`.
    pub api_url: String,
    /// The partner's tenant ID or domain.
    pub tenant: String,
}

impl Target {
    /// The target of a run.
    pub fn new(api_url: &str, tenant: &str) -> Target {
        Target { api_url: api_url.to_string(), tenant: tenant.trim().to_lowercase() }
    }
}

/// What an event says about a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The request is about to go; alone, it means the answer never came.
    Sending,
    /// The customer exists (`customer_id`).
    Created,
    /// The agreement is confirmed.
    Confirmed,
    /// Partner Center refused the request (a 4xx): sending it again would fail again.
    Failed,
    /// Still 5xx, 429 or no connection after every retry: a rerun sends it again.
    GaveUp,
}

impl Status {
    /// The word in the journal.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Sending => "sending",
            Status::Created => "created",
            Status::Confirmed => "confirmed",
            Status::Failed => "failed",
            Status::GaveUp => "gave_up",
        }
    }

    fn parse(s: &str) -> Option<Status> {
        [Status::Sending, Status::Created, Status::Confirmed, Status::Failed, Status::GaveUp]
            .into_iter()
            .find(|st| st.as_str() == s)
    }
}

/// One event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// The clean line (1-based) and its source row's four columns.
    pub line: u64,
    /// `source_file`, `source_sheet`, `source_row`, `source_id`.
    pub source: [String; 4],
    /// `customer` or `agreement`.
    pub step: String,
    /// `MS-RequestId`.
    pub request_id: String,
    /// The HTTP status of the answer, if any.
    pub http_status: Option<u16>,
    /// Partner Center's customer ID.
    pub customer_id: String,
    /// Partner Center's error code.
    pub error_code: String,
    /// Partner Center's description, or the network error.
    pub error_message: String,
}

/// What the journal says about one request: its last event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Last {
    /// The last status.
    pub status: Status,
    /// The event.
    pub entry: Entry,
}

/// Reads a journal: the last event of each request ID. A last line cut short by a kill is
/// ignored (its request is simply sent again, with the same ID); any other bad line is an
/// error, since a journal that cannot be trusted must not decide what to skip, and so is a line
/// written for another `target`.
pub fn load(path: &Path, target: &Target) -> Result<HashMap<String, Last>> {
    let mut out = HashMap::new();
    if !path.exists() {
        return Ok(out);
    }
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|e| Error::input_file(path, format!("cannot read the journal: {e}")))?;
    let header = rdr.headers().map_err(|e| Error::input_file(path, e.to_string()))?.clone();
    if header.iter().ne(HEADER) {
        return Err(Error::input_file(path, "this is not a push journal (its header differs); move it away"));
    }
    let mut records = rdr.records().peekable();
    let mut row = 1;
    while let Some(rec) = records.next() {
        row += 1;
        let last = records.peek().is_none();
        let bad = |msg: &str| {
            let pos = Position { file: path.to_owned(), row: Some(row), ..Position::default() };
            Error::input(pos, format!("{msg}: the journal is damaged; fix or remove that line"))
        };
        let rec = match rec {
            Ok(r) => r,
            Err(_) if last => break,
            Err(e) => return Err(bad(&e.to_string())),
        };
        let status = rec.get(8).and_then(Status::parse);
        let (Some(status), 15) = (status, rec.len()) else {
            if last {
                break;
            }
            return Err(bad("not a complete journal line"));
        };
        let f = |i: usize| rec.get(i).unwrap_or("").to_string();
        let entry = Entry {
            line: f(1).parse().map_err(|_| bad("the line number is not a number"))?,
            source: [f(2), f(3), f(4), f(5)],
            step: f(6),
            request_id: f(7),
            http_status: f(9).parse().ok(),
            customer_id: f(10),
            error_code: f(11),
            error_message: f(12),
        };
        let written_for = Target::new(&f(13), &f(14));
        if written_for != *target {
            return Err(Error::Config {
                path: path.to_owned(),
                message: format!(
                    "row {row} was written for tenant '{}' at {}, and this run is for tenant '{}' at {}: \
                     one account's journal must not decide what another's run skips. Give the same tenant \
                     and api_url, or move the push folder away to start afresh",
                    written_for.tenant, written_for.api_url, target.tenant, target.api_url
                ),
            });
        }
        out.insert(entry.request_id.clone(), Last { status, entry });
    }
    Ok(out)
}

/// The journal being written.
pub struct Writer {
    path: PathBuf,
    wtr: csv::Writer<File>,
    target: Target,
}

impl Writer {
    /// Opens the journal for appending (creating it with its header).
    pub fn open(path: &Path, target: &Target) -> Result<Writer> {
        let io = |source| Error::Output { path: path.to_owned(), source };
        let mut file = OpenOptions::new().read(true).append(true).create(true).open(path).map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        let mut wtr = csv::WriterBuilder::new().has_headers(false).from_writer(file.try_clone().map_err(io)?);
        if len == 0 {
            wtr.write_record(HEADER)
                .map_err(|e| Error::Output { path: path.to_owned(), source: e.into() })?;
        } else {
            // A line cut short by a kill: end it, so the next event starts a line of its own.
            let mut last = [0u8; 1];
            file.seek(SeekFrom::End(-1)).and_then(|_| file.read_exact(&mut last)).map_err(io)?;
            if last[0] != b'\n' {
                file.write_all(b"\n").map_err(io)?;
            }
        }
        let mut w = Writer { path: path.to_owned(), wtr, target: target.clone() };
        w.sync()?;
        Ok(w)
    }

    /// Appends an event and makes it durable before the request (or the next one) goes.
    pub fn write(&mut self, status: Status, e: &Entry) -> Result<()> {
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let http = e.http_status.map(|s| s.to_string()).unwrap_or_default();
        let line = e.line.to_string();
        let rec = [
            at.as_str(),
            &line,
            &e.source[0],
            &e.source[1],
            &e.source[2],
            &e.source[3],
            &e.step,
            &e.request_id,
            status.as_str(),
            &http,
            &e.customer_id,
            &e.error_code,
            &e.error_message,
            &self.target.api_url,
            &self.target.tenant,
        ];
        self.wtr
            .write_record(rec)
            .map_err(|err| Error::Output { path: self.path.clone(), source: err.into() })?;
        self.sync()
    }

    fn sync(&mut self) -> Result<()> {
        let io = |source| Error::Output { path: self.path.clone(), source };
        self.wtr.flush().map_err(io)?;
        self.wtr.get_ref().sync_data().map_err(io)
    }
}

#[cfg(test)]
#[path = "journal_tests.rs"]
mod tests;
