//! From answers to scores, a verdict and the reasons for it.
//!
//! The verdict is the strictest of: the overall score's band; `watch` for any signal at
//! the warning level; `repair` for a signal at its worst or for two signals with a
//! behaviour at "often" or worse; each question's own floors (its severity's, or its
//! own); then a failed repair turns `repair` into `exit`. One mild signal on its own is
//! capped at `watch` before the floors apply. Every step only ever raises the verdict
//! for raised answers, so raising any answer never moves the verdict towards `keep`.

use serde::{Deserialize, Serialize};

use super::answers::{Answers, Rating};
use super::model::{Model, Severity, SignalId};
use super::outcome::{RuleId, Verdict};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignalScore {
    pub signal: SignalId,
    /// 0..=100, or `None` when every question was "not applicable" or unanswered.
    pub score: Option<u8>,
    /// The score reached the model's `fired_at` threshold.
    pub fired: bool,
}

/// The outcome of an assessment: what the UI shows and the plan builds on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// One entry per signal, in the model's order.
    pub scores: Vec<SignalScore>,
    /// 0..=100
    pub overall: u8,
    pub verdict: Verdict,
    /// The signals that drove the verdict (noticeable ones), highest first.
    pub drivers: Vec<SignalId>,
    /// The rules behind the verdict, strongest first; each at most once, and of the
    /// abuse and non-payment ladders only the highest step reached.
    pub rules: Vec<RuleId>,
    /// The questions whose advice applies (rated at or above their `active_at`), in the
    /// model's order: the plan picks its moves from these.
    pub active: Vec<String>,
    /// The worst rating of any abuse question (0 when none is above "never").
    pub abuse_level: u8,
}

impl Assessment {
    pub fn score(&self, signal: SignalId) -> Option<u8> {
        self.scores.iter().find(|s| s.signal == signal).and_then(|s| s.score)
    }

    pub fn fired(&self, signal: SignalId) -> bool {
        self.scores.iter().any(|s| s.signal == signal && s.fired)
    }

    pub fn rule(&self, rule: RuleId) -> bool {
        self.rules.contains(&rule)
    }

    /// How many signals reached the firing threshold.
    pub fn fired_count(&self) -> usize {
        self.scores.iter().filter(|s| s.fired).count()
    }

    /// Any abuse was reported, even rarely.
    pub fn any_abuse(&self) -> bool {
        self.abuse_level > 0
    }

    pub fn is_active(&self, question: &str) -> bool {
        self.active.iter().any(|q| q == question)
    }
}

/// Rungs of one ladder: only the highest one reached is reported.
const LADDERS: [&[RuleId]; 2] = [
    &[RuleId::AbuseNamed, RuleId::AbuseBoundary, RuleId::AbuseExit],
    &[RuleId::NonPayment, RuleId::RepeatedNonPayment],
];

