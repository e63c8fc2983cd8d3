//! Access tokens from the token endpoint (`enable-secure-app-model.md`, "Get access token";
//! `partner-center-authentication.md`, app-only): a form POST to
//! `https://login.microsoftonline.com/{tenant}/oauth2/token` for the Partner Center resource,
//! with the refresh token (App+User) or the app secret alone (App). The token is kept until
//! five minutes before it expires, or until Partner Center answers 401.

use super::secrets::Credentials;
use super::throttle::backoff;
use crate::config::api::ApiSettings;
use crate::error::ApiError;
use std::time::{Duration, Instant};

/// A token is renewed this long before it expires, so none expires in flight.
const MARGIN: Duration = Duration::from_secs(300);

/// An access token and when to renew it.
pub struct Token {
    value: String,
    renew_at: Instant,
}

/// The form fields of the token request; values include the secrets, so the list is sent and
/// dropped, never printed.
pub fn form(creds: &Credentials, settings: &ApiSettings) -> Vec<(&'static str, String)> {
    let mut f = vec![
        ("resource", settings.resource.clone()),
        ("client_id", creds.app_id.clone()),
        ("client_secret", creds.app_secret.expose().to_string()),
    ];
    match &creds.refresh_token {
        Some(rt) => {
            f.push(("grant_type", "refresh_token".into()));
            f.push(("refresh_token", rt.expose().to_string()));
            f.push(("scope", "openid".into()));
        }
        None => f.push(("grant_type", "client_credentials".into())),
    }
    f
}

/// The token endpoint's URL for these credentials.
pub fn token_url(creds: &Credentials, settings: &ApiSettings) -> Result<String, ApiError> {
    let tenant = creds.tenant.as_deref().unwrap_or("");
    if !tenant.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-') {
        return Err(ApiError::Credentials {
            message: format!("the tenant '{tenant}' is not a tenant ID (a GUID) or a domain"),
        });
    }
    Ok(settings.token_url.replace("{tenant}", tenant))
}

/// Reads the endpoint's answer: `access_token`, and `expires_in` in seconds, which the v1
/// endpoint writes as a string (`"3600"`) and others as a number.
pub fn parse(body: &str, now: Instant) -> Option<Token> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    let value = v.get("access_token")?.as_str()?.to_string();
    let secs = match v.get("expires_in") {
        Some(serde_json::Value::String(s)) => s.trim().parse().ok()?,
        Some(serde_json::Value::Number(n)) => n.as_u64()?,
        _ => 3600,
    };
    let life = Duration::from_secs(secs);
    Some(Token { value, renew_at: now + life.saturating_sub(MARGIN).max(life / 2) })
}

/// What the endpoint said when it refused: its `error` and `error_description` (Azure AD's
/// descriptions name the problem, e.g. AADSTS70008 for an expired refresh token).
fn refusal(body: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
    let desc = field("error_description");
    let first = desc.lines().next().unwrap_or("").trim();
    match (field("error"), first) {
        (e, "") if e.is_empty() => "no reason given".into(),
        (e, d) if e.is_empty() => d.to_string(),
        (e, "") => e,
        (e, d) => format!("{e}: {d}"),
    }
}

/// The current token, fetched when there is none or it is due for renewal.
pub struct Tokens {
    creds: Credentials,
    url: String,
    token: Option<Token>,
}

impl Tokens {
    /// Tokens for these credentials (nothing is fetched yet).
    pub fn new(creds: Credentials, settings: &ApiSettings) -> Result<Tokens, ApiError> {
        let url = token_url(&creds, settings)?;
        Ok(Tokens { creds, url, token: None })
    }

    /// Forgets the token (after a 401), so the next call fetches a new one.
    pub fn invalidate(&mut self) {
        self.token = None;
    }

