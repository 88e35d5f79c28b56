//! The first screen: what this checks, how long it takes, privacy, an optional nickname,
//! and the saved clients (given as children): above the form for a returning visitor,
//! who most likely comes to check one of them again; below it, as a one-line offer to
//! import, for everyone else.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_ui;
use crate::quiz::Action;
use crate::text::MAX_NICKNAME;

#[derive(Properties, PartialEq)]
pub struct IntroProps {
    pub nickname: AttrValue,
    /// Answers were restored: the button says "Continue".
    pub resumed: bool,
    /// There are saved clients: they come first, and Start says "Check a new client".
    #[prop_or_default]
    pub has_saved: bool,
    pub on_action: Callback<Action>,
    /// The saved clients' section.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Intro(props: &IntroProps) -> Html {
    let ui = use_ui();
    let on_name =
        props.on_action.reform(|e: InputEvent| Action::Nickname(e.target_unchecked_into::<HtmlInputElement>().value()));
    let on_start = props.on_action.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::Start
    });
    let start = if props.resumed {
        ui.t("ui.intro.resume")
    } else if props.has_saved {
        ui.t("ui.clients.new")
    } else {
        ui.t("ui.intro.start")
    };
    html! {
        <div class="cc-step cc-intro">
            <h3 class="cc-step-title" tabindex="-1">{ ui.t("ui.intro.heading") }</h3>
            <p>{ ui.t("ui.intro.what") }</p>
            <ul class="cc-facts">
                <li>{ ui.t("ui.intro.time") }</li>
                <li>{ ui.t("ui.intro.privacy") }</li>
            </ul>
            if props.has_saved { { props.children.clone() } }
            <form class="cc-intro-form" onsubmit={on_start} novalidate=true>
                <div class="cc-field">
                    <label for={ui.id("nickname")}>{ ui.t("ui.intro.nickname") }</label>
                    <p class="cc-hint" id={ui.id("nickname-hint")}>{ ui.t("ui.intro.nickname_hint") }</p>
                    <input id={ui.id("nickname")} type="text" autocomplete="off" spellcheck="false"
                        maxlength={MAX_NICKNAME.to_string()} value={props.nickname.clone()}
                        aria-describedby={ui.id("nickname-hint")} oninput={on_name} />
                </div>
                <div class="cc-nav">
                    <button type="submit" class="cc-primary" data-action="start">{ start }</button>
                </div>
            </form>
            if !props.has_saved { { props.children.clone() } }
        </div>
    }
}
