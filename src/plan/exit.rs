//! The exit plan: dated steps from reviewing the contract to the final invoice, open
//! work, talking points, the handover checklist and the written notice.

use crate::assessment::{RuleId, SignalId};
use crate::document::Block;

use super::context::Ctx;
use super::schedule::{exit_dates, ExitDates, ExitTerms};
use super::{guidance_section, letter, talking_points_section, Milestone, Parts};

pub(super) fn parts(cx: &Ctx) -> Parts {
    let dates = exit_dates(&ExitTerms {
        today: cx.today,
        notice_days: cx.notice_days(),
        contract_end: cx.contract_end(),
        prefer_contract_end: cx.inputs.prefer_contract_end,
        abuse: cx.abuse(),
        long_tenure: cx.has_item("gentle_handover"),
    });
    let talking_points = talking_points(cx, &dates);
    let notice_draft = letter::notice(cx, &dates);
    let mut sections = open_work_section(cx, &dates);
    sections.extend(talking_points_section(cx, &talking_points));
    sections.push(Block::Heading { level: 2, text: cx.text("plan.heading.handover", &[]) });
    sections.push(Block::Checklist(handover(cx, &dates)));
    sections.push(Block::Heading { level: 2, text: cx.text("plan.heading.notice", &[]) });
    sections.push(Block::Paragraph(cx.text("plan.notice.intro", &[])));
    sections.push(Block::Letter(notice_draft.clone()));
    sections.extend(guidance_section(cx, "plan.heading.exit_steps", "exit"));
    Parts { milestones: milestones(cx, &dates), sections, notice_draft: Some(notice_draft), talking_points }
}

fn milestones(cx: &Ctx, d: &ExitDates) -> Vec<Milestone> {
    let mut out = Vec::new();
    let review = match cx.contract_end() {
        Some(end) => cx.text("plan.exit.review_contract.detail_end", &[("date", &cx.date(end))]),
        None => cx.text("plan.exit.review_contract.detail", &[]),
    };
    out.push(cx.milestone("review_contract", d.review_contract, "plan.exit.review_contract.title", review));
    if cx.unpaid() {
        let detail = match cx.money() {
            Some(amount) => cx.text("plan.exit.arrears.detail_amount", &[("amount", &amount)]),
            None => cx.text("plan.exit.arrears.detail", &[]),
        };
        out.push(cx.milestone("arrears", cx.today, "plan.exit.arrears.title", detail));
    }
    if cx.has_item("line_up_work") {
        let detail = cx.text("plan.exit.line_up_work.detail", &[("date", &cx.date(d.talk))]);
        out.push(cx.milestone("line_up_work", cx.today, "plan.exit.line_up_work.title", detail));
    }
    let plan_talk = if cx.abuse() { "plan.exit.plan_talk.detail_abuse" } else { "plan.exit.plan_talk.detail" };
    out.push(cx.milestone("plan_talk", d.plan_talk, "plan.exit.plan_talk.title", cx.text(plan_talk, &[])));
    let talk =
        if cx.abuse() { "plan.exit.talk.abuse".to_owned() } else { format!("plan.exit.talk.{}", cx.channel().id()) };
    out.push(cx.milestone("talk", d.talk, "plan.exit.talk.title", cx.text(&talk, &[])));
    let notice = cx.plural("plan.exit.notice.detail", u64::from(cx.notice_days()), &[("date", &cx.date(d.last_day))]);
    out.push(cx.milestone("notice", d.notice, "plan.exit.notice.title", notice));
    out.push(cx.milestone(
        "last_day",
        d.last_day,
        "plan.exit.last_day.title",
        cx.text("plan.exit.last_day.detail", &[]),
    ));
    let invoice = match (cx.unpaid(), cx.money()) {
        (_, Some(amount)) => cx.text("plan.exit.final_invoice.detail_amount", &[("amount", &amount)]),
        (true, None) => cx.text("plan.exit.final_invoice.detail_unpaid", &[]),
        (false, None) => cx.text("plan.exit.final_invoice.detail", &[]),
    };
    out.push(cx.milestone("final_invoice", d.final_invoice, "plan.exit.final_invoice.title", invoice));
    if let Some(until) = d.handover_help_until {
        let detail = cx.text("plan.exit.handover_help.detail", &[]);
        out.push(cx.milestone("handover_help", until, "plan.exit.handover_help.title", detail));
    }
    out
}

