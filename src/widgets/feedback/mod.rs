//! The feedback rating widget: a native radio group of five answers and a send button that
//! posts the rating as JSON to the collector.

pub mod payload;
pub mod state;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use self::payload::{redacted_path, uuid_v4, Payload};
use self::state::{Action, FeedbackState, Phase};
use super::status::{status, Tone};
use super::{use_widget_feed, widget_language, FeedState, WidgetProps};
use crate::embed::WidgetKind;
use crate::platform::{console, events, page, random, translation, url::page_web_url};

/// Time a rating may take to reach the collector, in milliseconds.
const SEND_TIMEOUT_MS: u32 = 15_000;

/// Renders the feedback widget.
#[component]
pub fn Feedback(props: &WidgetProps) -> Html {
    let feed_state = use_widget_feed(&props.options, WidgetKind::Feedback);
    let feed = feed_state.feed();
    let lang = widget_language(&props.options, feed);
    let catalog = lang.catalog();
    let settings = feed.and_then(|feed| feed.widgets.feedback.as_ref());
    let state = use_state(FeedbackState::default);
    let shown_at = use_memo((), |_| js_sys::Date::now());
    let submission_id = use_mut_ref(|| None::<String>);
    // Set from the first submit until the answer, so a double click sends once even before
    // the disabled button is rendered.
    let in_flight = use_mut_ref(|| false);
    let message_ref = use_node_ref();
    let thanks_ref = use_node_ref();

    // Focus follows the outcome: to the thank-you heading, or to the error message.
    {
        let (message_ref, thanks_ref) = (message_ref.clone(), thanks_ref.clone());
        use_effect_with(state.phase, move |phase| {
            let target = match phase {
                Phase::Thanked => thanks_ref.cast::<HtmlElement>(),
                Phase::Failed => message_ref.cast::<HtmlElement>(),
                _ => None,
            };
            if let Some(target) = target {
                let _ = target.focus();
            }
        });
    }

    let endpoint = props
        .options
        .text("endpoint")
        .and_then(page_web_url)
        .or_else(|| settings.and_then(|s| s.endpoint.clone()));

    let missing_endpoint =
        endpoint.is_none() && matches!(feed_state, FeedState::Ready(_) | FeedState::Absent);
    use_effect_with(missing_endpoint, |missing| {
        if *missing {
            console::error("fw-feedback widget: no endpoint (set the endpoint attribute or _widgets.feedback.endpoint)");
        }
    });

    match (&feed_state, &endpoint) {
        (FeedState::Loading, _) => return status(catalog.loading, &lang, Tone::Busy),
        (_, None) => return status(catalog.feedback.unavailable, &lang, Tone::Error),
        _ => {}
    }
    let endpoint = endpoint.unwrap_or_default();

    if state.phase == Phase::Thanked {
        return html! {
            <div class="fw-feedback" role="status" lang={lang.tag().to_string()} dir={lang.direction().as_str()}>
                <h2 class="fw-feedback__thanks" tabindex="-1" ref={thanks_ref}>{ catalog.feedback.thanks }</h2>
            </div>
        };
    }

    let question = props
        .options
        .text("question")
        .map(String::from)
        .or_else(|| settings.and_then(|s| s.question.get(lang.tag()).cloned()))
        .unwrap_or_else(|| catalog.feedback.question.to_string());
    let labels: [String; 5] = settings
        .and_then(|s| s.labels.get(lang.tag()).cloned())
        .unwrap_or_else(|| catalog.feedback.labels.map(String::from));
    let sending = state.phase == Phase::Sending;

    let on_change = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target()
                .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
                .and_then(|input| input.value().parse::<u8>().ok());
            if let Some(rating) = value {
                state.set(state.apply(Action::Choose(rating)));
            }
        })
    };

    let on_submit = {
        let state = state.clone();
        let host = props.host.clone();
        let shown_at = *shown_at;
        let widget_language = lang.tag().to_string();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *in_flight.borrow() {
                return;
            }
            let sending = state.apply(Action::Submit);
            state.set(sending);
            let (Phase::Sending, Some(rating)) = (sending.phase, sending.rating) else {
                return;
            };
            *in_flight.borrow_mut() = true;
            let payload = Payload {
                submission_id: submission_id_for(&submission_id),
                rating,
                page: redacted_path(&page::path()),
                page_language: page::original_language().unwrap_or_else(|| "und".into()),
                widget_language: widget_language.clone(),
                translated: translation::is_translated(),
                elapsed_ms: (js_sys::Date::now() - shown_at).max(0.0) as u64,
            };
            send(
                payload,
                endpoint.clone(),
                (state.clone(), sending),
                host.clone(),
                in_flight.clone(),
            );
        })
    };

    let button_text = match state.phase {
        Phase::Sending => catalog.feedback.sending,
        Phase::Failed => catalog.feedback.retry,
        _ => catalog.feedback.submit,
    };
    let message = if state.phase == Phase::Failed {
        Some(catalog.feedback.send_failed)
    } else if state.needs_choice {
        Some(catalog.feedback.choose_rating)
    } else {
        None
    };

    html! {
        <form class="fw-feedback" lang={lang.tag().to_string()} dir={lang.direction().as_str()} novalidate=true
              onsubmit={on_submit} aria-busy={sending.then_some("true")}>
            <fieldset disabled={sending}>
                <legend>{ question }</legend>
                <div class="fw-feedback__scale">
                    { for labels.iter().enumerate().map(|(i, label)| option(i as u8 + 1, label, state.rating, &on_change)) }
                </div>
            </fieldset>
            if let Some(message) = message {
                <p class="fw-feedback__message" role="alert" tabindex="-1" ref={message_ref}>{ message }</p>
            }
            <div class="fw-feedback__actions">
                <button type="submit" class="fw-feedback__submit" disabled={sending}>{ button_text }</button>
            </div>
        </form>
    }
}

