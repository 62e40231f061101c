//! The news carousel, after the WAI-ARIA APG carousel pattern: one slide shown at a time (or up
//! to `per-view` side by side, as the width allows), a rotation button when rotation is
//! configured, previous and next buttons, a position indicator and, for short lists, a picker;
//! keys, swipes and RTL mirroring.

pub mod input;
pub mod refresh;
pub mod rotation;
pub mod state;

use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};
use yew::prelude::*;

use self::input::{move_for_key, move_for_swipe};
use self::refresh::follow;
use self::rotation::{Event as RotationEvent, Rotation};
use self::state::{slides_in_dom, slides_per_view, stops, Move, Position, MIN_SLIDE_WIDTH_PX};
use super::icons::{chevron_next, chevron_previous};
use super::status::{status, Tone};
use super::{
    feed_source, feed_timeout, use_widget_feed, widget_language, FeedSource, FeedState, WidgetProps,
};
use crate::embed::WidgetKind;
use crate::feed::{Feed, NewsItem};
use crate::i18n::{fill, CarouselTexts, Lang, Locale};
use crate::platform::{events, feed_cache, intl};

/// Slides shown when neither the page nor the feed says.
const DEFAULT_MAX_ITEMS: usize = 20;
/// Time per slide while rotating, when neither the page nor the feed says.
const DEFAULT_INTERVAL_MS: u32 = 6_000;
/// Faster rotation than this cannot be read (WCAG 2.2.2 asks for control, readers for time).
const MIN_INTERVAL_MS: u32 = 2_000;
/// A picker button per slide only for short lists; beyond that the position text serves.
const MAX_PICKER_ITEMS: usize = 12;
/// Most slides side by side (`per-view`); the stylesheet has a layout for each count.
const MAX_PER_VIEW: u32 = 4;

/// [`Rotation`] behind a reducer, so timers and listeners always act on the latest state.
#[derive(PartialEq)]
struct RotationState(Rotation);

impl Reducible for RotationState {
    type Action = RotationEvent;

    fn reduce(self: Rc<Self>, event: RotationEvent) -> Rc<Self> {
        Rc::new(Self(self.0.apply(event)))
    }
}

