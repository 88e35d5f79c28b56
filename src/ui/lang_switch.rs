//! The language switcher: a labelled select. Switching keeps every answer.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::use_ui;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// The id of the line that says a chosen language could not be fetched: read with the
    /// switch, where focus returns after the attempt.
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let ui = use_ui();
    let onchange = {
        let set = ui.set_lang.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(l) = Lang::parse(&select.value()) {
                set.emit(l);
            }
        })
    };
    html! {
        <div class="cc-lang">
            <label class="cc-sr" for={ui.id("lang")}>{ ui.t("ui.language") }</label>
            <select id={ui.id("lang")} {onchange} data-action="language" aria-describedby={props.described_by.clone()}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.id()} selected={*l == ui.lang} lang={l.id()}>
                        { l.own_name() }
                    </option>
                }) }
            </select>
        </div>
    }
}
