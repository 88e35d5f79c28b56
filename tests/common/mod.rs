//! Generated clients for the property tests: answers, context and plan inputs built from
//! one `u64` seed, so that tens of thousands of cases run in seconds and a failure
//! replays from the persisted seed (see `tests/robustness.rs` for the same approach).

#![allow(dead_code)]

use client_checkup::assessment::context::{Contract, IncomeShare, Tenure, YesNo, YesNoUnsure};
use client_checkup::assessment::rate::{PayBasis, RateInputs};
use client_checkup::assessment::{Answer, Answers, Prior, Rating, Verdict, MODEL};
use client_checkup::dates::Day;
use client_checkup::plan::{Channel, PlanInputs};
use proptest::test_runner::{Config, FileFailurePersistence};

/// `cases` by default, or `PROPERTY_CASES` for a longer run.
pub fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPERTY_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..Config::default()
    }
}

/// xorshift64: cheap, and every seed gives its own sequence.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Answers across the whole space: most questions "never" or low (as real clients are),
/// some high, some N/A where allowed, and every context answer, set or not.
pub fn answers(seed: u64) -> Answers {
    let mut r = Rng::new(seed);
    let mut a = Answers::default();
    // How troubled this client is: shifts every rating up.
    let mood = r.below(5);
    for q in MODEL.questions() {
        let answer = if q.na && r.chance(10) {
            Answer::NotApplicable
        } else {
            let raw = if r.chance(55) { 0 } else { r.below(5) };
            let v = if r.chance(mood * 12) { (raw + 1).min(4) } else { raw };
            Answer::Rated(Rating::from_value(v as u8).unwrap_or(Rating::Never))
        };
        a.set(&q.id, answer);
    }
    let c = &mut a.context;
    c.contract = maybe(&mut r, &Contract::ALL);
    c.contract_end = r.chance(60).then(|| day(&mut r)).flatten();
    c.notice_days = r.chance(50).then(|| r.pick(&[0u16, 1, 7, 14, 21, 30, 60, 90, 365]));
    c.late_fees = maybe(&mut r, &YesNoUnsure::ALL);
    c.open_work = maybe(&mut r, &YesNo::ALL);
    c.unpaid = maybe(&mut r, &YesNo::ALL);
    c.income_share = maybe(&mut r, &IncomeShare::ALL);
    c.repair_tried = maybe(&mut r, &YesNo::ALL);
    c.tenure = maybe(&mut r, &Tenure::ALL);
    // A third of clients come with what they really pay per hour, some with a previous check.
    if r.chance(33) {
        a.rate = rate(&mut r);
    }
    if r.chance(15) {
        let verdict = r.pick(&Verdict::ALL);
        a.prior = Some(Prior { verdict, overall: r.below(101) as u8, judged: r.chance(50) });
    }
    a
}

/// What a client pays and the hours it takes: per month or per project, with or without
/// the usual rate, from far below it to above it.
pub fn rate(r: &mut Rng) -> RateInputs {
    let project = r.chance(30);
    let tenths = |r: &mut Rng, max: u64| (r.chance(70)).then(|| r.below(max) as u32);
    RateInputs {
        basis: if project { PayBasis::Project } else { PayBasis::Month },
        pay_cents: r.chance(90).then(|| 10_000 + r.below(1_000_000)),
        weeks: project.then(|| 1 + r.below(60) as u16),
        hours: [tenths(r, 2_000), tenths(r, 300), tenths(r, 300), tenths(r, 300), tenths(r, 100)],
        usual_cents: r.chance(85).then(|| 1_000 + r.below(15_000)),
    }
}

fn maybe<T: Copy>(r: &mut Rng, items: &[T]) -> Option<T> {
    (!r.chance(20)).then(|| r.pick(items))
}

/// A day around the plan's `today` (2024–2028), weekends and month ends included.
pub fn day(r: &mut Rng) -> Option<Day> {
    Day::new(2024 + r.below(5) as i32, 1 + r.below(12) as u8, 1 + r.below(31) as u8)
}

/// Plan inputs: names or none, amounts or none, any channel, with or without a date.
pub fn inputs(seed: u64) -> PlanInputs {
    let mut r = Rng::new(seed ^ 0xA5A5_A5A5);
    PlanInputs {
        nickname: r.pick(&["", "Acme", "Nová Firma s.r.o.", "Ёлка", "Óscar"]).to_owned(),
        addressee: r.pick(&["", "Ms Doe", "paní Nováková", "Pani Anno"]).to_owned(),
        today: r.chance(95).then(|| day(&mut r)).flatten(),
        prefer_contract_end: r.chance(50),
        open_deliverables: if r.chance(30) { vec!["Logo".into(), "Report".into()] } else { Vec::new() },
        unpaid_amount_cents: r.chance(25).then(|| r.below(10_000_000)),
        currency: r.pick(&["", "EUR", "CZK"]).to_owned(),
        channel: r.pick(&Channel::ALL),
        page: r.pick(&["", "https://blog.example/clients?p=3", "javascript:alert(1)", "https://x.cz/<b>"]).to_owned(),
    }
}
pub mod fixtures;
