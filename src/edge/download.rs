//! Saving generated files: a Blob, an object URL and a click on a download link.
//! Nothing is sent anywhere.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

pub fn save(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let doc = super::window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = Array::of1(&Uint8Array::from(bytes));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(|_| "blob")?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| "object url")?;
    let a: HtmlAnchorElement = doc.create_element("a").map_err(|_| "anchor")?.dyn_into().map_err(|_| "anchor")?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_rel("noopener");
    a.click();
    // Revoke after the browser has picked the URL up.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
