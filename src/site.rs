//! The build: read → clean → infer (in parallel, one article at a time) → order → render into a
//! staging folder → swap it into place.
//!
//! A failed build leaves the previous output exactly as it was. One bad article is a warning,
//! never a failed build, unless the user asks for `--strict`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cache::{self, Held, InferCache};
use crate::clean::{self, Doc};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Severity};
use crate::infer::{Article, InferContext, TopicMatcher, infer};
use crate::knowledge::Knowledge;
use crate::order::{Timeline, order};
use crate::read::{self, Source, find_sources, read_source};
use crate::render::{RenderReport, RenderSettings, load_theme, render_site};
use crate::reuse::{self, PageManifest, Previous};
use crate::stamps::{self, Hashed, Stamp, Stamps};
use crate::timings::{Stage, StageClock, Timings};

/// What the user asked of a build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds `config.toml`, `content/`, `themes/`).
    pub root: PathBuf,
    /// Overrides `output_dir`.
    pub output_dir: Option<PathBuf>,
    /// Overrides `base_url`.
    pub base_url: Option<String>,
    /// Build drafts too.
    pub drafts: bool,
    /// Today's date (no text is published after it).
    pub today: NaiveDate,
    /// Told how many articles are done, for a progress bar.
    pub progress: Option<Progress>,
}

/// A callback told `(done, total)` as articles are inferred; called from worker threads.
#[derive(Clone)]
pub struct Progress(pub std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

impl BuildOptions {
    /// Options for building the site at `root` today.
    pub fn new(root: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            root: root.into(),
            output_dir: None,
            base_url: None,
            drafts: false,
            today: chrono::Local::now().date_naive(),
            progress: None,
        }
    }
}

/// A site's configuration and knowledge, loaded once.
pub struct Site {
    /// The root folder.
    pub root: PathBuf,
    /// The parsed config (with command-line overrides applied).
    pub config: Config,
    /// The knowledge base with the site's additions.
    pub kb: KnowledgeRef,
    /// The compiled topics.
    pub topics: TopicMatcher,
}

/// The built-in knowledge base, or an extended copy when the site adds to it.
pub enum KnowledgeRef {
    /// No additions: the process-wide built-in base, parsed on first use
    /// ([`Knowledge::prepare_builtin`] starts on it when the site loads).
    Builtin,
    /// Built-in plus the site's additions.
    Extended(Box<Knowledge>),
}

impl std::ops::Deref for KnowledgeRef {
    type Target = Knowledge;
    fn deref(&self) -> &Knowledge {
        match self {
            KnowledgeRef::Builtin => Knowledge::builtin(),
            KnowledgeRef::Extended(kb) => kb,
        }
    }
}

/// Counts and timings of a build, for the summary line and benchmarks.
#[derive(Debug, Default, Clone)]
pub struct BuildReport {
    /// Article files found.
    pub found: usize,
    /// Articles built.
    pub articles: usize,
    /// Files skipped, with reasons in the diagnostics.
    pub skipped: usize,
    /// Articles inferred in this build (the others came from the inference cache).
    pub inferred: usize,
    /// Article files read to tell whether they changed (the others looked as they did when
    /// last read: [`crate::stamps`]).
    pub read: usize,
    /// What rendering wrote.
    pub render: RenderReport,
    /// Time to read, clean and infer.
    pub infer_time: Duration,
    /// Time to order.
    pub order_time: Duration,
    /// Time to render and write.
    pub render_time: Duration,
    /// Total.
    pub total: Duration,
    /// Time per stage, summed over threads.
    pub timings: Timings,
    /// Warnings and errors, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the site was written (the previous output is untouched otherwise).
    pub ok: bool,
    /// Nothing had changed since the last good build: the output was left as it was.
    pub up_to_date: bool,
}