/// Deliverables to finish or hand over by the last day, by name where the visitor
/// listed them.
fn open_work_section(cx: &Ctx, d: &ExitDates) -> Vec<Block> {
    if !cx.open_work() {
        return Vec::new();
    }
    let date = cx.date(d.last_day);
    let items = if cx.inputs.open_deliverables.is_empty() {
        vec![cx.text("plan.open_work.generic", &[("date", &date)])]
    } else {
        cx.inputs
            .open_deliverables
            .iter()
            .map(|item| cx.text("plan.open_work.item", &[("item", item), ("date", &date)]))
            .collect()
    };
    vec![Block::Heading { level: 2, text: cx.text("plan.heading.open_work", &[]) }, Block::Checklist(items)]
}

/// The one reason to give: abuse or repeated non-payment where those drove the verdict,
/// else the strongest signal. (An exit verdict without either rule always has drivers;
/// the fallback is the most neutral reason, "the work no longer fits my business".)
fn reason(cx: &Ctx) -> String {
    let signal = if cx.abuse() {
        SignalId::Abuse
    } else if cx.rule(RuleId::RepeatedNonPayment) {
        SignalId::LosingMoney
    } else {
        cx.assessment.drivers.first().copied().unwrap_or(SignalId::Stalled)
    };
    cx.text(&format!("plan.reason.{}", signal.id()), &[])
}

fn talking_points(cx: &Ctx, d: &ExitDates) -> Vec<String> {
    let abuse = cx.abuse();
    let last_day = cx.date(d.last_day);
    let mut points = Vec::new();
    if !abuse {
        points.push(cx.text("plan.talk.exit.thanks", &[]));
    }
    points.push(cx.text("plan.talk.exit.reason", &[("reason", &reason(cx))]));
    points.push(cx.text("plan.talk.exit.decision", &[("date", &last_day)]));
    let notice = if cx.signed_contract() { "plan.talk.exit.notice_contract" } else { "plan.talk.exit.notice" };
    points.push(cx.plural(notice, u64::from(cx.notice_days()), &[]));
    if cx.open_work() {
        points.push(cx.text("plan.talk.exit.open_work", &[("date", &last_day)]));
    }
    match cx.money() {
        Some(amount) => points.push(cx.text("plan.talk.exit.amount", &[("amount", &amount)])),
        None if cx.unpaid() => points.push(cx.text("plan.talk.exit.unpaid", &[])),
        None => {}
    }
    if abuse {
        points.push(cx.text("plan.talk.exit.no_apology", &[]));
        points.push(cx.text("plan.talk.exit.log", &[]));
    } else {
        points.push(cx.text("plan.talk.exit.referrals", &[]));
    }
    points.push(cx.text("plan.talk.exit.no_waffle", &[]));
    points
}

fn handover(cx: &Ctx, d: &ExitDates) -> Vec<String> {
    // After abuse, helping them find a replacement is no longer owed.
    let keys: &[&str] = if cx.abuse() {
        &["files", "passwords", "access", "brief"]
    } else {
        &["files", "passwords", "access", "referrals", "brief"]
    };
    let mut items: Vec<String> = keys.iter().map(|k| cx.text(&format!("plan.handover.{k}"), &[])).collect();
    if let Some(until) = d.handover_help_until {
        items.push(cx.text("plan.handover.extra_week", &[("date", &cx.date(until))]));
    }
    if cx.abuse() {
        items.push(cx.text("plan.handover.log", &[]));
    }
    items
}
