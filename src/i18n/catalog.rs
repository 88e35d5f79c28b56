//! Loading catalogs and formatting messages.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::plural::PluralRules;
use super::Lang;
use crate::dates::Day;

crate::ids::id_enum! {
    /// Paper size for the PDF, by locale.
    pub enum Paper {
        A4 = "a4",
        Letter = "letter",
    }
}

/// What a catalog says about its language that is not a message.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Meta {
    /// The language's name in itself, for the switcher ("Čeština").
    pub name: String,
    /// Twelve month names as they appear inside a full date ("listopadu" in Czech).
    pub months: Vec<String>,
    /// A full date, e.g. `{day}. {month} {year}`.
    pub date_long: String,
    /// A numeric date for tight spaces (a chart's axis): `{day}`/`{dd}` and
    /// `{month}`/`{mm}` (unpadded/two digits), `{yy}` (two digits).
    pub date_short: String,
    pub decimal_separator: String,
    pub group_separator: String,
    /// The currency a visitor in this language most likely bills in (ISO 4217), the
    /// default for the rate and the amounts owed.
    pub currency: String,
    pub paper: Paper,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Message {
    Text(String),
    /// CLDR category (`zero`, `one`, `two`, `few`, `many`, `other`) → text.
    Plural(BTreeMap<String, String>),
}

#[derive(Debug)]
pub struct Catalog {
    pub lang: Lang,
    pub meta: Meta,
    pub messages: BTreeMap<String, Message>,
    plurals: PluralRules,
}

/// The files every language has, in `content/i18n/<lang>/` (besides `meta.json`), in the
/// order they are parsed: the screens' texts, the quiz's questions and verdicts, the advice
/// (repair moves and exit steps), and the plan's texts.
pub const PARTS: [&str; 4] = ["ui", "quiz", "advice", "plan"];
/// How many of [`PARTS`] the quiz and result screens need: the advice and the plan's texts
/// are only read where the plan is built (the plan module), so the quiz never loads them.
pub const SCREEN_PARTS: usize = 2;

/// English, the fallback, as built into every binary that uses it. A const only lands in
/// a binary that reads it: the quiz module carries `UI` and `QUIZ`, the plan module all.
pub mod english {
    pub const META: &str = include_str!("../../content/i18n/en/meta.json");
    pub const UI: &str = include_str!("../../content/i18n/en/ui.json");
    pub const QUIZ: &str = include_str!("../../content/i18n/en/quiz.json");
    pub const ADVICE: &str = include_str!("../../content/i18n/en/advice.json");
    pub const PLAN: &str = include_str!("../../content/i18n/en/plan.json");
}

#[cfg(not(target_arch = "wasm32"))]
macro_rules! sources {
    ($lang:literal) => {
        (
            include_str!(concat!("../../content/i18n/", $lang, "/meta.json")),
            [
                include_str!(concat!("../../content/i18n/", $lang, "/ui.json")),
                include_str!(concat!("../../content/i18n/", $lang, "/quiz.json")),
                include_str!(concat!("../../content/i18n/", $lang, "/advice.json")),
                include_str!(concat!("../../content/i18n/", $lang, "/plan.json")),
            ],
        )
    };
}

/// Natively (tests, tools) every language is built in, whole: `(meta, [ui, quiz, advice,
/// plan])`. In the browser nothing is: English is installed by the module that starts
/// (see [`install_english_all`]) and the other languages are fetched on demand as assets
/// (`i18n/<lang>/*.json`, see `edge::assets`) and handed to [`install`].
#[cfg(not(target_arch = "wasm32"))]
pub fn sources(lang: Lang) -> Option<(&'static str, [&'static str; 4])> {
    Some(match lang {
        Lang::En => (english::META, [english::UI, english::QUIZ, english::ADVICE, english::PLAN]),
        Lang::Ca => sources!("ca"),
        Lang::Cs => sources!("cs"),
        Lang::Pl => sources!("pl"),
        Lang::Ru => sources!("ru"),
    })
}

static CATALOGS: [OnceLock<Catalog>; 5] =
    [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];

fn slot(lang: Lang) -> &'static OnceLock<Catalog> {
    &CATALOGS[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
}

/// The catalog of a language; English while a fetched language is not installed yet.
pub(super) fn get(lang: Lang) -> &'static Catalog {
    if let Some(c) = slot(lang).get() {
        return c;
    }
    #[cfg(not(target_arch = "wasm32"))]
    if let Some((meta, parts)) = sources(lang) {
        return slot(lang).get_or_init(|| {
            Catalog::parse(lang, meta, &parts).expect("built-in catalogs are checked by the test suite")
        });
    }
    if lang == Lang::En {
        // A browser module that did not install English first gets the screens' texts.
        install_english_screens();
        return slot(Lang::En).get().expect("English was just installed");
    }
    get(Lang::En)
}

/// Installs the built-in English catalog for the screens (`ui` and `quiz`). A no-op once
/// English is installed.
pub fn install_english_screens() {
    let _ = install(Lang::En, english::META, &[english::UI, english::QUIZ]);
}

/// Installs the whole built-in English catalog, advice and plan texts included: the plan
/// module's first call. A no-op once English is installed.
pub fn install_english_all() {
    let _ = install(Lang::En, english::META, &[english::UI, english::QUIZ, english::ADVICE, english::PLAN]);
}

/// Whether the language's own catalog is available (built in or installed).
pub fn is_available(lang: Lang) -> bool {
    slot(lang).get().is_some() || lang == Lang::En || cfg!(not(target_arch = "wasm32"))
}

