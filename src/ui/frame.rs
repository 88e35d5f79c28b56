//! The frame around every step: the widget's heading and language switch (and a word when
//! a language could not be fetched), the progress, the step itself, and the privacy line
//! with "Forget my answers" (which, with clients saved, deletes everything this widget
//! keeps, after asking).

use yew::prelude::*;

use super::confirm::ConfirmButton;
use super::lang_switch::LangSwitch;
use super::progress::Progress;
use super::use_ui;
use crate::i18n::Lang;
use crate::options::Theme;
use crate::quiz::Step;

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub heading: AttrValue,
    pub theme: Theme,
    pub compact: bool,
    pub step: Step,
    /// There is something to forget: show "Forget my answers".
    pub can_forget: bool,
    /// How many clients are saved: forgetting then deletes them too, so it asks first.
    #[prop_or_default]
    pub saved_clients: usize,
    pub on_forget: Callback<()>,
    /// A language the visitor chose whose texts could not be fetched: said under the
    /// switcher, in the language the widget stayed in.
    #[prop_or_default]
    pub lang_failed: Option<Lang>,
    #[prop_or_default]
    pub root: NodeRef,
    pub children: Html,
}

#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let ui = use_ui();
    let forget = props.on_forget.reform(|_: MouseEvent| ());
    html! {
        <section class={classes!("cc", props.compact.then_some("cc-compact"))}
            data-theme={props.theme.id()} lang={ui.lang.id()}
            aria-labelledby={ui.id("title")} ref={props.root.clone()} data-step={props.step.id()}>
            <header class="cc-head">
                <h2 class="cc-title" id={ui.id("title")}>{ props.heading.clone() }</h2>
                <LangSwitch described_by={props.lang_failed.map(|_| ui.id("lang-failed"))} />
            </header>
            if let Some(failed) = props.lang_failed {
                <p class="cc-q-error cc-lang-failed" role="status" id={ui.id("lang-failed")} data-lang-failed={failed.id()}>
                    { ui.fmt("ui.lang_failed", &[("language", failed.own_name())]) }
                </p>
            }
            <Progress step={props.step} />
            { props.children.clone() }
            <footer class="cc-foot">
                <p class="cc-privacy">{ ui.t("ui.privacy_short") }</p>
                if props.saved_clients > 0 {
                    <ConfirmButton label={ui.t("ui.forget_all")} action="forget" on_confirm={props.on_forget.clone()}
                        question={AttrValue::from(ui.cat().plural("ui.forget_all_q", props.saved_clients as u64, &[]))}
                        yes={ui.t("ui.clients.delete_all_yes")} />
                } else if props.can_forget {
                    <button type="button" class="cc-link" data-action="forget" onclick={forget}>
                        { ui.t("ui.forget") }
                    </button>
                }
            </footer>
        </section>
    }
}
