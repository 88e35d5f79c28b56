//! Client Checkup: rate a client relationship against eight warning signals and
//! turn the result into a repair or exit plan.
//!
//! The crate reads as floors, each importing only from the floors below it:
//! 1. `widget` — the entry: mounts one widget per placeholder (browser only).
//! 2. `ui` — the Yew views; `ui::hooks` holds each browser concern as one hook.
//! 3. `edge` — browser services (storage, assets, events, downloads, clipboard, DOM),
//!    the only code that calls web-sys.
//! 4. The pure core, tested natively: `quiz` (the state and its navigation), `stored`
//!    (its stored format), `options`, `plan` and `render` (the plan and its files),
//!    `assessment`, `i18n`, and the ground floor `text`, `ids`, `dates`, `document`.

pub mod assessment;
pub mod dates;
pub mod document;
pub mod history;
pub mod i18n;
pub mod ids;
pub mod options;
pub mod plan;
pub mod plan_module;
pub mod quiz;
pub mod render;
#[doc(hidden)]
pub mod sample;
pub mod stored;
pub mod text;

pub mod edge;
pub mod ui;
pub mod widget;
