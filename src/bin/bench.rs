//! `bench [--sizes 1000,10000,100000] [--dir DIR] [--runs R] [--seed S] [--keep]`: builds
//! generated corpora and reports time per stage, per article, peak memory and output size.
//!
//! For each size it generates a corpus with `gen-corpus` (or reuses one already in `DIR/N`),
//! then measures, each build in a fresh child process (so peak memory is the build's own):
//! cold builds (no output, no cache) without the search index (the page set static site
//! generators build) and with it, and after each a warm rebuild with nothing changed and one
//! after one article changed. Output size is given in total and per article (what a host's
//! size limit allows: `docs/deploy.md`). Figures are medians over `--runs` builds. A last micro-benchmark
//! cleans and infers articles on one thread, to give the cost of one article on one core.
//!
//! Run it on a RAM disk (`--dir /dev/shm/...`, the default): on a VM's disk, creating and
//! deleting many files varies several-fold from run to run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use communique::site::{BuildOptions, Site, build};

/// The allocator the `communique` binary uses, so that builds are measured as users run them
/// (with the system allocator a warm rebuild of 10,000 articles took a quarter longer).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CONFIG: &str = include_str!("../../config.toml");

struct Args {
    sizes: Vec<usize>,
    dir: PathBuf,
    runs: usize,
    seed: u64,
    keep: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: bench [--sizes 1000,10000,100000] [--dir /dev/shm/communique-bench] [--runs 3] [--seed 1] [--keep]"
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut args = Args {
        sizes: vec![1000, 10_000],
        dir: PathBuf::from("/dev/shm/communique-bench"),
        runs: 3,
        seed: 1,
        keep: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--sizes" => {
                args.sizes = value()
                    .split(',')
                    .map(|s| {
                        s.trim()
                            .replace('_', "")
                            .parse()
                            .unwrap_or_else(|_| usage())
                    })
                    .collect()
            }
            "--dir" => args.dir = PathBuf::from(value()),
            "--runs" => args.runs = value().parse().unwrap_or_else(|_| usage()),
            "--seed" => args.seed = value().parse().unwrap_or_else(|_| usage()),
            "--keep" => args.keep = true,
            _ => usage(),
        }
    }
    args
}

/// Peak resident memory of this process, in KB.
fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// The child: one build of the site at `root`, figures printed as `key=value` lines.
fn child(root: &Path) {
    let mut options = BuildOptions::new(root);
    options.today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).expect("date");
    let report = build(&options);
    if !report.ok {
        eprintln!("build failed: {:#?}", report.diagnostics);
        std::process::exit(1);
    }
    println!("total={}", report.total.as_nanos());
    for (name, d) in report.timings.stages() {
        println!("{name}={}", d.as_nanos());
    }
    println!("articles={}", report.articles);
    println!("pages={}", report.render.pages);
    println!("reused={}", report.render.reused);
    println!("inferred={}", report.inferred);
    println!("bytes={}", report.render.bytes);
    println!("hwm_kb={}", vm_hwm_kb());
}

type Figures = BTreeMap<String, f64>;

fn run_child(root: &Path) -> Figures {
    let exe = std::env::current_exe().expect("own path");
    let start = Instant::now();
    let out = Command::new(exe)
        .arg("--child")
        .arg(root)
        .output()
        .expect("run the build");
    let wall = start.elapsed();
    if !out.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
        std::process::exit(1);
    }
    let mut f: Figures = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once('='))
        .filter_map(|(k, v)| Some((k.to_string(), v.parse().ok()?)))
        .collect();
    f.insert("wall".into(), wall.as_nanos() as f64);
    f
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return 0.0;
    }
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn medians(runs: &[Figures]) -> Figures {
    let keys: Vec<String> = runs
        .first()
        .map(|r| r.keys().cloned().collect())
        .unwrap_or_default();
    keys.into_iter()
        .map(|k| {
            let m = median(runs.iter().filter_map(|r| r.get(&k).copied()).collect());
            (k, m)
        })
        .collect()
}

