//! Saved clients: recording checks, the limits, deleting, the trend between two checks,
//! the failed-repair rule firing on a client's history instead of the visitor's say-so,
//! and the export file. Everything runs on plain data, as the widget drives it.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use client_checkup::assessment::{assess, Answers, RuleId, SignalId, Verdict, MODEL};
use client_checkup::history::{
    self, direction, trend, Check, Direction, History, ImportError, EXPORT_FORMAT, MAX_CHECKS, MAX_CLIENTS,
};
use client_checkup::plan::schedule::REVIEW_DAYS;
use client_checkup::quiz::{Action, HistoryNotice, Quiz, Step};

use common::fixtures::{answers, day, exit_answers, keep_answers, repair_answers, watch_answers};

/// A finished check of `a` on `date`, saved as the widget saves it.
fn finished(a: Answers, nickname: &str) -> Quiz {
    let q = Quiz { step: Step::Review, answers: a, ..Quiz::default() };
    q.apply(Action::Nickname(nickname.into())).apply(Action::Finish)
}

fn record(q: Quiz, date: &str, client: &str, check: &str) -> Quiz {
    q.apply(Action::Record { today: day(date), client_id: client.into(), check_id: check.into() })
}

fn check(id: &str, date: &str, a: &Answers) -> Check {
    Check::new(id.into(), day(date), a.clone(), &assess(&MODEL, a))
}

#[test]
fn a_finished_check_is_saved_once_and_a_new_check_keeps_the_clients() {
    let q = record(finished(repair_answers(), "Acme"), "2026-11-02", "acme", "k1");
    assert_eq!(q.step, Step::Result);
    assert_eq!((q.client.as_deref(), q.check.as_deref()), (Some("acme"), Some("k1")));
    let c = q.history.client("acme").unwrap();
    assert_eq!(c.nickname, "Acme");
    assert_eq!(c.checks.len(), 1);
    let saved = &c.checks[0];
    assert_eq!((saved.date, saved.verdict), (day("2026-11-02"), Verdict::Repair));
    // The repair plan is judged on its review date.
    assert_eq!(saved.judge, Some(day("2026-11-02").plus_days(REVIEW_DAYS)));
    // Shown again (a reload a week later): the same check, still dated the day it was made.
    let again = record(q.clone(), "2026-11-09", "other", "k2");
    assert_eq!(again.history, q.history);
    // Changed answers update the same check, not a second one.
    let changed = q
        .clone()
        .apply(Action::Back)
        .apply(Action::Edit(Step::Signal(0)))
        .apply(Action::Answer {
            question: "time_drain.floods".into(),
            answer: client_checkup::assessment::Answer::Rated(client_checkup::assessment::Rating::Always),
        })
        .apply(Action::Next)
        .apply(Action::Finish);
    let changed = record(changed, "2026-11-03", "other", "k3");
    let c = changed.history.client("acme").unwrap();
    assert_eq!(c.checks.len(), 1);
    assert_eq!(c.checks[0].id, "k1");
    // A new check starts empty but keeps every saved client; forgetting removes them all.
    let fresh = changed.apply(Action::Restart);
    assert_eq!((fresh.step, fresh.answers.clone(), fresh.client.clone()), (Step::Intro, Answers::default(), None));
    assert_eq!(fresh.history.clients.len(), 1);
    assert_eq!(fresh.apply(Action::ForgetAll), Quiz::default());
}

#[test]
fn an_unfinished_check_is_never_saved() {
    let q = Quiz { step: Step::Review, answers: answers(&[], &[]), ..Quiz::default() };
    let mut partial = q.answers.clone();
    partial.ratings.pop_first();
    let q = Quiz { answers: partial, ..q };
    let q = record(q, "2026-11-02", "acme", "k1");
    assert!(q.history.is_empty() && q.client.is_none());
}

