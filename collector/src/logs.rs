//! Aggregate logging for events a client can cause at will (rate-limit refusals, storage
//! failures under a full disk): each kind writes at most one line per interval with a count,
//! so no request pattern can fill the disk with log lines.

use std::fmt::Display;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Longest gap between two lines of one kind while events keep coming.
pub const INTERVAL: Duration = Duration::from_secs(60);

/// Submissions refused by the rate limiter.
pub static RATE_LIMITED: Throttled = Throttled::new("rate limit", Level::Info);
/// Reads or writes the database failed.
pub static STORAGE_FAILURES: Throttled = Throttled::new("storage failure", Level::Error);
/// Accepting a connection failed (out of file descriptors...).
pub static ACCEPT_FAILURES: Throttled = Throttled::new("accept failure", Level::Error);
/// A state-changing request came from an origin not on the allow-list.
pub static ORIGIN_REFUSED: Throttled = Throttled::new(
    "refused requests from origins not on the allow-list",
    Level::Info,
);
/// `/dist/*` was asked for while the bundle directory is missing.
pub static MISSING_BUNDLE: Throttled = Throttled::new("bundle requests answered 404", Level::Warn);

/// Writes every kind's pending count that is due; for the periodic task.
pub fn flush_all() {
    for t in [
        &RATE_LIMITED,
        &STORAGE_FAILURES,
        &ACCEPT_FAILURES,
        &ORIGIN_REFUSED,
        &MISSING_BUNDLE,
    ] {
        t.flush();
    }
}

/// The level a [`Throttled`] logs at.
#[derive(Debug, Clone, Copy)]
pub enum Level {
    /// Expected under load.
    Info,
    /// Worth a look.
    Warn,
    /// Needs an operator.
    Error,
}

/// Counts events of one kind and logs them in aggregate.
pub struct Throttled {
    what: &'static str,
    level: Level,
    pending: AtomicU64,
    last_line: Mutex<Option<Instant>>,
}

impl Throttled {
    /// A counter that logs as `what`.
    pub const fn new(what: &'static str, level: Level) -> Self {
        Self {
            what,
            level,
            pending: AtomicU64::new(0),
            last_line: Mutex::new(None),
        }
    }

    /// Counts one event. The first event after a quiet interval is logged at once (with
    /// `detail`, which must hold no client data), later ones wait for the next line.
    pub fn hit(&self, detail: &dyn Display) {
        self.pending.fetch_add(1, Ordering::Relaxed);
        self.write_if_due(Some(detail));
    }

    /// Writes the pending count if a line is due; called by the service's periodic task so
    /// the last burst of an interval is reported too.
    pub fn flush(&self) {
        if self.pending.load(Ordering::Relaxed) > 0 {
            self.write_if_due(None);
        }
    }

    fn write_if_due(&self, detail: Option<&dyn Display>) {
        let mut last = self
            .last_line
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = Instant::now();
        if last.is_some_and(|t| now.duration_since(t) < INTERVAL) {
            return;
        }
        let n = self.pending.swap(0, Ordering::Relaxed);
        if n == 0 {
            return;
        }
        *last = Some(now);
        let latest = detail.map(ToString::to_string).unwrap_or_default();
        match self.level {
            Level::Info => tracing::info!(
                count = n,
                "{}: {n} event(s) since the last line (at most one line per {} s) {latest}",
                self.what,
                INTERVAL.as_secs()
            ),
            Level::Warn => tracing::warn!(
                count = n,
                "{}: {n} event(s) since the last line (at most one line per {} s); latest: {latest}",
                self.what,
                INTERVAL.as_secs()
            ),
            Level::Error => tracing::error!(
                count = n,
                "{}: {n} event(s) since the last line (at most one line per {} s); latest: {latest}",
                self.what,
                INTERVAL.as_secs()
            ),
        }
    }

    /// Events counted but not logged yet (for tests).
    pub fn pending(&self) -> u64 {
        self.pending.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_one_line_then_counted() {
        let t = Throttled::new("test", Level::Info);
        t.hit(&"first");
        assert_eq!(t.pending(), 0, "the first event is written at once");
        for _ in 0..1000 {
            t.hit(&"again");
        }
        assert_eq!(t.pending(), 1000, "later ones wait for the next interval");
        t.flush();
        assert_eq!(t.pending(), 1000, "no second line within the interval");
    }
}
