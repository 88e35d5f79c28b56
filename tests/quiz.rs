//! The quiz's navigation as plain data: what Start, Next, Back, Edit, Finish and Restart
//! do from every kind of step, with and without missing answers. Case tables: each row is
//! a starting point, one action, and what must follow.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

use client_checkup::assessment::{Answer, Answers, Rating, SignalId, MODEL};
use client_checkup::dates::Day;
use client_checkup::i18n::Lang;
use client_checkup::plan::Channel;
use client_checkup::quiz::{Action, PlanEdit, Quiz, Step, COUNTED_STEPS, SIGNAL_STEPS};
use client_checkup::text::{MAX_DELIVERABLE, MAX_NICKNAME};

/// Every question of the first `signals` signals answered "never".
fn answered(signals: usize) -> Answers {
    let mut a = Answers::default();
    for s in &SignalId::ALL[..signals] {
        for q in &MODEL.signal(*s).questions {
            assert!(a.set(&q.id, Answer::Rated(Rating::Never)));
        }
    }
    a
}

fn at(step: Step, signals_answered: usize) -> Quiz {
    Quiz { step, answers: answered(signals_answered), ..Quiz::default() }
}

#[test]
fn moves_from_every_kind_of_step() {
    let last = SIGNAL_STEPS - 1;
    // (from, signals answered, action, expected step, expected editing)
    let cases: &[(Step, usize, Action, Step, bool)] = &[
        (Step::Intro, 0, Action::Start, Step::Signal(0), false),
        (Step::Intro, 0, Action::Next, Step::Signal(0), false),
        (Step::Intro, 0, Action::Back, Step::Intro, false),
        // Next moves on only when the step is answered.
        (Step::Signal(0), 0, Action::Next, Step::Signal(0), false),
        (Step::Signal(0), 1, Action::Next, Step::Signal(1), false),
        (Step::Signal(3), 4, Action::Next, Step::Signal(4), false),
        (Step::Signal(last), SIGNAL_STEPS, Action::Next, Step::Rate, false),
        // The rate step is optional: Next always moves on, answered or not.
        (Step::Rate, SIGNAL_STEPS, Action::Next, Step::Context, false),
        (Step::Rate, SIGNAL_STEPS, Action::Back, Step::Signal(last), false),
        // Back never validates.
        (Step::Signal(0), 0, Action::Back, Step::Intro, false),
        (Step::Signal(3), 0, Action::Back, Step::Signal(2), false),
        (Step::Context, SIGNAL_STEPS, Action::Back, Step::Rate, false),
        (Step::Context, SIGNAL_STEPS, Action::Next, Step::Review, false),
        (Step::Review, SIGNAL_STEPS, Action::Back, Step::Context, false),
        (Step::Review, SIGNAL_STEPS, Action::Next, Step::Review, false),
        (Step::Review, SIGNAL_STEPS, Action::Finish, Step::Result, false),
        (Step::Result, SIGNAL_STEPS, Action::Back, Step::Review, false),
        (Step::Result, SIGNAL_STEPS, Action::Next, Step::Result, false),
        // Edit from the review: to a signal or the context, and Next comes back.
        (Step::Review, SIGNAL_STEPS, Action::Edit(Step::Signal(2)), Step::Signal(2), true),
        (Step::Review, SIGNAL_STEPS, Action::Edit(Step::Context), Step::Context, true),
        (Step::Review, SIGNAL_STEPS, Action::Edit(Step::Rate), Step::Rate, true),
        (Step::Review, SIGNAL_STEPS, Action::Edit(Step::Review), Step::Review, false),
        // Edits to places that are not steps of the quiz are ignored.
        (Step::Review, SIGNAL_STEPS, Action::Edit(Step::Result), Step::Review, false),
        (Step::Review, SIGNAL_STEPS, Action::Edit(Step::Intro), Step::Review, false),
        (Step::Review, SIGNAL_STEPS, Action::Edit(Step::Signal(SIGNAL_STEPS)), Step::Review, false),
        // Finish with a gap goes to the first unanswered signal.
        (Step::Review, 3, Action::Finish, Step::Signal(3), false),
        (Step::Context, 0, Action::Finish, Step::Signal(0), false),
        // Restart forgets everything.
        (Step::Result, SIGNAL_STEPS, Action::Restart, Step::Intro, false),
    ];
    for (i, (from, answered, action, step, editing)) in cases.iter().enumerate() {
        let next = at(*from, *answered).apply(action.clone());
        assert_eq!((next.step, next.editing), (*step, *editing), "row {i}: {from:?} + {action:?}");
    }
}

#[test]
fn an_edit_returns_to_the_review() {
    let q = at(Step::Review, SIGNAL_STEPS).apply(Action::Edit(Step::Signal(4)));
    assert!(q.editing);
    let back = q.apply(Action::Next);
    assert_eq!((back.step, back.editing), (Step::Review, false));
    // From the context and the rate too, and Back during an edit is an ordinary Back.
    let q = at(Step::Review, SIGNAL_STEPS).apply(Action::Edit(Step::Context)).apply(Action::Next);
    assert_eq!(q.step, Step::Review);
    let q = at(Step::Review, SIGNAL_STEPS).apply(Action::Edit(Step::Rate)).apply(Action::Next);
    assert_eq!((q.step, q.editing), (Step::Review, false));
    let q = at(Step::Review, SIGNAL_STEPS).apply(Action::Edit(Step::Signal(4))).apply(Action::Back);
    assert_eq!((q.step, q.editing), (Step::Signal(3), false));
}

