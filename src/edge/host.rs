//! The placeholder on the host page: its options, its shadow root and its language.
//! Every widget lives in its own open shadow root, so the host's CSS and the widget's CSS
//! never meet. The loader paints the first screen there before the wasm arrives, with the
//! stylesheet adopted (a constructed sheet: allowed under a strict `style-src`, never a
//! `<style>` or a `style` attribute); the widget then takes over.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRootInit, ShadowRootMode, UrlSearchParams};

use crate::i18n::Lang;
use crate::options::{self, Options};
use crate::quiz::Painted;

/// Set on a placeholder once a widget lives in it: mounting twice is a no-op.
const MOUNTED: &str = "data-client-checkup-mounted";
/// Set by the iframe page (`embed.html`): read the options from the page's URL.
const OPTIONS_FROM_URL: &str = "data-options-from-url";
/// The loader's painted first screen, until the widget takes over.
const STATIC: &str = "[data-cc-static]";
/// Marks the widget's root while it is hidden under the painted screens.
const HIDDEN_UNDER: &str = "data-cc-under-painted";

/// What the loader tells a widget when it mounts it. Read defensively: the loader is ours,
/// but a page could call the API itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Boot {
    /// The placeholder's position among the page's widgets (the storage namespace when the
    /// page gives no `data-id`).
    pub index: Option<u32>,
    /// The plan module's JS glue and wasm, absolute URLs.
    pub plan_module: Option<(String, String)>,
}

pub fn boot(value: &JsValue) -> Boot {
    let get = |key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined());
    let text = |key: &str| get(key).and_then(|v| v.as_string()).filter(|s| !s.is_empty() && s.len() < 2048);
    Boot {
        index: get("index")
            .and_then(|v| v.as_f64())
            .filter(|n| n.fract() == 0.0 && (0.0..1e6).contains(n))
            .map(|n| n as u32),
        plan_module: text("planGlue").zip(text("planWasm")),
    }
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

/// Gives the placeholder its shadow root (or keeps the one the loader painted the first
/// screen into, with its stylesheet), sets the accent colour, marks it mounted and returns
/// the element the UI renders into. The stylesheet is the loader's: without the loader
/// (the browser tests) the widget is unstyled but works the same.
pub fn attach(host: &Element, options: &Options) -> Result<Element, String> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| "this element cannot hold a shadow root (use a <div>)".to_string())?,
    };
    let _ = host.set_attribute(MOUNTED, "");
    if let (Some(accent), Some(el)) = (&options.accent, host.dyn_ref::<HtmlElement>()) {
        // CSSOM, not a style attribute: allowed under a strict style-src policy.
        let _ = el.style().set_property("--cc-accent", accent);
    }
    let doc = host.owner_document().ok_or("no document")?;
    let root = doc.create_element("div").map_err(|_| "could not create the widget's root")?;
    if shadow.query_selector(STATIC).ok().flatten().is_some() {
        // Hidden under the painted screens until it shows what they show (see take_over).
        let _ = root.set_attribute("hidden", "");
        let _ = root.set_attribute(HIDDEN_UNDER, "");
    }
    shadow.append_child(&root).map_err(|_| "could not attach the widget's root")?;
    Ok(root)
}

/// What the visitor did on the loader's painted screens in the shadow root `widget` lives
/// in; `None` when nothing is painted (no loader, or taken over). The loader keeps on the
/// painted container what is not in its markup at that moment: the nickname once the
/// first question replaced the form (`data-nickname`), the answers picked there
/// (`data-answers`), and which presses are pending.
pub fn painted(widget: &Element) -> Option<Painted> {
    let shadow = widget.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok()?;
    let painted = shadow.query_selector(STATIC).ok()??;
    let typed = painted
        .query_selector("input[type=text]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_ref::<HtmlInputElement>().map(HtmlInputElement::value));
    let attr = |name: &str| painted.get_attribute(name);
    let focused = shadow.active_element().filter(|el| painted.contains(Some(el))).and_then(|el| twin_selector(&el));
    let taken = Painted {
        nickname: typed.or_else(|| attr("data-nickname")).unwrap_or_default(),
        // Only a language the visitor picked on the painted screen; the language it was
        // painted in is the page's, which a remembered choice overrides.
        lang: attr("data-lang-chosen").and_then(|v| Lang::parse(&v)),
        start: painted.has_attribute("data-pending-start"),
        on_question: painted.query_selector("[data-signal-step]").ok().flatten().is_some(),
        answers: attr("data-answers").unwrap_or_default(),
        next: painted.has_attribute("data-pending-next"),
        focused,
    };
    Some(taken)
}

/// Removes the painted screens and shows the widget, which [`attach`] hid under them.
pub fn take_over(widget: &Element) {
    let Some(shadow) = widget.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok() else { return };
    if let Ok(Some(painted)) = shadow.query_selector(STATIC) {
        painted.remove();
    }
    if let Ok(Some(root)) = shadow.query_selector(&format!("[{HIDDEN_UNDER}]")) {
        let _ = root.remove_attribute(HIDDEN_UNDER);
        let _ = root.remove_attribute("hidden");
    }
}

/// A selector that finds, in the live widget, the twin of an element of the painted
/// screen: by its id without the instance's prefix (`cc0-` on the painted screen, `ccN-`
/// in the widget), by its `data-action`, or as the step's heading.
fn twin_selector(el: &Element) -> Option<String> {
    let id = el.id();
    let safe = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if let Some(local) = id.split_once('-').map(|(_, rest)| rest).filter(|l| safe(l)) {
        return Some(format!("[id$=\"-{local}\"]"));
    }
    if let Some(action) = el.get_attribute("data-action").filter(|a| safe(a)) {
        return Some(format!("[data-action=\"{action}\"]"));
    }
    el.matches(".cc-step-title").unwrap_or(false).then(|| ".cc-step-title".to_owned())
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
