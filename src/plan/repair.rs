//! The repair plan (for the `watch` and `repair` verdicts): dated moves, talking points
//! for the repair conversation and a review date with the rule for moving on.

use crate::document::Block;

use super::context::Ctx;
use super::schedule::{repair_dates, RepairDates};
use super::{guidance_section, talking_points_section, Milestone, Parts};

/// Moves that amount to new terms, to be sent as one written agreement.
const AGREEMENT_MOVES: [&str; 4] = ["new_agreement", "money_terms", "scope_limits", "contact_hours"];
/// Moves that set up a regular check-in.
const CHECK_IN_MOVES: [&str; 2] = ["comm_rhythm", "main_channel"];

pub(super) fn parts(cx: &Ctx) -> Parts {
    let dates = repair_dates(cx.today);
    let talking_points = talking_points(cx);
    let mut sections = talking_points_section(cx, &talking_points);
    sections.extend(review_section(cx, &dates));
    sections.extend(guidance_section(cx, "plan.heading.moves", "move"));
    Parts { milestones: milestones(cx, &dates), sections, notice_draft: None, talking_points }
}

fn stops_work(cx: &Ctx) -> bool {
    cx.has_item("stop_work") || cx.money().is_some()
}

fn milestones(cx: &Ctx, d: &RepairDates) -> Vec<Milestone> {
    let mut out =
        vec![cx.milestone("prepare", d.today, "plan.repair.prepare.title", cx.text("plan.repair.prepare.detail", &[]))];
    if stops_work(cx) {
        let detail = match cx.money() {
            Some(amount) => cx.text("plan.repair.stop_work.detail_amount", &[("amount", &amount)]),
            None => cx.text("plan.repair.stop_work.detail", &[]),
        };
        out.push(cx.milestone("stop_work", d.today, "plan.repair.stop_work.title", detail));
    }
    let talk = cx.text(&format!("plan.repair.talk.{}", cx.channel().id()), &[]);
    out.push(cx.milestone("talk", d.talk, "plan.repair.talk.title", talk));
    if CHECK_IN_MOVES.iter().any(|m| cx.has_item(m)) {
        let detail = cx.text("plan.repair.check_in.detail", &[]);
        out.push(cx.milestone("check_in", d.first_check_in, "plan.repair.check_in.title", detail));
    }
    if AGREEMENT_MOVES.iter().any(|m| cx.has_item(m)) {
        let detail = cx.text("plan.repair.new_agreement.detail", &[]);
        out.push(cx.milestone("new_agreement", d.new_agreement, "plan.repair.new_agreement.title", detail));
    }
    let review = cx.text("plan.repair.review.detail", &[]);
    out.push(cx.milestone("review", d.review, "plan.repair.review.title", review));
    out
}

fn talking_points(cx: &Ctx) -> Vec<String> {
    let mut points = vec![cx.text("plan.talk.repair.open", &[]), cx.text("plan.talk.repair.own_part", &[])];
    if stops_work(cx) {
        points.push(cx.text("plan.talk.repair.stop_work", &[]));
    }
    points.extend(cx.watched_signals().iter().map(|s| cx.text(&format!("plan.talk.repair.{}", s.id()), &[])));
    points.push(cx.text("plan.talk.repair.confirm", &[]));
    points
}

/// "If these signals are still here by <date>, move to the exit plan", with the signals.
fn review_section(cx: &Ctx, d: &RepairDates) -> Vec<Block> {
    let date = cx.date(d.review);
    let signals: Vec<String> = cx.watched_signals().iter().map(|s| cx.signal_name(*s)).collect();
    let mut blocks = vec![Block::Heading { level: 2, text: cx.text("plan.heading.review", &[]) }];
    if signals.is_empty() {
        blocks.push(Block::Paragraph(cx.text("plan.repair.review.rule_general", &[("date", &date)])));
    } else {
        blocks.push(Block::Paragraph(cx.text("plan.repair.review.rule", &[("date", &date)])));
        blocks.push(Block::Bullets(signals));
    }
    blocks
}
