//! The wasm entry point: the loader (`client-checkup.js`) instantiates one module per
//! placeholder and calls `mount_element`; starting the module only installs the failure
//! handler (see `client_checkup::widget`).

#[cfg(target_arch = "wasm32")]
fn main() {
    client_checkup::widget::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("client-checkup is a browser widget: build it with `trunk build` (see README).");
}
