//! Scratch harness comparing main-content extractors available as Rust crates.
//!
//! extract-cmp quality <extractor> <dir> <files.txt>   -> JSONL on stdout (one line per file)
//! extract-cmp speed   <extractor> <dir> [limit]       -> timing summary on stdout
//! extract-cmp list                                   -> extractor names
//!
//! Input bytes are decoded to text the same way for every extractor (BOM, then a
//! <meta charset>/http-equiv in the first 4 KB, then strict UTF-8, then chardetng), and
//! decoding is not timed: the timed part is parse + extraction from a &str.

use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

const EXTRACTORS: &[&str] = &[
    "none",
    "parse",
    "everything",
    "dom_smoothie",
    "readability",
    "llm_readability",
    "readable_readability",
    "libreadability",
    "legible",
    "readabilityrs",
    "trafilatura",
    "trafilatura_fallback",
    "rs_trafilatura",
];

struct Out {
    /// The crate's own plain-text output.
    text: String,
    /// The crate's HTML output, if it gives one (rendered to text uniformly afterwards).
    html: Option<String>,
}

fn dummy_url() -> url::Url {
    url::Url::parse("http://localhost/").unwrap()
}

fn run(name: &str, html: &str) -> Result<Out, String> {
    match name {
        "none" => Ok(Out { text: String::new(), html: None }),
        "parse" => {
            let doc = dom_query::Document::from(html);
            let n = doc.root().children().len();
            Ok(Out { text: n.to_string(), html: None })
        }
        "everything" => {
            let doc = dom_query::Document::from(html);
            let body = doc.select("body");
            let text = match body.nodes().first() {
                Some(b) => node_text(b),
                None => node_text(&doc.root()),
            };
            Ok(Out { text, html: None })
        }
        "dom_smoothie" => {
            // As communique's src/clean/html.rs: one dom_query parse, Formatted text, no JSON-LD.
            let doc = dom_query::Document::from(html);
            let cfg = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                disable_json_ld: true,
                ..Default::default()
            };
            let mut r = dom_smoothie::Readability::with_document(doc, None, Some(cfg))
                .map_err(|e| e.to_string())?;
            let a = r.parse().map_err(|e| e.to_string())?;
            Ok(Out { text: a.text_content.to_string(), html: Some(a.content.to_string()) })
        }
        "readability" => {
            let mut input = html.as_bytes();
            let p = readability::extractor::extract(&mut input, &dummy_url())
                .map_err(|e| format!("{e:?}"))?;
            Ok(Out { text: p.text, html: Some(p.content) })
        }
        "llm_readability" => {
            let mut input = html.as_bytes();
            let p = llm_readability::extractor::extract(&mut input, &dummy_url())
                .map_err(|e| format!("{e:?}"))?;
            Ok(Out { text: p.text, html: Some(p.content) })
        }
        "readable_readability" => {
            let (node, _meta) = readable_readability::Readability::new().parse(html);
            Ok(Out { text: node.text_contents(), html: Some(node.to_string()) })
        }
        "libreadability" => {
            let a = libreadability::extract(html, None).map_err(|e| e.to_string())?;
            Ok(Out { text: a.text_content, html: Some(a.content) })
        }
        "legible" => {
            let a = legible::parse(html, None, None).map_err(|e| e.to_string())?;
            Ok(Out { text: a.text_content, html: Some(a.content) })
        }
        "readabilityrs" => {
            let r = readabilityrs::Readability::new(html, None, None).map_err(|e| e.to_string())?;
            let a = r.parse().ok_or_else(|| "no article".to_string())?;
            Ok(Out { text: a.text_content.unwrap_or_default(), html: a.content })
        }
        "trafilatura" | "trafilatura_fallback" => {
            // As trafilatura's own benchmark: no comments, tables kept; fast = no fallback.
            let opts = trafilatura::Options::default()
                .with_exclude_comments(true)
                .with_exclude_tables(false)
                .with_fallback(name == "trafilatura_fallback");
            let r = trafilatura::extract(html, &opts).map_err(|e| e.to_string())?;
            Ok(Out { text: r.content_text, html: None })
        }
        "rs_trafilatura" => {
            let opts = rs_trafilatura::Options::default();
            let r = rs_trafilatura::extract_with_options(html, &opts).map_err(|e| e.to_string())?;
            Ok(Out { text: r.content_text, html: r.content_html })
        }
        _ => Err(format!("unknown extractor {name}")),
    }
}

