//! `communique serve`: build, serve over HTTP on loopback, watch the sources, rebuild only what a
//! change needs, and reload open pages (server-sent events). A failed rebuild keeps the last
//! good site served and shows the error, with its file and what to do, in the terminal and as
//! an overlay in the browser.
//!
//! - `watch`: which events are changes to the sources, and what a batch of them requires;
//! - `http`: the server (axum, tower-http's `ServeDir`) and the event stream;
//! - here: the session that keeps the inferred articles between rebuilds and re-renders only
//!   what a change needs.
//!
//! The site is built into a private temporary folder, so the reload script never reaches
//! `public/`.

mod http;
mod watch;

use std::collections::BTreeMap;
use std::net::{IpAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use watch::SourceWatcher;
pub use watch::{Changes, classify, is_editor_scratch};

use crate::cache::Held;
use crate::diagnostics::Diagnostic;
use crate::infer::Article;
use crate::order::order;
use crate::order::{Group, Timeline};
use crate::read::{Source, find_sources};
use crate::render::{
    ListPage, PageRef, Paging, Part, RenderSettings, Theme, load_theme, render_site,
};
use crate::site::{BuildOptions, Site, infer_file, write_site};

/// What the user asked of `serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The address to bind (loopback unless told otherwise).
    pub interface: IpAddr,
    /// The port (0: any free port).
    pub port: u16,
    /// Open the site in a browser once built.
    pub open: bool,
    /// Base URL to build with (default: the server's own address).
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
}

/// The endpoint of the reload event stream.
pub const EVENTS_PATH: &str = "/__communique/events";
/// The endpoint reporting the build state as JSON (`{"version":N,"error":null|"..."}`).
pub const STATUS_PATH: &str = "/__communique/status";

/// The script injected into every page while serving: reloads on a new build, shows build
/// errors as an overlay.
const RELOAD_SCRIPT: &str = r#"<script>(function(){
function overlay(msg){var o=document.getElementById("communique-error");if(!msg){if(o)o.remove();return;}
if(!o){o=document.createElement("div");o.id="communique-error";o.setAttribute("role","alert");
o.style.cssText="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#2b0b0b;color:#ffdcdc;font:14px/1.4 ui-monospace,monospace;padding:1rem 1.25rem;border-top:4px solid #e33;white-space:pre-wrap";
document.body.appendChild(o);}o.textContent="communique: the last build failed; showing the last good site.\n\n"+msg;}
fetch("/__communique/status").then(function(r){return r.json()}).then(function(s){overlay(s.error)}).catch(function(){});
var es=new EventSource("/__communique/events");
es.addEventListener("reload",function(){location.reload()});
es.addEventListener("failed",function(e){overlay(JSON.parse(e.data))});
})();</script>"#;

/// The page served when even the first build failed.
const NO_SITE: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head><body><h1>The site could not be built</h1><p>Fix the error shown below; this page reloads by itself.</p></body></html>";

/// What decides which pages show an article: when it is unchanged between two builds, an
/// edit to an article's text changes only its own page and the lists it is on.
type Signature = Vec<(String, String, Placement)>;

/// What of one article decides where it is shown: statement date, topics, speakers, sources.
type Placement = (
    Option<chrono::NaiveDate>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
);

/// Where an article is shown, less its path and slug.
fn placement(a: &Article) -> Placement {
    let ids = |v: Option<Vec<String>>| v.unwrap_or_default();
    (
        a.stated.value,
        ids(a
            .topics
            .value
            .as_ref()
            .map(|t| t.iter().map(|t| t.slug.clone()).collect())),
        ids(a
            .speakers
            .value
            .as_ref()
            .map(|p| p.iter().map(|p| p.id.clone()).collect())),
        [a.outlet.get(), a.agency.get()]
            .into_iter()
            .flatten()
            .map(|o| o.id.clone())
            .collect(),
    )
}

fn signature(timeline: &Timeline) -> Signature {
    timeline
        .articles
        .iter()
        .zip(&timeline.slugs)
        .map(|(a, slug)| (a.path.clone(), slug.clone(), placement(a)))
        .collect()
}

/// The state kept between rebuilds: the inferred articles, keyed by path.
struct Session {
    options: BuildOptions,
    site: Site,
    theme: Option<Theme>,
    articles: BTreeMap<PathBuf, Article>,
    out: PathBuf,
    /// The signature of the site now served (`None` before the first good build).
    served: Option<Signature>,
    /// The timeline now served, kept so an edit that moves nothing is applied in place.
    timeline: Option<Timeline>,
}

impl Session {
    fn new(options: BuildOptions, out: PathBuf) -> Result<Session, String> {
        let site = Site::load(&options).map_err(|d| d.to_string())?;
        Ok(Session {
            options,
            site,
            theme: None,
            articles: BTreeMap::new(),
            out,
            served: None,
            timeline: None,
        })
    }

    fn reload_all(&mut self) -> Result<(), String> {
        self.site = Site::load(&self.options).map_err(|d| d.to_string())?;
        self.theme = None;
        self.reload_theme()?;
        let sources = find_sources(&self.site.content_dir()).sources;
        self.articles.clear();
        self.infer(&sources);
        Ok(())
    }

