//! Values kept across renders, as Yew's `use_state` and `use_node_ref` keep them, without
//! Yew's reducer: each `use_state` type is another copy of its reducer code in the Wasm, while
//! a `use_mut_ref` is a few bytes and asking for a render is one shared hook.

use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

use yew::prelude::*;

/// A value kept across renders; setting it renders the component again, as a `use_state`
/// handle's `set` does. Clones share the value, and every clone reads it as it is now.
pub struct Kept<T> {
    value: Rc<RefCell<T>>,
    render: UseForceUpdateHandle,
}

impl<T> Clone for Kept<T> {
    fn clone(&self) -> Self {
        Self {
            value: self.value.clone(),
            render: self.render.clone(),
        }
    }
}

impl<T> Kept<T> {
    /// The value as it is now, borrowed in place (no copy). Hold it only while nothing can
    /// change the value: within a render, not across a call that may [`Kept::update`] it.
    pub fn now(&self) -> Ref<'_, T> {
        self.value.borrow()
    }

    /// The value to change in place, for a change nothing shows (no render). Hold it only
    /// while nothing else reads the value.
    pub fn now_mut(&self) -> RefMut<'_, T> {
        self.value.borrow_mut()
    }

    /// Changes the value in place with `change`, and asks for a render when it says it
    /// changed something (a reducer without Yew's: no copy of the value, no `Rc` per step).
    pub fn update(&self, change: impl FnOnce(&mut T) -> bool) {
        let changed = change(&mut self.value.borrow_mut());
        // The borrow ends first: the render may run right away and read the value.
        if changed {
            self.render.force_update();
        }
    }
}

impl<T: Clone> Kept<T> {
    /// The value as it is now.
    pub fn get(&self) -> T {
        self.value.borrow().clone()
    }

    /// Replaces the value and asks for a render.
    pub fn set(&self, value: T) {
        *self.value.borrow_mut() = value;
        self.render.force_update();
    }
}

/// `use_state(init)`, kept in a `use_mut_ref`.
#[hook]
pub fn use_kept<T: 'static, F: FnOnce() -> T>(init: F) -> Kept<T> {
    Kept {
        value: use_mut_ref(init),
        render: use_force_update(),
    }
}

/// A [`NodeRef`] kept across renders, as Yew's `use_node_ref` gives (which keeps it in a
/// `use_state`).
#[hook]
pub fn use_element_ref() -> NodeRef {
    use_mut_ref(NodeRef::default).borrow().clone()
}
