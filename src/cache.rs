//! The inference cache: what an article inferred to, kept between builds in
//! `.communique-cache/infer/` under the site root, so a rebuild infers only changed articles.
//!
//! An entry is keyed by a hash of the article's path and bytes and of the engine version
//! ([`engine_version`]: the code and knowledge files that decide inference and the config
//! sections that feed it). `today` is not in the key: an entry keeps the days on which its
//! article holds ([`crate::infer::Article::today_range`]), and a build on another day takes it
//! as a miss ([`Entry::holds_on`]), so a new day infers again only the articles whose dates
//! were bounded by the old one. Entries live in 256 shard files by the key's top byte, so a
//! build reads one shard at a time (memory stays flat) and rewrites only shards whose entries
//! changed.
//!
//! The cache is only ever an optimisation: a missing, truncated or corrupted shard or entry is
//! ignored (each entry carries a checksum) and the article is inferred again; a shard that cannot
//! be written is a lost speed-up, never a failed build. Deleting the folder is always safe.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::hash::Hasher;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::infer::{Article, Body};

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

impl Entry {
    /// Whether the article infers as stored when today is `today`: a build on a day outside
    /// the article's [`crate::infer::Article::today_range`] infers it again.
    pub fn holds_on(&self, today: chrono::NaiveDate) -> bool {
        self.article.today_range.contains(today)
    }
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

/// The engine version: what, besides an article's own bytes and the day, decides what it
/// infers to. The day is checked per entry ([`Entry::holds_on`]).
pub fn engine_version(config: &Config) -> u64 {
    let sections = serde_json::to_vec(&(&config.topics, &config.knowledge, &config.inference))
        .unwrap_or_default();
    hash_parts(&[
        env!("CARGO_PKG_VERSION").as_bytes(),
        env!("COMMUNIQUE_ENGINE_HASH").as_bytes(),
        &sections,
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

/// One shard as read: its file's bytes, where each entry's payload lies in them with its
/// checksum (checked, not yet decoded), and the open file, which keeps those bytes readable
/// for [`Stored`].
#[derive(Debug, Default)]
pub struct Shard {
    bytes: Vec<u8>,
    entries: HashMap<u64, (std::ops::Range<usize>, u64)>,
    file: Option<Arc<File>>,
}

impl Shard {
    /// The payload stored under `key`, with its checksum (the article's digest).
    pub fn get(&self, key: u64) -> Option<(&[u8], u64)> {
        self.entries
            .get(&key)
            .map(|(r, sum)| (&self.bytes[r.clone()], *sum))
    }

    /// Entries in the shard.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the shard holds no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where the payload under `key` can be read again later in this build.
    pub fn stored(&self, key: u64) -> Option<Stored> {
        let (range, sum) = self.entries.get(&key)?;
        Some(Stored {
            file: self.file.clone()?,
            offset: range.start as u64,
            len: range.len(),
            sum: *sum,
        })
    }
}

/// Where an article's cache entry lies: in a shard file this process holds open. A shard is
/// only ever replaced by renaming a new file over it, never changed in place, so the bytes
/// stay what they were for as long as the handle lives, whatever later builds do. This is
/// what lets a build hold only an outline of each article ([`Held::outline`]) and read the
/// rest back for the page that shows it.
#[derive(Debug, Clone)]
pub struct Stored {
    file: Arc<File>,
    offset: u64,
    len: usize,
    /// The payload's checksum (and the article's digest).
    sum: u64,
}

impl Stored {
    /// The whole article again. Fails only if the held file cannot be read or no longer holds
    /// the entry (a disk error: nothing in this program changes it).
    pub fn article(&self) -> std::io::Result<Article> {
        let mut payload = vec![0; self.len];
        read_exact_at(&self.file, &mut payload, self.offset)?;
        let entry = (hash_parts(&[&payload]) == self.sum)
            .then(|| decode(&payload))
            .flatten();
        let Some(entry) = entry else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "the inference cache entry changed on disk",
            ));
        };
        Ok(entry.article)
    }
}

/// An article as a build holds it between inference and rendering: whole, or as an outline
/// whose rest stays in the inference cache. Inference hands back a plain [`Article`]; what the
/// build knows of its cache entry — where it lies and the hash that identifies it — lives
/// here, beside it.
///
/// It dereferences to the article held, which for an outline has an empty body and no words
/// of evidence: what ordering, lists, feeds and related articles read. Whatever shows the rest
/// takes it through [`Held::full`].
#[derive(Debug, Clone)]
pub struct Held {
    article: Article,
    /// Set on an outline: where the whole article can be read again.
    stored: Option<Stored>,
    /// A hash of the article, known when it went through the inference cache (the hash of its
    /// cache entry), else 0. It spares a rebuild serialising every article again to tell which
    /// pages changed.
    pub digest: u64,
}

impl Held {
    /// `article` held whole; `digest` is the hash of its cache entry, or 0 when it has none.
    pub fn whole(article: Article, digest: u64) -> Held {
        Held {
            article,
            stored: None,
            digest,
        }
    }

