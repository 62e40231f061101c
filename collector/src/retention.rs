//! `--retention-days`: records older than the limit are deleted at start and then daily.

use std::time::Duration;

use tokio::task::JoinHandle;

use crate::db::Db;

/// How often the retention sweep runs after the first one at start.
pub const SWEEP_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// Runs the sweep now and every [`SWEEP_EVERY`] until the handle is aborted.
pub fn spawn(db: Db, days: u32) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SWEEP_EVERY);
        loop {
            // The first tick completes at once: the sweep at start.
            tick.tick().await;
            match db.delete_older_than(days).await {
                Ok(n) => tracing::info!(
                    deleted = n,
                    "retention: records older than {days} days deleted"
                ),
                Err(e) => tracing::error!(
                    "retention: deleting records older than {days} days failed: {e}"
                ),
            }
        }
    })
}
