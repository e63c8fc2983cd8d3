//! `pc-onboard push OUT_DIR`: create every clean customer (`POST /v1/customers`), then confirm
//! its Microsoft Customer Agreement (`POST /v1/customers/{id}/agreements`), one line at a
//! time, journaled so that a rerun resumes where a run stopped. Without `--yes`, a dry run.

use super::admins;
use super::client::{Answer, Call, Client, Method};
use super::codes::{explain, explain_code, Explained};
use super::ids::random_id;
use super::journal::{self, Entry, Last, Status};
use super::plan::{self, agreement_request_id, Line};
use super::results::{self, LineResult, State};
use super::{preview, progress_bar};
use crate::config::api::AuthMode;
use crate::config::Config;
use crate::error::ApiError;
use crate::error::{exit, Error, Result};
use std::collections::HashMap;

/// Lines that gave up in a row before the run stops: the service or the network is down, and
/// going on would only wait out every retry of every remaining line.
const GIVE_UP_AFTER: u32 = 3;

/// What a push did.
#[derive(Debug, Default)]
pub struct PushReport {
    /// Every line's outcome (empty for a dry run).
    pub results: Vec<LineResult>,
    /// 0 when every line is complete, 1 when some failed or are still to send.
    pub exit_code: u8,
}

/// Runs `push` as `cfg` says (`cfg.out_dir` is the folder `run` wrote).
pub fn push(cfg: &Config) -> Result<PushReport> {
    let settings = &cfg.profile.partner_center;
    let lines = plan::load(&cfg.out_dir)?;
    let dir = cfg.out_dir.join("push");
    let journal_path = dir.join("journal.csv");
    if settings.auth == AuthMode::App {
        check_app_only(&lines)?;
    }
    let env = |k: &str| std::env::var(k).ok();
    let target = |tenant: Option<&str>| journal::Target::new(&settings.api_url, tenant.unwrap_or(""));
    if !cfg.api.send {
        let tenant = super::secrets::tenant(settings, &env);
        let past = journal::load(&journal_path, &target(tenant.as_deref()))?;
        preview::print(cfg, &lines, &past);
        return Ok(PushReport::default());
    }
    let creds = super::secrets::load(settings, &env)?;
    let target = target(creds.tenant.as_deref());
    let past = journal::load(&journal_path, &target)?;
    std::fs::create_dir_all(&dir).map_err(|source| Error::Output { path: dir.clone(), source })?;
    let mut client = Client::new(settings, creds, random_id())?;
    // Bad credentials stop the run here, before any line is sent.
    client.sign_in()?;
    let mut run = Run {
        client,
        journal: journal::Writer::open(&journal_path, &target)?,
        admins: admins::Writer::open(&dir.join("customer_admins.csv"))?,
        past,
        retry_failed: cfg.api.retry_failed,
    };
    let bar = progress_bar(cfg, Some(lines.len() as u64), "lines");
    let mut results: Vec<LineResult> = Vec::with_capacity(lines.len());
    let mut stopped: Option<Error> = None;
    let mut gave_up_in_a_row = 0;
    for line in &lines {
        let mut r = blank(line);
        if stopped.is_none() {
            if let Some(first) = line.same_as {
                let earlier = &results[first as usize - 1];
                r.customer = State::Nothing;
                r.agreement = State::Nothing;
                r.customer_id = earlier.customer_id.clone();
            } else if let Err(e) = run.line(line, &mut r) {
                stopped = Some(e);
            }
            gave_up_in_a_row = if r.customer == State::GaveUp || r.agreement == State::GaveUp {
                gave_up_in_a_row + 1
            } else {
                0
            };
            if gave_up_in_a_row >= GIVE_UP_AFTER && stopped.is_none() {
                let last = r.error.as_ref().map(|e| e.message.clone()).unwrap_or_default();
                stopped = Some(Error::from(ApiError::Unreachable {
                    url: settings.api_url.clone(),
                    message: format!(
                        "{GIVE_UP_AFTER} lines in a row failed after every retry; the last: {last}"
                    ),
                }));
            }
        }
        results.push(r);
        if let Some(b) = &bar {
            b.inc(1);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let files = results::write(&dir, &results)?;
    preview::summary(cfg, &results, &run.client, &files);
    if let Some(e) = stopped {
        return Err(e);
    }
    let exit_code = if results.iter().all(LineResult::complete) { exit::OK } else { exit::INCOMPLETE };
    Ok(PushReport { results, exit_code })
}

/// App-only tokens cannot confirm agreements or create an indirect reseller's customers.
fn check_app_only(lines: &[Line]) -> Result<()> {
    let agreements = lines.iter().filter(|l| l.agreement.is_some()).count();
    let indirect = lines.iter().filter(|l| l.indirect).count();
    if agreements + indirect == 0 {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "[partner_center] auth = \"app\" cannot confirm agreements ({agreements} line(s) have one) or \
         create customers for indirect resellers ({indirect} line(s)): Partner Center takes App+User \
         authentication only for those; set auth = \"app+user\" and a refresh token"
    )))
}

/// A line's result before anything is known.
fn blank(line: &Line) -> LineResult {
    LineResult {
        line: line.n,
        source: line.source.clone(),
        company: line.company.clone(),
        domain: line.domain.clone(),
        customer: State::NotSent,
        customer_id: String::new(),
        agreement: if line.agreement.is_some() { State::NotSent } else { State::Nothing },
        same_as: line.same_as,
        http_status: None,
        error: None,
        request_id: line.request_id.clone(),
    }
}

