//! Which widget: the table of kinds, with each kind's names and stylesheet.

pub use crate::widgets::WidgetKind;
use crate::widgets::{carousel, disclaimer, feedback};

/// What `embed` needs to know of one kind. Adding a widget means a row here and its folder.
pub struct KindSpec {
    /// The kind this row describes.
    pub kind: WidgetKind,
    /// The custom element's tag name (also the name the widget logs under).
    pub element: &'static str,
    /// The names `data-fw-widget` and the JS API accept (lowercase).
    pub names: &'static [&'static str],
    /// The widget's own stylesheet (minified from its folder by build.rs).
    pub css: &'static str,
}

/// Every kind, in [`WidgetKind`] order. A `static`, so each stylesheet keeps one address
/// (the style cache tells sheets apart by it).
pub static KINDS: [KindSpec; 3] = [
    KindSpec {
        kind: WidgetKind::Carousel,
        element: carousel::ELEMENT,
        names: &["news-carousel", "carousel"],
        css: include_str!(concat!(env!("OUT_DIR"), "/carousel.css")),
    },
    KindSpec {
        kind: WidgetKind::Feedback,
        element: feedback::ELEMENT,
        names: &["feedback"],
        css: include_str!(concat!(env!("OUT_DIR"), "/feedback.css")),
    },
    KindSpec {
        kind: WidgetKind::Disclaimer,
        element: disclaimer::ELEMENT,
        names: &["disclaimer"],
        css: include_str!(concat!(env!("OUT_DIR"), "/disclaimer.css")),
    },
];

/// What the page sees of one kind besides its tag: the option attributes, methods and parts.
/// Apart from [`KINDS`] so that the bundle, which needs none of it at run time, ships none of
/// it; the tests compare it with `embed.js` and the manifest.
pub struct KindApi {
    /// The option attributes the widget reads, kebab-case; an element also takes each in its
    /// `data-` form, a container only in that form. `embed.js` observes the same list.
    pub attributes: &'static [&'static str],
    /// The element's methods, then its read-only properties, as `embed.js` defines them.
    pub members: &'static [&'static str],
    /// The `part` names its shadow tree exposes to `::part()`.
    pub parts: &'static [&'static str],
}

/// Each kind's [`KindApi`], in [`WidgetKind`] order.
pub static API: [KindApi; 3] = [
    KindApi {
        attributes: &[
            "src",
            "lang",
            "timeout",
            "theme",
            "max-items",
            "loop",
            "per-view",
            "autoplay",
            "interval",
            "summary",
            "heading-level",
            "refresh",
            "label",
        ],
        members: &["next", "previous", "goTo", "play", "pause", "currentIndex"],
        parts: &["base", "slide", "title", "nav", "picker"],
    },
    KindApi {
        attributes: &[
            "src",
            "lang",
            "timeout",
            "theme",
            "endpoint",
            "question",
            "comment",
            "compact",
            "remember-scope",
            "remember-days",
        ],
        members: &["reset"],
        parts: &["form", "options", "submit"],
    },
    KindApi {
        attributes: &[
            "src",
            "lang",
            "timeout",
            "theme",
            "org",
            "position",
            "remember-days",
        ],
        members: &["show", "dismiss"],
        parts: &["banner", "text", "button"],
    },
];

impl WidgetKind {
    /// Every kind.
    pub const ALL: [WidgetKind; 3] = [Self::Carousel, Self::Feedback, Self::Disclaimer];

    /// This kind's attributes, methods and parts.
    pub fn api(self) -> &'static KindApi {
        &API[self as usize]
    }

    /// This kind's row of [`KINDS`].
    pub fn spec(self) -> &'static KindSpec {
        &KINDS[self as usize]
    }

    /// The kind named in `data-fw-widget` or the JS API (`news-carousel` or `carousel`,
    /// `feedback`, `disclaimer`; case and surrounding space ignored).
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase();
        KINDS
            .iter()
            .find(|spec| spec.names.contains(&name.as_str()))
            .map(|spec| spec.kind)
    }

    /// The custom element's tag name.
    pub fn element_name(self) -> &'static str {
        self.spec().element
    }

    /// The kind of a custom element tag name (any case).
    pub fn from_element_name(tag: &str) -> Option<Self> {
        KINDS
            .iter()
            .find(|spec| spec.element.eq_ignore_ascii_case(tag))
            .map(|spec| spec.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_kind_order() {
        for (index, kind) in WidgetKind::ALL.into_iter().enumerate() {
            assert_eq!(KINDS[index].kind, kind);
            assert_eq!(kind.spec().kind, kind);
        }
    }

    #[test]
    fn kinds_by_every_name() {
        assert_eq!(
            WidgetKind::from_name(" News-Carousel "),
            Some(WidgetKind::Carousel)
        );
        assert_eq!(
            WidgetKind::from_name("carousel"),
            Some(WidgetKind::Carousel)
        );
        assert_eq!(
            WidgetKind::from_name("feedback"),
            Some(WidgetKind::Feedback)
        );
        assert_eq!(
            WidgetKind::from_name("disclaimer"),
            Some(WidgetKind::Disclaimer)
        );
        assert_eq!(WidgetKind::from_name("slider"), None);
        assert_eq!(
            WidgetKind::from_element_name("FW-FEEDBACK"),
            Some(WidgetKind::Feedback)
        );
        assert_eq!(WidgetKind::from_element_name("fw-other"), None);
    }
}
