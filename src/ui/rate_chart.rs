//! What a client really pays, as figures and a small chart: the effective rate, what the
//! unbilled hours take off it and how it compares with the usual rate, in sentences; then
//! an SVG with the billed and unbilled hours as one bar and the effective and usual rates
//! as two. Every figure is in the text, so the chart reads without colour or sight (the
//! SVG is hidden from screen readers, which read the sentences).

use yew::prelude::*;

use super::use_ui;
use crate::assessment::rate::{hours_text, PayBasis, RateInputs};

#[derive(Properties, PartialEq)]
pub struct RateFiguresProps {
    pub rate: RateInputs,
    /// The currency code to show the amounts in.
    pub currency: AttrValue,
    /// Announce changes (the rate step, where the figures follow the typing).
    #[prop_or_default]
    pub live: bool,
    /// Show the figure's own caption (off where a heading above already names it).
    #[prop_or(true)]
    pub caption: bool,
}

/// The chart's width in SVG units; bars use all of it.
const WIDTH: u64 = 400;

/// A bar's length for `value` on a scale where `max` fills [`WIDTH`] (at least 2 units,
/// so a tiny value still shows).
fn length(value: u64, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    (u128::from(value) * u128::from(WIDTH) / u128::from(max)).clamp(2, u128::from(WIDTH)) as u64
}

#[component]
pub fn RateFigures(props: &RateFiguresProps) -> Html {
    let ui = use_ui();
    let cat = ui.cat();
    let Some(r) = props.rate.rate() else {
        return html! {
            <p class="cc-hint cc-rate-need" aria-live={props.live.then_some("polite")}>{ ui.t("ui.rate.need") }</p>
        };
    };
    let currency = props.currency.as_str();
    let per_hour = |cents: u64| cat.per_hour(cents, currency);
    let hours = |tenths: u32| cat.fmt("ui.rate.h", &[("hours", &hours_text(tenths, &cat.meta.decimal_separator))]);
    let period = if props.rate.basis == PayBasis::Project { "project" } else { "month" };
    let mut lines = vec![ui.fmt(
        &format!("ui.rate.effective.{period}"),
        &[("effective", &per_hour(r.effective_cents)), ("hours", &hours(r.total_tenths))],
    )];
    if r.unbilled_tenths > 0 {
        lines.push(ui.fmt(
            "ui.rate.unbilled",
            &[("unbilled", &hours(r.unbilled_tenths)), ("lost", &per_hour(r.lost_per_hour_cents))],
        ));
    }
    if let (Some(usual), Some(percent)) = (r.usual_cents, r.percent_of_usual()) {
        let percent = cat.number(percent);
        lines.push(ui.fmt("ui.rate.vs_usual", &[("percent", &percent), ("usual", &per_hour(usual))]));
    }
    let billed = r.total_tenths - r.unbilled_tenths;
    let billed_w = length(u64::from(billed), u64::from(r.total_tenths)).min(WIDTH);
    let billed_w = if billed == 0 { 0 } else { billed_w };
    let top = r.usual_cents.unwrap_or(0).max(r.effective_cents);
    let bar = |y: u64, w: u64, class: &'static str| {
        html! {
            <>
                <rect x="0" y={y.to_string()} width={WIDTH.to_string()} height="12" rx="2" class="cc-chart-track" />
                <rect x="0" y={y.to_string()} width={w.to_string()} height="12" rx="2" class={class} />
            </>
        }
    };
    let label = |y: u64, text: String| html! { <text x="0" y={y.to_string()} class="cc-chart-label">{ text }</text> };
    let height = if r.usual_cents.is_some() { 124 } else { 90 };
    html! {
        <figure class="cc-chart cc-rate-figures" data-effective={r.effective_cents.to_string()}>
            if props.caption { <figcaption>{ ui.t("ui.rate.figures") }</figcaption> }
            <div aria-live={props.live.then_some("polite")}>
                { for lines.into_iter().map(|l| html! { <p class="cc-rate-line">{ l }</p> }) }
            </div>
            <svg viewBox={format!("0 0 {WIDTH} {height}")} aria-hidden="true" width="100%"
                preserveAspectRatio="xMinYMin meet" focusable="false">
                { label(12, format!("{}: {}", ui.t("ui.rate.bar.billed"), hours(billed))) }
                <text x={WIDTH.to_string()} y="12" text-anchor="end" class="cc-chart-label">
                    { format!("{}: {}", ui.t("ui.rate.bar.unbilled"), hours(r.unbilled_tenths)) }
                </text>
                <rect x="0" y="18" width={WIDTH.to_string()} height="12" rx="2" class="cc-rate-unbilled" />
                <rect x="0" y="18" width={billed_w.to_string()} height="12" rx="2" class="cc-rate-billed" />
                { label(56, format!("{}: {}", ui.t("ui.rate.bar.effective"), per_hour(r.effective_cents))) }
                { bar(62, length(r.effective_cents, top), "cc-rate-effective") }
                if let Some(usual) = r.usual_cents {
                    { label(96, format!("{}: {}", ui.t("ui.rate.bar.usual"), per_hour(usual))) }
                    { bar(102, length(usual, top), "cc-rate-usual") }
                }
            </svg>
        </figure>
    }
}
