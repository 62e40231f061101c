//! The news carousel, after the WAI-ARIA APG carousel pattern: one slide shown at a time (or up
//! to `per-view` side by side, as the width allows), a rotation button when rotation is
//! configured, previous and next buttons, a position indicator and, for short lists, a picker;
//! keys, swipes and RTL mirroring.
//!
//! [`config`] resolves the options, [`state`] is the pure reducer, [`hooks`] connect it to
//! timers, listeners and the DOM, [`view`] and [`slide`] draw it.

pub mod config;
pub mod hooks;
pub mod input;
pub mod refresh;
pub mod rotation;
pub mod slide;
pub mod state;
pub mod view;

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VText};

use self::config::{CarouselConfig, MAX_PER_VIEW};
use self::hooks::{
    swipe, use_carousel_state, use_carousel_width, use_feed_and_layout, use_live_refresh,
    use_rotation, Steer,
};
use self::rotation::Event as RotationEvent;
use self::slide::slides;
use self::state::{shown_items, slides_per_view, stops, Action, Move};
use self::view::{controls, picker, View};
use super::status::{status, Tone};
use super::vdom::{element, list, listening, Fixed};
use super::{
    use_control, use_element_ref, use_widget_feed, widget_language, Command, FeedState, FeedUse,
    WidgetProps,
};
use crate::feed::{CarouselSettings, Feed};
use crate::platform::intl;

/// The widget's custom element name (the name it logs under, too).
pub const ELEMENT: &str = "fw-news-carousel";

/// How the widget reads its feed: it shows nothing without one.
const FEED_USE: FeedUse = FeedUse {
    widget: ELEMENT,
    required: true,
};

