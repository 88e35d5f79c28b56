//! The `keep` verdict: what to keep doing, and a light re-check in three months. Money
//! owed gets a friendly reminder.

use crate::document::Block;

use super::context::Ctx;
use super::money::{self, Reach};
use super::schedule::recheck_date;
use super::{MilestoneId, Parts};

/// The habits a healthy collaboration keeps (`plan.keep.do.<id>`).
const KEEP_DOING: [&str; 4] = ["agreements", "invoices", "rhythm", "notice_changes"];

pub(super) fn parts(cx: &Ctx) -> Parts {
    let detail = cx.recheck_detail("plan.keep.recheck.detail");
    let mut milestones = money::milestones(cx, cx.today, Reach::Reminder);
    milestones.push(cx.milestone(MilestoneId::Recheck, recheck_date(cx.today), "plan.keep.recheck.title", detail));
    let sections = vec![
        Block::Heading { level: 2, text: cx.text("plan.heading.keep_doing", &[]) },
        Block::Bullets(KEEP_DOING.iter().map(|k| cx.text(&format!("plan.keep.do.{k}"), &[])).collect()),
        Block::Paragraph(cx.text("keep.body", &[])),
    ];
    Parts { milestones, sections, ..Parts::default() }
}
