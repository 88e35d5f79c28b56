//! Mounting: one independent widget per `[data-client-checkup]` placeholder, each in its
//! own shadow root so the host's CSS and the widget's CSS never meet.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::i18n::Lang;
use crate::options;
use crate::ui::app::{App, AppProps};

/// The placeholder selector blog owners paste.
pub const SELECTOR: &str = "[data-client-checkup]";
const MOUNTED: &str = "data-client-checkup-mounted";
const CSS: &str = include_str!("../../styles/widget.css");

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    static HOSTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Mounts every placeholder on the page that is not mounted yet.
pub fn mount_all() {
    let Some(doc) = super::window().and_then(|w| w.document()) else { return };
    let Ok(list) = doc.query_selector_all(SELECTOR) else { return };
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            if let Err(e) = mount(&el) {
                super::warn(&format!("Client Checkup: could not mount a widget: {e}"));
            }
        }
    }
}

/// Mounts one placeholder. Mounting twice is a no-op.
pub fn mount(host: &Element) -> Result<(), String> {
    if host.has_attribute(MOUNTED) {
        return Ok(());
    }
    // iframe mode (embed.html): the options come from the page's URL parameters.
    let from_url = host.has_attribute("data-options-from-url");
    let params = from_url
        .then(|| super::window()?.location().search().ok())
        .flatten()
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok());
    let (opts, warnings) = options::parse(|name| match &params {
        Some(p) => p.get(name),
        None if from_url => None,
        None => host.get_attribute(&format!("data-{name}")),
    });
    for w in &warnings {
        super::warn(&w.message(if from_url { "URL parameter " } else { "data-" }));
    }
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| "this element cannot hold a shadow root (use a <div>)".to_string())?;
    let _ = host.set_attribute(MOUNTED, "");
    adopt_styles(&shadow);
    if let (Some(accent), Some(el)) = (&opts.accent, host.dyn_ref::<HtmlElement>()) {
        // CSSOM, not a style attribute: allowed under a strict style-src policy.
        let _ = el.style().set_property("--cc-accent", accent);
    }
    let doc = host.owner_document().ok_or("no document")?;
    let root = doc.create_element("div").map_err(|_| "create root")?;
    shadow.append_child(&root).map_err(|_| "append root")?;

    let index = HOSTS.with(|h| {
        let mut h = h.borrow_mut();
        h.push(host.clone());
        h.len() - 1
    });
    let props = AppProps {
        host: host.clone(),
        lang: opts.lang.unwrap_or_else(|| auto_lang(host)),
        namespace: opts.id.clone().unwrap_or_else(|| format!("w{index}")).into(),
        uid: format!("cc{index}").into(),
        options: std::rc::Rc::new(opts),
    };
    // The app lives as long as the page: its handle is intentionally leaked.
    std::mem::forget(yew::Renderer::<App>::with_root_and_props(root, props).render());
    Ok(())
}

/// Language when the option is `auto`: the nearest `lang` attribute around the
/// placeholder (usually `<html lang>`), then the browser's preferences, then English.
fn auto_lang(host: &Element) -> Lang {
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

fn adopt_styles(shadow: &ShadowRoot) {
    let sheet = SHEET.with(|s| {
        s.borrow_mut()
            .get_or_insert_with(|| {
                let sheet = CssStyleSheet::new().expect("constructable stylesheets");
                let _ = sheet.replace_sync(CSS);
                sheet
            })
            .clone()
    });
    shadow.set_adopted_style_sheets(&Array::of1(&sheet));
}

/// `window.ClientCheckup.mount(element?)`: mounts one late placeholder, or all of them.
pub fn expose_global() {
    let Some(win) = super::window() else { return };
    let mount_fn = Closure::<dyn Fn(JsValue)>::new(|target: JsValue| match target.dyn_into::<Element>() {
        Ok(el) => {
            if let Err(e) = mount(&el) {
                super::warn(&format!("Client Checkup: could not mount: {e}"));
            }
        }
        Err(_) => mount_all(),
    });
    let api = Object::new();
    let _ = Reflect::set(&api, &"mount".into(), mount_fn.as_ref().unchecked_ref::<Function>());
    let _ = Reflect::set(&api, &"version".into(), &env!("CARGO_PKG_VERSION").into());
    mount_fn.forget();
    let _ = Reflect::set(&win, &"ClientCheckup".into(), &api);
}

/// On a panic, every widget on the page is replaced by a short message with a reload
/// link, drawn in its own shadow root: the host page itself is never touched.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        super::console_error(&format!("Client Checkup failed: {info}"));
        let hosts = HOSTS.with(|h| h.try_borrow().map(|h| h.clone()).unwrap_or_default());
        for host in hosts {
            show_failure(&host);
        }
    }));
}

/// Replaces a widget's content with the failure message.
pub fn show_failure(host: &Element) {
    let Some(shadow) = host.shadow_root() else { return };
    let Some(doc) = host.owner_document() else { return };
    let lang = host.closest("[lang]").ok().flatten().and_then(|e| e.get_attribute("lang"));
    let cat = lang.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::En).catalog();
    let build = || -> Result<Element, JsValue> {
        let box_ = doc.create_element("div")?;
        box_.set_class_name("cc cc-failed");
        box_.set_attribute("role", "alert")?;
        let p = doc.create_element("p")?;
        p.set_text_content(Some(cat.t("ui.failed")));
        let a = doc.create_element("a")?;
        a.set_attribute("href", "")?;
        a.set_text_content(Some(cat.t("ui.reload")));
        box_.append_child(&p)?;
        box_.append_child(&a)?;
        Ok(box_)
    };
    if let Ok(box_) = build() {
        shadow.set_inner_html("");
        let _ = shadow.append_child(&box_);
    }
}
