//! Stored progress as `localStorage` could hold it after any corruption or hand edit:
//! restoring never panics, and what is restored is bounded and reads back unchanged.
#![no_main]

use client_checkup::assessment::answers::MAX_NOTICE_DAYS;
use client_checkup::quiz::{Step, MAX_NICKNAME, SIGNAL_STEPS};
use client_checkup::stored;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok((quiz, plan)) = stored::restore(&text) {
        assert!(!matches!(quiz.step, Step::Signal(i) if i >= SIGNAL_STEPS));
        assert!(quiz.nickname.chars().count() <= MAX_NICKNAME);
        assert!(quiz.answers.context.notice_days.is_none_or(|d| d <= MAX_NOTICE_DAYS));
        assert_eq!(plan.clone().sanitized(), plan);
        let again = stored::restore(&stored::encode(&quiz, Some(&plan))).expect("own output reads back");
        assert_eq!(again, (quiz, plan));
    }
});
