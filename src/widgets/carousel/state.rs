//! What the carousel shows, pure: the position that moves by buttons, keys, swipes and
//! rotation, the layout of slides in view, and [`CarouselState`], the one reducer over the
//! position, the feed shown, rotation and what is announced.

use std::rc::Rc;

use super::refresh::follow;
use super::rotation::{Event as RotationEvent, Rotation};
use crate::feed::{Feed, NewsItem};

/// A move the reader (or rotation) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// The next slide in reading order.
    Next,
    /// The previous slide in reading order.
    Previous,
    /// A given slide (clamped to the last one).
    To(usize),
}

/// The current slide among `count`, wrapping around the ends or stopping there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    index: usize,
    count: usize,
    wrap: bool,
}

impl Position {
    /// The first of `count` slides.
    pub fn new(count: usize, wrap: bool) -> Self {
        Self {
            index: 0,
            count,
            wrap,
        }
    }

    /// The current slide, from 0.
    pub fn index(self) -> usize {
        self.index
    }

    /// How many slides there are.
    pub fn count(self) -> usize {
        self.count
    }

    /// Whether a previous slide exists (always, when wrapping with more than one slide).
    pub fn has_previous(self) -> bool {
        self.count > 1 && (self.wrap || self.index > 0)
    }

    /// Whether a next slide exists.
    pub fn has_next(self) -> bool {
        self.count > 1 && (self.wrap || self.index + 1 < self.count)
    }

    /// The position after `step`.
    pub fn apply(self, step: Move) -> Self {
        if self.count == 0 {
            return self;
        }
        let last = self.count - 1;
        let index = match step {
            Move::To(index) => index.min(last),
            Move::Next if self.index < last => self.index + 1,
            Move::Next if self.wrap => 0,
            Move::Previous if self.index > 0 => self.index - 1,
            Move::Previous if self.wrap => last,
            Move::Next | Move::Previous => self.index,
        };
        Self { index, ..self }
    }

    /// The same position, wrapping around the ends or not (`loop` may change after mount).
    pub fn looping(self, wrap: bool) -> Self {
        Self { wrap, ..self }
    }

    /// The same slide in a list that now has `count` slides (clamped when it shrank).
    pub fn resized(self, count: usize) -> Self {
        Self {
            index: self.index.min(count.saturating_sub(1)),
            count,
            ..self
        }
    }
}

/// Narrowest a slide gets before fewer slides share the view (CSS pixels).
pub const MIN_SLIDE_WIDTH_PX: u32 = 240;

/// How many slides show side by side: at most `per_view` (the page's or feed's setting), as
/// many as `width_px` holds at [`MIN_SLIDE_WIDTH_PX`] each, no more than there are slides, and
/// at least one (also while the width is not measured yet, `0`).
pub fn slides_per_view(per_view: usize, width_px: u32, count: usize) -> usize {
    let fit = (width_px / MIN_SLIDE_WIDTH_PX) as usize;
    per_view.min(fit).min(count).max(1)
}

/// The positions a reader can be at with `shown` slides in view: the first slide of every
/// full view (a view never wraps around the end, so its slides read in feed order).
pub fn stops(count: usize, shown: usize) -> usize {
    if count == 0 {
        0
    } else {
        count.saturating_sub(shown) + 1
    }
}

/// The slides in the DOM at position `index`: those in view, in reading order, and one on
/// each side (hidden and inert), so the node count stays bounded whatever the feed size.
pub fn slides_in_dom(index: usize, shown: usize, count: usize, wrap: bool) -> Vec<usize> {
    if count == 0 {
        return Vec::new();
    }
    let in_view = index..(index + shown).min(count);
    let before = match index {
        0 if wrap => Some(count - 1),
        0 => None,
        _ => Some(index - 1),
    };
    let after = match in_view.end {
        end if end < count => Some(end),
        _ if wrap => Some(0),
        _ => None,
    };
    // Pushed one by one: an iterator chain's `collect` would be generic code of its own.
    let mut slides = Vec::with_capacity(shown + 2);
    if let Some(i) = before.filter(|i| !in_view.contains(i)) {
        slides.push(i);
    }
    for i in in_view.clone() {
        slides.push(i);
    }
    // Only this one can repeat the one before it.
    if let Some(i) = after.filter(|i| !in_view.contains(i) && slides.last() != Some(i)) {
        slides.push(i);
    }
    if slides.len() > 1 && slides.first() == slides.last() {
        slides.pop();
    }
    slides
}

