//! The placeholder on the host page: its options, its shadow root and its language.
//! Every widget lives in its own open shadow root, so the host's CSS and the widget's CSS
//! never meet; the stylesheet is adopted (a constructed sheet: allowed under a strict
//! `style-src`), never a `<style>` or a `style` attribute.

use std::cell::RefCell;

use js_sys::Array;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRootInit, ShadowRootMode, UrlSearchParams};

use crate::i18n::Lang;
use crate::options::{self, Options};

/// Set on a placeholder once a widget lives in it: mounting twice is a no-op.
const MOUNTED: &str = "data-client-checkup-mounted";
/// Set by the iframe page (`embed.html`): read the options from the page's URL.
const OPTIONS_FROM_URL: &str = "data-options-from-url";
const CSS: &str = include_str!("../../styles/widget.css");

thread_local! {
    /// One constructed stylesheet per wasm instance, adopted by its shadow root.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

pub fn is_mounted(host: &Element) -> bool {
    host.has_attribute(MOUNTED)
}

/// The widget's options: `data-*` attributes, or URL parameters in iframe mode. Every bad
/// value is reported once on the console, naming the option, and its default is used.
pub fn options(host: &Element) -> Options {
    let from_url = host.has_attribute(OPTIONS_FROM_URL);
    let params = from_url
        .then(|| super::window()?.location().search().ok())
        .flatten()
        .and_then(|q| UrlSearchParams::new_with_str(&q).ok());
    let (opts, warnings) = options::parse(|name| match &params {
        Some(p) => p.get(name),
        None if from_url => None,
        None => host.get_attribute(&format!("data-{name}")),
    });
    for w in &warnings {
        super::console::warn(&w.message(if from_url { "URL parameter " } else { "data-" }));
    }
    opts
}

/// Gives the placeholder its shadow root, styles and accent colour, marks it mounted and
/// returns the element the UI renders into.
pub fn attach(host: &Element, options: &Options) -> Result<Element, String> {
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| "this element cannot hold a shadow root (use a <div>)".to_string())?;
    let _ = host.set_attribute(MOUNTED, "");
    if let Some(sheet) = stylesheet() {
        shadow.set_adopted_style_sheets(&Array::of1(&sheet));
    }
    if let (Some(accent), Some(el)) = (&options.accent, host.dyn_ref::<HtmlElement>()) {
        // CSSOM, not a style attribute: allowed under a strict style-src policy.
        let _ = el.style().set_property("--cc-accent", accent);
    }
    let doc = host.owner_document().ok_or("no document")?;
    let root = doc.create_element("div").map_err(|_| "could not create the widget's root")?;
    shadow.append_child(&root).map_err(|_| "could not attach the widget's root")?;
    Ok(root)
}

fn stylesheet() -> Option<CssStyleSheet> {
    SHEET.with(|s| {
        let mut s = s.borrow_mut();
        if s.is_none() {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            *s = Some(sheet);
        }
        s.clone()
    })
}

/// The language when the option is `auto`: the nearest `lang` attribute around the
/// placeholder (usually `<html lang>`), then the browser's preferences, then English.
pub fn auto_lang(host: &Element) -> Lang {
    let from_page = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag));
    from_page
        .or_else(|| {
            let langs = super::window()?.navigator().languages();
            let tags: Vec<String> = langs.iter().filter_map(|v| v.as_string()).collect();
            Lang::negotiate(tags.iter().map(String::as_str))
        })
        .unwrap_or(Lang::En)
}
