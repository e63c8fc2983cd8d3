//! Partner Center's REST API: `push` creates the clean customers and confirms their
//! agreements, `pull` downloads the current customers for `run --existing`.
//!
//! One idea per file: [`settings`] (the profile's `[partner_center]`), [`secrets`] (credentials
//! from the environment or a file), [`auth`] (access tokens), [`client`] (HTTP with pacing and
//! retries), [`throttle`] (the waits), [`ids`] (request IDs), [`codes`] (error answers
//! explained), [`plan`] (the clean folder read back), [`journal`] (what was done), [`push`],
//! [`results`], [`admins`] (new customers' admin credentials), [`preview`] (what push says),
//! [`pull`]. Written to Microsoft's `develop/` docs; see docs/push-pull.md.

pub mod admins;
pub mod auth;
pub mod client;
pub mod codes;
pub mod error;
pub mod ids;
pub mod journal;
pub mod plan;
pub mod preview;
mod progress;
pub mod pull;
pub mod push;
pub mod results;
pub mod secrets;
pub mod settings;
pub mod throttle;

pub use error::ApiError;
pub use pull::{pull, PullReport};
pub use push::{push, PushReport};
pub use settings::{ApiSettings, AuthMode};

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
