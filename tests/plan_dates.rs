//! The plan's dates and shapes: what each verdict's plan contains, and date arithmetic
//! across month ends, leap days and year ends.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[allow(unused_imports)]
use std::path::{Path, PathBuf};
#[allow(unused_imports)]
use std::process::Command;

#[allow(unused_imports)]
use client_checkup::assessment::context::{Contract, IncomeShare, Tenure, YesNo};
#[allow(unused_imports)]
use client_checkup::assessment::{assess, Answer, Answers, Rating, Verdict, MODEL};
#[allow(unused_imports)]
use client_checkup::dates::Day;
#[allow(unused_imports)]
use client_checkup::i18n::catalog::sources;
use client_checkup::i18n::Lang;
#[allow(unused_imports)]
use client_checkup::plan::{build_plan, Channel, MilestoneId, Plan, PlanInputs, PlanKind};
#[allow(unused_imports)]
use client_checkup::render::filename::plan_file_name;
#[allow(unused_imports)]
use client_checkup::render::ics::{ics, MAX_LINE_OCTETS};
#[allow(unused_imports)]
use client_checkup::render::markdown::markdown;
use common::fixtures::*;
#[allow(unused_imports)]
use proptest::prelude::*;
// ---------------------------------------------------------------------------------------
// What the plans contain

fn at(plan: &Plan, id: &str) -> Day {
    milestone(plan, MilestoneId::parse(id).unwrap_or_else(|| panic!("no milestone id {id}")))
}

fn id_list(plan: &Plan) -> Vec<&'static str> {
    plan.milestones.iter().map(|m| m.id.id()).collect()
}

#[test]
fn exit_with_money_owed_runs_the_ladder_and_never_passes_the_contract() {
    let plan = plan_for(&exit_answers(), &exit_inputs(), Lang::En);
    assert_eq!(plan.kind, PlanKind::Exit);
    assert_eq!(
        id_list(&plan),
        [
            "review_contract",
            "stop_work",
            "reminder",
            "line_up_work",
            "plan_talk",
            "talk",
            "notice",
            "confirm_end",
            "formal_demand",
            "court",
            "deliver",
            "last_day",
            "final_invoice",
            "revoke_access",
            "invoice_follow_up",
        ]
    );
    // Friday 2026-11-20: plan on Monday, talk on Wednesday; the fixed term runs to
    // 2027-01-15 and the visitor prefers to see it through.
    assert_eq!(at(&plan, "plan_talk"), day("2026-11-23"));
    assert_eq!(at(&plan, "talk"), day("2026-11-25"));
    assert_eq!(at(&plan, "formal_demand"), day("2026-12-04"));
    assert_eq!(at(&plan, "court"), day("2027-01-04"));
    assert_eq!(at(&plan, "last_day"), day("2027-01-15"));
    // The follow-up and your own access fall on the next working day (30 and 16 January
    // are Saturdays); no extra week of handover help while money is owed.
    assert_eq!(at(&plan, "invoice_follow_up"), day("2027-02-01"));
    assert_eq!(at(&plan, "revoke_access"), day("2027-01-18"));
    assert!(plan.milestone(MilestoneId::HandoverHelp).is_none());
    assert!(plan.milestone(MilestoneId::Deliver).unwrap().on_payment, "open work waits for payment");

    let text = plan.document.plain_text();
    for expected in ["Exit plan for Acme Studio", "Homepage redesign", "1,250.50 EUR", "15 January 2027", "2011/7/EU"] {
        assert!(text.contains(expected), "document lacks {expected:?}");
    }
    let notice = plan.notice_draft.as_deref().expect("an exit plan has a notice draft");
    for expected in ["Dear Ms Doe,", "- Homepage redesign", "1,250.50 EUR", "15 January 2027", "once everything owed"] {
        assert!(notice.contains(expected), "notice lacks {expected:?}:\n{notice}");
    }
    assert!(!notice.contains("Acme Studio"), "the private nickname never goes into the letter");
    assert!(plan.talking_points.iter().any(|p| p.contains("Thank Acme Studio")));
}

