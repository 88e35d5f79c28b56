//! Taking the plan away: Markdown, calendar and PDF files (written by the plan module),
//! print, and copies of the notice and the talking points. Everything is built and saved
//! in the browser.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::edge::{clipboard, console, dom, download, plan_module};
use crate::plan::Plan;

/// The plan's exports as callbacks, and the status line that reports on them (a catalog
/// key: "saved", "could not save", "copied"…), for a polite live region.
#[derive(Clone, PartialEq)]
pub struct PlanExports {
    pub status: Option<&'static str>,
    pub markdown: Callback<()>,
    pub calendar: Callback<()>,
    pub pdf: Callback<()>,
    pub print: Callback<()>,
    pub copy_notice: Callback<()>,
    pub copy_points: Callback<()>,
}

const MIME: [(&str, &str); 3] =
    [("md", "text/markdown;charset=utf-8"), ("ics", "text/calendar;charset=utf-8"), ("pdf", "application/pdf")];

/// The exports of `plan` (`json` is the same plan as the plan module wrote it). `anchor`
/// is an element inside the widget: the clipboard fallback places its temporary text area
/// there (it must be in the same shadow root), and printing opens its disclosures.
#[hook]
pub fn use_plan_exports(plan: Rc<Plan>, json: Rc<str>, anchor: NodeRef) -> PlanExports {
    let status = use_state(|| None::<&'static str>);
    let say = {
        let status = status.clone();
        Callback::from(move |key: &'static str| status.set(Some(key)))
    };
    let save = |format: &'static str, busy: Option<&'static str>| {
        let (json, say) = (json.clone(), say.clone());
        Callback::from(move |()| {
            let (json, say) = (json.clone(), say.clone());
            if let Some(key) = busy {
                say.emit(key);
            }
            wasm_bindgen_futures::spawn_local(async move {
                let mime = MIME.iter().find(|(f, _)| *f == format).map_or("application/octet-stream", |(_, m)| m);
                let saved = match plan_module::file(&json, format).await {
                    Ok((name, bytes)) => download::save(&name, mime, &bytes),
                    Err(e) => Err(e),
                };
                match saved {
                    Ok(()) => say.emit("ui.plan.saved"),
                    Err(e) => {
                        console::warn(&format!("Client Checkup: the {format} file failed: {e}"));
                        say.emit(if format == "pdf" { "ui.plan.pdf_failed" } else { "ui.plan.save_failed" });
                    }
                }
            });
        })
    };
    let copy = |text: String, done: &'static str| {
        let (anchor, say) = (anchor.clone(), say.clone());
        Callback::from(move |()| {
            let (text, anchor, say) = (text.clone(), anchor.cast::<Element>(), say.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = match anchor {
                    Some(el) => clipboard::copy(&text, &el).await,
                    None => false,
                };
                say.emit(if ok { done } else { "ui.plan.copy_failed" });
            });
        })
    };
    PlanExports {
        status: *status,
        markdown: save("md", None),
        calendar: save("ics", None),
        pdf: save("pdf", Some("ui.plan.pdf_working")),
        print: {
            let anchor = anchor.clone();
            Callback::from(move |()| {
                if let Some(root) = anchor.cast::<Element>() {
                    dom::print(&root);
                }
            })
        },
        copy_notice: copy(plan.notice_draft.clone().unwrap_or_default(), "ui.plan.copied_notice"),
        copy_points: copy(plan.talking_points.join("\n"), "ui.plan.copied_points"),
    }
}
