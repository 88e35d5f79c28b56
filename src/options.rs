//! Widget options from the host page: `data-*` attributes on the placeholder, or URL
//! parameters in iframe mode. Every value is untrusted: an unknown or malformed one
//! yields a [`Warning`] naming the option and what it accepts, and the default is used.

use crate::i18n::Lang;

crate::ids::id_enum! {
    /// The colour scheme; `auto` follows `prefers-color-scheme`.
    #[derive(Default)]
    pub enum Theme {
        #[default]
        Auto = "auto",
        Light = "light",
        Dark = "dark",
    }
}

crate::ids::id_enum! {
    /// When the widget's code is fetched: `lazy` when the placeholder nears the viewport
    /// (or the visitor touches the first screen), `eager` at once (for a widget at the
    /// top of an article). The first screen is painted at once either way.
    #[derive(Default)]
    pub enum Load {
        #[default]
        Lazy = "lazy",
        Eager = "eager",
    }
}

/// Serialized (field names and ids as the attributes have them) for the embed builder:
/// see [`to_json`].
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Options {
    /// `None` means auto: host page `lang`, then the browser's languages, then English.
    pub lang: Option<Lang>,
    pub theme: Theme,
    /// A CSS colour for buttons and bars, already validated (`#rgb`, `#rrggbb`, `#rrggbbaa`).
    pub accent: Option<String>,
    pub compact: bool,
    /// Replaces the widget's own heading.
    pub heading: Option<String>,
    /// Namespace for stored answers, so two widgets on one page keep separate answers.
    pub id: Option<String>,
    /// When the loader fetches the widget's code (it reads this itself; parsed here so a
    /// bad value is reported like any other).
    pub load: Load,
}

/// One problem with one option.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub option: &'static str,
    pub value: String,
    pub accepted: &'static str,
}

impl Warning {
    /// The console message for attribute-style options (`data-lang`) or URL parameters.
    pub fn message(&self, prefix: &str) -> String {
        let shown: String = self.value.chars().take(40).collect();
        format!(
            "Client Checkup: ignoring {prefix}{}=\"{shown}\"; accepted: {}. Using the default.",
            self.option, self.accepted
        )
    }
}

pub const MAX_HEADING: usize = 120;
pub const MAX_ID: usize = 40;

/// Every option name, in the order they are documented.
pub const NAMES: [&str; 7] = ["lang", "theme", "accent", "compact", "heading", "id", "load"];
/// `compact` values that turn it on (the bare attribute is the empty string) and off.
pub const COMPACT_ON: [&str; 5] = ["", "true", "1", "yes", "compact"];
pub const COMPACT_OFF: [&str; 3] = ["false", "0", "no"];

/// Parses options from a lookup (`name` → raw value, without `data-` prefix).
pub fn parse(get: impl Fn(&str) -> Option<String>) -> (Options, Vec<Warning>) {
    let mut opts = Options::default();
    let mut warnings = Vec::new();
    let mut warn = |option: &'static str, value: &str, accepted: &'static str| {
        warnings.push(Warning { option, value: value.to_owned(), accepted });
    };

    if let Some(v) = get("lang") {
        match v.trim() {
            "" | "auto" => {}
            other => match Lang::parse_loose(other) {
                Some(l) => opts.lang = Some(l),
                None => warn("lang", &v, "en, ca, cs, pl, ru, auto"),
            },
        }
    }
    if let Some(v) = get("theme") {
        match v.trim().to_ascii_lowercase().as_str() {
            "" => {}
            t => match Theme::parse(t) {
                Some(theme) => opts.theme = theme,
                None => warn("theme", &v, "light, dark, auto"),
            },
        }
    }
    if let Some(v) = get("accent") {
        match hex_colour(v.trim()) {
            Some(c) => opts.accent = Some(c),
            None if v.trim().is_empty() => {}
            None => warn("accent", &v, "a hex colour such as #0b6e4f"),
        }
    }
    if let Some(v) = get("compact") {
        let t = v.trim().to_ascii_lowercase();
        if COMPACT_ON.contains(&t.as_str()) {
            opts.compact = true;
        } else if !COMPACT_OFF.contains(&t.as_str()) {
            warn("compact", &v, "true, false (or the bare attribute)");
        }
    }
    if let Some(v) = get("heading") {
        let clean: String = v.chars().filter(|c| !c.is_control()).collect();
        let clean = clean.trim();
        if clean.chars().count() > MAX_HEADING {
            warn("heading", &v, "text of at most 120 characters");
        } else if !clean.is_empty() {
            opts.heading = Some(clean.to_owned());
        }
    }
    if let Some(v) = get("id") {
        let t = v.trim();
        let ok = !t.is_empty()
            && t.len() <= MAX_ID
            && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            opts.id = Some(t.to_owned());
        } else if !t.is_empty() {
            warn("id", &v, "letters, digits, - and _ (at most 40)");
        }
    }
    if let Some(v) = get("load") {
        match v.trim().to_ascii_lowercase().as_str() {
            "" => {}
            t => match Load::parse(t) {
                Some(load) => opts.load = load,
                None => warn("load", &v, "lazy, eager"),
            },
        }
    }
    (opts, warnings)
}

