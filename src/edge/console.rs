//! Messages for the blog owner's console. The widget never logs anything the visitor typed.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(message: &str);
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// A problem the widget recovered from (a bad option, a language that did not load).
pub fn warn(message: &str) {
    console_warn(message);
}

/// A failure the widget could not recover from.
pub fn error(message: &str) {
    console_error(message);
}
