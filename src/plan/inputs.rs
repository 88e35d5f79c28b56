//! What the visitor tells the plan beyond the quiz: all optional, all bounded, all kept in
//! the browser (the UI stores them in `localStorage`, so they are sanitized on the way in).

use serde::{Deserialize, Serialize};

use crate::dates::Day;
use crate::text::{bounded_line, MAX_ADDRESSEE, MAX_DELIVERABLE, MAX_NICKNAME};

/// The most open deliverables a plan lists.
pub const MAX_DELIVERABLES: usize = 10;
/// The largest unpaid amount accepted, in hundredths (a little under one billion).
pub const MAX_AMOUNT_CENTS: u64 = 99_999_999_999;
/// The notice period when neither the plan inputs nor the quiz give one: the sources'
/// usual two weeks.
pub const DEFAULT_NOTICE_DAYS: u16 = 14;

crate::ids::id_enum! {
    /// How the visitor prefers to have the difficult conversation. The id is also the
    /// catalog key suffix.
    #[derive(Default)]
    pub enum Channel {
        #[default]
        Email = "email",
        Call = "call",
        Meeting = "meeting",
    }
}

/// The plan's own inputs. Every field is optional; [`PlanInputs::sanitized`] bounds them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanInputs {
    /// The visitor's own name for the client (shown in titles, file names and calendar
    /// entries). Empty means "this client".
    pub nickname: String,
    /// The name of the person the letter is addressed to ("Jana Nováková"), as the
    /// visitor wants it written. Empty: the letter uses a neutral greeting. Never the
    /// nickname, which is private.
    pub addressee: String,
    /// The day the plan starts from, where the visitor set one; otherwise the UI passes
    /// the browser's date when it builds the plan (see [`PlanInputs::dated`]), and without
    /// either the plan uses [`fallback_today`](super::fallback_today). The contract's end
    /// and notice period are context answers ([`crate::assessment::Context`]), not here.
    pub today: Option<Day>,
    /// End on the later of the notice end and the contract end (ignored where abuse
    /// drove the verdict: then the plan never waits for the contract to run out).
    pub prefer_contract_end: bool,
    /// Deliverables still open, by name.
    pub open_deliverables: Vec<String>,
    /// What the client owes, in hundredths of `currency`.
    pub unpaid_amount_cents: Option<u64>,
    /// ISO 4217-style code, three letters (`EUR`), or empty.
    pub currency: String,
    /// How to have the talk (forced to email where abuse drove the verdict).
    pub channel: Channel,
    /// The address of the page the widget is on, where the visitor comes back to check
    /// the client again (the saved clients live in that page's browser storage). Set by
    /// the UI when it builds the plan, never stored; empty: the plan says "the article".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub page: String,
}

impl PlanInputs {
    /// The same inputs with every field bounded: text cleaned (see
    /// [`clean_line`](crate::text::clean_line)) and cut to length, at most
    /// [`MAX_DELIVERABLES`] non-empty deliverables, an amount no larger than
    /// [`MAX_AMOUNT_CENTS`] (else dropped) and a currency that is three letters
    /// (upper-cased) or empty.
    pub fn sanitized(self) -> PlanInputs {
        PlanInputs {
            nickname: bounded_line(&self.nickname, MAX_NICKNAME),
            addressee: bounded_line(&self.addressee, MAX_ADDRESSEE),
            open_deliverables: self
                .open_deliverables
                .iter()
                .map(|d| bounded_line(d, MAX_DELIVERABLE))
                .filter(|d| !d.is_empty())
                .take(MAX_DELIVERABLES)
                .collect(),
            unpaid_amount_cents: self.unpaid_amount_cents.filter(|c| *c <= MAX_AMOUNT_CENTS),
            currency: currency_code(&self.currency).unwrap_or_default(),
            page: page_address(&self.page).unwrap_or_default(),
            ..self
        }
    }

    /// The inputs with `today` filled in where the visitor set none.
    pub fn dated(self, today: Option<Day>) -> PlanInputs {
        PlanInputs { today: self.today.or(today), ..self }
    }

    /// The inputs with the page to come back to (see [`page_address`]).
    pub fn on_page(self, page: &str) -> PlanInputs {
        PlanInputs { page: page_address(page).unwrap_or_default(), ..self }
    }
}

/// The longest page address the plan repeats.
pub const MAX_PAGE: usize = 300;