/// The rules above as data, for the loader, which paints the first screen before any wasm
/// arrives and must read the options exactly as [`parse`] does (a test feeds both the same
/// inputs). The loader never warns: the widget does, once it runs.
pub fn rules() -> serde_json::Value {
    serde_json::json!({
        "names": NAMES,
        "langs": Lang::IDS,
        "themes": Theme::IDS,
        "loads": Load::IDS,
        "compact_on": COMPACT_ON,
        "compact_off": COMPACT_OFF,
        "heading_max": MAX_HEADING,
        "id_max": MAX_ID,
    })
}

/// What [`parse`] made of some raw values, as JSON: `{ options: { lang, theme, accent,
/// compact, heading, id, load }, warnings: [{ option, value, accepted }], names }`, with
/// `null` for an option left to its default or to auto, and `names` the options in their
/// documented order ([`NAMES`]). The embed builder reads the options through this (the
/// plan module's `parse_options` export, see [`crate::plan_module::parse_options`]), so
/// the page that writes snippets holds no second copy of the rules above.
pub fn to_json(options: &Options, warnings: &[Warning]) -> String {
    #[derive(serde::Serialize)]
    struct Parsed<'a> {
        options: &'a Options,
        warnings: &'a [Warning],
        names: [&'static str; 7],
    }
    serde_json::to_string(&Parsed { options, warnings, names: NAMES }).unwrap_or_default()
}

/// `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`, returned lowercase.
fn hex_colour(s: &str) -> Option<String> {
    let hex = s.strip_prefix('#')?;
    (matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(pairs: &[(&str, &str)]) -> (Options, Vec<Warning>) {
        let owned: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        parse(|name| owned.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn good_values_are_taken() {
        let (o, w) = from(&[
            ("lang", "CS"),
            ("theme", "dark"),
            ("accent", "#0B6E4F"),
            ("compact", ""),
            ("heading", " Hi "),
            ("id", "sidebar-1"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.lang, Some(Lang::Cs));
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.accent.as_deref(), Some("#0b6e4f"));
        assert!(o.compact);
        assert_eq!(o.heading.as_deref(), Some("Hi"));
        assert_eq!(o.id.as_deref(), Some("sidebar-1"));
    }

    #[test]
    fn bad_values_warn_once_each_and_keep_defaults() {
        let (o, w) = from(&[
            ("lang", "de"),
            ("theme", "neon"),
            ("accent", "red;}body{display:none"),
            ("compact", "maybe"),
            ("heading", &"x".repeat(500)),
            ("id", "a b"),
        ]);
        assert_eq!(o, Options::default());
        let names: Vec<_> = w.iter().map(|w| w.option).collect();
        assert_eq!(names, ["lang", "theme", "accent", "compact", "heading", "id"]);
        assert!(w[0].message("data-").contains("data-lang=\"de\""));
        assert!(w[0].message("data-").contains("en, ca, cs, pl, ru, auto"));
    }

    #[test]
    fn json_names_every_option_and_each_warning() {
        let (o, w) = from(&[("lang", " PL "), ("compact", ""), ("id", "a b"), ("load", "eager")]);
        let json: serde_json::Value = serde_json::from_str(&to_json(&o, &w)).unwrap();
        assert_eq!(
            json["options"],
            serde_json::json!({
                "lang": "pl", "theme": "auto", "accent": null, "compact": true,
                "heading": null, "id": null, "load": "eager",
            })
        );
        let names: std::collections::BTreeSet<&str> =
            json["options"].as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(names, NAMES.into_iter().collect(), "one entry per option name");
        assert_eq!(json["names"], serde_json::json!(NAMES));
        assert_eq!(
            json["warnings"],
            serde_json::json!([{ "option": "id", "value": "a b", "accepted": "letters, digits, - and _ (at most 40)" }])
        );
        let defaults: serde_json::Value = serde_json::from_str(&to_json(&Options::default(), &[])).unwrap();
        assert_eq!(defaults["options"]["lang"], serde_json::Value::Null, "auto language is null");
        assert_eq!(defaults["warnings"], serde_json::json!([]));
    }
}
