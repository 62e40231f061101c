//! The carousel's controls as plain view functions (no components: each costs Wasm and would
//! only re-render with its parent anyway): rotation button, previous and next buttons, the
//! position, the slide picker.

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VText};

use super::super::icons::{chevron_next, chevron_previous};
use super::super::vdom::{class, element, keyed, list, listened, Fixed};
use super::hooks::Steer;
use super::rotation::Event as RotationEvent;
use super::state::{stops, CarouselState, Move, Position};
use crate::i18n::{fill, CarouselTexts, Locale};
use crate::platform::intl;

/// A picker button per slide only for short lists; beyond that the position text serves.
const MAX_PICKER_ITEMS: usize = 12;

/// A `<button>` with `attributes`, clicked with `onclick`.
fn button(attributes: Attributes, onclick: Callback<MouseEvent>, children: Html) -> Html {
    let onclick = yew::html::onclick::Wrapper::__macro_new(onclick);
    listened("button", attributes, onclick, children)
}

/// The attributes of a button made by [`button`], in the order `html!` set them: its `type`,
/// literal `class` and `part`, then its name and optional `aria-` states.
fn button_attributes(
    class: &'static str,
    part: Option<&'static str>,
    name: AttrValue,
    disabled: bool,
    current: bool,
) -> Attributes {
    let flag = |on: bool| on.then_some(AttributeOrProperty::Static("true"));
    Attributes::Dynamic {
        keys: &[
            "type",
            "class",
            "part",
            "aria-label",
            "aria-disabled",
            "aria-current",
        ],
        values: Box::new([
            Some(AttributeOrProperty::Static("button")),
            Some(AttributeOrProperty::Static(class)),
            part.map(AttributeOrProperty::Static),
            Some(AttributeOrProperty::Attribute(name)),
            flag(disabled),
            flag(current),
        ]),
    }
}

/// The position's paragraph: out of the accessibility tree (the slides' names say it).
const POSITION: Fixed = &[
    ("aria-hidden", AttributeOrProperty::Static("true")),
    (
        "class",
        AttributeOrProperty::Static("fw-carousel__position"),
    ),
];
/// The rotation button's icons (its name says what it does).
const PAUSE_ICON: Fixed = &[
    ("aria-hidden", AttributeOrProperty::Static("true")),
    (
        "class",
        AttributeOrProperty::Static("fw-icon fw-icon--pause"),
    ),
];
const PLAY_ICON: Fixed = &[
    ("aria-hidden", AttributeOrProperty::Static("true")),
    (
        "class",
        AttributeOrProperty::Static("fw-icon fw-icon--play fw-icon--directional"),
    ),
];

/// What the controls of one render show.
pub struct View<'a> {
    /// Where the controls send their moves.
    pub steer: &'a Steer,
    /// The state this render shows.
    pub state: &'a CarouselState,
    /// The widget's texts, in its language.
    pub texts: &'a CarouselTexts,
    /// The widget's language.
    pub lang: &'a Locale,
    /// The position shown (clamped to the layout this render has).
    pub current: Position,
    /// Slides side by side.
    pub per_view: usize,
    /// The slides there are (expected, while a long feed is read).
    pub slide_count: usize,
    /// The slide count, formatted for the language.
    pub total: String,
}

impl View<'_> {
    /// `n` (from 1) in the language's digits.
    fn number(&self, n: usize) -> String {
        intl::number(n, self.lang.tag())
    }

    /// The name of slide `index` ("2 of 10").
    pub fn slide_name(&self, index: usize) -> String {
        fill(
            self.texts.slide_position,
            &[("n", &self.number(index + 1)), ("total", &self.total)],
        )
    }

    /// What the status line says: the news the last refresh brought, if it was announced.
    pub fn announcement(&self) -> String {
        self.state.new_items.map_or_else(String::new, |n| {
            fill(self.texts.new_items, &[("n", &self.number(n))])
        })
    }

    /// The position text: the slide shown ("2 of 10"), or the range in view ("2–4 of 10").
    fn position_text(&self) -> String {
        let index = self.current.index();
        if self.per_view > 1 {
            fill(
                self.texts.slides_position,
                &[
                    ("first", &self.number(index + 1)),
                    ("last", &self.number(index + self.per_view)),
                    ("total", &self.total),
                ],
            )
        } else {
            self.slide_name(index)
        }
    }
}

