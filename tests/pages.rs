//! The pages readers browse and the files machines read: the TimelineJS export against its
//! format, the Atom feed against RFC 4287, the site under a sub-path, the search index, and the
//! theme chain (list form, extending a theme's template, error locations, the ledger theme).

mod common;

use std::path::Path;

use common::{TestSite, links_of, text_of};

/// Two Markdown articles whose dates come from front matter, so that feeds and the TimelineJS
/// export have entries whatever the date engine infers.
fn dated_site() -> TestSite {
    let site = TestSite::empty();
    site.write(
        "content/nagoya.md",
        "+++\ntitle = \"Lavrov & Motegi meet in Nagoya\"\nstated = 2019-11-23\ndate = 2019-11-24\n+++\n\
         Russian Foreign Minister Sergey Lavrov said on Saturday that \"Japan promised to address our concerns\" \
         about the US-Japan alliance. The talks took place in Nagoya.\n",
    );
    site.write(
        "content/moscow.md",
        "+++\ntitle = \"Lavrov on the peace treaty\"\nstated = 2018-03-15\n+++\n\
         Sergey Lavrov said that \"the peace treaty is still far away\" during talks in Moscow.\n",
    );
    site.write(
        "content/undated.md",
        "+++\ntitle = \"A text without a date\"\n+++\nSomeone said something.\n",
    );
    site
}

/// The text between `<tag>` (or `<tag …>`) and `</tag>`, first occurrence.
fn element<'a>(xml: &'a str, tag: &str) -> Option<&'a str> {
    let start = xml
        .find(&format!("<{tag}>"))
        .or_else(|| xml.find(&format!("<{tag} ")))?;
    let body = &xml[start..];
    let open_end = body.find('>')? + 1;
    let end = body.find(&format!("</{tag}>"))?;
    Some(&body[open_end..end])
}

fn is_rfc3339(s: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(s.trim()).is_ok()
}

#[test]
fn timeline_json_follows_the_timelinejs_format() {
    let site = dated_site();
    site.build();
    let json: serde_json::Value = serde_json::from_str(&site.page("timeline.json")).unwrap();
    assert!(json["title"]["text"]["headline"].is_string(), "title slide");
    let events = json["events"].as_array().expect("events must be an array");
    assert_eq!(
        events.len(),
        2,
        "one event per dated statement: {events:#?}"
    );
    let mut ids = std::collections::HashSet::new();
    for e in events {
        let start = &e["start_date"];
        assert!(start["year"].is_i64(), "year must be a number: {start}");
        for k in ["month", "day"] {
            assert!(
                start[k].is_null() || start[k].is_i64(),
                "{k} must be a number"
            );
        }
        assert!(
            e["text"]["headline"]
                .as_str()
                .is_some_and(|h| !h.is_empty()),
            "text.headline: {e}"
        );
        // The quotation, which repeats the article, only with `export_text = true`.
        assert!(e["text"].get("text").is_none(), "{e}");
        assert!(e["group"].is_string() || e["group"].is_null());
        let id = e["unique_id"].as_str().expect("unique_id is a string");
        assert!(ids.insert(id.to_string()), "unique_id {id} repeated");
    }
    assert_eq!(events[0]["start_date"]["year"], 2018);
}

#[test]
fn every_year_has_a_page_and_the_home_page_indexes_them() {
    let site = dated_site();
    site.build();
    let home = site.page("index.html");
    for year in ["2018", "2019"] {
        assert!(
            home.contains(&format!("years/{year}/index.html")),
            "year index lacks {year}"
        );
        let page = site.page(&format!("years/{year}/index.html"));
        assert!(page.contains(&format!("Statements of {year}")));
    }
    assert!(site.page("years/2019/index.html").contains("Nagoya"));
    assert!(!site.page("years/2018/index.html").contains("Nagoya"));
}

