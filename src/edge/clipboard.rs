//! Copying text: the async Clipboard API where available, else a hidden textarea and
//! `document.execCommand("copy")` (insecure contexts, older browsers, some frames).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlTextAreaElement;

pub async fn copy(text: &str, near: &web_sys::Element) -> bool {
    if let Some(win) = super::window() {
        let clip = win.navigator().clipboard();
        if !clip.is_undefined() && JsFuture::from(clip.write_text(text)).await.is_ok() {
            return true;
        }
    }
    fallback(text, near)
}

fn fallback(text: &str, near: &web_sys::Element) -> bool {
    let Some(doc) = super::window().and_then(|w| w.document()) else { return false };
    let Ok(el) = doc.create_element("textarea") else { return false };
    let Ok(area) = el.dyn_into::<HtmlTextAreaElement>() else { return false };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("class", "cc-copy-buffer");
    let parent = near.parent_node();
    let Some(parent) = parent else { return false };
    if parent.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let ok = doc.dyn_ref::<web_sys::HtmlDocument>().and_then(|d| d.exec_command("copy").ok()).unwrap_or(false);
    let _ = parent.remove_child(&area);
    ok
}
