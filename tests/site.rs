//! End to end: the five seed texts become a timeline site whose pages show what a careful
//! reader infers from each (values from the project's gold file, copied here).

mod common;

use std::path::Path;

use common::{TestSite, links_of, text_of};

struct Gold {
    file: &'static str,
    title: &'static str,
    published: Option<(&'static str, &'static str)>,
    stated: (&'static str, &'static str),
    outlet: Option<&'static str>,
    agency: Option<&'static str>,
    speakers: &'static [&'static str],
    topics: &'static [&'static str],
}

/// From seeds-gold.toml: (ISO date, as the page shows it).
const GOLD: &[Gold] = &[
    Gold {
        file: "000_bb0cd01395c66a6d",
        title: "",
        published: Some(("2020-09-01", "Tuesday, 1 September 2020")),
        stated: ("2020-09-01", "Tuesday, 1 September 2020"),
        outlet: Some("TASS"),
        agency: Some("TASS"),
        speakers: &["Sergey Lavrov"],
        topics: &[
            "US-Japan alliance",
            "Kuril Islands",
            "Economic cooperation",
            "Sanctions",
            "Security dialogue",
        ],
    },
    Gold {
        file: "001_2137f8a269427b0b",
        title: "Japan's Pro-US Stance Stands in the Way of Developing Relations with Russia, Says Lavrov",
        published: Some(("2019-02-22", "Friday, 22 February 2019")),
        stated: ("2019-02-21", "Thursday, 21 February 2019"),
        outlet: None,
        agency: Some("TASS"),
        speakers: &["Sergey Lavrov"],
        topics: &["US-Japan alliance", "Kuril Islands", "Economic cooperation"],
    },
    Gold {
        file: "002_4880c129a00f1001",
        title: "Russia calls for increased efforts to bring ties with Japan to new level",
        published: Some(("2019-01-14", "Monday, 14 January 2019")),
        stated: ("2019-01-14", "Monday, 14 January 2019"),
        outlet: Some("TASS"),
        agency: Some("TASS"),
        speakers: &["Sergey Lavrov", "Taro Kono"],
        topics: &["Peace treaty", "Economic cooperation", "Security dialogue"],
    },
    Gold {
        file: "003_b7eeda2ccdf38b88",
        title: "Lavrov Says Japan Promised Russia to Address Concerns Over Its Military Alliance With US",
        published: None,
        stated: ("2019-11-23", "Saturday, 23 November 2019"),
        outlet: None,
        agency: None,
        speakers: &["Sergey Lavrov"],
        topics: &["US-Japan alliance", "Missile defense", "Security dialogue"],
    },
    Gold {
        file: "004_c55b87f14b48e8b5",
        title: "Lavrov sees Japan-US defense cooperation as obstacle to Tokyo-Moscow ties",
        published: Some(("2018-03-17", "Saturday, 17 March 2018")),
        stated: ("2018-03-15", "Thursday, 15 March 2018"),
        outlet: Some("The Daily Manila Shimbun"),
        agency: Some("Jiji Press"),
        speakers: &["Sergey Lavrov"],
        topics: &[
            "US-Japan alliance",
            "Missile defense",
            "Kuril Islands",
            "Peace treaty",
            "Economic cooperation",
        ],
    },
];

/// The article page whose "How this was inferred" panel names this source file.
fn page_of(site: &TestSite, file: &str) -> (String, String) {
    for rel in site.html_files() {
        if !rel.starts_with("articles") {
            continue;
        }
        let html = site.page(rel.to_str().unwrap());
        if html.contains(&format!("{file}.txt")) {
            return (rel.to_string_lossy().into_owned(), html);
        }
    }
    panic!("no article page for {file}");
}

