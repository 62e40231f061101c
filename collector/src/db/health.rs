//! Whether the storage can write, so `/healthz` tells a load balancer the truth about a full
//! or read-only disk instead of answering from a read.
//!
//! Two signals: the latest real write (a rating, a deletion, a retention sweep), which stays
//! failed until a later real write succeeds, since a small probe can still fit where a rating
//! does not; and, while real writes are fine, a one-row probe commit, so a disk that filled
//! up while nobody was rating is noticed too.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{DbError, Sqlite};

/// A probe younger than this answers `/healthz` without probing again, so a flood of health
/// checks costs at most one fsync per interval.
pub const PROBE_INTERVAL: Duration = Duration::from_secs(2);

/// What the write connection last managed.
#[derive(Default)]
pub struct WriteHealth {
    /// Why the latest real write failed; `None` when it succeeded (or none ran yet).
    last_write_error: Mutex<Option<String>>,
    /// The latest probe and when it finished.
    last_probe: Mutex<Option<(Instant, Result<(), String>)>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl WriteHealth {
    /// Keeps the outcome of a real write that just finished.
    pub fn record_write(&self, outcome: Result<(), &DbError>) {
        *lock(&self.last_write_error) = outcome.err().map(ToString::to_string);
    }

    pub(super) fn write_error(&self) -> Option<String> {
        lock(&self.last_write_error).clone()
    }

    fn recent_probe(&self) -> Option<Result<(), String>> {
        lock(&self.last_probe)
            .as_ref()
            .filter(|(at, _)| at.elapsed() < PROBE_INTERVAL)
            .map(|(_, outcome)| outcome.clone())
    }

    fn record_probe(&self, outcome: Result<(), String>) {
        *lock(&self.last_probe) = Some((Instant::now(), outcome));
    }
}

impl WriteHealth {
    /// `Ok` when the storage can commit a write now; otherwise why not. Runs `probe` (one
    /// small committed write) only when no recent real write or probe already answers.
    pub async fn can_write<F>(&self, probe: F) -> Result<(), String>
    where
        F: std::future::Future<Output = Result<(), DbError>>,
    {
        if let Some(why) = self.write_error() {
            return Err(format!("the last write failed: {why}"));
        }
        if let Some(outcome) = self.recent_probe() {
            return outcome;
        }
        let outcome = probe
            .await
            .map_err(|e| format!("a probe write failed: {e}"));
        self.record_probe(outcome.clone());
        outcome
    }
}

impl Sqlite {
    /// One small committed write through the write connection, for `/healthz`.
    pub(super) async fn probe_write(&self) -> Result<(), DbError> {
        self.run_writer(|conn| {
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
    }
}
