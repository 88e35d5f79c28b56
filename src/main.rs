//! The widget's first wasm module: the quiz, the result and the plan screens. The loader
//! (`client-checkup.js`) instantiates it once per placeholder and calls `prepare_model`,
//! `prepare_texts` and `mount_element`, each in a task of its own;
//! starting it only installs the failure handler (see `client_checkup::widget`). The plan
//! itself and its files come from the second module, `src/bin/client-checkup-plan.rs`.

/// Parses the assessment model now (see `client_checkup::widget::prepare_model`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn prepare_model() {
    client_checkup::widget::prepare_model();
}

/// Parses the built-in English screen texts now (see `client_checkup::widget::prepare_texts`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn prepare_texts() {
    client_checkup::widget::prepare_texts();
}

/// Mounts the widget into a placeholder; `boot` carries what the loader knows.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_element(el: web_sys::Element, boot: wasm_bindgen::JsValue) {
    client_checkup::widget::mount_element(el, &boot);
}

#[cfg(target_arch = "wasm32")]
fn main() {
    client_checkup::widget::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("client-checkup is a browser widget: build it with `trunk build` (see README).");
}
