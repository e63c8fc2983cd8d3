//! `pc-onboard pull --out FILE`: every current customer (`GET /v1/customers?size=N`, then the
//! `links.next` each page gives, with its `MS-ContinuationToken` header), written as JSON lines
//! of Customer resources, the form `run --existing` reads. With `--billing-profiles`, each
//! customer's `GET /v1/customers/{id}/profiles/billing` goes into its `billingProfile`, within
//! the same request pace. The file appears only when complete.

use super::client::{Answer, Call, Client, Method};
use super::codes::explain;
use super::ids::random_id;
use super::progress_bar;
use crate::config::Config;
use crate::error::ApiError;
use crate::error::{exit, Error, Result};
use crate::write::AtomicFile;
use std::collections::HashSet;
use std::io::Write;

/// What a pull did.
#[derive(Debug, Default)]
pub struct PullReport {
    /// Customers written.
    pub customers: u64,
    /// Pages read.
    pub pages: u64,
    /// Billing profiles embedded.
    pub billing_profiles: u64,
    /// Customers whose billing profile could not be had, with why.
    pub missing_profiles: Vec<(String, String)>,
    /// 0, or 1 when billing profiles are missing.
    pub exit_code: u8,
}

/// A link to follow: the URL and the headers it asks for.
type Link = (String, Vec<(String, String)>);

/// Runs `pull` as `cfg` says.
pub fn pull(cfg: &Config) -> Result<PullReport> {
    let settings = &cfg.profile.partner_center;
    let out = &cfg.api.pull_out;
    let creds = super::secrets::load(settings, &|k| std::env::var(k).ok())?;
    let mut client = Client::new(settings, creds, random_id())?;
    client.sign_in()?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Output { path: dir.to_owned(), source })?;
    }
    let mut file = AtomicFile::create(out)?;
    let io = |source| Error::Output { path: out.clone(), source };
    let bar = progress_bar(cfg, None, "customers");
    let mut report = PullReport::default();
    let mut seen: HashSet<Link> = HashSet::new();
    let mut next = Some((client.url(&format!("/v1/customers?size={}", settings.page_size)), Vec::new()));
    while let Some(link) = next.take() {
        if !seen.insert(link.clone()) {
            return Err(protocol(&link.0, "the next-page link repeats an earlier one").into());
        }
        let page = get(&mut client, &link)?;
        report.pages += 1;
        let items = page
            .get("items")
            .and_then(|v| v.as_array())
            .ok_or_else(|| protocol(&link.0, "a customers page without items"))?;
        if let (Some(b), Some(total)) = (&bar, page.get("totalCount").and_then(|v| v.as_u64())) {
            if report.pages == 1 {
                b.set_length(total);
            }
        }
        for item in items {
            let mut item = item.clone();
            if cfg.api.billing_profiles {
                add_billing_profile(&mut client, &mut item, &mut report)?;
            }
            serde_json::to_writer(&mut file, &item).map_err(|e| io(e.into()))?;
            file.write_all(b"\n").map_err(io)?;
            report.customers += 1;
            if let Some(b) = &bar {
                b.inc(1);
            }
        }
        next = next_link(&page, &settings.api_url, settings.page_size, &link.0)?;
    }
    file.commit()?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    report.exit_code = if report.missing_profiles.is_empty() { exit::OK } else { exit::INCOMPLETE };
    if !cfg.quiet {
        say(cfg, &report, &client);
    }
    Ok(report)
}

/// A GET whose answer the command cannot do without.
fn get(client: &mut Client, (url, headers): &Link) -> Result<serde_json::Value, ApiError> {
    let id = random_id();
    let call = Call { method: Method::Get, url, body: None, request_id: &id, headers };
    match client.send(&call)? {
        Answer::Ok(text) => {
            serde_json::from_str(&text).map_err(|e| protocol(url, &format!("the answer is not JSON ({e})")))
        }
        Answer::Refused { status, body } => {
            let e = explain(status, &body);
            let message = format!("{} {}", e.code, e.message).trim().to_string();
            Err(ApiError::Refused { url: url.clone(), status, message, fix: e.fix })
        }
        Answer::GaveUp { status, message } => {
            let status = status.map(|s| format!("HTTP {s}: ")).unwrap_or_default();
            Err(ApiError::Unreachable { url: url.clone(), message: format!("{status}{message}") })
        }
    }
}

