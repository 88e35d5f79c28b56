//! Where keyboard and screen-reader focus goes.

use web_sys::Element;
use yew::prelude::*;

use crate::edge::dom;
use crate::quiz::Step;

/// On every change of step (not on the first render: the host page keeps its focus until
/// the visitor acts), focus moves to the new step's heading so a screen reader reads
/// where the visitor is. When Next was refused, focus moves to the first unanswered
/// question instead.
#[hook]
pub fn use_step_focus(root: &NodeRef, step: Step, refused: bool) {
    let last = use_mut_ref(|| None::<Step>);
    {
        let root = root.clone();
        use_effect_with(step, move |step| {
            let previous = last.borrow_mut().replace(*step);
            if previous.is_some_and(|p| p != *step) {
                if let Some(root) = root.cast::<Element>() {
                    dom::focus_first(&root, ".cc-step-title");
                }
            }
        });
    }
    let root = root.clone();
    use_effect_with(refused, move |refused| {
        if *refused {
            if let Some(root) = root.cast::<Element>() {
                dom::focus_first(&root, ".cc-invalid input");
            }
        }
    });
}
