//! Problems found during a build, collected rather than thrown: one bad article never stops
//! the others, and the user sees every problem at once with the file and what to do.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; the build goes on (fails only with `--strict`).
    Warning,
    /// The build cannot produce a correct site.
    Error,
}

/// One problem, naming the file (and line, when known) and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// The file concerned, relative to the site root or content folder.
    pub file: PathBuf,
    /// The line, when known (1-based).
    pub line: Option<usize>,
    /// The column, when known (1-based): template errors point at the exact tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong and what to do.
    pub message: String,
}

impl Diagnostic {
    /// A warning about `file`.
    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// An error about `file`.
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(
                f,
                "{kind}: {}:{line}:{column}: {}",
                self.file.display(),
                self.message
            ),
            (Some(line), None) => write!(
                f,
                "{kind}: {}:{line}: {}",
                self.file.display(),
                self.message
            ),
            (None, _) => write!(f, "{kind}: {}: {}", self.file.display(), self.message),
        }
    }
}
