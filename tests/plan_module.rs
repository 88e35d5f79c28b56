//! The plan module's interface (src/plan_module.rs), as the screens use it across the two
//! wasm modules: JSON in, the same plan and the same files out as building them directly.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use client_checkup::assessment::{assess, MODEL};
use client_checkup::i18n::Lang;
use client_checkup::plan::{build_plan, Plan};
use client_checkup::plan_module::{self, PlanRequest};
use client_checkup::render::filename::plan_file_name;
use client_checkup::render::{ics, markdown};
use common::fixtures::*;

const FONT: &[u8] = include_bytes!("../assets/fonts/checkup-sans.ttf");

fn request(lang: Lang) -> PlanRequest {
    let answers = exit_answers();
    PlanRequest { assessment: assess(&MODEL, &answers), answers, inputs: exit_inputs(), lang }
}

#[test]
fn across_the_module_the_plan_is_the_one_built_directly() {
    for lang in Lang::ALL {
        let r = request(lang);
        let json = plan_module::plan(&serde_json::to_string(&r).unwrap()).expect("a plan");
        let across: Plan = serde_json::from_str(&json).expect("the screens read it");
        let direct = build_plan(&MODEL, &r.assessment, &r.answers, &r.inputs, lang);
        assert_eq!(across, direct, "{lang}");
        // The files from the JSON are the files of the plan.
        assert_eq!(plan_module::render(&json, "md", &[]).unwrap(), markdown::markdown(&direct.document).into_bytes());
        assert_eq!(
            plan_module::render(&json, "ics", &[]).unwrap(),
            ics::ics(&direct, lang, &direct.nickname).into_bytes()
        );
        assert!(plan_module::render(&json, "pdf", FONT).unwrap().starts_with(b"%PDF-"));
        assert_eq!(plan_module::file_name(&json, "pdf").unwrap(), plan_file_name(&direct, "pdf"));
    }
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    assert!(plan_module::plan("{not json").is_err());
    assert!(plan_module::plan("{}").is_err());
    let json = plan_module::plan(&serde_json::to_string(&request(Lang::En)).unwrap()).unwrap();
    assert!(plan_module::render(&json, "docx", &[]).is_err());
    assert!(plan_module::render(&json, "pdf", b"not a font").is_err());
    assert!(plan_module::render("[]", "md", &[]).is_err());
    assert!(plan_module::install_language("xx", "{}", &[]).is_err());
    assert!(plan_module::install_language("cs", "{}", &["{}"]).is_err(), "every part is needed");
    assert!(plan_module::parse_options("{not json").is_err());
    assert!(plan_module::parse_options(r#"{"lang": 5}"#).is_err(), "raw values are strings or null");
}

#[test]
fn across_the_module_the_options_are_the_ones_parsed_directly() {
    let raw = r#"{"lang": " CS ", "theme": null, "accent": "red", "compact": "", "id": "sidebar-1", "load": "eager"}"#;
    let json: serde_json::Value = serde_json::from_str(&plan_module::parse_options(raw).unwrap()).unwrap();
    let (direct, warnings) = client_checkup::options::parse(|name| match name {
        "lang" => Some(" CS ".into()),
        "accent" => Some("red".into()),
        "compact" => Some(String::new()),
        "id" => Some("sidebar-1".into()),
        "load" => Some("eager".into()),
        _ => None,
    });
    let expected: serde_json::Value =
        serde_json::from_str(&client_checkup::options::to_json(&direct, &warnings)).unwrap();
    assert_eq!(json, expected);
    assert_eq!(json["options"]["lang"], "cs");
    assert_eq!(json["options"]["compact"], true);
    assert_eq!(json["warnings"][0]["option"], "accent", "a refused value is named: {json}");
    // Absent and null are the same: not set.
    let empty: serde_json::Value = serde_json::from_str(&plan_module::parse_options("{}").unwrap()).unwrap();
    assert_eq!(empty["options"]["theme"], "auto");
    assert_eq!(empty["warnings"], serde_json::json!([]));
}
