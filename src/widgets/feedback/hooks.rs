//! The feedback widget's effects, one concern per hook: remembering a rating, moving the focus,
//! flushing the outbox, sending.
//!
//! Each is one of Yew's hooks set up, so each is a plain function that returns it, which the
//! component runs as it runs any hook: a `#[hook]` would wrap it in one more hook of its own,
//! more code in the Wasm for nothing.

use gloo_events::EventListener;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::super::{use_effect_on, use_kept, Kept};
use super::delivery;
use super::outbox::Outcome;
use super::payload::{redacted_path, submission_key, uuid_v4, Payload};
use super::remember;
use super::state::{Action, FeedbackState, Phase};
use crate::platform::events::{self, WidgetEvent};
use crate::platform::{page, storage, translation};

/// What the widget keeps across renders: the form's state and its submission's id, key and
/// first-shown time, in one [`Kept`] (each kept type is another copy of Yew's hook state
/// code, and a `use_reducer` one more copy of its reducer code).
pub struct Held {
    /// The form's state.
    pub form: FeedbackState,
    /// The submission's id and key (see [`submission_for`]), once made; `None` again after a
    /// reset.
    pub ids: Option<(String, String)>,
    /// When the form was first shown (ms since the epoch).
    pub shown_at: f64,
    /// Whether the last render found no endpoint (said once on the console each time it
    /// becomes so).
    pub no_endpoint: bool,
}

/// The widget's [`Held`] state.
pub type Form = Kept<Held>;

/// The widget's submission id and key, made once, so that a retry and the comment are the
/// same submission from the same sender.
pub fn submission_for(state: &Form) -> (String, String) {
    state
        .now_mut()
        .ids
        .get_or_insert_with(|| {
            (
                uuid_v4(delivery::random_16()),
                submission_key(delivery::random_16()),
            )
        })
        .clone()
}

/// Applies `action` at once, so a choice and a submit in one task (a script, two events) see
/// each other; renders only when it changed something.
pub fn act(state: &Form, action: Action) {
    state.update(|held| held.form.change(action));
}

/// The form's state, which starts as [`Phase::Already`] when this visitor already rated (a
/// stamp under `key` younger than `days`), else as `fresh`. Storage is read once, when the
/// widget mounts: a rating in another widget later does not replace this one's form.
pub fn use_remembered(key: &str, days: u32, fresh: FeedbackState) -> impl Hook<Output = Form> + '_ {
    use_kept(move || {
        let stored = storage::get(key);
        let now = js_sys::Date::now() as u64;
        let form = if remember::remembered(stored.as_deref(), now, days) {
            // Remembered as soon as it was queued: say so while it still waits.
            let phase = if delivery::waiting(None) {
                Phase::Saved
            } else {
                Phase::Already
            };
            FeedbackState { phase, ..fresh }
        } else {
            fresh
        };
        Held {
            form,
            ids: None,
            shown_at: js_sys::Date::now(),
            no_endpoint: false,
        }
    })
}

/// Focus follows the outcome: to the heading that thanks, or to the message.
pub fn use_focus_follows(
    phase: Phase,
    message: &NodeRef,
    thanks: &NodeRef,
) -> impl Hook<Output = ()> {
    let (message, thanks) = (message.clone(), thanks.clone());
    // The phase as a number: the widget's effects all depend on a `u32`, so the comparison
    // code is compiled once for them, not once per type.
    use_effect_on(phase as u32, move |_| {
        let target = match phase {
            Phase::Thanked | Phase::Comment => thanks.cast::<HtmlElement>(),
            Phase::Failed | Phase::Queued => message.cast::<HtmlElement>(),
            _ => None,
        };
        if let Some(target) = target {
            let _ = target.focus();
        }
    })
}

