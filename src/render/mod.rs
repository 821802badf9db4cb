//! Rendering: the ordered timeline becomes files — HTML pages through the Tera theme, feeds,
//! sitemap, JSON exports and the theme's static files — written into a staging folder that the
//! build swaps into place only when everything succeeded.
//!
//! Pages are independent, so they are rendered, minified and written in parallel. Links are
//! relative to each page (`{{ root }}`), so the output works at the root of a host, under a
//! sub-path, and opened from disk.

pub mod compact;
mod feeds;
pub mod model;
pub mod paging;
pub mod search;
pub mod theme;
pub mod tighten;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::config::{Config, Minify};
use crate::diagnostics::Diagnostic;
use crate::knowledge::Knowledge;
use crate::order::{Timeline, by_year_month};
use crate::reuse::{ExportIndex, HashingContext, Previous};
use crate::timings::{Stage, StageClock};
use model::*;
pub use paging::{LIST_LIMIT, ListPage, Paging, Part};
pub use theme::{Theme, load_theme};

/// What rendering needs besides the timeline.
pub struct RenderSettings<'a> {
    /// The site config.
    pub config: &'a Config,
    /// The knowledge base (speaker roles).
    pub kb: &'a Knowledge,
    /// The parsed theme.
    pub theme: &'a Theme,
    /// A script to inject before `</body>` (live reload when serving); `None` when building.
    pub inject: Option<&'a str>,
    /// Where to record time per stage (render, minify, write, feeds), if anywhere.
    pub clock: Option<&'a StageClock>,
    /// The previous output, whose unchanged pages are linked instead of rendered.
    pub previous: Option<&'a Previous>,
    /// Render only the pages this selects, and no feeds, search index or static files (serve's
    /// incremental rebuilds); `None` renders everything.
    pub select: Option<&'a (dyn Fn(PageRef) -> bool + Sync)>,
}

/// A page of the site, as `RenderSettings::select` sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageRef {
    /// The home page.
    Home,
    /// A year of the timeline, and which of its pages.
    Year(i32, usize),
    /// An article, by timeline index.
    Article(usize),
    /// A topic, by index in `Timeline::topics`, and which of its list's pages.
    Topic(usize, ListPage),
    /// A speaker, by index in `Timeline::speakers`, and which of its list's pages.
    Speaker(usize, ListPage),
    /// A source, by index in `Timeline::sources`, and which of its list's pages.
    Source(usize, ListPage),
    /// A page of the statements list.
    Statements(ListPage),
    /// Index pages and the rest.
    Other,
}

impl RenderSettings<'_> {
    /// Runs `f`, recording its time under `stage` when a clock is set.
    fn timed<T>(&self, stage: Stage, f: impl FnOnce() -> T) -> T {
        match self.clock {
            Some(clock) => clock.time(stage, f),
            None => f(),
        }
    }
}

/// What was written.
#[derive(Debug, Default, Clone)]
pub struct RenderReport {
    /// HTML pages.
    pub pages: usize,
    /// Other files (feeds, JSON, static).
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// HTML pages taken unchanged from the previous output instead of rendered.
    pub reused: usize,
    /// Every HTML page's path, the hash of its inputs and its size (for the next build's
    /// reuse).
    pub page_hashes: Vec<(String, u64, u64)>,
    /// Where each article's line stands in the streamed exports (for the next build's reuse).
    pub exports: Vec<ExportIndex>,
    /// What the search index was built from (for the next build's patching), if one was.
    pub search: Option<search::IndexState>,
    /// Whether the search index was patched from the previous one rather than built whole.
    pub search_patched: bool,
}

/// One written page: its path, the hash of its inputs, its size, and whether it was reused.
struct Written {
    path: String,
    hash: u64,
    bytes: u64,
    reused: bool,
}

/// One HTML page to render.
enum Page {
    Home,
    Year(i32, usize),
    Article(usize),
    Topics,
    Topic(usize, ListPage),
    Speakers,
    Speaker(usize, ListPage),
    Sources,
    Source(usize, ListPage),
    Statements(ListPage),
    Search,
    NotFound,
}

