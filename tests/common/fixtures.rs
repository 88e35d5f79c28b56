//! Shared fixtures for the plan tests: realistic clients for the golden files, and a
//! helper that rates whole signals at once.

#![allow(dead_code)]

use std::path::PathBuf;

use client_checkup::assessment::context::IncomeShare;
use client_checkup::assessment::rate::{PayBasis, RateInputs};
use client_checkup::assessment::{assess, Answer, Answers, Rating, Verdict, MODEL};
use client_checkup::dates::Day;
use client_checkup::i18n::Lang;
use client_checkup::plan::{build_plan, Channel, MilestoneId, Plan, PlanInputs};

pub fn day(iso: &str) -> Day {
    Day::parse_iso(iso).unwrap_or_else(|| panic!("bad test date {iso}"))
}

/// Answers with every question of each listed signal at one rating, the rest "never".
pub fn answers(ratings: &[(&str, u8)], context: &[(&str, &str)]) -> Answers {
    let mut a = Answers::default();
    for q in MODEL.questions() {
        a.set(&q.id, Answer::Rated(Rating::Never));
    }
    for (prefix, value) in ratings {
        let rating = Rating::from_value(*value).expect("rating 0..4");
        let matching: Vec<String> = MODEL
            .questions()
            .filter(|q| q.id == *prefix || q.id.starts_with(&format!("{prefix}.")))
            .map(|q| q.id.clone())
            .collect();
        assert!(!matching.is_empty(), "no question matches {prefix}");
        for q in matching {
            a.set(&q, Answer::Rated(rating));
        }
    }
    for (id, value) in context {
        assert!(a.context.set(id, value), "context {id}={value}");
    }
    a
}

/// A designer whose agency client drains time and money; repair was tried already; a
/// fixed-term contract with a 21-day early-termination clause, €1,250.50 overdue.
pub fn exit_answers() -> Answers {
    let mut a = answers(
        &[
            ("time_drain", 3),
            ("losing_money.scope_creep", 3),
            ("losing_money.underpays", 3),
            ("losing_money.pays_late", 3),
            ("dismisses_advice", 2),
            ("stalled", 2),
        ],
        &[
            ("contract", "fixed_term"),
            ("open_work", "yes"),
            ("unpaid", "yes"),
            ("income_share", "30to60"),
            ("repair_tried", "yes"),
            ("tenure", "1to3y"),
        ],
    );
    a.context.notice_days = Some(21);
    a.context.contract_end = Some(day("2027-01-15"));
    a
}

pub fn exit_inputs() -> PlanInputs {
    PlanInputs {
        nickname: "Acme Studio".into(),
        addressee: "Ms Doe".into(),
        today: Some(day("2026-11-20")),
        prefer_contract_end: true,
        open_deliverables: vec!["Homepage redesign".into(), "Logo files (SVG, PNG)".into()],
        unpaid_amount_cents: Some(125_050),
        currency: "eur".into(),
        channel: Channel::Call,
        page: "https://blog.example/freelance/difficult-clients".into(),
    }
}

/// An outgrown client after a long, friendly collaboration: an open-ended contract with
/// 30 days' notice, nothing owed. The friendly exit.
pub fn friendly_answers() -> Answers {
    let mut a = answers(
        &[("stalled.outgrown", 4), ("stalled.not_enough_work", 4), ("time_drain.slow_replies", 2)],
        &[
            ("contract", "open_ended"),
            ("open_work", "yes"),
            ("repair_tried", "yes"),
            ("tenure", "gt3y"),
            ("unpaid", "no"),
        ],
    );
    a.context.notice_days = Some(30);
    a
}

pub fn friendly_inputs() -> PlanInputs {
    PlanInputs {
        nickname: "Pekárna U Nováků".into(),
        today: Some(day("2026-11-20")),
        channel: Channel::Meeting,
        ..PlanInputs::default()
    }
}

/// A client who insults and blames: exit whatever else is true. No contract.
pub fn abuse_answers() -> Answers {
    let mut a = answers(
        &[("abuse.insults", 3), ("abuse.overreacts", 2), ("negativity", 2)],
        &[("contract", "none"), ("open_work", "yes"), ("tenure", "gt3y")],
    );
    a.context.notice_days = Some(7);
    a.context.contract_end = Some(day("2027-06-30"));
    a
}

pub fn abuse_inputs() -> PlanInputs {
    PlanInputs {
        nickname: "Big Corp".into(),
        today: Some(day("2026-12-30")),
        prefer_contract_end: true,
        channel: Channel::Meeting,
        ..PlanInputs::default()
    }
}

/// A fixed term with no early-termination clause, ending at the end of January, after a
/// repair that did not help with a client who never reaches a decision.
pub fn fixed_term_answers() -> Answers {
    let mut a = answers(
        &[
            ("dismisses_advice.no_compromise", 4),
            ("dismisses_advice.rejects_ideas", 4),
            ("negativity.negative_tone", 3),
        ],
        &[("contract", "fixed_term"), ("repair_tried", "yes"), ("tenure", "3to12m")],
    );
    a.context.contract_end = Some(day("2027-01-31"));
    a
}