impl Site {
    /// What inference needs from the site: its knowledge, topics and period, with `today`.
    pub fn infer_context(&self, today: chrono::NaiveDate) -> InferContext<'_> {
        InferContext {
            kb: &self.kb,
            topics: &self.topics,
            period: self.config.inference.period.map(|[a, b]| (a, b)),
            today,
        }
    }

    /// Loads `config.toml` and the knowledge base for the site at `options.root`.
    pub fn load(options: &BuildOptions) -> Result<Site, Diagnostic> {
        let path = options.root.join("config.toml");
        let mut config =
            Config::load(&path).map_err(|e| Diagnostic::error("config.toml", e.message))?;
        if let Some(url) = &options.base_url {
            config.base_url = url.clone();
        }
        if let Some(dir) = &options.output_dir {
            config.output_dir = dir.to_string_lossy().into_owned();
        }
        let kb = if knowledge_is_empty(&config) {
            Knowledge::prepare_builtin();
            KnowledgeRef::Builtin
        } else {
            let kb =
                Knowledge::from_files(crate::knowledge::builtin_files(), Some(&config.knowledge))
                    .map_err(|e| Diagnostic::error("config.toml", format!("[knowledge]: {e}")))?;
            let problems = crate::knowledge::validate(&kb);
            if let Some(first) = problems.first() {
                return Err(Diagnostic::error(
                    "config.toml",
                    format!("[knowledge]: {first}"),
                ));
            }
            KnowledgeRef::Extended(Box::new(kb))
        };
        let topics = TopicMatcher::new(&config.topics);
        Ok(Site {
            root: options.root.clone(),
            config,
            kb,
            topics,
        })
    }

    /// The content folder.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    /// The output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.root.join(&self.config.output_dir)
    }
}

fn knowledge_is_empty(config: &Config) -> bool {
    let k = &config.knowledge;
    k.people.is_empty()
        && k.events.is_empty()
        && k.outlets.is_empty()
        && k.series.is_empty()
        && k.countries.is_empty()
        && k.offices.is_empty()
}

/// The articles of a build and what was found on the way.
#[derive(Debug, Default)]
pub struct Collected {
    /// The articles, sorted by path (drafts left out unless asked for, copies once), whole or
    /// as outlines ([`Hold`]).
    pub articles: Vec<Held>,
    /// Per-file warnings and errors.
    pub diagnostics: Vec<Diagnostic>,
    /// Article files found.
    pub found: usize,
    /// Articles inferred in this build; the others came from the inference cache.
    pub inferred: usize,
}

/// Reads, cleans and infers every article under the site's content folder, in parallel, taking
/// unchanged articles from the inference cache ([`crate::cache`]) and storing the others in it.
pub fn infer_all(site: &Site, options: &BuildOptions, clock: &StageClock) -> Collected {
    let scanned = scan(site, clock);
    collect(site, options, clock, scanned, Hold::Whole)
}

/// How much of each article [`collect`] holds in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// Every article whole: for commands that read every fact of every article.
    Whole,
    /// An outline of each article whose cache entry could be kept ([`Held::outline`]):
    /// for a build, which reads the rest of an article only for its page and the exports.
    Outlines,
}

impl Hold {
    /// Open files a build of outlines may need: a handle on every cache shard, twice when a
    /// shard is rewritten during the build, beside the files rendering opens.
    const OUTLINE_FILES: u64 = 2 * cache::SHARDS as u64 + 512;

    /// Outlines, when the process may hold their files open: the limit is raised toward the
    /// system's maximum first (macOS starts a shell at 256); below [`Self::OUTLINE_FILES`] the
    /// build holds whole articles, which costs memory, never the pages it could not write.
    pub fn for_build() -> Hold {
        match rlimit::increase_nofile_limit(Self::OUTLINE_FILES) {
            Ok(allowed) if allowed >= Self::OUTLINE_FILES => Hold::Outlines,
            _ => Hold::Whole,
        }
    }
}

/// The article files of a build, each with its cache key: enough to tell whether anything
/// changed since the last build before any article is decoded or inferred.
pub struct Scanned {
    sources: Vec<Source>,
    keyed: Vec<Result<u64, Diagnostic>>,
    diagnostics: Vec<Diagnostic>,
    /// Files of kinds communique does not read, one warning each: told on every build.
    pub ignored: Vec<Diagnostic>,
    cache: InferCache,
    /// A digest of every article file's path and bytes (and the engine version): equal digests
    /// mean the same articles.
    pub digest: u64,
    /// Files read for their keys (the others were trusted by their stamps).
    pub read: usize,
}

