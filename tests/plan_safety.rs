//! No contradictions, machine-checked (issue 12, point 7): properties over the plan's
//! structure — milestone ids and kinds, talking-point ids, letter parts, the terms it
//! states — not string matching of one language. Each runs over 10 000 generated clients
//! (`PROPERTY_CASES` for more), built from one seed each so the run takes seconds, and
//! where wording matters in every language.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use client_checkup::assessment::guidance::is_courtesy;
use client_checkup::assessment::model::MoveKind;
use client_checkup::assessment::{assess, Answers, Assessment, Verdict, MODEL};
use client_checkup::i18n::Lang;
use client_checkup::plan::{
    build_plan, LetterPart, MilestoneId, MilestoneKind, NoticeBasis, Plan, PlanInputs, PlanKind,
};
use proptest::prelude::*;

struct Case {
    answers: Answers,
    inputs: PlanInputs,
    assessment: Assessment,
    plan: Plan,
}

fn case(seed: u64) -> Case {
    let answers = common::answers(seed);
    let inputs = common::inputs(seed);
    let assessment = assess(&MODEL, &answers);
    let plan = build_plan(&MODEL, &assessment, &answers, &inputs, Lang::En);
    Case { answers, inputs, assessment, plan }
}

/// The plan in every language: the English one already built, and the four others.
fn plans_in_every_language(c: &Case) -> Vec<Plan> {
    let others = Lang::ALL.iter().filter(|l| **l != Lang::En);
    std::iter::once(c.plan.clone())
        .chain(others.map(|l| build_plan(&MODEL, &c.assessment, &c.answers, &c.inputs, *l)))
        .collect()
}

fn all_text(p: &Plan) -> String {
    let mut t = p.document.plain_text();
    t.push('\n');
    t.push_str(p.notice_draft.as_deref().unwrap_or(""));
    t.push('\n');
    t.push_str(&p.talking_points.join("\n"));
    for m in &p.milestones {
        t.push_str(&format!("\n{}\n{}", m.title, m.detail));
    }
    t
}

/// `date` written in `text` on its own (not the end of a longer day number: "9 May" in "19 May").
fn contains_date(text: &str, date: &str) -> bool {
    text.match_indices(date).any(|(i, _)| !text[..i].ends_with(|c: char| c.is_ascii_digit()))
}

