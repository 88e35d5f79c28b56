//! What every part of the plan needs to know: the catalog, the facts derived from the
//! assessment and inputs, and small helpers that turn catalog keys into sentences.

use crate::assessment::context::{Contract, YesNo};
use crate::assessment::{Answers, Assessment, Guidance, RuleId, SignalId};
use crate::dates::Day;
use crate::document::Block;
use crate::i18n::Catalog;

use super::inputs::{Channel, PlanInputs, DEFAULT_NOTICE_DAYS};
use super::Milestone;

/// The inputs of one plan, sanitized, with the facts the builders ask about.
pub(super) struct Ctx<'a> {
    pub cat: &'static Catalog,
    pub assessment: &'a Assessment,
    pub answers: &'a Answers,
    pub inputs: PlanInputs,
    pub guidance: Guidance,
    pub today: Day,
    /// The nickname, or the catalog's "this client".
    pub client: String,
}

impl Ctx<'_> {
    /// A catalog text with `{client}` and the given placeholders filled in.
    pub fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut all = vec![("client", self.client.as_str())];
        all.extend_from_slice(args);
        self.one_full_stop(self.cat.fmt(key, &all))
    }

    /// A plural catalog text for `n`, with `{n}`, `{client}` and the given placeholders.
    pub fn plural(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let mut all = vec![("client", self.client.as_str())];
        all.extend_from_slice(args);
        self.one_full_stop(self.cat.plural(key, n, &all))
    }

    /// A nickname ending in a full stop ("Firma s.r.o.") at the end of a sentence would
    /// end it twice: keep one.
    fn one_full_stop(&self, text: String) -> String {
        if self.client.ends_with('.') {
            text.replace(&format!("{}.", self.client), &self.client)
        } else {
            text
        }
    }

    /// A day as people read it in this language.
    pub fn date(&self, day: Day) -> String {
        self.cat.date(day)
    }

    /// A milestone titled with the catalog text `title_key`.
    pub fn milestone(&self, id: &'static str, date: Day, title_key: &str, detail: String) -> Milestone {
        Milestone { id, date, title: self.text(title_key, &[]), detail }
    }

    /// The dated block a milestone shows as in the document.
    pub fn dated(&self, m: &Milestone) -> Block {
        Block::Dated {
            date: self.date(m.date),
            iso: m.date.iso(),
            text: self.text("plan.step", &[("title", &m.title), ("detail", &m.detail)]),
        }
    }

    pub fn has_item(&self, id: &str) -> bool {
        self.guidance.items.iter().any(|i| i == id)
    }

    pub fn rule(&self, rule: RuleId) -> bool {
        self.assessment.rule(rule)
    }

    /// Abuse drove the verdict: short timeline, written channel, no apology.
    pub fn abuse(&self) -> bool {
        self.rule(RuleId::AbuseExit)
    }

    /// The channel for the talk: the visitor's choice, but always email after abuse.
    pub fn channel(&self) -> Channel {
        if self.abuse() {
            Channel::Email
        } else {
            self.inputs.channel
        }
    }

    pub fn notice_days(&self) -> u16 {
        self.answers.context.notice_days.unwrap_or(DEFAULT_NOTICE_DAYS)
    }

    pub fn contract_end(&self) -> Option<Day> {
        self.answers.context.contract_end
    }

    pub fn signed_contract(&self) -> bool {
        self.answers.context.contract == Some(Contract::Signed)
    }

    /// The unpaid amount with its currency, when the visitor gave one.
    pub fn money(&self) -> Option<String> {
        let cents = self.inputs.unpaid_amount_cents.filter(|c| *c > 0)?;
        let amount = self.cat.amount(cents);
        Some(if self.inputs.currency.is_empty() {
            amount
        } else {
            self.cat.fmt("plan.money", &[("amount", &amount), ("currency", &self.inputs.currency)])
        })
    }

    /// Money is owed: the quiz says so, a rule fired, or the visitor typed an amount.
    pub fn unpaid(&self) -> bool {
        self.answers.context.unpaid == Some(YesNo::Yes)
            || self.rule(RuleId::NonPayment)
            || self.rule(RuleId::RepeatedNonPayment)
            || self.money().is_some()
    }

    /// Work is still open: the quiz says so or the visitor listed deliverables.
    pub fn open_work(&self) -> bool {
        self.answers.context.open_work == Some(YesNo::Yes) || !self.inputs.open_deliverables.is_empty()
    }

    /// The name of a signal, from the quiz catalog.
    pub fn signal_name(&self, signal: SignalId) -> String {
        self.cat.t(&format!("signal.{}.name", signal.id())).to_owned()
    }

    /// The signals a review should look for: those that fired, else the noticeable ones.
    pub fn watched_signals(&self) -> Vec<SignalId> {
        let fired: Vec<SignalId> =
            self.assessment.drivers.iter().copied().filter(|s| self.assessment.fired(*s)).collect();
        if fired.is_empty() {
            self.assessment.drivers.clone()
        } else {
            fired
        }
    }
}
