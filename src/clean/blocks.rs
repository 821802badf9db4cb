//! Splitting text into blocks.

use super::Doc;

/// Splits a plain-text article into body blocks and meta lines.
pub(super) fn text_blocks(_doc: &mut Doc) {}

/// Splits a Markdown article body into blocks.
pub(super) fn markdown_blocks(_doc: &mut Doc) {}
