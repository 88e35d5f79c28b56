//! The case table: realistic clients a freelancer can read (`tests/cases/clients.json`),
//! each with its answers, context, the verdict an experienced freelancer would give, and
//! what its plan must and must not contain. Every case runs in every language: the
//! structure may not depend on the language, and no text may leak a catalog key.
//!
//! In `must` / `must_not`: `rule.<id>` (a reason given), `move.<id>` or `exit.<id>` (the
//! guidance), `milestone.<id>` (a dated step), `talk.<id>` (a talking point),
//! `letter.<id>` (a part of the notice), `basis.<id>` (where the notice comes from).
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use client_checkup::assessment::rate::{PayBasis, RateInputs};
use client_checkup::assessment::{assess, Answer, Answers, Prior, Verdict, MODEL};
use client_checkup::dates::Day;
use client_checkup::i18n::Lang;
use client_checkup::plan::{build_plan, Channel, Plan, PlanInputs};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    #[serde(default)]
    note: String,
    /// Question id → 0..4 or "na"; every other question is "never".
    answers: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    context: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    inputs: Inputs,
    /// What the client pays and the hours it takes, in plain units.
    #[serde(default)]
    rate: Option<CaseRate>,
    /// The client's previous check, for a re-check.
    #[serde(default)]
    prior: Option<Prior>,
    verdict: Verdict,
    #[serde(default)]
    must: Vec<String>,
    #[serde(default)]
    must_not: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Inputs {
    today: Option<Day>,
    nickname: Option<String>,
    addressee: Option<String>,
    unpaid_amount: Option<u64>,
    currency: Option<String>,
    channel: Option<Channel>,
    prefer_contract_end: Option<bool>,
    deliverables: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseRate {
    #[serde(default)]
    basis: PayBasis,
    pay: u64,
    #[serde(default)]
    weeks: Option<u16>,
    /// Hours by kind: billed, calls, messages, revisions, chasing.
    hours: [f64; 5],
    #[serde(default)]
    usual: Option<u64>,
}

fn load() -> Vec<Case> {
    let text = include_str!("cases/clients.json");
    serde_json::from_str(text).unwrap_or_else(|e| panic!("tests/cases/clients.json: {e}"))
}

fn answers(case: &Case) -> Answers {
    let mut a = Answers::default();
    for q in MODEL.questions() {
        a.set(&q.id, Answer::parse("0").unwrap());
    }
    for (q, v) in &case.answers {
        let v = match v {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s.clone(),
            other => panic!("{}: {q} = {other}", case.name),
        };
        assert!(a.set(q, Answer::parse(&v).unwrap_or_else(|| panic!("{}: {q}={v}", case.name))), "{}: {q}", case.name);
    }
    for (k, v) in &case.context {
        match (k.as_str(), v) {
            ("contract_end", serde_json::Value::String(d)) => a.context.contract_end = Day::parse_iso(d),
            ("notice_days", serde_json::Value::Number(n)) => a.context.notice_days = n.as_u64().map(|n| n as u16),
            (id, serde_json::Value::String(value)) => {
                assert!(a.context.set(id, value), "{}: context {id}={value}", case.name)
            }
            (id, other) => panic!("{}: context {id}={other}", case.name),
        }
    }
    if let Some(r) = &case.rate {
        a.rate = RateInputs {
            basis: r.basis,
            pay_cents: Some(r.pay * 100),
            weeks: r.weeks,
            hours: r.hours.map(|h| Some((h * 10.0).round() as u32)),
            usual_cents: r.usual.map(|u| u * 100),
        };
    }
    a.prior = case.prior;
    a
}

fn inputs(case: &Case) -> PlanInputs {
    let i = &case.inputs;
    PlanInputs {
        nickname: i.nickname.clone().unwrap_or_default(),
        addressee: i.addressee.clone().unwrap_or_default(),
        today: Some(i.today.unwrap_or_else(|| Day::parse_iso("2026-11-20").unwrap())),
        prefer_contract_end: i.prefer_contract_end.unwrap_or(false),
        open_deliverables: i.deliverables.clone().unwrap_or_default(),
        unpaid_amount_cents: i.unpaid_amount.map(|a| a * 100),
        currency: i.currency.clone().unwrap_or_default(),
        channel: i.channel.unwrap_or_default(),
        page: String::new(),
    }
}

/// Every structural id the plan carries, namespaced as the table writes them.
fn facts(plan: &Plan, rules: &[client_checkup::assessment::RuleId]) -> Vec<String> {
    let mut out: Vec<String> = rules.iter().map(|r| format!("rule.{r}")).collect();
    let prefix = if plan.kind == client_checkup::plan::PlanKind::Exit { "exit" } else { "move" };
    out.extend(plan.guidance.iter().map(|g| format!("{prefix}.{g}")));
    out.extend(plan.milestones.iter().map(|m| format!("milestone.{}", m.id)));
    out.extend(plan.talking_point_ids.iter().map(|t| format!("talk.{t}")));
    out.extend(plan.letter_parts.iter().map(|p| format!("letter.{p}")));
    if let Some(t) = plan.terms {
        out.push(format!("basis.{}", t.basis));
    }
    out
}

#[test]
fn the_table_has_at_least_thirty_clients_from_every_article() {
    let cases = load();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    for source in ["[000]", "[001]", "[002]", "[003]", "[004]", "[issue]"] {
        assert!(cases.iter().any(|c| c.name.contains(source) || c.note.contains(source)), "no case from {source}");
    }
    for v in Verdict::ALL {
        assert!(cases.iter().any(|c| c.verdict == v), "no case for {v}");
    }
}

#[test]
fn every_client_gets_the_expected_verdict_and_plan() {
    let mut wrong = Vec::new();
    for case in load() {
        let a = answers(&case);
        let assessment = assess(&MODEL, &a);
        if assessment.verdict != case.verdict {
            wrong.push(format!(
                "{}: expected {}, got {} (overall {}, rules {:?})",
                case.name, case.verdict, assessment.verdict, assessment.overall, assessment.rules
            ));
            continue;
        }
        let en = build_plan(&MODEL, &assessment, &a, &inputs(&case), Lang::En);
        let have = facts(&en, &assessment.rules);
        for m in &case.must {
            if !have.contains(m) {
                wrong.push(format!("{}: lacks {m}; has {have:?}", case.name));
            }
        }
        for m in &case.must_not {
            if have.contains(m) {
                wrong.push(format!("{}: must not have {m}", case.name));
            }
        }
        for lang in Lang::ALL {
            let plan = build_plan(&MODEL, &assessment, &a, &inputs(&case), lang);
            if facts(&plan, &assessment.rules) != have {
                wrong.push(format!("{}: {} has another structure than English", case.name, lang.id()));
            }
            let mut text = plan.document.plain_text();
            text.push_str(plan.notice_draft.as_deref().unwrap_or(""));
            text.push_str(&plan.talking_points.join("\n"));
            if text.replace("...", "").contains("..") {
                wrong.push(format!("{} ({}): a sentence ends twice", case.name, lang.id()));
            }
            if let Some(leak) = leaked_key(&text) {
                wrong.push(format!("{} ({}): leaked {leak:?}", case.name, lang.id()));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// A catalog key or an unfilled placeholder left in a text.
fn leaked_key(text: &str) -> Option<String> {
    if let Some(i) = text.find('{') {
        return Some(text[i..].chars().take(30).collect());
    }
    for prefix in ["plan.", "move.", "exit.", "rule.", "verdict.", "signal.", "q."] {
        for (i, _) in text.match_indices(prefix) {
            let before = text[..i].chars().next_back();
            let after = text[i + prefix.len()..].chars().next();
            if before.is_none_or(|c| !c.is_alphanumeric()) && after.is_some_and(|c| c.is_ascii_lowercase()) {
                return Some(text[i..].chars().take(30).collect());
            }
        }
    }
    None
}
