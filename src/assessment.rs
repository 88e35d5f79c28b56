//! The assessment: signals, questions, answers, scoring, verdict, rules and guidance.
//!
//! The model (which questions exist, their weights, the verdict bands and the rule
//! parameters) is data in `content/model.json`; this module is the logic that reads it.
//!
//! ## The rules
//! Applied in this order on top of the score bands (see [`scoring::assess`]):
//! 1. `abuse_exit`: any abuse question rated "often" or "always" → `exit`, whatever else
//!    is true; the guidance says to name the behaviour as unacceptable and leave soon.
//! 2. `non_payment`: "doesn't pay at all" rated "rarely" (it happened) → at least `repair`
//!    with stop-work-until-paid guidance; rated "sometimes" or more (it repeats) → `exit`.
//! 3. `failed_repair`: a repair was already tried and the relationship still scores in
//!    the repair band → `exit`.
//! 4. `single_mild_signal`: when only one signal is noticeable and it is mild, the verdict
//!    is never worse than `watch`: one bad patch does not end a relationship.
//!
//! Any signal at or above `fired_at` makes the verdict at least `watch`.

pub mod answers;
pub mod context;
pub mod guidance;
pub mod model;
pub mod outcome;
pub mod scoring;

pub use answers::{Answer, Answers, Rating};
pub use context::Context;
pub use guidance::{select_guidance, Guidance};
pub use model::{Model, QuestionId, SignalId, MODEL};
pub use outcome::{RuleId, Verdict};
pub use scoring::{assess, Assessment, SignalScore};
