//! One slide, as a plain view function: a `#[component]` per slide would cost about 1.7 KB
//! of Wasm and save no work (slides re-render with the position anyway).

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VText};

use super::super::vdom::{class, element, list, listened, Fixed};
use super::config::CarouselConfig;
use super::hooks::Steer;
use super::state::slides_in_dom;
use super::view::View;
use crate::feed::NewsItem;
use crate::i18n::{CarouselTexts, Lang, Locale};
use crate::platform::intl;

/// What one slide shows.
pub struct Slide<'a> {
    /// Whether the summary is shown (`summary`).
    pub show_summary: bool,
    /// The news item.
    pub item: &'a NewsItem,
    /// Its accessible name ("2 of 10").
    pub name: String,
    /// The widget's texts.
    pub texts: &'a CarouselTexts,
    /// The widget's language (dates are written in it).
    pub lang: &'a Locale,
    /// The feed's language: the item's content is in it when the item names none.
    pub feed_language: Option<&'a str>,
    /// The first slide in view (its image loads eagerly).
    pub current: bool,
    /// In view: shown, in the accessibility tree and the tab order.
    pub in_view: bool,
    /// The level of its title's heading.
    pub heading_level: u32,
    /// Its image failed to load: a placeholder keeps its place.
    pub image_broken: bool,
    /// The parts every slide of this carousel keeps room for.
    pub reserve: Reserve,
}

/// The parts every slide keeps room for, whether its own item has them or not, because some
/// item of the feed has: so every slide has one height and nothing below the carousel moves
/// as it turns (with the fixed image ratio and the clamped lines of the stylesheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reserve {
    /// An image area.
    pub image: bool,
    /// A date line.
    pub date: bool,
    /// The summary lines.
    pub summary: bool,
}

impl Reserve {
    /// What the slides of `items` keep room for, the summaries only when shown.
    pub fn of(items: &[NewsItem], show_summary: bool) -> Self {
        Self {
            image: items.iter().any(|item| item.image.is_some()),
            date: items.iter().any(|item| item.published.is_some()),
            summary: show_summary && items.iter().any(|item| item.summary.is_some()),
        }
    }
}

/// The slides in the DOM for `view`: those in view and a hidden neighbour on each side, of
/// the `items` read so far (a slide not read yet shows once it is), whose feed is in
/// `feed_language`.
pub fn slides(
    view: &View,
    items: &[NewsItem],
    feed_language: Option<&str>,
    config: &CarouselConfig,
    broken_images: &[String],
) -> Html {
    let index = view.current.index();
    let in_view = index..index + view.per_view;
    let reserve = Reserve::of(items, config.show_summary);
    // A loop rather than an iterator chain, whose `collect` would be generic code of its own.
    let mut shown = Vec::new();
    for i in slides_in_dom(index, view.per_view, view.slide_count, config.wrap) {
        let Some(item) = items.get(i) else {
            continue;
        };
        let one = Slide {
            show_summary: config.show_summary,
            item,
            name: view.slide_name(i),
            texts: view.texts,
            lang: view.lang,
            feed_language,
            current: i == index,
            in_view: in_view.contains(&i),
            heading_level: config.heading_level,
            image_broken: broken_images.contains(&item.id),
            reserve,
        };
        shown.push(slide(&one, view.steer));
    }
    list(shown)
}

