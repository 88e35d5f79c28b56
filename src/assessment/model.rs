//! The assessment model as data: signals, their questions with weights, severities and
//! advice, verdict bands, rule parameters and the guidance catalogue. Read from
//! `content/model.json`, where every threshold carries the reason it is there (`why`)
//! and the article it comes from; `content/MODEL.md` explains how the parts fit.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::context::context_values;
use super::outcome::{RuleId, Verdict};

crate::ids::id_enum! {
    /// The eight warning signals. Their ids are stable: they appear in events and stored state.
    pub enum SignalId {
        TimeDrain = "time_drain",
        DismissesAdvice = "dismisses_advice",
        LowRespect = "low_respect",
        PoorCommunication = "poor_communication",
        Stalled = "stalled",
        Negativity = "negativity",
        LosingMoney = "losing_money",
        Abuse = "abuse",
    }
}

crate::ids::id_enum! {
    /// How much one question weighs on its own (see `severities` in `content/model.json`).
    pub enum Severity {
        /// Everyday friction: counts through its signal's score only.
        Mild = "mild",
        /// Costs time, money or boundaries: "always" reaches repair.
        Serious = "serious",
        /// A reason to part on its own in the sources: its own, earlier floors.
        Severe = "severe",
        /// Abuse: the ladder named, boundary, exit.
        Abuse = "abuse",
    }
}

crate::ids::id_enum! {
    /// What a repair move does, so the plan can date it and the properties can check it.
    pub enum MoveKind {
        /// Stop new work until overdue invoices are paid.
        StopWork = "stop_work",
        /// Chase money owed: reminder, formal demand, court route.
        Money = "money",
        /// Name unacceptable behaviour, set a boundary, keep a log.
        Behaviour = "behaviour",
        /// New written terms (sent as one agreement).
        Terms = "terms",
        /// A conversation or a new way of working together.
        Conversation = "conversation",
        /// Look at your own side.
        Reflect = "reflect",
    }
}

/// A question id such as `losing_money.no_pay`: the signal id, a dot, a short name.
pub type QuestionId = String;

