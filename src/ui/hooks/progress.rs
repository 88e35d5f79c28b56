//! The quiz state of one instance, kept across reloads in `localStorage`.

use std::rc::Rc;

use yew::prelude::*;

use crate::edge::{console, storage};
use crate::quiz::{Action, Quiz};
use crate::stored;

/// The quiz as a Yew reducer state; the logic lives in [`Quiz::apply`].
#[derive(Clone, PartialEq, Default)]
struct QuizState(Quiz);

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

/// What [`use_progress`] hands the widget: the state, and the two ways to change it.
#[derive(Clone)]
pub struct ProgressHandle {
    state: UseReducerHandle<QuizState>,
    /// Applies a quiz action (stable across renders).
    pub dispatch: Callback<Action>,
    /// Forgets everything: the stored entry and the state, saved clients included
    /// ("Forget my answers").
    pub forget: Callback<()>,
    /// The last save failed (storage blocked or full): the quiz lives in memory only.
    pub storage_failed: bool,
}

impl ProgressHandle {
    pub fn quiz(&self) -> &Quiz {
        &self.state.0
    }
}

/// The instance's quiz state. On mount it is restored from storage (the current format,
/// or an older one migrated, see [`stored`]); every change is saved in an effect, an
/// untouched quiz leaves nothing behind, and entries other versions wrote for this
/// instance are removed once read. Where storage is blocked or full the quiz simply
/// lives in memory, and [`ProgressHandle::storage_failed`] says so.
#[hook]
pub fn use_progress(namespace: &AttrValue) -> ProgressHandle {
    let key: Rc<str> = use_memo(namespace.clone(), |ns| stored::key(ns)).as_str().into();
    let state = {
        let ns = namespace.clone();
        use_reducer(move || QuizState(restore(&ns)))
    };
    {
        let (key, ns) = (key.clone(), namespace.clone());
        use_effect_with((), move |_| storage::remove_other_versions(&ns, &key));
    }
    let failed = use_state_eq(|| false);
    {
        let (key, failed) = (key.clone(), failed.clone());
        use_effect_with(state.0.clone(), move |quiz| {
            if quiz.is_blank() {
                storage::remove(&key);
            } else {
                failed.set(!storage::save(&key, &stored::encode(quiz)));
            }
        });
    }
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Callback::from(move |a| dispatcher.dispatch(a)))
    };
    let forget = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |()| {
                storage::remove(&key);
                dispatcher.dispatch(Action::ForgetAll);
            })
        })
    };
    ProgressHandle { state, dispatch: (*dispatch).clone(), forget: (*forget).clone(), storage_failed: *failed }
}

/// Reads this instance's stored progress, newest format first. Read-only: what is stale
/// or unreadable is removed by the effects above, never during a render.
fn restore(namespace: &str) -> Quiz {
    let keys = std::iter::once(stored::key(namespace)).chain(stored::older_keys(namespace));
    for key in keys {
        let Some(text) = storage::load(&key) else { continue };
        match stored::restore(&text) {
            Ok(quiz) => return quiz,
            Err(why) => console::warn(&format!("Client Checkup: discarded stored answers ({why:?}).")),
        }
    }
    Quiz::default()
}
