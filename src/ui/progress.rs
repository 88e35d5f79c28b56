//! "Step N of M" with a bar, announced politely to screen readers.

use yew::prelude::*;

use super::use_ui;
use crate::quiz::{Step, COUNTED_STEPS};

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub step: Step,
}

#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let ui = use_ui();
    let Some(n) = props.step.number() else {
        return html! { <div class="cc-sr" role="status" aria-live="polite"></div> };
    };
    let text = ui.fmt("ui.progress", &[("n", &n.to_string()), ("m", &COUNTED_STEPS.to_string())]);
    let pct = format!("{}%", n * 100 / COUNTED_STEPS);
    html! {
        <div class="cc-progress">
            <p class="cc-progress-text" role="status" aria-live="polite">{ text }</p>
            <svg class="cc-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="cc-bar-track" x="0" y="0" width="100%" height="6" rx="3" />
                <rect class="cc-bar-fill" x="0" y="0" width={pct} height="6" rx="3" />
            </svg>
        </div>
    }
}
