//! communique: a static site generator for timelines of diplomatic statements.
//!
//! The pipeline, one module per stage: [`read`] → [`clean`] → [`infer`] → [`order`] →
//! [`render`]. See `ARCHITECTURE.md` for the map.

pub mod cache;
pub mod clean;
pub mod commands;
pub mod config;
pub mod dates;
pub mod diagnostics;
pub mod infer;
pub mod knowledge;
pub mod order;
pub mod read;
pub mod render;
pub mod reuse;
pub mod serve;
pub mod site;
pub mod slug;
pub mod stamps;
pub mod timings;
