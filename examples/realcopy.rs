//! Scores inference on the real-copy corpus (`eval/realcopy/`) against its hand-checked gold,
//! field by field, and lists the misses with the evidence behind each wrong answer.
//!
//! `cargo run --release --example realcopy -- [--split dev|test|all] [--with-url] [--misses]
//! [--field NAME] [--batch NAMES] [--today YYYY-MM-DD] [--dir eval/realcopy]`
//!
//! The texts are third-party pages and live in the ignored `texts/` folder: rebuild them first
//! (see `eval/realcopy/README.md`). Each text goes through the same clean → infer path as a
//! build, with the built-in knowledge base and default configuration. With `--with-url` the
//! page's URL is added as the text's last line, as a user who keeps it would, and facts the gold
//! marks as given only by the URL are scored too. Names are compared after folding case,
//! accents, quotation marks and punctuation; an outlet or a person under another of the
//! names the knowledge base gives them ("AFP" for "Agence France-Presse", "Faisal bin Farhan"
//! for "Faisal bin Farhan Al Saud") counts as the same.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use communique::clean;
use communique::infer::{Article, Evidence, infer};
use communique::site::{BuildOptions, Site};

#[derive(Debug, Deserialize)]
struct GoldFile {
    page: Vec<Page>,
}

#[derive(Debug, Deserialize, Clone)]
struct Page {
    id: String,
    split: String,
    url: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    published_from: String,
    #[serde(default)]
    stated: String,
    #[serde(default)]
    stated_from: String,
    #[serde(default)]
    outlet: String,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    source_from: String,
    #[serde(default)]
    speakers: Vec<String>,
}

/// The fields scored, in the order they are reported.
const FIELDS: &[&str] = &["stated", "published", "source", "speaker", "headline"];

struct Options {
    dir: PathBuf,
    split: String,
    with_url: bool,
    misses: bool,
    field: Option<String>,
    /// Only the labellers' batches named (`--batch za`, `--batch f,g`, or one-letter batches
    /// run together, `--batch fg`): a batch new to the rules is the fairest measure of pages
    /// they were not shaped on.
    batch: Option<String>,
    today: NaiveDate,
}

fn options() -> Options {
    let mut o = Options {
        dir: PathBuf::from("eval/realcopy"),
        split: "dev".into(),
        with_url: false,
        misses: false,
        field: None,
        batch: None,
        today: NaiveDate::from_ymd_opt(2026, 12, 2).expect("valid day"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--split" => o.split = args.next().expect("--split dev|test|all"),
            "--with-url" => o.with_url = true,
            "--misses" => o.misses = true,
            "--field" => {
                o.misses = true;
                o.field = args.next();
            }
            "--batch" => o.batch = Some(args.next().expect("--batch NAMES")),
            "--dir" => o.dir = PathBuf::from(args.next().expect("--dir PATH")),
            "--today" => {
                o.today = args
                    .next()
                    .and_then(|d| d.parse().ok())
                    .expect("--today YYYY-MM-DD")
            }
            "-h" | "--help" => {
                println!(
                    "realcopy [--split dev|test|all] [--with-url] [--misses] [--field NAME] [--batch NAMES] [--today YYYY-MM-DD] [--dir PATH]"
                );
                std::process::exit(0);
            }
            other => panic!("unknown argument {other}; see --help"),
        }
    }
    o
}

/// Folds case, accents, quotation marks and punctuation, so "Ministry of Foreign Affairs of
/// the People's Republic of China" and "ministry of foreign affairs of the peoples republic of
/// china" compare equal.
fn norm(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = fold_accent(c);
        if matches!(
            c,
            '\'' | '"' | '`' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}'
        ) {
            continue;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' | 'ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ç' | 'č' | 'ć' => 'c',
        'ñ' | 'ń' => 'n',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ğ' => 'g',
        // "İhsanoğlu": the dotted capital lower-cases to an i and a combining dot.
        'ı' | 'İ' => 'i',
        'ş' | 'Ş' | 'ș' => 's',
        'ă' => 'a',
        'ł' => 'l',
        'ő' => 'o',
        'ű' => 'u',
        'ř' => 'r',
        'ě' => 'e',
        'ţ' | 'ț' => 't',
        'đ' => 'd',
        other => other,
    }
}

