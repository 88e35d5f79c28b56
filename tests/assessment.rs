//! The assessment, tested natively: the rules one by one (the realistic clients are in
//! the case table, `tests/cases.rs`), the model data, and properties that must hold for
//! every possible set of answers.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use client_checkup::assessment::context::{Contract, YesNo};
use client_checkup::assessment::guidance::{is_courtesy, GuidanceKind};
use client_checkup::assessment::model::Model;
use client_checkup::assessment::{
    assess, select_guidance, Answer, Answers, Prior, Rating, RuleId, SignalId, Verdict, MODEL,
};
use proptest::prelude::*;

/// A client: every question "never" unless listed; `na` marks "not applicable".
fn client(rated: &[(&str, &str)]) -> Answers {
    let mut a = Answers::default();
    for q in MODEL.questions() {
        a.set(&q.id, Answer::Rated(Rating::Never));
    }
    for (q, v) in rated {
        assert!(a.set(q, Answer::parse(v).expect("value")), "unknown or disallowed: {q}={v}");
    }
    a
}

fn verdict(a: &Answers) -> Verdict {
    assess(&MODEL, a).verdict
}

// ---------------------------------------------------------------- the rules

#[test]
fn the_abuse_ladder_names_sets_a_boundary_then_exits() {
    for q in &MODEL.signal(SignalId::Abuse).questions {
        let at = |v: &str| assess(&MODEL, &client(&[(&q.id, v)]));
        let named = at("1");
        assert_eq!((named.verdict, named.rules.as_slice()), (Verdict::Watch, &[RuleId::AbuseNamed][..]), "{}", q.id);
        let boundary = at("2");
        assert_eq!(boundary.verdict, Verdict::Repair, "{}", q.id);
        assert!(boundary.rule(RuleId::AbuseBoundary) && !boundary.rule(RuleId::AbuseNamed));
        for v in ["3", "4"] {
            let a = at(v);
            assert_eq!(a.verdict, Verdict::Exit, "{}={v}", q.id);
            assert_eq!(a.rules.iter().filter(|r| r.id().starts_with("abuse")).count(), 1, "one rung reported");
        }
    }
    let mut a = client(&[("abuse.insults", "3")]);
    a.context.contract = Some(Contract::FixedTerm);
    a.context.tenure = Some(client_checkup::assessment::context::Tenure::Gt3y);
    let g = select_guidance(&MODEL, &assess(&MODEL, &a), &a);
    assert_eq!(g.kind, GuidanceKind::Exit);
    assert!(g.items.contains(&"abuse_safety".to_string()), "short, written, on record");
    assert!(!g.items.iter().any(|i| is_courtesy(&MODEL, i)), "no courtesy after abuse: {:?}", g.items);
}

#[test]
fn abuse_never_gets_self_reflection() {
    for v in ["1", "2"] {
        let a = client(&[("abuse.insults", v), ("negativity.dread", "4"), ("negativity.negative_tone", "3")]);
        let g = select_guidance(&MODEL, &assess(&MODEL, &a), &a);
        assert!(!g.items.contains(&"own_side".to_string()), "insults={v}: {:?}", g.items);
        assert!(g.items.contains(&"name_behaviour".to_string()) && g.items.contains(&"keep_log".to_string()));
    }
}

#[test]
fn non_payment_means_stop_work_then_exit_if_it_repeats() {
    let once = client(&[("losing_money.no_pay", "1")]);
    let a = assess(&MODEL, &once);
    assert_eq!(a.verdict, Verdict::Repair);
    assert!(a.rule(RuleId::NonPayment) && !a.rule(RuleId::RepeatedNonPayment));
    let g = select_guidance(&MODEL, &a, &once);
    assert_eq!(g.items.first().map(String::as_str), Some("stop_work"));
    assert!(g.items.contains(&"money_ladder".to_string()));

    let again = client(&[("losing_money.no_pay", "2")]);
    let a = assess(&MODEL, &again);
    assert_eq!(a.verdict, Verdict::Exit);
    assert!(a.rule(RuleId::RepeatedNonPayment) && !a.rule(RuleId::NonPayment), "only the top rung");
    assert!(select_guidance(&MODEL, &a, &again).items.contains(&"unpaid_first".to_string()));
}

