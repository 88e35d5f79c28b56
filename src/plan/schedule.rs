//! The plan's calendar: which day each step falls on. Whole days only (see [`Day`]), so
//! month ends, leap days and year ends are the date library's job and DST never enters.

use crate::assessment::context::{Context, Contract};
use crate::dates::Day;

use super::{NoticeBasis, Terms};

/// Days from today to the repair plan's review.
pub const REVIEW_DAYS: i64 = 30;
/// Days from today to the watch plan's re-check: a few weeks of observing.
pub const WATCH_DAYS: i64 = 28;
/// Days from today to the next check-up when no action is needed.
pub const RECHECK_DAYS: i64 = 90;
/// Days of handover help offered after the last day of a long collaboration.
pub const HANDOVER_HELP_DAYS: i64 = 7;
/// Days from today by which a repair plan sends the new agreement.
pub const NEW_AGREEMENT_DAYS: i64 = 7;
/// Days between weekly check-ins.
pub const CHECK_IN_EVERY_DAYS: i64 = 7;
/// Notice when a signed contract's notice is unknown: two weeks is common [002].
pub const COMMON_NOTICE_DAYS: u16 = 14;
/// Notice without a contract: your own choice; two weeks is usual [002], one week after abuse.
pub const OWN_NOTICE_DAYS: u16 = 14;
pub const OWN_NOTICE_DAYS_ABUSE: u16 = 7;
/// Days from the reminder to the formal demand.
pub const LADDER_STEP_DAYS: i64 = 14;
/// Days from the formal demand to the court route: 30, so that the one date holds
/// everywhere (a Czech pre-action demand must precede a claim by at least seven days; in
/// Russia a claim between businesses may be filed 30 days after the pre-action claim).
pub const COURT_AFTER_DEMAND_DAYS: i64 = 30;
/// Days the final invoice gives to pay, before its follow-up.
pub const INVOICE_TERM_DAYS: i64 = 14;

/// The `n`-th working day (Monday to Friday) after `day`; `day` itself when `n` is 0.
pub fn add_workdays(day: Day, n: u32) -> Day {
    (0..n).fold(day, |d, _| d.plus_days(1).next_workday())
}

/// The contract as the exit timetable reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContractTerms {
    /// Nothing signed (or a fixed term that already ran out).
    None,
    /// Signed, notice unknown (or the visitor is unsure what was signed).
    Unknown,
    /// Open-ended with a known notice.
    Notice(u16),
    /// A fixed term: its end where known, its early-termination notice where known.
    FixedTerm { end: Option<Day>, early_notice: Option<u16> },
}

impl ContractTerms {
    /// What the context answers say, as of `today`.
    pub fn from_context(c: &Context, today: Day) -> ContractTerms {
        match c.contract {
            Some(Contract::FixedTerm) => match c.contract_end {
                Some(end) if end < today => ContractTerms::None,
                end => ContractTerms::FixedTerm { end, early_notice: c.notice_days },
            },
            Some(Contract::OpenEnded) => c.notice_days.map_or(ContractTerms::Unknown, ContractTerms::Notice),
            Some(Contract::Unsure) => ContractTerms::Unknown,
            Some(Contract::None) | None => ContractTerms::None,
        }
    }
}

/// What the exit dates depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitTerms {
    pub today: Day,
    pub contract: ContractTerms,
    /// With a fixed term that allows ending early: run to its end rather than give notice.
    pub prefer_contract_end: bool,
    /// Abuse: the talk comes sooner, the notice is the shortest allowed.
    pub abuse: bool,
    /// A long collaboration: offer handover help after the last day.
    pub long_tenure: bool,
}

/// The days of an exit plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitDates {
    /// Read the contract: today.
    pub review_contract: Day,
    /// Write the talking points: the next working day (today, with abuse).
    pub plan_talk: Day,
    /// Tell the client: the third working day (the next one, with abuse); never after a
    /// fixed term's end.
    pub talk: Day,
    /// The written notice goes out the same day as the talk.
    pub notice: Day,
    /// Ask for the end in writing again, if it has not come: two working days later.
    pub confirm_end: Day,
    /// The last working day: never before today, never after a fixed term's end.
    pub last_day: Day,
    /// The final invoice goes out on the last day.
    pub final_invoice: Day,
    /// The working day after the final invoice's term: chase it if it is not paid.
    pub invoice_follow_up: Day,
    /// Take your own access away: the first working day after the last day.
    pub revoke_access: Day,
    /// The end of the handover help offered after a long collaboration.
    pub handover_help_until: Option<Day>,
    pub terms: Terms,
}

