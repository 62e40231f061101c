//! The translation disclaimer banner: shown while a machine translator rewrites the page, in
//! the widget's own vetted words, with a dismiss button.

pub mod state;

use yew::prelude::*;

use self::state::DisclaimerState;
use super::icons::close;
use super::{use_widget_feed, widget_language, FeedState, WidgetProps};
use crate::embed::WidgetKind;
use crate::i18n::fill;
use crate::platform::{events, translation};

/// Renders the disclaimer banner.
#[component]
pub fn Disclaimer(props: &WidgetProps) -> Html {
    let feed_state = use_widget_feed(&props.options, WidgetKind::Disclaimer);
    let feed = feed_state.feed();
    let lang = widget_language(&props.options, feed);
    let catalog = lang.catalog();
    let translated = use_state(translation::is_translated);
    let dismissed = use_state(|| false);
    {
        let translated = translated.clone();
        use_effect_with((), move |_| {
            let watcher = translation::TranslationWatcher::start(move |now| {
                if *translated != now {
                    translated.set(now);
                }
            });
            move || drop(watcher)
        });
    }
    let state = DisclaimerState {
        translated: *translated,
        dismissed: *dismissed,
    };
    let visible = state.visible() && !matches!(feed_state, FeedState::Loading);
    {
        let (host, language) = (props.host.clone(), lang.tag().to_string());
        use_effect_with(visible, move |visible| {
            if *visible {
                events::dispatch(
                    &host,
                    "disclaimer",
                    "shown",
                    &events::detail(&[("language", language.as_str().into())]),
                );
            }
        });
    }
    if !visible {
        return html! {};
    }
    let settings = feed.and_then(|feed| feed.widgets.disclaimer.as_ref());
    let organization = props
        .options
        .text("org")
        .map(String::from)
        .or_else(|| settings.and_then(|s| s.organization.clone()));
    let text = settings
        .and_then(|s| s.text.get(lang.tag()).cloned())
        .unwrap_or_else(|| match &organization {
            Some(org) => fill(catalog.disclaimer.with_org, &[("org", org)]),
            None => catalog.disclaimer.without_org.to_string(),
        });
    let on_dismiss = {
        let (dismissed, host) = (dismissed.clone(), props.host.clone());
        Callback::from(move |_: MouseEvent| {
            dismissed.set(true);
            events::dispatch(
                &host,
                "disclaimer",
                "dismissed",
                &wasm_bindgen::JsValue::NULL,
            );
        })
    };
    html! {
        <div class="fw-disclaimer" role="region" aria-label={catalog.disclaimer.label}
             lang={lang.tag().to_string()} dir={lang.direction().as_str()} data-nosnippet="">
            <p class="fw-disclaimer__text">{ text }</p>
            <button type="button" class="fw-disclaimer__dismiss" aria-label={catalog.disclaimer.dismiss}
                    onclick={on_dismiss}>
                { close() }
            </button>
        </div>
    }
}