/// The items a carousel showing at most `max_items` shows, first and after every refresh.
pub fn shown_items(feed: &Feed, max_items: usize) -> &[NewsItem] {
    &feed.items[..feed.items.len().min(max_items)]
}

/// A move the host page is told of (`fw:carousel:change`): the item moved to and its index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Counts the changes made, so a caller sees whether its action made a new one.
    pub serial: u32,
    /// The id of the item now shown first.
    pub id: String,
    /// Its index, from 0.
    pub index: usize,
}

/// What happened to a carousel.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The reader or rotation asked for another slide, in the layout of `stops` positions
    /// they saw (the state hears of a new layout only after the render that shows it, and an
    /// event may come in between).
    Move {
        /// The move asked for.
        step: Move,
        /// The positions the layout had.
        stops: usize,
        /// Whether that render wrapped around the ends (`loop`).
        wrap: bool,
    },
    /// The layout now has `stops` positions (the feed was read further, or the width changed
    /// how many slides share the view).
    Resized(usize),
    /// The first load of the feed has come further (its first items, then the whole of it).
    ItemsRead(Rc<Feed>),
    /// A refresh brought a fresh feed, shown with at most `max_items` items.
    Refreshed {
        /// The feed fetched again, read whole.
        feed: Rc<Feed>,
        /// The `max-items` that applies with the fresh feed's settings.
        max_items: usize,
    },
    /// Something that starts, stops or pauses rotation.
    Rotation(RotationEvent),
    /// The first load starts again, from a new `src`: what a refresh of the old one brought
    /// is not shown any more.
    Reloading,
    /// The carousel's width, in CSS pixels rounded down to whole [`MIN_SLIDE_WIDTH_PX`]: it
    /// changes (and renders) only with the number of slides that fit.
    Measured(u32),
    /// The image of the item with this id failed to load: its slide shows without it.
    ImageFailed(String),
    /// A pointer went down on the slides at this `clientX` (or went up, or the browser took it
    /// over: `None`). Input in progress, for the swipe it may make: it renders nothing.
    Pointer(Option<f64>),
}

/// One carousel's state: everything its events change, kept in one place (a [`Kept`]) and
/// changed there by [`CarouselState::apply`], so every timer, listener and key repeat acts on
/// the latest state, never on a render's copy.
///
/// [`Kept`]: crate::widgets::Kept
#[derive(Debug, Clone, PartialEq)]
pub struct CarouselState {
    /// The slide shown first.
    pub position: Position,
    /// The rotation and what pauses it.
    pub rotation: Rotation,
    /// The feed shown, as far as it is known here: the first load's, then a refresh's.
    feed: Option<Rc<Feed>>,
    /// A refresh replaced the first load: the rest of that one, read later, is not shown.
    refreshed: bool,
    /// New items the last refresh brought, for one polite announcement.
    pub new_items: Option<usize>,
    /// A move to a slide whose item is not read yet: its change waits for the item.
    unannounced: Option<usize>,
    /// The last change to tell the host page of.
    pub change: Option<Change>,
    /// The measured width ([`Action::Measured`]), `0` until measured.
    pub width: u32,
    /// The ids of items whose image failed to load. Here rather than in a state of their own
    /// (as the width): every `use_state` is another copy of Yew's reducer code in the Wasm.
    pub broken_images: Vec<String>,
    /// Where the pointer went down on the slides ([`Action::Pointer`]), while it is down.
    pub pointer_down: Option<f64>,
}

impl CarouselState {
    /// A carousel before its feed, with or without `wrap` around the ends.
    pub fn new(wrap: bool, rotation: Rotation) -> Self {
        Self {
            position: Position::new(0, wrap),
            rotation,
            feed: None,
            refreshed: false,
            new_items: None,
            unannounced: None,
            change: None,
            width: 0,
            broken_images: Vec::new(),
            pointer_down: None,
        }
    }

    /// The feed to show: a refresh's once one came, else `first`, the first load as it is
    /// now (the state hears of it only after the render that shows it).
    pub fn shown<'a>(&'a self, first: Option<&'a Rc<Feed>>) -> Option<&'a Rc<Feed>> {
        if self.refreshed {
            self.feed.as_ref()
        } else {
            first
        }
    }

    /// The serial of the last change, `0` before any.
    pub fn changes(&self) -> u32 {
        self.change.as_ref().map_or(0, |change| change.serial)
    }