/// A minimum verdict reached when a question is rated `at` or worse, reported as `rule`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Floor {
    pub at: u8,
    pub verdict: Verdict,
    pub rule: RuleId,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SeverityClass {
    /// From this rating on, the question's advice is picked.
    pub active_at: u8,
    pub floors: Vec<Floor>,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Question {
    pub id: QuestionId,
    /// Relative weight inside its signal.
    pub weight: f64,
    /// Whether "not applicable" is an honest answer to this question.
    pub na: bool,
    pub severity: Severity,
    /// The repair moves that answer this behaviour, in order.
    pub moves: Vec<String>,
    /// Floors of its own, replacing its severity's.
    #[serde(default)]
    pub floors: Option<Vec<Floor>>,
    /// Its own activation rating, replacing its severity's.
    #[serde(default)]
    pub active_at: Option<u8>,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Signal {
    pub id: SignalId,
    /// Relative weight of this signal in the overall score.
    pub weight: f64,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Bands {
    pub watch: u8,
    pub repair: u8,
    pub exit: u8,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct OverallMix {
    /// Share of the overall score taken by the weighted mean of all known signals.
    pub mean_share: f64,
    /// Share taken by the mean of the `top_n` highest signals, so that one or two
    /// serious signals are not diluted by six quiet ones.
    pub top_share: f64,
    pub top_n: usize,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SignalMix {
    /// Share of a signal's score taken by the weighted mean of its answered questions.
    pub mean_share: f64,
    /// Share taken by its single worst answer, so that "often" on one behaviour is not
    /// averaged away by "never" on the others.
    pub max_share: f64,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct StrongSignalRule {
    pub at: u8,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TwoSignalsRule {
    /// A signal counts when one of its questions is rated this or worse.
    pub rating: u8,
    pub count: usize,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FailedRepairRule {
    pub context: String,
    pub value: String,
    /// On a re-check after a repair plan's date to judge it: the overall score must have
    /// fallen by at least this much for the repair to count as working.
    pub improvement_min: u8,
    pub why: String,
}

/// How a low effective hourly rate counts: as one more piece of evidence, rated like an
/// answer, in each of `signals` (never as a signal of its own).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct EffectiveRateRule {
    pub signals: Vec<SignalId>,
    /// Its weight among the signal's questions.
    pub weight: f64,
    /// Effective ÷ usual rate (thousandths) below `below` counts as `rating`; the lowest
    /// matching bound wins. Lower is never milder.
    pub levels: Vec<RateLevel>,
    /// Below this ratio the rate is named in the reasons, with the figures.
    pub reason_below: u32,
    pub why: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct RateLevel {
    pub below: u32,
    pub rating: u8,
    /// The least verdict a rate this low forces, if any.
    #[serde(default)]
    pub floor: Option<Verdict>,
}

impl EffectiveRateRule {
    /// The rating a ratio counts as, if any.
    pub fn rating(&self, ratio_permille: u32) -> Option<u8> {
        self.levels.iter().filter(|l| ratio_permille < l.below).map(|l| l.rating).max()
    }

    /// The least verdict a ratio forces, if any.
    pub fn floor(&self, ratio_permille: u32) -> Option<Verdict> {
        self.levels.iter().filter(|l| ratio_permille < l.below).filter_map(|l| l.floor).max()
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SingleMildRule {
    pub noticeable_at: u8,
    pub mild_max: u8,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Rules {
    pub effective_rate: EffectiveRateRule,
    pub strong_signal: StrongSignalRule,
    pub two_signals: TwoSignalsRule,
    pub failed_repair: FailedRepairRule,
    pub single_mild_signal: SingleMildRule,
}

/// One condition under which a piece of guidance applies.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Trigger {
    /// The signal reached the `fired_at` score.
    Signal { signal: SignalId },
    /// The rule fired.
    Rule { rule: RuleId },
    /// The context answer is one of these value ids.
    Context { context: String, r#in: Vec<String> },
    /// The question is rated `at` or worse.
    Question { question: QuestionId, at: u8 },
    /// Any abuse question is rated above "never" (`true`), or none is (`false`).
    Abuse { abuse: bool },
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GuidanceItem {
    pub id: String,
    /// What a repair move does (repair moves only).
    #[serde(default)]
    pub kind: Option<MoveKind>,
    /// A courtesy (thanks, referrals, a softer handover): never in an exit after abuse.
    #[serde(default)]
    pub courtesy: bool,
    /// Applies when any trigger holds; for repair moves, also when a question that lists
    /// it is active; always when empty (exit steps).
    #[serde(default)]
    pub when: Vec<Trigger>,
    /// Never applies when any of these holds.
    #[serde(default)]
    pub unless: Vec<Trigger>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Model {
    pub version: u32,
    pub scale_max: u8,
    pub fired_at: u8,
    pub strong_at: u8,
    pub bands: Bands,
    pub signal_mix: SignalMix,
    pub overall: OverallMix,
    pub severities: BTreeMap<Severity, SeverityClass>,
    pub rules: Rules,
    pub signals: Vec<Signal>,
    pub repair_moves: Vec<GuidanceItem>,
    pub exit_steps: Vec<GuidanceItem>,
}

/// The model shipped with the widget.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::from_json(include_str!("../../content/model.json")).expect("content/model.json is checked by the test suite")
});

impl Model {
    pub fn from_json(text: &str) -> Result<Model, String> {
        let model: Model = serde_json::from_str(text).map_err(|e| e.to_string())?;
        model.validate()?;
        Ok(model)
    }

    pub fn signal(&self, id: SignalId) -> &Signal {
        self.signals.iter().find(|s| s.id == id).expect("validate() proves every signal is present")
    }

    pub fn question(&self, id: &str) -> Option<(&Signal, &Question)> {
        self.signals.iter().flat_map(|s| s.questions.iter().map(move |q| (s, q))).find(|(_, q)| q.id == id)
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.signals.iter().flat_map(|s| s.questions.iter())
    }

    /// The floors that apply to a question: its own, else its severity's.
    pub fn floors<'a>(&'a self, q: &'a Question) -> &'a [Floor] {
        match &q.floors {
            Some(own) => own,
            None => self.severities.get(&q.severity).map_or(&[], |c| c.floors.as_slice()),
        }
    }

    /// From this rating on, the question's advice is picked.
    pub fn active_at(&self, q: &Question) -> u8 {
        q.active_at.or_else(|| self.severities.get(&q.severity).map(|c| c.active_at)).unwrap_or(self.scale_max)
    }

    pub fn repair_move(&self, id: &str) -> Option<&GuidanceItem> {
        self.repair_moves.iter().find(|m| m.id == id)
    }

    /// Checks that the data is complete and consistent: every signal once, in order,
    /// 2–5 questions each with ids prefixed by the signal, positive weights, ordered
    /// bands, every severity defined and explained, floors on the scale and rising, moves
    /// that exist, and guidance triggers that name real signals, rules and context values.
    pub fn validate(&self) -> Result<(), String> {
        let ids: Vec<SignalId> = self.signals.iter().map(|s| s.id).collect();
        if ids != SignalId::ALL {
            return Err(format!("signals must be the eight, in order: {ids:?}"));
        }
        for sev in Severity::ALL {
            match self.severities.get(&sev) {
                Some(c) if !c.why.trim().is_empty() && c.active_at <= self.scale_max => check_floors(&c.floors)?,
                _ => return Err(format!("severity {sev} must be defined, on the scale and explained")),
            }
        }
        let mut seen = BTreeMap::new();
        for s in &self.signals {
            if !(2..=5).contains(&s.questions.len()) {
                return Err(format!("{} needs 2-5 questions", s.id));
            }
            if !(s.weight > 0.0 && s.weight.is_finite()) {
                return Err(format!("{} has a bad weight", s.id));
            }
            for q in &s.questions {
                let prefix = format!("{}.", s.id);
                let Some(name) = q.id.strip_prefix(&prefix) else {
                    return Err(format!("question {} must start with {prefix}", q.id));
                };
                if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                    return Err(format!("question id {} is not snake_case", q.id));
                }
                if !(q.weight > 0.0 && q.weight.is_finite()) {
                    return Err(format!("question {} has a bad weight", q.id));
                }
                if seen.insert(q.id.clone(), ()).is_some() {
                    return Err(format!("question {} appears twice", q.id));
                }
                if q.why.trim().is_empty() {
                    return Err(format!("question {} needs a why", q.id));
                }
                if let Some(floors) = &q.floors {
                    check_floors(floors).map_err(|e| format!("{}: {e}", q.id))?;
                }
                if q.active_at.is_some_and(|a| a > self.scale_max) {
                    return Err(format!("{}: active_at is off the scale", q.id));
                }
                if q.moves.is_empty() {
                    return Err(format!("{} needs at least one move", q.id));
                }
                for m in &q.moves {
                    if self.repair_move(m).is_none() {
                        return Err(format!("{} names an unknown move {m}", q.id));
                    }
                }
            }
        }
        let b = &self.bands;
        if !(b.watch < b.repair && b.repair < b.exit && b.exit <= 100) {
            return Err("bands must rise: watch < repair < exit <= 100".into());
        }
        if !(self.fired_at <= self.strong_at && self.strong_at <= 100) {
            return Err("fired_at <= strong_at <= 100".into());
        }
        let mix = &self.overall;
        if (mix.mean_share + mix.top_share - 1.0).abs() > 1e-9 || mix.top_n == 0 {
            return Err("overall shares must add up to 1 and top_n be positive".into());
        }
        let sm = &self.signal_mix;
        if (sm.mean_share + sm.max_share - 1.0).abs() > 1e-9 || sm.mean_share < 0.0 || sm.max_share < 0.0 {
            return Err("signal_mix shares must be non-negative and add up to 1".into());
        }
        if self.scale_max != 4 {
            return Err("the scale is never..always, 0..4".into());
        }
        let r = &self.rules;
        if r.two_signals.rating > self.scale_max || r.two_signals.count < 2 {
            return Err("two_signals: a rating on the scale and a count of at least two".into());
        }
        if context_values(&r.failed_repair.context).is_none_or(|vals| !vals.contains(&r.failed_repair.value.as_str())) {
            return Err("failed_repair names an unknown context answer".into());
        }
        let er = &r.effective_rate;
        let ordered = er.levels.windows(2).all(|w| {
            w[0].below > w[1].below && w[0].rating < w[1].rating && w[0].floor.is_none_or(|f| w[1].floor >= Some(f))
        });
        if er.signals.is_empty()
            || !(er.weight > 0.0 && er.weight.is_finite())
            || !ordered
            || er.levels.iter().any(|l| l.rating == 0 || l.rating > self.scale_max || l.below > 1000)
        {
            return Err(
                "effective_rate: signals, a positive weight, and levels whose rating rises as the bound falls".into()
            );
        }
        if r.failed_repair.improvement_min > 100 {
            return Err("failed_repair: improvement_min is on the 0..100 score".into());
        }
        for why in [&b.why, &mix.why, &sm.why, &r.strong_signal.why, &r.two_signals.why, &r.failed_repair.why, &er.why]
        {
            if why.trim().is_empty() {
                return Err("every threshold needs its why".into());
            }
        }
        for item in &self.repair_moves {
            if item.kind.is_none() {
                return Err(format!("move {} needs a kind", item.id));
            }
        }
        for item in self.repair_moves.iter().chain(&self.exit_steps) {
            for t in item.when.iter().chain(&item.unless) {
                self.check_trigger(t).map_err(|e| format!("{}: {e}", item.id))?;
            }
        }
        Ok(())
    }

    fn check_trigger(&self, t: &Trigger) -> Result<(), String> {
        match t {
            Trigger::Signal { .. } | Trigger::Rule { .. } | Trigger::Abuse { .. } => Ok(()),
            Trigger::Question { question, at } => match self.question(question) {
                Some(_) if *at <= self.scale_max => Ok(()),
                _ => Err(format!("unknown question {question} or rating {at}")),
            },
            Trigger::Context { context, r#in } => {
                let values = context_values(context).ok_or_else(|| format!("unknown context {context}"))?;
                match r#in.iter().find(|v| !values.contains(&v.as_str())) {
                    Some(v) => Err(format!("{context} has no value {v}")),
                    None => Ok(()),
                }
            }
        }
    }
}

/// Floors are on the scale and rise with the rating: a higher rating never asks for less.
fn check_floors(floors: &[Floor]) -> Result<(), String> {
    if floors.iter().any(|f| f.at > 4 || f.at == 0) {
        return Err("floors start at 'rarely' and stay on the scale".into());
    }
    if !floors.windows(2).all(|w| w[0].at < w[1].at && w[0].verdict < w[1].verdict) {
        return Err("floors must rise: a higher rating, a stricter verdict".into());
    }
    Ok(())
}
