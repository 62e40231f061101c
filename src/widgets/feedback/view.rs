//! The feedback widget's views, plain functions (a component each would cost its weight in
//! Wasm): the rating form, the comment step, the thanks, and the message that says why the
//! form is still there (no choice, queued, refused).

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Key, Listeners, VTag, VText};

use super::super::vdom::{class, element, keyed, list, listened, Fixed};
use super::config::FeedbackConfig;
use super::state::{Action, FeedbackState, Phase};
use crate::i18n::FeedbackTexts;

/// Longest comment, in UTF-16 code units as `maxlength` counts (the collector's default).
/// Written out, not a number: its `to_string` at every render was code of its own (size).
const MAX_COMMENT: &str = "1000";

/// The comment field's label.
const COMMENT_LABEL: Fixed = &[
    ("for", AttributeOrProperty::Static("fw-comment")),
    ("class", AttributeOrProperty::Static("fw-feedback__label")),
];
/// The comment field's hint.
const COMMENT_HINT: Fixed = &[
    ("id", AttributeOrProperty::Static("fw-comment-hint")),
    ("class", AttributeOrProperty::Static("fw-feedback__hint")),
];
/// The comment's counter.
const COMMENT_COUNT: Fixed = &[
    ("id", AttributeOrProperty::Static("fw-comment-count")),
    ("class", AttributeOrProperty::Static("fw-feedback__count")),
];
/// The honeypot's box: off-screen, hidden from assistive technology.
const HONEYPOT: Fixed = &[
    ("aria-hidden", AttributeOrProperty::Static("true")),
    ("class", AttributeOrProperty::Static("fw-feedback__hp")),
];

/// The thanks heading, focused when it appears.
const THANKS: Fixed = &[
    ("tabindex", AttributeOrProperty::Static("-1")),
    ("class", AttributeOrProperty::Static("fw-feedback__thanks")),
];

/// The message: a refusal, or no choice yet.
const MESSAGE: Fixed = &[
    ("class", AttributeOrProperty::Static("fw-feedback__message")),
    ("role", AttributeOrProperty::Static("alert")),
    ("tabindex", AttributeOrProperty::Static("-1")),
];
/// The message that the submission waits in the outbox.
const QUEUED: Fixed = &[
    (
        "class",
        AttributeOrProperty::Static("fw-feedback__message fw-feedback__message--queued"),
    ),
    ("role", AttributeOrProperty::Static("alert")),
    ("tabindex", AttributeOrProperty::Static("-1")),
];
/// The same in the compact form, said politely.
const QUEUED_POLITE: Fixed = &[
    (
        "class",
        AttributeOrProperty::Static("fw-feedback__message fw-feedback__message--queued"),
    ),
    ("role", AttributeOrProperty::Static("status")),
    ("tabindex", AttributeOrProperty::Static("-1")),
];

/// The elements the widget's effects reach.
#[derive(Clone, Default)]
pub struct Refs {
    /// The comment field, read when the comment is sent.
    pub comment: NodeRef,
    /// The message, focused when a submission is queued or refused.
    pub message: NodeRef,
    /// The thanks heading, focused when it appears.
    pub thanks: NodeRef,
    /// The honeypot field, read when a submission is sent.
    pub honeypot: NodeRef,
}

/// What a form view is drawn from.
pub struct Form<'a> {
    /// Where the form is.
    pub state: FeedbackState,
    /// The widget's options.
    pub config: &'a FeedbackConfig<'a>,
    /// The texts in the widget's language.
    pub texts: &'static FeedbackTexts,
    /// The widget's language tag.
    pub tag: &'a str,
    /// The widget's direction (`ltr`, `rtl`).
    pub dir: &'static str,
    /// Every change to the form goes through here.
    pub act: &'a Callback<Action>,
    /// The elements the effects reach.
    pub refs: &'a Refs,
}

