//! The carousel's effects, one concern each: the state and what it hears of the feed, rotation,
//! live refresh, swipes, broken images and the measured width. The decisions are made in the
//! pure [`CarouselState`]; these hooks only connect it to timers, listeners and the DOM.

use std::cell::Ref;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};
use yew::prelude::*;

use super::super::{
    feed_source, feed_timeout, use_effect_on, use_kept, FeedSource, FeedState, Kept, WidgetOptions,
};
use super::config::CarouselConfig;
use super::input::{move_for_key, move_for_swipe};
use super::rotation::{Event as RotationEvent, Rotation};
use super::state::{Action, CarouselState, Move, MIN_SLIDE_WIDTH_PX};
use crate::feed::{CarouselSettings, Feed};
use crate::i18n::Direction;
use crate::platform::events::{self, WidgetEvent};
use crate::platform::timer::Timer;
use crate::platform::{feed_cache, page};

/// The carousel's state as it is now, shared by the render and every handler.
pub type SharedState = Kept<CarouselState>;

/// The dependencies of the rotation's effect, of the width's, of the feed and layout's and of
/// the live refresh's (each fills what it needs, the rest zero or `None`): one type, so one copy
/// of the code that boxes, compares and drops them (size).
type Flags = (bool, bool, usize, usize, usize, Option<String>);

/// Applies `action` to `state`, and renders when it changed something.
pub fn dispatch(state: &SharedState, action: Action) {
    state.update(|now| now.apply(action));
}

/// The carousel's state, the layout of one render and the host page it tells of moves. Every
/// action goes through [`Steer::send`], which dispatches the `fw:carousel:change` event of
/// the move it made.
///
/// It reads the state as it is now, not as the last render saw it: two actions in one task
/// (a key repeat and the rotation timer) both apply. Moves carry the layout of the render the
/// reader saw.
#[derive(Clone)]
pub struct Steer {
    state: SharedState,
    host: Element,
    stops: usize,
    wrap: bool,
}

impl Steer {
    /// Steers `state` in a render whose layout has `stops` positions, wrapping around the
    /// ends or not (`wrap`, as `loop` says now), telling `host` of moves.
    pub fn new(state: &SharedState, host: &Element, stops: usize, wrap: bool) -> Self {
        Self {
            state: state.clone(),
            host: host.clone(),
            stops,
            wrap,
        }
    }

    /// The state as it is now (a borrow: not to hold across [`Steer::send`]).
    pub fn now(&self) -> Ref<'_, CarouselState> {
        self.state.now()
    }

    /// Applies `action`, then tells the host page of the change it made, if any.
    pub fn send(&self, action: Action) {
        let before = self.now().changes();
        dispatch(&self.state, action);
        let detail = {
            let now = self.now();
            match now.change.as_ref().filter(|c| c.serial != before) {
                Some(change) => events::detail(&[
                    ("id", change.id.as_str().into()),
                    ("index", (change.index as u32).into()),
                ]),
                None => return,
            }
        };
        // Told once the state is no longer borrowed: a listener of the page may call
        // `next()` right away.
        events::dispatch(&self.host, WidgetEvent::CarouselChange, &detail);
    }

    /// Moves by `step`.
    pub fn go(&self, step: Move) {
        self.send(Action::Move {
            step,
            stops: self.stops,
            wrap: self.wrap,
        });
    }

    /// A mouse callback that moves by `step`.
    pub fn on(&self, step: Move) -> Callback<MouseEvent> {
        self.on_mouse(Press::Move(step))
    }

    /// A mouse callback that sends `event` to the rotation.
    pub fn on_rotation(&self, event: RotationEvent) -> Callback<MouseEvent> {
        self.on_mouse(Press::Rotation(event))
    }

    /// The callback of [`Steer::on`] and [`Steer::on_rotation`]: one closure type for both,
    /// not the glue of each (size). A rotation event makes no move, so sending it tells the
    /// page nothing.
    fn on_mouse(&self, press: Press) -> Callback<MouseEvent> {
        let steer = self.clone();
        Callback::from(move |_: MouseEvent| match press {
            Press::Move(step) => steer.go(step),
            Press::Rotation(event) => steer.send(Action::Rotation(event)),
        })
    }

    /// The carousel's key handler: arrows (mirrored in RTL), Home and End.
    pub fn on_keydown(&self, direction: Direction) -> Callback<KeyboardEvent> {
        let (steer, last) = (self.clone(), self.stops.saturating_sub(1));
        Callback::from(move |event: KeyboardEvent| {
            if let Some(step) = move_for_key(&event.key(), direction, last) {
                event.prevent_default();
                steer.go(step);
            }
        })
    }

    /// The carousel's focus handler: focus arriving from outside `section` stops rotation;
    /// moving between the carousel's own controls (after the reader started it) does not.
    pub fn on_focus_entering(&self, section: &NodeRef) -> Callback<FocusEvent> {
        let (state, section) = (self.shared(), section.clone());
        Callback::from(move |event: FocusEvent| {
            let from_inside = event
                .related_target()
                .and_then(|target| target.dyn_into::<Node>().ok())
                .zip(section.cast::<Element>())
                .is_some_and(|(from, section)| section.contains(Some(&from)));
            if !from_inside {
                dispatch(&state, Action::Rotation(RotationEvent::FocusEntered));
            }
        })
    }

    /// The callback of the image of the item `id`: when it fails to load, its slide shows
    /// without it ([`CarouselState::broken_images`]).
    pub fn on_image_error(&self, id: String) -> Callback<Event> {
        let state = self.shared();
        Callback::from(move |_: Event| dispatch(&state, Action::ImageFailed(id.clone())))
    }

    /// The state alone, for [`dispatch`] without telling of changes: for actions that make
    /// none, from closures that outlive renders.
    pub fn shared(&self) -> SharedState {
        self.state.clone()
    }
}

