//! Keys and swipes to slide moves, mirrored in right-to-left layouts: "next" always follows
//! the reading direction.

use super::state::Move;
use crate::i18n::Direction;

/// Smallest horizontal travel, in CSS pixels, that counts as a swipe rather than a tap.
pub const SWIPE_THRESHOLD_PX: f64 = 40.0;

/// The move a key asks for, with `last` the index of the last slide.
pub fn move_for_key(key: &str, direction: Direction, last: usize) -> Option<Move> {
    let rtl = direction == Direction::Rtl;
    match key {
        "ArrowRight" if rtl => Some(Move::Previous),
        "ArrowRight" => Some(Move::Next),
        "ArrowLeft" if rtl => Some(Move::Next),
        "ArrowLeft" => Some(Move::Previous),
        "Home" => Some(Move::To(0)),
        "End" => Some(Move::To(last)),
        _ => None,
    }
}

/// The move a horizontal swipe of `dx` pixels asks for (positive: towards the right). The
/// content follows the finger, so a swipe to the left shows what lies to the right.
pub fn move_for_swipe(dx: f64, direction: Direction) -> Option<Move> {
    if !dx.is_finite() || dx.abs() < SWIPE_THRESHOLD_PX {
        return None;
    }
    let towards_left = dx < 0.0;
    let next = match direction {
        Direction::Ltr => towards_left,
        Direction::Rtl => !towards_left,
    };
    Some(if next { Move::Next } else { Move::Previous })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_mirror_in_rtl() {
        assert_eq!(
            move_for_key("ArrowRight", Direction::Ltr, 4),
            Some(Move::Next)
        );
        assert_eq!(
            move_for_key("ArrowRight", Direction::Rtl, 4),
            Some(Move::Previous)
        );
        assert_eq!(
            move_for_key("ArrowLeft", Direction::Rtl, 4),
            Some(Move::Next)
        );
        assert_eq!(move_for_key("Home", Direction::Rtl, 4), Some(Move::To(0)));
        assert_eq!(move_for_key("End", Direction::Ltr, 4), Some(Move::To(4)));
        assert_eq!(move_for_key("Enter", Direction::Ltr, 4), None);
    }

    #[test]
    fn swipes_need_the_threshold_and_mirror_in_rtl() {
        assert_eq!(move_for_swipe(-80.0, Direction::Ltr), Some(Move::Next));
        assert_eq!(move_for_swipe(80.0, Direction::Ltr), Some(Move::Previous));
        assert_eq!(move_for_swipe(80.0, Direction::Rtl), Some(Move::Next));
        assert_eq!(move_for_swipe(-80.0, Direction::Rtl), Some(Move::Previous));
        assert_eq!(
            move_for_swipe(-SWIPE_THRESHOLD_PX + 1.0, Direction::Ltr),
            None
        );
        assert_eq!(move_for_swipe(f64::NAN, Direction::Ltr), None);
    }
}
