//! The hand-over from the loader's painted first screen to the live widget.

use web_sys::Element;
use yew::prelude::*;

use crate::edge::{dom, host};
use crate::i18n::Lang;
use crate::quiz::{Action, Step};

/// Once, after the first render in the widget's language (a fetched language renders a
/// hidden placeholder until its texts arrive, and the painted screen stays until then):
/// removes the painted first screen and carries over what the visitor did on it — the nickname typed so far, the language chosen, a press of
/// Start (the quiz starts now, so the click is never lost), and the focus.
#[hook]
pub fn use_take_over(
    root: &NodeRef,
    ready: bool,
    step: Step,
    on_action: Callback<Action>,
    set_lang: Callback<Lang>,
    lang: Lang,
) {
    let root = root.clone();
    use_effect_with(ready, move |ready| {
        if !*ready {
            return;
        }
        let Some(taken) = root.cast::<Element>().and_then(|r| host::take_over(&r)) else { return };
        if let Some(l) = taken.lang.filter(|l| *l != lang) {
            set_lang.emit(l);
        }
        if !taken.nickname.is_empty() {
            on_action.emit(Action::Nickname(taken.nickname));
        }
        if taken.start && step == Step::Intro {
            on_action.emit(Action::Start);
        } else if let (Some(id), Some(root)) = (taken.focused, root.cast::<Element>()) {
            dom::focus_first(&root, &format!("#{id}"));
        }
    });
}