pub fn fixed_term_inputs() -> PlanInputs {
    PlanInputs { today: Some(day("2026-11-20")), channel: Channel::Email, ..PlanInputs::default() }
}

/// Communication has broken down and an invoice went unpaid once; no contract.
pub fn repair_answers() -> Answers {
    answers(
        &[
            ("poor_communication", 3),
            ("time_drain.after_hours", 3),
            ("time_drain.rush", 2),
            ("losing_money.pays_late", 2),
            ("losing_money.no_pay", 1),
        ],
        &[("contract", "none"), ("open_work", "no"), ("unpaid", "yes"), ("repair_tried", "no"), ("tenure", "3to12m")],
    )
}

pub fn repair_inputs() -> PlanInputs {
    PlanInputs {
        nickname: "Nová Firma s.r.o.".into(),
        today: Some(day("2026-01-30")),
        channel: Channel::Meeting,
        ..PlanInputs::default()
    }
}

/// The repair client with the hours it really takes counted: 1,800 a month for 40 billed
/// hours and 24 unbilled ones, against a usual 55 an hour; the plan prices the same hours
/// and says where the check-up was taken.
pub fn repair_rate_answers() -> Answers {
    let mut a = repair_answers();
    a.rate = RateInputs {
        basis: PayBasis::Month,
        pay_cents: Some(180_000),
        weeks: None,
        hours: [Some(400), Some(120), Some(40), Some(80), None],
        usual_cents: Some(5_500),
    };
    a
}

pub fn repair_rate_inputs() -> PlanInputs {
    PlanInputs { currency: "EUR".into(), page: "https://blog.example/clients?utm=x".into(), ..repair_inputs() }
}

/// The outgrown client, paid by the project: 2,400 for eight weeks and 50 hours of which
/// 14 are unbilled, a usual 70 an hour, and half the visitor's income: the exit plan says
/// what the freed hours are worth and how much work to line up.
pub fn exit_rate_answers() -> Answers {
    let mut a = friendly_answers();
    a.context.income_share = Some(IncomeShare::parse("30to60").expect("income share id"));
    a.rate = RateInputs {
        basis: PayBasis::Project,
        pay_cents: Some(240_000),
        weeks: Some(8),
        hours: [Some(360), Some(60), Some(20), Some(40), Some(20)],
        usual_cents: Some(7_000),
    };
    a
}

pub fn exit_rate_inputs() -> PlanInputs {
    PlanInputs { currency: "CZK".into(), ..friendly_inputs() }
}

/// A client who often changes their mind after the work is done, and sometimes misses
/// deadlines for feedback: watch.
pub fn watch_answers() -> Answers {
    answers(&[("dismisses_advice.changes_mind", 3), ("poor_communication.chasing", 2)], &[("contract", "open_ended")])
}

pub fn watch_inputs() -> PlanInputs {
    PlanInputs {
        nickname: "Óscar".into(),
        today: Some(day("2026-11-20")),
        channel: Channel::Call,
        ..PlanInputs::default()
    }
}

/// A good client with one invoice overdue: keep, with a friendly reminder.
pub fn keep_answers() -> Answers {
    answers(&[("time_drain.slow_replies", 1)], &[("contract", "open_ended"), ("unpaid", "yes")])
}

pub fn keep_inputs() -> PlanInputs {
    PlanInputs { today: Some(day("2026-11-20")), ..PlanInputs::default() }
}

pub fn plan_for(a: &Answers, inputs: &PlanInputs, lang: Lang) -> Plan {
    build_plan(&MODEL, &assess(&MODEL, a), a, inputs, lang)
}

/// The golden cases: name, answers, inputs and the verdict they must reach.
pub fn golden_cases() -> Vec<(&'static str, Answers, PlanInputs, Verdict)> {
    vec![
        ("keep", keep_answers(), keep_inputs(), Verdict::Keep),
        ("watch", watch_answers(), watch_inputs(), Verdict::Watch),
        ("repair", repair_answers(), repair_inputs(), Verdict::Repair),
        ("exit", friendly_answers(), friendly_inputs(), Verdict::Exit),
        ("exit_abuse", abuse_answers(), abuse_inputs(), Verdict::Exit),
        ("exit_unpaid", exit_answers(), exit_inputs(), Verdict::Exit),
        ("exit_fixed_term", fixed_term_answers(), fixed_term_inputs(), Verdict::Exit),
        ("repair_rate", repair_rate_answers(), repair_rate_inputs(), Verdict::Repair),
        ("exit_rate", exit_rate_answers(), exit_rate_inputs(), Verdict::Exit),
    ]
}

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("client-checkup-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

pub fn milestone(plan: &Plan, id: MilestoneId) -> Day {
    plan.milestone(id).unwrap_or_else(|| panic!("no milestone {id}: {:?}", ids(plan))).date
}

pub fn ids(plan: &Plan) -> Vec<MilestoneId> {
    plan.milestones.iter().map(|m| m.id).collect()
}
