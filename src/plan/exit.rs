//! The `exit` verdict: dated steps from reviewing the contract to revoking your own
//! access, open work, getting paid, talking points, the handover checklist and the
//! written notice. After abuse it is the short shape: in writing, no call, no thanks or
//! referrals, the shortest notice the contract allows, payment first, files on payment,
//! the log kept.

use crate::assessment::context::Tenure;
use crate::assessment::{RuleId, SignalId};
use crate::document::Block;

use super::context::Ctx;
use super::money::{self, Reach};
use super::schedule::{exit_dates, ContractTerms, ExitDates, ExitTerms};
use super::{guidance_section, letter, talking_points_section, Milestone, MilestoneId, NoticeBasis, Parts, TalkPoint};

pub(super) fn parts(cx: &Ctx) -> Parts {
    let dates = exit_dates(&ExitTerms {
        today: cx.today,
        contract: ContractTerms::from_context(&cx.answers.context, cx.today),
        prefer_contract_end: cx.inputs.prefer_contract_end,
        abuse: cx.abuse_exit(),
        // Extra handover help is a courtesy: not after abuse, not while money is owed.
        long_tenure: matches!(cx.answers.context.tenure, Some(Tenure::From1To3y | Tenure::Gt3y)) && !cx.unpaid(),
    });
    let talk = talking_points(cx, &dates);
    let (notice_draft, letter_parts) = letter::notice(cx, &dates);
    let mut sections = contract_section(cx, &dates);
    sections.extend(open_work_section(cx, &dates));
    sections.extend(money::section(cx, false));
    sections.extend(talking_points_section(cx, &talk));
    sections.push(Block::Heading { level: 2, text: cx.text("plan.heading.handover", &[]) });
    sections.push(Block::Checklist(handover(cx, &dates)));
    sections.push(Block::Heading { level: 2, text: cx.text("plan.heading.notice", &[]) });
    sections.push(Block::Paragraph(cx.text("plan.notice.intro", &[])));
    sections.push(Block::Letter(notice_draft.clone()));
    sections.extend(guidance_section(cx, "plan.heading.exit_steps", "exit"));
    Parts {
        milestones: milestones(cx, &dates),
        sections,
        notice_draft: Some(notice_draft),
        letter_parts,
        talk,
        terms: Some(dates.terms),
    }
}

/// The notice in days as the catalog's plural forms need it.
fn notice_n(d: &ExitDates) -> u64 {
    u64::from(d.terms.notice_days)
}

