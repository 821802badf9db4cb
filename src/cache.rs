//! The inference cache: what an article inferred to, kept between builds in
//! `.communique-cache/infer/` under the site root, so a rebuild infers only changed articles.
//!
//! An entry is keyed by a hash of the article's path and bytes and of the engine version
//! ([`engine_version`]: the code and knowledge files that decide inference, the config sections
//! that feed it, and `today`). Entries live in 256 shard files by the key's top byte, so a build
//! reads one shard at a time (memory stays flat) and rewrites only shards whose entries changed.
//!
//! The cache is only ever an optimisation: a missing, truncated or corrupted shard or entry is
//! ignored (each entry carries a checksum) and the article is inferred again; a shard that cannot
//! be written is a lost speed-up, never a failed build. Deleting the folder is always safe.

use std::collections::HashMap;
use std::hash::Hasher;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::infer::Article;

/// Shard files: one per value of a key's top byte.
pub const SHARDS: usize = 256;

const MAGIC: &[u8; 8] = b"CQINF\x00\x00\x01";

/// What the cache keeps for one article: the article and what cleaning told the build.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// The inferred article.
    pub article: Article,
    /// The body text's fingerprint (finds the same text saved twice).
    pub fingerprint: u64,
    /// Cleaning's warnings.
    pub warnings: Vec<String>,
}

/// A 64-bit hash of `parts`, stable across runs and platforms.
pub fn hash_parts(parts: &[&[u8]]) -> u64 {
    let mut h = seahash::SeaHasher::new();
    for p in parts {
        h.write_u64(p.len() as u64);
        h.write(p);
    }
    h.finish()
}

/// The engine version: what, besides an article's own bytes, decides what it infers to.
pub fn engine_version(config: &Config, today: chrono::NaiveDate) -> u64 {
    let sections = serde_json::to_vec(&(&config.topics, &config.knowledge, &config.inference))
        .unwrap_or_default();
    hash_parts(&[
        env!("CARGO_PKG_VERSION").as_bytes(),
        env!("COMMUNIQUE_ENGINE_HASH").as_bytes(),
        &sections,
        today.to_string().as_bytes(),
    ])
}

/// The cache key of an article file: its path under `content/`, the hash of its bytes
/// ([`crate::stamps::content_hash`]), the engine.
pub fn key(engine: u64, rel: &Path, content: u64) -> u64 {
    hash_parts(&[
        &engine.to_le_bytes(),
        rel.to_string_lossy().as_bytes(),
        &content.to_le_bytes(),
    ])
}

/// The shard a key lives in.
pub fn shard_of(key: u64) -> usize {
    (key >> 56) as usize
}

/// The cache folder of one site.
#[derive(Debug, Clone)]
pub struct InferCache {
    dir: PathBuf,
    engine: u64,
}

/// One shard's entries: key → serialised [`Entry`] (checked, not yet decoded).
pub type Shard = HashMap<u64, Vec<u8>>;

impl InferCache {
    /// The cache of the site at `root` for engine version `engine`.
    pub fn new(root: &Path, engine: u64) -> InferCache {
        InferCache {
            dir: root.join(".communique-cache").join("infer"),
            engine,
        }
    }

    /// The engine version entries are valid for.
    pub fn engine(&self) -> u64 {
        self.engine
    }

    fn path(&self, shard: usize) -> PathBuf {
        self.dir.join(format!("{shard:02x}.bin"))
    }

    /// Reads one shard. Anything unreadable — a missing file, another engine's shard, a bad
    /// checksum, a truncated entry — is left out.
    pub fn load(&self, shard: usize) -> Shard {
        let mut out = Shard::new();
        let Ok(bytes) = std::fs::read(self.path(shard)) else {
            return out;
        };
        let Some(rest) = bytes.strip_prefix(MAGIC.as_slice()) else {
            return out;
        };
        let Some((engine, mut rest)) = split_u64(rest) else {
            return out;
        };
        if engine != self.engine {
            return out;
        }
        // Each entry: key, length, checksum, payload.
        while !rest.is_empty() {
            let Some((key, r)) = split_u64(rest) else {
                break;
            };
            let Some((len, r)) = split_u64(r) else { break };
            let Some((sum, r)) = split_u64(r) else { break };
            let Ok(len) = usize::try_from(len) else { break };
            if r.len() < len {
                break;
            }
            let (payload, r) = r.split_at(len);
            rest = r;
            if hash_parts(&[payload]) == sum && shard_of(key) == shard {
                out.insert(key, payload.to_vec());
            }
        }
        out
    }

    /// Replaces one shard with `entries` (key, serialised entry), atomically: readers see the
    /// old shard or the new one, never a mix.
    pub fn store(&self, shard: usize, entries: &[(u64, &[u8])]) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let path = self.path(shard);
        if entries.is_empty() {
            return match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            };
        }
        let size: usize = entries.iter().map(|(_, p)| p.len() + 24).sum();
        let mut buf = Vec::with_capacity(size + 16);
        buf.extend_from_slice(MAGIC);
        buf.extend_from_slice(&self.engine.to_le_bytes());
        for (key, payload) in entries {
            buf.extend_from_slice(&key.to_le_bytes());
            buf.extend_from_slice(&(payload.len() as u64).to_le_bytes());
            buf.extend_from_slice(&hash_parts(&[payload]).to_le_bytes());
            buf.extend_from_slice(payload);
        }
        let tmp = self
            .dir
            .join(format!(".{shard:02x}.tmp-{}", std::process::id()));
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(&buf)?;
        drop(file);
        std::fs::rename(&tmp, &path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }
}

/// Writes `body` to `file` behind `magic` and a checksum, atomically (a temporary file renamed
/// into place): the format of the small cache files (page manifest, file stamps).
pub fn save_checked(file: &Path, magic: &[u8; 8], body: &[u8]) -> std::io::Result<()> {
    let mut bytes = Vec::with_capacity(body.len() + 16);
    bytes.extend_from_slice(magic);
    bytes.extend_from_slice(&hash_parts(&[body]).to_le_bytes());
    bytes.extend_from_slice(body);
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = file.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, file)
}

/// The body [`save_checked`] wrote to `file`; `None` if the file is missing, of another format
/// or damaged.
pub fn load_checked(file: &Path, magic: &[u8; 8]) -> Option<Vec<u8>> {
    let bytes = std::fs::read(file).ok()?;
    let rest = bytes.strip_prefix(magic.as_slice())?;
    let (sum, body) = rest.split_first_chunk::<8>()?;
    (hash_parts(&[body]) == u64::from_le_bytes(*sum)).then(|| body.to_vec())
}

fn split_u64(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let (head, rest) = bytes.split_first_chunk::<8>()?;
    Some((u64::from_le_bytes(*head), rest))
}

/// Serialises an entry for the cache.
pub fn encode(entry: &Entry) -> Option<Vec<u8>> {
    postcard::to_allocvec(entry).ok()
}

/// Decodes a cached entry; `None` when it does not decode (a stale or damaged entry).
pub fn decode(payload: &[u8]) -> Option<Entry> {
    postcard::from_bytes(payload).ok()
}
