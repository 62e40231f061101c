//! Remembering that this visitor already rated, so the form is not shown again for a while.
//! Pure: the browser glue stores what [`key`] and [`stamp`] give through `platform::storage`
//! (which falls back to the tab, then to the page, when storage is blocked).

/// Default days a rating is remembered.
pub const DEFAULT_DAYS: u32 = 90;

const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// The storage key: one for the whole site (`remember-scope="site"`, the default) or one per
/// page path (`remember-scope="page"`).
pub fn key(per_page: bool, path: &str) -> String {
    if per_page {
        format!("feedback:rated:{path}")
    } else {
        "feedback:rated".into()
    }
}

/// What is stored when the visitor rates: the time, in ms since the epoch.
pub fn stamp(now: u64) -> String {
    now.to_string()
}

/// Whether a stored stamp still counts at `now`, for `days` days. A stamp from the future (a
/// clock set back) or an unreadable one does not count, so the form is shown.
pub fn remembered(stored: Option<&str>, now: u64, days: u32) -> bool {
    stored
        .and_then(|stored| stored.trim().parse::<u64>().ok())
        .is_some_and(|at| at <= now && now - at < u64::from(days) * DAY_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_per_site_or_page() {
        assert_eq!(key(false, "/a"), "feedback:rated");
        assert_eq!(key(false, "/b"), key(false, "/a"));
        assert_eq!(key(true, "/a"), "feedback:rated:/a");
        assert_ne!(key(true, "/a"), key(true, "/b"));
    }

    #[test]
    fn a_rating_is_remembered_for_its_days() {
        let at = 1_700_000_000_000;
        let stored = stamp(at);
        assert!(remembered(Some(&stored), at, DEFAULT_DAYS));
        assert!(remembered(Some(&stored), at + 89 * DAY_MS, DEFAULT_DAYS));
        assert!(!remembered(Some(&stored), at + 90 * DAY_MS, DEFAULT_DAYS));
        assert!(remembered(Some(&stored), at + DAY_MS - 1, 1));
        assert!(!remembered(Some(&stored), at + DAY_MS, 1));
        assert!(
            !remembered(Some(&stored), at, 0),
            "0 days: never remembered"
        );
    }

    #[test]
    fn nothing_odd_counts() {
        let now = 1_700_000_000_000;
        assert!(!remembered(None, now, 90));
        assert!(!remembered(Some(""), now, 90));
        assert!(!remembered(Some("yes"), now, 90));
        assert!(!remembered(Some(&stamp(now + DAY_MS)), now, 90));
    }
}
