//! The plan's renderings under hostile input: Markdown, calendar and file names, the
//! calendar read back by an independent parser (`tests/ics_check.py`, Python's
//! `icalendar`: missing python3 or icalendar fails the test), and arbitrary inputs that
//! never panic and keep the calendar well formed.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[allow(unused_imports)]
use std::path::{Path, PathBuf};
#[allow(unused_imports)]
use std::process::Command;

#[allow(unused_imports)]
use client_checkup::assessment::context::{Contract, IncomeShare, Tenure, YesNo};
#[allow(unused_imports)]
use client_checkup::assessment::{assess, Answer, Answers, Rating, Verdict, MODEL};
#[allow(unused_imports)]
use client_checkup::dates::Day;
#[allow(unused_imports)]
use client_checkup::i18n::catalog::sources;
use client_checkup::i18n::Lang;
#[allow(unused_imports)]
use client_checkup::plan::{build_plan, Channel, MilestoneId, Plan, PlanInputs, PlanKind};
#[allow(unused_imports)]
use client_checkup::render::filename::plan_file_name;
#[allow(unused_imports)]
use client_checkup::render::ics::{ics, MAX_LINE_OCTETS};
#[allow(unused_imports)]
use client_checkup::render::markdown::markdown;
use common::fixtures::*;
#[allow(unused_imports)]
use proptest::prelude::*;
// ---------------------------------------------------------------------------------------
// (c) Hostile input

const SCRIPT: &str = "<script>alert(1)</script>";

fn hostile_inputs() -> PlanInputs {
    PlanInputs {
        nickname: format!("{SCRIPT} \"Q\" 'q' a\\b; c, d\nnew line \u{202E}evil\u{2066} 🐴 # | [x](y) *z* `c`"),
        today: Some(day("2026-11-20")),
        open_deliverables: vec![
            format!("{SCRIPT}\r\nSecond line; with, punctuation \\ and \u{202E}RLO"),
            "```\n~~~\n</code>".into(),
            "- [x] looks like a task".into(),
            "1. looks like a list".into(),
            "😀".repeat(500),
            "\u{0}\u{7}\u{1b}[31m".into(),
        ],
        unpaid_amount_cents: Some(u64::MAX),
        currency: "<b>".into(),
        // Passes as a web address, yet every character Markdown reads is in it.
        page: "https://evil.example/*b*_i_[x](javascript:alert(1))`c`|t~~s~~\\".into(),
        ..PlanInputs::default()
    }
}

fn hostile_plans() -> Vec<Plan> {
    let long = PlanInputs { nickname: "N".repeat(10_000), ..hostile_inputs() };
    let mut plans = Vec::new();
    for inputs in [hostile_inputs(), long] {
        for a in [exit_answers(), repair_answers(), abuse_answers(), answers(&[], &[])] {
            plans.push(plan_for(&a, &inputs, Lang::En));
        }
    }
    plans
}

/// Markdown outside fenced blocks, with the syntax we write ourselves removed.
fn markdown_prose(md: &str) -> Vec<String> {
    let mut prose = Vec::new();
    let mut fence: Option<String> = None;
    for line in md.lines() {
        match &fence {
            Some(f) if line == f => fence = None,
            Some(_) => {}
            None if line.starts_with("```") => fence = Some(line.trim_end_matches("text").to_owned()),
            None => {
                let line = line.trim_start_matches('#').trim_start();
                let line = line.strip_prefix("- [ ] ").or_else(|| line.strip_prefix("- ")).unwrap_or(line);
                // A dated step's own bold date.
                let line = match line.strip_prefix("**").and_then(|l| l.split_once("** ")) {
                    Some((_, rest)) => rest.to_owned(),
                    None => line.to_owned(),
                };
                prose.push(line);
            }
        }
    }
    assert!(fence.is_none(), "an unclosed fence");
    prose
}

#[test]
fn hostile_text_is_bounded_and_clean_in_the_plan() {
    for plan in hostile_plans() {
        assert!(plan.nickname.chars().count() <= 80);
        assert!(plan.document.title.chars().count() < 200, "{}", plan.document.title);
        let mut texts = vec![plan.document.plain_text()];
        texts.extend(plan.milestones.iter().flat_map(|m| [m.title.clone(), m.detail.clone()]));
        texts.extend(plan.talking_points.iter().cloned());
        for text in &texts {
            assert!(!text
                .chars()
                .any(|c| ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)));
            assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
        }
        for m in &plan.milestones {
            assert!(!m.title.contains('\n') && !m.detail.contains('\n'));
        }
        if let Some(notice) = &plan.notice_draft {
            assert!(notice.lines().filter(|l| l.starts_with("- ")).count() <= 10);
            assert!(!notice.contains("1,844"), "an absurd amount is dropped");
        }
    }
}

