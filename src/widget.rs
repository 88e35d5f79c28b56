//! The entry floor: one widget per placeholder, above the UI.
//!
//! The loader (`client-checkup.js`, from `embed/loader.template.js`) finds the
//! placeholders, gives each its own wasm instance and calls [`mount_element`]; it also owns
//! the page-wide API (`window.ClientCheckup.mount`) and the failure message. This module
//! reads the placeholder's options, gives it a shadow root and renders [`App`] into it.
//! When the widget fails (a panic), it tells the loader through the `client-checkup:failed`
//! event, so the failure message is drawn by the one piece of code that also draws it
//! when the wasm cannot load at all.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::assessment::MODEL;
use crate::edge::{console, events, host, plan_module};
use crate::i18n::catalog;
use crate::ui::app::{App, AppProps};

thread_local! {
    /// The placeholders this wasm instance renders into (one, with the loader).
    static HOSTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Runs when the wasm instance starts: installs the failure handler. Mounting waits for
/// the loader's call to [`mount_element`].
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console::error(&format!("Client Checkup failed: {info}"));
        let hosts = HOSTS.with(|h| h.try_borrow().map(|h| h.clone()).unwrap_or_default());
        for host in &hosts {
            events::failed(host);
        }
    }));
}

/// Parses the assessment model now rather than during the first render. The loader calls
/// this, [`prepare_texts`] and [`mount_element`] each in a task of its own, so that no one
/// task of the take-over keeps the host page's main thread long.
pub fn prepare_model() {
    std::sync::LazyLock::force(&MODEL);
}

/// Parses the built-in English screen texts now (see [`prepare_model`]).
pub fn prepare_texts() {
    catalog::install_english_screens();
}

/// Mounts the widget into one placeholder element: the loader's entry point (exported by
/// `src/main.rs`). `boot` is what the loader knows: see [`host::Boot`].
pub fn mount_element(el: Element, boot: &JsValue) {
    if let Err(e) = mount(&el, &host::boot(boot)) {
        console::warn(&format!("Client Checkup: could not mount: {e}"));
    }
}

/// Mounts one placeholder. Mounting twice is a no-op.
pub fn mount(placeholder: &Element, boot: &host::Boot) -> Result<(), String> {
    if host::is_mounted(placeholder) {
        return Ok(());
    }
    if let Some((glue, wasm)) = boot.plan_module.clone() {
        plan_module::configure(glue, wasm);
    }
    let options = host::options(placeholder);
    let root = host::attach(placeholder, &options)?;
    let index = HOSTS.with(|h| {
        let mut h = h.borrow_mut();
        h.push(placeholder.clone());
        h.len() - 1
    });
    let index = boot.index.map_or(index, |i| i as usize);
    let props = AppProps {
        host: placeholder.clone(),
        lang: options.lang.unwrap_or_else(|| host::auto_lang(placeholder)),
        namespace: options.id.clone().unwrap_or_else(|| format!("w{index}")).into(),
        uid: format!("cc{index}").into(),
        options: Rc::new(options),
    };
    // The app lives as long as the page: its handle is intentionally leaked.
    std::mem::forget(yew::Renderer::<App>::with_root_and_props(root, props).render());
    Ok(())
}