/// Renders the news carousel (WAI-ARIA APG carousel pattern).
#[component]
pub fn Carousel(props: &WidgetProps) -> Html {
    let feed_state = use_widget_feed(&props.options, WidgetKind::Carousel);
    // A refreshed feed, once one arrived, replaces the first one.
    let refreshed = use_state(|| None::<Rc<Feed>>);
    // The feed shown (its items start with the slides shown): the change event's item id comes
    // from it, and a refresh compares against it.
    let shown_feed = (*refreshed).clone().or_else(|| match &feed_state {
        FeedState::Ready(feed) => Some(feed.clone()),
        _ => None,
    });
    let feed = shown_feed.as_deref();
    let lang = widget_language(&props.options, feed);
    let catalog = lang.catalog();
    let texts = &catalog.carousel;
    let settings = feed.and_then(|feed| feed.widgets.carousel.as_ref());
    let options = &props.options;
    let max_items = options
        .number("max-items", 1..=10_000)
        .map(|n| n as usize)
        .or(settings.and_then(|s| s.max_items))
        .unwrap_or(DEFAULT_MAX_ITEMS);
    let wrap = options.flag("loop").unwrap_or(true);
    let autoplay = options
        .flag("autoplay")
        .or(settings.and_then(|s| s.autoplay))
        .unwrap_or(false);
    let interval = options
        .number("interval", MIN_INTERVAL_MS..=600_000)
        .or(settings
            .and_then(|s| s.interval_ms)
            .filter(|&ms| ms >= MIN_INTERVAL_MS))
        .unwrap_or(DEFAULT_INTERVAL_MS);
    let heading_level = options.number("heading-level", 2..=6).unwrap_or(3);
    let items: &[NewsItem] = feed.map_or(&[], |feed| shown_items(feed, max_items));
    let most_per_view = options
        .number("per-view", 1..=MAX_PER_VIEW)
        .map(|n| n as usize)
        .or(settings.and_then(|s| s.per_view))
        .unwrap_or(1)
        .min(MAX_PER_VIEW as usize);
    let section_ref = use_node_ref();
    // Only measured with several slides per view, once the carousel (not a status) is shown.
    let width = use_carousel_width(&section_ref, most_per_view > 1 && !items.is_empty());
    // While the rest of a long feed is read, the slides it is expected to have (an unread item
    // may yet turn out unusable, and the count then drops by as many): the reader can already
    // go to the last one, whose slide shows once it is read.
    let slide_count = feed.map_or(0, |feed| feed.expected_items().min(max_items));
    let per_view = slides_per_view(most_per_view, width, slide_count);
    let stops = stops(slide_count, per_view);

    let position = use_state(|| Position::new(stops, wrap));
    let current = if position.count() == stops {
        *position
    } else {
        position.resized(stops)
    };
    // Reduced motion is asked only when it matters: the query may make the browser compute
    // styles.
    let rotation = use_reducer(|| {
        RotationState(Rotation::new(
            autoplay,
            autoplay && prefers_reduced_motion(),
        ))
    });
    // The feed's `autoplay` setting arrives after the first render (a status while loading).
    {
        let (dispatcher, configured) = (rotation.dispatcher(), rotation.0.has_control());
        use_effect_with(autoplay, move |&autoplay| {
            // Nothing to say on the first render, which made the rotation from this very value.
            if autoplay != configured {
                dispatcher.dispatch(RotationEvent::Configured {
                    autoplay,
                    reduced_motion: autoplay && prefers_reduced_motion(),
                });
            }
        });
    }
    let broken_images = use_state(Vec::<String>::new);
    let announcement = use_state(String::new);
    let show_summary = options.flag("summary").unwrap_or(true);
    let refresh_ms = options.number("refresh", 2..=86_400).map(|s| s * 1_000);
    let swipe_from = use_mut_ref(|| None::<f64>);

    // A move to an item of a long feed not read yet: its change event waits for the item.
    let unannounced = use_mut_ref(|| None::<usize>);
    let go: Rc<dyn Fn(Move)> = {
        let (position, host, feed, unannounced) = (
            position.clone(),
            props.host.clone(),
            shown_feed.clone(),
            unannounced.clone(),
        );
        Rc::new(move |step: Move| {
            let next = current.apply(step);
            if next != current {
                position.set(next);
                let item = feed.as_ref().and_then(|feed| feed.items.get(next.index()));
                *unannounced.borrow_mut() = match item {
                    Some(item) => {
                        announce_change(&host, &item.id, next.index());
                        None
                    }
                    None => Some(next.index()),
                };
            }
        })
    };
    {
        let (host, unannounced) = (props.host.clone(), unannounced.clone());
        let read = items.len();
        let whole = feed.is_none_or(|feed| feed.unread_items == 0);
        // The item once it is read; or, when the feed came out shorter than expected (unusable
        // items among the unread ones), the last slide, where the position was clamped.
        let pending = (*unannounced.borrow()).and_then(|index| {
            if index < read {
                Some(index)
            } else {
                whole.then_some(current.index())
            }
        });
        let id = pending
            .and_then(|index| items.get(index))
            .map(|item| item.id.clone());
        use_effect_with(read, move |_| {
            if let (Some(index), Some(id)) = (pending, id) {
                unannounced.borrow_mut().take();
                announce_change(&host, &id, index);
            }
        });
    }

    // What a refresh needs to know of the latest render: the feed shown, the slide the reader is
    // on, and whether slides rotate (then no announcement: the live region is off too).
    let shown = use_mut_ref(|| (None::<Rc<Feed>>, 0usize, false));
    *shown.borrow_mut() = (
        shown_feed.clone(),
        current.index(),
        rotation.0.is_rotating(),
    );
    // Live feeds: fetch again every `refresh` seconds and merge by id, keeping the reader on
    // their slide; one polite announcement of what is new.
    {
        let source = match feed_source(options) {
            FeedSource::Url(url) => Some(url),
            _ => None,
        };
        let timeout = feed_timeout(options);
        let (refreshed, position, announcement, shown) = (
            refreshed.clone(),
            position.clone(),
            announcement.clone(),
            shown.clone(),
        );
        let new_items = texts.new_items;
        let locale = lang.tag().to_string();
        use_effect_with((refresh_ms, source), move |(refresh_ms, source)| {
            let timer = refresh_ms.zip(source.clone()).map(|(ms, url)| {
                gloo_timers::callback::Interval::new(ms, move || {
                    let (refreshed, position, announcement, shown) = (
                        refreshed.clone(),
                        position.clone(),
                        announcement.clone(),
                        shown.clone(),
                    );
                    let locale = locale.clone();
                    feed_cache::reload(&url, timeout, move |result| {
                        let Ok(fresh) = result else {
                            return;
                        };
                        let (before, index, rotating) = shown.borrow().clone();
                        let before_items = before
                            .as_deref()
                            .map_or(&[][..], |f| shown_items(f, max_items));
                        let fresh_items = shown_items(&fresh, max_items);
                        let followed = follow(before_items, index, fresh_items);
                        position.set(
                            Position::new(fresh_items.len(), wrap).apply(Move::To(followed.index)),
                        );
                        if followed.added > 0 && !rotating {
                            announcement.set(fill(
                                new_items,
                                &[("n", &intl::number(followed.added, &locale))],
                            ));
                        }
                        refreshed.set(Some(fresh));
                    });
                })
            });
            move || drop(timer)
        });
    }
    // Rotation: one timer per shown slide, so a manual move restarts the count.
    {
        let go = go.clone();
        let rotating = rotation.0.is_rotating() && slide_count > 1;
        use_effect_with(
            (rotating, current.index(), interval),
            move |(rotating, _, interval)| {
                let timer = rotating.then(|| Timeout::new(*interval, move || go(Move::Next)));
                move || drop(timer)
            },
        );
    }
    // A hidden page pauses rotation (and resumes it when shown again).
    {
        let rotation = rotation.dispatcher();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            let listener = document.map(|document| {
                let target = document.clone();
                EventListener::new(&target, "visibilitychange", move |_| {
                    rotation.dispatch(RotationEvent::PageHidden(document.hidden()));
                })
            });
            move || drop(listener)
        });
    }

    match &feed_state {
        FeedState::Loading => return status(catalog.loading, &lang, Tone::Busy),
        FeedState::Absent | FeedState::Failed(_) => {
            return status(texts.news_failed, &lang, Tone::Error)
        }
        FeedState::Ready(_) if items.is_empty() => return status(texts.no_news, &lang, Tone::Info),
        FeedState::Ready(_) => {}
    }

    let label = options
        .text("label")
        .map(String::from)
        .or_else(|| settings.and_then(|s| s.label.get(lang.tag()).cloned()))
        .unwrap_or_else(|| texts.label.to_string());
    let index = current.index();
    let total = intl::number(slide_count, lang.tag());
    let name_of = |i: usize| {
        fill(
            texts.slide_position,
            &[("n", &intl::number(i + 1, lang.tag())), ("total", &total)],
        )
    };

    let on_previous = {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go(Move::Previous))
    };
    let on_next = {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go(Move::Next))
    };
    let on_keydown = {
        let (go, direction, last) = (go.clone(), lang.direction(), stops.saturating_sub(1));
        Callback::from(move |event: KeyboardEvent| {
            if let Some(step) = move_for_key(&event.key(), direction, last) {
                event.prevent_default();
                go(step);
            }
        })
    };
    let on_focusin = {
        let (rotation, section_ref) = (rotation.dispatcher(), section_ref.clone());
        Callback::from(move |event: FocusEvent| {
            // Only focus arriving from outside stops rotation; moving between the carousel's
            // own controls (after the reader started it) does not.
            let section = section_ref.cast::<Element>();
            let from_inside = event
                .related_target()
                .and_then(|target| target.dyn_into::<Node>().ok())
                .zip(section)
                .is_some_and(|(from, section)| section.contains(Some(&from)));
            if !from_inside {
                rotation.dispatch(RotationEvent::FocusEntered);
            }
        })
    };
    let on_mouseenter = {
        let rotation = rotation.dispatcher();
        Callback::from(move |_: MouseEvent| rotation.dispatch(RotationEvent::Hover(true)))
    };
    let on_mouseleave = {
        let rotation = rotation.dispatcher();
        Callback::from(move |_: MouseEvent| rotation.dispatch(RotationEvent::Hover(false)))
    };
    let on_pointerdown = {
        let swipe_from = swipe_from.clone();
        Callback::from(move |event: PointerEvent| {
            *swipe_from.borrow_mut() = Some(f64::from(event.client_x()));
        })
    };
    let on_pointerup = {
        let (go, direction, swipe_from) = (go.clone(), lang.direction(), swipe_from.clone());
        Callback::from(move |event: PointerEvent| {
            let start = swipe_from.borrow_mut().take();
            if let Some(step) =
                start.and_then(|x| move_for_swipe(f64::from(event.client_x()) - x, direction))
            {
                go(step);
            }
        })
    };
    let on_pointercancel = Callback::from(move |_: PointerEvent| *swipe_from.borrow_mut() = None);

    let rotation_button = rotation.0.has_control().then(|| {
        let offers_stop = rotation.0.offers_stop();
        let dispatcher = rotation.dispatcher();
        let onclick = Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(if offers_stop {
                RotationEvent::StopRequested
            } else {
                RotationEvent::StartRequested
            })
        });
        let (name, icon) = if offers_stop {
            (texts.stop_rotation, "fw-icon fw-icon--pause")
        } else {
            (
                texts.start_rotation,
                "fw-icon fw-icon--play fw-icon--directional",
            )
        };
        html! {
            <button type="button" class="fw-carousel__button fw-carousel__rotation"
                    aria-label={name} {onclick}>
                <span class={icon} aria-hidden="true"></span>
            </button>
        }
    });

    let picker = (stops > 1 && stops <= MAX_PICKER_ITEMS).then(|| {
        html! {
            <div class="fw-carousel__picker" role="group" aria-label={texts.picker_label}>
                { for (0..stops).map(|i| {
                    let go = go.clone();
                    let is_current = i == index;
                    html! {
                        <button type="button" class="fw-carousel__dot"
                                aria-label={fill(texts.picker_slide, &[("n", &intl::number(i + 1, lang.tag()))])}
                                aria-disabled={is_current.then_some("true")}
                                aria-current={is_current.then_some("true")}
                                onclick={Callback::from(move |_: MouseEvent| go(Move::To(i)))}>
                        </button>
                    }
                }) }
            </div>
        }
    });

    let on_image_error = {
        let broken_images = broken_images.clone();
        Callback::from(move |id: String| {
            if !broken_images.contains(&id) {
                let mut next = (*broken_images).clone();
                next.push(id);
                broken_images.set(next);
            }
        })
    };
    let in_view = index..index + per_view;
    let position_text = if per_view > 1 {
        fill(
            texts.slides_position,
            &[
                ("first", &intl::number(index + 1, lang.tag())),
                ("last", &intl::number(index + per_view, lang.tag())),
                ("total", &total),
            ],
        )
    } else {
        name_of(index)
    };
    let slides = slides_in_dom(index, per_view, slide_count, wrap)
        .into_iter()
        .filter_map(|i| Some((i, items.get(i)?)))
        .map(|(i, item)| {
            let slide = Slide {
                show_summary,
                item,
                name: name_of(i),
                texts,
                lang: &lang,
                current: i == index,
                in_view: in_view.contains(&i),
                heading_level,
                image_broken: broken_images.contains(&item.id),
            };
            slide.render(&on_image_error)
        });

    html! {
        <section class="fw-carousel" aria-roledescription={texts.roledescription}
                 aria-label={label} lang={lang.tag().to_string()} dir={lang.direction().as_str()}
                 ref={section_ref} onkeydown={on_keydown} onfocusin={on_focusin}
                 onmouseenter={on_mouseenter} onmouseleave={on_mouseleave}>
            <div class="fw-carousel__controls">
                { for rotation_button }
                <button type="button" class="fw-carousel__button fw-carousel__previous"
                        aria-label={texts.previous_slide}
                        aria-disabled={(!current.has_previous()).then_some("true")}
                        onclick={on_previous}>
                    { chevron_previous() }
                </button>
                // Keyed, so each position is a new node: a translator that ignores
                // translate="no" replaces text nodes, and Yew would update the detached one.
                <p class="fw-carousel__position" aria-hidden="true"><span key={index}>{ position_text }</span></p>
                <button type="button" class="fw-carousel__button fw-carousel__next"
                        aria-label={texts.next_slide}
                        aria-disabled={(!current.has_next()).then_some("true")}
                        onclick={on_next}>
                    { chevron_next() }
                </button>
            </div>
            <div class={classes!("fw-carousel__slides", VIEW_CLASSES.get(per_view).copied())}
                 aria-live={rotation.0.live_region()}
                 onpointerdown={on_pointerdown} onpointerup={on_pointerup}
                 onpointercancel={on_pointercancel}>
                { for slides }
            </div>
            { for picker }
            <p class="fw-visually-hidden" role="status">{ (*announcement).clone() }</p>
        </section>
    }
}

