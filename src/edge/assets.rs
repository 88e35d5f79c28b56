//! The widget's own files (language catalogs, the PDF font), found relative to the
//! widget's script URL, not the host page's, so the widget works from a CDN or any
//! other origin. Fetches are same-origin-as-the-widget, credential-free GETs.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, Response};

use crate::i18n::{catalog, Lang};

#[wasm_bindgen(inline_js = "
export function widget_base() {
  // This snippet is served from <base>/snippets/<crate>-<hash>/inline0.js.
  return new URL('../../', import.meta.url).href;
}")]
extern "C" {
    fn widget_base() -> String;
}

/// The URL of the folder the widget was loaded from, ending in `/`.
pub fn base_url() -> String {
    widget_base()
}

/// Starts a GET for a widget file; the request is in flight when this returns.
fn start(path: &str) -> Result<js_sys::Promise, String> {
    let win = super::window().ok_or("no window")?;
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    Ok(win.fetch_with_str_and_init(&format!("{}{path}", base_url()), &init))
}

async fn response(request: js_sys::Promise, path: &str) -> Result<Response, String> {
    let resp = JsFuture::from(request).await.map_err(|_| format!("network error for {path}"))?;
    let resp: Response = resp.dyn_into().map_err(|_| "not a response")?;
    if !resp.ok() {
        return Err(format!("HTTP {} for {path}", resp.status()));
    }
    Ok(resp)
}

async fn text_of(request: js_sys::Promise, path: &str) -> Result<String, String> {
    let resp = response(request, path).await?;
    let text = JsFuture::from(resp.text().map_err(|_| "body")?).await.map_err(|_| "body")?;
    text.as_string().ok_or_else(|| "body is not text".into())
}

/// Fetches a widget file as bytes (the PDF font).
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    let resp = response(start(path)?, path).await?;
    let buf = JsFuture::from(resp.array_buffer().map_err(|_| "body")?).await.map_err(|_| "body")?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// Fetches and installs a language's catalog: four small files, requested together.
pub async fn load_language(lang: Lang) -> Result<(), String> {
    if lang.is_available() {
        return Ok(());
    }
    let v = env!("CARGO_PKG_VERSION");
    let paths: Vec<String> =
        ["meta", "ui", "quiz", "plan"].iter().map(|p| format!("i18n/{}/{p}.json?v={v}", lang.id())).collect();
    let requests: Vec<js_sys::Promise> = paths.iter().map(|p| start(p)).collect::<Result<_, _>>()?;
    let mut texts = Vec::with_capacity(4);
    for (request, path) in requests.into_iter().zip(&paths) {
        texts.push(text_of(request, path).await?);
    }
    catalog::install(lang, &texts[0], &[&texts[1], &texts[2], &texts[3]])
}