/// Finds the article files and reads each once for its cache key.
pub fn scan(site: &Site, clock: &StageClock) -> Scanned {
    let read::Listing {
        sources,
        problems: diagnostics,
        ignored,
    } = find_sources(&site.content_dir());
    let cache = InferCache::new(&site.root, cache::engine_version(&site.config));

    // Pass 1: every file's cache key (the bytes are read again only for a cache miss, so the
    // whole collection is never held in memory at once). A file that looks as it did when it
    // was last hashed is not read at all (`stamps`).
    let scanned_at = stamps::now();
    let known = Stamps::load(&site.root);
    // Each file: its key, its stamp for the next build, whether it was read.
    type Found = (Result<u64, Diagnostic>, Option<(PathBuf, Hashed)>, bool);
    let found: Vec<Found> = clock.time(Stage::Read, || {
        sources
            .par_iter()
            .map(|source| {
                let meta = match read::source_metadata(source) {
                    Ok(meta) => meta,
                    Err(d) => return (Err(d), None, true),
                };
                let stamp = Stamp::of(&meta);
                let trusted = stamp.and_then(|s| known.trusted(&source.rel, &s)).copied();
                let content = match trusted {
                    Some(hashed) => hashed.content,
                    None => match read::read_source_as(source, &meta) {
                        Ok(bytes) => stamps::content_hash(&bytes),
                        Err(d) => return (Err(d), None, true),
                    },
                };
                let key = cache::key(cache.engine(), &source.rel, content);
                let hashed = stamp.map(|stamp| Hashed {
                    stamp,
                    content,
                    scanned: trusted.map_or(scanned_at, |h| h.scanned),
                });
                let entry = hashed.map(|h| (source.rel.clone(), h));
                (Ok(key), entry, trusted.is_none())
            })
            .collect()
    });
    let read = found.iter().filter(|(_, _, read)| *read).count();
    let mut keyed = Vec::with_capacity(found.len());
    let mut hashed = Vec::with_capacity(found.len());
    for (key, h, _) in found {
        keyed.push(key);
        hashed.extend(h);
    }
    if !known.same_as(&hashed) {
        // Without stamps the next build reads every file: slower, never wrong.
        let _ = Stamps::save(&site.root, &hashed);
    }
    let digest = {
        let parts: Vec<[u8; 8]> = keyed
            .iter()
            .map(|k| k.as_ref().map_or([0; 8], |key| key.to_le_bytes()))
            .collect();
        let refs: Vec<&[u8]> = parts.iter().map(|p| p.as_slice()).collect();
        cache::hash_parts(&refs)
    };
    Scanned {
        sources,
        keyed,
        diagnostics,
        ignored,
        cache,
        digest,
        read,
    }
}

