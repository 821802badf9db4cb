//! `communique inspect`: everything inferred about some files, for people or as JSON lines.
//! This is the interface by which inference is tested and evaluated.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::clean;
use crate::infer::{Article, Inferred, infer};
use crate::site::{BuildOptions, Site};

/// Infers each file and writes one JSON object per line (or a readable report).
pub fn run(
    root: &Path,
    files: &[PathBuf],
    as_json: bool,
    today: NaiveDate,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let options = BuildOptions {
        today,
        ..BuildOptions::new(root)
    };
    let site = Site::load(&options).map_err(|d| anyhow::anyhow!("{d}"))?;
    let cx = site.infer_context(today);
    for file in files {
        let bytes = std::fs::read(file)
            .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", file.display()))?;
        let name = file
            .file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| file.clone());
        let doc = clean::clean(name, &bytes);
        let article = infer(&doc, &cx);
        if as_json {
            writeln!(out, "{}", serde_json::to_string(&to_json(&article))?)?;
        } else {
            write_report(&article, out)?;
        }
    }
    Ok(())
}

fn fact<T: serde::Serialize>(f: &Inferred<T>) -> (Value, Value) {
    (
        serde_json::to_value(&f.value).unwrap_or(Value::Null),
        json!({ "confidence": f.confidence, "evidence": f.evidence }),
    )
}

/// The inspect JSON of one article: each fact's value under its name, and its confidence and
/// evidence under `facts.<name>`.
pub fn to_json(a: &Article) -> Value {
    let (title, title_f) = fact(&a.title);
    let (published, published_f) = fact(&a.published);
    let (stated, stated_f) = fact(&a.stated);
    let (url, url_f) = fact(&a.url);
    let (dateline, dateline_f) = fact(&a.dateline);
    let outlet = a.outlet.get().map(|o| o.name.clone());
    let agency = a.agency.get().map(|o| o.name.clone());
    let speakers: Vec<&str> = a
        .speakers
        .value
        .iter()
        .flatten()
        .map(|p| p.name.as_str())
        .collect();
    let topics: Vec<&str> = a
        .topics
        .value
        .iter()
        .flatten()
        .map(|t| t.name.as_str())
        .collect();
    let mentioned: Vec<&str> = a.mentioned.iter().map(|p| p.name.as_str()).collect();
    let quotes: Vec<Value> = a
        .quotes
        .iter()
        .map(|q| json!({ "text": q.text, "speaker": q.speaker.as_ref().map(|s| &s.name), "confidence": q.confidence, "evidence": q.evidence }))
        .collect();
    json!({
        "id": a.id,
        "title": title,
        "publication_date": published,
        "statement_date": stated,
        "outlet": outlet,
        "agency": agency,
        "url": url,
        "dateline": dateline,
        "speakers": speakers,
        "mentioned": mentioned,
        "topics": topics,
        "quotes": quotes,
        "summary": a.summary,
        "warnings": a.warnings,
        "facts": {
            "title": title_f,
            "publication_date": published_f,
            "statement_date": stated_f,
            "outlet": { "confidence": a.outlet.confidence, "evidence": a.outlet.evidence },
            "agency": { "confidence": a.agency.confidence, "evidence": a.agency.evidence },
            "url": url_f,
            "dateline": dateline_f,
            "speakers": { "confidence": a.speakers.confidence, "evidence": a.speakers.evidence },
            "topics": { "confidence": a.topics.confidence, "evidence": a.topics.evidence },
        },
    })
}

fn write_report(a: &Article, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} ({})", a.id, a.path)?;
    let mut line = |label: &str,
                    value: String,
                    confidence: f32,
                    evidence: &[crate::infer::Evidence]|
     -> std::io::Result<()> {
        writeln!(out, "  {label:<12} {value}  [{:.0}%]", confidence * 100.0)?;
        for e in evidence {
            if e.quote.is_empty() {
                writeln!(out, "      {}: {}", e.rule, e.note)?;
            } else {
                writeln!(out, "      {}: {} — \"{}\"", e.rule, e.note, e.quote)?;
            }
        }
        Ok(())
    };
    let show = |v: Option<String>| v.unwrap_or_else(|| "(unknown)".into());
    line(
        "title",
        show(a.title.value.clone()),
        a.title.confidence,
        &a.title.evidence,
    )?;
    line(
        "stated",
        show(a.stated.value.map(|d| d.to_string())),
        a.stated.confidence,
        &a.stated.evidence,
    )?;
    line(
        "published",
        show(a.published.value.map(|d| d.to_string())),
        a.published.confidence,
        &a.published.evidence,
    )?;
    line(
        "outlet",
        show(a.outlet.get().map(|o| o.name.clone())),
        a.outlet.confidence,
        &a.outlet.evidence,
    )?;
    line(
        "agency",
        show(a.agency.get().map(|o| o.name.clone())),
        a.agency.confidence,
        &a.agency.evidence,
    )?;
    line(
        "url",
        show(a.url.value.clone()),
        a.url.confidence,
        &a.url.evidence,
    )?;
    line(
        "dateline",
        show(a.dateline.value.clone()),
        a.dateline.confidence,
        &a.dateline.evidence,
    )?;
    let names = |v: &Option<Vec<crate::infer::PersonRef>>| {
        show(v.as_ref().map(|s| {
            s.iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }))
    };
    line(
        "speakers",
        names(&a.speakers.value),
        a.speakers.confidence,
        &a.speakers.evidence,
    )?;
    let topics = show(a.topics.value.as_ref().map(|t| {
        t.iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }));
    line("topics", topics, a.topics.confidence, &a.topics.evidence)?;
    writeln!(
        out,
        "  mentioned    {}",
        a.mentioned
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    writeln!(out, "  quotes       {}", a.quotes.len())?;
    writeln!(out)
}
