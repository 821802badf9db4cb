//! Where a build spends its time, stage by stage, for `--verbose` and the benchmark.
//!
//! Per-article stages run on several threads at once, so each stage's figure is the time summed
//! over threads (CPU time spent in it), not wall time: divided by the article count it is the
//! cost of one article on one core. A [`StageClock`] is shared by the threads of one build; each
//! measurement is one `Instant::now()` pair and one relaxed atomic add.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A stage of the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading article files (and hashing them for the cache).
    Read,
    /// Decoding and cleaning texts.
    Clean,
    /// Inferring facts.
    Infer,
    /// Loading and storing the inference cache.
    Cache,
    /// Sorting, slugging, grouping.
    Order,
    /// Building page models and rendering templates.
    Render,
    /// Minifying HTML.
    Minify,
    /// Writing files (and linking unchanged ones).
    Write,
    /// Feeds, sitemap and JSON exports.
    Feeds,
    /// The static search index.
    Search,
}

const STAGES: usize = 10;

/// Accumulates time per stage from many threads.
#[derive(Debug, Default)]
pub struct StageClock {
    nanos: [AtomicU64; STAGES],
}

impl StageClock {
    /// Runs `f`, adding its duration to `stage`.
    pub fn time<T>(&self, stage: Stage, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.add(stage, start.elapsed());
        out
    }

    /// Adds `d` to `stage`.
    pub fn add(&self, stage: Stage, d: Duration) {
        self.nanos[stage as usize].fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
    }

    /// The totals so far.
    pub fn timings(&self) -> Timings {
        let get = |s: Stage| Duration::from_nanos(self.nanos[s as usize].load(Ordering::Relaxed));
        Timings {
            read: get(Stage::Read),
            clean: get(Stage::Clean),
            infer: get(Stage::Infer),
            cache: get(Stage::Cache),
            order: get(Stage::Order),
            render: get(Stage::Render),
            minify: get(Stage::Minify),
            write: get(Stage::Write),
            feeds: get(Stage::Feeds),
            search: get(Stage::Search),
        }
    }
}

/// Time per stage, summed over threads.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Timings {
    /// Reading article files.
    pub read: Duration,
    /// Decoding and cleaning.
    pub clean: Duration,
    /// Inference.
    pub infer: Duration,
    /// Inference cache load and store.
    pub cache: Duration,
    /// Ordering.
    pub order: Duration,
    /// Page models and templates.
    pub render: Duration,
    /// HTML minification.
    pub minify: Duration,
    /// Writing and linking output files.
    pub write: Duration,
    /// Feeds, sitemap, JSON exports.
    pub feeds: Duration,
    /// The search index.
    pub search: Duration,
}

impl Timings {
    /// (name, duration) for every stage, in pipeline order.
    pub fn stages(&self) -> [(&'static str, Duration); STAGES] {
        [
            ("read", self.read),
            ("clean", self.clean),
            ("infer", self.infer),
            ("cache", self.cache),
            ("order", self.order),
            ("render", self.render),
            ("minify", self.minify),
            ("write", self.write),
            ("feeds", self.feeds),
            ("search", self.search),
        ]
    }
}
