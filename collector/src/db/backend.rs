//! [`Db`]: the one storage handle the routes use, whichever backend is configured. Each call
//! goes to the backend's method of the same name, so both keep the same semantics and the
//! routes never ask which one runs.

use std::path::Path;

use super::postgres::Postgres;
use super::{CommentRow, DateRange, DbError, ExportError, ExportSink, Sqlite, Upsert, WeekGroup};
use crate::summary::RatingGroup;
use crate::validate::Submission;

/// The configured storage; cheap to clone.
#[derive(Clone)]
pub enum Db {
    /// One SQLite file, for a single instance.
    Sqlite(Sqlite),
    /// A PostgreSQL database, which several instances may share.
    Postgres(Postgres),
}

/// Calls the same method on whichever backend `$db` is.
macro_rules! both {
    ($db:expr, $b:ident => $call:expr) => {
        match $db {
            Db::Sqlite($b) => $call,
            Db::Postgres($b) => $call,
        }
    };
}

impl Db {
    /// A SQLite file with the default write queue (see [`Sqlite::open`]).
    pub fn open(path: &Path) -> Result<Db, DbError> {
        Sqlite::open(path).map(Db::Sqlite)
    }

    /// Stores `sub`, committed on return, if its key owns the record.
    pub async fn upsert(&self, sub: Submission, received_at_ms: i64) -> Result<Upsert, DbError> {
        both!(self, b => b.upsert(sub, received_at_ms).await)
    }

    /// Deletes one record; `false` when there was none.
    pub async fn delete(&self, submission_id: String) -> Result<bool, DbError> {
        both!(self, b => b.delete(submission_id).await)
    }

    /// Deletes records first received more than `days` days ago; returns how many.
    pub async fn delete_older_than(&self, days: u32) -> Result<usize, DbError> {
        both!(self, b => b.delete_older_than(days).await)
    }

    /// Non-spam ratings in `range`, grouped by page × widget language × translated × rating.
    pub async fn rating_groups(&self, range: DateRange) -> Result<Vec<RatingGroup>, DbError> {
        both!(self, b => b.rating_groups(range).await)
    }

    /// Non-spam ratings in `range` per week (Monday, UTC) and rating value, oldest first.
    pub async fn weekly(&self, range: DateRange) -> Result<Vec<WeekGroup>, DbError> {
        both!(self, b => b.weekly(range).await)
    }

    /// One page of the comments in `range`, newest first, and how many there are in all.
    pub async fn comments(
        &self,
        range: DateRange,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<CommentRow>, u64), DbError> {
        both!(self, b => b.comments(range, limit, offset).await)
    }

    /// Number of stored records including spam.
    pub async fn count_all(&self) -> Result<u64, DbError> {
        both!(self, b => b.count_all().await)
    }

    /// Streams the non-spam records in `range`, oldest first, to `sink`.
    pub async fn export<S>(&self, range: DateRange, sink: S) -> Result<(), ExportError>
    where
        S: ExportSink + Send + 'static,
    {
        both!(self, b => b.export(range, sink).await)
    }

    /// `Ok` when the storage can commit a write now; otherwise why not.
    pub async fn can_write(&self) -> Result<(), String> {
        both!(self, b => b.can_write().await)
    }
}
