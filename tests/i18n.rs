//! The five catalogs, checked natively: complete, no extra keys, identical placeholders,
//! the CLDR plural categories each language needs, and verdicts independent of language.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use client_checkup::assessment::{assess, Answer, Answers, Rating, SignalId, MODEL};
use client_checkup::i18n::catalog::{placeholders, sources, Catalog, Message, PARTS, SCREEN_PARTS};
use client_checkup::i18n::Lang;
use client_checkup::plan::{build_plan, PlanInputs};

fn catalog(lang: Lang) -> Catalog {
    let (meta, parts) = sources(lang).expect("native builds carry every language");
    Catalog::parse(lang, meta, &parts).unwrap_or_else(|e| panic!("{}: {e}", lang.id()))
}

fn texts(m: &Message) -> Vec<&str> {
    match m {
        Message::Text(t) => vec![t.as_str()],
        Message::Plural(forms) => forms.values().map(String::as_str).collect(),
    }
}

#[test]
fn every_language_has_every_key_and_no_other() {
    let en = catalog(Lang::En);
    let keys: BTreeSet<&String> = en.messages.keys().collect();
    for lang in Lang::ALL {
        let c = catalog(lang);
        let have: BTreeSet<&String> = c.messages.keys().collect();
        let missing: Vec<_> = keys.difference(&have).collect();
        let extra: Vec<_> = have.difference(&keys).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{}: missing {missing:?}, extra {extra:?}", lang.id());
        for (k, m) in &c.messages {
            // The client fallback may be empty: Czech, Polish and Russian say "the client"
            // in the sentence itself and add the nickname only when there is one.
            if k == "verdict.client_fallback" {
                continue;
            }
            assert!(texts(m).iter().all(|t| !t.trim().is_empty()), "{}: {k} is empty", lang.id());
        }
    }
}

/// Each key lives in the file its module loads: the screens load `ui` and `quiz` only
/// (`SCREEN_PARTS`), so a key the screens read must not sit in `advice` or `plan`, and
/// the advice and plan texts must not weigh on the quiz's first load. Every language puts
/// every key in the same file.
#[test]
fn every_key_is_in_the_file_of_the_module_that_reads_it() {
    let prefixes: [(&str, &[&str]); 4] = [
        ("ui", &["ui."]),
        ("quiz", &["q.", "signal.", "scale.", "ctx.", "verdict.", "rule.", "keep.", "rate."]),
        ("advice", &["move.", "exit."]),
        ("plan", &["plan."]),
    ];
    assert_eq!(PARTS.len(), prefixes.len());
    assert_eq!(&PARTS[..SCREEN_PARTS], ["ui", "quiz"]);
    let keys_of = |lang: Lang| -> Vec<BTreeSet<String>> {
        let (_, parts) = sources(lang).expect("built in");
        parts
            .iter()
            .map(|text| {
                serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text)
                    .unwrap()
                    .keys()
                    .cloned()
                    .collect()
            })
            .collect()
    };
    let en = keys_of(Lang::En);
    for ((part, allowed), keys) in prefixes.iter().zip(&en) {
        for k in keys {
            assert!(allowed.iter().any(|p| k.starts_with(p)), "{part}.json holds {k}");
        }
    }
    for lang in Lang::ALL {
        assert_eq!(keys_of(lang), en, "{}: a key sits in another file than in English", lang.id());
    }
}

#[test]
fn placeholders_are_identical_across_languages() {
    let en = catalog(Lang::En);
    for lang in Lang::ALL {
        let c = catalog(lang);
        for (k, m) in &en.messages {
            let want: BTreeSet<String> = texts(m).iter().flat_map(|t| placeholders(t)).collect();
            for t in texts(&c.messages[k]) {
                let got: BTreeSet<String> = placeholders(t).into_iter().collect();
                // A plural form may leave out {n} (e.g. "one" written as a word).
                let got_n: BTreeSet<String> = got.iter().filter(|p| *p != "n").cloned().collect();
                let want_n: BTreeSet<String> = want.iter().filter(|p| *p != "n").cloned().collect();
                assert_eq!(got_n, want_n, "{}: {k}: {t}", lang.id());
            }
        }
    }
}

