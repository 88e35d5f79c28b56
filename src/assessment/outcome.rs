//! What an assessment concludes: the verdict and the rules that shaped it. Plain ids,
//! shared by the model (which names rules in its floors and guidance triggers) and the
//! scoring.

crate::ids::id_enum! {
    /// The four verdicts, from best to worst. Their ids are stable.
    pub enum Verdict {
        Keep = "keep",
        Watch = "watch",
        Repair = "repair",
        Exit = "exit",
    }
}

crate::ids::id_enum! {
    /// The rules the sources imply. See the module docs of [`crate::assessment`] and
    /// `content/model.json` for where each comes from.
    pub enum RuleId {
        /// Abuse rated "rarely": named, with "name it once in writing, keep a log".
        AbuseNamed = "abuse_named",
        /// Abuse rated "sometimes": a clear boundary, and at least repair.
        AbuseBoundary = "abuse_boundary",
        /// Abuse rated "often" or worse: exit, soon.
        AbuseExit = "abuse_exit",
        /// The client did not pay at all: stop work until arrears are paid.
        NonPayment = "non_payment",
        /// Not paying happens again and again: exit.
        RepeatedNonPayment = "repeated_non_payment",
        /// Refuses to sign a contract, often or always: repair on one condition.
        RefusesContract = "refuses_contract",
        /// Pays late as a habit: firm payment terms, at least repair.
        LatePayment = "late_payment",
        /// A serious behaviour happens every time: at least repair.
        ConstantProblem = "constant_problem",
        /// A signal at its worst: at least repair.
        StrongSignal = "strong_signal",
        /// Two signals with a behaviour at "often" or worse: at least repair.
        TwoSignals = "two_signals",
        /// A repair was tried and the result still calls for one: exit.
        FailedRepair = "failed_repair",
        /// The client's last check made a repair plan, its date to judge has come, and
        /// the scores have not really improved: exit (the same rule, on data).
        RepairNoImprovement = "repair_no_improvement",
        /// The client pays far less per hour than the visitor's usual rate.
        LowRate = "low_rate",
        /// Only one signal is noticeable and it is mild: never worse than watch.
        SingleMildSignal = "single_mild_signal",
    }
}

impl RuleId {
    /// The verdict a rule speaks for: a rule is only ever reported beside a verdict at
    /// least this strict (and [`RuleId::SingleMildSignal`], a cap, only beside `watch`).
    /// The catalog's `rule.<id>` texts are written in this tone.
    pub const fn tone(self) -> Verdict {
        match self {
            RuleId::AbuseNamed | RuleId::SingleMildSignal | RuleId::LowRate => Verdict::Watch,
            RuleId::AbuseExit | RuleId::RepeatedNonPayment | RuleId::FailedRepair | RuleId::RepairNoImprovement => {
                Verdict::Exit
            }
            _ => Verdict::Repair,
        }
    }
}
