//! The quiz as plain data: which step the visitor is on, what they answered, and the
//! navigation rules (what Next does when answers are missing, where Back goes, how an
//! edit from the review returns to it). The Yew layer wraps this in a reducer; nothing
//! here touches the browser.

use serde::{Deserialize, Serialize};

use crate::assessment::{Answer, Answers, SignalId};
use crate::dates::Day;
use crate::plan::inputs::{Channel, PlanInputs, MAX_AMOUNT_CENTS, MAX_DELIVERABLES};
use crate::text::{typing, MAX_ADDRESSEE, MAX_DELIVERABLE, MAX_NICKNAME};

/// How many signal steps there are (one per signal).
pub const SIGNAL_STEPS: usize = SignalId::ALL.len();
/// Steps counted in "step N of M": the signals, the context step and the review.
pub const COUNTED_STEPS: usize = SIGNAL_STEPS + 2;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "at", content = "index")]
pub enum Step {
    #[default]
    Intro,
    /// One signal's questions; the index into `SignalId::ALL`.
    Signal(usize),
    Context,
    Review,
    Result,
}

impl Step {
    /// 1-based position for "step N of M", for the steps that count.
    pub fn number(self) -> Option<usize> {
        match self {
            Step::Signal(i) => Some(i + 1),
            Step::Context => Some(SIGNAL_STEPS + 1),
            Step::Review => Some(SIGNAL_STEPS + 2),
            Step::Intro | Step::Result => None,
        }
    }

    /// A stable id for analytics hooks and tests: `intro`, `signal-time_drain`, `context`…
    pub fn id(self) -> String {
        match self {
            Step::Intro => "intro".into(),
            Step::Signal(i) => format!("signal-{}", SignalId::ALL[i.min(SIGNAL_STEPS - 1)]),
            Step::Context => "context".into(),
            Step::Review => "review".into(),
            Step::Result => "result".into(),
        }
    }

    fn valid(self) -> bool {
        !matches!(self, Step::Signal(i) if i >= SIGNAL_STEPS)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Start,
    Next,
    Back,
    /// Jump to a step from the review, to change an answer there; Next returns to review.
    Edit(Step),
    Answer {
        question: String,
        answer: Answer,
    },
    /// A choice context question, by id and value id.
    Context {
        id: String,
        value: String,
    },
    ContractEnd(Option<Day>),
    NoticeDays(Option<u16>),
    /// The visitor's private name for the client, as typed.
    Nickname(String),
    /// A change to the plan's own inputs.
    Plan(PlanEdit),
    Finish,
    Restart,
}

/// A change to one of the plan's inputs (see [`PlanInputs`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanEdit {
    /// The name the letter is addressed to, as typed.
    Addressee(String),
    /// The day the plan starts from; `None` goes back to the browser's date.
    Today(Option<Day>),
    PreferContractEnd(bool),
    /// The open deliverables as typed, one per line.
    Deliverables(String),
    /// The unpaid amount in hundredths, or `None` when the field is empty or not an amount.
    UnpaidAmount(Option<u64>),
    Currency(String),
    Channel(Channel),
}

impl PlanEdit {
    fn apply(self, plan: &mut PlanInputs) {
        match self {
            PlanEdit::Addressee(name) => plan.addressee = typing(&name, MAX_ADDRESSEE),
            PlanEdit::Today(day) => plan.today = day,
            PlanEdit::PreferContractEnd(on) => plan.prefer_contract_end = on,
            PlanEdit::Deliverables(text) => {
                plan.open_deliverables =
                    text.lines().take(MAX_DELIVERABLES).map(|l| typing(l, MAX_DELIVERABLE)).collect();
            }
            PlanEdit::UnpaidAmount(cents) => plan.unpaid_amount_cents = cents.filter(|c| *c <= MAX_AMOUNT_CENTS),
            PlanEdit::Currency(code) => plan.currency = typing(&code, 3),
            PlanEdit::Channel(channel) => plan.channel = channel,
        }
    }
}