fn milestones(cx: &Ctx, d: &ExitDates) -> Vec<Milestone> {
    let mut out = Vec::new();
    let review = match (d.terms.basis, d.terms.contract_end) {
        (_, Some(end)) => cx.text("plan.exit.review_contract.detail_end", &[("date", &cx.date(end))]),
        (NoticeBasis::Contract, None) => cx.plural("plan.exit.review_contract.detail_notice", notice_n(d), &[]),
        (NoticeBasis::Own, _) => cx.text("plan.exit.review_contract.detail_none", &[]),
        _ => cx.text("plan.exit.review_contract.detail_unknown", &[]),
    };
    out.push(cx.milestone(MilestoneId::ReviewContract, d.review_contract, "plan.exit.review_contract.title", review));
    out.extend(money::milestones(cx, cx.today, Reach::Ladder));
    if cx.has_item("line_up_work") {
        let detail = cx.text("plan.exit.line_up_work.detail", &[("date", &cx.date(d.talk))]);
        out.push(cx.milestone(MilestoneId::LineUpWork, cx.today, "plan.exit.line_up_work.title", detail));
    }
    let abuse = cx.abuse_exit();
    let plan_talk = if abuse { "plan.exit.plan_talk.detail_abuse" } else { "plan.exit.plan_talk.detail" };
    let plan_talk_title = if abuse { "plan.exit.plan_talk.title_abuse" } else { "plan.exit.plan_talk.title" };
    out.push(cx.milestone(MilestoneId::PlanTalk, d.plan_talk, plan_talk_title, cx.text(plan_talk, &[])));
    let talk = if abuse { "plan.exit.talk.abuse".to_owned() } else { format!("plan.exit.talk.{}", cx.channel().id()) };
    out.push(cx.milestone(MilestoneId::Talk, d.talk, "plan.exit.talk.title", cx.text(&talk, &[])));
    let last = cx.date(d.last_day);
    let notice = match d.terms.basis {
        NoticeBasis::ContractEnd => cx.text("plan.exit.notice.detail_end", &[("date", &last)]),
        NoticeBasis::Contract => cx.plural("plan.exit.notice.detail_contract", notice_n(d), &[("date", &last)]),
        NoticeBasis::Common | NoticeBasis::Own => cx.plural("plan.exit.notice.detail", notice_n(d), &[("date", &last)]),
    };
    out.push(cx.milestone(MilestoneId::Notice, d.notice, "plan.exit.notice.title", notice));
    let confirm = cx.text("plan.exit.confirm_end.detail", &[("date", &last)]);
    out.push(cx.milestone(MilestoneId::ConfirmEnd, d.confirm_end, "plan.exit.confirm_end.title", confirm));
    if cx.open_work() {
        let (key, on_payment) =
            if cx.unpaid() { ("plan.exit.deliver.detail_unpaid", true) } else { ("plan.exit.deliver.detail", false) };
        let mut m = cx.milestone(MilestoneId::Deliver, d.last_day, "plan.exit.deliver.title", cx.text(key, &[]));
        m.on_payment = on_payment;
        out.push(m);
    }
    let last_detail = match (cx.unpaid(), abuse) {
        (true, _) => "plan.exit.last_day.detail_unpaid",
        (false, true) => "plan.exit.last_day.detail_abuse",
        (false, false) => "plan.exit.last_day.detail",
    };
    out.push(cx.milestone(MilestoneId::LastDay, d.last_day, "plan.exit.last_day.title", cx.text(last_detail, &[])));
    let invoice = match (cx.unpaid(), cx.money()) {
        (_, Some(amount)) => cx.text("plan.exit.final_invoice.detail_amount", &[("amount", &amount)]),
        (true, None) => cx.text("plan.exit.final_invoice.detail_unpaid", &[]),
        (false, None) => cx.text("plan.exit.final_invoice.detail", &[]),
    };
    out.push(cx.milestone(MilestoneId::FinalInvoice, d.final_invoice, "plan.exit.final_invoice.title", invoice));
    let follow_up = cx.text("plan.exit.invoice_follow_up.detail", &[]);
    out.push(cx.milestone(
        MilestoneId::InvoiceFollowUp,
        d.invoice_follow_up,
        "plan.exit.invoice_follow_up.title",
        follow_up,
    ));
    let revoke = cx.text("plan.exit.revoke_access.detail", &[]);
    out.push(cx.milestone(MilestoneId::RevokeAccess, d.revoke_access, "plan.exit.revoke_access.title", revoke));
    if let Some(until) = d.handover_help_until {
        let detail = cx.text("plan.exit.handover_help.detail", &[]);
        out.push(cx.milestone(MilestoneId::HandoverHelp, until, "plan.exit.handover_help.title", detail));
    }
    out
}

/// What the contract allows, where that needs saying: a fixed term that may not allow
/// ending early, or a notice period the visitor does not know.
fn contract_section(cx: &Ctx, d: &ExitDates) -> Vec<Block> {
    let text = match (d.terms.contract_end, d.terms.basis) {
        (Some(end), _) if d.terms.early_end_unknown => {
            cx.text("plan.exit.contract.fixed_unknown", &[("date", &cx.date(end))])
        }
        (Some(end), NoticeBasis::ContractEnd) => cx.text("plan.exit.contract.fixed_end", &[("date", &cx.date(end))]),
        (Some(end), _) => cx.plural("plan.exit.contract.fixed_early", notice_n(d), &[("date", &cx.date(end))]),
        // Two weeks or one: always the plural "other" form in every language.
        (None, NoticeBasis::Common) => cx.plural("plan.exit.contract.unknown", notice_n(d), &[]),
        (None, NoticeBasis::Own) => cx.plural("plan.exit.contract.none", notice_n(d), &[]),
        (None, _) => cx.plural("plan.exit.contract.notice", notice_n(d), &[]),
    };
    vec![Block::Heading { level: 2, text: cx.text("plan.heading.contract", &[]) }, Block::Paragraph(text)]
}

