//! Money owed, as a dated ladder: new work stops today, a reminder goes out today, a
//! formal demand (in the language's own legal term) follows two weeks later and the
//! court route two weeks after that. Late fees only where the contract provides them;
//! otherwise the statutory route the language's catalog names (the EU Late Payment
//! Directive and its national law, or the Russian Civil Code), and fees in the next
//! agreement. A `watch` or `keep` plan sends a friendly reminder only.

use crate::dates::Day;
use crate::document::Block;

use super::context::Ctx;
use super::schedule::ladder_dates;
use super::{Milestone, MilestoneId};

/// How far a plan goes about money owed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// A friendly reminder, nothing more (keep, watch).
    Reminder,
    /// Stop new work, and the whole ladder (repair, exit).
    Ladder,
}

/// The ladder's dated steps, from `today`. Empty when nothing is owed.
pub(super) fn milestones(cx: &Ctx, today: Day, reach: Reach) -> Vec<Milestone> {
    if !cx.unpaid() {
        return Vec::new();
    }
    let d = ladder_dates(today);
    let amount = cx.money();
    let with_amount = |key: &str| match &amount {
        Some(a) => cx.text(&format!("{key}_amount"), &[("amount", a)]),
        None => cx.text(key, &[]),
    };
    let mut out = Vec::new();
    if reach == Reach::Reminder {
        let detail = with_amount("plan.money.reminder.detail_light");
        out.push(cx.milestone(MilestoneId::Reminder, d.reminder, "plan.money.reminder.title", detail));
        return out;
    }
    let stop = with_amount("plan.money.stop_work.detail");
    out.push(cx.milestone(MilestoneId::StopWork, today, "plan.money.stop_work.title", stop));
    let fees =
        if cx.contract_late_fees() { "plan.money.reminder.fees_contract" } else { "plan.money.reminder.fees_law" };
    let reminder = [with_amount("plan.money.reminder.detail"), cx.text(fees, &[])].join(" ");
    out.push(cx.milestone(MilestoneId::Reminder, d.reminder, "plan.money.reminder.title", reminder));
    let demand = cx.text("plan.money.formal_demand.detail", &[("date", &cx.date(d.court))]);
    out.push(cx.milestone(MilestoneId::FormalDemand, d.formal_demand, "plan.money.formal_demand.title", demand));
    let court = cx.text("plan.money.court.detail", &[]);
    out.push(cx.milestone(MilestoneId::Court, d.court, "plan.money.court.title", court));
    out
}

/// "Getting paid": the rule while money is owed, late fees and the statutory route,
/// files and rights on payment. Only with the whole ladder.
pub(super) fn section(cx: &Ctx, next_agreement: bool) -> Vec<Block> {
    if !cx.unpaid() {
        return Vec::new();
    }
    let mut points = vec![cx.text("plan.money.rule", &[]), cx.text("plan.money.files", &[])];
    if cx.contract_late_fees() {
        points.push(cx.text("plan.money.fees_contract", &[]));
    } else {
        points.push(cx.text("plan.money.fees_law", &[]));
        if next_agreement {
            points.push(cx.text("plan.money.fees_next", &[]));
        }
    }
    vec![Block::Heading { level: 2, text: cx.text("plan.heading.money", &[]) }, Block::Bullets(points)]
}
