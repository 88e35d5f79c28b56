//! The plan on screen: the dated timeline, the plan's own sections behind disclosures
//! (each step once), the ways to take it away, and the details that shape it. The inputs
//! change the one quiz state through actions; the exports are the [`use_plan_exports`]
//! hook.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::hooks::use_plan_exports;
use super::use_ui;
use crate::dates::Day;
use crate::document::Block;
use crate::plan::inputs::{parse_amount, MAX_DELIVERABLES};
use crate::plan::{Channel, Milestone, Plan, PlanInputs, PlanKind};
use crate::quiz::{Action, PlanEdit};
use crate::text::MAX_ADDRESSEE;

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub plan: Rc<Plan>,
    /// The same plan as the plan module wrote it, for the files.
    pub json: Rc<str>,
    pub inputs: PlanInputs,
    /// The contract is a fixed term with a known end: the visitor may choose to work
    /// until it ends.
    pub fixed_term: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let ui = use_ui();
    let anchor = use_node_ref();
    let exports = use_plan_exports(props.plan.clone(), props.json.clone(), anchor.clone());
    let plan = &props.plan;
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    html! {
        <section class="cc-plan" aria-labelledby={ui.id("plan-title")} data-plan-kind={plan.kind.id()} ref={anchor}>
            <h4 id={ui.id("plan-title")}>{ ui.t("ui.plan.heading") }</h4>
            <article class="cc-doc" data-doc="plan">
                <h5>{ ui.t("ui.plan.when") }</h5>
                <ol class="cc-timeline">
                    { for plan.milestones.iter().map(|m| html! { <TimelineStep milestone={m.clone()} /> }) }
                </ol>
                { for plan.sections().into_iter().map(|(title, blocks)| html! {
                    <details class="cc-section">
                        <summary>{ title.to_owned() }</summary>
                        { for blocks.iter().map(block) }
                    </details>
                }) }
            </article>
            <div class="cc-actions" role="group" aria-label={ui.t("ui.plan.take_away")}>
                <button type="button" class="cc-primary" data-action="download-pdf" onclick={click(&exports.pdf)}>{ ui.t("ui.plan.download_pdf") }</button>
                <button type="button" class="cc-primary" data-action="download-ics" onclick={click(&exports.calendar)}>{ ui.t("ui.plan.download_ics") }</button>
                <button type="button" class="cc-secondary" data-action="download-md" onclick={click(&exports.markdown)}>{ ui.t("ui.plan.download_md") }</button>
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
            <PlanInputsForm inputs={props.inputs.clone()} fixed_term={props.fixed_term && plan.kind == PlanKind::Exit}
                on_action={props.on_action.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TimelineStepProps {
    milestone: Milestone,
}

/// One dated step: the date and title always visible, what to do behind a disclosure.
#[component]
fn TimelineStep(props: &TimelineStepProps) -> Html {
    let ui = use_ui();
    let m = &props.milestone;
    html! {
        <li class={classes!("cc-dated", m.on_payment.then_some("cc-on-payment"))} data-milestone={m.id.id()}>
            <details>
                <summary>
                    <span class="cc-dated-head">
                        <time datetime={m.date.iso()}>{ ui.cat().date(m.date) }</time>
                        <span class="cc-dated-title">{ m.title.clone() }</span>
                        if m.on_payment { <span class="cc-badge">{ ui.t("ui.plan.on_payment") }</span> }
                    </span>
                </summary>
                <p>{ m.detail.clone() }</p>
            </details>
        </li>
    }
}

/// A block of the plan's own sections, as HTML: the same blocks the Markdown and PDF render.
fn block(b: &Block) -> Html {
    let items = |items: &[String]| items.iter().map(|i| html! { <li>{ i.clone() }</li> }).collect::<Html>();
    match b {
        Block::Heading { text, .. } => html! { <h5>{ text.clone() }</h5> },
        Block::Paragraph(text) => html! { <p>{ text.clone() }</p> },
        Block::Checklist(list) => html! { <ul class="cc-checklist">{ items(list) }</ul> },
        Block::Bullets(list) => html! { <ul>{ items(list) }</ul> },
        Block::Dated { date, iso, text } => html! {
            <p class="cc-dated"><time datetime={iso.clone()}>{ date.clone() }</time>{ " — " }{ text.clone() }</p>
        },
        Block::Letter(text) => html! { <pre class="cc-letter">{ text.clone() }</pre> },
    }
}

#[derive(Properties, PartialEq)]
struct PlanInputsFormProps {
    inputs: PlanInputs,
    /// An exit from a fixed-term contract: offer to work until it ends.
    fixed_term: bool,
    on_action: Callback<Action>,
}

/// The details that shape the plan, closed by default: who the letter is addressed to,
/// the start date, open work, the amount owed, the channel for the talk.
#[component]
fn PlanInputsForm(props: &PlanInputsFormProps) -> Html {
    let ui = use_ui();
    let inputs = &props.inputs;
    // The amount as typed (a half-typed "1 234," is not an amount yet).
    let amount_text = use_state(|| inputs.unpaid_amount_cents.map(|c| ui.cat().amount(c)).unwrap_or_default());
    let amount_bad = !amount_text.trim().is_empty() && parse_amount(&amount_text).is_none();
    let text_edit = |edit: fn(String) -> PlanEdit| {
        props
            .on_action
            .reform(move |e: InputEvent| Action::Plan(edit(e.target_unchecked_into::<HtmlInputElement>().value())))
    };
    let on_addressee = text_edit(PlanEdit::Addressee);
    let on_currency = text_edit(PlanEdit::Currency);
    let on_today = props.on_action.reform(|e: Event| {
        Action::Plan(PlanEdit::Today(Day::parse_iso(&e.target_unchecked_into::<HtmlInputElement>().value())))
    });
    let on_prefer = props.on_action.reform(|e: Event| {
        Action::Plan(PlanEdit::PreferContractEnd(e.target_unchecked_into::<HtmlInputElement>().checked()))
    });
    let on_work = props.on_action.reform(|e: InputEvent| {
        Action::Plan(PlanEdit::Deliverables(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    });
    let on_amount = {
        let text = amount_text.clone();
        props.on_action.reform(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let cents = parse_amount(&v);
            text.set(v);
            Action::Plan(PlanEdit::UnpaidAmount(cents))
        })
    };
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
    html! {
        <details class="cc-plan-inputs">
            <summary>{ ui.t("ui.plan.details") }</summary>
            <p class="cc-hint">{ ui.t("ui.plan.intro") }</p>
            <div class="cc-field">
                <label for={ui.id("plan-addressee")}>{ ui.t("ui.plan.addressee") }</label>
                <p class="cc-hint" id={ui.id("plan-addressee-hint")}>{ ui.t("ui.plan.addressee_hint") }</p>
                <input id={ui.id("plan-addressee")} type="text" autocomplete="off" data-plan="addressee"
                    maxlength={MAX_ADDRESSEE.to_string()} value={inputs.addressee.clone()}
                    aria-describedby={ui.id("plan-addressee-hint")} oninput={on_addressee} />
            </div>
            <div class="cc-grid">
                <div class="cc-field">
                    <label for={ui.id("plan-today")}>{ ui.t("ui.plan.today") }</label>
                    <input id={ui.id("plan-today")} type="date" data-plan="today"
                        value={inputs.today.map(Day::iso).unwrap_or_default()} onchange={on_today} />
                </div>
                if props.fixed_term {
                    <div class="cc-field cc-check">
                        <input id={ui.id("plan-prefer")} type="checkbox" data-plan="prefer_contract_end"
                            checked={inputs.prefer_contract_end} onchange={on_prefer} />
                        <label for={ui.id("plan-prefer")}>{ ui.t("ui.plan.prefer_contract_end") }</label>
                    </div>
                }
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
    }
}
