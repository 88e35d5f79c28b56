//! One question as a radio group: a fieldset with a legend, one labelled radio per
//! option. Arrow keys move within the group and Tab leaves it (native radio behaviour).

use yew::prelude::*;

use super::use_ui;

#[derive(Clone, PartialEq)]
pub struct Choice {
    /// The input's `value`: `0`..`4`, `na`, or a context value id.
    pub value: &'static str,
    pub label: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// Local id (question or context id), unique within the instance.
    pub id: AttrValue,
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub choices: Vec<Choice>,
    pub selected: Option<&'static str>,
    pub on_pick: Callback<&'static str>,
    /// `data-signal` for rating questions.
    #[prop_or_default]
    pub signal: Option<AttrValue>,
    /// `data-context` for context questions.
    #[prop_or_default]
    pub context: Option<AttrValue>,
    /// Shown (and linked) when Next was refused because this is unanswered.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[component]
pub fn Question(props: &QuestionProps) -> Html {
    let ui = use_ui();
    let name = ui.id(&format!("q-{}", props.id));
    let hint_id = ui.id(&format!("hint-{}", props.id));
    let err_id = ui.id(&format!("err-{}", props.id));
    let described =
        [props.hint.as_ref().map(|_| hint_id.to_string()), props.error.as_ref().map(|_| err_id.to_string())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
    let class = classes!(
        "cc-q",
        props.error.is_some().then_some("cc-invalid"),
        (props.choices.len() > 3).then_some("cc-scale")
    );
    html! {
        <fieldset {class} data-signal={props.signal.clone()} data-context={props.context.clone()}
            data-question={props.id.clone()}
            aria-describedby={(!described.is_empty()).then_some(described)}>
            <legend>{ props.legend.clone() }</legend>
            if let Some(h) = &props.hint { <p class="cc-hint" id={hint_id}>{ h.clone() }</p> }
            <div class="cc-options">
                { for props.choices.iter().map(|c| {
                    let pick = {
                        let (cb, v) = (props.on_pick.clone(), c.value);
                        Callback::from(move |_: Event| cb.emit(v))
                    };
                    let input_id = ui.id(&format!("{}-{}", props.id, c.value));
                    html! {
                        <label class={classes!("cc-opt", (c.value == "na").then_some("cc-opt-na"))} for={input_id.clone()}>
                            <input type="radio" id={input_id} name={name.clone()} value={c.value}
                                checked={props.selected == Some(c.value)} onchange={pick} />
                            <span>{ c.label.clone() }</span>
                        </label>
                    }
                }) }
            </div>
            if let Some(e) = &props.error { <p class="cc-q-error" id={err_id}>{ e.clone() }</p> }
        </fieldset>
    }
}