#[test]
fn abuse_exit_is_sooner_written_and_owes_nothing_extra() {
    let plan = plan_for(&abuse_answers(), &abuse_inputs(), Lang::En);
    assert_eq!(plan.kind, PlanKind::Exit);
    assert!(plan.abuse_exit);
    // Wednesday 2026-12-30: plan today, tell them tomorrow. No contract: a week's notice
    // of your own, and the contract end the visitor typed is never mentioned.
    assert_eq!(at(&plan, "plan_talk"), day("2026-12-30"));
    assert_eq!(at(&plan, "talk"), day("2026-12-31"));
    assert_eq!(at(&plan, "last_day"), day("2027-01-07"));
    assert!(plan.milestone(MilestoneId::HandoverHelp).is_none());
    let talk = plan.milestone(MilestoneId::Talk).expect("talk");
    assert!(talk.detail.contains("by email") && talk.detail.contains("No call"), "{}", talk.detail);
    let text = plan.document.plain_text();
    assert!(!text.contains("30 June 2027"), "no contract, so no contract end");
    let notice = plan.notice_draft.expect("notice");
    assert!(notice.starts_with("Subject: Ending our collaboration\n\nHello,"), "a neutral greeting:\n{notice}");
    assert!(!notice.contains("Big Corp") && !notice.contains("contract"), "{notice}");
    assert!(!notice.to_lowercase().contains("sorry") && !notice.to_lowercase().contains("apolog"));
    assert!(!notice.contains("Thank"));
}

#[test]
fn repair_plan_dates_its_moves_judges_them_and_has_the_exit_branch() {
    let plan = plan_for(&repair_answers(), &repair_inputs(), Lang::En);
    assert_eq!(plan.kind, PlanKind::Repair);
    assert_eq!(plan.notice_draft, None);
    assert_eq!(
        id_list(&plan),
        ["prepare", "stop_work", "reminder", "talk", "new_agreement", "check_in", "formal_demand", "review", "court"]
    );
    // Friday 2026-01-30: talk on Tuesday 3 February, check-in a week later, agreement
    // within a week, review 30 days out across the end of February.
    assert_eq!(at(&plan, "talk"), day("2026-02-03"));
    assert_eq!(at(&plan, "check_in"), day("2026-02-10"));
    assert_eq!(at(&plan, "new_agreement"), day("2026-02-06"));
    assert_eq!(at(&plan, "review"), day("2026-03-01"));
    let text = plan.document.plain_text();
    assert!(text.contains("By 1 March 2026, each of these should be true:"), "{text}");
    assert!(text.contains("If the success criteria are not met by 1 March 2026"), "{text}");
    assert!(text.contains("Nová Firma s.r.o. in writing") && !text.contains("s.r.o.."), "one full stop");
    assert!(plan.talking_points.len() >= 4);
}

#[test]
fn watch_plan_observes_talks_once_and_rechecks() {
    let plan = plan_for(&watch_answers(), &watch_inputs(), Lang::En);
    assert_eq!(plan.kind, PlanKind::Watch);
    assert_eq!(id_list(&plan), ["observe", "conversation", "recheck"]);
    assert_eq!(at(&plan, "conversation"), day("2026-11-27"));
    assert_eq!(at(&plan, "recheck"), day("2026-12-18"));
    assert_eq!(plan.notice_draft, None);
}

#[test]
fn keep_verdict_is_short_with_a_reminder_and_one_recheck() {
    let plan = plan_for(&keep_answers(), &keep_inputs(), Lang::En);
    assert_eq!(plan.kind, PlanKind::None);
    assert_eq!(id_list(&plan), ["reminder", "recheck"]);
    assert_eq!(at(&plan, "recheck"), day("2027-02-18"));
    assert!(plan.document.title.contains("this client"));
    assert!(plan.document.blocks.len() < 14);
    assert_eq!(plan.notice_draft, None);
    assert!(plan.talking_points.is_empty());
}

// ---------------------------------------------------------------------------------------
// (b) Date arithmetic

/// An exit after a failed repair, with an open-ended contract's notice, or a fixed term.
fn exit_with(today: &str, notice: u16, contract_end: Option<&str>, prefer: bool) -> Plan {
    let contract = if contract_end.is_some() { "fixed_term" } else { "open_ended" };
    let mut a =
        answers(&[("time_drain", 4), ("losing_money.scope_creep", 4), ("stalled", 4)], &[("contract", contract)]);
    a.context.notice_days = Some(notice);
    a.context.contract_end = contract_end.map(day);
    let inputs = PlanInputs { today: Some(day(today)), prefer_contract_end: prefer, ..PlanInputs::default() };
    let plan = plan_for(&a, &inputs, Lang::En);
    assert_eq!(plan.kind, PlanKind::Exit);
    plan
}

#[test]
fn exit_dates_cross_month_ends() {
    // Thursday 29 January: talk on Tuesday 3 February, 14 days later.
    let plan = exit_with("2026-01-29", 14, None, false);
    assert_eq!(at(&plan, "plan_talk"), day("2026-01-30"));
    assert_eq!(at(&plan, "talk"), day("2026-02-03"));
    assert_eq!(at(&plan, "last_day"), day("2026-02-17"));
    // 30 April (Thursday) with 30 days: talk on Tuesday 5 May, last day 4 June.
    let plan = exit_with("2026-04-30", 30, None, false);
    assert_eq!(at(&plan, "talk"), day("2026-05-05"));
    assert_eq!(at(&plan, "last_day"), day("2026-06-04"));
}

