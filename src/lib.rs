//! Client Checkup: rate a client relationship against eight warning signals and
//! turn the result into a repair or exit plan.
//!
//! Everything in this crate except `ui` and `edge` is pure Rust with no web-sys and is
//! tested natively. `edge` is the one place that touches the host page (mounting,
//! options, storage, downloads, events); `ui` is the thin Yew layer on top.

pub mod assessment;
pub mod dates;
pub mod document;
pub mod i18n;
pub mod ids;
pub mod options;
pub mod plan;
pub mod quiz;
pub mod render;
#[doc(hidden)]
pub mod sample;
pub mod stored;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod edge;
#[cfg(target_arch = "wasm32")]
pub mod ui;
