//! The one Yew component every mount renders, whatever its widget.
//!
//! Each component type is a copy of Yew's lifecycle code (its state, scope, app handle and
//! render runner are generic over it); one component whose body is the kind's hook carries
//! that code once for the three widgets (425 gzip bytes less than three components).

use yew::functional::{Hook, HookContext};
use yew::prelude::*;

use super::{carousel, disclaimer, feedback, WidgetKind, WidgetProps};

/// Renders the widget of `props.kind`.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    use_widget_body(props)
}

/// The hook of the mount's widget kind. A mount's kind never changes, so each render runs the
/// same hooks in the same order, which is all Yew's hook rules ask for; the `#[hook]` macro
/// cannot say so (it refuses a hook in a `match`), hence a [`Hook`] of our own.
fn use_widget_body(props: &WidgetProps) -> WidgetBody<'_> {
    WidgetBody(props)
}

/// The body of [`Widget`] as a hook.
struct WidgetBody<'a>(&'a WidgetProps);

impl Hook for WidgetBody<'_> {
    type Output = Html;

    fn run(self, ctx: &mut HookContext) -> Html {
        let props = self.0;
        match props.kind {
            WidgetKind::Carousel => carousel::use_carousel(props).run(ctx),
            WidgetKind::Feedback => feedback::use_feedback(props).run(ctx),
            WidgetKind::Disclaimer => disclaimer::use_disclaimer(props).run(ctx),
        }
    }
}