/// Works out the exit plan's days.
pub fn exit_dates(t: &ExitTerms) -> ExitDates {
    let today = t.today;
    let (mut plan_talk, mut talk) =
        if t.abuse { (today, add_workdays(today, 1)) } else { (add_workdays(today, 1), add_workdays(today, 3)) };
    let after = |n: u16, talk: Day| talk.plus_days(i64::from(n));
    let (last_day, terms) = match t.contract {
        ContractTerms::None => {
            let n = if t.abuse { OWN_NOTICE_DAYS_ABUSE } else { OWN_NOTICE_DAYS };
            (after(n, talk), terms(None, NoticeBasis::Own, n))
        }
        ContractTerms::Unknown | ContractTerms::FixedTerm { end: None, early_notice: None } => {
            (after(COMMON_NOTICE_DAYS, talk), terms(None, NoticeBasis::Common, COMMON_NOTICE_DAYS))
        }
        ContractTerms::Notice(n) | ContractTerms::FixedTerm { end: None, early_notice: Some(n) } => {
            (after(n, talk), terms(None, NoticeBasis::Contract, n))
        }
        ContractTerms::FixedTerm { end: Some(end), early_notice } => {
            // The talk never comes after the contract's last day.
            talk = talk.min(end);
            plan_talk = plan_talk.min(talk);
            let to_end = u16::try_from(talk.days_until(end).max(0)).unwrap_or(u16::MAX);
            let expire = (
                end,
                Terms {
                    early_end_unknown: early_notice.is_none(),
                    ..terms(Some(end), NoticeBasis::ContractEnd, to_end)
                },
            );
            match early_notice {
                Some(n) if (t.abuse || !t.prefer_contract_end) && after(n, talk) < end => {
                    (after(n, talk), terms(Some(end), NoticeBasis::Contract, n))
                }
                _ => expire,
            }
        }
    };
    let last_day = last_day.max(today);
    let long = t.long_tenure && !t.abuse;
    ExitDates {
        review_contract: today,
        plan_talk,
        talk,
        notice: talk,
        confirm_end: add_workdays(talk, 2).min(last_day).max(talk),
        last_day,
        final_invoice: last_day,
        invoice_follow_up: last_day.plus_days(INVOICE_TERM_DAYS + 1).next_workday(),
        revoke_access: last_day.plus_days(1).next_workday(),
        handover_help_until: long.then(|| last_day.plus_days(HANDOVER_HELP_DAYS)),
        terms,
    }
}

fn terms(contract_end: Option<Day>, basis: NoticeBasis, notice_days: u16) -> Terms {
    Terms { contract_end, basis, notice_days, early_end_unknown: false }
}

/// The rungs of the money ladder, from the day work stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LadderDates {
    pub reminder: Day,
    pub formal_demand: Day,
    pub court: Day,
}

pub fn ladder_dates(today: Day) -> LadderDates {
    let formal_demand = today.plus_days(LADDER_STEP_DAYS).next_workday();
    LadderDates {
        reminder: today,
        formal_demand,
        court: formal_demand.plus_days(COURT_AFTER_DEMAND_DAYS).next_workday(),
    }
}

/// The days of a repair plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RepairDates {
    /// Prepare, and stop work on unpaid invoices: today.
    pub today: Day,
    /// The repair conversation: within two working days.
    pub talk: Day,
    /// The first weekly check-in: a week after the talk (so a working day too).
    pub first_check_in: Day,
    /// Send the new agreement: a week from today, moved to a working day.
    pub new_agreement: Day,
    /// The deadline for a signature, where the contract is the condition: a week after
    /// the agreement is sent.
    pub sign_deadline: Day,
    /// Judge the success criteria: [`REVIEW_DAYS`] from today.
    pub review: Day,
}

/// Works out the repair plan's days.
pub fn repair_dates(today: Day) -> RepairDates {
    let talk = add_workdays(today, 2);
    let new_agreement = today.plus_days(NEW_AGREEMENT_DAYS).next_workday();
    RepairDates {
        today,
        talk,
        first_check_in: talk.plus_days(CHECK_IN_EVERY_DAYS),
        new_agreement,
        sign_deadline: new_agreement.plus_days(7).next_workday(),
        review: today.plus_days(REVIEW_DAYS),
    }
}

/// The days of a watch plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WatchDates {
    pub observe: Day,
    /// The one honest conversation: within a working week.
    pub conversation: Day,
    pub recheck: Day,
}

pub fn watch_dates(today: Day) -> WatchDates {
    WatchDates { observe: today, conversation: add_workdays(today, 5), recheck: today.plus_days(WATCH_DAYS) }
}

