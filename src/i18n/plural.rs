//! CLDR plural categories from `intl_pluralrules`.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules as Rules};
use unic_langid::LanguageIdentifier;

use super::Lang;

pub struct PluralRules {
    rules: Option<Rules>,
    lang: Lang,
}

impl std::fmt::Debug for PluralRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PluralRules({})", self.lang.id())
    }
}

impl PluralRules {
    pub fn new(lang: Lang) -> PluralRules {
        let rules = lang
            .id()
            .parse::<LanguageIdentifier>()
            .ok()
            .and_then(|id| Rules::create(id, PluralRuleType::CARDINAL).ok());
        PluralRules { rules, lang }
    }

    pub fn category(&self, n: u64) -> &'static str {
        match self.rules.as_ref().and_then(|r| r.select(n).ok()) {
            Some(PluralCategory::ZERO) => "zero",
            Some(PluralCategory::ONE) => "one",
            Some(PluralCategory::TWO) => "two",
            Some(PluralCategory::FEW) => "few",
            Some(PluralCategory::MANY) => "many",
            _ => "other",
        }
    }

    /// The categories whole numbers can take in this language (found by asking the
    /// rules about 0..=200, which covers every pattern CLDR uses for integers).
    pub fn categories(&self) -> Vec<&'static str> {
        const ORDER: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
        let used: Vec<&str> = (0..=200).map(|n| self.category(n)).collect();
        ORDER.into_iter().filter(|c| used.contains(c)).collect()
    }
}