    /// Keeps only an outline of the article: what ordering, lists, feeds and related articles
    /// read stays, and what only its own page and the exports read — the body, the words of
    /// every piece of evidence — is left in the inference cache at `stored`. At 100,000
    /// articles, holding outlines halved a build's peak memory. Titles and dates keep their
    /// evidence's rules and spans, which lists read to mark derived titles and inferred dates.
    pub fn outline(&mut self, stored: Stored) {
        let article = &mut self.article;
        article.body = Body::new(Vec::new());
        for evidence in [
            &mut article.title.evidence,
            &mut article.published.evidence,
            &mut article.stated.evidence,
        ] {
            for e in evidence.iter_mut() {
                e.quote = String::new();
                e.note = String::new();
            }
            evidence.shrink_to_fit();
        }
        for evidence in [
            &mut article.outlet.evidence,
            &mut article.agency.evidence,
            &mut article.url.evidence,
            &mut article.dateline.evidence,
            &mut article.speakers.evidence,
            &mut article.topics.evidence,
        ] {
            *evidence = Vec::new();
        }
        for q in &mut article.quotes {
            q.evidence = Vec::new();
            q.text.shrink_to_fit();
        }
        // What stays is held for the whole build: without the room inference left to grow.
        article.quotes.shrink_to_fit();
        article.summary.shrink_to_fit();
        article.mentioned.shrink_to_fit();
        if let Some(title) = &mut article.title.value {
            title.shrink_to_fit();
        }
        if let Some(speakers) = &mut article.speakers.value {
            speakers.shrink_to_fit();
        }
        if let Some(topics) = &mut article.topics.value {
            topics.shrink_to_fit();
        }
        self.digest = stored.sum;
        self.stored = Some(stored);
    }

    /// Where the whole article lies in the inference cache, for an outline.
    pub fn stored(&self) -> Option<&Stored> {
        self.stored.as_ref()
    }

    /// The whole article: the one held, or for an outline, read back from the inference cache.
    ///
    /// # Panics
    /// If an outline's cache file cannot be read back (a disk error): the build that holds it
    /// stops without touching the previous output.
    pub fn full(&self) -> Cow<'_, Article> {
        let Some(stored) = &self.stored else {
            return Cow::Borrowed(&self.article);
        };
        match stored.article() {
            Ok(article) => Cow::Owned(article),
            Err(e) => panic!(
                "cannot read {} back from the inference cache ({e}); delete .communique-cache and build again",
                self.article.path
            ),
        }
    }
}

impl std::ops::Deref for Held {
    type Target = Article;

    fn deref(&self) -> &Article {
        &self.article
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    let mut done = 0;
    while done < buf.len() {
        let n =
            std::os::windows::fs::FileExt::seek_read(file, &mut buf[done..], offset + done as u64)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        done += n;
    }
    Ok(())
}

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
        let mut out = Shard::default();
        let Ok(mut file) = File::open(self.path(shard)) else {
            return out;
        };
        let mut bytes = Vec::new();
        if file.read_to_end(&mut bytes).is_err() {
            return out;
        }
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
            let start = bytes.len() - rest.len() + 24;
            rest = r;
            if hash_parts(&[payload]) == sum && shard_of(key) == shard {
                out.entries.insert(key, (start..start + len, sum));
            }
        }
        out.bytes = bytes;
        out.file = Some(Arc::new(file));
        out
    }

    /// Replaces one shard with `entries` (key, serialised entry), atomically: readers see the
    /// old shard or the new one, never a mix. Returns where each entry now lies (in the order
    /// given), or nothing when no entry is left.
    pub fn store(&self, shard: usize, entries: &[(u64, &[u8])]) -> std::io::Result<Vec<Stored>> {
        std::fs::create_dir_all(&self.dir)?;
        let path = self.path(shard);
        if entries.is_empty() {
            return match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(Vec::new()),
            };
        }
        let size: usize = entries.iter().map(|(_, p)| p.len() + 24).sum();
        let mut buf = Vec::with_capacity(size + 16);
        buf.extend_from_slice(MAGIC);
        buf.extend_from_slice(&self.engine.to_le_bytes());
        let mut offsets = Vec::with_capacity(entries.len());
        for (key, payload) in entries {
            buf.extend_from_slice(&key.to_le_bytes());
            buf.extend_from_slice(&(payload.len() as u64).to_le_bytes());
            let sum = hash_parts(&[payload]);
            buf.extend_from_slice(&sum.to_le_bytes());
            offsets.push((buf.len() as u64, payload.len(), sum));
            buf.extend_from_slice(payload);
        }
        let tmp = self
            .dir
            .join(format!(".{shard:02x}.tmp-{}", std::process::id()));
        // The handle written through is the one kept: it reads this build's bytes even if
        // another build renames its own shard over the path.
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        file.write_all(&buf)?;
        std::fs::rename(&tmp, &path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })?;
        let file = Arc::new(file);
        Ok(offsets
            .into_iter()
            .map(|(offset, len, sum)| Stored {
                file: file.clone(),
                offset,
                len,
                sum,
            })
            .collect())
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
