//! "Step N of M", announced politely to screen readers, over a bar that is a labelled
//! `progressbar` with its value and range.

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
            <p class="cc-progress-text" role="status" aria-live="polite">{ text.clone() }</p>
            // The bar itself is the progress bar a screen reader can query (value and range);
            // the line above is what it announces when the step changes.
            <svg class="cc-bar" viewBox="0 0 100 6" preserveAspectRatio="none" focusable="false" role="progressbar"
                aria-label={ui.t("ui.progress_label")} aria-valuemin="1" aria-valuemax={COUNTED_STEPS.to_string()}
                aria-valuenow={n.to_string()} aria-valuetext={text}>
                <rect class="cc-bar-track" x="0" y="0" width="100%" height="6" rx="3" />
                <rect class="cc-bar-fill" x="0" y="0" width={pct} height="6" rx="3" />
            </svg>
        </div>
    }
}
