//! The result: the verdict in one sentence, why, and the dated plan. Built for a phone:
//! the verdict, the reasons and the timeline lead; every detail sits behind a
//! disclosure, and each step appears once.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::Chart;
use super::hooks::{use_plan, use_today, PlanState};
use super::plan_view::PlanView;
use super::use_ui;
use crate::assessment::{Answers, Assessment, MODEL};
use crate::plan::{client_text, PlanInputs};
use crate::plan_module::PlanRequest;
use crate::quiz::Action;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub assessment: Rc<Assessment>,
    pub answers: Answers,
    pub inputs: PlanInputs,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ResultView(props: &ResultProps) -> Html {
    let ui = use_ui();
    let today = use_today();
    let assessment = &props.assessment;
    let plan = use_plan(PlanRequest {
        assessment: (**assessment).clone(),
        answers: props.answers.clone(),
        inputs: props.inputs.clone().dated(today),
        lang: ui.lang,
    });
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
                            <li data-rule={r.id()}>{ ui.t(&format!("rule.{r}")) }</li>
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
            <div class="cc-nav">
                <button type="button" class="cc-secondary" data-action="back"
                    onclick={props.on_action.reform(|_: MouseEvent| Action::Back)}>{ ui.t("ui.result.change_answers") }</button>
                <button type="button" class="cc-secondary" data-action="restart"
                    onclick={props.on_action.reform(|_: MouseEvent| Action::Restart)}>{ ui.t("ui.restart") }</button>
            </div>
        </div>
    }
}