#[test]
fn the_atom_feed_has_every_element_rfc_4287_requires() {
    let site = dated_site();
    site.build();
    for path in ["atom.xml", "topics/peace-treaty/atom.xml"] {
        let feed = site.page(path);
        assert!(feed.starts_with("<?xml"), "{path}: XML declaration");
        assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
        let head = feed.split("<entry>").next().unwrap();
        assert!(
            element(head, "id").is_some_and(|id| id.starts_with("http")
                || id.starts_with("urn:")
                || id.starts_with('/')),
            "{path}: feed id"
        );
        assert!(
            element(head, "title").is_some_and(|t| !t.is_empty()),
            "{path}: feed title"
        );
        assert!(
            element(head, "updated").is_some_and(is_rfc3339),
            "{path}: feed updated"
        );
        let feed_author = element(head, "author").is_some_and(|a| element(a, "name").is_some());
        let entries: Vec<&str> = feed.split("<entry>").skip(1).collect();
        if path == "atom.xml" {
            assert_eq!(entries.len(), 2, "dated statements only");
        }
        for entry in entries {
            let entry = entry.split("</entry>").next().unwrap();
            assert!(
                element(entry, "id").is_some_and(|i| !i.is_empty()),
                "entry id"
            );
            assert!(
                element(entry, "title").is_some_and(|t| !t.is_empty()),
                "entry title"
            );
            assert!(
                element(entry, "updated").is_some_and(is_rfc3339),
                "entry updated"
            );
            assert!(
                entry.contains("<link rel=\"alternate\""),
                "entry link alternate: {entry}"
            );
            assert!(feed_author || entry.contains("<author>"), "an author");
        }
        // Escaping: the feed is well-formed where titles hold markup characters.
        if path == "atom.xml" {
            assert!(feed.contains("Lavrov &amp; Motegi"), "{feed}");
        }
    }
}

#[test]
fn under_a_sub_path_canonical_urls_carry_it_and_every_internal_link_is_relative_and_resolves() {
    let site = TestSite::seeds();
    site.write(
        "config.toml",
        "base_url = \"https://example.org/timeline/\"\n",
    );
    site.build();
    let base = "https://example.org/timeline/";
    let public = site.public();
    for rel in site.html_files() {
        let rel_s = rel.to_string_lossy().replace('\\', "/");
        let html = site.page(&rel_s);
        let canonical = html
            .split("<link ")
            .skip(1)
            .map(|l| l.split('>').next().unwrap())
            .find(|l| l.contains("rel=canonical") || l.contains("rel=\"canonical\""))
            .unwrap_or_else(|| panic!("{rel_s}: no canonical link"));
        let canonical = canonical
            .split("href=")
            .nth(1)
            .unwrap()
            .trim_start_matches('"')
            .split(['"', ' '])
            .next()
            .unwrap();
        let expected = format!("{base}{}", rel_s.trim_end_matches("index.html"));
        assert_eq!(canonical, expected, "{rel_s}: canonical URL");
        let dir = public.join(&rel).parent().unwrap().to_path_buf();
        for link in links_of(&html) {
            if link.starts_with("http://") || link.starts_with("https://") {
                assert!(
                    link.starts_with(base) || !link.contains("example.org"),
                    "{rel_s}: {link} leaves the sub-path"
                );
                continue;
            }
            if link.starts_with('#') || link.starts_with("mailto:") {
                continue;
            }
            assert!(!link.starts_with('/'), "{rel_s}: absolute link {link}");
            if rel_s == "404.html" {
                continue; // resolved against <base href>, checked below
            }
            let path = link.split(['#', '?']).next().unwrap();
            let target = dir.join(path);
            assert!(
                target.is_file(),
                "{rel_s} links to {link}, which does not exist"
            );
        }
    }
    let not_found = site.page("404.html");
    assert!(
        not_found.contains(&format!("<base href={base}>"))
            || not_found.contains(&format!("<base href=\"{base}\">"))
    );
    assert!(
        site.page("sitemap.xml")
            .contains(&format!("<loc>{base}articles/"))
    );
    assert!(
        site.page("robots.txt")
            .contains(&format!("Sitemap: {base}sitemap.xml"))
    );
    let atom = site.page("atom.xml");
    assert!(atom.contains(&format!("<id>{base}atom.xml</id>")));
}

