//! Reading a long feed in steps, so that its first news shows without waiting for the rest.
//!
//! [`parse_first`] checks the whole text, as it must before anything is shown, but builds only
//! the first JSON Feed items; [`RestOfItems::read_some`] builds the others from the same text,
//! a slice at a time, so that the page stays responsive meanwhile. Checking without building
//! costs a small part of building: the first slide of a 10,000-item feed does not wait for
//! 10,000 items.

use std::ops::Range;

use super::json::{parse_text_head, UnreadItems};
use super::{json_feed, read_document, Feed, FeedError, Json, Parsed, ResolveUrl};
use super::{MAX_FEED_BYTES, MAX_ITEMS};

/// What [`parse_first`] gives.
#[derive(Debug)]
pub struct FirstReading {
    /// The feed with its first items ([`Feed::unread_items`] counts the others), and the
    /// warnings about what was read.
    pub parsed: Parsed,
    /// The items left to read, if any.
    pub rest: Option<RestOfItems>,
}

/// The items a [`FirstReading`] left unread.
#[derive(Debug)]
pub struct RestOfItems {
    unread: UnreadItems,
    /// The position in the feed's item list of the next unread one, for the warnings.
    next_index: usize,
    /// The feed of the first reading, read a second time, for a reader of the rest to fill
    /// while the widgets keep the first: reading a few items again costs far less code than
    /// cloning a feed (about 1.5 KB of Wasm).
    pub start: Feed,
}

/// Reads the feed `text` as [`parse`](super::parse) does, with the same errors, except that
/// only the first `first` JSON Feed items are built; [`RestOfItems::read_some`] reads the
/// others. Read whole, the feed is the one [`parse`](super::parse) gives.
pub fn parse_first(
    text: &str,
    base: &dyn ResolveUrl,
    first: usize,
) -> Result<FirstReading, FeedError> {
    if text.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge { bytes: text.len() });
    }
    let (mut value, mut unread) = parse_text_head(text, first).map_err(FeedError::InvalidJson)?;
    if unread.count == 0 {
        return Ok(FirstReading {
            parsed: read_document(&value, base)?,
            rest: None,
        });
    }
    if first + unread.count > MAX_ITEMS {
        // Over the limit, only the newest are kept, and which ones depends on every date: all
        // are built now, from the text already checked.
        if let Some(Json::Array(items)) = last_items_member(&mut value) {
            items.reserve_exact(unread.count);
            while let Some(item) = unread.read_next(text) {
                items.push(item);
            }
        }
        return Ok(FirstReading {
            parsed: read_document(&value, base)?,
            rest: None,
        });
    }
    let mut parsed = read_document(&value, base)?;
    parsed.feed.unread_items = unread.count;
    let mut start = read_document(&value, base)?.feed;
    start.unread_items = unread.count;
    Ok(FirstReading {
        parsed,
        rest: Some(RestOfItems {
            unread,
            next_index: first,
            start,
        }),
    })
}

/// The value of a top-level object's last `items` member, the one [`Json::get`] reads.
fn last_items_member(document: &mut Json) -> Option<&mut Json> {
    match document {
        Json::Object(members) => members
            .iter_mut()
            .rev()
            .find(|(name, _)| name == "items")
            .map(|(_, value)| value),
        _ => None,
    }
}

impl RestOfItems {
    /// Reads up to `count` more of the unread items of `text` (the text of the first reading)
    /// into `feed` (the feed it gave, or as far as it has come), warnings into `warnings`.
    /// Says whether all are read.
    pub fn read_some(
        &mut self,
        text: &str,
        base: &dyn ResolveUrl,
        feed: &mut Feed,
        warnings: &mut Vec<String>,
        count: usize,
    ) -> bool {
        self.read_some_in(text, 0, base, feed, warnings, count)
    }

    /// Where in the text of the first reading the next `count` unread items are (fewer at
    /// the end), so that only that piece of it need be at hand: `None` once all are read.
    pub fn next_range(&self, count: usize) -> Option<Range<usize>> {
        self.unread.next_range(count)
    }

