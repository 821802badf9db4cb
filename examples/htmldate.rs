//! Scores the publication date communique infers from saved web pages against htmldate's
//! public evaluation set (`eval/htmldate/`, rebuilt by `python3 eval/htmldate/fetch.py`).
//!
//! `cargo run --release --example htmldate -- [--misses] [--limit N] [--today YYYY-MM-DD]
//! [--dir eval/htmldate/pages]`
//!
//! Each page goes through the same clean → infer path as an `.html` file in `content/`, with
//! the built-in knowledge base and default configuration, and without its URL (htmldate's own
//! evaluation gives none either). A page counts as right when the inferred publication day is
//! the gold day. `eval/htmldate/peers.py` prints htmldate's figure on the same pages.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Deserialize;

use communique::clean;
use communique::infer::infer;
use communique::site::{BuildOptions, Site};

#[derive(Debug, Deserialize)]
struct Gold {
    file: String,
    date: String,
}

fn main() {
    let mut dir = PathBuf::from("eval/htmldate/pages");
    let mut misses = false;
    let mut limit = usize::MAX;
    let mut today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("valid day");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dir" => dir = PathBuf::from(args.next().expect("--dir PATH")),
            "--misses" => misses = true,
            "--limit" => limit = args.next().and_then(|n| n.parse().ok()).expect("--limit N"),
            "--today" => {
                today = args
                    .next()
                    .and_then(|d| d.parse().ok())
                    .expect("--today YYYY-MM-DD")
            }
            other => {
                panic!("unknown argument {other}; see the doc comment of examples/htmldate.rs")
            }
        }
    }
    let gold: Vec<Gold> =
        serde_json::from_slice(&std::fs::read(dir.join("gold.json")).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; rebuild the pages with `python3 eval/htmldate/fetch.py`",
                dir.join("gold.json").display()
            )
        }))
        .expect("gold.json is a list of {file, url, date}");
    let gold: Vec<Gold> = gold.into_iter().take(limit).collect();

    let root = std::env::temp_dir().join(format!("communique-htmldate-{}", std::process::id()));
    std::fs::create_dir_all(&root).expect("temporary folder");
    let site = Site::load(&BuildOptions {
        today,
        ..BuildOptions::new(&root)
    })
    .unwrap_or_else(|d| panic!("{d}"));
    let cx = site.infer_context(today);

    let started = Instant::now();
    let results: Vec<(bool, bool, String)> = gold
        .par_iter()
        .map(|g| {
            let path = dir.join(&g.file);
            let bytes = std::fs::read(&path).unwrap_or_default();
            let doc = clean::clean(Path::new(&g.file).to_path_buf(), &bytes);
            let a = infer(&doc, &cx);
            let have = a.published.get().map(|d| d.to_string()).unwrap_or_default();
            let ok = have == g.date;
            let line = format!(
                "{}\twant {}\thave {}\t{}",
                g.file,
                g.date,
                if have.is_empty() { "-" } else { &have },
                a.published
                    .evidence
                    .iter()
                    .take(2)
                    .map(|e| format!(
                        "{}: {}",
                        e.rule,
                        e.quote.chars().take(60).collect::<String>()
                    ))
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
            (ok, have.is_empty(), line)
        })
        .collect();
    let elapsed = started.elapsed();
    let right = results.iter().filter(|r| r.0).count();
    let none = results.iter().filter(|r| r.1).count();
    if misses {
        for r in results.iter().filter(|r| !r.0) {
            println!("{}", r.2);
        }
    }
    println!(
        "htmldate evaluation set, {} pages: publication date {right}/{} = {:.1}% ({none} undated), {:.1} s",
        results.len(),
        results.len(),
        100.0 * right as f64 / results.len().max(1) as f64,
        elapsed.as_secs_f64()
    );
}
