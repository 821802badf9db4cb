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

/// Extensions read as articles: raw text, Markdown, saved web pages.
pub const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// What the content folder holds.
#[derive(Debug, Default)]
pub struct Listing {
    /// Article files, sorted by path.
    pub sources: Vec<Source>,
    /// Folders or files that could not be listed.
    pub problems: Vec<Diagnostic>,
    /// Files of kinds communique does not read (`.pdf`, images), one warning each. Kept apart
    /// because they are told on every build, also one that finds the site up to date.
    pub ignored: Vec<Diagnostic>,
}

/// Lists article files under `dir`, sorted by path, with warnings for what was skipped.
pub fn find_sources(dir: &Path) -> Listing {
    let mut sources = Vec::new();
    let mut warnings = Vec::new();
    let mut ignored = Vec::new();
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
            ignored.push(Diagnostic::warning(
                rel(dir, path),
                not_an_article(ext.as_deref()),
            ));
            continue;
        }
        sources.push(Source {
            rel: rel(dir, path),
            path: path.to_path_buf(),
        });
    }
    Listing {
        sources,
        problems: warnings,
        ignored,
    }
}

/// Why a file is not read, and what to do about it.
fn not_an_article(ext: Option<&str>) -> String {
    let what = match ext {
        Some("pdf") => "a PDF is not read: copy its text into a .txt file beside it",
        Some("doc" | "docx" | "odt" | "rtf" | "pages") => {
            "a word-processor file is not read: save it as plain text (.txt) or Markdown (.md)"
        }
        Some("mhtml" | "mht" | "webarchive") => {
            "a web archive is not read: save the page as \"Web Page, HTML only\" (.html)"
        }
        Some("jpg" | "jpeg" | "png" | "gif" | "webp" | "svg" | "avif" | "tif" | "tiff") => {
            "an image is not an article: keep it outside content/"
        }
        _ => "not an article: communique reads .txt, .md and .html files; move it out of content/",
    };
    format!("skipped: {what}")
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
    let bytes = std::fs::read(&source.path).map_err(|e| {
        Diagnostic::warning(
            source.rel.clone(),
            format!("cannot be read ({e}); it was skipped"),
        )
    })?;
    if let Some(kind) = binary_kind(&bytes) {
        return Err(Diagnostic::warning(
            source.rel.clone(),
            format!(
                "skipped: this is {kind}, not text, though its name says article; \
                 move it out of content/ or give it its own extension"
            ),
        ));
    }
    Ok(bytes)
}

/// What binary file `bytes` are, when they are not text: a file named `.txt` or `.md` that is
/// an image, a document or a program must never be published as an article of decoded bytes.
/// Known signatures first; then, in a file that is not UTF-16, control bytes making more than
/// one in twenty of the first 8 KB (a stray NUL or bell in a real text is cleaned, not refused).
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive (or a .docx, .xlsx or .epub, which are ZIP files)",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an old Microsoft Office document",
        ),
        (b"\x1f\x8b", "a gzip archive"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
        (b"\x7fELF", "a program (ELF)"),
        (b"\xcf\xfa\xed\xfe", "a program (Mach-O)"),
        (b"\xfe\xed\xfa\xcf", "a program (Mach-O)"),
        (b"\0asm", "a WebAssembly module"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"ID3", "an MP3 file"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.starts_with(b"RIFF") && head.len() >= 12 {
        return Some("a media file (RIFF: WebP, WAV or AVI)");
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return Some("a video or image file (MP4, MOV, HEIC or AVIF)");
    }
    if head.starts_with(b"MZ") && head[..head.len().min(64)].contains(&0) {
        return Some("a program (Windows executable)");
    }
    let utf16 = encoding_rs::Encoding::for_bom(bytes).is_some_and(|(e, _)| e != encoding_rs::UTF_8)
        || crate::clean::looks_like_utf16(bytes).is_some();
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    (!utf16 && controls * 20 > head.len()).then_some("binary data")
}

#[cfg(test)]
mod tests {
    use super::binary_kind;

    #[test]
    fn binary_files_are_told_from_text() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(binary_kind(png), Some("a PNG image"));
        assert_eq!(binary_kind(b"%PDF-1.7\n%\xe2\xe3"), Some("a PDF document"));
        assert!(binary_kind(b"PK\x03\x04\x14\0\x06\0").is_some());
        assert!(binary_kind(b"\x7fELF\x02\x01\x01\0").is_some());
        assert!(binary_kind(b"MZ\x90\0\x03\0\0\0").is_some());
        assert_eq!(binary_kind(b"abc\0\x01\x02def"), Some("binary data"));
    }

    #[test]
    fn text_in_any_encoding_is_not_binary() {
        assert_eq!(
            binary_kind(b"MOSCOW, January 14. /TASS/. Russia said"),
            None
        );
        // "MZ" opening a real line of text, with no NUL after it.
        assert_eq!(binary_kind(b"MZANSI talks resumed on Monday"), None);
        // UTF-16 with and without a BOM carries NULs and is still text.
        let utf16: Vec<u8> = "Talks resumed on Monday"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(binary_kind(&utf16), None);
        let mut with_bom = vec![0xff, 0xfe];
        with_bom.extend(&utf16);
        assert_eq!(binary_kind(&with_bom), None);
        assert_eq!(binary_kind(b"\xef\xbb\xbfGIF89a is in the text"), None);
        assert_eq!(binary_kind(b"Caf\xe9 talks (Latin-1)"), None);
        // A stray control character in a long text is cleaned later, not refused.
        assert_eq!(
            binary_kind(b"Talks con\0tin\x07ue on Monday, officials said."),
            None
        );
    }
}