/// The end: a heading that thanks, announced as a status.
pub fn thanks(text: &'static str, tag: &str, dir: &'static str, heading: &NodeRef) -> Html {
    let heading = referenced("h2", heading, None, THANKS, static_text(text));
    let attributes = Attributes::Dynamic {
        keys: &["role", "lang", "dir", "class"],
        values: Box::new([
            Some(AttributeOrProperty::Static("status")),
            Some(AttributeOrProperty::Attribute(tag.to_string().into())),
            Some(AttributeOrProperty::Static(dir)),
            Some(AttributeOrProperty::Static("fw-feedback")),
        ]),
    };
    element("div", attributes, heading)
}

/// The form: the question and its five answers as a native radio group, or, once the
/// rating is saved, the comment step; then the message and the buttons. One `<form>` for
/// both steps, so its element and listeners are built by one piece of code. The message and
/// the button are each one child, empty when absent, not `for` over an `Option`: that
/// would bring `Vec::extend`'s generic code for these two lists alone (size).
pub fn form(form: &Form) -> Html {
    let state = form.state;
    let sending = state.phase == Phase::Sending;
    let message = message(form);
    let button = submit_button(form, message.is_some());
    let step = if state.rated {
        comment_fields(form)
    } else {
        scale(form)
    };
    // The comment step keeps its row of buttons, even empty after a refusal.
    let actions = if state.rated || button.is_some() {
        // A plain `if`, not `html!`'s, which wraps each branch in a list of its own (size).
        let skip = if state.phase == Phase::Comment {
            let on_skip = form.act.reform(|_: MouseEvent| Action::Skip);
            listened(
                "button",
                Attributes::Static(&[
                    ("type", AttributeOrProperty::Static("button")),
                    ("class", AttributeOrProperty::Static("fw-feedback__skip")),
                ]),
                yew::html::onclick::Wrapper::__macro_new(on_skip),
                static_text(form.texts.skip),
            )
        } else {
            Html::default()
        };
        let buttons = list(vec![button.unwrap_or_default(), skip]);
        element(
            "div",
            Attributes::Static(class!("fw-feedback__actions")),
            buttons,
        )
    } else {
        Html::default()
    };
    let children = list(vec![step, message.unwrap_or_default(), actions]);
    // Built by `vdom::listened`, not inline by `html!` (size); the attributes in `html!`'s
    // order.
    let attributes = Attributes::Dynamic {
        keys: &["part", "lang", "dir", "aria-busy", "novalidate", "class"],
        values: Box::new([
            Some(AttributeOrProperty::Static("form")),
            Some(AttributeOrProperty::Attribute(form.tag.to_string().into())),
            Some(AttributeOrProperty::Static(form.dir)),
            sending.then_some(AttributeOrProperty::Static("true")),
            Some(AttributeOrProperty::Static("novalidate")),
            Some(AttributeOrProperty::Static("fw-feedback")),
        ]),
    };
    let onsubmit = yew::html::onsubmit::Wrapper::__macro_new(on_submit(form.act));
    listened("form", attributes, onsubmit, children)
}

