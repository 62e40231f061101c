//! A WordPress REST API posts list (`/wp-json/wp/v2/posts`, with or without `_embed`), read as
//! WordPress publishes it.

use super::Json;

use super::fields::{
    keep_newest, language_tag, positive_u32, text, text_of, title_from_text, warn, web_link,
};
use super::limits::{MAX_SETTING_CHARS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};
use super::{parse_rfc3339, web_url, Feed, Image, NewsItem, ResolveUrl};

/// Reads an array of posts; entries that are not posts are dropped with a warning.
pub(super) fn read(posts: &[Json], base: &dyn ResolveUrl, warnings: &mut Vec<String>) -> Feed {
    // A loop: an iterator chain would be code of its own.
    let mut items = Vec::with_capacity(posts.len());
    for (index, post) in posts.iter().enumerate() {
        let item = match post {
            post @ Json::Object(_) => read_post(post, index, base, warnings),
            _ => {
                warn(
                    warnings,
                    format_args!("posts[{index}]: not an object, dropped"),
                );
                None
            }
        };
        // `push`, not `extend` of an `Option`: that is code of its own.
        if let Some(item) = item {
            items.push(item);
        }
    }
    keep_newest(&mut items, warnings);
    Feed {
        items,
        ..Feed::default()
    }
}

fn read_post(
    post: &Json,
    index: usize,
    base: &dyn ResolveUrl,
    warnings: &mut Vec<String>,
) -> Option<NewsItem> {
    let id = match post.get("id") {
        Some(number @ Json::Number(_)) => number.integer_text()?,
        Some(Json::String(id)) if !id.trim().is_empty() => id.trim().to_string(),
        _ => {
            warn(warnings, format_args!("posts[{index}]: no \"id\", dropped"));
            return None;
        }
    };
    let summary = rendered(post, "excerpt", MAX_SUMMARY_CHARS);
    let Some(title) = rendered(post, "title", MAX_TITLE_CHARS)
        .or_else(|| summary.as_deref().map(title_from_text))
    else {
        warn(
            warnings,
            format_args!("posts[{index}] ({id}): no title or excerpt, dropped"),
        );
        return None;
    };
    // A link that is no string is left out without a word, as WordPress never writes one.
    let url = post
        .get("link")
        .filter(|link| link.as_str().is_some())
        .and_then(|link| {
            web_link(
                link,
                base,
                warnings,
                format_args!("posts[{index}].link: not an http(s) URL, dropped"),
            )
        });
    // `date_gmt` has no offset but is UTC; `date` is site-local time, a fallback only.
    let published = post
        .get("date_gmt")
        .or_else(|| post.get("date"))
        .and_then(Json::as_str)
        .and_then(parse_rfc3339);
    Some(NewsItem {
        id,
        title,
        url,
        summary,
        image: featured_image(post, base),
        published,
        // Polylang and WPML expose the post language under these names.
        language: language_tag(post.get("lang")).or_else(|| language_tag(post.get("language"))),
    })
}

/// `post[key].rendered` (WordPress's HTML rendering of a field) as plain text.
fn rendered(post: &Json, key: &str, max_chars: usize) -> Option<String> {
    match post.get(key)? {
        field @ Json::Object(_) => text(field, "rendered", max_chars),
        Json::String(raw) => text_of(raw, max_chars),
        _ => None,
    }
}

/// The featured image from `_embedded["wp:featuredmedia"][0]`, else Jetpack's flat URL.
fn featured_image(post: &Json, base: &dyn ResolveUrl) -> Option<Image> {
    let media = post
        .get("_embedded")
        .and_then(|embedded| embedded.get("wp:featuredmedia"))
        .and_then(|list| list.as_array()?.first())
        .filter(|media| media.as_object().is_some());
    if let Some(media) = media {
        if let Some(url) = media
            .get("source_url")
            .and_then(Json::as_str)
            .and_then(|u| web_url(u, base))
        {
            let details = media.get("media_details");
            return Some(Image {
                url,
                alt: text(media, "alt_text", MAX_SETTING_CHARS).unwrap_or_default(),
                width: positive_u32(details.and_then(|d| d.get("width"))),
                height: positive_u32(details.and_then(|d| d.get("height"))),
            });
        }
    }
    let url = post.get("jetpack_featured_media_url")?.as_str()?;
    Some(Image {
        url: web_url(url, base)?,
        alt: String::new(),
        width: None,
        height: None,
    })
}
