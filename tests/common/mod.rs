//! Helpers for end-to-end tests: copy a site into a temporary folder, build it, read pages.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use communique::site::{BuildOptions, BuildReport, build};

/// A site in a temporary folder.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// A site with the repository's content/ and config.toml (the seeds).
    pub fn seeds() -> TestSite {
        let site = TestSite::empty();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&repo.join("content"), &site.root().join("content"));
        std::fs::copy(repo.join("config.toml"), site.root().join("config.toml")).unwrap();
        site
    }

    /// A site with no content.
    pub fn empty() -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        TestSite { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn options(&self) -> BuildOptions {
        let mut o = BuildOptions::new(self.root());
        o.today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        o
    }

    pub fn build(&self) -> BuildReport {
        let report = build(&self.options());
        assert!(report.ok, "build failed: {:#?}", report.diagnostics);
        report
    }

    pub fn page(&self, rel: &str) -> String {
        std::fs::read_to_string(self.public().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Staging or previous-output folders a build left beside the output (`.public…`).
    pub fn leftovers(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.root())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".public"))
            .map(|e| e.path())
            .collect()
    }

    /// The article files under content/, sorted.
    pub fn content_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.root().join("content"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        files
    }

    /// Every HTML file of the output, relative paths.
    pub fn html_files(&self) -> Vec<PathBuf> {
        walkdir::WalkDir::new(self.public())
            .into_iter()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
            .map(|e| e.path().strip_prefix(self.public()).unwrap().to_path_buf())
            .collect()
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// The visible text of an HTML page: tags removed, common entities decoded, white space folded.
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = decode_entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn decode_entities(s: &str) -> String {
    s.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Values of `href` and `src` attributes, quoted or not (minified HTML drops quotes).
pub fn links_of(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=", "src="] {
        let mut from = 0;
        while let Some(i) = html[from..].find(attr) {
            let start = from + i + attr.len();
            let rest = &html[start..];
            let value = if let Some(r) = rest.strip_prefix('"') {
                r.split('"').next().unwrap_or("")
            } else if let Some(r) = rest.strip_prefix('\'') {
                r.split('\'').next().unwrap_or("")
            } else {
                rest.split([' ', '>']).next().unwrap_or("")
            };
            out.push(decode_entities(value));
            from = start;
        }
    }
    out
}
