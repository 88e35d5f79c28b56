//! The `watch` verdict: observe for four weeks, have one honest conversation, re-check
//! on a date. No stop-work and no exit step: a watch plan only looks and talks. Money
//! owed gets a friendly reminder.

use crate::document::Block;

use super::context::Ctx;
use super::money::{self, Reach};
use super::schedule::watch_dates;
use super::{guidance_section, talking_points_section, MilestoneId, Parts, TalkPoint};

pub(super) fn parts(cx: &Ctx) -> Parts {
    let d = watch_dates(cx.today);
    let recheck = cx.date(d.recheck);
    let mut milestones = vec![cx.milestone(
        MilestoneId::Observe,
        d.observe,
        "plan.watch.observe.title",
        cx.text("plan.watch.observe.detail", &[("date", &recheck)]),
    )];
    milestones.extend(money::milestones(cx, cx.today, Reach::Reminder));
    let talk = cx.text(&format!("plan.watch.conversation.{}", cx.channel().id()), &[]);
    milestones.push(cx.milestone(MilestoneId::Conversation, d.conversation, "plan.watch.conversation.title", talk));
    let detail = cx.recheck_detail("plan.watch.recheck.detail");
    milestones.push(cx.milestone(MilestoneId::Recheck, d.recheck, "plan.watch.recheck.title", detail));

    let watched: Vec<String> = watched_questions(cx).iter().map(|q| cx.text(&format!("q.{q}"), &[])).collect();
    let mut sections = Vec::new();
    if !watched.is_empty() {
        sections.push(Block::Heading { level: 2, text: cx.text("plan.heading.watch_for", &[]) });
        sections.push(Block::Paragraph(cx.text("plan.watch.watch_for", &[("date", &recheck)])));
        sections.push(Block::Bullets(watched));
    }
    let talk = talking_points(cx);
    sections.extend(talking_points_section(cx, &talk));
    sections.extend(guidance_section(cx, "plan.heading.moves_watch", "move"));
    Parts { milestones, sections, talk, ..Parts::default() }
}

/// The behaviours to note: the active questions, else those rated "sometimes" or worse.
fn watched_questions<'a>(cx: &'a Ctx) -> Vec<&'a str> {
    let active: Vec<&str> = cx.assessment.active.iter().map(String::as_str).collect();
    if !active.is_empty() {
        return active;
    }
    cx.model
        .questions()
        .filter(|q| cx.answers.get(&q.id).and_then(|a| a.rating()).is_some_and(|r| r.value() >= 2))
        .map(|q| q.id.as_str())
        .collect()
}

fn talking_points(cx: &Ctx) -> Vec<(TalkPoint, String)> {
    let mut points = Vec::new();
    if !cx.any_abuse() {
        points.push((TalkPoint::Strength, cx.text("plan.talk.strength", &[])));
    }
    for id in cx.guidance.items.iter().filter(|id| id.as_str() != "own_side") {
        let title = cx.text(&format!("move.{id}.title"), &[]);
        let measure = cx.text(&format!("move.{id}.measure"), &[]);
        points.push((TalkPoint::Move, cx.text("plan.talk.move", &[("title", &title), ("measure", &measure)])));
    }
    points.push((TalkPoint::Confirm, cx.text("plan.talk.confirm", &[])));
    points
}