    /// A valid access token.
    pub fn bearer(&mut self, agent: &ureq::Agent, settings: &ApiSettings) -> Result<&str, ApiError> {
        let due = self.token.as_ref().is_none_or(|t| Instant::now() >= t.renew_at);
        if due {
            self.token = Some(self.fetch(agent, settings)?);
        }
        Ok(self.token.as_ref().map(|t| t.value.as_str()).unwrap_or(""))
    }

    /// Asks the endpoint, retrying a network error or a 5xx with backoff.
    fn fetch(&self, agent: &ureq::Agent, settings: &ApiSettings) -> Result<Token, ApiError> {
        let form = form(&self.creds, settings);
        let mut attempt = 0;
        loop {
            let pairs = form.iter().map(|(k, v)| (*k, v.as_str()));
            let failure = match agent.post(&self.url).header("Accept", "application/json").send_form(pairs) {
                Ok(mut resp) => {
                    let status = resp.status().as_u16();
                    let body = resp.body_mut().read_to_string().unwrap_or_default();
                    match status {
                        200..=299 => {
                            return parse(&body, Instant::now()).ok_or_else(|| ApiError::Protocol {
                                url: self.url.clone(),
                                message: "the token answer has no access_token".into(),
                            })
                        }
                        400..=499 => return Err(ApiError::TokenRefused { status, message: refusal(&body) }),
                        _ => format!("HTTP {status}"),
                    }
                }
                Err(e) => e.to_string(),
            };
            if attempt >= settings.max_retries {
                return Err(ApiError::Unreachable { url: self.url.clone(), message: failure });
            }
            std::thread::sleep(backoff(attempt));
            attempt += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partner_center::secrets::Secret;

    fn creds(refresh: bool) -> Credentials {
        Credentials {
            tenant: Some("contoso.onmicrosoft.com".into()),
            app_id: "app-1".into(),
            app_secret: secret("s3cret"),
            refresh_token: refresh.then(|| secret("rt-1")),
        }
    }

    fn secret(v: &str) -> Secret {
        crate::partner_center::secrets::test_secret(v)
    }

    #[test]
    fn the_form_is_the_documented_one() {
        let s = ApiSettings::public_cloud();
        let app_user: Vec<(&str, String)> = form(&creds(true), &s);
        let keys: Vec<&str> = app_user.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["resource", "client_id", "client_secret", "grant_type", "refresh_token", "scope"]);
        assert_eq!(app_user[0].1, "https://api.partnercenter.microsoft.com");
        assert_eq!(app_user[3].1, "refresh_token");
        let app = form(&creds(false), &s);
        assert_eq!(app.last().map(|(k, v)| (*k, v.as_str())), Some(("grant_type", "client_credentials")));
        assert_eq!(
            token_url(&creds(true), &s).unwrap(),
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token"
        );
        let mut bad = creds(true);
        bad.tenant = Some("evil/../x".into());
        assert!(token_url(&bad, &s).is_err());
    }

    #[test]
    fn token_answers() {
        let now = Instant::now();
        let v1 = r#"{"token_type":"Bearer","expires_in":"3600","access_token":"AccessTokenValue"}"#;
        let t = parse(v1, now).unwrap();
        assert_eq!(t.value, "AccessTokenValue");
        assert_eq!(t.renew_at, now + Duration::from_secs(3300));
        let short = parse(r#"{"access_token":"a","expires_in":60}"#, now).unwrap();
        assert_eq!(short.renew_at, now + Duration::from_secs(30), "a short life is halved, not negative");
        assert!(parse(r#"{"error":"invalid_grant"}"#, now).is_none());
        assert!(parse("not json", now).is_none());
        let refused = r#"{"error":"invalid_grant","error_description":"AADSTS70008: The refresh token has expired.\r\nTrace ID: 1"}"#;
        assert_eq!(refusal(refused), "invalid_grant: AADSTS70008: The refresh token has expired.");
        assert_eq!(refusal(""), "no reason given");
    }
}
