//! `client-checkup:*` events on the host element. Only the verdict and scores ever
//! leave the widget this way: never anything the visitor typed.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::assessment::Assessment;

pub const READY: &str = "client-checkup:ready";
pub const STARTED: &str = "client-checkup:started";
pub const COMPLETED: &str = "client-checkup:completed";
/// The widget stopped working (a bug): the loader answers with its failure message.
pub const FAILED: &str = "client-checkup:failed";

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn base_detail() -> Object {
    let detail = Object::new();
    set(&detail, "version", &JsValue::from_str(env!("CARGO_PKG_VERSION")));
    detail
}

pub fn dispatch(host: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
    relay_to_parent(name, detail);
}

pub fn ready(host: &Element) {
    dispatch(host, READY, &base_detail().into());
}

pub fn started(host: &Element) {
    dispatch(host, STARTED, &base_detail().into());
}

pub fn completed(host: &Element, a: &Assessment) {
    let detail = base_detail();
    set(&detail, "verdict", &JsValue::from_str(a.verdict.id()));
    set(&detail, "overall", &JsValue::from(a.overall));
    let scores = Object::new();
    for s in &a.scores {
        let v = s.score.map(JsValue::from).unwrap_or(JsValue::NULL);
        set(&scores, s.signal.id(), &v);
    }
    set(&detail, "scores", &scores);
    dispatch(host, COMPLETED, &detail.into());
}

/// Tells the host (and the loader, which shows the failure message) that this widget
/// stopped working.
pub fn failed(host: &Element) {
    dispatch(host, FAILED, &base_detail().into());
}

/// In iframe mode (the widget's page is framed by a blog), the same events go to the
/// parent as `postMessage`, tagged `{ source: "client-checkup", type, detail }`.
fn relay_to_parent(name: &str, detail: &JsValue) {
    let Some(win) = super::window() else { return };
    let Ok(Some(parent)) = win.parent() else { return };
    if JsValue::from(parent.clone()) == JsValue::from(win.clone()) {
        return;
    }
    let msg = Object::new();
    set(&msg, "source", &JsValue::from_str("client-checkup"));
    set(&msg, "type", &JsValue::from_str(name));
    set(&msg, "detail", detail);
    let _ = parent.post_message(&msg, "*");
}