fn ensure_corpus(root: &Path, n: usize, seed: u64) {
    let content = root.join("content");
    let have = std::fs::read_dir(&content).map(|d| d.count()).unwrap_or(0);
    if have != n {
        let _ = std::fs::remove_dir_all(&content);
        let gen_exe = std::env::current_exe()
            .expect("own path")
            .with_file_name("gen-corpus");
        eprintln!("generating {n} articles in {}", content.display());
        let status = Command::new(&gen_exe)
            .arg(n.to_string())
            .arg(&content)
            .arg("--seed")
            .arg(seed.to_string())
            .status()
            .unwrap_or_else(|e| {
                eprintln!(
                    "cannot run {} ({e}): build it with `cargo build --release --bin gen-corpus`",
                    gen_exe.display()
                );
                std::process::exit(1)
            });
        if !status.success() {
            std::process::exit(1);
        }
    }
    write_config(root, true);
}

/// The repository's config, with the search index on or off.
fn write_config(root: &Path, search: bool) {
    let config = CONFIG.replacen("search = true", &format!("search = {search}"), 1);
    std::fs::write(root.join("config.toml"), config).expect("write config.toml");
}

fn clean_outputs(root: &Path) {
    let _ = std::fs::remove_dir_all(root.join("public"));
    let _ = std::fs::remove_dir_all(root.join(".communique-cache"));
}

/// The corpus's article files, sorted.
fn content_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("content"))
        .expect("content")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

/// Warm rebuilds of one site: nothing changed, and one article changed (medians).
struct Warm {
    unchanged: Figures,
    one_changed: Figures,
}

/// The article a warm rebuild changes, and its original text.
fn changed_article(root: &Path) -> (PathBuf, String) {
    let files = content_files(root);
    let path = files[files.len() / 2].clone();
    let text = std::fs::read_to_string(&path).expect("article");
    (path, text)
}

fn ms(ns: f64) -> String {
    format!("{:.0} ms", ns / 1e6)
}

fn us_per(ns: f64, n: f64) -> String {
    format!("{:.1}", ns / 1e3 / n.max(1.0))
}

/// Cleans and infers up to 2,000 articles of the corpus on this thread only.
fn single_core(root: &Path) -> (usize, f64, Duration, Duration) {
    let options = BuildOptions::new(root);
    let site = Site::load(&options).unwrap_or_else(|d| {
        eprintln!("{d:?}");
        std::process::exit(1)
    });
    let cx = communique::infer::InferContext {
        kb: &site.kb,
        topics: &site.topics,
        period: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 6, 1).expect("date"),
    };
    let mut files = content_files(root);
    files.truncate(2000);
    let texts: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (PathBuf::from(p.file_name().expect("name")), bytes)
        })
        .collect();
    let kb_total: f64 = texts.iter().map(|(_, b)| b.len() as f64).sum::<f64>() / 1024.0;
    let (mut clean_t, mut infer_t) = (Duration::ZERO, Duration::ZERO);
    // One warm-up pass (lazy regexes, caches), then the measured one.
    for pass in 0..2 {
        for (name, bytes) in &texts {
            let t = Instant::now();
            let doc = communique::clean::clean(name.clone(), bytes);
            let t2 = Instant::now();
            let article = communique::infer::infer(&doc, &cx);
            let t3 = Instant::now();
            std::hint::black_box(article);
            if pass == 1 {
                clean_t += t2 - t;
                infer_t += t3 - t2;
            }
        }
    }
    (texts.len(), kb_total / texts.len() as f64, clean_t, infer_t)
}

