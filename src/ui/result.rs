//! The result: the verdict in one sentence, the score, the chart, why, and what to do.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::Chart;
use super::hooks::use_today;
use super::plan_view::PlanView;
use super::use_ui;
use crate::assessment::guidance::GuidanceKind;
use crate::assessment::{select_guidance, Answers, Assessment, MODEL};
use crate::plan::{build_plan, PlanInputs};
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
    let guidance = {
        let answers = props.answers.clone();
        use_memo(assessment.clone(), move |a| select_guidance(&MODEL, a, &answers))
    };
    let plan = {
        let key = (assessment.clone(), props.answers.clone(), props.inputs.clone(), today, ui.lang);
        use_memo(key, |(a, answers, inputs, today, lang)| {
            build_plan(&MODEL, a, answers, &inputs.clone().dated(*today), *lang)
        })
    };
    let show_plan = use_state(|| false);
    let toggle_plan = {
        let show_plan = show_plan.clone();
        Callback::from(move |_| show_plan.set(!*show_plan))
    };
    let verdict = assessment.verdict.id();
    let client = props.inputs.nickname.trim();
    let client = if client.is_empty() { ui.cat().t("ui.client_fallback") } else { client };
    let drivers: Vec<String> =
        assessment.drivers.iter().map(|s| ui.cat().t(&format!("signal.{s}.name")).to_owned()).collect();
    let (guide_heading, prefix) = match guidance.kind {
        GuidanceKind::Repair => (ui.t("ui.result.repair_heading"), "move"),
        GuidanceKind::Exit => (ui.t("ui.result.exit_heading"), "exit"),
        GuidanceKind::None => (ui.t("ui.result.keep_heading"), ""),
    };
    html! {
        <div class="cc-step cc-result" data-verdict={verdict}>
            <h3 class="cc-step-title" tabindex="-1">{ ui.t(&format!("verdict.{verdict}.title")) }</h3>
            <p class="cc-verdict-sentence">{ ui.fmt(&format!("verdict.{verdict}.sentence"), &[("client", client)]) }</p>
            <p class="cc-overall">
                <span class="cc-overall-value" data-overall={assessment.overall.to_string()}>
                    { ui.fmt("ui.result.overall", &[("score", &assessment.overall.to_string())]) }
                </span>
                <span class="cc-hint">{ ui.t("ui.result.overall_hint") }</span>
            </p>
            <Chart assessment={assessment.clone()} />
            <section class="cc-why">
                <h4>{ ui.t("ui.result.why") }</h4>
                if drivers.is_empty() {
                    <p>{ ui.t("ui.result.no_drivers") }</p>
                } else {
                    <p>{ ui.cat().plural("ui.result.drivers", drivers.len() as u64, &[("list", &drivers.join(", "))]) }</p>
                }
                if !assessment.rules.is_empty() {
                    <ul class="cc-rules">
                        { for assessment.rules.iter().map(|r| html! {
                            <li data-rule={r.id()}>{ ui.t(&format!("rule.{r}")) }</li>
                        }) }
                    </ul>
                }
            </section>
            <section class="cc-guidance" data-guidance={guidance.kind.id()}>
                <h4>{ guide_heading }</h4>
                if guidance.kind == GuidanceKind::None {
                    <p>{ ui.t("keep.body") }</p>
                } else {
                    <ol class="cc-steps">
                        { for guidance.items.iter().map(|id| html! {
                            <li data-item={id.clone()}>
                                <strong>{ ui.t(&format!("{prefix}.{id}.title")) }</strong>
                                <p>{ ui.t(&format!("{prefix}.{id}.body")) }</p>
                            </li>
                        }) }
                    </ol>
                }
            </section>
            <div class="cc-nav cc-plan-entry">
                <button type="button" class="cc-primary" data-action="plan" aria-expanded={show_plan.to_string()}
                    onclick={toggle_plan}>{ ui.t(if *show_plan { "ui.plan.hide" } else { "ui.plan.open" }) }</button>
            </div>
            if *show_plan {
                <PlanView plan={plan.clone()} inputs={props.inputs.clone()} context={props.answers.context.clone()}
                    on_action={props.on_action.clone()} />
            }
            <div class="cc-nav">
                <button type="button" class="cc-secondary" data-action="back"
                    onclick={props.on_action.reform(|_: MouseEvent| Action::Back)}>{ ui.t("ui.result.change_answers") }</button>
                <button type="button" class="cc-secondary" data-action="restart"
                    onclick={props.on_action.reform(|_: MouseEvent| Action::Restart)}>{ ui.t("ui.restart") }</button>
            </div>
        </div>
    }
}
