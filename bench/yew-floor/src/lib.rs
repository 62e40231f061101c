//! The floor of a Yew carousel: the least a carousel built with Yew does to show a feed's first
//! slide (what `bench/carousel/page/splide-page.js` puts on screen, in the markup our carousel
//! uses), so the benchmark can tell what Yew itself costs before any feature. No error is
//! recovered beyond what keeps it from panicking: a benchmark page, not a widget.

use std::rc::Rc;

use js_sys::{Array, Date, Intl, Reflect, JSON};
use wasm_bindgen::prelude::*;
use web_sys::{ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

// The bundle's allocator, so that the floor is built as the bundle is.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The slides shown, the buttons 24×24 px and a visible focus: no more than the page needs.
const CSS: &str = ".fw-carousel{font:16px/1.4 system-ui,sans-serif}\
button{min-width:24px;min-height:24px}\
button:focus-visible{outline:2px solid}\
.fw-carousel__slide{display:block}\
.fw-carousel__slide[hidden]{display:none}";

/// One feed item, as shown.
#[derive(PartialEq)]
struct Item {
    title: AttrValue,
    url: Option<AttrValue>,
    datetime: AttrValue,
    date: AttrValue,
    summary: AttrValue,
}

/// The carousel's items.
#[derive(PartialEq, Properties)]
struct Props {
    items: Rc<[Item]>,
}

/// `object[key]` as a string, empty when it is missing or not a string.
fn text(object: &JsValue, key: &str) -> String {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// The feed's items, each date written by one `Intl.DateTimeFormat` in the page's language.
fn items(feed: &JsValue, lang: &str) -> Vec<Item> {
    let options = Intl::DateTimeFormatOptions::new();
    options.set_date_style(Intl::DateTimeStyle::Long);
    let format = Intl::DateTimeFormat::new(&Array::of1(&lang.into()), &options).format();
    let list = Reflect::get(feed, &"items".into()).unwrap_or_default();
    let list = Array::from(&list);
    list.iter()
        .map(|item| {
            let datetime = text(&item, "date_published");
            let date = format
                .call1(&JsValue::NULL, &Date::new(&datetime.as_str().into()))
                .ok()
                .and_then(|d| d.as_string())
                .unwrap_or_default();
            let url = text(&item, "url");
            Item {
                title: text(&item, "title").into(),
                url: (url.starts_with("https://") || url.starts_with("http://"))
                    .then(|| url.into()),
                datetime: datetime.into(),
                date: date.into(),
                summary: text(&item, "summary").into(),
            }
        })
        .collect()
}

/// One slide: its title link, date and summary; hidden unless it is the current one.
fn slide(item: &Item, hidden: bool) -> Html {
    html! {
        <article class="fw-carousel__slide" {hidden}>
            <h2 class="fw-carousel__title"><a href={item.url.clone()}>{item.title.clone()}</a></h2>
            <time datetime={item.datetime.clone()}>{item.date.clone()}</time>
            <p>{item.summary.clone()}</p>
        </article>
    }
}

/// The carousel: Previous and Next move the current slide, with wrap-around.
#[component]
fn Carousel(props: &Props) -> Html {
    let index = use_state(|| 0usize);
    let count = props.items.len().max(1);
    let step = |by: usize| {
        let index = index.clone();
        Callback::from(move |_: MouseEvent| index.set((*index + by) % count))
    };
    html! {
        <div class="fw-carousel" role="region" aria-roledescription="carousel" aria-label="News">
            <button type="button" aria-label="Previous" onclick={step(count - 1)}>{"‹"}</button>
            <button type="button" aria-label="Next" onclick={step(1)}>{"›"}</button>
            <p aria-live="polite">{format!("{} of {}", *index + 1, props.items.len())}</p>
            { for props.items.iter().enumerate().map(|(i, item)| slide(item, i != *index)) }
        </div>
    }
}

/// Renders the carousel from `feed` (the feed's bytes, JSON) into an open shadow root of the
/// page's `<fw-news-carousel>`.
#[wasm_bindgen]
pub fn boot(feed: &[u8]) -> Result<(), JsValue> {
    let text = std::str::from_utf8(feed).map_err(|_| "the feed is not UTF-8")?;
    let feed = JSON::parse(text)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_default();
    let host = document
        .query_selector("fw-news-carousel")?
        .ok_or("no <fw-news-carousel>")?;
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let style = document.create_element("style")?;
    style.set_text_content(Some(CSS));
    let root = document.create_element("div")?;
    shadow.append_child(&style)?;
    shadow.append_child(&root)?;
    let items: Rc<[Item]> = items(&feed, &lang).into();
    yew::Renderer::<Carousel>::with_root_and_props(root, Props { items }).render();
    Ok(())
}