/// The slide. Slides other than those in view stay hidden and inert: out of the
/// accessibility tree, the tab order and the find-in-page, never read twice.
/// `steer` hears of the item's image when it fails.
pub fn slide(slide: &Slide, steer: &Steer) -> Html {
    let item = slide.item;
    // The content is in the item's language, else the feed's, whatever the widget speaks: an
    // Arabic page's carousel of English news reads its slides left to right. A language we
    // have no direction for leaves it to the text.
    let content_lang = item.language.as_deref().or(slide.feed_language);
    let dir = content_lang
        .and_then(Lang::from_tag)
        .map_or("auto", |lang| lang.direction().as_str());
    let title = Html::from(VText::new(item.title.clone()));
    let title = match &item.url {
        Some(url) => {
            let attributes = Attributes::Dynamic {
                keys: &["href"],
                values: Box::new([Some(text(url.clone()))]),
            };
            element("a", attributes, title)
        }
        None => title,
    };
    let image = match item.image.as_ref().filter(|_| !slide.image_broken) {
        Some(image) => {
            let onerror = steer.on_image_error(item.id.clone());
            let attributes = Attributes::Dynamic {
                keys: &[
                    "class", "src", "alt", "width", "height", "loading", "decoding",
                ],
                values: Box::new([
                    Some(AttributeOrProperty::Static("fw-carousel__image")),
                    Some(text(image.url.clone())),
                    Some(text(image.alt.clone())),
                    dimension(image.width),
                    dimension(image.height),
                    Some(AttributeOrProperty::Static(if slide.current {
                        "eager"
                    } else {
                        "lazy"
                    })),
                    Some(AttributeOrProperty::Static("async")),
                ]),
            };
            let onerror = yew::html::onerror::Wrapper::__macro_new(onerror);
            listened("img", attributes, onerror, Html::default())
        }
        // A broken or missing image keeps its area: an empty, neutral box (nothing to read).
        None if slide.reserve.image => element("div", Attributes::Static(IMAGE), Html::default()),
        None => Html::default(),
    };
    // The date is written in the widget's language: its own lang and dir isolate it, so an
    // Arabic date inside an English item keeps its order (and the other way round).
    let date = match item.published {
        Some(published) => element(
            "p",
            Attributes::Static(DATE),
            element(
                "time",
                Attributes::Dynamic {
                    keys: &["datetime", "lang", "dir"],
                    values: Box::new([
                        Some(text(intl::iso_date(published.epoch_ms))),
                        Some(text(slide.lang.tag().to_string())),
                        Some(AttributeOrProperty::Static(slide.lang.direction().as_str())),
                    ]),
                },
                VText::new(intl::long_date(published.epoch_ms, slide.lang.tag())).into(),
            ),
        ),
        None if slide.reserve.date => element("p", Attributes::Static(DATE), Html::default()),
        None => Html::default(),
    };
    let summary = match item.summary.as_ref().filter(|_| slide.show_summary) {
        Some(summary) => element(
            "p",
            Attributes::Static(SUMMARY),
            VText::new(summary.clone()).into(),
        ),
        None if slide.reserve.summary => element("p", Attributes::Static(SUMMARY), Html::default()),
        None => Html::default(),
    };
    let heading = element(
        heading_tag(slide.heading_level),
        Attributes::Static(TITLE),
        title,
    );
    let content = element(
        "div",
        Attributes::Dynamic {
            keys: &["lang", "dir", "class"],
            values: Box::new([
                content_lang.map(|tag| text(tag.to_string())),
                Some(AttributeOrProperty::Static(dir)),
                Some(AttributeOrProperty::Static("fw-carousel__content")),
            ]),
        },
        list(vec![image, heading, date, summary]),
    );
    html! {
        <article key={item.id.clone()} class="fw-carousel__slide" part="slide" role="group"
                 aria-roledescription={slide.texts.slide_roledescription}
                 aria-label={slide.name.clone()}
                 hidden={!slide.in_view} inert={!slide.in_view}>
            // The slide's name and role description stay in the widget's language; only the
            // content takes the news's (a box-less wrapper: the slide's layout is unchanged).
            { content }
        </article>
    }
}

/// A slide's image area, its date line and its summary lines.
const IMAGE: Fixed = class!("fw-carousel__image");
const DATE: Fixed = class!("fw-carousel__date");
const SUMMARY: Fixed = class!("fw-carousel__summary");
/// The slide's title heading.
const TITLE: Fixed = &[
    ("part", AttributeOrProperty::Static("title")),
    ("class", AttributeOrProperty::Static("fw-carousel__title")),
];

/// An image's width or height, when the feed gives it: one function for both (size).
fn dimension(pixels: Option<u32>) -> Option<AttributeOrProperty> {
    pixels.map(|pixels| text(pixels.to_string()))
}

/// An attribute's value made at run time.
fn text(value: String) -> AttributeOrProperty {
    AttributeOrProperty::Attribute(value.into())
}

/// The title's element for a heading level (2 to 6, [`super::config`] keeps it there): a
/// literal, where `format!` would build a string per slide.
fn heading_tag(level: u32) -> &'static str {
    match level {
        2 => "h2",
        4 => "h4",
        5 => "h5",
        6 => "h6",
        _ => "h3",
    }
}
