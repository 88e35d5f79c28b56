//! The quiz as plain data: which step the visitor is on, what they answered, and the
//! navigation rules (what Next does when answers are missing, where Back goes, how an
//! edit from the review returns to it). The Yew layer wraps this in a reducer; nothing
//! here touches the browser.

use serde::{Deserialize, Serialize};

use crate::assessment::rate::{HourKind, PayBasis, RateInputs, MAX_CENTS, MAX_TENTHS, MAX_WEEKS};
use crate::assessment::{assess, Answer, Answers, SignalId, MODEL};
use crate::dates::Day;
use crate::history::{is_id, Check, History, Merged};
use crate::i18n::Lang;
use crate::plan::inputs::{Channel, PlanInputs, MAX_AMOUNT_CENTS, MAX_DELIVERABLES};
use crate::text::{typing, MAX_ADDRESSEE, MAX_DELIVERABLE, MAX_NICKNAME};

/// How many signal steps there are (one per signal).
pub const SIGNAL_STEPS: usize = SignalId::ALL.len();
/// Steps counted in "step N of M": the signals, the rate, the context step and the review.
pub const COUNTED_STEPS: usize = SIGNAL_STEPS + 3;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "at", content = "index")]
pub enum Step {
    #[default]
    Intro,
    /// One signal's questions; the index into `SignalId::ALL`.
    Signal(usize),
    /// What the client really pays per hour (optional).
    Rate,
    Context,
    Review,
    Result,
}

impl Step {
    /// 1-based position for "step N of M", for the steps that count.
    pub fn number(self) -> Option<usize> {
        match self {
            Step::Signal(i) => Some(i + 1),
            Step::Rate => Some(SIGNAL_STEPS + 1),
            Step::Context => Some(SIGNAL_STEPS + 2),
            Step::Review => Some(SIGNAL_STEPS + 3),
            Step::Intro | Step::Result => None,
        }
    }

    /// A stable id for analytics hooks and tests: `intro`, `signal-time_drain`, `context`…
    pub fn id(self) -> String {
        match self {
            Step::Intro => "intro".into(),
            Step::Signal(i) => format!("signal-{}", SignalId::ALL[i.min(SIGNAL_STEPS - 1)]),
            Step::Rate => "rate".into(),
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
    /// The visitor picked a language in the switcher.
    Language(Lang),
    /// A change to the plan's own inputs.
    Plan(PlanEdit),
    /// A change to what the client pays and the hours it takes.
    Rate(RateEdit),
    Finish,
    /// A new check: the answers go, the saved clients stay.
    Restart,
    /// Everything goes: the current check and every saved client.
    ForgetAll,
    /// Saves the finished check in the history (the browser supplies the day and, where
    /// this check has none yet, fresh ids).
    Record {
        today: Day,
        client_id: String,
        check_id: String,
    },
    /// Checks a saved client again: last time's answers to adjust, their history in view.
    CheckAgain {
        client: String,
        today: Day,
    },
    DeleteCheck {
        client: String,
        check: String,
    },
    DeleteClient(String),
    /// Adds an imported history (merged, never overwriting).
    Import(History),
}

/// A change to the rate step's inputs (see [`RateInputs`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RateEdit {
    Basis(PayBasis),
    Pay(Option<u64>),
    Weeks(Option<u16>),
    Hours(HourKind, Option<u32>),
    Usual(Option<u64>),
}

impl RateEdit {
    fn apply(self, rate: &mut RateInputs) {
        match self {
            RateEdit::Basis(b) => rate.basis = b,
            RateEdit::Pay(cents) => rate.pay_cents = cents.filter(|c| *c <= MAX_CENTS),
            RateEdit::Weeks(w) => rate.weeks = w.filter(|w| (1..=MAX_WEEKS).contains(w)),
            RateEdit::Hours(kind, tenths) => rate.hours[kind as usize] = tenths.filter(|t| *t <= MAX_TENTHS),
            RateEdit::Usual(cents) => rate.usual_cents = cents.filter(|c| *c <= MAX_CENTS),
        }
    }
}

/// What the history last did that the visitor should know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryNotice {
    /// Older checks were removed to stay within the limits.
    Pruned(usize),
    /// An import added clients and checks.
    Imported(Merged),
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
    /// Every saved client and check.
    #[serde(skip_serializing_if = "History::is_empty")]
    pub history: History,
    /// The saved client this check belongs to, once recorded (or when checking again).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    /// This check's id in the history, once recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    /// What the history last did that the visitor should be told (not stored).
    #[serde(skip)]
    pub notice: Option<HistoryNotice>,
    /// The language the visitor picked in the switcher, if they did: it wins over the
    /// page's on their next visit. Stored; an id we do not speak is ignored, never an
    /// error that would cost the answers.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "lenient_lang")]
    pub lang: Option<Lang>,
}

fn lenient_lang<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(value.as_str().and_then(Lang::parse))
}