/// What a click asks of [`Steer::on_mouse`].
#[derive(Clone, Copy)]
enum Press {
    /// A move.
    Move(Move),
    /// An event for the rotation.
    Rotation(RotationEvent),
}

/// The carousel's state, started from the options as the first render resolves them (with
/// the feed's `settings`, if it is there already).
#[hook]
pub fn use_carousel_state(
    options: &WidgetOptions,
    settings: Option<&CarouselSettings>,
) -> SharedState {
    use_kept(|| {
        let config = CarouselConfig::resolve(options, settings);
        let autoplay = config.autoplay;
        // Reduced motion is asked only when it matters: the query may make the browser
        // compute styles.
        let rotation = Rotation::new(autoplay, autoplay && prefers_reduced_motion());
        CarouselState::new(config.wrap, rotation)
    })
}

/// Tells the state, after each render that changed them, of the first load's items and of
/// the layout (both computed in the render, from the feed it shows and the width).
#[hook]
pub fn use_feed_and_layout(steer: &Steer, first: &FeedState) {
    let (steer, stops) = (steer.clone(), steer.stops);
    // The position's count too: a refresh counts the fresh feed's items, which the layout may
    // show fewer positions of.
    let count = steer.now().position.count();
    // The feed state as a number (its variant, and which feed or failure by address): the
    // effect's dependencies are then the carousel's one `Flags` type (size). An equal failure
    // at another address runs the effect once more, which changes nothing (every action it
    // sends is a no-op when repeated).
    let identity = match first {
        FeedState::Absent => 0,
        FeedState::Loading => 1,
        FeedState::Ready(feed) => Rc::as_ptr(feed) as usize,
        FeedState::Failed(error) => Rc::as_ptr(error) as usize,
    };
    let first = first.clone();
    let deps: Flags = (false, false, identity, stops, count, None);
    use_effect_on(deps, move |_| {
        // The layout first: a move waiting for an item the feed turned out not to have is
        // told where the position was clamped to.
        steer.send(Action::Resized(stops));
        match &first {
            FeedState::Ready(feed) => steer.send(Action::ItemsRead(feed.clone())),
            // Only a new `src` loads again once the feed was there.
            FeedState::Loading => steer.send(Action::Reloading),
            _ => {}
        }
        // Kept until the next run, so the address compared is never that of a freed feed
        // another one could be given.
        move || drop(first)
    });
}

/// Rotation: one timer per shown slide (`index`, of `slides`), so a manual move restarts the
/// count; the feed's `autoplay` setting, which comes after the first render; a hidden page
/// pauses it.
#[hook]
pub fn use_rotation(steer: &Steer, autoplay: bool, interval_ms: u32, slides: usize, index: usize) {
    {
        let rotating = steer.now().rotation.is_rotating() && slides > 1;
        let steer = steer.clone();
        // One effect for both (each effect is code of its own): telling the rotation of
        // `autoplay` changes nothing when it did not change, and a timer made from a render
        // that had not heard of the change is replaced by the next render, before it is due.
        let deps: Flags = (autoplay, rotating, index, interval_ms as usize, 0, None);
        use_effect_on(deps, move |_| {
            // Nothing to say on the first render, which made the rotation from this very
            // value.
            if autoplay != steer.now().rotation.has_control() {
                steer.send(Action::Rotation(RotationEvent::Configured {
                    autoplay,
                    reduced_motion: autoplay && prefers_reduced_motion(),
                }));
            }
            let timer = rotating
                .then(|| Timer::once(interval_ms, Box::new(move || steer.go(Move::Next))))
                .flatten();
            move || drop(timer)
        });
    }
    {
        let state = steer.shared();
        // Once, on a constant `u32` rather than `()`: the widgets' effects depend on `u32`s,
        // so Yew's comparison code is compiled once for them.
        use_effect_on(0u32, move |_| {
            let listener = page::document().map(|document| {
                // The page asked again when it changes, not a copy of the document kept in
                // the handler (size).
                EventListener::new(&document, "visibilitychange", move |_| {
                    let hidden = RotationEvent::PageHidden(page::is_hidden());
                    dispatch(&state, Action::Rotation(hidden));
                })
            });
            move || drop(listener)
        });
    }
}

