//! The Back / forward bar under each step, with the validation message above it. The
//! one place Back and the forward moves are turned into actions.

use yew::prelude::*;

use super::use_ui;
use crate::quiz::Action;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub on_action: Callback<Action>,
    /// Whether this step has a Back button.
    #[prop_or(true)]
    pub back: bool,
    /// What the forward button does: `Next` or `Finish`.
    pub forward: Action,
    /// `data-action` of the forward button: `next`, `review` or `finish`.
    pub forward_id: AttrValue,
    pub forward_label: AttrValue,
    /// What stops the visitor from moving on, if anything.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    let ui = use_ui();
    let on_back = props.on_action.reform(|_: MouseEvent| Action::Back);
    let on_forward = {
        let forward = props.forward.clone();
        props.on_action.reform(move |_: MouseEvent| forward.clone())
    };
    html! {
        <>
            <div class="cc-error" role="alert">
                if let Some(e) = &props.error { <p>{ e.clone() }</p> }
            </div>
            <div class="cc-nav">
                if props.back {
                    <button type="button" class="cc-secondary" data-action="back" onclick={on_back}>
                        { ui.t("ui.back") }
                    </button>
                }
                <button type="button" class="cc-primary" data-action={props.forward_id.clone()} onclick={on_forward}>
                    { props.forward_label.clone() }
                </button>
            </div>
        </>
    }
}
