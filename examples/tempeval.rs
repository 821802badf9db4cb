//! Evaluates the date engine on TimeML files (TempEval-3 TBAQ: TimeBank and AQUAINT).
//!
//! `cargo run --release --example tempeval -- PATH` where PATH is a folder holding `.tml` files
//! (searched recursively; the sub-corpus is the name of the folder holding each file). The data
//! is not part of this repository: fetch it yourself.
//!
//! Scored: gold TIMEX3 of type DATE inside `<TEXT>`, with the document creation time as the
//! anchor. A system expression that overlaps a gold TIMEX3 of another type (TIME, DURATION,
//! SET) is not counted either way, since the engine only tags dates. Reported per sub-corpus and
//! overall: strict extent (exact span) and relaxed extent (overlap) precision, recall and F1,
//! value accuracy over relaxed matches, and value F1 = accuracy × relaxed F1.
//! `--errors` prints every miss and wrong value. Values are compared after normalising notation
//! only (not meaning): TimeML writes a decade `199` and a century `19` where the engine writes
//! `199X` and `19XX`, and some gold weeks are unpadded (`2000-W8`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

#[derive(Debug)]
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
    text: String,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    sys: usize,
    strict: usize,
    relaxed_gold: usize,
    relaxed_sys: usize,
    value_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.sys += o.sys;
        self.strict += o.strict;
        self.relaxed_gold += o.relaxed_gold;
        self.relaxed_sys += o.relaxed_sys;
        self.value_ok += o.value_ok;
    }

    fn print(&self, name: &str) {
        let f = |p: f64, r: f64| {
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }
        };
        let sp = self.strict as f64 / self.sys.max(1) as f64;
        let sr = self.strict as f64 / self.gold.max(1) as f64;
        let rp = self.relaxed_sys as f64 / self.sys.max(1) as f64;
        let rr = self.relaxed_gold as f64 / self.gold.max(1) as f64;
        let rf = f(rp, rr);
        let acc = self.value_ok as f64 / self.relaxed_gold.max(1) as f64;
        println!(
            "{name:<9} gold {:>5} sys {:>5} | strict P {:>5.1} R {:>5.1} F1 {:>5.1} | relaxed P {:>5.1} R {:>5.1} F1 {:>5.1} | value acc {:>5.1} F1 {:>5.1}",
            self.gold,
            self.sys,
            100.0 * sp,
            100.0 * sr,
            100.0 * f(sp, sr),
            100.0 * rp,
            100.0 * rr,
            100.0 * rf,
            100.0 * acc,
            100.0 * acc * rf
        );
    }
}

/// One notation for values that mean the same.
fn norm(v: &str) -> String {
    let mut v = v.trim_end_matches('X').to_string();
    if v.is_empty() {
        return v;
    }
    if let Some(i) = v.find("-W")
        && v[i + 2..].len() == 1
        && v[i + 2..].bytes().all(|b| b.is_ascii_digit())
    {
        v.insert(i + 2, '0');
    }
    v
}

fn attr(tag: &str, name: &str) -> String {
    let key = format!("{name}=\"");
    tag.find(&key)
        .map(|i| {
            let rest = &tag[i + key.len()..];
            rest[..rest.find('"').unwrap_or(rest.len())].to_string()
        })
        .unwrap_or_default()
}

fn entity(s: &str) -> Option<(char, usize)> {
    for (e, c) in [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
    ] {
        if s.starts_with(e) {
            return Some((c, e.len()));
        }
    }
    None
}

