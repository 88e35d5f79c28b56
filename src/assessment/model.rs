//! The assessment model as data: signals, their questions and weights, verdict bands,
//! rule parameters and the guidance catalogue. Read from `content/model.json`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::context::context_values;
use super::outcome::RuleId;

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

/// A question id such as `losing_money.no_pay`: the signal id, a dot, a short name.
pub type QuestionId = String;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Question {
    pub id: QuestionId,
    /// Relative weight inside its signal.
    pub weight: f64,
    /// Whether "not applicable" is an honest answer to this question.
    pub na: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Signal {
    pub id: SignalId,
    /// Relative weight of this signal in the overall score.
    pub weight: f64,
    pub questions: Vec<Question>,
}

#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct Bands {
    pub watch: u8,
    pub repair: u8,
    pub exit: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct OverallMix {
    /// Share of the overall score taken by the weighted mean of all known signals.
    pub mean_share: f64,
    /// Share taken by the mean of the `top_n` highest signals, so that one or two
    /// serious signals are not diluted by six quiet ones.
    pub top_share: f64,
    pub top_n: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct SignalMix {
    /// Share of a signal's score taken by the weighted mean of its answered questions.
    pub mean_share: f64,
    /// Share taken by its single worst answer, so that "always" on one behaviour is not
    /// averaged away by "never" on the others.
    pub max_share: f64,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AbuseExitRule {
    pub signal: SignalId,
    pub min_rating: u8,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct NonPaymentRule {
    pub question: QuestionId,
    pub stop_work_at: u8,
    pub exit_at: u8,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FailedRepairRule {
    pub context: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SingleMildRule {
    pub noticeable_at: u8,
    pub mild_max: u8,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Rules {
    pub abuse_exit: AbuseExitRule,
    pub non_payment: NonPaymentRule,
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
    Rule { rule: String },
    /// The context answer is one of these value ids.
    Context { context: String, r#in: Vec<String> },
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GuidanceItem {
    pub id: String,
    /// Applies when any trigger holds; always when empty.
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
    pub bands: Bands,
    pub signal_mix: SignalMix,
    pub overall: OverallMix,
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

    /// Checks that the data is complete and consistent: every signal once, in order,
    /// 2–4 questions each with ids prefixed by the signal, positive weights, ordered
    /// bands, and guidance triggers that name real signals, rules and context values.
    pub fn validate(&self) -> Result<(), String> {
        let ids: Vec<SignalId> = self.signals.iter().map(|s| s.id).collect();
        if ids != SignalId::ALL {
            return Err(format!("signals must be the eight, in order: {ids:?}"));
        }
        let mut seen = BTreeMap::new();
        for s in &self.signals {
            if !(2..=4).contains(&s.questions.len()) {
                return Err(format!("{} needs 2-4 questions", s.id));
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
            }
        }
        let b = self.bands;
        if !(b.watch < b.repair && b.repair < b.exit && b.exit <= 100) {
            return Err("bands must rise: watch < repair < exit <= 100".into());
        }
        let mix = self.overall;
        if (mix.mean_share + mix.top_share - 1.0).abs() > 1e-9 || mix.top_n == 0 {
            return Err("overall shares must add up to 1 and top_n be positive".into());
        }
        let sm = self.signal_mix;
        if (sm.mean_share + sm.max_share - 1.0).abs() > 1e-9 || sm.mean_share < 0.0 || sm.max_share < 0.0 {
            return Err("signal_mix shares must be non-negative and add up to 1".into());
        }
        if self.scale_max != 4 {
            return Err("the scale is never..always, 0..4".into());
        }
        let np = &self.rules.non_payment;
        if self.question(&np.question).is_none() || np.stop_work_at > np.exit_at {
            return Err(format!("non_payment names {} badly", np.question));
        }
        if self.rules.abuse_exit.min_rating > 4 || self.rules.non_payment.exit_at > 4 {
            return Err("rule ratings are on the 0..4 scale".into());
        }
        if context_values(&self.rules.failed_repair.context)
            .is_none_or(|vals| !vals.contains(&self.rules.failed_repair.value.as_str()))
        {
            return Err("failed_repair names an unknown context answer".into());
        }
        for item in self.repair_moves.iter().chain(&self.exit_steps) {
            for t in item.when.iter().chain(&item.unless) {
                check_trigger(t).map_err(|e| format!("{}: {e}", item.id))?;
            }
        }
        Ok(())
    }
}

fn check_trigger(t: &Trigger) -> Result<(), String> {
    match t {
        Trigger::Signal { .. } => Ok(()),
        Trigger::Rule { rule } => RuleId::parse(rule).map(|_| ()).ok_or_else(|| format!("unknown rule {rule}")),
        Trigger::Context { context, r#in } => {
            let values = context_values(context).ok_or_else(|| format!("unknown context {context}"))?;
            match r#in.iter().find(|v| !values.contains(&v.as_str())) {
                Some(v) => Err(format!("{context} has no value {v}")),
                None => Ok(()),
            }
        }
    }
}
