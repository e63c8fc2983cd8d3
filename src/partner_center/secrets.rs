//! The credentials: app ID, tenant, app secret and refresh token, from environment variables or
//! from a secrets file the profile names, never from the command line. A secret is wrapped so
//! that no `{:?}` can print it, and no message ever quotes one.

use crate::config::api::{ApiSettings, AuthMode};
use crate::error::ApiError;
use std::collections::HashMap;
use std::path::Path;

/// The variable (and secrets-file key) of each credential.
pub const APP_ID: &str = "PC_ONBOARD_APP_ID";
/// The partner's tenant ID or domain.
pub const TENANT: &str = "PC_ONBOARD_TENANT";
/// The app's client secret.
pub const APP_SECRET: &str = "PC_ONBOARD_APP_SECRET";
/// The refresh token from the partner consent (App+User only).
pub const REFRESH_TOKEN: &str = "PC_ONBOARD_REFRESH_TOKEN";

/// A secret value: readable through [`Secret::expose`] only, never printed.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    /// The value, to put into a request body.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A secret for unit tests of the modules that use one.
#[cfg(test)]
pub fn test_secret(v: &str) -> Secret {
    Secret(v.to_string())
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Everything the token endpoint needs.
#[derive(Clone, Debug)]
pub struct Credentials {
    /// The partner's tenant (for the token endpoint's URL).
    pub tenant: Option<String>,
    /// The app's ID.
    pub app_id: String,
    /// The app's secret.
    pub app_secret: Secret,
    /// The refresh token (App+User).
    pub refresh_token: Option<Secret>,
}

/// Reads the credentials: each from its environment variable, else from the secrets file;
/// tenant and app ID may also come from the profile. `env` is the environment (injected so
/// tests do not touch the process's).
pub fn load(settings: &ApiSettings, env: &dyn Fn(&str) -> Option<String>) -> Result<Credentials, ApiError> {
    let file = match &settings.secrets_file {
        Some(path) => read_file(path)?,
        None => HashMap::new(),
    };
    let get = |name: &str| env(name).filter(|v| !v.trim().is_empty()).or_else(|| file.get(name).cloned());
    let missing = |name: &str, what: &str| ApiError::Credentials {
        message: match &settings.secrets_file {
            Some(p) => format!(
                "{what} is not set: set the environment variable {name} or a line {name}=… in {}",
                p.display()
            ),
            None => format!(
                "{what} is not set: set the environment variable {name} (or name a secrets file: \
                 [partner_center] secrets_file)"
            ),
        },
    };
    let app_id = get(APP_ID)
        .or_else(|| settings.app_id.clone())
        .ok_or_else(|| missing(APP_ID, "the app ID (Partner Center → App management)"))?;
    let tenant = get(TENANT).or_else(|| settings.tenant.clone());
    if tenant.is_none() && settings.token_url.contains("{tenant}") {
        return Err(missing(TENANT, "the partner's tenant ID or domain (for the token endpoint)"));
    }
    let app_secret = get(APP_SECRET).map(Secret).ok_or_else(|| missing(APP_SECRET, "the app secret"))?;
    let refresh_token = match settings.auth {
        AuthMode::AppUser => Some(get(REFRESH_TOKEN).map(Secret).ok_or_else(|| {
            missing(REFRESH_TOKEN, "the refresh token from the partner consent (auth = \"app+user\")")
        })?),
        AuthMode::App => None,
    };
    Ok(Credentials { tenant, app_id: app_id.trim().to_string(), app_secret, refresh_token })
}

/// The partner's tenant as [`load`] finds it, without needing the other credentials (the dry
/// run and the journal's target use it); an unreadable secrets file counts as none here.
pub fn tenant(settings: &ApiSettings, env: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    env(TENANT)
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            settings
                .secrets_file
                .as_deref()
                .and_then(|p| read_file(p).ok())
                .and_then(|f| f.get(TENANT).cloned())
        })
        .or_else(|| settings.tenant.clone())
}

/// Reads a secrets file: `NAME=value` lines (`export NAME=value` and quotes allowed, `#`
/// comments). On Unix the file must not be readable by others, as for an SSH key.
fn read_file(path: &Path) -> Result<HashMap<String, String>, ApiError> {
    let err = |message: String| ApiError::Credentials { message: format!("{}: {message}", path.display()) };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path).map_err(|e| err(format!("cannot read the secrets file: {e}")))?;
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(err(format!(
                "the secrets file can be read by other users (mode {:o}); run `chmod 600 {}`",
                meta.permissions().mode() & 0o777,
                path.display()
            )));
        }
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| err(format!("cannot read the secrets file: {e}")))?;
    parse_lines(&text).map_err(|line| err(format!("line {line} is not NAME=value (the value is not shown)")))
}

/// Parses `NAME=value` lines; the error is the 1-based number of a line that is not one.
fn parse_lines(text: &str) -> Result<HashMap<String, String>, usize> {
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").unwrap_or(line);
        let (name, value) = line.split_once('=').ok_or(i + 1)?;
        let name = name.trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(i + 1);
        }
        let value = value.trim();
        let value = ['"', '\'']
            .iter()
            .find_map(|q| value.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)))
            .unwrap_or(value);
        out.insert(name.to_string(), value.to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    }

    #[test]
    fn secrets_file_lines() {
        let text = "# comment\nPC_ONBOARD_APP_ID=abc\nexport PC_ONBOARD_APP_SECRET=\"s3=cr#t\"\n\n  PC_ONBOARD_TENANT = 'contoso.onmicrosoft.com'\n";
        let m = parse_lines(text).unwrap();
        assert_eq!(m["PC_ONBOARD_APP_ID"], "abc");
        assert_eq!(m["PC_ONBOARD_APP_SECRET"], "s3=cr#t");
        assert_eq!(m["PC_ONBOARD_TENANT"], "contoso.onmicrosoft.com");
        assert_eq!(parse_lines("A=1\njust a secret value\n"), Err(2));
        assert_eq!(parse_lines("BAD NAME=1"), Err(1));
    }

    #[test]
    fn app_user_needs_a_refresh_token_and_app_does_not() {
        let mut s = ApiSettings::public_cloud();
        let env = env_of(&[(APP_ID, "app"), (TENANT, "t"), (APP_SECRET, "hunter2")]);
        let err = load(&s, &env).unwrap_err().to_string();
        assert!(err.contains(REFRESH_TOKEN), "{err}");
        s.auth = AuthMode::App;
        let c = load(&s, &env).unwrap();
        assert_eq!(c.app_id, "app");
        assert!(c.refresh_token.is_none());
        assert!(!format!("{c:?}").contains("hunter2"), "Debug never shows a secret");
    }

    #[test]
    fn missing_values_are_named_and_profile_values_are_used() {
        let mut s = ApiSettings::public_cloud();
        let none = env_of(&[]);
        assert!(load(&s, &none).unwrap_err().to_string().contains(APP_ID));
        s.app_id = Some("from-profile".into());
        s.tenant = Some("contoso.onmicrosoft.com".into());
        let err = load(&s, &none).unwrap_err().to_string();
        assert!(err.contains(APP_SECRET), "{err}");
        let env = env_of(&[(APP_SECRET, "x"), (REFRESH_TOKEN, "y"), (APP_ID, " ")]);
        assert_eq!(load(&s, &env).unwrap().app_id, "from-profile", "a blank variable counts as unset");
    }
}