#[test]
fn the_seeds_build_into_five_article_pages_with_their_facts() {
    let site = TestSite::seeds();
    let report = site.build();
    assert_eq!(report.articles, 5);
    let pages: Vec<_> = site
        .html_files()
        .into_iter()
        .filter(|p| p.starts_with("articles"))
        .collect();
    assert_eq!(pages.len(), 5, "{pages:?}");
    for gold in GOLD {
        let (_, html) = page_of(&site, gold.file);
        let all = text_of(&html);
        // The summary at the top of the page, before the evidence panels.
        let text = all.split("How this date was inferred").next().unwrap();
        if !gold.title.is_empty() {
            assert!(
                text.contains(gold.title),
                "{}: title {:?} missing",
                gold.file,
                gold.title
            );
        }
        assert!(
            text.contains(&format!("Statement {}", gold.stated.1)),
            "{}: statement date {} missing",
            gold.file,
            gold.stated.1
        );
        match gold.published {
            Some((_, shown)) => assert!(
                text.contains(&format!("Published {shown}")),
                "{}: publication date {shown} missing",
                gold.file
            ),
            None => assert!(
                text.contains("Published not stated in the text"),
                "{}: publication must be unknown",
                gold.file
            ),
        }
        match gold.outlet {
            Some(o) => assert!(
                text.contains(&format!("Outlet {o}")),
                "{}: outlet {o} missing",
                gold.file
            ),
            None => assert!(
                !text.contains("Outlet "),
                "{}: outlet must be unknown",
                gold.file
            ),
        }
        if let Some(a) = gold.agency {
            assert!(text.contains(a), "{}: agency {a} missing", gold.file);
        }
        for s in gold.speakers {
            assert!(
                text.contains("Speakers") && text.contains(s),
                "{}: speaker {s} missing",
                gold.file
            );
        }
    }
}

#[test]
fn the_seed_without_a_headline_gets_one_from_its_lead_not_its_date_line() {
    let site = TestSite::seeds();
    site.build();
    let (_, html) = page_of(&site, "000_bb0cd01395c66a6d");
    let h1 = html
        .split("<h1>")
        .nth(1)
        .unwrap()
        .split("</h1>")
        .next()
        .unwrap();
    assert!(!h1.contains("date 2020"), "{h1}");
    assert!(h1.len() < 140 && h1.starts_with("Russia"), "{h1}");
}

#[test]
fn the_timeline_is_in_statement_order() {
    let site = TestSite::seeds();
    site.build();
    let index = site.page("index.html");
    let position = |file: &str| {
        let (rel, _) = page_of(&site, file);
        index
            .find(&rel)
            .unwrap_or_else(|| panic!("{rel} not on the timeline"))
    };
    let order = [
        "004_c55b87f14b48e8b5",
        "002_4880c129a00f1001",
        "001_2137f8a269427b0b",
        "003_b7eeda2ccdf38b88",
        "000_bb0cd01395c66a6d",
    ];
    let positions: Vec<usize> = order.iter().map(|f| position(f)).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(
        positions, sorted,
        "timeline order should be 004, 002, 001, 003, 000"
    );
}

#[test]
fn topic_pages_list_the_articles_filed_under_them() {
    let site = TestSite::seeds();
    site.build();
    for gold in GOLD {
        let (rel, _) = page_of(&site, gold.file);
        for topic in gold.topics {
            let slug = communique::slug::slugify(topic);
            let page = site.page(&format!("topics/{slug}/index.html"));
            let slug_dir = Path::new(&rel)
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_str()
                .unwrap();
            assert!(
                page.contains(slug_dir),
                "{}: not listed under {topic}",
                gold.file
            );
        }
    }
    assert!(text_of(&site.page("topics/index.html")).contains("Peace treaty"));
}

#[test]
fn repeated_text_shows_once_and_cruft_never_shows() {
    let site = TestSite::seeds();
    site.build();
    let (_, html) = page_of(&site, "003_b7eeda2ccdf38b88");
    let text = text_of(&html);
    let body = text.split("How this date was inferred").nth(1).unwrap();
    assert_eq!(
        body.matches("Japan and South Korea, however, have told Moscow")
            .count(),
        1
    );
    let cruft = [
        "All news",
        "Kaynak/Source",
        "(esn)",
        "A A A",
        "Alexander Shcherbak/TASS",
        "---",
    ];
    for rel in site.html_files() {
        let text = text_of(&site.page(rel.to_str().unwrap()));
        for c in cruft {
            assert!(!text.contains(c), "{rel:?} shows cruft {c:?}");
        }
    }
    let (_, html) = page_of(&site, "002_4880c129a00f1001");
    let body = text_of(&html);
    let body = body.split("How this date was inferred").nth(1).unwrap();
    assert!(!body.contains("© "), "photo credit shown");
    let (_, html) = page_of(&site, "004_c55b87f14b48e8b5");
    let body = text_of(&html);
    let body = body
        .split("How this date was inferred")
        .nth(1)
        .unwrap()
        .split("How this was inferred")
        .next()
        .unwrap();
    assert!(body.contains("suggesting that Russia is looking for big projects."));
    assert!(
        !body.contains("big projects. Jiji Press"),
        "closing credit shown as body text"
    );
}

