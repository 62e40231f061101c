//! The `theme` option (`light`, `dark` or `auto`): which colours a widget is drawn in. The
//! colours themselves are CSS (`src/style/dark.css`); this only names the one to use, as the
//! `data-theme` of the widget's root inside its shadow root.

use super::WidgetOptions;

/// A widget's colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// The light colours, whatever the reader prefers: the default, so pages that embedded the
    /// widgets before there was a dark theme look as they did.
    #[default]
    Light,
    /// The dark colours, whatever the reader prefers.
    Dark,
    /// Light or dark as the reader's `prefers-color-scheme` says, followed live by CSS.
    Auto,
}

impl Theme {
    /// The theme an option's text names (ASCII case ignored); anything else, or nothing, is
    /// [`Theme::Light`], the colours the widgets always had.
    pub fn parse(text: Option<&str>) -> Self {
        match text.map(str::to_ascii_lowercase).as_deref() {
            Some("dark") => Self::Dark,
            Some("auto") => Self::Auto,
            _ => Self::Light,
        }
    }

    /// The widget's theme from its `theme` option (`theme` attribute, `data-theme` on a
    /// container, `theme` in the JS API).
    pub fn from_options(options: &WidgetOptions) -> Self {
        Self::parse(options.get("theme"))
    }

    /// The value the stylesheet selects on (`.fw-root[data-theme=…]`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Auto => "auto",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_themes_are_read_whatever_their_case_and_spaces() {
        assert_eq!(Theme::parse(Some("dark")), Theme::Dark);
        assert_eq!(Theme::parse(Some("DARK")), Theme::Dark);
        assert_eq!(Theme::parse(Some("Auto")), Theme::Auto);
        assert_eq!(Theme::parse(Some("light")), Theme::Light);
        let mut options = WidgetOptions::default();
        options.insert("theme", "  dark ");
        assert_eq!(Theme::from_options(&options), Theme::Dark, "trimmed");
    }

    #[test]
    fn anything_else_is_the_light_theme_of_old() {
        for text in [
            None,
            Some(""),
            Some("night"),
            Some("dark-mode"),
            Some("1"),
            Some("d"),
        ] {
            assert_eq!(Theme::parse(text), Theme::Light, "{text:?}");
        }
        assert_eq!(Theme::from_options(&WidgetOptions::default()), Theme::Light);
        assert_eq!(Theme::default(), Theme::Light);
    }

    #[test]
    fn the_stylesheet_names_round_trip() {
        for theme in [Theme::Light, Theme::Dark, Theme::Auto] {
            assert_eq!(Theme::parse(Some(theme.as_str())), theme);
        }
    }
}
