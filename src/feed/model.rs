//! The cleaned feed the widgets read: plain text, absolute http(s) URLs, bounded sizes.

use super::{Localized, LocalizedText, Timestamp};

/// A feed ready for the widgets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feed {
    /// The feed's title, plain text.
    pub title: Option<String>,
    /// The feed's language tag (`language` in JSON Feed 1.1).
    pub language: Option<String>,
    /// The news, in feed order: all of them, or the first ones while the rest is being read
    /// (see [`Feed::unread_items`]).
    pub items: Vec<NewsItem>,
    /// Entries of the feed's item list not read yet: nonzero only while a long feed is read in
    /// steps ([`super::parse_first`], then [`super::RestOfItems`]).
    pub unread_items: usize,
    /// Settings from the `_widgets` extension.
    pub widgets: WidgetSettings,
}

impl Feed {
    /// How many items the feed has once read whole: exact when nothing is left unread, an
    /// upper bound otherwise (an unread entry may yet be dropped as unusable).
    pub fn expected_items(&self) -> usize {
        self.items.len() + self.unread_items
    }
}

/// One news item.
#[derive(Debug, Clone, PartialEq)]
pub struct NewsItem {
    /// Stable identity, used to merge refreshed feeds.
    pub id: String,
    /// Headline, plain text, never empty.
    pub title: String,
    /// Absolute http(s) link to the article.
    pub url: Option<String>,
    /// Short text, plain.
    pub summary: Option<String>,
    /// Picture for the slide.
    pub image: Option<Image>,
    /// Publication time.
    pub published: Option<Timestamp>,
    /// The item's own language tag, when it differs from the page.
    pub language: Option<String>,
}

/// A picture with what is needed to reserve its space and describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Absolute http(s) URL.
    pub url: String,
    /// Text alternative; empty means decorative.
    pub alt: String,
    /// Intrinsic width in CSS pixels, when the feed says.
    pub width: Option<u32>,
    /// Intrinsic height in CSS pixels, when the feed says.
    pub height: Option<u32>,
}

/// The `_widgets` extension object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WidgetSettings {
    /// `_widgets.disclaimer`.
    pub disclaimer: Option<DisclaimerSettings>,
    /// `_widgets.feedback`.
    pub feedback: Option<FeedbackSettings>,
    /// `_widgets.carousel`.
    pub carousel: Option<CarouselSettings>,
}

/// Settings of the translation disclaimer banner.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DisclaimerSettings {
    /// The organisation named in the built-in sentence.
    pub organization: Option<String>,
    /// Bumped by the site to show the banner again to readers who dismissed an older one.
    pub version: u32,
    /// The organisation's own sentence, per language.
    pub text: LocalizedText,
    /// `_widgets.disclaimer.position` as written (`inline`, `top` or `bottom`); the banner
    /// reads it, and ignores any other value.
    pub position: Option<String>,
}

/// Settings of the feedback rating widget.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedbackSettings {
    /// Absolute http(s) URL ratings are posted to.
    pub endpoint: Option<String>,
    /// The question, per language.
    pub question: LocalizedText,
    /// The five labels from worst to best, per language.
    pub labels: Localized<[String; 5]>,
    /// Whether to offer the optional comment step.
    pub comment: Option<bool>,
}

/// Settings of the news carousel.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CarouselSettings {
    /// Accessible name of the carousel region, per language.
    pub label: LocalizedText,
    /// Whether slides rotate on their own.
    pub autoplay: Option<bool>,
    /// Time per slide while rotating, in milliseconds.
    pub interval_ms: Option<u32>,
    /// Most slides shown.
    pub max_items: Option<usize>,
    /// Most slides side by side, when the carousel is wide enough.
    pub per_view: Option<usize>,
}
