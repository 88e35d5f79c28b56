//! Renderings of the plan: each a pure function from plan data to the bytes of a file.
pub mod filename;
pub mod ics;
pub mod markdown;
pub mod pdf;
