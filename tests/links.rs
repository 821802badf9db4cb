//! A site published under a sub-path (`https://example.org/sub/path/`, as on a GitHub project
//! site): every internal link reaches a file inside the output folder. That covers `href` and
//! `src` in every page, `url(…)` in the stylesheets, and every address under the base URL in
//! any file (canonical URLs, the feed, the sitemap, robots.txt, the JSON exports). A link to
//! the base URL's host outside the sub-path, or starting with `/`, is broken there too.
//! `docs/deploy.md` points here.

mod common;

use std::path::{Component, Path, PathBuf};

use common::{TestSite, links_of};

const BASE: &str = "https://example.org/sub/path/";
/// `BASE`'s host: a link to it outside the sub-path is a link out of the site.
const HOST: &str = "example.org";

/// Where a link leads, relative to the output folder: `Ok(None)` when it leaves the site on
/// purpose (another host, `mailto:`, a fragment of the same page), `Err` with the reason when
/// it cannot reach a file of the output. `from` is the file it was found in, relative to `out`;
/// `base_href` the page's `<base href>`, which relative links are resolved against instead.
fn resolve(
    out: &Path,
    from: &Path,
    base_href: Option<&str>,
    link: &str,
) -> Result<Option<PathBuf>, String> {
    let path = link.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() || link.starts_with("mailto:") || link.starts_with("data:") {
        return Ok(None);
    }
    let (dir, rel) = if let Some(rest) = path.strip_prefix(BASE) {
        (PathBuf::new(), rest)
    } else if path.contains("://") || path.starts_with("//") {
        let after_scheme = path.split_once("//").map_or(path, |(_, rest)| rest);
        if after_scheme == HOST || after_scheme.starts_with(&format!("{HOST}/")) {
            return Err(format!("{link} is on the site's host but outside {BASE}"));
        }
        return Ok(None);
    } else if path.starts_with('/') {
        return Err(format!(
            "{link} starts at the host's root, which is not the site's under a sub-path"
        ));
    } else if let Some(base) = base_href {
        let Some(rest) = base.strip_prefix(BASE) else {
            return Err(format!("<base href={base}> is not under {BASE}"));
        };
        (PathBuf::from(rest), path)
    } else {
        (from.parent().unwrap_or(Path::new("")).to_path_buf(), path)
    };
    let mut target = Vec::new();
    for part in dir.components().chain(Path::new(rel).components()) {
        match part {
            Component::Normal(p) => target.push(percent_decode(&p.to_string_lossy())),
            Component::ParentDir => {
                if target.pop().is_none() {
                    return Err(format!("{link} leads out of the output folder"));
                }
            }
            Component::CurDir => {}
            _ => return Err(format!("{link} is not a relative path")),
        }
    }
    let mut target: PathBuf = target.iter().collect();
    if rel.is_empty() || rel.ends_with('/') || out.join(&target).is_dir() {
        target.push("index.html");
    }
    if out.join(&target).is_file() {
        Ok(Some(target))
    } else {
        Err(format!(
            "{link} names {}, which the output does not contain",
            target.display()
        ))
    }
}

/// `%20` and the like in a path segment, as a browser reads them.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every address under the base URL's host written anywhere in `text`, up to the first
/// character no URL in these files holds unescaped.
fn absolute_urls(text: &str) -> Vec<String> {
    let host = format!("https://{HOST}");
    text.match_indices(&host)
        .map(|(i, _)| {
            let rest = &text[i..];
            let end = rest
                .find(|c: char| c.is_whitespace() || "\"'<>\\)".contains(c))
                .unwrap_or(rest.len());
            rest[..end].replace("&amp;", "&")
        })
        .collect()
}

/// `links` with each one holding `{slug}` replaced by one link per row of the export `json`,
/// the row's slug in it.
fn expand_slugs(json: &str, links: Vec<String>) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(json).unwrap();
    let fields = json["fields"].as_array().unwrap();
    let at = fields.iter().position(|f| f == "slug").unwrap();
    let slugs: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row[at].as_str().unwrap())
        .collect();
    assert!(!slugs.is_empty());
    links
        .into_iter()
        .flat_map(|l| match l.contains("{slug}") {
            true => slugs.iter().map(|s| l.replace("{slug}", s)).collect(),
            false => vec![l],
        })
        .collect()
}

/// `url(…)` in a stylesheet, quotes removed.
fn css_urls(css: &str) -> Vec<String> {
    css.match_indices("url(")
        .filter_map(|(i, _)| {
            let rest = &css[i + 4..];
            let v = &rest[..rest.find(')')?];
            Some(v.trim().trim_matches(['"', '\'']).to_string())
        })
        .collect()
}

/// The `<base href>` of a page, if it has one.
fn base_href(html: &str) -> Option<String> {
    let tag = &html[html.find("<base ")?..];
    let tag = &tag[..tag.find('>')?];
    links_of(tag).into_iter().next()
}

/// What a walk over an output folder found.
struct Links {
    /// Every broken internal link, as "file: reason", sorted.
    broken: Vec<String>,
    /// How many links were followed, broken or not.
    followed: usize,
}