/// Renders the whole site into `out` (which must exist and be empty).
pub fn render_site(
    timeline: &Timeline,
    s: &RenderSettings,
    out: &Path,
) -> Result<RenderReport, Vec<Diagnostic>> {
    let low = s.config.inference.low_confidence;
    let builder = ModelBuilder {
        timeline,
        kb: s.kb,
        low,
        unsafe_html: s.config.unsafe_html,
    };
    let newest_first = s.config.newest_first();
    let lists = Lists {
        all: Paging::of(
            timeline,
            &(0..timeline.articles.len()).collect::<Vec<_>>(),
            newest_first,
        ),
        topics: groups_paging(timeline, &timeline.topics, newest_first),
        speakers: groups_paging(timeline, &timeline.speakers, newest_first),
        sources: groups_paging(timeline, &timeline.sources, newest_first),
    };
    let site = SiteCx {
        title: s.config.title.clone(),
        description: s.config.description.clone(),
        base_url: with_slash(&s.config.base_url),
        language: s.config.language.clone(),
        article_count: timeline.articles.len(),
        search: s.config.search,
        years: lists
            .all
            .years()
            .map(|(year, count)| YearLinkCx {
                year,
                url: year_url(year),
                count,
            })
            .collect(),
    };
    let mut pages = vec![
        Page::Home,
        Page::Topics,
        Page::Speakers,
        Page::Sources,
        Page::NotFound,
    ];
    if s.config.search {
        pages.push(Page::Search);
    }
    for (y, _) in lists.all.years() {
        let part = Part::Year(y);
        pages.extend((1..=lists.all.page_count(part)).map(|n| Page::Year(y, n)));
    }
    // The long list pages first, so that none is left for one thread at the end.
    for (t, p) in lists.topics.iter().enumerate() {
        pages.extend(p.pages().into_iter().map(|page| Page::Topic(t, page)));
    }
    for (o, p) in lists.speakers.iter().enumerate() {
        pages.extend(p.pages().into_iter().map(|page| Page::Speaker(o, page)));
    }
    for (o, p) in lists.sources.iter().enumerate() {
        pages.extend(p.pages().into_iter().map(|page| Page::Source(o, page)));
    }
    pages.extend(lists.all.pages().into_iter().map(Page::Statements));
    pages.extend((0..timeline.articles.len()).map(Page::Article));
    if let Some(select) = s.select {
        pages.retain(|page| {
            select(match page {
                Page::Home => PageRef::Home,
                Page::Year(y, n) => PageRef::Year(*y, *n),
                Page::Article(i) => PageRef::Article(*i),
                Page::Topic(t, y) => PageRef::Topic(*t, *y),
                Page::Speaker(p, y) => PageRef::Speaker(*p, *y),
                Page::Source(o, y) => PageRef::Source(*o, *y),
                Page::Statements(y) => PageRef::Statements(*y),
                _ => PageRef::Other,
            })
        });
    }

    let cx = PageCx {
        timeline,
        s,
        builder: &builder,
        site: &site,
        lists: &lists,
        ids: (0..timeline.articles.len())
            .map(|_| std::sync::OnceLock::new())
            .collect(),
        topic_speakers: (0..timeline.topics.len())
            .map(|_| std::sync::OnceLock::new())
            .collect(),
    };
    // Feeds, exports and the search index are written while pages render.
    let whole_site = s.select.is_none();
    // The sitemap lists every page a reader may land on.
    let page_urls: Vec<String> = if whole_site {
        pages
            .iter()
            .filter(|p| !matches!(p, Page::NotFound | Page::Search))
            .map(|p| cx.place(p).2)
            .collect()
    } else {
        Vec::new()
    };
    let (results, (feeds, index)) = rayon::join(
        || -> Vec<Result<Written, Diagnostic>> {
            pages
                .par_iter()
                .map(|page| cx.render_page(page, out))
                .collect()
        },
        || {
            rayon::join(
                || {
                    if !whole_site {
                        return Ok((0, 0, Vec::new()));
                    }
                    s.timed(Stage::Feeds, || {
                        let exports = feeds::Exports {
                            identity: &|i| cx.id(i),
                            previous: s.previous,
                            evidence: s.config.export_evidence,
                            quotes: s.config.export_quotes,
                            text: s.config.export_text,
                        };
                        feeds::write_feeds(timeline, &builder, &site, &page_urls, &exports, out)
                    })
                },
                || {
                    if !whole_site || !s.config.search {
                        return Ok(None);
                    }
                    s.timed(Stage::Search, || {
                        let previous = s.previous.and_then(|p| {
                            let state = p.manifest.search.as_ref()?;
                            Some(search::PreviousIndex { dir: &p.dir, state })
                        });
                        search::write_index(timeline, &builder, &|i| cx.id(i), previous, out)
                            .map(Some)
                    })
                },
            )
        },
    );
    let mut report = RenderReport::default();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(w) => {
                report.pages += 1;
                report.bytes += w.bytes;
                report.reused += usize::from(w.reused);
                report.page_hashes.push((w.path, w.hash, w.bytes));
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.truncate(10);
        return Err(errors);
    }
    let (files, bytes, exports) = feeds.map_err(|e| vec![e])?;
    report.files += files;
    report.bytes += bytes;
    report.exports = exports;
    if let Some((files, bytes, state, patched)) = index.map_err(|e| vec![e])? {
        report.files += files;
        report.bytes += bytes;
        report.search = Some(state);
        report.search_patched = patched;
    }
    if !whole_site {
        return Ok(report);
    }
    for (rel, source) in &s.theme.statics {
        let dest = out.join("static").join(rel);
        let result = (|| {
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent)?;
            }
            match source {
                theme::StaticSource::File(p) => std::fs::copy(p, &dest).map(|_| ()),
                theme::StaticSource::Builtin(text) => std::fs::write(&dest, text),
            }
        })();
        result.map_err(|e| {
            vec![Diagnostic::error(
                rel,
                format!("cannot copy static file: {e}"),
            )]
        })?;
        report.files += 1;
    }
    Ok(report)
}