/// What waits in the outbox (from this page or an earlier one) goes when the widget mounts,
/// and again when the browser is back online; then this widget's own waiting submission is
/// sent again by the widget, so that it shows the answer. The listener goes with the widget.
///
/// Keyed on the form's resets: after `reset()` the old submission is let go (the page's flush
/// and retry timer deliver it if it still waits) and the new one is followed.
pub fn use_outbox_flush(state: &Form) -> impl Hook<Output = ()> {
    let resets = state.now().form.resets;
    let state = state.clone();
    use_effect_on(u32::from(resets), move |_| {
        let (id, _) = submission_for(&state);
        delivery::own(&id, true);
        delivery::flush(true);
        // The widget follows the outbox: after a delivery from this page (the retry timer,
        // the page's flush) and after any storage change from another tab. Another tab takes
        // a submission out when it is delivered or, rarely (a conflict), refused for good; a
        // storage event cannot tell which, and the common case is the one shown.
        // One closure type for the three listeners: each type is another copy of the
        // listener's setup code.
        let listen = |window: &web_sys::Window, name: &'static str, online: bool| {
            let (state, id) = (state.clone(), id.clone());
            EventListener::new(window, name, move |_| {
                if online {
                    // Sends again only what waits: the reducer sees the state as it is now.
                    act(&state, Action::Reconnected);
                    delivery::flush_online();
                    return;
                }
                if !delivery::waiting(Some(&id)) {
                    act(&state, Action::Delivered);
                }
                if !delivery::waiting(None) {
                    act(&state, Action::Emptied);
                }
            })
        };
        let listeners = web_sys::window().map(|window| {
            [
                listen(&window, "storage", false),
                listen(&window, delivery::DELIVERED, false),
                listen(&window, "online", true),
            ]
        });
        move || {
            delivery::own(&id, false);
            drop(listeners);
        }
    })
}

/// What a submission carries besides the form's state.
pub struct Sending {
    /// Where it goes.
    pub endpoint: String,
    /// Whether the comment step follows the rating, as the options say now.
    pub with_comment: bool,
    /// The widget's element: the outcome is dispatched on it.
    pub host: Element,
    /// The language the widget speaks.
    pub language: String,
    /// Where the rating is remembered once it is safe.
    pub remember_key: String,
    /// The comment field, when shown.
    pub comment: NodeRef,
    /// The honeypot field.
    pub honeypot: NodeRef,
}

/// Sends the rating, or the comment, each time the form goes into its sending phase, and
/// applies the answer: thanks, the comment step, a final refusal or a place in the outbox.
pub fn use_submission(state: &Form, sending: Sending) -> impl Hook<Output = ()> {
    let (now, state) = (state.now().form, state.clone());
    // `sends` counts the moves into the sending phase, so each one sends once.
    use_effect_on(u32::from(now.sends), move |_| {
        if now.phase == Phase::Sending {
            send(state, now, sending);
        }
    })
}

fn send(state: Form, now: FeedbackState, sending: Sending) {
    let Some(rating) = now.rating else {
        return;
    };
    let rated = now.rated;
    let (id, key) = submission_for(&state);
    let comment = sending
        .comment
        .cast::<HtmlTextAreaElement>()
        .map(|area| area.value())
        .unwrap_or_default();
    let comment = comment.trim();
    let honeypot = sending
        .honeypot
        .cast::<HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default();
    // Borrowed by the payload, not copied into it (size).
    let body = Payload {
        submission_id: &id,
        submission_key: &key,
        rating,
        page: &redacted_path(&page::path()),
        page_language: page::original_language().as_deref().unwrap_or("und"),
        widget_language: &sending.language,
        translated: translation::is_translated(),
        elapsed_ms: (js_sys::Date::now() - state.now().shown_at).max(0.0) as u64,
        comment: Some(comment).filter(|comment| rated && !comment.is_empty()),
        honeypot: &honeypot,
    }
    .to_json();
    let (endpoint, host, remember_key) = (sending.endpoint, sending.host, sending.remember_key);
    let with_comment = sending.with_comment;
    let sent_id = id.clone();
    let then = Box::new(move |outcome: Option<Outcome>| {
        // While a submission is in flight nothing else can change the form (the choice is
        // frozen), so the answer applies to the state it was sent from.
        let (action, event) = match outcome {
            Some(Outcome::Delivered) => (Action::Sent, WidgetEvent::FeedbackSubmitted),
            Some(Outcome::Final) => (Action::SendFailed, WidgetEvent::FeedbackError),
            _ => (Action::Queued, WidgetEvent::FeedbackError),
        };
        if !matches!(action, Action::SendFailed) && !rated {
            // Delivered or safely queued: this visitor has rated.
            storage::set(&remember_key, &remember::stamp(js_sys::Date::now() as u64));
        }
        let detail = events::detail(&[
            ("submission_id", id.into()),
            ("rating", rating.into()),
            ("queued", matches!(action, Action::Queued).into()),
        ]);
        // The comment option may have come with the feed after the form was made.
        act(&state, Action::CommentStep(with_comment));
        act(&state, action);
        events::dispatch(&host, event, &detail);
    });
    delivery::spawn(endpoint, sent_id, body, Some(then));
}
