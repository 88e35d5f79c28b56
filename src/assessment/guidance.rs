//! Which repair moves or exit steps answer this assessment.
//!
//! Advice is picked per question, not per signal: each question lists the moves that
//! answer it (`moves` in `content/model.json`), picked once the question is active (see
//! [`Assessment::active`]); a few moves also follow from the context or a rule (an unpaid
//! invoice, no contract, a boundary after abuse). A late payer gets payment terms, not
//! scope limits; a client who refuses a contract gets "sign, or we stop".

use serde::Serialize;

use super::answers::Answers;
use super::model::{GuidanceItem, Model, MoveKind, Trigger};
use super::outcome::{RuleId, Verdict};
use super::scoring::Assessment;

crate::ids::id_enum! {
    /// What kind of guidance the verdict calls for: one per verdict.
    pub enum GuidanceKind {
        /// Nothing to fix: keep doing what works.
        None = "none",
        /// Observe, one honest conversation, re-check. Never stop-work or exit steps.
        Watch = "watch",
        Repair = "repair",
        Exit = "exit",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Guidance {
    pub kind: GuidanceKind,
    /// Ids of repair moves (`move.<id>`) or exit steps (`exit.<id>`), in the model's order.
    pub items: Vec<String>,
}

/// Moves a watch plan never carries: it observes and talks, it does not stop work or
/// escalate.
const NOT_IN_WATCH: [MoveKind; 2] = [MoveKind::StopWork, MoveKind::Money];

/// Picks the moves (for `watch` and `repair`) or exit steps (for `exit`) that answer
/// this assessment.
pub fn select_guidance(model: &Model, assessment: &Assessment, answers: &Answers) -> Guidance {
    let holds = |t: &Trigger| trigger_holds(t, assessment, answers);
    let kind = match assessment.verdict {
        Verdict::Keep => return Guidance { kind: GuidanceKind::None, items: Vec::new() },
        Verdict::Watch => GuidanceKind::Watch,
        Verdict::Repair => GuidanceKind::Repair,
        Verdict::Exit => {
            let items = model
                .exit_steps
                .iter()
                .filter(|s| (s.when.is_empty() || s.when.iter().any(holds)) && !s.unless.iter().any(holds))
                .map(|s| s.id.clone())
                .collect();
            return Guidance { kind: GuidanceKind::Exit, items };
        }
    };
    let wanted = wanted_moves(model, assessment, answers);
    let items = model
        .repair_moves
        .iter()
        .filter(|m| wanted.contains(&m.id.as_str()) || m.when.iter().any(holds))
        .filter(|m| !m.unless.iter().any(holds))
        .filter(|m| kind != GuidanceKind::Watch || !m.kind.is_some_and(|k| NOT_IN_WATCH.contains(&k)))
        .map(|m| m.id.clone())
        .collect();
    Guidance { kind, items }
}

/// The moves listed by the active questions; when none is active (a verdict reached by
/// many milder answers), those of every question rated "sometimes" or worse; and when
/// even that is empty, a regular check-in.
fn wanted_moves<'m>(model: &'m Model, a: &Assessment, answers: &Answers) -> Vec<&'m str> {
    let from = |pick: &dyn Fn(&str) -> bool| -> Vec<&'m str> {
        model.questions().filter(|q| pick(&q.id)).flat_map(|q| q.moves.iter().map(String::as_str)).collect()
    };
    let mut wanted = from(&|q| a.is_active(q));
    if wanted.is_empty() {
        wanted = from(&|q| answers.get(q).and_then(|x| x.rating()).is_some_and(|r| r.value() >= 2));
    }
    if wanted.is_empty() {
        wanted.push("check_in");
    }
    wanted
}

/// Whether a trigger holds. A rule trigger also holds when a higher rung of its ladder
/// was reached (only the highest rung is reported).
pub fn trigger_holds(t: &Trigger, a: &Assessment, answers: &Answers) -> bool {
    match t {
        Trigger::Signal { signal } => a.fired(*signal),
        Trigger::Rule { rule } => a.rule(*rule) || higher_rungs(*rule).iter().any(|r| a.rule(*r)),
        Trigger::Context { context, r#in } => {
            answers.context.value(context).is_some_and(|v| r#in.iter().any(|x| x == v))
        }
        Trigger::Question { question, at } => {
            answers.get(question).and_then(|x| x.rating()).is_some_and(|r| r.value() >= *at)
        }
        Trigger::Abuse { abuse } => a.any_abuse() == *abuse,
    }
}

fn higher_rungs(rule: RuleId) -> &'static [RuleId] {
    match rule {
        RuleId::AbuseNamed => &[RuleId::AbuseBoundary, RuleId::AbuseExit],
        RuleId::AbuseBoundary => &[RuleId::AbuseExit],
        RuleId::NonPayment => &[RuleId::RepeatedNonPayment],
        _ => &[],
    }
}

/// Used by the model's checks: the item is a courtesy step (never after abuse).
pub fn is_courtesy(model: &Model, exit_step: &str) -> bool {
    model.exit_steps.iter().any(|s: &GuidanceItem| s.id == exit_step && s.courtesy)
}
