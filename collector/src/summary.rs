//! CSAT maths: pure functions from rating counts to the published figures.
//!
//! Rounding is done on integers (half away from zero) so the figures are exact and
//! reproducible rather than subject to binary floating-point drift.

use std::collections::BTreeMap;

use serde::Serialize;

/// Segments with fewer ratings than this are flagged `too_small`: their CSAT swings too much
/// to act on.
pub const MIN_SEGMENT_N: u64 = 30;

/// How many times each rating 1..=5 was given.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts(pub [u64; 5]);

impl Counts {
    /// Adds `count` ratings of `rating`; ratings outside 1..=5 are ignored (the schema's CHECK
    /// constraint keeps them out of the database anyway).
    pub fn add(&mut self, rating: u8, count: u64) {
        if let Some(slot) = usize::from(rating)
            .checked_sub(1)
            .and_then(|i| self.0.get_mut(i))
        {
            *slot += count;
        }
    }

    /// Number of ratings.
    pub fn n(&self) -> u64 {
        self.0.iter().sum()
    }

    /// CSAT in tenths of a percent: share of 4s and 5s, rounded half up. `None` when empty.
    pub fn csat_tenths(&self) -> Option<u64> {
        let n = u128::from(self.n());
        let satisfied = u128::from(self.0[3] + self.0[4]);
        // round(satisfied * 1000 / n) without floats.
        (n > 0).then(|| to_u64((satisfied * 2000 + n) / (2 * n)))
    }

    /// Mean rating in hundredths, rounded half up. `None` when empty.
    pub fn mean_hundredths(&self) -> Option<u64> {
        let n = u128::from(self.n());
        let sum: u128 = self
            .0
            .iter()
            .zip(1u128..)
            .map(|(c, r)| u128::from(*c) * r)
            .sum();
        (n > 0).then(|| to_u64((sum * 200 + n) / (2 * n)))
    }

    /// The published figures for these counts.
    pub fn figures(&self) -> Figures {
        let n = self.n();
        Figures {
            n,
            csat_percent: self.csat_tenths().map(|t| t as f64 / 10.0),
            mean: self.mean_hundredths().map(|h| h as f64 / 100.0),
            counts: self.0,
            too_small: n < MIN_SEGMENT_N,
        }
    }
}

/// Results are bounded by 1000 or 500 times a ratio <= 1, so they always fit.
fn to_u64(v: u128) -> u64 {
    u64::try_from(v).unwrap_or(u64::MAX)
}

/// Figures for one segment (or the whole data set).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Number of ratings.
    pub n: u64,
    /// Percentage of 4s and 5s with one decimal; `null` when `n` is 0.
    pub csat_percent: Option<f64>,
    /// Mean rating with two decimals; `null` when `n` is 0.
    pub mean: Option<f64>,
    /// Counts of ratings 1..=5.
    pub counts: [u64; 5],
    /// `n` is below [`MIN_SEGMENT_N`].
    pub too_small: bool,
}

/// One row of the grouped query: how many times `rating` was given in one
/// page × language × translated cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingGroup {
    /// Page path.
    pub page: String,
    /// Widget language.
    pub widget_language: String,
    /// Whether the page was machine-translated.
    pub translated: bool,
    /// 1..=5.
    pub rating: u8,
    /// Number of such ratings.
    pub count: u64,
}

/// The whole summary served at `/api/feedback/summary` and rendered by `/report`.
/// Segment maps are ordered by key so output is stable.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// All non-spam ratings.
    pub overall: Figures,
    /// Split by page path.
    pub by_page: BTreeMap<String, Figures>,
    /// Split by widget language.
    pub by_language: BTreeMap<String, Figures>,
    /// Split by `"true"` / `"false"` (was the page machine-translated).
    pub by_translated: BTreeMap<String, Figures>,
}