#[test]
fn every_internal_link_and_asset_resolves() {
    let site = TestSite::seeds();
    site.build();
    let public = site.public();
    for rel in site.html_files() {
        if rel == Path::new("404.html") {
            continue; // served at any path: links from the base URL
        }
        let html = site.page(rel.to_str().unwrap());
        let dir = public.join(&rel).parent().unwrap().to_path_buf();
        for link in links_of(&html) {
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with("mailto:")
                || link.starts_with('#')
            {
                continue;
            }
            let path = link.split('#').next().unwrap();
            let target = dir.join(path);
            assert!(
                target.is_file(),
                "{rel:?} links to {link}, which does not exist"
            );
        }
    }
}

#[test]
fn a_sub_path_base_url_is_used_for_canonical_urls_while_links_stay_relative() {
    let site = TestSite::seeds();
    site.write(
        "config.toml",
        "base_url = \"https://example.org/timeline/\"\n",
    );
    site.build();
    let index = site.page("index.html");
    assert!(
        index.contains("https://example.org/timeline/"),
        "canonical URL missing"
    );
    for link in links_of(&index) {
        assert!(
            !link.starts_with('/'),
            "absolute link {link} breaks under a sub-path"
        );
    }
    let atom = site.page("atom.xml");
    assert!(atom.contains("<link rel=\"self\" href=\"https://example.org/timeline/atom.xml\"/>"));
}

