//! Human labels for stored values: language names, rating names, dates. The report speaks
//! to people reading it, not to the database.

/// The widget's five answers, from 1 to 5.
pub const RATING_NAMES: [&str; 5] = [
    "Extremely dissatisfied",
    "Dissatisfied",
    "Neither satisfied nor dissatisfied",
    "Satisfied",
    "Extremely satisfied",
];

/// English names of the languages the widgets and their host sites commonly use.
const LANGUAGES: [(&str, &str); 24] = [
    ("ar", "Arabic"),
    ("bn", "Bengali"),
    ("de", "German"),
    ("en", "English"),
    ("es", "Spanish"),
    ("fa", "Persian"),
    ("fr", "French"),
    ("ha", "Hausa"),
    ("hi", "Hindi"),
    ("id", "Indonesian"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("ms", "Malay"),
    ("nl", "Dutch"),
    ("pl", "Polish"),
    ("ps", "Pashto"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("sw", "Swahili"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("ur", "Urdu"),
    ("zh", "Chinese"),
];

/// `Arabic (ar)`, `Portuguese (pt-BR)`; an unknown tag is shown as it is.
pub fn language(tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag);
    match LANGUAGES.iter().find(|(code, _)| *code == primary) {
        Some((_, name)) => format!("{name} ({tag})"),
        None => tag.to_owned(),
    }
}

/// `4 – Satisfied`.
pub fn rating(r: u8) -> String {
    let name = usize::from(r)
        .checked_sub(1)
        .and_then(|i| RATING_NAMES.get(i))
        .copied()
        .unwrap_or("unknown");
    format!("{r} – {name}")
}

/// `Machine-translated: yes` / `no`.
pub fn translated(t: bool) -> &'static str {
    if t {
        "Machine-translated: yes"
    } else {
        "Machine-translated: no"
    }
}

/// The segment keys of the summary's translation split, in words.
pub fn translated_key(key: &str) -> String {
    match key {
        "true" => "Machine-translated".to_owned(),
        "false" => "Original language".to_owned(),
        other => other.to_owned(),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `2026-12-01` → `1 Dec 2026`; anything else is shown as it is.
pub fn day(iso: &str) -> String {
    let mut parts = iso.get(..10).unwrap_or(iso).split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    let month = m
        .parse::<usize>()
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| MONTHS.get(i));
    match (month, d.parse::<u32>()) {
        (Some(month), Ok(d)) => format!("{d} {month} {y}"),
        _ => iso.to_owned(),
    }
}

/// `2026-12-01T15:51:30.123Z` → `1 Dec 2026, 15:51 UTC`.
pub fn date_time(iso: &str) -> String {
    match iso.get(11..16) {
        Some(hm) if iso.len() >= 16 => format!("{}, {hm} UTC", day(iso)),
        _ => day(iso),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_as_words() {
        assert_eq!(language("ar"), "Arabic (ar)");
        assert_eq!(language("pt-BR"), "Portuguese (pt-BR)");
        assert_eq!(language("xx"), "xx");
        assert_eq!(rating(5), "5 – Extremely satisfied");
        assert_eq!(translated(true), "Machine-translated: yes");
        assert_eq!(translated_key("false"), "Original language");
        assert_eq!(day("2026-12-01"), "1 Dec 2026");
        assert_eq!(
            date_time("2026-12-01T15:51:30.123Z"),
            "1 Dec 2026, 15:51 UTC"
        );
        assert_eq!(day("garbage"), "garbage");
    }
}
