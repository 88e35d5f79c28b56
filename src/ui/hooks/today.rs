//! Today's date, from the visitor's own clock.

use yew::prelude::*;

use crate::dates::Day;
use crate::edge::dom;

/// The day the widget was opened, read once per instance (a plan made after midnight
/// keeps the day it was started on, until the next reload).
#[hook]
pub fn use_today() -> Option<Day> {
    *use_memo((), |_| dom::today())
}
