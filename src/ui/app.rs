//! The root of one widget instance: state, storage, events and focus management.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::{
    context_step::ContextStep, intro::Intro, lang_switch::LangSwitch, progress::Progress, result::ResultView,
    review::Review, signal_step::SignalStep, QuizState, Ui,
};
use crate::edge::{assets, events, storage};
use crate::i18n::Lang;
use crate::options::Options;
use crate::plan::PlanInputs;
use crate::quiz::{Quiz, Step};
use crate::stored;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The placeholder element on the host page: events are dispatched on it.
    pub host: Element,
    pub lang: Lang,
    /// Storage namespace (the `data-id` option, or the instance's position).
    pub namespace: AttrValue,
    /// Unique per instance on the page.
    pub uid: AttrValue,
    pub options: Rc<Options>,
}

fn restore(key: &str, namespace: &str) -> (Quiz, PlanInputs) {
    storage::remove_other_versions(namespace, key);
    let Some(text) = storage::load(key) else { return Default::default() };
    match stored::restore(&text) {
        Ok(restored) => restored,
        Err(why) => {
            crate::edge::warn(&format!("Client Checkup: discarded stored answers ({why:?})."));
            storage::remove(key);
            Default::default()
        }
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let key: Rc<str> = use_memo(props.namespace.clone(), |ns| stored::key(ns)).as_str().into();
    let restored = {
        let (key, ns) = (key.clone(), props.namespace.clone());
        use_memo((), move |_| restore(&key, &ns))
    };
    let state = {
        let quiz = restored.0.clone();
        use_reducer(move || QuizState(quiz))
    };
    let plan_inputs = {
        let inputs = restored.1.clone();
        use_state(move || inputs)
    };
    let lang = use_state(|| props.lang);
    // Bumped when a fetched catalog is installed, to render with it.
    let installed = use_state(|| 0u32);
    let available = lang.is_available();
    let root = use_node_ref();
    let first_render = use_mut_ref(|| true);
    let last_step = use_mut_ref(|| state.0.step);

    // Keep progress across reloads; an untouched quiz leaves nothing behind.
    {
        let key = key.clone();
        use_effect_with((state.0.clone(), (*plan_inputs).clone()), move |(quiz, plan)| {
            if *quiz == Quiz::default() {
                storage::remove(&key);
            } else {
                let plan = (*plan != PlanInputs::default()).then_some(plan);
                storage::save(&key, &stored::encode(quiz, plan));
            }
        });
    }

    // Languages other than English arrive as assets; fall back to English if that fails.
    {
        let (lang, installed) = (lang.clone(), installed.clone());
        use_effect_with(*lang, move |wanted| {
            let wanted = *wanted;
            if !wanted.is_available() {
                wasm_bindgen_futures::spawn_local(async move {
                    match assets::load_language(wanted).await {
                        Ok(()) => installed.set(*installed + 1),
                        Err(e) => {
                            crate::edge::warn(&format!(
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
    // Ready once, when the first screen is usable; started/completed on the
    // transitions, never on a restore.
    {
        let host = props.host.clone();
        use_effect_with(available, move |ok| {
            if *ok {
                events::ready(&host);
            }
        });
    }
    {
        let (host, root, first, last) = (props.host.clone(), root.clone(), first_render.clone(), last_step.clone());
        let answers = state.0.answers.clone();
        use_effect_with(state.0.step, move |step| {
            let prev = std::mem::replace(&mut *last.borrow_mut(), *step);
            let initial = std::mem::replace(&mut *first.borrow_mut(), false);
            if !initial && prev != *step {
                if prev == Step::Intro && matches!(step, Step::Signal(0)) {
                    events::started(&host);
                }
                if *step == Step::Result {
                    let a = crate::assessment::assess(&crate::assessment::MODEL, &answers);
                    events::completed(&host, &a);
                }
                focus(&root, ".cc-step-title");
            }
        });
    }
    // A refused Next: put the visitor on the first unanswered question.
    {
        let root = root.clone();
        use_effect_with(state.0.missing.clone(), move |missing| {
            if missing.is_some() {
                focus(&root, ".cc-invalid input");
            }
        });
    }

    if !available {
        // The catalog is on its way: hold the space without showing the wrong language.
        return html! { <section class="cc cc-loading" aria-busy="true" ref={root}></section> };
    }
    let ui = Ui {
        lang: *lang,
        uid: props.uid.clone(),
        set_lang: {
            let lang = lang.clone();
            Callback::from(move |l| lang.set(l))
        },
    };
    let heading = props.options.heading.clone().map(AttrValue::from).unwrap_or_else(|| ui.t("ui.title"));
    let forget = {
        let (state, key, plan_inputs) = (state.clone(), key.clone(), plan_inputs.clone());
        Callback::from(move |_| {
            storage::remove(&key);
            plan_inputs.set(PlanInputs::default());
            state.dispatch(crate::quiz::Action::Restart);
        })
    };
    let on_plan_inputs = {
        let plan_inputs = plan_inputs.clone();
        Callback::from(move |i: PlanInputs| plan_inputs.set(i))
    };
    let step = state.0.step;
    let body = match step {
        Step::Intro => html! { <Intro state={state.clone()} /> },
        Step::Signal(i) => html! { <SignalStep state={state.clone()} index={i} /> },
        Step::Context => html! { <ContextStep state={state.clone()} /> },
        Step::Review => html! { <Review state={state.clone()} /> },
        Step::Result => html! {
            <ResultView state={state.clone()} plan_inputs={(*plan_inputs).clone()} on_plan_inputs={on_plan_inputs} />
        },
    };
    let class = classes!("cc", props.options.compact.then_some("cc-compact"),);
    html! {
        <ContextProvider<Ui> context={ui.clone()}>
            <section class={class} data-theme={props.options.theme.id()} lang={ui.lang.id()}
                aria-labelledby={ui.id("title")} ref={root} data-step={step.id()}>
                <header class="cc-head">
                    <h2 class="cc-title" id={ui.id("title")}>{ heading }</h2>
                    <LangSwitch />
                </header>
                <Progress step={step} />
                { body }
                <footer class="cc-foot">
                    <p class="cc-privacy">{ ui.t("ui.privacy_short") }</p>
                    if state.0 != Quiz::default() {
                        <button type="button" class="cc-link" data-action="forget" onclick={forget}>
                            { ui.t("ui.forget") }
                        </button>
                    }
                </footer>
            </section>
        </ContextProvider<Ui>>
    }
}

/// Focuses the first element matching `selector` inside this widget.
fn focus(root: &NodeRef, selector: &str) {
    let Some(root) = root.cast::<Element>() else { return };
    if let Some(el) = root.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