    fn reload_theme(&mut self) -> Result<(), String> {
        let theme = load_theme(
            &self.site.root,
            &self.site.config.theme.names(),
            self.site.config.minify.templates(),
        )
        .map_err(|ds| join(&ds))?;
        self.theme = Some(theme);
        Ok(())
    }

    fn infer(&mut self, sources: &[Source]) {
        use rayon::prelude::*;
        let cx = self.site.infer_context(self.options.today);
        let results: Vec<(PathBuf, Option<Article>)> = sources
            .par_iter()
            .map(|s| (s.rel.clone(), infer_file(s, &cx).ok().map(|(a, _, _)| a)))
            .collect();
        for (rel, article) in results {
            match article {
                Some(a) if !a.draft || self.options.drafts => {
                    self.articles.insert(rel, a);
                }
                _ => {
                    self.articles.remove(&rel);
                }
            }
        }
    }

    fn update(&mut self, changed: &[PathBuf]) {
        let content = self.site.content_dir();
        let sources: Vec<Source> = changed
            .iter()
            .filter_map(|rel| {
                let path = content.join(rel);
                if path.is_file() {
                    Some(Source {
                        rel: rel.clone(),
                        path,
                    })
                } else {
                    self.articles.remove(rel);
                    None
                }
            })
            .collect();
        self.infer(&sources);
    }

    /// Re-infers edited articles and, when none of them moves (same title, dates, topics,
    /// speakers and sources, no draft flag), replaces them in the served timeline without
    /// ordering the site again. False when the change needs the full path.
    fn update_in_place(&mut self, changed: &[PathBuf]) -> bool {
        let Some(timeline) = self.timeline.as_ref() else {
            return false;
        };
        let cx = self.site.infer_context(self.options.today);
        let content = self.site.content_dir();
        let mut replacements = Vec::new();
        for rel in changed {
            let key = rel.to_string_lossy().replace('\\', "/");
            let Some(i) = timeline.articles.iter().position(|a| a.path == key) else {
                return false;
            };
            let source = Source {
                rel: rel.clone(),
                path: content.join(rel),
            };
            let Ok((new, _, _)) = infer_file(&source, &cx) else {
                return false;
            };
            let old = &timeline.articles[i];
            if new.draft || old.title.value != new.title.value || placement(old) != placement(&new)
            {
                return false;
            }
            replacements.push((i, rel.clone(), new));
        }
        let Some(timeline) = self.timeline.as_mut() else {
            return false;
        };
        for (i, rel, article) in replacements {
            self.articles.insert(rel, article.clone());
            timeline.articles[i] = Held::whole(article, 0);
        }
        true
    }

    /// Renders the site; after an edit to articles that moves nothing (same order, slugs,
    /// dates, topics, speakers and sources), only the pages that show them.
    fn render(&mut self, changed: Option<&[PathBuf]>) -> Result<(), String> {
        if self.theme.is_none() {
            self.reload_theme()?;
        }
        let theme = self.theme.as_ref().ok_or("no theme")?;
        let (timeline, _) = order(
            self.articles
                .values()
                .map(|a| Held::whole(a.clone(), 0))
                .collect(),
            &self.site.config,
            &self.site.topics,
        );
        let sig = signature(&timeline);
        let partial = changed.filter(|_| self.served.as_ref() == Some(&sig) && self.out.is_dir());
        let result = match partial {
            Some(paths) => render_some(&self.site, &timeline, theme, &self.out, paths),
            None => write_site(
                &self.site,
                &timeline,
                theme,
                &self.out,
                Some(RELOAD_SCRIPT),
                None,
            )
            .map(|_| ())
            .map_err(|ds| join(&ds)),
        };
        self.served = result.is_ok().then_some(sig);
        self.timeline = result.is_ok().then_some(timeline);
        result
    }

    /// Does everything a batch of changes requires: a config change reloads everything; a
    /// theme change re-renders with the new templates after re-inferring any article the
    /// same batch changed; article changes alone re-render only what shows them.
    fn apply(&mut self, changes: &Changes) -> Result<(), String> {
        if changes.config {
            self.reload_all()?;
            return self.render(None);
        }
        if changes.theme {
            self.reload_theme()?;
            self.update(&changes.articles);
            return self.render(None);
        }
        let paths = &changes.articles;
        if self.update_in_place(paths) {
            let (timeline, theme) = (self.timeline.as_ref(), self.theme.as_ref());
            if let (Some(timeline), Some(theme)) = (timeline, theme) {
                return render_some(&self.site, timeline, theme, &self.out, paths);
            }
        }
        self.update(paths);
        self.render(Some(paths))
    }
}

