//! The feedback form's states: choosing, sending, failed, queued, the optional comment step,
//! thanked. Pure, so every rule (no double submission, retry keeps the choice, a refusal is
//! final, the rating is saved before the comment) is tested natively; the widget keeps it
//! and applies each action with [`FeedbackState::change`].

/// Where the form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for a choice and a press on send.
    Choosing,
    /// A rating (or, after the rating was saved, the comment) is on its way; sending again is
    /// not possible.
    Sending,
    /// The collector refused the submission for good (a final 4xx): the same submission can
    /// only be refused again, so nothing more is sent from this form.
    Failed,
    /// The network or the collector is down: the submission waits in the outbox on this device
    /// and is sent later; a retry is offered.
    Queued,
    /// The rating is saved; an optional comment may follow.
    Comment,
    /// Done.
    Thanked,
    /// This visitor already rated (remembered): a short thanks instead of the form.
    Already,
    /// This visitor rated on an earlier page and that rating still waits in the outbox: a
    /// short thanks that says it is not sent yet, until the outbox is empty.
    Saved,
}

/// What happens to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The reader checked this rating, 1 (worst) to 5 (best). In `compact` it sends, unless
    /// an arrow key checked it: those move through the group (WCAG 3.2.2, On Input).
    Choose(u8),
    /// A key went down on the scale; `true` for an arrow key, which moves through the group.
    Key(bool),
    /// The reader pressed send (or retry, or send on the comment step).
    Submit,
    /// The reader skipped the comment.
    Skip,
    /// The collector accepted.
    Sent,
    /// The collector refused for good (a 4xx other than 408 and 429).
    SendFailed,
    /// The submission could not be delivered now and waits in the outbox.
    Queued,
    /// The comment now has this many characters (for the counter).
    Typed(u16),
    /// Whether the comment step follows the rating: the option may come with the feed, after
    /// the form was made.
    CommentStep(bool),
    /// This widget's submission left the outbox delivered (sent by the retry timer, the page's
    /// flush or another tab), not by this widget's own send.
    Delivered,
    /// Nothing waits in the outbox any more.
    Emptied,
    /// The browser is back online: a submission waiting in the outbox is sent again; in any
    /// other phase nothing happens (a choice not yet sent stays unsent).
    Reconnected,
    /// The page called `reset()`: back to the first step, as a new submission. One that waits
    /// in the outbox stays there and is delivered by the retries, never dropped.
    Reset,
}

/// The form's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedbackState {
    /// The chosen rating.
    pub rating: Option<u8>,
    /// Where the form is.
    pub phase: Phase,
    /// Send was pressed with nothing chosen.
    pub needs_choice: bool,
    /// The collector has the rating; what is sent now is the comment.
    pub rated: bool,
    /// Whether the comment step follows the rating.
    pub with_comment: bool,
    /// Whether choosing sends at once (the `compact` variant, no send button).
    pub compact: bool,
    /// The comment's length, for the counter.
    pub comment_len: u16,
    /// The last key on the scale was an arrow key: the change that follows it is a move.
    pub moving: bool,
    /// How many times a submission started on its way (wrapping). The send effect is keyed on
    /// it, so a retry that comes before the render of the answer still sends.
    pub sends: u16,
    /// How many times the page reset the form (wrapping): each reset is a new submission.
    pub resets: u16,
}

impl Default for FeedbackState {
    fn default() -> Self {
        Self::new(false, false)
    }
}

impl FeedbackState {
    /// A fresh form; `with_comment` adds the comment step, `compact` sends on choice.
    pub fn new(with_comment: bool, compact: bool) -> Self {
        Self {
            rating: None,
            phase: Phase::Choosing,
            needs_choice: false,
            rated: false,
            with_comment,
            compact,
            comment_len: 0,
            moving: false,
            sends: 0,
            resets: 0,
        }
    }

    /// Applies `action` in place; whether it changed anything, so an ignored action costs no
    /// render (in place: no copy of the state in an `Option` to hand back).
    pub fn change(&mut self, action: Action) -> bool {
        let next = self.apply(action);
        let changed = next != *self;
        *self = next;
        changed
    }

