//! Putting widgets into host pages: custom elements, `data-fw-widget` containers and the JS API,
//! each widget in its own open shadow root, tracked so it can be unmounted without leaks.

mod attributes;
mod elements;
mod kinds;
mod live;
mod registry;
mod scan;
mod shadow;

use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Re-exported for hosts of the Rust API: the options a mount takes.
pub use crate::widgets::WidgetOptions;
pub use attributes::{from_data_attributes, from_element_attributes, from_js_object};
pub use elements::{attribute_changed, call, connected, disconnected, set_loader};
pub use kinds::{KindApi, KindSpec, WidgetKind, API, KINDS};

use crate::platform::{page, task};
use crate::widgets::{Control, Widget};

/// What a `data-fw-widget` container carries from its widget's first render to its unmount:
/// `feedwidgets.css` reserves the widget's space on containers without it.
const READY: &str = "data-fw-ready";

// Atomics rather than thread-locals: each thread-local's `with` is generic code of its own,
// and the bundle is single-threaded, so these are plain loads and stores (size).
static BOOTED: AtomicBool = AtomicBool::new(false);
static NEXT_MOUNT_ID: AtomicU64 = AtomicU64::new(0);

/// Starts the bundle on the page: records the page language as it was before any translation,
/// mounts the `data-fw-widget` containers and watches for later ones. The custom elements are
/// the loader's: it hands their callbacks to [`connected`] and the others. Calling it again
/// does nothing.
pub fn boot(original_language: Option<String>) {
    page::record_original_language(original_language);
    if BOOTED.swap(true, Ordering::Relaxed) {
        return;
    }
    if let Some(root) = page::html_element() {
        scan::mount_containers_in(&root);
    }
    scan::watch_document();
}

/// Mounts a widget of `kind` on `host` with `options`, replacing any widget already there.
///
/// The shadow root is ready when this returns; the widget starts a microtask later, and only
/// if it is still mounted then. Yew creates a component on its next scheduler run and handles
/// destroys before creates in that run, so an app destroyed in the task that rendered it would
/// still come to life (and fetch its feed) with no one to stop it.
pub fn mount(host: &Element, kind: WidgetKind, options: WidgetOptions) -> Result<(), String> {
    mount_with(host, kind, options, None)
}

/// [`mount`], with the `read` that reads the options again when the host's attributes change.
fn mount_with(
    host: &Element,
    kind: WidgetKind,
    options: WidgetOptions,
    read: Option<registry::Reader>,
) -> Result<(), String> {
    unmount(host);
    let (shadow, container) = shadow::prepare(host, kind.spec().css)?;
    // On the root, before the feed arrives, so loading and error states wear the theme too.
    shadow::set_theme(&container, &options);
    let id = NEXT_MOUNT_ID.fetch_add(1, Ordering::Relaxed);
    let settled = {
        let (shadow, container) = (shadow.clone(), container.clone());
        Box::new(move || shadow::settle(&shadow, &container))
    };
    registry::insert(registry::Mounted {
        id,
        host: host.clone(),
        kind,
        shadow,
        container: container.clone(),
        app: None,
        options: Rc::new(options),
        read,
        control: Rc::new(Control::new(settled)),
    });
    let host = host.clone();
    task::spawn(Box::pin(async move {
        // The options as they are now: attributes may have changed since the mount.
        let Some(props) = registry::props_of(id) else {
            return;
        };
        let app = yew::Renderer::<Widget>::with_root_and_props(container, props).render();
        if let Some(orphan) = registry::attach(id, app) {
            orphan.destroy();
            return;
        }
        // Yew renders in a task that `render` queued: this one comes after it, in the same
        // microtask checkpoint, so no frame shows both the reserve and the widget. The reserve (`feedwidgets.css`) gives way to the loading state, which has its height:
        // a container gets `data-fw-ready`, an element loses its `pending` state.
        task::spawn(Box::pin(async move {
            if !registry::contains(id) {
                return;
            }
            if host.has_attribute("data-fw-widget") {
                let _ = host.set_attribute(READY, "");
            } else {
                elements::first_rendered(&host);
            }
        }));
    }));
    Ok(())
}

/// Unmounts the widget on `host`: destroys its app (timers, observers and listeners go with it)
/// and empties its shadow root. Whether there was one.
pub fn unmount(host: &Element) -> bool {
    match registry::take(host) {
        Some(widget) => {
            destroy(widget);
            true
        }
        None => false,
    }
}

/// How many widgets are mounted on the page.
pub fn mounted_count() -> usize {
    registry::count()
}

/// The kind of widget mounted on `host`, if any.
pub fn mounted_kind(host: &Element) -> Option<WidgetKind> {
    registry::kind_of(host)
}

/// Unmounts every widget whose host left the document.
fn unmount_disconnected() {
    for widget in registry::take_disconnected() {
        destroy(widget);
    }
}

/// Unmounts `host` after the current task unless it is back in the document by then, so that
/// moving a widget (remove, then insert elsewhere) keeps its state.
fn schedule_unmount_if_detached(host: Element) {
    task::spawn(Box::pin(async move {
        let _ =
            wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
        if !host.is_connected() {
            unmount(&host);
        }
    }));
}

fn destroy(widget: registry::Mounted) {
    // Not rendered any more: the reserve comes back while the element stays.
    let _ = widget.host.remove_attribute(READY);
    if let Some(app) = widget.app {
        app.destroy();
    }
    widget.container.remove();
    shadow::clear(&widget.shadow);
}
