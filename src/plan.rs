//! The plan: dated repair or exit steps built from an assessment and the visitor's inputs.
//!
//! [`build_plan`] is pure and deterministic: the same model, answers, inputs and language
//! give the same [`Plan`], byte for byte. The plan holds one format-neutral [`Document`]
//! that every rendering (Markdown, PDF) reads, the dated [`Milestone`]s the calendar
//! reads, and the notice draft and talking points the UI copies to the clipboard.
//!
//! Every visible sentence comes from the catalogs: `plan.*` keys in
//! `content/i18n/<lang>/plan.json`, plus the quiz's `verdict.*`, `rule.*`, `signal.*`,
//! `move.*` and `exit.*` texts. Visitor text (nickname, deliverables) is cleaned and
//! bounded by [`PlanInputs::sanitized`] before it is used; each rendering escapes it for
//! its own format.
//!
//! The timetable lives in [`schedule`]: exit plans review the contract today, plan the
//! talk the next working day, hold it on the third working day (the next one where abuse
//! drove the verdict), give notice the same day and end after the notice period (or at
//! the contract's end, where the visitor prefers that and it is later). Repair plans talk
//! within two working days, send the new agreement within a week and review after 30 days.

mod context;
mod exit;
pub mod inputs;
mod keep;
mod letter;
mod repair;
pub mod schedule;

use serde::Serialize;

pub use crate::assessment::guidance::GuidanceKind as PlanKind;
use crate::assessment::{select_guidance, Answers, Assessment, Model, Verdict};
use crate::dates::Day;
use crate::document::{Block, Document};
use crate::i18n::Lang;
use context::Ctx;
pub use inputs::{Channel, PlanInputs};

/// One dated step: an all-day event in the calendar and a dated line in the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Milestone {
    /// Stable id: `talk`, `notice`, `last_day`, `final_invoice`, `review`, …
    pub id: &'static str,
    pub date: Day,
    /// A short title (the calendar event's summary).
    pub title: String,
    /// One or two sentences on what to do (the calendar event's description).
    pub detail: String,
}

/// A plan, ready to render.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    pub kind: PlanKind,
    pub verdict: Verdict,
    pub lang: Lang,
    /// The day the plan was made for.
    pub today: Day,
    /// The sanitized nickname; empty when the visitor gave none.
    pub nickname: String,
    /// Dated steps in date order (steps on the same day keep their logical order).
    pub milestones: Vec<Milestone>,
    pub document: Document,
    /// The written notice (exit plans only), as plain text to copy.
    pub notice_draft: Option<String>,
    /// Talking points for the conversation, to copy.
    pub talking_points: Vec<String>,
}

impl Plan {
    /// The word id naming this plan in file names (`plan.file.<id>` in the catalog).
    pub fn file_kind(&self) -> &'static str {
        match self.verdict {
            Verdict::Keep => "checkup",
            Verdict::Watch => "watch_plan",
            Verdict::Repair => "repair_plan",
            Verdict::Exit => "exit_plan",
        }
    }
}

/// The day a plan starts from when the inputs carry none (stored state from before the
/// browser's date was known). The UI always passes today's date.
pub fn fallback_today() -> Day {
    Day::new(2026, 1, 1).unwrap_or_else(|| unreachable!("a valid constant date"))
}

/// What each kind of plan adds to the common frame.
struct Parts {
    milestones: Vec<Milestone>,
    /// Sections after the dated steps.
    sections: Vec<Block>,
    notice_draft: Option<String>,
    talking_points: Vec<String>,
}

