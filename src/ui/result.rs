//! The result: the verdict in one sentence, why, and the dated plan. Built for a phone:
//! the verdict, the reasons and the timeline lead; every detail sits behind a
//! disclosure, and each step appears once.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::Chart;
use super::hooks::{use_page_address, use_plan, use_today, PlanState};
use super::plan_view::PlanView;
use super::rate_chart::RateFigures;
use super::trend::Trend;
use super::use_ui;
use crate::assessment::{Answers, Assessment, MODEL};
use crate::history::Client;
use crate::plan::{client_text, rule_text, PlanInputs};
use crate::plan_module::PlanRequest;
use crate::quiz::{Action, HistoryNotice};

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub assessment: Rc<Assessment>,
    pub answers: Answers,
    pub inputs: PlanInputs,
    /// The saved client this check belongs to, once saved (or when checking it again).
    pub client: Option<Client>,
    /// This check's id among the client's checks, once saved.
    pub check: Option<AttrValue>,
    pub notice: Option<HistoryNotice>,
    /// The browser refuses to keep data: this check cannot be saved for a re-check.
    pub storage_failed: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ResultView(props: &ResultProps) -> Html {
    let ui = use_ui();
    let today = use_today();
    let page = use_page_address();
    let assessment = &props.assessment;
    let plan = use_plan(PlanRequest::new(
        (**assessment).clone(),
        props.answers.clone(),
        props.inputs.clone(),
        today,
        &page,
        ui.lang,
    ));
    let check = props.check.as_deref();
    let before = props.client.as_ref().and_then(|c| c.before(check)).cloned();
    let saved = props.client.as_ref().and_then(|c| c.checks.iter().find(|k| Some(k.id.as_str()) == check));
    let series = match (&props.client, today.or(saved.map(|k| k.date))) {
        (Some(c), Some(day)) => c.series(check, (day, assessment.overall)),
        _ => Vec::new(),
    };
    let currency = crate::plan::currency(ui.lang, &props.inputs.currency);
    let rate = props.answers.rate.rate();
    let verdict = assessment.verdict.id();
    let sentence = client_text(ui.lang, &format!("verdict.{verdict}.sentence"), &props.inputs.nickname);
    let drivers: Vec<String> =
        assessment.drivers.iter().map(|s| ui.cat().t(&format!("signal.{s}.name")).to_owned()).collect();
    html! {
        <div class="cc-step cc-result" data-verdict={verdict}>
            <h3 class="cc-step-title" tabindex="-1">{ ui.t(&format!("verdict.{verdict}.title")) }</h3>
            <p class="cc-verdict-sentence">{ sentence }</p>
            <section class="cc-why" aria-labelledby={ui.id("why")}>
                <h4 id={ui.id("why")}>{ ui.t("ui.result.why") }</h4>
                if !assessment.rules.is_empty() {
                    <ul class="cc-rules">
                        { for assessment.rules.iter().map(|r| html! {
                            <li data-rule={r.id()}>{ rule_text(ui.lang, *r, rate.as_ref(), &currency) }</li>
                        }) }
                    </ul>
                }
                if drivers.is_empty() {
                    <p>{ ui.t("ui.result.no_drivers") }</p>
                } else {
                    <p>{ ui.cat().plural("ui.result.drivers", drivers.len() as u64, &[("list", &drivers.join(", "))]) }</p>
                }
                <details class="cc-scores">
                    <summary>{ ui.t("ui.result.scores") }</summary>
                    <p class="cc-overall">
                        <span class="cc-overall-value" data-overall={assessment.overall.to_string()}>
                            { ui.fmt("ui.result.overall", &[("score", &assessment.overall.to_string())]) }
                        </span>
                        <span class="cc-hint">{ ui.t("ui.result.overall_hint") }</span>
                    </p>
                    <Chart assessment={assessment.clone()} fired_at={MODEL.fired_at} />
                </details>
            </section>
            if rate.is_some() {
                <section class="cc-rate" aria-labelledby={ui.id("rate")}>
                    <h4 id={ui.id("rate")}>{ ui.t("ui.rate.figures") }</h4>
                    <RateFigures rate={props.answers.rate.clone()} currency={AttrValue::from(currency.clone())} caption={false} />
                </section>
            }
            if let Some(before) = before {
                <Trend {before} {series} assessment={assessment.clone()} />
            }
            { match plan {
                PlanState::Ready(plan, json) => html! {
                    <PlanView {plan} {json} inputs={props.inputs.clone()}
                        fixed_term={props.answers.context.fixed_end().is_some()} on_action={props.on_action.clone()} />
                },
                PlanState::Building => html! {
                    <section class="cc-plan" aria-labelledby={ui.id("plan-title")} aria-busy="true">
                        <h4 id={ui.id("plan-title")}>{ ui.t("ui.plan.heading") }</h4>
                        <p class="cc-hint" role="status">{ ui.t("ui.plan.preparing") }</p>
                    </section>
                },
                PlanState::Failed => html! {
                    <section class="cc-plan" aria-labelledby={ui.id("plan-title")}>
                        <h4 id={ui.id("plan-title")}>{ ui.t("ui.plan.heading") }</h4>
                        <p class="cc-q-error" role="alert">{ ui.t("ui.plan.unavailable") }</p>
                    </section>
                },
            } }
            <div class="cc-saved" role="status">
                if props.storage_failed {
                    <p class="cc-q-error" data-storage="failed">{ ui.t("ui.clients.storage_failed") }</p>
                } else if let Some(k) = saved {
                    <p class="cc-notice" data-saved={k.id.clone()}>
                        { match k.judge {
                            Some(j) => ui.fmt("ui.result.saved_next", &[("date", &ui.cat().date(j))]),
                            None => ui.t("ui.result.saved"),
                        } }
                        if let Some(HistoryNotice::Pruned(n)) = props.notice {
                            { format!(" {}", ui.cat().plural("ui.clients.pruned", n as u64, &[])) }
                        }
                    </p>
                }
            </div>
            <div class="cc-nav">
                <button type="button" class="cc-secondary" data-action="back"
                    onclick={props.on_action.reform(|_: MouseEvent| Action::Back)}>{ ui.t("ui.result.change_answers") }</button>
                <button type="button" class="cc-secondary" data-action="restart"
                    onclick={props.on_action.reform(|_: MouseEvent| Action::Restart)}>{ ui.t("ui.restart") }</button>
            </div>
        </div>
    }
}