struct PageCx<'a> {
    timeline: &'a Timeline,
    s: &'a RenderSettings<'a>,
    builder: &'a ModelBuilder<'a>,
    site: &'a SiteCx,
    lists: &'a Lists,
    /// Each article's identity: a hash of everything inferred about it and its slug, which
    /// its entry and page are built from. Pages are hashed from these, so a page reused from
    /// the previous output costs no page model at all.
    ids: Vec<std::sync::OnceLock<u64>>,
    /// Each topic's speakers, counted once for all of its list's pages.
    topic_speakers: Vec<std::sync::OnceLock<Vec<LinkCx>>>,
}

#[derive(Serialize)]
struct GroupCx {
    slug: String,
    name: String,
    description: String,
    url: String,
    count: usize,
}

impl PageCx<'_> {
    /// Article `i`'s list entry, converted for the template. Built for each page that shows
    /// it: keeping every entry converted for the whole render cost more memory (a quarter of a
    /// gigabyte at 100,000 articles) than building them again costs time (3 % of a build).
    fn entry(&self, i: usize) -> tera::Value {
        tera::Value::from_serializable(&self.builder.entry(i))
    }

    /// A page's template, path, canonical path (under the base URL) and title.
    fn place(&self, page: &Page) -> (&'static str, String, String, String) {
        let fixed = |template, folder: &str, title: &str| {
            (
                template,
                format!("{folder}index.html"),
                folder.to_string(),
                title.to_string(),
            )
        };
        let list = |template, base: String, page: ListPage, name: &str| {
            let (path, canonical, title) = list_page(&base, page, name);
            (template, path, canonical, title)
        };
        match page {
            Page::Home => fixed("index.html", "", &self.site.title),
            Page::Year(y, n) => {
                let page = ListPage {
                    part: Part::Year(*y),
                    number: *n,
                };
                let (path, canonical, _) = list_page("years/", page, "");
                let title = match n {
                    1 => y.to_string(),
                    n => format!("{y} (page {n})"),
                };
                ("year.html", path, canonical, title)
            }
            Page::Article(i) => {
                let a = &self.timeline.articles[*i];
                let slug = &self.timeline.slugs[*i];
                let title = a.title.value.clone().unwrap_or_else(|| a.id.clone());
                (
                    "article.html",
                    article_url(slug),
                    format!("articles/{slug}/"),
                    title,
                )
            }
            Page::Topics => fixed("topics.html", "topics/", "Themes"),
            Page::Topic(t, p) => {
                let g = &self.timeline.topics[*t];
                list("topic.html", format!("topics/{}/", g.slug), *p, &g.name)
            }
            Page::Speakers => fixed("speakers.html", "speakers/", "Speakers"),
            Page::Speaker(o, p) => {
                let g = &self.timeline.speakers[*o];
                list("speaker.html", format!("speakers/{}/", g.slug), *p, &g.name)
            }
            Page::Sources => fixed("sources.html", "sources/", "Sources"),
            Page::Source(o, p) => {
                let g = &self.timeline.sources[*o];
                list("source.html", format!("sources/{}/", g.slug), *p, &g.name)
            }
            Page::Statements(p) => list("statements.html", "statements/".into(), *p, "Statements"),
            Page::Search => fixed("search.html", "search/", "Search"),
            Page::NotFound => (
                "404.html",
                "404.html".into(),
                "404.html".into(),
                "Page not found".into(),
            ),
        }
    }

    /// Article `i`'s identity (see [`PageCx::ids`]).
    fn id(&self, i: usize) -> u64 {
        *self.ids[i].get_or_init(|| {
            let article = &self.timeline.articles[i];
            let slug = self.timeline.slugs[i].as_bytes();
            if article.digest != 0 {
                crate::cache::hash_parts(&[&article.digest.to_le_bytes(), slug])
            } else {
                // Held whole: only an entry of the cache is held as an outline.
                let whole = article.full();
                crate::cache::hash_parts(&[&crate::reuse::identity_bytes(&*whole), slug])
            }
        })
    }

    /// Inserts the timeline section of `indexes` as `timeline`: years → months → entries.
    /// Hashed from the articles' identities; converted for the template only if the page is
    /// rendered.
    fn insert_timeline<'s>(&'s self, cx: &mut HashingContext<'s>, indexes: &[usize]) {
        let mut groups = by_year_month(&self.timeline.articles, indexes);
        if self.s.config.newest_first() {
            groups.reverse();
            for y in &mut groups {
                y.months.reverse();
                for m in &mut y.months {
                    m.articles.reverse();
                }
            }
            // Undated stays last.
            if let Some(pos) = groups.iter().position(|y| y.year.is_none()) {
                let undated = groups.remove(pos);
                groups.push(undated);
            }
        }
        let mut identity: Vec<u8> = Vec::with_capacity(indexes.len() * 8 + 64);
        for y in &groups {
            identity.extend_from_slice(&y.year.unwrap_or(i32::MIN).to_le_bytes());
            for m in &y.months {
                identity.extend_from_slice(&m.month.to_le_bytes());
                identity.extend_from_slice(&(m.articles.len() as u64).to_le_bytes());
                for &i in &m.articles {
                    identity.extend_from_slice(&self.id(i).to_le_bytes());
                }
            }
        }
        cx.insert_lazy("timeline", &identity, move || {
            let years: Vec<tera::Value> = groups
                .into_iter()
                .map(|y| {
                    let label = y
                        .year
                        .map_or_else(|| "Undated".to_string(), |v| v.to_string());
                    let months: Vec<tera::Value> = y
                        .months
                        .into_iter()
                        .map(|m| {
                            let (label, id) = match y.year {
                                Some(v) => (
                                    format!("{} {v}", month_name(m.month)),
                                    format!("{v}-{:02}", m.month),
                                ),
                                None => ("Date not known".to_string(), "undated".to_string()),
                            };
                            let entries: Vec<tera::Value> =
                                m.articles.into_iter().map(|i| self.entry(i)).collect();
                            tera::Value::from(std::collections::BTreeMap::from([
                                ("label", tera::Value::from(label)),
                                ("id", tera::Value::from(id)),
                                ("entries", tera::Value::from(entries)),
                            ]))
                        })
                        .collect();
                    tera::Value::from(std::collections::BTreeMap::from([
                        ("year", tera::Value::from(y.year)),
                        ("label", tera::Value::from(label)),
                        ("months", tera::Value::from(months)),
                    ]))
                })
                .collect();
            tera::Value::from(years)
        });
    }

    /// Every group of a list (topics, speakers or sources) as an index page lists it.
    fn groups_cx(list: &[crate::order::Group], url: fn(&str) -> String) -> Vec<GroupCx> {
        list.iter()
            .map(|g| Self::group_cx(g, url(&g.slug)))
            .collect()
    }

    fn group_cx(g: &crate::order::Group, url: String) -> GroupCx {
        GroupCx {
            slug: g.slug.clone(),
            name: g.name.clone(),
            description: g.description.clone(),
            url,
            count: g.articles.len(),
        }
    }

    fn render_page(&self, page: &Page, out: &Path) -> Result<Written, Diagnostic> {
        let started = std::time::Instant::now();
        let mut cx = HashingContext::new();
        cx.insert("site", self.site);
        let (template, path, canonical, title) = self.place(page);
        match page {
            Page::Home => {
                let shown = self.lists.all.articles(ListPage::MAIN);
                self.insert_timeline(&mut cx, shown);
                cx.insert("split", self.lists.all.split());
                let part = self.lists.all.main_part();
                let links = match part {
                    Part::Year(_) => page_links(&self.lists.all, part, 1, "years/"),
                    _ => Vec::new(),
                };
                cx.insert("page_links", links);
            }
            Page::Year(year, number) => {
                let part = Part::Year(*year);
                let shown = self.lists.all.articles(ListPage {
                    part,
                    number: *number,
                });
                cx.insert("year", year);
                cx.insert(
                    "page_links",
                    page_links(&self.lists.all, part, *number, "years/"),
                );
                self.insert_timeline(&mut cx, shown);
            }
            Page::Article(i) => {
                let i = *i;
                // The page shows this article, its neighbours' links and the entries of its
                // related articles and other reports of the same statement.
                // Slots and identities, never positions: an article that moves along the
                // timeline shifts the position of every article it passes, not their pages.
                let n = self.timeline.articles.len();
                let neighbours = [i.checked_sub(1), Some(i), (i + 1 < n).then_some(i + 1)];
                let mut identity: Vec<u8> = Vec::new();
                for slot in neighbours {
                    identity.push(u8::from(slot.is_some()));
                    if let Some(j) = slot {
                        identity.extend_from_slice(&self.id(j).to_le_bytes());
                    }
                }
                for list in [&self.timeline.related[i], &self.timeline.same_statement[i]] {
                    identity.extend_from_slice(&(list.len() as u64).to_le_bytes());
                    for &j in list {
                        identity.extend_from_slice(&self.id(j).to_le_bytes());
                    }
                }
                cx.insert_lazy("article", &identity, move || {
                    tera::Value::from_serializable(&self.builder.article(i))
                });
            }
            Page::Topics => {
                cx.insert("topics", Self::groups_cx(&self.timeline.topics, topic_url));
            }
            Page::Topic(t, list_page) => {
                let g = &self.timeline.topics[*t];
                let base = format!("topics/{}/", g.slug);
                let shown = self.section(&mut cx, &self.lists.topics[*t], *list_page, &base);
                cx.insert("topic", Self::group_cx(g, topic_url(&g.slug)));
                self.insert_timeline(&mut cx, shown);
                // The topic's speakers on its main page only: on every year page of a long
                // topic they cost more than its entries.
                if list_page.part == Part::Main {
                    let speakers =
                        self.topic_speakers[*t].get_or_init(|| self.speakers_of(&g.articles));
                    cx.insert("speakers", speakers);
                } else {
                    cx.insert("speakers", Vec::<LinkCx>::new());
                }
            }
            Page::Speakers => {
                cx.insert(
                    "speakers",
                    Self::groups_cx(&self.timeline.speakers, speaker_url),
                );
            }
            Page::Speaker(p, list_page) => {
                let g = &self.timeline.speakers[*p];
                let base = format!("speakers/{}/", g.slug);
                let shown = self.section(&mut cx, &self.lists.speakers[*p], *list_page, &base);
                cx.insert("speaker", Self::group_cx(g, speaker_url(&g.slug)));
                cx.insert("roles", self.roles(&g.slug));
                self.insert_timeline(&mut cx, shown);
            }
            Page::Sources => {
                cx.insert(
                    "sources",
                    Self::groups_cx(&self.timeline.sources, source_url),
                );
            }
            Page::Source(o, list_page) => {
                let g = &self.timeline.sources[*o];
                let base = format!("sources/{}/", g.slug);
                let shown = self.section(&mut cx, &self.lists.sources[*o], *list_page, &base);
                cx.insert("source", Self::group_cx(g, source_url(&g.slug)));
                self.insert_timeline(&mut cx, shown);
            }
            Page::Statements(list_page) => {
                let shown = self.section(&mut cx, &self.lists.all, *list_page, "statements/");
                self.insert_quotes(&mut cx, self.ordered(shown));
            }
            Page::Search => {
                cx.insert("topics", Self::groups_cx(&self.timeline.topics, topic_url));
                cx.insert(
                    "speakers",
                    Self::groups_cx(&self.timeline.speakers, speaker_url),
                );
                cx.insert(
                    "sources",
                    Self::groups_cx(&self.timeline.sources, source_url),
                );
            }
            Page::NotFound => {}
        }
        let depth = path.matches('/').count();
        cx.insert("root", "../".repeat(depth));
        cx.insert("page_title", title);
        cx.insert("canonical", format!("{}{}", self.site.base_url, canonical));
        cx.insert("current", path.clone());
        cx.insert("themes", &self.s.theme.info);
        let hash = cx.finish(template, &path);
        let reused = self
            .s
            .previous
            .and_then(|p| self.s.timed(Stage::Write, || p.reuse(&path, hash, out)));
        if let Some(bytes) = reused {
            if let Some(clock) = self.s.clock {
                clock.add(Stage::Render, started.elapsed());
            }
            return Ok(Written {
                path,
                hash,
                bytes,
                reused: true,
            });
        }
        let mut html = self
            .s
            .theme
            .render(template, &cx.into_context())?
            .into_bytes();
        if let Some(script) = self.s.inject {
            inject_before_body_end(&mut html, script);
        }
        if let Some(clock) = self.s.clock {
            clock.add(Stage::Render, started.elapsed());
        }
        if self.s.config.minify.templates() {
            html = self.s.timed(Stage::Minify, || tighten::tighten(&html));
        }
        if self.s.config.minify == Minify::Full {
            html = self.s.timed(Stage::Minify, || minify(html));
        }
        self.s.timed(Stage::Write, || {
            let dest = out.join(&path);
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| Diagnostic::error(&path, format!("cannot create folder: {e}")))?;
            }
            std::fs::write(&dest, &html)
                .map_err(|e| Diagnostic::error(&path, format!("cannot write: {e}")))
        })?;
        Ok(Written {
            path,
            hash,
            bytes: html.len() as u64,
            reused: false,
        })
    }

    /// The articles a list page shows, in timeline order ([`Paging`]). Tells the template
    /// `split`, `group_years` (year links), `undated` (the undated articles' link),
    /// `section_year`, `section_undated` and `page_links` (the pages of the part shown).
    fn section<'p>(
        &self,
        cx: &mut HashingContext,
        paging: &'p Paging,
        page: ListPage,
        base: &str,
    ) -> &'p [usize] {
        let split = paging.split();
        let years: Vec<YearLinkCx> = if split {
            paging
                .years()
                .map(|(year, count)| YearLinkCx {
                    year,
                    url: format!("{base}{year}/index.html"),
                    count,
                })
                .collect()
        } else {
            Vec::new()
        };
        let undated = (split && paging.undated_count() > 0).then(|| UndatedLinkCx {
            url: format!("{base}undated/index.html"),
            count: paging.undated_count(),
        });
        cx.insert("split", split);
        cx.insert("group_years", years);
        cx.insert("undated", undated);
        cx.insert(
            "section_year",
            match page.part {
                Part::Year(y) => Some(y),
                _ => None,
            },
        );
        cx.insert("section_undated", page.part == Part::Undated);
        let (part, number) = match page.part {
            Part::Main => (paging.main_part(), 1),
            part => (part, page.number),
        };
        cx.insert("page_links", page_links(paging, part, number, base));
        paging.articles(page)
    }

    /// Indexes in display order.
    fn ordered(&self, indexes: &[usize]) -> Vec<usize> {
        let mut v = indexes.to_vec();
        if self.s.config.newest_first() {
            v.reverse();
        }
        v
    }

    /// The speakers of `articles`, most frequent first (then by name).
    fn speakers_of(&self, articles: &[usize]) -> Vec<LinkCx> {
        let mut counts: std::collections::HashMap<&str, (&str, usize)> =
            std::collections::HashMap::new();
        for &i in articles {
            for p in self.timeline.articles[i].speakers.value.iter().flatten() {
                counts.entry(&p.id).or_insert((&p.name, 0)).1 += 1;
            }
        }
        let mut seen: Vec<(&str, &str, usize)> = counts
            .into_iter()
            .map(|(id, (name, n))| (id, name, n))
            .collect();
        seen.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(b.1)).then(a.0.cmp(b.0)));
        seen.into_iter()
            .map(|(id, name, _)| LinkCx {
                name: name.to_string(),
                url: speaker_url(id),
            })
            .collect()
    }

    fn roles(&self, person_id: &str) -> Vec<String> {
        let kb = self.s.kb;
        let Some(p) = kb.person_by_id(person_id) else {
            return Vec::new();
        };
        kb.people[p]
            .offices
            .iter()
            .map(|t| {
                let country = kb
                    .country_by_code(&t.country)
                    .map_or(t.country.clone(), |c| kb.countries[c].name.clone());
                let end = t.end.map_or_else(|| "present".to_string(), |d| d.long());
                format!("{} ({}), {} – {}", t.title, country, t.start.long(), end)
            })
            .collect()
    }

    /// Inserts each article of `indexes` by its main quotation as `quotes` (the statements
    /// list: one line per article, its other quotations are on its page). Hashed from the
    /// articles' identities, which cover their quotes, titles, slugs and dates; built only if
    /// the page is rendered.
    fn insert_quotes<'s>(&'s self, cx: &mut HashingContext<'s>, indexes: Vec<usize>) {
        let mut identity: Vec<u8> = Vec::with_capacity(indexes.len() * 8);
        for &i in &indexes {
            identity.extend_from_slice(&self.id(i).to_le_bytes());
        }
        cx.insert_lazy("quotes", &identity, move || {
            tera::Value::from_serializable(&self.quotes(&indexes))
        });
    }

    /// The main quotation of each of `indexes` that has an attributed one: the first of its
    /// main speaker's, else its first attributed quotation, shortened as list entries shorten
    /// their key quote.
    fn quotes(&self, indexes: &[usize]) -> Vec<QuoteCx> {
        let mut out = Vec::new();
        for &i in indexes {
            let a = &self.timeline.articles[i];
            let main = a.speakers.value.as_ref().and_then(|s| s.first());
            let said_by = |q: &&crate::infer::Quote| {
                q.speaker
                    .as_ref()
                    .is_some_and(|p| main.is_some_and(|m| m.id == p.id))
            };
            let Some(q) = a
                .quotes
                .iter()
                .find(said_by)
                .or_else(|| a.quotes.iter().find(|q| q.speaker.is_some()))
            else {
                continue;
            };
            let Some(p) = &q.speaker else { continue };
            out.push(QuoteCx {
                text: crate::infer::shorten(q.text.trim_end_matches([',', ';', ':', ' ']), 280),
                speaker: Some(LinkCx {
                    name: p.name.clone(),
                    url: speaker_url(&p.id),
                }),
                article: Some(LinkCx {
                    name: a.title.value.clone().unwrap_or_default(),
                    url: article_url(&self.timeline.slugs[i]),
                }),
                date: model::date_cx(&a.stated, self.builder.low),
                confidence: (q.confidence * 100.0).round() as u32,
            });
        }
        out
    }
}

