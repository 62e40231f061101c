//! `fw:<widget>:<what>` events for the host page's analytics.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// Every event a widget dispatches. The package's `custom-elements.json` and `.d.ts` list the
/// same names, which `tests/manifest.rs` checks against [`WidgetEvent::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WidgetEvent {
    /// `fw:carousel:change`: another slide is current (`{id, index}`).
    CarouselChange,
    /// `fw:feedback:rated`: the visitor chose a rating (`{submission_id, rating}`).
    FeedbackRated,
    /// `fw:feedback:submitted`: the collector accepted a POST (`{submission_id, rating, queued}`).
    FeedbackSubmitted,
    /// `fw:feedback:error`: a POST failed; `queued` says whether it waits in the outbox.
    FeedbackError,
    /// `fw:disclaimer:shown`: the banner appeared (`{language}`).
    DisclaimerShown,
    /// `fw:disclaimer:dismissed`: the reader closed the banner.
    DisclaimerDismissed,
    /// `fw:translation:changed`: a translator started or stopped (`{translated, target}`).
    TranslationChanged,
}

impl WidgetEvent {
    /// Every event, in the order the manifest lists them.
    pub const ALL: [WidgetEvent; 7] = [
        Self::CarouselChange,
        Self::FeedbackRated,
        Self::FeedbackSubmitted,
        Self::FeedbackError,
        Self::DisclaimerShown,
        Self::DisclaimerDismissed,
        Self::TranslationChanged,
    ];

    /// The event's type, as `addEventListener` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::CarouselChange => "fw:carousel:change",
            Self::FeedbackRated => "fw:feedback:rated",
            Self::FeedbackSubmitted => "fw:feedback:submitted",
            Self::FeedbackError => "fw:feedback:error",
            Self::DisclaimerShown => "fw:disclaimer:shown",
            Self::DisclaimerDismissed => "fw:disclaimer:dismissed",
            Self::TranslationChanged => "fw:translation:changed",
        }
    }
}

/// Dispatches `event` on the widget's host element. The event bubbles and crosses shadow roots
/// (`composed`), so one listener on `document` hears every widget.
pub fn dispatch(host: &Element, event: WidgetEvent, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// An event detail object from string pairs.
pub fn detail(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}
