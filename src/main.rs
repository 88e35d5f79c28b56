//! The wasm entry point: mount a widget into every placeholder on the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    client_checkup::edge::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("client-checkup is a browser widget: build it with `trunk build` (see README).");
}
