//! Calendar days for the plan. All-day dates only: no clock, no time zone, no DST.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Duration, Month};

/// A calendar day, written `YYYY-MM-DD` in stored state and in ISO renderings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(Date);

/// The range of years the widget accepts from outside (typed, stored, from the browser).
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2200;

impl Day {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        if !YEARS.contains(&year) {
            return None;
        }
        let month = Month::try_from(month).ok()?;
        Date::from_calendar_date(year, month, day).ok().map(Day)
    }

    /// Parses exactly `YYYY-MM-DD` (what `<input type="date">` gives), nothing looser.
    pub fn parse_iso(text: &str) -> Option<Day> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = &text[r];
            s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok()).flatten()
        };
        let year = i32::try_from(num(0..4)?).ok()?;
        Day::new(year, u8::try_from(num(5..7)?).ok()?, u8::try_from(num(8..10)?).ok()?)
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }

    /// `YYYYMMDD`, as iCalendar writes an all-day date.
    pub fn basic(self) -> String {
        format!("{:04}{:02}{:02}", self.year(), self.month(), self.day())
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// 1..=12
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// 0 = Monday .. 6 = Sunday
    pub fn weekday(self) -> u8 {
        self.0.weekday().number_days_from_monday()
    }

    /// The day `n` days later (or earlier, for negative `n`), clamped to the accepted years.
    pub fn plus_days(self, n: i64) -> Day {
        let max = Date::from_calendar_date(*YEARS.end(), Month::December, 31).expect("valid");
        let min = Date::from_calendar_date(*YEARS.start(), Month::January, 1).expect("valid");
        let d = self.0.checked_add(Duration::days(n)).unwrap_or(if n < 0 { min } else { max });
        Day(d.clamp(min, max))
    }

    /// Days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Day) -> i64 {
        (later.0 - self.0).whole_days()
    }

    /// The next Monday to Friday on or after this day.
    pub fn next_workday(self) -> Day {
        match self.weekday() {
            5 => self.plus_days(2),
            6 => self.plus_days(1),
            _ => self,
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Day::parse_iso(&s).ok_or_else(|| serde::de::Error::custom("date must be YYYY-MM-DD"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_strict_iso() {
        assert_eq!(Day::parse_iso("2024-02-29").map(Day::iso).as_deref(), Some("2024-02-29"));
        for bad in ["2023-02-29", "2024-2-29", "2024-13-01", "20240229", "", "2024-02-3x", "+024-02-01", "1800-01-01"] {
            assert_eq!(Day::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn adds_across_month_year_and_leap_day() {
        let d = Day::parse_iso("2024-02-28").unwrap();
        assert_eq!(d.plus_days(1).iso(), "2024-02-29");
        assert_eq!(d.plus_days(2).iso(), "2024-03-01");
        assert_eq!(Day::parse_iso("2023-12-31").unwrap().plus_days(1).iso(), "2024-01-01");
        assert_eq!(Day::parse_iso("2025-01-31").unwrap().plus_days(30).iso(), "2025-03-02");
        assert_eq!(d.days_until(Day::parse_iso("2024-03-01").unwrap()), 2);
        assert_eq!(Day::parse_iso("2200-12-30").unwrap().plus_days(1_000_000).iso(), "2200-12-31");
    }

    #[test]
    fn next_workday_skips_weekends() {
        // 2026-11-21 is a Saturday.
        let sat = Day::parse_iso("2026-11-21").unwrap();
        assert_eq!(sat.weekday(), 5);
        assert_eq!(sat.next_workday().iso(), "2026-11-23");
        assert_eq!(sat.plus_days(1).next_workday().iso(), "2026-11-23");
        assert_eq!(sat.plus_days(3).next_workday(), sat.plus_days(3));
    }
}
