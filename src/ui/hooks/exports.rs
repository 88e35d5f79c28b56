//! Taking the plan away: Markdown, calendar and PDF files, print, and copies of the
//! notice and the talking points. Everything is built and saved in the browser.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::edge::{assets, clipboard, console, dom, download};
use crate::plan::Plan;
use crate::render::filename::plan_file_name;
use crate::render::ics::ics;
use crate::render::markdown::markdown;
use crate::render::pdf::pdf;

/// Where the PDF font lives, relative to the widget's files (fetched on demand only).
pub const FONT_PATH: &str = "fonts/checkup-sans.ttf";

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

/// The exports of `plan`. `anchor` is an element inside the widget where the clipboard
/// fallback can place its temporary text area (it must be in the same shadow root).
#[hook]
pub fn use_plan_exports(plan: Rc<Plan>, anchor: NodeRef) -> PlanExports {
    let status = use_state(|| None::<&'static str>);
    let say = {
        let status = status.clone();
        Callback::from(move |key: &'static str| status.set(Some(key)))
    };
    let save = |ext: &'static str, mime: &'static str, render: fn(&Plan) -> Vec<u8>| {
        let (plan, say) = (plan.clone(), say.clone());
        Callback::from(move |()| {
            let ok = download::save(&plan_file_name(&plan, ext), mime, &render(&plan)).is_ok();
            say.emit(if ok { "ui.plan.saved" } else { "ui.plan.save_failed" });
        })
    };
    let pdf = {
        let (plan, say) = (plan.clone(), say.clone());
        Callback::from(move |()| {
            let (plan, say) = (plan.clone(), say.clone());
            say.emit("ui.plan.pdf_working");
            wasm_bindgen_futures::spawn_local(async move {
                let paper = plan.lang.catalog().meta.paper;
                let bytes = match assets::fetch_bytes(FONT_PATH).await {
                    Ok(font) => pdf(&plan.document, &font, paper, plan.lang.id()).map_err(|e| e.to_string()),
                    Err(e) => Err(e),
                };
                match bytes.and_then(|b| download::save(&plan_file_name(&plan, "pdf"), "application/pdf", &b)) {
                    Ok(()) => say.emit("ui.plan.saved"),
                    Err(e) => {
                        console::warn(&format!("Client Checkup: PDF failed: {e}"));
                        say.emit("ui.plan.pdf_failed");
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
        markdown: save("md", "text/markdown;charset=utf-8", |p| markdown(&p.document).into_bytes()),
        calendar: save("ics", "text/calendar;charset=utf-8", |p| ics(p, p.lang, &p.nickname).into_bytes()),
        pdf,
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