#[test]
fn hostile_text_is_escaped_in_markdown() {
    for plan in hostile_plans() {
        let md = markdown(&plan.document);
        assert!(!md.contains('\u{202E}') && !md.contains('\u{2066}'));
        assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
        for line in markdown_prose(&md) {
            let chars: Vec<char> = line.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if "<>[]*_`|#&~$".contains(*c) {
                    assert!(i > 0 && chars[i - 1] == '\\', "unescaped {c:?} in {line:?}");
                }
            }
            assert!(!line.starts_with(['-', '+', '=', '>']), "a block marker leads {line:?}");
        }
        if plan.kind == PlanKind::Exit {
            // The letter sits in one fence that its own backticks cannot close.
            assert!(md.contains("````text\n"), "the fence outgrows the ``` in a deliverable");
            assert!(md.contains(&format!("- {SCRIPT} Second line")), "the letter keeps the text as written");
        }
    }
}

#[test]
fn hostile_text_is_escaped_and_folded_in_the_calendar() {
    for plan in hostile_plans() {
        let cal = ics(&plan, Lang::En, &plan.nickname);
        assert_calendar_shape(&cal);
        assert!(!cal.contains('\u{202E}'));
        let unfolded = cal.replace("\r\n ", "");
        for line in
            unfolded.split_terminator("\r\n").filter(|l| l.starts_with("SUMMARY") || l.starts_with("DESCRIPTION"))
        {
            let value = line.split_once(':').map(|(_, v)| v).unwrap_or_default();
            // Every `;` `,` and `\` in a value is escaped; no raw line break survives.
            let mut chars = value.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        assert!(matches!(chars.next(), Some('\\' | ';' | ',' | 'n' | 'N')), "bad escape in {line:?}")
                    }
                    ';' | ',' => panic!("unescaped {c:?} in {line:?}"),
                    _ => {}
                }
            }
        }
    }
}

#[test]
fn hostile_nicknames_make_safe_file_names() {
    for plan in hostile_plans() {
        for ext in ["md", "pdf", "ics"] {
            let name = plan_file_name(&plan, ext);
            assert!(name.chars().count() <= 84, "{name}");
            assert!(name.ends_with(&format!(".{ext}")));
            assert!(!name.chars().any(|c| c.is_control() || "<>:\"/\\|?* ".contains(c) || c == '\u{202E}'), "{name}");
            assert!(name.starts_with("client-checkup-"), "{name}");
        }
    }
    let plan = plan_for(&exit_answers(), &exit_inputs(), Lang::En);
    assert_eq!(plan_file_name(&plan, "md"), "client-checkup-exit-plan-acme-studio-2026-11-20.md");
}

/// CRLF everywhere, nothing longer than 75 octets, continuation lines start with a space.
fn assert_calendar_shape(cal: &str) {
    assert!(cal.starts_with("BEGIN:VCALENDAR\r\n") && cal.ends_with("END:VCALENDAR\r\n"));
    let body = &cal[..cal.len() - 2];
    for line in body.split("\r\n") {
        assert!(!line.contains('\r') && !line.contains('\n'), "a bare CR or LF: {line:?}");
        assert!(line.len() <= MAX_LINE_OCTETS, "{} octets: {line:?}", line.len());
    }
}

// ---------------------------------------------------------------------------------------
// (d) An independent parser reads the calendar back

#[derive(serde::Deserialize)]
struct ParsedEvent {
    uid: String,
    date: String,
    end: Option<String>,
    summary: String,
    description: String,
}

