//! The plan's texts: golden files in every language, determinism, and the catalog (every
//! text comes from it, every plan key is used). Golden files live in
//! `tests/golden/<case>.<lang>.{md,ics}`; regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test plan_text`, then read them.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[allow(unused_imports)]
use std::path::{Path, PathBuf};
#[allow(unused_imports)]
use std::process::Command;

#[allow(unused_imports)]
use client_checkup::assessment::context::{Contract, IncomeShare, Tenure, YesNo};
#[allow(unused_imports)]
use client_checkup::assessment::rate::{PayBasis, RateInputs};
#[allow(unused_imports)]
use client_checkup::assessment::{assess, Answer, Answers, Rating, Verdict, MODEL};
use client_checkup::document::Block;
#[allow(unused_imports)]
use client_checkup::i18n::catalog::sources;
use client_checkup::i18n::Lang;
#[allow(unused_imports)]
use client_checkup::plan::{build_plan, Channel, MilestoneId, Plan, PlanInputs, PlanKind};
#[allow(unused_imports)]
use client_checkup::render::filename::plan_file_name;
#[allow(unused_imports)]
use client_checkup::render::ics::{ics, MAX_LINE_OCTETS};
#[allow(unused_imports)]
use client_checkup::render::markdown::markdown;
use common::fixtures::*;
#[allow(unused_imports)]
use proptest::prelude::*;
// (a) Golden files

fn check_golden(path: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("golden dir")).map_err(|e| e.to_string())?;
        std::fs::write(path, actual).map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: {e} (run UPDATE_GOLDEN=1 cargo test --test plan)", path.display()))?;
    if expected == actual {
        return Ok(());
    }
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.lines().count().min(actual.lines().count()));
    let actual_path =
        path.with_extension(format!("{}.actual", path.extension().and_then(|e| e.to_str()).unwrap_or("")));
    let _ = std::fs::write(&actual_path, actual);
    Err(format!(
        "{} differs from the rendering at line {} (written to {}):\n  expected: {:?}\n  actual:   {:?}",
        path.display(),
        line + 1,
        actual_path.display(),
        expected.lines().nth(line).unwrap_or("<end>"),
        actual.lines().nth(line).unwrap_or("<end>"),
    ))
}

