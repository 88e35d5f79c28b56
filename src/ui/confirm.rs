//! A button for what cannot be undone: the first press asks, in words, and offers the
//! real action and a way out; focus moves to the question's buttons and comes back.

use web_sys::HtmlElement;
use yew::prelude::*;

use super::use_ui;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    /// The button's text.
    pub label: AttrValue,
    /// Read after the visible label by screen readers ("Delete: Acme").
    #[prop_or_default]
    pub label_detail: Option<AttrValue>,
    /// What will happen, asked as a question.
    pub question: AttrValue,
    /// The button that does it.
    pub yes: AttrValue,
    /// `data-action` of the first button (the confirming one gets `<action>-confirm`).
    pub action: AttrValue,
    pub on_confirm: Callback<()>,
}

#[component]
pub fn ConfirmButton(props: &ConfirmProps) -> Html {
    let ui = use_ui();
    let asking = use_state(|| false);
    let yes_ref = use_node_ref();
    let ask_ref = use_node_ref();
    // Focus follows the question: onto "yes" when it opens, back onto the button after.
    let was_asking = use_mut_ref(|| false);
    {
        let (yes_ref, ask_ref) = (yes_ref.clone(), ask_ref.clone());
        use_effect_with(*asking, move |now| {
            let before = std::mem::replace(&mut *was_asking.borrow_mut(), *now);
            let target = if *now {
                Some(yes_ref)
            } else if before {
                Some(ask_ref)
            } else {
                None
            };
            if let Some(el) = target.and_then(|r| r.cast::<HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }
    let open = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(false))
    };
    let confirm = {
        let (asking, on_confirm) = (asking.clone(), props.on_confirm.clone());
        Callback::from(move |_: MouseEvent| {
            asking.set(false);
            on_confirm.emit(());
        })
    };
    if *asking {
        html! {
            <span class="cc-confirm" role="group" aria-label={props.question.clone()}>
                <span class="cc-confirm-q">{ props.question.clone() }</span>
                <button type="button" class="cc-danger" ref={yes_ref}
                    data-action={format!("{}-confirm", props.action)} onclick={confirm}>{ props.yes.clone() }</button>
                <button type="button" class="cc-secondary" data-action="cancel" onclick={cancel}>{ ui.t("ui.cancel") }</button>
            </span>
        }
    } else {
        html! {
            <button type="button" class="cc-link" ref={ask_ref} data-action={props.action.clone()} onclick={open}>
                { props.label.clone() }
                if let Some(d) = &props.label_detail { <span class="cc-sr">{ format!(": {d}") }</span> }
            </button>
        }
    }
}
