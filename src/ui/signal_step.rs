//! One signal's step: its hint and its 2–4 rating questions.

use yew::prelude::*;

use super::nav::Nav;
use super::question::{Choice, Question};
use super::{use_ui, QuizState, Ui};
use crate::assessment::{Answer, Rating, SignalId, MODEL};
use crate::quiz::Action;

#[derive(Properties, PartialEq)]
pub struct SignalStepProps {
    pub state: UseReducerHandle<QuizState>,
    pub index: usize,
}

/// The scale's choices, with "not applicable" where the question offers it.
pub fn scale_choices(ui: &Ui, na: bool) -> Vec<Choice> {
    let mut list: Vec<Choice> = Rating::ALL
        .iter()
        .map(|r| {
            let value = Answer::Rated(*r).value();
            Choice { value, label: ui.t(&format!("scale.{value}")) }
        })
        .collect();
    if na {
        list.push(Choice { value: "na", label: ui.t("scale.na") });
    }
    list
}

#[component]
pub fn SignalStep(props: &SignalStepProps) -> Html {
    let ui = use_ui();
    let Some(signal) = SignalId::ALL.get(props.index).copied() else { return html! {} };
    let state = props.state.clone();
    let missing = state.0.missing.clone().map(|m| m.questions).unwrap_or_default();
    let editing = state.0.editing;
    let on_back = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Back))
    };
    let on_next = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Next))
    };
    let error =
        (!missing.is_empty()).then(|| AttrValue::from(ui.cat().plural("ui.missing", missing.len() as u64, &[])));
    html! {
        <div class="cc-step" data-signal-step={signal.as_str()}>
            <h3 class="cc-step-title" tabindex="-1">{ ui.t(&format!("signal.{signal}.title")) }</h3>
            <p class="cc-hint">{ ui.t(&format!("signal.{signal}.hint")) }</p>
            { for MODEL.signal(signal).questions.iter().map(|q| {
                let qid = q.id.clone();
                let on_pick = {
                    let (state, qid) = (state.clone(), qid.clone());
                    Callback::from(move |v: &'static str| {
                        if let Some(answer) = Answer::parse(v) {
                            state.dispatch(Action::Answer { question: qid.clone(), answer });
                        }
                    })
                };
                html! {
                    <Question id={AttrValue::from(qid.clone())} legend={ui.t(&format!("q.{qid}"))}
                        choices={scale_choices(&ui, q.na)}
                        selected={state.0.answers.get(&qid).map(Answer::value)}
                        {on_pick} signal={AttrValue::from(signal.as_str())}
                        error={missing.contains(&qid).then(|| ui.t("ui.missing_one"))} />
                }
            }) }
            <Nav on_back={Some(on_back)} {on_next} {error}
                next_action={if editing { "review" } else { "next" }}
                next_label={if editing { ui.t("ui.back_to_review") } else { ui.t("ui.next") }} />
        </div>
    }
}
