//! The `repair` verdict: moves picked per question, each with a measurable success
//! criterion, a date to judge them, and the branch "if they refuse, or nothing changes
//! by then: the exit plan". Unpaid invoices stop new work today and run the money
//! ladder; refusing a contract gets a signature deadline.

use crate::assessment::model::MoveKind;
use crate::assessment::RuleId;
use crate::document::Block;

use super::context::Ctx;
use super::money::{self, Reach};
use super::schedule::{repair_dates, RepairDates};
use super::{guidance_section, talking_points_section, Milestone, MilestoneId, Parts, TalkPoint};

/// Moves that set up a regular rhythm, so the plan dates a first check-in.
const CHECK_IN_MOVES: [&str; 5] = ["check_in", "main_channel", "batch_contact", "reply_deadlines", "tone_talk"];

pub(super) fn parts(cx: &Ctx) -> Parts {
    let dates = repair_dates(cx.today);
    let talk = talking_points(cx);
    let mut sections = talking_points_section(cx, &talk);
    sections.extend(criteria_section(cx, &dates));
    sections.extend(branch_section(cx, &dates));
    sections.extend(money::section(cx, true));
    sections.extend(guidance_section(cx, "plan.heading.moves", "move"));
    Parts { milestones: milestones(cx, &dates), sections, talk, ..Parts::default() }
}

/// The contract is the one condition: refusing it again ends the work.
fn contract_condition(cx: &Ctx) -> bool {
    cx.has_item("sign_contract") && cx.rule(RuleId::RefusesContract)
}

fn milestones(cx: &Ctx, d: &RepairDates) -> Vec<Milestone> {
    let mut out = vec![cx.milestone(
        MilestoneId::Prepare,
        d.today,
        "plan.repair.prepare.title",
        cx.text(if cx.any_abuse() { "plan.repair.prepare.detail_abuse" } else { "plan.repair.prepare.detail" }, &[]),
    )];
    out.extend(money::milestones(cx, d.today, Reach::Ladder));
    let talk = if cx.any_abuse() {
        "plan.repair.talk.abuse".to_owned()
    } else {
        format!("plan.repair.talk.{}", cx.channel().id())
    };
    out.push(cx.milestone(MilestoneId::Talk, d.talk, "plan.repair.talk.title", cx.text(&talk, &[])));
    if CHECK_IN_MOVES.iter().any(|m| cx.has_item(m)) {
        let detail = cx.text("plan.repair.check_in.detail", &[]);
        out.push(cx.milestone(MilestoneId::CheckIn, d.first_check_in, "plan.repair.check_in.title", detail));
    }
    if !cx.moves_of(MoveKind::Terms).is_empty() {
        let titles: Vec<String> =
            cx.moves_of(MoveKind::Terms).iter().map(|m| cx.text(&format!("move.{m}.title"), &[])).collect();
        let detail = cx.text("plan.repair.new_agreement.detail", &[("terms", &titles.join("; "))]);
        out.push(cx.milestone(MilestoneId::NewAgreement, d.new_agreement, "plan.repair.new_agreement.title", detail));
    }
    if contract_condition(cx) {
        let detail = cx.text("plan.repair.sign_deadline.detail", &[]);
        out.push(cx.milestone(MilestoneId::SignDeadline, d.sign_deadline, "plan.repair.sign_deadline.title", detail));
    }
    let review = cx.recheck_detail("plan.repair.review.detail");
    out.push(cx.milestone(MilestoneId::Review, d.review, "plan.repair.review.title", review));
    out
}

fn talking_points(cx: &Ctx) -> Vec<(TalkPoint, String)> {
    let mut points = Vec::new();
    // After abuse there is no "start with what works" and no "own your part".
    if !cx.any_abuse() {
        points.push((TalkPoint::Strength, cx.text("plan.talk.strength", &[])));
        if cx.has_item("own_side") {
            points.push((TalkPoint::OwnPart, cx.text("plan.talk.own_part", &[])));
        }
    }
    if cx.unpaid() {
        points.push((TalkPoint::Payment, cx.text("plan.talk.payment", &[])));
    }
    for id in cx.guidance.items.iter().filter(|id| !matches!(id.as_str(), "stop_work" | "money_ladder" | "own_side")) {
        let title = cx.text(&format!("move.{id}.title"), &[]);
        let measure = cx.text(&format!("move.{id}.measure"), &[]);
        points.push((TalkPoint::Move, cx.text("plan.talk.move", &[("title", &title), ("measure", &measure)])));
    }
    if contract_condition(cx) {
        points.push((TalkPoint::Refusal, cx.text("plan.talk.refusal", &[])));
    }
    points.push((TalkPoint::Confirm, cx.text("plan.talk.confirm", &[])));
    points
}

/// "By <date>, this is what has changed": one measurable line per move.
fn criteria_section(cx: &Ctx, d: &RepairDates) -> Vec<Block> {
    let items: Vec<String> = cx
        .guidance
        .items
        .iter()
        .filter(|id| id.as_str() != "own_side")
        .map(|id| cx.text(&format!("move.{id}.measure"), &[]))
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading { level: 2, text: cx.text("plan.heading.criteria", &[]) },
        Block::Paragraph(cx.text("plan.repair.criteria", &[("date", &cx.date(d.review))])),
        Block::Checklist(items),
    ]
}

/// If they refuse, or nothing changes by the review: move to the exit plan.
fn branch_section(cx: &Ctx, d: &RepairDates) -> Vec<Block> {
    let mut lines = vec![cx.text("plan.repair.branch.refuse", &[])];
    if contract_condition(cx) {
        lines.push(cx.text("plan.repair.branch.contract", &[("date", &cx.date(d.sign_deadline))]));
    }
    if cx.unpaid() {
        lines.push(cx.text("plan.repair.branch.unpaid", &[]));
    }
    if cx.any_abuse() {
        lines.push(cx.text("plan.repair.branch.abuse", &[]));
    }
    lines.push(cx.text("plan.repair.branch.review", &[("date", &cx.date(d.review))]));
    vec![Block::Heading { level: 2, text: cx.text("plan.heading.branch", &[]) }, Block::Bullets(lines)]
}
