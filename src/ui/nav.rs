//! The Back / Next bar under each step, with the validation message above it.

use yew::prelude::*;

use super::use_ui;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub on_back: Option<Callback<MouseEvent>>,
    pub on_next: Callback<MouseEvent>,
    /// `data-action` of the forward button: `next`, `review` or `finish`.
    pub next_action: AttrValue,
    pub next_label: AttrValue,
    /// What stops the visitor from moving on, if anything.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    let ui = use_ui();
    html! {
        <>
            <div class="cc-error" role="alert">
                if let Some(e) = &props.error { <p>{ e.clone() }</p> }
            </div>
            <div class="cc-nav">
                if let Some(back) = &props.on_back {
                    <button type="button" class="cc-secondary" data-action="back" onclick={back.clone()}>
                        { ui.t("ui.back") }
                    </button>
                }
                <button type="button" class="cc-primary" data-action={props.next_action.clone()}
                    onclick={props.on_next.clone()}>
                    { props.next_label.clone() }
                </button>
            </div>
        </>
    }
}