/// Takes every scanned article from the inference cache, or cleans and infers it (and stores
/// it there), in parallel.
pub fn collect(
    site: &Site,
    options: &BuildOptions,
    clock: &StageClock,
    scanned: Scanned,
    hold: Hold,
) -> Collected {
    let Scanned {
        sources,
        keyed,
        mut diagnostics,
        ignored: _,
        cache,
        digest: _,
        read: _,
    } = scanned;
    let found = sources.len();
    let cx = site.infer_context(options.today);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let mut by_shard: Vec<Vec<(usize, u64)>> = vec![Vec::new(); cache::SHARDS];
    let mut outcomes: Vec<Option<Outcome>> = Vec::with_capacity(found);
    for (i, k) in keyed.into_iter().enumerate() {
        match k {
            Ok(key) => {
                by_shard[cache::shard_of(key)].push((i, key));
                outcomes.push(None);
            }
            Err(d) => outcomes.push(Some(Err(d))),
        }
    }

    // Pass 2, one shard at a time: take hits from the cache, infer misses, rewrite the shard
    // when its contents changed.
    let infer_one = |source: &Source| -> Result<cache::Entry, Diagnostic> {
        let bytes = clock.time(Stage::Read, || read_source(source))?;
        let doc = clock.time(Stage::Clean, || {
            let doc = clean::clean(source.rel.clone(), &bytes);
            check_doc(&doc).map(|()| doc)
        })?;
        drop(bytes);
        let fingerprint = fingerprint(&doc);
        let warnings = doc.warnings.clone();
        let article = clock.time(Stage::Infer, || infer(&doc, &cx));
        Ok(cache::Entry {
            article,
            fingerprint,
            warnings,
        })
    };
    let shards: Vec<(Vec<(usize, Outcome)>, usize)> = by_shard
        .into_par_iter()
        .enumerate()
        .map(|(shard, members)| {
            let t = Instant::now();
            let cached = if members.is_empty() {
                cache::Shard::default()
            } else {
                cache.load(shard)
            };
            clock.add(Stage::Cache, t.elapsed());
            let mut out: Vec<(usize, Outcome)> = Vec::with_capacity(members.len());
            // The entries the shard keeps: (key, payload, the member it belongs to in `out`).
            let mut keep: Vec<(u64, std::borrow::Cow<'_, [u8]>, usize)> =
                Vec::with_capacity(members.len());
            let mut inferred = 0;
            let mut changed = cached.len() != members.len();
            for &(i, key) in &members {
                if let Some(Progress(report)) = &options.progress {
                    report(
                        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
                        found,
                    );
                }
                // An entry inferred on a day whose answers today's differ from is a miss.
                let hit = cached.get(key).and_then(|(payload, sum)| {
                    clock.time(Stage::Cache, || {
                        cache::decode(payload)
                            .filter(|entry| entry.holds_on(options.today))
                            .map(|entry| (Kept::new(entry, sum), payload))
                    })
                });
                match hit {
                    Some((mut kept, payload)) => {
                        if hold == Hold::Outlines {
                            if let Some(at) = cached.stored(key) {
                                kept.held.outline(at);
                            }
                        }
                        keep.push((key, payload.into(), out.len()));
                        out.push((i, Ok(kept)));
                    }
                    None => {
                        changed = true;
                        inferred += 1;
                        let outcome = infer_one(&sources[i]).map(|mut entry| {
                            // Held encoded until its page is rendered, as a cached one is.
                            entry.article.body.compact();
                            match clock.time(Stage::Cache, || cache::encode(&entry)) {
                                Some(payload) => {
                                    let digest = cache::hash_parts(&[&payload]);
                                    keep.push((key, payload.into(), out.len()));
                                    Kept::new(entry, digest)
                                }
                                None => Kept::new(entry, 0),
                            }
                        });
                        out.push((i, outcome));
                    }
                }
            }
            if changed {
                let t = Instant::now();
                let entries: Vec<(u64, &[u8])> = keep.iter().map(|(k, p, _)| (*k, &**p)).collect();
                // A cache that cannot be written costs speed next time, nothing else; the
                // articles it would have held stay whole.
                if let Ok(places) = cache.store(shard, &entries) {
                    if hold == Hold::Outlines {
                        for (at, (_, _, member)) in places.into_iter().zip(&keep) {
                            if let (_, Ok(kept)) = &mut out[*member] {
                                if kept.held.stored().is_none() {
                                    kept.held.outline(at);
                                }
                            }
                        }
                    }
                }
                clock.add(Stage::Cache, t.elapsed());
            }
            (out, inferred)
        })
        .collect();
    let mut inferred = 0;
    for (outs, n) in shards {
        inferred += n;
        for (i, outcome) in outs {
            outcomes[i] = Some(outcome);
        }
    }

    let mut articles = Vec::with_capacity(found);
    let mut seen: HashMap<u64, String> = HashMap::new();
    for (source, outcome) in sources.iter().zip(outcomes) {
        let Some(outcome) = outcome else { continue };
        match outcome {
            Ok(kept) => {
                for w in kept.warnings {
                    diagnostics.push(Diagnostic::warning(&source.rel, w));
                }
                let article = kept.held;
                if let Some(first) = seen.get(&kept.fingerprint) {
                    diagnostics.push(Diagnostic::warning(
                        &source.rel,
                        format!(
                            "the same text as {first}: built once, from {first}; delete one copy"
                        ),
                    ));
                    continue;
                }
                seen.insert(kept.fingerprint, article.path.clone());
                if article.draft && !options.drafts {
                    continue;
                }
                articles.push(article);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    Collected {
        articles,
        diagnostics,
        found,
        inferred,
    }
}

/// Reads, cleans and infers one article file: the article, a fingerprint of its text (to find
/// duplicates) and the cleaning warnings; or why it was skipped.
pub fn infer_file(
    source: &Source,
    cx: &InferContext,
) -> Result<(Article, u64, Vec<String>), Diagnostic> {
    let bytes = read_source(source)?;
    let doc = clean::clean(source.rel.clone(), &bytes);
    drop(bytes);
    check_doc(&doc)?;
    let fingerprint = fingerprint(&doc);
    let warnings = doc.warnings.clone();
    Ok((infer(&doc, cx), fingerprint, warnings))
}

/// What a build keeps of one article file: the article as held, a fingerprint of its text
/// (to find the same text saved twice) and cleaning's warnings.
struct Kept {
    held: Held,
    fingerprint: u64,
    warnings: Vec<String>,
}

impl Kept {
    /// What an entry keeps, its article held whole; `digest` is the hash of the entry as
    /// stored, or 0 when it could not be.
    fn new(entry: cache::Entry, digest: u64) -> Kept {
        let cache::Entry {
            article,
            fingerprint,
            warnings,
        } = entry;
        Kept {
            held: Held::whole(article, digest),
            fingerprint,
            warnings,
        }
    }
}

/// One file's outcome: what the build keeps of it, or why the file was skipped.
type Outcome = Result<Kept, Diagnostic>;

/// Refuses texts that cannot be articles: empty, or binary data.
fn check_doc(doc: &Doc) -> Result<(), Diagnostic> {
    if doc.format == clean::Format::Html && doc.blocks.is_empty() {
        return Err(Diagnostic::warning(
            &doc.path,
            "skipped: no story found in the saved page (only navigation, scripts, a frameset \
             or a redirect); save the article's own page, or copy its text into a .txt file",
        ));
    }
    if doc.text.trim().is_empty() {
        return Err(Diagnostic::warning(&doc.path, "skipped: the file is empty"));
    }
    let replaced = doc.text.chars().filter(|&c| c == '\u{fffd}').count();
    if replaced * 10 > doc.text.chars().count() {
        return Err(Diagnostic::warning(
            &doc.path,
            "skipped: this looks like binary data, not text",
        ));
    }
    if doc.blocks.is_empty() {
        return Err(Diagnostic::warning(
            &doc.path,
            "skipped: no text is left once page furniture is removed",
        ));
    }
    Ok(())
}

/// A hash of the body text, to find the same article saved twice.
fn fingerprint(doc: &Doc) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for b in &doc.blocks {
        b.text.hash(&mut h);
    }
    h.finish()
}

/// Builds the site: infers, orders, renders into a staging folder, and swaps it into place.
/// When `ok` is false the previous output is untouched and the diagnostics say why.
pub fn build(options: &BuildOptions) -> BuildReport {
    let start = Instant::now();
    let mut report = BuildReport::default();
    let site = match Site::load(options) {
        Ok(site) => site,
        Err(d) => {
            report.diagnostics.push(d);
            return report;
        }
    };
    let out = site.output_dir();
    if let Err(d) = check_output_dir(&site.root, &out) {
        report.diagnostics.push(d);
        return report;
    }
    let theme = match load_theme(
        &site.root,
        &site.config.theme.names(),
        site.config.minify.templates(),
    ) {
        Ok(theme) => theme,
        Err(ds) => {
            report.diagnostics.extend(ds);
            return report;
        }
    };
    let clock = StageClock::default();
    let mut scanned = scan(&site, &clock);
    report.read = scanned.read;
    let ignored = std::mem::take(&mut scanned.ignored);

    // Nothing changed since the last good build (same articles, config, theme and program):
    // the output is already right, and is left as it is; that build's warnings are told again.
    let stamp = output_stamp(&site, options, &theme, scanned.digest, &out);
    let stamp_file = site.root.join(".communique-cache").join("output-stamp");
    if out.is_dir() {
        if let Some(last) = LastBuild::read(&stamp_file, &stamp) {
            report.up_to_date = true;
            report.ok = true;
            report.found = last.found;
            report.articles = last.articles;
            report.skipped = last.found.saturating_sub(last.articles) + ignored.len();
            report.diagnostics = last.diagnostics;
            report.diagnostics.extend(ignored);
            report.infer_time = start.elapsed();
            report.total = start.elapsed();
            report.timings = clock.timings();
            return report;
        }
    }
    let _ = std::fs::remove_file(&stamp_file);

    let Collected {
        articles,
        diagnostics,
        found,
        inferred,
    } = collect(&site, options, &clock, scanned, Hold::for_build());
    report.infer_time = start.elapsed();
    report.found = found;
    report.inferred = inferred;
    report.articles = articles.len();
    report.skipped = found - articles.len() + ignored.len();
    report.diagnostics = diagnostics;

    let t = Instant::now();
    let (timeline, warnings) =
        clock.time(Stage::Order, || order(articles, &site.config, &site.topics));
    report.diagnostics.extend(warnings);
    report.order_time = t.elapsed();

    let t = Instant::now();
    let result = write_site(&site, &timeline, &theme, &out, None, Some(&clock));
    report.render_time = t.elapsed();
    report.total = start.elapsed();
    report.timings = clock.timings();
    match result {
        Ok(r) => {
            report.render = r;
            report.ok = true;
            // Without a stamp the next build renders again: slower, never wrong.
            let _ = LastBuild {
                found: report.found,
                articles: report.articles,
                diagnostics: report.diagnostics.clone(),
            }
            .write(&stamp_file, &stamp);
        }
        Err(ds) => report.diagnostics.extend(ds),
    }
    // Told on every build, so not kept with the build's own warnings.
    report.diagnostics.extend(ignored);
    // Freeing every article one by one costs a tenth of a warm build; a command that exits
    // next need not wait for it.
    std::thread::spawn(move || drop(timeline));
    report
}

/// What a good build told, kept beside its stamp (`.communique-cache/output-stamp`: the
/// stamp's line, then this as JSON) so that a build that finds nothing changed tells it again.
#[derive(Serialize, Deserialize)]
struct LastBuild {
    found: usize,
    articles: usize,
    diagnostics: Vec<Diagnostic>,
}

impl LastBuild {
    /// The last build's report, if the stamp file holds `stamp`.
    fn read(file: &Path, stamp: &str) -> Option<LastBuild> {
        let text = std::fs::read_to_string(file).ok()?;
        let (line, json) = text.split_once('\n')?;
        if line != stamp {
            return None;
        }
        serde_json::from_str(json).ok()
    }

    fn write(&self, file: &Path, stamp: &str) -> std::io::Result<()> {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_string(self).map_err(std::io::Error::other)?;
        std::fs::write(file, format!("{stamp}\n{json}"))
    }
}

/// Everything the output depends on, as one line: the articles' digest, the whole config, the
/// theme's files, the options, the program, and where the output goes.
fn output_stamp(
    site: &Site,
    options: &BuildOptions,
    theme: &crate::render::Theme,
    digest: u64,
    out: &Path,
) -> String {
    let config = serde_json::to_vec(&site.config).unwrap_or_default();
    let program = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{}:{:?}", m.len(), m.modified().ok()))
        .unwrap_or_default();
    let hash = cache::hash_parts(&[
        &digest.to_le_bytes(),
        &config,
        &theme.fingerprint().to_le_bytes(),
        &[u8::from(options.drafts)],
        options.today.to_string().as_bytes(),
        env!("CARGO_PKG_VERSION").as_bytes(),
        program.as_bytes(),
    ]);
    format!("{hash:016x} {}", out.display())
}

/// Renders into a staging folder beside `out`, then swaps it in. Nothing in `out` changes
/// unless every page rendered.
pub fn write_site(
    site: &Site,
    timeline: &Timeline,
    theme: &crate::render::Theme,
    out: &Path,
    inject: Option<&str>,
    clock: Option<&StageClock>,
) -> Result<RenderReport, Vec<Diagnostic>> {
    let parent = out
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let io = |what: &str, e: std::io::Error| vec![Diagnostic::error(out, format!("{what}: {e}"))];
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| io("cannot create the staging folder", e))?;
    // Pages whose inputs did not change since the last build are linked from its output.
    let version = reuse::output_version(&site.root, &site.config, inject);
    let previous = PageManifest::load(&site.root, version)
        .filter(|_| out.is_dir())
        .map(|manifest| Previous {
            dir: out.to_path_buf(),
            manifest,
        });
    let settings = RenderSettings {
        config: &site.config,
        kb: &site.kb,
        theme,
        inject,
        clock,
        previous: previous.as_ref(),
        select: None,
    };
    // A page that cannot be built panics only on a fault outside the program (an article
    // outline whose cache file can no longer be read): the build fails like any other, and
    // leaves no staging folder behind.
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        render_site(timeline, &settings, &staging)
    }))
    .unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("a page could not be built");
        Err(vec![Diagnostic::error(out, why.to_string())])
    });
    let report = match rendered {
        Ok(r) => r,
        Err(ds) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(ds);
        }
    };
    // The manifest must never describe an output that is not in place: drop it before the
    // swap, write the new one after.
    PageManifest::remove(&site.root);
    if out.exists() {
        std::fs::rename(out, &old).map_err(|e| io("cannot move the previous output aside", e))?;
    }
    if let Err(e) = std::fs::rename(&staging, out) {
        let _ = std::fs::rename(&old, out);
        return Err(io("cannot move the new output into place", e));
    }
    // The previous output's pages are known: unlinked with their folders without listing
    // them (a folder per article); whatever is left is listed and removed.
    if let Some(previous) = &previous {
        let pages: Vec<&String> = previous.manifest.pages.keys().collect();
        pages.par_iter().for_each(|page| {
            let file = old.join(page);
            if std::fs::remove_file(&file).is_ok() {
                if let Some(folder) = file.parent().filter(|f| *f != old) {
                    // Fails, as it should, for a folder that holds more.
                    let _ = std::fs::remove_dir(folder);
                }
            }
        });
    }
    remove_tree(&old);
    let _ = PageManifest::save(
        &site.root,
        version,
        &report.page_hashes,
        &report.exports,
        report.search.as_ref(),
    );
    Ok(report)
}

