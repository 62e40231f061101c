//! The translation disclaimer banner: shown while a machine translator rewrites the page, with
//! a dismiss button (remembered for `remember-days`) and, where it can work, a way back to the
//! original page.

pub mod state;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AddEventListenerOptions, Element, HtmlElement};
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VText};

use self::state::{BannerPosition, DisclaimerState, DEFAULT_REMEMBER_DAYS, DISMISSAL_KEY};
use super::icons::close;
use super::vdom::{element, keyed, list, listened};
use super::{
    use_control, use_effect_on, use_kept, use_widget_feed, widget_language, Command, FeedState,
    FeedUse, Kept, WidgetProps,
};
use crate::i18n::{fill, Lang};
use crate::platform::events::{self, WidgetEvent};
use crate::platform::storage;
use crate::platform::task;
use crate::platform::translation::{self, Translation};

/// The widget's custom element name (the name it logs under, too).
pub const ELEMENT: &str = "fw-disclaimer";

/// The host attribute that makes it a sticky bar at its value's edge (`top` or `bottom`) while
/// the banner shows; not an option, and not `data-*`, so it never reads as one.
const STICKY: &str = "fw-sticky";

/// How the widget reads its feed: without one it falls back to its attributes and built-in texts.
const FEED_USE: FeedUse = FeedUse {
    widget: ELEMENT,
    required: false,
};

/// Renders the disclaimer banner: the body of [`super::Widget`] on a disclaimer's mount.
#[hook]
pub fn use_disclaimer(props: &WidgetProps) -> Html {
    let feed_state = use_widget_feed(&props.options, FEED_USE);
    let feed = feed_state.feed();
    let settings = feed.and_then(|feed| feed.widgets.disclaimer.as_ref());
    let version = settings.map_or(0, |s| s.version);
    // What the banner reads from the page is read when it mounts and when the translation
    // changes (the renders it causes), not at every render.
    let seen = use_kept(|| Seen {
        signals: Signals::read(translation::current()),
        chosen: None,
    });
    {
        let (seen, host) = (seen.clone(), props.host.clone());
        // Once, on a constant `u32` rather than `()` (one comparison for the widgets' effects).
        use_effect_on(0u32, move |_| {
            let start = seen.now().signals.translation.clone();
            let watcher =
                translation::TranslationWatcher::start(start, move |now: Option<Translation>| {
                    // Borrowed, not cloned (size).
                    let target = now.as_ref().and_then(|t| t.target.as_deref());
                    events::dispatch(
                        &host,
                        WidgetEvent::TranslationChanged,
                        &events::detail(&[
                            ("translated", now.is_some().into()),
                            ("target", target.map_or(JsValue::NULL, JsValue::from)),
                        ]),
                    );
                    // Changed in place: a choice made meanwhile stays.
                    seen.update(|seen| {
                        seen.signals = Signals::read(now);
                        true
                    });
                });
            move || drop(watcher)
        });
    }
    // Borrowed for the render: only the page, the reader and the translator change it, never
    // during a render.
    let now = seen.now();
    let (read, chosen) = (&now.signals, now.chosen);
    let translation = &read.translation;
    let state = DisclaimerState {
        translated: translation.is_some() || chosen == Some(true),
        dismissed: chosen == Some(false)
            || (chosen.is_none()
                && state::still_dismissed(read.dismissal.as_deref(), version, js_sys::Date::now())),
    };
    // Borrowed, not cloned (size).
    let target = translation.as_ref().and_then(|t| t.target.as_deref());
    let (lang, vetted) = state::wording(target, widget_language(&props.options, feed).lang());
    let visible = state.visible() && !matches!(feed_state, FeedState::Loading);
    let position = state::position(
        props.options.text("position"),
        settings.and_then(|s| s.position.as_deref()),
    );
    {
        let (host, language) = (props.host.clone(), lang.tag());
        // One effect for both (each hook instance costs Wasm): the position is settled with the
        // feed, before the banner shows, so it never announces the banner twice. The three as
        // one number: the widgets' effects depend on `u32`s, so the comparison code is
        // compiled once for them, not once per type.
        let deps = u32::from(visible) | (position as u32) << 1 | (lang as u32) << 3;
        use_effect_on(deps, move |_| {
            if visible {
                events::dispatch(
                    &host,
                    WidgetEvent::DisclaimerShown,
                    &events::detail(&[("language", language.into())]),
                );
            }
            // The host, not the banner in its shadow root, is what sticks: a sticky box moves
            // only within its parent, and the banner's parent is the host, exactly its size.
            // Sticky (not fixed) keeps the bar's place in the flow, so it covers nothing. The
            // rule is `:host([fw-sticky])` in disclaimer.css; an inline banner sets nothing.
            let edge = match position {
                BannerPosition::Top if visible => "top",
                BannerPosition::Bottom if visible => "bottom",
                _ => "",
            };
            // Set and cleared here rather than in a destructor, which would cost more Wasm.
            let _ = if edge.is_empty() {
                host.remove_attribute(STICKY)
            } else {
                host.set_attribute(STICKY, edge)
            };
        });
    }
    let remember_days = props
        .options
        .number("remember-days", 0..=3650)
        .unwrap_or(DEFAULT_REMEMBER_DAYS);
    // The page's `dismiss()` and the dismiss button take the same way: the button shows only
    // while the banner is visible, and one callback type serves both (a `Callback<()>` of its
    // own would be one more copy of Yew's callback code).
    let handler = {
        let (seen, host) = (seen.clone(), props.host.clone());
        Callback::from(move |command| match command {
            Command::Show => Seen::choose(&seen, true),
            Command::Dismiss if visible => {
                if remember_days > 0 {
                    let until = state::dismissal_end(js_sys::Date::now(), remember_days);
                    storage::set(DISMISSAL_KEY, &state::dismissal_record(version, until));
                }
                keep_focus(&host);
                Seen::choose(&seen, false);
                events::dispatch(&host, WidgetEvent::DisclaimerDismissed, &JsValue::NULL);
            }
            _ => {}
        })
    };
    use_control(
        &props.control,
        !matches!(feed_state, FeedState::Loading),
        handler.clone(),
    );
    if !visible {
        return html! {};
    }
    let catalog = lang.catalog();
    // Borrowed: the text is the one copy made.
    let organization = props
        .options
        .text("org")
        .or_else(|| settings.and_then(|s| s.organization.as_deref()));
    // The built-in sentence as it is, not copied into a `String` (size).
    let text = match settings.and_then(|s| s.text.get(lang.tag())) {
        Some(text) => AttrValue::from(text.clone()),
        None => match organization {
            Some(org) => fill(catalog.disclaimer.with_org, &[("org", org)]).into(),
            None => AttrValue::Static(catalog.disclaimer.without_org),
        },
    };
    banner(lang, vetted, text, &read.way_back, &handler)
}