/// Why Next did not move on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Missing {
    /// The unanswered question ids, in order.
    pub questions: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quiz {
    pub step: Step,
    pub answers: Answers,
    /// What the visitor typed for the plan, the client's nickname among it.
    pub plan: PlanInputs,
    /// Set while an answer is being changed from the review: Next goes back there.
    pub editing: bool,
    /// The last refused Next, cleared by any answer or move.
    #[serde(skip)]
    pub missing: Option<Missing>,
}

impl Quiz {
    /// Applies one action and returns the next state. Never panics, whatever the input.
    pub fn apply(&self, action: Action) -> Quiz {
        let mut q = self.clone();
        q.missing = None;
        match action {
            Action::Start => q.step = Step::Signal(0),
            Action::Next => q.next(),
            Action::Back => q.back(),
            Action::Edit(step) if step.valid() && !matches!(step, Step::Result | Step::Intro) => {
                q.step = step;
                q.editing = step != Step::Review;
            }
            Action::Edit(_) => {}
            Action::Answer { question, answer } => {
                q.answers.set(&question, answer);
            }
            Action::Context { id, value } => {
                q.answers.context.set(&id, &value);
            }
            Action::ContractEnd(day) => q.answers.context.contract_end = day,
            Action::NoticeDays(days) => q.answers.context.notice_days = days,
            Action::Nickname(name) => q.plan.nickname = typing(&name, MAX_NICKNAME),
            Action::Plan(edit) => edit.apply(&mut q.plan),
            Action::Finish => {
                match first_incomplete(&q.answers) {
                    Some(i) => {
                        q.step = Step::Signal(i);
                        q.missing = Some(Missing { questions: missing_of(&q.answers, i) });
                    }
                    None => q.step = Step::Result,
                }
                q.editing = false;
            }
            Action::Restart => q = Quiz::default(),
        }
        q
    }

    fn next(&mut self) {
        match self.step {
            Step::Intro => self.step = Step::Signal(0),
            Step::Signal(i) => {
                let missing = missing_of(&self.answers, i);
                if !missing.is_empty() {
                    self.missing = Some(Missing { questions: missing });
                } else if self.editing {
                    self.step = Step::Review;
                    self.editing = false;
                } else {
                    self.step = if i + 1 < SIGNAL_STEPS { Step::Signal(i + 1) } else { Step::Context };
                }
            }
            Step::Context => {
                self.step = Step::Review;
                self.editing = false;
            }
            Step::Review | Step::Result => {}
        }
    }

    fn back(&mut self) {
        self.editing = false;
        self.step = match self.step {
            Step::Intro | Step::Signal(0) => Step::Intro,
            Step::Signal(i) => Step::Signal(i - 1),
            Step::Context => Step::Signal(SIGNAL_STEPS - 1),
            Step::Review => Step::Context,
            Step::Result => Step::Review,
        };
    }

    /// Makes state read from storage safe to use: a step that is out of range or not yet
    /// reachable is pulled back, unknown answers are dropped, the plan inputs are bounded.
    pub fn sanitized(mut self) -> Quiz {
        self.answers = self.answers.sanitized();
        self.plan = self.plan.sanitized();
        if !self.step.valid() {
            self.step = Step::Intro;
        }
        let reachable = first_incomplete(&self.answers);
        let beyond = |step: Step| match (step, reachable) {
            (Step::Signal(i), Some(r)) => i > r,
            (Step::Context | Step::Review | Step::Result, Some(_)) => true,
            _ => false,
        };
        if beyond(self.step) {
            self.step = Step::Signal(reachable.unwrap_or(0));
            self.editing = false;
        }
        self
    }
}

fn missing_of(answers: &Answers, i: usize) -> Vec<String> {
    SignalId::ALL.get(i).map(|s| answers.missing(*s).into_iter().map(str::to_owned).collect()).unwrap_or_default()
}

fn first_incomplete(answers: &Answers) -> Option<usize> {
    SignalId::ALL.iter().position(|s| !answers.missing(*s).is_empty())
}

impl Quiz {
    /// The nickname as shown in results and plans, or `None` when none was given.
    pub fn client_name(&self) -> Option<&str> {
        Some(self.plan.nickname.trim()).filter(|n| !n.is_empty())
    }
}
