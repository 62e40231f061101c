//! JSON Feed 1.0 and 1.1 (jsonfeed.org), with the `_widgets` extension.

use super::Json;

use super::fields::{
    keep_newest, language_tag, language_tag_of, localized_text, positive_u32, text, text_of,
    title_from_text, warn, web_link,
};
use super::limits::{MAX_SETTING_CHARS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};
use super::{
    parse_rfc3339, CarouselSettings, DisclaimerSettings, Feed, FeedError, FeedbackSettings, Image,
    Localized, NewsItem, ResolveUrl, WidgetSettings,
};

const VERSION_PREFIX: &str = "https://jsonfeed.org/version/";

/// Reads a JSON Feed object. Only a missing or non-array `items` is fatal; bad items and fields
/// are dropped with a warning.
pub(super) fn read(
    object: &Json,
    base: &dyn ResolveUrl,
    warnings: &mut Vec<String>,
) -> Result<Feed, FeedError> {
    let Some(Json::Array(raw_items)) = object.get("items") else {
        return Err(FeedError::WrongShape(
            "a JSON Feed needs an \"items\" array",
        ));
    };
    match object.get("version").and_then(Json::as_str) {
        Some(version) if version.starts_with(VERSION_PREFIX) => {}
        Some(version) => warn(
            warnings,
            format_args!("version \"{version}\" is not a JSON Feed version"),
        ),
        None => warn(warnings, format_args!("no JSON Feed \"version\"")),
    }
    let language = language_tag(object.get("language"));
    // A loop, as the steps of a long feed read them: an iterator chain would be code of its own.
    let mut items = Vec::with_capacity(raw_items.len());
    for (index, raw) in raw_items.iter().enumerate() {
        // `push`, not `extend` of an `Option`: that is code of its own.
        if let Some(item) = read_element(raw, index, base, warnings) {
            items.push(item);
        }
    }
    keep_newest(&mut items, warnings);
    let widgets = match object.get("_widgets") {
        Some(settings @ Json::Object(_)) => {
            read_widget_settings(settings, language.as_deref(), base, warnings)
        }
        Some(_) => {
            warn(warnings, format_args!("_widgets: not an object, ignored"));
            WidgetSettings::default()
        }
        None => WidgetSettings::default(),
    };
    Ok(Feed {
        title: text(object, "title", MAX_TITLE_CHARS),
        language,
        items,
        unread_items: 0,
        widgets,
    })
}

/// The news item in `items[index]`, or `None` (with a warning) when it is unusable.
pub(super) fn read_element(
    raw: &Json,
    index: usize,
    base: &dyn ResolveUrl,
    warnings: &mut Vec<String>,
) -> Option<NewsItem> {
    match raw {
        item @ Json::Object(_) => read_item(item, index, base, warnings),
        _ => {
            warn(
                warnings,
                format_args!("items[{index}]: not an object, dropped"),
            );
            None
        }
    }
}

fn read_item(
    item: &Json,
    index: usize,
    base: &dyn ResolveUrl,
    warnings: &mut Vec<String>,
) -> Option<NewsItem> {
    let id = match item.get("id") {
        Some(Json::String(id)) if !id.trim().is_empty() => id.trim().to_string(),
        // Many generators write numeric ids although the spec says string.
        Some(number @ Json::Number(_)) => match number.integer_text() {
            Some(id) => id,
            None => {
                warn(
                    warnings,
                    format_args!("items[{index}]: a fractional \"id\", dropped"),
                );
                return None;
            }
        },
        _ => {
            warn(warnings, format_args!("items[{index}]: no \"id\", dropped"));
            return None;
        }
    };
    let body = text(item, "summary", MAX_SUMMARY_CHARS)
        .or_else(|| text(item, "content_text", MAX_SUMMARY_CHARS))
        .or_else(|| text(item, "content_html", MAX_SUMMARY_CHARS));
    let Some(title) =
        text(item, "title", MAX_TITLE_CHARS).or_else(|| body.as_deref().map(title_from_text))
    else {
        warn(
            warnings,
            format_args!("items[{index}] ({id}): no title or text, dropped"),
        );
        return None;
    };
    let url = link(item, "url", index, base, warnings)
        .or_else(|| link(item, "external_url", index, base, warnings));
    let image = link(item, "image", index, base, warnings)
        .or_else(|| link(item, "banner_image", index, base, warnings))
        .map(|url| Image {
            url,
            alt: text(item, "_image_alt", MAX_SETTING_CHARS).unwrap_or_default(),
            width: positive_u32(item.get("_image_width")),
            height: positive_u32(item.get("_image_height")),
        });
    let published = match item.get("date_published").and_then(Json::as_str) {
        Some(raw) => {
            let parsed = parse_rfc3339(raw);
            if parsed.is_none() {
                warn(
                    warnings,
                    format_args!("items[{index}].date_published: not RFC 3339, ignored"),
                );
            }
            parsed
        }
        None => None,
    };
    Some(NewsItem {
        id,
        title,
        url,
        summary: body,
        image,
        published,
        language: language_tag(item.get("language")),
    })
}

