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

/// Entry point: mount every placeholder on the page now, and expose
/// `window.ClientCheckup.mount(element?)` for placeholders added later.
pub fn start() {
    mount::install_panic_hook();
    mount::expose_global();
    mount::mount_all();
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