#[test]
fn the_oldest_checks_go_first_and_the_visitor_is_told() {
    let a = watch_answers();
    let mut q = Quiz::default();
    let start = day("2026-01-01");
    for i in 0..MAX_CHECKS + 2 {
        q = Quiz {
            step: Step::Result,
            answers: a.clone(),
            history: q.history,
            client: Some("acme".into()),
            ..Quiz::default()
        };
        q = q.apply(Action::Record {
            today: start.plus_days(i as i64 * 7),
            client_id: "acme".into(),
            check_id: format!("k{i}"),
        });
    }
    let c = q.history.client("acme").unwrap();
    assert_eq!(c.checks.len(), MAX_CHECKS);
    assert_eq!(c.checks[0].id, "k2", "the two oldest went");
    assert_eq!(q.notice, Some(HistoryNotice::Pruned(1)));
    // Past the number of clients, the client checked longest ago goes.
    let mut h = History::default();
    for i in 0..MAX_CLIENTS + 1 {
        let date = start.plus_days(if i == 5 { -30 } else { i as i64 });
        h.record(None, &format!("c{i}"), "", Check { date, ..check("k", "2026-01-01", &a) });
    }
    assert_eq!(h.clients.len(), MAX_CLIENTS);
    assert!(h.client("c5").is_none());
}

#[test]
fn deleting_a_check_a_client_or_everything() {
    let q = record(finished(repair_answers(), "Acme"), "2026-10-01", "acme", "k1");
    let q = record(
        Quiz {
            step: Step::Result,
            answers: watch_answers(),
            history: q.history,
            client: Some("acme".into()),
            ..Quiz::default()
        },
        "2026-11-01",
        "x",
        "k2",
    );
    assert_eq!(q.history.client("acme").unwrap().checks.len(), 2);
    // Deleting the check on screen leaves the client, and this check points at nothing.
    let d = q.clone().apply(Action::DeleteCheck { client: "acme".into(), check: "k2".into() });
    assert_eq!(d.history.client("acme").unwrap().checks.len(), 1);
    assert_eq!((d.client.as_deref(), d.check.as_deref()), (Some("acme"), None));
    // Deleting a client's last check deletes the client.
    let d = d.apply(Action::DeleteCheck { client: "acme".into(), check: "k1".into() });
    assert!(d.history.is_empty() && d.client.is_none());
    let d = q.apply(Action::DeleteClient("acme".into()));
    assert!(d.history.is_empty() && d.client.is_none() && d.check.is_none());
}

#[test]
fn the_client_to_let_go_first_comes_first() {
    let mut h = History::default();
    for (id, a) in
        [("keep", keep_answers()), ("exit", exit_answers()), ("watch", watch_answers()), ("repair", repair_answers())]
    {
        h.record(None, id, id, check("k", "2026-11-01", &a));
    }
    let order: Vec<&str> = h.worst_first().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(order, ["exit", "repair", "watch", "keep"]);
}

#[test]
fn a_trend_says_better_the_same_or_worse_with_both_scores() {
    // Lower is better; a move under five points is noise.
    for (before, now, d) in [
        (60, 40, Direction::Better),
        (60, 56, Direction::Same),
        (60, 55, Direction::Better),
        (40, 44, Direction::Same),
        (40, 45, Direction::Worse),
        (0, 100, Direction::Worse),
    ] {
        assert_eq!(direction(before, now), d, "{before} → {now}");
    }
    // Communication repaired, the after-hours calls now worse, the rest as it was.
    let then = check("k1", "2026-10-01", &repair_answers());
    let mut now = repair_answers();
    for q in ["poor_communication.broken_promises", "poor_communication.chasing", "poor_communication.no_channel"] {
        now.set(q, client_checkup::assessment::Answer::Rated(client_checkup::assessment::Rating::Never));
    }
    now.set("time_drain.rush", client_checkup::assessment::Answer::Rated(client_checkup::assessment::Rating::Always));
    let rows = trend(&then, &assess(&MODEL, &now));
    assert_eq!(rows.len(), SignalId::ALL.len());
    let row = |s: SignalId| rows.iter().find(|r| r.signal == s).unwrap();
    assert_eq!(row(SignalId::PoorCommunication).direction, Direction::Better);
    assert_eq!(row(SignalId::TimeDrain).direction, Direction::Worse);
    assert_eq!(row(SignalId::Abuse).direction, Direction::Same);
    let comm = row(SignalId::PoorCommunication);
    assert_eq!(comm.before, then.score(SignalId::PoorCommunication));
    assert!(comm.before.unwrap() > comm.now.unwrap());
}

