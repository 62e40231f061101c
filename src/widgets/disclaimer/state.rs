//! When the disclaimer shows: while the page is machine-translated and the reader has not
//! dismissed it.

/// The banner's inputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DisclaimerState {
    /// A translator is rewriting the page.
    pub translated: bool,
    /// The reader closed the banner.
    pub dismissed: bool,
}

impl DisclaimerState {
    /// Whether the banner is on screen.
    pub fn visible(self) -> bool {
        self.translated && !self.dismissed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_only_while_translated_and_not_dismissed() {
        let state = |translated, dismissed| DisclaimerState {
            translated,
            dismissed,
        };
        assert!(!state(false, false).visible());
        assert!(state(true, false).visible());
        assert!(!state(true, true).visible());
        assert!(!state(false, true).visible());
    }
}
