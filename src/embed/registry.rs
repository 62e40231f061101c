//! The widgets mounted on the page, so each can be found again and unmounted without leaks.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Element, ShadowRoot};
use yew::AppHandle;

use super::WidgetKind;
use crate::widgets::{Control, Widget, WidgetOptions, WidgetProps};

/// Reads a host's options again after its attributes changed: element attributes or a
/// container's `data-*`. A mount through the JS API has none: its options are the object.
pub type Reader = fn(&Element) -> WidgetOptions;

/// One mounted widget.
pub struct Mounted {
    /// Tells this mount from a later one on the same host.
    pub id: u64,
    /// The element the page gave us.
    pub host: Element,
    /// Which widget runs there.
    pub kind: WidgetKind,
    /// The shadow root the widget renders into.
    pub shadow: ShadowRoot,
    /// The element inside the shadow root that Yew owns.
    pub container: Element,
    /// The Yew app, destroyed on unmount; `None` until it starts (see [`super::mount`]).
    pub app: Option<App>,
    /// The options the widget runs with now.
    pub options: Rc<WidgetOptions>,
    /// Where they are read again when the host's attributes change.
    pub read: Option<Reader>,
    /// The page's calls on the host's methods, and the first render's signal.
    pub control: Rc<Control>,
}

impl Mounted {
    /// The props the widget runs with now.
    pub fn props(&self) -> WidgetProps {
        WidgetProps {
            kind: self.kind,
            options: self.options.clone(),
            host: self.host.clone(),
            control: self.control.clone(),
        }
    }
}

/// A widget's Yew app: [`App::update`] gives it new props (it updates in place, its hooks keep
/// their state), [`App::destroy`] ends it (its hooks' cleanups stop timers, observers and
/// listeners).
pub type App = AppHandle<Widget>;

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` on the widget on `host`, if there is one. One accessor taking `dyn FnMut` for every
/// per-host question: each closure given to the thread-local's `with` is a copy of its code.
fn with_host(host: &Element, f: &mut dyn FnMut(&mut Mounted)) {
    MOUNTED.with(|mounted| {
        if let Some(widget) = mounted.borrow_mut().iter_mut().find(|m| m.host == *host) {
            f(widget);
        }
    });
}

/// Whether a widget runs on `host`.
pub fn is_mounted(host: &Element) -> bool {
    kind_of(host).is_some()
}

/// The kind of the widget on `host`.
pub fn kind_of(host: &Element) -> Option<WidgetKind> {
    let mut kind = None;
    with_host(host, &mut |widget| kind = Some(widget.kind));
    kind
}

/// How many widgets run on the page.
pub fn count() -> usize {
    MOUNTED.with(|mounted| mounted.borrow().len())
}

/// Remembers a mounted widget.
pub fn insert(widget: Mounted) {
    MOUNTED.with(|mounted| mounted.borrow_mut().push(widget));
}

/// The props of mount `id`, if it is still registered.
pub fn props_of(id: u64) -> Option<WidgetProps> {
    MOUNTED.with(|mounted| {
        mounted
            .borrow()
            .iter()
            .find(|m| m.id == id)
            .map(Mounted::props)
    })
}

/// Whether mount `id` is still in the registry.
pub fn contains(id: u64) -> bool {
    MOUNTED.with(|mounted| mounted.borrow().iter().any(|m| m.id == id))
}

/// The control of the widget on `host`.
pub fn control_of(host: &Element) -> Option<Rc<Control>> {
    let mut control = None;
    with_host(host, &mut |widget| control = Some(widget.control.clone()));
    control
}

/// Reads the options of the widget on `host` again and, when they changed, hands them to its
/// app (one that has not started yet starts with them).
pub fn reread(host: &Element) {
    with_host(host, &mut |widget| {
        let Some(read) = widget.read else {
            return;
        };
        let options = read(&widget.host);
        if *widget.options == options {
            return;
        }
        super::shadow::set_theme(&widget.container, &options);
        widget.options = Rc::new(options);
        let props = widget.props();
        if let Some(app) = widget.app.as_mut() {
            // Only schedules a render: nothing here comes back into the registry.
            app.update(props);
        }
    });
}

/// Stores the started app of mount `id`; hands it back when that mount is gone.
pub fn attach(id: u64, app: App) -> Option<App> {
    MOUNTED.with(
        |mounted| match mounted.borrow_mut().iter_mut().find(|m| m.id == id) {
            Some(widget) => {
                widget.app = Some(app);
                None
            }
            None => Some(app),
        },
    )
}

/// Takes the widget on `host` out of the registry.
pub fn take(host: &Element) -> Option<Mounted> {
    MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let index = mounted.iter().position(|m| m.host == *host)?;
        Some(mounted.swap_remove(index))
    })
}

/// Takes out every widget whose host is no longer in the document.
pub fn take_disconnected() -> Vec<Mounted> {
    MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let mut gone = Vec::new();
        let mut index = 0;
        while index < mounted.len() {
            if mounted[index].host.is_connected() {
                index += 1;
            } else {
                gone.push(mounted.swap_remove(index));
            }
        }
        gone
    })
}
