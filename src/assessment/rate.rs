//! What a client really pays per hour, counting every hour the client takes: the billed
//! work and the unbilled part people forget (calls and meetings, messages and email,
//! revisions beyond the agreed scope, waiting and chasing payment). Optional: a visitor
//! who skips it gets the same assessment as before.
//!
//! All arithmetic is in whole hundredths of the currency and tenths of an hour, so the
//! same inputs give the same figures everywhere.

use serde::{Deserialize, Serialize};

/// The most hours of one kind we accept for one period, in tenths (10 000 hours).
pub const MAX_TENTHS: u32 = 100_000;
/// The longest project, in weeks (ten years).
pub const MAX_WEEKS: u16 = 520;
/// The largest pay or rate accepted, in hundredths (a little under one billion).
pub const MAX_CENTS: u64 = 99_999_999_999;
/// Days in an average month (365.25 / 12), for a project's pay and hours per month.
const DAYS_PER_MONTH: f64 = 30.4375;

crate::ids::id_enum! {
    /// What the pay covers: one month, or one whole project.
    #[derive(Default)]
    pub enum PayBasis {
        #[default]
        Month = "month",
        Project = "project",
    }
}

crate::ids::id_enum! {
    /// The hours a client takes, by kind: the billed work, then the unbilled kinds.
    pub enum HourKind {
        Billed = "billed",
        Calls = "calls",
        Messages = "messages",
        Revisions = "revisions",
        Chasing = "chasing",
    }
}

/// What the visitor typed. Every field is optional; [`RateInputs::rate`] says whether
/// there is enough to work with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RateInputs {
    pub basis: PayBasis,
    /// What the client pays for the period, in hundredths.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_cents: Option<u64>,
    /// How long the project runs, in weeks (project basis only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weeks: Option<u16>,
    /// Hours in the same period, by kind ([`HourKind::ALL`] order), in tenths of an hour.
    pub hours: [Option<u32>; 5],
    /// The visitor's usual or target rate per hour, in hundredths.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usual_cents: Option<u64>,
}

/// The figures a rate gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    /// Pay per hour actually spent, in hundredths.
    pub effective_cents: u64,
    /// All hours of the period, and the unbilled ones, in tenths.
    pub total_tenths: u32,
    pub unbilled_tenths: u32,
    /// How much of the effective rate the unbilled hours eat: the pay per billed hour minus
    /// the pay per hour, in hundredths (0 when no billed hours were given).
    pub lost_per_hour_cents: u64,
    /// The usual rate, when given.
    pub usual_cents: Option<u64>,
    /// Effective ÷ usual, in thousandths (1000 = the usual rate).
    pub ratio_permille: Option<u32>,
    /// The hours per month this client takes, in tenths.
    pub monthly_tenths: u32,
    /// The pay that would reach the usual rate for the same hours, for the period.
    pub fair_pay_cents: Option<u64>,
    /// What the client's hours are worth per month at the usual rate.
    pub monthly_value_cents: Option<u64>,
}

impl Rate {
    /// The effective rate as a whole percentage of the usual one, rounded to the nearest
    /// (51.1 % reads 51 %) and at most 9,999 % (a usual rate typed as a cent), when a
    /// usual rate was given.
    pub fn percent_of_usual(&self) -> Option<u64> {
        self.ratio_permille.map(|p| ((u64::from(p) + 5) / 10).min(9_999))
    }
}

impl RateInputs {
    /// The inputs with every number in range (an out-of-range one is dropped, as if not
    /// typed): what stored or imported state is read through. Inputs with nothing in them
    /// are the default ones, whatever the basis said.
    pub fn sanitized(self) -> RateInputs {
        let s = RateInputs {
            pay_cents: self.pay_cents.filter(|c| *c <= MAX_CENTS),
            weeks: self.weeks.filter(|w| (1..=MAX_WEEKS).contains(w)),
            hours: self.hours.map(|h| h.filter(|t| *t <= MAX_TENTHS)),
            usual_cents: self.usual_cents.filter(|c| *c <= MAX_CENTS),
            ..self
        };
        if s.is_empty() {
            RateInputs::default()
        } else {
            s
        }
    }

