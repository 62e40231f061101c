//! One effect hook for every widget. Yew's `use_effect_with` is generic over its dependencies,
//! its effect and what the effect leaves to undo, so each call is another copy of Yew's effect
//! code in the Wasm (about 900 bytes each). [`use_effect_on`] hands Yew the same three types at
//! every call: the dependencies behind one comparable box, the effect and its cleanup boxed.
//! It runs exactly when `use_effect_with` would: after the first render, then after each
//! render whose dependencies differ from the last run's, the cleanup before each new run and
//! when the widget goes.

use std::any::Any;

use yew::functional::TearDown;
use yew::prelude::*;

/// What an effect leaves to undo.
type Cleanup = Box<dyn FnOnce()>;

/// An effect as Yew is given it: one type for all.
type Effect = Box<dyn FnOnce(&Deps) -> Cleanup>;

/// Dependencies of any comparable type, compared as values of that type.
trait AnyDeps {
    /// Whether `other` holds the same type and an equal value.
    fn same(&self, other: &dyn AnyDeps) -> bool;
    /// The value, for a downcast.
    fn as_any(&self) -> &dyn Any;
}

impl<T: PartialEq + 'static> AnyDeps for T {
    fn same(&self, other: &dyn AnyDeps) -> bool {
        other.as_any().downcast_ref::<T>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The dependencies of one effect, as Yew stores and compares them.
struct Deps(Box<dyn AnyDeps>);

impl PartialEq for Deps {
    fn eq(&self, other: &Self) -> bool {
        self.0.same(&*other.0)
    }
}

/// `use_effect_with(deps, effect)`, sharing one copy of Yew's effect code with every other
/// call: `effect` gets the dependencies it runs for and may return what to undo (a closure)
/// or nothing.
///
/// A plain function that returns the one Yew hook it sets up, which the caller runs as it
/// runs any hook: a `#[hook]` would wrap it in one more hook, a copy per call's types.
pub fn use_effect_on<T, F, D>(deps: T, effect: F) -> impl Hook<Output = ()>
where
    T: PartialEq + 'static,
    F: FnOnce(&T) -> D + 'static,
    D: TearDown,
{
    let effect: Effect = Box::new(move |deps: &Deps| -> Cleanup {
        // Always a `T`: these dependencies are the ones boxed below.
        match deps.0.as_any().downcast_ref::<T>() {
            Some(deps) => {
                let undo = effect(deps);
                Box::new(move || undo.tear_down())
            }
            None => Box::new(|| ()),
        }
    });
    use_effect_with(Deps(Box::new(deps)), effect)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependencies_compare_by_type_and_value() {
        let deps = |value: Box<dyn AnyDeps>| Deps(value);
        assert!(deps(Box::new(1u32)) == deps(Box::new(1u32)));
        assert!(
            deps(Box::new(1u32)) != deps(Box::new(2u32)),
            "another value"
        );
        assert!(deps(Box::new(1u32)) != deps(Box::new(1u64)), "another type");
        assert!(deps(Box::new(())) == deps(Box::new(())));
        assert!(deps(Box::new((true, "a"))) != deps(Box::new((true, "b"))));
    }
}