/// The plain text inside `<TEXT>` and the gold TIMEX3s, with byte offsets into it.
fn parse(tml: &str) -> Option<(NaiveDate, String, Vec<Gold>)> {
    let dct_at = tml.find("<DCT>")?;
    let dct_tag = &tml[dct_at..dct_at + tml[dct_at..].find("</DCT>")?];
    let value = attr(dct_tag, "value");
    let dct = NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?;
    let body_start = tml.find("<TEXT>")? + "<TEXT>".len();
    let body_end = tml.find("</TEXT>")?;
    let body = &tml[body_start..body_end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest.find('>').unwrap_or(rest.len() - 1);
            let tag = &rest[..=close];
            if tag.starts_with("<TIMEX3") {
                open = Some((text.len(), attr(tag, "type"), attr(tag, "value")));
            } else if tag.starts_with("</TIMEX3") {
                if let Some((start, kind, value)) = open.take() {
                    gold.push(Gold {
                        start,
                        end: text.len(),
                        kind,
                        value,
                        text: text[start..].to_string(),
                    });
                }
            }
            i += close + 1;
        } else if let Some((c, n)) = entity(rest) {
            text.push(c);
            i += n;
        } else {
            let c = rest.chars().next()?;
            text.push(c);
            i += c.len_utf8();
        }
    }
    Some((dct, text, gold))
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let Some(root) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: tempeval [--errors] PATH");
        std::process::exit(2);
    };
    let mut paths = Vec::new();
    files(Path::new(root), &mut paths);
    paths.sort();
    let mut per: BTreeMap<String, Counts> = BTreeMap::new();
    let mut total_bytes = 0usize;
    let mut elapsed = std::time::Duration::ZERO;
    // TBAQ-cleaned ships one TimeBank file a second time (in `testpipeline`): score each text once.
    let mut seen = std::collections::HashSet::new();
    for path in &paths {
        let corpus = path
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(tml) = std::fs::read_to_string(path) else {
            continue;
        };
        if !seen.insert(tml.clone()) {
            eprintln!(
                "skipped {} (a copy of a file already scored)",
                path.display()
            );
            continue;
        }
        let Some((dct, text, gold)) = parse(&tml) else {
            eprintln!("skipped {}", path.display());
            continue;
        };
        let t0 = std::time::Instant::now();
        let sys = communique::dates::find(&text, Some(dct));
        elapsed += t0.elapsed();
        total_bytes += text.len();
        let dates: Vec<&Gold> = gold.iter().filter(|g| g.kind == "DATE").collect();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let mut c = Counts {
            gold: dates.len(),
            ..Counts::default()
        };
        for s in &sys {
            let span = (s.start, s.end);
            let other = gold
                .iter()
                .any(|g| g.kind != "DATE" && overlaps(span, (g.start, g.end)))
                && !dates.iter().any(|g| overlaps(span, (g.start, g.end)));
            if other {
                continue;
            }
            c.sys += 1;
            if dates.iter().any(|g| g.start == s.start && g.end == s.end) {
                c.strict += 1;
            }
            if dates.iter().any(|g| overlaps(span, (g.start, g.end))) {
                c.relaxed_sys += 1;
            } else if errors {
                println!("FP  {} {:?} {} [{}]", corpus, s.text, s.value, s.rule);
            }
        }
        for g in &dates {
            match sys
                .iter()
                .find(|s| overlaps((s.start, s.end), (g.start, g.end)))
            {
                Some(s) => {
                    c.relaxed_gold += 1;
                    if norm(&s.value) == norm(&g.value) {
                        c.value_ok += 1;
                    } else if errors {
                        let ctx_start = text[..g.start]
                            .char_indices()
                            .rev()
                            .nth(60)
                            .map_or(0, |(i, _)| i);
                        let ctx_end = text[g.end..]
                            .char_indices()
                            .nth(40)
                            .map_or(text.len(), |(i, _)| g.end + i);
                        println!(
                            "VAL {} dct {} gold {:?}={} sys {:?}={} [{}] …{}…",
                            corpus,
                            dct,
                            g.text,
                            g.value,
                            s.text,
                            s.value,
                            s.rule,
                            text[ctx_start..ctx_end].replace('\n', " ")
                        );
                    }
                }
                None => {
                    if errors {
                        println!("FN  {} {:?} {}", corpus, g.text, g.value);
                    }
                }
            }
        }
        per.entry(corpus).or_default().add(&c);
    }
    let mut all = Counts::default();
    for (name, c) in &per {
        c.print(name);
        all.add(c);
    }
    all.print("overall");
    println!(
        "{} files, {} KB of text, engine time {:.1} ms ({:.1} µs per 4 KB)",
        paths.len(),
        total_bytes / 1024,
        elapsed.as_secs_f64() * 1000.0,
        elapsed.as_secs_f64() * 1e6 / (total_bytes as f64 / 4096.0)
    );
}
