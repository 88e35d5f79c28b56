//! The plan module, the widget's second wasm module (see [`crate::plan_module`]): found
//! where the loader says, fetched and compiled once per page (and shared by every widget on
//! it), and called with JSON. The screens prefetch it while the visitor answers, so it is
//! there by the time the result needs it.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::assets;
use crate::i18n::Lang;
use crate::plan::Plan;
use crate::plan_module::PlanRequest;

#[wasm_bindgen(inline_js = "
export function load_plan_module(glue, wasm) {
  return import(glue).then(async (m) => { await m.default({ module_or_path: wasm }); return m; });
}")]
extern "C" {
    fn load_plan_module(glue: &str, wasm: &str) -> Promise;
}

thread_local! {
    /// The module's glue and wasm URLs, from the loader.
    static URLS: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
    /// The module, once it was asked for: a promise of its exports.
    static MODULE: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// The languages this widget has handed to the module.
    static INSTALLED: RefCell<Vec<Lang>> = const { RefCell::new(Vec::new()) };
    /// The last plan built: its request (as sent) and the plan, so that a plan built
    /// ahead (on the review) is there at once for the result.
    static BUILT: RefCell<Option<Built>> = const { RefCell::new(None) };
}

/// A plan built: the request as sent, the plan and its JSON.
type Built = (String, Rc<Plan>, Rc<str>);

/// Where the plan module is (absolute URLs of its JS glue and its wasm).
pub fn configure(glue: String, wasm: String) {
    URLS.with(|u| *u.borrow_mut() = Some((glue, wasm)));
}

fn exports() -> Result<Promise, String> {
    MODULE.with(|m| {
        let mut m = m.borrow_mut();
        if let Some(p) = m.as_ref() {
            return Ok(p.clone());
        }
        let (glue, wasm) = URLS.with(|u| u.borrow().clone()).ok_or("the plan module's location is unknown")?;
        let p = load_plan_module(&glue, &wasm);
        *m = Some(p.clone());
        Ok(p)
    })
}

/// Starts fetching and compiling the module, if it is not under way already.
pub fn prefetch() {
    let _ = exports();
}

async fn module() -> Result<JsValue, String> {
    JsFuture::from(exports()?).await.map_err(|e| format!("the plan module did not load: {}", describe(&e)))
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| "unknown error".into())
}

fn call(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let f: Function =
        Reflect::get(module, &JsValue::from_str(name)).ok().and_then(|f| f.dyn_into().ok()).ok_or("no such export")?;
    f.apply(&JsValue::NULL, &args.iter().collect::<Array>()).map_err(|e| format!("{name}: {}", describe(&e)))
}

/// Gives the module a language it does not carry: the screens' parts this widget fetched,
/// plus the advice and plan texts, fetched now.
async fn ensure_language(module: &JsValue, lang: Lang) -> Result<(), String> {
    if lang == Lang::En || INSTALLED.with(|i| i.borrow().contains(&lang)) {
        return Ok(());
    }
    let (meta, parts) = assets::language_parts(lang, true).await?;
    let parts: Array = parts.iter().map(|p| JsValue::from_str(p)).collect();
    call(module, "install_language", &[JsValue::from_str(lang.id()), JsValue::from_str(&meta), parts.into()])?;
    INSTALLED.with(|i| i.borrow_mut().push(lang));
    Ok(())
}

/// Builds a plan: the plan itself for the screen, and its JSON for the files. The same
/// request as the last one is answered from memory.
pub async fn plan(request: &PlanRequest) -> Result<(Rc<Plan>, Rc<str>), String> {
    let body = serde_json::to_string(request).map_err(|e| e.to_string())?;
    let same = |built: &Option<Built>| built.as_ref().filter(|b| b.0 == body).map(|b| (b.1.clone(), b.2.clone()));
    if let Some(built) = BUILT.with(|b| same(&b.borrow())) {
        return Ok(built);
    }
    let module = module().await?;
    ensure_language(&module, request.lang).await?;
    let json = call(&module, "plan", &[JsValue::from_str(&body)])?.as_string().ok_or("the plan is not text")?;
    let plan: Rc<Plan> = Rc::new(serde_json::from_str(&json).map_err(|e| format!("plan: {e}"))?);
    let json: Rc<str> = json.into();
    BUILT.with(|b| *b.borrow_mut() = Some((body, plan.clone(), json.clone())));
    Ok((plan, json))
}

/// A plan's file in `format` (`md`, `ics`, `pdf`) and the name to save it under. The PDF
/// font is fetched now, on the first PDF.
pub async fn file(plan_json: &str, format: &str) -> Result<(String, Vec<u8>), String> {
    let module = module().await?;
    let font = if format == "pdf" {
        assets::fetch_bytes(assets::FONT_PATH, assets::FONT_TIMEOUT_MS).await?
    } else {
        Vec::new()
    };
    let args = [JsValue::from_str(plan_json), JsValue::from_str(format), Uint8Array::from(font.as_slice()).into()];
    let bytes = call(&module, "render", &args)?;
    let bytes = bytes.dyn_into::<Uint8Array>().map_err(|_| "the file is not bytes")?.to_vec();
    let name = call(&module, "file_name", &[JsValue::from_str(plan_json), JsValue::from_str(format)])?
        .as_string()
        .ok_or("the file name is not text")?;
    Ok((name, bytes))
}