#[test]
fn the_search_index_finds_nagoya_in_seed_003() {
    let site = TestSite::seeds();
    site.build();
    let meta: serde_json::Value = serde_json::from_str(&site.page("search/meta.json")).unwrap();
    assert_eq!(meta["version"], 3);
    assert_eq!(meta["count"], 5);
    for key in meta["shards"].as_array().unwrap() {
        site.page(&format!("search/t/{}.json", key.as_str().unwrap()));
    }
    let shard: serde_json::Value = serde_json::from_str(&site.page("search/t/na.json")).unwrap();
    let postings = shard["nagoya"].as_str().expect("nagoya is indexed");
    // Postings are base-32 numbers, the last five bits of each in 0-9a-v: the first is the
    // first document (written as itself) doubled, plus one when a weight follows. Five
    // documents need one character.
    let first = postings.chars().next().unwrap().to_digit(32).unwrap() as usize;
    let doc = first / 2;
    let chunk: serde_json::Value = serde_json::from_str(&site.page("search/d/0.json")).unwrap();
    let url = format!("articles/{}/index.html", chunk[doc][1].as_str().unwrap());
    let page = site.page(&url);
    assert!(
        page.contains("003_b7eeda2ccdf38b88.txt"),
        "{url} is not seed 003"
    );
    for kind in ["topics", "speakers", "sources"] {
        let singular = kind.trim_end_matches('s');
        for f in meta[kind].as_array().unwrap() {
            let list: Vec<usize> = serde_json::from_str(&site.page(&format!(
                "search/f/{singular}/{}.json",
                f[0].as_str().unwrap()
            )))
            .unwrap();
            assert_eq!(list.len() as u64, f[2].as_u64().unwrap());
            // Gaps from the document before: the documents they add up to are all there.
            let last: usize = list.iter().sum();
            assert!(last < 5, "{list:?} adds up past the last document");
            assert!(
                list.iter().skip(1).all(|&g| g > 0),
                "{list:?} not ascending"
            );
        }
    }
    let search = site.page("search/index.html");
    assert!(
        search.contains("name=q") || search.contains("name=\"q\""),
        "a plain GET form"
    );
    assert!(
        site.page("index.html").contains("search/index.html"),
        "header search box"
    );
}

#[test]
fn a_site_template_extends_the_theme_template_of_the_same_name() {
    let site = TestSite::seeds();
    site.write(
        "templates/article.html",
        "{% extends \"default/article.html\" %}\
         {% block head %}<meta name=\"x-site\" content=\"site-override\">{% endblock head %}",
    );
    site.build();
    let (_, html) = any_article(&site);
    assert!(html.contains("site-override"), "the site's block is used");
    assert!(
        html.contains("How this was inferred"),
        "the theme's blocks are kept"
    );
}

#[test]
fn the_list_form_chains_themes_and_later_ones_fill_the_gaps() {
    let site = TestSite::seeds();
    site.write("config.toml", "theme = [\"mine\", \"default\"]\n");
    site.write(
        "themes/mine/templates/base.html",
        "{% extends \"default/base.html\" %}{% block head %}<meta name=\"x-theme\" content=\"mine\">{% endblock head %}",
    );
    site.write(
        "themes/mine/templates/topic.html",
        "{% extends \"base.html\" %}{% block content %}<h1>Mine: {{ topic.name }}</h1>{% endblock content %}",
    );
    site.write("themes/mine/static/style.css", "/* mine */");
    site.write("static/extra.txt", "site static");
    site.build();
    // mine's base wraps every page, also those whose template comes from default.
    for page in [
        "index.html",
        "speakers/index.html",
        "topics/peace-treaty/index.html",
    ] {
        assert!(
            site.page(page).contains("x-theme"),
            "{page} lacks mine's base"
        );
    }
    assert!(
        site.page("topics/peace-treaty/index.html")
            .contains("Mine: Peace treaty")
    );
    assert!(
        site.page("index.html").contains("Skip to content"),
        "default fills the rest"
    );
    assert_eq!(site.page("static/style.css"), "/* mine */");
    assert!(
        site.public().join("static/search.js").is_file(),
        "default's other statics"
    );
    assert_eq!(site.page("static/extra.txt"), "site static");
}

