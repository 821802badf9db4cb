//! Table-driven cases for the date engine, in the style of real news copy.
