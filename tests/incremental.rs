//! Rebuilds: the inference cache and reused output must never change what a build produces.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::TestSite;
use communique::site::{BuildReport, Hold, Site, build, collect, infer_all, scan};
use communique::timings::StageClock;

/// Every article inferred for the site, as JSON, and how many were inferred (not cached).
fn articles(site: &TestSite) -> (Vec<String>, usize) {
    let options = site.options();
    let loaded = Site::load(&options).unwrap();
    let collected = infer_all(&loaded, &options, &StageClock::default());
    let json = collected
        .articles
        .iter()
        .map(|a| serde_json::to_string(&*a.full()).unwrap())
        .collect();
    (json, collected.inferred)
}

fn shard_files(root: &Path) -> Vec<std::path::PathBuf> {
    let dir = root.join(".communique-cache").join("infer");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "bin"))
        .collect();
    files.sort();
    files
}

/// Every file of the output, by relative path.
fn output(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(site.public())
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(site.public()).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The files whose bytes differ between two outputs, or that only one has.
fn differing<'a>(
    a: &'a BTreeMap<String, Vec<u8>>,
    b: &'a BTreeMap<String, Vec<u8>>,
) -> Vec<&'a String> {
    a.keys()
        .chain(b.keys())
        .filter(|p| a.get(*p) != b.get(*p))
        .collect()
}

#[test]
fn cached_articles_equal_fresh_inference() {
    let site = TestSite::seeds();
    let (fresh, inferred) = articles(&site);
    assert_eq!(inferred, 5, "a cold build infers every article");
    let (cached, inferred) = articles(&site);
    assert_eq!(
        inferred, 0,
        "a second build takes every article from the cache"
    );
    assert_eq!(cached, fresh);
}

/// A build of `site` as if today were `day` (YYYY-MM-DD).
fn build_on(site: &TestSite, day: &str) -> BuildReport {
    let mut options = site.options();
    options.today = day.parse().unwrap();
    let report = build(&options);
    assert!(report.ok, "build failed: {:#?}", report.diagnostics);
    report
}

#[test]
fn a_new_day_infers_again_only_the_articles_dated_against_today() {
    // The day is not in the cache key: each entry keeps the days its article holds on, and a
    // build on a later day infers again only the articles whose dates today bounded. The
    // proof: the warm build on the new day equals a cold build on it.
    let site = TestSite::seeds();
    // 27 June was a Monday in 2011, 2016 and 2022: a dateline without its year takes the
    // latest not after today, so the day of the build decides it…
    let wire = |place: &str, date: &str| {
        format!(
            "Talks to resume in {place}\n\n{}, {date} (Kyodo) -- The foreign minister said on Monday that talks in {place} would resume next month.\n\nOfficials gave no further details.\n",
            place.to_uppercase()
        )
    };
    site.write("content/yearless.txt", &wire("Tokyo", "June 27"));
    // …and does not when the year is written.
    site.write("content/dated.txt", &wire("Osaka", "June 27, 2016"));
    let (d1, d2) = ("2022-06-01", "2022-07-01");

    let first = build_on(&site, d1);
    assert_eq!(first.inferred, first.found);
    let on_d1 = output(&site);
    // The articles whose facts the move from d1 to d2 can change, as the cache recorded them.
    let options = {
        let mut o = site.options();
        o.today = d1.parse().unwrap();
        o
    };
    let collected = infer_all(
        &Site::load(&options).unwrap(),
        &options,
        &StageClock::default(),
    );
    assert_eq!(collected.inferred, 0);
    let dependent: Vec<&str> = collected
        .articles
        .iter()
        .filter(|a| !a.today_range.contains(d2.parse().unwrap()))
        .map(|a| a.path.as_str())
        .collect();
    assert!(dependent.contains(&"yearless.txt"), "{dependent:?}");
    assert!(!dependent.contains(&"dated.txt"), "{dependent:?}");

    let warm = build_on(&site, d2);
    assert_eq!(
        warm.inferred,
        dependent.len(),
        "only the articles dated against today are inferred again"
    );
    assert!(warm.inferred < warm.found, "the others come from the cache");
    let warm_out = output(&site);
    assert_ne!(
        warm_out, on_d1,
        "the year-less dateline's year moved with the day"
    );
    assert!(
        warm_out
            .values()
            .any(|page| String::from_utf8_lossy(page).contains("2022-06-27")),
        "the year-less dateline is dated in 2022 on the new day"
    );

    std::fs::remove_dir_all(site.public()).unwrap();
    std::fs::remove_dir_all(site.root().join(".communique-cache")).unwrap();
    let cold = build_on(&site, d2);
    assert_eq!(cold.inferred, cold.found);
    let cold_out = output(&site);
    let differ = differing(&cold_out, &warm_out);
    assert!(differ.is_empty(), "warm differs from cold in {differ:?}");

    // Back to the first day: the entries inferred on d2 hold from 27 June 2022 on, so the
    // year-less article is inferred again, and the output is the first day's.
    let back = build_on(&site, d1);
    assert!(back.inferred >= 1 && back.inferred < back.found);
    assert_eq!(output(&site), on_d1);
}