/// An http(s) link from `item[key]`, resolved; a present but unusable one is reported.
fn link(
    item: &Json,
    key: &str,
    index: usize,
    base: &dyn ResolveUrl,
    warnings: &mut Vec<String>,
) -> Option<String> {
    web_link(
        item.get(key)?,
        base,
        warnings,
        format_args!("items[{index}].{key}: not an http(s) URL, dropped"),
    )
}

fn read_widget_settings(
    settings: &Json,
    language: Option<&str>,
    base: &dyn ResolveUrl,
    warnings: &mut Vec<String>,
) -> WidgetSettings {
    let section = |name: &str, warnings: &mut Vec<String>| match settings.get(name) {
        Some(section @ Json::Object(_)) => Some(section),
        Some(_) => {
            warn(
                warnings,
                format_args!("_widgets.{name}: not an object, ignored"),
            );
            None
        }
        None => None,
    };
    let disclaimer = section("disclaimer", warnings).map(|s| DisclaimerSettings {
        organization: text(s, "organization", MAX_SETTING_CHARS),
        version: s
            .get("version")
            .and_then(Json::as_u64)
            .map_or(0, |v| u32::try_from(v).unwrap_or(u32::MAX)),
        text: localized_text(
            s.get("text"),
            language,
            "_widgets.disclaimer.text",
            warnings,
        ),
        position: text(s, "position", 8),
    });
    let feedback = section("feedback", warnings).map(|s| FeedbackSettings {
        endpoint: s.get("endpoint").and_then(|raw| {
            web_link(
                raw,
                base,
                warnings,
                format_args!("_widgets.feedback.endpoint: not an http(s) URL, ignored"),
            )
        }),
        question: localized_text(
            s.get("question"),
            language,
            "_widgets.feedback.question",
            warnings,
        ),
        labels: labels(s.get("labels"), language, warnings),
        comment: s.get("comment").and_then(Json::as_bool),
    });
    let carousel = section("carousel", warnings).map(|s| CarouselSettings {
        label: localized_text(
            s.get("label"),
            language,
            "_widgets.carousel.label",
            warnings,
        ),
        autoplay: s.get("autoplay").and_then(Json::as_bool),
        interval_ms: positive_u32(s.get("interval")),
        max_items: positive_u32(s.get("max_items")).map(|n| n as usize),
        per_view: positive_u32(s.get("per_view")).map(|n| n as usize),
    });
    WidgetSettings {
        disclaimer,
        feedback,
        carousel,
    }
}

/// Five labels, worst to best: an array (in the feed's language) or an object of arrays.
fn labels(
    value: Option<&Json>,
    language: Option<&str>,
    warnings: &mut Vec<String>,
) -> Localized<[String; 5]> {
    let mut localized = Localized::default();
    // By a loop: `filter_map` and `collect` would be code of their own.
    let five = |value: &Json| -> Option<[String; 5]> {
        let array = value.as_array().filter(|array| array.len() == 5)?;
        // Filled in place: a `Vec` made an array would be code of its own.
        let mut texts: [String; 5] = Default::default();
        for (text, label) in texts.iter_mut().zip(array) {
            *text = label
                .as_str()
                .and_then(|raw| text_of(raw, MAX_SETTING_CHARS))?;
        }
        Some(texts)
    };
    match value {
        None | Some(Json::Null) => {}
        Some(Json::Array(_)) => match value.and_then(five) {
            Some(labels) => localized.insert(language.unwrap_or(""), labels),
            None => warn(
                warnings,
                format_args!("_widgets.feedback.labels: needs exactly 5 texts"),
            ),
        },
        Some(Json::Object(per_language)) => {
            for (tag, raw) in per_language {
                match (language_tag_of(tag), five(raw)) {
                    (Some(tag), Some(labels)) => localized.insert(&tag, labels),
                    _ => warn(
                        warnings,
                        format_args!(
                        "_widgets.feedback.labels.{tag}: needs a language tag with exactly 5 texts"
                    ),
                    ),
                }
            }
        }
        Some(_) => warn(
            warnings,
            format_args!("_widgets.feedback.labels: expected an array or an object"),
        ),
    }
    localized
}
