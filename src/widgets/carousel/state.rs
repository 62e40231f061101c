//! Which slide is shown: a pure position that moves by buttons, keys and swipes.

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
    let mut slides: Vec<usize> = before
        .filter(|i| !in_view.contains(i))
        .into_iter()
        .chain(in_view.clone())
        .collect();
    slides.extend(after.filter(|i| !in_view.contains(i)));
    slides.dedup();
    if slides.len() > 1 && slides.first() == slides.last() {
        slides.pop();
    }
    slides
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
