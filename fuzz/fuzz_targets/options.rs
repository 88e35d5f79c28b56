//! Options as a host page could write them: the input is split on NUL into one value per
//! option name (a missing value means the attribute is absent).
#![no_main]

use client_checkup::options::{self, NAMES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let values: Vec<&str> = text.split('\0').collect();
    let lookup = |name: &str| {
        let i = NAMES.iter().position(|n| *n == name)?;
        values.get(i).filter(|v| **v != "\u{1}").map(|v| v.to_string())
    };
    let (opts, warnings) = options::parse(lookup);
    assert!(warnings.len() <= NAMES.len());
    if let Some(heading) = &opts.heading {
        assert!(heading.chars().count() <= options::MAX_HEADING);
        assert!(!heading.chars().any(char::is_control));
    }
    if let Some(id) = &opts.id {
        assert!(id.len() <= options::MAX_ID);
        assert!(id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }
    if let Some(accent) = &opts.accent {
        assert!(accent.starts_with('#') && accent[1..].bytes().all(|b| b.is_ascii_hexdigit()));
    }
    for w in &warnings {
        let _ = w.message("data-");
    }
});
