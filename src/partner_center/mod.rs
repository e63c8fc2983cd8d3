//! Partner Center's REST API: `push` creates the clean customers and confirms their
//! agreements, `pull` downloads the current customers for `run --existing`.
//!
//! One idea per file: [`settings`] (the profile's `[partner_center]`), [`secrets`] (credentials
//! from the environment or a file), [`auth`] (access tokens), [`client`] (HTTP with pacing and
//! retries), [`throttle`] (the waits), [`ids`] (request IDs), [`codes`] (error answers
//! explained), [`plan`] (the clean folder read back), [`journal`] (what was done), [`push`],
//! [`results`], [`admins`] (new customers' admin credentials), [`preview`] (what push says),
//! [`pull`]; here, what they are asked to do and their progress bar. Written to Microsoft's
//! `develop/` docs; see docs/push-pull.md.

pub mod admins;
pub mod auth;
pub mod client;
pub mod codes;
pub mod ids;
pub mod journal;
pub mod plan;
pub mod preview;
pub mod pull;
pub mod push;
pub mod results;
pub mod secrets;
pub mod throttle;

pub use crate::config::api::{ApiRun, ApiSettings, AuthMode};
pub use crate::error::ApiError;
pub use pull::{pull, PullReport};
pub use push::{push, PushReport};

/// The progress bar of `push` and `pull` over `len` items: only when asked for and stderr is
/// a terminal, as for `run`; logs get the summary lines alone.
fn progress_bar(cfg: &crate::config::Config, len: Option<u64>, what: &str) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !cfg.progress || cfg.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let template =
        format!("{{spinner}} {{human_pos}}/{{human_len}} {what} ({{per_sec}}, {{eta}} left) {{wide_bar}}");
    let b = indicatif::ProgressBar::new(len.unwrap_or(0));
    b.set_style(
        indicatif::ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_bar_unless_asked_for_on_a_terminal() {
        let mut cfg = crate::config::Config::new(Vec::new());
        assert!(progress_bar(&cfg, Some(3), "lines").is_none(), "Config::new asks for none");
        cfg.progress = true;
        cfg.quiet = false;
        // The tests' stderr is not a terminal: still none.
        if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            assert!(progress_bar(&cfg, Some(3), "lines").is_none());
        }
    }
}