    /// Whether the visitor started on the rate at all.
    pub fn is_empty(&self) -> bool {
        *self == RateInputs { basis: self.basis, ..RateInputs::default() }
    }

    pub fn hours_of(&self, kind: HourKind) -> u32 {
        self.hours[kind as usize].unwrap_or(0)
    }

    /// The figures, or `None` without a pay, any hours, or (per project) the project's
    /// length.
    pub fn rate(&self) -> Option<Rate> {
        let s = self.clone().sanitized();
        let pay = s.pay_cents.filter(|p| *p > 0)?;
        let total: u32 = HourKind::ALL.iter().map(|k| s.hours_of(*k)).sum();
        if total == 0 {
            return None;
        }
        let billed = s.hours_of(HourKind::Billed);
        let unbilled = total - billed;
        let months = match s.basis {
            PayBasis::Month => 1.0,
            PayBasis::Project => f64::from(s.weeks?) * 7.0 / DAYS_PER_MONTH,
        };
        // Rounded to the nearest hundredth, as a person would on a calculator.
        let per_hour = |tenths: u32| {
            let tenths = u128::from(tenths.max(1));
            ((u128::from(pay) * 20 + tenths) / (2 * tenths)).min(u128::from(u64::MAX)) as u64
        };
        let effective = per_hour(total);
        let lost = if billed > 0 { per_hour(billed).saturating_sub(effective) } else { 0 };
        let usual = s.usual_cents.filter(|u| *u > 0);
        let monthly_tenths = (f64::from(total) / months).round() as u32;
        Some(Rate {
            effective_cents: effective,
            total_tenths: total,
            unbilled_tenths: unbilled,
            lost_per_hour_cents: lost,
            usual_cents: usual,
            ratio_permille: usual
                .map(|u| (u128::from(effective) * 1000 / u128::from(u)).min(u128::from(u32::MAX)) as u32),
            monthly_tenths,
            fair_pay_cents: usual.map(|u| (u128::from(u) * u128::from(total) / 10).min(u128::from(u64::MAX)) as u64),
            monthly_value_cents: usual
                .map(|u| (u128::from(u) * u128::from(monthly_tenths) / 10).min(u128::from(u64::MAX)) as u64),
        })
    }

    /// The unbilled kinds by how many hours they take, most first (kinds with none left
    /// out): which to bill or cap first.
    pub fn unbilled_by_size(&self) -> Vec<(HourKind, u32)> {
        let mut kinds: Vec<(HourKind, u32)> =
            HourKind::ALL[1..].iter().map(|k| (*k, self.hours_of(*k))).filter(|(_, h)| *h > 0).collect();
        kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
        kinds
    }
}

