//! The assessment, tested natively: realistic clients from the source articles, the
//! rules one by one, and properties that must hold for every possible set of answers.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

use client_checkup::assessment::context::{Contract, YesNo};
use client_checkup::assessment::guidance::GuidanceKind;
use client_checkup::assessment::model::Model;
use client_checkup::assessment::{assess, select_guidance, Answer, Answers, Rating, RuleId, SignalId, Verdict, MODEL};
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

// ---------------------------------------------------------------- realistic clients

struct Case {
    name: &'static str,
    answers: Answers,
    expect: Verdict,
}

fn cases() -> Vec<Case> {
    let mut failed_repair = client(&[
        ("poor_communication.no_channel", "3"),
        ("poor_communication.broken_promises", "3"),
        ("poor_communication.chasing", "3"),
        ("time_drain.slow_replies", "3"),
        ("time_drain.unprepared", "3"),
        ("stalled.no_improvement", "3"),
        ("dismisses_advice.rejects_ideas", "2"),
        ("negativity.negative_tone", "2"),
    ]);
    failed_repair.context.repair_tried = Some(YesNo::Yes);
    let mut same_not_tried = failed_repair.clone();
    same_not_tried.context.repair_tried = Some(YesNo::No);
    vec![
        Case {
            name: "a good client: prepared, pays on time, respects your advice [000]",
            answers: client(&[("time_drain.slow_replies", "1"), ("dismisses_advice.changes_mind", "1")]),
            expect: Verdict::Keep,
        },
        Case {
            name: "one bad meeting is not a pattern [002]",
            answers: client(&[("negativity.negative_tone", "1"), ("time_drain.unprepared", "1")]),
            expect: Verdict::Keep,
        },
        Case {
            name: "late-night 'finish it by tonight' micro-emergencies [001][003]",
            answers: client(&[
                ("time_drain.after_hours", "3"),
                ("time_drain.rush", "3"),
                ("time_drain.unprepared", "2"),
                ("low_respect.ignores_boundaries", "3"),
                ("low_respect.refuses_contract", "na"),
                ("losing_money.scope_creep", "2"),
            ]),
            expect: Verdict::Repair,
        },
        Case {
            name: "the discount hunter: freebies, 'others would do it for less' [002][003][004]",
            answers: client(&[
                ("losing_money.underpays", "4"),
                ("losing_money.scope_creep", "3"),
                ("losing_money.pays_late", "2"),
                ("dismisses_advice.rejects_ideas", "2"),
                ("low_respect.doubts_expertise", "2"),
            ]),
            expect: Verdict::Repair,
        },
        Case {
            name: "the client who does not pay, again and again [001][004]",
            answers: client(&[("losing_money.no_pay", "2"), ("losing_money.pays_late", "3")]),
            expect: Verdict::Exit,
        },
        Case {
            name: "insults and a huge reaction to a small mistake [000][004]",
            answers: client(&[("abuse.insults", "3"), ("abuse.overreacts", "2")]),
            expect: Verdict::Exit,
        },
        Case {
            name: "the ghost: no channel, promises to call back and never does [000]",
            answers: client(&[
                ("poor_communication.no_channel", "3"),
                ("poor_communication.broken_promises", "3"),
                ("poor_communication.chasing", "4"),
                ("time_drain.slow_replies", "3"),
            ]),
            expect: Verdict::Repair,
        },
        Case {
            name: "outgrown: too little work for the time, you have moved on [002]",
            answers: client(&[
                ("stalled.not_enough_work", "3"),
                ("stalled.outgrown", "3"),
                ("stalled.no_improvement", "2"),
            ]),
            expect: Verdict::Watch,
        },
        Case {
            name: "a repair was tried and the same problems are still there [000]",
            answers: failed_repair,
            expect: Verdict::Exit,
        },
        Case {
            name: "the same client before any repair attempt [000]",
            answers: same_not_tried,
            expect: Verdict::Repair,
        },
        Case {
            name: "toxic on every front [000][004]",
            answers: client(&[
                ("time_drain.after_hours", "4"),
                ("time_drain.rush", "4"),
                ("dismisses_advice.no_compromise", "4"),
                ("dismisses_advice.rejects_ideas", "3"),
                ("low_respect.doubts_expertise", "4"),
                ("low_respect.ignores_terms", "3"),
                ("negativity.negative_tone", "4"),
                ("negativity.dread", "4"),
                ("losing_money.scope_creep", "4"),
                ("losing_money.underpays", "3"),
                ("abuse.impossible_demands", "2"),
            ]),
            expect: Verdict::Exit,
        },
        Case {
            name: "a new client not invoiced yet, a little slow to reply (N/A where honest)",
            answers: client(&[
                ("losing_money.no_pay", "na"),
                ("losing_money.pays_late", "na"),
                ("stalled.no_improvement", "na"),
                ("time_drain.slow_replies", "2"),
            ]),
            expect: Verdict::Keep,
        },
        Case {
            name: "one mild signal only: sometimes late at night, sometimes rushed",
            answers: client(&[
                ("time_drain.after_hours", "2"),
                ("time_drain.rush", "2"),
                ("time_drain.unprepared", "2"),
                ("time_drain.slow_replies", "2"),
            ]),
            expect: Verdict::Watch,
        },
    ]
}

