//! What the host page asks of a running widget beyond its options: the element's methods
//! (`next()`, `reset()`, `dismiss()`, …) and the widget's first render (the light-DOM
//! fallback goes, the loader's `pending` state is dropped).
//!
//! `embed` makes one [`Control`] per mount and queues the page's calls in it; the widget
//! takes them, in order, once it shows its content, through the handler it installs with
//! [`use_control`]. A call made while the feed loads is so applied to the slides it names.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use yew::prelude::*;

use super::effect::use_effect_on;

/// Counts the renders of every widget that takes the page's calls.
static RENDERS: AtomicU32 = AtomicU32::new(0);

/// A method the page called on a widget element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Carousel `next()`.
    Next,
    /// Carousel `previous()`.
    Previous,
    /// Carousel `goTo(index)`, from 0.
    GoTo(usize),
    /// Carousel `play()`: rotation starts (when `autoplay` is configured).
    Play,
    /// Carousel `pause()`: rotation stops until the reader or `play()` starts it again.
    Pause,
    /// Feedback `reset()`: the form goes back to its first step.
    Reset,
    /// Disclaimer `show()`: the banner shows, translated page or not.
    Show,
    /// Disclaimer `dismiss()`: as if its dismiss button were pressed.
    Dismiss,
}

impl Command {
    /// The command of method number `code` in the loader's list (`next previous goTo play
    /// pause reset show dismiss`, the order above) with its argument; `None` for another
    /// number (a read of `currentIndex`). Numbers rather than names: no string to compare.
    pub fn from_code(code: u32, argument: Option<f64>) -> Option<Self> {
        Some(match code {
            0 => Self::Next,
            1 => Self::Previous,
            // A negative or missing index means the first slide; a fraction is cut.
            2 => Self::GoTo(argument.filter(|n| *n >= 0.0).unwrap_or(0.0) as usize),
            3 => Self::Play,
            4 => Self::Pause,
            5 => Self::Reset,
            6 => Self::Show,
            7 => Self::Dismiss,
            _ => return None,
        })
    }
}

/// What a widget's first render undoes: the light-DOM fallback, the `pending` state.
pub type Settled = Box<dyn Fn()>;

/// One mount's link between the page and its widget.
#[derive(Default)]
pub struct Control {
    /// Calls not taken yet: the widget was not showing its content when they came.
    queued: RefCell<Vec<Command>>,
    /// The widget's handler, once it shows its content.
    handler: RefCell<Option<Callback<Command>>>,
    /// The carousel's position as it is now (after every command), for `currentIndex`.
    pub index: Cell<usize>,
    /// What the first render undoes; taken when it runs.
    settled: RefCell<Option<Settled>>,
}

/// Props compare controls by identity: a mount keeps its control for its whole life.
impl PartialEq for Control {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Control {
    /// A control that runs `settled` at the widget's first render with content.
    pub fn new(settled: Settled) -> Self {
        Self {
            settled: RefCell::new(Some(settled)),
            ..Self::default()
        }
    }

    /// Applies `command` now when the widget shows its content, else queues it.
    pub fn call(&self, command: Command) {
        let handler = self.handler.borrow().clone();
        match handler {
            Some(handler) => handler.emit(command),
            None => self.queued.borrow_mut().push(command),
        }
    }
}

/// Installs `handler` for the page's calls once `ready` (the widget shows its content or its
/// error), takes the calls queued until then in order, and, the first time, runs what the
/// first render undoes. The handler is renewed after every render, so it acts on that render's
/// layout; the states it dispatches to are read as they are now.
///
/// A plain function that returns the one hook it sets up (see [`use_effect_on`]).
pub fn use_control(
    control: &Rc<Control>,
    ready: bool,
    handler: Callback<Command>,
) -> impl Hook<Output = ()> {
    let control = control.clone();
    // Keyed on a number new at every render, so the effect runs after each: a `u32`, as every
    // other effect's dependencies, shares their comparison code (a type of its own would be
    // one more copy). It could repeat only after 2^32 renders in between.
    let render = RENDERS.fetch_add(1, Ordering::Relaxed);
    use_effect_on(render, move |_| {
        if ready {
            *control.handler.borrow_mut() = Some(handler.clone());
            if let Some(settled) = control.settled.take() {
                settled();
            }
            // Read by reference (a command is a copy): a consuming loop would bring the
            // vector's by-value iterator and its drop code.
            for &command in control.queued.take().iter() {
                handler.emit(command);
            }
        }
    })
}
