//! Today's date, from the visitor's own clock, and the page's address.

use yew::prelude::*;

use crate::dates::Day;
use crate::edge::dom;

/// The day the widget was opened, read once per instance (a plan made after midnight
/// keeps the day it was started on, until the next reload).
#[hook]
pub fn use_today() -> Option<Day> {
    *use_memo((), |_| dom::today())
}

/// The address of the page the widget is on, read once per instance (the plan's
/// re-check milestones say to come back to it).
#[hook]
pub fn use_page_address() -> std::rc::Rc<str> {
    (*use_memo((), |_| std::rc::Rc::<str>::from(dom::page_address()))).clone()
}
