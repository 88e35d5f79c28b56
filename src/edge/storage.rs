//! `localStorage`, defensively: access can throw (blocked cookies, sandboxed frames),
//! writes can fail (quota). Every failure is swallowed: the quiz then simply does not
//! survive a reload, and nothing else changes.

use web_sys::Storage;

fn storage() -> Option<Storage> {
    super::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Returns whether the value was written.
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Removes this widget's entries written by other versions for the same namespace.
pub fn remove_other_versions(namespace: &str, current: &str) {
    let Some(s) = storage() else { return };
    let len = s.length().unwrap_or(0);
    let stale: Vec<String> = (0..len)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k != current && crate::stored::is_ours(k) && k.ends_with(&format!(":{namespace}")))
        .collect();
    for k in stale {
        let _ = s.remove_item(&k);
    }
}
