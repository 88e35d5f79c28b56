//! The context of the relationship: questions that shape the plan, not the diagnosis
//! (a contract, its end and notice, open work, unpaid invoices, income share, tenure, an
//! earlier repair attempt). Every answer is an id from a small closed set, or a bounded
//! number or date.

use serde::{Deserialize, Serialize};

use crate::dates::Day;

crate::ids::id_enum! {
    /// Is there a signed contract?
    pub enum Contract {
        Signed = "signed",
        None = "none",
        Unsure = "unsure",
    }
}
crate::ids::id_enum! {
    pub enum YesNo {
        Yes = "yes",
        No = "no",
    }
}
crate::ids::id_enum! {
    /// Share of the freelancer's income that comes from this client.
    pub enum IncomeShare {
        Lt10 = "lt10",
        From10To30 = "10to30",
        From30To60 = "30to60",
        Gt60 = "gt60",
    }
}
crate::ids::id_enum! {
    /// How long the two have worked together.
    pub enum Tenure {
        Lt3m = "lt3m",
        From3To12m = "3to12m",
        From1To3y = "1to3y",
        Gt3y = "gt3y",
    }
}

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
        "contract" => &Contract::IDS,
        "open_work" | "unpaid" | "repair_tried" => &YesNo::IDS,
        "income_share" => &IncomeShare::IDS,
        "tenure" => &Tenure::IDS,
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
