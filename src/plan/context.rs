//! What every part of the plan needs to know: the catalog, the facts derived from the
//! assessment and inputs, and small helpers that turn catalog keys into sentences.

use crate::assessment::context::{Contract, YesNo, YesNoUnsure};
use crate::assessment::model::MoveKind;
use crate::assessment::{Answers, Assessment, Guidance, Model, RuleId, SignalId, Verdict};
use crate::dates::Day;
use crate::document::Block;
use crate::i18n::Catalog;

use super::inputs::{Channel, PlanInputs};
use super::{Milestone, MilestoneId};

/// The inputs of one plan, sanitized, with the facts the builders ask about.
pub(super) struct Ctx<'a> {
    pub cat: &'static Catalog,
    pub model: &'a Model,
    pub assessment: &'a Assessment,
    pub answers: &'a Answers,
    pub inputs: PlanInputs,
    pub guidance: Guidance,
    pub today: Day,
    /// The nickname as the language writes it (`verdict.client_named`, e.g. quoted in
    /// Czech), or the catalog's fallback (which may be empty where the sentence already
    /// names "the client").
    pub client: String,
}

impl Ctx<'_> {
    /// A catalog text with `{client}` and the given placeholders filled in.
    pub fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut all = vec![("client", self.client.as_str())];
        all.extend_from_slice(args);
        one_full_stop(self.tidy(self.cat.fmt(key, &all)), args)
    }

    /// How to check the client again, for a re-check milestone: come back to this page (by
    /// its address when the UI gave one) in this browser, where the answers are saved.
    pub fn come_back(&self) -> String {
        match self.inputs.page.as_str() {
            "" => self.text("plan.come_back.article", &[]),
            page => self.text("plan.come_back.page", &[("page", page)]),
        }
    }

    /// A re-check milestone's detail, followed by how to come back.
    pub fn recheck_detail(&self, key: &str) -> String {
        format!("{} {}", self.text(key, &[]), self.come_back())
    }

    /// A plural catalog text for `n`, with `{n}`, `{client}` and the given placeholders.
    pub fn plural(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let mut all = vec![("client", self.client.as_str())];
        all.extend_from_slice(args);
        one_full_stop(self.tidy(self.cat.plural(key, n, &all)), args)
    }

    fn tidy(&self, text: String) -> String {
        tidy(text, &self.client)
    }

    /// A day as people read it in this language.
    pub fn date(&self, day: Day) -> String {
        self.cat.date(day)
    }

    /// A milestone titled with `plan.<id>.title` (or the given title key).
    pub fn milestone(&self, id: MilestoneId, date: Day, title_key: &str, detail: String) -> Milestone {
        Milestone { id, date, title: self.text(title_key, &[]), detail, on_payment: false }
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

    /// The picked moves of one kind.
    pub fn moves_of(&self, kind: MoveKind) -> Vec<&str> {
        self.guidance
            .items
            .iter()
            .filter(|id| self.model.repair_move(id).and_then(|m| m.kind) == Some(kind))
            .map(String::as_str)
            .collect()
    }

    pub fn rule(&self, rule: RuleId) -> bool {
        self.assessment.rule(rule)
    }

    /// Abuse of any degree was reported.
    pub fn any_abuse(&self) -> bool {
        self.assessment.any_abuse()
    }

    /// An exit after any abuse: short, in writing, nothing owed but what the contract says.
    pub fn abuse_exit(&self) -> bool {
        self.assessment.verdict == Verdict::Exit && self.any_abuse()
    }

    /// The channel for the talk: the visitor's choice, but always email after abuse.
    pub fn channel(&self) -> Channel {
        if self.any_abuse() {
            Channel::Email
        } else {
            self.inputs.channel
        }
    }

    pub fn contract(&self) -> Option<Contract> {
        self.answers.context.contract
    }

    /// The contract provides late fees (as the visitor said).
    pub fn contract_late_fees(&self) -> bool {
        self.contract().is_some_and(Contract::signed) && self.answers.context.late_fees == Some(YesNoUnsure::Yes)
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

    /// Money is owed: the quiz says so, the non-payment rule fired, or the visitor typed
    /// an amount.
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
}

/// Mends what filling in `{client}` can break: an empty client fallback (Czech, Polish
/// and Russian name "the client" in the sentence itself) leaves a double space or a space
/// before punctuation, and a nickname ending in a full stop ("Firma s.r.o.") at the end
/// of a sentence would end it twice.
pub(crate) fn tidy(mut text: String, client: &str) -> String {
    if client.is_empty() {
        while text.contains("  ") {
            text = text.replace("  ", " ");
        }
        for p in [".", ",", ":", ";", "!", "?", ")"] {
            text = text.replace(&format!(" {p}"), p);
        }
        text = text.trim().to_owned();
    } else if client.ends_with('.') {
        text = text.replace(&format!("{client}."), client);
    }
    text
}

/// A value ending in a full stop (a Russian date, "20 ноября 2026 г.", or a deliverable
/// "v2.") at the end of a sentence would end it twice: keep one.
fn one_full_stop(mut text: String, args: &[(&str, &str)]) -> String {
    for (_, value) in args {
        if value.ends_with('.') && !value.ends_with("..") {
            text = text.replace(&format!("{value}."), value);
        }
    }
    text
}