    /// The state after `action`; actions that make no sense where the form is are ignored.
    /// Each rule changes only its own fields of a copy (cheaper in Wasm than a new struct per
    /// rule).
    pub fn apply(self, action: Action) -> Self {
        let mut next = self;
        let retryable = !self.rated && self.phase == Phase::Queued;
        match (self.phase, action) {
            // The choice is open until the rating is on its way; it stays open while the
            // rating waits in the outbox.
            (_, Action::Choose(rating))
                if (self.phase == Phase::Choosing || retryable) && (1..=5).contains(&rating) =>
            {
                next.rating = Some(rating);
                next.needs_choice = false;
                next.moving = false;
                // Compact sends on a choice, as a submit would (the phase allows one here).
                if self.compact && !self.moving {
                    next.send();
                }
            }
            (_, Action::Key(moving)) => next.moving = moving,
            // Back online, a rating that waits is sent again, as on a retry.
            (Phase::Choosing | Phase::Queued | Phase::Comment, Action::Submit)
            | (Phase::Queued, Action::Reconnected) => match self.rating {
                Some(_) => next.send(),
                None => next.needs_choice = true,
            },
            (Phase::Comment | Phase::Queued, Action::Typed(comment_len)) if self.rated => {
                next.comment_len = comment_len;
            }
            (Phase::Comment, Action::Skip) => next.phase = Phase::Thanked,
            // Delivered from the outbox: as if its own send had been answered, the comment
            // step or thanks.
            (Phase::Sending, Action::Sent) | (Phase::Queued, Action::Delivered) => {
                if self.with_comment && !self.rated {
                    next.phase = Phase::Comment;
                    next.rated = true;
                } else {
                    next.phase = Phase::Thanked;
                }
            }
            (Phase::Sending, Action::SendFailed) => next.phase = Phase::Failed,
            (Phase::Sending, Action::Queued) => next.phase = Phase::Queued,
            (_, Action::CommentStep(with_comment)) => next.with_comment = with_comment,
            // The send counter goes on, so the send effect never mistakes the next send for one
            // it already made.
            (_, Action::Reset) => {
                next = Self::new(self.with_comment, self.compact);
                next.sends = self.sends;
                next.resets = self.resets.wrapping_add(1);
            }
            (Phase::Saved, Action::Emptied) => next.phase = Phase::Already,
            _ => {}
        }
        next
    }