#[test]
fn a_broken_site_template_is_reported_with_its_file_line_and_column() {
    let site = TestSite::seeds();
    site.write(
        "templates/article.html",
        "{% extends \"default/article.html\" %}\n{% block head %}\n  {% if article.stated %}stated\n{% endblock head %}\n",
    );
    let report = communique::site::build(&site.options());
    assert!(!report.ok);
    let d = &report.diagnostics[0];
    assert_eq!(d.file, Path::new("templates/article.html"), "{d}");
    assert!(d.line.is_some() && d.column.is_some(), "{d}");
    let shown = d.to_string();
    assert!(shown.contains("templates/article.html:"), "{shown}");
    assert!(
        shown.to_lowercase().contains("expected") || shown.contains("endif"),
        "says what was expected: {shown}"
    );
}

#[test]
fn a_broken_theme_template_names_the_theme_file() {
    let site = TestSite::seeds();
    site.write("config.toml", "theme = \"mine\"\n");
    site.write(
        "themes/mine/templates/index.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ site.title </p>\n{% endblock content %}\n",
    );
    let report = communique::site::build(&site.options());
    assert!(!report.ok);
    let d = &report.diagnostics[0];
    assert_eq!(d.file, Path::new("themes/mine/templates/index.html"), "{d}");
    assert_eq!(d.line, Some(3), "{d}");
    assert!(d.column.is_some(), "{d}");
}

#[test]
fn a_template_error_at_render_time_names_the_file_too() {
    let site = TestSite::seeds();
    site.write(
        "templates/topics.html",
        "{% extends \"base.html\" %}{% block content %}\n{{ topics | no_such_filter }}\n{% endblock content %}",
    );
    let report = communique::site::build(&site.options());
    assert!(!report.ok);
    let d = &report.diagnostics[0];
    assert_eq!(d.file, Path::new("templates/topics.html"), "{d}");
    assert_eq!(d.line, Some(2), "{d}");
}

#[test]
fn the_ledger_theme_renders_every_page() {
    let site = TestSite::seeds();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    common::copy_dir(&repo.join("themes"), &site.root().join("themes"));
    site.write("config.toml", "theme = \"ledger\"\n");
    site.build();
    let ledger = |p: &str| {
        let html = site.page(p);
        assert!(
            html.contains("class=ledger") || html.contains("class=\"ledger\""),
            "{p} is not in the ledger look"
        );
        html
    };
    assert!(ledger("index.html").contains("ledger-table"));
    for p in [
        "topics/index.html",
        "topics/peace-treaty/index.html",
        "speakers/index.html",
        "speakers/sergey-lavrov/index.html",
        "sources/index.html",
        "statements/index.html",
        "search/index.html",
        "404.html",
    ] {
        ledger(p);
    }
    let (_, html) = any_article(&site);
    assert!(html.contains("How this was inferred"));
    assert!(site.page("static/style.css").contains("ledger"));
}

#[test]
fn the_built_in_theme_lists_every_file_of_themes_default() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    let builtin: Vec<&str> = communique::render::theme::BUILTIN_THEME
        .iter()
        .map(|(p, _)| *p)
        .collect();
    for entry in walkdir::WalkDir::new(&repo).into_iter().flatten() {
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(&repo)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            assert!(builtin.contains(&rel.as_str()), "BUILTIN_THEME lacks {rel}");
        }
    }
}

fn any_article(site: &TestSite) -> (String, String) {
    let rel = site
        .html_files()
        .into_iter()
        .find(|p| p.starts_with("articles"))
        .unwrap();
    let rel = rel.to_string_lossy().into_owned();
    let html = site.page(&rel);
    (rel, html)
}

