//! The browser edge: the only code that touches the host page. Mounting into
//! placeholders, reading options, storage, events, downloads, the clipboard and the
//! failure box all live here; the rest of the crate is pure or a Yew component.

pub mod assets;
pub mod clipboard;
pub mod download;
pub mod events;
pub mod mount;
pub mod storage;

use wasm_bindgen::JsValue;

/// Entry point. Loaded by the embed loader (`client-checkup.js`), which gives every
/// placeholder its own wasm instance and calls [`mount_element`] itself, this only
/// installs the failure handler. Loaded directly (Trunk's own page), it mounts every
/// placeholder on the page and exposes `window.ClientCheckup.mount(element?)`.
pub fn start() {
    mount::install_panic_hook();
    if loader_present() {
        return;
    }
    mount::expose_global();
    mount::mount_all();
}

/// Mounts the widget into one placeholder element: the loader's entry point.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_element(el: web_sys::Element) {
    if let Err(e) = mount::mount(&el) {
        warn(&format!("Client Checkup: could not mount: {e}"));
    }
}

/// The loader marks the page before it instantiates the module.
fn loader_present() -> bool {
    window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("__clientCheckupLoader")).ok())
        .is_some_and(|v| v.is_truthy())
}

pub(crate) fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub(crate) fn warn(message: &str) {
    web_sys_console_warn(&JsValue::from_str(message));
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn web_sys_console_warn(message: &JsValue);
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    pub(crate) fn console_error(message: &str);
}
