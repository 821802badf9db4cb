//! Cruft rules.
