//! What `push` says: without `--yes`, every request it would send (stdout) and the counts
//! (stderr), having sent nothing; after a run, the counts and the files written. Neither ever
//! shows a credential: at most whether each one was found.

use super::client::Client;
use super::journal::{Last, Status};
use super::plan::{agreement_request_id, Line};
use super::results::{LineResult, State};
use crate::config::Config;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

/// The dry run: one stdout line per request it would send or skip, then the counts.
pub fn print(cfg: &Config, lines: &[Line], past: &HashMap<String, Last>) {
    let api = &cfg.profile.partner_center.api_url;
    let status = |id: &str| past.get(id).map(|l| l.status);
    let (mut creates, mut agreements, mut done, mut refused, mut same) = (0, 0, 0, 0, 0);
    let mut out = std::io::stdout().lock();
    let mut say = |s: String| {
        // A closed pipe (`| head`) ends the listing, not the command.
        let _ = writeln!(out, "{s}");
    };
    for l in lines {
        let n = l.n;
        if let Some(first) = l.same_as {
            same += 1;
            say(format!("skip   line {n}: the same request body as line {first} (one customer)"));
            continue;
        }
        let customer = past.get(&l.request_id).filter(|p| p.status == Status::Created);
        match (customer, status(&l.request_id)) {
            (Some(p), _) => {
                done += 1;
                say(format!("done   line {n}: customer {} created by an earlier run", p.entry.customer_id));
            }
            (None, Some(Status::Failed)) if !cfg.api.retry_failed => {
                refused += 1;
                let e = past.get(&l.request_id).map(|p| p.entry.error_code.as_str()).unwrap_or("");
                say(format!(
                    "failed line {n}: refused by an earlier run (code {e}); --retry-failed sends it again"
                ));
                continue;
            }
            _ => {
                creates += 1;
                say(format!(
                    "POST   {api}/v1/customers  line {n}  MS-RequestId {}  {} ({})",
                    l.request_id, l.company, l.domain
                ));
                if cfg.verbose > 0 {
                    say(format!("       {}", l.body));
                }
            }
        }
        let Some(body) = &l.agreement else { continue };
        let confirmed = customer
            .map(|p| agreement_request_id(&p.entry.customer_id, body))
            .is_some_and(|id| status(&id) == Some(Status::Confirmed));
        if confirmed {
            say(format!("done   line {n}: agreement confirmed by an earlier run"));
        } else {
            agreements += 1;
            let id = customer.map_or("{new customer ID}", |p| p.entry.customer_id.as_str());
            say(format!("POST   {api}/v1/customers/{id}/agreements  line {n}  (the attestation)"));
        }
    }
    if cfg.quiet {
        return;
    }
    let creds = match super::secrets::load(&cfg.profile.partner_center, &|k| std::env::var(k).ok()) {
        Ok(_) => "found".to_string(),
        Err(e) => format!("not ready: {e}"),
    };
    eprintln!(
        "pc-onboard: dry run of push, nothing was sent: {} line(s); would create {creates} customer(s) and \
         confirm {agreements} agreement(s); {done} already created, {refused} refused before, {same} same \
         as an earlier line",
        lines.len()
    );
    eprintln!("pc-onboard: credentials {creds}");
    eprintln!("pc-onboard: to send, run again with --yes");
}

/// After a run: the counts, the traffic and the files.
pub fn summary(cfg: &Config, results: &[LineResult], client: &Client, files: &[PathBuf]) {
    if cfg.quiet {
        return;
    }
    let count = |f: &dyn Fn(&LineResult) -> bool| results.iter().filter(|r| f(r)).count();
    let created = count(&|r| r.customer == State::Done);
    let before = count(&|r| r.customer == State::DoneBefore);
    let failed = count(&|r| r.customer == State::Failed);
    let gave_up = count(&|r| r.customer == State::GaveUp);
    let not_sent = count(&|r| r.customer == State::NotSent);
    let confirmed = count(&|r| matches!(r.agreement, State::Done | State::DoneBefore));
    let agreement_failed = count(&|r| matches!(r.agreement, State::Failed | State::GaveUp));
    let to_act = count(&|r| r.needs_action());
    eprintln!(
        "pc-onboard: push: {} line(s): {created} created, {before} created before, {failed} refused, \
         {gave_up} gave up, {not_sent} not sent; agreements: {confirmed} confirmed, {agreement_failed} not \
         confirmed",
        results.len()
    );
    let s = client.stats;
    eprintln!(
        "pc-onboard: {} request(s), {} throttled (429), {} retried; MS-CorrelationId {}",
        s.requests,
        s.throttled,
        s.retried,
        client.correlation_id()
    );
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    eprintln!("pc-onboard: wrote {} ({to_act} line(s) to act on)", names.join(", "));
    if not_sent + gave_up > 0 {
        eprintln!(
            "pc-onboard: run the same command again to send the rest (it resumes from push/journal.csv)"
        );
    }
}
