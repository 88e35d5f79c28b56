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

/// Where the PDF font lives, relative to the widget's files (fetched on demand only).
pub const FONT_PATH: &str = "fonts/checkup-sans.ttf";

thread_local! {
    /// The catalog files fetched so far, by language: meta, then the parts in order.
    static FETCHED: RefCell<Vec<(Lang, String, Vec<String>)>> = const { RefCell::new(Vec::new()) };
}

/// Fetches files of the widget together (all requests start at once) and returns their
/// texts in order.
async fn fetch_texts(paths: &[String]) -> Result<Vec<String>, String> {
    let requests: Vec<js_sys::Promise> = paths.iter().map(|p| start(p)).collect::<Result<_, _>>()?;
    let mut texts = Vec::with_capacity(paths.len());
    for (request, path) in requests.into_iter().zip(paths) {
        texts.push(text_of(request, path).await?);
    }
    Ok(texts)
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