#[test]
fn python_icalendar_reads_what_we_write() {
    let dir = scratch_dir("ics");
    let mut plans: Vec<(String, Plan)> =
        golden_cases().into_iter().map(|(n, a, i, _)| (n.to_owned(), plan_for(&a, &i, Lang::En))).collect();
    plans.extend(hostile_plans().into_iter().enumerate().map(|(i, p)| (format!("hostile{i}"), p)));
    let mut files = Vec::new();
    for (name, plan) in &plans {
        let path = dir.join(format!("{name}.ics"));
        std::fs::write(&path, ics(plan, Lang::En, &plan.nickname)).expect("write ics");
        files.push(path);
    }
    let output = Command::new("python3")
        .arg(manifest_dir().join("tests/ics_check.py"))
        .args(&files)
        .output()
        .expect("python3 must be installed to check the calendar (scripts/setup.sh installs it)");
    assert!(
        output.status.success(),
        "tests/ics_check.py failed (python3 -m pip install icalendar if it is missing):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parsed: std::collections::BTreeMap<String, Vec<ParsedEvent>> =
        serde_json::from_slice(&output.stdout).expect("ics_check.py prints JSON");
    for ((name, plan), path) in plans.iter().zip(&files) {
        let events = &parsed[&path.display().to_string()];
        assert_eq!(events.len(), plan.milestones.len(), "{name}");
        for (event, m) in events.iter().zip(&plan.milestones) {
            assert_eq!(event.date, m.date.iso(), "{name}: {}", m.id);
            assert_eq!(event.end.as_deref(), Some(m.date.plus_days(1).iso().as_str()), "{name}: {}", m.id);
            assert_eq!(event.summary, m.title, "{name}: the summary survives escaping and folding");
            assert_eq!(event.description, m.detail, "{name}: the description survives escaping and folding");
            assert!(event.uid.ends_with("@client-checkup"));
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn uids_are_stable_and_distinct() {
    let plan = plan_for(&exit_answers(), &exit_inputs(), Lang::En);
    let uids =
        |cal: &str| -> Vec<String> { cal.lines().filter_map(|l| l.strip_prefix("UID:")).map(str::to_owned).collect() };
    let one = uids(&ics(&plan, Lang::En, "Acme"));
    assert_eq!(one, uids(&ics(&plan, Lang::En, "Acme")));
    assert_ne!(one, uids(&ics(&plan, Lang::En, "Other")));
    let distinct: std::collections::BTreeSet<_> = one.iter().collect();
    assert_eq!(distinct.len(), one.len());
}

// ---------------------------------------------------------------------------------------
// (e) Properties

fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter),
        prop::collection::vec(
            prop::sample::select(vec![
                'a', 'ж', '€', '🐴', ';', ',', '\\', '\n', '\r', '"', '<', '`', ' ', '\u{202E}', '\u{0}'
            ]),
            0..max
        )
        .prop_map(String::from_iter),
    ]
}

fn any_day() -> impl Strategy<Value = Option<Day>> {
    prop::option::of((1990i32..=2200, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| Day::new(y, m, d.min(28))))
        .prop_map(Option::flatten)
}

fn any_inputs() -> impl Strategy<Value = PlanInputs> {
    (
        (any_text(300), any_text(300)),
        any_day(),
        any::<bool>(),
        prop::collection::vec(any_text(250), 0..14),
        prop::option::of(any::<u64>()),
        any_text(5),
        prop::sample::select(Channel::ALL.to_vec()),
    )
        .prop_map(
            |(
                (nickname, addressee),
                today,
                prefer_contract_end,
                open_deliverables,
                unpaid_amount_cents,
                currency,
                channel,
            )| {
                PlanInputs {
                    nickname,
                    addressee,
                    today,
                    prefer_contract_end,
                    open_deliverables,
                    unpaid_amount_cents,
                    currency,
                    channel,
                    page: String::new(),
                }
            },
        )
}

fn any_answers() -> impl Strategy<Value = Answers> {
    let questions: Vec<String> = MODEL.questions().map(|q| q.id.clone()).collect();
    let n = questions.len();
    (
        prop::collection::vec(0u8..=4, n),
        prop::sample::select(vec![
            None,
            Some(Contract::FixedTerm),
            Some(Contract::OpenEnded),
            Some(Contract::None),
            Some(Contract::Unsure),
        ]),
        prop::sample::select(vec![None, Some(YesNo::Yes), Some(YesNo::No)]),
        prop::sample::select(vec![None, Some(YesNo::Yes), Some(YesNo::No)]),
        prop::sample::select(vec![None, Some(IncomeShare::Lt10), Some(IncomeShare::Gt60)]),
        prop::sample::select(vec![None, Some(Tenure::Lt3m), Some(Tenure::Gt3y)]),
        (prop::option::of(0u16..=365), any_day()),
    )
        .prop_map(
            move |(ratings, contract, open_work, unpaid, income_share, tenure, (notice_days, contract_end))| {
                let mut a = Answers::default();
                for (q, r) in questions.iter().zip(ratings) {
                    a.set(q, Answer::Rated(Rating::from_value(r).unwrap_or(Rating::Never)));
                }
                a.context.contract = contract;
                a.context.open_work = open_work;
                a.context.unpaid = unpaid;
                a.context.income_share = income_share;
                a.context.tenure = tenure;
                a.context.notice_days = notice_days;
                a.context.contract_end = contract_end;
                a
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_inputs_render_safely(a in any_answers(), inputs in any_inputs(), seed in any_text(40)) {
        let plan = plan_for(&a, &inputs, Lang::En);
        prop_assert!(plan.milestones.windows(2).all(|w| w[0].date <= w[1].date));
        prop_assert!(plan.milestones.iter().all(|m| m.date >= plan.today));
        prop_assert_eq!(plan.notice_draft.is_some(), plan.kind == PlanKind::Exit);
        prop_assert!(plan.nickname.chars().count() <= 80);
        let md = markdown(&plan.document);
        prop_assert!(!md.contains('\u{202E}'), "a bidi override in the Markdown");
        let cal = ics(&plan, Lang::En, &seed);
        assert_calendar_shape(&cal);
        prop_assert_eq!(cal.matches("BEGIN:VEVENT").count(), plan.milestones.len());
        let name = plan_file_name(&plan, "md");
        prop_assert!(name.chars().count() <= 83 && !name.chars().any(|c| "<>:\"/\\|?*".contains(c) || c.is_control()));
    }
}