/// The class laying out `n` slides side by side (index `n`; one slide needs none).
const VIEW_CLASSES: [&str; MAX_PER_VIEW as usize + 1] = [
    "",
    "",
    "fw-carousel__slides--2",
    "fw-carousel__slides--3",
    "fw-carousel__slides--4",
];

/// The carousel's width in CSS pixels, kept current by a `ResizeObserver` while `watch`; `0`
/// until measured or when not watched. It changes only when the
/// number of slides that fit does, so resizing does not re-render at every pixel.
#[hook]
fn use_carousel_width(section: &NodeRef, watch: bool) -> u32 {
    let width = use_state_eq(|| 0u32);
    {
        let (section, width) = (section.clone(), width.clone());
        use_effect_with(watch, move |&watch| {
            let observed = section
                .cast::<Element>()
                .filter(|_| watch)
                .and_then(|element| {
                    let target = element.clone();
                    let measure = Closure::<dyn FnMut()>::new(move || {
                        let px = u32::try_from(target.client_width()).unwrap_or(0);
                        // Rounded down to whole slide widths: the state changes with the layout only.
                        width.set(px / MIN_SLIDE_WIDTH_PX * MIN_SLIDE_WIDTH_PX);
                    });
                    let observer =
                        web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()).ok()?;
                    observer.observe(&element);
                    Some((observer, measure))
                });
            move || {
                if let Some((observer, _measure)) = observed {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}

/// Dispatches `fw:carousel:change` for the item `id` at `index`.
fn announce_change(host: &Element, id: &str, index: usize) {
    events::dispatch(
        host,
        "carousel",
        "change",
        &events::detail(&[("id", id.into()), ("index", (index as u32).into())]),
    );
}

/// The items a carousel showing at most `max_items` shows, first and after every refresh.
fn shown_items(feed: &Feed, max_items: usize) -> &[NewsItem] {
    &feed.items[..feed.items.len().min(max_items)]
}

/// Whether the reader asked the system for less motion.
fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// What one slide shows.
struct Slide<'a> {
    show_summary: bool,
    item: &'a NewsItem,
    name: String,
    texts: &'a CarouselTexts,
    lang: &'a Locale,
    /// The first slide in view (its image loads eagerly).
    current: bool,
    /// In view: shown, in the accessibility tree and the tab order.
    in_view: bool,
    heading_level: u32,
    image_broken: bool,
}

impl Slide<'_> {
    /// The slide. Slides other than the current one stay hidden and inert: out of the
    /// accessibility tree, the tab order and the find-in-page, never read twice.
    fn render(&self, on_image_error: &Callback<String>) -> Html {
        let item = self.item;
        let item_lang = item.language.as_deref().and_then(Lang::from_tag);
        let title = match &item.url {
            Some(url) => html! { <a href={url.clone()}>{ item.title.clone() }</a> },
            None => html! { { item.title.clone() } },
        };
        let image = item
            .image
            .as_ref()
            .filter(|_| !self.image_broken)
            .map(|image| {
                let (id, on_error) = (item.id.clone(), on_image_error.clone());
                html! {
                    <img class="fw-carousel__image" src={image.url.clone()} alt={image.alt.clone()}
                         width={image.width.map(|w| w.to_string())}
                         height={image.height.map(|h| h.to_string())}
                         loading={if self.current { "eager" } else { "lazy" }} decoding="async"
                         onerror={Callback::from(move |_: Event| on_error.emit(id.clone()))} />
                }
            });
        let date = item.published.map(|published| {
            html! {
                <p class="fw-carousel__date">
                    <time datetime={intl::iso_date(published.epoch_ms)}>
                        { intl::long_date(published.epoch_ms, self.lang.tag()) }
                    </time>
                </p>
            }
        });
        html! {
            <article key={item.id.clone()} class="fw-carousel__slide" role="group"
                     aria-roledescription={self.texts.slide_roledescription}
                     aria-label={self.name.clone()}
                     hidden={!self.in_view} inert={!self.in_view}
                     lang={item.language.clone()}
                     dir={item_lang.map(|l| l.direction().as_str())}>
                { image }
                <@{format!("h{}", self.heading_level)} class="fw-carousel__title">{ title }</@>
                { date }
                if let Some(summary) = item.summary.as_ref().filter(|_| self.show_summary) {
                    <p class="fw-carousel__summary">{ summary.clone() }</p>
                }
            </article>
        }
    }
}