/// The articles of `articles.json`, each row as an object keyed by the head's `fields` (a
/// row may leave off its empty last fields).
fn exported_articles(site: &TestSite) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let json: serde_json::Value = serde_json::from_str(&site.page("articles.json")).unwrap();
    let fields = json["fields"].as_array().unwrap();
    json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let row = row.as_array().unwrap();
            assert!(row.len() <= fields.len(), "{row:?}");
            fields
                .iter()
                .zip(row)
                .map(|(f, v)| (f.as_str().unwrap().to_string(), v.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn articles_json_holds_every_fact() {
    let site = TestSite::seeds();
    site.build();
    let json: serde_json::Value = serde_json::from_str(&site.page("articles.json")).unwrap();
    assert_eq!(json["url"], "https://example.org/articles/{slug}/");
    assert_eq!(json["fact"][2], "rules");
    let articles = exported_articles(&site);
    assert_eq!(articles.len(), 5);
    for a in &articles {
        for key in [
            "id",
            "path",
            "slug",
            "title",
            "published",
            "stated",
            "outlet",
            "agency",
            "dateline",
            "speakers",
            "topics",
        ] {
            assert!(a.get(key).is_some(), "articles.json lacks {key}");
        }
        // By default the quotations' words and the lead, which repeat the text, are on the
        // pages only.
        assert!(a.get("quotes").is_none(), "{a:?}");
        assert!(a.get("summary").is_none(), "{a:?}");
        // A fact is [value, confidence, rules]: by default the evidence is its rules' names;
        // its words are on the article page.
        let rules = &a["stated"][2];
        assert!(rules[0].is_string(), "{rules}");
        // Confidence to two places.
        let c = a["stated"][1].as_f64().unwrap();
        assert!(format!("{c}").len() <= 4, "{c}");
    }
    // Outlets, people and topics are [id, name(, kind)].
    assert!(articles.iter().any(|a| {
        a["outlet"][0]
            .as_array()
            .is_some_and(|o| o.len() == 3 && o[1].is_string())
    }));
    assert!(articles.iter().any(|a| a["speakers"][0][0][1].is_string()));
}

/// The seeds' site built with a `config.toml` switch turned on (`export_quotes`).
fn seeds_with_switch_on(switch: &str) -> TestSite {
    let site = TestSite::seeds();
    let config = std::fs::read_to_string(site.root().join("config.toml")).unwrap();
    let on = config.replacen(&format!("{switch} = false"), &format!("{switch} = true"), 1);
    assert_ne!(on, config, "config.toml has no `{switch} = false`");
    site.write("config.toml", &on);
    site.build();
    site
}

#[test]
fn export_evidence_gives_the_words_of_the_evidence_in_articles_json() {
    let site = seeds_with_switch_on("export_evidence");
    for a in exported_articles(&site) {
        let evidence = &a["stated"][2][0];
        assert!(evidence["note"].is_string(), "{evidence}");
        assert!(evidence.get("quote").is_some(), "{evidence}");
    }
}

#[test]
fn export_quotes_gives_the_quotations_in_articles_json() {
    let site = seeds_with_switch_on("export_quotes");
    let articles = exported_articles(&site);
    let quotes: Vec<&serde_json::Value> = articles
        .iter()
        .flat_map(|a| a["quotes"].as_array().unwrap())
        .collect();
    assert!(!quotes.is_empty());
    for q in quotes {
        assert!(q["text"].is_string(), "{q}");
        assert!(q["rules"][0].is_string(), "{q}");
    }
}

#[test]
fn dates_placed_by_knowledge_show_the_knowledge_as_evidence() {
    let site = TestSite::seeds();
    site.build();
    let (_, html) = page_of(&site, "003_b7eeda2ccdf38b88");
    let text = text_of(&html);
    let panel = text.split("How this date was inferred").nth(1).unwrap();
    assert!(
        panel.contains("G20 Foreign Ministers' Meeting, Nagoya 2019"),
        "the meeting is named"
    );
    assert!(
        panel.contains("Toshimitsu Motegi was foreign minister from 2019-09-11"),
        "Motegi's tenure is named"
    );
    let (_, html) = page_of(&site, "002_4880c129a00f1001");
    let text = text_of(&html);
    assert!(text.contains("Taro Kono was Japan's foreign minister from 2017-08-03 to 2019-09-11"));
    assert!(text.contains("2019 is the only year"));
}

#[test]
fn sergei_and_sergey_lavrov_are_one_speaker_page() {
    let site = TestSite::seeds();
    site.build();
    let speakers: Vec<_> = std::fs::read_dir(site.public().join("speakers"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        speakers.iter().filter(|s| s.contains("lavrov")).count(),
        1,
        "{speakers:?}"
    );
    let page = text_of(&site.page("speakers/sergey-lavrov/index.html"));
    for title in [
        "Lavrov sees Japan-US defense cooperation",
        "Lavrov Says Japan Promised Russia",
    ] {
        assert!(page.contains(title), "{title} missing from Lavrov's page");
    }
    assert!(
        page.contains("Minister of Foreign Affairs"),
        "role from the knowledge base"
    );
}

#[test]
fn reports_of_one_statement_by_several_outlets_are_linked() {
    let site = TestSite::empty();
    let story = |outlet: &str, headline: &str| {
        format!(
            "{outlet}\n\n{headline}\n\nMarch 5, 2021\n\nMOSCOW - Russian Foreign Minister Sergey Lavrov said on Thursday that talks would go on.\n\n\"We are ready to continue the dialogue without preconditions,\" Lavrov said.\n"
        )
    };
    site.write(
        "content/a.txt",
        &story("The Japan Times", "Lavrov ready to continue dialogue"),
    );
    site.write(
        "content/b.txt",
        &story("The Moscow Times", "Russia open to talks, Lavrov says"),
    );
    site.write("content/c.txt", "Unrelated headline here\n\nMarch 5, 2021\n\nTOKYO - Japan said on Friday it would send an envoy.\n");
    site.build();
    let page = text_of(&site.page("articles/lavrov-ready-to-continue-dialogue/index.html"));
    let also = page.split("Also reported by").nth(1).expect("clustered");
    assert!(also.trim_start().starts_with("The Moscow Times"), "{also}");
    let other = text_of(&site.page("articles/unrelated-headline-here/index.html"));
    assert!(!other.contains("Also reported by"));
}

#[test]
fn export_text_gives_the_summary_and_the_timeline_events_text() {
    let site = seeds_with_switch_on("export_text");
    for a in exported_articles(&site) {
        assert!(
            a["summary"].as_str().is_some_and(|s| !s.is_empty()),
            "{a:?}"
        );
    }
    let timeline: serde_json::Value = serde_json::from_str(&site.page("timeline.json")).unwrap();
    let events = timeline["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        let text = e["text"]["text"].as_str().unwrap_or_default();
        assert!(
            text.starts_with("<blockquote>") || text.starts_with("<p>"),
            "{e}"
        );
    }
}
