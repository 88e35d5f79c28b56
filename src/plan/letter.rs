//! The written notice: a plain-text letter the visitor adapts and sends on the day of
//! the talk. It is addressed to the name the visitor gave for the letter
//! ([`PlanInputs::addressee`](super::PlanInputs::addressee)), never to the private
//! nickname; without one it opens with the language's neutral greeting. It cites the
//! contract only for a notice the visitor gave, says what is owed and that work and
//! files wait for payment, and asks for the end to be confirmed in writing. After abuse
//! it stays brief: no thanks, no referrals, no offer of extra help.

use super::context::Ctx;
use super::schedule::ExitDates;
use super::NoticeBasis;

crate::ids::id_enum! {
    /// The parts a notice is made of, in order.
    pub enum LetterPart {
        Subject = "subject",
        GreetingNamed = "greeting_named",
        GreetingNeutral = "greeting_neutral",
        Opening = "opening",
        /// "In line with our contract, N days' notice": only for a notice the visitor gave.
        NoticeContract = "notice_contract",
        /// "I am giving N days' notice", citing nothing.
        NoticeOwn = "notice_own",
        /// A fixed term that runs out: "our contract ends on …".
        ContractEnd = "contract_end",
        /// A fixed term that may not allow ending early: open to an earlier date in writing.
        EarlierByAgreement = "earlier_by_agreement",
        /// Overdue invoices: work paused until paid, files and rights on payment.
        Payment = "payment",
        OpenWork = "open_work",
        FinalInvoice = "final_invoice",
        Handover = "handover",
        HandoverOnPayment = "handover_on_payment",
        Referrals = "referrals",
        ExtraHelp = "extra_help",
        Confirm = "confirm",
        Thanks = "thanks",
        Closing = "closing",
    }
}

impl LetterPart {
    /// Owed only to a client you part with on good terms: never after abuse.
    pub fn courtesy(self) -> bool {
        matches!(self, LetterPart::Referrals | LetterPart::ExtraHelp | LetterPart::Thanks)
    }
}

/// The notice draft and its parts: paragraphs separated by blank lines, sentences one
/// after another inside a paragraph, deliverables one per line.
pub(super) fn notice(cx: &Ctx, d: &ExitDates) -> (String, Vec<LetterPart>) {
    use LetterPart as P;
    let abuse = cx.abuse_exit();
    let unpaid = cx.unpaid();
    let mut parts = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut say = |paragraph: Vec<(P, String)>| {
        let text: Vec<String> = paragraph.iter().map(|(_, t)| t.clone()).collect();
        parts.extend(paragraph.iter().map(|(p, _)| *p));
        if !text.is_empty() {
            paragraphs.push(text.join(" "));
        }
    };

    say(vec![(P::Subject, cx.text("plan.letter.subject", &[]))]);
    say(vec![if cx.inputs.addressee.is_empty() {
        (P::GreetingNeutral, cx.text("plan.letter.greeting_neutral", &[]))
    } else {
        (P::GreetingNamed, cx.text("plan.letter.greeting", &[("name", &cx.inputs.addressee)]))
    }]);

    let last = cx.date(d.last_day);
    let n = u64::from(d.terms.notice_days);
    let mut opening = vec![(P::Opening, cx.text("plan.letter.opening", &[]))];
    opening.push(match d.terms.basis {
        NoticeBasis::Contract => (P::NoticeContract, cx.plural("plan.letter.notice_contract", n, &[("date", &last)])),
        NoticeBasis::ContractEnd => (P::ContractEnd, cx.text("plan.letter.contract_end", &[("date", &last)])),
        NoticeBasis::Common | NoticeBasis::Own => {
            (P::NoticeOwn, cx.plural("plan.letter.notice", n, &[("date", &last)]))
        }
    });
    if d.terms.early_end_unknown {
        opening.push((P::EarlierByAgreement, cx.text("plan.letter.earlier_by_agreement", &[])));
    }
    say(opening);

    if unpaid {
        let owed = match cx.money() {
            Some(amount) => cx.text("plan.letter.payment_amount", &[("amount", &amount)]),
            None => cx.text("plan.letter.payment", &[]),
        };
        say(vec![(P::Payment, owed)]);
    }
    if let Some(open) = open_work(cx, d) {
        say(vec![(P::OpenWork, open)]);
    }
    say(vec![(P::FinalInvoice, cx.text("plan.letter.final_invoice", &[("date", &cx.date(d.final_invoice))]))]);

    let mut handover = vec![if unpaid || abuse {
        (P::HandoverOnPayment, cx.text("plan.letter.handover_on_payment", &[]))
    } else {
        (P::Handover, cx.text("plan.letter.handover", &[]))
    }];
    if !abuse {
        handover.push((P::Referrals, cx.text("plan.letter.referrals", &[])));
        if let Some(until) = d.handover_help_until {
            handover.push((P::ExtraHelp, cx.text("plan.letter.extra_help", &[("date", &cx.date(until))])));
        }
    }
    say(handover);
    say(vec![(P::Confirm, cx.text("plan.letter.confirm", &[]))]);
    if !abuse {
        say(vec![(P::Thanks, cx.text("plan.letter.thanks", &[]))]);
    }
    parts.push(P::Closing);
    paragraphs.push([cx.text("plan.letter.closing", &[]), cx.text("plan.letter.signature", &[])].join("\n"));
    (paragraphs.join("\n\n"), parts)
}

fn open_work(cx: &Ctx, d: &ExitDates) -> Option<String> {
    let date = cx.date(d.last_day);
    let key = |k: &str| if cx.unpaid() { format!("{k}_on_payment") } else { k.to_owned() };
    if !cx.inputs.open_deliverables.is_empty() {
        let mut lines = vec![cx.text(&key("plan.letter.deliverables"), &[("date", &date)])];
        lines.extend(
            cx.inputs.open_deliverables.iter().map(|item| cx.text("plan.letter.deliverable", &[("item", item)])),
        );
        Some(lines.join("\n"))
    } else if cx.open_work() {
        Some(cx.text(&key("plan.letter.open_work"), &[("date", &date)]))
    } else {
        None
    }
}
