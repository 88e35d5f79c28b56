//! The written notice: a plain-text letter the visitor adapts and sends on the day of
//! the talk. It lists the remaining deliverables and their deadline, what is owed, the
//! last day, the handover, thanks and referrals; where abuse drove the verdict it stays
//! brief and factual, and it never apologises for leaving.

use super::context::Ctx;
use super::schedule::ExitDates;

/// The notice draft: paragraphs separated by blank lines, one sentence after another
/// inside a paragraph, deliverables one per line.
pub(super) fn notice(cx: &Ctx, d: &ExitDates) -> String {
    let abuse = cx.abuse();
    let greeting_name = if cx.inputs.nickname.is_empty() {
        cx.text("plan.letter.client_placeholder", &[])
    } else {
        cx.inputs.nickname.clone()
    };
    let mut paragraphs = vec![
        cx.text("plan.letter.subject", &[]),
        cx.text("plan.letter.greeting", &[("name", &greeting_name)]),
        [cx.text("plan.letter.opening", &[]), last_day_sentence(cx, d)].join(" "),
    ];
    paragraphs.extend(open_work(cx, d));
    paragraphs.push(money(cx, d));
    let mut handover = vec![cx.text("plan.letter.handover", &[])];
    if !abuse {
        handover.push(cx.text("plan.letter.referrals", &[]));
    }
    if let Some(until) = d.handover_help_until {
        handover.push(cx.text("plan.letter.extra_help", &[("date", &cx.date(until))]));
    }
    paragraphs.push(handover.join(" "));
    paragraphs.push(cx.text(if abuse { "plan.letter.thanks_brief" } else { "plan.letter.thanks" }, &[]));
    paragraphs.push([cx.text("plan.letter.closing", &[]), cx.text("plan.letter.signature", &[])].join("\n"));
    paragraphs.join("\n\n")
}

/// The last day, and what sets it: the contract's end where that was chosen, else the
/// notice period (citing the contract where one is signed).
fn last_day_sentence(cx: &Ctx, d: &ExitDates) -> String {
    let date = cx.date(d.last_day);
    if d.last_day > d.notice_end && cx.contract_end() == Some(d.last_day) {
        return cx.text("plan.letter.until_contract_end", &[("date", &date)]);
    }
    let key = if cx.signed_contract() { "plan.letter.notice_contract" } else { "plan.letter.notice" };
    cx.plural(key, u64::from(cx.notice_days()), &[("date", &date)])
}

fn open_work(cx: &Ctx, d: &ExitDates) -> Option<String> {
    let date = cx.date(d.last_day);
    if !cx.inputs.open_deliverables.is_empty() {
        let mut lines = vec![cx.text("plan.letter.deliverables", &[("date", &date)])];
        lines.extend(
            cx.inputs.open_deliverables.iter().map(|item| cx.text("plan.letter.deliverable", &[("item", item)])),
        );
        Some(lines.join("\n"))
    } else if cx.open_work() {
        Some(cx.text("plan.letter.open_work", &[("date", &date)]))
    } else {
        None
    }
}

fn money(cx: &Ctx, d: &ExitDates) -> String {
    let date = cx.date(d.final_invoice);
    let owed = match cx.money() {
        Some(amount) => Some(cx.text("plan.letter.amount", &[("amount", &amount)])),
        None if cx.unpaid() => Some(cx.text("plan.letter.unpaid", &[])),
        None => None,
    };
    let invoice = cx.text("plan.letter.final_invoice", &[("date", &date)]);
    owed.into_iter().chain([invoice]).collect::<Vec<_>>().join(" ")
}
