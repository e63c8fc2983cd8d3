//! What stops `push` or `pull` as a whole. A single row that Partner Center refuses is not an
//! error but a line of `push/results.csv`; these are the failures no row can get past. None
//! of the messages quotes a secret: they name variables, files and URLs only.

use super::exit;

/// An error that ends `push` or `pull`; the journal keeps what was done, so a rerun resumes.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A credential is missing or its file is unusable.
    #[error("Partner Center credentials: {message}")]
    Credentials {
        /// What is missing and where to set it.
        message: String,
    },
    /// The token endpoint refused the credentials.
    #[error(
        "the token endpoint refused the credentials (HTTP {status}): {message}. Check the app ID \
         and secret; for auth = \"app+user\", redo the partner consent for a new refresh token \
         (docs/push-pull.md, Credentials)"
    )]
    TokenRefused {
        /// The HTTP status.
        status: u16,
        /// The endpoint's `error` and `error_description`.
        message: String,
    },
    /// Partner Center refused a fresh access token.
    #[error(
        "Partner Center answered 401 Unauthorized to a fresh access token ({message}). The account \
         that gave the consent needs the Admin agent role in Partner Center, and the app must be \
         registered in Partner Center → App management"
    )]
    Unauthorized {
        /// Partner Center's error code and description.
        message: String,
    },
    /// Partner Center or the token endpoint could not be reached, again and again.
    #[error(
        "cannot reach {url}: {message}. Nothing more was sent; check the network (and \
         [partner_center] api_url / token_url), then run the same command again: it resumes"
    )]
    Unreachable {
        /// The URL.
        url: String,
        /// The last network error or status.
        message: String,
    },
    /// Partner Center refused a read the whole command needs (a page of customers).
    #[error("Partner Center refused {url} (HTTP {status}): {message}. {fix}")]
    Refused {
        /// The URL.
        url: String,
        /// The HTTP status.
        status: u16,
        /// Partner Center's code and description.
        message: String,
        /// What to do.
        fix: String,
    },
    /// Partner Center answered something the documented API never answers.
    #[error("{url}: unexpected answer from Partner Center: {message}")]
    Protocol {
        /// The URL.
        url: String,
        /// What was wrong with the answer.
        message: String,
    },
}

impl ApiError {
    /// The process exit code: a configuration problem is a usage error (2); everything the
    /// service or the network did is [`exit::API`].
    pub fn exit_code(&self) -> u8 {
        match self {
            ApiError::Credentials { .. } => exit::USAGE,
            _ => exit::API,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_and_advice() {
        let cases: [(ApiError, u8, &str); 4] = [
            (ApiError::Credentials { message: "x".into() }, exit::USAGE, "credentials"),
            (ApiError::TokenRefused { status: 400, message: "invalid_grant".into() }, exit::API, "consent"),
            (ApiError::Unauthorized { message: "x".into() }, exit::API, "Admin agent"),
            (ApiError::Unreachable { url: "u".into(), message: "m".into() }, exit::API, "resumes"),
        ];
        for (e, code, says) in cases {
            assert_eq!(e.exit_code(), code, "{e}");
            assert!(e.to_string().contains(says), "{e}");
        }
    }
}
