//! The widget's own files (language catalogs, the PDF font), found relative to the
//! widget's script URL, not the host page's, so the widget works from a CDN or any
//! other origin. Fetches are same-origin-as-the-widget, credential-free GETs.

use std::cell::RefCell;

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
}
export function give_up_after(init, ms) {
  // Aborts the request (and the reading of its body) after ms: a host that never answers
  // must not leave the widget waiting. Browsers without AbortController wait as before.
  if (typeof AbortController !== 'function') return;
  const c = new AbortController();
  setTimeout(() => c.abort(), ms);
  init.signal = c.signal;
}")]
extern "C" {
    fn widget_base() -> String;
    fn give_up_after(init: &RequestInit, ms: u32);
}

/// How long a language's catalog files may take, all together, before the widget gives up
/// and stays in the language it shows: three small files, even on a slow phone line.
pub const CATALOG_TIMEOUT_MS: u32 = 20_000;
/// How long the PDF font (about 40 KB) may take before the download says it failed.
pub const FONT_TIMEOUT_MS: u32 = 60_000;

/// The URL of the folder the widget was loaded from, ending in `/`.
pub fn base_url() -> String {
    widget_base()
}

/// Starts a GET for a widget file that gives up after `timeout_ms`; the request is in
/// flight when this returns.
fn start(path: &str, timeout_ms: u32) -> Result<js_sys::Promise, String> {
    let win = super::window().ok_or("no window")?;
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    give_up_after(&init, timeout_ms);
    Ok(win.fetch_with_str_and_init(&format!("{}{path}", base_url()), &init))
}

async fn response(request: js_sys::Promise, path: &str) -> Result<Response, String> {
    let resp = JsFuture::from(request).await.map_err(|_| format!("network error or time-out for {path}"))?;
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
pub async fn fetch_bytes(path: &str, timeout_ms: u32) -> Result<Vec<u8>, String> {
    let resp = response(start(path, timeout_ms)?, path).await?;
    let buf = JsFuture::from(resp.array_buffer().map_err(|_| "body")?).await.map_err(|_| "body")?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// Where the PDF font lives, relative to the widget's files (fetched on demand only).
pub const FONT_PATH: &str = "fonts/checkup-sans.ttf";

thread_local! {
    /// The catalog files fetched so far, by language: meta, then the parts in order.
    static FETCHED: RefCell<Vec<(Lang, String, Vec<String>)>> = const { RefCell::new(Vec::new()) };
}

/// Fetches files of the widget together (all requests start at once) and returns their
/// texts in order, or the first failure.
async fn fetch_texts(paths: &[String]) -> Result<Vec<String>, String> {
    let requests: Vec<js_sys::Promise> =
        paths.iter().map(|p| start(p, CATALOG_TIMEOUT_MS)).collect::<Result<_, _>>()?;
    // Every request is awaited, even after one failed: a rejection left without a handler
    // would reach the host page as an unhandled error.
    let mut texts = Vec::with_capacity(paths.len());
    let mut failure = None;
    for (request, path) in requests.into_iter().zip(paths) {
        match text_of(request, path).await {
            Ok(text) => texts.push(text),
            Err(e) => {
                failure.get_or_insert(e);
            }
        }
    }
    failure.map_or(Ok(texts), Err)
}

fn catalog_path(lang: Lang, part: &str) -> String {
    format!("i18n/{}/{part}.json?v={}", lang.id(), env!("CARGO_PKG_VERSION"))
}

/// A language's catalog files: `meta.json` and the screens' parts, or (`whole`) every
/// part, the advice and the plan's texts too. What was fetched before is not fetched again.
pub async fn language_parts(lang: Lang, whole: bool) -> Result<(String, Vec<String>), String> {
    let wanted = if whole { catalog::PARTS.len() } else { catalog::SCREEN_PARTS };
    let have = FETCHED.with(|f| f.borrow().iter().find(|(l, _, _)| *l == lang).cloned());
    let (meta, mut parts) = match have {
        Some((_, meta, parts)) => (meta, parts),
        None => {
            let mut paths = vec![catalog_path(lang, "meta")];
            paths.extend(catalog::PARTS[..catalog::SCREEN_PARTS].iter().map(|p| catalog_path(lang, p)));
            let mut texts = fetch_texts(&paths).await?;
            let meta = texts.remove(0);
            (meta, texts)
        }
    };
    if parts.len() < wanted {
        let paths: Vec<String> = catalog::PARTS[parts.len()..wanted].iter().map(|p| catalog_path(lang, p)).collect();
        parts.extend(fetch_texts(&paths).await?);
    }
    FETCHED.with(|f| {
        let mut f = f.borrow_mut();
        f.retain(|(l, _, _)| *l != lang);
        f.push((lang, meta.clone(), parts.clone()));
    });
    Ok((meta, parts))
}

/// Fetches and installs a language's catalog for the screens: three small files,
/// requested together.
pub async fn load_language(lang: Lang) -> Result<(), String> {
    if lang.is_available() {
        return Ok(());
    }
    let (meta, parts) = language_parts(lang, false).await?;
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    catalog::install(lang, &meta, &parts)
}
