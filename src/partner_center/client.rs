//! The HTTP client: one blocking `ureq` agent (rustls, no async runtime), the headers of
//! `headers.md` on every request, the pace of [`RateLimit`], and the retry policy: a 429 waits
//! its `Retry-After`; a 5xx, a timeout or a dropped connection is retried with backoff and the
//! same `MS-RequestId` (the API is idempotent on it); a 401 renews the token once; any other
//! 4xx is the row's answer and is never retried.

use super::auth::Tokens;
use super::codes::explain;
use super::secrets::Credentials;
use super::throttle::{after_429, backoff, RateLimit};
use crate::config::api::ApiSettings;
use crate::error::ApiError;
use std::time::SystemTime;

/// A request's method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// A read.
    Get,
    /// A create.
    Post,
}

/// One request to send.
pub struct Call<'a> {
    /// GET or POST.
    pub method: Method,
    /// The full URL.
    pub url: &'a str,
    /// The JSON body of a POST, sent as it is.
    pub body: Option<&'a str>,
    /// `MS-RequestId`: the same in every attempt.
    pub request_id: &'a str,
    /// Headers a link asks for (a page's `MS-ContinuationToken`).
    pub headers: &'a [(String, String)],
}

/// What became of a request.
#[derive(Debug)]
pub enum Answer {
    /// 2xx, with the body.
    Ok(String),
    /// Partner Center refused the request itself (a 4xx): the row's answer.
    Refused {
        /// The HTTP status.
        status: u16,
        /// The error body.
        body: String,
    },
    /// Still failing after every retry (5xx, 429, network): worth sending again later.
    GaveUp {
        /// The last HTTP status, if there was an answer at all.
        status: Option<u16>,
        /// The last error.
        message: String,
    },
}

/// Counts for the summary.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    /// Requests sent, retries included.
    pub requests: u64,
    /// 429 answers.
    pub throttled: u64,
    /// Retries after a 5xx or a network error.
    pub retried: u64,
}

/// The Partner Center client of one run.
pub struct Client {
    agent: ureq::Agent,
    settings: ApiSettings,
    tokens: Tokens,
    limit: RateLimit,
    correlation_id: String,
    /// What was sent so far.
    pub stats: Stats,
}

impl Client {
    /// A client with these credentials; nothing is sent until the first request.
    pub fn new(
        settings: &ApiSettings,
        creds: Credentials,
        correlation_id: String,
    ) -> Result<Client, ApiError> {
        let local = crate::config::api::check_url("api_url", &settings.api_url).is_ok()
            && settings.api_url.starts_with("http://")
            && settings.token_url.starts_with("http://");
        let mut cfg = ureq::Agent::config_builder()
            .timeout_global(Some(settings.timeout))
            .http_status_as_error(false)
            // A redirect would carry the bearer token elsewhere: take the 3xx as the answer.
            .max_redirects(0)
            .max_redirects_will_error(false)
            .user_agent(concat!("pc-onboard/", env!("CARGO_PKG_VERSION")));
        if local {
            // A stand-in on this machine is reached directly, whatever proxy the shell sets.
            cfg = cfg.proxy(None);
        }
        Ok(Client {
            agent: cfg.build().new_agent(),
            tokens: Tokens::new(creds, settings)?,
            limit: RateLimit::new(settings.requests_per_minute),
            settings: settings.clone(),
            correlation_id,
            stats: Stats::default(),
        })
    }

