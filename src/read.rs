//! Reading: find the articles under `content/`.
//!
//! Hidden files and folders are skipped silently, files of other kinds with a warning, so a
//! stray image or a `.DS_Store` never stops a build. Bytes are read later, one article at a
//! time in parallel, so the whole collection is never held in memory at once.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;

/// An article file found under the content folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    /// Path relative to the content folder (the article's identity in messages).
    pub rel: PathBuf,
    /// Full path.
    pub path: PathBuf,
}

/// The largest file read as an article; larger ones are skipped with a warning.
pub const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;

/// Extensions read as articles.
pub const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// Lists article files under `dir`, sorted by path, with warnings for what was skipped.
pub fn find_sources(dir: &Path) -> (Vec<Source>, Vec<Diagnostic>) {
    let mut sources = Vec::new();
    let mut warnings = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.to_path_buf());
                let what = if e.loop_ancestor().is_some() {
                    "a symbolic link loop: remove the link".to_string()
                } else if let Some(io) = e.io_error() {
                    format!("cannot be read ({io}); check it exists and its permissions")
                } else {
                    e.to_string()
                };
                warnings.push(Diagnostic::warning(rel(dir, &path), what));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if !ext.as_deref().is_some_and(|e| EXTENSIONS.contains(&e)) {
            warnings.push(Diagnostic::warning(
                rel(dir, path),
                "skipped: not an article (communique reads .txt and .md files)",
            ));
            continue;
        }
        sources.push(Source {
            rel: rel(dir, path),
            path: path.to_path_buf(),
        });
    }
    (sources, warnings)
}

fn rel(dir: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(dir).unwrap_or(path).to_path_buf()
}

/// Reads one article's bytes, refusing files too large to be an article.
pub fn read_source(source: &Source) -> Result<Vec<u8>, Diagnostic> {
    read_source_as(source, &source_metadata(source)?)
}

/// The metadata of an article file.
pub fn source_metadata(source: &Source) -> Result<std::fs::Metadata, Diagnostic> {
    std::fs::metadata(&source.path).map_err(|e| {
        Diagnostic::warning(
            source.rel.clone(),
            format!("cannot be read ({e}); it was skipped"),
        )
    })
}

/// [`read_source`] of a file whose metadata is `meta`.
pub fn read_source_as(source: &Source, meta: &std::fs::Metadata) -> Result<Vec<u8>, Diagnostic> {
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(Diagnostic::warning(
            source.rel.clone(),
            format!(
                "skipped: {} MB is too large for one article (limit {} MB); split it into articles",
                meta.len() / (1024 * 1024),
                MAX_ARTICLE_BYTES / (1024 * 1024)
            ),
        ));
    }
    std::fs::read(&source.path).map_err(|e| {
        Diagnostic::warning(
            source.rel.clone(),
            format!("cannot be read ({e}); it was skipped"),
        )
    })
}
