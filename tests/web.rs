//! Browser tests (wasm-bindgen-test in headless Chromium): a widget is mounted into a
//! fresh element, driven by real clicks, and awaited with `yew::scheduler::flush`.
#![cfg(all(target_arch = "wasm32", not(target_os = "wasi")))]

use client_checkup::assessment::{SignalId, MODEL};
use client_checkup::stored;
use client_checkup::widget;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

struct Widget {
    host: Element,
    ns: String,
}

impl Widget {
    async fn mount(ns: &str, extra: &[(&str, &str)]) -> Widget {
        let doc = web_sys::window().unwrap().document().unwrap();
        let host = doc.create_element("div").unwrap();
        host.set_attribute("data-client-checkup", "").unwrap();
        host.set_attribute("data-id", ns).unwrap();
        host.set_attribute("data-lang", "en").unwrap();
        for (k, v) in extra {
            host.set_attribute(k, v).unwrap();
        }
        doc.body().unwrap().append_child(&host).unwrap();
        widget::mount(&host, &Default::default()).expect("mounts");
        yew::scheduler::flush().await;
        Widget { host, ns: ns.to_owned() }
    }

    fn root(&self) -> web_sys::ShadowRoot {
        self.host.shadow_root().expect("shadow root")
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root().query_selector(selector).unwrap()
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root().query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
    }

    async fn click(&self, selector: &str) {
        let el = self.find(selector).unwrap_or_else(|| panic!("no {selector}"));
        el.dyn_into::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
    }

    fn step(&self) -> String {
        self.find("[data-step]").unwrap().get_attribute("data-step").unwrap()
    }

    /// Answers every question on the current step with `value` (or the first option).
    async fn answer_all(&self, value: &str) {
        for fs in self.all("fieldset[data-signal]") {
            let input = fs
                .query_selector(&format!("input[value='{value}']"))
                .unwrap()
                .or_else(|| fs.query_selector("input").unwrap())
                .unwrap();
            input.dyn_into::<HtmlInputElement>().unwrap().click();
            yew::scheduler::flush().await;
        }
    }

    fn stored(&self) -> Option<String> {
        let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        storage.get_item(&stored::key(&self.ns)).unwrap()
    }

