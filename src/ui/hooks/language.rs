//! The instance's language: English is built in, the others are fetched on demand.

use yew::prelude::*;

use crate::edge::{assets, console};
use crate::i18n::Lang;

/// The language in use, whether its catalog is there yet, and how to change it.
#[derive(Clone, PartialEq)]
pub struct LanguageHandle {
    pub lang: Lang,
    /// The catalog is installed: render in this language (until then, hold the space).
    pub ready: bool,
    /// A language asked for whose catalog could not be fetched: the widget stayed in
    /// `lang` and says so, until another language is chosen.
    pub failed: Option<Lang>,
    /// Switches the language; every answer stays.
    pub set: Callback<Lang>,
}

/// Starts in `initial`; a language that is not built in is fetched (its catalog files
/// together, given up after [`assets::CATALOG_TIMEOUT_MS`]) and installed, and the widget
/// renders once it is there. If the fetch fails, the widget goes back to the last language
/// it showed (English at first), says so, and tells the console why.
#[hook]
pub fn use_language(initial: Lang) -> LanguageHandle {
    let lang = use_state(|| initial);
    let failed = use_state(|| None::<Lang>);
    // Bumped when a fetched catalog is installed, to render with it.
    let installed = use_state(|| 0u32);
    // The language wanted now, and the last one shown, read by a fetch that ends later.
    let wanted_now = use_mut_ref(|| initial);
    let last_shown = use_mut_ref(|| Lang::En);
    *wanted_now.borrow_mut() = *lang;
    if lang.is_available() {
        *last_shown.borrow_mut() = *lang;
    }
    {
        let (lang, failed, installed) = (lang.clone(), failed.clone(), installed.clone());
        use_effect_with(*lang, move |wanted| {
            let wanted = *wanted;
            if !wanted.is_available() {
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = assets::load_language(wanted).await;
                    if *wanted_now.borrow() != wanted {
                        return; // the visitor chose another language meanwhile
                    }
                    match outcome {
                        Ok(()) => installed.set(*installed + 1),
                        Err(e) => {
                            let back = *last_shown.borrow();
                            console::warn(&format!(
                                "Client Checkup: could not load language {}: {e}. Staying in {}.",
                                wanted.id(),
                                back.id()
                            ));
                            failed.set(Some(wanted));
                            lang.set(back);
                        }
                    }
                });
            }
        });
    }
    let set = {
        let (lang, failed) = (lang.clone(), failed.clone());
        use_memo((), move |_| {
            Callback::from(move |l| {
                failed.set(None);
                lang.set(l);
            })
        })
    };
    LanguageHandle { lang: *lang, ready: lang.is_available(), failed: *failed, set: (*set).clone() }
}