/// A step's answer: the customer ID, or the failure with its HTTP status.
type StepAnswer = std::result::Result<String, (Option<u16>, Explained)>;

/// A push under way.
struct Run {
    client: Client,
    journal: journal::Writer,
    admins: admins::Writer,
    past: HashMap<String, Last>,
    retry_failed: bool,
}

impl Run {
    /// Both steps of a line; `Err` stops the run.
    fn line(&mut self, line: &Line, r: &mut LineResult) -> Result<()> {
        let entry = Entry {
            line: line.n,
            source: line.source.clone(),
            step: "customer".into(),
            request_id: line.request_id.clone(),
            ..Entry::default()
        };
        let url = self.client.url("/v1/customers");
        let (state, answer) = self.step(entry, &url, &line.body, Status::Created)?;
        r.customer = state;
        match answer {
            Ok(id) => r.customer_id = id,
            Err(failure) => {
                fail(r, failure);
                return Ok(());
            }
        }
        let Some(body) = &line.agreement else { return Ok(()) };
        let entry = Entry {
            line: line.n,
            source: line.source.clone(),
            step: "agreement".into(),
            request_id: agreement_request_id(&r.customer_id, body),
            customer_id: r.customer_id.clone(),
            ..Entry::default()
        };
        let url = self.client.url(&format!("/v1/customers/{}/agreements", r.customer_id));
        let (state, answer) = self.step(entry, &url, body, Status::Confirmed)?;
        r.agreement = state;
        if let Err(failure) = answer {
            fail(r, failure);
        }
        Ok(())
    }

    /// One request, unless the journal says it is done (or refused, unless retrying). The
    /// answer is the customer ID, or the failure with its HTTP status.
    fn step(&mut self, mut entry: Entry, url: &str, body: &str, done: Status) -> Result<(State, StepAnswer)> {
        if let Some(last) = self.past.get(&entry.request_id) {
            let e = &last.entry;
            match last.status {
                s if s == done => return Ok((State::DoneBefore, Ok(e.customer_id.clone()))),
                Status::Failed if !self.retry_failed => {
                    let why = explain_code(e.http_status.unwrap_or(400), &e.error_code, &e.error_message);
                    return Ok((State::Failed, Err((e.http_status, why))));
                }
                _ => {}
            }
        }
        self.journal.write(Status::Sending, &entry)?;
        let call =
            Call { method: Method::Post, url, body: Some(body), request_id: &entry.request_id, headers: &[] };
        let answer = self.client.send(&call)?;
        let (status, state, result) = match answer {
            Answer::Ok(text) => {
                let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
                match (done, customer_id(&json)) {
                    (Status::Confirmed, _) => (Status::Confirmed, State::Done, Ok(entry.customer_id.clone())),
                    (_, Some(id)) => {
                        if let Some((user, password)) = admins::credentials(&json) {
                            self.admins.write(entry.line, &id, &domain(&json), &user, &password)?;
                        }
                        entry.customer_id = id.clone();
                        (Status::Created, State::Done, Ok(id))
                    }
                    (_, None) => {
                        let why =
                            explain_code(0, "", "Partner Center answered success without a customer ID");
                        (Status::GaveUp, State::GaveUp, Err((None, why)))
                    }
                }
            }
            Answer::Refused { status, body } => {
                entry.http_status = Some(status);
                (Status::Failed, State::Failed, Err((Some(status), explain(status, &body))))
            }
            Answer::GaveUp { status, message } => {
                entry.http_status = status;
                let why = explain_code(status.unwrap_or(0), "", &message);
                (Status::GaveUp, State::GaveUp, Err((status, why)))
            }
        };
        if let Err((_, why)) = &result {
            entry.error_code = why.code.clone();
            entry.error_message = why.message.clone();
        }
        self.journal.write(status, &entry)?;
        Ok((state, result))
    }
}

/// Records a failure on the line's result.
fn fail(r: &mut LineResult, (status, why): (Option<u16>, Explained)) {
    r.http_status = status;
    r.error = Some(why);
}

/// The new customer's ID: `id`, else `companyProfile.tenantId` (the same GUID), if it is one
/// (it goes into URLs).
fn customer_id(answer: &serde_json::Value) -> Option<String> {
    let id = answer
        .get("id")
        .and_then(|v| v.as_str())
        .or_else(|| answer.get("companyProfile")?.get("tenantId")?.as_str())?;
    uuid::Uuid::parse_str(id).ok().map(|u| u.hyphenated().to_string())
}

/// `companyProfile.domain` of an answer.
fn domain(answer: &serde_json::Value) -> String {
    answer
        .get("companyProfile")
        .and_then(|c| c.get("domain"))
        .and_then(|d| d.as_str())
        .unwrap_or("")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_customer_id_is_a_guid_from_the_answer() {
        let cases = [
            (
                r#"{"id":"dfd8cc0a-c592-468c-8461-869a38d24738"}"#,
                Some("dfd8cc0a-c592-468c-8461-869a38d24738"),
            ),
            (
                r#"{"companyProfile":{"tenantId":"DFD8CC0A-C592-468C-8461-869A38D24738"}}"#,
                Some("dfd8cc0a-c592-468c-8461-869a38d24738"),
            ),
            (r#"{"id":"../../partners"}"#, None),
            (r#"{"id":null}"#, None),
            ("{}", None),
        ];
        for (answer, want) in cases {
            let v: serde_json::Value = serde_json::from_str(answer).unwrap();
            assert_eq!(customer_id(&v).as_deref(), want, "{answer}");
        }
    }
}
