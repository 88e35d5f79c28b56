//! The saved clients, side by side: the one to let go first at the top, each with its
//! last check (date, verdict, overall risk), what it really pays and how much of the
//! income it brings, and when it is due for a re-check. From here a client is checked
//! again or deleted, one check or all of it; every client can be exported to a file and
//! read back in on another device. Deleting asks first.

use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use super::confirm::ConfirmButton;
use super::hooks::ImportFailure;
use super::use_ui;
use crate::dates::Day;
use crate::history::{Client, History};
use crate::quiz::{Action, HistoryNotice};

#[derive(Properties, PartialEq)]
pub struct ClientListProps {
    pub history: History,
    pub today: Option<Day>,
    pub notice: Option<HistoryNotice>,
    pub import_failure: Option<ImportFailure>,
    /// The browser refuses to keep data: say the list will not survive a reload.
    pub storage_failed: bool,
    pub on_action: Callback<Action>,
    pub on_export: Callback<()>,
    pub on_import: Callback<File>,
    /// Deletes everything this widget keeps in the browser.
    pub on_forget_all: Callback<()>,
}

/// The notice an import or a pruning leaves, or why an import failed.
fn status(props: &ClientListProps, ui: &super::Ui) -> Option<(bool, AttrValue)> {
    if let Some(f) = props.import_failure {
        let key = match f {
            ImportFailure::NotOurs => "ui.clients.import_not_ours",
            ImportFailure::OtherVersion => "ui.clients.import_other_version",
            ImportFailure::Corrupt => "ui.clients.import_corrupt",
            ImportFailure::Unreadable => "ui.clients.import_unreadable",
        };
        return Some((false, ui.t(key)));
    }
    let cat = ui.cat();
    match props.notice? {
        HistoryNotice::Imported(m) if m.clients + m.checks == 0 => Some((true, ui.t("ui.clients.imported_nothing"))),
        HistoryNotice::Imported(m) => {
            let mut text = cat.plural("ui.clients.imported", m.checks as u64, &[]);
            if m.pruned > 0 {
                text = format!("{text} {}", cat.plural("ui.clients.pruned", m.pruned as u64, &[]));
            }
            Some((true, text.into()))
        }
        HistoryNotice::Pruned(n) => Some((true, cat.plural("ui.clients.pruned", n as u64, &[]).into())),
    }
}

