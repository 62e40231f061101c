//! The weekly CSAT trend: per-week figures and the geometry of its bar chart.

use std::collections::BTreeMap;

use crate::db::WeekGroup;
use crate::summary::Counts;

use super::labels;

/// Weeks shown: the latest ones with ratings.
pub const MAX_WEEKS: usize = 26;
/// Height of a 100 % bar in the chart's user units.
const BAR_MAX: u64 = 150;
/// Width of one week's slot in the chart's user units.
const SLOT: u64 = 36;
/// Left margin for the axis labels ("100%" fits left of the axis).
const LEFT: u64 = 52;
/// Narrowest chart, so a trend of one or two weeks is not blown up to the page width.
const MIN_WIDTH: u64 = 360;
/// The chart's baseline.
pub const BASE_Y: u64 = 170;

/// One week of the trend, ready to draw and to list.
#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    /// `Week of 1 Dec 2026`.
    pub label: String,
    /// `1 Dec` style short label under the bar.
    pub short: String,
    /// Ratings that week.
    pub n: u64,
    /// `66.7%`.
    pub csat: String,
    /// Bar geometry.
    pub x: u64,
    /// Top of the bar.
    pub y: u64,
    /// Bar height.
    pub h: u64,
    /// Middle of the bar, for its labels.
    pub cx: u64,
    /// Whether the bar gets its labels under it: with many weeks only every few bars do, so
    /// the labels never overlap on a phone (the table lists every week).
    pub labelled: bool,
}

/// The latest [`MAX_WEEKS`] weeks with ratings, oldest first, and the chart width.
pub fn weeks(groups: &[WeekGroup]) -> (Vec<Week>, u64) {
    let mut by_week: BTreeMap<&str, Counts> = BTreeMap::new();
    for g in groups {
        by_week.entry(&g.week).or_default().add(g.rating, g.count);
    }
    let skip = by_week.len().saturating_sub(MAX_WEEKS);
    let shown = by_week.len() - skip;
    let every = u64::try_from(shown.div_ceil(8)).unwrap_or(1).max(1);
    let weeks: Vec<Week> = by_week
        .into_iter()
        .skip(skip)
        .zip(0u64..)
        .map(|((week, counts), i)| {
            let tenths = counts.csat_tenths().unwrap_or(0);
            let h = tenths * BAR_MAX / 1000;
            let x = LEFT + i * SLOT + 6;
            let day = labels::day(week);
            Week {
                label: format!("Week of {day}"),
                short: day
                    .rsplit_once(' ')
                    .map_or(day.clone(), |(dm, _)| dm.to_owned()),
                n: counts.n(),
                csat: format!("{}.{}%", tenths / 10, tenths % 10),
                x,
                y: BASE_Y - h,
                h,
                cx: x + (SLOT - 12) / 2,
                labelled: i % every == 0,
            }
        })
        .collect();
    let width = (LEFT + SLOT * u64::try_from(weeks.len()).unwrap_or(0) + 10).max(MIN_WIDTH);
    (weeks, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(week: &str, rating: u8, count: u64) -> WeekGroup {
        WeekGroup {
            week: week.into(),
            rating,
            count,
        }
    }

    #[test]
    fn weekly_csat_with_counts() {
        let (weeks, _) = weeks(&[
            g("2026-11-23", 5, 3),
            g("2026-11-23", 1, 1),
            g("2026-11-30", 2, 2),
        ]);
        assert_eq!(weeks.len(), 2);
        assert_eq!((weeks[0].n, weeks[0].csat.as_str()), (4, "75.0%"));
        assert_eq!(weeks[0].label, "Week of 23 Nov 2026");
        assert_eq!(
            (weeks[1].n, weeks[1].csat.as_str(), weeks[1].h),
            (2, "0.0%", 0)
        );
    }

    #[test]
    fn only_the_latest_weeks_are_kept() {
        let groups: Vec<WeekGroup> = (0..40)
            .map(|i| g(&format!("2026-{:02}-{:02}", i / 4 + 1, i % 4 * 7 + 1), 4, 1))
            .collect();
        let (weeks, _) = weeks(&groups);
        assert_eq!(weeks.len(), MAX_WEEKS);
        assert_eq!(weeks[MAX_WEEKS - 1].label, "Week of 22 Oct 2026");
        // 26 bars: every fourth is labelled, so at most 8 labels share the width.
        assert_eq!(weeks.iter().filter(|w| w.labelled).count(), 7);
    }
}
