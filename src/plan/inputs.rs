//! What the visitor tells the plan beyond the quiz: all optional, all bounded, all kept in
//! the browser (the UI stores them in `localStorage`, so they are sanitized on the way in).

use serde::{Deserialize, Serialize};

use crate::assessment::answers::MAX_NOTICE_DAYS;
use crate::dates::Day;

/// The longest nickname kept, in characters.
pub const MAX_NICKNAME_CHARS: usize = 80;
/// The most open deliverables a plan lists.
pub const MAX_DELIVERABLES: usize = 10;
/// The longest deliverable kept, in characters.
pub const MAX_DELIVERABLE_CHARS: usize = 200;
/// The largest unpaid amount accepted, in hundredths (a little under one billion).
pub const MAX_AMOUNT_CENTS: u64 = 99_999_999_999;
/// The notice period when neither the plan inputs nor the quiz give one: the sources'
/// usual two weeks.
pub const DEFAULT_NOTICE_DAYS: u16 = 14;

/// How the visitor prefers to have the difficult conversation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[default]
    Email,
    Call,
    Meeting,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Email, Channel::Call, Channel::Meeting];

    /// The stable id (`email`, `call`, `meeting`), also the catalog key suffix.
    pub fn id(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Call => "call",
            Channel::Meeting => "meeting",
        }
    }
}

/// The plan's own inputs. Every field is optional; [`PlanInputs::sanitized`] bounds them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanInputs {
    /// The visitor's own name for the client (shown in titles, file names and calendar
    /// entries). Empty means "this client".
    pub nickname: String,
    /// The day the plan starts from. The UI passes the browser's date; the visitor may
    /// override it. Without one the plan uses [`fallback_today`](super::fallback_today).
    pub today: Option<Day>,
    /// When the contract ends; defaults to the quiz's context answer.
    pub contract_end: Option<Day>,
    /// Days of notice; defaults to the quiz's context answer, else [`DEFAULT_NOTICE_DAYS`].
    pub notice_days: Option<u16>,
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
}

impl PlanInputs {
    /// The same inputs with every field bounded: text cleaned (see [`clean_line`]) and cut
    /// to length, at most [`MAX_DELIVERABLES`] non-empty deliverables, a notice period of
    /// at most a year, an amount no larger than [`MAX_AMOUNT_CENTS`] (else dropped) and a
    /// currency that is three letters (upper-cased) or empty.
    pub fn sanitized(self) -> PlanInputs {
        PlanInputs {
            nickname: bounded_line(&self.nickname, MAX_NICKNAME_CHARS),
            open_deliverables: self
                .open_deliverables
                .iter()
                .map(|d| bounded_line(d, MAX_DELIVERABLE_CHARS))
                .filter(|d| !d.is_empty())
                .take(MAX_DELIVERABLES)
                .collect(),
            notice_days: self.notice_days.filter(|d| *d <= MAX_NOTICE_DAYS),
            unpaid_amount_cents: self.unpaid_amount_cents.filter(|c| *c <= MAX_AMOUNT_CENTS),
            currency: currency_code(&self.currency).unwrap_or_default(),
            ..self
        }
    }
}

/// A currency code typed by the visitor: three ASCII letters, returned upper-cased.
pub fn currency_code(text: &str) -> Option<String> {
    let t = text.trim();
    (t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic())).then(|| t.to_ascii_uppercase())
}

/// Bidirectional embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069): they can make text display in a different order than it is stored,
/// so visitor text never keeps them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line of visitor text made safe to place anywhere: control characters and the
/// Unicode line and paragraph separators become spaces, bidi controls are dropped,
/// runs of whitespace collapse to one space, and the ends are trimmed.
pub fn clean_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(1024));
    let mut space = false;
    for c in text.chars().filter(|c| !is_bidi_control(*c)) {
        if c.is_control() || c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// [`clean_line`], then cut to at most `max` characters (never inside a character).
pub fn bounded_line(text: &str, max: usize) -> String {
    // Cut the raw text first so a 10 000-character nickname costs nothing to clean.
    let head = match text.char_indices().nth(max.saturating_mul(4)) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let clean = clean_line(head);
    match clean.char_indices().nth(max) {
        Some((i, _)) => clean[..i].trim_end().to_owned(),
        None => clean,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_lines() {
        assert_eq!(clean_line("  a\n\tb\u{202E}c\u{2028}d  "), "a bc d");
        assert_eq!(clean_line("\u{0}\u{7}"), "");
        assert_eq!(clean_line("Žluťoučký kůň 🐴"), "Žluťoučký kůň 🐴");
    }

    #[test]
    fn bounds_by_characters() {
        assert_eq!(bounded_line(&"ж".repeat(100), 80).chars().count(), 80);
        assert_eq!(bounded_line("abc def", 4), "abc");
        assert_eq!(bounded_line(&" ".repeat(1000), 10), "");
    }

    #[test]
    fn sanitizes_every_field() {
        let raw = PlanInputs {
            nickname: "x".repeat(10_000),
            open_deliverables: (0..20).map(|i| format!("item {i}")).chain([String::new()]).collect(),
            notice_days: Some(400),
            unpaid_amount_cents: Some(u64::MAX),
            currency: " eur ".into(),
            ..PlanInputs::default()
        };
        let s = raw.sanitized();
        assert_eq!(s.nickname.len(), MAX_NICKNAME_CHARS);
        assert_eq!(s.open_deliverables.len(), MAX_DELIVERABLES);
        assert_eq!(s.notice_days, None);
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
        assert_eq!(p.notice_days, None);
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
    use super::parse_amount;

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
}