/// Renders the news carousel (WAI-ARIA APG carousel pattern): the body of [`super::Widget`]
/// on a carousel's mount.
#[hook]
pub fn use_carousel(props: &WidgetProps) -> Html {
    let options = &props.options;
    let first = use_widget_feed(options, FEED_USE);
    let first_feed = match &first {
        FeedState::Ready(feed) => Some(feed.clone()),
        _ => None,
    };
    let state = use_carousel_state(options, settings_of(first_feed.as_deref()));
    // Borrowed for the render: nothing changes the state before it returns (handlers and
    // effects run after it).
    let now = state.now();
    // The feed shown: the first load's, or a refresh's once one came.
    let feed = now.shown(first_feed.as_ref()).cloned();
    let config = CarouselConfig::resolve(options, settings_of(feed.as_deref()));
    let lang = widget_language(options, feed.as_deref());
    let catalog = lang.catalog();
    let texts = &catalog.carousel;
    let items = feed
        .as_deref()
        .map_or(&[][..], |feed| shown_items(feed, config.max_items));
    let section_ref = use_element_ref();
    // Watched once the carousel (not a status) is shown; its width matters with several
    // slides per view only.
    use_carousel_width(
        &section_ref,
        !items.is_empty(),
        config.per_view > 1,
        state.clone(),
    );
    let width = now.width;
    // While the rest of a long feed is read, the slides it is expected to have (an unread item
    // may yet turn out unusable, and the count then drops by as many): the reader can already
    // go to the last one, whose slide shows once it is read.
    let slide_count = feed
        .as_deref()
        .map_or(0, |feed| feed.expected_items().min(config.max_items));
    let per_view = slides_per_view(config.per_view, width, slide_count);
    let stops = stops(slide_count, per_view);
    // The state hears of a new layout after this render; this one shows it already.
    let current = now.position.resized(stops).looping(config.wrap);
    let steer = Steer::new(&state, &props.host, stops, config.wrap);
    use_feed_and_layout(&steer, &first);
    let (autoplay, interval) = (config.autoplay, config.interval_ms);
    use_rotation(&steer, autoplay, interval, slide_count, current.index());
    use_live_refresh(&steer, options, config.refresh_ms);
    props.control.index.set(current.index());
    {
        let (steer, control) = (steer.clone(), props.control.clone());
        let ready = !matches!(first, FeedState::Loading);
        use_control(
            &props.control,
            ready,
            Callback::from(move |command| {
                let step = match command {
                    Command::Next => Move::Next,
                    Command::Previous => Move::Previous,
                    Command::GoTo(index) => Move::To(index),
                    Command::Play | Command::Pause => {
                        let event = if command == Command::Play {
                            RotationEvent::StartRequested
                        } else {
                            RotationEvent::StopRequested
                        };
                        return steer.send(Action::Rotation(event));
                    }
                    _ => return,
                };
                steer.go(step);
                // The state as it is now: `currentIndex` right after `next()` is the new slide.
                let position = steer.now().position;
                control.index.set(position.resized(stops).index());
            }),
        );
    }

    // One return for every status: each return is its own copy of the drops of this render's
    // values.
    let shown_status = match &first {
        FeedState::Loading => Some((catalog.loading, Tone::Busy)),
        FeedState::Absent | FeedState::Failed(_) => Some((texts.news_failed, Tone::Error)),
        FeedState::Ready(_) if items.is_empty() => Some((texts.no_news, Tone::Info)),
        FeedState::Ready(_) => None,
    };
    if let Some((text, tone)) = shown_status {
        return status(text, &lang, tone);
    }

    let view = View {
        steer: &steer,
        state: &now,
        texts,
        lang: &lang,
        current,
        per_view,
        slide_count,
        total: intl::number(slide_count, lang.tag()),
    };
    // Handlers are made only for the carousel itself, not for a status.
    let swipe = swipe(&steer, lang.direction());
    let on_keydown = steer.on_keydown(lang.direction());
    let on_focusin = steer.on_focus_entering(&section_ref);
    let feed_language = feed.as_deref().and_then(|feed| feed.language.as_deref());
    let slides = slides(&view, items, feed_language, &config, &now.broken_images);

    // By `view::listening`, with `html!`'s attributes and listeners in its order (class
    // last), not by `html!` inline (size).
    let attributes = Attributes::Dynamic {
        keys: &["data-view", "aria-live", "class"],
        values: Box::new([
            SIDE_BY_SIDE
                .get(per_view)
                .copied()
                .flatten()
                .map(AttributeOrProperty::Static),
            Some(AttributeOrProperty::Static(now.rotation.live_region())),
            Some(AttributeOrProperty::Static("fw-carousel__slides")),
        ]),
    };
    let listeners = Box::new([
        yew::html::onpointerdown::Wrapper::__macro_new(swipe.on_pointerdown),
        yew::html::onpointerup::Wrapper::__macro_new(swipe.on_pointerup),
        yew::html::onpointercancel::Wrapper::__macro_new(swipe.on_pointercancel),
    ]);
    let slides = listening("div", attributes, listeners, slides);
    let status = element(
        "p",
        Attributes::Static(STATUS),
        VText::new(view.announcement()).into(),
    );
    html! {
        <section class="fw-carousel" part="base" aria-roledescription={texts.roledescription}
                 aria-label={config.label.text(lang.tag(), texts.label)}
                 lang={lang.tag().to_string()} dir={lang.direction().as_str()}
                 onkeydown={on_keydown} onfocusin={on_focusin}
                 ref={section_ref}
                 onmouseenter={steer.on_rotation(RotationEvent::Hover(true))}
                 onmouseleave={steer.on_rotation(RotationEvent::Hover(false))}>
            { list(vec![controls(&view), slides, picker(&view, stops).unwrap_or_default(), status]) }
        </section>
    }
}

/// The feed's `_widgets.carousel`, if there is a feed and it has them.
fn settings_of(feed: Option<&Feed>) -> Option<&CarouselSettings> {
    feed.and_then(|feed| feed.widgets.carousel.as_ref())
}

/// The status line announcing what a refresh brought (for screen readers only).
const STATUS: Fixed = &[
    ("role", AttributeOrProperty::Static("status")),
    ("class", AttributeOrProperty::Static("fw-visually-hidden")),
];

/// The `data-view` laying out `n` slides side by side (index `n`; one slide needs none). An
/// attribute rather than a class: a `class` that is not a literal costs Yew's `Classes` set.
const SIDE_BY_SIDE: [Option<&str>; MAX_PER_VIEW + 1] =
    [None, None, Some("2"), Some("3"), Some("4")];