/// Installs a fetched catalog (`parts` in the order of [`PARTS`], as many as were fetched).
/// Installing a language twice keeps the first.
pub fn install(lang: Lang, meta: &str, parts: &[&str]) -> Result<(), String> {
    if slot(lang).get().is_none() {
        let catalog = Catalog::parse(lang, meta, parts)?;
        let _ = slot(lang).set(catalog);
    }
    Ok(())
}

impl Catalog {
    pub fn parse(lang: Lang, meta: &str, parts: &[&str]) -> Result<Catalog, String> {
        let meta: Meta = serde_json::from_str(meta).map_err(|e| format!("{}/meta: {e}", lang.id()))?;
        if meta.months.len() != 12 {
            return Err(format!("{}/meta: twelve months", lang.id()));
        }
        let mut messages = BTreeMap::new();
        for (name, text) in PARTS.iter().zip(parts) {
            let part: BTreeMap<String, Message> =
                serde_json::from_str(text).map_err(|e| format!("{}/{name}: {e}", lang.id()))?;
            for (k, v) in part {
                if messages.insert(k.clone(), v).is_some() {
                    return Err(format!("{}/{name}: key {k} is defined twice", lang.id()));
                }
            }
        }
        Ok(Catalog { lang, meta, messages, plurals: PluralRules::new(lang) })
    }

    /// The text of a key. A missing key falls back to English, then to the key itself,
    /// so a gap in a translation shows up as a readable hint, never as a crash.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        match self.messages.get(key) {
            Some(Message::Text(s)) => s,
            Some(Message::Plural(forms)) => forms.get("other").map(String::as_str).unwrap_or(key),
            None if self.lang != Lang::En => Lang::En.catalog().t(key),
            None => key,
        }
    }

    /// Whether the catalog (or English) has this key.
    pub fn has(&self, key: &str) -> bool {
        self.messages.contains_key(key) || (self.lang != Lang::En && Lang::En.catalog().has(key))
    }

    /// The text of a key with `{name}` placeholders filled in.
    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// The plural form of a key for `n`, with `{n}` and other placeholders filled in.
    pub fn plural(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let n_text = self.number(n);
        let mut all = vec![("n", n_text.as_str())];
        all.extend_from_slice(args);
        match self.messages.get(key) {
            Some(Message::Plural(forms)) => {
                let category = self.plurals.category(n);
                let text = forms.get(category).or_else(|| forms.get("other"));
                fill(text.map(String::as_str).unwrap_or(key), &all)
            }
            Some(Message::Text(s)) => fill(s, &all),
            None if self.lang != Lang::En => Lang::En.catalog().plural(key, n, args),
            None => key.to_owned(),
        }
    }

    /// A whole number with the language's grouping: `12 500` in Czech, `12,500` in English.
    pub fn number(&self, n: u64) -> String {
        group(&n.to_string(), &self.meta.group_separator)
    }

    /// An amount in hundredths with two decimals: `1 234,50`.
    pub fn amount(&self, cents: u64) -> String {
        format!(
            "{}{}{:02}",
            group(&(cents / 100).to_string(), &self.meta.group_separator),
            self.meta.decimal_separator,
            cents % 100
        )
    }

    /// An amount with its currency: `1,250.50 EUR`, `1 250,50 CZK` (`rate.money`).
    pub fn money(&self, cents: u64, currency: &str) -> String {
        self.fmt("rate.money", &[("amount", &self.amount(cents)), ("currency", currency)])
    }

    /// An hourly rate: `23.00 EUR/h` (`rate.per_hour`).
    pub fn per_hour(&self, cents: u64, currency: &str) -> String {
        self.fmt("rate.per_hour", &[("amount", &self.amount(cents)), ("currency", currency)])
    }

    /// A full, readable date: "22 November 2026", "22. listopadu 2026".
    pub fn date(&self, day: Day) -> String {
        let month = &self.meta.months[usize::from(day.month() - 1)];
        fill(
            &self.meta.date_long,
            &[("day", &day.day().to_string()), ("month", month), ("year", &day.year().to_string())],
        )
    }

    /// A short numeric date: "3/12/26", "3. 12. 26", "03.12.26".
    pub fn short_date(&self, day: Day) -> String {
        let (d, m) = (day.day(), day.month());
        fill(
            &self.meta.date_short,
            &[
                ("day", &d.to_string()),
                ("dd", &format!("{d:02}")),
                ("month", &m.to_string()),
                ("mm", &format!("{m:02}")),
                ("yy", &format!("{:02}", day.year().rem_euclid(100))),
            ],
        )
    }

    /// The CLDR categories this language uses for whole numbers.
    pub fn plural_categories(&self) -> Vec<&'static str> {
        self.plurals.categories()
    }
}

fn group(digits: &str, sep: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// Replaces `{name}` with its value. Unknown placeholders stay as they are; values are
/// inserted verbatim (escaping is the job of each output format).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders a message uses, sorted, for the catalog consistency tests.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(after[..close].to_owned());
        rest = &after[close + 1..];
    }
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_and_keeps_unknown() {
        assert_eq!(fill("{a} and {b} {", &[("a", "x")]), "x and {b} {");
        assert_eq!(fill("{a}{a}", &[("a", "{a}")]), "{a}{a}");
    }

    #[test]
    fn groups_digits() {
        assert_eq!(group("1234567", " "), "1 234 567");
        assert_eq!(group("123", ","), "123");
        assert_eq!(group("0", ","), "0");
    }
}
