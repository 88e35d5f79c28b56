//! The context step: questions that shape the plan, not the diagnosis. All optional.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::nav::Nav;
use super::question::{Choice, Question};
use super::use_ui;
use crate::assessment::context::{context_values, Context, CHOICE_CONTEXTS, MAX_NOTICE_DAYS};
use crate::assessment::Answers;
use crate::dates::Day;
use crate::quiz::Action;

#[derive(Properties, PartialEq)]
pub struct ContextStepProps {
    /// The answers so far: the context, and whether this is a re-check (which does not
    /// ask whether a repair was tried).
    pub answers: Answers,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ContextStep(props: &ContextStepProps) -> Html {
    let ui = use_ui();
    let ctx = &props.answers.context;
    // What the visitor typed, kept as typed so a half-written value is not overwritten.
    let notice_text = use_state(|| ctx.notice_days.map(|d| d.to_string()).unwrap_or_default());
    let date_text = use_state(|| ctx.contract_end.map(|d| d.iso()).unwrap_or_default());

    let choice = |id: &'static str| {
        let on_pick =
            props.on_action.reform(move |v: &'static str| Action::Context { id: id.to_owned(), value: v.to_owned() });
        let choices: Vec<Choice> = context_values(id)
            .unwrap_or_default()
            .iter()
            .map(|v| Choice { value: v, label: ui.t(&format!("ctx.{id}.{v}")) })
            .collect();
        let hint_key = format!("ctx.{id}.hint");
        html! {
            <Question key={id} id={id} legend={ui.t(&format!("ctx.{id}.label"))}
                hint={ui.cat().has(&hint_key).then(|| ui.t(&hint_key))}
                {choices} selected={ctx.value(id)} {on_pick} context={AttrValue::from(id)} />
        }
    };
    let on_date = {
        let date_text = date_text.clone();
        props.on_action.reform(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let day = Day::parse_iso(&v);
            date_text.set(v);
            Action::ContractEnd(day)
        })
    };
    let on_notice = {
        let notice_text = notice_text.clone();
        props.on_action.reform(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let days = Context::parse_notice_days(&v);
            notice_text.set(v);
            Action::NoticeDays(days)
        })
    };
    let notice_bad = !notice_text.trim().is_empty() && Context::parse_notice_days(&notice_text).is_none();
    let date_bad = !date_text.is_empty() && Day::parse_iso(&date_text).is_none();
    let field_error = (notice_bad || date_bad).then(|| ui.t("ui.context.fix_fields"));
    html! {
        <div class="cc-step" data-signal-step="context">
            <h3 class="cc-step-title" tabindex="-1">{ ui.t("ui.context.heading") }</h3>
            <p class="cc-hint">{ ui.t("ui.context.intro") }</p>
            { choice(CHOICE_CONTEXTS[0]) }
            if ctx.asks("contract_end") {
                <div class={classes!("cc-field", date_bad.then_some("cc-invalid"))} data-context="contract_end">
                    <label for={ui.id("contract_end")}>{ ui.t("ctx.contract_end.label") }</label>
                    <p class="cc-hint" id={ui.id("contract_end-hint")}>{ ui.t("ctx.contract_end.hint") }</p>
                    <input id={ui.id("contract_end")} type="date" value={(*date_text).clone()}
                        min="1990-01-01" max="2200-12-31" onchange={on_date}
                        aria-describedby={ui.id("contract_end-hint")} />
                    if date_bad { <p class="cc-q-error">{ ui.t("ui.context.bad_date") }</p> }
                </div>
            }
            if ctx.asks("notice_days") {
                <div class={classes!("cc-field", notice_bad.then_some("cc-invalid"))} data-context="notice_days">
                    <label for={ui.id("notice_days")}>{ ui.t("ctx.notice_days.label") }</label>
                    <p class="cc-hint" id={ui.id("notice_days-hint")}>{ ui.t("ctx.notice_days.hint") }</p>
                    <input id={ui.id("notice_days")} type="text" inputmode="numeric" autocomplete="off"
                        maxlength="3" value={(*notice_text).clone()} oninput={on_notice}
                        aria-describedby={ui.id("notice_days-hint")} />
                    if notice_bad {
                        <p class="cc-q-error">{ ui.fmt("ui.context.bad_notice", &[("max", &MAX_NOTICE_DAYS.to_string())]) }</p>
                    }
                </div>
            }
            // One node, not spread into this list: the questions a contract type adds or
            // removes then leave every node above them (and keyboard focus) in place.
            { CHOICE_CONTEXTS[1..].iter().filter(|id| props.answers.asks(id)).map(|id| choice(id)).collect::<Html>() }
            <Nav on_action={props.on_action.clone()} forward={Action::Next} error={field_error}
                forward_id="review" forward_label={ui.t("ui.to_review")} />
        </div>
    }
}