/// A page address fit to print in a plan: `http` or `https`, without its `#fragment`, no
/// spaces or control characters, at most [`MAX_PAGE`] characters; `None` otherwise.
pub fn page_address(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t.split('#').next().unwrap_or_default();
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let host_ok = t.split("//").nth(1).is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    let clean = t.chars().all(|c| !c.is_whitespace() && !c.is_control() && c != '<' && c != '>' && c != '"');
    (scheme_ok && host_ok && clean && t.chars().count() <= MAX_PAGE).then(|| t.to_owned())
}

/// A currency code typed by the visitor: three ASCII letters, returned upper-cased.
pub fn currency_code(text: &str) -> Option<String> {
    let t = text.trim();
    (t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic())).then(|| t.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizes_every_field() {
        let raw = PlanInputs {
            nickname: "x".repeat(10_000),
            open_deliverables: (0..20).map(|i| format!("item {i}")).chain([String::new()]).collect(),
            unpaid_amount_cents: Some(u64::MAX),
            currency: " eur ".into(),
            ..PlanInputs::default()
        };
        let s = raw.sanitized();
        assert_eq!(s.nickname.len(), MAX_NICKNAME);
        assert_eq!(s.open_deliverables.len(), MAX_DELIVERABLES);
        assert_eq!(s.unpaid_amount_cents, None);
        assert_eq!(s.currency, "EUR");
        for bad in ["EURO", "E1R", "€", "ЕВР"] {
            assert_eq!(currency_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn deserializes_partial_state() {
        let p: PlanInputs = serde_json::from_str(r#"{"nickname":"Acme","channel":"call"}"#).unwrap();
        assert_eq!(p.channel, Channel::Call);
        assert_eq!(p.today, None);
        assert_eq!(serde_json::from_str::<PlanInputs>("{}").unwrap(), PlanInputs::default());
    }
}

/// Parses an amount as people type it, in any of the widget's languages: `1234`,
/// `1 234,50`, `1.234,50`, `1,234.50`, `99.9`. The last `.` or `,` followed by one or
/// two digits is the decimal mark; other separators and spaces group thousands.
/// Returns hundredths, or `None` for anything else (letters, several decimal parts,
/// more than [`MAX_AMOUNT_CENTS`]).
pub fn parse_amount(text: &str) -> Option<u64> {
    let t: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}').collect();
    if t.is_empty() || t.len() > 24 || !t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let (whole, frac) = match t.rfind(['.', ',']) {
        Some(i) if t.len() - i - 1 <= 2 && t.len() - i > 1 => (&t[..i], &t[i + 1..]),
        _ => (t.as_str(), ""),
    };
    let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() && frac.is_empty() {
        return None;
    }
    let whole: u64 = if digits.is_empty() { 0 } else { digits.parse().ok()? };
    let cents = match frac.len() {
        0 => 0,
        1 => frac.parse::<u64>().ok()? * 10,
        _ => frac.parse::<u64>().ok()?,
    };
    whole.checked_mul(100)?.checked_add(cents).filter(|c| *c <= MAX_AMOUNT_CENTS)
}

#[cfg(test)]
mod amount_tests {
    use super::{page_address, parse_amount, MAX_PAGE};

    #[test]
    fn amounts_in_every_local_style() {
        for (text, cents) in [
            ("1234", 123_400),
            ("1 234,50", 123_450),
            ("1.234,50", 123_450),
            ("1,234.50", 123_450),
            ("99.9", 9_990),
            ("0,05", 5),
            ("12 500", 1_250_000),
            ("1\u{a0}000", 100_000),
            ("1.000", 100_000),
        ] {
            assert_eq!(parse_amount(text), Some(cents), "{text}");
        }
        for bad in ["", "abc", "12e3", "-5", "1,2,3,4,5,6,7,8,9,0,1,2,3", "99999999999999", ",", "€100"] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_a_web_address_is_printed_as_the_page_to_come_back_to() {
        assert_eq!(
            page_address(" https://blog.example/clients?p=3#quiz ").as_deref(),
            Some("https://blog.example/clients?p=3")
        );
        assert_eq!(page_address("HTTP://example.cz/").as_deref(), Some("HTTP://example.cz/"));
        for bad in [
            "",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "https:///x",
            "about:blank",
            "https://a b.c/",
            "https://x.y/<script>",
            "data:text/html,hi",
            "https://x.y/\u{7}",
        ] {
            assert_eq!(page_address(bad), None, "{bad}");
        }
        assert_eq!(page_address(&format!("https://x.y/{}", "a".repeat(MAX_PAGE))), None);
    }
}
