//! The `[partner_center]` section of the partner profile: where the API and the token endpoint
//! are, which app signs in, where the secrets come from, and how fast to go; and what `push` and
//! `pull` are asked to do ([`ApiRun`]). No secret is ever read from here (the section names a
//! file that holds them, at most). It lives with the configuration, not the API client, so
//! configuration needs nothing from `partner_center`.

use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How `push` and `pull` sign in (`partner-center-authentication.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum AuthMode {
    /// The secure application model: app ID and secret plus a refresh token from the partner
    /// consent, exchanged for an access token. Every scenario takes it; creating a customer
    /// for an indirect reseller and confirming an agreement take only this.
    #[serde(rename = "app+user")]
    AppUser,
    /// App ID and secret alone (client credentials), where a scenario allows it: creating a
    /// direct customer and listing customers.
    #[serde(rename = "app")]
    App,
}

/// The section as written in TOML; every value is optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    api_url: Option<String>,
    token_url: Option<String>,
    resource: Option<String>,
    tenant: Option<String>,
    app_id: Option<String>,
    auth: Option<AuthMode>,
    secrets_file: Option<PathBuf>,
    requests_per_minute: Option<u32>,
    max_retries: Option<u32>,
    timeout_seconds: Option<u64>,
    page_size: Option<u32>,
}

/// The resolved settings of `push` and `pull`.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiSettings {
    /// The API's base URL, without a trailing `/` (`partner-center-rest-urls.md`).
    pub api_url: String,
    /// The token endpoint; `{tenant}` is replaced by the partner's tenant.
    pub token_url: String,
    /// The resource the access token is for.
    pub resource: String,
    /// The partner's tenant (ID or domain), unless the environment or secrets file gives it.
    pub tenant: Option<String>,
    /// The app's ID (not a secret), unless the environment or secrets file gives it.
    pub app_id: Option<String>,
    /// How to sign in.
    pub auth: AuthMode,
    /// A file of `NAME=value` lines holding the secrets (resolved against the profile's folder).
    pub secrets_file: Option<PathBuf>,
    /// Requests sent in any 60 seconds at most (the Customer resource allows 500 a tenant).
    pub requests_per_minute: u32,
    /// Retries of one request after a 5xx, a dropped connection or a 429, at most.
    pub max_retries: u32,
    /// One request's time limit.
    pub timeout: Duration,
    /// Customers per `GET /v1/customers` page.
    pub page_size: u32,
}

impl ApiSettings {
    /// The settings of the public cloud, before any profile.
    pub fn public_cloud() -> ApiSettings {
        ApiSettings {
            api_url: "https://api.partnercenter.microsoft.com".into(),
            token_url: "https://login.microsoftonline.com/{tenant}/oauth2/token".into(),
            resource: "https://api.partnercenter.microsoft.com".into(),
            tenant: None,
            app_id: None,
            auth: AuthMode::AppUser,
            secrets_file: None,
            requests_per_minute: 500,
            max_retries: 6,
            timeout: Duration::from_secs(60),
            page_size: 100,
        }
    }

    /// Applies a profile's section over `base`; `profile` is the file (relative paths in the
    /// section are taken from its folder). The error says which key is wrong and why.
    pub fn apply(base: ApiSettings, s: Section, profile: &Path) -> Result<ApiSettings, String> {
        let dir = profile.parent().unwrap_or(Path::new(""));
        let out = ApiSettings {
            api_url: s.api_url.map(|u| u.trim_end_matches('/').to_string()).unwrap_or(base.api_url),
            token_url: s.token_url.unwrap_or(base.token_url),
            resource: s.resource.unwrap_or(base.resource),
            tenant: s.tenant.or(base.tenant),
            app_id: s.app_id.or(base.app_id),
            auth: s.auth.unwrap_or(base.auth),
            secrets_file: s.secrets_file.map(|p| dir.join(p)).or(base.secrets_file),
            requests_per_minute: s.requests_per_minute.unwrap_or(base.requests_per_minute),
            max_retries: s.max_retries.unwrap_or(base.max_retries),
            timeout: s.timeout_seconds.map(Duration::from_secs).unwrap_or(base.timeout),
            page_size: s.page_size.unwrap_or(base.page_size),
        };
        check_url("api_url", &out.api_url)?;
        check_url("token_url", &out.token_url)?;
        if !(1..=500).contains(&out.requests_per_minute) {
            return Err(format!(
                "[partner_center] requests_per_minute must be between 1 and 500 (Partner Center's \
                 limit for the Customer resource), not {}",
                out.requests_per_minute
            ));
        }
        if !(1..=1000).contains(&out.page_size) {
            return Err(format!(
                "[partner_center] page_size must be between 1 and 1000, not {}",
                out.page_size
            ));
        }
        if out.timeout.is_zero() {
            return Err("[partner_center] timeout_seconds must be at least 1".into());
        }
        Ok(out)
    }
}

/// A URL the tool may send credentials to: `https`, or plain `http` on this machine only
/// (a local stand-in, a test). Anything else would send tokens in the clear.
pub fn check_url(key: &str, url: &str) -> Result<(), String> {
    let bad = |why: &str| Err(format!("[partner_center] {key} '{url}' {why}"));
    let (scheme, rest) = match url.split_once("://") {
        Some(parts) => parts,
        None => return bad("is not a URL (expected https://…)"),
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() || authority.contains('@') {
        return bad("has no host, or carries a user name: give https://host/…");
    }
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Ok(()),
        "http" if is_loopback(authority) => Ok(()),
        "http" => bad("uses http: tokens would travel unencrypted; use https (http only for 127.0.0.1, ::1 or localhost)"),
        _ => bad("must start with https://"),
    }
}

/// Whether a URL authority (`host[:port]`) is this machine.
fn is_loopback(authority: &str) -> bool {
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.rsplit_once(':').map_or(authority, |(h, _)| h),
    };
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// What `push` and `pull` are asked to do; where they send it and how fast is the profile's
/// `[partner_center]` ([`ApiSettings`]).
#[derive(Clone, Debug, Default)]
pub struct ApiRun {
    /// `push --yes`: send; without it, a dry run.
    pub send: bool,
    /// `push --retry-failed`: send again what Partner Center refused before.
    pub retry_failed: bool,
    /// `pull --billing-profiles`: embed each customer's billing profile.
    pub billing_profiles: bool,
    /// `pull --out`: the file to write.
    pub pull_out: std::path::PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_loopback_http_is_accepted() {
        let cases = [
            ("https://api.partnercenter.microsoft.com", true),
            ("https://login.microsoftonline.com/{tenant}/oauth2/token", true),
            ("HTTPS://example.com", true),
            ("http://127.0.0.1:8080", true),
            ("http://127.0.0.9/x", true),
            ("http://localhost:3000/token", true),
            ("http://[::1]:9000", true),
            ("http://api.partnercenter.microsoft.com", false),
            ("http://10.0.0.1", false),
            ("http://127.0.0.1.evil.com", false),
            ("ftp://127.0.0.1", false),
            ("api.partnercenter.microsoft.com", false),
            ("https://user@example.com", false),
            ("https://", false),
        ];
        for (url, ok) in cases {
            assert_eq!(check_url("api_url", url).is_ok(), ok, "{url}");
        }
    }

    #[test]
    fn a_section_overrides_and_is_checked() {
        let s: Section = toml::from_str(
            "api_url = \"http://127.0.0.1:1/\"\nauth = \"app\"\nsecrets_file = \"s.env\"\npage_size = 3",
        )
        .unwrap();
        let got =
            ApiSettings::apply(ApiSettings::public_cloud(), s, Path::new("/etc/pc/profile.toml")).unwrap();
        assert_eq!(got.api_url, "http://127.0.0.1:1");
        assert_eq!(got.auth, AuthMode::App);
        assert_eq!(got.secrets_file.as_deref(), Some(Path::new("/etc/pc/s.env")));
        assert_eq!(got.page_size, 3);
        assert_eq!(got.requests_per_minute, 500);
        for bad in ["requests_per_minute = 501", "api_url = \"http://example.com\"", "page_size = 0"] {
            let s: Section = toml::from_str(bad).unwrap();
            assert!(
                ApiSettings::apply(ApiSettings::public_cloud(), s, Path::new("p.toml")).is_err(),
                "{bad}"
            );
        }
        assert!(toml::from_str::<Section>("app_secret = \"x\"").is_err(), "no key for a secret");
    }
}
