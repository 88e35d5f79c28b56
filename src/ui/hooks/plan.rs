//! The dated plan, built by the plan module (the second wasm module) whenever what it
//! depends on changes, and fetched early so that it is ready when the result is.

use std::rc::Rc;

use yew::prelude::*;

use crate::edge::{console, dom, plan_module};
use crate::plan::Plan;
use crate::plan_module::PlanRequest;
use crate::quiz::Step;

/// Where the plan is.
#[derive(Clone, PartialEq)]
pub enum PlanState {
    /// Being built (the module may still be on its way).
    Building,
    /// The plan for the screen, and its JSON for the files.
    Ready(Rc<Plan>, Rc<str>),
    /// The module could not be loaded or could not build the plan.
    Failed,
}

/// The plan for `request`, rebuilt when the request changes. A newer request always wins
/// over an older one that finishes late.
#[hook]
pub fn use_plan(request: PlanRequest) -> PlanState {
    let state = use_state(|| PlanState::Building);
    let generation = use_mut_ref(|| 0u64);
    {
        let state = state.clone();
        use_effect_with(request, move |request| {
            let mine = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            let request = request.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = plan_module::plan(&request).await;
                if *generation.borrow() != mine {
                    return;
                }
                match result {
                    Ok((plan, json)) => state.set(PlanState::Ready(plan, json)),
                    Err(e) => {
                        console::warn(&format!("Client Checkup: the plan could not be built: {e}"));
                        state.set(PlanState::Failed);
                    }
                }
            });
        });
    }
    (*state).clone()
}

/// Fetches the plan module when the browser is idle, once the visitor is past the first
/// question: by the result it is there, and the first question never waits for it.
#[hook]
pub fn use_plan_prefetch(step: Step) {
    let past_first = !matches!(step, Step::Intro | Step::Signal(0));
    use_effect_with(past_first, |past_first| {
        if *past_first {
            dom::when_idle(Box::new(plan_module::prefetch));
        }
    });
}

/// On the review, builds the plan for the answers as they stand when the browser is idle
/// (the plan module is there by then), so that Finish finds it built: the result shows the
/// plan without waiting for the module's first run. A change of answer after that builds
/// again on the result, as before.
#[hook]
pub fn use_plan_ahead(request: Option<PlanRequest>) {
    use_effect_with(request, |request| {
        if let Some(request) = request.clone() {
            dom::when_idle(Box::new(move || {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(e) = plan_module::plan(&request).await {
                        console::warn(&format!("Client Checkup: the plan could not be built ahead: {e}"));
                    }
                });
            }));
        }
    });
}