    /// Records a change to the item at `index`, when it is read; else waits for it.
    fn moved_to(&mut self, index: usize) {
        let item = self.feed.as_ref().and_then(|feed| feed.items.get(index));
        self.unannounced = match item {
            Some(item) => {
                self.change = Some(Change {
                    serial: self.changes().wrapping_add(1),
                    id: item.id.clone(),
                    index,
                });
                None
            }
            None => Some(index),
        };
    }

    /// Applies `action` in place; `false` when it changes nothing (no render then).
    pub fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::Move { step, stops, wrap } => {
                let from = self.position.resized(stops).looping(wrap);
                let to = from.apply(step);
                if to == from {
                    return false;
                }
                self.position = to;
                self.moved_to(to.index());
            }
            Action::Resized(stops) => {
                if self.position.count() == stops {
                    return false;
                }
                self.position = self.position.resized(stops);
            }
            Action::ItemsRead(feed) => {
                let same = self.feed.as_ref().is_some_and(|f| Rc::ptr_eq(f, &feed));
                if self.refreshed || same {
                    return false;
                }
                let whole = feed.unread_items == 0;
                let read = |index| index < feed.items.len();
                // The item once it is read; or, when the feed came out shorter than expected
                // (unusable items among the unread ones), the last slide, where the position
                // was clamped.
                let announce = match self.unannounced {
                    Some(index) if read(index) => Some(index),
                    Some(_) if whole => Some(self.position.index()),
                    _ => None,
                };
                self.feed = Some(feed);
                if let Some(index) = announce {
                    self.moved_to(index);
                }
            }
            Action::Refreshed { feed, max_items } => {
                let before = self
                    .feed
                    .as_deref()
                    .map_or(&[][..], |f| shown_items(f, max_items));
                let fresh = shown_items(&feed, max_items);
                let followed = follow(before, self.position.index(), fresh);
                self.position = self
                    .position
                    .resized(fresh.len())
                    .apply(Move::To(followed.index));
                // No announcement while rotating: the live region is off too.
                if followed.added > 0 && !self.rotation.is_rotating() {
                    self.new_items = Some(followed.added);
                }
                // The reader was followed to their slide in the whole fresh feed: a change
                // still waiting for an item of the old one has no item left to name.
                self.unannounced = None;
                self.feed = Some(feed);
                self.refreshed = true;
            }
            Action::Rotation(event) => {
                let rotation = self.rotation.apply(event);
                if rotation == self.rotation {
                    return false;
                }
                self.rotation = rotation;
            }
            Action::Reloading => {
                // Nothing shown yet (the mount's own first load): nothing to drop.
                if self.feed.is_none() {
                    return false;
                }
                self.feed = None;
                self.refreshed = false;
                self.new_items = None;
                self.unannounced = None;
            }
            Action::Measured(width) => {
                if self.width == width {
                    return false;
                }
                self.width = width;
            }
            Action::ImageFailed(id) => {
                if self.broken_images.contains(&id) {
                    return false;
                }
                self.broken_images.push(id);
            }
            Action::Pointer(x) => {
                self.pointer_down = x;
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slides_share_the_view_as_the_width_allows() {
        assert_eq!(slides_per_view(3, 0, 10), 1, "not measured yet");
        assert_eq!(slides_per_view(3, 300, 10), 1);
        assert_eq!(slides_per_view(3, 480, 10), 2);
        assert_eq!(slides_per_view(3, 2_000, 10), 3);
        assert_eq!(slides_per_view(3, 2_000, 2), 2);
        assert_eq!(slides_per_view(1, 2_000, 10), 1);
        assert_eq!(slides_per_view(3, 2_000, 0), 1);
    }

    #[test]
    fn a_view_is_always_full_and_never_wraps() {
        assert_eq!(stops(10, 1), 10);
        assert_eq!(stops(10, 3), 8);
        assert_eq!(stops(2, 3), 1);
        assert_eq!(stops(0, 1), 0);
        assert_eq!(slides_in_dom(7, 3, 10, false), vec![6, 7, 8, 9]);
        assert_eq!(slides_in_dom(7, 3, 10, true), vec![6, 7, 8, 9, 0]);
        assert_eq!(slides_in_dom(0, 3, 10, true), vec![9, 0, 1, 2, 3]);
        assert_eq!(slides_in_dom(0, 3, 10, false), vec![0, 1, 2, 3]);
    }

    #[test]
    fn the_dom_holds_a_bounded_window_without_duplicates() {
        assert_eq!(slides_in_dom(0, 1, 10_000, true), vec![9_999, 0, 1]);
        assert_eq!(
            slides_in_dom(5_000, 1, 10_000, true),
            vec![4_999, 5_000, 5_001]
        );
        assert_eq!(slides_in_dom(0, 1, 10_000, false), vec![0, 1]);
        assert_eq!(slides_in_dom(2, 1, 3, true), vec![1, 2, 0]);
        assert_eq!(slides_in_dom(0, 1, 2, true), vec![1, 0]);
        assert_eq!(slides_in_dom(0, 1, 1, true), vec![0]);
        assert_eq!(slides_in_dom(0, 2, 2, true), vec![0, 1]);
        assert!(slides_in_dom(0, 1, 0, true).is_empty());
    }

    #[test]
    fn wraps_both_ways() {
        let p = Position::new(3, true);
        assert_eq!(p.apply(Move::Previous).index(), 2);
        assert_eq!(p.apply(Move::To(2)).apply(Move::Next).index(), 0);
        assert!(p.has_previous() && p.has_next());
    }

    #[test]
    fn stops_at_the_ends_without_wrap() {
        let p = Position::new(3, false);
        assert_eq!(p.apply(Move::Previous).index(), 0);
        assert!(!p.has_previous());
        let end = p.apply(Move::To(9));
        assert_eq!(end.index(), 2);
        assert_eq!(end.apply(Move::Next).index(), 2);
        assert!(!end.has_next());
    }

    #[test]
    fn empty_and_single_lists_do_not_move() {
        assert_eq!(Position::new(0, true).apply(Move::Next).index(), 0);
        let one = Position::new(1, true);
        assert_eq!(one.apply(Move::Next).index(), 0);
        assert!(!one.has_next() && !one.has_previous());
    }

    #[test]
    fn resizing_keeps_the_slide_or_clamps() {
        let p = Position::new(5, true).apply(Move::To(4));
        assert_eq!(p.resized(10).index(), 4);
        assert_eq!(p.resized(2).index(), 1);
        assert_eq!(p.resized(0).index(), 0);
    }
}

#[cfg(test)]
mod reducer_tests {
    use super::*;

