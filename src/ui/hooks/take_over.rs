//! The hand-over from the loader's painted screens to the live widget.

use web_sys::Element;
use yew::prelude::*;

use super::LanguageHandle;
use crate::edge::{dom, host};
use crate::i18n::Lang;
use crate::quiz::{Action, Painted, Step};

/// What phase 1 took over, for phase 2.
#[derive(Clone, PartialEq)]
struct Taken {
    painted: Painted,
    /// Start was applied: the widget left its first screen.
    started: bool,
}

/// The hand-over, in two renders, so that no other screen shows in between (the live
/// widget stays hidden under the painted screens until the second; Yew may let the
/// browser paint between renders):
/// 1. once the widget speaks the painted screens' language (a language the visitor picked
///    there is fetched first, and the painted screens stay meanwhile; one that cannot be
///    fetched is given up), it reads what the visitor did there and applies it — the
///    nickname, the language, a press of Start, the answers picked on the painted first
///    question and a press of its Next, in that order, so no click and no answer is lost;
/// 2. with that rendered, it removes the painted screens, shows the widget and puts focus
///    where the visitor would expect it.
#[hook]
pub fn use_take_over(
    root: &NodeRef,
    language: &LanguageHandle,
    step: Step,
    refused: bool,
    on_action: Callback<Action>,
    set_lang: Callback<Lang>,
) {
    let taken = use_state(|| None::<Taken>);
    {
        let (root, taken) = (root.clone(), taken.clone());
        let (lang, ready, failed) = (language.lang, language.ready, language.failed);
        use_effect_with((ready, lang), move |_| {
            if !ready || taken.is_some() {
                return;
            }
            let Some(painted) = root.cast::<Element>().and_then(|r| host::painted(&r)) else { return };
            match painted.lang {
                Some(l) if l != lang && failed != Some(l) => {
                    set_lang.emit(l); // and back here once it is shown
                    return;
                }
                Some(l) if l == lang => on_action.emit(Action::Language(l)), // remembered
                _ => {}
            }
            let actions = painted.actions(step);
            let started = actions.contains(&Action::Start);
            for action in actions {
                on_action.emit(action);
            }
            taken.set(Some(Taken { painted, started }));
        });
    }
    let root = root.clone();
    use_effect_with(taken.is_some(), move |rendered| {
        // Only in the render that shows phase 1's actions (the handle reads the newest
        // state, already set in the render before).
        if !*rendered {
            return;
        }
        let (Some(Taken { painted, started }), Some(root)) = ((*taken).clone(), root.cast::<Element>()) else { return };
        host::take_over(&root);
        // The visitor sees the screen they were on, live: the painted first question
        // (without a pending Next), or the first screen without a pending Start.
        let same_screen = if started { painted.on_question && !painted.next } else { true };
        let heading = if refused { ".cc-invalid input" } else { ".cc-step-title" };
        let kept = same_screen && painted.focused.as_deref().is_some_and(|s| dom::focus_first(&root, s));
        // Another screen (after an early Start or Next, as any change of step), or the
        // element they were on is gone: its heading. Nothing had focus: nothing gets it.
        if !kept && (!same_screen || painted.focused.is_some()) {
            dom::focus_first(&root, heading);
        }
    });
}