    /// On its way: the phase that freezes the form, and one more send for the send effect.
    fn send(&mut self) {
        self.phase = Phase::Sending;
        self.needs_choice = false;
        self.sends = self.sends.wrapping_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_from(start: FeedbackState, actions: &[Action]) -> FeedbackState {
        actions
            .iter()
            .fold(start, |state, &action| state.apply(action))
    }

    fn run(actions: &[Action]) -> FeedbackState {
        run_from(FeedbackState::default(), actions)
    }

    #[test]
    fn reset_goes_back_to_the_first_step_as_a_new_submission() {
        for start in [
            run(&[Action::Choose(4), Action::Submit, Action::Queued]),
            run(&[Action::Choose(2), Action::Submit, Action::Sent]),
        ] {
            let reset = start.apply(Action::Reset);
            assert_eq!(reset.phase, Phase::Choosing);
            assert_eq!(reset.rating, None);
            assert_eq!(reset.resets, start.resets + 1);
            assert_eq!(reset.sends, start.sends, "the send counter goes on");
            let again = reset.apply(Action::Choose(5)).apply(Action::Submit);
            assert_eq!(again.phase, Phase::Sending);
            assert_ne!(again.sends, start.sends);
        }
    }

    #[test]
    fn submit_without_a_choice_asks_for_one() {
        let state = run(&[Action::Submit]);
        assert_eq!(state.phase, Phase::Choosing);
        assert!(state.needs_choice);
        assert!(!run(&[Action::Submit, Action::Choose(2)]).needs_choice);
    }

    #[test]
    fn a_second_submit_while_sending_is_ignored() {
        let state = run(&[Action::Choose(4), Action::Submit]);
        assert_eq!(state.phase, Phase::Sending);
        assert_eq!(state.apply(Action::Submit), state);
        assert_eq!(
            state.apply(Action::Choose(1)),
            state,
            "the choice is frozen while sending"
        );
    }

    #[test]
    fn a_refusal_is_final() {
        let failed = run(&[Action::Choose(5), Action::Submit, Action::SendFailed]);
        assert_eq!((failed.phase, failed.rating), (Phase::Failed, Some(5)));
        for action in [
            Action::Submit,
            Action::Choose(2),
            Action::Typed(3),
            Action::Skip,
        ] {
            assert_eq!(failed.apply(action), failed, "{action:?} after a refusal");
        }
        let compact = run_from(
            FeedbackState::new(false, true),
            &[Action::Choose(4), Action::SendFailed],
        );
        assert_eq!(compact.phase, Phase::Failed);
        assert_eq!(
            compact.apply(Action::Choose(1)),
            compact,
            "compact: a new choice sends nothing either"
        );
        let comment = run_from(
            FeedbackState::new(true, false),
            &[
                Action::Choose(4),
                Action::Submit,
                Action::Sent,
                Action::Submit,
                Action::SendFailed,
            ],
        );
        assert_eq!((comment.phase, comment.rated), (Phase::Failed, true));
        assert_eq!(comment.apply(Action::Submit), comment);
    }

    #[test]
    fn out_of_range_ratings_and_late_answers_are_ignored() {
        assert_eq!(run(&[Action::Choose(0), Action::Choose(6)]).rating, None);
        let thanked = run(&[Action::Choose(3), Action::Submit, Action::Sent]);
        assert_eq!(thanked.apply(Action::SendFailed), thanked);
        assert_eq!(thanked.apply(Action::Submit), thanked);
        assert_eq!(thanked.apply(Action::Queued), thanked);
    }

    #[test]
    fn a_queued_rating_keeps_the_choice_and_can_be_retried() {
        let queued = run(&[Action::Choose(2), Action::Submit, Action::Queued]);
        assert_eq!((queued.phase, queued.rating), (Phase::Queued, Some(2)));
        let changed = queued.apply(Action::Choose(3));
        assert_eq!(changed.rating, Some(3), "the reader may change their mind");
        let retried = changed.apply(Action::Submit);
        assert_eq!(retried.phase, Phase::Sending);
        assert_eq!(retried.apply(Action::Sent).phase, Phase::Thanked);
    }

    #[test]
    fn the_comment_step_follows_a_saved_rating() {
        let start = FeedbackState::new(true, false);
        let comment = run_from(start, &[Action::Choose(4), Action::Submit, Action::Sent]);
        assert_eq!(comment.phase, Phase::Comment);
        assert!(comment.rated);
        assert_eq!(
            comment.apply(Action::Choose(1)),
            comment,
            "the saved rating is not changed on the comment step"
        );
        let sending = comment.apply(Action::Submit);
        assert_eq!(sending.phase, Phase::Sending);
        assert_eq!(sending.apply(Action::Sent).phase, Phase::Thanked);
        let queued = sending.apply(Action::Queued);
        assert_eq!(queued.phase, Phase::Queued);
        assert_eq!(queued.apply(Action::Choose(2)).rating, Some(4));
        assert_eq!(
            queued.apply(Action::Submit).apply(Action::Sent).phase,
            Phase::Thanked,
            "a retried comment ends with thanks, not a second comment step"
        );
        assert_eq!(comment.apply(Action::Skip).phase, Phase::Thanked);
        assert_eq!(
            run_from(start, &[Action::Choose(4), Action::Submit, Action::Queued]).phase,
            Phase::Queued,
            "no comment step before the rating is saved"
        );
    }

    #[test]
    fn the_counter_follows_the_comment_only_on_the_comment_step() {
        assert_eq!(run(&[Action::Typed(3)]).comment_len, 0);
        let comment = run_from(
            FeedbackState::new(true, false),
            &[
                Action::Choose(4),
                Action::Submit,
                Action::Sent,
                Action::Typed(12),
            ],
        );
        assert_eq!(comment.comment_len, 12);
        let sending = comment.apply(Action::Submit);
        assert_eq!(
            sending.apply(Action::Typed(1)),
            sending,
            "frozen while sending"
        );
    }

    #[test]
    fn a_visitor_who_already_rated_cannot_rate_again() {
        let already = FeedbackState {
            phase: Phase::Already,
            ..FeedbackState::default()
        };
        for action in [
            Action::Choose(3),
            Action::Submit,
            Action::Sent,
            Action::Skip,
        ] {
            assert_eq!(already.apply(action), already);
        }
    }

    #[test]
    fn skip_only_means_something_on_the_comment_step() {
        let chosen = run(&[Action::Choose(3)]);
        assert_eq!(chosen.apply(Action::Skip), chosen);
    }

    #[test]
    fn the_comment_step_can_be_turned_on_later() {
        let later = run(&[Action::CommentStep(true), Action::Choose(3), Action::Submit]);
        assert_eq!(later.apply(Action::Sent).phase, Phase::Comment);
        let off = FeedbackState::new(true, false).apply(Action::CommentStep(false));
        assert!(!off.with_comment);
    }

    #[test]
    fn reconnecting_sends_only_what_waits() {
        let chosen = run(&[Action::Choose(3)]);
        assert_eq!(
            chosen.apply(Action::Reconnected),
            chosen,
            "a choice is sent by the reader"
        );
        assert_eq!(run(&[Action::Reconnected]), FeedbackState::default());
        let queued = chosen.apply(Action::Submit).apply(Action::Queued);
        let retried = queued.apply(Action::Reconnected);
        assert_eq!((retried.phase, retried.rating), (Phase::Sending, Some(3)));
        assert_eq!(retried.sends, 2, "a new send, even before a render");
        assert_eq!(retried.apply(Action::Reconnected), retried);
        let comment = run_from(
            FeedbackState::new(true, false),
            &[Action::Choose(4), Action::Submit, Action::Sent],
        );
        assert_eq!(comment.apply(Action::Reconnected), comment);
        let queued_comment = comment.apply(Action::Submit).apply(Action::Queued);
        assert_eq!(
            queued_comment.apply(Action::Reconnected).phase,
            Phase::Sending
        );
    }

    #[test]
    fn a_queued_rating_delivered_elsewhere_follows_the_outbox() {
        let queued = run_from(
            FeedbackState::new(true, false),
            &[Action::Choose(4), Action::Submit, Action::Queued],
        );
        let delivered = queued.apply(Action::Delivered);
        assert_eq!((delivered.phase, delivered.rated), (Phase::Comment, true));
        let comment = delivered.apply(Action::Submit).apply(Action::Queued);
        assert_eq!(comment.apply(Action::Delivered).phase, Phase::Thanked);
        let plain = run(&[Action::Choose(2), Action::Submit, Action::Queued]);
        assert_eq!(plain.apply(Action::Delivered).phase, Phase::Thanked);
        let sending = run(&[Action::Choose(2), Action::Submit]);
        assert_eq!(
            sending.apply(Action::Delivered),
            sending,
            "its own send brings its own answer"
        );
        let chosen = run(&[Action::Choose(2)]);
        assert_eq!(chosen.apply(Action::Delivered), chosen);
        let saved = FeedbackState {
            phase: Phase::Saved,
            ..FeedbackState::default()
        };
        assert_eq!(saved.apply(Action::Delivered), saved);
        assert_eq!(saved.apply(Action::Emptied).phase, Phase::Already);
        assert_eq!(chosen.apply(Action::Emptied), chosen);
    }

    #[test]
    fn an_action_that_changes_nothing_says_so() {
        let mut state = FeedbackState::default();
        assert!(!state.change(Action::Skip));
        assert_eq!(state, FeedbackState::default());
        assert!(state.change(Action::Choose(2)));
        assert_eq!(state.rating, Some(2));
    }

    #[test]
    fn compact_sends_on_choice() {
        let start = FeedbackState::new(false, true);
        let sending = start.apply(Action::Choose(5));
        assert_eq!((sending.phase, sending.rating), (Phase::Sending, Some(5)));
        assert_eq!(sending.apply(Action::Choose(1)), sending);
        let queued = sending.apply(Action::Queued);
        let again = queued.apply(Action::Choose(1));
        assert_eq!((again.phase, again.rating), (Phase::Sending, Some(1)));
        assert_eq!(start.apply(Action::Choose(9)), start);
    }

    #[test]
    fn compact_never_sends_on_the_arrow_keys() {
        let start = FeedbackState::new(false, true);
        let moved = run_from(start, &[Action::Key(true), Action::Choose(2)]);
        assert_eq!((moved.phase, moved.rating), (Phase::Choosing, Some(2)));
        assert!(!moved.moving, "the move is spent on its own change");
        assert_eq!(
            moved.apply(Action::Choose(3)).phase,
            Phase::Sending,
            "then a click sends"
        );
        let spaced = run_from(
            start,
            &[Action::Key(true), Action::Key(false), Action::Choose(4)],
        );
        assert_eq!((spaced.phase, spaced.rating), (Phase::Sending, Some(4)));
        let entered = moved.apply(Action::Submit);
        assert_eq!((entered.phase, entered.rating), (Phase::Sending, Some(2)));
    }
}
