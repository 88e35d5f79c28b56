//! Small DOM services the screens need: moving focus, printing, today's date.

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