#[test]
fn one_severe_behaviour_at_always_reaches_repair_on_its_own() {
    for q in ["losing_money.no_pay", "low_respect.refuses_contract", "abuse.insults", "abuse.impossible_demands"] {
        assert!(verdict(&client(&[(q, "4")])) >= Verdict::Repair, "{q}");
    }
    // Every serious or severe behaviour, every time.
    for q in MODEL.questions().filter(|q| q.severity != client_checkup::assessment::model::Severity::Mild) {
        assert!(verdict(&client(&[(&q.id, "4")])) >= Verdict::Repair, "{}", q.id);
    }
}

#[test]
fn two_signals_at_often_reach_repair() {
    for (i, s) in SignalId::ALL.iter().enumerate() {
        for t in &SignalId::ALL[i + 1..] {
            for qs in &MODEL.signal(*s).questions {
                for qt in &MODEL.signal(*t).questions {
                    let a = client(&[(&qs.id, "3"), (&qt.id, "3")]);
                    assert!(verdict(&a) >= Verdict::Repair, "{} + {}", qs.id, qt.id);
                }
            }
        }
    }
}

#[test]
fn the_money_questions_together_at_always_reach_repair() {
    let money: Vec<(&str, &str)> = MODEL
        .signal(SignalId::LosingMoney)
        .questions
        .iter()
        .filter(|q| q.id != "losing_money.no_pay")
        .map(|q| (q.id.as_str(), "4"))
        .collect();
    assert!(verdict(&client(&money)) >= Verdict::Repair);
}

#[test]
fn a_failed_repair_moves_repair_to_exit_only() {
    let base = client(&[("poor_communication.no_channel", "3"), ("time_drain.slow_replies", "3")]);
    let mut tried = base.clone();
    tried.context.repair_tried = Some(YesNo::Yes);
    assert_eq!(verdict(&base), Verdict::Repair);
    let a = assess(&MODEL, &tried);
    assert_eq!(a.verdict, Verdict::Exit);
    assert!(a.rule(RuleId::FailedRepair));
    // A keep-band client who once tried a repair is not pushed out.
    let mut fine = client(&[]);
    fine.context.repair_tried = Some(YesNo::Yes);
    assert_eq!(verdict(&fine), Verdict::Keep);
}

#[test]
fn a_single_mild_signal_never_ends_a_relationship() {
    for s in SignalId::ALL.into_iter().filter(|s| *s != SignalId::Abuse) {
        // Every question of one signal at "sometimes": a mild signal on its own.
        let rated: Vec<(&str, &str)> = MODEL
            .signal(s)
            .questions
            .iter()
            .filter(|q| q.id != "losing_money.no_pay")
            .map(|q| (q.id.as_str(), "2"))
            .collect();
        let mut answers = client(&rated);
        answers.context.repair_tried = Some(YesNo::Yes);
        let a = assess(&MODEL, &answers);
        assert!(a.verdict <= Verdict::Watch, "{s}: {:?}", a.verdict);
        assert!(a.rules.iter().all(|r| *r == RuleId::SingleMildSignal), "{s}: {:?}", a.rules);
    }
}

