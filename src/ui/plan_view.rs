//! The plan: its inputs, the ways to take it away, and the plan itself. The inputs change
//! the one quiz state through actions; the exports are the [`use_plan_exports`] hook.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::hooks::use_plan_exports;
use super::use_ui;
use crate::assessment::Context;
use crate::dates::Day;
use crate::document::{Block, Document};
use crate::plan::inputs::{parse_amount, MAX_DELIVERABLES};
use crate::plan::{Channel, Plan, PlanInputs};
use crate::quiz::{Action, PlanEdit};

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub plan: Rc<Plan>,
    pub inputs: PlanInputs,
    /// The context answers the plan depends on (contract end, notice), editable here too.
    pub context: Context,
    pub on_action: Callback<Action>,
}

fn value_of_input(e: Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let ui = use_ui();
    let anchor = use_node_ref();
    let exports = use_plan_exports(props.plan.clone(), anchor.clone());
    let (inputs, plan) = (&props.inputs, &props.plan);
    // The amount as typed (a half-typed "1 234," is not an amount yet).
    let amount_text = use_state(|| inputs.unpaid_amount_cents.map(|c| ui.cat().amount(c)).unwrap_or_default());
    let amount_bad = !amount_text.trim().is_empty() && parse_amount(&amount_text).is_none();
    let edit = |f: fn(String) -> PlanEdit| props.on_action.reform(move |v: String| Action::Plan(f(v)));

    let on_today = edit(|v| PlanEdit::Today(Day::parse_iso(&v))).reform(value_of_input);
    let on_end = props.on_action.reform(|e: Event| Action::ContractEnd(Day::parse_iso(&value_of_input(e))));
    let on_notice = props.on_action.reform(|e: InputEvent| {
        Action::NoticeDays(Context::parse_notice_days(&e.target_unchecked_into::<HtmlInputElement>().value()))
    });
    let on_prefer = props.on_action.reform(|e: Event| {
        Action::Plan(PlanEdit::PreferContractEnd(e.target_unchecked_into::<HtmlInputElement>().checked()))
    });
    let on_work =
        edit(PlanEdit::Deliverables).reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let on_amount = {
        let text = amount_text.clone();
        edit(|v| PlanEdit::UnpaidAmount(parse_amount(&v))).reform(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            text.set(v.clone());
            v
        })
    };
    let on_currency =
        edit(PlanEdit::Currency).reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let channel = |c: Channel| {
        let onchange = props.on_action.reform(move |_: Event| Action::Plan(PlanEdit::Channel(c)));
        let input_id = ui.id(&format!("channel-{c}"));
        html! {
            <label class="cc-opt" for={input_id.clone()}>
                <input type="radio" id={input_id} name={ui.id("channel")} value={c.id()}
                    checked={inputs.channel == c} {onchange} />
                <span>{ ui.t(&format!("ui.plan.channel.{c}")) }</span>
            </label>
        }
    };
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());

    html! {
        <section class="cc-plan" aria-labelledby={ui.id("plan-title")} data-plan-kind={plan.kind.id()} ref={anchor}>
            <h4 id={ui.id("plan-title")}>{ ui.t("ui.plan.heading") }</h4>
            <p class="cc-hint">{ ui.t("ui.plan.intro") }</p>
            <details class="cc-plan-inputs" open=true>
                <summary>{ ui.t("ui.plan.details") }</summary>
                <div class="cc-grid">
                    <div class="cc-field">
                        <label for={ui.id("plan-today")}>{ ui.t("ui.plan.today") }</label>
                        <input id={ui.id("plan-today")} type="date" data-plan="today"
                            value={plan.today.iso()} onchange={on_today} />
                    </div>
                    <div class="cc-field">
                        <label for={ui.id("plan-end")}>{ ui.t("ui.plan.contract_end") }</label>
                        <input id={ui.id("plan-end")} type="date" data-plan="contract_end"
                            value={props.context.contract_end.map(Day::iso).unwrap_or_default()} onchange={on_end} />
                    </div>
                    <div class="cc-field">
                        <label for={ui.id("plan-notice")}>{ ui.t("ui.plan.notice_days") }</label>
                        <input id={ui.id("plan-notice")} type="text" inputmode="numeric" maxlength="3" data-plan="notice_days"
                            value={props.context.notice_days.map(|d| d.to_string()).unwrap_or_default()}
                            placeholder="14" oninput={on_notice} />
                    </div>
                    <div class="cc-field cc-check">
                        <input id={ui.id("plan-prefer")} type="checkbox" data-plan="prefer_contract_end"
                            checked={inputs.prefer_contract_end} onchange={on_prefer} />
                        <label for={ui.id("plan-prefer")}>{ ui.t("ui.plan.prefer_contract_end") }</label>
                    </div>
                </div>
                <div class="cc-field">
                    <label for={ui.id("plan-work")}>{ ui.t("ui.plan.open_work") }</label>
                    <p class="cc-hint" id={ui.id("plan-work-hint")}>{ ui.fmt("ui.plan.open_work_hint", &[("max", &MAX_DELIVERABLES.to_string())]) }</p>
                    <textarea id={ui.id("plan-work")} data-plan="open_deliverables" rows="3"
                        aria-describedby={ui.id("plan-work-hint")} oninput={on_work}
                        value={inputs.open_deliverables.join("\n")} />
                </div>
                <div class="cc-grid">
                    <div class={classes!("cc-field", amount_bad.then_some("cc-invalid"))}>
                        <label for={ui.id("plan-amount")}>{ ui.t("ui.plan.unpaid_amount") }</label>
                        <input id={ui.id("plan-amount")} type="text" inputmode="decimal" data-plan="unpaid_amount"
                            value={(*amount_text).clone()} oninput={on_amount} />
                        if amount_bad { <p class="cc-q-error">{ ui.t("ui.plan.bad_amount") }</p> }
                    </div>
                    <div class="cc-field">
                        <label for={ui.id("plan-currency")}>{ ui.t("ui.plan.currency") }</label>
                        <input id={ui.id("plan-currency")} type="text" maxlength="3" autocomplete="off" data-plan="currency"
                            value={inputs.currency.clone()} placeholder="EUR" oninput={on_currency} />
                    </div>
                </div>
                <fieldset class="cc-q" data-plan="channel">
                    <legend>{ ui.t("ui.plan.channel") }</legend>
                    <div class="cc-options">
                        { for Channel::ALL.into_iter().map(channel) }
                    </div>
                </fieldset>
            </details>
            <div class="cc-actions" role="group" aria-label={ui.t("ui.plan.take_away")}>
                <button type="button" class="cc-primary" data-action="download-md" onclick={click(&exports.markdown)}>{ ui.t("ui.plan.download_md") }</button>
                <button type="button" class="cc-primary" data-action="download-pdf" onclick={click(&exports.pdf)}>{ ui.t("ui.plan.download_pdf") }</button>
                <button type="button" class="cc-primary" data-action="download-ics" onclick={click(&exports.calendar)}>{ ui.t("ui.plan.download_ics") }</button>
                <button type="button" class="cc-secondary" data-action="print" onclick={click(&exports.print)}>{ ui.t("ui.plan.print") }</button>
                if plan.notice_draft.is_some() {
                    <button type="button" class="cc-secondary" data-action="copy-notice" onclick={click(&exports.copy_notice)}>{ ui.t("ui.plan.copy_notice") }</button>
                }
                if !plan.talking_points.is_empty() {
                    <button type="button" class="cc-secondary" data-action="copy-talking-points"
                        onclick={click(&exports.copy_points)}>{ ui.t("ui.plan.copy_points") }</button>
                }
            </div>
            <p class="cc-status" role="status" aria-live="polite">{ exports.status.map(|key| ui.t(key)) }</p>
            <DocumentView doc={plan.document.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DocumentViewProps {
    doc: Document,
}

/// The plan document as HTML: the same blocks the Markdown and PDF render.
#[component]
fn DocumentView(props: &DocumentViewProps) -> Html {
    html! {
        <article class="cc-doc" data-doc="plan">
            <h4 class="cc-doc-title">{ props.doc.title.clone() }</h4>
            { for props.doc.blocks.iter().map(|b| match b {
                Block::Heading { text, .. } => html! { <h5>{ text.clone() }</h5> },
                Block::Paragraph(text) => html! { <p>{ text.clone() }</p> },
                Block::Checklist(items) => html! {
                    <ul class="cc-checklist">{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
                },
                Block::Bullets(items) => html! {
                    <ul>{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
                },
                Block::Dated { date, iso, text } => html! {
                    <p class="cc-dated"><time datetime={iso.clone()}>{ date.clone() }</time>{ " — " }{ text.clone() }</p>
                },
                Block::Letter(text) => html! { <pre class="cc-letter">{ text.clone() }</pre> },
            }) }
        </article>
    }
}
