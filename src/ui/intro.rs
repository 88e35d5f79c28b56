//! The first screen: what this checks, how long it takes, privacy, an optional nickname.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{use_ui, QuizState};
use crate::quiz::{Action, MAX_NICKNAME};

#[derive(Properties, PartialEq)]
pub struct IntroProps {
    pub state: UseReducerHandle<QuizState>,
}

#[component]
pub fn Intro(props: &IntroProps) -> Html {
    let ui = use_ui();
    let state = props.state.clone();
    let on_name = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            state.dispatch(Action::Nickname(input.value()));
        })
    };
    let start = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(Action::Start);
        })
    };
    let resumed = state.0.answers != Default::default();
    html! {
        <form class="cc-step cc-intro" onsubmit={start} novalidate=true>
            <h3 class="cc-step-title" tabindex="-1">{ ui.t("ui.intro.heading") }</h3>
            <p>{ ui.t("ui.intro.what") }</p>
            <ul class="cc-facts">
                <li>{ ui.t("ui.intro.time") }</li>
                <li>{ ui.t("ui.intro.privacy") }</li>
            </ul>
            <div class="cc-field">
                <label for={ui.id("nickname")}>{ ui.t("ui.intro.nickname") }</label>
                <p class="cc-hint" id={ui.id("nickname-hint")}>{ ui.t("ui.intro.nickname_hint") }</p>
                <input id={ui.id("nickname")} type="text" autocomplete="off" spellcheck="false"
                    maxlength={MAX_NICKNAME.to_string()} value={state.0.nickname.clone()}
                    aria-describedby={ui.id("nickname-hint")} oninput={on_name} />
            </div>
            <div class="cc-nav">
                <button type="submit" class="cc-primary" data-action="start">
                    { if resumed { ui.t("ui.intro.resume") } else { ui.t("ui.intro.start") } }
                </button>
            </div>
        </form>
    }
}