#[test]
fn the_overall_line_has_every_check_and_this_one() {
    let mut h = History::default();
    h.record(None, "acme", "", check("k1", "2026-09-01", &watch_answers()));
    h.record(Some("acme"), "x", "", check("k2", "2026-10-01", &repair_answers()));
    let c = h.client("acme").unwrap();
    // Not saved yet: this check is added at the end.
    let s = c.series(None, (day("2026-11-01"), 33));
    assert_eq!(s.iter().map(|p| p.0).collect::<Vec<_>>(), [day("2026-09-01"), day("2026-10-01"), day("2026-11-01")]);
    assert_eq!(s[2].1, 33);
    // Saved: it stands in its own place.
    let s = c.series(Some("k2"), (day("2026-11-01"), 33));
    assert_eq!(s.len(), 2);
    assert_eq!(s[1], (day("2026-10-01"), 33));
    assert_eq!(c.before(Some("k2")).map(|k| k.id.as_str()), Some("k1"));
    assert_eq!(c.before(None).map(|k| k.id.as_str()), Some("k2"));
    assert!(c.before(Some("k1")).is_none());
}

/// Checks a client again `days` after its repair plan with `now` as the answers.
fn recheck(days: i64, now: Answers) -> Quiz {
    let first = record(finished(repair_answers(), "Acme"), "2026-10-01", "acme", "k1");
    assert_eq!(first.history.client("acme").unwrap().checks[0].verdict, Verdict::Repair);
    let again = first
        .apply(Action::Restart)
        .apply(Action::CheckAgain { client: "acme".into(), today: day("2026-10-01").plus_days(days) });
    assert_eq!(again.step, Step::Signal(0));
    // Last time's answers, to adjust.
    assert_eq!(again.answers.ratings, repair_answers().ratings);
    assert_eq!(again.plan.nickname, "Acme");
    Quiz { answers: Answers { prior: again.answers.prior, ..now }, step: Step::Review, ..again }.apply(Action::Finish)
}

#[test]
fn a_repair_judged_without_improvement_is_an_exit_on_the_evidence() {
    // After the judge date, the same answers: the failed-repair rule fires on the history.
    let q = recheck(REVIEW_DAYS + 1, repair_answers());
    let a = assess(&MODEL, &q.answers);
    assert_eq!(a.verdict, Verdict::Exit);
    assert!(a.rules.contains(&RuleId::RepairNoImprovement));
    assert!(!a.rules.contains(&RuleId::FailedRepair));
    // The self-report is not asked on a re-check, and does not count if present.
    assert!(!q.answers.asks("repair_tried") && q.answers.asks("tenure"));
    let mut said_no = q.answers.clone();
    said_no.context.set("repair_tried", "no");
    assert_eq!(assess(&MODEL, &said_no).verdict, Verdict::Exit);
    // Saved, the new check belongs to the same client and the trend has both.
    let q = record(q, "2026-11-05", "new", "k2");
    let c = q.history.client("acme").unwrap();
    assert_eq!(c.checks.iter().map(|k| k.verdict).collect::<Vec<_>>(), [Verdict::Repair, Verdict::Exit]);
    assert!(c.checks[1].answers.prior.is_none(), "a saved check keeps no prior");
}

