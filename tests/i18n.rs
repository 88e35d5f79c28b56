//! The five catalogs, checked natively: complete, no extra keys, identical placeholders,
//! the CLDR plural categories each language needs, and verdicts independent of language.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use client_checkup::assessment::{assess, Answer, Answers, Rating, SignalId, MODEL};
use client_checkup::i18n::catalog::{placeholders, sources, Catalog, Message, PARTS};
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
            assert!(texts(m).iter().all(|t| !t.trim().is_empty()), "{}: {k} is empty", lang.id());
        }
    }
    assert_eq!(PARTS.len(), 3);
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
