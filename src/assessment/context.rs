//! The context of the relationship: questions that shape the plan, not the diagnosis
//! (the contract and its terms, open work, unpaid invoices, income share, tenure, an
//! earlier repair attempt). Every answer is an id from a small closed set, or a bounded
//! number or date.
//!
//! ## The contract, honestly
//! [`Contract`] tells the four situations apart, because each ends differently:
//! - `fixed_term`: a contract that runs until a date ([`Context::contract_end`]). It may
//!   not allow ending early at all; [`Context::notice_days`] is the early-termination
//!   notice *if the contract has one* (`None`: it has none, or the visitor does not know).
//! - `open_ended`: runs until one side gives notice; [`Context::notice_days`] is that
//!   notice when the visitor knows it (`None`: unknown — the plan then says "check your
//!   contract; two weeks is common", never presenting the default as the contract's term).
//! - `none`: nothing signed; any notice is the freelancer's own choice.
//! - `unsure`: the visitor does not know; treated like an unknown open-ended contract.

use serde::{Deserialize, Serialize};

use crate::dates::Day;

crate::ids::id_enum! {
    /// What kind of contract is there?
    pub enum Contract {
        /// Signed, and runs until a date.
        FixedTerm = "fixed_term",
        /// Signed, and runs until one side gives notice.
        OpenEnded = "open_ended",
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
    /// A yes/no question the visitor may not know the answer to.
    pub enum YesNoUnsure {
        Yes = "yes",
        No = "no",
        Unsure = "unsure",
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
    /// The day a fixed-term contract ends. Only read when `contract` is `fixed_term`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract_end: Option<Day>,
    /// The notice the contract asks for, in days, when the visitor knows it: for an
    /// open-ended contract its notice period, for a fixed-term one its early-termination
    /// notice (if it has one). Never a default: `None` means "not known".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_days: Option<u16>,
    /// Does the contract provide late-payment fees or interest? Only read when a contract
    /// is signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late_fees: Option<YesNoUnsure>,
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
/// the quiz asks them. `late_fees` is asked only when a contract is signed (see
/// [`Context::asks`]).
pub const CHOICE_CONTEXTS: [&str; 7] =
    ["contract", "late_fees", "open_work", "unpaid", "income_share", "repair_tried", "tenure"];

/// The value ids a choice context question accepts, or `None` for an unknown id.
pub fn context_values(id: &str) -> Option<&'static [&'static str]> {
    Some(match id {
        "contract" => &Contract::IDS,
        "late_fees" => &YesNoUnsure::IDS,
        "open_work" | "unpaid" | "repair_tried" => &YesNo::IDS,
        "income_share" => &IncomeShare::IDS,
        "tenure" => &Tenure::IDS,
        _ => return None,
    })
}

impl Contract {
    /// A contract is signed (fixed-term or open-ended).
    pub fn signed(self) -> bool {
        matches!(self, Contract::FixedTerm | Contract::OpenEnded)
    }
}

impl Context {
    /// The chosen value id of a choice context question.
    pub fn value(&self, id: &str) -> Option<&'static str> {
        match id {
            "contract" => self.contract.map(Contract::id),
            "late_fees" => self.late_fees.map(YesNoUnsure::id),
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
            "late_fees" => put(&mut self.late_fees, YesNoUnsure::parse(value)),
            "open_work" => put(&mut self.open_work, YesNo::parse(value)),
            "unpaid" => put(&mut self.unpaid, YesNo::parse(value)),
            "income_share" => put(&mut self.income_share, IncomeShare::parse(value)),
            "repair_tried" => put(&mut self.repair_tried, YesNo::parse(value)),
            "tenure" => put(&mut self.tenure, Tenure::parse(value)),
            _ => false,
        }
    }

    /// Which context questions the quiz shows for the answers so far: the contract's end
    /// date only for a fixed term, its notice for a signed contract, late fees only when
    /// something is signed. Everything else is always asked.
    pub fn asks(&self, id: &str) -> bool {
        let signed = self.contract.is_some_and(Contract::signed);
        match id {
            "contract_end" => self.contract == Some(Contract::FixedTerm),
            "notice_days" | "late_fees" => signed,
            _ => true,
        }
    }

    /// The contract's end date, only where the contract is a fixed term.
    pub fn fixed_end(&self) -> Option<Day> {
        self.contract_end.filter(|_| self.contract == Some(Contract::FixedTerm))
    }

    /// The notice the contract asks for, only where a contract is signed and the visitor
    /// gave it.
    pub fn contract_notice(&self) -> Option<u16> {
        self.notice_days.filter(|_| self.contract.is_some_and(Contract::signed))
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