#[test]
fn explanation_ranks_drivers_and_lists_rules_strongest_first() {
    let a = assess(
        &MODEL,
        &client(&[
            ("losing_money.underpays", "4"),
            ("losing_money.scope_creep", "4"),
            ("time_drain.rush", "3"),
            ("time_drain.after_hours", "3"),
            ("abuse.insults", "3"),
        ]),
    );
    assert_eq!(a.drivers.first(), Some(&SignalId::LosingMoney));
    assert!(a.drivers.contains(&SignalId::TimeDrain));
    let scores: Vec<u8> = a.drivers.iter().map(|s| a.score(*s).unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert_eq!(a.rules.first(), Some(&RuleId::AbuseExit));
    assert!(a.rules.windows(2).all(|w| w[0].tone() >= w[1].tone()));
}

#[test]
fn advice_is_picked_per_question() {
    let late = client(&[("losing_money.pays_late", "3")]);
    let g = select_guidance(&MODEL, &assess(&MODEL, &late), &late);
    assert!(g.items.contains(&"payment_terms".into()) && !g.items.contains(&"scope_limits".into()), "{:?}", g.items);
    let refuser = client(&[("low_respect.refuses_contract", "4")]);
    let g = select_guidance(&MODEL, &assess(&MODEL, &refuser), &refuser);
    assert!(g.items.contains(&"sign_contract".into()) && !g.items.contains(&"contact_hours".into()), "{:?}", g.items);
    let outgrown = client(&[("stalled.outgrown", "3"), ("stalled.not_enough_work", "3")]);
    let g = select_guidance(&MODEL, &assess(&MODEL, &outgrown), &outgrown);
    assert_eq!(g.kind, GuidanceKind::Watch);
    assert_eq!(g.items, ["direction_talk"]);
}

#[test]
fn keep_needs_no_guidance() {
    let a = client(&[]);
    let g = select_guidance(&MODEL, &assess(&MODEL, &a), &a);
    assert_eq!(g.kind, GuidanceKind::None);
    assert!(g.items.is_empty());
}

// ---------------------------------------------------------------- the data

#[test]
fn model_data_is_complete_consistent_and_explained() {
    let text = include_str!("../content/model.json");
    let model = Model::from_json(text).expect("valid");
    assert_eq!(model.signals.len(), 8);
    assert!(model.questions().any(|q| q.id == "time_drain.floods"), "calls all day [003] has its question");
    // Broken data is refused with a reason rather than half-loaded.
    let broken = text.replace("\"rule\": \"abuse_boundary\"", "\"rule\": \"no_such_rule\"");
    assert!(Model::from_json(&broken).is_err());
    let broken = text.replace("\"in\": [\"yes\"]", "\"in\": [\"maybe\"]");
    assert!(Model::from_json(&broken).is_err());
    let broken = text.replace("\"id\": \"abuse\"", "\"id\": \"stalled\"");
    assert!(Model::from_json(&broken).is_err());
    let broken = text.replacen("\"moves\": [\"meeting_agenda\"]", "\"moves\": [\"no_such_move\"]", 1);
    assert!(Model::from_json(&broken).unwrap_err().contains("no_such_move"));
    // Floors must rise, and every threshold says why.
    let broken = text.replace(
        r#"{ "at": 2, "verdict": "exit", "rule": "repeated_non_payment" }"#,
        r#"{ "at": 2, "verdict": "watch", "rule": "repeated_non_payment" }"#,
    );
    assert!(Model::from_json(&broken).is_err());
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    for (name, class) in value["severities"].as_object().unwrap() {
        assert!(class["why"].as_str().is_some_and(|w| w.contains('[')), "{name}: the why cites its article");
    }
    for (name, rule) in value["rules"].as_object().unwrap() {
        assert!(rule["why"].as_str().is_some_and(|w| w.contains('[')), "{name}: the why cites its article");
    }
}

// ---------------------------------------------------------------- properties

fn any_answers() -> impl Strategy<Value = Answers> {
    any::<u64>().prop_map(common::answers)
}

proptest! {
    #![proptest_config(common::config(20_000))]

    #[test]
    fn scores_stay_in_bounds_and_are_deterministic(a in any_answers()) {
        let first = assess(&MODEL, &a);
        prop_assert!(first.overall <= 100);
        for s in &first.scores {
            prop_assert!(s.score.is_none_or(|v| v <= 100));
        }
        prop_assert_eq!(&first, &assess(&MODEL, &a.clone()));
    }

    #[test]
    fn raising_one_answer_never_lowers_a_score_or_softens_the_verdict(a in any_answers(), pick in any::<prop::sample::Index>()) {
        let rated: Vec<(String, Rating)> = a.ratings.iter()
            .filter_map(|(q, ans)| Some((q.clone(), ans.rating()?)))
            .filter(|(_, r)| *r < Rating::Always)
            .collect();
        prop_assume!(!rated.is_empty());
        let (q, r) = &rated[pick.index(rated.len())];
        let mut raised = a.clone();
        raised.set(q, Answer::Rated(Rating::from_value(r.value() + 1).unwrap()));
        let (before, after) = (assess(&MODEL, &a), assess(&MODEL, &raised));
        prop_assert!(after.overall >= before.overall);
        for (b, c) in before.scores.iter().zip(&after.scores) {
            prop_assert!(c.score >= b.score, "{:?} went down", b.signal);
        }
        prop_assert!(after.verdict >= before.verdict, "{:?} -> {:?} raising {}", before.verdict, after.verdict, q);
    }

    #[test]
    fn a_lower_effective_rate_never_softens_the_verdict(a in any_answers(), cut in 1u64..100) {
        let mut a = a;
        let mut r = common::Rng::new(cut);
        if a.rate.rate().is_none() {
            a.rate = common::rate(&mut r);
        }
        prop_assume!(a.rate.pay_cents.is_some_and(|p| p > 1));
        let mut lower = a.clone();
        lower.rate.pay_cents = a.rate.pay_cents.map(|p| (p * (100 - cut) / 100).max(1));
        let mut longer = a.clone();
        longer.rate.hours[1] = Some(a.rate.hours[1].unwrap_or(0) + cut as u32 * 10);
        let before = assess(&MODEL, &a);
        for worse in [&lower, &longer] {
            let after = assess(&MODEL, worse);
            prop_assert!(after.verdict >= before.verdict, "{:?} -> {:?}", before.verdict, after.verdict);
            prop_assert!(after.overall >= before.overall);
        }
    }

    #[test]
    fn no_improvement_after_a_judged_repair_never_softens_the_verdict(a in any_answers()) {
        // Against the same answers with no history: the history can only add a reason to act.
        let mut without = a.clone();
        without.prior = None;
        without.context.repair_tried = None;
        let mut with = without.clone();
        with.prior = Some(Prior { verdict: Verdict::Repair, overall: 100, judged: true });
        prop_assert!(assess(&MODEL, &with).verdict >= assess(&MODEL, &without).verdict);
    }

    #[test]
    fn reasons_agree_with_the_verdict_in_tone(a in any_answers()) {
        let r = assess(&MODEL, &a);
        for rule in &r.rules {
            prop_assert!(rule.tone() <= r.verdict, "{rule} speaks for {:?} beside {:?}", rule.tone(), r.verdict);
            if *rule == RuleId::SingleMildSignal {
                prop_assert_eq!(r.verdict, Verdict::Watch);
            }
        }
        // A verdict stricter than watch always says why, and a keep never gives a reason to act.
        if r.verdict >= Verdict::Repair {
            prop_assert!(!r.rules.is_empty() || r.overall >= MODEL.bands.repair, "{:?} without a reason", r.verdict);
        }
        if r.verdict == Verdict::Keep {
            prop_assert!(r.rules.is_empty());
        }
        // Abuse of any degree is always named.
        if r.any_abuse() {
            prop_assert!(r.rules.iter().any(|x| x.id().starts_with("abuse")));
        }
    }

    #[test]
    fn not_applicable_counts_neither_as_no_risk_nor_as_full_risk(a in any_answers()) {
        for q in MODEL.questions().filter(|q| q.na) {
            let mut na = a.clone();
            na.set(&q.id, Answer::NotApplicable);
            let (signal, _) = MODEL.question(&q.id).unwrap();
            let others: Vec<u8> = signal.questions.iter().filter(|o| o.id != q.id)
                .filter_map(|o| na.get(&o.id)?.rating().map(|r| r.value())).collect();
            let score = assess(&MODEL, &na).score(signal.id);
            if others.is_empty() {
                prop_assert_eq!(score, None);
                continue;
            }
            let mut never = na.clone();
            never.set(&q.id, Answer::Rated(Rating::Never));
            let mut always = na.clone();
            always.set(&q.id, Answer::Rated(Rating::Always));
            let (lo, hi) = (assess(&MODEL, &never).score(signal.id), assess(&MODEL, &always).score(signal.id));
            prop_assert!(lo <= score && score <= hi);
        }
    }

    #[test]
    fn the_verdict_never_depends_on_anything_but_the_answers(a in any_answers(), name in ".{0,40}") {
        let mut q = client_checkup::quiz::Quiz { answers: a.clone(), ..Default::default() };
        q = q.apply(client_checkup::quiz::Action::Nickname(name));
        prop_assert_eq!(assess(&MODEL, &q.answers), assess(&MODEL, &a));
    }
}