/// Deliverables to finish or hand over by the last day, by name where the visitor
/// listed them; only once paid, where money is owed.
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
    let mut blocks = vec![Block::Heading { level: 2, text: cx.text("plan.heading.open_work", &[]) }];
    if cx.unpaid() {
        blocks.push(Block::Paragraph(cx.text("plan.open_work.on_payment", &[])));
    }
    blocks.push(Block::Checklist(items));
    blocks
}

/// The one reason to give: abuse or money where those drove the verdict, else the
/// strongest signal.
fn reason(cx: &Ctx) -> String {
    let signal = if cx.abuse_exit() {
        SignalId::Abuse
    } else if cx.rule(RuleId::RepeatedNonPayment) || cx.rule(RuleId::LatePayment) {
        SignalId::LosingMoney
    } else if cx.rule(RuleId::RefusesContract) {
        SignalId::LowRespect
    } else {
        cx.assessment.drivers.first().copied().unwrap_or(SignalId::Stalled)
    };
    cx.text(&format!("plan.reason.{}", signal.id()), &[])
}

fn talking_points(cx: &Ctx, d: &ExitDates) -> Vec<(TalkPoint, String)> {
    let abuse = cx.abuse_exit();
    let last_day = cx.date(d.last_day);
    let mut points = Vec::new();
    if !abuse {
        points.push((TalkPoint::Thanks, cx.text("plan.talk.exit.thanks", &[])));
    }
    points.push((TalkPoint::Reason, cx.text("plan.talk.exit.reason", &[("reason", &reason(cx))])));
    points.push((TalkPoint::Decision, cx.text("plan.talk.exit.decision", &[("date", &last_day)])));
    let n = notice_n(d);
    points.push(match d.terms.basis {
        NoticeBasis::Contract => (TalkPoint::NoticeContract, cx.plural("plan.talk.exit.notice_contract", n, &[])),
        NoticeBasis::ContractEnd => (TalkPoint::ContractEnd, cx.text("plan.talk.exit.contract_end", &[])),
        NoticeBasis::Common | NoticeBasis::Own => (TalkPoint::NoticeOwn, cx.plural("plan.talk.exit.notice", n, &[])),
    });
    if cx.open_work() {
        let key = if cx.unpaid() { "plan.talk.exit.open_work_unpaid" } else { "plan.talk.exit.open_work" };
        points.push((TalkPoint::OpenWork, cx.text(key, &[("date", &last_day)])));
    }
    match cx.money() {
        Some(amount) => points.push((TalkPoint::Owed, cx.text("plan.talk.exit.amount", &[("amount", &amount)]))),
        None if cx.unpaid() => points.push((TalkPoint::Owed, cx.text("plan.talk.exit.unpaid", &[]))),
        None => {}
    }
    if abuse {
        points.push((TalkPoint::NoApology, cx.text("plan.talk.exit.no_apology", &[])));
        points.push((TalkPoint::Log, cx.text("plan.talk.exit.log", &[])));
    } else {
        points.push((TalkPoint::Referrals, cx.text("plan.talk.exit.referrals", &[])));
    }
    points.push((TalkPoint::Confirm, cx.text("plan.talk.exit.confirm", &[])));
    points.push((TalkPoint::NoWaffle, cx.text("plan.talk.exit.no_waffle", &[])));
    points
}

fn handover(cx: &Ctx, d: &ExitDates) -> Vec<String> {
    let abuse = cx.abuse_exit();
    let mut keys: Vec<&str> = Vec::new();
    keys.push(if cx.unpaid() || abuse { "files_on_payment" } else { "files" });
    keys.extend(["passwords", "access", "revoke", "data", "portfolio"]);
    // After abuse, referrals, tools and a replacement's briefing are no longer owed.
    if !abuse {
        keys.extend(["referrals", "tools", "brief"]);
    }
    let mut items: Vec<String> = keys.iter().map(|k| cx.text(&format!("plan.handover.{k}"), &[])).collect();
    if let Some(until) = d.handover_help_until {
        items.push(cx.text("plan.handover.extra_week", &[("date", &cx.date(until))]));
    }
    if abuse {
        items.push(cx.text("plan.handover.log", &[]));
    }
    items.push(cx.text("plan.handover.screen_next", &[]));
    items
}
