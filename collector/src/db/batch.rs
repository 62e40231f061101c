//! What both backends' group commits share: the queued job and how a handler queues one and
//! waits for its answer, why a batch failed, and the answer for every row of a batch that
//! failed as a whole.

use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::{mpsc, oneshot};

use super::{DbError, Upsert};
use crate::validate::Submission;

/// One queued submission and where its outcome goes.
pub(crate) struct Job {
    /// The validated submission.
    pub sub: Submission,
    /// When its request arrived, in Unix milliseconds.
    pub received_at_ms: i64,
    /// The waiting handler; a handler that went away is simply not answered.
    pub reply: oneshot::Sender<Result<Upsert, DbError>>,
}

/// Queues `sub` for the writer behind `queue` and waits for the outcome of its batch; a full
/// queue refuses it at once with [`DbError::QueueFull`] rather than waiting without bound.
pub(crate) async fn enqueue(
    queue: &mpsc::Sender<Job>,
    sub: Submission,
    received_at_ms: i64,
) -> Result<Upsert, DbError> {
    let (reply, outcome) = oneshot::channel();
    let job = Job {
        sub,
        received_at_ms,
        reply,
    };
    queue.try_send(job).map_err(|e| match e {
        TrySendError::Full(_) => DbError::QueueFull,
        TrySendError::Closed(_) => DbError::Task("the writer has stopped".to_owned()),
    })?;
    outcome
        .await
        .map_err(|_| DbError::Task("the writer dropped a submission".to_owned()))?
}

/// Why a batch failed: a row's statement (that row may be the only bad one, so the others are
/// worth storing one by one), or the transaction itself (`BEGIN` could not get the lock,
/// `COMMIT` failed: every row would fail the same way, and retrying each would multiply the
/// wait).
pub(super) enum BatchError {
    /// A row's statement failed.
    Row(DbError),
    /// The transaction could not start or commit.
    Whole(DbError),
}

/// `rows` failures for one error: the error itself for the first row, its message for the
/// others (a [`DbError`] cannot be cloned; the message is what gets logged).
pub(super) fn fail_all(e: DbError, rows: usize) -> Vec<Result<Upsert, DbError>> {
    let why = e.to_string();
    let mut outcomes = Vec::with_capacity(rows);
    outcomes.push(Err(e));
    outcomes.extend((1..rows).map(|_| Err(DbError::Task(why.clone()))));
    outcomes
}