#[test]
fn long_lists_are_split_by_year_and_every_year_page_is_linked() {
    let site = TestSite::empty();
    // More articles than one list page holds, over three years, all on one topic.
    for i in 0..(communique::render::LIST_LIMIT + 30) {
        let year = 2018 + (i % 3);
        let day = 1 + (i % 27);
        site.write(
            &format!("content/a{i:04}.txt"),
            &format!("Peace treaty talks, round {i}\n\n{day} March {year}\n\nTOKYO - Officials said on Monday the peace treaty talks, round {i}, would go on.\n"),
        );
    }
    site.build();
    let main = site.page("topics/peace-treaty/index.html");
    for year in ["2018", "2019", "2020"] {
        assert!(
            main.contains(&format!("{year}/index.html")),
            "year {year} linked"
        );
        let page = site.page(&format!("topics/peace-treaty/{year}/index.html"));
        assert!(page.contains("round"), "year page {year} lists articles");
    }
    assert!(
        site.page("statements/index.html").len() < main.len() * 4,
        "statements split too"
    );
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("topics/peace-treaty/2019/"));
    // The main list page shows the latest year only: a third of the articles.
    let shown = text_of(&main).matches("Peace treaty talks, round").count();
    assert!(
        shown > 100 && shown < communique::render::LIST_LIMIT / 2,
        "{shown} entries on the main page"
    );
}

#[test]
fn with_search_off_no_index_no_search_page_and_no_form_points_at_them() {
    let site = TestSite::seeds();
    site.write("config.toml", "search = false\n");
    let report = site.build();
    assert!(report.ok, "{:?}", report.diagnostics);
    let public = site.public();
    assert!(!public.join("search").exists(), "search/ was written");
    for rel in site.html_files() {
        let rel_s = rel.to_string_lossy().replace('\\', "/");
        let html = site.page(&rel_s);
        assert!(
            !html.contains("search/index.html"),
            "{rel_s} links to the search page"
        );
    }
    // On by default: the form on every page and the index beside the page.
    site.write("config.toml", "");
    assert!(site.build().ok);
    assert!(public.join("search/meta.json").is_file());
    assert!(site.page("index.html").contains("search/index.html"));
}

#[test]
fn a_render_error_in_a_minified_template_points_at_the_line_as_written() {
    let site = TestSite::seeds();
    site.write(
        "templates/topics.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<ul>\n  <li>\n    {{ no_such_value.field }}\n  </li>\n</ul>\n{% endblock content %}",
    );
    let report = communique::site::build(&site.options());
    assert!(!report.ok);
    let d = &report.diagnostics[0];
    assert_eq!(d.file, Path::new("templates/topics.html"), "{d}");
    assert_eq!(d.line, Some(5), "{d}");
    assert!(d.message.contains("    {{ no_such_value.field }}"), "{d}");
}