#[test]
fn a_corrupted_cache_entry_is_ignored_and_rebuilt() {
    let site = TestSite::seeds();
    let (fresh, _) = articles(&site);
    let shards = shard_files(site.root());
    assert!(!shards.is_empty());
    // Damage one entry's payload (past the 16-byte header and 24-byte entry header)…
    let mut bytes = std::fs::read(&shards[0]).unwrap();
    let at = bytes.len() - 10;
    bytes[at] ^= 0x5a;
    std::fs::write(&shards[0], &bytes).unwrap();
    // …and cut another shard short.
    if let Some(last) = shards.get(1) {
        let bytes = std::fs::read(last).unwrap();
        std::fs::write(last, &bytes[..bytes.len() / 2]).unwrap();
    }
    let (after, inferred) = articles(&site);
    assert!(inferred >= 1, "the damaged entries are inferred again");
    assert_eq!(after, fresh);
    // The rebuilt cache is whole again.
    let (again, inferred) = articles(&site);
    assert_eq!(inferred, 0);
    assert_eq!(again, fresh);

    // A file that is not a cache at all is ignored too.
    for shard in shard_files(site.root()) {
        std::fs::write(shard, b"not a cache").unwrap();
    }
    let (after, inferred) = articles(&site);
    assert_eq!(inferred, 5);
    assert_eq!(after, fresh);
}

#[test]
fn an_outline_reads_the_whole_article_back_from_the_cache() {
    let site = TestSite::seeds();
    articles(&site);
    let options = site.options();
    let loaded = Site::load(&options).unwrap();
    // Cached articles are outlined from the shard files read, a freshly inferred one from
    // the shard file just written.
    let first = site.content_files()[0].clone();
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(
        &first,
        format!("{text}\n\nOfficials gave no further details.\n"),
    )
    .unwrap();
    let clock = StageClock::default();
    let collected = collect(
        &loaded,
        &options,
        &clock,
        scan(&loaded, &clock),
        Hold::Outlines,
    );
    assert_eq!(collected.inferred, 1, "the edited text is inferred again");
    let (whole, inferred) = articles(&site);
    assert_eq!(inferred, 0);
    assert_eq!(collected.articles.len(), whole.len());
    for (outline, whole) in collected.articles.iter().zip(&whole) {
        assert!(outline.stored().is_some(), "{} is an outline", outline.path);
        assert!(outline.body.blocks().is_empty(), "its body is not held");
        assert!(outline.outlet.evidence.is_empty(), "nor its evidence");
        // Lists still tell derived titles and inferred dates by their evidence's rules.
        let full = outline.full();
        let rules = |a: &communique::infer::Article| -> Vec<String> {
            a.title
                .evidence
                .iter()
                .chain(&a.stated.evidence)
                .map(|e| e.rule.to_string())
                .collect()
        };
        assert_eq!(rules(outline), rules(&full));
        assert_eq!(&serde_json::to_string(&*full).unwrap(), whole);
        // Its identity is its cache entry's, as a whole article's from the cache is.
        assert_ne!(outline.digest, 0);
    }
    // Bytes changed in place under a held shard (no program of ours does that) are found by
    // the entry's checksum, not read back as another article.
    for shard in shard_files(site.root()) {
        use std::io::{Seek as _, Write as _};
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&shard)
            .unwrap();
        file.seek(std::io::SeekFrom::End(-10)).unwrap();
        file.write_all(&[0x5a; 10]).unwrap();
    }
    let damaged = collected
        .articles
        .iter()
        .filter(|a| a.stored().unwrap().article().is_err())
        .count();
    assert!(damaged > 0);
}

#[test]
fn outlined_and_whole_articles_build_the_same_site() {
    // A build holds outlines and reads the rest of each article back from the inference
    // cache (cold: from the shards just written; warm: from those read); where no cache can
    // be written it holds every article whole. All three give the same output.
    let site = TestSite::seeds();
    let cold = site.build();
    assert!(cold.ok, "{:?}", cold.diagnostics);
    let outlined = output(&site);
    std::fs::remove_dir_all(site.public()).unwrap();
    let warm = site.build();
    assert_eq!(warm.inferred, 0);
    assert_eq!(output(&site), outlined, "outlines of cached articles");
    std::fs::remove_dir_all(site.public()).unwrap();
    std::fs::remove_dir_all(site.root().join(".communique-cache")).unwrap();
    // A file where the cache folder would be: nothing can be cached.
    site.write(".communique-cache", "not a folder");
    let uncached = site.build();
    assert!(uncached.ok, "{:?}", uncached.diagnostics);
    assert_eq!(uncached.inferred, cold.inferred);
    assert_eq!(output(&site), outlined, "whole articles");
}

