//! Saved clients: every finished check kept as a dated snapshot, only in this browser, so
//! the visitor can come back, check a client again, see the trend and compare clients.
//!
//! Pure data and rules: how checks are recorded (a session's check is updated, not
//! duplicated), pruned (at most [`MAX_CLIENTS`] clients and [`MAX_CHECKS`] checks each,
//! the oldest checks going first), compared (trend), judged (a repair plan's date to judge
//! it), exported and imported (merged, never silently overwriting). The ids come from
//! outside (the browser's randomness), so everything here is deterministic.

use serde::{Deserialize, Serialize};

use crate::assessment::{Answers, Assessment, Prior, SignalId, Verdict};
use crate::dates::Day;
use crate::plan::inputs::currency_code;
use crate::plan::schedule::{recheck_date, REVIEW_DAYS, WATCH_DAYS};
use crate::text::{bounded_line, MAX_NICKNAME};

/// The most clients kept.
pub const MAX_CLIENTS: usize = 30;
/// The most checks kept per client (a year of monthly re-checks).
pub const MAX_CHECKS: usize = 12;
/// The export file's format name and version.
pub const EXPORT_FORMAT: &str = "client-checkup-history";
pub const EXPORT_VERSION: u32 = 1;
/// An import file larger than this is not ours.
pub const MAX_IMPORT_BYTES: usize = 4 << 20;
/// A score difference smaller than this is "the same" in a trend.
pub const SAME_WITHIN: u8 = 5;

/// Every saved client.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    pub clients: Vec<Client>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Client {
    /// Random, so that clients from two devices never merge by accident.
    pub id: String,
    pub nickname: String,
    /// Oldest first.
    pub checks: Vec<Check>,
}

/// One finished check, as it was on its day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub id: String,
    pub date: Day,
    pub answers: Answers,
    pub verdict: Verdict,
    pub overall: u8,
    /// Each signal's score, in [`SignalId::ALL`] order.
    pub scores: Vec<Option<u8>>,
    /// When a watch or repair plan is to be judged (the re-check date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judge: Option<Day>,
    /// The currency the rate was given in (empty: the language's default).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub currency: String,
}

impl Check {
    /// The snapshot of an assessment on `date`.
    pub fn new(id: String, date: Day, answers: Answers, a: &Assessment) -> Check {
        Check {
            id,
            date,
            answers,
            verdict: a.verdict,
            overall: a.overall,
            scores: a.scores.iter().map(|s| s.score).collect(),
            judge: judge_date(a.verdict, date),
            currency: String::new(),
        }
    }

    /// The same check, whatever its id.
    fn same_as(&self, other: &Check) -> bool {
        Check { id: String::new(), ..self.clone() } == Check { id: String::new(), ..other.clone() }
    }

    /// A signal's score on this check.
    pub fn score(&self, signal: SignalId) -> Option<u8> {
        let i = SignalId::ALL.iter().position(|s| *s == signal)?;
        self.scores.get(i).copied().flatten()
    }
}

/// When the plan a verdict makes is to be judged: the repair plan's review, the watch
/// plan's re-check, the keep verdict's light re-check; never for an exit.
pub fn judge_date(verdict: Verdict, date: Day) -> Option<Day> {
    match verdict {
        Verdict::Keep => Some(recheck_date(date)),
        Verdict::Watch => Some(date.plus_days(WATCH_DAYS)),
        Verdict::Repair => Some(date.plus_days(REVIEW_DAYS)),
        Verdict::Exit => None,
    }
}

impl Client {
    pub fn latest(&self) -> Option<&Check> {
        self.checks.last()
    }

    /// What a re-check on `today` needs to know about this client's last check.
    pub fn prior(&self, today: Day) -> Option<Prior> {
        let last = self.latest()?;
        Some(Prior { verdict: last.verdict, overall: last.overall, judged: last.judge.is_some_and(|j| today >= j) })
    }

    /// The overall score over every check, oldest first, with `now` (this check's day and
    /// score) standing for the check `current` — added when it is not saved yet.
    pub fn series(&self, current: Option<&str>, now: (Day, u8)) -> Vec<(Day, u8)> {
        let mut points: Vec<(Day, u8)> = self
            .checks
            .iter()
            .map(|k| if current == Some(k.id.as_str()) { (k.date, now.1) } else { (k.date, k.overall) })
            .collect();
        if !current.is_some_and(|id| self.checks.iter().any(|k| k.id == id)) {
            points.push(now);
        }
        sort_small(&mut points, |p| p.0);
        points
    }

    /// The check before `check_id` (or the latest, when `check_id` is not one of them).
    pub fn before(&self, check_id: Option<&str>) -> Option<&Check> {
        match check_id.and_then(|id| self.checks.iter().position(|c| c.id == id)) {
            Some(0) => None,
            Some(i) => self.checks.get(i - 1),
            None => self.latest(),
        }
    }
}