/// The banner itself, in `lang`: its sentence (`vetted` when it is in the translation's
/// language, so the translator leaves it), the way back and the dismiss button. A plain view
/// function, so the hook above stays short at no cost in size.
fn banner(
    lang: Lang,
    vetted: bool,
    text: AttrValue,
    way_back: &WayBack,
    handler: &Callback<Command>,
) -> Html {
    let catalog = lang.catalog();
    let on_dismiss = handler.reform(|_: MouseEvent| Command::Dismiss);
    let view_original = view_original(catalog.disclaimer.view_original, way_back);
    // Keyed by language: when it changes the banner is built anew, so Yew never updates a text
    // node a translator may have replaced (the same language's sentence is the same text).
    // Our own words stay as they are (the root says translate="no"); a sentence in another
    // language than the reader's is left to the translator.
    // The elements made by `vdom`'s builders, not inline by `html!`, their attributes in
    // `html!`'s order, and the text a node as it is, not copied through `ToString` (size).
    let text = element(
        "p",
        Attributes::Dynamic {
            keys: &["part", "translate", "class"],
            values: Box::new([
                Some(AttributeOrProperty::Static("text")),
                (!vetted).then_some(AttributeOrProperty::Static("yes")),
                Some(AttributeOrProperty::Static("fw-disclaimer__text")),
            ]),
        },
        VText::new(text).into(),
    );
    let dismiss = listened(
        "button",
        Attributes::Dynamic {
            keys: &["type", "part", "aria-label", "class"],
            values: Box::new([
                Some(AttributeOrProperty::Static("button")),
                Some(AttributeOrProperty::Static("button")),
                Some(AttributeOrProperty::Static(catalog.disclaimer.dismiss)),
                Some(AttributeOrProperty::Static("fw-disclaimer__dismiss")),
            ]),
        },
        yew::html::onclick::Wrapper::__macro_new(on_dismiss),
        close(),
    );
    // One list made here: `html!` builds a list with an expression among other children
    // through Yew's `NodeSeq` and `Vec::extend`, code at each such child (size).
    let children = list(vec![text, view_original, dismiss]);
    keyed(
        "div",
        Some(lang.tag().into()),
        Attributes::Dynamic {
            keys: &[
                "part",
                "role",
                "aria-label",
                "lang",
                "dir",
                "data-nosnippet",
                "class",
            ],
            values: Box::new([
                Some(AttributeOrProperty::Static("banner")),
                Some(AttributeOrProperty::Static("region")),
                Some(AttributeOrProperty::Static(catalog.disclaimer.label)),
                Some(AttributeOrProperty::Static(lang.tag())),
                Some(AttributeOrProperty::Static(lang.direction().as_str())),
                Some(AttributeOrProperty::Static("")),
                Some(AttributeOrProperty::Static("fw-disclaimer")),
            ]),
        },
        children,
    )
}

