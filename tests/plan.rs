//! The plan and its Markdown, calendar and file-name renderings, natively.
//!
//! - Golden files in `tests/golden/<case>.<lang>.{md,ics}` for every language whose
//!   `plan.json` is translated; regenerate with `UPDATE_GOLDEN=1 cargo test --test plan`.
//! - Date arithmetic across month ends, leap days and year ends.
//! - Hostile visitor text in every format.
//! - The calendar read back by an independent parser (`tests/ics_check.py`, Python's
//!   `icalendar`): missing python3 or icalendar fails the test.
//! - Property tests: arbitrary inputs never panic and keep the calendar well formed.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use client_checkup::assessment::context::{Contract, IncomeShare, Tenure, YesNo};
use client_checkup::assessment::{assess, Answer, Answers, Rating, Verdict, MODEL};
use client_checkup::dates::Day;
use client_checkup::i18n::catalog::sources;
use client_checkup::i18n::Lang;
use client_checkup::plan::{build_plan, Channel, Plan, PlanInputs, PlanKind};
use client_checkup::render::filename::plan_file_name;
use client_checkup::render::ics::{ics, MAX_LINE_OCTETS};
use client_checkup::render::markdown::markdown;
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------
// Fixtures

fn day(iso: &str) -> Day {
    Day::parse_iso(iso).unwrap_or_else(|| panic!("bad test date {iso}"))
}

