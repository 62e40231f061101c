//! Values kept across renders, as Yew's `use_node_ref` keeps them, without Yew's reducer:
//! each `use_state` type is another copy of its reducer code in the Wasm, while a
//! `use_mut_ref` is a few bytes.

use yew::prelude::*;

/// A [`NodeRef`] kept across renders, as Yew's `use_node_ref` gives (which keeps it in a
/// `use_state`).
#[hook]
pub fn use_element_ref() -> NodeRef {
    use_mut_ref(NodeRef::default).borrow().clone()
}