#[test]
fn a_refused_next_names_the_missing_questions_until_the_next_action() {
    let mut a = answered(0);
    let first = &MODEL.signal(SignalId::TimeDrain).questions;
    a.set(&first[0].id, Answer::Rated(Rating::Often));
    let q = Quiz { step: Step::Signal(0), answers: a, ..Quiz::default() }.apply(Action::Next);
    assert_eq!(q.step, Step::Signal(0));
    let missing = q.missing.clone().expect("refused").questions;
    assert_eq!(missing, first[1..].iter().map(|q| q.id.clone()).collect::<Vec<_>>());
    // Any action clears the message.
    let q = q.apply(Action::Answer { question: first[1].id.clone(), answer: Answer::Rated(Rating::Never) });
    assert_eq!(q.missing, None);
    // A refused Finish names the gap of the first incomplete signal.
    let q = at(Step::Review, 2).apply(Action::Finish);
    assert_eq!(q.missing.expect("refused").questions.len(), MODEL.signal(SignalId::ALL[2]).questions.len());
}

#[test]
fn answers_are_checked_against_the_model() {
    let q = Quiz::default();
    // Unknown question, or "not applicable" where the question does not offer it.
    let unknown = q.apply(Action::Answer { question: "bogus.q".into(), answer: Answer::Rated(Rating::Always) });
    assert_eq!(unknown, q);
    let no_na = MODEL.questions().find(|q| !q.na).expect("a question without n/a");
    let refused = q.apply(Action::Answer { question: no_na.id.clone(), answer: Answer::NotApplicable });
    assert_eq!(refused.answers.get(&no_na.id), None);
    let with_na = MODEL.questions().find(|q| q.na).expect("a question with n/a");
    let taken = q.apply(Action::Answer { question: with_na.id.clone(), answer: Answer::NotApplicable });
    assert_eq!(taken.answers.get(&with_na.id), Some(Answer::NotApplicable));
    // Context answers: unknown ids and values leave the state as it was.
    assert_eq!(q.apply(Action::Context { id: "contract".into(), value: "maybe".into() }), q);
    assert_eq!(q.apply(Action::Context { id: "nope".into(), value: "yes".into() }), q);
}

#[test]
fn typed_text_is_bounded_as_it_is_typed() {
    let q = Quiz::default().apply(Action::Nickname(format!("Acme \u{202E}Co {}", "x".repeat(500))));
    assert!(q.plan.nickname.starts_with("Acme Co "), "{}", q.plan.nickname);
    assert_eq!(q.plan.nickname.chars().count(), MAX_NICKNAME);
    assert_eq!(q.client_name().map(str::len), Some(MAX_NICKNAME));
    assert_eq!(Quiz::default().apply(Action::Nickname("   ".into())).client_name(), None);
    let q = Quiz::default().apply(Action::Plan(PlanEdit::Deliverables(format!("Logo\n{}\n\nReport", "y".repeat(900)))));
    assert_eq!(q.plan.open_deliverables.len(), 4);
    assert_eq!(q.plan.open_deliverables[1].chars().count(), MAX_DELIVERABLE);
}

#[test]
fn plan_edits_change_one_field_each() {
    let day = Day::new(2026, 12, 3);
    type Holds = Box<dyn Fn(&Quiz) -> bool>;
    let cases: Vec<(PlanEdit, Holds)> = vec![
        (PlanEdit::Today(day), Box::new(move |q| q.plan.today == day)),
        (PlanEdit::PreferContractEnd(true), Box::new(|q| q.plan.prefer_contract_end)),
        (PlanEdit::UnpaidAmount(Some(125_050)), Box::new(|q| q.plan.unpaid_amount_cents == Some(125_050))),
        (PlanEdit::UnpaidAmount(Some(u64::MAX)), Box::new(|q| q.plan.unpaid_amount_cents.is_none())),
        (PlanEdit::Currency("czk".into()), Box::new(|q| q.plan.currency == "czk")),
        (PlanEdit::Channel(Channel::Meeting), Box::new(|q| q.plan.channel == Channel::Meeting)),
        (PlanEdit::Addressee("Jana Nováková".into()), Box::new(|q| q.plan.addressee == "Jana Nováková")),
    ];
    for (edit, holds) in cases {
        let q = Quiz::default().apply(Action::Plan(edit.clone()));
        assert!(holds(&q), "{edit:?}");
        assert_eq!(q.answers, Answers::default(), "{edit:?} touched the answers");
        assert_eq!(q.step, Step::Intro, "{edit:?} moved the step");
    }
    // The contract's end and notice period are context answers, edited from the plan too.
    let q = Quiz::default().apply(Action::ContractEnd(day)).apply(Action::NoticeDays(Some(30)));
    assert_eq!((q.answers.context.contract_end, q.answers.context.notice_days), (day, Some(30)));
}

