//! The texts of one language, and filling their placeholders.

pub use super::carousel_texts::CarouselTexts;
pub use super::disclaimer_texts::DisclaimerTexts;
pub use super::feedback_texts::FeedbackTexts;

/// Every user-visible text of the widgets in one language, one part per widget.
///
/// Placeholders are written `{name}` and filled with [`fill`].
#[derive(Debug)]
pub struct Catalog {
    /// Shown while a feed loads.
    pub loading: &'static str,
    /// The news carousel.
    pub carousel: CarouselTexts,
    /// The feedback widget.
    pub feedback: FeedbackTexts,
    /// The disclaimer banner.
    pub disclaimer: DisclaimerTexts,
}
/// Replaces each `{name}` in `template` with its value, in one pass over the template by a
/// byte loop: a replacement of each placeholder in turn made a string per placeholder and
/// brought the substring search (size). Values are not searched for placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let bytes = template.as_bytes();
    let mut out = String::with_capacity(template.len());
    // `start` is where the text not copied yet begins; `at` the byte looked at.
    let (mut start, mut at) = (0, 0);
    while let Some(&b) = bytes.get(at) {
        if b == b'{' {
            for (name, value) in values {
                let end = at + 1 + name.len();
                if bytes.get(at + 1..end) == Some(name.as_bytes()) && bytes.get(end) == Some(&b'}')
                {
                    // `{` and `}` are ASCII: both ends are character boundaries.
                    out.push_str(template.get(start..at).unwrap_or_default());
                    out.push_str(value);
                    (start, at) = (end + 1, end);
                    break;
                }
            }
        }
        at += 1;
    }
    out.push_str(template.get(start..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_every_placeholder_and_leaves_the_rest() {
        let values = [("n", "2"), ("total", "10")];
        assert_eq!(fill("{n} of {total}", &values), "2 of 10");
        assert_eq!(fill("{n}{n}", &values), "22", "each occurrence");
        assert_eq!(fill("é {n} ٢", &values), "é 2 ٢");
        assert_eq!(
            fill("{{n}} {x} {n {total", &values),
            "{2} {x} {n {total",
            "unknown and unclosed braces stay"
        );
        assert_eq!(fill("{n}", &[("n", "{total}"), ("total", "9")]), "{total}");
        assert_eq!(fill("", &values), "");
    }
}