/// Plain text of an HTML fragment, the same way for every crate: text nodes, a line break
/// around block elements, scripts and styles skipped.
fn html_to_text(html: &str) -> String {
    let doc = dom_query::Document::from(html);
    node_text(&doc.root())
}

fn node_text(node: &dom_query::NodeRef) -> String {
    let mut out = String::new();
    walk(node, &mut out);
    out
}

fn walk(node: &dom_query::NodeRef, out: &mut String) {
    for child in node.children() {
        if child.is_text() {
            out.push_str(&child.text());
        } else if child.is_element() {
            let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            match name.as_str() {
                "script" | "style" | "noscript" | "template" | "head" => continue,
                _ => {}
            }
            let block = matches!(
                name.as_str(),
                "p" | "div" | "br" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5"
                    | "h6" | "tr" | "td" | "th" | "table" | "section" | "article" | "blockquote"
                    | "pre" | "header" | "footer" | "figure" | "figcaption" | "dt" | "dd"
                    | "dl" | "main" | "aside" | "nav" | "hr" | "form" | "address" | "caption"
            );
            if block {
                out.push('\n');
            }
            walk(&child, out);
            if block {
                out.push('\n');
            }
        }
    }
}

fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    let head = &bytes[..bytes.len().min(4096)];
    let re = regex::bytes::Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)"#).unwrap();
    if let Some(c) = re.captures(head) {
        if let Some(enc) = encoding_rs::Encoding::for_label(&c[1]) {
            // A page that says UTF-16 in ASCII is not UTF-16.
            let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                encoding_rs::UTF_8
            } else {
                enc
            };
            return enc.decode_without_bom_handling(bytes).0.into_owned();
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow).decode_without_bom_handling(bytes).0.into_owned()
}

fn call(name: &str, html: &str) -> Result<Out, String> {
    match catch_unwind(AssertUnwindSafe(|| run(name, html))) {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!("PANIC: {msg}"))
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("list") => {
            for e in EXTRACTORS {
                println!("{e}");
            }
        }
        Some("quality") => {
            let name = &args[2];
            let dir = Path::new(&args[3]);
            let files = std::fs::read_to_string(&args[4]).unwrap();
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for f in files.lines().filter(|l| !l.is_empty()) {
                eprint!("\r{name} {f}                    ");
                let bytes = match std::fs::read(dir.join(f)) {
                    Ok(b) => b,
                    Err(e) => {
                        let j = serde_json::json!({"file": f, "error": format!("missing: {e}")});
                        writeln!(out, "{j}").unwrap();
                        continue;
                    }
                };
                let html = decode(&bytes);
                let t = Instant::now();
                let r = call(name, &html);
                let ms = t.elapsed().as_secs_f64() * 1e3;
                let j = match r {
                    Ok(o) => {
                        let html_text = o.html.as_deref().map(html_to_text);
                        serde_json::json!({"file": f, "text": o.text, "html_text": html_text, "ms": ms})
                    }
                    Err(e) => serde_json::json!({"file": f, "error": e, "ms": ms}),
                };
                writeln!(out, "{j}").unwrap();
            }
            eprintln!();
        }
        Some("speed") => {
            let name = args[2].as_str();
            let dir = Path::new(&args[3]);
            let limit: usize = args.get(4).map(|s| s.parse().unwrap()).unwrap_or(usize::MAX);
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "html" || x == "htm"))
                .collect();
            files.sort();
            files.truncate(limit);
            let pages: Vec<String> = files.iter().map(|p| decode(&std::fs::read(p).unwrap())).collect();
            let bytes: usize = pages.iter().map(|p| p.len()).sum();
            let (mut ok, mut empty, mut err) = (0, 0, 0);
            let mut chars = 0usize;
            let t = Instant::now();
            for p in &pages {
                match call(name, p) {
                    Ok(o) if o.text.trim().is_empty() && name != "none" => empty += 1,
                    Ok(o) => {
                        ok += 1;
                        chars += o.text.len();
                    }
                    Err(_) => err += 1,
                }
            }
            let s = t.elapsed().as_secs_f64();
            println!(
                "{name}\tpages={}\tMB={:.1}\ttotal_s={:.3}\tms_per_page={:.3}\tok={ok}\tempty={empty}\terr={err}\tout_bytes={chars}",
                pages.len(),
                bytes as f64 / 1e6,
                s,
                s * 1e3 / pages.len() as f64
            );
        }
        _ => eprintln!("usage: extract-cmp list | quality NAME DIR FILES | speed NAME DIR [LIMIT]"),
    }
}