proptest! {
    #![proptest_config(common::config(10_000))]

    /// The plan is the verdict's own shape, its reasons speak in the verdict's tone, and
    /// the structure is the same in every language.
    #[test]
    fn reasons_plan_and_verdict_agree(seed in any::<u64>()) {
        let c = case(seed);
        let (a, p) = (&c.assessment, &c.plan);
        prop_assert_eq!(p.verdict, a.verdict);
        let kind = match a.verdict {
            Verdict::Keep => PlanKind::None,
            Verdict::Watch => PlanKind::Watch,
            Verdict::Repair => PlanKind::Repair,
            Verdict::Exit => PlanKind::Exit,
        };
        prop_assert_eq!(p.kind, kind);
        for rule in &a.rules {
            prop_assert!(rule.tone() <= a.verdict, "{} beside {}", rule, a.verdict);
        }
        // Only an exit ends anything: notice, letter and exit steps belong to it alone.
        let exit_steps = p.milestones.iter().any(|m| m.kind() == MilestoneKind::Exit);
        prop_assert_eq!(exit_steps, p.kind == PlanKind::Exit);
        prop_assert_eq!(p.notice_draft.is_some(), p.kind == PlanKind::Exit);
        prop_assert_eq!(!p.letter_parts.is_empty(), p.kind == PlanKind::Exit);
        // A repair can be judged, and has its way out.
        if p.kind == PlanKind::Repair {
            prop_assert!(p.milestone(MilestoneId::Review).is_some());
            prop_assert!(!p.guidance.is_empty());
        }
        prop_assert!(p.milestones.windows(2).all(|w| w[0].date <= w[1].date));
        prop_assert!(p.milestones.iter().all(|m| m.date >= p.today));
        prop_assert!(p.milestones.iter().all(|m| !m.title.contains(':')), "a colon in a title doubles up in 'title: detail'");
        for other in plans_in_every_language(&c) {
            let ids = |p: &Plan| (p.milestones.iter().map(|m| (m.id, m.date, m.on_payment)).collect::<Vec<_>>(), p.talking_point_ids.clone(), p.letter_parts.clone(), p.terms, p.guidance.clone());
            prop_assert_eq!(ids(&other), ids(p), "{} differs from English", other.lang.id());
        }
    }

    /// Watch only looks and talks: no stop-work, no escalation, no exit step.
    #[test]
    fn watch_never_stops_work_or_exits(seed in any::<u64>()) {
        let c = case(seed);
        let p = &c.plan;
        if matches!(p.kind, PlanKind::Watch | PlanKind::None) {
            for m in &p.milestones {
                prop_assert!(!matches!(m.kind(), MilestoneKind::StopWork | MilestoneKind::Exit | MilestoneKind::Work), "{} in a {:?} plan", m.id, p.kind);
                prop_assert!(!matches!(m.id, MilestoneId::FormalDemand | MilestoneId::Court), "{} in a {:?} plan", m.id, p.kind);
            }
            for g in &p.guidance {
                let kind = MODEL.repair_move(g).and_then(|m| m.kind);
                prop_assert!(!matches!(kind, Some(MoveKind::StopWork | MoveKind::Money)), "{g} in a watch plan");
            }
        }
    }

    /// After abuse: no courtesy anywhere, in writing only, nothing owed but the contract.
    #[test]
    fn an_abuse_exit_owes_no_courtesy(seed in any::<u64>()) {
        let c = case(seed);
        let p = &c.plan;
        if c.assessment.any_abuse() {
            prop_assert!(!p.talking_point_ids.iter().any(|t| matches!(t, client_checkup::plan::TalkPoint::OwnPart | client_checkup::plan::TalkPoint::Strength)), "no self-reflection and no flattery after abuse");
            prop_assert!(!p.guidance.iter().any(|g| g == "own_side"));
        }
        if !p.abuse_exit {
            return Ok(());
        }
        prop_assert_eq!(p.verdict, Verdict::Exit);
        prop_assert!(!p.guidance.iter().any(|g| is_courtesy(&MODEL, g)), "{:?}", p.guidance);
        prop_assert!(p.guidance.iter().any(|g| g == "abuse_safety"));
        prop_assert!(!p.milestones.iter().any(|m| m.kind() == MilestoneKind::Courtesy));
        prop_assert!(!p.talking_point_ids.iter().any(|t| t.courtesy()));
        prop_assert!(!p.letter_parts.iter().any(|l| l.courtesy()));
        prop_assert!(p.letter_parts.contains(&LetterPart::HandoverOnPayment), "files on payment");
        // The shortest notice the contract allows: never waiting for a later contract end
        // when the contract lets you leave sooner.
        if let Some(t) = p.terms {
            if t.basis == NoticeBasis::ContractEnd && !t.early_end_unknown {
                let notice = c.answers.context.contract_notice().unwrap_or(0);
                prop_assert!(i64::from(notice) >= p.milestone(MilestoneId::Talk).unwrap().date.days_until(t.contract_end.unwrap()));
            }
        }
        // No call: the talk is a written message in every language.
        for other in plans_in_every_language(&c) {
            let cat = other.lang.catalog();
            let talk = other.milestone(MilestoneId::Talk).unwrap();
            let fill = |key: &str| cat.t(key).split('{').next().unwrap_or("").trim().to_owned();
            prop_assert!(talk.detail.contains(&fill("plan.exit.talk.abuse")) || fill("plan.exit.talk.abuse").is_empty());
            let letter = other.notice_draft.clone().unwrap();
            prop_assert!(!letter.contains(cat.t("plan.letter.thanks")), "{}: thanks in an abuse letter", other.lang.id());
            prop_assert!(!letter.contains(cat.t("plan.letter.referrals")), "{}: referrals in an abuse letter", other.lang.id());
        }
    }

    /// Money owed: nothing new is scheduled before it is paid.
    #[test]
    fn no_new_work_before_unpaid_invoices_are_settled(seed in any::<u64>()) {
        let c = case(seed);
        let p = &c.plan;
        if !p.unpaid {
            prop_assert!(!p.milestones.iter().any(|m| m.kind() == MilestoneKind::StopWork || m.on_payment));
            return Ok(());
        }
        // Every plan chases the money.
        prop_assert!(p.milestone(MilestoneId::Reminder).is_some(), "{:?}", p.milestones);
        for m in p.milestones.iter().filter(|m| m.kind() == MilestoneKind::Work) {
            prop_assert!(m.on_payment, "{} is scheduled although money is owed", m.id);
        }
        if matches!(p.kind, PlanKind::Repair | PlanKind::Exit) {
            let stop = p.milestone(MilestoneId::StopWork);
            prop_assert!(stop.is_some_and(|s| s.date == p.today), "new work stops today");
            for (a, b) in [(MilestoneId::Reminder, MilestoneId::FormalDemand), (MilestoneId::FormalDemand, MilestoneId::Court)] {
                prop_assert!(p.milestone(a).unwrap().date < p.milestone(b).unwrap().date, "{a} before {b}");
            }
        }
        if p.kind == PlanKind::Exit {
            prop_assert!(p.letter_parts.contains(&LetterPart::Payment));
            prop_assert!(!p.letter_parts.contains(&LetterPart::Handover), "files only on payment");
            prop_assert!(p.milestone(MilestoneId::HandoverHelp).is_none(), "no free extra help while money is owed");
        }
    }

    /// The plan states only the contract terms the visitor gave, and never works past a
    /// fixed term's end.
    #[test]
    fn only_the_terms_the_visitor_gave(seed in any::<u64>()) {
        let c = case(seed);
        let p = &c.plan;
        let ctx = &c.answers.context;
        let Some(t) = p.terms else { return Ok(()) };
        if let Some(end) = t.contract_end {
            prop_assert_eq!(ctx.fixed_end(), Some(end), "an end date nobody gave");
            prop_assert!(end >= p.today);
        }
        if t.basis == NoticeBasis::Contract {
            prop_assert_eq!(ctx.contract_notice(), Some(t.notice_days), "a notice the contract was never said to have");
        }
        if t.basis == NoticeBasis::ContractEnd {
            prop_assert!(t.contract_end.is_some());
        }
        if !ctx.contract.is_some_and(|k| k.signed()) {
            prop_assert!(t.contract_end.is_none() && t.basis != NoticeBasis::Contract);
        }
        let cites = p.letter_parts.contains(&LetterPart::NoticeContract);
        prop_assert_eq!(cites, t.basis == NoticeBasis::Contract, "the letter cites the contract only for its own notice");
        prop_assert_eq!(p.letter_parts.contains(&LetterPart::ContractEnd), t.basis == NoticeBasis::ContractEnd);
        prop_assert_eq!(p.talking_point_ids.contains(&client_checkup::plan::TalkPoint::NoticeContract), t.basis == NoticeBasis::Contract);
        // Last day ≤ the contract's end; the talk and the notice too.
        if let Some(end) = ctx.fixed_end().filter(|e| *e >= p.today) {
            for id in [MilestoneId::LastDay, MilestoneId::Talk, MilestoneId::Notice, MilestoneId::ConfirmEnd] {
                prop_assert!(p.milestone(id).unwrap().date <= end, "{id} after the contract's end {end}");
            }
        }
        // The letter is addressed to the addressee, never to the private nickname.
        let named = !p.nickname.is_empty() && c.inputs.addressee.trim().is_empty();
        prop_assert_eq!(p.letter_parts.contains(&LetterPart::GreetingNamed), !c.inputs.addressee.trim().is_empty());
        // In every language: a contract end that is not a fixed term's is never written,
        // and the nickname never reaches the letter.
        let unstated = ctx.contract_end.filter(|e| Some(*e) != t.contract_end && !p.milestones.iter().any(|m| m.date == *e) && *e != p.today);
        if !named && unstated.is_none() {
            return Ok(());
        }
        for other in plans_in_every_language(&c) {
            let letter = other.notice_draft.clone().unwrap_or_default();
            if named && p.nickname.chars().count() > 3 {
                prop_assert!(!letter.contains(&p.nickname), "{}: the nickname is in the letter", other.lang.id());
            }
            if let Some(e) = unstated {
                let written = other.lang.catalog().date(e);
                prop_assert!(!contains_date(&all_text(&other), &written), "{}: states {written} nobody gave", other.lang.id());
            }
        }
    }
}
