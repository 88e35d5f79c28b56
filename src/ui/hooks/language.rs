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
    /// Switches the language; every answer stays.
    pub set: Callback<Lang>,
}

/// Starts in `initial`; a language that is not built in is fetched (its four catalog
/// files together) and installed, and the widget renders once it is there. If the fetch
/// fails the widget says so on the console and continues in English.
#[hook]
pub fn use_language(initial: Lang) -> LanguageHandle {
    let lang = use_state(|| initial);
    // Bumped when a fetched catalog is installed, to render with it.
    let installed = use_state(|| 0u32);
    {
        let (lang, installed) = (lang.clone(), installed.clone());
        use_effect_with(*lang, move |wanted| {
            let wanted = *wanted;
            if !wanted.is_available() {
                wasm_bindgen_futures::spawn_local(async move {
                    match assets::load_language(wanted).await {
                        Ok(()) => installed.set(*installed + 1),
                        Err(e) => {
                            console::warn(&format!(
                                "Client Checkup: could not load language {}: {e}. Using English.",
                                wanted.id()
                            ));
                            lang.set(Lang::En);
                        }
                    }
                });
            }
        });
    }
    let set = {
        let lang = lang.clone();
        use_memo((), move |_| Callback::from(move |l| lang.set(l)))
    };
    LanguageHandle { lang: *lang, ready: lang.is_available(), set: (*set).clone() }
}
