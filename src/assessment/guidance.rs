//! Which repair moves or exit steps answer this assessment.

use serde::Serialize;

use super::answers::Answers;
use super::model::{GuidanceItem, Model, Trigger};
use super::outcome::{RuleId, Verdict};
use super::scoring::Assessment;

crate::ids::id_enum! {
    /// What kind of guidance the verdict calls for.
    pub enum GuidanceKind {
        /// Nothing to do: keep working as you do.
        None = "none",
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

/// Picks the repair moves (for `watch` and `repair`) or exit steps (for `exit`) whose
/// triggers hold, adjusted by the context answers.
pub fn select_guidance(model: &Model, assessment: &Assessment, answers: &Answers) -> Guidance {
    let (kind, catalogue) = match assessment.verdict {
        Verdict::Keep => return Guidance { kind: GuidanceKind::None, items: Vec::new() },
        Verdict::Watch | Verdict::Repair => (GuidanceKind::Repair, &model.repair_moves),
        Verdict::Exit => (GuidanceKind::Exit, &model.exit_steps),
    };
    let items =
        catalogue.iter().filter(|item| applies(item, assessment, answers)).map(|item| item.id.clone()).collect();
    Guidance { kind, items }
}

fn applies(item: &GuidanceItem, a: &Assessment, answers: &Answers) -> bool {
    let holds = |t: &Trigger| match t {
        Trigger::Signal { signal } => a.fired(*signal),
        Trigger::Rule { rule } => match RuleId::parse(rule) {
            // "non_payment" covers the repeated case too.
            Some(RuleId::NonPayment) => a.rule(RuleId::NonPayment) || a.rule(RuleId::RepeatedNonPayment),
            Some(r) => a.rule(r),
            None => false,
        },
        Trigger::Context { context, r#in } => {
            answers.context.value(context).is_some_and(|v| r#in.iter().any(|x| x == v))
        }
    };
    (item.when.is_empty() || item.when.iter().any(holds)) && !item.unless.iter().any(holds)
}