/// The question and its five answers as a native radio group, and the honeypot.
fn scale(form: &Form) -> Html {
    let state = form.state;
    let sending = state.phase == Phase::Sending;
    let on_change = form
        .act
        .reform(|event: Event| Action::Choose(rating_of(&event)));
    // Enter, or Space on the checked answer (which changes nothing), sends what is checked;
    // Enter is the browser's implicit submission, made explicit so it does not depend on the
    // form's other fields. An arrow key only moves.
    let on_key = form.act.reform(|event: KeyboardEvent| {
        let key = event.key();
        let checked = event
            .target_dyn_into::<HtmlInputElement>()
            .is_some_and(|input| input.checked());
        if key == "Enter" || (key == " " && checked) {
            event.prevent_default();
            return Action::Submit;
        }
        Action::Key(key.starts_with("Arrow"))
    });
    // A loop into a list, not an adapter chain Yew collects: that code would be ours alone.
    // Counted by hand over a slice, not zipped with a range: the zip over the array would be
    // this loop's own iterator code.
    let (mut options, mut value) = (Vec::with_capacity(5), 0);
    for label in form.config.labels.iter() {
        value += 1;
        options.push(option(value, label, state.rating, &on_change));
    }
    let options = list(options);
    let scale = listened(
        "div",
        Attributes::Static(&[
            ("part", AttributeOrProperty::Static("options")),
            ("class", AttributeOrProperty::Static("fw-feedback__scale")),
        ]),
        yew::html::onkeydown::Wrapper::__macro_new(on_key),
        options,
    );
    let legend = element(
        "legend",
        Attributes::Static(&[]),
        VText::new(form.config.question.to_string()).into(),
    );
    let fields = list(vec![legend, scale]);
    let disabled = sending || state.phase == Phase::Failed;
    let fieldset = element(
        "fieldset",
        Attributes::Dynamic {
            keys: &["disabled"],
            values: Box::new([disabled.then_some(AttributeOrProperty::Static("disabled"))]),
        },
        fields,
    );
    list(vec![fieldset, honeypot(&form.refs.honeypot)])
}

/// The optional comment once the rating is saved: a field the browser owns (uncontrolled;
/// the state only keeps its length for the counter), and the honeypot.
fn comment_fields(form: &Form) -> Html {
    let (state, texts) = (form.state, form.texts);
    let sending = state.phase == Phase::Sending;
    // The browser's own count of the text's UTF-16 code units, as `maxlength` counts: no copy
    // of the text into Wasm, nor code to count it there.
    let on_input = form.act.reform(|event: InputEvent| {
        let length = event
            .target_dyn_into::<HtmlTextAreaElement>()
            .map_or(0, |area| area.text_length());
        Action::Typed(u16::try_from(length).unwrap_or(u16::MAX))
    });
    let count = state.comment_len;
    let heading = referenced(
        "h2",
        &form.refs.thanks,
        None,
        THANKS,
        static_text(texts.comment_heading),
    );
    let field = html! {
        <textarea id="fw-comment" rows="4" maxlength={MAX_COMMENT}
                  aria-describedby="fw-comment-hint fw-comment-count" ref={form.refs.comment.clone()}
                  oninput={on_input} readonly={sending || state.phase == Phase::Failed} />
    };
    list(vec![
        element(
            "div",
            Attributes::Static(&[("role", AttributeOrProperty::Static("status"))]),
            heading,
        ),
        element(
            "label",
            Attributes::Static(COMMENT_LABEL),
            static_text(texts.comment_label),
        ),
        element(
            "p",
            Attributes::Static(COMMENT_HINT),
            static_text(texts.comment_hint),
        ),
        field,
        element(
            "p",
            Attributes::Static(COMMENT_COUNT),
            VText::new(format!("{count} / {MAX_COMMENT}")).into(),
        ),
        honeypot(&form.refs.honeypot),
    ])
}

/// The rating of the radio an event is on; 0 (ignored by the reducer) for anything else.
/// Read as the one digit the radios carry (`digit`), not parsed: `u8` parsing would be this
/// listener's own code.
fn rating_of(event: &Event) -> u8 {
    let value = event
        .target_dyn_into::<HtmlInputElement>()
        .map(|input| input.value());
    match value.as_deref().map(str::as_bytes) {
        Some(&[digit @ b'1'..=b'5']) => digit - b'0',
        _ => 0,
    }
}

fn on_submit(act: &Callback<Action>) -> Callback<SubmitEvent> {
    act.reform(|event: SubmitEvent| {
        event.prevent_default();
        Action::Submit
    })
}

