//! A re-check's trend: each warning sign's score last time and now (better, the same or
//! worse, in words), and the overall risk over every check as a small line chart with
//! its points labelled by score and date. The figures are all in text; the line is
//! hidden from screen readers, which read the list beside it.

use std::rc::Rc;

use yew::prelude::*;

use super::use_ui;
use crate::assessment::Assessment;
use crate::dates::Day;
use crate::history::{direction, trend, Check, Direction};

#[derive(Properties, PartialEq)]
pub struct TrendProps {
    /// The client's check before this one.
    pub before: Check,
    /// The overall risk over every check, oldest first, this one included.
    pub series: Vec<(Day, u8)>,
    pub assessment: Rc<Assessment>,
}

/// The line chart's size in SVG units.
const WIDTH: usize = 400;
const HEIGHT: usize = 150;
/// Where the plot area starts and ends inside the chart.
const LEFT: usize = 40;
const RIGHT: usize = 372;
const TOP: usize = 18;
const BOTTOM: usize = 104;

fn y_of(score: u8) -> usize {
    BOTTOM - (BOTTOM - TOP) * usize::from(score.min(100)) / 100
}

fn x_of(i: usize, n: usize) -> usize {
    if n <= 1 {
        (LEFT + RIGHT) / 2
    } else {
        LEFT + (RIGHT - LEFT) * i / (n - 1)
    }
}

#[component]
pub fn Trend(props: &TrendProps) -> Html {
    let ui = use_ui();
    let cat = ui.cat();
    let rows = trend(&props.before, &props.assessment);
    let word = |d: Direction| ui.t(&format!("ui.trend.{d}"));
    let score = |s: Option<u8>| s.map(|v| v.to_string()).unwrap_or_else(|| ui.t("scale.na_short").to_string());
    let overall = direction(props.before.overall, props.assessment.overall);
    let n = props.series.len();
    let points: Vec<(usize, usize)> =
        props.series.iter().enumerate().map(|(i, (_, s))| (x_of(i, n), y_of(*s))).collect();
    let line = points.iter().map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" ");
    let list_id = ui.id("trend-series");
    let table_id = ui.id("trend-table");
    html! {
        <section class="cc-trend" aria-labelledby={ui.id("trend")} data-trend={overall.id()}>
            <h4 id={ui.id("trend")}>{ ui.fmt("ui.trend.heading", &[("date", &cat.date(props.before.date))]) }</h4>
            <p class="cc-trend-overall">
                { ui.fmt(&format!("ui.trend.overall.{overall}"), &[
                    ("before", &props.before.overall.to_string()),
                    ("now", &props.assessment.overall.to_string()),
                ]) }
            </p>
            // Where the table cannot fit (a phone at 320 px, or wider text spacing) it
            // scrolls sideways, as WCAG 1.4.10 allows a data table: in a named, focusable
            // region, so that a keyboard can scroll it too.
            <div class="cc-table-scroll" role="region" tabindex="0" aria-labelledby={table_id.clone()}>
                <table class="cc-trend-table">
                    <caption id={table_id.clone()} class="cc-sr">{ ui.t("ui.trend.table") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ ui.t("ui.trend.sign") }</th>
                            <th scope="col">{ ui.t("ui.trend.before") }</th>
                            <th scope="col">{ ui.t("ui.trend.now") }</th>
                            <th scope="col">{ ui.t("ui.trend.change") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr data-signal={r.signal.id()} data-direction={r.direction.id()}>
                                <th scope="row">{ ui.t(&format!("signal.{}.name", r.signal)) }</th>
                                <td>{ score(r.before) }</td>
                                <td>{ score(r.now) }</td>
                                <td class={classes!("cc-dir", format!("cc-dir-{}", r.direction))}>{ word(r.direction) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if n >= 2 {
                <figure class="cc-chart cc-trend-chart">
                    <figcaption id={list_id.clone()}>{ ui.t("ui.trend.chart") }</figcaption>
                    <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} aria-hidden="true" width="100%"
                        preserveAspectRatio="xMinYMin meet" focusable="false">
                        <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={BOTTOM.to_string()} y2={BOTTOM.to_string()} class="cc-trend-axis" />
                        <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={TOP.to_string()} y2={TOP.to_string()} class="cc-trend-grid" />
                        <text x="0" y={(TOP + 4).to_string()} class="cc-chart-label">{ "100" }</text>
                        <text x="0" y={(BOTTOM + 4).to_string()} class="cc-chart-label">{ "0" }</text>
                        <polyline points={line} class="cc-trend-line" />
                        { for props.series.iter().zip(&points).map(|((day, s), (x, y))| html! {
                            <g class="cc-trend-point">
                                <circle cx={x.to_string()} cy={y.to_string()} r="4" />
                                <text x={x.to_string()} y={(y - 8).to_string()} text-anchor="middle" class="cc-chart-value">{ s.to_string() }</text>
                                <text x={x.to_string()} y={(BOTTOM + 14).to_string()} text-anchor="end"
                                    transform={format!("rotate(-35 {x} {})", BOTTOM + 14)} class="cc-chart-label">
                                    { cat.short_date(*day) }
                                </text>
                            </g>
                        }) }
                    </svg>
                    <ul class="cc-sr" aria-labelledby={list_id}>
                        { for props.series.iter().map(|(day, s)| html! {
                            <li>{ format!("{}: {s} / 100", cat.date(*day)) }</li>
                        }) }
                    </ul>
                </figure>
            }
        </section>
    }
}
