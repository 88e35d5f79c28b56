//! The first screen and the first question as a fresh visitor sees them, for the loader
//! to paint before any wasm arrives: rendered to static HTML at build time
//! (`src/bin/prerender.rs`, Yew's server renderer) from the same components the widget
//! then mounts, so there is one source of their markup. The loader applies the options
//! that vary per page (theme, heading, compact, accent) to the painted markup, shows the
//! first question on Start, and keeps what the visitor does there (native radio buttons
//! need no code) for the widget to take over.

use yew::prelude::*;

use super::clients::ClientList;
use super::frame::Frame;
use super::intro::Intro;
use super::signal_step::SignalStep;
use super::Ui;
use crate::assessment::Answers;
use crate::history::History;
use crate::i18n::Lang;
use crate::options::Theme;
use crate::quiz::Step;

/// The element id prefix of the first (and, with the loader, only) widget in a shadow
/// root; the widget mounted over the painted screen uses the same ids.
pub const UID: &str = "cc0";

#[derive(Properties, PartialEq)]
pub struct FirstScreenProps {
    pub lang: Lang,
}

#[component]
pub fn FirstScreen(props: &FirstScreenProps) -> Html {
    let ui = Ui { lang: props.lang, uid: AttrValue::Static(UID), set_lang: Callback::noop() };
    html! {
        <ContextProvider<Ui> context={ui.clone()}>
            <Frame heading={ui.t("ui.title")} theme={Theme::Auto} compact={false} step={Step::Intro}
                can_forget={false} on_forget={Callback::noop()}>
                <Intro nickname={AttrValue::Static("")} resumed={false} on_action={Callback::noop()}>
                    <ClientList history={History::default()} today={None} notice={None} import_failure={None}
                        storage_failed={false} on_action={Callback::noop()} on_export={Callback::noop()}
                        on_import={Callback::noop()} on_forget_all={Callback::noop()} />
                </Intro>
            </Frame>
        </ContextProvider<Ui>>
    }
}

/// The first question (the first signal's step) as it shows after Start, blank.
#[component]
pub fn FirstQuestion(props: &FirstScreenProps) -> Html {
    let ui = Ui { lang: props.lang, uid: AttrValue::Static(UID), set_lang: Callback::noop() };
    html! {
        <ContextProvider<Ui> context={ui.clone()}>
            <Frame heading={ui.t("ui.title")} theme={Theme::Auto} compact={false} step={Step::Signal(0)}
                can_forget={false} on_forget={Callback::noop()}>
                <SignalStep index={0} answers={Answers::default()} editing={false} missing={Vec::<String>::new()}
                    on_action={Callback::noop()} />
            </Frame>
        </ContextProvider<Ui>>
    }
}
