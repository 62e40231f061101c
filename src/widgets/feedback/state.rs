//! The feedback form's states: choosing, sending, failed, thanked. Pure, so every rule (no
//! double submission, retry keeps the choice) is tested natively.

/// Where the form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for a choice and a press on send.
    Choosing,
    /// A rating is on its way; sending again is not possible.
    Sending,
    /// The last send failed; the choice is kept for a retry.
    Failed,
    /// The collector accepted the rating.
    Thanked,
}

/// What happens to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The reader picked a rating, 1 (worst) to 5 (best).
    Choose(u8),
    /// The reader pressed send (or retry).
    Submit,
    /// The collector accepted.
    Sent,
    /// The request failed.
    SendFailed,
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
}

impl Default for FeedbackState {
    fn default() -> Self {
        Self {
            rating: None,
            phase: Phase::Choosing,
            needs_choice: false,
        }
    }
}

impl FeedbackState {
    /// The state after `action`; actions that make no sense where the form is are ignored.
    pub fn apply(self, action: Action) -> Self {
        match (self.phase, action) {
            (Phase::Choosing | Phase::Failed, Action::Choose(rating))
                if (1..=5).contains(&rating) =>
            {
                Self {
                    rating: Some(rating),
                    needs_choice: false,
                    ..self
                }
            }
            (Phase::Choosing | Phase::Failed, Action::Submit) => match self.rating {
                Some(_) => Self {
                    phase: Phase::Sending,
                    needs_choice: false,
                    ..self
                },
                None => Self {
                    needs_choice: true,
                    ..self
                },
            },
            (Phase::Sending, Action::Sent) => Self {
                phase: Phase::Thanked,
                ..self
            },
            (Phase::Sending, Action::SendFailed) => Self {
                phase: Phase::Failed,
                ..self
            },
            _ => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(actions: &[Action]) -> FeedbackState {
        actions
            .iter()
            .fold(FeedbackState::default(), |state, &action| {
                state.apply(action)
            })
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
    fn failure_keeps_the_choice_and_allows_retry() {
        let failed = run(&[Action::Choose(5), Action::Submit, Action::SendFailed]);
        assert_eq!((failed.phase, failed.rating), (Phase::Failed, Some(5)));
        let retried = failed.apply(Action::Submit);
        assert_eq!(retried.phase, Phase::Sending);
        assert_eq!(retried.apply(Action::Sent).phase, Phase::Thanked);
    }

    #[test]
    fn out_of_range_ratings_and_late_answers_are_ignored() {
        assert_eq!(run(&[Action::Choose(0), Action::Choose(6)]).rating, None);
        let thanked = run(&[Action::Choose(3), Action::Submit, Action::Sent]);
        assert_eq!(thanked.apply(Action::SendFailed), thanked);
        assert_eq!(thanked.apply(Action::Submit), thanked);
    }
}
