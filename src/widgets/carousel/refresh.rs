//! Merging a refreshed feed without moving the reader: the slide they are on stays on screen,
//! wherever the new feed puts it.

use std::collections::BinaryHeap;

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
    // The ids seen before, in order for a binary search: a heap's sorted output is O(n log n)
    // at worst and costs far less Wasm than a `HashSet` (its hasher and random keys) or a
    // slice sort.
    let mut known = Vec::with_capacity(current.len());
    for item in current {
        known.push(item.id.as_str());
    }
    let known = BinaryHeap::from(known).into_sorted_vec();
    let added = fresh
        .iter()
        .filter(|item| known.binary_search(&item.id.as_str()).is_err())
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
    fn new_items_are_counted_whatever_the_order_of_ids() {
        // Ids out of order, a long feed: every id seen before is found.
        let ids: Vec<String> = (0..10_000)
            .map(|n| (n * 7_919 % 10_007).to_string())
            .collect();
        let old: Vec<&str> = ids.iter().map(String::as_str).collect();
        let mut new = old.clone();
        new.reverse();
        new.extend(["new-1", "new-2", "5", "new-1"]);
        let followed = follow(&items(&old), 0, &items(&new));
        assert_eq!(
            followed.added, 3,
            "a fresh id counts each time it is listed"
        );
        assert_eq!(new[followed.index], old[0]);
    }

    #[test]
    fn a_vanished_slide_clamps_and_nothing_new_announces_nothing() {
        let followed = follow(&items(&["a", "b", "c"]), 2, &items(&["a", "b"]));
        assert_eq!((followed.index, followed.added), (1, 0));
        let empty = follow(&items(&["a"]), 0, &[]);
        assert_eq!((empty.index, empty.added), (0, 0));
    }
}