/// Follows every internal link of the output folder `out`.
fn check_links(out: &Path) -> Links {
    let mut broken = Vec::new();
    let mut followed = 0;
    let mut files = 0;
    for entry in walkdir::WalkDir::new(out).into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let from = entry.path().strip_prefix(out).unwrap().to_path_buf();
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue; // not text: nothing to follow
        };
        files += 1;
        let ext = from.extension().and_then(|e| e.to_str()).unwrap_or("");
        let mut links = absolute_urls(&text);
        let mut base = None;
        match ext {
            "html" => {
                base = base_href(&text);
                links.extend(links_of(&text));
            }
            "css" => links.extend(css_urls(&text)),
            _ => {}
        }
        // `articles.json` gives the pages' URL once, with `{slug}` for each row's slug.
        if links.iter().any(|l| l.contains("{slug}")) {
            links = expand_slugs(&text, links);
        }
        followed += links.len();
        for link in links {
            if let Err(why) = resolve(out, &from, base.as_deref(), &link) {
                broken.push(format!("{}: {why}", from.display()));
            }
        }
    }
    assert!(files > 0, "no files under {}", out.display());
    broken.sort();
    broken.dedup();
    Links { broken, followed }
}

/// Builds the seed site with `theme` (its themes copied in) under the sub-path.
fn built(theme: &str) -> TestSite {
    let site = TestSite::seeds();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    common::copy_dir(&repo.join("themes"), &site.root().join("themes"));
    let config = std::fs::read_to_string(site.root().join("config.toml")).unwrap();
    site.write(
        "config.toml",
        &config.replacen("theme = \"default\"", &format!("theme = \"{theme}\""), 1),
    );
    let mut options = site.options();
    options.base_url = Some(BASE.into());
    let report = communique::site::build(&options);
    assert!(report.ok, "{:#?}", report.diagnostics);
    site
}

#[test]
fn under_a_sub_path_every_link_of_every_file_reaches_a_file_of_the_output() {
    for theme in ["default", "ledger"] {
        let site = built(theme);
        let links = check_links(&site.public());
        assert!(links.broken.is_empty(), "{theme}: {:#?}", links.broken);
        // Lists link each article only (its page links its speakers, sources and themes).
        assert!(
            links.followed > 500,
            "{theme}: only {} links",
            links.followed
        );
        // upload-pages-artifact leaves dot-files out (docs/deploy.md says there are none).
        for entry in walkdir::WalkDir::new(site.public()).min_depth(1) {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(!name.starts_with('.'), "{theme}: {name} in the output");
        }
        // The feeds and the sitemap were read and carry the sub-path.
        assert!(site.page("sitemap.xml").contains(&format!("<loc>{BASE}")));
        assert!(site.page("atom.xml").contains(&format!("{BASE}articles/")));
        assert!(
            site.page("robots.txt")
                .contains(&format!("{BASE}sitemap.xml"))
        );
    }
}

#[test]
fn the_link_check_catches_a_page_with_a_broken_link() {
    let site = built("default");
    let out = site.public();
    std::fs::write(
        out.join("topics/index.html"),
        "<a href=\"../speakers/nobody/index.html\">x</a> <a href=https://example.org/sub/path/nowhere/>y</a>",
    )
    .unwrap();
    let broken = check_links(&out).broken;
    assert_eq!(broken.len(), 2, "{broken:#?}");
    assert!(broken.iter().all(|b| b.starts_with("topics/index.html: ")));
}

#[test]
fn the_resolver_follows_relative_absolute_and_based_links_and_refuses_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    for f in [
        "index.html",
        "a/b/index.html",
        "a/page.html",
        "static/x y.css",
    ] {
        std::fs::create_dir_all(out.join(f).parent().unwrap()).unwrap();
        std::fs::write(out.join(f), "").unwrap();
    }
    let from = Path::new("a/b/index.html");
    let ok = |link: &str| resolve(out, from, None, link).unwrap();
    assert_eq!(ok("../../index.html"), Some(PathBuf::from("index.html")));
    assert_eq!(ok("../page.html#top"), Some(PathBuf::from("a/page.html")));
    assert_eq!(ok("./"), Some(PathBuf::from("a/b/index.html")));
    assert_eq!(
        ok("../../static/x%20y.css"),
        Some(PathBuf::from("static/x y.css"))
    );
    assert_eq!(
        ok(&format!("{BASE}a/b/")),
        Some(PathBuf::from("a/b/index.html"))
    );
    assert_eq!(ok(BASE), Some(PathBuf::from("index.html")));
    assert_eq!(ok("https://other.example/a/"), None);
    assert_eq!(ok("#main"), None);
    assert_eq!(ok("mailto:desk@example.org"), None);
    assert_eq!(
        resolve(out, Path::new("404.html"), Some(BASE), "a/page.html").unwrap(),
        Some(PathBuf::from("a/page.html"))
    );

    let broken = |link: &str| resolve(out, from, None, link).unwrap_err();
    assert!(broken("../missing.html").contains("does not contain"));
    assert!(broken("../../../index.html").contains("out of the output folder"));
    assert!(broken("/index.html").contains("host's root"));
    assert!(broken("https://example.org/index.html").contains("outside"));
    assert!(broken(&format!("{BASE}a/nothing/")).contains("does not contain"));
    assert!(
        resolve(
            out,
            Path::new("404.html"),
            Some("https://example.org/"),
            "a/page.html"
        )
        .unwrap_err()
        .contains("not under")
    );
}
