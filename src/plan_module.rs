//! What the screens and the plan module say to each other.
//!
//! The widget is two wasm modules. The first (the quiz, the result and the plan screens)
//! is all the first question needs. The second, the plan module, builds the dated plan and
//! renders its files (Markdown, iCalendar, PDF): code and texts (the advice, the plan's
//! sentences, the PDF writer) that no visitor needs before the result, fetched when the
//! quiz is under way. This is its interface as plain functions over JSON text, so the same
//! code runs natively in the tests and behind `#[wasm_bindgen]` in
//! `src/bin/client-checkup-plan.rs`.

use serde::{Deserialize, Serialize};

use crate::assessment::{Answers, Assessment, MODEL};
use crate::i18n::catalog;
use crate::i18n::Lang;
use crate::options;
use crate::plan::{build_plan, Plan, PlanInputs};
use crate::render::filename::plan_file_name;
use crate::render::{ics, markdown, pdf};

/// Everything a plan is built from. The inputs carry the day the plan starts (the
/// screens fill in the browser's date).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanRequest {
    pub assessment: Assessment,
    pub answers: Answers,
    pub inputs: PlanInputs,
    pub lang: Lang,
}

impl PlanRequest {
    /// The request the result screen makes: the visitor's inputs dated `today` (unless
    /// they gave a start day) and pointing back to `page`.
    pub fn new(
        assessment: Assessment,
        answers: Answers,
        inputs: PlanInputs,
        today: Option<crate::dates::Day>,
        page: &str,
        lang: Lang,
    ) -> PlanRequest {
        PlanRequest { assessment, answers, inputs: inputs.dated(today).on_page(page), lang }
    }
}

/// The formats [`render`] writes.
pub const FORMATS: [&str; 3] = ["md", "ics", "pdf"];

/// Builds the plan for a request; the plan comes back as JSON.
pub fn plan(request: &str) -> Result<String, String> {
    let r: PlanRequest = serde_json::from_str(request).map_err(|e| format!("plan request: {e}"))?;
    let plan = build_plan(&MODEL, &r.assessment, &r.answers, &r.inputs, r.lang);
    serde_json::to_string(&plan).map_err(|e| e.to_string())
}

fn read(plan: &str) -> Result<Plan, String> {
    serde_json::from_str(plan).map_err(|e| format!("plan: {e}"))
}

/// A plan's file in `format`: `md`, `ics`, or `pdf` (with the font's bytes; the other
/// formats ignore `font`).
pub fn render(plan: &str, format: &str, font: &[u8]) -> Result<Vec<u8>, String> {
    let plan = read(plan)?;
    Ok(match format {
        "md" => markdown::markdown(&plan.document).into_bytes(),
        "ics" => ics::ics(&plan, plan.lang, &plan.nickname).into_bytes(),
        "pdf" => {
            pdf::pdf(&plan.document, font, plan.lang.catalog().meta.paper, plan.lang.id()).map_err(|e| e.to_string())?
        }
        other => return Err(format!("unknown format {other}")),
    })
}

/// The widget's options parser, for the embed builder: `raw` is a JSON object of raw
/// values by option name (a string, or null/absent when not set), the answer what
/// [`options::parse`] makes of them ([`options::to_json`]). It lives in this module, not
/// the quiz module, so the builder's needs add nothing to what every blog loads first.
pub fn parse_options(raw: &str) -> Result<String, String> {
    let raw: std::collections::BTreeMap<String, Option<String>> =
        serde_json::from_str(raw).map_err(|e| format!("options: {e}"))?;
    let (opts, warnings) = options::parse(|name| raw.get(name).cloned().flatten());
    Ok(options::to_json(&opts, &warnings))
}

/// The name a plan's file in `format` is saved under.
pub fn file_name(plan: &str, format: &str) -> Result<String, String> {
    Ok(plan_file_name(&read(plan)?, format))
}

/// Installs a language the screens fetched, with its advice and plan texts (every part of
/// [`catalog::PARTS`], in order).
pub fn install_language(lang: &str, meta: &str, parts: &[&str]) -> Result<(), String> {
    let lang = Lang::parse(lang).ok_or_else(|| format!("unknown language {lang}"))?;
    if parts.len() != catalog::PARTS.len() {
        return Err(format!("{}: {} catalog parts, expected {}", lang.id(), parts.len(), catalog::PARTS.len()));
    }
    catalog::install(lang, meta, parts)
}
