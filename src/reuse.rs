//! Reusing unchanged pages of the previous output, so a rebuild after a small change renders
//! only the pages that change.
//!
//! Each HTML page's inputs — every value its template receives, the template's name, the page
//! path — are hashed as the page is prepared ([`HashingContext`]). After a successful build the
//! hashes are saved in `.communique-cache/pages.bin` with a site-wide [`output_version`] (the
//! program, the site's templates and themes, the config). On the next build a page whose hash is
//! unchanged is hard-linked from the previous output into the staging folder instead of being
//! rendered, minified and written. The atomic swap is untouched: the staging folder still holds
//! the complete new site before it replaces the old one, and a failed build changes nothing.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::cache::hash_parts;
use crate::config::Config;

/// A page's template inputs, hashed as they are inserted. They are converted into a tera
/// context only if the page is rendered ([`HashingContext::into_context`]): a page reused
/// from the previous output costs its hash, not the conversion.
#[derive(Default)]
pub struct HashingContext<'a> {
    /// What the template receives, each converted for tera on demand.
    pending: Vec<(&'static str, Convert<'a>)>,
    /// Everything inserted, serialised (hashed once at the end: one pass is much faster than
    /// feeding a hasher serde's many small writes).
    inputs: Vec<u8>,
}

/// The bytes a template input is hashed by. Postcard: compact and without JSON's string
/// escaping; it refuses maps and sequences of unknown length (`#[serde(flatten)]`), which JSON
/// takes. A value neither can serialise, tera refuses too.
pub fn identity_bytes(val: &impl Serialize) -> Vec<u8> {
    postcard::to_allocvec(val).unwrap_or_else(|_| serde_json::to_vec(val).unwrap_or_default())
}

/// Makes a template input's tera value.
type Convert<'a> = Box<dyn FnOnce() -> tera::Value + 'a>;

impl<'a> HashingContext<'a> {
    /// A new, empty context.
    pub fn new() -> HashingContext<'a> {
        HashingContext::default()
    }

    /// The tera context of everything inserted.
    pub fn into_context(self) -> tera::Context {
        let mut cx = tera::Context::new();
        for (key, convert) in self.pending {
            cx.insert_value(key, convert());
        }
        cx
    }

    /// Inserts `val` under `key`, hashing both.
    pub fn insert<T: Serialize + 'a>(&mut self, key: &'static str, val: T) {
        self.inputs.extend_from_slice(key.as_bytes());
        self.inputs.push(0xff);
        self.inputs.extend_from_slice(&identity_bytes(&val));
        let convert = move || tera::Value::from_serializable(&val);
        self.pending.push((key, Box::new(convert)));
    }

    /// Inserts the value `build` makes under `key`, hashing `identity` in its place: the
    /// caller's promise that equal identities make equal values. `build` runs only if the
    /// page is rendered, so a reused page never builds its largest inputs.
    pub fn insert_lazy(
        &mut self,
        key: &'static str,
        identity: &[u8],
        build: impl FnOnce() -> tera::Value + 'a,
    ) {
        self.inputs.extend_from_slice(key.as_bytes());
        self.inputs.push(0xfd);
        self.inputs.extend_from_slice(identity);
        self.pending.push((key, Box::new(build)));
    }

    /// The hash of everything inserted, with the template's name and the page's path.
    pub fn finish(&self, template: &str, path: &str) -> u64 {
        hash_parts(&[&self.inputs, template.as_bytes(), path.as_bytes()])
    }
}

/// The site-wide part of every page's identity: this program (path, size, modification time), the site's own templates and
/// themes, and the config. When it changes no page is reused.
pub fn output_version(root: &Path, config: &Config, inject: Option<&str>) -> u64 {
    let mut h = seahash::SeaHasher::new();
    // The program by path, size and modification time (reading its bytes would cost tens of
    // milliseconds per build): a rebuilt or replaced binary reuses nothing.
    let exe = std::env::current_exe().and_then(|p| Ok((std::fs::metadata(&p)?, p)));
    if let Ok((meta, path)) = exe {
        h.write(path.to_string_lossy().as_bytes());
        h.write_u64(meta.len());
        let modified = meta.modified().ok();
        h.write(format!("{modified:?}").as_bytes());
    } else {
        // Without the program's bytes nothing proves the templates are the same.
        h.write(&std::process::id().to_le_bytes());
        h.write(format!("{:?}", std::time::SystemTime::now()).as_bytes());
    }
    for dir in ["templates", "themes"] {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root.join(dir))
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        files.sort();
        for f in files {
            h.write(f.to_string_lossy().as_bytes());
            h.write(&std::fs::read(&f).unwrap_or_default());
        }
    }
    h.write(&serde_json::to_vec(config).unwrap_or_default());
    h.write(inject.unwrap_or("").as_bytes());
    h.finish()
}

