//! `communique serve`: build, serve over HTTP on loopback, watch the sources, rebuild only what a
//! change needs, and reload open pages (server-sent events). A failed rebuild keeps the last
//! good site served and shows the error, with its file and what to do, in the terminal and as
//! an overlay in the browser.
//!
//! The server is a small std-only HTTP/1.1 responder: it serves files of the built site (never
//! outside it) and one event stream. The site is built into a private temporary folder, so the
//! reload script never reaches `public/`.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{IpAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, mpsc};
use std::time::{Duration, Instant};

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

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

struct State {
    version: u64,
    error: Option<String>,
}

struct Shared {
    out: PathBuf,
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared {
    fn publish(&self, error: Option<String>) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.version += 1;
        s.error = error;
        self.changed.notify_all();
    }
}

/// What a change to the sources requires.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Change {
    /// Articles changed: re-infer them alone.
    Content(Vec<PathBuf>),
    /// Templates or static files: re-render without re-inferring.
    Theme,
    /// The config: rebuild everything.
    Config,
}

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
        let (sources, _) = find_sources(&self.site.content_dir());
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
            timeline.articles[i] = article;
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
            self.articles.values().cloned().collect(),
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

    fn apply(&mut self, change: &Change) -> Result<(), String> {
        match change {
            Change::Config => {
                self.reload_all()?;
                self.render(None)
            }
            Change::Theme => {
                self.reload_theme()?;
                self.render(None)
            }
            Change::Content(paths) => {
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

    let shared = Arc::new(Shared {
        out: out.clone(),
        state: Mutex::new(State {
            version: 0,
            error: None,
        }),
        changed: Condvar::new(),
    });
    let started = Instant::now();
    let mut session = Session::new(build_options, out.clone()).map_err(|e| anyhow::anyhow!(e))?;
    match session.reload_all().and_then(|_| session.render(None)) {
        Ok(()) => log(&format!(
            "Built {} articles in {} ms",
            session.articles.len(),
            started.elapsed().as_millis()
        )),
        Err(e) => {
            log(&format!("Build failed:\n{e}"));
            shared.publish(Some(e));
        }
    }
    // Watch before announcing the address, so no edit made after it is missed.
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(Duration::from_millis(60), tx)?;
    let root = std::fs::canonicalize(&options.root).unwrap_or_else(|_| options.root.clone());
    // The whole site folder, so that folders created later (a first site template) are seen;
    // `classify` keeps only what matters.
    debouncer.watcher().watch(&root, RecursiveMode::Recursive)?;
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

    let server = Arc::clone(&shared);
    std::thread::spawn(move || accept_loop(listener, server));

    while let Ok(result) = rx.recv() {
        let Ok(events) = result else { continue };
        let Some(change) = classify(&root, events.iter().map(|e| e.path.as_path())) else {
            continue;
        };
        let t = Instant::now();
        match session.apply(&change) {
            Ok(()) => {
                shared.publish(None);
                log(&format!(
                    "Rebuilt ({}) in {} ms",
                    describe(&change),
                    t.elapsed().as_millis()
                ));
            }
            Err(e) => {
                log(&format!(
                    "Rebuild failed, still serving the last good site:\n{e}"
                ));
                shared.publish(Some(e));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    Ok(())
}

fn describe(change: &Change) -> String {
    match change {
        Change::Config => "config: everything".into(),
        Change::Theme => "templates: re-rendered".into(),
        Change::Content(paths) => format!("{} article(s) re-inferred", paths.len()),
    }
}

/// The biggest change a batch of paths requires.
fn classify<'a>(root: &Path, paths: impl Iterator<Item = &'a Path>) -> Option<Change> {
    let mut content = Vec::new();
    let mut theme = false;
    for path in paths {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let hidden = rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if rel == Path::new("config.toml") {
            return Some(Change::Config);
        }
        match rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .as_deref()
        {
            Some("content") => {
                let inner = rel.strip_prefix("content").unwrap_or(rel).to_path_buf();
                let article = inner
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| crate::read::EXTENSIONS.contains(&e));
                if article && !content.contains(&inner) {
                    content.push(inner);
                }
            }
            Some("themes" | "templates" | "static") => theme = true,
            _ => {}
        }
    }
    if theme {
        Some(Change::Theme)
    } else if !content.is_empty() {
        Some(Change::Content(content))
    } else {
        None
    }
}

const MAX_CONNECTIONS: usize = 128;

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming().flatten() {
        if open.load(Ordering::Relaxed) >= MAX_CONNECTIONS {
            continue; // dropped: the browser retries
        }
        open.fetch_add(1, Ordering::Relaxed);
        let shared = Arc::clone(&shared);
        let open = Arc::clone(&open);
        std::thread::spawn(move || {
            let _ = handle(stream, &shared);
            open.fetch_sub(1, Ordering::Relaxed);
        });
    }
}

fn handle(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Skip the headers.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"Only GET and HEAD are served.\n",
            method == "HEAD",
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if path == EVENTS_PATH {
        return events(stream, shared);
    }
    if path == STATUS_PATH {
        let s = shared.state.lock().unwrap_or_else(|e| e.into_inner());
        let body = serde_json::json!({ "version": s.version, "error": s.error }).to_string();
        drop(s);
        return respond(
            &mut stream,
            "200 OK",
            "application/json",
            body.as_bytes(),
            method == "HEAD",
        );
    }
    match resolve(&shared.out, path) {
        Some(file) => {
            let body = std::fs::read(&file)?;
            respond(
                &mut stream,
                "200 OK",
                content_type(&file),
                &body,
                method == "HEAD",
            )
        }
        None => {
            let not_found = shared.out.join("404.html");
            let body = std::fs::read(&not_found)
                .unwrap_or_else(|_| format!("{NO_SITE}{RELOAD_SCRIPT}").into_bytes());
            respond(
                &mut stream,
                "404 Not Found",
                "text/html; charset=utf-8",
                &body,
                method == "HEAD",
            )
        }
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The server-sent event stream: `reload` after each good build, `failed` with the message
/// after a failed one; a comment every 15 s keeps proxies from closing it.
fn events(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n")?;
    stream.flush()?;
    let mut seen = shared
        .state
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .version;
    loop {
        let guard = shared.state.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, timeout) = shared
            .changed
            .wait_timeout_while(guard, Duration::from_secs(15), |s| s.version == seen)
            .unwrap_or_else(|e| e.into_inner());
        if timeout.timed_out() {
            drop(guard);
            stream.write_all(b": keep-alive\n\n")?;
        } else {
            seen = guard.version;
            let message = match &guard.error {
                Some(e) => format!(
                    "event: failed\ndata: {}\n\n",
                    serde_json::to_string(e).unwrap_or_default()
                ),
                None => format!("event: reload\ndata: {seen}\n\n"),
            };
            drop(guard);
            stream.write_all(message.as_bytes())?;
        }
        stream.flush()?;
    }
}

/// The file a URL path names inside `out`, or `None` (missing, or outside the site).
fn resolve(out: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut path = out.to_path_buf();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains(['\\', '\0']) => return None,
            p => path.push(p),
        }
    }
    if !Path::new(&decoded).components().all(|c| {
        matches!(
            c,
            Component::Normal(_) | Component::RootDir | Component::CurDir
        )
    }) {
        return None;
    }
    if path.is_dir() {
        path.push("index.html");
    }
    let real = std::fs::canonicalize(&path).ok()?;
    let base = std::fs::canonicalize(out).ok()?;
    (real.starts_with(&base) && real.is_file()).then_some(real)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_site() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("site/a")).unwrap();
        std::fs::write(dir.path().join("site/a/index.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        let out = dir.path().join("site");
        assert!(resolve(&out, "/a/").is_some());
        assert!(resolve(&out, "/a/index.html").is_some());
        assert!(resolve(&out, "/../secret.txt").is_none());
        assert!(resolve(&out, "/%2e%2e/secret.txt").is_none());
        assert!(resolve(&out, "/a/..%2f..%2fsecret.txt").is_none());
        assert!(resolve(&out, "/missing.html").is_none());
    }

    #[test]
    fn changes_are_classified_by_what_they_need() {
        let root = Path::new("/site");
        let c = |paths: &[&str]| classify(root, paths.iter().map(Path::new));
        assert_eq!(
            c(&["/site/content/a.txt"]),
            Some(Change::Content(vec![PathBuf::from("a.txt")]))
        );
        assert_eq!(
            c(&["/site/content/a.txt", "/site/templates/base.html"]),
            Some(Change::Theme)
        );
        assert_eq!(
            c(&["/site/themes/x/static/s.css", "/site/config.toml"]),
            Some(Change::Config)
        );
        assert_eq!(c(&["/site/content/.a.txt.swp"]), None);
        assert_eq!(c(&["/site/content/image.png"]), None);
    }
}