/// Drops the spaces of minify-html's output that stand right beside a block-level tag: CSS
/// shows none of them, and minify-html keeps some (between the children of a `details`).
fn without_spaces_beside_blocks(html: &str) -> String {
    use communique::render::compact::BLOCK;
    let tag_name = |s: &str| -> String {
        s.trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect()
    };
    let mut out = String::with_capacity(html.len());
    for (i, c) in html.char_indices() {
        if c == ' ' {
            let after = &html[i + 1..];
            let before = &html[..i];
            let next_block =
                after.starts_with('<') && BLOCK.contains(&tag_name(&after[1..]).as_str());
            let previous_block = before.ends_with('>')
                && before
                    .rfind('<')
                    .is_some_and(|at| BLOCK.contains(&tag_name(&before[at + 1..]).as_str()));
            if next_block || previous_block {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Minifying the templates as they load changes nothing a reader sees: passed through
/// minify-html (which keeps every space a browser could show), each page is the same as the
/// page built from the templates as written, but for spaces right beside block-level tags.
#[test]
fn minified_templates_keep_every_page_as_minify_html_reads_it() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for theme in ["default", "ledger"] {
        let build = |minify: bool| {
            let site = TestSite::seeds();
            common::copy_dir(&repo.join("themes"), &site.root().join("themes"));
            site.write(
                "config.toml",
                &format!("theme = \"{theme}\"\nminify = {minify}\n"),
            );
            site.build();
            site
        };
        let (as_written, minified) = (build(false), build(true));
        let (mut written_bytes, mut minified_bytes) = (0, 0);
        let pages = as_written.html_files();
        assert!(pages.len() > 20, "{}", pages.len());
        for page in pages {
            let read = |site: &TestSite| std::fs::read(site.public().join(&page)).unwrap();
            let (a, b) = (read(&as_written), read(&minified));
            written_bytes += a.len();
            minified_bytes += b.len();
            let normal = |html: Vec<u8>| {
                without_spaces_beside_blocks(
                    &String::from_utf8(communique::render::minify(html)).unwrap(),
                )
            };
            assert_eq!(normal(a), normal(b), "{theme}: {}", page.display());
        }
        assert!(
            minified_bytes * 100 < written_bytes * 97,
            "{theme}: {minified_bytes} bytes minified, {written_bytes} as written"
        );
    }
}

/// The `datetime` values of a page's `<time>` elements, in page order.
fn times_of(html: &str) -> Vec<String> {
    html.split("<time datetime=")
        .skip(1)
        .map(|rest| {
            rest.trim_start_matches('"')
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .collect()
        })
        .collect()
}

#[test]
fn newest_first_lists_the_newest_statements_first_on_every_list() {
    let site = TestSite::seeds();
    site.write("config.toml", "order = \"newest-first\"\n");
    site.build();
    for page in [
        "index.html",
        "topics/peace-treaty/index.html",
        "statements/index.html",
        "years/2019/index.html",
    ] {
        let times = times_of(&site.page(page));
        assert!(times.len() > 1, "{page}: {times:?}");
        let mut sorted = times.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(times, sorted, "{page} is not newest first");
    }
}

#[test]
fn a_long_list_puts_undated_articles_and_a_crowded_year_on_pages_of_their_own() {
    let site = TestSite::empty();
    let limit = communique::render::LIST_LIMIT;
    // One year with more articles than a page holds, a smaller one, and a page and a bit of
    // articles whose statement day nobody can tell.
    let dated = limit + 20;
    for i in 0..dated + 60 {
        let year = if i < limit + 10 { 2019 } else { 2020 };
        site.write(
            &format!("content/d{i:04}.md"),
            &format!(
                "+++\ntitle = \"Dated round {i}\"\nstated = {year}-03-{:02}\n+++\nOfficials met for round {i}.\n",
                1 + i % 27
            ),
        );
    }
    for i in 0..limit + 3 {
        site.write(
            &format!("content/u{i:04}.md"),
            &format!(
                "+++\ntitle = \"Undated round {i}\"\n+++\nRussian Foreign Minister Sergey Lavrov said: \"Round {i} of the talks went well.\"\n"
            ),
        );
    }
    site.build();
    let main = site.page("statements/index.html");
    assert!(
        !main.contains("of the talks went well"),
        "undated left the main page"
    );
    assert!(
        main.contains("undated/index.html"),
        "and are linked from it"
    );
    // Each undated article has one quotation, listed on the statements pages.
    let undated = |rel: &str| site.page(rel).matches("of the talks went well").count();
    assert_eq!(undated("statements/undated/index.html"), limit);
    assert_eq!(undated("statements/undated/2/index.html"), 3);
    assert!(
        site.page("statements/undated/index.html")
            .contains("statements/undated/2/index.html"),
        "page links"
    );
    let year_1 = site.page("years/2019/index.html");
    let year_2 = site.page("years/2019/2/index.html");
    assert!(year_1.contains("years/2019/2/index.html"), "page links");
    let count = |html: &str| text_of(html).matches("Dated round").count();
    assert_eq!(count(&year_1), limit);
    assert_eq!(count(&year_2), 10);
    let sitemap = site.page("sitemap.xml");
    for url in [
        "statements/undated/",
        "statements/undated/2/",
        "years/2019/2/",
    ] {
        assert!(sitemap.contains(url), "sitemap lacks {url}");
    }
    assert!(
        !site.public().join("statements/undated/3").exists(),
        "no empty page"
    );
}
