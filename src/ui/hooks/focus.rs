//! Where keyboard and screen-reader focus goes.

use web_sys::Element;
use yew::prelude::*;

use crate::edge::dom;
use crate::i18n::Lang;
use crate::quiz::Step;

/// On every change of step (not on the first render: the host page keeps its focus until
/// the visitor acts), focus moves to the new step's heading so a screen reader reads
/// where the visitor is. When Next was refused, focus moves to the first unanswered
/// question instead. (While the widget is hidden under the loader's painted screens,
/// focus goes nowhere: the take-over places it.)
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

/// After a change of language (or a language that could not be fetched), focus goes back
/// to the language switch: a language that had to be fetched re-renders the whole widget,
/// and the switch the visitor was on would otherwise leave focus on nothing. Not on the
/// first render in the widget's language.
#[hook]
pub fn use_language_focus(root: &NodeRef, lang: Lang, ready: bool, failed: Option<Lang>) {
    let last = use_mut_ref(|| None::<(Lang, bool, Option<Lang>)>);
    let shown = use_mut_ref(|| false);
    let root = root.clone();
    use_effect_with((lang, ready, failed), move |&now| {
        let previous = last.borrow_mut().replace(now);
        if !now.1 {
            return; // the texts are on their way
        }
        let first = !std::mem::replace(&mut *shown.borrow_mut(), true);
        if !first && previous.is_some_and(|p| p != now) {
            if let Some(root) = root.cast::<Element>() {
                dom::focus_first(&root, "select[data-action=language]");
            }
        }
    });
}