/// The banner's one state: what it read from the page and what the page or the reader
/// decided. Changed in place (`Kept::update`): no copy of it, nor a shared pointer to share
/// the signals between copies.
struct Seen {
    /// What the banner read from the page.
    signals: Signals,
    /// `Some(false)` dismissed (the button or `dismiss()`), `Some(true)` shown by `show()` (a
    /// host's own translate switcher), `None` as the translation signals and the stored
    /// dismissal say.
    chosen: Option<bool>,
}

impl Seen {
    /// Records the page's or the reader's decision in `seen`, and renders. One function for
    /// both decisions, so the change in place is compiled once.
    fn choose(seen: &Kept<Self>, shown: bool) {
        seen.update(|seen| {
            seen.chosen = Some(shown);
            true
        });
    }
}

/// What the banner reads from the page.
struct Signals {
    /// The translation at work, if any.
    translation: Option<Translation>,
    /// The way back to the original page.
    way_back: WayBack,
    /// The stored dismissal; another banner on the page may have written it meanwhile.
    dismissal: Option<String>,
}

impl Signals {
    fn read(translation: Option<Translation>) -> Self {
        Self {
            translation,
            way_back: way_back(),
            dismissal: storage::get(DISMISSAL_KEY),
        }
    }
}

/// The way back to the untranslated page, where there is one.
enum WayBack {
    /// On Google's proxy: a link to the original address.
    Link(String),
    /// With the `googtrans` cookie of Google's website widget (or a menu built on it): a
    /// button that clears the cookie (for this host) and reloads.
    ClearCookie(String),
    /// Chrome's own translator needs its own menu: nothing.
    None,
}

/// Reads the way back from the page.
fn way_back() -> WayBack {
    let snapshot = translation::snapshot();
    let location = web_sys::window().map(|w| w.location());
    let original = location.as_ref().and_then(|l| {
        translation::original_url(
            &snapshot.host,
            &l.pathname().ok()?,
            &snapshot.query,
            &l.hash().ok()?,
        )
    });
    match original {
        Some(href) => WayBack::Link(href),
        None if translation::googtrans_target(&snapshot.cookie).is_some() => {
            WayBack::ClearCookie(snapshot.host)
        }
        None => WayBack::None,
    }
}

/// The link or button back to the original page, if there is a way back.
fn view_original(label: &'static str, way_back: &WayBack) -> Html {
    let label = Html::from(VText::new(label));
    let host = match way_back {
        WayBack::Link(href) => {
            let attributes = Attributes::Dynamic {
                keys: &["part", "href", "class"],
                values: Box::new([
                    Some(AttributeOrProperty::Static("button")),
                    Some(AttributeOrProperty::Attribute(href.clone().into())),
                    Some(AttributeOrProperty::Static("fw-disclaimer__original")),
                ]),
            };
            return element("a", attributes, label);
        }
        WayBack::ClearCookie(host) => host.clone(),
        WayBack::None => return html! {},
    };
    let onclick = Callback::from(move |_: MouseEvent| {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(document) = window.document() {
            // By reference: a consuming loop would bring the vector's by-value iterator and its
            // drop code for this one use.
            for cookie in translation::googtrans_clearing(&host).iter() {
                let _ = js_sys::Reflect::set(&document, &"cookie".into(), &cookie.into());
            }
        }
        let _ = window.location().reload();
    });
    listened(
        "button",
        Attributes::Static(&[
            ("type", AttributeOrProperty::Static("button")),
            ("part", AttributeOrProperty::Static("button")),
            (
                "class",
                AttributeOrProperty::Static("fw-disclaimer__original"),
            ),
        ]),
        yew::html::onclick::Wrapper::__macro_new(onclick),
        label,
    )
}

/// When the focus is inside the banner that is about to go, moves it to the host (focusable for
/// that moment only), so keyboard and screen-reader users stay where they were instead of
/// being sent back to the top of the page.
fn keep_focus(host: &Element) {
    let inside = host
        .shadow_root()
        .and_then(|shadow| shadow.active_element())
        .is_some();
    let Some(host) = host.dyn_ref::<HtmlElement>().filter(|_| inside) else {
        return;
    };
    if host.has_attribute("tabindex") {
        let _ = host.focus();
        return;
    }
    let _ = host.set_attribute("tabindex", "-1");
    let _ = host.focus();
    let cleanup = {
        let host = host.clone();
        task::once_js(Box::new(move || {
            let _ = host.remove_attribute("tabindex");
        }))
    };
    let once = AddEventListenerOptions::new();
    once.set_once(true);
    let _ = host.add_event_listener_with_callback_and_add_event_listener_options(
        "blur",
        cleanup.unchecked_ref(),
        &once,
    );
}
