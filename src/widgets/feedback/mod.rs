//! The feedback rating widget: a native radio group of five answers and a send button (or
//! sending on choice when `compact`), an optional comment step, and an outbox so that no
//! rating is lost when the network or the collector is down.

pub mod config;
mod delivery;
pub mod hooks;
pub mod outbox;
pub mod payload;
pub mod remember;
pub mod state;
mod view;

use yew::prelude::*;

use self::config::FeedbackConfig;
use self::hooks::{
    act, submission_for, use_focus_follows, use_outbox_flush, use_remembered, use_submission,
    Sending,
};
use self::payload::redacted_path;
use self::state::{Action, FeedbackState, Phase};
use self::view::{thanks, Form, Refs};
use super::status::{status, Tone};
use super::{
    use_control, use_element_ref, use_widget_feed, widget_language, Command, FeedState, FeedUse,
    WidgetProps,
};
use crate::platform::events::{self, WidgetEvent};
use crate::platform::url::BrowserUrl;
use crate::platform::{console, page};

/// The widget's custom element name (the name it logs under, too).
pub const ELEMENT: &str = "fw-feedback";

/// How the widget reads its feed: without one it falls back to its attributes and built-in texts.
const FEED_USE: FeedUse = FeedUse {
    widget: ELEMENT,
    required: false,
};

/// Renders the feedback widget: the body of [`super::Widget`] on a feedback mount.
#[hook]
pub fn use_feedback(props: &WidgetProps) -> Html {
    let options = &props.options;
    let feed_state = use_widget_feed(options, FEED_USE);
    let feed = feed_state.feed();
    let lang = widget_language(options, feed);
    let catalog = lang.catalog();
    let texts = &catalog.feedback;
    let settings = feed.and_then(|feed| feed.widgets.feedback.as_ref());
    let config = FeedbackConfig::resolve(options, settings, &lang, &BrowserUrl::page());
    let remember_key = remember::key(config.remember_per_page, &redacted_path(&page::path()));
    let state = use_remembered(
        &remember_key,
        config.remember_days,
        FeedbackState::new(config.with_comment, config.compact),
    );
    let refs = Refs {
        comment: use_element_ref(),
        message: use_element_ref(),
        thanks: use_element_ref(),
        honeypot: use_element_ref(),
    };
    {
        let state = state.clone();
        let ready = !matches!(feed_state, FeedState::Loading);
        use_control(
            &props.control,
            ready,
            Callback::from(move |command| {
                if command == Command::Reset {
                    // A new submission: the old one, if it waits, stays in the outbox.
                    state.now_mut().ids = None;
                    act(&state, Action::Reset);
                }
            }),
        );
    }
    let now = state.now().form;
    use_focus_follows(now.phase, &refs.message, &refs.thanks);
    use_outbox_flush(&state);
    let missing_endpoint =
        config.endpoint.is_none() && matches!(feed_state, FeedState::Ready(_) | FeedState::Absent);
    // Said when it becomes so, as an effect on it would, but without one: each effect is
    // another closure type and copy of the effect's setup code (size).
    let said = std::mem::replace(&mut state.now_mut().no_endpoint, missing_endpoint);
    if missing_endpoint && !said {
        console::error("fw-feedback widget: no endpoint (set the endpoint attribute or _widgets.feedback.endpoint)");
    }
    let tag = lang.tag();
    use_submission(
        &state,
        Sending {
            endpoint: config.endpoint.clone().unwrap_or_default(),
            with_comment: config.with_comment,
            host: props.host.clone(),
            language: tag.to_string(),
            remember_key,
            comment: refs.comment.clone(),
            honeypot: refs.honeypot.clone(),
        },
    );

    let dir = lang.direction().as_str();
    match (&feed_state, &config.endpoint) {
        (FeedState::Loading, _) => return status(catalog.loading, &lang, Tone::Busy),
        (_, None) => return status(texts.unavailable, &lang, Tone::Error),
        _ if now.phase == Phase::Already => return status(texts.already, &lang, Tone::Info),
        // A rating that waits in the outbox, from an earlier page: said as when it was queued.
        _ if now.phase == Phase::Saved => return status(texts.queued, &lang, Tone::Info),
        _ if now.phase == Phase::Thanked => return thanks(texts.thanks, tag, dir, &refs.thanks),
        _ => {}
    }

    // Every change goes through here. The handle reads the state as it is after the action,
    // so a choice is announced once, even with two events in one task.
    let act = {
        let (state, host) = (state.clone(), props.host.clone());
        Callback::from(move |action: Action| {
            let before = state.now().form.rating;
            act(&state, action);
            let after = state.now().form.rating;
            let Some(rating) = after.filter(|_| after != before) else {
                return;
            };
            let detail = events::detail(&[
                ("submission_id", submission_for(&state).0.into()),
                ("rating", rating.into()),
            ]);
            events::dispatch(&host, WidgetEvent::FeedbackRated, &detail);
        })
    };
    let form = Form {
        state: now,
        config: &config,
        texts,
        tag,
        dir,
        act: &act,
        refs: &refs,
    };
    view::form(&form)
}
