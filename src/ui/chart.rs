//! The per-signal chart: an inline SVG of horizontal bars with a text label and value
//! on every bar, so it reads without colour; fired signals are also marked in text. Bars
//! are coloured by severity (calm, noticeable, at the warning level, severe), never in
//! the brand accent, which is for controls.

use std::rc::Rc;

use yew::prelude::*;

use super::use_ui;
use crate::assessment::Assessment;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub assessment: Rc<Assessment>,
    /// The model's warning level: a signal at or above it drove the verdict.
    pub fired_at: u8,
}

/// The severity class of a score: `severe` from 75, `warning` from the model's warning
/// level, `notice` from 25 (where a signal starts to count), else `calm`.
fn severity(score: Option<u8>, fired_at: u8) -> &'static str {
    match score.unwrap_or(0) {
        s if s >= 75 => "cc-sev-severe",
        s if s >= fired_at => "cc-sev-warning",
        s if s >= 25 => "cc-sev-notice",
        _ => "cc-sev-calm",
    }
}

const ROW: usize = 34;

#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let ui = use_ui();
    let rows = &props.assessment.scores;
    let height = rows.len() * ROW + 4;
    let title_id = ui.id("chart-title");
    html! {
        <figure class="cc-chart">
            <figcaption id={title_id.clone()}>{ ui.t("ui.result.chart") }</figcaption>
            <svg viewBox={format!("0 0 400 {height}")} aria-hidden="true"
                width="100%" preserveAspectRatio="xMinYMin meet" focusable="false">
                { for rows.iter().enumerate().map(|(i, s)| {
                    let y = i * ROW;
                    let name = ui.t(&format!("signal.{}.name", s.signal));
                    let value = s.score.map(|v| v.to_string()).unwrap_or_else(|| ui.t("scale.na_short").to_string());
                    let w = u32::from(s.score.unwrap_or(0)) * 3;
                    let label = if s.fired { format!("{name} ⚑") } else { name.to_string() };
                    html! {
                        <g class={classes!("cc-chart-row", s.fired.then_some("cc-fired"), severity(s.score, props.fired_at))} data-signal={s.signal.id()}>
                            <text x="0" y={(y + 12).to_string()} class="cc-chart-label">{ label }</text>
                            <rect x="0" y={(y + 17).to_string()} width="300" height="10" rx="2" class="cc-chart-track" />
                            <rect x="0" y={(y + 17).to_string()} width={w.to_string()} height="10" rx="2" class="cc-chart-bar" />
                            <text x="308" y={(y + 27).to_string()} class="cc-chart-value">{ value }</text>
                        </g>
                    }
                }) }
            </svg>
            <ul class="cc-sr" aria-labelledby={title_id}>
                { for rows.iter().map(|s| html! {
                    <li>{ format!("{}: {}", ui.t(&format!("signal.{}.name", s.signal)),
                        s.score.map(|v| format!("{v} / 100")).unwrap_or_else(|| ui.t("scale.na").to_string())) }</li>
                }) }
            </ul>
            <p class="cc-hint">{ ui.t("ui.result.chart_legend") }</p>
        </figure>
    }
}