#[component]
pub fn ClientList(props: &ClientListProps) -> Html {
    let ui = use_ui();
    let file_ref = use_node_ref();
    let on_file = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|list| list.get(0)) {
                on_import.emit(file);
            }
            // The same file can be picked again after a failure.
            input.set_value("");
        })
    };
    let pick = {
        let file_ref = file_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_ref.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let status = status(props, &ui);
    let clients = props.history.worst_first();
    let import = html! {
        <>
            <button type="button" class="cc-secondary" data-action="import" onclick={pick}>{ ui.t("ui.clients.import") }</button>
            <input type="file" class="cc-sr" ref={file_ref} accept=".json,application/json" tabindex="-1"
                aria-hidden="true" onchange={on_file} />
        </>
    };
    html! {
        // A named region only when there is a list: for a first visit it is one line
        // offering to import, not a landmark.
        <section class="cc-clients" aria-labelledby={(!clients.is_empty()).then(|| ui.id("clients"))}>
            if clients.is_empty() {
                <p class="cc-hint">{ ui.t("ui.clients.import_hint") }</p>
            } else {
                <h4 id={ui.id("clients")}>{ ui.t("ui.clients.heading") }</h4>
                <p class="cc-hint">{ ui.t("ui.clients.intro") }</p>
                <ol class="cc-client-list">
                    { for clients.iter().enumerate().map(|(i, c)| html! {
                        <ClientItem client={(*c).clone()} number={i + 1} today={props.today}
                            on_action={props.on_action.clone()} />
                    }) }
                </ol>
            }
            if props.storage_failed {
                <p class="cc-q-error" data-storage="failed">{ ui.t("ui.clients.storage_failed") }</p>
            }
            <div class="cc-status" role="status">
                if let Some((ok, text)) = status {
                    <p class={if ok { "cc-notice" } else { "cc-q-error" }} data-import={if ok { "ok" } else { "failed" }}>{ text }</p>
                }
            </div>
            <div class="cc-nav cc-client-files">
                if !clients.is_empty() {
                    <button type="button" class="cc-secondary" data-action="export"
                        onclick={props.on_export.reform(|_: MouseEvent| ())}>{ ui.t("ui.clients.export") }</button>
                }
                { import }
                if !clients.is_empty() {
                    <ConfirmButton label={ui.t("ui.clients.delete_all")} question={ui.t("ui.clients.delete_all_q")}
                        yes={ui.t("ui.clients.delete_all_yes")} action="delete-all" on_confirm={props.on_forget_all.clone()} />
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ClientItemProps {
    client: Client,
    /// Its place in the list, for a client without a nickname.
    number: usize,
    today: Option<Day>,
    on_action: Callback<Action>,
}

#[component]
fn ClientItem(props: &ClientItemProps) -> Html {
    let ui = use_ui();
    let cat = ui.cat();
    let c = &props.client;
    let Some(last) = c.latest() else { return Html::default() };
    let name: AttrValue = if c.nickname.is_empty() {
        ui.fmt("ui.clients.unnamed", &[("n", &props.number.to_string())])
    } else {
        AttrValue::from(c.nickname.clone())
    };
    let verdict = last.verdict.id();
    let mut facts = vec![ui.fmt(
        "ui.clients.last",
        &[
            ("date", &cat.date(last.date)),
            ("verdict", cat.t(&format!("verdict.{verdict}.title"))),
            ("score", &last.overall.to_string()),
        ],
    )];
    if let Some(r) = last.answers.rate.rate() {
        let currency = crate::plan::currency(ui.lang, &last.currency);
        facts.push(ui.fmt("ui.clients.rate", &[("rate", &cat.per_hour(r.effective_cents, &currency))]));
    }
    if let Some(share) = last.answers.context.income_share {
        facts.push(ui.fmt("ui.clients.share", &[("share", cat.t(&format!("ctx.income_share.{share}")))]));
    }
    if let Some(judge) = last.judge {
        let due = props.today.is_some_and(|t| t >= judge);
        let key = if due { "ui.clients.due" } else { "ui.clients.next" };
        facts.push(ui.fmt(key, &[("date", &cat.date(judge))]));
    }
    let check_again = {
        let (client, today) = (c.id.clone(), props.today.unwrap_or(last.date));
        props.on_action.reform(move |_: MouseEvent| Action::CheckAgain { client: client.clone(), today })
    };
    let delete_client = {
        let client = c.id.clone();
        props.on_action.reform(move |()| Action::DeleteClient(client.clone()))
    };
    html! {
        <li class="cc-client" data-client={c.id.clone()} data-verdict={verdict}>
            <h5>{ name.clone() }</h5>
            <ul class="cc-client-facts">{ for facts.into_iter().map(|f| html! { <li>{ f }</li> }) }</ul>
            <div class="cc-client-actions">
                <button type="button" class="cc-secondary" data-action="check-again" onclick={check_again}>
                    { ui.t("ui.clients.check_again") }<span class="cc-sr">{ format!(": {name}") }</span>
                </button>
                <ConfirmButton label={ui.t("ui.clients.delete_client")} label_detail={name.clone()}
                    question={AttrValue::from(cat.plural("ui.clients.delete_client_q", c.checks.len() as u64, &[("name", &name)]))}
                    yes={ui.t("ui.clients.delete_yes")} action="delete-client" on_confirm={delete_client} />
            </div>
            <details class="cc-client-checks">
                <summary>{ cat.plural("ui.clients.checks", c.checks.len() as u64, &[]) }</summary>
                <ol>
                    { for c.checks.iter().rev().map(|k| {
                        let on_confirm = {
                            let (client, check) = (c.id.clone(), k.id.clone());
                            props.on_action.reform(move |()| Action::DeleteCheck { client: client.clone(), check: check.clone() })
                        };
                        let when = cat.date(k.date);
                        html! {
                            <li data-check={k.id.clone()}>
                                <span>{ ui.fmt("ui.clients.check", &[
                                    ("date", &when), ("verdict", cat.t(&format!("verdict.{}.title", k.verdict))),
                                    ("score", &k.overall.to_string()),
                                ]) }</span>
                                <ConfirmButton label={ui.t("ui.clients.delete_check")} label_detail={AttrValue::from(when.clone())}
                                    question={ui.fmt("ui.clients.delete_check_q", &[("date", &when)])}
                                    yes={ui.t("ui.clients.delete_yes")} action="delete-check" {on_confirm} />
                            </li>
                        }
                    }) }
                </ol>
            </details>
        </li>
    }
}
