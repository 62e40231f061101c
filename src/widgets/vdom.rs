//! The widgets' elements built by hand, each kind in one place: every `html!` element is
//! `html!`'s own construction of it (`VTag::__new_other`, what the macro expands every element
//! to) inlined again, about a hundred bytes of Wasm each, and every `html!` list with an
//! expression among other children goes through Yew's `NodeSeq` and `Vec::extend` (size).
//! `VTag::__new_other` is public but hidden from Yew's docs; Cargo.lock pins Yew 0.23.0.

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Key, Listener, Listeners, VList, VTag};

/// The fixed attributes of an element made by [`element`], in the order `html!` sets them.
pub type Fixed = &'static [(&'static str, AttributeOrProperty)];

/// An element without listeners, node ref or key: `html!`'s own construction (its
/// `VTag::__new_other`, what the macro expands every element to), made in this one place.
/// Each `html!` element is that construction inlined again, about a hundred bytes of Wasm.
pub fn element(tag: &'static str, attributes: Attributes, children: Html) -> Html {
    keyed(tag, None, attributes, children)
}

/// An [`element`] with a `key` (the position), made by the same construction
/// (size).
pub fn keyed(tag: &'static str, key: Option<Key>, attributes: Attributes, children: Html) -> Html {
    VTag::__new_other(
        AttrValue::Static(tag),
        NodeRef::default(),
        key,
        attributes,
        Listeners::None,
        children,
    )
    .into()
}

/// An element with one listener (what a `yew::html::on*::Wrapper::__macro_new` makes):
/// `html!`'s construction with it, made in this one place for the carousel's buttons and
/// images (size).
pub fn listened(
    tag: &'static str,
    attributes: Attributes,
    listener: Option<Rc<dyn Listener>>,
    children: Html,
) -> Html {
    listening(tag, attributes, Box::new([listener]), children)
}

/// An element with its `listeners`: [`listened`]'s construction, for the slides' row and its
/// three pointer listeners (size).
pub fn listening(
    tag: &'static str,
    attributes: Attributes,
    listeners: Box<[Option<Rc<dyn Listener>>]>,
    children: Html,
) -> Html {
    VTag::__new_other(
        AttrValue::Static(tag),
        NodeRef::default(),
        None,
        attributes,
        Listeners::Pending(listeners),
        children,
    )
    .into()
}

/// Nodes side by side, as `html!` lists an element's children, in one vector rather than
/// each converted and appended on its own. An absent one is an empty node in its place.
pub fn list(children: Vec<Html>) -> Html {
    VList::with_children(children, None).into()
}

/// `class="{class}"` alone.
macro_rules! class {
    ($class:literal) => {
        &[(
            "class",
            ::yew::virtual_dom::AttributeOrProperty::Static($class),
        )]
    };
}
pub(crate) use class;