/// Scores every signal and reaches a verdict. Pure and deterministic.
pub fn assess(model: &Model, answers: &Answers) -> Assessment {
    let rating = |q: &str| answers.get(q).and_then(|a| a.rating()).map(Rating::value);
    // A low effective hourly rate: one more answer in the signals it is evidence for.
    let er = &model.rules.effective_rate;
    let rate = answers.rate.rate();
    let ratio = rate.and_then(|r| r.ratio_permille);
    let rate_rating = ratio.and_then(|r| er.rating(r));
    let raw: Vec<(SignalId, f64, Option<f64>)> = model
        .signals
        .iter()
        .map(|s| {
            let mut rated: Vec<(f64, f64)> =
                s.questions.iter().filter_map(|q| Some((q.weight, f64::from(rating(&q.id)?)))).collect();
            let mut score = signal_score(model, &rated);
            // The rate is evidence that can only strengthen a signal: a rate near the usual
            // one does not dilute answers that are worse than it.
            if let Some(r) = rate_rating.filter(|_| er.signals.contains(&s.id)) {
                rated.push((er.weight, f64::from(r)));
                let with = signal_score(model, &rated);
                score = match (score, with) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    (a, b) => a.or(b),
                };
            }
            (s.id, s.weight, score)
        })
        .collect();

    let scores: Vec<SignalScore> = raw
        .iter()
        .map(|&(signal, _, score)| {
            let score = score.map(round_pct);
            SignalScore { signal, score, fired: score.is_some_and(|s| s >= model.fired_at) }
        })
        .collect();

    let overall = round_pct(overall_score(model, &raw));

    // Noticeable signals, ranked: highest score first, then heavier weight, then model order.
    let mut drivers: Vec<(SignalId, u8, f64)> = raw
        .iter()
        .zip(&scores)
        .filter_map(|(&(id, w, _), s)| Some((id, s.score?, w)))
        .filter(|&(_, score, _)| score >= model.rules.single_mild_signal.noticeable_at)
        .collect();
    drivers.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)));

    let mut rules = Vec::new();
    let b = &model.bands;
    let mut verdict = match overall {
        o if o >= b.exit => Verdict::Exit,
        o if o >= b.repair => Verdict::Repair,
        o if o >= b.watch => Verdict::Watch,
        _ => Verdict::Keep,
    };
    if scores.iter().any(|s| s.fired) {
        verdict = verdict.max(Verdict::Watch);
    }
    if scores.iter().any(|s| s.score.is_some_and(|v| v >= model.rules.strong_signal.at)) {
        verdict = verdict.max(Verdict::Repair);
        rules.push(RuleId::StrongSignal);
    }
    let two = &model.rules.two_signals;
    let strong_behaviours = model
        .signals
        .iter()
        .filter(|s| s.questions.iter().any(|q| rating(&q.id).is_some_and(|r| r >= two.rating)))
        .count();
    if strong_behaviours >= two.count {
        verdict = verdict.max(Verdict::Repair);
        rules.push(RuleId::TwoSignals);
    }

    // One mild signal on its own never ends anything (capped before the floors, which
    // name specific behaviours the sources treat as serious on their own).
    let mild = &model.rules.single_mild_signal;
    let capped = matches!(drivers.as_slice(), [(_, score, _)] if *score <= mild.mild_max);
    if capped {
        verdict = verdict.min(Verdict::Watch);
    }

    let mut active = Vec::new();
    let mut abuse_level = 0;
    for q in model.questions() {
        let Some(r) = rating(&q.id) else { continue };
        if r >= model.active_at(q) && r > 0 {
            active.push(q.id.clone());
        }
        if q.severity == Severity::Abuse {
            abuse_level = abuse_level.max(r);
        }
        if let Some(floor) = model.floors(q).iter().rev().find(|f| r >= f.at) {
            verdict = verdict.max(floor.verdict);
            rules.push(floor.rule);
        }
    }

    if let Some(floor) = ratio.and_then(|r| er.floor(r)) {
        verdict = verdict.max(floor);
    }

    let fr = &model.rules.failed_repair;
    if verdict == Verdict::Repair {
        // On a re-check the client's history decides; the visitor's say-so only without one.
        let no_improvement = answers.prior.is_some_and(|p| {
            p.verdict == Verdict::Repair && p.judged && overall.saturating_add(fr.improvement_min) > p.overall
        });
        if no_improvement {
            verdict = Verdict::Exit;
            rules.push(RuleId::RepairNoImprovement);
        } else if answers.prior.is_none() && answers.context.value(&fr.context) == Some(fr.value.as_str()) {
            verdict = Verdict::Exit;
            rules.push(RuleId::FailedRepair);
        }
    }
    if ratio.is_some_and(|r| r < er.reason_below) && verdict >= RuleId::LowRate.tone() {
        rules.push(RuleId::LowRate);
    }
    if capped && verdict == Verdict::Watch {
        rules.push(RuleId::SingleMildSignal);
    }

    // Each rule once; of a ladder only its highest rung; strongest tone first.
    rules.sort();
    rules.dedup();
    for ladder in LADDERS {
        if let Some(top) = ladder.iter().rev().find(|r| rules.contains(r)) {
            rules.retain(|r| !ladder.contains(r) || r == top);
        }
    }
    rules.sort_by_key(|r| std::cmp::Reverse(r.tone()));

    Assessment {
        scores,
        overall,
        verdict,
        drivers: drivers.into_iter().map(|(id, _, _)| id).collect(),
        rules,
        active,
        abuse_level,
    }
}

/// A signal's score from its rated items `(weight, rating)`: the weighted mean blended with
/// the worst (see `signal_mix`), on 0..100; `None` when nothing was rated.
fn signal_score(model: &Model, rated: &[(f64, f64)]) -> Option<f64> {
    let (sum, weight) = rated.iter().fold((0.0, 0.0), |(sum, w), (qw, v)| (sum + qw * v, w + qw));
    let worst = rated.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let mix = &model.signal_mix;
    let scale = f64::from(model.scale_max);
    (weight > 0.0).then(|| 100.0 * (mix.mean_share * sum / weight + mix.max_share * worst) / scale)
}

/// Weighted mean of the known signals blended with the mean of the highest few, so that
/// one or two serious signals are not averaged away. Non-decreasing in every signal score.
fn overall_score(model: &Model, raw: &[(SignalId, f64, Option<f64>)]) -> f64 {
    let known: Vec<(f64, f64)> = raw.iter().filter_map(|&(_, w, s)| Some((w, s?))).collect();
    if known.is_empty() {
        return 0.0;
    }
    let (sum, weight) = known.iter().fold((0.0, 0.0), |(s, w), &(kw, ks)| (s + kw * ks, w + kw));
    let mut top: Vec<f64> = known.iter().map(|&(_, s)| s).collect();
    top.sort_by(|a, b| b.total_cmp(a));
    top.truncate(model.overall.top_n);
    let top_mean = top.iter().sum::<f64>() / top.len() as f64;
    model.overall.mean_share * (sum / weight) + model.overall.top_share * top_mean
}

fn round_pct(x: f64) -> u8 {
    // Scores are exact fractions of small integers: nudge before rounding so that 62.5
    // computed as 62.4999… still rounds up, the same on every platform.
    (x + 1e-9).round().clamp(0.0, 100.0) as u8
}

/// Convenience for tests and the UI: is the answer at least this rating?
pub fn at_least(answers: &Answers, question: &str, rating: Rating) -> bool {
    answers.get(question).and_then(|a| a.rating()).is_some_and(|r| r >= rating)
}
