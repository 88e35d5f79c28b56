//! Renderings of the plan: each a pure function from plan data to the bytes of a file.
pub mod pdf;
pub mod markdown;
pub mod ics;
pub mod filename;
