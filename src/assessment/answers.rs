//! What the visitor told us: a rating per question and the context of the relationship.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::dates::Day;

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

macro_rules! choice {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $id)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const IDS: &'static [&'static str] = &[$($id),+];

            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($id => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

choice!(
    /// Is there a signed contract?
    Contract { Signed = "signed", None = "none", Unsure = "unsure" }
);
choice!(YesNo { Yes = "yes", No = "no" });
choice!(
    /// Share of the freelancer's income that comes from this client.
    IncomeShare { Lt10 = "lt10", From10To30 = "10to30", From30To60 = "30to60", Gt60 = "gt60" }
);
choice!(
    /// How long the two have worked together.
    Tenure { Lt3m = "lt3m", From3To12m = "3to12m", From1To3y = "1to3y", Gt3y = "gt3y" }
);

/// The longest notice period we accept, in days.
pub const MAX_NOTICE_DAYS: u16 = 365;

/// Context questions: they shape the plan, never the diagnosis (except that a failed
/// repair attempt moves a repair-band result to exit). Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Context {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract: Option<Contract>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract_end: Option<Day>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_days: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_work: Option<YesNo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unpaid: Option<YesNo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub income_share: Option<IncomeShare>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repair_tried: Option<YesNo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenure: Option<Tenure>,
}

/// The ids of the context questions that are a choice between value ids, in the order
/// the quiz asks them.
pub const CHOICE_CONTEXTS: [&str; 6] = ["contract", "open_work", "unpaid", "income_share", "repair_tried", "tenure"];

/// The value ids a choice context question accepts, or `None` for an unknown id.
pub fn context_values(id: &str) -> Option<&'static [&'static str]> {
    Some(match id {
        "contract" => Contract::IDS,
        "open_work" | "unpaid" | "repair_tried" => YesNo::IDS,
        "income_share" => IncomeShare::IDS,
        "tenure" => Tenure::IDS,
        _ => return None,
    })
}

impl Context {
    /// The chosen value id of a choice context question.
    pub fn value(&self, id: &str) -> Option<&'static str> {
        match id {
            "contract" => self.contract.map(Contract::id),
            "open_work" => self.open_work.map(YesNo::id),
            "unpaid" => self.unpaid.map(YesNo::id),
            "income_share" => self.income_share.map(IncomeShare::id),
            "repair_tried" => self.repair_tried.map(YesNo::id),
            "tenure" => self.tenure.map(Tenure::id),
            _ => None,
        }
    }

    /// Sets a choice context question from its value id. Unknown ids or values are
    /// refused and leave the context unchanged.
    pub fn set(&mut self, id: &str, value: &str) -> bool {
        fn put<T>(slot: &mut Option<T>, v: Option<T>) -> bool {
            let ok = v.is_some();
            if ok {
                *slot = v;
            }
            ok
        }
        match id {
            "contract" => put(&mut self.contract, Contract::parse(value)),
            "open_work" => put(&mut self.open_work, YesNo::parse(value)),
            "unpaid" => put(&mut self.unpaid, YesNo::parse(value)),
            "income_share" => put(&mut self.income_share, IncomeShare::parse(value)),
            "repair_tried" => put(&mut self.repair_tried, YesNo::parse(value)),
            "tenure" => put(&mut self.tenure, Tenure::parse(value)),
            _ => false,
        }
    }

    /// Parses a notice period typed by the visitor: a whole number of days, 0..=365.
    pub fn parse_notice_days(text: &str) -> Option<u16> {
        let t = text.trim();
        if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse::<u16>().ok().filter(|d| *d <= MAX_NOTICE_DAYS)
    }
}

/// Every answer the visitor gave. Unknown question ids are kept out by [`Answers::set`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub ratings: BTreeMap<String, Answer>,
    pub context: Context,
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

    /// Drops answers to questions the model does not have or that break its rules
    /// (e.g. "not applicable" where it is not offered). Used on stored state.
    pub fn sanitized(mut self) -> Answers {
        self.ratings.retain(|q, a| {
            crate::assessment::MODEL.question(q).is_some_and(|(_, spec)| *a != Answer::NotApplicable || spec.na)
        });
        if self.context.notice_days.is_some_and(|d| d > MAX_NOTICE_DAYS) {
            self.context.notice_days = None;
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