/// What recording a check did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    pub client: String,
    /// Checks removed to stay within the limits.
    pub pruned: usize,
}

impl History {
    pub fn client(&self, id: &str) -> Option<&Client> {
        self.clients.iter().find(|c| c.id == id)
    }

    pub fn is_empty(&self) -> bool {
        self.clients.is_empty()
    }

    /// Records a check for `client` (a new client with `new_client_id` when there is none
    /// or it is gone): a check with the same id is replaced (the visitor went back and
    /// finished again), otherwise added. The nickname given wins when it is not empty.
    pub fn record(&mut self, client: Option<&str>, new_client_id: &str, nickname: &str, check: Check) -> Recorded {
        let nickname = bounded_line(nickname, MAX_NICKNAME);
        let index = match client.and_then(|id| self.clients.iter().position(|c| c.id == id)) {
            Some(i) => i,
            None => {
                self.clients.push(Client { id: new_client_id.to_owned(), nickname: String::new(), checks: Vec::new() });
                self.clients.len() - 1
            }
        };
        let c = &mut self.clients[index];
        if !nickname.is_empty() {
            c.nickname = nickname;
        }
        match c.checks.iter().position(|k| k.id == check.id) {
            Some(i) => c.checks[i] = check,
            None => c.checks.push(check),
        }
        sort_small(&mut c.checks, |k| k.date);
        let client = c.id.clone();
        Recorded { client, pruned: self.prune() }
    }

    /// Keeps within the limits, the oldest checks going first; returns how many went.
    pub fn prune(&mut self) -> usize {
        let mut pruned = 0;
        for c in &mut self.clients {
            let extra = c.checks.len().saturating_sub(MAX_CHECKS);
            c.checks.drain(..extra);
            pruned += extra;
        }
        self.clients.retain(|c| !c.checks.is_empty());
        while self.clients.len() > MAX_CLIENTS {
            // The client whose last check is the oldest goes.
            let (i, _) = self
                .clients
                .iter()
                .enumerate()
                .min_by_key(|(_, c)| c.latest().map(|k| k.date))
                .expect("more clients than the limit");
            pruned += self.clients.remove(i).checks.len();
        }
        pruned
    }

    pub fn delete_check(&mut self, client: &str, check: &str) {
        if let Some(c) = self.clients.iter_mut().find(|c| c.id == client) {
            c.checks.retain(|k| k.id != check);
        }
        self.clients.retain(|c| !c.checks.is_empty());
    }

    pub fn delete_client(&mut self, client: &str) {
        self.clients.retain(|c| c.id != client);
    }

    /// The clients, the one to let go first at the top: worst last verdict, then the
    /// highest overall score.
    pub fn worst_first(&self) -> Vec<&Client> {
        let mut list: Vec<&Client> = self.clients.iter().filter(|c| c.latest().is_some()).collect();
        sort_small(&mut list, |c| c.latest().map(|k| (std::cmp::Reverse(k.verdict), std::cmp::Reverse(k.overall))));
        list
    }

    /// Bounds and cleans a history read from storage or a file: ids kept to what this
    /// widget writes, nicknames bounded, answers sanitized, scores in range, at most the
    /// limits; duplicates (same id) dropped.
    pub fn sanitized(self) -> History {
        let mut clients: Vec<Client> = Vec::new();
        for c in self.clients {
            if !is_id(&c.id) || clients.iter().any(|k| k.id == c.id) {
                continue;
            }
            let mut checks: Vec<Check> = Vec::new();
            for k in c.checks {
                if !is_id(&k.id) || checks.iter().any(|x| x.id == k.id) || k.overall > 100 {
                    continue;
                }
                let mut scores = k.scores;
                scores.resize(SignalId::ALL.len(), None);
                let scores = scores.into_iter().map(|s| s.filter(|v| *v <= 100)).collect();
                let currency = currency_code(&k.currency).unwrap_or_default();
                checks.push(Check { answers: Answers { prior: None, ..k.answers.sanitized() }, scores, currency, ..k });
            }
            sort_small(&mut checks, |k| k.date);
            clients.push(Client { nickname: bounded_line(&c.nickname, MAX_NICKNAME), checks, ..c });
        }
        let mut h = History { clients };
        h.prune();
        h
    }

