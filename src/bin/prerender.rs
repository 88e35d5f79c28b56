//! Renders what the loader paints before any wasm arrives, from the widget's own code:
//! the first screen and the first question of every language (Yew's server renderer over
//! `ui::FirstScreen` and `ui::FirstQuestion`), the stylesheet, the few texts the loader
//! shows itself, the option rules it must apply to the painted screen, and the storage
//! keys that tell it a returning visitor (whose progress only the widget can show). Prints one JSON object; `scripts/post-build.mjs` writes
//! it into the loader.
//!
//!     cargo run --features ssr --bin prerender > first-screen.json
//!
//! With `--options-cases N` it prints N generated option inputs with what
//! `options::parse` makes of them (options and warnings) instead, for the test that holds
//! the loader's reading of the options, and the wasm's, to the native one
//! (tests/e2e/loader.test.mjs).

use client_checkup::i18n::Lang;
use client_checkup::options;
use client_checkup::stored;
use client_checkup::ui::first_screen::{FirstQuestion, FirstScreen, FirstScreenProps};
use serde_json::{json, Map, Value};
use yew::ServerRenderer;

const CSS: &str = include_str!("../../styles/widget.css");

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(n) = args.iter().position(|a| a == "--options-cases").and_then(|i| args.get(i + 1)?.parse().ok()) {
        println!("{}", options_cases(n));
        return;
    }
    let mut screens = Map::new();
    let mut questions = Map::new();
    let mut texts = Map::new();
    for lang in Lang::ALL {
        let html = futures::executor::block_on(
            ServerRenderer::<FirstScreen>::with_props(move || FirstScreenProps { lang }).hydratable(false).render(),
        );
        screens.insert(lang.id().into(), Value::String(html));
        let html = futures::executor::block_on(
            ServerRenderer::<FirstQuestion>::with_props(move || FirstScreenProps { lang }).hydratable(false).render(),
        );
        questions.insert(lang.id().into(), Value::String(html));
        let cat = lang.catalog();
        texts.insert(
            lang.id().into(),
            json!({
                "failed": cat.t("ui.failed"),
                "reload": cat.t("ui.reload"),
                "loading": cat.t("ui.intro.loading"),
            }),
        );
    }
    let out = json!({
        "css": CSS,
        "screens": screens,
        "questions": questions,
        "texts": texts,
        // `<prefix><namespace>`, newest version first: any of them set means progress the
        // painted screens know nothing of.
        "stored": std::iter::once(stored::key("")).chain(stored::older_keys("")).collect::<Vec<_>>(),
        "options": options::rules(),
    });
    println!("{out}");
}

/// `n` generated option inputs (attribute values as a page could write them) and the
/// options [`options::parse`] reads from them.
fn options_cases(n: u64) -> Value {
    const PIECES: [&str; 30] = [
        "",
        " ",
        "\t",
        "\u{a0}",
        "\u{feff}",
        "\u{2003}",
        "en",
        "CS",
        "pl-PL",
        "auto",
        "ru",
        "xx",
        "dark",
        "Light",
        "AUTO",
        "neon",
        "#0B6E4F",
        "#abc",
        "#abcd",
        "#12345",
        "red",
        "true",
        "0",
        "yes",
        "No",
        "compact",
        "eager",
        "LAZY",
        "sidebar-1",
        "a b",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % m
    };
    let cases: Vec<Value> = (0..n)
        .map(|_| {
            let mut attrs = Map::new();
            for name in options::NAMES {
                match next(4) {
                    0 => {}
                    1 => {
                        attrs.insert(name.into(), Value::String(PIECES[next(PIECES.len() as u64) as usize].into()));
                    }
                    _ => {
                        let len = next(6) as usize;
                        let mut v: String = (0..len).map(|_| PIECES[next(PIECES.len() as u64) as usize]).collect();
                        if name == "heading" && next(3) == 0 {
                            v = format!("{}\u{7}{}", "Ž".repeat(next(130) as usize), v);
                        }
                        attrs.insert(name.into(), Value::String(v));
                    }
                }
            }
            let (o, w) = options::parse(|name| attrs.get(name).and_then(Value::as_str).map(str::to_owned));
            let parsed: Value = serde_json::from_str(&options::to_json(&o, &w)).expect("the parser's JSON");
            json!({ "attrs": attrs, "expected": parsed["options"], "warnings": parsed["warnings"] })
        })
        .collect();
    Value::Array(cases)
}
