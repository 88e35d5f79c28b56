//! Each browser concern of a widget instance as one hook: the views call these and get
//! plain values and callbacks back, so a view's body reads as layout, not as I/O. Every
//! hook here talks to the browser only through [`crate::edge`].
//!
//! | concern | hook |
//! |---|---|
//! | the quiz state, restored from and saved to `localStorage` | [`use_progress`] |
//! | the language, its catalog fetched on demand | [`use_language`] |
//! | `client-checkup:*` events for the host page | [`use_host_events`] |
//! | focus on a new step or on the first unanswered question | [`use_step_focus`] |
//! | focus back on the language switch after a change of language | [`use_language_focus`] |
//! | taking over from the loader's painted first screen and first question | [`use_take_over`] |
//! | today's date and the page's address, from the browser | [`use_today`], [`use_page_address`] |
//! | the plan, built by the plan module; fetching that module early, building the plan ahead on the review | [`use_plan`], [`use_plan_prefetch`], [`use_plan_ahead`] |
//! | downloads, print and copy of the plan | [`use_plan_exports`] |
//! | saving a finished check; export and import of the saved clients | [`use_saved_clients`] |

mod exports;
mod focus;
mod history;
mod host_events;
mod language;
mod plan;
mod progress;
mod take_over;
mod today;

pub use exports::{use_plan_exports, PlanExports};
pub use focus::{use_language_focus, use_step_focus};
pub use history::{use_saved_clients, ImportFailure, SavedClients};
pub use host_events::use_host_events;
pub use language::{use_language, LanguageHandle};
pub use plan::{use_plan, use_plan_ahead, use_plan_prefetch, PlanState};
pub use progress::{use_progress, ProgressHandle};
pub use take_over::use_take_over;
pub use today::{use_page_address, use_today};