fn option(value: u8, label: &str, chosen: Option<u8>, on_change: &Callback<Event>) -> Html {
    html! {
        <label class="fw-feedback__option">
            <input type="radio" name="rating" value={value.to_string()} checked={chosen == Some(value)}
                   onchange={on_change.clone()} />
            <span>{ label.to_string() }</span>
        </label>
    }
}

/// The widget's submission id, made once so a retry is the same submission.
fn submission_id_for(slot: &Rc<RefCell<Option<String>>>) -> String {
    slot.borrow_mut()
        .get_or_insert_with(|| {
            // Without Web Crypto a time-and-Math.random id is still unique enough per visitor.
            let bytes = random::random_bytes().unwrap_or_else(|| {
                let mut bytes = [0u8; 16];
                for (i, byte) in bytes.iter_mut().enumerate() {
                    *byte = ((js_sys::Math::random() * 256.0) as u8) ^ (i as u8);
                }
                bytes
            });
            uuid_v4(bytes)
        })
        .clone()
}

fn send(
    payload: Payload,
    endpoint: String,
    // While a rating is in flight nothing else can change the form (the choice is frozen), so
    // the outcome is applied to the state it was sent from.
    (state, sending): (UseStateHandle<FeedbackState>, FeedbackState),
    host: web_sys::Element,
    in_flight: Rc<RefCell<bool>>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let body = payload.to_json();
        let detail = events::detail(&[
            ("submission_id", payload.submission_id.clone().into()),
            ("rating", payload.rating.into()),
        ]);
        let outcome = crate::platform::fetch::post_json(&endpoint, &body, SEND_TIMEOUT_MS).await;
        *in_flight.borrow_mut() = false;
        match outcome {
            Ok(status) if (200..300).contains(&status) => {
                state.set(sending.apply(Action::Sent));
                events::dispatch(&host, "feedback", "submitted", &detail);
            }
            outcome => {
                let reason = match outcome {
                    Ok(status) => format!("the collector answered HTTP {status}"),
                    Err(reason) => reason,
                };
                console::error(&format!("fw-feedback widget: {endpoint}: {reason}"));
                state.set(sending.apply(Action::SendFailed));
                events::dispatch(&host, "feedback", "error", &detail);
            }
        }
    });
}
