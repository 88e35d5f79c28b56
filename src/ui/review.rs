//! All answers at a glance, each group one click from being changed.

use yew::prelude::*;

use super::nav::Nav;
use super::use_ui;
use crate::assessment::context::CHOICE_CONTEXTS;
use crate::assessment::{Answers, SignalId, MODEL};
use crate::quiz::{Action, Step};

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub answers: Answers,
    /// The currency the rate is given in (empty: the language's default).
    pub currency: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let ui = use_ui();
    let answers = &props.answers;
    let not_answered = ui.t("ui.review.not_answered");
    let edit = |step: Step, label: AttrValue| {
        let onclick = props.on_action.reform(move |_: MouseEvent| Action::Edit(step));
        html! {
            <button type="button" class="cc-link" data-action="edit" data-step={step.id()} {onclick}>
                { ui.t("ui.review.change") }<span class="cc-sr">{ format!(": {label}") }</span>
            </button>
        }
    };
    let ctx = &answers.context;
    let mut ctx_rows: Vec<(AttrValue, AttrValue)> = CHOICE_CONTEXTS
        .iter()
        .filter(|id| answers.asks(id))
        .map(|id| {
            let v = ctx.value(id).map(|v| ui.t(&format!("ctx.{id}.{v}"))).unwrap_or_else(|| not_answered.clone());
            (ui.t(&format!("ctx.{id}.label")), v)
        })
        .collect();
    if let Some(d) = ctx.contract_end.filter(|_| ctx.asks("contract_end")) {
        ctx_rows.insert(1, (ui.t("ctx.contract_end.label"), ui.cat().date(d).into()));
    }
    if let Some(n) = ctx.notice_days.filter(|_| ctx.asks("notice_days")) {
        ctx_rows.insert(1, (ui.t("ctx.notice_days.label"), ui.cat().plural("ui.days", u64::from(n), &[]).into()));
    }
    let rate = match answers.rate.rate() {
        Some(r) => ui.cat().per_hour(r.effective_cents, &crate::plan::currency(ui.lang, &props.currency)).into(),
        None if answers.rate.is_empty() => ui.t("ui.rate.skipped"),
        None => ui.t("ui.rate.incomplete"),
    };
    html! {
        <div class="cc-step cc-review">
            <h3 class="cc-step-title" tabindex="-1">{ ui.t("ui.review.heading") }</h3>
            <p class="cc-hint">{ ui.t("ui.review.intro") }</p>
            { for SignalId::ALL.iter().enumerate().map(|(i, s)| {
                let name = ui.t(&format!("signal.{s}.name"));
                html! {
                    <section class="cc-review-group" data-signal={s.id()}>
                        <div class="cc-review-head">
                            <h4>{ name.clone() }</h4>
                            { edit(Step::Signal(i), name) }
                        </div>
                        <dl>
                            { for MODEL.signal(*s).questions.iter().map(|q| html! {
                                <div class="cc-row">
                                    <dt>{ ui.t(&format!("q.{}", q.id)) }</dt>
                                    <dd data-value={answers.get(&q.id).map(|a| a.value())}>
                                        { answers.get(&q.id).map(|a| ui.t(&format!("scale.{}", a.value()))).unwrap_or_else(|| not_answered.clone()) }
                                    </dd>
                                </div>
                            }) }
                        </dl>
                    </section>
                }
            }) }
            <section class="cc-review-group" data-rate="all">
                <div class="cc-review-head">
                    <h4>{ ui.t("ui.rate.heading") }</h4>
                    { edit(Step::Rate, ui.t("ui.rate.heading")) }
                </div>
                <dl>
                    <div class="cc-row"><dt>{ ui.t("ui.rate.effective_label") }</dt><dd>{ rate }</dd></div>
                </dl>
            </section>
            <section class="cc-review-group" data-context="all">
                <div class="cc-review-head">
                    <h4>{ ui.t("ui.context.heading") }</h4>
                    { edit(Step::Context, ui.t("ui.context.heading")) }
                </div>
                <dl>
                    { for ctx_rows.into_iter().map(|(k, v)| html! {
                        <div class="cc-row"><dt>{ k }</dt><dd>{ v }</dd></div>
                    }) }
                </dl>
            </section>
            <Nav on_action={props.on_action.clone()} forward={Action::Finish} forward_id="finish"
                forward_label={ui.t("ui.finish")} />
        </div>
    }
}
