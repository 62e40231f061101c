//! A widget's options as the host page wrote them (attributes, `data-*` or the JS API):
//! the widgets' input. `embed` builds them; each widget resolves its own from them.

/// Options by kebab-case name (`src`, `endpoint`, `org`, `lang`, `timeout`, …), as strings.
/// A handful per widget, so a list beats a map in code size.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WidgetOptions(Vec<(String, String)>);

impl WidgetOptions {
    /// Adds an option; a camelCase name (from a JS object) becomes kebab-case.
    pub fn insert(&mut self, name: &str, value: impl Into<String>) {
        let name = kebab_case(name);
        let value = value.into();
        match self.0.iter_mut().find(|(known, _)| *known == name) {
            Some((_, old)) => *old = value,
            None => self.0.push((name, value)),
        }
    }

    /// The option's text, trimmed; `None` when absent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(known, _)| known == name)
            .map(|(_, value)| value.trim())
    }

    /// The option's text when present and not blank.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name).filter(|value| !value.is_empty())
    }

    /// A boolean option: present and empty, `true`, `yes`, `on` or `1` are true; `false`, `no`,
    /// `off`, `0` are false; anything else counts as absent.
    pub fn flag(&self, name: &str) -> Option<bool> {
        match self.get(name)?.to_ascii_lowercase().as_str() {
            "" | "true" | "yes" | "on" | "1" => Some(true),
            "false" | "no" | "off" | "0" => Some(false),
            _ => None,
        }
    }

    /// A whole number option within `range`, else `None`.
    pub fn number(&self, name: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
        self.get(name)?
            .parse::<u32>()
            .ok()
            .filter(|value| range.contains(value))
    }
}

/// `maxItems` → `max-items`; names already in kebab-case are kept.
fn kebab_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.trim().chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_names_and_values() {
        let mut options = WidgetOptions::default();
        options.insert("maxItems", "5");
        options.insert("autoplay", "");
        options.insert("loop", "off");
        options.insert("timeout", "99999999");
        options.insert("src", "  ");
        options.insert("max-items", "7");
        assert_eq!(
            options.number("max-items", 1..=100),
            Some(7),
            "a later value replaces"
        );
        assert_eq!(options.flag("autoplay"), Some(true));
        assert_eq!(options.flag("loop"), Some(false));
        assert_eq!(options.number("timeout", 100..=60_000), None);
        assert_eq!(options.text("src"), None);
        assert_eq!(options.get("src"), Some(""));
    }
}
