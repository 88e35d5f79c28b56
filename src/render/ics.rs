//! The plan's milestones as an iCalendar file (RFC 5545), written by hand: the format is
//! small, and escaping and folding are a few lines each, tested below and checked in
//! `tests/plan.rs` by an independent parser (Python's `icalendar`).
//!
//! - One all-day `VEVENT` per milestone: `DTSTART;VALUE=DATE` and `DTEND;VALUE=DATE` on
//!   the next day (left out on the last representable day, where RFC 5545 §3.6.1 makes
//!   the event one day long anyway), `TRANSP:TRANSPARENT` so it does not block the day.
//! - `DTSTAMP` is the plan's day at `000000Z`, so the same plan gives the same bytes.
//! - `UID`: FNV-1a 64 over the milestone id, its date and the caller's seed, in hex, then
//!   `@client-checkup`: stable across downloads of the same plan.
//! - A `VALARM` (`DISPLAY`) at 09:00 on the day before (`TRIGGER:-PT15H` from the
//!   all-day event's start at midnight).
//! - TEXT values escape `\` `;` `,` and newlines (RFC 5545 §3.3.11); other control
//!   characters and the bidi controls are dropped. Lines end in CRLF and are folded
//!   at 75 octets, never inside a UTF-8 character; continuation lines start with a space.

use crate::i18n::Lang;
use crate::plan::{Milestone, Plan};
use crate::text::is_hidden;

/// The longest line, in octets, without its CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Renders the plan's milestones as an iCalendar file. `uid_seed` keeps the UIDs of
/// different plans apart (the UI passes the nickname); the same plan and seed always
/// give the same file.
pub fn ics(plan: &Plan, lang: Lang, uid_seed: &str) -> String {
    let language = lang.id();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        format!("PRODID:-//Client Checkup//Plan//{}", language.to_ascii_uppercase()),
        "VERSION:2.0".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", escape_text(&plan.document.title)),
    ];
    let stamp = format!("{}T000000Z", plan.today.basic());
    for m in &plan.milestones {
        lines.extend(event(m, language, &stamp, uid_seed));
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

fn event(m: &Milestone, language: &str, stamp: &str, uid_seed: &str) -> Vec<String> {
    let summary = escape_text(&m.title);
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", uid(m, uid_seed)),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", m.date.basic()),
    ];
    let end = m.date.plus_days(1);
    if end > m.date {
        lines.push(format!("DTEND;VALUE=DATE:{}", end.basic()));
    }
    lines.extend([
        format!("SUMMARY;LANGUAGE={language}:{summary}"),
        format!("DESCRIPTION;LANGUAGE={language}:{}", escape_text(&m.detail)),
        "TRANSP:TRANSPARENT".to_owned(),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        "TRIGGER:-PT15H".to_owned(),
        format!("DESCRIPTION:{summary}"),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
    ]);
    lines
}

/// A stable UID: FNV-1a 64 of the milestone id, date and seed.
pub fn uid(m: &Milestone, seed: &str) -> String {
    let key = format!("{}\u{1f}{}\u{1f}{}", m.id, m.date.iso(), seed);
    format!("{:016x}@client-checkup", fnv1a64(key.as_bytes()))
}

/// The 64-bit FNV-1a hash.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET, |h, b| (h ^ u64::from(*b)).wrapping_mul(PRIME))
}

/// A TEXT value: `\` `;` `,` escaped, any line break as `\n`, tabs as spaces, hidden
/// characters ([`is_hidden`]) dropped.
pub fn escape_text(text: &str) -> String {
    let unified = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(unified.len() + 8);
    for c in unified.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if is_hidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded: no physical line longer than [`MAX_LINE_OCTETS`] octets,
/// breaks only between characters, each continuation starting with a space, every
/// line ending in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("one\r\ntwo\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape_text("a\tb\u{0}\u{1b}c\u{202E}d\u{2069}"), "a bcd");
        assert_eq!(escape_text("\"quoted\": ok"), "\"quoted\": ok");
        assert_eq!(escape_text("Žluťoučký 🐴"), "Žluťoučký 🐴");
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(fold("SUMMARY:hi"), "SUMMARY:hi\r\n");
        let exact = "x".repeat(75);
        assert_eq!(fold(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn folds_at_75_octets() {
        let folded = fold(&"a".repeat(200));
        let lines: Vec<&str> = folded.split_terminator("\r\n").collect();
        assert_eq!(lines.iter().map(|l| l.len()).collect::<Vec<_>>(), [75, 75, 52]);
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        assert_eq!(unfold(&folded), "a".repeat(200));
    }

    #[test]
    fn never_splits_a_character() {
        for text in ["ž".repeat(100), "🐴".repeat(50), format!("x{}", "ж".repeat(80)), "a€".repeat(60)] {
            let folded = fold(&text);
            for line in folded.split_terminator("\r\n") {
                assert!(line.len() <= MAX_LINE_OCTETS, "{line}");
            }
            // `split_terminator` on a `String` already proves each piece is valid UTF-8;
            // unfolding gives the original back.
            assert_eq!(unfold(&folded), text);
        }
    }

    #[test]
    fn fnv_matches_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "").trim_end_matches("\r\n").to_owned()
    }
}