/// The row above the slides: rotation button (first in tab order, per the APG), previous,
/// the position, next. When every slide is in view there is nowhere to go: no previous and
/// next then, rather than two buttons that can never do anything.
pub fn controls(view: &View) -> Html {
    let index = view.current.index();
    let moves = stops(view.slide_count, view.per_view) > 1;
    let nav = |step| {
        if moves {
            nav_button(view, step)
        } else {
            Html::default()
        }
    };
    // Keyed, so each position is a new node: a translator that ignores translate="no"
    // replaces text nodes, and Yew would update the detached one. A <bdi>, so its digits
    // and words keep their order beside the buttons.
    let text = VText::new(view.position_text()).into();
    let position = keyed("bdi", Some(index.into()), Attributes::Static(&[]), text);
    let children = vec![
        rotation_button(view).unwrap_or_default(),
        nav(Move::Previous),
        element("p", Attributes::Static(POSITION), position),
        nav(Move::Next),
    ];
    element("div", Attributes::Static(CONTROLS), list(children))
}

/// The row of controls.
const CONTROLS: Fixed = class!("fw-carousel__controls");

/// The previous (`Move::Previous`) or next (any other move) button; `aria-disabled` at an end
/// without loop, so it stays focusable and keeps its place.
pub fn nav_button(view: &View, step: Move) -> Html {
    let previous = matches!(step, Move::Previous);
    let (name, enabled) = if previous {
        (view.texts.previous_slide, view.current.has_previous())
    } else {
        (view.texts.next_slide, view.current.has_next())
    };
    let onclick = view.steer.on(step);
    // Each button a literal `class`: an expression there would cost Yew's `Classes` set.
    let (class, icon) = if previous {
        (
            "fw-carousel__button fw-carousel__previous",
            chevron_previous(),
        )
    } else {
        ("fw-carousel__button fw-carousel__next", chevron_next())
    };
    let attributes = button_attributes(class, Some("nav"), name.into(), !enabled, false);
    button(attributes, onclick, icon)
}

/// The button that stops or starts rotation, when rotation is configured. It names the action
/// it takes, and asks for that action rather than a toggle (see [`super::rotation`]).
fn rotation_button(view: &View) -> Option<Html> {
    let rotation = view.state.rotation;
    rotation.has_control().then(|| {
        // Each icon a literal `class`: an expression there would cost Yew's `Classes` set.
        let (event, name, icon) = if rotation.offers_stop() {
            (
                RotationEvent::StopRequested,
                view.texts.stop_rotation,
                element("span", Attributes::Static(PAUSE_ICON), Html::default()),
            )
        } else {
            (
                RotationEvent::StartRequested,
                view.texts.start_rotation,
                element("span", Attributes::Static(PLAY_ICON), Html::default()),
            )
        };
        let class = "fw-carousel__button fw-carousel__rotation";
        let attributes = button_attributes(class, None, name.into(), false, false);
        button(attributes, view.steer.on_rotation(event), icon)
    })
}

/// A button per position, for `stops` positions (only for short lists, and only when there is
/// somewhere to go).
pub fn picker(view: &View, stops: usize) -> Option<Html> {
    let index = view.current.index();
    (stops > 1 && stops <= MAX_PICKER_ITEMS).then(|| {
        // A loop rather than `for` over a mapped range, whose `extend` is generic code of its
        // own.
        let mut dots = Vec::with_capacity(stops);
        for i in 0..stops {
            let is_current = i == index;
            let name = fill(view.texts.picker_slide, &[("n", &view.number(i + 1))]);
            let attributes = button_attributes(
                "fw-carousel__dot",
                None,
                name.into(),
                is_current,
                is_current,
            );
            let onclick = view.steer.on(Move::To(i));
            dots.push(button(attributes, onclick, Html::default()));
        }
        // By `element`, with `html!`'s attributes in its order (class last), not `html!`
        // inline (size).
        let attributes = Attributes::Dynamic {
            keys: &["part", "role", "aria-label", "class"],
            values: Box::new([
                Some(AttributeOrProperty::Static("picker")),
                Some(AttributeOrProperty::Static("group")),
                Some(AttributeOrProperty::Static(view.texts.picker_label)),
                Some(AttributeOrProperty::Static("fw-carousel__picker")),
            ]),
        };
        element("div", attributes, list(dots))
    })
}