#[test]
fn exit_dates_across_the_leap_day() {
    // Tuesday 2024-02-27: Wed 28, Thu 29, Fri 1 March.
    let plan = exit_with("2024-02-27", 14, None, false);
    assert_eq!(at(&plan, "plan_talk"), day("2024-02-28"));
    assert_eq!(at(&plan, "talk"), day("2024-03-01"));
    assert_eq!(at(&plan, "last_day"), day("2024-03-15"));
    // From the leap day itself (Thursday).
    let plan = exit_with("2024-02-29", 1, None, false);
    assert_eq!(at(&plan, "talk"), day("2024-03-05"));
    assert_eq!(at(&plan, "last_day"), day("2024-03-06"));
    // A repair plan made a month before the leap day reviews on it.
    let plan =
        plan_for(&repair_answers(), &PlanInputs { today: Some(day("2024-01-30")), ..PlanInputs::default() }, Lang::En);
    assert_eq!(at(&plan, "review"), day("2024-02-29"));
}

#[test]
fn exit_dates_across_the_year_end() {
    // Tuesday 2026-12-29: Wed 30, Thu 31, Fri 1 January 2027.
    let plan = exit_with("2026-12-29", 14, None, false);
    assert_eq!(at(&plan, "talk"), day("2027-01-01"));
    assert_eq!(at(&plan, "last_day"), day("2027-01-15"));
    let keep =
        plan_for(&answers(&[], &[]), &PlanInputs { today: Some(day("2026-12-01")), ..PlanInputs::default() }, Lang::En);
    assert_eq!(at(&keep, "recheck"), day("2027-03-01"));
}

#[test]
fn a_fixed_term_ends_the_work_on_or_before_its_end() {
    // Notice ends 2026-12-10 (Monday 23 Nov + 3 working days + 14).
    assert_eq!(at(&exit_with("2026-11-23", 14, Some("2027-02-28"), true), "last_day"), day("2027-02-28"));
    assert_eq!(at(&exit_with("2026-11-23", 14, Some("2027-02-28"), false), "last_day"), day("2026-12-10"));
    // A contract ending on 1 December: never worked past it, whatever the notice says.
    for prefer in [true, false] {
        let plan = exit_with("2026-11-23", 14, Some("2026-12-01"), prefer);
        assert_eq!(at(&plan, "last_day"), day("2026-12-01"));
        assert!(plan.notice_draft.unwrap().contains("Our contract ends on 1 December 2026"));
    }
}

#[test]
fn nothing_is_dated_before_today() {
    for plan in [
        exit_with("2026-11-23", 0, Some("2020-01-01"), true),
        exit_with("2026-11-28", 0, None, false),
        exit_with("2200-12-30", 365, Some("2200-12-31"), true),
    ] {
        assert!(plan.milestones.iter().all(|m| m.date >= plan.today), "{:?}", plan.milestones);
        assert!(at(&plan, "last_day") >= at(&plan, "talk"));
    }
}

#[test]
fn notice_comes_from_the_contract_only_when_given() {
    let mut a =
        answers(&[("time_drain", 4), ("losing_money.scope_creep", 4), ("stalled", 4)], &[("contract", "open_ended")]);
    let inputs = PlanInputs { today: Some(day("2026-11-23")), ..PlanInputs::default() };
    let plan = plan_for(&a, &inputs, Lang::En);
    assert_eq!(at(&plan, "last_day"), day("2026-12-10"), "unknown: two weeks, as common practice");
    let notice = plan.notice_draft.unwrap();
    assert!(
        notice.contains("I am giving 14 days' notice") && !notice.contains("In line with our contract"),
        "{notice}"
    );
    assert!(plan.document.plain_text().contains("check your contract"));
    a.context.notice_days = Some(30);
    let plan = plan_for(&a, &inputs, Lang::En);
    assert_eq!(at(&plan, "last_day"), day("2026-12-26"));
    assert!(plan.notice_draft.unwrap().contains("In line with our contract, I am giving 30 days' notice"));
    a.context.notice_days = Some(1);
    let plan = plan_for(&a, &inputs, Lang::En);
    assert_eq!(at(&plan, "last_day"), day("2026-11-27"));
    assert!(plan.notice_draft.expect("notice").contains("1 day's notice"), "singular form");
}
