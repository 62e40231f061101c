//! Reads for the summary, the report and the health check.

use tokio_postgres::Row;

use super::{DbError, Postgres};
use crate::db::{CommentRow, DateRange, WeekGroup};
use crate::summary::RatingGroup;

/// The filter every range-aware query shares: `$1` is the first day, `$2` the last, both
/// `YYYY-MM-DD` or NULL; the stored times are ISO text, so text comparison orders them.
pub(super) const IN_RANGE: &str = "spam = FALSE AND ($1::text IS NULL OR received_at >= $1::text)
     AND ($2::text IS NULL OR received_at < to_char($2::date + 1, 'YYYY-MM-DD'))";

fn count(n: i64) -> u64 {
    // COUNT(*) is never negative.
    u64::try_from(n).unwrap_or(0)
}

/// A rating column (INTEGER, 1..=5 by its CHECK) as the summary's type.
fn rating(r: &Row, i: usize) -> Result<u8, DbError> {
    let v: i32 = r.try_get(i)?;
    u8::try_from(v).map_err(|_| DbError::Setup(format!("rating {v} out of range")))
}

impl Postgres {
    /// Non-spam ratings in `range`, grouped by page × widget language × translated × rating.
    pub async fn rating_groups(&self, range: DateRange) -> Result<Vec<RatingGroup>, DbError> {
        let client = self.client().await?;
        let stmt = client
            .prepare_cached(&format!(
                "SELECT page, widget_language, translated, rating, COUNT(*) FROM feedback
                 WHERE {IN_RANGE} GROUP BY page, widget_language, translated, rating"
            ))
            .await?;
        let rows = client.query(&stmt, &[&range.from(), &range.to()]).await?;
        rows.iter()
            .map(|r| {
                Ok(RatingGroup {
                    page: r.try_get(0)?,
                    widget_language: r.try_get(1)?,
                    translated: r.try_get(2)?,
                    rating: rating(r, 3)?,
                    count: count(r.try_get(4)?),
                })
            })
            .collect()
    }

    /// Non-spam ratings in `range` per week (Monday, UTC) and rating value, oldest first.
    pub async fn weekly(&self, range: DateRange) -> Result<Vec<WeekGroup>, DbError> {
        let client = self.client().await?;
        let stmt = client
            .prepare_cached(&format!(
                "SELECT to_char(date_trunc('week', left(received_at, 10)::date), 'YYYY-MM-DD')
                        AS week, rating, COUNT(*)
                 FROM feedback WHERE {IN_RANGE} GROUP BY week, rating ORDER BY week"
            ))
            .await?;
        let rows = client.query(&stmt, &[&range.from(), &range.to()]).await?;
        rows.iter()
            .map(|r| {
                Ok(WeekGroup {
                    week: r.try_get(0)?,
                    rating: rating(r, 1)?,
                    count: count(r.try_get(2)?),
                })
            })
            .collect()
    }

    /// One page of the comments in `range`, newest first, and how many there are in all.
    pub async fn comments(
        &self,
        range: DateRange,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<CommentRow>, u64), DbError> {
        let client = self.client().await?;
        let total: i64 = client
            .query_one(
                &format!("SELECT COUNT(*) FROM feedback WHERE {IN_RANGE} AND comment IS NOT NULL"),
                &[&range.from(), &range.to()],
            )
            .await?
            .try_get(0)?;
        let stmt = client
            .prepare_cached(&format!(
                "SELECT received_at, rating, comment, page, page_language, widget_language,
                        translated
                 FROM feedback WHERE {IN_RANGE} AND comment IS NOT NULL
                 ORDER BY received_at DESC, submission_id DESC LIMIT $3 OFFSET $4"
            ))
            .await?;
        let limit = i64::from(limit);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let rows = client
            .query(&stmt, &[&range.from(), &range.to(), &limit, &offset])
            .await?;
        let rows = rows
            .iter()
            .map(|r| {
                Ok(CommentRow {
                    received_at: r.try_get(0)?,
                    rating: rating(r, 1)?,
                    comment: r.try_get(2)?,
                    page: r.try_get(3)?,
                    page_language: r.try_get(4)?,
                    widget_language: r.try_get(5)?,
                    translated: r.try_get(6)?,
                })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        Ok((rows, count(total)))
    }

    /// Number of stored records including spam.
    pub async fn count_all(&self) -> Result<u64, DbError> {
        let client = self.client().await?;
        let n: i64 = client
            .query_one("SELECT COUNT(*) FROM feedback", &[])
            .await?
            .try_get(0)?;
        Ok(count(n))
    }

    /// `Ok` when the database can commit a write now; otherwise why not.
    pub async fn can_write(&self) -> Result<(), String> {
        if self.queue.is_closed() {
            return Err("the writer has stopped".to_owned());
        }
        self.health.can_write(self.probe_write()).await
    }
}