#[test]
fn an_unchanged_site_rebuilds_byte_for_byte() {
    let site = TestSite::seeds();
    site.build();
    let first = output(&site);
    assert!(first.len() > 10);
    let second = site.build();
    assert_eq!(second.inferred, 0);
    assert_eq!(
        second.render.reused, second.render.pages,
        "every page is linked from the previous output"
    );
    assert_eq!(
        output(&site),
        first,
        "second build, cache and output in place"
    );
    std::fs::remove_dir_all(site.root().join(".communique-cache")).unwrap();
    site.build();
    assert_eq!(output(&site), first, "build without the cache");
}

#[test]
fn a_changed_article_is_inferred_again_and_shown() {
    let site = TestSite::seeds();
    site.build();
    let before = output(&site);
    let files = site.content_files();
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let marker = "Officials declined to comment on the zebra crossing talks.";
    std::fs::write(&files[0], format!("{text}\n\n{marker}\n")).unwrap();
    let report = site.build();
    assert_eq!(report.inferred, 1);
    let after = output(&site);
    assert!(
        after
            .values()
            .any(|bytes| String::from_utf8_lossy(bytes).contains("zebra crossing")),
        "the new paragraph is on a page"
    );
    assert_ne!(after, before);
    // Going back gives the first output again.
    std::fs::write(&files[0], text).unwrap();
    site.build();
    assert_eq!(output(&site), before);
}

/// An edit of the article at an index of the sorted content files.
type Edit = (usize, fn(&str) -> String);

#[test]
fn a_warm_build_after_edits_equals_a_cold_build_of_the_same_texts() {
    // Pages are reused by the identities of the articles they show; any page that shows an
    // edited article (its own, its neighbours', lists, related articles) must be rendered
    // again. The proof: the warm output equals a cold build of the same texts.
    let site = TestSite::seeds();
    // Ten more short wires a day apart, so that most pages show only a few articles.
    let places = [
        "Tokyo", "Moscow", "Beijing", "Seoul", "Berlin", "Paris", "Rome", "Madrid", "Oslo",
        "Vienna",
    ];
    for (k, place) in places.iter().enumerate() {
        site.write(
            &format!("content/wire-{k:02}.txt"),
            &format!(
                "Talks in {place} number {k}\n\n{}, March {} 2017 (Reuters) - The foreign minister said on Monday that talks in {place} would continue next month.\n\nOfficials gave no further details.\n",
                place.to_uppercase(),
                k + 1
            ),
        );
    }
    site.build();
    let files = site.content_files();
    let edits: [Edit; 4] = [
        // A wire's new headline: its neighbours' prev/next links show it.
        (10, |t| t.replacen("Talks in", "Renewed talks in", 1)),
        // A new headline: the neighbours' prev/next links and every list show it.
        (2, |t| format!("Minister Holds Firm On Island Talks\n\n{t}")),
        // A new paragraph: the page and the search index change, the lists may not.
        (1, |t| {
            format!("{t}\n\nOfficials declined to comment on the timetable for the talks.\n")
        }),
        // A new lead with another day: the article moves in the timeline.
        (3, |t| {
            format!(
                "TOKYO, March 3 (Kyodo) -- The foreign minister said on Monday that talks would resume.\n\n{t}"
            )
        }),
    ];
    for (k, edit) in edits {
        let text = std::fs::read_to_string(&files[k]).unwrap();
        std::fs::write(&files[k], edit(&text)).unwrap();
        let report = site.build();
        assert!(report.ok, "{:?}", report.diagnostics);
        assert_eq!(report.inferred, 1);
        if k == 1 {
            // A paragraph that moves nothing leaves most pages as they were, and the exports'
            // lines of the other articles are copied, not serialised again.
            assert!(
                report.render.reused > report.render.pages / 2,
                "a warm build reuses pages: {} of {}",
                report.render.reused,
                report.render.pages
            );
            let articles = report
                .render
                .exports
                .iter()
                .find(|e| e.rel == "articles.json");
            assert_eq!(articles.map(|e| e.copied), Some(files.len() - 1));
        }
        // An edit that leaves the facets as they were patches the search index instead of
        // building it whole (and below, the index equals a cold build's). The new lead of
        // file 3 names Kyodo, a new source: the facet numbers change, the index is rebuilt.
        assert_eq!(
            report.render.search_patched,
            k != 3,
            "edit of file {k}: patched or built whole"
        );
        let warm = output(&site);
        // The previous output is gone, pages, feeds and folders alike.
        let leftovers = site.leftovers();
        assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
        std::fs::remove_dir_all(site.public()).unwrap();
        std::fs::remove_dir_all(site.root().join(".communique-cache")).unwrap();
        site.build();
        let cold = output(&site);
        let differ = differing(&cold, &warm);
        assert!(
            differ.is_empty(),
            "edit of file {k}: warm differs from cold in {differ:?}"
        );
    }
}