    /// A feed of items with these ids, and `unread` entries not read yet.
    fn feed(ids: &[&str], unread: usize) -> Rc<Feed> {
        Rc::new(Feed {
            items: super::super::refresh::tests::items(ids),
            unread_items: unread,
            ..Feed::default()
        })
    }

    fn reduce(
        mut state: CarouselState,
        actions: impl IntoIterator<Item = Action>,
    ) -> CarouselState {
        for action in actions {
            state.apply(action);
        }
        state
    }

    /// Whether `action` leaves `state` as it is and asks for no render.
    fn idle(state: &CarouselState, action: Action) -> bool {
        let mut after = state.clone();
        !after.apply(action) && after == *state
    }

    /// A carousel showing `feed`, laid out one slide per view.
    fn showing(feed: &Rc<Feed>, wrap: bool, rotation: Rotation) -> CarouselState {
        reduce(
            CarouselState::new(wrap, rotation),
            [
                Action::Resized(feed.expected_items()),
                Action::ItemsRead(feed.clone()),
            ],
        )
    }

    /// A move in a layout of `stops` positions, without `loop`.
    fn go(step: Move, stops: usize) -> Action {
        Action::Move {
            step,
            stops,
            wrap: false,
        }
    }

    #[test]
    fn a_new_source_drops_what_a_refresh_of_the_old_one_brought() {
        let abc = feed(&["a", "b", "c"], 0);
        let refreshed = reduce(
            showing(&abc, true, still()),
            [Action::Refreshed {
                feed: feed(&["z", "a", "b", "c"], 0),
                max_items: 20,
            }],
        );
        let fresh = feed(&["x", "y"], 0);
        let ignored = reduce(refreshed.clone(), [Action::ItemsRead(fresh.clone())]);
        assert!(ignored
            .shown(Some(&fresh))
            .is_some_and(|f| f.items.len() == 4));
        let state = reduce(
            refreshed,
            [Action::Reloading, Action::ItemsRead(fresh.clone())],
        );
        let shown = state.shown(Some(&fresh)).expect("a feed");
        assert!(Rc::ptr_eq(shown, &fresh), "the new source's feed is shown");
    }

