//! communique: a static site generator for timelines of diplomatic statements.
//!
//! The pipeline, one module per stage: [`read`] → [`clean`] → [`infer`] → [`order`] →
//! [`render`]. See `ARCHITECTURE.md` for the map.

pub mod clean;
pub mod commands;
pub mod dates;
pub mod infer;
pub mod knowledge;
