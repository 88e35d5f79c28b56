//! From answers to scores, a verdict and the reasons for it.

use serde::Serialize;

use super::answers::{Answers, Rating};
use super::model::{Model, SignalId};
use super::outcome::{RuleId, Verdict};

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SignalScore {
    pub signal: SignalId,
    /// 0..=100, or `None` when every question was "not applicable" or unanswered.
    pub score: Option<u8>,
    /// The score reached the model's `fired_at` threshold.
    pub fired: bool,
}

/// The outcome of an assessment: what the UI shows and the plan builds on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    /// One entry per signal, in the model's order.
    pub scores: Vec<SignalScore>,
    /// 0..=100
    pub overall: u8,
    pub verdict: Verdict,
    /// The signals that drove the verdict (noticeable ones), highest first.
    pub drivers: Vec<SignalId>,
    /// The rules that fired, in the order they were applied.
    pub rules: Vec<RuleId>,
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
}

/// Scores every signal and reaches a verdict. Pure and deterministic.
pub fn assess(model: &Model, answers: &Answers) -> Assessment {
    let scale = f64::from(model.scale_max);
    let raw: Vec<(SignalId, f64, Option<f64>)> = model
        .signals
        .iter()
        .map(|s| {
            let rated: Vec<(f64, f64)> = s
                .questions
                .iter()
                .filter_map(|q| Some((q.weight, f64::from(answers.get(&q.id)?.rating()?.value()))))
                .collect();
            let (sum, weight) = rated.iter().fold((0.0, 0.0), |(sum, w), (qw, v)| (sum + qw * v, w + qw));
            let worst = rated.iter().map(|(_, v)| *v).fold(0.0, f64::max);
            let mix = model.signal_mix;
            let score = (weight > 0.0).then(|| 100.0 * (mix.mean_share * sum / weight + mix.max_share * worst) / scale);
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
    let b = model.bands;
    let mut verdict = match overall {
        o if o >= b.exit => Verdict::Exit,
        o if o >= b.repair => Verdict::Repair,
        o if o >= b.watch => Verdict::Watch,
        _ => Verdict::Keep,
    };
    if scores.iter().any(|s| s.fired) {
        verdict = verdict.max(Verdict::Watch);
    }

    let mild = &model.rules.single_mild_signal;
    if let [(_, score, _)] = drivers.as_slice() {
        if *score <= mild.mild_max {
            verdict = verdict.min(Verdict::Watch);
            rules.push(RuleId::SingleMildSignal);
        }
    }

    let fr = &model.rules.failed_repair;
    if verdict == Verdict::Repair && answers.context.value(&fr.context) == Some(fr.value.as_str()) {
        verdict = Verdict::Exit;
        rules.push(RuleId::FailedRepair);
    }

    let np = &model.rules.non_payment;
    if let Some(r) = answers.get(&np.question).and_then(|a| a.rating()) {
        if r.value() >= np.stop_work_at {
            verdict = verdict.max(Verdict::Repair);
            rules.push(RuleId::NonPayment);
        }
        if r.value() >= np.exit_at {
            verdict = Verdict::Exit;
            rules.push(RuleId::RepeatedNonPayment);
        }
    }

    let abuse = &model.rules.abuse_exit;
    let abused = model
        .signal(abuse.signal)
        .questions
        .iter()
        .any(|q| answers.get(&q.id).and_then(|a| a.rating()).is_some_and(|r| r.value() >= abuse.min_rating));
    if abused {
        verdict = Verdict::Exit;
        rules.push(RuleId::AbuseExit);
    }

    Assessment { scores, overall, verdict, drivers: drivers.into_iter().map(|(id, _, _)| id).collect(), rules }
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