/// The pages of the previous output and their hashes.
#[derive(Debug, Default)]
pub struct PageManifest {
    /// The site-wide version they were rendered with.
    pub version: u64,
    /// Page path (relative to the output folder) → hash of its inputs and the page's size.
    pub pages: HashMap<String, (u64, u64)>,
    /// Where each item's line stands in the streamed exports (`articles.json`,
    /// `timeline.json`), so unchanged items are copied instead of serialised again.
    pub exports: Vec<ExportIndex>,
    /// What the search index in the previous output was built from, if it has one.
    pub search: Option<crate::render::search::IndexState>,
}

/// The lines of one streamed export file, by the identity of the item each shows.
#[derive(Debug, Default, Clone, Serialize, serde::Deserialize)]
pub struct ExportIndex {
    /// The file, relative to the output folder.
    pub rel: String,
    /// Its size: a file of another size is not the one indexed, and nothing is taken from it.
    pub size: u64,
    /// Each line: the item's identity, where the line starts, its length.
    pub lines: Vec<(u64, u64, u64)>,
    /// How many lines were copied from the previous build's file (not saved).
    #[serde(skip)]
    pub copied: usize,
}

const MAGIC: &[u8; 8] = b"CQPAG\x00\x00\x03";

fn manifest_path(root: &Path) -> PathBuf {
    root.join(".communique-cache").join("pages.bin")
}

impl PageManifest {
    /// Reads the manifest of the site at `root`, if there is a sound one for `version`.
    pub fn load(root: &Path, version: u64) -> Option<PageManifest> {
        let body = crate::cache::load_checked(&manifest_path(root), MAGIC)?;
        type Saved = (
            u64,
            Vec<(String, u64, u64)>,
            Vec<ExportIndex>,
            Option<crate::render::search::IndexState>,
        );
        let (v, pages, exports, search): Saved = postcard::from_bytes(&body).ok()?;
        (v == version).then(|| PageManifest {
            version,
            pages: pages
                .into_iter()
                .map(|(path, hash, size)| (path, (hash, size)))
                .collect(),
            exports,
            search,
        })
    }

    /// Saves `pages` (path, hash, size), `exports` and the search index's state as the
    /// manifest for `version`. Failing to save costs speed only.
    pub fn save(
        root: &Path,
        version: u64,
        pages: &[(String, u64, u64)],
        exports: &[ExportIndex],
        search: Option<&crate::render::search::IndexState>,
    ) -> std::io::Result<()> {
        let body = postcard::to_allocvec(&(version, pages, exports, search))
            .map_err(std::io::Error::other)?;
        crate::cache::save_checked(&manifest_path(root), MAGIC, &body)
    }

    /// Removes the manifest (before the output it describes is replaced).
    pub fn remove(root: &Path) {
        let _ = std::fs::remove_file(manifest_path(root));
    }
}

/// The previous output and its manifest, as a build sees them.
#[derive(Debug)]
pub struct Previous {
    /// The previous output folder.
    pub dir: PathBuf,
    /// Its pages.
    pub manifest: PageManifest,
}

impl Previous {
    /// Links `path` from the previous output into `staging` when its hash is unchanged;
    /// returns the file's size (as the manifest gives it) when it did.
    pub fn reuse(&self, path: &str, hash: u64, staging: &Path) -> Option<u64> {
        let &(previous, size) = self.manifest.pages.get(path)?;
        if previous != hash {
            return None;
        }
        let from = self.dir.join(path);
        let to = staging.join(path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).ok()?;
        }
        std::fs::hard_link(&from, &to).ok()?;
        Some(size)
    }

    /// The previous build's copy of the export `rel`, with where each item's line stands in it;
    /// `None` when there is none, or the file is not the one indexed.
    pub fn lines(&self, rel: &str) -> Option<OldLines> {
        let index = self.manifest.exports.iter().find(|e| e.rel == rel)?;
        let file = std::fs::File::open(self.dir.join(rel)).ok()?;
        if file.metadata().ok()?.len() != index.size {
            return None;
        }
        let at = index
            .lines
            .iter()
            .map(|&(identity, start, len)| (identity, (start, len)))
            .collect();
        Some(OldLines { file, at })
    }
}

/// A previous export file and where each item's line stands in it, by the item's identity.
#[derive(Debug)]
pub struct OldLines {
    /// The file, open for reading.
    pub file: std::fs::File,
    /// Identity → (start, length) of its line.
    pub at: HashMap<u64, (u64, u64)>,
}

#[cfg(test)]
mod tests {
    use super::identity_bytes;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Inner {
        a: u32,
    }

    #[derive(Serialize)]
    struct Flat {
        #[serde(flatten)]
        inner: Inner,
        b: String,
    }

    #[test]
    fn identity_bytes_take_what_postcard_refuses_and_tell_values_apart() {
        let one = Flat {
            inner: Inner { a: 1 },
            b: "x".into(),
        };
        let two = Flat {
            inner: Inner { a: 2 },
            b: "x".into(),
        };
        assert!(postcard::to_allocvec(&one).is_err());
        assert!(!identity_bytes(&one).is_empty());
        assert_ne!(identity_bytes(&one), identity_bytes(&two));
        assert_ne!(identity_bytes(&(1u32, "x")), identity_bytes(&(2u32, "x")));
    }
}
