//! What the visitor told us: a rating per question and the context of the relationship.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use super::context::{Context, MAX_NOTICE_DAYS};
use super::rate::RateInputs;

/// The five-step frequency scale. Values 0..4 are stable (they are the inputs' `value`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    Never = 0,
    Rarely = 1,
    Sometimes = 2,
    Often = 3,
    Always = 4,
}

impl Rating {
    pub const ALL: [Rating; 5] = [Rating::Never, Rating::Rarely, Rating::Sometimes, Rating::Often, Rating::Always];

    pub fn value(self) -> u8 {
        self as u8
    }

    pub fn from_value(v: u8) -> Option<Rating> {
        Rating::ALL.get(usize::from(v)).copied()
    }
}

/// An answer to one question: a rating, or "not applicable" where the model allows it.
/// "Not applicable" is left out of the score: it counts neither as no risk nor as full risk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    Rated(Rating),
    NotApplicable,
}

impl Answer {
    /// The stable value used in inputs and stored state: `0`..`4` or `na`.
    pub fn value(self) -> &'static str {
        match self {
            Answer::Rated(r) => ["0", "1", "2", "3", "4"][usize::from(r.value())],
            Answer::NotApplicable => "na",
        }
    }

    pub fn parse(s: &str) -> Option<Answer> {
        match s {
            "na" => Some(Answer::NotApplicable),
            _ if s.len() == 1 => s.parse::<u8>().ok().and_then(Rating::from_value).map(Answer::Rated),
            _ => None,
        }
    }

    pub fn rating(self) -> Option<Rating> {
        match self {
            Answer::Rated(r) => Some(r),
            Answer::NotApplicable => None,
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.value())
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Answer::parse(&s).ok_or_else(|| serde::de::Error::custom("answer must be 0..4 or na"))
    }
}

/// Every answer the visitor gave. Unknown question ids are kept out by [`Answers::set`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub ratings: BTreeMap<String, Answer>,
    pub context: Context,
    /// What the client really pays per hour (optional evidence for two signals).
    #[serde(skip_serializing_if = "RateInputs::is_empty")]
    pub rate: RateInputs,
    /// The client's previous check, on a re-check: a repair judged without improvement is
    /// the failed-repair rule firing on data rather than on the visitor's say-so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prior: Option<Prior>,
}

/// What a re-check needs to know about the client's previous check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Prior {
    pub verdict: crate::assessment::Verdict,
    pub overall: u8,
    /// The previous plan's date to judge the repair has come (the caller knows today).
    pub judged: bool,
}

impl Answers {
    pub fn get(&self, question: &str) -> Option<Answer> {
        self.ratings.get(question).copied()
    }

    /// Records an answer if the question exists and the answer is allowed for it.
    pub fn set(&mut self, question: &str, answer: Answer) -> bool {
        let allowed = match crate::assessment::MODEL.question(question) {
            Some((_, q)) => answer != Answer::NotApplicable || q.na,
            None => false,
        };
        if allowed {
            self.ratings.insert(question.to_owned(), answer);
        }
        allowed
    }

    /// Whether the context step asks this question: [`Context::asks`], except that a
    /// re-check does not ask whether a repair was tried — the client's history answers it.
    pub fn asks(&self, context: &str) -> bool {
        self.context.asks(context) && !(context == "repair_tried" && self.prior.is_some())
    }

    /// Drops answers to questions the model does not have or that break its rules
    /// (e.g. "not applicable" where it is not offered). Used on stored state.
    pub fn sanitized(mut self) -> Answers {
        self.ratings.retain(|q, a| {
            crate::assessment::MODEL.question(q).is_some_and(|(_, spec)| *a != Answer::NotApplicable || spec.na)
        });
        if self.context.notice_days.is_some_and(|d| d > MAX_NOTICE_DAYS) {
            self.context.notice_days = None;
        }
        self.rate = self.rate.sanitized();
        if self.prior.is_some_and(|p| p.overall > 100) {
            self.prior = None;
        }
        self
    }

    /// The questions of a signal that have no answer yet.
    pub fn missing(&self, signal: crate::assessment::SignalId) -> Vec<&'static str> {
        crate::assessment::MODEL
            .signal(signal)
            .questions
            .iter()
            .filter(|q| !self.ratings.contains_key(&q.id))
            .map(|q| q.id.as_str())
            .collect()
    }

    pub fn is_complete(&self) -> bool {
        crate::assessment::SignalId::ALL.iter().all(|s| self.missing(*s).is_empty())
    }
}
