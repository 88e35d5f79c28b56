//! File names that say what the file is, safe on Windows, macOS and Linux:
//! `client-checkup-exit-plan-acme-2026-11-22.md`.
//!
//! The words come from the catalog (`plan.file.*`), so a Czech visitor gets Czech words.
//! Every part is slugified: lower case, letters and digits of any script kept (`č`, `ł`,
//! `ж`), everything else (spaces, punctuation, the reserved `<>:"/\|?*`, control
//! characters, emoji) turned into single hyphens, none at either end. The nickname is cut
//! to [`MAX_NICKNAME_CHARS`] and the whole name before the extension to [`MAX_STEM_CHARS`]
//! characters; a name Windows reserves (`CON`, `NUL`, `COM1`, …) gets a `_`; the
//! extension keeps only ASCII letters and digits. So there are no trailing dots or spaces.

use crate::dates::Day;
use crate::i18n::Lang;
use crate::plan::Plan;

/// The most characters of the nickname kept in a file name.
pub const MAX_NICKNAME_CHARS: usize = 40;
/// The most characters before the extension.
pub const MAX_STEM_CHARS: usize = 80;

/// A file name such as `client-checkup-exit-plan-acme-2026-11-22.md`. `kind` is a word id
/// from the catalog (`exit_plan`, `repair_plan`, `watch_plan`, `checkup`: see
/// [`Plan::file_kind`]); an unknown id is used as it is, slugified.
pub fn file_name(kind: &str, nickname: &str, lang: Lang, date: Day, ext: &str) -> String {
    let cat = lang.catalog();
    let key = format!("plan.file.{kind}");
    let word = if cat.has(&key) { cat.t(&key) } else { kind };
    let nick: String = slugify(nickname).chars().take(MAX_NICKNAME_CHARS).collect();
    let parts = [slugify(cat.t("plan.file.prefix")), slugify(word), nick, date.iso()];
    let joined = parts.iter().map(|p| p.trim_matches('-')).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    let mut stem: String = joined.chars().take(MAX_STEM_CHARS).collect::<String>().trim_end_matches('-').to_owned();
    if is_windows_reserved(&stem) {
        stem.push('_');
    }
    let ext: String = ext.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

/// The file name of a plan's download with this extension (`md`, `pdf`, `ics`).
pub fn plan_file_name(plan: &Plan, ext: &str) -> String {
    file_name(plan.file_kind(), &plan.nickname, plan.lang, plan.today, ext)
}

/// Lower case; letters and digits of any script kept (with combining accents); every
/// other run of characters becomes one hyphen; no hyphen at either end.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(256));
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || is_combining_accent(c) {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// Combining diacritical marks (U+0300–U+036F): part of a letter typed in decomposed form.
fn is_combining_accent(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Whether Windows reserves this name (whatever the extension): CON, PRN, AUX, NUL,
/// COM0–COM9, LPT0–LPT9 (also with superscript digits), in any case.
pub fn is_windows_reserved(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or(name).trim_end().to_ascii_uppercase();
    match base.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => ["COM", "LPT"].iter().any(|p| {
            base.strip_prefix(p).is_some_and(|rest| {
                let mut chars = rest.chars();
                matches!((chars.next(), chars.next()), (Some('0'..='9' | '¹' | '²' | '³'), None))
            })
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> Day {
        Day::parse_iso("2026-11-22").expect("date")
    }

    #[test]
    fn names_say_what_they_are() {
        assert_eq!(
            file_name("exit_plan", "Acme Ltd.", Lang::En, day(), "md"),
            "client-checkup-exit-plan-acme-ltd-2026-11-22.md"
        );
        assert_eq!(file_name("repair_plan", "", Lang::En, day(), ".ICS"), "client-checkup-repair-plan-2026-11-22.ics");
        assert_eq!(
            file_name("something_else", "x", Lang::En, day(), "pdf"),
            "client-checkup-something-else-x-2026-11-22.pdf"
        );
    }

    #[test]
    fn keeps_letters_of_any_script() {
        assert_eq!(slugify("Žluťoučký KŮŇ"), "žluťoučký-kůň");
        assert_eq!(slugify("Łódź  Sp. z o.o."), "łódź-sp-z-o-o");
        assert_eq!(slugify("ООО «Ромашка»"), "ооо-ромашка");
        assert_eq!(slugify("Col·lectiu"), "col-lectiu");
        assert_eq!(slugify("c\u{30C}ert"), "c\u{30C}ert");
    }

    #[test]
    fn strips_what_file_systems_refuse() {
        let name = file_name("exit_plan", "<a>:\"/\\|?*\u{0}\u{1f}\u{202E}🐴. ", Lang::En, day(), "md");
        assert_eq!(name, "client-checkup-exit-plan-a-2026-11-22.md");
        assert_eq!(slugify(" ...CON... "), "con");
    }

    #[test]
    fn bounds_length() {
        let name = file_name("exit_plan", &"ж".repeat(10_000), Lang::En, day(), "md");
        assert!(name.chars().count() <= MAX_STEM_CHARS + 3, "{name}");
        assert!(name.contains(&"ж".repeat(MAX_NICKNAME_CHARS)));
        assert!(!name.contains(&"ж".repeat(MAX_NICKNAME_CHARS + 1)));
    }

    #[test]
    fn knows_windows_reserved_names() {
        for name in ["CON", "con", "Nul.txt", "com1", "LPT9", "lpt¹", "aux.tar.gz"] {
            assert!(is_windows_reserved(name), "{name}");
        }
        for name in ["console", "com10", "client-checkup-con", "nul-2026", ""] {
            assert!(!is_windows_reserved(name), "{name}");
        }
    }
}
