//! The plan: its inputs, a preview, and the ways to take it away (Markdown, PDF,
//! calendar, print, copy). Everything is built and saved in the browser.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::{use_ui, Ui};
use crate::assessment::{assess, Answers, MODEL};
use crate::dates::Day;
use crate::document::{Block, Document};
use crate::edge::{assets, clipboard, download};
use crate::plan::inputs::{parse_amount, Channel, PlanInputs, MAX_DELIVERABLES};
use crate::plan::{build_plan, Plan};
use crate::render::{filename::plan_file_name, ics::ics, markdown::markdown, pdf::pdf};

/// Where the PDF font lives, relative to the widget's files (fetched on demand only).
pub const FONT_PATH: &str = "fonts/checkup-sans.ttf";

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub answers: Answers,
    pub nickname: AttrValue,
    pub inputs: PlanInputs,
    pub on_inputs: Callback<PlanInputs>,
}

/// Today in the visitor's own time zone, from the browser.
pub fn browser_today() -> Option<Day> {
    let now = js_sys::Date::new_0();
    Day::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8)
}

#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let ui = use_ui();
    let status = use_state(|| None::<AttrValue>);
    let amount_text = use_state(|| props.inputs.unpaid_amount_cents.map(|c| ui.cat().amount(c)).unwrap_or_default());
    let inputs = {
        let mut i = props.inputs.clone();
        i.nickname = props.nickname.to_string();
        if i.today.is_none() {
            i.today = browser_today();
        }
        i
    };
    let plan: Rc<Plan> = {
        let answers = props.answers.clone();
        use_memo((inputs.clone(), answers, ui.lang), |(inputs, answers, lang)| {
            build_plan(&MODEL, &assess(&MODEL, answers), answers, inputs, *lang)
        })
    };

    let set = |f: Rc<dyn Fn(&mut PlanInputs, String)>| {
        let (on, base) = (props.on_inputs.clone(), inputs.clone());
        move |value: String| {
            let mut next = base.clone();
            f(&mut next, value);
            on.emit(next);
        }
    };
    let on_today = {
        let s = set(Rc::new(|i, v| i.today = Day::parse_iso(&v).or(i.today)));
        Callback::from(move |e: Event| s(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_end = {
        let s = set(Rc::new(|i, v| i.contract_end = Day::parse_iso(&v)));
        Callback::from(move |e: Event| s(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_notice = {
        let s = set(Rc::new(|i, v| i.notice_days = crate::assessment::Context::parse_notice_days(&v)));
        Callback::from(move |e: InputEvent| s(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_prefer = {
        let s = set(Rc::new(|i, v| i.prefer_contract_end = v == "true"));
        Callback::from(move |e: Event| s(e.target_unchecked_into::<HtmlInputElement>().checked().to_string()))
    };
    let on_work = {
        let s = set(Rc::new(|i, v| i.open_deliverables = v.lines().map(str::to_owned).collect()));
        Callback::from(move |e: InputEvent| s(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let on_amount = {
        let s = set(Rc::new(|i, v| i.unpaid_amount_cents = parse_amount(&v)));
        let text = amount_text.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            text.set(v.clone());
            s(v)
        })
    };
    let on_currency = {
        let s = set(Rc::new(|i, v| i.currency = v));
        Callback::from(move |e: InputEvent| s(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let channel = |c: Channel, id: &'static str| {
        let s = set(Rc::new(move |i, _| i.channel = c));
        let onchange = Callback::from(move |_: Event| s(String::new()));
        let input_id = ui.id(&format!("channel-{id}"));
        html! {
            <label class="cc-opt" for={input_id.clone()}>
                <input type="radio" id={input_id} name={ui.id("channel")} value={id}
                    checked={inputs.channel == c} {onchange} />
                <span>{ ui.t(&format!("ui.plan.channel.{id}")) }</span>
            </label>
        }
    };
    let amount_bad = !amount_text.trim().is_empty() && parse_amount(&amount_text).is_none();

    let say = {
        let status = status.clone();
        move |key: &str, ui: &Ui| status.set(Some(ui.t(key)))
    };
    // Markdown and calendar files are rendered and saved at once; the PDF (below) waits
    // for its font.
    let save_as = |ext: &'static str, mime: &'static str, render: fn(&Plan) -> String| {
        let (plan, ui, say) = (plan.clone(), ui.clone(), say.clone());
        Callback::from(move |_| {
            let ok = download::save(&plan_file_name(&plan, ext), mime, render(&plan).as_bytes()).is_ok();
            say(if ok { "ui.plan.saved" } else { "ui.plan.save_failed" }, &ui);
        })
    };
    let on_md = save_as("md", "text/markdown;charset=utf-8", |p| markdown(&p.document));
    let on_ics = save_as("ics", "text/calendar;charset=utf-8", |p| ics(p, p.lang, &p.nickname));
    let on_pdf = {
        let (plan, ui, say) = (plan.clone(), ui.clone(), say.clone());
        Callback::from(move |_| {
            let (plan, ui, say) = (plan.clone(), ui.clone(), say.clone());
            say("ui.plan.pdf_working", &ui);
            wasm_bindgen_futures::spawn_local(async move {
                let result = match assets::fetch_bytes(FONT_PATH).await {
                    Ok(font) => {
                        pdf(&plan.document, &font, ui.cat().meta.paper, plan.lang.id()).map_err(|e| e.to_string())
                    }
                    Err(e) => Err(e),
                };
                match result.and_then(|bytes| download::save(&plan_file_name(&plan, "pdf"), "application/pdf", &bytes))
                {
                    Ok(()) => say("ui.plan.saved", &ui),
                    Err(e) => {
                        crate::edge::warn(&format!("Client Checkup: PDF failed: {e}"));
                        say("ui.plan.pdf_failed", &ui)
                    }
                }
            });
        })
    };
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let copy = |text: String, key_ok: &'static str| {
        let (ui, say) = (ui.clone(), say.clone());
        Callback::from(move |e: MouseEvent| {
            let (text, ui, say) = (text.clone(), ui.clone(), say.clone());
            let near: Option<web_sys::Element> = e.target_dyn_into();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = match near {
                    Some(el) => clipboard::copy(&text, &el).await,
                    None => false,
                };
                say(if ok { key_ok } else { "ui.plan.copy_failed" }, &ui);
            });
        })
    };

    html! {
        <section class="cc-plan" aria-labelledby={ui.id("plan-title")} data-plan-kind={format!("{:?}", plan.kind).to_lowercase()}>
            <h4 id={ui.id("plan-title")}>{ ui.t("ui.plan.heading") }</h4>
            <p class="cc-hint">{ ui.t("ui.plan.intro") }</p>
            <details class="cc-plan-inputs" open=true>
                <summary>{ ui.t("ui.plan.details") }</summary>
                <div class="cc-grid">
                    <div class="cc-field">
                        <label for={ui.id("plan-today")}>{ ui.t("ui.plan.today") }</label>
                        <input id={ui.id("plan-today")} type="date" data-plan="today"
                            value={inputs.today.map(Day::iso).unwrap_or_default()} onchange={on_today} />
                    </div>
                    <div class="cc-field">
                        <label for={ui.id("plan-end")}>{ ui.t("ui.plan.contract_end") }</label>
                        <input id={ui.id("plan-end")} type="date" data-plan="contract_end"
                            value={inputs.contract_end.or(props.answers.context.contract_end).map(Day::iso).unwrap_or_default()}
                            onchange={on_end} />
                    </div>
                    <div class="cc-field">
                        <label for={ui.id("plan-notice")}>{ ui.t("ui.plan.notice_days") }</label>
                        <input id={ui.id("plan-notice")} type="text" inputmode="numeric" maxlength="3" data-plan="notice_days"
                            value={inputs.notice_days.or(props.answers.context.notice_days).map(|d| d.to_string()).unwrap_or_default()}
                            placeholder="14" oninput={on_notice} />
                    </div>
                    <div class="cc-field cc-check">
                        <input id={ui.id("plan-prefer")} type="checkbox" data-plan="prefer_contract_end"
                            checked={inputs.prefer_contract_end} onchange={on_prefer} />
                        <label for={ui.id("plan-prefer")}>{ ui.t("ui.plan.prefer_contract_end") }</label>
                    </div>
                </div>
                <div class="cc-field">
                    <label for={ui.id("plan-work")}>{ ui.t("ui.plan.open_work") }</label>
                    <p class="cc-hint" id={ui.id("plan-work-hint")}>{ ui.fmt("ui.plan.open_work_hint", &[("max", &MAX_DELIVERABLES.to_string())]) }</p>
                    <textarea id={ui.id("plan-work")} data-plan="open_deliverables" rows="3"
                        aria-describedby={ui.id("plan-work-hint")} oninput={on_work}
                        value={inputs.open_deliverables.join("\n")} />
                </div>
                <div class="cc-grid">
                    <div class={classes!("cc-field", amount_bad.then_some("cc-invalid"))}>
                        <label for={ui.id("plan-amount")}>{ ui.t("ui.plan.unpaid_amount") }</label>
                        <input id={ui.id("plan-amount")} type="text" inputmode="decimal" data-plan="unpaid_amount"
                            value={(*amount_text).clone()} oninput={on_amount} />
                        if amount_bad { <p class="cc-q-error">{ ui.t("ui.plan.bad_amount") }</p> }
                    </div>
                    <div class="cc-field">
                        <label for={ui.id("plan-currency")}>{ ui.t("ui.plan.currency") }</label>
                        <input id={ui.id("plan-currency")} type="text" maxlength="3" autocomplete="off" data-plan="currency"
                            value={inputs.currency.clone()} placeholder="EUR" oninput={on_currency} />
                    </div>
                </div>
                <fieldset class="cc-q" data-plan="channel">
                    <legend>{ ui.t("ui.plan.channel") }</legend>
                    <div class="cc-options">
                        { channel(Channel::Email, "email") }
                        { channel(Channel::Call, "call") }
                        { channel(Channel::Meeting, "meeting") }
                    </div>
                </fieldset>
            </details>
            <div class="cc-actions" role="group" aria-label={ui.t("ui.plan.take_away")}>
                <button type="button" class="cc-primary" data-action="download-md" onclick={on_md}>{ ui.t("ui.plan.download_md") }</button>
                <button type="button" class="cc-primary" data-action="download-pdf" onclick={on_pdf}>{ ui.t("ui.plan.download_pdf") }</button>
                <button type="button" class="cc-primary" data-action="download-ics" onclick={on_ics}>{ ui.t("ui.plan.download_ics") }</button>
                <button type="button" class="cc-secondary" data-action="print" onclick={on_print}>{ ui.t("ui.plan.print") }</button>
                if let Some(notice) = plan.notice_draft.clone() {
                    <button type="button" class="cc-secondary" data-action="copy-notice" onclick={copy(notice, "ui.plan.copied_notice")}>{ ui.t("ui.plan.copy_notice") }</button>
                }
                if !plan.talking_points.is_empty() {
                    <button type="button" class="cc-secondary" data-action="copy-talking-points"
                        onclick={copy(plan.talking_points.join("\n"), "ui.plan.copied_points")}>{ ui.t("ui.plan.copy_points") }</button>
                }
            </div>
            <p class="cc-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            <DocumentView doc={plan.document.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DocumentViewProps {
    doc: Document,
}

/// The plan document as HTML: the same blocks the Markdown and PDF render.
#[component]
fn DocumentView(props: &DocumentViewProps) -> Html {
    html! {
        <article class="cc-doc" data-doc="plan">
            <h4 class="cc-doc-title">{ props.doc.title.clone() }</h4>
            { for props.doc.blocks.iter().map(|b| match b {
                Block::Heading { text, .. } => html! { <h5>{ text.clone() }</h5> },
                Block::Paragraph(text) => html! { <p>{ text.clone() }</p> },
                Block::Checklist(items) => html! {
                    <ul class="cc-checklist">{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
                },
                Block::Bullets(items) => html! {
                    <ul>{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
                },
                Block::Dated { date, iso, text } => html! {
                    <p class="cc-dated"><time datetime={iso.clone()}>{ date.clone() }</time>{ " — " }{ text.clone() }</p>
                },
                Block::Letter(text) => html! { <pre class="cc-letter">{ text.clone() }</pre> },
            }) }
        </article>
    }
}