fn main() {
    let raw: Vec<String> = std::env::args().collect();
    if raw.get(1).map(String::as_str) == Some("--child") {
        child(Path::new(raw.get(2).unwrap_or_else(|| usage())));
        return;
    }
    let args = parse_args();
    println!(
        "communique bench — {} runs per figure (median), output in {}\n",
        args.runs,
        args.dir.display()
    );
    let mut table = Vec::new();
    let mut last_root = None;
    for &n in &args.sizes {
        let root = args.dir.join(n.to_string());
        ensure_corpus(&root, n, args.seed);
        let cold_runs = |search: bool| {
            write_config(&root, search);
            let runs: Vec<Figures> = (0..args.runs)
                .map(|_| {
                    clean_outputs(&root);
                    run_child(&root)
                })
                .collect();
            medians(&runs)
        };
        // Warm: the cache and output of the last cold build are in place; first without the
        // search index, then with it.
        let warm_runs = || {
            let unchanged = medians(&(0..args.runs).map(|_| run_child(&root)).collect::<Vec<_>>());
            let (path, original) = changed_article(&root);
            let one_changed: Vec<Figures> = (0..args.runs)
                .map(|k| {
                    let edited = original.replacen(
                        "\n\n",
                        &format!("\n\nThe minister repeated the point {} times.\n\n", k + 2),
                        1,
                    );
                    std::fs::write(&path, edited).expect("edit article");
                    run_child(&root)
                })
                .collect();
            std::fs::write(&path, &original).expect("restore article");
            Warm {
                unchanged,
                one_changed: medians(&one_changed),
            }
        };
        let cold = cold_runs(false);
        let warm = warm_runs();
        let cold_search = cold_runs(true);
        let warm_search = warm_runs();
        table.push((n, cold, cold_search, warm, warm_search));
        if !args.keep {
            clean_outputs(&root);
        }
        last_root = Some(root);
    }

    println!("## Cold builds (no output, no cache), without the search index\n");
    println!(
        "| articles | wall | wall/article | peak RSS | RSS/article | output | output/article | pages |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (n, cold, _, _, _) in &table {
        let n_f = *n as f64;
        println!(
            "| {n} | {} | {} µs | {:.0} MB | {:.1} KB | {:.0} MB | {:.1} KB | {:.0} |",
            ms(cold["wall"]),
            us_per(cold["wall"], n_f),
            cold["hwm_kb"] / 1024.0,
            cold["hwm_kb"] / n_f,
            cold["bytes"] / 1e6,
            cold["bytes"] / 1024.0 / n_f,
            cold["pages"],
        );
    }
    println!("\n## The search index (cold builds with it)\n");
    println!(
        "| articles | wall with index | index's own CPU | extra wall | extra peak RSS | output/article |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
    for (n, cold, with, _, _) in &table {
        println!(
            "| {n} | {} | {} | {} | {:.0} MB | {:.1} KB |",
            ms(with["wall"]),
            ms(with["search"]),
            ms(with["wall"] - cold["wall"]),
            (with["hwm_kb"] - cold["hwm_kb"]) / 1024.0,
            with["bytes"] / 1024.0 / *n as f64,
        );
    }
    println!(
        "\n## CPU time per article and stage, cold with the index (µs, summed over threads)\n"
    );
    let stages = [
        "read", "clean", "infer", "cache", "order", "render", "minify", "write", "feeds", "search",
    ];
    println!(
        "| articles | {} | total CPU | wall/CPU |",
        stages.join(" | ")
    );
    println!("|---:|{}---:|---:|", "---:|".repeat(stages.len()));
    for (n, _, cold, _, _) in &table {
        let n_f = *n as f64;
        let cpu: f64 = stages.iter().map(|s| cold[*s]).sum();
        let cells: Vec<String> = stages.iter().map(|s| us_per(cold[*s], n_f)).collect();
        println!(
            "| {n} | {} | {} | {:.2} |",
            cells.join(" | "),
            us_per(cpu, n_f),
            cold["wall"] / cpu.max(1.0)
        );
    }
    println!("\n## Warm rebuilds (cache and previous output in place)\n");
    println!(
        "| articles | search index | nothing changed | one article changed | re-inferred | pages re-rendered | warm/cold |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|");
    for (n, cold, cold_search, warm, warm_search) in &table {
        for (index, cold, w) in [("off", cold, warm), ("on", cold_search, warm_search)] {
            let one = &w.one_changed;
            println!(
                "| {n} | {index} | {} | {} | {:.0} | {:.0} of {:.0} | {:.3} |",
                ms(w.unchanged["wall"]),
                ms(one["wall"]),
                one["inferred"],
                one["pages"] - one["reused"],
                one["pages"],
                one["wall"] / cold["wall"]
            );
        }
    }
    if let Some(root) = last_root {
        let (count, kb, clean_t, infer_t) = single_core(&root);
        println!("\n## One core: clean + infer of {count} articles ({kb:.1} KB on average)\n");
        let per = |d: Duration| d.as_secs_f64() * 1e6 / count as f64;
        println!("| clean | infer | clean + infer | per KB |");
        println!("|---:|---:|---:|---:|");
        println!(
            "| {:.0} µs | {:.0} µs | {:.0} µs | {:.1} µs |",
            per(clean_t),
            per(infer_t),
            per(clean_t + infer_t),
            per(clean_t + infer_t) / kb
        );
        if !args.keep {
            let _ = std::fs::remove_dir_all(&args.dir);
        }
    }
}
