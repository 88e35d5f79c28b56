//! Native timings for the benchmark (`node scripts/bench.mjs` runs this): a full
//! assessment plus plan building, and each rendering, over many iterations, for the
//! realistic clients in `client_checkup::sample`. Prints one JSON object.
//!
//!     cargo run --release --example bench [iterations]

use std::hint::black_box;
use std::time::Instant;

use client_checkup::i18n::{Lang, Paper};
use client_checkup::render::{ics::ics, markdown::markdown, pdf};
use client_checkup::sample::{assess_and_plan, clients};

/// Median microseconds per call of `f`, over `rounds` rounds of `n` calls each.
fn time_us(n: u32, rounds: usize, mut f: impl FnMut()) -> f64 {
    let mut per_round: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..n {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(n)
        })
        .collect();
    per_round.sort_by(f64::total_cmp);
    per_round[rounds / 2]
}

fn main() {
    let n: u32 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let font = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/checkup-sans.ttf")).expect("font");
    let runs = clients();
    let mut out = Vec::new();
    for lang in [Lang::En, Lang::Cs] {
        let assess_plan = time_us(n, 9, || {
            for (answers, inputs) in &runs {
                black_box(assess_and_plan(black_box(answers), black_box(inputs), lang));
            }
        }) / runs.len() as f64;
        let (answers, inputs) = &runs[0];
        let plan = assess_and_plan(answers, inputs, lang);
        let doc = &plan.document;
        let md = time_us(n, 9, || drop(black_box(markdown(doc))));
        let cal = time_us(n, 9, || drop(black_box(ics(&plan, lang, "bench"))));
        let pdf_us = time_us((n / 20).max(5), 9, || drop(black_box(pdf::pdf(doc, &font, Paper::A4, lang.id()))));
        out.push(format!(
            "\"{}\":{{\"assess_plan_us\":{assess_plan:.2},\"markdown_us\":{md:.2},\"ics_us\":{cal:.2},\"pdf_us\":{pdf_us:.1}}}",
            lang.id()
        ));
    }
    println!("{{\"iterations\":{n},{}}}", out.join(","));
}