    /// Like [`RestOfItems::read_some`], from `piece`, the part of the text that starts at
    /// byte `offset` and holds the next `count` items ([`RestOfItems::next_range`]).
    pub fn read_some_in(
        &mut self,
        piece: &str,
        offset: usize,
        base: &dyn ResolveUrl,
        feed: &mut Feed,
        warnings: &mut Vec<String>,
        count: usize,
    ) -> bool {
        // The items are counted: one allocation for all, rather than doubling as they come.
        feed.items.reserve_exact(self.unread.count);
        for _ in 0..count {
            let Some(raw) = self.unread.read_next_in(piece, offset) else {
                break;
            };
            // `push`, not `extend` of an `Option`: that is code of its own.
            if let Some(item) = json_feed::read_element(&raw, self.next_index, base, warnings) {
                feed.items.push(item);
            }
            self.next_index += 1;
        }
        feed.unread_items = self.unread.count;
        self.unread.count == 0
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    use crate::feed::parse;
    use crate::feed::tests::base;

    fn in_one_step(text: &str) -> Result<Parsed, FeedError> {
        parse(text, &base())
    }

    /// The first reading, then the rest `slice` items at a time; the warnings sorted, since
    /// the steps report in another order.
    fn in_steps(text: &str, first: usize, slice: usize) -> Result<Parsed, FeedError> {
        let FirstReading { mut parsed, rest } = parse_first(text, &base(), first)?;
        if let Some(mut rest) = rest {
            let (feed, warnings) = (&mut parsed.feed, &mut parsed.warnings);
            while !rest.read_some(text, &base(), feed, warnings, slice) {
                assert!(feed.unread_items > 0);
            }
        }
        parsed.warnings.sort();
        Ok(parsed)
    }

    /// As [`in_steps`], each step reading from a copy of only the piece of the text that
    /// [`RestOfItems::next_range`] names into [`RestOfItems::start`], as the browser does
    /// with a long body.
    fn in_pieces(text: &str, first: usize, slice: usize) -> Result<Parsed, FeedError> {
        let FirstReading { mut parsed, rest } = parse_first(text, &base(), first)?;
        if let Some(mut rest) = rest {
            let mut feed = std::mem::take(&mut rest.start);
            assert_eq!(
                feed, parsed.feed,
                "the rest starts from the first reading's feed"
            );
            let warnings = &mut parsed.warnings;
            while let Some(range) = rest.next_range(slice) {
                let piece = text[range.clone()].to_string();
                let done =
                    rest.read_some_in(&piece, range.start, &base(), &mut feed, warnings, slice);
                assert_eq!(done, rest.next_range(slice).is_none());
            }
            assert_eq!(feed.unread_items, 0);
            parsed.feed = feed;
        }
        parsed.warnings.sort();
        Ok(parsed)
    }

    /// A JSON Feed of `count` items, two in nine unusable (not an object, no id), with the
    /// settings after the items and a first `items` member that the second one overrides.
    fn mixed_feed(count: usize) -> String {
        let items: Vec<String> = (0..count)
            .map(|i| match i % 9 {
                3 => "42".to_string(),
                6 => format!(r#"{{"title":"no id {i}"}}"#),
                _ => format!(
                    r#"{{"id":"n{i}","title":"News \u00e9 {i}","url":"/n/{i}","date_published":"2026-11-{:02}T10:00:00Z","tags":[{{"deep":[1,2.5e1,null,true]}}]}}"#,
                    i % 28 + 1
                ),
            })
            .collect();
        format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{{"id":"old","title":"Overridden"}}],"title":"Mixed","items":[{}],"_widgets":{{"carousel":{{"per_view":3}}}}}}"#,
            items.join(",\n ")
        )
    }

    #[test]
    fn the_steps_read_what_one_step_reads() {
        let mut texts = vec![mixed_feed(0), mixed_feed(1), mixed_feed(40)];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/real-feeds");
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                texts.push(std::fs::read_to_string(path).expect("fixture"));
            }
        }
        texts.push(
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/feed.json"))
                .expect("demo feed"),
        );
        for text in &texts {
            let mut whole = in_one_step(text).expect("reads");
            whole.warnings.sort();
            for first in [0, 1, 2, 5, 12, 1_000] {
                let start = parse_first(text, &base(), first)
                    .expect("reads")
                    .parsed
                    .feed;
                assert!(start.items.len() <= first, "first {first}");
                assert!(start.expected_items() >= whole.feed.items.len());
                assert_eq!(start.items[..], whole.feed.items[..start.items.len()]);
                for slice in [1, 7, 10_000] {
                    assert_eq!(
                        in_steps(text, first, slice).as_ref(),
                        Ok(&whole),
                        "first {first}, slices of {slice}"
                    );
                    assert_eq!(
                        in_pieces(text, first, slice).as_ref(),
                        Ok(&whole),
                        "first {first}, pieces of {slice}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_first_step_counts_what_it_leaves_out() {
        let text = mixed_feed(40);
        let feed = parse_first(&text, &base(), 12).expect("reads").parsed.feed;
        // Of the first 12 entries, 3 and 6 are unusable.
        assert_eq!((feed.items.len(), feed.unread_items), (10, 28));
        assert_eq!(feed.expected_items(), 38);
        assert_eq!(feed.items[0].id, "n0");
        assert_eq!(
            feed.widgets.carousel.as_ref().and_then(|c| c.per_view),
            Some(3),
            "settings after the items are read in the first step"
        );
        let whole = in_one_step(&text).expect("reads").feed;
        assert_eq!((whole.items.len(), whole.expected_items()), (31, 31));
    }

    #[test]
    fn an_error_anywhere_is_found_by_the_first_step() {
        let text = mixed_feed(40);
        // In the last item, which the first step only checks.
        let in_last_item = |from: &str, to: &str| {
            let at = text.rfind(from).expect("in the feed");
            format!("{}{to}{}", &text[..at], &text[at + from.len()..])
        };
        for broken in [
            in_last_item("n38", "n38\u{1}"),
            in_last_item("2.5e1", "2.5e"),
            in_last_item("null,true]", "null,true"),
            in_last_item("\\u00e9 38", "\\u00g9 38"),
            in_last_item("\"title\"", "\"title\" \"title\""),
            format!("{text} x"),
        ] {
            assert_ne!(broken, text);
            assert!(matches!(
                parse_first(&broken, &base(), 5),
                Err(FeedError::InvalidJson(_))
            ));
            assert!(matches!(
                in_one_step(&broken),
                Err(FeedError::InvalidJson(_))
            ));
        }
    }

    #[test]
    fn nothing_is_left_out_when_all_fits_or_the_newest_must_be_chosen() {
        let short = mixed_feed(5);
        assert_eq!(
            parse_first(&short, &base(), 5).map(|r| r.parsed),
            in_one_step(&short)
        );
        let many = format!(
            r#"{{"items":[{}]}}"#,
            (0..MAX_ITEMS + 1)
                .map(|i| format!(r#"{{"id":"{i}","title":"t"}}"#))
                .collect::<Vec<_>>()
                .join(",")
        );
        let reading = parse_first(&many, &base(), 10).expect("reads");
        assert!(reading.rest.is_none());
        assert_eq!(Ok(&reading.parsed), in_one_step(&many).as_ref());
        let feed = reading.parsed.feed;
        assert_eq!((feed.items.len(), feed.unread_items), (MAX_ITEMS, 0));
        let wordpress = r#"[{"id":1,"title":{"rendered":"A"}},{"id":2,"title":{"rendered":"B"}}]"#;
        assert_eq!(
            parse_first(wordpress, &base(), 1).map(|r| r.parsed),
            in_one_step(wordpress)
        );
    }
}