#[test]
fn plural_messages_have_exactly_the_languages_cldr_categories() {
    let en = catalog(Lang::En);
    let plural_keys: Vec<&String> =
        en.messages.iter().filter(|(_, m)| matches!(m, Message::Plural(_))).map(|(k, _)| k).collect();
    assert!(!plural_keys.is_empty());
    for lang in Lang::ALL {
        let c = catalog(lang);
        let cats: BTreeSet<&str> = c.plural_categories().into_iter().collect();
        for k in &plural_keys {
            let Message::Plural(forms) = &c.messages[*k] else { panic!("{}: {k} must be a plural", lang.id()) };
            let have: BTreeSet<&str> = forms.keys().map(String::as_str).collect();
            assert!(cats.is_subset(&have), "{}: {k} lacks {:?}", lang.id(), cats.difference(&have).collect::<Vec<_>>());
            assert!(
                have.iter().all(|f| ["zero", "one", "two", "few", "many", "other"].contains(f)),
                "{}: {k}",
                lang.id()
            );
        }
    }
    // The forms people actually read: 1 / 3 / 5 in Czech, Polish and Russian.
    let cs = catalog(Lang::Cs);
    let days = |c: &Catalog, n| c.plural("ui.days", n, &[]);
    assert_ne!(days(&cs, 1), days(&cs, 3).replace('3', "1"));
    assert_ne!(days(&cs, 3).replace('3', "5"), days(&cs, 5));
    let ru = catalog(Lang::Ru);
    assert_ne!(days(&ru, 21).replace("21", "5"), days(&ru, 5), "21 takes the 'one' form in Russian");
}

#[test]
fn dates_and_numbers_follow_the_language() {
    let day = client_checkup::dates::Day::parse_iso("2026-11-22").unwrap();
    let expect = [
        (Lang::En, "22 November 2026"),
        (Lang::Cs, "listopadu"),
        (Lang::Pl, "listopada"),
        (Lang::Ru, "ноября"),
        (Lang::Ca, "de novembre"),
    ];
    for (lang, part) in expect {
        assert!(catalog(lang).date(day).contains(part), "{}: {}", lang.id(), catalog(lang).date(day));
    }
    assert_eq!(catalog(Lang::En).amount(123_450), "1,234.50");
    assert!(catalog(Lang::Cs).amount(123_450).ends_with(",50"));
}