#[test]
fn before_the_judge_date_or_with_real_improvement_the_repair_goes_on() {
    // Too early to judge: still a repair.
    let q = recheck(REVIEW_DAYS - 5, repair_answers());
    assert_eq!(assess(&MODEL, &q.answers).verdict, Verdict::Repair);
    // Judged, and much better: never an exit on the history.
    let q = recheck(REVIEW_DAYS + 1, watch_answers());
    let a = assess(&MODEL, &q.answers);
    assert!(a.verdict < Verdict::Exit, "{:?}", a.verdict);
    assert!(!a.rules.contains(&RuleId::RepairNoImprovement));
    // A first-time visitor still gets the question, and the self-report counts.
    let first = finished(repair_answers(), "");
    assert!(first.answers.asks("repair_tried"));
    let mut tried = first.answers.clone();
    tried.context.set("repair_tried", "yes");
    assert_eq!(assess(&MODEL, &tried).verdict, Verdict::Exit);
}

#[test]
fn the_export_file_round_trips_and_an_import_merges_without_overwriting() {
    let q = record(finished(repair_answers(), "Acme"), "2026-10-01", "acme", "k1");
    let text = history::export(&q.history, day("2026-12-03"));
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], EXPORT_FORMAT);
    assert_eq!(file["version"], 1);
    assert_eq!(file["exported"], "2026-12-03");
    assert_eq!(history::import(&text).unwrap(), q.history);
    // Another device changed the same check and added a client: both are kept, nothing
    // here is overwritten.
    let mut theirs = q.history.clone();
    theirs.clients[0].checks[0].overall = 12;
    theirs.record(None, "nord", "Nord", check("n1", "2026-11-11", &keep_answers()));
    let merged = q.apply(Action::Import(history::import(&history::export(&theirs, day("2026-12-03"))).unwrap()));
    let acme = merged.history.client("acme").unwrap();
    assert_eq!(acme.checks.len(), 2);
    assert!(acme.checks.iter().any(|k| k.id == "k1" && k.overall != 12), "the local check stays as it was");
    assert!(merged.history.client("nord").is_some());
    match merged.notice {
        Some(HistoryNotice::Imported(m)) => assert_eq!((m.clients, m.checks), (1, 2)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_foreign_or_broken_file_is_refused_and_changes_nothing() {
    assert_eq!(history::import("not json"), Err(ImportError::NotOurs));
    assert_eq!(history::import(r#"{"format":"something-else","version":1,"clients":[]}"#), Err(ImportError::NotOurs));
    assert_eq!(history::import(r#"[1,2,3]"#), Err(ImportError::NotOurs));
    assert_eq!(
        history::import(r#"{"format":"client-checkup-history","version":2,"clients":[]}"#),
        Err(ImportError::OtherVersion(2))
    );
    assert_eq!(
        history::import(r#"{"format":"client-checkup-history","version":1,"exported":"2026-12-03","clients":{"a":1}}"#),
        Err(ImportError::Corrupt)
    );
    let huge =
        format!(r#"{{"format":"client-checkup-history","version":1,"x":"{}"}}"#, "a".repeat(history::MAX_IMPORT_BYTES));
    assert_eq!(history::import(&huge), Err(ImportError::TooLarge));
    // A file with hostile values is cleaned on the way in: bad ids dropped, nicknames bounded.
    let text = r#"{"format":"client-checkup-history","version":1,"exported":"2026-12-03","clients":[
        {"id":"BAD ID","nickname":"x","checks":[]},
        {"id":"ok1","nickname":"<script>alert(1)</script>\u0007","checks":[
            {"id":"k1","date":"2026-01-01","answers":{"ratings":{"bogus.q":"4"}},"verdict":"exit","overall":250,"scores":[]},
            {"id":"k2","date":"2026-01-02","answers":{},"verdict":"keep","overall":10,"scores":[200,5]}]}]}"#;
    let h = history::import(text).unwrap();
    assert_eq!(h.clients.len(), 1);
    let c = &h.clients[0];
    assert!(!c.nickname.contains('\u{7}'));
    assert_eq!(c.checks.len(), 1, "the check with an impossible overall score is dropped");
    assert_eq!(c.checks[0].scores[..2], [None, Some(5)]);
}
