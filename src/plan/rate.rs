//! What the client really pays, in the plan: the effective hourly rate against the usual
//! one, what the unbilled hours cost, and what to do about it for the plan's verdict — the
//! price that would reach the usual rate and the hours to bill or cap first (watch and
//! repair), or what the freed hours are worth and how much new work to line up (exit).

use crate::assessment::context::IncomeShare;
use crate::assessment::rate::{hours_text, PayBasis};
use crate::document::Block;

use super::context::Ctx;
use super::PlanKind;

/// The plan's section on the rate, when the visitor gave one.
pub(super) fn section(cx: &Ctx) -> Vec<Block> {
    let inputs = &cx.answers.rate;
    let Some(r) = inputs.rate() else { return Vec::new() };
    let currency = super::currency(cx.cat.lang, &cx.inputs.currency);
    let money = |cents: u64| cx.cat.money(cents, &currency);
    let per_hour = |cents: u64| cx.cat.per_hour(cents, &currency);
    let hours = |tenths: u32| hours_text(tenths, &cx.cat.meta.decimal_separator);
    let project = inputs.basis == PayBasis::Project;
    let mut lines = vec![cx.text(
        if project { "plan.rate.effective_project" } else { "plan.rate.effective_month" },
        &[("effective", &per_hour(r.effective_cents)), ("hours", &hours(r.total_tenths))],
    )];
    if r.unbilled_tenths > 0 {
        lines.push(cx.text(
            "plan.rate.unbilled",
            &[("unbilled", &hours(r.unbilled_tenths)), ("lost", &per_hour(r.lost_per_hour_cents))],
        ));
    }
    if let (Some(usual), Some(percent)) = (r.usual_cents, r.percent_of_usual()) {
        let percent = cx.cat.number(percent);
        lines.push(cx.text("plan.rate.usual", &[("usual", &per_hour(usual)), ("percent", &percent)]));
    }
    match cx.guidance.kind {
        PlanKind::Exit => {
            if let Some(value) = r.monthly_value_cents {
                lines
                    .push(cx.text("plan.rate.freed", &[("hours", &hours(r.monthly_tenths)), ("value", &money(value))]));
            }
            if let Some(share) = cx.answers.context.income_share.filter(|s| *s != IncomeShare::Lt10) {
                let share = cx.cat.t(&format!("ctx.income_share.{share}")).to_owned();
                lines.push(cx.text("plan.rate.replace", &[("share", &share), ("hours", &hours(r.monthly_tenths))]));
            }
        }
        _ => {
            if let Some(fair) = r.fair_pay_cents.filter(|f| r.ratio_permille.is_some_and(|p| p < 1000) && *f > 0) {
                let key = if project { "plan.rate.fair_project" } else { "plan.rate.fair_month" };
                lines.push(cx.text(key, &[("fair", &money(fair))]));
            }
            let kinds: Vec<String> = inputs
                .unbilled_by_size()
                .iter()
                .take(2)
                .map(|(kind, tenths)| cx.text(&format!("plan.rate.kind.{kind}"), &[("hours", &hours(*tenths))]))
                .collect();
            if !kinds.is_empty() {
                lines.push(cx.text("plan.rate.bill_first", &[("kinds", &kinds.join("; "))]));
            }
        }
    }
    vec![Block::Heading { level: 2, text: cx.text("plan.heading.rate", &[]) }, Block::Bullets(lines)]
}
