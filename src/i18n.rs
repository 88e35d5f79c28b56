//! Languages and their catalogs: every visible string comes from `content/i18n/<lang>/`.
//!
//! A catalog is a flat map from key to message. A message is either text with `{name}`
//! placeholders, or an object of CLDR plural categories (`one`, `few`, `many`, `other`)
//! chosen with `intl_pluralrules`. `meta.json` carries what is not a message: the
//! language's own name, month names and the date pattern, number separators, paper size.

pub mod catalog;
mod plural;

pub use catalog::{Catalog, Meta, Paper};

crate::ids::id_enum! {
    /// The languages the widget speaks. Their ids are the `data-lang` values.
    pub enum Lang {
        En = "en",
        Ca = "ca",
        Cs = "cs",
        Pl = "pl",
        Ru = "ru",
    }
}

impl Lang {
    /// A language id as people write it in an attribute: `cs`, ` CS `.
    pub fn parse_loose(s: &str) -> Option<Lang> {
        Lang::parse(&s.trim().to_ascii_lowercase())
    }

    /// A BCP 47 tag as found in `<html lang>` or `navigator.languages` (`cs-CZ`,
    /// `ca-ES-valencia`, `pl`): its primary subtag, if we speak it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::parse_loose(primary)
    }

    /// The first language we speak out of a list of preferences, in order.
    pub fn negotiate<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        prefs.into_iter().find_map(Lang::from_tag)
    }

    /// The language's name in itself, for the language switcher. Built in, because the
    /// switcher lists every language before its catalog is fetched; `meta.json` repeats it
    /// and a test keeps the two equal.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ca => "Català",
            Lang::Cs => "Čeština",
            Lang::Pl => "Polski",
            Lang::Ru => "Русский",
        }
    }

    /// The catalog for this language, parsed once on first use. In the browser a
    /// language that has not been fetched yet answers with English.
    pub fn catalog(self) -> &'static Catalog {
        catalog::get(self)
    }

    /// Whether this language's own catalog can be used now (see [`catalog::sources`]).
    pub fn is_available(self) -> bool {
        catalog::is_available(self)
    }
}
