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

#[cfg(test)]
mod tests {
    use super::*;

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
