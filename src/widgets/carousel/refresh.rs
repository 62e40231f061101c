//! Merging a refreshed feed without moving the reader: the slide they are on stays on screen,
//! wherever the new feed puts it.

use std::collections::HashSet;

use crate::feed::NewsItem;

/// Where the reader is after a refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Followed {
    /// Where the slide the reader was on now is (clamped when it is gone).
    pub index: usize,
    /// How many items were not there before, for one polite announcement.
    pub added: usize,
}

/// Follows the reader from `current` (on the item at `index`) into `fresh`.
pub fn follow(current: &[NewsItem], index: usize, fresh: &[NewsItem]) -> Followed {
    let known: HashSet<&str> = current.iter().map(|item| item.id.as_str()).collect();
    let added = fresh
        .iter()
        .filter(|item| !known.contains(item.id.as_str()))
        .count();
    let on = current.get(index).map(|item| item.id.as_str());
    let index = on
        .and_then(|id| fresh.iter().position(|item| item.id == id))
        .unwrap_or_else(|| index.min(fresh.len().saturating_sub(1)));
    Followed { index, added }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Items with these ids (and titles), nothing else: for the carousel's native tests.
    pub(in crate::widgets::carousel) fn items(ids: &[&str]) -> Vec<NewsItem> {
        ids.iter()
            .map(|id| NewsItem {
                id: id.to_string(),
                title: id.to_string(),
                url: None,
                summary: None,
                image: None,
                published: None,
                language: None,
            })
            .collect()
    }

    #[test]
    fn the_reader_stays_on_their_slide_when_news_arrives() {
        let fresh = items(&["x", "y", "b", "c", "d"]);
        let followed = follow(&items(&["b", "c", "d"]), 1, &fresh);
        assert_eq!(fresh[followed.index].id, "c");
        assert_eq!(followed.added, 2);
    }

    #[test]
    fn a_vanished_slide_clamps_and_nothing_new_announces_nothing() {
        let followed = follow(&items(&["a", "b", "c"]), 2, &items(&["a", "b"]));
        assert_eq!((followed.index, followed.added), (1, 0));
        let empty = follow(&items(&["a"]), 0, &[]);
        assert_eq!((empty.index, empty.added), (0, 0));
    }
}
