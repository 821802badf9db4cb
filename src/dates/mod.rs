//! The date engine (placeholder: being written).
