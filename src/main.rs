//! The widget's first wasm module: the quiz, the result and the plan screens. The loader
//! (`client-checkup.js`) instantiates it once per placeholder and calls `mount_element`;
//! starting it only installs the failure handler (see `client_checkup::widget`). The plan
//! itself and its files come from the second module, `src/bin/client-checkup-plan.rs`.

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