    /// Adds what another history holds that this one does not, never overwriting: clients
    /// are matched by id, checks by id; a check with a known id but other content is kept
    /// too, under a derived id.
    pub fn merge(&mut self, other: History) -> Merged {
        let mut m = Merged::default();
        for c in other.clients {
            match self.clients.iter_mut().find(|k| k.id == c.id) {
                None => {
                    m.clients += 1;
                    m.checks += c.checks.len();
                    self.clients.push(c);
                }
                Some(mine) => {
                    for k in c.checks {
                        match place(&mine.checks, k) {
                            Ok(k) => {
                                mine.checks.push(k);
                                m.checks += 1;
                            }
                            Err(()) => m.unchanged += 1,
                        }
                    }
                    sort_small(&mut mine.checks, |k| k.date);
                    if mine.nickname.is_empty() {
                        mine.nickname = c.nickname;
                    }
                }
            }
        }
        m.pruned = self.prune();
        m
    }
}

/// Where an imported check goes among `mine`: `Err` when the very same check is there
/// already; else the check, under its own id when that is free, or under the first free
/// id derived from it (`k1`, `k1i`, `k1ii`…) when another check has it. A check is never
/// dropped for its id: ids are at most [`MAX_ID`] long, so there is always one to derive.
fn place(mine: &[Check], mut k: Check) -> Result<Check, ()> {
    let base = k.id.chars().take(MAX_ID / 2).collect::<String>();
    for extra in 0..=MAX_ID - base.len() {
        if extra > 0 {
            k.id = format!("{base}{}", "i".repeat(extra));
        }
        match mine.iter().find(|x| x.id == k.id) {
            None => return Ok(k),
            Some(same) if same.same_as(&k) => return Err(()),
            Some(_) => {}
        }
    }
    Err(())
}

/// What an import added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub clients: usize,
    pub checks: usize,
    /// Checks that were there already.
    pub unchanged: usize,
    pub pruned: usize,
}

/// The longest id kept.
pub const MAX_ID: usize = 32;

/// Ids this widget writes: 1–32 lowercase ASCII letters and digits.
pub fn is_id(id: &str) -> bool {
    (1..=MAX_ID).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

crate::ids::id_enum! {
    /// How a signal moved between two checks.
    pub enum Direction {
        Better = "better",
        Same = "same",
        Worse = "worse",
    }
}

/// One signal's trend: its score before and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignalTrend {
    pub signal: SignalId,
    pub before: Option<u8>,
    pub now: Option<u8>,
    pub direction: Direction,
}

/// A stable sort for the short lists here (a client's dozen checks, thirty clients): an
/// insertion sort, which keeps the order of equal keys like `sort_by_key` and costs the
/// quiz module a few hundred bytes where each `sort_by_key` instance cost kilobytes.
fn sort_small<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Whether a score moved: lower is better; within [`SAME_WITHIN`] it is the same.
pub fn direction(before: u8, now: u8) -> Direction {
    if now + SAME_WITHIN <= before {
        Direction::Better
    } else if before + SAME_WITHIN <= now {
        Direction::Worse
    } else {
        Direction::Same
    }
}

/// Each signal's trend from `before` to the assessment `now`.
pub fn trend(before: &Check, now: &Assessment) -> Vec<SignalTrend> {
    now.scores
        .iter()
        .map(|s| {
            let was = before.score(s.signal);
            let direction = match (was, s.score) {
                (Some(b), Some(n)) => direction(b, n),
                _ => Direction::Same,
            };
            SignalTrend { signal: s.signal, before: was, now: s.score, direction }
        })
        .collect()
}

/// The export file: every saved client, documented and versioned.
#[derive(Serialize, Deserialize)]
struct ExportFile {
    format: String,
    version: u32,
    exported: Day,
    clients: Vec<Client>,
}

/// Every saved client as one JSON file (see the README's "Saved clients").
pub fn export(history: &History, today: Day) -> String {
    let file = ExportFile {
        format: EXPORT_FORMAT.into(),
        version: EXPORT_VERSION,
        exported: today,
        clients: history.clients.clone(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Why a file could not be imported. Nothing changes when it cannot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    /// Not JSON, or not an export of this widget.
    NotOurs,
    /// Made by another version of the widget's export format.
    OtherVersion(u32),
    /// Ours, but broken.
    Corrupt,
}

/// Reads an export file into a history, sanitized.
pub fn import(text: &str) -> Result<History, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    #[derive(Deserialize)]
    struct Probe {
        format: String,
        version: u32,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|_| ImportError::NotOurs)?;
    if probe.format != EXPORT_FORMAT {
        return Err(ImportError::NotOurs);
    }
    if probe.version != EXPORT_VERSION {
        return Err(ImportError::OtherVersion(probe.version));
    }
    let file: ExportFile = serde_json::from_str(text).map_err(|_| ImportError::Corrupt)?;
    Ok(History { clients: file.clients }.sanitized())
}

#[cfg(test)]
mod tests {
    use super::sort_small;

    #[test]
    fn the_small_sort_sorts_and_keeps_the_order_of_equal_keys() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_small(&mut empty, |x| *x);
        assert!(empty.is_empty());
    }
}
