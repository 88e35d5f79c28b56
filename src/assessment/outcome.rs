//! What an assessment concludes: the verdict and the rules that shaped it. Plain ids,
//! shared by the model (which names rules in its guidance triggers) and the scoring.

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
    /// The rules the sources imply. See the module docs of [`crate::assessment`].
    pub enum RuleId {
        /// Abuse rated "often" or worse: exit, soon.
        AbuseExit = "abuse_exit",
        /// The client did not pay at all: stop work until arrears are paid.
        NonPayment = "non_payment",
        /// Not paying happens again and again: exit.
        RepeatedNonPayment = "repeated_non_payment",
        /// A repair was tried and the result is still in the repair band: exit.
        FailedRepair = "failed_repair",
        /// Only one signal is noticeable and it is mild: never worse than watch.
        SingleMildSignal = "single_mild_signal",
    }
}
