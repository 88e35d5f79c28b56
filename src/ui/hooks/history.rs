//! The saved clients' browser side: a finished check is saved as soon as its result
//! shows (with fresh ids and today's date from the browser), and the whole list goes to
//! a file and comes back from one. Nothing is sent anywhere: the file is made and read
//! in this page.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::dates::Day;
use crate::edge::{console, dom, download, files};
use crate::history::{export, import, History, ImportError, MAX_IMPORT_BYTES};
use crate::quiz::{Action, Quiz, Step};

/// What became of the last file the visitor picked to import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    /// Too large, not JSON, or not an export of this widget.
    NotOurs,
    /// An export from another version of the format.
    OtherVersion,
    /// Ours, but damaged.
    Corrupt,
    /// The browser could not read the file.
    Unreadable,
}

/// What [`use_saved_clients`] hands the widget.
#[derive(Clone, PartialEq)]
pub struct SavedClients {
    /// Downloads every saved client as one JSON file.
    pub export: Callback<()>,
    /// Reads a picked export file and merges it in.
    pub import: Callback<web_sys::File>,
    /// Why the last picked file was not imported, until the next one is.
    pub failure: Option<ImportFailure>,
}

/// Saves the check when its result shows (again, after the answers changed) and offers
/// export and import of the saved clients.
#[hook]
pub fn use_saved_clients(quiz: &Quiz, today: Option<Day>, dispatch: &Callback<Action>) -> SavedClients {
    {
        let dispatch = dispatch.clone();
        let at_result = quiz.step == Step::Result;
        use_effect_with((at_result, quiz.answers.clone(), quiz.plan.currency.clone()), move |(at_result, _, _)| {
            if let (true, Some(today)) = (*at_result, today) {
                dispatch.emit(Action::Record { today, client_id: dom::random_id(), check_id: dom::random_id() });
            }
        });
    }
    let failure = use_state(|| None::<ImportFailure>);
    let export = {
        let history = quiz.history.clone();
        use_callback((history, today), |(), (history, today): &(History, Option<Day>)| {
            let day = today.unwrap_or_else(crate::plan::fallback_today);
            let file = format!("client-checkup-clients-{}.json", day.iso());
            if let Err(why) = download::save(&file, "application/json", export(history, day).as_bytes()) {
                console::warn(&format!("Client Checkup: could not save the export ({why})."));
            }
        })
    };
    let import = {
        let (failure, dispatch) = (failure.clone(), dispatch.clone());
        use_callback((), move |file: web_sys::File, ()| {
            let (failure, dispatch) = (failure.clone(), dispatch.clone());
            spawn_local(async move {
                let read = files::read_text(file, MAX_IMPORT_BYTES).await;
                let parsed = match read {
                    Ok(text) => import(&text).map_err(|e| match e {
                        ImportError::TooLarge | ImportError::NotOurs => ImportFailure::NotOurs,
                        ImportError::OtherVersion(_) => ImportFailure::OtherVersion,
                        ImportError::Corrupt => ImportFailure::Corrupt,
                    }),
                    Err(files::ReadError::TooLarge) => Err(ImportFailure::NotOurs),
                    Err(files::ReadError::Unreadable) => Err(ImportFailure::Unreadable),
                };
                match parsed {
                    Ok(history) => {
                        failure.set(None);
                        dispatch.emit(Action::Import(history));
                    }
                    Err(why) => failure.set(Some(why)),
                }
            });
        })
    };
    SavedClients { export, import, failure: *failure }
}