#[test]
fn an_export_changed_since_the_last_build_is_written_afresh() {
    // The lines of articles.json are copied from the previous output by where the last build
    // put them; a file that is not the one it wrote (edited, truncated) must not be copied from.
    let site = TestSite::seeds();
    site.build();
    let exported = site.public().join("articles.json");
    let mut bytes = std::fs::read(&exported).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&exported, bytes).unwrap();
    let files = site.content_files();
    let text = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(
        &files[0],
        format!("{text}\n\nOfficials gave no further details.\n"),
    )
    .unwrap();
    let report = site.build();
    assert!(report.ok, "{:?}", report.diagnostics);
    let copied = |rel: &str| {
        report
            .render
            .exports
            .iter()
            .find(|e| e.rel == rel)
            .map(|e| e.copied)
    };
    assert_eq!(copied("articles.json"), Some(0));
    assert_eq!(copied("timeline.json").map(|c| c > 0), Some(true));
    let warm = output(&site);
    std::fs::remove_dir_all(site.public()).unwrap();
    std::fs::remove_dir_all(site.root().join(".communique-cache")).unwrap();
    site.build();
    assert!(output(&site) == warm, "the warm output equals a cold build");
}

#[test]
fn a_file_that_looks_unchanged_is_not_read_and_a_rewritten_one_is() {
    let site = TestSite::seeds();
    // Files written within two seconds before a scan are read again by the next one (their
    // next change could share the file system's clock tick): let them pass.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let files = site.content_files();
    let first = site.build();
    assert_eq!(first.read, files.len());
    // Nothing touched: every file is trusted by its stamp, nothing is read.
    std::fs::write(
        site.root().join("config.toml"),
        "title = \"Another title\"\n",
    )
    .unwrap();
    let second = site.build();
    assert!(second.ok && !second.up_to_date);
    assert_eq!(second.read, 0);
    // Rewritten with the same size and its old modification time: the change time differs,
    // so the file is read, inferred again and shown.
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let modified = std::fs::metadata(&files[0]).unwrap().modified().unwrap();
    let marker = "Zanzibar";
    let at = text.find("the").expect("a word to replace");
    let edited = format!("{}{}{}", &text[..at], &marker[..3], &text[at + 3..]);
    assert_eq!(edited.len(), text.len());
    std::fs::write(&files[0], &edited).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&files[0])
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let third = site.build();
    assert_eq!((third.read, third.inferred), (1, 1));
    // The article's page shows its text (articles.json gives no words of it by default).
    let shown = site
        .html_files()
        .iter()
        .filter(|p| p.starts_with("articles"))
        .any(|p| site.page(&p.to_string_lossy()).contains("Zan"));
    assert!(shown, "the rewritten text is built");
}

#[cfg(unix)]
#[test]
fn an_article_moved_along_the_timeline_leaves_the_pages_it_passes() {
    // Twelve wires a day apart. The first is redated past all the others: every article's
    // position shifts by one, but the pages of those that keep their neighbours show the
    // same things and are linked from the previous output, not rendered again.
    let site = TestSite::empty();
    let places = [
        "Tokyo", "Moscow", "Beijing", "Seoul", "Berlin", "Paris", "Rome", "Madrid", "Oslo",
        "Vienna", "Lisbon", "Dublin",
    ];
    let wire = |place: &str, day: usize| {
        format!(
            "Harbour Talks In {place}\n\n{}, March {day} 2017 (Reuters) - Port officials in {place} met on Tuesday to discuss dredging.\n\nNo further details were given.\n",
            place.to_uppercase()
        )
    };
    for (k, place) in places.iter().enumerate() {
        site.write(&format!("content/wire-{k:02}.txt"), &wire(place, k + 1));
    }
    site.build();
    let inode = |place: &str| {
        let page = site.public().join(format!(
            "articles/harbour-talks-in-{}/index.html",
            place.to_lowercase()
        ));
        std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&page).unwrap())
    };
    let before: Vec<u64> = places.iter().map(|p| inode(p)).collect();
    site.write("content/wire-00.txt", &wire(places[0], 28));
    let report = site.build();
    assert_eq!(report.inferred, 1);
    // Tokyo moved; Moscow lost its predecessor, Dublin gained a successor; the pages of the
    // nine in between show what they showed.
    for k in 2..11 {
        assert_eq!(
            inode(places[k]),
            before[k],
            "the page of {} is reused",
            places[k]
        );
    }
    assert_ne!(
        inode(places[1]),
        before[1],
        "Moscow's page lost its previous link"
    );
}
