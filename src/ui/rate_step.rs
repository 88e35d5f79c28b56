//! The optional rate step: what the client pays, the hours it really takes (billed, and
//! the unbilled kinds people forget), and the visitor's usual rate. The effective rate
//! shows as the visitor types; skipping the step changes nothing.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::nav::Nav;
use super::rate_chart::RateFigures;
use super::use_ui;
use crate::assessment::rate::{hours_text, parse_hours, HourKind, PayBasis, RateInputs, MAX_WEEKS};
use crate::plan::inputs::parse_amount;
use crate::quiz::{Action, PlanEdit, RateEdit};

#[derive(Properties, PartialEq)]
pub struct RateStepProps {
    pub rate: RateInputs,
    /// The client's currency as chosen (empty: the language's default).
    pub currency: AttrValue,
    /// Changing it from the review: the forward button returns there.
    pub editing: bool,
    pub on_action: Callback<Action>,
}

/// A number field that keeps what was typed and reports whether it parses.
#[derive(Properties, PartialEq)]
struct NumberFieldProps {
    id: AttrValue,
    label: AttrValue,
    #[prop_or_default]
    hint: Option<AttrValue>,
    /// What the field shows at first (the stored value, formatted).
    initial: AttrValue,
    /// Whether a typed text is valid; an empty one always is.
    valid: Callback<String, bool>,
    on_change: Callback<String>,
    #[prop_or(AttrValue::Static("decimal"))]
    inputmode: AttrValue,
    error: AttrValue,
}

#[component]
fn NumberField(props: &NumberFieldProps) -> Html {
    let ui = use_ui();
    let text = use_state(|| props.initial.to_string());
    let bad = !text.trim().is_empty() && !props.valid.emit((*text).clone());
    let oninput = {
        let (text, on_change) = (text.clone(), props.on_change.clone());
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            text.set(v.clone());
            on_change.emit(v);
        })
    };
    let id = ui.id(&props.id);
    let hint_id = ui.id(&format!("{}-hint", props.id));
    html! {
        <div class={classes!("cc-field", bad.then_some("cc-invalid"))} data-rate={props.id.clone()}>
            <label for={id.clone()}>{ props.label.clone() }</label>
            if let Some(h) = &props.hint { <p class="cc-hint" id={hint_id.clone()}>{ h.clone() }</p> }
            <input id={id} type="text" inputmode={props.inputmode.clone()} autocomplete="off" maxlength="16"
                value={(*text).clone()} {oninput}
                aria-describedby={props.hint.as_ref().map(|_| hint_id)} aria-invalid={bad.then_some("true")} />
            if bad { <p class="cc-q-error">{ props.error.clone() }</p> }
        </div>
    }
}