    #[test]
    fn a_move_wraps_as_the_render_it_came_from_said() {
        // `loop` turned on after mount: the state was made without it.
        let abc = feed(&["a", "b", "c"], 0);
        let state = showing(&abc, false, still());
        let wrapped = reduce(
            state.clone(),
            [Action::Move {
                step: Move::Previous,
                stops: 3,
                wrap: true,
            }],
        );
        assert_eq!(wrapped.position.index(), 2);
        assert_eq!(reduce(state, [go(Move::Previous, 3)]).position.index(), 0);
    }

    fn still() -> Rotation {
        Rotation::new(false, false)
    }

    fn change(state: &CarouselState) -> Option<(&str, usize)> {
        state.change.as_ref().map(|c| (c.id.as_str(), c.index))
    }

    #[test]
    fn a_move_records_a_change_and_an_idle_one_nothing() {
        let abc = feed(&["a", "b", "c"], 0);
        let state = showing(&abc, false, still());
        assert_eq!(state.change, None, "showing the first slide is no change");
        let state = reduce(state, [go(Move::Next, 3)]);
        assert_eq!(state.position.index(), 1);
        assert_eq!(change(&state), Some(("b", 1)));
        assert_eq!(state.changes(), 1);
        let state = reduce(state, [go(Move::To(0), 3)]);
        assert_eq!(state.changes(), 2);
        assert!(
            idle(&state, go(Move::Previous, 3)),
            "no move without loop: no render"
        );
    }

    #[test]
    fn two_moves_in_one_task_both_apply() {
        // A key repeat and the rotation timer, before any render.
        let abc = feed(&["a", "b", "c"], 0);
        let state = reduce(
            showing(&abc, true, Rotation::new(true, false)),
            [go(Move::Next, 3), go(Move::Next, 3)],
        );
        assert_eq!(state.position.index(), 2);
        assert_eq!(change(&state), Some(("c", 2)));
        assert_eq!(state.changes(), 2, "each move is a change of its own");
    }

    #[test]
    fn a_move_uses_the_layout_the_reader_saw() {
        // A click between the render that showed the feed and the state hearing of it.
        let abc = feed(&["a", "b", "c"], 0);
        let state = reduce(CarouselState::new(false, still()), [go(Move::Next, 3)]);
        assert_eq!((state.position.index(), state.position.count()), (1, 3));
        assert_eq!(state.change, None, "its item is told once the feed is");
        let state = reduce(state, [Action::ItemsRead(abc)]);
        assert_eq!(change(&state), Some(("b", 1)));
        let stale = CarouselState::new(false, still());
        assert!(
            idle(&stale, go(Move::Previous, 3)),
            "no move, no render, though the count was stale"
        );
    }

    #[test]
    fn a_resize_clamps_and_an_unchanged_layout_keeps_the_state() {
        let abc = feed(&["a", "b", "c", "d"], 0);
        let state = reduce(
            showing(&abc, false, still()),
            [go(Move::To(3), 4), Action::Resized(2)],
        );
        assert_eq!((state.position.index(), state.position.count()), (1, 2));
        assert!(idle(&state, Action::Resized(2)));
    }

    #[test]
    fn a_move_to_an_item_not_read_yet_is_announced_once_it_is() {
        // 3 items read of 6 expected.
        let first = feed(&["a", "b", "c"], 3);
        let wrapping = Action::Move {
            step: Move::Previous,
            stops: 6,
            wrap: true,
        };
        let state = reduce(showing(&first, true, still()), [wrapping]);
        assert_eq!(state.position.index(), 5);
        assert_eq!(state.change, None, "its item is not read yet");
        let whole = feed(&["a", "b", "c", "d", "e", "f"], 0);
        let state = reduce(state, [Action::ItemsRead(whole.clone())]);
        assert_eq!(change(&state), Some(("f", 5)));
        assert!(
            idle(&state, Action::ItemsRead(whole)),
            "the same feed again changes nothing"
        );
    }

    #[test]
    fn a_feed_shorter_than_expected_announces_the_slide_it_clamped_to() {
        let first = feed(&["a", "b"], 3);
        let state = reduce(showing(&first, true, still()), [go(Move::To(4), 5)]);
        assert_eq!(state.change, None);
        // Two of the three unread entries were unusable: the layout shrinks first.
        let whole = feed(&["a", "b", "c"], 0);
        let state = reduce(
            state,
            [Action::Resized(3), Action::ItemsRead(whole.clone())],
        );
        assert_eq!(state.position.index(), 2);
        assert_eq!(change(&state), Some(("c", 2)));
        // Still partial, and short of the item: nothing yet.
        let partial = reduce(
            showing(&first, true, still()),
            [
                go(Move::To(4), 5),
                Action::ItemsRead(feed(&["a", "b", "c"], 2)),
            ],
        );
        assert_eq!(partial.change, None);
    }

