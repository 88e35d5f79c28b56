//! Files the visitor picks: reading an export file back in. Nothing is uploaded; the
//! file is read in this page.

use wasm_bindgen_futures::JsFuture;
use web_sys::File;

/// Why a picked file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than the caller accepts (checked before reading it).
    TooLarge,
    /// The browser could not read it (gone, or not text).
    Unreadable,
}

/// The text of `file`, if it is at most `max_bytes` long.
pub async fn read_text(file: File, max_bytes: usize) -> Result<String, ReadError> {
    if file.size() > max_bytes as f64 {
        return Err(ReadError::TooLarge);
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| ReadError::Unreadable)?;
    text.as_string().ok_or(ReadError::Unreadable)
}