/// Hours as people type them: `3`, `2.5`, `2,5`, ` 12 ` — in tenths, rounded; `None` for
/// anything else or more than [`MAX_TENTHS`].
pub fn parse_hours(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || t.len() > 9 {
        return None;
    }
    let (whole, frac) = match t.find(['.', ',']) {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => (t, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(frac) || (whole.is_empty() && frac.is_empty()) {
        return None;
    }
    let whole: u32 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    // Tenths, with the hundredths rounding half up: "2.25" → 23 tenths.
    let frac2: u32 = format!("{frac:0<2}").get(..2)?.parse().ok()?;
    let tenths = whole.checked_mul(10)?.checked_add((frac2 + 5) / 10)?;
    (tenths <= MAX_TENTHS).then_some(tenths)
}

/// Tenths of an hour as people read them: `12`, `2.5` (with the language's decimal mark).
pub fn hours_text(tenths: u32, decimal: &str) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}{decimal}{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(pay: u64, hours: [u32; 5], usual: Option<u64>) -> RateInputs {
        RateInputs { pay_cents: Some(pay), hours: hours.map(Some), usual_cents: usual, ..RateInputs::default() }
    }

    #[test]
    fn figures_round_to_the_nearest_as_people_do() {
        // 1 800 over 64 hours is 28.125 an hour: 28.13, and 51.1 % of a usual 55 reads 51 %.
        let r = inputs(180_000, [400, 120, 40, 80, 0], Some(5_500)).rate().unwrap();
        assert_eq!(r.effective_cents, 2_813);
        assert_eq!(r.percent_of_usual(), Some(51));
        // 45.00 per billed hour less the 28.13: what the unbilled hours take off each one.
        assert_eq!(r.lost_per_hour_cents, 1_687);
        // A usual rate typed as one cent: the share is capped, not absurd.
        let r = inputs(180_000, [400, 0, 0, 0, 0], Some(1)).rate().unwrap();
        assert_eq!(r.percent_of_usual(), Some(9_999));
    }

    #[test]
    fn the_effective_rate_counts_every_hour() {
        // 2 000 a month for 40 billed hours and 40 unbilled: 25 an hour, not 50.
        let r = inputs(200_000, [400, 200, 100, 50, 50], Some(5_000)).rate().unwrap();
        assert_eq!(r.effective_cents, 2_500);
        assert_eq!((r.total_tenths, r.unbilled_tenths), (800, 400));
        assert_eq!(r.lost_per_hour_cents, 2_500, "50 per billed hour, 25 per hour spent");
        assert_eq!(r.ratio_permille, Some(500));
        assert_eq!(r.fair_pay_cents, Some(400_000), "80 hours at the usual 50");
        assert_eq!(r.monthly_value_cents, Some(400_000));
    }

    #[test]
    fn a_project_is_spread_over_its_weeks() {
        let mut i = inputs(300_000, [600, 0, 0, 0, 0], Some(5_000));
        i.basis = PayBasis::Project;
        assert_eq!(i.rate(), None, "a project needs its length");
        i.weeks = Some(13); // about three months
        let r = i.rate().unwrap();
        assert_eq!(r.effective_cents, 5_000);
        assert_eq!(r.monthly_tenths, 201, "60 hours over 13 weeks (2.99 months): 20.1 a month");
    }

    #[test]
    fn not_enough_to_work_with() {
        assert_eq!(RateInputs::default().rate(), None);
        assert_eq!(inputs(0, [10, 0, 0, 0, 0], None).rate(), None);
        assert_eq!(inputs(100, [0, 0, 0, 0, 0], None).rate(), None);
        let r = inputs(100_000, [0, 100, 0, 0, 0], None).rate().unwrap();
        assert_eq!((r.ratio_permille, r.lost_per_hour_cents), (None, 0), "no usual rate, no billed hours");
    }

    #[test]
    fn huge_numbers_stay_in_range() {
        let r = inputs(MAX_CENTS, [1, 0, 0, 0, 0], Some(1)).rate().unwrap();
        assert_eq!(r.effective_cents, MAX_CENTS * 10);
        assert_eq!(r.ratio_permille, Some(u32::MAX));
        let r = inputs(1, [MAX_TENTHS; 5], Some(MAX_CENTS)).rate().unwrap();
        assert_eq!(r.effective_cents, 0);
        assert!(inputs(MAX_CENTS + 1, [10, 0, 0, 0, 0], None).rate().is_none(), "out of range is dropped");
    }

    #[test]
    fn hours_as_typed() {
        for (text, tenths) in
            [("3", 30), ("2.5", 25), ("2,5", 25), (" 12 ", 120), ("0,25", 3), (".5", 5), ("10000", 100_000)]
        {
            assert_eq!(parse_hours(text), Some(tenths), "{text}");
        }
        for bad in ["", "-1", "1.2.3", "abc", "10001", "1e3", ",", "99999999999"] {
            assert_eq!(parse_hours(bad), None, "{bad}");
        }
        assert_eq!(hours_text(25, ","), "2,5");
        assert_eq!(hours_text(120, "."), "12");
    }

    #[test]
    fn the_biggest_unbilled_kind_comes_first() {
        let i = inputs(1, [100, 20, 50, 0, 5], None);
        assert_eq!(i.unbilled_by_size(), [(HourKind::Messages, 50), (HourKind::Calls, 20), (HourKind::Chasing, 5)]);
    }
}
