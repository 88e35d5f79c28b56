//! The plan: dated steps built from an assessment and the visitor's inputs, one shape per
//! verdict.
//!
//! [`build_plan`] is pure and deterministic: the same model, answers, inputs and language
//! give the same [`Plan`], byte for byte. The plan holds one format-neutral [`Document`]
//! that every rendering (Markdown, PDF) reads, the dated [`Milestone`]s the calendar
//! reads, the notice draft and talking points the UI copies to the clipboard, and the
//! structure behind them ([`MilestoneId`], [`TalkPoint`], [`LetterPart`], [`Terms`]) so
//! that its promises can be checked without reading any one language.
//!
//! ## The shapes
//! - `keep` ([`keep`]): what to keep doing and a light re-check in three months.
//! - `watch` ([`watch`]): observe for four weeks, one honest conversation, a dated
//!   re-check. Never a stop-work or an exit step.
//! - `repair` ([`repair`]): moves picked per question, each with a measurable success
//!   criterion, a date to judge them and the branch "if they refuse, or nothing changes:
//!   exit".
//! - `exit` ([`exit`]): the contract reviewed, the talk, the notice, the last day (never
//!   after a fixed term's end), the final invoice and its follow-up, the handover, your
//!   access revoked. After abuse it is its own shape: short, in writing, no call, no
//!   thanks or referrals owed, the shortest notice the contract allows, payment first,
//!   files on payment, the log kept.
//!
//! Money owed ([`money`]) runs the same dated ladder in every plan that may escalate:
//! stop new work, a reminder, a formal demand, the court route; a `watch` or `keep` plan
//! sends a reminder only.
//!
//! Every visible sentence comes from the catalogs: `plan.*` keys in
//! `content/i18n/<lang>/plan.json`, plus the quiz's `verdict.*`, `rule.*`, `signal.*`,
//! `q.*`, `move.*` and `exit.*` texts. Visitor text (nickname, addressee, deliverables) is
//! cleaned and bounded by [`PlanInputs::sanitized`] before it is used; each rendering
//! escapes it for its own format.

mod context;
mod exit;
pub mod inputs;
mod keep;
mod letter;
mod money;
mod rate;
mod repair;
pub mod schedule;
mod watch;

use serde::{Deserialize, Serialize};

pub use crate::assessment::guidance::GuidanceKind as PlanKind;
use crate::assessment::rate::Rate;
use crate::assessment::{select_guidance, Answers, Assessment, Model, RuleId, Verdict};
use crate::dates::Day;
use crate::document::{Block, Document};
use crate::i18n::Lang;
use context::Ctx;
pub use inputs::{Channel, PlanInputs};
pub use letter::LetterPart;

crate::ids::id_enum! {
    /// The dated steps a plan can hold. Stable: they seed the calendar's UIDs.
    pub enum MilestoneId {
        Recheck = "recheck",
        Observe = "observe",
        Conversation = "conversation",
        Prepare = "prepare",
        StopWork = "stop_work",
        Reminder = "reminder",
        FormalDemand = "formal_demand",
        Court = "court",
        Talk = "talk",
        NewAgreement = "new_agreement",
        SignDeadline = "sign_deadline",
        CheckIn = "check_in",
        Review = "review",
        ReviewContract = "review_contract",
        LineUpWork = "line_up_work",
        PlanTalk = "plan_talk",
        Notice = "notice",
        ConfirmEnd = "confirm_end",
        Deliver = "deliver",
        LastDay = "last_day",
        FinalInvoice = "final_invoice",
        InvoiceFollowUp = "invoice_follow_up",
        RevokeAccess = "revoke_access",
        HandoverHelp = "handover_help",
    }
}

crate::ids::id_enum! {
    /// What a dated step does: what the plan's properties are checked against.
    pub enum MilestoneKind {
        /// Prepare, observe, note: work on your own side.
        Prepare = "prepare",
        /// Talk with the client (not to end anything).
        Conversation = "conversation",
        /// Look again and decide.
        Review = "review",
        /// Chase or invoice money.
        Money = "money",
        /// Pause new work until paid.
        StopWork = "stop_work",
        /// New written terms.
        Terms = "terms",
        /// A step of ending the work.
        Exit = "exit",
        /// Work delivered for the client.
        Work = "work",
        /// Something owed only to a client you part with on good terms.
        Courtesy = "courtesy",
    }
}

