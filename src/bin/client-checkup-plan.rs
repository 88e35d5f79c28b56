//! The plan module: the second wasm module, fetched while the visitor answers the quiz.
//! It builds the dated plan and writes its files; the screens call it through
//! `edge::plan_module`. It also offers the widget's options parser to the embed builder. Every function is a thin wrapper over `client_checkup::plan_module`,
//! which is tested natively.

#[cfg(target_arch = "wasm32")]
mod exports {
    use client_checkup::plan_module;
    use wasm_bindgen::prelude::*;

    fn err(e: String) -> JsValue {
        JsValue::from_str(&e)
    }

    /// A plan request (JSON) → the plan (JSON).
    #[wasm_bindgen]
    pub fn plan(request: &str) -> Result<String, JsValue> {
        plan_module::plan(request).map_err(err)
    }

    /// A plan (JSON) → its file in `format` (`md`, `ics`, `pdf`).
    #[wasm_bindgen]
    pub fn render(plan: &str, format: &str, font: &[u8]) -> Result<Vec<u8>, JsValue> {
        plan_module::render(plan, format, font).map_err(err)
    }

    /// The name a plan's file in `format` is saved under.
    #[wasm_bindgen]
    pub fn file_name(plan: &str, format: &str) -> Result<String, JsValue> {
        plan_module::file_name(plan, format).map_err(err)
    }

    /// Raw option values (a JSON object, name → string or null) → the options the widget
    /// reads from them, its warnings and the option names (JSON): for the embed builder.
    #[wasm_bindgen]
    pub fn parse_options(raw: &str) -> Result<String, JsValue> {
        plan_module::parse_options(raw).map_err(err)
    }

    /// Installs a fetched language: its meta and every catalog part, in order.
    #[wasm_bindgen]
    pub fn install_language(lang: &str, meta: &str, parts: Vec<String>) -> Result<(), JsValue> {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        plan_module::install_language(lang, meta, &parts).map_err(err)
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    client_checkup::i18n::catalog::install_english_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("client-checkup-plan is the widget's second wasm module: `trunk build` builds it (see README).");
}
