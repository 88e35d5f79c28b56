//! The Yew layer: small components over the pure quiz and assessment. Components read
//! the per-instance settings (language, ids) from the [`Ui`] context, never a global,
//! so two widgets on one page never share them.

pub mod app;
pub mod chart;
pub mod context_step;
pub mod intro;
pub mod lang_switch;
pub mod nav;
pub mod plan_view;
pub mod progress;
pub mod question;
pub mod result;
pub mod review;
pub mod signal_step;

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Catalog, Lang};
use crate::quiz::{Action, Quiz};

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

/// The quiz as a Yew reducer state; the logic lives in [`Quiz::apply`].
#[derive(Clone, PartialEq, Default)]
pub struct QuizState(pub Quiz);

impl Reducible for QuizState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(QuizState(next))
        }
    }
}

/// Dispatches quiz actions; handed down to the step components.
pub type Dispatch = Callback<Action>;
