//! The browser edge: the bottom floor, and the only code that calls web-sys. Each file is
//! one browser service with a plain Rust interface; nothing here knows about Yew or the
//! widget's screens, and nothing here imports from above (`ui`, `widget`).
//!
//! - [`host`]: the placeholder on the host page: its options, its shadow root and styles,
//!   its language when the option is `auto`.
//! - [`storage`]: `localStorage`, defensively.
//! - [`assets`]: the widget's own files (language catalogs, the PDF font).
//! - [`events`]: `client-checkup:*` events for the host page (and the iframe's parent).
//! - [`plan_module`]: the second wasm module, which builds the plan and writes its files.
//! - [`download`], [`clipboard`]: taking the plan (and the saved clients) away.
//! - [`files`]: reading a file the visitor picked (an export of saved clients).
//! - [`dom`]: focus, printing, today's date, the page's address, fresh ids.
//! - [`console`]: warnings and errors for the blog owner's console.

pub mod assets;
pub mod clipboard;
pub mod console;
pub mod dom;
pub mod download;
pub mod events;
pub mod files;
pub mod host;
pub mod plan_module;
pub mod storage;

pub(crate) fn window() -> Option<web_sys::Window> {
    web_sys::window()
}