/// Each group's paging (topics, speakers or sources).
fn groups_paging(
    timeline: &Timeline,
    groups: &[crate::order::Group],
    newest_first: bool,
) -> Vec<Paging> {
    groups
        .par_iter()
        .map(|g| Paging::of(timeline, &g.articles, newest_first))
        .collect()
}

/// The pages of every list, made once per build.
struct Lists {
    /// Every article: the home page, the year pages and the statements list.
    all: Paging,
    /// Each topic's list.
    topics: Vec<Paging>,
    /// Each speaker's list.
    speakers: Vec<Paging>,
    /// Each source's list.
    sources: Vec<Paging>,
}

/// Links to the pages of `part` of a list under `base`, `number` the current one; none when
/// the part fits on one page.
fn page_links(paging: &Paging, part: Part, number: usize, base: &str) -> Vec<PageLinkCx> {
    let count = paging.page_count(part);
    if count < 2 {
        return Vec::new();
    }
    (1..=count)
        .map(|n| PageLinkCx {
            number: n,
            url: format!("{base}{}index.html", ListPage { part, number: n }.folder()),
            current: n == number,
        })
        .collect()
}

/// Path, canonical path and title of a page of the list under `base` called `name`.
fn list_page(base: &str, page: ListPage, name: &str) -> (String, String, String) {
    let folder = page.folder();
    let mut title = match page.part {
        Part::Main => name.to_string(),
        Part::Year(y) => format!("{name}, {y}"),
        Part::Undated => format!("{name}, undated"),
    };
    if page.number > 1 {
        title.push_str(&format!(" (page {})", page.number));
    }
    (
        format!("{base}{folder}index.html"),
        format!("{base}{folder}"),
        title,
    )
}