/// Renders only the pages that show the articles at `changed` (their own pages and the lists
/// they are on) into a staging folder, then moves them over the served site. Nothing is moved
/// unless every page rendered.
fn render_some(
    site: &Site,
    timeline: &Timeline,
    theme: &Theme,
    out: &Path,
    changed: &[PathBuf],
) -> Result<(), String> {
    let wanted: Vec<String> = changed
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    let hit: Vec<usize> = (0..timeline.articles.len())
        .filter(|&i| wanted.contains(&timeline.articles[i].path))
        .collect();
    // Whether a page of a list shows an edited article; the paging says which articles each
    // page holds. Each list's paging is made once, when one of its pages is first asked about.
    let newest_first = site.config.newest_first();
    let shows =
        |paging: &Paging, page: ListPage| paging.articles(page).iter().any(|i| hit.contains(i));
    let all: Vec<usize> = (0..timeline.articles.len()).collect();
    let all = Paging::of(timeline, &all, newest_first);
    let lazy = |n: usize| -> Vec<OnceLock<Paging>> { (0..n).map(|_| OnceLock::new()).collect() };
    let (topics, speakers, sources) = (
        lazy(timeline.topics.len()),
        lazy(timeline.speakers.len()),
        lazy(timeline.sources.len()),
    );
    let group = |cells: &[OnceLock<Paging>], groups: &[Group], k: usize, page: ListPage| {
        let paging =
            cells[k].get_or_init(|| Paging::of(timeline, &groups[k].articles, newest_first));
        shows(paging, page)
    };
    let select = |page: PageRef| match page {
        PageRef::Article(i) => hit.contains(&i),
        PageRef::Year(y, number) => shows(
            &all,
            ListPage {
                part: Part::Year(y),
                number,
            },
        ),
        PageRef::Topic(t, page) => group(&topics, &timeline.topics, t, page),
        PageRef::Speaker(p, page) => group(&speakers, &timeline.speakers, p, page),
        PageRef::Source(o, page) => group(&sources, &timeline.sources, o, page),
        PageRef::Statements(page) => shows(&all, page),
        PageRef::Home => shows(&all, ListPage::MAIN),
        PageRef::Other => false,
    };
    let staging = out.with_extension("partial");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| e.to_string())?;
    let settings = RenderSettings {
        config: &site.config,
        kb: &site.kb,
        theme,
        inject: Some(RELOAD_SCRIPT),
        clock: None,
        previous: None,
        select: Some(&select),
    };
    let rendered = render_site(timeline, &settings, &staging).map_err(|ds| join(&ds));
    let moved = rendered.and_then(|_| {
        for entry in walkdir::WalkDir::new(&staging)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
        {
            let rel = entry
                .path()
                .strip_prefix(&staging)
                .map_err(|e| e.to_string())?;
            let dest = out.join(rel);
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
            }
            std::fs::rename(entry.path(), &dest).map_err(|e| e.to_string())?;
        }
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&staging);
    moved
}

fn join(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Builds, serves and watches until interrupted. `log` receives one line per event (the
/// address first, so callers and tests can find the port).
pub fn run(options: ServeOptions, log: &mut dyn FnMut(&str)) -> anyhow::Result<()> {
    let listener = TcpListener::bind((options.interface, options.port)).map_err(|e| {
        anyhow::anyhow!(
            "cannot listen on {}:{}: {e} (try another --port)",
            options.interface,
            options.port
        )
    })?;
    let addr = listener.local_addr()?;
    let out = std::env::temp_dir().join(format!(
        "communique-serve-{}-{}",
        std::process::id(),
        addr.port()
    ));
    let mut build_options = BuildOptions::new(&options.root);
    build_options.base_url = Some(
        options
            .base_url
            .clone()
            .unwrap_or_else(|| format!("http://{addr}/")),
    );
    build_options.drafts = options.drafts;

    let started = Instant::now();
    let mut session = Session::new(build_options, out.clone()).map_err(|e| anyhow::anyhow!(e))?;
    let first = session.reload_all().and_then(|_| session.render(None));
    let publisher = http::start(listener, out.clone())?;
    match first {
        Ok(()) => log(&format!(
            "Built {} articles in {} ms",
            session.articles.len(),
            started.elapsed().as_millis()
        )),
        Err(e) => {
            log(&format!("Build failed:\n{e}"));
            publisher.publish(Some(e));
        }
    }
    // Watch before announcing the address, so no edit made after it is missed.
    let root = std::fs::canonicalize(&options.root).unwrap_or_else(|_| options.root.clone());
    let mut watcher = SourceWatcher::new(&root)?;
    let url = format!("http://{addr}/");
    log(&format!(
        "Serving {} at {url} (Ctrl-C to stop)",
        options.root.display()
    ));
    if options.open {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        let _ = std::process::Command::new(opener).arg(&url).spawn();
    }

    while let Some(changes) = watcher.next() {
        let t = Instant::now();
        match session.apply(&changes) {
            Ok(()) => {
                publisher.publish(None);
                log(&format!(
                    "Rebuilt ({}) in {} ms",
                    changes.describe(),
                    t.elapsed().as_millis()
                ));
            }
            Err(e) => {
                log(&format!(
                    "Rebuild failed, still serving the last good site:\n{e}"
                ));
                publisher.publish(Some(e));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    Ok(())
}
