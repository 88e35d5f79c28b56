//! Small browser services the screens need: moving focus, printing, today's date, the
//! page's address, fresh ids.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::dates::Day;

/// Focuses the first element matching `selector` inside `root`. Returns whether one was
/// found and focusable.
pub fn focus_first(root: &Element, selector: &str) -> bool {
    let found = root.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok());
    found.is_some_and(|el| el.focus().is_ok())
}

/// Opens the browser's print dialog with every disclosure inside `root` open, so the
/// printout holds the whole plan (the widget's print styles hide the controls); the
/// disclosures the visitor had closed are closed again afterwards (`print()` returns
/// once the dialog is done).
pub fn print(root: &Element) {
    let Some(w) = super::window() else { return };
    let closed: Vec<Element> = root
        .query_selector_all("details:not([open])")
        .map(|list| (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect())
        .unwrap_or_default();
    for d in &closed {
        let _ = d.set_attribute("open", "");
    }
    let _ = w.print();
    for d in &closed {
        let _ = d.remove_attribute("open");
    }
}

/// Today in the visitor's own time zone, from the browser's clock.
pub fn today() -> Option<Day> {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    Day::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// Runs `f` when the browser is idle (`requestIdleCallback`, where there is one; else
/// shortly after the current work), so background work never delays what the visitor does.
pub fn when_idle(f: Box<dyn FnOnce()>) {
    let Some(w) = super::window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&w, &"requestIdleCallback".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Function>().ok());
    let scheduled = match idle {
        Some(request) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
            request.call2(&w, &callback, &options).is_ok()
        }
        None => false,
    };
    if !scheduled {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 200);
    }
}

/// The address of the article the widget is on: the page's own, or inside an iframe the
/// embedding page's as far as the browser tells it (often only its origin). Empty when
/// unknown; the plan checks it before printing it.
pub fn page_address() -> String {
    let Some(w) = super::window() else { return String::new() };
    let framed = w.top().ok().flatten().is_none_or(|top| top != w);
    if framed {
        w.document().map(|d| d.referrer()).unwrap_or_default()
    } else {
        w.location().href().unwrap_or_default()
    }
}

/// A fresh id for a saved client or check: 12 lowercase letters and digits. Not a
/// secret, only unique enough that two devices' clients never share one.
pub fn random_id() -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..12).map(|_| char::from(DIGITS[(js_sys::Math::random() * 36.0) as usize % 36])).collect()
}
