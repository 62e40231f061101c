//! Reads for the summary, the report and the health check, on read-only connections.

use rusqlite::{params, Connection};

use super::{DbError, Sqlite};
use crate::summary::RatingGroup;

/// Inclusive range of UTC days, `YYYY-MM-DD` each; `None` leaves that side open.
///
/// Built only through [`DateRange::new`], so the strings are always well-formed dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateRange {
    from: Option<String>,
    to: Option<String>,
}

impl DateRange {
    /// Every record.
    pub fn all() -> Self {
        Self::default()
    }

    /// A range from two optional `YYYY-MM-DD` days; `None` when one is not such a day.
    pub fn new(from: Option<&str>, to: Option<&str>) -> Option<Self> {
        let check = |d: Option<&str>| match d {
            None => Some(None),
            Some(d) => is_day(d).then(|| Some(d.to_owned())),
        };
        Some(Self {
            from: check(from)?,
            to: check(to)?,
        })
    }

    /// First day, as given.
    pub fn from(&self) -> Option<&str> {
        self.from.as_deref()
    }

    /// Last day, as given.
    pub fn to(&self) -> Option<&str> {
        self.to.as_deref()
    }
}

/// `YYYY-MM-DD` with a month 01..12 and a day 01..31.
fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .and_then(|_| s.get(r))
            .and_then(|d| d.parse::<u32>().ok())
    };
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4).is_some()
        && digits(5..7).is_some_and(|m| (1..=12).contains(&m))
        && digits(8..10).is_some_and(|d| (1..=31).contains(&d))
}

/// The filter every range-aware query shares: `?1` is the first day, `?2` the last.
const IN_RANGE: &str = "spam = 0 AND (?1 IS NULL OR received_at >= ?1)
     AND (?2 IS NULL OR received_at < date(?2, '+1 day'))";

/// The summary's query; `feedback_summary` covers it.
pub(super) const RATING_GROUPS: &str = "SELECT page, widget_language, translated, rating, COUNT(*)
     FROM feedback WHERE spam = 0 AND (?1 IS NULL OR received_at >= ?1)
     AND (?2 IS NULL OR received_at < date(?2, '+1 day'))
     GROUP BY page, widget_language, translated, rating";

/// How many ratings of one value were given in one week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekGroup {
    /// Monday of the week, `YYYY-MM-DD` (UTC).
    pub week: String,
    /// 1..=5.
    pub rating: u8,
    /// Number of such ratings.
    pub count: u64,
}

/// One comment as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentRow {
    /// When the rating first arrived (UTC, ISO 8601).
    pub received_at: String,
    /// 1..=5.
    pub rating: u8,
    /// The comment, as normalised on arrival.
    pub comment: String,
    /// Page path.
    pub page: String,
    /// Language of the page.
    pub page_language: String,
    /// Language the widget was shown in.
    pub widget_language: String,
    /// Whether the page was machine-translated.
    pub translated: bool,
}

fn count(n: i64) -> u64 {
    // COUNT(*) is never negative.
    u64::try_from(n).unwrap_or(0)
}

impl Sqlite {
    /// Non-spam ratings in `range`, grouped by page × widget language × translated × rating.
    pub async fn rating_groups(&self, range: DateRange) -> Result<Vec<RatingGroup>, DbError> {
        self.with_reader(move |conn| {
            let mut stmt = conn.prepare_cached(RATING_GROUPS)?;
            let rows = stmt.query_map(params![range.from, range.to], |r| {
                Ok(RatingGroup {
                    page: r.get(0)?,
                    widget_language: r.get(1)?,
                    translated: r.get(2)?,
                    rating: r.get(3)?,
                    count: count(r.get(4)?),
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// Non-spam ratings in `range` per week (Monday, UTC) and rating value, oldest first.
    pub async fn weekly(&self, range: DateRange) -> Result<Vec<WeekGroup>, DbError> {
        self.with_reader(move |conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT date(received_at, '-6 days', 'weekday 1') AS week, rating, COUNT(*)
                 FROM feedback WHERE {IN_RANGE} GROUP BY week, rating ORDER BY week"
            ))?;
            let rows = stmt.query_map(params![range.from, range.to], |r| {
                Ok(WeekGroup {
                    week: r.get(0)?,
                    rating: r.get(1)?,
                    count: count(r.get(2)?),
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// One page of the comments in `range`, newest first, and how many there are in all.
    pub async fn comments(
        &self,
        range: DateRange,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<CommentRow>, u64), DbError> {
        self.with_reader(move |conn| comments_page(conn, &range, limit, offset))
            .await
    }

    /// Number of stored records including spam.
    pub async fn count_all(&self) -> Result<u64, DbError> {
        self.with_reader(|conn| {
            let n: i64 = conn.query_row("SELECT COUNT(*) FROM feedback", [], |r| r.get(0))?;
            Ok(count(n))
        })
        .await
    }
}

fn comments_page(
    conn: &Connection,
    range: &DateRange,
    limit: u32,
    offset: u64,
) -> Result<(Vec<CommentRow>, u64), DbError> {
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM feedback WHERE {IN_RANGE} AND comment IS NOT NULL"),
        params![range.from, range.to],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT received_at, rating, comment, page, page_language, widget_language, translated
         FROM feedback WHERE {IN_RANGE} AND comment IS NOT NULL
         ORDER BY received_at DESC, submission_id DESC LIMIT ?3 OFFSET ?4"
    ))?;
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    let rows = stmt.query_map(params![range.from, range.to, limit, offset], |r| {
        Ok(CommentRow {
            received_at: r.get(0)?,
            rating: r.get(1)?,
            comment: r.get(2)?,
            page: r.get(3)?,
            page_language: r.get(4)?,
            widget_language: r.get(5)?,
            translated: r.get(6)?,
        })
    })?;
    Ok((rows.collect::<Result<Vec<_>, _>>()?, count(total)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_checked() {
        assert!(DateRange::new(Some("2026-01-31"), Some("2026-12-01")).is_some());
        assert!(DateRange::new(None, None).is_some());
        for bad in [
            "2026-1-31",
            "2026-13-01",
            "2026-00-10",
            "2026-01-32",
            "x",
            "2026-01-01T",
        ] {
            assert!(DateRange::new(Some(bad), None).is_none(), "{bad}");
        }
    }
}
