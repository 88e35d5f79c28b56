//! The `keep` verdict: no action needed, and a date to run the check-up again.

use crate::document::Block;

use super::context::Ctx;
use super::schedule::recheck_date;
use super::Parts;

pub(super) fn parts(cx: &Ctx) -> Parts {
    let detail = cx.text("plan.keep.recheck.detail", &[]);
    let recheck = cx.milestone("recheck", recheck_date(cx.today), "plan.keep.recheck.title", detail);
    Parts {
        milestones: vec![recheck],
        sections: vec![Block::Paragraph(cx.text("keep.body", &[]))],
        notice_draft: None,
        talking_points: Vec::new(),
    }
}
