//! One signal's step: its hint and its rating questions.

use yew::prelude::*;

use super::nav::Nav;
use super::question::{Choice, Question};
use super::{use_ui, Ui};
use crate::assessment::{Answer, Answers, Rating, SignalId, MODEL};
use crate::quiz::Action;

#[derive(Properties, PartialEq)]
pub struct SignalStepProps {
    /// Which signal, as an index into [`SignalId::ALL`].
    pub index: usize,
    pub answers: Answers,
    /// Changing an answer from the review: the forward button returns there.
    pub editing: bool,
    /// The questions a refused Next found unanswered.
    pub missing: Vec<String>,
    pub on_action: Callback<Action>,
}

/// The scale's choices, with "not applicable" where the question offers it.
fn scale_choices(ui: &Ui, na: bool) -> Vec<Choice> {
    let rated = Rating::ALL.iter().map(|r| Answer::Rated(*r));
    rated
        .chain(na.then_some(Answer::NotApplicable))
        .map(|a| Choice { value: a.value(), label: ui.t(&format!("scale.{}", a.value())) })
        .collect()
}

#[component]
pub fn SignalStep(props: &SignalStepProps) -> Html {
    let ui = use_ui();
    let Some(signal) = SignalId::ALL.get(props.index).copied() else { return html! {} };
    let error = (!props.missing.is_empty())
        .then(|| AttrValue::from(ui.cat().plural("ui.missing", props.missing.len() as u64, &[])));
    html! {
        <div class="cc-step" data-signal-step={signal.id()}>
            <h3 class="cc-step-title" tabindex="-1">{ ui.t(&format!("signal.{signal}.title")) }</h3>
            <p class="cc-hint">{ ui.t(&format!("signal.{signal}.hint")) }</p>
            { for MODEL.signal(signal).questions.iter().map(|q| {
                let question = q.id.clone();
                let on_action = props.on_action.clone();
                let on_pick = Callback::from(move |v: &'static str| {
                    if let Some(answer) = Answer::parse(v) {
                        on_action.emit(Action::Answer { question: question.clone(), answer });
                    }
                });
                html! {
                    // Keyed: a radio group is never reused for another question, whose
                    // checked state the browser would otherwise keep from the old one.
                    <Question key={q.id.clone()} id={AttrValue::from(q.id.clone())} legend={ui.t(&format!("q.{}", q.id))}
                        choices={scale_choices(&ui, q.na)}
                        selected={props.answers.get(&q.id).map(Answer::value)}
                        {on_pick} signal={AttrValue::from(signal.id())}
                        error={props.missing.contains(&q.id).then(|| ui.t("ui.missing_one"))} />
                }
            }) }
            <Nav on_action={props.on_action.clone()} forward={Action::Next} {error}
                forward_id={if props.editing { "review" } else { "next" }}
                forward_label={if props.editing { ui.t("ui.back_to_review") } else { ui.t("ui.next") }} />
        </div>
    }
}
