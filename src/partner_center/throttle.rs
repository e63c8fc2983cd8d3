//! Pacing (`api-throttling-guidance.md`, `customer-resources.md`): at most N requests in any
//! 60 seconds (the Customer resource allows 500 a minute a tenant), `Retry-After` honoured on
//! a 429 and doubled while the 429s go on, exponential backoff after a 5xx or a dropped
//! connection. The waits are pure functions of the clock so that tests need not sleep.

use std::collections::VecDeque;
use std::time::{Duration, Instant, SystemTime};

/// The window the limit counts in.
const WINDOW: Duration = Duration::from_secs(60);
/// The longest single wait: a service asking for more is still retried, after this.
const MAX_WAIT: Duration = Duration::from_secs(300);

/// A sliding-window limit: the send times of the last `limit` requests.
#[derive(Debug)]
pub struct RateLimit {
    limit: usize,
    sent: VecDeque<Instant>,
}

impl RateLimit {
    /// At most `per_minute` requests in any 60 seconds.
    pub fn new(per_minute: u32) -> RateLimit {
        let limit = per_minute.max(1) as usize;
        RateLimit { limit, sent: VecDeque::with_capacity(limit) }
    }

    /// How long to wait at `now` before the next request may go.
    pub fn delay(&self, now: Instant) -> Duration {
        match self.sent.front() {
            Some(&oldest) if self.sent.len() >= self.limit => {
                (oldest + WINDOW).saturating_duration_since(now)
            }
            _ => Duration::ZERO,
        }
    }

    /// Notes a request sent at `now`.
    pub fn record(&mut self, now: Instant) {
        if self.sent.len() >= self.limit {
            self.sent.pop_front();
        }
        self.sent.push_back(now);
    }

    /// Waits until a request may go, then counts it as sent.
    pub fn acquire(&mut self) {
        let wait = self.delay(Instant::now());
        if !wait.is_zero() {
            std::thread::sleep(wait);
        }
        self.record(Instant::now());
    }
}

/// The wait after a 429: the `Retry-After` delay (seconds, or an HTTP date), doubled for each
/// 429 in a row before this one ("retry with exponential backoff, use the recommended
/// Retry-After delay"); without a usable header, the backoff for that many attempts.
pub fn after_429(retry_after: Option<&str>, in_a_row: u32, now: SystemTime) -> Duration {
    let base = retry_after.and_then(|v| parse_retry_after(v, now)).unwrap_or_else(|| backoff(in_a_row));
    base.saturating_mul(1 << in_a_row.min(8)).min(MAX_WAIT)
}

/// The wait before retry `attempt` (0-based) after a 5xx or a network error: 1, 2, 4, … s,
/// at most a minute.
pub fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(1 << attempt.min(6)).min(Duration::from_secs(60))
}

/// Reads `Retry-After`: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let now: chrono::DateTime<chrono::Utc> = now.into();
    Some((when.with_timezone(&chrono::Utc) - now).to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_holds_at_most_the_limit() {
        let t0 = Instant::now();
        let mut rl = RateLimit::new(3);
        for i in 0..3 {
            assert_eq!(rl.delay(t0 + Duration::from_secs(i)), Duration::ZERO);
            rl.record(t0 + Duration::from_secs(i));
        }
        // The 4th request waits until the 1st leaves the window.
        assert_eq!(rl.delay(t0 + Duration::from_secs(10)), Duration::from_secs(50));
        assert_eq!(rl.delay(t0 + Duration::from_secs(60)), Duration::ZERO);
        rl.record(t0 + Duration::from_secs(60));
        assert_eq!(rl.delay(t0 + Duration::from_secs(60)), Duration::from_secs(1));
    }

    #[test]
    fn five_hundred_a_minute_means_500_then_a_wait() {
        let t0 = Instant::now();
        let mut rl = RateLimit::new(500);
        let mut now = t0;
        for _ in 0..1200 {
            now += rl.delay(now);
            rl.record(now);
        }
        // 1200 requests: two full windows, and the 1001st request no earlier than 120 s.
        assert_eq!(now.duration_since(t0), Duration::from_secs(120));
    }

    #[test]
    fn retry_after_forms() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_595_304_658); // Tue, 21 Jul 2020 04:10:58 GMT
        let cases = [
            ("57", Some(57)),
            (" 0 ", Some(0)),
            ("Tue, 21 Jul 2020 04:11:55 GMT", Some(57)),
            ("Tue, 21 Jul 2020 04:10:00 GMT", Some(0)),
            ("soon", None),
            ("-3", None),
        ];
        for (v, want) in cases {
            assert_eq!(parse_retry_after(v, now), want.map(Duration::from_secs), "{v}");
        }
    }

    #[test]
    fn waits_grow_and_are_capped() {
        let now = SystemTime::now();
        let table = [
            (Some("2"), 0, 2),
            (Some("2"), 1, 4),
            (Some("2"), 3, 16),
            (Some("57"), 4, 300),
            (None, 0, 1),
            (None, 2, 16),
            (Some("junk"), 1, 4),
        ];
        for (header, n, secs) in table {
            assert_eq!(after_429(header, n, now), Duration::from_secs(secs), "{header:?} #{n}");
        }
        let backoffs: Vec<u64> = (0..9).map(|a| backoff(a).as_secs()).collect();
        assert_eq!(backoffs, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }
}
