//! `communique check`: the whole pipeline without publishing — facts that are unknown or
//! uncertain, duplicate articles, slug collisions, template errors and broken internal links.

use std::path::Path;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Severity};
use crate::infer::{Evidence, Inferred};
use crate::order::order;
use crate::render::load_theme;
use crate::site::{BuildOptions, Site, infer_all, write_site};

/// One uncertain or unknown fact of one article.
#[derive(Debug, Serialize)]
pub struct Finding {
    /// The article file.
    pub file: String,
    /// Which fact.
    pub fact: &'static str,
    /// Its value, if any.
    pub value: Option<String>,
    /// Its confidence.
    pub confidence: f32,
    /// Why it is so.
    pub evidence: Vec<Evidence>,
    /// The front-matter line that settles it (`stated = 2019-02-21`), to put between `+++`
    /// lines at the top of the article: the value found when there is one, else a placeholder.
    pub fix: String,
}

/// The front-matter line that states `fact` as `value`, or a placeholder for the user to fill.
pub fn fix_line(fact: &str, value: Option<&str>) -> String {
    let quoted = |v: &str| format!("{v:?}");
    match (fact, value) {
        ("statement_date", v) => format!("stated = {}", v.unwrap_or("YYYY-MM-DD")),
        ("publication_date", v) => format!("date = {}", v.unwrap_or("YYYY-MM-DD")),
        ("title", v) => format!("title = {}", quoted(v.unwrap_or("The headline"))),
        ("outlet", v) => format!("outlet = {}", quoted(v.unwrap_or("Publisher name"))),
        ("speakers", Some(v)) => {
            let names: Vec<String> = v.split(", ").map(quoted).collect();
            format!("speakers = [{}]", names.join(", "))
        }
        ("speakers", None) => "speakers = [\"Full Name\"]".to_string(),
        (other, v) => format!("{other} = {}", quoted(v.unwrap_or(""))),
    }
}

/// The result of a check.
#[derive(Debug, Serialize, Default)]
pub struct CheckReport {
    /// Articles checked.
    pub articles: usize,
    /// Facts unknown or below the confidence threshold.
    pub findings: Vec<Finding>,
    /// Problems: duplicates, collisions, template errors, broken links.
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckReport {
    /// Exit status: 1 on errors, or on warnings with `strict`.
    pub fn failed(&self, strict: bool) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error || strict)
    }
}

/// Runs the pipeline for the site at `options.root`, rendering into a temporary folder that is
/// deleted afterwards.
pub fn run(options: &BuildOptions) -> CheckReport {
    let mut report = CheckReport::default();
    let site = match Site::load(options) {
        Ok(site) => site,
        Err(d) => {
            report.diagnostics.push(d);
            return report;
        }
    };
    let collected = infer_all(&site, options, &crate::timings::StageClock::default());
    let articles = collected.articles;
    report.diagnostics.extend(collected.diagnostics);
    report.articles = articles.len();
    let low = site.config.inference.low_confidence;
    for a in &articles {
        let mut add = |fact: &'static str, value: Option<String>, f: &Inferred<()>| {
            if value.is_none() || f.confidence < low {
                report.findings.push(Finding {
                    file: a.path.clone(),
                    fact,
                    fix: fix_line(fact, value.as_deref()),
                    value,
                    confidence: f.confidence,
                    evidence: f.evidence.clone(),
                });
            }
        };
        let shape = |c: f32, e: &[Evidence]| Inferred::<()> {
            value: None,
            confidence: c,
            evidence: e.to_vec(),
        };
        add(
            "statement_date",
            a.stated.value.map(|d| d.to_string()),
            &shape(a.stated.confidence, &a.stated.evidence),
        );
        add(
            "publication_date",
            a.published.value.map(|d| d.to_string()),
            &shape(a.published.confidence, &a.published.evidence),
        );
        add(
            "title",
            a.title.value.clone(),
            &shape(a.title.confidence, &a.title.evidence),
        );
        add(
            "outlet",
            a.outlet.get().map(|o| o.name.clone()),
            &shape(a.outlet.confidence, &a.outlet.evidence),
        );
        add(
            "speakers",
            a.speakers.get().map(|s| {
                s.iter()
                    .map(|p| p.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
            &shape(a.speakers.confidence, &a.speakers.evidence),
        );
    }
    let theme = match load_theme(&site.root, &site.config.theme.names(), false) {
        Ok(theme) => theme,
        Err(ds) => {
            report.diagnostics.extend(ds);
            return report;
        }
    };
    let (timeline, warnings) = order(articles, &site.config, &site.topics);
    report.diagnostics.extend(warnings);
    let Ok(tmp) = tempdir() else {
        report.diagnostics.push(Diagnostic::error(
            "",
            "cannot create a temporary folder to render into",
        ));
        return report;
    };
    let out = tmp.join("site");
    match write_site(&site, &timeline, &theme, &out, None, None) {
        Ok(_) => report.diagnostics.extend(broken_links(&out)),
        Err(ds) => report.diagnostics.extend(ds),
    }
    let _ = std::fs::remove_dir_all(&tmp);
    report
}

fn tempdir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("communique-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Internal links and asset references in the rendered pages that point at no file.
pub fn broken_links(out: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(out).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html")
            || path.file_name().is_some_and(|n| n == "404.html")
        {
            continue;
        }
        let Ok(html) = std::fs::read_to_string(path) else {
            continue;
        };
        let dir = path.parent().unwrap_or(out);
        for link in links(&html) {
            if link.contains("://")
                || link.starts_with("mailto:")
                || link.starts_with('#')
                || link.starts_with('/')
                || link.is_empty()
            {
                continue;
            }
            let target = link.split(['#', '?']).next().unwrap_or("");
            if target.is_empty() {
                continue;
            }
            let resolved = dir.join(target);
            let exists = resolved.is_file() || resolved.join("index.html").is_file();
            if !exists {
                let rel = path.strip_prefix(out).unwrap_or(path);
                problems.push(Diagnostic::error(rel, format!("links to {link}, which the site does not contain: check the template that writes it")));
            }
        }
    }
    problems
}

/// `href` and `src` values, quoted or not.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=", "src="] {
        let mut from = 0;
        while let Some(i) = html[from..].find(attr) {
            let start = from + i + attr.len();
            let rest = &html[start..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest.split([' ', '>']).next().unwrap_or(""),
            };
            out.push(value.replace("&amp;", "&"));
            from = start;
        }
    }
    out
}