impl MilestoneId {
    pub const fn kind(self) -> MilestoneKind {
        use MilestoneId as M;
        use MilestoneKind as K;
        match self {
            M::Observe | M::Prepare | M::PlanTalk | M::LineUpWork => K::Prepare,
            M::Conversation | M::Talk | M::CheckIn => K::Conversation,
            M::Recheck | M::Review => K::Review,
            M::StopWork => K::StopWork,
            M::Reminder | M::FormalDemand | M::Court | M::FinalInvoice | M::InvoiceFollowUp => K::Money,
            M::NewAgreement | M::SignDeadline => K::Terms,
            M::ReviewContract | M::Notice | M::ConfirmEnd | M::LastDay | M::RevokeAccess => K::Exit,
            M::Deliver => K::Work,
            M::HandoverHelp => K::Courtesy,
        }
    }
}

crate::ids::id_enum! {
    /// The talking points a plan can hold, in the order they are said.
    pub enum TalkPoint {
        Strength = "strength",
        OwnPart = "own_part",
        Payment = "payment",
        Move = "move",
        Refusal = "refusal",
        Confirm = "confirm",
        Thanks = "thanks",
        Reason = "reason",
        Decision = "decision",
        NoticeContract = "notice_contract",
        NoticeOwn = "notice_own",
        ContractEnd = "contract_end",
        OpenWork = "open_work",
        Owed = "owed",
        NoApology = "no_apology",
        Log = "log",
        Referrals = "referrals",
        NoWaffle = "no_waffle",
    }
}

impl TalkPoint {
    /// Owed only to a client you part with on good terms: never after abuse.
    pub fn courtesy(self) -> bool {
        matches!(self, TalkPoint::Thanks | TalkPoint::Referrals)
    }
}

/// One dated step: an all-day event in the calendar and a dated line in the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: MilestoneId,
    pub date: Day,
    /// A short title (the calendar event's summary). Never contains a colon: the
    /// document writes "title: detail".
    pub title: String,
    /// One or two sentences on what to do (the calendar event's description).
    pub detail: String,
    /// Only happens once the overdue invoices are paid.
    pub on_payment: bool,
}

impl Milestone {
    pub fn kind(&self) -> MilestoneKind {
        self.id.kind()
    }
}

crate::ids::id_enum! {
    /// Where the notice an exit plan gives comes from.
    pub enum NoticeBasis {
        /// The contract's own notice, as the visitor gave it: the letter cites it.
        Contract = "contract",
        /// A signed contract whose notice the visitor does not know: two weeks is
        /// common, and the plan says to check. Never cited as the contract's term.
        Common = "common",
        /// No contract: the notice is the freelancer's own choice.
        Own = "own",
        /// A fixed term that simply runs out on its end date.
        ContractEnd = "contract_end",
    }
}

/// What an exit plan states about the contract: only what the visitor gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    /// The fixed term's end, where the visitor gave it (and it is not already past).
    pub contract_end: Option<Day>,
    pub basis: NoticeBasis,
    /// Days of notice given (for `contract_end`, the days from the talk to the end).
    pub notice_days: u16,
    /// A fixed term whose early-termination notice is unknown: ending early may not be
    /// allowed, so the plan lets it expire or asks for an earlier date in writing.
    pub early_end_unknown: bool,
}