/// The next check-up when no action is needed.
pub fn recheck_date(today: Day) -> Day {
    today.plus_days(RECHECK_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse_iso(s).expect("test date")
    }

    fn terms(today: &str, contract: ContractTerms) -> ExitTerms {
        ExitTerms { today: day(today), contract, prefer_contract_end: false, abuse: false, long_tenure: false }
    }

    #[test]
    fn workdays_skip_weekends() {
        // 2026-11-20 is a Friday.
        assert_eq!(add_workdays(day("2026-11-20"), 0), day("2026-11-20"));
        assert_eq!(add_workdays(day("2026-11-20"), 1), day("2026-11-23"));
        assert_eq!(add_workdays(day("2026-11-21"), 1), day("2026-11-23"));
        assert_eq!(add_workdays(day("2026-11-23"), 3), day("2026-11-26"));
        assert_eq!(add_workdays(day("2026-11-20"), 3), day("2026-11-25"));
        assert_eq!(add_workdays(day("2200-12-31"), 5), day("2200-12-31"));
    }

    #[test]
    fn exit_timeline_with_known_notice() {
        let d = exit_dates(&terms("2026-11-23", ContractTerms::Notice(14)));
        assert_eq!(d.plan_talk, day("2026-11-24"));
        assert_eq!(d.talk, day("2026-11-26"));
        assert_eq!(d.notice, d.talk);
        assert_eq!(d.last_day, day("2026-12-10"));
        assert_eq!(d.final_invoice, d.last_day);
        assert_eq!(d.invoice_follow_up, day("2026-12-25"));
        assert_eq!(d.revoke_access, day("2026-12-11"));
        assert_eq!(d.handover_help_until, None);
        assert_eq!(d.terms.basis, NoticeBasis::Contract);
    }

    #[test]
    fn unknown_notice_is_common_not_contractual() {
        let d = exit_dates(&terms("2026-11-23", ContractTerms::Unknown));
        assert_eq!((d.terms.basis, d.terms.notice_days), (NoticeBasis::Common, 14));
        let d = exit_dates(&terms("2026-11-23", ContractTerms::None));
        assert_eq!((d.terms.basis, d.terms.contract_end), (NoticeBasis::Own, None));
    }

    #[test]
    fn abuse_is_sooner_and_shorter() {
        let t = ExitTerms { abuse: true, long_tenure: true, ..terms("2026-11-23", ContractTerms::None) };
        let d = exit_dates(&t);
        assert_eq!(d.plan_talk, day("2026-11-23"));
        assert_eq!(d.talk, day("2026-11-24"));
        assert_eq!(d.last_day, day("2026-12-01"));
        assert_eq!(d.handover_help_until, None);
    }

    #[test]
    fn a_fixed_term_is_never_worked_past() {
        let end = day("2026-12-01");
        // The early notice would end after the contract: the contract's end wins.
        let d = exit_dates(&terms("2026-11-23", ContractTerms::FixedTerm { end: Some(end), early_notice: Some(14) }));
        assert_eq!(d.last_day, end);
        assert_eq!(d.terms.basis, NoticeBasis::ContractEnd);
        // No early-termination clause known: let it run out.
        let far = day("2027-01-31");
        let d = exit_dates(&terms("2026-11-23", ContractTerms::FixedTerm { end: Some(far), early_notice: None }));
        assert_eq!(d.last_day, far);
        assert!(d.terms.early_end_unknown);
        // A known early notice ends sooner, unless the visitor prefers the contract's end.
        let early = ContractTerms::FixedTerm { end: Some(far), early_notice: Some(14) };
        assert_eq!(exit_dates(&terms("2026-11-23", early)).last_day, day("2026-12-10"));
        let prefer = ExitTerms { prefer_contract_end: true, ..terms("2026-11-23", early) };
        assert_eq!(exit_dates(&prefer).last_day, far);
        // A contract ending tomorrow: the talk is not after it.
        let d = exit_dates(&terms(
            "2026-11-23",
            ContractTerms::FixedTerm { end: Some(day("2026-11-24")), early_notice: None },
        ));
        assert_eq!((d.talk, d.last_day), (day("2026-11-24"), day("2026-11-24")));
        assert!(d.plan_talk <= d.talk && d.confirm_end <= d.last_day);
    }

    #[test]
    fn repair_and_watch_timelines() {
        let d = repair_dates(day("2026-11-20"));
        assert_eq!(d.talk, day("2026-11-24"));
        assert_eq!(d.first_check_in, day("2026-12-01"));
        assert_eq!(d.new_agreement, day("2026-11-27"));
        assert_eq!(d.review, day("2026-12-20"));
        // Saturday: the agreement date moves to Monday.
        assert_eq!(repair_dates(day("2026-11-21")).new_agreement, day("2026-11-30"));
        let w = watch_dates(day("2026-11-20"));
        assert_eq!((w.conversation, w.recheck), (day("2026-11-27"), day("2026-12-18")));
        let l = ladder_dates(day("2026-11-20"));
        assert_eq!((l.formal_demand, l.court), (day("2026-12-04"), day("2027-01-04")));
    }
}
