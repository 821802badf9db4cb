//! Inference: a cleaned [`crate::clean::Doc`] in, an [`Article`] of facts with evidence out.

mod fact;

pub use fact::{Evidence, Inferred, Span, shorten};