/// Removes `dir` and everything in it, its subfolders in parallel (an output of 100,000 pages
/// is as many folders). What cannot be removed is left: it is no longer the output.
fn remove_tree(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let entries: Vec<std::fs::DirEntry> = entries.flatten().collect();
    entries.par_iter().for_each(|e| {
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            remove_tree(&e.path());
        } else {
            let _ = std::fs::remove_file(e.path());
        }
    });
    let _ = std::fs::remove_dir(dir);
}

/// The output folder must be inside the site and must not hold the site's own sources.
fn check_output_dir(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let root_abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let out_abs = normalise(&root_abs.join(out.strip_prefix(root).unwrap_or(out)));
    let bad = out_abs == root_abs
        || root_abs.starts_with(&out_abs)
        || [
            "content",
            "themes",
            "templates",
            "static",
            "knowledge",
            "src",
        ]
        .iter()
        .any(|d| out_abs.starts_with(root_abs.join(d)));
    if bad {
        return Err(Diagnostic::error(
            "config.toml",
            format!(
                "output_dir {} would overwrite the site's own files: choose a folder of its own, such as \"public\"",
                out.display()
            ),
        ));
    }
    Ok(())
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether any diagnostic is an error, or (with `strict`) any at all.
pub fn failed(diagnostics: &[Diagnostic], strict: bool) -> bool {
    diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error || strict)
}