#[test]
fn steps_count_and_name_themselves() {
    assert_eq!(COUNTED_STEPS, SIGNAL_STEPS + 3);
    assert_eq!(Step::Rate.number(), Some(SIGNAL_STEPS + 1));
    assert_eq!(Step::Context.number(), Some(SIGNAL_STEPS + 2));
    assert_eq!(Step::Intro.number(), None);
    assert_eq!(Step::Signal(0).number(), Some(1));
    assert_eq!(Step::Review.number(), Some(COUNTED_STEPS));
    assert_eq!(Step::Result.number(), None);
    let ids: Vec<String> = [Step::Intro, Step::Signal(0), Step::Rate, Step::Context, Step::Review, Step::Result]
        .into_iter()
        .map(Step::id)
        .collect();
    assert_eq!(ids, ["intro", "signal-time_drain", "rate", "context", "review", "result"]);
}

#[test]
fn the_language_picked_is_kept_until_everything_is_deleted() {
    let q = Quiz::default().apply(Action::Language(Lang::Cs));
    assert_eq!(q.lang, Some(Lang::Cs));
    assert!(q.is_blank(), "a language alone is not kept, nor offered to forget");
    assert!(!q.apply(Action::Nickname("A".into())).is_blank());
    let q = q.apply(Action::Start).apply(Action::Restart);
    assert_eq!(q.lang, Some(Lang::Cs), "a new check keeps the visitor's language");
    // Stored and read back; an id we do not speak is dropped, the rest of the entry kept.
    let text = client_checkup::stored::encode(&q);
    assert_eq!(client_checkup::stored::restore(&text).map(|r| r.lang).ok(), Some(Some(Lang::Cs)));
    let odd = text.replace("\"lang\":\"cs\"", "\"lang\":\"xx\"");
    assert_ne!(odd, text, "the stored entry names the language: {text}");
    assert_eq!(client_checkup::stored::restore(&odd).map(|r| r.lang).ok(), Some(None));
    assert_eq!(q.apply(Action::ForgetAll).lang, None);
}

mod painted {
    use client_checkup::assessment::Answer;
    use client_checkup::quiz::{Action, Painted, Quiz, Step};

    fn run(p: &Painted) -> Quiz {
        p.actions(Step::Intro).into_iter().fold(Quiz::default(), |q, a| q.apply(a))
    }

    #[test]
    fn answers_and_next_on_the_painted_question_are_carried_over_in_order() {
        let p = Painted {
            nickname: "Acme".into(),
            start: true,
            on_question: true,
            answers: "time_drain.unprepared=3 time_drain.rush=2 time_drain.rush=1".into(),
            next: true,
            ..Painted::default()
        };
        let q = run(&p);
        assert_eq!(q.plan.nickname, "Acme");
        assert_eq!(q.answers.get("time_drain.unprepared"), Answer::parse("3"));
        assert_eq!(q.answers.get("time_drain.rush"), Answer::parse("1"), "the last pick wins");
        // Next with questions still open is refused where the visitor is, naming them.
        assert_eq!(q.step, Step::Signal(0));
        assert!(q.missing.is_some());
    }

    #[test]
    fn a_complete_first_step_and_next_go_to_the_second() {
        let all = ["unprepared", "after_hours", "rush", "floods", "slow_replies"];
        let answers = all.iter().map(|q| format!("time_drain.{q}=2")).collect::<Vec<_>>().join(" ");
        let q = run(&Painted { start: true, on_question: true, answers, next: true, ..Painted::default() });
        assert_eq!(q.step, Step::Signal(1));
        assert!(q.missing.is_none());
    }

    #[test]
    fn untrusted_pairs_are_dropped_without_harm() {
        let p = Painted {
            answers: "nonsense time_drain.unprepared=9 x=1 =2 time_drain.unprepared= time_drain.after_hours=na \
                      time_drain.unprepared=4=4 time_drain.unprepared=4"
                .into(),
            ..Painted::default()
        };
        let actions = p.actions(Step::Intro);
        // after_hours offers no "not applicable"; only the last, well-formed pair stands.
        assert_eq!(
            actions,
            vec![Action::Answer { question: "time_drain.unprepared".into(), answer: Answer::parse("4").unwrap() }]
        );
        assert_eq!(run(&p).step, Step::Intro, "no Start pressed: the intro stays, with the answer");
    }

    #[test]
    fn progress_restored_elsewhere_keeps_its_step() {
        let p = Painted {
            nickname: "Acme".into(),
            start: true,
            answers: "time_drain.unprepared=3".into(),
            next: true,
            ..Painted::default()
        };
        assert_eq!(p.actions(Step::Result), vec![Action::Nickname("Acme".into())]);
        assert_eq!(p.actions(Step::Signal(4)), vec![Action::Nickname("Acme".into())]);
    }

    #[test]
    fn next_without_start_is_ignored() {
        let p = Painted { next: true, ..Painted::default() };
        assert!(p.actions(Step::Intro).is_empty());
    }
}