#[test]
fn every_key_the_code_uses_exists() {
    // Keys built from model ids must all exist in English (and so everywhere).
    let en = catalog(Lang::En);
    let mut need = Vec::new();
    for s in SignalId::ALL {
        for part in ["name", "title", "hint"] {
            need.push(format!("signal.{s}.{part}"));
        }
    }
    need.extend(MODEL.questions().map(|q| format!("q.{}", q.id)));
    for m in &MODEL.repair_moves {
        need.push(format!("move.{}.title", m.id));
        need.push(format!("move.{}.body", m.id));
    }
    for m in &MODEL.exit_steps {
        need.push(format!("exit.{}.title", m.id));
        need.push(format!("exit.{}.body", m.id));
    }
    for v in ["keep", "watch", "repair", "exit"] {
        need.push(format!("verdict.{v}.title"));
        need.push(format!("verdict.{v}.sentence"));
    }
    for r in client_checkup::assessment::RuleId::ALL {
        need.push(format!("rule.{}", r.id()));
    }
    let missing: Vec<_> = need.iter().filter(|k| !en.messages.contains_key(*k)).collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn the_verdict_and_scores_never_depend_on_the_language() {
    let mut a = Answers::default();
    for (i, q) in MODEL.questions().enumerate() {
        a.set(&q.id, Answer::Rated(Rating::from_value((i % 5) as u8).unwrap()));
    }
    let reference = assess(&MODEL, &a);
    for lang in Lang::ALL {
        let plan = build_plan(&MODEL, &reference, &a, &PlanInputs::default(), lang);
        assert_eq!(plan.verdict, reference.verdict, "{}", lang.id());
        assert_eq!(
            plan.milestones.iter().map(|m| (m.id, m.date)).collect::<Vec<_>>(),
            build_plan(&MODEL, &reference, &a, &PlanInputs::default(), Lang::En)
                .milestones
                .iter()
                .map(|m| (m.id, m.date))
                .collect::<Vec<_>>(),
            "{}: same dates in every language",
            lang.id()
        );
    }
}

#[test]
fn scale_labels_stay_short_enough_for_a_phone() {
    for lang in Lang::ALL {
        let c = catalog(lang);
        for k in ["scale.0", "scale.1", "scale.2", "scale.3", "scale.4", "scale.na"] {
            let n = c.t(k).chars().count();
            assert!(n <= 16, "{}: {k} = {:?} ({n} chars)", lang.id(), c.t(k));
        }
    }
}

/// Catalan elides "de", "el", "la" before a vowel or "h" and before the numbers 1 and 11
/// ("l'1 de març", "d'11 dies", "d'Acme"). A template cannot know what a placeholder will
/// hold, so it never puts those words right before one; it says "el dia {date}" instead.
/// And in every rendered Catalan plan, no "de 1…", "el 11…" or "de Acme" appears.
#[test]
fn catalan_never_needs_an_elision_it_cannot_make() {
    let ca = catalog(Lang::Ca);
    // "Pas {n} de {m}": {m} is the fixed number of steps (10), which never elides.
    for (k, m) in ca.messages.iter().filter(|(k, _)| *k != "ui.progress") {
        for t in texts(m) {
            for (i, _) in t.match_indices('{') {
                let before = t[..i].to_lowercase();
                for word in [" de ", " el ", " la ", " d'", " l'"] {
                    let bare = word.trim_start();
                    assert!(
                        !(before.ends_with(word) || before == bare.trim_end() || before.ends_with(&format!("({bare}"))),
                        "ca: {k}: a placeholder right after {word:?} would need an elision: {t}"
                    );
                }
            }
        }
    }
    let amounts = [100, 125_050, 1_100_000, 11_000];
    for (i, seed) in (0..400u64).enumerate() {
        let answers = common::answers(seed);
        let mut inputs = common::inputs(seed);
        inputs.unpaid_amount_cents = Some(amounts[i % amounts.len()]);
        inputs.nickname = ["Acme", "Hotel Ona", "11 Studio", "Ulisses"][i % 4].into();
        let a = assess(&MODEL, &answers);
        let plan = build_plan(&MODEL, &a, &answers, &inputs, Lang::Ca);
        let mut text = plan.document.plain_text();
        text.push_str(plan.notice_draft.as_deref().unwrap_or(""));
        let lower = text.to_lowercase();
        for (j, _) in lower.match_indices(' ') {
            let rest = &lower[j + 1..];
            for word in ["de ", "el ", "la "] {
                if let Some(after) = rest.strip_prefix(word) {
                    let next: String = after.chars().take(3).collect();
                    // "la" keeps its vowel before an unstressed i or u ("la universitat", "la UE").
                    let vowels: &[char] = if word == "la " {
                        &['a', 'e', 'o', 'à', 'è', 'é', 'ò', 'ó']
                    } else {
                        &['a', 'e', 'i', 'o', 'u', 'h', 'à', 'è', 'é', 'í', 'ò', 'ó', 'ú']
                    };
                    let needs = next.starts_with(vowels)
                        || next.starts_with("1 ")
                        || next.starts_with("11")
                        || (next.starts_with('1') && !next[1..].starts_with(|c: char| c.is_ascii_digit()));
                    assert!(!needs, "ca: missing elision in {:?}", &text[j..(j + 20).min(text.len())]);
                }
            }
        }
    }
}

/// Czech, Polish and Russian keep the client's name out of places where it would have to
/// be declined: `{client}` always follows a noun that carries the case ("klientovi
/// {client}"), so the nickname itself stays as written.
#[test]
fn the_client_name_is_never_declined_by_rule() {
    for (lang, nouns) in [
        (Lang::Cs, &["klient", "klienta", "klientovi", "klientem"][..]),
        (Lang::Pl, &["klient", "klienta", "klientowi", "klientem"][..]),
        (Lang::Ru, &["клиент", "клиента", "клиенту", "клиентом"][..]),
    ] {
        let c = catalog(lang);
        for (k, m) in &c.messages {
            for t in texts(m) {
                for (i, _) in t.match_indices("{client}") {
                    let before = t[..i].trim_end();
                    assert!(
                        nouns.iter().any(|n| before.ends_with(n)),
                        "{}: {k}: {{client}} after {before:?}",
                        lang.id()
                    );
                }
            }
        }
        assert_eq!(c.t("verdict.client_fallback"), "", "{}: the sentence names the client itself", lang.id());
    }
    // Without a nickname the sentence still reads; with one, it is quoted as the language does.
    let cs = client_checkup::plan::client_text(Lang::Cs, "verdict.exit.sentence", "");
    assert!(!cs.contains("  ") && !cs.contains(" ,") && !cs.contains(" X"), "{cs}");
    let named = client_checkup::plan::client_text(Lang::Cs, "verdict.exit.sentence", "Acme");
    assert!(named.contains("klientem „Acme“"), "{named}");
}

/// Dated steps render as "title: detail": a title never carries its own colon (which made
/// Russian steps read "…:: …"), in any language.
#[test]
fn step_titles_never_carry_a_colon() {
    for lang in Lang::ALL {
        let c = catalog(lang);
        for (k, m) in &c.messages {
            if k.starts_with("plan.") && k.ends_with(".title") || k.ends_with(".title_abuse") {
                for t in texts(m) {
                    assert!(!t.contains(':'), "{}: {k}: {t}", lang.id());
                }
            }
        }
    }
}

/// The screens run in the quiz module, which carries only the screens' parts (`ui`,
/// `quiz`): a screen that asked for an advice or plan text would show its key. The plan's
/// texts reach the screens inside the plan the plan module builds.
#[test]
fn the_screens_never_ask_for_advice_or_plan_texts() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("widget.rs")];
    for dir in ["ui", "ui/hooks", "edge"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for prefix in ["\"plan.", "\"move.", "\"exit.", "(\"plan.", "!(\"move.", "!(\"exit."] {
            assert!(
                !text.contains(prefix),
                "{} asks for a text the quiz module does not carry ({prefix}…)",
                file.display()
            );
        }
    }
}

#[test]
fn the_switcher_names_each_language_as_its_catalog_does() {
    // The switcher lists languages before their catalogs arrive, so the names are built
    // in; the catalogs say the same.
    for lang in Lang::ALL {
        assert_eq!(catalog(lang).meta.name, lang.own_name(), "{}", lang.id());
    }
}