/// A plan, ready to render.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub kind: PlanKind,
    pub verdict: Verdict,
    pub lang: Lang,
    /// The day the plan was made for.
    pub today: Day,
    /// The sanitized nickname (private: titles, file names, calendar); empty when the
    /// visitor gave none. Never used in the letter.
    pub nickname: String,
    /// Dated steps in date order (steps on the same day keep their logical order).
    pub milestones: Vec<Milestone>,
    /// The moves (`move.<id>`) or exit steps (`exit.<id>`) the plan explains, in order.
    pub guidance: Vec<String>,
    /// The exit plan is the short one for abuse.
    pub abuse_exit: bool,
    /// Money is owed: the plan runs the payment ladder.
    pub unpaid: bool,
    /// Exit plans: what the plan says about the contract's end and notice.
    pub terms: Option<Terms>,
    pub document: Document,
    /// Where the plan's own sections start in `document.blocks`: everything before is the
    /// frame every plan shares (the date, the verdict, why, and the dated steps), which a
    /// screen shows from the structured fields above instead.
    pub sections_start: usize,
    /// The written notice (exit plans only), as plain text to copy.
    pub notice_draft: Option<String>,
    /// The parts the notice is made of, in order (exit plans only).
    pub letter_parts: Vec<LetterPart>,
    /// Talking points for the conversation, to copy.
    pub talking_points: Vec<String>,
    /// What each talking point is, in the same order.
    pub talking_point_ids: Vec<TalkPoint>,
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

    pub fn milestone(&self, id: MilestoneId) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.id == id)
    }

    /// The plan's own sections after the frame, each a level-2 heading's text and the
    /// blocks under it, in order.
    pub fn sections(&self) -> Vec<(&str, &[Block])> {
        let own = self.document.blocks.get(self.sections_start..).unwrap_or_default();
        let starts: Vec<usize> = own
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b, Block::Heading { level: 2, .. }))
            .map(|(i, _)| i)
            .collect();
        starts
            .iter()
            .enumerate()
            .map(|(n, &start)| {
                let end = starts.get(n + 1).copied().unwrap_or(own.len());
                let title = match &own[start] {
                    Block::Heading { text, .. } => text.as_str(),
                    _ => "",
                };
                (title, &own[start + 1..end])
            })
            .collect()
    }
}

/// A catalog text that names the client (`{client}`), written as the plan writes it: the
/// nickname as the language quotes it (`verdict.client_named`), or the language's fallback
/// (empty in Czech, Polish and Russian, whose sentences say "the client" themselves).
/// For the result screen's verdict sentence (`verdict.<id>.sentence`), so that it reads
/// exactly as in the plan.
pub fn client_text(lang: Lang, key: &str, nickname: &str) -> String {
    let cat = lang.catalog();
    let nickname = crate::text::bounded_line(nickname, crate::text::MAX_NICKNAME);
    let client = client_name(cat, &nickname);
    context::tidy(cat.fmt(key, &[("client", &client)]), &client)
}

/// The currency the client is billed in: the visitor's choice, else the one most likely
/// in their language.
pub fn currency(lang: Lang, chosen: &str) -> String {
    crate::plan::inputs::currency_code(chosen).unwrap_or_else(|| lang.catalog().meta.currency.clone())
}

/// A rule's reason as the language writes it, with its figures where it has any (the
/// effective and usual hourly rates of [`RuleId::LowRate`]). For the result screen and the
/// plan alike.
pub fn rule_text(lang: Lang, rule: RuleId, rate: Option<&Rate>, currency: &str) -> String {
    let cat = lang.catalog();
    let key = format!("rule.{}", rule.id());
    match (rule, rate) {
        (RuleId::LowRate, Some(r)) => {
            let effective = cat.per_hour(r.effective_cents, currency);
            let usual = r.usual_cents.map(|u| cat.per_hour(u, currency)).unwrap_or_default();
            cat.fmt(&key, &[("effective", &effective), ("usual", &usual)])
        }
        _ => cat.t(&key).to_owned(),
    }
}

/// How the plan names the client: the nickname as the language quotes it
/// (`verdict.client_named`: „Acme“, «Acme»), as it is where the visitor typed quotes of their
/// own (no «ООО «Ромашка»» doubling), or the language's fallback when there is none.
fn client_name(cat: &crate::i18n::Catalog, nickname: &str) -> String {
    const QUOTES: [char; 7] = ['"', '«', '»', '„', '“', '”', '‟'];
    if nickname.is_empty() {
        cat.t("verdict.client_fallback").to_owned()
    } else if nickname.contains(QUOTES) {
        nickname.to_owned()
    } else {
        cat.fmt("verdict.client_named", &[("name", nickname)])
    }
}

