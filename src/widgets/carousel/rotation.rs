//! Automatic rotation and every rule that pauses or stops it (WAI-ARIA APG carousel), pure so
//! each rule is tested natively.
//!
//! Two kinds of halt: a *stop* lasts until the reader asks for rotation again (they pressed the
//! rotation button, moved focus into the carousel, or prefer reduced motion); a *pause* lasts
//! only while its cause does (the pointer is over the carousel, the page is hidden, the
//! carousel is not rendered: inside a closed tab or accordion, `display: none`).
//!
//! The rotation button asks for what its label said when it was pressed (`Start` or `Stop`),
//! not for a toggle: a mouse click focuses the button first, which already stops rotation, and
//! a toggle would then start it again.

/// What happened to the carousel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The rotation button was pressed while it offered to start.
    StartRequested,
    /// The rotation button was pressed while it offered to stop.
    StopRequested,
    /// Keyboard focus entered the carousel.
    FocusEntered,
    /// A pointer moved over the carousel, or left it.
    Hover(bool),
    /// The page became hidden, or visible again.
    PageHidden(bool),
    /// The carousel was laid out (`true`) or is not rendered at all (`false`: it, or a
    /// container of it, is `display: none`).
    Rendered(bool),
    /// Rotation was turned on or off after the carousel started (the feed's setting came).
    Configured {
        /// Rotation is configured at all.
        autoplay: bool,
        /// The reader prefers reduced motion: rotation starts stopped.
        reduced_motion: bool,
    },
}

/// The rotation state of one carousel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rotation {
    /// Rotation is configured at all (`autoplay`).
    enabled: bool,
    /// Stopped until the reader asks again.
    stopped: bool,
    /// Paused while hovered.
    hovered: bool,
    /// Paused while the page is hidden.
    hidden: bool,
    /// Paused while the carousel is not rendered: nobody could see the slides go by, and the
    /// reader who opens its tab later should find the first one.
    unrendered: bool,
}

impl Rotation {
    /// A carousel with `autoplay` on or off; under reduced motion it starts stopped.
    pub fn new(autoplay: bool, reduced_motion: bool) -> Self {
        Self {
            enabled: autoplay,
            stopped: reduced_motion,
            hovered: false,
            hidden: false,
            unrendered: false,
        }
    }

    /// Whether the slides advance on their own right now.
    pub fn is_rotating(self) -> bool {
        self.enabled && !self.stopped && !self.hovered && !self.hidden && !self.unrendered
    }

    /// Whether the rotation button is shown (only when rotation is configured).
    pub fn has_control(self) -> bool {
        self.enabled
    }

    /// Whether the rotation button offers to stop (else to start). It follows the reader's
    /// intent, not a passing pause, so hovering does not flip its label.
    pub fn offers_stop(self) -> bool {
        self.enabled && !self.stopped
    }