#[component]
pub fn RateStep(props: &RateStepProps) -> Html {
    let ui = use_ui();
    let rate = &props.rate;
    let cat = ui.cat();
    let amount = |cents: Option<u64>| AttrValue::from(cents.map(|c| cat.amount(c)).unwrap_or_default());
    let hours = |tenths: Option<u32>| {
        AttrValue::from(tenths.map(|t| hours_text(t, &cat.meta.decimal_separator)).unwrap_or_default())
    };
    let amount_valid = Callback::from(|v: String| parse_amount(&v).is_some());
    let hours_valid = Callback::from(|v: String| parse_hours(&v).is_some());
    let weeks_valid = Callback::from(|v: String| v.trim().parse::<u16>().is_ok_and(|w| (1..=MAX_WEEKS).contains(&w)));
    let edit = |f: fn(String) -> RateEdit| props.on_action.reform(move |v: String| Action::Rate(f(v)));
    let basis = |b: PayBasis| {
        let onchange = props.on_action.reform(move |_: Event| Action::Rate(RateEdit::Basis(b)));
        let input_id = ui.id(&format!("rate-basis-{b}"));
        html! {
            <label class="cc-opt" for={input_id.clone()}>
                <input type="radio" id={input_id} name={ui.id("rate-basis")} value={b.id()}
                    checked={rate.basis == b} {onchange} />
                <span>{ ui.t(&format!("ui.rate.basis.{b}")) }</span>
            </label>
        }
    };
    let currency = crate::plan::currency(ui.lang, &props.currency);
    let on_currency = props.on_action.reform(|e: InputEvent| {
        Action::Plan(PlanEdit::Currency(e.target_unchecked_into::<HtmlInputElement>().value()))
    });
    let period = if rate.basis == PayBasis::Project { "project" } else { "month" };
    html! {
        <div class="cc-step cc-rate-step" data-signal-step="rate">
            <h3 class="cc-step-title" tabindex="-1">{ ui.t("ui.rate.heading") }</h3>
            <p class="cc-hint">{ ui.t("ui.rate.intro") }</p>
            <fieldset class="cc-q" data-rate="basis">
                <legend>{ ui.t("ui.rate.basis") }</legend>
                <div class="cc-options">{ for PayBasis::ALL.into_iter().map(basis) }</div>
            </fieldset>
            <div class="cc-grid">
                <NumberField id="pay" label={ui.t(&format!("ui.rate.pay.{period}"))} initial={amount(rate.pay_cents)}
                    valid={amount_valid.clone()} error={ui.t("ui.plan.bad_amount")}
                    on_change={edit(|v| RateEdit::Pay(parse_amount(&v)))} />
                <div class="cc-field" data-rate="currency">
                    <label for={ui.id("rate-currency")}>{ ui.t("ui.plan.currency") }</label>
                    <input id={ui.id("rate-currency")} type="text" maxlength="3" autocomplete="off"
                        value={props.currency.clone()} placeholder={currency.clone()} oninput={on_currency} />
                </div>
                if rate.basis == PayBasis::Project {
                    <NumberField id="weeks" label={ui.t("ui.rate.weeks")} initial={AttrValue::from(rate.weeks.map(|w| w.to_string()).unwrap_or_default())}
                        valid={weeks_valid} inputmode="numeric" error={ui.fmt("ui.rate.bad_weeks", &[("max", &MAX_WEEKS.to_string())])}
                        on_change={edit(|v| RateEdit::Weeks(v.trim().parse().ok()))} />
                }
            </div>
            <fieldset class="cc-q cc-hours" data-rate="hours">
                <legend>{ ui.t(&format!("ui.rate.hours.{period}")) }</legend>
                <p class="cc-hint">{ ui.t("ui.rate.hours_hint") }</p>
                <div class="cc-grid">
                    { for HourKind::ALL.into_iter().map(|kind| {
                        let on_change = props.on_action.reform(move |v: String| Action::Rate(RateEdit::Hours(kind, parse_hours(&v))));
                        html! {
                            <NumberField id={AttrValue::from(format!("hours-{kind}"))} label={ui.t(&format!("ui.rate.kind.{kind}"))}
                                initial={hours(rate.hours[kind as usize])} valid={hours_valid.clone()}
                                error={ui.t("ui.rate.bad_hours")} {on_change} />
                        }
                    }) }
                </div>
            </fieldset>
            <NumberField id="usual" label={ui.t("ui.rate.usual")} hint={ui.t("ui.rate.usual_hint")} initial={amount(rate.usual_cents)}
                valid={amount_valid} error={ui.t("ui.plan.bad_amount")}
                on_change={edit(|v| RateEdit::Usual(parse_amount(&v)))} />
            <RateFigures rate={rate.clone()} currency={AttrValue::from(currency.clone())} live=true />
            <Nav on_action={props.on_action.clone()} forward={Action::Next}
                forward_id={if props.editing { "review" } else { "next" }}
                forward_label={if props.editing { ui.t("ui.back_to_review") }
                    else if rate.is_empty() { ui.t("ui.rate.skip") } else { ui.t("ui.next") }} />
        </div>
    }
}