/// Embeds a customer's billing profile; a customer whose profile cannot be had keeps its
/// line without one, and the report says so.
fn add_billing_profile(
    client: &mut Client,
    item: &mut serde_json::Value,
    report: &mut PullReport,
) -> Result<()> {
    let id = item.get("id").and_then(|v| v.as_str()).unwrap_or("").to_string();
    let Ok(guid) = uuid::Uuid::parse_str(&id) else {
        report.missing_profiles.push((id, "the customer has no ID".into()));
        return Ok(());
    };
    let url = client.url(&format!("/v1/customers/{}/profiles/billing", guid.hyphenated()));
    match get(client, &(url, Vec::new())) {
        Ok(profile) => {
            if let Some(obj) = item.as_object_mut() {
                obj.insert("billingProfile".into(), profile);
                report.billing_profiles += 1;
            }
        }
        Err(ApiError::Refused { status, message, .. }) => {
            report.missing_profiles.push((id, format!("HTTP {status} {message}")));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// The next page: `links.next` (its URI and headers, `utility-resources.md`), else a
/// `continuationToken` sent back as `MS-ContinuationToken`; none on the last page.
fn next_link(page: &serde_json::Value, base: &str, size: u32, url: &str) -> Result<Option<Link>, ApiError> {
    if let Some(next) = page.get("links").and_then(|l| l.get("next")) {
        let uri = next.get("uri").and_then(|u| u.as_str()).unwrap_or("");
        let headers = next
            .get("headers")
            .and_then(|h| h.as_array())
            .map(|hs| {
                hs.iter()
                    .filter_map(|h| {
                        Some((h.get("key")?.as_str()?.to_string(), h.get("value")?.as_str()?.to_string()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        return Ok(Some((
            resolve(base, uri).ok_or_else(|| protocol(url, "a next-page link elsewhere"))?,
            headers,
        )));
    }
    match page.get("continuationToken").and_then(|t| t.as_str()).filter(|t| !t.is_empty()) {
        Some(token) => {
            let next = format!("{base}/v1/customers?size={size}&seekOperation=Next");
            Ok(Some((next, vec![("MS-ContinuationToken".into(), token.to_string())])))
        }
        None => Ok(None),
    }
}

/// A link's URI as a URL of the API; `None` for another host (the token must not go there).
fn resolve(base: &str, uri: &str) -> Option<String> {
    if uri.contains("://") {
        return uri.starts_with(&format!("{base}/")).then(|| uri.to_string());
    }
    Some(match uri.strip_prefix('/') {
        Some(rest) if rest.starts_with("v1/") => format!("{base}/{rest}"),
        Some(rest) => format!("{base}/v1/{rest}"),
        None => format!("{base}/v1/{uri}"),
    })
}

fn protocol(url: &str, message: &str) -> ApiError {
    ApiError::Protocol { url: url.to_string(), message: message.to_string() }
}

/// The summary on stderr.
fn say(cfg: &Config, r: &PullReport, client: &Client) {
    let profiles = if cfg.api.billing_profiles {
        format!(", {} billing profile(s)", r.billing_profiles)
    } else {
        String::new()
    };
    eprintln!(
        "pc-onboard: pulled {} customer(s) in {} page(s){profiles} into {} ({} request(s), {} throttled; \
         MS-CorrelationId {})",
        r.customers,
        r.pages,
        cfg.api.pull_out.display(),
        client.stats.requests,
        client.stats.throttled,
        client.correlation_id()
    );
    for (id, why) in r.missing_profiles.iter().take(10) {
        eprintln!("pc-onboard: no billing profile for customer {id}: {why}");
    }
    if r.missing_profiles.len() > 10 {
        eprintln!("pc-onboard: … and {} more without a billing profile", r.missing_profiles.len() - 10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BASE: &str = "https://api.partnercenter.microsoft.com";

    #[test]
    fn links_resolve_against_the_api_only() {
        let cases = [
            (
                "/v1/customers?size=40&seekOperation=Next",
                Some("https://api.partnercenter.microsoft.com/v1/customers?size=40&seekOperation=Next"),
            ),
            ("/customers?size=40", Some("https://api.partnercenter.microsoft.com/v1/customers?size=40")),
            ("customers?size=40", Some("https://api.partnercenter.microsoft.com/v1/customers?size=40")),
            (
                "https://api.partnercenter.microsoft.com/v1/customers?x",
                Some("https://api.partnercenter.microsoft.com/v1/customers?x"),
            ),
            ("https://evil.example/v1/customers", None),
            ("https://api.partnercenter.microsoft.com.evil.example/v1", None),
        ];
        for (uri, want) in cases {
            assert_eq!(resolve(BASE, uri).as_deref(), want, "{uri}");
        }
    }

    #[test]
    fn the_next_page_comes_from_links_or_a_token() {
        let linked = json!({"items": [], "links": {"next": {"uri": "/v1/customers?size=2&seekOperation=Next",
            "method": "GET", "headers": [{"key": "MS-ContinuationToken", "value": "AQAAAA=="}]}}});
        let (url, headers) = next_link(&linked, BASE, 2, "u").unwrap().unwrap();
        assert_eq!(url, format!("{BASE}/v1/customers?size=2&seekOperation=Next"));
        assert_eq!(headers, [("MS-ContinuationToken".to_string(), "AQAAAA==".to_string())]);
        let token = json!({"items": [], "continuationToken": "t-2"});
        let (url, headers) = next_link(&token, BASE, 5, "u").unwrap().unwrap();
        assert_eq!(url, format!("{BASE}/v1/customers?size=5&seekOperation=Next"));
        assert_eq!(headers[0].1, "t-2");
        let last =
            json!({"items": [], "links": {"self": {"uri": "/v1/customers?size=5"}}, "continuationToken": ""});
        assert!(next_link(&last, BASE, 5, "u").unwrap().is_none());
        let away = json!({"links": {"next": {"uri": "https://elsewhere.example/v1/customers"}}});
        assert!(next_link(&away, BASE, 5, "u").is_err());
    }
}
