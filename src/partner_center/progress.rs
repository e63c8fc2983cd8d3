//! The progress bar of `push` and `pull`: only when asked for and stderr is a terminal, as
//! for `run`; logs get the summary lines alone.

use crate::config::Config;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// A bar over `len` items (a spinner with a count when the total is not known yet).
pub fn bar(cfg: &Config, len: Option<u64>, what: &str) -> Option<ProgressBar> {
    if !cfg.progress || cfg.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let template =
        format!("{{spinner}} {{human_pos}}/{{human_len}} {what} ({{per_sec}}, {{eta}} left) {{wide_bar}}");
    let b = ProgressBar::new(len.unwrap_or(0));
    b.set_style(ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_bar()));
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_bar_unless_asked_for_on_a_terminal() {
        let mut cfg = Config::new(Vec::new());
        assert!(bar(&cfg, Some(3), "lines").is_none(), "Config::new asks for none");
        cfg.progress = true;
        cfg.quiet = false;
        // The tests' stderr is a pipe: still none.
        if !std::io::stderr().is_terminal() {
            assert!(bar(&cfg, Some(3), "lines").is_none());
        }
    }
}