/// Folds grouped rows into the summary.
pub fn summarize(rows: &[RatingGroup]) -> Summary {
    let mut overall = Counts::default();
    let mut by_page: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_language: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_translated: BTreeMap<String, Counts> = BTreeMap::new();
    for row in rows {
        overall.add(row.rating, row.count);
        by_page
            .entry(row.page.clone())
            .or_default()
            .add(row.rating, row.count);
        by_language
            .entry(row.widget_language.clone())
            .or_default()
            .add(row.rating, row.count);
        by_translated
            .entry(row.translated.to_string())
            .or_default()
            .add(row.rating, row.count);
    }
    let figures = |m: BTreeMap<String, Counts>| {
        m.into_iter()
            .map(|(k, c)| (k, c.figures()))
            .collect::<BTreeMap<_, _>>()
    };
    Summary {
        overall: overall.figures(),
        by_page: figures(by_page),
        by_language: figures(by_language),
        by_translated: figures(by_translated),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(page: &str, lang: &str, translated: bool, rating: u8, count: u64) -> RatingGroup {
        RatingGroup {
            page: page.into(),
            widget_language: lang.into(),
            translated,
            rating,
            count,
        }
    }

    #[test]
    fn empty_has_null_figures() {
        let f = Counts::default().figures();
        assert_eq!(f.n, 0);
        assert_eq!(f.csat_percent, None);
        assert_eq!(f.mean, None);
        assert!(f.too_small);
    }

    #[test]
    fn thirds_round_half_up() {
        // 2 of 3 satisfied = 66.666..% -> 66.7; mean (4+5+1)/3 = 3.333.. -> 3.33.
        let c = Counts([1, 0, 0, 1, 1]);
        assert_eq!(c.csat_tenths(), Some(667));
        assert_eq!(c.mean_hundredths(), Some(333));
        let f = c.figures();
        assert_eq!(f.csat_percent, Some(66.7));
        assert_eq!(f.mean, Some(3.33));
    }

    #[test]
    fn exact_halves_round_up() {
        // 1 of 8 = 12.5% exactly; 1 of 16 = 6.25% -> 6.3; mean 1.5 and 1.125 -> 1.13.
        assert_eq!(Counts([7, 0, 0, 1, 0]).csat_tenths(), Some(125));
        assert_eq!(Counts([15, 0, 0, 0, 1]).csat_tenths(), Some(63));
        assert_eq!(Counts([1, 1, 0, 0, 0]).mean_hundredths(), Some(150));
        assert_eq!(Counts([7, 1, 0, 0, 0]).mean_hundredths(), Some(113));
    }

    #[test]
    fn extremes() {
        assert_eq!(Counts([0, 0, 0, 0, 9]).figures().csat_percent, Some(100.0));
        assert_eq!(Counts([9, 0, 0, 0, 0]).figures().csat_percent, Some(0.0));
        assert_eq!(Counts([0, 0, 9, 0, 0]).figures().mean, Some(3.0));
    }

    #[test]
    fn too_small_boundary() {
        assert!(Counts([29, 0, 0, 0, 0]).figures().too_small);
        assert!(!Counts([30, 0, 0, 0, 0]).figures().too_small);
    }

    #[test]
    fn out_of_range_ratings_are_ignored() {
        let mut c = Counts::default();
        c.add(0, 5);
        c.add(6, 5);
        c.add(3, 2);
        assert_eq!(c, Counts([0, 0, 2, 0, 0]));
    }

    #[test]
    fn segments_split_the_same_rows() {
        let s = summarize(&[
            row("/a", "en", false, 5, 20),
            row("/a", "ar", true, 2, 10),
            row("/b", "en", false, 4, 3),
        ]);
        assert_eq!(s.overall.counts, [0, 10, 0, 3, 20]);
        assert_eq!(s.overall.n, 33);
        assert!(!s.overall.too_small);
        assert_eq!(s.by_page["/a"].counts, [0, 10, 0, 0, 20]);
        assert!(!s.by_page["/a"].too_small);
        assert!(s.by_page["/b"].too_small);
        assert_eq!(s.by_language["en"].counts, [0, 0, 0, 3, 20]);
        assert_eq!(s.by_translated["true"].counts, [0, 10, 0, 0, 0]);
        assert_eq!(s.by_translated["false"].n, 23);
        // 23 of 33 satisfied = 69.69..% -> 69.7.
        assert_eq!(s.overall.csat_percent, Some(69.7));
    }
}
