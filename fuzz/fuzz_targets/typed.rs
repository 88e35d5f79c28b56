//! Values the visitor types or the browser reports: amounts, notice periods, dates,
//! language tags and answer values.
#![no_main]

use client_checkup::assessment::context::{Context, MAX_NOTICE_DAYS};
use client_checkup::assessment::Answer;
use client_checkup::dates::Day;
use client_checkup::i18n::Lang;
use client_checkup::plan::inputs::{bounded_line, parse_amount, MAX_AMOUNT_CENTS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    assert!(parse_amount(&text).is_none_or(|c| c <= MAX_AMOUNT_CENTS));
    assert!(Context::parse_notice_days(&text).is_none_or(|d| d <= MAX_NOTICE_DAYS));
    if let Some(day) = Day::parse_iso(&text) {
        assert_eq!(day.iso(), text);
    }
    let _ = Lang::negotiate(text.split(','));
    assert!(Answer::parse(&text).is_none_or(|a| a.value() == text));
    let line = bounded_line(&text, 80);
    assert!(line.chars().count() <= 80 && !line.chars().any(char::is_control));
});