fn load_gold(dir: &Path) -> Vec<Page> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("gold"))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.join("gold").display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut pages = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let gold: GoldFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        pages.extend(gold.page);
    }
    pages
}

/// A page's batch: the letters its id starts with (`za` for `za007`).
fn batch_of(id: &str) -> &str {
    id.trim_end_matches(|c: char| c.is_ascii_digit())
}

/// The batches `--batch` names: comma-separated names, where a part that is no batch's name is
/// read as one-letter batches run together (`fg` is `f,g`), as before batches had longer names.
fn batch_names<'a>(spec: &'a str, pages: &[Page]) -> Vec<&'a str> {
    let mut names = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if pages.iter().any(|p| batch_of(&p.id) == part) {
            names.push(part);
        } else {
            names.extend(part.char_indices().map(|(i, c)| &part[i..i + c.len_utf8()]));
        }
    }
    names
}

/// One wrong or missing answer, with the evidence the system gave for it.
struct Miss {
    id: String,
    field: &'static str,
    want: String,
    have: String,
    evidence: String,
}

fn evidence_line(evidence: &[Evidence]) -> String {
    evidence
        .iter()
        .take(2)
        .map(|e| {
            if e.quote.is_empty() {
                format!("{}: {}", e.rule, e.note)
            } else {
                let quote: String = e.quote.chars().take(70).collect();
                format!("{}: \"{}\"", e.rule, quote.replace('\n', " "))
            }
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn main() {
    let o = options();
    let pages: Vec<Page> = load_gold(&o.dir)
        .into_iter()
        .filter(|p| o.split == "all" || p.split == o.split)
        .collect();
    let pages: Vec<Page> = match o.batch.as_deref() {
        None => pages,
        Some(spec) => {
            let names = batch_names(spec, &pages);
            pages
                .into_iter()
                .filter(|p| names.contains(&batch_of(&p.id)))
                .collect()
        }
    };
    let root = tempfile_root();
    let build = BuildOptions {
        today: o.today,
        ..BuildOptions::new(&root)
    };
    let site = Site::load(&build).unwrap_or_else(|d| panic!("{d}"));
    let cx = site.infer_context(o.today);
    let usable = |from: &str| from == "text" || (o.with_url && from == "url");

    let mut scores: BTreeMap<&str, (usize, usize)> = FIELDS.iter().map(|f| (*f, (0, 0))).collect();
    let mut misses = Vec::new();
    let mut missing_texts = Vec::new();
    for p in &pages {
        let path = o.dir.join("texts").join(format!("{}.txt", p.id));
        let Ok(mut text) = std::fs::read_to_string(&path) else {
            missing_texts.push(p.id.clone());
            continue;
        };
        if o.with_url {
            text = format!("{}\n\n{}\n", text.trim_end_matches('\n'), p.url);
        }
        let doc = clean::clean_str(&format!("{}.txt", p.id), &text);
        let a = infer(&doc, &cx);
        let mut score = |field: &'static str, ok: bool, want: String, have: String, ev: String| {
            let s = scores.get_mut(field).expect("known field");
            s.1 += 1;
            if ok {
                s.0 += 1;
            } else {
                misses.push(Miss {
                    id: p.id.clone(),
                    field,
                    want,
                    have,
                    evidence: ev,
                });
            }
        };
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        if !p.stated.is_empty() && usable(&p.stated_from) {
            let have = day(a.stated.value);
            score(
                "stated",
                have == p.stated,
                p.stated.clone(),
                have,
                evidence_line(&a.stated.evidence),
            );
        }
        if !p.published.is_empty() && usable(&p.published_from) {
            let have = day(a.published.value);
            score(
                "published",
                have == p.published,
                p.published.clone(),
                have,
                evidence_line(&a.published.evidence),
            );
        }
        if !(p.outlet.is_empty() && p.agency.is_empty()) && usable(&p.source_from) {
            score_source(p, &a, &mut score);
        }
        let want = p.speakers.first().map(|s| norm(s)).unwrap_or_default();
        let have = a
            .speakers
            .get()
            .and_then(|s| s.first())
            .map(|s| norm(&s.name))
            .unwrap_or_default();
        // The same person under another of the knowledge base's names for them ("Faisal bin
        // Farhan", "Faisal bin Farhan Al Saud") is the same speaker, as for outlets.
        let same_person = {
            let kb = communique::knowledge::Knowledge::builtin();
            let id = |n: &str| kb.person_by_name(n);
            !want.is_empty()
                && p.speakers.first().and_then(|w| id(w)).is_some_and(|w| {
                    a.speakers
                        .get()
                        .and_then(|s| s.first())
                        .and_then(|s| id(&s.name))
                        == Some(w)
                })
        };
        score(
            "speaker",
            want == have || same_person,
            want,
            have,
            evidence_line(&a.speakers.evidence),
        );
        if !p.title.is_empty() {
            let have = a.title.get().cloned().unwrap_or_default();
            score(
                "headline",
                norm(&have) == norm(&p.title),
                p.title.clone(),
                have,
                evidence_line(&a.title.evidence),
            );
        }
    }
    let _ = std::fs::remove_dir_all(&root);

    println!(
        "split {}, {} pages{}",
        o.split,
        pages.len() - missing_texts.len(),
        if o.with_url { " (with URL)" } else { "" }
    );
    if !missing_texts.is_empty() {
        println!(
            "  {} texts missing (rebuild texts/): {}",
            missing_texts.len(),
            missing_texts.join(" ")
        );
    }
    for f in FIELDS {
        let (ok, n) = scores[f];
        println!(
            "  {f:<10} {ok:>4}/{n:<4} {:>5.1}%",
            100.0 * ok as f64 / n.max(1) as f64
        );
    }
    if o.misses {
        for m in misses
            .iter()
            .filter(|m| o.field.as_deref().is_none_or(|f| f == m.field))
        {
            println!(
                "MISS {} {:<9} want {:?} have {:?}\n     {}",
                m.id, m.field, m.want, m.have, m.evidence
            );
        }
    }
}

/// The source is right when the outlet or the agency found names the gold's outlet or one of its
/// agencies.
fn score_source(
    p: &Page,
    a: &Article,
    score: &mut impl FnMut(&'static str, bool, String, String, String),
) {
    let want: Vec<String> = std::iter::once(p.outlet.as_str())
        .chain(p.agency.split(", "))
        .filter(|s| !s.is_empty())
        .map(norm)
        .collect();
    // The base tells papers of one name apart by country ("The Star (Kenya)"): the paper
    // is still "The Star".
    let unqualified = |name: &str| match name.strip_suffix(')').and_then(|n| n.rsplit_once(" (")) {
        Some((bare, _)) => bare.to_string(),
        None => name.to_string(),
    };
    let have: Vec<String> = [a.outlet.get(), a.agency.get()]
        .into_iter()
        .flatten()
        .flat_map(|o| [norm(&o.name), norm(&unqualified(&o.name))])
        .collect();
    // The same outlet under another of its names ("AFP", "Agence France-Presse") is the same
    // outlet: the knowledge base's aliases decide.
    let kb = communique::knowledge::Knowledge::builtin();
    let id = |name: &str| kb.outlet_by_name(name).map(|o| kb.outlets[o].id.clone());
    let want_ids: Vec<String> = std::iter::once(p.outlet.as_str())
        .chain(p.agency.split(", "))
        .filter_map(id)
        .collect();
    let have_ids: Vec<String> = [a.outlet.get(), a.agency.get()]
        .into_iter()
        .flatten()
        .map(|o| o.id.clone())
        .collect();
    let ok = have.iter().any(|h| want.contains(h)) || have_ids.iter().any(|h| want_ids.contains(h));
    let mut evidence = a.outlet.evidence.clone();
    evidence.extend(a.agency.evidence.iter().cloned());
    score(
        "source",
        ok,
        want.join(" / "),
        have.join(" / "),
        evidence_line(&evidence),
    );
}

/// An empty site folder: the built-in knowledge base and default configuration.
fn tempfile_root() -> PathBuf {
    let root = std::env::temp_dir().join(format!("communique-realcopy-{}", std::process::id()));
    std::fs::create_dir_all(&root).expect("temporary folder");
    root
}