/// Why the form is still there: no choice yet, a refusal, or a place in the outbox (not an
/// error: the answer is safe on this device, and the message says so).
fn message(form: &Form) -> Option<Html> {
    let (state, texts) = (form.state, form.texts);
    let message = match state.phase {
        Phase::Failed if state.rated => texts.comment_refused,
        Phase::Failed => texts.refused,
        Phase::Queued => texts.queued,
        _ if state.needs_choice => texts.choose_rating,
        _ => return None,
    };
    // Compact sends on a pick, so its waiting message answers that pick: said politely, not
    // over the reading of the option just chosen. A refusal is still an alert. Each variant's
    // attributes a fixed list, the element built once by hand: two `html!` elements with a
    // dynamic `role` cost more Wasm (size).
    let attributes = match (state.phase, form.config.compact) {
        (Phase::Queued, true) => QUEUED_POLITE,
        (Phase::Queued, false) => QUEUED,
        _ => MESSAGE,
    };
    // Keyed by the text: a translator that ignores translate="no" replaces text nodes, and Yew
    // would go on updating the detached one.
    Some(referenced(
        "p",
        &form.refs.message,
        Some(message.into()),
        attributes,
        static_text(message),
    ))
}

/// Send, sending or try again. None after a final refusal (the same submission would only be
/// refused again), nor in the compact form until there is something to say.
fn submit_button(form: &Form, with_message: bool) -> Option<Html> {
    let (state, texts) = (form.state, form.texts);
    let sending = state.phase == Phase::Sending;
    let shown = state.phase != Phase::Failed
        && (!form.config.compact || state.rated || with_message || sending);
    let text = match state.phase {
        Phase::Sending => texts.sending,
        Phase::Queued => texts.retry,
        _ => texts.submit,
    };
    shown.then(|| {
        let label = keyed(
            "span",
            Some(text.into()),
            Attributes::Static(&[]),
            static_text(text),
        );
        let attributes = Attributes::Dynamic {
            keys: &["type", "part", "disabled", "class"],
            values: Box::new([
                Some(AttributeOrProperty::Static("submit")),
                Some(AttributeOrProperty::Static("submit")),
                sending.then_some(AttributeOrProperty::Static("disabled")),
                Some(AttributeOrProperty::Static("fw-feedback__submit")),
            ]),
        };
        element("button", attributes, label)
    })
}

/// The honeypot: a field people never see nor reach (off-screen, hidden from assistive
/// technology, out of the tab order) that form-filling robots do fill in.
fn honeypot(field: &NodeRef) -> Html {
    let input = html! {
        <input type="text" name="website" tabindex="-1" autocomplete="off" ref={field.clone()} />
    };
    let input = list(vec![static_text("Website"), input]);
    element(
        "div",
        Attributes::Static(HONEYPOT),
        element("label", Attributes::Static(&[]), input),
    )
}

fn option(value: u8, label: &str, chosen: Option<u8>, on_change: &Callback<Event>) -> Html {
    let input = html! {
        <input type="radio" name="rating" value={digit(value)} checked={chosen == Some(value)}
               onchange={on_change.clone()} />
    };
    let children = list(vec![
        input,
        element(
            "span",
            Attributes::Static(&[]),
            VText::new(label.to_string()).into(),
        ),
    ]);
    element(
        "label",
        Attributes::Static(class!("fw-feedback__option")),
        children,
    )
}

/// `value` (1 to 5) as its digit, a static text (a `u8`'s `to_string` brings its own
/// formatting code).
fn digit(value: u8) -> &'static str {
    let at = usize::from(value).saturating_sub(1);
    "12345".get(at..=at).unwrap_or_default()
}

/// A static text as a node, as it is: `Into<Html>` and `html!`'s `{ text }` copy a text into a
/// `String` through `ToString` first, and a `String` once more (size).
fn static_text(text: &'static str) -> Html {
    VText::new(text).into()
}

/// An element with its node `reference` and an optional `key`: `html!`'s construction for
/// the two headings and the message, made in this one place (size).
fn referenced(
    tag: &'static str,
    reference: &NodeRef,
    key: Option<Key>,
    attributes: Fixed,
    children: Html,
) -> Html {
    VTag::__new_other(
        AttrValue::Static(tag),
        reference.clone(),
        key,
        Attributes::Static(attributes),
        Listeners::None,
        children,
    )
    .into()
}