/// Live feeds: fetches the feed again every `refresh_ms` and merges it by id, keeping the
/// reader on their slide (see [`Action::Refreshed`]).
#[hook]
pub fn use_live_refresh(steer: &Steer, options: &Rc<WidgetOptions>, refresh_ms: Option<u32>) {
    let source = match feed_source(options) {
        FeedSource::Url(url) => Some(url),
        _ => None,
    };
    let (state, options) = (steer.shared(), options.clone());
    // The carousel's one dependency type: the interval (whether there is one, and its length)
    // and the source.
    let deps: Flags = (
        refresh_ms.is_some(),
        false,
        refresh_ms.unwrap_or(0) as usize,
        0,
        0,
        source,
    );
    use_effect_on(deps, move |deps| {
        let timeout = feed_timeout(&options);
        let timer = refresh_ms.zip(deps.5.clone()).and_then(|(ms, url)| {
            Timer::every(
                ms,
                Box::new(move || {
                    let (state, options) = (state.clone(), options.clone());
                    feed_cache::reload(&url, timeout, move |result| {
                        if let Ok(feed) = result {
                            let max_items = max_items_with(&options, &feed);
                            dispatch(&state, Action::Refreshed { feed, max_items });
                        }
                    });
                }),
            )
        });
        move || drop(timer)
    });
}

/// The `max-items` that applies once `feed` is shown.
fn max_items_with(options: &WidgetOptions, feed: &Feed) -> usize {
    CarouselConfig::resolve(options, feed.widgets.carousel.as_ref()).max_items
}

/// The pointer handlers of the slides: a horizontal swipe moves, in the reading `direction`.
pub struct Swipe {
    /// Where a swipe starts.
    pub on_pointerdown: Callback<PointerEvent>,
    /// Where it ends, and moves when it travelled far enough.
    pub on_pointerup: Callback<PointerEvent>,
    /// A swipe the browser took over (a scroll) is no swipe.
    pub on_pointercancel: Callback<PointerEvent>,
}

/// Swipes on the slides. No hook of its own: where the pointer went down is kept in the
/// state ([`Action::Pointer`]), which renders nothing for it.
pub fn swipe(steer: &Steer, direction: Direction) -> Swipe {
    Swipe {
        on_pointerdown: on_pointer(steer, direction, Pointer::Down),
        on_pointerup: on_pointer(steer, direction, Pointer::Up),
        on_pointercancel: on_pointer(steer, direction, Pointer::Cancel),
    }
}

/// What a pointer on the slides did.
#[derive(Clone, Copy)]
enum Pointer {
    /// Went down: a swipe may start.
    Down,
    /// Went up: the swipe ends, and moves when it travelled far enough.
    Up,
    /// The browser took it over.
    Cancel,
}

/// The handler of one pointer event of a swipe: one closure type for the three.
fn on_pointer(steer: &Steer, direction: Direction, pointer: Pointer) -> Callback<PointerEvent> {
    let steer = steer.clone();
    Callback::from(move |event: PointerEvent| {
        let x = f64::from(event.client_x());
        if let Pointer::Down = pointer {
            return dispatch(&steer.state, Action::Pointer(Some(x)));
        }
        let start = steer.now().pointer_down;
        dispatch(&steer.state, Action::Pointer(None));
        let step = start.and_then(|from| move_for_swipe(x - from, direction));
        if let (Pointer::Up, Some(step)) = (pointer, step) {
            steer.go(step);
        }
    })
}

/// Keeps the carousel's width in CSS pixels ([`CarouselState::width`]) current by a
/// `ResizeObserver` while `shown` (the carousel, not a status, is drawn); `0` until measured or
/// unless `per_view` (several slides per view are asked for). It changes only when the number
/// of slides that fit does, so resizing does not re-render at every pixel. The same observer
/// tells the rotation whether the carousel is rendered at all: inside a `display: none`
/// container it is not, and rotation waits until it is shown.
#[hook]
pub fn use_carousel_width(section: &NodeRef, shown: bool, per_view: bool, state: SharedState) {
    let section = section.clone();
    let deps: Flags = (shown, per_view, 0, 0, 0, None);
    use_effect_on(deps, move |_| {
        let observed = section
            .cast::<Element>()
            .filter(|_| shown)
            .and_then(|element| {
                let target = element.clone();
                let measure = move || {
                    let px = u32::try_from(target.client_width()).unwrap_or(0);
                    let rendered = px > 0 || target.client_height() > 0;
                    dispatch(&state, Action::Rotation(RotationEvent::Rendered(rendered)));
                    if per_view {
                        // Rounded down to whole slide widths: the state changes with the
                        // layout only.
                        dispatch(
                            &state,
                            Action::Measured(px / MIN_SLIDE_WIDTH_PX * MIN_SLIDE_WIDTH_PX),
                        );
                    }
                };
                // Measured now too: an observer need not report an element that starts
                // out with no size (mounted inside `display: none`).
                measure();
                let measure = Closure::<dyn FnMut()>::new(measure);
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