/// Builds the plan for an assessment. Pure: no clock, no randomness; `inputs` are
/// sanitized here, so stored or hostile inputs are safe to pass as they are.
pub fn build_plan(model: &Model, assessment: &Assessment, answers: &Answers, inputs: &PlanInputs, lang: Lang) -> Plan {
    let inputs = inputs.clone().sanitized();
    let cat = lang.catalog();
    let client =
        if inputs.nickname.is_empty() { cat.t("plan.client_fallback").to_owned() } else { inputs.nickname.clone() };
    let cx = Ctx {
        cat,
        assessment,
        answers,
        today: inputs.today.unwrap_or_else(fallback_today),
        guidance: select_guidance(model, assessment, answers),
        client,
        inputs,
    };
    let mut parts = match cx.guidance.kind {
        PlanKind::None => keep::parts(&cx),
        PlanKind::Repair => repair::parts(&cx),
        PlanKind::Exit => exit::parts(&cx),
    };
    // A stable sort keeps same-day steps in the order the builders wrote them.
    parts.milestones.sort_by_key(|m| m.date);
    Plan {
        kind: cx.guidance.kind,
        verdict: assessment.verdict,
        lang,
        today: cx.today,
        nickname: cx.inputs.nickname.clone(),
        document: document(&cx, &parts),
        milestones: parts.milestones,
        notice_draft: parts.notice_draft,
        talking_points: parts.talking_points,
    }
}

/// The frame every plan shares: title, date, verdict and why, the dated steps, then the
/// plan's own sections.
fn document(cx: &Ctx, parts: &Parts) -> Document {
    let verdict = cx.assessment.verdict.id();
    let mut blocks = vec![
        Block::Paragraph(cx.text("plan.prepared", &[("date", &cx.date(cx.today))])),
        Block::Heading { level: 2, text: cx.text(&format!("verdict.{verdict}.title"), &[]) },
        Block::Paragraph(cx.text(&format!("verdict.{verdict}.sentence"), &[])),
    ];
    blocks.extend(why(cx));
    if !parts.milestones.is_empty() {
        blocks.push(Block::Heading { level: 2, text: cx.text("plan.heading.steps", &[]) });
        blocks.extend(parts.milestones.iter().map(|m| cx.dated(m)));
    }
    blocks.extend(parts.sections.iter().cloned());
    Document { title: cx.text(&format!("plan.title.{verdict}"), &[]), blocks }
}

/// The reasons for the verdict: the strongest signals with their scores, then the rules.
fn why(cx: &Ctx) -> Vec<Block> {
    const TOP_DRIVERS: usize = 3;
    let a = cx.assessment;
    let mut blocks = Vec::new();
    let drivers: Vec<String> = a
        .drivers
        .iter()
        .take(TOP_DRIVERS)
        .filter_map(|s| Some((cx.signal_name(*s), a.score(*s)?)))
        .map(|(name, score)| {
            cx.text("plan.why.driver", &[("signal", &name), ("score", &cx.cat.number(u64::from(score)))])
        })
        .collect();
    if !drivers.is_empty() {
        blocks.push(Block::Paragraph(cx.text("plan.why.drivers", &[])));
        blocks.push(Block::Bullets(drivers));
    }
    if !a.rules.is_empty() {
        blocks.push(Block::Paragraph(cx.text("plan.why.rules", &[])));
        blocks.push(Block::Bullets(a.rules.iter().map(|r| cx.text(&format!("rule.{}", r.id()), &[])).collect()));
    }
    blocks
}

/// The guidance items as a section: a level-3 heading and a paragraph each.
fn guidance_section(cx: &Ctx, heading_key: &str, prefix: &str) -> Vec<Block> {
    let mut blocks = vec![Block::Heading { level: 2, text: cx.text(heading_key, &[]) }];
    for id in &cx.guidance.items {
        blocks.push(Block::Heading { level: 3, text: cx.text(&format!("{prefix}.{id}.title"), &[]) });
        blocks.push(Block::Paragraph(cx.text(&format!("{prefix}.{id}.body"), &[])));
    }
    blocks
}

/// A titled list of talking points.
fn talking_points_section(cx: &Ctx, points: &[String]) -> Vec<Block> {
    vec![
        Block::Heading { level: 2, text: cx.text("plan.heading.talking_points", &[]) },
        Block::Bullets(points.to_vec()),
    ]
}