#[test]
fn golden_files_in_every_language() {
    let dir = manifest_dir().join("tests/golden");
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        for (name, a, inputs, verdict) in golden_cases() {
            let plan = plan_for(&a, &inputs, lang);
            assert_eq!(plan.verdict, verdict, "{name}: the fixture must reach {verdict:?}");
            let stem = format!("{name}.{}", lang.id());
            let renderings = [("md", markdown(&plan.document)), ("ics", ics(&plan, lang, &plan.nickname))];
            for (ext, text) in renderings {
                if let Err(e) = check_golden(&dir.join(format!("{stem}.{ext}")), &text) {
                    failures.push(e);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn renderings_are_deterministic() {
    for (_, a, inputs, _) in golden_cases() {
        let one = plan_for(&a, &inputs, Lang::En);
        let two = plan_for(&a, &inputs, Lang::En);
        assert_eq!(one, two);
        assert_eq!(ics(&one, Lang::En, "seed"), ics(&two, Lang::En, "seed"));
    }
}

// ---------------------------------------------------------------------------------------
// The catalog: every text found, every plan key used

/// Plans covering every branch of the builders.
fn plan_matrix() -> Vec<Plan> {
    let base = PlanInputs { today: Some(day("2026-11-20")), ..PlanInputs::default() };
    let mut plans = Vec::new();
    for (_, a, inputs, _) in golden_cases() {
        plans.push(plan_for(&a, &inputs, Lang::En));
        plans.push(plan_for(&a, &base, Lang::En));
    }
    for channel in Channel::ALL {
        let inputs = PlanInputs { channel, ..base.clone() };
        let with_money = PlanInputs { unpaid_amount_cents: Some(99), currency: String::new(), ..inputs.clone() };
        for mut a in [exit_answers(), repair_answers(), abuse_answers()] {
            a.context.notice_days = Some(1);
            plans.push(plan_for(&a, &inputs, Lang::En));
            plans.push(plan_for(&a, &with_money, Lang::En));
        }
    }
    let mut signed_no_end = exit_answers();
    signed_no_end.context.contract_end = None;
    signed_no_end.context.open_work = None;
    plans.push(plan_for(&signed_no_end, &base, Lang::En));
    let signals = [
        "time_drain",
        "dismisses_advice",
        "low_respect",
        "poor_communication",
        "stalled",
        "negativity",
        "losing_money",
        "abuse",
    ];
    for signal in signals {
        // Every signal at "sometimes", then as the strongest of many after a failed repair.
        plans.push(plan_for(&answers(&[(signal, 2), ("losing_money.no_pay", 0)], &[]), &base, Lang::En));
        let mut ratings: Vec<(&str, u8)> = signals.iter().map(|s| (*s, 2)).collect();
        ratings.extend([("losing_money.no_pay", 0), ("abuse", 0), (signal, 4)]);
        let plan = plan_for(&answers(&ratings, &[("repair_tried", "yes")]), &base, Lang::En);
        assert_eq!(plan.verdict, Verdict::Exit, "{signal}");
        plans.push(plan);
    }
    // Every question on its own, at "often" and "always", in every channel.
    for q in MODEL.questions() {
        for level in [1, 3, 4] {
            for channel in Channel::ALL {
                plans.push(plan_for(
                    &answers(&[(q.id.as_str(), level)], &[]),
                    &PlanInputs { channel, ..base.clone() },
                    Lang::En,
                ));
            }
        }
    }
    // What the client really pays, per month and per project, in every kind of plan.
    for (basis, hours) in [(PayBasis::Month, [300, 80, 60, 40, 20]), (PayBasis::Project, [300, 0, 10, 40, 90])] {
        let rate = RateInputs {
            basis,
            pay_cents: Some(150_000),
            weeks: Some(10),
            hours: hours.map(Some),
            usual_cents: Some(6_000),
        };
        for mut a in [keep_answers(), watch_answers(), repair_answers(), exit_answers()] {
            a.rate = rate.clone();
            a.context.income_share = Some(IncomeShare::Gt60);
            plans.push(plan_for(&a, &base, Lang::En));
        }
    }
    let owed = PlanInputs { unpaid_amount_cents: Some(5_000), currency: "EUR".into(), ..base.clone() };
    plans.push(plan_for(&keep_answers(), &owed, Lang::En));
    plans.push(plan_for(&answers(&[("negativity.dread", 3), ("losing_money.pays_late", 3)], &[]), &base, Lang::En));
    plans.push(plan_for(&watch_answers(), &owed, Lang::En));
    // Every contract situation in an exit, with and without money owed or a name.
    let exit_base = [("time_drain", 4), ("losing_money.scope_creep", 4), ("stalled", 4)];
    for contract in ["fixed_term", "open_ended", "none", "unsure"] {
        for (notice, end) in [
            (None, None),
            (Some(14), None),
            (None, Some("2027-03-31")),
            (Some(14), Some("2027-03-31")),
            (Some(30), Some("2026-12-01")),
            (Some(1), None),
        ] {
            for fees in ["yes", "no"] {
                let mut a = answers(
                    &exit_base,
                    &[("contract", contract), ("repair_tried", "yes"), ("late_fees", fees), ("unpaid", fees)],
                );
                a.context.notice_days = notice;
                a.context.contract_end = end.map(day);
                plans.push(plan_for(&a, &base, Lang::En));
                let named =
                    PlanInputs { addressee: "Ms Doe".into(), open_deliverables: vec!["Logo".into()], ..base.clone() };
                plans.push(plan_for(&a, &named, Lang::En));
            }
        }
    }
    plans
}

fn corpus(plans: &[Plan]) -> String {
    let mut all = String::new();
    for plan in plans {
        all.push_str(&plan.document.plain_text());
        for m in &plan.milestones {
            all.push_str(&format!("\n{}\n{}\n", m.title, m.detail));
        }
        all.push_str(&plan.talking_points.join("\n"));
        all.push_str(plan.notice_draft.as_deref().unwrap_or(""));
        for ext in ["md", "ics"] {
            all.push_str(&format!("\n{}\n", plan_file_name(plan, ext)));
        }
    }
    all
}

#[test]
fn every_text_comes_from_the_catalog() {
    let plans = plan_matrix();
    let verdicts: std::collections::BTreeSet<_> = plans.iter().map(|p| p.verdict).collect();
    assert_eq!(verdicts.len(), 4, "the matrix covers every verdict: {verdicts:?}");
    let text = corpus(&plans);
    for prefix in ["plan.", "verdict.", "rule.", "signal.", "move.", "exit."] {
        for (i, _) in text.match_indices(prefix) {
            let before = text[..i].chars().next_back();
            let after = text[i + prefix.len()..].chars().next();
            let looks_like_key =
                before.is_none_or(|c| !c.is_alphanumeric()) && after.is_some_and(|c| c.is_ascii_lowercase());
            assert!(
                !looks_like_key,
                "a catalog key leaked into the plan near {:?}",
                &text[i..(i + 40).min(text.len())]
            );
        }
    }
    assert!(!text.contains('{') && !text.contains('}'), "an unfilled placeholder");
}

#[test]
fn every_plan_key_is_used() {
    let text = corpus(&plan_matrix());
    let en: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(sources(Lang::En).expect("built in").1[3]).expect("en plan.json");
    for (key, value) in en {
        assert!(key.starts_with("plan."), "{key}: plan keys start with plan.");
        let forms: Vec<String> = match value {
            serde_json::Value::String(s) => vec![s],
            serde_json::Value::Object(forms) => forms.values().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
            other => panic!("{key}: {other}"),
        };
        for form in forms {
            // The longest run of fixed text between placeholders must show up somewhere.
            let fixed = form.split(['{', '}']).step_by(2).max_by_key(|s| s.len()).unwrap_or_default().to_owned();
            let fixed = if key.starts_with("plan.file.") { fixed.replace(' ', "-") } else { fixed };
            assert!(text.contains(&fixed), "{key} is never used ({fixed:?})");
        }
    }
}

/// A screen shows the frame (verdict, why, the dated steps) from the plan's fields and
/// the rest as the plan's own sections: together they are the whole document, each
/// block once, and every section has a title.
#[test]
fn the_frame_and_the_sections_are_the_whole_document() {
    for (name, a, inputs, _) in golden_cases() {
        for lang in Lang::ALL {
            let plan = plan_for(&a, &inputs, lang);
            let sections = plan.sections();
            let shown: usize = sections.iter().map(|(_, blocks)| blocks.len() + 1).sum();
            assert_eq!(plan.sections_start + shown, plan.document.blocks.len(), "{name} {lang}");
            assert!(sections.iter().all(|(title, _)| !title.trim().is_empty()), "{name} {lang}");
            let frame = &plan.document.blocks[..plan.sections_start];
            let dated = frame.iter().filter(|b| matches!(b, Block::Dated { .. })).count();
            assert_eq!(dated, plan.milestones.len(), "{name} {lang}: every dated step is in the frame");
        }
    }
}

/// A nickname the visitor already quoted is not quoted again: «ООО «Ромашка»», not
/// ««ООО «Ромашка»»»; an unquoted one gets the language's quotes.
#[test]
fn quoted_nicknames_are_not_quoted_twice() {
    use client_checkup::plan::client_text;
    let quoted = client_text(Lang::Ru, "verdict.exit.sentence", "ООО «Ромашка»");
    assert!(quoted.contains("ООО «Ромашка»") && !quoted.contains("«ООО"), "{quoted}");
    let plain = client_text(Lang::Cs, "verdict.exit.sentence", "Acme");
    assert!(plain.contains("„Acme“"), "{plain}");
    let plan = plan_for(&exit_answers(), &PlanInputs { nickname: "\"Acme\" Ltd".into(), ..exit_inputs() }, Lang::Pl);
    assert!(!plan.document.plain_text().contains("„\"Acme"), "{}", plan.document.title);
}
