//! The news carousel: one slide at a time, previous and next buttons, a position indicator.

pub mod input;
pub mod refresh;
pub mod rotation;
pub mod state;

use yew::prelude::*;

use self::state::{Move, Position};
use super::icons::{chevron_next, chevron_previous};
use super::status::{status, Tone};
use super::{use_widget_feed, widget_language, FeedState, WidgetProps};
use crate::embed::WidgetKind;
use crate::feed::NewsItem;
use crate::i18n::{fill, Catalog, Lang, Locale};
use crate::platform::{events, intl};

/// Slides shown when neither the page nor the feed says.
const DEFAULT_MAX_ITEMS: usize = 20;

/// Renders the news carousel.
#[component]
pub fn Carousel(props: &WidgetProps) -> Html {
    let feed_state = use_widget_feed(&props.options, WidgetKind::Carousel);
    let feed = feed_state.feed();
    let lang = widget_language(&props.options, feed);
    let catalog = lang.catalog();
    let settings = feed.and_then(|feed| feed.widgets.carousel.as_ref());
    let max_items = props
        .options
        .number("max-items", 1..=1_000)
        .map(|n| n as usize)
        .or(settings.and_then(|s| s.max_items))
        .unwrap_or(DEFAULT_MAX_ITEMS);
    let wrap = props.options.flag("loop").unwrap_or(true);
    let items: &[NewsItem] =
        feed.map_or(&[], |feed| &feed.items[..feed.items.len().min(max_items)]);
    let position = use_state(|| Position::new(items.len(), wrap));
    let current = if position.count() == items.len() {
        *position
    } else {
        position.resized(items.len())
    };

    let go = {
        let (position, host) = (position.clone(), props.host.clone());
        let ids: Vec<String> = items.iter().map(|item| item.id.clone()).collect();
        move |step: Move| {
            let next = current.apply(step);
            if next != current {
                position.set(next);
                let id = ids.get(next.index()).cloned().unwrap_or_default();
                events::dispatch(
                    &host,
                    "carousel",
                    "change",
                    &events::detail(&[("id", id.into()), ("index", (next.index() as u32).into())]),
                );
            }
        }
    };

    match &feed_state {
        FeedState::Loading => {
            return status(catalog.loading, &lang, Tone::Busy);
        }
        FeedState::Absent | FeedState::Failed(_) => {
            return status(catalog.carousel.news_failed, &lang, Tone::Error);
        }
        FeedState::Ready(_) if items.is_empty() => {
            return status(catalog.carousel.no_news, &lang, Tone::Info);
        }
        FeedState::Ready(_) => {}
    }

    let label = props
        .options
        .text("label")
        .map(String::from)
        .or_else(|| settings.and_then(|s| s.label.get(lang.tag()).cloned()))
        .unwrap_or_else(|| catalog.carousel.label.to_string());
    let index = current.index();
    let total = intl::number(items.len(), lang.tag());
    let slide_name = fill(
        catalog.carousel.slide_position,
        &[
            ("n", &intl::number(index + 1, lang.tag())),
            ("total", &total),
        ],
    );
    let on_previous = {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go(Move::Previous))
    };
    let on_next = Callback::from(move |_: MouseEvent| go(Move::Next));

    html! {
        <section class="fw-carousel" aria-roledescription={catalog.carousel.roledescription}
                 aria-label={label} lang={lang.tag().to_string()} dir={lang.direction().as_str()}>
            <div class="fw-carousel__controls">
                <button type="button" class="fw-carousel__button fw-carousel__previous"
                        aria-label={catalog.carousel.previous_slide}
                        aria-disabled={(!current.has_previous()).then_some("true")}
                        onclick={on_previous}>
                    { chevron_previous() }
                </button>
                <p class="fw-carousel__position" aria-hidden="true">{ slide_name.clone() }</p>
                <button type="button" class="fw-carousel__button fw-carousel__next"
                        aria-label={catalog.carousel.next_slide}
                        aria-disabled={(!current.has_next()).then_some("true")}
                        onclick={on_next}>
                    { chevron_next() }
                </button>
            </div>
            <div class="fw-carousel__slides" aria-live="polite">
                { slide(&items[index], &slide_name, catalog, &lang, index == 0) }
            </div>
        </section>
    }
}

/// One slide. Only the current slide is in the DOM, so hidden slides can never be focused or
/// read.
fn slide(item: &NewsItem, name: &str, catalog: &Catalog, lang: &Locale, first: bool) -> Html {
    let item_lang = item.language.as_deref().and_then(Lang::from_tag);
    let title = match &item.url {
        Some(url) => html! { <a href={url.clone()}>{ item.title.clone() }</a> },
        None => html! { { item.title.clone() } },
    };
    let image = item.image.as_ref().map(|image| {
        html! {
            <img class="fw-carousel__image" src={image.url.clone()} alt={image.alt.clone()}
                 width={image.width.map(|w| w.to_string())} height={image.height.map(|h| h.to_string())}
                 loading={if first { "eager" } else { "lazy" }} decoding="async" />
        }
    });
    let date = item.published.map(|published| {
        html! {
            <p class="fw-carousel__date">
                <time datetime={intl::iso_date(published.epoch_ms)}>
                    { intl::long_date(published.epoch_ms, lang.tag()) }
                </time>
            </p>
        }
    });
    html! {
        <article key={item.id.clone()} class="fw-carousel__slide" role="group"
                 aria-roledescription={catalog.carousel.slide_roledescription} aria-label={name.to_string()}
                 lang={item.language.clone()}
                 dir={item_lang.map(|l| l.direction().as_str())}>
            { image }
            <h3 class="fw-carousel__title">{ title }</h3>
            { date }
            if let Some(summary) = &item.summary {
                <p class="fw-carousel__summary">{ summary.clone() }</p>
            }
        </article>
    }
}
