//! Commands other than `build`: each a `run` function the command line dispatches to, writing
//! to the writer it is given so that tests can read the output.

pub mod dates;
