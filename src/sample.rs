//! Realistic clients for the benchmark (`examples/bench.rs` natively, `tests/web.rs` in
//! the browser), so both time exactly the same work. Not used by the widget itself, so
//! the release wasm does not carry it (nothing reaches it from the entry points).

use crate::assessment::{assess, Answer, Answers, Rating, MODEL};
use crate::dates::Day;
use crate::i18n::Lang;
use crate::plan::{build_plan, Channel, Plan, PlanInputs};

/// An agency client that drains time and money after a failed repair (an exit plan with
/// every input filled in), and a client whose communication broke down (a repair plan).
pub fn clients() -> [(Answers, PlanInputs); 2] {
    let exit = rated(&[("time_drain", 3), ("losing_money", 3), ("dismisses_advice", 2), ("stalled", 2)], |c| {
        c.set("contract", "fixed_term");
        c.set("open_work", "yes");
        c.set("unpaid", "yes");
        c.set("repair_tried", "yes");
        c.notice_days = Some(21);
        c.contract_end = Day::new(2027, 1, 15);
    });
    let exit_inputs = PlanInputs {
        nickname: "Acme Studio".into(),
        addressee: "Ms Jane Doe".into(),
        today: Day::new(2026, 11, 20),
        prefer_contract_end: true,
        open_deliverables: vec!["Homepage redesign".into(), "Logo files (SVG, PNG)".into()],
        unpaid_amount_cents: Some(125_050),
        currency: "EUR".into(),
        channel: Channel::Call,
        page: String::new(),
    };
    let repair = rated(&[("poor_communication", 3), ("time_drain", 2)], |c| {
        c.set("contract", "none");
        c.set("repair_tried", "no");
    });
    let repair_inputs = PlanInputs { today: Day::new(2026, 11, 20), ..PlanInputs::default() };
    [(exit, exit_inputs), (repair, repair_inputs)]
}

/// One complete run as the widget does it when the visitor finishes: score the answers,
/// then build the dated plan.
pub fn assess_and_plan(answers: &Answers, inputs: &PlanInputs, lang: Lang) -> Plan {
    build_plan(&MODEL, &assess(&MODEL, answers), answers, inputs, lang)
}

/// Every question "never" except the listed signals (by id prefix) at the given rating.
fn rated(signals: &[(&str, u8)], context: impl FnOnce(&mut crate::assessment::answers::Context)) -> Answers {
    let mut a = Answers::default();
    for q in MODEL.questions() {
        let level = signals.iter().find(|(s, _)| q.id.starts_with(&format!("{s}."))).map_or(0, |(_, r)| *r);
        a.set(&q.id, Answer::Rated(Rating::from_value(level).unwrap_or(Rating::Never)));
    }
    context(&mut a.context);
    a
}
