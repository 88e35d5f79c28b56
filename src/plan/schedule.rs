//! The plan's calendar: which day each step falls on. Whole days only (see [`Day`]), so
//! month ends, leap days and year ends are the date library's job and DST never enters.

use crate::dates::Day;

/// Days from today to the repair plan's review.
pub const REVIEW_DAYS: i64 = 30;
/// Days from today to the next check-up when no action is needed.
pub const RECHECK_DAYS: i64 = 90;
/// Days of handover help offered after the last day of a long collaboration.
pub const HANDOVER_HELP_DAYS: i64 = 7;
/// Days from today by which a repair plan sends the new agreement.
pub const NEW_AGREEMENT_DAYS: i64 = 7;
/// Days between weekly check-ins.
pub const CHECK_IN_EVERY_DAYS: i64 = 7;

/// The `n`-th working day (Monday to Friday) after `day`; `day` itself when `n` is 0.
pub fn add_workdays(day: Day, n: u32) -> Day {
    (0..n).fold(day, |d, _| d.plus_days(1).next_workday())
}

/// What the exit dates depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitTerms {
    pub today: Day,
    pub notice_days: u16,
    pub contract_end: Option<Day>,
    /// End at the contract's end when that is later than the notice end.
    pub prefer_contract_end: bool,
    /// Abuse drove the verdict: the talk comes sooner and the contract end never delays
    /// the last day.
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
    /// Tell the client: the third working day (the next one, with abuse).
    pub talk: Day,
    /// The written notice goes out the same day as the talk.
    pub notice: Day,
    /// The talk plus the notice period.
    pub notice_end: Day,
    /// The notice end, or the later contract end where preferred; never before today.
    pub last_day: Day,
    /// The final invoice goes out on the last day.
    pub final_invoice: Day,
    /// The end of the handover help offered after a long collaboration.
    pub handover_help_until: Option<Day>,
}

/// Works out the exit plan's days.
pub fn exit_dates(terms: &ExitTerms) -> ExitDates {
    let today = terms.today;
    let (plan_talk, talk) =
        if terms.abuse { (today, add_workdays(today, 1)) } else { (add_workdays(today, 1), add_workdays(today, 3)) };
    let notice_end = talk.plus_days(i64::from(terms.notice_days));
    let contract_end = terms.contract_end.filter(|_| terms.prefer_contract_end && !terms.abuse);
    let last_day = contract_end.map_or(notice_end, |end| end.max(notice_end)).max(today);
    let long = terms.long_tenure && !terms.abuse;
    ExitDates {
        review_contract: today,
        plan_talk,
        talk,
        notice: talk,
        notice_end,
        last_day,
        final_invoice: last_day,
        handover_help_until: long.then(|| last_day.plus_days(HANDOVER_HELP_DAYS)),
    }
}

/// The days of a repair plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RepairDates {
    /// Reflect and prepare, and stop work on unpaid invoices: today.
    pub today: Day,
    /// The repair conversation, where the check-in and new terms are proposed: within
    /// two working days.
    pub talk: Day,
    /// The first weekly check-in: a week after the talk (so a working day too).
    pub first_check_in: Day,
    /// Send the new agreement: a week from today, moved to a working day.
    pub new_agreement: Day,
    /// Look again: [`REVIEW_DAYS`] from today.
    pub review: Day,
}

/// Works out the repair plan's days.
pub fn repair_dates(today: Day) -> RepairDates {
    let talk = add_workdays(today, 2);
    RepairDates {
        today,
        talk,
        first_check_in: talk.plus_days(CHECK_IN_EVERY_DAYS),
        new_agreement: today.plus_days(NEW_AGREEMENT_DAYS).next_workday(),
        review: today.plus_days(REVIEW_DAYS),
    }
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

    fn terms(today: &str) -> ExitTerms {
        ExitTerms {
            today: day(today),
            notice_days: 14,
            contract_end: None,
            prefer_contract_end: false,
            abuse: false,
            long_tenure: false,
        }
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
    fn exit_timeline() {
        let d = exit_dates(&terms("2026-11-23"));
        assert_eq!(d.plan_talk, day("2026-11-24"));
        assert_eq!(d.talk, day("2026-11-26"));
        assert_eq!(d.notice, d.talk);
        assert_eq!(d.last_day, day("2026-12-10"));
        assert_eq!(d.final_invoice, d.last_day);
        assert_eq!(d.handover_help_until, None);
    }

    #[test]
    fn abuse_is_sooner_and_ignores_contract_end() {
        let t = ExitTerms {
            abuse: true,
            long_tenure: true,
            contract_end: Some(day("2027-06-30")),
            prefer_contract_end: true,
            ..terms("2026-11-23")
        };
        let d = exit_dates(&t);
        assert_eq!(d.plan_talk, day("2026-11-23"));
        assert_eq!(d.talk, day("2026-11-24"));
        assert_eq!(d.last_day, day("2026-12-08"));
        assert_eq!(d.handover_help_until, None);
    }

    #[test]
    fn contract_end_only_when_preferred_and_later() {
        let later = ExitTerms { contract_end: Some(day("2027-01-31")), ..terms("2026-11-23") };
        assert_eq!(exit_dates(&later).last_day, day("2026-12-10"));
        let preferred = ExitTerms { prefer_contract_end: true, ..later };
        assert_eq!(exit_dates(&preferred).last_day, day("2027-01-31"));
        let earlier = ExitTerms { contract_end: Some(day("2026-12-01")), ..preferred };
        assert_eq!(exit_dates(&earlier).last_day, day("2026-12-10"));
    }

    #[test]
    fn repair_timeline() {
        let d = repair_dates(day("2026-11-20"));
        assert_eq!(d.talk, day("2026-11-24"));
        assert_eq!(d.first_check_in, day("2026-12-01"));
        assert_eq!(d.new_agreement, day("2026-11-27"));
        assert_eq!(d.review, day("2026-12-20"));
        // Saturday: the agreement date moves to Monday.
        assert_eq!(repair_dates(day("2026-11-21")).new_agreement, day("2026-11-30"));
    }
}
