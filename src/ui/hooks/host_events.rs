//! The events a blog owner can listen to on the placeholder.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::assessment::Assessment;
use crate::edge::events;
use crate::quiz::Step;

/// `client-checkup:ready` once, when the first screen is usable (its language is there);
/// `started` when the visitor leaves the intro for the first question; `completed` (with
/// the verdict and scores, never anything typed) when the result appears. A restored
/// state is not a transition: reloading on the result does not complete again.
#[hook]
pub fn use_host_events(host: &Element, ready: bool, step: Step, assessment: Rc<Assessment>) {
    {
        let host = host.clone();
        use_effect_with(ready, move |ready| {
            if *ready {
                events::ready(&host);
            }
        });
    }
    let last = use_mut_ref(|| None::<Step>);
    let host = host.clone();
    use_effect_with(step, move |step| {
        let previous = last.borrow_mut().replace(*step);
        match (previous, *step) {
            (Some(Step::Intro), Step::Signal(0)) => events::started(&host),
            (Some(p), Step::Result) if p != Step::Result => events::completed(&host, &assessment),
            _ => {}
        }
    });
}
