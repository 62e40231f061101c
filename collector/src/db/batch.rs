//! What both backends' group commits share: why a batch failed, and the answer for every row
//! of a batch that failed as a whole.

use super::{DbError, Upsert};

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