impl Quiz {
    /// Applies one action and returns the next state. Never panics, whatever the input.
    pub fn apply(&self, action: Action) -> Quiz {
        let mut q = self.clone();
        q.missing = None;
        q.notice = None;
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
            Action::Rate(edit) => edit.apply(&mut q.answers.rate),
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
            Action::Restart => q = Quiz { history: q.history, lang: q.lang, ..Quiz::default() },
            Action::Language(lang) => q.lang = Some(lang),
            Action::ForgetAll => q = Quiz::default(),
            Action::Record { today, client_id, check_id } => q.record(today, &client_id, &check_id),
            Action::CheckAgain { client, today } => {
                if let Some(c) = q.history.client(&client) {
                    let mut answers = c.latest().map(|k| k.answers.clone()).unwrap_or_default();
                    answers.prior = c.prior(today);
                    let plan = PlanInputs { nickname: c.nickname.clone(), ..PlanInputs::default() };
                    q = Quiz {
                        step: Step::Signal(0),
                        answers,
                        plan,
                        client: Some(client),
                        history: q.history,
                        lang: q.lang,
                        ..Quiz::default()
                    };
                }
            }
            Action::DeleteCheck { client, check } => {
                q.history.delete_check(&client, &check);
                q.forget_deleted();
            }
            Action::DeleteClient(client) => {
                q.history.delete_client(&client);
                q.forget_deleted();
            }
            Action::Import(other) => {
                let merged = q.history.merge(other.sanitized());
                q.notice = Some(HistoryNotice::Imported(merged));
            }
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
                    self.step = if i + 1 < SIGNAL_STEPS { Step::Signal(i + 1) } else { Step::Rate };
                }
            }
            Step::Rate => {
                self.step = if self.editing { Step::Review } else { Step::Context };
                self.editing = false;
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
            Step::Rate => Step::Signal(SIGNAL_STEPS - 1),
            Step::Context => Step::Rate,
            Step::Review => Step::Context,
            Step::Result => Step::Review,
        };
    }

    /// Saves this finished check in the history: a new client unless the check belongs to
    /// one, and this check's own id once it has one (finishing again updates it).
    fn record(&mut self, today: Day, client_id: &str, check_id: &str) {
        if first_incomplete(&self.answers).is_some() {
            return;
        }
        let check_id = self.check.clone().unwrap_or_else(|| check_id.to_owned());
        let answers = Answers { prior: None, ..self.answers.clone() };
        let client = self.client.as_deref().and_then(|c| self.history.client(c));
        let saved = client.and_then(|c| c.checks.iter().find(|k| k.id == check_id));
        if saved.is_some_and(|k| k.answers == answers && k.currency == self.plan.currency) {
            // Already saved as it is (a result shown again after a reload keeps its day).
            return;
        }
        let check = Check {
            currency: self.plan.currency.clone(),
            ..Check::new(check_id.clone(), today, answers, &assess(&MODEL, &self.answers))
        };
        let recorded = self.history.record(self.client.as_deref(), client_id, &self.plan.nickname, check);
        self.client = Some(recorded.client);
        self.check = Some(check_id);
        if recorded.pruned > 0 {
            self.notice = Some(HistoryNotice::Pruned(recorded.pruned));
        }
    }

    /// After a deletion: this check no longer points at what is gone.
    fn forget_deleted(&mut self) {
        let client = self.client.as_deref().and_then(|id| self.history.client(id));
        if client.is_none() {
            self.client = None;
            self.check = None;
        } else if let (Some(c), Some(check)) = (client, &self.check) {
            if c.checks.iter().all(|k| &k.id != check) {
                self.check = None;
            }
        }
    }

    /// Nothing worth keeping: no answer, no input, no saved client. A language picked and
    /// nothing else counts as blank: it is remembered with the answers, not on its own.
    pub fn is_blank(&self) -> bool {
        Quiz { lang: None, ..self.clone() } == Quiz::default()
    }

    /// Makes state read from storage safe to use: a step that is out of range or not yet
    /// reachable is pulled back, unknown answers are dropped, the plan inputs and the
    /// history are bounded.
    pub fn sanitized(mut self) -> Quiz {
        self.answers = self.answers.sanitized();
        self.plan = self.plan.sanitized();
        self.history = self.history.sanitized();
        self.client = self.client.filter(|c| is_id(c));
        self.check = self.check.filter(|c| is_id(c));
        self.forget_deleted();
        if !self.step.valid() {
            self.step = Step::Intro;
        }
        let reachable = first_incomplete(&self.answers);
        let beyond = |step: Step| match (step, reachable) {
            (Step::Signal(i), Some(r)) => i > r,
            (Step::Rate | Step::Context | Step::Review | Step::Result, Some(_)) => true,
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

/// What the visitor did on the loader's painted screens (the first screen and, after
/// Start, the first question) before the widget took over: read from the page by
/// `edge::host::take_over`, so untrusted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Painted {
    /// The nickname typed so far.
    pub nickname: String,
    /// The language the visitor chose in the painted switch, if they did.
    pub lang: Option<Lang>,
    /// Start was pressed (and not taken back with Back).
    pub start: bool,
    /// The painted first question was on screen when the widget took over.
    pub on_question: bool,
    /// The answers picked there: `question=value` pairs separated by spaces.
    pub answers: String,
    /// Next was pressed on the painted first question.
    pub next: bool,
    /// A selector for the element that had focus in the painted screen, if one had.
    pub focused: Option<String>,
}

impl Painted {
    /// The actions that carry it over, in order, for a widget showing `step`. A widget
    /// that restored progress elsewhere (the loader paints for a fresh visitor, and shows
    /// its first question only to one) keeps its step and takes only the nickname.
    pub fn actions(&self, step: Step) -> Vec<Action> {
        let mut out = Vec::new();
        if !self.nickname.is_empty() {
            out.push(Action::Nickname(self.nickname.clone()));
        }
        if step != Step::Intro {
            return out;
        }
        let known = |question: &str, answer: Answer| {
            MODEL.question(question).is_some_and(|(_, q)| answer != Answer::NotApplicable || q.na)
        };
        for (question, value) in self.answers.split_whitespace().filter_map(|pair| pair.split_once('=')) {
            if let Some(answer) = Answer::parse(value).filter(|a| known(question, *a)) {
                out.push(Action::Answer { question: question.to_owned(), answer });
            }
        }
        if self.start {
            out.push(Action::Start);
            if self.next {
                out.push(Action::Next);
            }
        }
        out
    }
}