#[test]
fn realistic_clients_reach_the_expected_verdict() {
    let mut wrong = Vec::new();
    for c in cases() {
        let a = assess(&MODEL, &c.answers);
        if a.verdict != c.expect {
            wrong.push(format!(
                "{}: expected {:?}, got {:?} (overall {}, rules {:?})",
                c.name, c.expect, a.verdict, a.overall, a.rules
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

// ---------------------------------------------------------------- the rules

#[test]
fn abuse_often_or_worse_is_exit_whatever_else_is_true() {
    for q in &MODEL.signal(SignalId::Abuse).questions {
        for v in ["3", "4"] {
            let a = assess(&MODEL, &client(&[(&q.id, v)]));
            assert_eq!(a.verdict, Verdict::Exit, "{}={v}", q.id);
            assert!(a.rule(RuleId::AbuseExit));
        }
        let a = assess(&MODEL, &client(&[(&q.id, "2")]));
        assert!(!a.rule(RuleId::AbuseExit), "sometimes is not the rule's threshold");
    }
    let mut a = client(&[("abuse.insults", "3")]);
    a.context.contract = Some(Contract::Signed);
    a.context.repair_tried = Some(YesNo::No);
    let g = select_guidance(&MODEL, &assess(&MODEL, &a), &a);
    assert_eq!(g.kind, GuidanceKind::Exit);
    assert!(g.items.contains(&"abuse_safety".to_string()), "name it, leave soon");
    assert!(!g.items.contains(&"end_at_contract_end".to_string()), "no waiting for the contract's end");
}

#[test]
fn non_payment_means_stop_work_then_exit_if_it_repeats() {
    let once = client(&[("losing_money.no_pay", "1")]);
    let a = assess(&MODEL, &once);
    assert_eq!(a.verdict, Verdict::Repair);
    assert!(a.rule(RuleId::NonPayment) && !a.rule(RuleId::RepeatedNonPayment));
    let g = select_guidance(&MODEL, &a, &once);
    assert_eq!(g.items.first().map(String::as_str), Some("reflect"));
    assert!(g.items.contains(&"stop_work".to_string()));

    let again = client(&[("losing_money.no_pay", "2")]);
    let a = assess(&MODEL, &again);
    assert_eq!(a.verdict, Verdict::Exit);
    assert!(a.rule(RuleId::RepeatedNonPayment));
    assert!(select_guidance(&MODEL, &a, &again).items.contains(&"unpaid_first".to_string()));
}

#[test]
fn a_failed_repair_moves_the_repair_band_to_exit_only() {
    let base = cases().into_iter().find(|c| c.name.starts_with("the same client before")).unwrap().answers;
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
        // (Not paying at all is its own rule, tested above.)
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
        assert!(a.rule(RuleId::SingleMildSignal), "{s}");
    }
}

#[test]
fn explanation_ranks_drivers_and_lists_rules() {
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
    assert_eq!(a.rules, vec![RuleId::AbuseExit]);
}

#[test]
fn repair_guidance_answers_the_signals_that_fired() {
    let mut a = client(&[
        ("poor_communication.no_channel", "3"),
        ("poor_communication.chasing", "3"),
        ("poor_communication.broken_promises", "2"),
        ("losing_money.scope_creep", "3"),
        ("losing_money.underpays", "3"),
        ("time_drain.rush", "2"),
    ]);
    a.context.contract = Some(Contract::None);
    let r = assess(&MODEL, &a);
    let g = select_guidance(&MODEL, &r, &a);
    assert_eq!(g.kind, GuidanceKind::Repair, "{r:?}");
    for id in ["reflect", "comm_rhythm", "main_channel", "new_agreement", "money_terms", "review"] {
        assert!(g.items.iter().any(|i| i == id), "missing {id} in {:?}", g.items);
    }
    assert!(!g.items.iter().any(|i| i == "keep_log"), "no abuse or disrespect fired");
}

#[test]
fn exit_guidance_is_adjusted_by_context() {
    let mut a = client(&[("losing_money.no_pay", "3")]);
    a.context.contract = Some(Contract::Signed);
    a.context.open_work = Some(YesNo::Yes);
    a.context.unpaid = Some(YesNo::Yes);
    a.context.income_share = Some(client_checkup::assessment::context::IncomeShare::Gt60);
    a.context.tenure = Some(client_checkup::assessment::context::Tenure::Gt3y);
    let g = select_guidance(&MODEL, &assess(&MODEL, &a), &a);
    for id in [
        "review_contract",
        "end_at_contract_end",
        "unpaid_first",
        "close_open_work",
        "line_up_work",
        "gentle_handover",
        "in_writing",
    ] {
        assert!(g.items.iter().any(|i| i == id), "missing {id}");
    }
    let mut b = a.clone();
    b.context = Default::default();
    let g = select_guidance(&MODEL, &assess(&MODEL, &b), &b);
    for id in ["end_at_contract_end", "close_open_work", "line_up_work", "gentle_handover"] {
        assert!(!g.items.iter().any(|i| i == id), "{id} without its context");
    }
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
fn model_data_is_complete_and_consistent() {
    let text = include_str!("../content/model.json");
    let model = Model::from_json(text).expect("valid");
    assert_eq!(model.signals.len(), 8);
    // Broken data is refused with a reason rather than half-loaded.
    let broken = text.replace("\"rule\": \"abuse_exit\"", "\"rule\": \"no_such_rule\"");
    assert!(Model::from_json(&broken).unwrap_err().contains("no_such_rule"));
    let broken = text.replace("\"in\": [\"yes\"]", "\"in\": [\"maybe\"]");
    assert!(Model::from_json(&broken).is_err());
    let broken = text.replace("\"id\": \"abuse\"", "\"id\": \"stalled\"");
    assert!(Model::from_json(&broken).is_err());
}

// ---------------------------------------------------------------- properties

fn any_answer(na_allowed: bool) -> BoxedStrategy<Answer> {
    let rated = (0u8..=4).prop_map(|v| Answer::Rated(Rating::from_value(v).unwrap()));
    if na_allowed {
        prop_oneof![4 => rated, 1 => Just(Answer::NotApplicable)].boxed()
    } else {
        rated.boxed()
    }
}

fn any_answers() -> impl Strategy<Value = Answers> {
    let per_question: Vec<BoxedStrategy<Answer>> = MODEL.questions().map(|q| any_answer(q.na)).collect();
    (per_question, any::<bool>(), any::<bool>()).prop_map(|(list, tried, signed)| {
        let mut a = Answers::default();
        for (q, ans) in MODEL.questions().zip(list) {
            a.set(&q.id, ans);
        }
        a.context.repair_tried = Some(if tried { YesNo::Yes } else { YesNo::No });
        a.context.contract = Some(if signed { Contract::Signed } else { Contract::None });
        a
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

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
        let rated: Vec<(String, Rating)> = a.ratings.iter().filter_map(|(q, ans)| Some((q.clone(), ans.rating()?))).collect();
        prop_assume!(!rated.is_empty());
        let (q, r) = &rated[pick.index(rated.len())];
        prop_assume!(*r < Rating::Always);
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
            // N/A sits between the two extremes, and differs from each unless the rest pins it there.
            prop_assert!(lo <= score && score <= hi);
            if others.iter().any(|v| *v > 0) { prop_assert!(score > lo); }
            if others.iter().any(|v| *v < 4) { prop_assert!(score < hi); }
        }
    }

    #[test]
    fn the_verdict_never_depends_on_anything_but_the_answers(a in any_answers(), name in ".{0,40}") {
        let mut q = client_checkup::quiz::Quiz { answers: a.clone(), ..Default::default() };
        q = q.apply(client_checkup::quiz::Action::Nickname(name));
        prop_assert_eq!(assess(&MODEL, &q.answers), assess(&MODEL, &a));
    }
}
