//! The feedback rating widget: a native radio group of five answers and a send button (or
//! sending on choice when `compact`), an optional comment step, and an outbox so that no
//! rating is lost when the network or the collector is down.

mod delivery;
pub mod outbox;
pub mod payload;
pub mod remember;
pub mod state;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use self::outbox::Outcome;
use self::payload::{redacted_path, submission_key, uuid_v4, Payload};
use self::state::{Action, FeedbackState, Phase};
use super::status::{status, Tone};
use super::{use_widget_feed, widget_language, FeedState, FeedUse, WidgetProps};
use crate::platform::{console, events, page, storage, translation, url::page_web_url};

/// Longest comment, in UTF-16 code units as `maxlength` counts (the collector's default).
const MAX_COMMENT: u32 = 1000;

/// The widget's custom element name (the name it logs under, too).
pub const ELEMENT: &str = "fw-feedback";

/// How the widget reads its feed: without one it falls back to its attributes and built-in texts.
const FEED_USE: FeedUse = FeedUse {
    widget: ELEMENT,
    required: false,
};

/// Renders the feedback widget.
#[component]
pub fn Feedback(props: &WidgetProps) -> Html {
    let options = &props.options;
    let feed_state = use_widget_feed(options, FEED_USE);
    let feed = feed_state.feed();
    let lang = widget_language(options, feed);
    let catalog = lang.catalog();
    let texts = &catalog.feedback;
    let settings = feed.and_then(|feed| feed.widgets.feedback.as_ref());
    let with_comment = options
        .flag("comment")
        .or_else(|| settings.and_then(|s| s.comment))
        .unwrap_or(false);
    let compact = options.flag("compact").unwrap_or(false);
    let remember_key = remember::key(
        options.get("remember-scope") == Some("page"),
        &redacted_path(&page::path()),
    );
    let remember_days = options
        .number("remember-days", 0..=3650)
        .unwrap_or(remember::DEFAULT_DAYS);
    // Whether this visitor already rated is read once, when the widget mounts.
    let state = use_state(|| {
        let stored = storage::get(&remember_key);
        let now = js_sys::Date::now() as u64;
        FeedbackState {
            phase: if remember::remembered(stored.as_deref(), now, remember_days) {
                Phase::Already
            } else {
                Phase::Choosing
            },
            ..FeedbackState::new(false, compact)
        }
    });
    // The comment setting may come with the feed, after the first render.
    let state_now = FeedbackState {
        with_comment,
        ..*state
    };
    // The state as of the last action, ahead of the next render: a choice and a submit in the
    // same task (a script, a fast double event) must see each other.
    let latest = use_mut_ref(|| state_now);
    *latest.borrow_mut() = state_now;
    let shown_at = use_memo((), |_| js_sys::Date::now());
    let submission = use_mut_ref(|| None::<(String, String)>);
    // Set from the first submit until the answer, so a double click sends once even before
    // the disabled button is rendered.
    let in_flight = use_mut_ref(|| false);
    let comment_ref = use_node_ref();
    let message_ref = use_node_ref();
    let thanks_ref = use_node_ref();
    let honeypot_ref = use_node_ref();
    // What the `online` listener calls: the latest render's actions while a retry is possible.
    let retry = use_mut_ref(|| None::<Callback<Action>>);

    // Focus follows the outcome: to the heading that thanks, or to the message.
    {
        let (message_ref, thanks_ref) = (message_ref.clone(), thanks_ref.clone());
        use_effect_with(state.phase, move |phase| {
            let target = match phase {
                Phase::Thanked | Phase::Comment => thanks_ref.cast::<HtmlElement>(),
                Phase::Failed | Phase::Queued => message_ref.cast::<HtmlElement>(),
                _ => None,
            };
            if let Some(target) = target {
                let _ = target.focus();
            }
        });
    }

    // What waits in the outbox (from this page or an earlier one) goes now, and again when the
    // browser is back online; the listener goes with the widget.
    {
        let retry = retry.clone();
        use_effect_with((), move |_| {
            delivery::flush(true);
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "online", move |_| {
                    let pending = retry.borrow().clone();
                    if let Some(retry) = pending {
                        retry.emit(Action::Submit);
                    }
                    delivery::flush(true);
                })
            });
            move || drop(listener)
        });
    }

    let endpoint = options
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

    let tag = lang.tag().to_string();
    let dir = lang.direction().as_str();
    match (&feed_state, &endpoint) {
        (FeedState::Loading, _) => return status(catalog.loading, &lang, Tone::Busy),
        (_, None) => return status(texts.unavailable, &lang, Tone::Error),
        _ if state.phase == Phase::Already => return status(texts.already, &lang, Tone::Info),
        _ => {}
    }
    let endpoint = endpoint.unwrap_or_default();

    if state.phase == Phase::Thanked {
        *retry.borrow_mut() = None;
        return html! {
            <div class="fw-feedback" role="status" lang={tag} {dir}>
                <h2 class="fw-feedback__thanks" tabindex="-1" ref={thanks_ref}>{ texts.thanks }</h2>
            </div>
        };
    }

    // Every change goes through here; a change into `Sending` sends.
    let act = {
        let state = state.clone();
        let host = props.host.clone();
        let shown_at = *shown_at;
        let widget_language = tag.clone();
        let comment_ref = comment_ref.clone();
        let honeypot_ref = honeypot_ref.clone();
        let latest = latest.clone();
        Callback::from(move |action: Action| {
            if *in_flight.borrow() {
                return;
            }
            let before = *latest.borrow();
            let next = before.apply(action);
            *latest.borrow_mut() = next;
            state.set(next);
            let chose = matches!(action, Action::Choose(_)) && next.rating != before.rating;
            let sends = next.phase == Phase::Sending && before.phase != Phase::Sending;
            let (Some(rating), true) = (next.rating, chose || sends) else {
                return;
            };
            let (id, key) = submission_for(&submission);
            let detail = events::detail(&[
                ("submission_id", id.clone().into()),
                ("rating", rating.into()),
            ]);
            if chose {
                events::dispatch(&host, "feedback", "rated", &detail);
            }
            if !sends {
                return;
            }
            *in_flight.borrow_mut() = true;
            let comment = comment_ref
                .cast::<HtmlTextAreaElement>()
                .map(|area| area.value())
                .unwrap_or_default();
            let comment = comment.trim();
            let body = Payload {
                submission_id: id.clone(),
                submission_key: key,
                rating,
                page: redacted_path(&page::path()),
                page_language: page::original_language().unwrap_or_else(|| "und".into()),
                widget_language: widget_language.clone(),
                translated: translation::is_translated(),
                elapsed_ms: (js_sys::Date::now() - shown_at).max(0.0) as u64,
                comment: (next.rated && !comment.is_empty()).then(|| comment.to_string()),
                honeypot: honeypot_ref
                    .cast::<HtmlInputElement>()
                    .map(|input| input.value())
                    .unwrap_or_default(),
            }
            .to_json();
            let (state, host, endpoint) = (state.clone(), host.clone(), endpoint.clone());
            let (in_flight, remember_key) = (in_flight.clone(), remember_key.clone());
            let latest = latest.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = delivery::deliver(&endpoint, &id, &body).await;
                *in_flight.borrow_mut() = false;
                // While a submission is in flight nothing else can change the form (the choice
                // is frozen), so the outcome is applied to the state it was sent from.
                let (action, event) = match outcome {
                    Some(Outcome::Delivered) => (Action::Sent, "submitted"),
                    Some(Outcome::Final) => (Action::SendFailed, "error"),
                    _ => (Action::Queued, "error"),
                };
                if action != Action::SendFailed && !next.rated {
                    // Delivered or safely queued: this visitor has rated.
                    storage::set(&remember_key, &remember::stamp(js_sys::Date::now() as u64));
                }
                let _ = js_sys::Reflect::set(
                    &detail,
                    &"queued".into(),
                    &(action == Action::Queued).into(),
                );
                let done = next.apply(action);
                *latest.borrow_mut() = done;
                state.set(done);
                events::dispatch(&host, "feedback", event, &detail);
            });
        })
    };
    *retry.borrow_mut() = (state.phase == Phase::Queued).then(|| act.clone());

    let sending = state.phase == Phase::Sending;
    // A final refusal: the same submission would only be refused again, so the form stays as
    // it was sent, without a button.
    let refused = state.phase == Phase::Failed;
    let button_text = match state.phase {
        Phase::Sending => texts.sending,
        Phase::Queued => texts.retry,
        _ => texts.submit,
    };
    let message = match state.phase {
        Phase::Failed if state.rated => Some(texts.comment_refused),
        Phase::Failed => Some(texts.refused),
        Phase::Queued => Some(texts.queued),
        _ if state.needs_choice => Some(texts.choose_rating),
        _ => None,
    };
    // Queued is not an error: the answer is safe on this device, and the message says so.
    let class = if state.phase == Phase::Queued {
        "fw-feedback__message fw-feedback__message--queued"
    } else {
        "fw-feedback__message"
    };
    let message = message.map(|message| {
        // Keyed by the text: a translator that ignores translate="no" replaces text nodes, and
        // Yew would go on updating the detached one.
        html! { <p {class} role="alert" tabindex="-1" ref={message_ref} key={message}>{ message }</p> }
    });
    let on_submit = act.reform(|event: SubmitEvent| {
        event.prevent_default();
        Action::Submit
    });
    // The honeypot: a field people never see nor reach (off-screen, hidden from assistive
    // technology, out of the tab order) that form-filling robots do fill in.
    let honeypot = html! {
        <div class="fw-feedback__hp" aria-hidden="true">
            <label>{ "Website" }<input type="text" name="website" tabindex="-1" autocomplete="off" ref={honeypot_ref} /></label>
        </div>
    };
    let button =
        (!refused && (!compact || state.rated || message.is_some() || sending)).then(|| {
            html! {
                <button type="submit" class="fw-feedback__submit" disabled={sending}>
                    <span key={button_text}>{ button_text }</span>
                </button>
            }
        });

    if state.rated {
        // The field is the browser's (uncontrolled); the state only keeps its length.
        let on_input = act.reform(|event: InputEvent| {
            let length = event
                .target_dyn_into::<HtmlTextAreaElement>()
                .map_or(0, |area| area.value().encode_utf16().count());
            Action::Typed(u16::try_from(length).unwrap_or(u16::MAX))
        });
        let count = state.comment_len;
        let on_skip = act.reform(|_: MouseEvent| Action::Skip);
        return html! {
            <form class="fw-feedback" lang={tag} {dir} novalidate=true onsubmit={on_submit}
                  aria-busy={sending.then_some("true")}>
                <div role="status">
                    <h2 class="fw-feedback__thanks" tabindex="-1" ref={thanks_ref}>{ texts.comment_heading }</h2>
                </div>
                <label class="fw-feedback__label" for="fw-comment">{ texts.comment_label }</label>
                <p class="fw-feedback__hint" id="fw-comment-hint">{ texts.comment_hint }</p>
                <textarea id="fw-comment" rows="4" maxlength={MAX_COMMENT.to_string()}
                          aria-describedby="fw-comment-hint fw-comment-count" ref={comment_ref}
                          oninput={on_input} readonly={sending || refused} />
                <p class="fw-feedback__count" id="fw-comment-count">{ format!("{count} / {MAX_COMMENT}") }</p>
                { honeypot }
                { for message }
                <div class="fw-feedback__actions">
                    { for button }
                    if state.phase == Phase::Comment {
                        <button type="button" class="fw-feedback__skip" onclick={on_skip}>{ texts.skip }</button>
                    }
                </div>
            </form>
        };
    }

    let question = options
        .text("question")
        .map(String::from)
        .or_else(|| settings.and_then(|s| s.question.get(lang.tag()).cloned()))
        .unwrap_or_else(|| texts.question.to_string());
    let labels: [String; 5] = settings
        .and_then(|s| s.labels.get(lang.tag()).cloned())
        .unwrap_or_else(|| texts.labels.map(String::from));
    let on_change = act.reform(|event: Event| {
        let rating = event
            .target_dyn_into::<HtmlInputElement>()
            .and_then(|input| input.value().parse::<u8>().ok());
        Action::Choose(rating.unwrap_or(0))
    });

    html! {
        <form class="fw-feedback" lang={tag} {dir} novalidate=true
              onsubmit={on_submit} aria-busy={sending.then_some("true")}>
            <fieldset disabled={sending || refused}>
                <legend>{ question }</legend>
                <div class="fw-feedback__scale">
                    { for labels.iter().enumerate().map(|(i, label)| option(i as u8 + 1, label, state.rating, &on_change)) }
                </div>
            </fieldset>
            { honeypot }
            { for message }
            if let Some(button) = button {
                <div class="fw-feedback__actions">{ button }</div>
            }
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

/// The widget's submission id and key, made once so a retry, and the comment, are the same
/// submission from the same sender.
fn submission_for(slot: &Rc<RefCell<Option<(String, String)>>>) -> (String, String) {
    slot.borrow_mut()
        .get_or_insert_with(|| {
            (
                uuid_v4(delivery::random_16()),
                submission_key(delivery::random_16()),
            )
        })
        .clone()
}
