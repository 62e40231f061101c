//! Whether the storage can write: the outcome of the latest write, and a cheap write probe
//! when that outcome is old, so `/healthz` tells a load balancer the truth about a full or
//! read-only disk instead of answering from a read.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{Db, DbError};

/// A write outcome younger than this answers `/healthz` without probing again, so a flood
/// of health checks costs at most one fsync per interval.
pub const PROBE_INTERVAL: Duration = Duration::from_secs(2);

/// The latest write attempt (rating, deletion or probe) and when it finished.
#[derive(Default)]
pub struct WriteHealth {
    latest: Mutex<Option<(Instant, Result<(), String>)>>,
}

impl WriteHealth {
    /// Keeps the outcome of a write that just finished.
    pub fn record(&self, outcome: Result<(), &DbError>) {
        let outcome = outcome.map_err(ToString::to_string);
        *self
            .latest
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some((Instant::now(), outcome));
    }

    /// The latest outcome if it is recent enough to stand for the present.
    fn recent(&self) -> Option<Result<(), String>> {
        let latest = self
            .latest
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        latest
            .as_ref()
            .filter(|(at, _)| at.elapsed() < PROBE_INTERVAL)
            .map(|(_, outcome)| outcome.clone())
    }
}

impl Db {
    /// `Ok` when the storage can commit a write now; otherwise why not. Uses the latest write
    /// outcome when it is recent, else commits a one-row probe (same fsync as a rating).
    pub async fn can_write(&self) -> Result<(), String> {
        if let Some(outcome) = self.health.recent() {
            return outcome;
        }
        self.with_writer(|conn| {
            conn.execute(
                &format!(
                    "INSERT INTO health_probe (id, written_at) VALUES (1, {})
                     ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at",
                    super::write::NOW
                ),
                [],
            )?;
            Ok(())
        })
        .await
        .map_err(|e| e.to_string())
    }
}
