//! The Yew layer: small views over the pure quiz, assessment and plan. Views receive
//! values and callbacks that carry domain actions ([`Action`](crate::quiz::Action)),
//! never the state handle, and never call the browser: each browser concern is a hook
//! in [`hooks`]. Views read the per-instance settings (language, ids) from the [`Ui`]
//! context, never a global, so two widgets on one page never share them.

pub mod app;
pub mod chart;
pub mod clients;
pub mod confirm;
pub mod context_step;
pub mod first_screen;
pub mod frame;
pub mod hooks;
pub mod intro;
pub mod lang_switch;
pub mod nav;
pub mod plan_view;
pub mod progress;
pub mod question;
pub mod rate_chart;
pub mod rate_step;
pub mod result;
pub mod review;
pub mod signal_step;
pub mod trend;

use yew::prelude::*;

use crate::i18n::{Catalog, Lang};

/// Per-instance settings every component may read.
#[derive(Clone, PartialEq)]
pub struct Ui {
    pub lang: Lang,
    /// Unique per instance: prefixes element ids and radio group names.
    pub uid: AttrValue,
    pub set_lang: Callback<Lang>,
}

impl Ui {
    pub fn cat(&self) -> &'static Catalog {
        self.lang.catalog()
    }

    /// The text of a key, ready for `html!`.
    pub fn t(&self, key: &str) -> AttrValue {
        AttrValue::from(self.cat().t(key).to_owned())
    }

    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> AttrValue {
        AttrValue::from(self.cat().fmt(key, args))
    }

    /// An element id unique to this instance.
    pub fn id(&self, local: &str) -> AttrValue {
        AttrValue::from(format!("{}-{}", self.uid, local.replace('.', "-")))
    }
}

/// The instance's settings. Always provided by [`app::App`].
#[hook]
pub fn use_ui() -> Ui {
    use_context::<Ui>().expect("components are rendered inside App")
}