    fn unmount(self) {
        self.host.remove();
    }
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn next_refuses_with_a_message_then_moves_on() {
    let w = Widget::mount("nav", &[]).await;
    assert_eq!(w.step(), "intro");
    w.click("[data-action=start]").await;
    assert_eq!(w.step(), "signal-time_drain");
    w.click("[data-action=next]").await;
    assert_eq!(w.step(), "signal-time_drain", "unanswered: stays");
    let questions = MODEL.signal(SignalId::TimeDrain).questions.len();
    let alert = w.find(".cc-error").unwrap().text_content().unwrap();
    assert!(alert.contains(&format!("{questions} questions")), "{alert}");
    assert_eq!(w.all(".cc-invalid").len(), questions);
    w.answer_all("1").await;
    assert!(w.all(".cc-invalid").is_empty(), "answering clears the message");
    w.click("[data-action=next]").await;
    assert_eq!(w.step(), "signal-dismisses_advice");
    w.click("[data-action=back]").await;
    assert_eq!(w.step(), "signal-time_drain");
    let checked = w.all("input:checked").len();
    assert_eq!(checked, questions, "answers kept on the way back");
    w.unmount();
}

#[wasm_bindgen_test]
async fn a_full_run_reaches_a_verdict_and_review_edits_return_to_review() {
    let w = Widget::mount("full", &[]).await;
    w.click("[data-action=start]").await;
    for _ in 0..8 {
        w.answer_all("0").await;
        w.click("[data-action=next]").await;
    }
    assert_eq!(w.step(), "rate");
    // The rate is optional: skipped with nothing typed.
    w.click("[data-action=next]").await;
    assert_eq!(w.step(), "context");
    w.click("[data-action=review]").await;
    assert_eq!(w.step(), "review");
    w.click("[data-action=edit][data-step=signal-abuse]").await;
    assert_eq!(w.step(), "signal-abuse");
    w.answer_all("4").await;
    w.click("[data-action=review]").await;
    assert_eq!(w.step(), "review", "an edit returns to the review");
    w.click("[data-action=finish]").await;
    assert_eq!(w.step(), "result");
    let verdict = w.find("[data-verdict]").unwrap().get_attribute("data-verdict").unwrap();
    assert_eq!(verdict, "exit", "abuse always → exit");
    w.click("[data-action=restart]").await;
    assert_eq!(w.step(), "intro");
    w.unmount();
}

/// A contract type adds or removes questions further down the context step: the radio
/// just picked (and all above it) stays the same element, so keyboard focus stays on it.
#[wasm_bindgen_test]
async fn a_context_answer_that_adds_questions_keeps_focus_where_it_was() {
    let w = Widget::mount("ctx-focus", &[]).await;
    w.click("[data-action=start]").await;
    for _ in 0..20 {
        if w.step() == "context" {
            break;
        }
        w.answer_all("0").await;
        w.click("[data-action=next]").await;
    }
    assert_eq!(w.step(), "context");
    let heading = w.find(".cc-step-title").unwrap();
    for value in ["fixed_term", "none", "open_ended", "unsure", "fixed_term"] {
        let selector = format!("fieldset[data-context=contract] input[value={value}]");
        let input: HtmlInputElement = w.find(&selector).unwrap().dyn_into().unwrap();
        input.focus().unwrap();
        input.click();
        yew::scheduler::flush().await;
        assert!(input.is_connected(), "{value}: the radio is still the same element");
        assert!(input.checked(), "{value}: checked");
        let active = w.root().active_element();
        assert_eq!(active.as_ref(), Some(input.unchecked_ref::<Element>()), "{value}: focus stays on it");
    }
    assert!(heading.is_connected(), "the step's heading is kept");
    w.unmount();
}

#[wasm_bindgen_test]
async fn progress_survives_a_remount_and_forget_clears_it() {
    let w = Widget::mount("keep", &[]).await;
    w.click("[data-action=start]").await;
    w.answer_all("2").await;
    w.click("[data-action=next]").await;
    let saved = w.stored().expect("saved");
    assert!(saved.contains("\"time_drain.rush\":\"2\""), "{saved}");
    w.unmount();

    let again = Widget::mount("keep", &[]).await;
    assert_eq!(again.step(), "signal-dismisses_advice", "resumes at the same step");
    again.click("[data-action=back]").await;
    assert_eq!(again.all("input:checked").len(), MODEL.signal(SignalId::TimeDrain).questions.len());
    again.click("[data-action=forget]").await;
    assert_eq!(again.step(), "intro");
    assert_eq!(again.stored(), None);
    again.unmount();
}

#[wasm_bindgen_test]
async fn corrupted_or_old_stored_state_is_discarded_without_a_crash() {
    for (i, bad) in
        ["{not json", "{\"v\":1,\"quiz\":{\"step\":{\"at\":\"signal\",\"index\":99}}}", "[]", "{\"v\":1,\"quiz\":7}"]
            .iter()
            .enumerate()
    {
        let ns = format!("bad{i}");
        storage().set_item(&stored::key(&ns), bad).unwrap();
        let w = Widget::mount(&ns, &[]).await;
        assert_eq!(w.step(), "intro", "{bad}");
        w.unmount();
    }
    storage().set_item("client-checkup:v0:old", "{\"answers\":{}}").unwrap();
    let w = Widget::mount("old", &[]).await;
    assert_eq!(w.step(), "intro");
    assert_eq!(storage().get_item("client-checkup:v0:old").unwrap(), None, "older versions are removed");
    w.unmount();
}

/// A returning visitor's progress in the v1 format is read, shown where they left it, and
/// written back in the current format under the current key; the v1 entry is removed.
#[wasm_bindgen_test]
async fn v1_progress_is_migrated_in_place() {
    let v1 = include_str!("fixtures/stored/v1-mid-quiz.json");
    storage().set_item("client-checkup:v1:returning", v1).unwrap();
    let w = Widget::mount("returning", &[]).await;
    yew::scheduler::flush().await;
    // v1 had four time-drain questions; the fifth (calls and messages during working
    // hours) is new, so the returning visitor resumes there, every old answer kept.
    assert_eq!(w.step(), "signal-time_drain", "resumed at the first question still open");
    assert_eq!(storage().get_item("client-checkup:v1:returning").unwrap(), None, "the v1 entry is gone");
    let now = w.stored().expect("saved again in the current format");
    assert!(now.starts_with(&format!("{{\"v\":{}", stored::VERSION)), "{now}");
    assert_eq!(stored::restore(&now).unwrap(), stored::restore(v1).unwrap(), "nothing lost");
    w.unmount();
}

/// Waits (in real time, up to 10 s) until the widget shows a step: a language that has
/// to be fetched first renders a loading box meanwhile. A cold Firefox has taken over 2 s
/// to answer that first fetch here.
async fn until_ready(w: &Widget) {
    const TIMEOUT_MS: f64 = 10_000.0;
    let end = js_sys::Date::now() + TIMEOUT_MS;
    while js_sys::Date::now() < end {
        if w.find("[data-step]").is_some() {
            return;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
        yew::scheduler::flush().await;
    }
    let shown = w.root().inner_html();
    // Which widget files the page has fetched (a request still open has no entry yet).
    let fetched = js_sys::eval(
        "performance.getEntriesByType('resource').map((e) => e.name.replace(location.origin, '') + ' ' + \
         (e.responseStatus || '') + ' ' + Math.round(e.duration) + 'ms').filter((n) => n.includes('i18n')).join(', ')",
    )
    .ok()
    .and_then(|v| v.as_string())
    .unwrap_or_default();
    panic!("widget {} showed no step within {TIMEOUT_MS} ms; it shows: {shown:.600}; fetched: {fetched}", w.ns);
}

#[wasm_bindgen_test]
async fn two_instances_keep_separate_answers_and_languages() {
    // Czech is fetched on demand; here it is missing, so that instance falls back to
    // English on its own while the other is unaffected. The missing files are answered
    // with a 404 at once, as a host without them would, by a stand-in for fetch: the
    // runner's own server, asked for three files at once by Firefox, now and then never
    // answered one of them (and the widget then waits on it).
    js_sys::eval(
        "window.__ccFetch = window.fetch; window.fetch = (url, init) => String(url).includes('/i18n/') \
         ? Promise.resolve(new Response('not found', { status: 404 })) : window.__ccFetch(url, init);",
    )
    .unwrap();
    let a = Widget::mount("twin-a", &[("data-lang", "cs")]).await;
    let b = Widget::mount("twin-b", &[("data-lang", "en"), ("data-theme", "dark")]).await;
    until_ready(&a).await;
    js_sys::eval("window.fetch = window.__ccFetch;").unwrap();
    a.click("[data-action=start]").await;
    assert_eq!(a.step(), "signal-time_drain");
    assert_eq!(b.step(), "intro", "the other instance did not move");
    assert_eq!(a.find("section").unwrap().get_attribute("data-theme").as_deref(), Some("auto"));
    assert_eq!(b.find("section").unwrap().get_attribute("data-theme").as_deref(), Some("dark"));
    a.unmount();
    b.unmount();
}

/// The in-browser half of the benchmark: the same realistic runs as
/// `examples/bench.rs`, timed with `performance.now()`. Prints one `BENCH {json}` line
/// that `scripts/bench.mjs` reads (it runs this test with `--release --nocapture`); in
/// the normal suite it checks that every run produces a plan.
#[wasm_bindgen_test]
fn assess_and_plan_in_the_browser() {
    use client_checkup::i18n::Lang;
    use client_checkup::sample::{assess_and_plan, clients};
    let perf = web_sys::window().unwrap().performance().expect("performance");
    let runs = clients();
    let mut rounds: Vec<f64> = (0..9)
        .map(|_| {
            let start = perf.now();
            for _ in 0..100 {
                for (answers, inputs) in &runs {
                    let plan = assess_and_plan(answers, inputs, Lang::En);
                    assert!(!plan.document.blocks.is_empty());
                }
            }
            (perf.now() - start) * 1000.0 / (100 * runs.len()) as f64
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    console_log!("BENCH {{\"browser_assess_plan_us\":{:.2}}}", rounds[rounds.len() / 2]);
}
