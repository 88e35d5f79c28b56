//! Text from outside, made safe and bounded: one place for every input and every
//! rendering (Markdown, iCalendar, PDF, the plan, the quiz).
//!
//! Visitor text (the nickname, the name in the letter, deliverables) and translators'
//! text can carry characters that change how text *displays* without being seen: control
//! characters, bidi embeddings and overrides (which can show text reversed), zero-width
//! and other invisible format characters, variation selectors and tag characters. Every
//! output drops them with [`is_hidden`]; what is left is either one line
//! ([`clean_line`]) or a block whose line breaks are kept ([`clean_block`]). Escaping for
//! a particular format (Markdown punctuation, iCalendar `;` and `,`, PDF strings) is
//! each renderer's own job on top of this.

/// The longest nickname kept, in characters: the same limit while typing, in stored
/// state and in the plan.
pub const MAX_NICKNAME: usize = 80;
/// The longest name kept for the person the letter addresses, in characters.
pub const MAX_ADDRESSEE: usize = 80;
/// The longest deliverable kept, in characters.
pub const MAX_DELIVERABLE: usize = 200;

/// Bidirectional embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069), and the Arabic letter mark (U+061C): they make text display in a
/// different order than it is stored.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{61C}')
}

/// Characters no output keeps: C0/C1 controls other than line breaks and tabs (those
/// are handled by the callers), bidi controls, soft hyphens, zero-width and other
/// invisible format characters, variation selectors, emoji skin-tone modifiers and
/// tag characters.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{85}'))
        || is_bidi_control(c)
        || matches!(c,
            '\u{AD}'
            | '\u{34F}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}')
}

/// A line break of any kind: LF, CR, NEL, and the Unicode line and paragraph separators.
fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// A space that may be collapsed: breaking whitespace. No-break spaces (U+00A0, U+2007,
/// U+202F) are kept as they are: they hold "14 dní" or "10 %" together on one line.
fn is_collapsible_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// One line of text made safe to place anywhere: hidden characters dropped, line
/// breaks, tabs and runs of breaking whitespace turned into one space, the ends trimmed.
pub fn clean_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(1024));
    let mut space = false;
    for c in text.chars().filter(|c| !is_hidden(*c)) {
        if is_collapsible_space(c) {
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

/// Text whose line breaks matter (the notice letter): every kind of line break becomes
/// `\n`, tabs become spaces, hidden characters are dropped, spacing inside a line is
/// kept as written and trailing blank lines go.
pub fn clean_block(text: &str) -> String {
    let unified = text.replace("\r\n", "\n");
    let body: String = unified
        .chars()
        .filter_map(|c| match c {
            c if is_break(c) => Some('\n'),
            '\t' => Some(' '),
            c if is_hidden(c) => None,
            c => Some(c),
        })
        .collect();
    body.trim_end().to_owned()
}

/// [`clean_line`], then cut to at most `max` characters (never inside a character, and
/// without a trailing space).
pub fn bounded_line(text: &str, max: usize) -> String {
    // Cut the raw text first so that a 10 000-character input costs nothing to clean.
    let clean = clean_line(head(text, max.saturating_mul(4)));
    match clean.char_indices().nth(max) {
        Some((i, _)) => clean[..i].trim_end().to_owned(),
        None => clean,
    }
}

/// Text as the visitor is typing it, bounded: hidden characters and line breaks are
/// dropped but spaces stay as typed (the visitor may be between two words), at most
/// `max` characters. [`clean_line`] makes it final where it is used.
pub fn typing(text: &str, max: usize) -> String {
    text.chars().filter(|c| !is_hidden(*c) && !is_break(*c)).take(max).collect()
}

/// The first `max` characters of `text`.
fn head(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_clean_line() {
        assert_eq!(clean_line("  a\n\tb\u{202E}c\u{2028}d  "), "a bc d");
        assert_eq!(clean_line("\u{0}\u{7}"), "");
        assert_eq!(clean_line("Žluťoučký kůň 🐴"), "Žluťoučký kůň 🐴");
        assert_eq!(clean_line("a\u{200B}b\u{AD}c\u{FE0F}"), "abc");
        assert_eq!(clean_line("14\u{A0}dní"), "14\u{A0}dní");
    }

    #[test]
    fn blocks_keep_their_lines() {
        assert_eq!(clean_block("a\r\nb\u{2028}c\t d\u{202E}\n\n\n"), "a\nb\nc  d");
        assert_eq!(clean_block("Dear X,\n\n  Bye"), "Dear X,\n\n  Bye");
    }

    #[test]
    fn bounds_by_characters() {
        assert_eq!(bounded_line(&"ж".repeat(100), 80).chars().count(), 80);
        assert_eq!(bounded_line("abc def", 4), "abc");
        assert_eq!(bounded_line(&" ".repeat(1000), 10), "");
    }

    #[test]
    fn typing_keeps_spaces_and_drops_the_rest() {
        assert_eq!(typing("Acme \u{202E}Co\n ", 80), "Acme Co ");
        assert_eq!(typing(&"x".repeat(200), MAX_NICKNAME).len(), MAX_NICKNAME);
    }
}