    #[test]
    fn a_refresh_follows_the_reader_and_counts_what_is_new() {
        let abc = feed(&["a", "b", "c"], 0);
        let state = reduce(showing(&abc, true, still()), [go(Move::Next, 3)]);
        let fresh = feed(&["new", "a", "b", "c"], 0);
        let state = reduce(
            state,
            [Action::Refreshed {
                feed: fresh.clone(),
                max_items: 20,
            }],
        );
        assert_eq!((state.position.index(), state.position.count()), (2, 4));
        assert_eq!(state.new_items, Some(1));
        assert_eq!(change(&state), Some(("b", 1)), "following is not a move");
        assert!(Rc::ptr_eq(state.shown(Some(&abc)).unwrap(), &fresh));
        // The first load read further later is not shown any more.
        assert!(idle(&state, Action::ItemsRead(feed(&["x"], 0))));
    }

    #[test]
    fn a_refresh_keeps_to_max_items_and_is_silent_while_rotating() {
        let abc = feed(&["a", "b", "c"], 0);
        let rotating = showing(&abc, true, Rotation::new(true, false));
        let fresh = feed(&["x", "y", "a", "b", "c"], 0);
        let state = reduce(
            rotating,
            [Action::Refreshed {
                feed: fresh,
                max_items: 3,
            }],
        );
        assert_eq!(state.position.count(), 3);
        assert_eq!(state.position.index(), 2, "on a, now third");
        assert_eq!(state.new_items, None, "no announcement while rotating");
    }

    #[test]
    fn a_refresh_drops_a_change_waiting_for_the_old_feed() {
        let first = feed(&["a"], 5);
        let state = reduce(showing(&first, true, still()), [go(Move::To(4), 6)]);
        let state = reduce(
            state,
            [
                Action::Refreshed {
                    feed: feed(&["a", "b"], 0),
                    max_items: 20,
                },
                Action::ItemsRead(feed(&["a", "b", "c", "d", "e", "f"], 0)),
            ],
        );
        assert_eq!(state.change, None);
        assert_eq!(state.position.index(), 1);
    }

    #[test]
    fn rotation_events_go_to_the_rotation_and_idle_ones_keep_the_state() {
        let abc = feed(&["a", "b", "c"], 0);
        let state = showing(&abc, true, Rotation::new(true, false));
        let hovered = reduce(state, [Action::Rotation(RotationEvent::Hover(true))]);
        assert!(!hovered.rotation.is_rotating());
        assert!(
            idle(&hovered, Action::Rotation(RotationEvent::Hover(true))),
            "no change, no render"
        );
    }

    #[test]
    fn a_width_or_a_broken_image_seen_before_renders_nothing() {
        let state = CarouselState::new(true, still());
        assert_eq!(state.width, 0);
        assert!(state.broken_images.is_empty());
        let measured = reduce(state, [Action::Measured(480)]);
        assert_eq!(measured.width, 480);
        assert!(
            idle(&measured, Action::Measured(480)),
            "same width, no render"
        );
        let both = reduce(
            measured,
            [
                Action::ImageFailed("a".into()),
                Action::ImageFailed("b".into()),
            ],
        );
        assert_eq!(both.broken_images, ["a", "b"]);
        assert!(
            idle(&both, Action::ImageFailed("a".into())),
            "known image, no render"
        );
        let mut pressed = both.clone();
        assert!(
            !pressed.apply(Action::Pointer(Some(12.5))),
            "a press renders nothing"
        );
        assert_eq!(pressed.pointer_down, Some(12.5));
        assert!(!pressed.apply(Action::Pointer(None)));
        assert_eq!(pressed, both);
    }

    #[test]
    fn the_first_load_is_shown_until_a_refresh() {
        let first = feed(&["a"], 0);
        let state = CarouselState::new(true, still());
        assert!(state.shown(None).is_none());
        assert!(Rc::ptr_eq(state.shown(Some(&first)).unwrap(), &first));
        assert_eq!(shown_items(&feed(&["a", "b", "c"], 0), 2).len(), 2);
    }
}
