//! The root of one widget instance: the layout around the current step. State, language,
//! events and focus come from hooks; the assessment is derived here once per change of
//! the answers and handed to whoever shows it.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::clients::ClientList;
use super::context_step::ContextStep;
use super::frame::Frame;
use super::hooks::{
    use_host_events, use_language, use_language_focus, use_page_address, use_plan_ahead, use_plan_prefetch,
    use_progress, use_saved_clients, use_step_focus, use_take_over, use_today,
};
use super::intro::Intro;
use super::rate_step::RateStep;
use super::result::ResultView;
use super::review::Review;
use super::signal_step::SignalStep;
use super::Ui;
use crate::assessment::{assess, MODEL};
use crate::i18n::Lang;
use crate::options::Options;
use crate::plan_module::PlanRequest;
use crate::quiz::{Action, Step};

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

#[component]
pub fn App(props: &AppProps) -> Html {
    let progress = use_progress(&props.namespace);
    let quiz = progress.quiz();
    // The visitor's own pick, from an earlier visit, wins over the page's language.
    let language = use_language(quiz.lang.unwrap_or(props.lang));
    // Switching the language is remembered with the answers.
    let set_lang = {
        let (set, dispatch) = (language.set.clone(), progress.dispatch.clone());
        use_memo((), move |_| {
            Callback::from(move |lang| {
                set.emit(lang);
                dispatch.emit(Action::Language(lang));
            })
        })
    };
    let assessment = use_memo(quiz.answers.clone(), |answers| assess(&MODEL, answers));
    let root = use_node_ref();
    use_host_events(&props.host, language.ready, quiz.step, assessment.clone());
    use_step_focus(&root, quiz.step, quiz.missing.is_some());
    use_language_focus(&root, language.lang, language.ready, language.failed);
    use_plan_prefetch(quiz.step);
    let refused = quiz.missing.is_some();
    use_take_over(&root, &language, quiz.step, refused, progress.dispatch.clone(), (*set_lang).clone());
    let today = use_today();
    let page = use_page_address();
    let ahead = (quiz.step == Step::Review).then(|| {
        let lang = language.lang;
        PlanRequest::new((*assessment).clone(), quiz.answers.clone(), quiz.plan.clone(), today, &page, lang)
    });
    use_plan_ahead(ahead);
    let saved = use_saved_clients(quiz, today, &progress.dispatch);

    if !language.ready {
        // The catalog is on its way: hold the space without showing the wrong language.
        return html! { <section class="cc cc-loading" aria-busy="true" ref={root}></section> };
    }
    let ui = Ui { lang: language.lang, uid: props.uid.clone(), set_lang: (*set_lang).clone() };
    let heading = props.options.heading.clone().map(AttrValue::from).unwrap_or_else(|| ui.t("ui.title"));
    let on_action = progress.dispatch.clone();
    let step = quiz.step;
    let body = match step {
        Step::Intro => html! {
            <Intro nickname={AttrValue::from(quiz.plan.nickname.clone())}
                resumed={quiz.answers != Default::default()} has_saved={!quiz.history.is_empty()}
                on_action={on_action.clone()}>
                <ClientList history={quiz.history.clone()} {today} notice={quiz.notice} import_failure={saved.failure}
                    storage_failed={progress.storage_failed} {on_action} on_export={saved.export.clone()}
                    on_import={saved.import.clone()} on_forget_all={progress.forget.clone()} />
            </Intro>
        },
        Step::Signal(index) => html! {
            <SignalStep {index} answers={quiz.answers.clone()} editing={quiz.editing}
                missing={quiz.missing.clone().map(|m| m.questions).unwrap_or_default()} {on_action} />
        },
        Step::Rate => html! {
            <RateStep rate={quiz.answers.rate.clone()} currency={AttrValue::from(quiz.plan.currency.clone())}
                editing={quiz.editing} {on_action} />
        },
        Step::Context => html! { <ContextStep answers={quiz.answers.clone()} {on_action} /> },
        Step::Review => {
            html! { <Review answers={quiz.answers.clone()} currency={AttrValue::from(quiz.plan.currency.clone())} {on_action} /> }
        }
        Step::Result => html! {
            <ResultView assessment={assessment.clone()} answers={quiz.answers.clone()}
                inputs={quiz.plan.clone()} client={quiz.client.as_deref().and_then(|c| quiz.history.client(c)).cloned()}
                check={quiz.check.clone().map(AttrValue::from)} notice={quiz.notice}
                storage_failed={progress.storage_failed} {on_action} />
        },
    };
    html! {
        <ContextProvider<Ui> context={ui.clone()}>
            <Frame {heading} theme={props.options.theme} compact={props.options.compact} {step} {root}
                can_forget={!quiz.is_blank()} saved_clients={quiz.history.clients.len()}
                on_forget={progress.forget.clone()} lang_failed={language.failed}>
                { body }
            </Frame>
        </ContextProvider<Ui>>
    }
}