    /// `aria-live` of the slides: silent while rotating, so screen readers are not flooded.
    pub fn live_region(self) -> &'static str {
        if self.is_rotating() {
            "off"
        } else {
            "polite"
        }
    }

    /// The state after `event`.
    pub fn apply(self, event: Event) -> Self {
        match event {
            Event::StartRequested => Self {
                stopped: false,
                ..self
            },
            Event::StopRequested | Event::FocusEntered => Self {
                stopped: true,
                ..self
            },
            Event::Hover(hovered) => Self { hovered, ..self },
            Event::PageHidden(hidden) => Self { hidden, ..self },
            Event::Rendered(rendered) => Self {
                unrendered: !rendered,
                ..self
            },
            Event::Configured {
                autoplay,
                reduced_motion,
            } if autoplay != self.enabled => Self {
                enabled: autoplay,
                stopped: reduced_motion,
                ..self
            },
            Event::Configured { .. } => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(start: Rotation, events: &[Event]) -> Rotation {
        events
            .iter()
            .fold(start, |state, &event| state.apply(event))
    }

    #[test]
    fn off_by_default_and_never_rotates_without_autoplay() {
        let off = Rotation::new(false, false);
        assert!(!off.is_rotating() && !off.has_control());
        assert!(!after(off, &[Event::StartRequested]).is_rotating());
        assert_eq!(off.live_region(), "polite");
    }

    #[test]
    fn autoplay_rotates_with_a_silent_live_region() {
        let on = Rotation::new(true, false);
        assert!(on.is_rotating() && on.offers_stop());
        assert_eq!(on.live_region(), "off");
    }

    #[test]
    fn focus_stops_until_the_reader_asks_again() {
        let on = Rotation::new(true, false);
        let focused = on.apply(Event::FocusEntered);
        assert!(!focused.is_rotating() && !focused.offers_stop());
        assert_eq!(focused.live_region(), "polite");
        // Leaving and re-entering (focus, hover) does not restart it.
        let still = after(
            focused,
            &[Event::Hover(true), Event::Hover(false), Event::FocusEntered],
        );
        assert!(!still.is_rotating());
        assert!(still.apply(Event::StartRequested).is_rotating());
    }

    #[test]
    fn hover_and_hidden_pages_pause_only_while_they_last() {
        let on = Rotation::new(true, false);
        let hovered = on.apply(Event::Hover(true));
        assert!(!hovered.is_rotating());
        assert!(hovered.offers_stop(), "a pause does not flip the button");
        assert!(hovered.apply(Event::Hover(false)).is_rotating());
        let hidden = on.apply(Event::PageHidden(true));
        assert!(!hidden.is_rotating());
        assert!(hidden.apply(Event::PageHidden(false)).is_rotating());
        let stopped = on.apply(Event::StopRequested);
        assert!(!after(
            stopped,
            &[Event::PageHidden(true), Event::PageHidden(false)]
        )
        .is_rotating());
    }

    #[test]
    fn a_carousel_that_is_not_rendered_pauses_until_it_is() {
        let on = Rotation::new(true, false);
        let closed = on.apply(Event::Rendered(false));
        assert!(!closed.is_rotating());
        assert!(closed.offers_stop(), "a pause, not a stop");
        assert!(closed.apply(Event::Rendered(true)).is_rotating());
        let stopped = on.apply(Event::StopRequested);
        assert!(!after(stopped, &[Event::Rendered(false), Event::Rendered(true)]).is_rotating());
    }

    #[test]
    fn a_click_on_stop_stops_although_the_click_focused_the_button_first() {
        let on = Rotation::new(true, false);
        let clicked = after(on, &[Event::FocusEntered, Event::StopRequested]);
        assert!(!clicked.is_rotating());
        let restarted = after(clicked, &[Event::FocusEntered, Event::StartRequested]);
        assert!(restarted.is_rotating());
    }

    #[test]
    fn reduced_motion_starts_stopped_but_can_be_started() {
        let calm = Rotation::new(true, true);
        assert!(!calm.is_rotating() && calm.has_control() && !calm.offers_stop());
        assert!(calm.apply(Event::StartRequested).is_rotating());
    }

    #[test]
    fn a_setting_that_comes_later_turns_rotation_on_once() {
        let on = Event::Configured {
            autoplay: true,
            reduced_motion: false,
        };
        let configured = Rotation::new(false, false).apply(on);
        assert_eq!(configured, Rotation::new(true, false));
        // The same setting again (a re-render) keeps what the reader did since.
        let stopped = configured.apply(Event::StopRequested);
        assert_eq!(stopped.apply(on), stopped);
        let calm = Rotation::new(false, false).apply(Event::Configured {
            autoplay: true,
            reduced_motion: true,
        });
        assert!(calm.has_control() && !calm.is_rotating());
        let hovered = Rotation::new(false, false)
            .apply(Event::Hover(true))
            .apply(on);
        assert!(!hovered.is_rotating(), "a pause in course holds");
        let off = configured.apply(Event::Configured {
            autoplay: false,
            reduced_motion: false,
        });
        assert!(!off.has_control() && !off.is_rotating());
    }
}
