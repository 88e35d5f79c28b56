//! The format of the progress kept in `localStorage`: one versioned key per widget
//! instance. Reading is defensive: anything that is not exactly the current format is
//! reported as such so the caller can discard it, and what is read is sanitized.

use serde::{Deserialize, Serialize};

use crate::plan::PlanInputs;
use crate::quiz::Quiz;

/// Bump when the stored shape changes incompatibly; keep a fixture of every shipped
/// version under `tests/fixtures/stored/` and decide there: migrate or discard.
pub const VERSION: u32 = 1;
const PREFIX: &str = "client-checkup";
/// Stored entries larger than this are not ours (or are corrupted): discard them.
pub const MAX_BYTES: usize = 64 * 1024;

/// The storage key for a widget instance: `client-checkup:v1:<namespace>`.
pub fn key(namespace: &str) -> String {
    format!("{PREFIX}:v{VERSION}:{namespace}")
}

/// Whether a storage key belongs to this widget (any version), so older entries can be
/// cleaned up and "forget my answers" can find them all.
pub fn is_ours(key: &str) -> bool {
    key.strip_prefix(PREFIX).is_some_and(|rest| rest.starts_with(":v"))
}

#[derive(Serialize, Deserialize)]
struct Envelope<P> {
    v: u32,
    quiz: Quiz,
    plan: Option<P>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Rejected {
    TooLarge,
    /// Written by another version of the widget.
    OtherVersion(u32),
    /// Not JSON, or not our shape.
    Corrupt,
}

/// Serialises the progress (and the plan inputs, if any).
pub fn encode<P: Serialize>(quiz: &Quiz, plan: Option<&P>) -> String {
    #[derive(Serialize)]
    struct Out<'a, P> {
        v: u32,
        quiz: &'a Quiz,
        plan: Option<&'a P>,
    }
    serde_json::to_string(&Out { v: VERSION, quiz, plan }).unwrap_or_default()
}

/// Reads stored progress; the quiz comes back sanitized (see [`Quiz::sanitized`]).
pub fn decode<P: for<'de> Deserialize<'de>>(text: &str) -> Result<(Quiz, Option<P>), Rejected> {
    if text.len() > MAX_BYTES {
        return Err(Rejected::TooLarge);
    }
    #[derive(Deserialize)]
    struct Probe {
        v: u32,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|_| Rejected::Corrupt)?;
    if probe.v != VERSION {
        return Err(Rejected::OtherVersion(probe.v));
    }
    let env: Envelope<P> = serde_json::from_str(text).map_err(|_| Rejected::Corrupt)?;
    Ok((env.quiz.sanitized(), env.plan))
}

/// What the widget restores on load: [`decode`] with the plan inputs sanitized too (an
/// entry without plan inputs gives the defaults). Every field that comes back is bounded.
pub fn restore(text: &str) -> Result<(Quiz, PlanInputs), Rejected> {
    decode::<PlanInputs>(text).map(|(quiz, plan)| (quiz, plan.map(PlanInputs::sanitized).unwrap_or_default()))
}