/// Answers with every question of each listed signal at one rating, the rest "never".
fn answers(ratings: &[(&str, u8)], context: &[(&str, &str)]) -> Answers {
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

/// A designer whose agency client drains time and money; repair was tried already.
fn exit_answers() -> Answers {
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
            ("contract", "signed"),
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

fn exit_inputs() -> PlanInputs {
    PlanInputs {
        nickname: "Acme Studio".into(),
        today: Some(day("2026-11-20")),
        prefer_contract_end: true,
        open_deliverables: vec!["Homepage redesign".into(), "Logo files (SVG, PNG)".into()],
        unpaid_amount_cents: Some(125_050),
        currency: "eur".into(),
        channel: Channel::Call,
        ..PlanInputs::default()
    }
}

/// A client who insults and blames: exit whatever else is true.
fn abuse_answers() -> Answers {
    let mut a = answers(
        &[("abuse.insults", 3), ("abuse.overreacts", 2), ("negativity", 2)],
        &[("contract", "none"), ("open_work", "yes"), ("tenure", "gt3y")],
    );
    a.context.notice_days = Some(7);
    a.context.contract_end = Some(day("2027-06-30"));
    a
}

fn abuse_inputs() -> PlanInputs {
    PlanInputs {
        nickname: "Big Corp".into(),
        today: Some(day("2026-12-30")),
        prefer_contract_end: true,
        channel: Channel::Meeting,
        ..PlanInputs::default()
    }
}

/// Communication has broken down and the client pays late; no contract.
fn repair_answers() -> Answers {
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

fn repair_inputs() -> PlanInputs {
    PlanInputs {
        nickname: "Nová Firma s.r.o.".into(),
        today: Some(day("2026-01-30")),
        channel: Channel::Meeting,
        ..PlanInputs::default()
    }
}

fn plan_for(a: &Answers, inputs: &PlanInputs, lang: Lang) -> Plan {
    build_plan(&MODEL, &assess(&MODEL, a), a, inputs, lang)
}

/// The golden cases: name, answers, inputs and the verdict they must reach.
fn golden_cases() -> Vec<(&'static str, Answers, PlanInputs, Verdict)> {
    vec![
        ("exit", exit_answers(), exit_inputs(), Verdict::Exit),
        ("exit_abuse", abuse_answers(), abuse_inputs(), Verdict::Exit),
        ("repair", repair_answers(), repair_inputs(), Verdict::Repair),
    ]
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("client-checkup-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

// ---------------------------------------------------------------------------------------
// (a) Golden files

fn check_golden(path: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("golden dir")).map_err(|e| e.to_string())?;
        std::fs::write(path, actual).map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: {e} (run UPDATE_GOLDEN=1 cargo test --test plan)", path.display()))?;
    if expected == actual {
        return Ok(());
    }
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.lines().count().min(actual.lines().count()));
    let actual_path =
        path.with_extension(format!("{}.actual", path.extension().and_then(|e| e.to_str()).unwrap_or("")));
    let _ = std::fs::write(&actual_path, actual);
    Err(format!(
        "{} differs from the rendering at line {} (written to {}):\n  expected: {:?}\n  actual:   {:?}",
        path.display(),
        line + 1,
        actual_path.display(),
        expected.lines().nth(line).unwrap_or("<end>"),
        actual.lines().nth(line).unwrap_or("<end>"),
    ))
}

#[test]
fn golden_files_in_every_language() {
    let dir = manifest_dir().join("tests/golden");
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        for (name, a, inputs, verdict) in golden_cases() {
            let plan = plan_for(&a, &inputs, lang);
            assert_eq!(plan.verdict, verdict, "{name}: the fixture must reach {verdict:?}");
            let stem = format!("{name}.{}", lang.id());
            let renderings = [("md", markdown(&plan.document)), ("ics", ics(&plan, lang, &plan.nickname))];
            for (ext, text) in renderings {
                if let Err(e) = check_golden(&dir.join(format!("{stem}.{ext}")), &text) {
                    failures.push(e);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn renderings_are_deterministic() {
    for (_, a, inputs, _) in golden_cases() {
        let one = plan_for(&a, &inputs, Lang::En);
        let two = plan_for(&a, &inputs, Lang::En);
        assert_eq!(one, two);
        assert_eq!(ics(&one, Lang::En, "seed"), ics(&two, Lang::En, "seed"));
    }
}

// ---------------------------------------------------------------------------------------
// What the plans contain

fn milestone(plan: &Plan, id: &str) -> Day {
    plan.milestones.iter().find(|m| m.id == id).unwrap_or_else(|| panic!("no milestone {id}: {:?}", ids(plan))).date
}

fn ids(plan: &Plan) -> Vec<&'static str> {
    plan.milestones.iter().map(|m| m.id).collect()
}

#[test]
fn exit_plan_has_every_dated_step_and_the_notice() {
    let plan = plan_for(&exit_answers(), &exit_inputs(), Lang::En);
    assert_eq!(plan.kind, PlanKind::Exit);
    assert_eq!(
        ids(&plan),
        [
            "review_contract",
            "arrears",
            "line_up_work",
            "plan_talk",
            "talk",
            "notice",
            "last_day",
            "final_invoice",
            "handover_help"
        ]
    );
    // Friday 2026-11-20: plan on Monday, talk on Wednesday, 21 days' notice ends on
    // 2026-12-16, but the contract runs to 2027-01-15 and the visitor prefers that.
    assert_eq!(milestone(&plan, "review_contract"), day("2026-11-20"));
    assert_eq!(milestone(&plan, "arrears"), day("2026-11-20"));
    assert_eq!(milestone(&plan, "plan_talk"), day("2026-11-23"));
    assert_eq!(milestone(&plan, "talk"), day("2026-11-25"));
    assert_eq!(milestone(&plan, "notice"), day("2026-11-25"));
    assert_eq!(milestone(&plan, "last_day"), day("2027-01-15"));
    assert_eq!(milestone(&plan, "final_invoice"), day("2027-01-15"));
    assert_eq!(milestone(&plan, "handover_help"), day("2027-01-22"));

    let text = plan.document.plain_text();
    for expected in
        ["Exit plan for Acme Studio", "Homepage redesign", "Logo files (SVG, PNG)", "1,250.50 EUR", "15 January 2027"]
    {
        assert!(text.contains(expected), "document lacks {expected:?}");
    }
    let notice = plan.notice_draft.as_deref().expect("an exit plan has a notice draft");
    for expected in
        ["Dear Acme Studio,", "- Homepage redesign", "1,250.50 EUR", "15 January 2027", "22 January 2027", "Thank you"]
    {
        assert!(notice.contains(expected), "notice lacks {expected:?}:\n{notice}");
    }
    assert!(plan.talking_points.iter().any(|p| p.contains("15 January 2027")));
    assert!(plan.talking_points.iter().any(|p| p.contains("Thank Acme Studio")));
}

#[test]
fn abuse_exit_is_sooner_written_and_without_apology() {
    let plan = plan_for(&abuse_answers(), &abuse_inputs(), Lang::En);
    assert_eq!(plan.kind, PlanKind::Exit);
    // Wednesday 2026-12-30: plan today, tell them tomorrow, 7 days' notice; the later
    // contract end is ignored and no extra week of handover help is offered.
    assert_eq!(milestone(&plan, "plan_talk"), day("2026-12-30"));
    assert_eq!(milestone(&plan, "talk"), day("2026-12-31"));
    assert_eq!(milestone(&plan, "last_day"), day("2027-01-07"));
    assert!(!ids(&plan).contains(&"handover_help"));
    let talk = plan.milestones.iter().find(|m| m.id == "talk").expect("talk");
    assert!(talk.detail.contains("by email"), "the meeting is overridden: {}", talk.detail);
    assert!(plan.talking_points.iter().any(|p| p.contains("no apology")));
    assert!(plan.talking_points.iter().any(|p| p.contains("log")));
    let notice = plan.notice_draft.expect("notice");
    assert!(!notice.to_lowercase().contains("sorry") && !notice.to_lowercase().contains("apolog"));
    assert!(notice.contains("Dear Big Corp,"));
}

#[test]
fn repair_plan_dates_its_moves_and_names_the_review_rule() {
    let plan = plan_for(&repair_answers(), &repair_inputs(), Lang::En);
    assert_eq!(plan.kind, PlanKind::Repair);
    assert_eq!(plan.notice_draft, None);
    assert_eq!(ids(&plan), ["prepare", "stop_work", "talk", "new_agreement", "check_in", "review"]);
    // Friday 2026-01-30: talk on Tuesday 3 February, check-in a week later, agreement
    // within a week, review 30 days out across the end of February.
    assert_eq!(milestone(&plan, "stop_work"), day("2026-01-30"));
    assert_eq!(milestone(&plan, "talk"), day("2026-02-03"));
    assert_eq!(milestone(&plan, "check_in"), day("2026-02-10"));
    assert_eq!(milestone(&plan, "new_agreement"), day("2026-02-06"));
    assert_eq!(milestone(&plan, "review"), day("2026-03-01"));
    let text = plan.document.plain_text();
    assert!(text.contains("If these signals are still here by 1 March 2026, move to the exit plan:"), "{text}");
    assert!(text.contains("Poor communication"));
    assert!(
        text.contains("Nová Firma s.r.o. in writing") && !text.contains("s.r.o.."),
        "one full stop after a nickname ending in one"
    );
    assert!(plan.talking_points.len() >= 4);
}

#[test]
fn keep_verdict_is_short_with_one_recheck() {
    let a = answers(&[], &[]);
    let plan = plan_for(&a, &PlanInputs { today: Some(day("2026-11-22")), ..PlanInputs::default() }, Lang::En);
    assert_eq!(plan.kind, PlanKind::None);
    assert_eq!(ids(&plan), ["recheck"]);
    assert_eq!(milestone(&plan, "recheck"), day("2027-02-20"));
    assert!(plan.document.title.contains("this client"));
    assert!(plan.document.blocks.len() < 10);
    assert_eq!(plan.notice_draft, None);
    assert!(plan.talking_points.is_empty());
}

// ---------------------------------------------------------------------------------------
// (b) Date arithmetic

fn exit_with(today: &str, notice: u16, contract_end: Option<&str>, prefer: bool) -> Plan {
    let mut a = answers(&[("time_drain", 4), ("losing_money", 4), ("stalled", 4)], &[]);
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
    assert_eq!(milestone(&plan, "plan_talk"), day("2026-01-30"));
    assert_eq!(milestone(&plan, "talk"), day("2026-02-03"));
    assert_eq!(milestone(&plan, "last_day"), day("2026-02-17"));
    // 30 April (Thursday) with 30 days: talk on Tuesday 5 May, last day 4 June.
    let plan = exit_with("2026-04-30", 30, None, false);
    assert_eq!(milestone(&plan, "talk"), day("2026-05-05"));
    assert_eq!(milestone(&plan, "last_day"), day("2026-06-04"));
}

#[test]
fn exit_dates_across_the_leap_day() {
    // Tuesday 2024-02-27: Wed 28, Thu 29, Fri 1 March.
    let plan = exit_with("2024-02-27", 14, None, false);
    assert_eq!(milestone(&plan, "plan_talk"), day("2024-02-28"));
    assert_eq!(milestone(&plan, "talk"), day("2024-03-01"));
    assert_eq!(milestone(&plan, "last_day"), day("2024-03-15"));
    // From the leap day itself (Thursday).
    let plan = exit_with("2024-02-29", 1, None, false);
    assert_eq!(milestone(&plan, "talk"), day("2024-03-05"));
    assert_eq!(milestone(&plan, "last_day"), day("2024-03-06"));
    // A repair plan made a month before the leap day reviews on it.
    let plan =
        plan_for(&repair_answers(), &PlanInputs { today: Some(day("2024-01-30")), ..PlanInputs::default() }, Lang::En);
    assert_eq!(milestone(&plan, "review"), day("2024-02-29"));
}

#[test]
fn exit_dates_across_the_year_end() {
    // Tuesday 2026-12-29: Wed 30, Thu 31, Fri 1 January 2027.
    let plan = exit_with("2026-12-29", 14, None, false);
    assert_eq!(milestone(&plan, "talk"), day("2027-01-01"));
    assert_eq!(milestone(&plan, "last_day"), day("2027-01-15"));
    let keep =
        plan_for(&answers(&[], &[]), &PlanInputs { today: Some(day("2026-12-01")), ..PlanInputs::default() }, Lang::En);
    assert_eq!(milestone(&keep, "recheck"), day("2027-03-01"));
}

#[test]
fn last_day_is_the_later_of_notice_and_contract_end_when_preferred() {
    // Notice ends 2026-12-10 (Monday 23 Nov + 3 working days + 14).
    assert_eq!(milestone(&exit_with("2026-11-23", 14, Some("2027-02-28"), true), "last_day"), day("2027-02-28"));
    assert_eq!(milestone(&exit_with("2026-11-23", 14, Some("2027-02-28"), false), "last_day"), day("2026-12-10"));
    assert_eq!(milestone(&exit_with("2026-11-23", 14, Some("2026-12-01"), true), "last_day"), day("2026-12-10"));
    // The quiz's contract end is used when the plan inputs have none.
    let mut a = answers(&[("time_drain", 4), ("losing_money", 4), ("stalled", 4)], &[]);
    a.context.contract_end = Some(day("2027-03-31"));
    let inputs = PlanInputs { today: Some(day("2026-11-23")), prefer_contract_end: true, ..PlanInputs::default() };
    assert_eq!(milestone(&plan_for(&a, &inputs, Lang::En), "last_day"), day("2027-03-31"));
}

#[test]
fn nothing_is_dated_before_today() {
    for plan in [
        exit_with("2026-11-23", 0, Some("2020-01-01"), true),
        exit_with("2026-11-28", 0, None, false),
        exit_with("2200-12-30", 365, Some("2200-12-31"), true),
    ] {
        assert!(plan.milestones.iter().all(|m| m.date >= plan.today), "{:?}", plan.milestones);
        assert!(milestone(&plan, "last_day") >= milestone(&plan, "talk"));
    }
}

#[test]
fn notice_defaults_to_the_quiz_then_two_weeks() {
    let mut a = answers(&[("time_drain", 4), ("losing_money", 4), ("stalled", 4)], &[]);
    let inputs = PlanInputs { today: Some(day("2026-11-23")), ..PlanInputs::default() };
    assert_eq!(milestone(&plan_for(&a, &inputs, Lang::En), "last_day"), day("2026-12-10"));
    a.context.notice_days = Some(30);
    assert_eq!(milestone(&plan_for(&a, &inputs, Lang::En), "last_day"), day("2026-12-26"));
    a.context.notice_days = Some(1);
    let plan = plan_for(&a, &inputs, Lang::En);
    assert_eq!(milestone(&plan, "last_day"), day("2026-11-27"));
    assert!(plan.notice_draft.expect("notice").contains("1 day's notice"), "singular form");
}

// ---------------------------------------------------------------------------------------
// The catalog: every text found, every plan key used

/// Plans covering every branch of the builders.
fn plan_matrix() -> Vec<Plan> {
    let base = PlanInputs { today: Some(day("2026-11-20")), ..PlanInputs::default() };
    let mut plans = Vec::new();
    for (_, a, inputs, _) in golden_cases() {
        plans.push(plan_for(&a, &inputs, Lang::En));
        plans.push(plan_for(&a, &base, Lang::En));
    }
    for channel in Channel::ALL {
        let inputs = PlanInputs { channel, ..base.clone() };
        let with_money = PlanInputs { unpaid_amount_cents: Some(99), currency: String::new(), ..inputs.clone() };
        for mut a in [exit_answers(), repair_answers(), abuse_answers()] {
            a.context.notice_days = Some(1);
            plans.push(plan_for(&a, &inputs, Lang::En));
            plans.push(plan_for(&a, &with_money, Lang::En));
        }
    }
    let mut signed_no_end = exit_answers();
    signed_no_end.context.contract_end = None;
    signed_no_end.context.open_work = None;
    plans.push(plan_for(&signed_no_end, &base, Lang::En));
    let signals = [
        "time_drain",
        "dismisses_advice",
        "low_respect",
        "poor_communication",
        "stalled",
        "negativity",
        "losing_money",
        "abuse",
    ];
    for signal in signals {
        // Mild: a watch plan whose talking points address this signal.
        // (Money lost weighs "doesn't pay at all" heavily: without it, the rest must be worse.)
        let level = if signal == "losing_money" { 3 } else { 2 };
        let plan = plan_for(&answers(&[(signal, level), ("losing_money.no_pay", 0)], &[]), &base, Lang::En);
        assert_eq!(plan.verdict, Verdict::Watch, "{signal}");
        plans.push(plan);
        // Strongest of many after a failed repair: an exit plan that gives its reason.
        let mut ratings: Vec<(&str, u8)> = signals.iter().map(|s| (*s, 2)).collect();
        ratings.extend([("losing_money.no_pay", 0), ("abuse", 0), (signal, 4)]);
        let plan = plan_for(&answers(&ratings, &[("repair_tried", "yes")]), &base, Lang::En);
        assert_eq!(plan.verdict, Verdict::Exit, "{signal}");
        plans.push(plan);
    }
    // Non-payment once, nothing else: repair with no signal to name.
    plans.push(plan_for(&answers(&[("losing_money.no_pay", 1)], &[]), &base, Lang::En));
    plans.push(plan_for(&answers(&[("losing_money.no_pay", 4)], &[]), &base, Lang::En));
    plans.push(plan_for(&answers(&[], &[]), &base, Lang::En));
    plans
}

fn corpus(plans: &[Plan]) -> String {
    let mut all = String::new();
    for plan in plans {
        all.push_str(&plan.document.plain_text());
        for m in &plan.milestones {
            all.push_str(&format!("\n{}\n{}\n", m.title, m.detail));
        }
        all.push_str(&plan.talking_points.join("\n"));
        all.push_str(plan.notice_draft.as_deref().unwrap_or(""));
        for ext in ["md", "ics"] {
            all.push_str(&format!("\n{}\n", plan_file_name(plan, ext)));
        }
    }
    all
}

#[test]
fn every_text_comes_from_the_catalog() {
    let plans = plan_matrix();
    let verdicts: std::collections::BTreeSet<_> = plans.iter().map(|p| p.verdict).collect();
    assert_eq!(verdicts.len(), 4, "the matrix covers every verdict: {verdicts:?}");
    let text = corpus(&plans);
    for prefix in ["plan.", "verdict.", "rule.", "signal.", "move.", "exit."] {
        for (i, _) in text.match_indices(prefix) {
            let before = text[..i].chars().next_back();
            let after = text[i + prefix.len()..].chars().next();
            let looks_like_key =
                before.is_none_or(|c| !c.is_alphanumeric()) && after.is_some_and(|c| c.is_ascii_lowercase());
            assert!(
                !looks_like_key,
                "a catalog key leaked into the plan near {:?}",
                &text[i..(i + 40).min(text.len())]
            );
        }
    }
    assert!(!text.contains('{') && !text.contains('}'), "an unfilled placeholder");
}

#[test]
fn every_plan_key_is_used() {
    let text = corpus(&plan_matrix());
    let en: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(sources(Lang::En).expect("built in").1[2]).expect("en plan.json");
    for (key, value) in en {
        assert!(key.starts_with("plan."), "{key}: plan keys start with plan.");
        let forms: Vec<String> = match value {
            serde_json::Value::String(s) => vec![s],
            serde_json::Value::Object(forms) => forms.values().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
            other => panic!("{key}: {other}"),
        };
        for form in forms {
            // The longest run of fixed text between placeholders must show up somewhere.
            let fixed = form.split(['{', '}']).step_by(2).max_by_key(|s| s.len()).unwrap_or_default().to_owned();
            let fixed = if key.starts_with("plan.file.") { fixed.replace(' ', "-") } else { fixed };
            assert!(text.contains(&fixed), "{key} is never used ({fixed:?})");
        }
    }
}

// ---------------------------------------------------------------------------------------
// (c) Hostile input

const SCRIPT: &str = "<script>alert(1)</script>";

fn hostile_inputs() -> PlanInputs {
    PlanInputs {
        nickname: format!("{SCRIPT} \"Q\" 'q' a\\b; c, d\nnew line \u{202E}evil\u{2066} 🐴 # | [x](y) *z* `c`"),
        today: Some(day("2026-11-20")),
        open_deliverables: vec![
            format!("{SCRIPT}\r\nSecond line; with, punctuation \\ and \u{202E}RLO"),
            "```\n~~~\n</code>".into(),
            "- [x] looks like a task".into(),
            "1. looks like a list".into(),
            "😀".repeat(500),
            "\u{0}\u{7}\u{1b}[31m".into(),
        ],
        unpaid_amount_cents: Some(u64::MAX),
        currency: "<b>".into(),
        ..PlanInputs::default()
    }
}

fn hostile_plans() -> Vec<Plan> {
    let long = PlanInputs { nickname: "N".repeat(10_000), ..hostile_inputs() };
    let mut plans = Vec::new();
    for inputs in [hostile_inputs(), long] {
        for a in [exit_answers(), repair_answers(), abuse_answers(), answers(&[], &[])] {
            plans.push(plan_for(&a, &inputs, Lang::En));
        }
    }
    plans
}

/// Markdown outside fenced blocks, with the syntax we write ourselves removed.
fn markdown_prose(md: &str) -> Vec<String> {
    let mut prose = Vec::new();
    let mut fence: Option<String> = None;
    for line in md.lines() {
        match &fence {
            Some(f) if line == f => fence = None,
            Some(_) => {}
            None if line.starts_with("```") => fence = Some(line.trim_end_matches("text").to_owned()),
            None => {
                let line = line.trim_start_matches('#').trim_start();
                let line = line.strip_prefix("- [ ] ").or_else(|| line.strip_prefix("- ")).unwrap_or(line);
                // A dated step's own bold date.
                let line = match line.strip_prefix("**").and_then(|l| l.split_once("** ")) {
                    Some((_, rest)) => rest.to_owned(),
                    None => line.to_owned(),
                };
                prose.push(line);
            }
        }
    }
    assert!(fence.is_none(), "an unclosed fence");
    prose
}

#[test]
fn hostile_text_is_bounded_and_clean_in_the_plan() {
    for plan in hostile_plans() {
        assert!(plan.nickname.chars().count() <= 80);
        assert!(plan.document.title.chars().count() < 200, "{}", plan.document.title);
        let mut texts = vec![plan.document.plain_text()];
        texts.extend(plan.milestones.iter().flat_map(|m| [m.title.clone(), m.detail.clone()]));
        texts.extend(plan.talking_points.iter().cloned());
        for text in &texts {
            assert!(!text
                .chars()
                .any(|c| ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)));
            assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
        }
        for m in &plan.milestones {
            assert!(!m.title.contains('\n') && !m.detail.contains('\n'));
        }
        if let Some(notice) = &plan.notice_draft {
            assert!(notice.lines().filter(|l| l.starts_with("- ")).count() <= 10);
            assert!(!notice.contains("1,844"), "an absurd amount is dropped");
        }
    }
}

#[test]
fn hostile_text_is_escaped_in_markdown() {
    for plan in hostile_plans() {
        let md = markdown(&plan.document);
        assert!(!md.contains('\u{202E}') && !md.contains('\u{2066}'));
        assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
        for line in markdown_prose(&md) {
            let chars: Vec<char> = line.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if "<>[]*_`|#&~$".contains(*c) {
                    assert!(i > 0 && chars[i - 1] == '\\', "unescaped {c:?} in {line:?}");
                }
            }
            assert!(!line.starts_with(['-', '+', '=', '>']), "a block marker leads {line:?}");
        }
        if plan.kind == PlanKind::Exit {
            // The letter sits in one fence that its own backticks cannot close.
            assert!(md.contains("````text\n"), "the fence outgrows the ``` in a deliverable");
            assert!(md.contains(&format!("- {SCRIPT} Second line")), "the letter keeps the text as written");
        }
    }
}

#[test]
fn hostile_text_is_escaped_and_folded_in_the_calendar() {
    for plan in hostile_plans() {
        let cal = ics(&plan, Lang::En, &plan.nickname);
        assert_calendar_shape(&cal);
        assert!(!cal.contains('\u{202E}'));
        let unfolded = cal.replace("\r\n ", "");
        for line in
            unfolded.split_terminator("\r\n").filter(|l| l.starts_with("SUMMARY") || l.starts_with("DESCRIPTION"))
        {
            let value = line.split_once(':').map(|(_, v)| v).unwrap_or_default();
            // Every `;` `,` and `\` in a value is escaped; no raw line break survives.
            let mut chars = value.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        assert!(matches!(chars.next(), Some('\\' | ';' | ',' | 'n' | 'N')), "bad escape in {line:?}")
                    }
                    ';' | ',' => panic!("unescaped {c:?} in {line:?}"),
                    _ => {}
                }
            }
        }
    }
}

#[test]
fn hostile_nicknames_make_safe_file_names() {
    for plan in hostile_plans() {
        for ext in ["md", "pdf", "ics"] {
            let name = plan_file_name(&plan, ext);
            assert!(name.chars().count() <= 84, "{name}");
            assert!(name.ends_with(&format!(".{ext}")));
            assert!(!name.chars().any(|c| c.is_control() || "<>:\"/\\|?* ".contains(c) || c == '\u{202E}'), "{name}");
            assert!(name.starts_with("client-checkup-"), "{name}");
        }
    }
    let plan = plan_for(&exit_answers(), &exit_inputs(), Lang::En);
    assert_eq!(plan_file_name(&plan, "md"), "client-checkup-exit-plan-acme-studio-2026-11-20.md");
}

/// CRLF everywhere, nothing longer than 75 octets, continuation lines start with a space.
fn assert_calendar_shape(cal: &str) {
    assert!(cal.starts_with("BEGIN:VCALENDAR\r\n") && cal.ends_with("END:VCALENDAR\r\n"));
    let body = &cal[..cal.len() - 2];
    for line in body.split("\r\n") {
        assert!(!line.contains('\r') && !line.contains('\n'), "a bare CR or LF: {line:?}");
        assert!(line.len() <= MAX_LINE_OCTETS, "{} octets: {line:?}", line.len());
    }
}

// ---------------------------------------------------------------------------------------
// (d) An independent parser reads the calendar back

#[derive(serde::Deserialize)]
struct ParsedEvent {
    uid: String,
    date: String,
    end: Option<String>,
    summary: String,
    description: String,
}

#[test]
fn python_icalendar_reads_what_we_write() {
    let dir = scratch_dir("ics");
    let mut plans: Vec<(String, Plan)> =
        golden_cases().into_iter().map(|(n, a, i, _)| (n.to_owned(), plan_for(&a, &i, Lang::En))).collect();
    plans.extend(hostile_plans().into_iter().enumerate().map(|(i, p)| (format!("hostile{i}"), p)));
    let mut files = Vec::new();
    for (name, plan) in &plans {
        let path = dir.join(format!("{name}.ics"));
        std::fs::write(&path, ics(plan, Lang::En, &plan.nickname)).expect("write ics");
        files.push(path);
    }
    let output = Command::new("python3")
        .arg(manifest_dir().join("tests/ics_check.py"))
        .args(&files)
        .output()
        .expect("python3 must be installed to check the calendar (scripts/setup.sh installs it)");
    assert!(
        output.status.success(),
        "tests/ics_check.py failed (python3 -m pip install icalendar if it is missing):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parsed: std::collections::BTreeMap<String, Vec<ParsedEvent>> =
        serde_json::from_slice(&output.stdout).expect("ics_check.py prints JSON");
    for ((name, plan), path) in plans.iter().zip(&files) {
        let events = &parsed[&path.display().to_string()];
        assert_eq!(events.len(), plan.milestones.len(), "{name}");
        for (event, m) in events.iter().zip(&plan.milestones) {
            assert_eq!(event.date, m.date.iso(), "{name}: {}", m.id);
            assert_eq!(event.end.as_deref(), Some(m.date.plus_days(1).iso().as_str()), "{name}: {}", m.id);
            assert_eq!(event.summary, m.title, "{name}: the summary survives escaping and folding");
            assert_eq!(event.description, m.detail, "{name}: the description survives escaping and folding");
            assert!(event.uid.ends_with("@client-checkup"));
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn uids_are_stable_and_distinct() {
    let plan = plan_for(&exit_answers(), &exit_inputs(), Lang::En);
    let uids =
        |cal: &str| -> Vec<String> { cal.lines().filter_map(|l| l.strip_prefix("UID:")).map(str::to_owned).collect() };
    let one = uids(&ics(&plan, Lang::En, "Acme"));
    assert_eq!(one, uids(&ics(&plan, Lang::En, "Acme")));
    assert_ne!(one, uids(&ics(&plan, Lang::En, "Other")));
    let distinct: std::collections::BTreeSet<_> = one.iter().collect();
    assert_eq!(distinct.len(), one.len());
}

// ---------------------------------------------------------------------------------------
// (e) Properties

fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter),
        prop::collection::vec(
            prop::sample::select(vec![
                'a', 'ж', '€', '🐴', ';', ',', '\\', '\n', '\r', '"', '<', '`', ' ', '\u{202E}', '\u{0}'
            ]),
            0..max
        )
        .prop_map(String::from_iter),
    ]
}

fn any_day() -> impl Strategy<Value = Option<Day>> {
    prop::option::of((1990i32..=2200, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| Day::new(y, m, d.min(28))))
        .prop_map(Option::flatten)
}

fn any_inputs() -> impl Strategy<Value = PlanInputs> {
    (
        (any_text(300), any_text(300)),
        any_day(),
        any::<bool>(),
        prop::collection::vec(any_text(250), 0..14),
        prop::option::of(any::<u64>()),
        any_text(5),
        prop::sample::select(Channel::ALL.to_vec()),
    )
        .prop_map(
            |(
                (nickname, addressee),
                today,
                prefer_contract_end,
                open_deliverables,
                unpaid_amount_cents,
                currency,
                channel,
            )| {
                PlanInputs {
                    nickname,
                    addressee,
                    today,
                    prefer_contract_end,
                    open_deliverables,
                    unpaid_amount_cents,
                    currency,
                    channel,
                }
            },
        )
}

fn any_answers() -> impl Strategy<Value = Answers> {
    let questions: Vec<String> = MODEL.questions().map(|q| q.id.clone()).collect();
    let n = questions.len();
    (
        prop::collection::vec(0u8..=4, n),
        prop::sample::select(vec![None, Some(Contract::Signed), Some(Contract::None)]),
        prop::sample::select(vec![None, Some(YesNo::Yes), Some(YesNo::No)]),
        prop::sample::select(vec![None, Some(YesNo::Yes), Some(YesNo::No)]),
        prop::sample::select(vec![None, Some(IncomeShare::Lt10), Some(IncomeShare::Gt60)]),
        prop::sample::select(vec![None, Some(Tenure::Lt3m), Some(Tenure::Gt3y)]),
        (prop::option::of(0u16..=365), any_day()),
    )
        .prop_map(
            move |(ratings, contract, open_work, unpaid, income_share, tenure, (notice_days, contract_end))| {
                let mut a = Answers::default();
                for (q, r) in questions.iter().zip(ratings) {
                    a.set(q, Answer::Rated(Rating::from_value(r).unwrap_or(Rating::Never)));
                }
                a.context.contract = contract;
                a.context.open_work = open_work;
                a.context.unpaid = unpaid;
                a.context.income_share = income_share;
                a.context.tenure = tenure;
                a.context.notice_days = notice_days;
                a.context.contract_end = contract_end;
                a
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_inputs_render_safely(a in any_answers(), inputs in any_inputs(), seed in any_text(40)) {
        let plan = plan_for(&a, &inputs, Lang::En);
        prop_assert!(plan.milestones.windows(2).all(|w| w[0].date <= w[1].date));
        prop_assert!(plan.milestones.iter().all(|m| m.date >= plan.today));
        prop_assert_eq!(plan.notice_draft.is_some(), plan.kind == PlanKind::Exit);
        prop_assert!(plan.nickname.chars().count() <= 80);
        let md = markdown(&plan.document);
        prop_assert!(!md.contains('\u{202E}'), "a bidi override in the Markdown");
        let cal = ics(&plan, Lang::En, &seed);
        assert_calendar_shape(&cal);
        prop_assert_eq!(cal.matches("BEGIN:VEVENT").count(), plan.milestones.len());
        let name = plan_file_name(&plan, "md");
        prop_assert!(name.chars().count() <= 83 && !name.chars().any(|c| "<>:\"/\\|?*".contains(c) || c.is_control()));
    }
}