/// The day a plan starts from when the inputs carry none (stored state from before the
/// browser's date was known). The UI always passes today's date.
pub fn fallback_today() -> Day {
    Day::new(2026, 1, 1).unwrap_or_else(|| unreachable!("a valid constant date"))
}

/// What each kind of plan adds to the common frame.
#[derive(Default)]
struct Parts {
    milestones: Vec<Milestone>,
    /// Sections after the dated steps.
    sections: Vec<Block>,
    notice_draft: Option<String>,
    letter_parts: Vec<LetterPart>,
    talk: Vec<(TalkPoint, String)>,
    terms: Option<Terms>,
}

/// Builds the plan for an assessment. Pure: no clock, no randomness; `inputs` are
/// sanitized here, so stored or hostile inputs are safe to pass as they are.
pub fn build_plan(model: &Model, assessment: &Assessment, answers: &Answers, inputs: &PlanInputs, lang: Lang) -> Plan {
    let inputs = inputs.clone().sanitized();
    let cat = lang.catalog();
    let client = client_name(cat, &inputs.nickname);
    let cx = Ctx {
        cat,
        model,
        assessment,
        answers,
        today: inputs.today.unwrap_or_else(fallback_today),
        guidance: select_guidance(model, assessment, answers),
        client,
        inputs,
    };
    let mut parts = match cx.guidance.kind {
        PlanKind::None => keep::parts(&cx),
        PlanKind::Watch => watch::parts(&cx),
        PlanKind::Repair => repair::parts(&cx),
        PlanKind::Exit => exit::parts(&cx),
    };
    // What the client really pays comes first among the plan's own sections.
    let mut sections = rate::section(&cx);
    sections.append(&mut parts.sections);
    parts.sections = sections;
    // A stable sort keeps same-day steps in the order the builders wrote them.
    parts.milestones.sort_by_key(|m| m.date);
    let (talking_point_ids, talking_points) = parts.talk.iter().cloned().unzip();
    let (document, sections_start) = document(&cx, &parts);
    Plan {
        kind: cx.guidance.kind,
        verdict: assessment.verdict,
        lang,
        today: cx.today,
        nickname: cx.inputs.nickname.clone(),
        document,
        sections_start,
        milestones: parts.milestones,
        guidance: cx.guidance.items.clone(),
        abuse_exit: cx.abuse_exit(),
        unpaid: cx.unpaid(),
        terms: parts.terms,
        notice_draft: parts.notice_draft,
        letter_parts: parts.letter_parts,
        talking_points,
        talking_point_ids,
    }
}

/// The frame every plan shares: title, date, verdict and why, the dated steps, then the
/// plan's own sections (and where those start).
fn document(cx: &Ctx, parts: &Parts) -> (Document, usize) {
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
    let sections_start = blocks.len();
    blocks.extend(parts.sections.iter().cloned());
    (Document { title: cx.text(&format!("plan.title.{verdict}"), &[]), blocks }, sections_start)
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
        let rate = cx.answers.rate.rate();
        let currency = currency(cx.cat.lang, &cx.inputs.currency);
        blocks.push(Block::Bullets(
            a.rules.iter().map(|r| rule_text(cx.cat.lang, *r, rate.as_ref(), &currency)).collect(),
        ));
    }
    blocks
}

/// The guidance items as a section: a level-3 heading and a paragraph each.
fn guidance_section(cx: &Ctx, heading_key: &str, prefix: &str) -> Vec<Block> {
    if cx.guidance.items.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::Heading { level: 2, text: cx.text(heading_key, &[]) }];
    for id in &cx.guidance.items {
        blocks.push(Block::Heading { level: 3, text: cx.text(&format!("{prefix}.{id}.title"), &[]) });
        blocks.push(Block::Paragraph(cx.text(&format!("{prefix}.{id}.body"), &[])));
    }
    blocks
}

/// A titled list of talking points.
fn talking_points_section(cx: &Ctx, points: &[(TalkPoint, String)]) -> Vec<Block> {
    if points.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading { level: 2, text: cx.text("plan.heading.talking_points", &[]) },
        Block::Bullets(points.iter().map(|(_, t)| t.clone()).collect()),
    ]
}