    /// The URL of an API path (`/v1/customers`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.settings.api_url)
    }

    /// The run's `MS-CorrelationId`.
    pub fn correlation_id(&self) -> &str {
        &self.correlation_id
    }

    /// Fetches a token now, so that bad credentials stop the run before any row is sent.
    pub fn sign_in(&mut self) -> Result<(), ApiError> {
        self.tokens.bearer(&self.agent, &self.settings).map(|_| ())
    }

    /// Sends a request, pacing and retrying as the module says. `Err` only for what stops the
    /// run (credentials, a non-HTTP failure); a refused or abandoned request is an [`Answer`].
    pub fn send(&mut self, call: &Call) -> Result<Answer, ApiError> {
        let (mut retries, mut throttled, mut renewed) = (0u32, 0u32, false);
        loop {
            self.limit.acquire();
            let token = self.tokens.bearer(&self.agent, &self.settings)?.to_string();
            self.stats.requests += 1;
            let (status, message) = match self.once(call, &token) {
                Ok((status, retry_after, body)) => match status {
                    200..=299 => return Ok(Answer::Ok(body)),
                    401 if !renewed => {
                        renewed = true;
                        self.tokens.invalidate();
                        continue;
                    }
                    401 => {
                        let e = explain(401, &body);
                        let message = format!("{} {}", e.code, e.message).trim().to_string();
                        return Err(ApiError::Unauthorized { message });
                    }
                    429 => {
                        self.stats.throttled += 1;
                        if throttled >= self.settings.max_retries {
                            return Ok(Answer::GaveUp {
                                status: Some(429),
                                message: explain(429, &body).message,
                            });
                        }
                        std::thread::sleep(after_429(retry_after.as_deref(), throttled, SystemTime::now()));
                        throttled += 1;
                        continue;
                    }
                    408 | 500 | 502 | 503 | 504 => (Some(status), explain(status, &body).message),
                    _ => return Ok(Answer::Refused { status, body }),
                },
                Err(e) if is_transient(&e) => (None, without_url(&e, call.url)),
                Err(e) => {
                    return Err(ApiError::Protocol { url: call.url.to_string(), message: e.to_string() })
                }
            };
            if retries >= self.settings.max_retries {
                return Ok(Answer::GaveUp { status, message });
            }
            self.stats.retried += 1;
            std::thread::sleep(backoff(retries));
            retries += 1;
        }
    }

    /// One attempt: the status, `Retry-After` and the body, or the error.
    fn once(&self, call: &Call, token: &str) -> Result<(u16, Option<String>, String), ureq::Error> {
        let result = match call.method {
            Method::Get => self.with_headers(self.agent.get(call.url), call, token).call(),
            Method::Post => self
                .with_headers(self.agent.post(call.url), call, token)
                .content_type("application/json")
                .send(call.body.unwrap_or("{}")),
        };
        let mut resp = result?;
        let status = resp.status().as_u16();
        let retry_after = resp.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_string);
        let body = resp.body_mut().with_config().limit(256 << 20).lossy_utf8(true).read_to_string()?;
        Ok((status, retry_after, body))
    }

    fn with_headers<B>(
        &self,
        req: ureq::RequestBuilder<B>,
        call: &Call,
        token: &str,
    ) -> ureq::RequestBuilder<B> {
        let mut req = req
            .header("Authorization", format!("Bearer {token}"))
            .header("Accept", "application/json")
            .header("MS-RequestId", call.request_id)
            .header("MS-CorrelationId", &self.correlation_id)
            .header("MS-Contract-Version", "v1")
            .header("MS-PartnerCenter-Application", "pc-onboard")
            .header("X-Locale", "en-US");
        for (k, v) in call.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        req
    }
}

/// Whether an error is the network's (worth a retry with the same request ID) rather than a
/// request that can never go (a bad URL, a TLS policy refusal).
fn is_transient(e: &ureq::Error) -> bool {
    matches!(
        e,
        ureq::Error::Io(_)
            | ureq::Error::Timeout(_)
            | ureq::Error::HostNotFound
            | ureq::Error::ConnectionFailed
            | ureq::Error::Protocol(_)
    )
}

/// A network error as text for the journal; the URL is said once, by the caller.
fn without_url(e: &ureq::Error, url: &str) -> String {
    let text = e.to_string().replace(url, "").trim().to_string();
    if text.is_empty() {
        "the connection failed".into()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_failures_are_retried_and_impossible_requests_are_not() {
        let eof =
            || ureq::Error::Io(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "connection closed"));
        let table = [
            (eof(), true),
            (ureq::Error::Timeout(ureq::Timeout::Global), true),
            (ureq::Error::HostNotFound, true),
            (ureq::Error::ConnectionFailed, true),
            (ureq::Error::BadUri("x".into()), false),
            (ureq::Error::RequireHttpsOnly("x".into()), false),
            (ureq::Error::TooManyRedirects, false),
        ];
        for (e, retry) in table {
            assert_eq!(is_transient(&e), retry, "{e}");
        }
        let url = "http://127.0.0.1:9/v1/customers";
        let e = ureq::Error::BadUri(url.into());
        assert!(!without_url(&e, url).contains(url), "the URL is said once, by the caller");
        assert!(!without_url(&eof(), url).is_empty());
    }
}