fn with_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

fn inject_before_body_end(html: &mut Vec<u8>, script: &str) {
    let needle = b"</body>";
    let at = html
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
        .unwrap_or(html.len());
    html.splice(at..at, script.bytes());
}

/// Minifies a page with minify-html, keeping what the Nu HTML Checker asks for: the `html`
/// element with its `lang`, closing tags, spaces between attributes and terminated character
/// references. (minify-html's one-pass variant, twice as fast, drops the last two: its pages
/// fail validation.)
pub fn minify(html: Vec<u8>) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_html_and_head_opening_tags: true,
        keep_closing_tags: true,
        minify_css: true,
        minify_js: false,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(&html, &cfg)
}

/// Markdown to HTML; raw HTML is shown as text unless `unsafe_html`.
pub fn markdown_to_html(text: &str, unsafe_html: bool) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, html};
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let parser = Parser::new_ext(text, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) if !unsafe_html => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url) => {
            let _ = dest_url;
            Event::Start(Tag::Link {
                link_type,
                dest_url: "#".into(),
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url) => {
            let _ = dest_url;
            Event::Start(Tag::Image {
                link_type,
                dest_url: "#".into(),
                title,
                id,
            })
        }
        other => other,
    });
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
}

/// Whether a link from an article may be followed: http(s), mail, or relative, never a script.
pub fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// The path of a page relative to the output folder, for messages.
pub fn page_path(url: &str) -> PathBuf {
    PathBuf::from(url)
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn minify_collapses_well_formed_pages_and_keeps_the_language() {
        let page = b"<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>T</title>\n</head>\n<body>\n  <p>One   two</p>\n</body>\n</html>\n";
        let out = String::from_utf8(minify(page.to_vec())).unwrap();
        assert!(out.contains("<html lang=en>"), "{out}");
        assert!(out.contains("One two"), "{out}");
        assert!(!out.contains('\n'), "{out}");
    }

    #[test]
    fn minified_pages_stay_valid_html() {
        // Spaces between attributes, terminated references, even in a sloppy page.
        let page = b"<html lang=\"en\"><body>\n  <p class=\"a b\" id=\"c d\" title=\"e f\">&lt;http://x.org/&gt;   text</p></div>\n</body></html>";
        let out = String::from_utf8(minify(page.to_vec())).unwrap();
        assert!(out.contains("&lt;http"), "{out}");
        assert!(!out.contains("&LT"), "{out}");
        for glued in ["\"class=", "\"id=", "\"title="] {
            assert!(!out.contains(glued), "{out}");
        }
        assert!(out.contains("lang=en"), "{out}");
    }
}
