//! The assessment: signals, questions, answers, scoring, verdict, rules and guidance.
//!
//! The model (which questions exist, their weights and severities, the verdict bands
//! and the rule parameters, each with the reason it is there) is data in
//! `content/model.json`; this module is the logic that reads it.
//!
//! ## How the verdict is reached ([`scoring::assess`])
//! The strictest of:
//! 1. the overall score's band (`watch` from 18, `repair` from 30, `exit` from 55);
//! 2. `watch` for any signal at the warning level (50);
//! 3. `strong_signal`: `repair` for a signal at its worst (75);
//! 4. `two_signals`: `repair` when two signals each have a behaviour at "often" or worse;
//! 5. each question's floors, by severity: a serious behaviour "always" → `repair`
//!    (`constant_problem`); refusing a contract "often" → `repair`; paying late "often" →
//!    `repair`; not paying at all once → `repair`, again → `exit`; the abuse ladder:
//!    "rarely" → named, at least `watch`; "sometimes" → a boundary, at least `repair`;
//!    "often" → `exit`.
//!
//! One mild signal on its own (`single_mild_signal`) is capped at `watch` before the
//! floors apply; a failed repair (`failed_repair`) turns `repair` into `exit` last.
//! Raising any answer never moves the verdict towards `keep` (property-tested).

pub mod answers;
pub mod context;
pub mod guidance;
pub mod model;
pub mod outcome;
pub mod rate;
pub mod scoring;

pub use answers::{Answer, Answers, Prior, Rating};
pub use context::Context;
pub use guidance::{select_guidance, Guidance};
pub use model::{Model, QuestionId, SignalId, MODEL};
pub use outcome::{RuleId, Verdict};
pub use scoring::{assess, Assessment, SignalScore};
