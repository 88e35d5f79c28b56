//! The format of the progress kept in `localStorage`: one versioned key per widget
//! instance. Reading is defensive: anything that is not a format this widget knows is
//! reported as such so the caller can discard it, and what is read is sanitized.
//!
//! ## Versions
//! - **v3** (current): `{ "v": 3, "quiz": Quiz }`. v2 and, in the quiz, the rate inputs
//!   (`answers.rate`), the previous check a re-check compares with (`answers.prior`),
//!   the saved clients (`history`, see [`crate::history`]) and which client and check
//!   this one is (`client`, `check`). One key per instance holds it all, so "forget
//!   everything" is one removal.
//! - **v2**: `{ "v": 2, "quiz": Quiz }`. The quiz holds the answers, the step and the
//!   plan inputs (the client's nickname and the letter's addressee among them); nothing
//!   is stored twice. The contract is one of `fixed_term` (with its end date),
//!   `open_ended` (with its notice, when known), `none` or `unsure`. Every v2 field has
//!   the same name and meaning in v3, and v3's new ones default to empty, so a v2 entry
//!   reads as a v3 quiz unchanged.
//! - **v1**: `{ "v": 1, "quiz": { step, answers, nickname, editing }, "plan": { nickname,
//!   today, contract_end, notice_days, prefer_contract_end, open_deliverables,
//!   unpaid_amount_cents, currency, channel } | null }`. Read through [`migrate_v1`]:
//!   the plan's contract end and notice period (which overrode the quiz's answers in
//!   the plan) become the context answers, the nickname moves into the plan inputs, and
//!   v1's `contract: "signed"` becomes a fixed term where an end date was given, else an
//!   open-ended contract (its notice, if given, kept as the contract's notice).
//!
//! Every version keeps fixtures in `tests/fixtures/stored/v<N>-<what>.json`.

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use crate::assessment::context::{Contract, IncomeShare, Tenure, YesNo};
use crate::assessment::{Answer, Answers, Context};
use crate::dates::Day;
use crate::plan::{Channel, PlanInputs};
use crate::quiz::{Quiz, Step};

/// Bump when the stored shape changes; keep a fixture of every shipped version under
/// `tests/fixtures/stored/` and a migration (or a clean discard) for it here.
pub const VERSION: u32 = 3;
const PREFIX: &str = "client-checkup";
/// Stored entries larger than this are not ours (or are corrupted): discard them.
pub const MAX_BYTES: usize = 1 << 20;

/// The storage key for a widget instance: `client-checkup:v3:<namespace>`.
pub fn key(namespace: &str) -> String {
    key_of(VERSION, namespace)
}

fn key_of(version: u32, namespace: &str) -> String {
    format!("{PREFIX}:v{version}:{namespace}")
}

/// The keys of the older versions this widget can still read, newest first, so the
/// caller can look for a returning visitor's progress under them.
pub fn older_keys(namespace: &str) -> Vec<String> {
    (1..VERSION).rev().map(|v| key_of(v, namespace)).collect()
}

/// Whether a storage key belongs to this widget (any version), so older entries can be
/// cleaned up and "forget my answers" can find them all.
pub fn is_ours(key: &str) -> bool {
    key.strip_prefix(PREFIX).is_some_and(|rest| rest.starts_with(":v"))
}

#[derive(Debug, PartialEq, Eq)]
pub enum Rejected {
    TooLarge,
    /// Written by a version of the widget this one cannot read (a newer one, usually).
    OtherVersion(u32),
    /// Not JSON, or not the shape its version says.
    Corrupt,
}

/// Serialises the progress in the current format.
pub fn encode(quiz: &Quiz) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        v: u32,
        quiz: &'a Quiz,
    }
    serde_json::to_string(&Out { v: VERSION, quiz }).unwrap_or_default()
}

/// Reads stored progress of any known version; the quiz comes back sanitized (see
/// [`Quiz::sanitized`]), so every field is bounded.
pub fn restore(text: &str) -> Result<Quiz, Rejected> {
    if text.len() > MAX_BYTES {
        return Err(Rejected::TooLarge);
    }
    #[derive(Deserialize)]
    struct Probe {
        v: u32,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|_| Rejected::Corrupt)?;
    let quiz = match probe.v {
        // v2 is v3 without the rate, the prior check and the history.
        2 | VERSION => {
            #[derive(Deserialize)]
            struct Current {
                quiz: Quiz,
            }
            serde_json::from_str::<Current>(text).map_err(|_| Rejected::Corrupt)?.quiz
        }
        1 => migrate_v1(serde_json::from_str(text).map_err(|_| Rejected::Corrupt)?),
        other => return Err(Rejected::OtherVersion(other)),
    };
    Ok(quiz.sanitized())
}

/// The v1 format, exactly as v1 wrote it.
#[derive(Deserialize)]
struct V1 {
    quiz: V1Quiz,
    plan: Option<V1Plan>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct V1Quiz {
    step: Step,
    answers: V1Answers,
    nickname: String,
    editing: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct V1Answers {
    ratings: BTreeMap<String, Answer>,
    context: V1Context,
}

/// v1's contract answer.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum V1Contract {
    Signed,
    None,
    Unsure,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct V1Context {
    contract: Option<V1Contract>,
    contract_end: Option<Day>,
    notice_days: Option<u16>,
    open_work: Option<YesNo>,
    unpaid: Option<YesNo>,
    income_share: Option<IncomeShare>,
    repair_tried: Option<YesNo>,
    tenure: Option<Tenure>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct V1Plan {
    nickname: String,
    today: Option<Day>,
    contract_end: Option<Day>,
    notice_days: Option<u16>,
    prefer_contract_end: bool,
    open_deliverables: Vec<String>,
    unpaid_amount_cents: Option<u64>,
    currency: String,
    channel: Channel,
}

/// v1 → current. Nothing the visitor gave is lost: the plan's own contract end and
/// notice period were what the v1 plan used, so they become the context answers; the
/// quiz's nickname (the one the visitor typed first) wins over the plan's copy of it.
fn migrate_v1(old: V1) -> Quiz {
    let V1 { quiz, plan } = old;
    let plan = plan.unwrap_or_default();
    let old = quiz.answers.context;
    let contract_end = plan.contract_end.or(old.contract_end);
    let contract = old.contract.map(|c| match c {
        V1Contract::Signed if contract_end.is_some() => Contract::FixedTerm,
        V1Contract::Signed => Contract::OpenEnded,
        V1Contract::None => Contract::None,
        V1Contract::Unsure => Contract::Unsure,
    });
    let answers = Answers {
        ratings: quiz.answers.ratings,
        context: Context {
            contract,
            contract_end,
            notice_days: plan.notice_days.or(old.notice_days),
            late_fees: None,
            open_work: old.open_work,
            unpaid: old.unpaid,
            income_share: old.income_share,
            repair_tried: old.repair_tried,
            tenure: old.tenure,
        },
        ..Answers::default()
    };
    let nickname = if quiz.nickname.trim().is_empty() { plan.nickname } else { quiz.nickname };
    Quiz {
        step: quiz.step,
        answers,
        editing: quiz.editing,
        plan: PlanInputs {
            nickname,
            today: plan.today,
            prefer_contract_end: plan.prefer_contract_end,
            open_deliverables: plan.open_deliverables,
            unpaid_amount_cents: plan.unpaid_amount_cents,
            currency: plan.currency,
            channel: plan.channel,
            ..PlanInputs::default()
        },
        ..Quiz::default()
    }
}
