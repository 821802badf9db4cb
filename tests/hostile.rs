//! Bad input never breaks the site or the reader: a corpus of hostile files, generated here,
//! builds; each bad file gets a warning naming it, every good file gets a page, nothing from a
//! text executes, `--strict` fails, a failed build leaves the output untouched, and the same
//! input gives the same bytes.

mod common;

use std::path::Path;
use std::process::Command;

use common::{TestSite, text_of};

const GOOD_BODY: &str = "said on Tuesday that the talks would continue next month, officials said.";

/// A small wire story with a distinctive marker word, so its page can be found.
fn story(marker: &str) -> String {
    format!(
        "Talks on {marker} continue\n\nTOKYO, March 3 (Kyodo) -- Japan's foreign minister {GOOD_BODY} The {marker} file is good.\n"
    )
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

/// Writes the hostile corpus; returns (bad files that must be warned about, good files'
/// markers that must get pages).
fn hostile_site() -> (TestSite, Vec<&'static str>, Vec<String>) {
    let site = TestSite::empty();
    let c = site.root().join("content");
    let w = |name: &str, bytes: &[u8]| {
        let p = c.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    };
    let mut good = Vec::new();
    let mut g = |name: &str, marker: &str, bytes: Vec<u8>| {
        w(name, &bytes);
        good.push(marker.to_string());
    };
    // Encodings and line ends.
    g(
        "utf8-bom.txt",
        "bomword",
        [b"\xef\xbb\xbf".as_slice(), story("bomword").as_bytes()].concat(),
    );
    g(
        "utf16le.txt",
        "sixteenle",
        utf16(&story("sixteenle"), false),
    );
    g("utf16be.txt", "sixteenbe", utf16(&story("sixteenbe"), true));
    g(
        "cp1252.txt",
        "cpword",
        encoding_rs::WINDOWS_1252
            .encode(&story("cpword").replace("Japan's", "Japan\u{2019}s"))
            .0
            .into_owned(),
    );
    g(
        "cp1251.txt",
        "cyrword",
        encoding_rs::WINDOWS_1251
            .encode(&format!(
                "{}Министр Лавров заявил во вторник.\n",
                story("cyrword")
            ))
            .0
            .into_owned(),
    );
    g(
        "koi8r.txt",
        "koiword",
        encoding_rs::KOI8_R
            .encode(&format!(
                "{}Министр иностранных дел заявил во вторник, что переговоры продолжатся.\n",
                story("koiword")
            ))
            .0
            .into_owned(),
    );
    g(
        "crlf.txt",
        "crlfword",
        story("crlfword").replace('\n', "\r\n").into_bytes(),
    );
    g(
        "cr.txt",
        "crword",
        story("crword").replace('\n', "\r").into_bytes(),
    );
    g(
        "controls.txt",
        "ctrlword",
        story("ctrlword")
            .replace("continue", "con\u{0}tin\u{7}ue")
            .into_bytes(),
    );
    g(
        "rtl.txt",
        "rtlword",
        format!(
            "{}\u{627}\u{644}\u{633}\u{644}\u{627}\u{645} \u{5e9}\u{5dc}\u{5d5}\u{5dd}\n",
            story("rtlword")
        )
        .into_bytes(),
    );
    g(
        "emoji.txt",
        "emojiword",
        format!(
            "{}Cafe\u{301} talks \u{1f91d}\u{1f3fd}.\n",
            story("emojiword")
        )
        .into_bytes(),
    );
    let mut invalid = story("badbytes").into_bytes();
    invalid.extend(b"\xff\xfe\xc3 broken sequence.\n");
    g("invalid-utf8.txt", "badbytes", invalid);
    g(
        "one-megabyte-line.txt",
        "longline",
        format!("{}{}\n", story("longline"), "word ".repeat(210_000)).into_bytes(),
    );
    g(
        "nested/deeper/still/deep.txt",
        "deepword",
        story("deepword").into_bytes(),
    );
    g(
        "name with spaces é.txt",
        "spaceword",
        story("spaceword").into_bytes(),
    );
    // Things that must not execute.
    g("script.txt", "scriptword", format!("<script>alert(1)</script> headline\n\nTOKYO - <img src=x onerror=alert(2)> {GOOD_BODY} scriptword.\n\njavascript:alert(3)\n").into_bytes());
    g("template.txt", "tplword", format!("Braces {{{{ config }}}} in {{% raw %}} text\n\nTOKYO - {{{{ site.title }}}} tplword {GOOD_BODY}\n").into_bytes());
    g("raw-html.md", "mdword", b"+++\ntitle = \"Raw HTML mdword\"\n+++\n<script>alert(4)</script>\n\n<div onmouseover=\"alert(5)\">hover</div>\n\n[click](javascript:alert(6)) and [ok](https://example.org/)\n".to_vec());
    g("slug-escape.md", "slugword", b"+++\ntitle = \"Slug slugword\"\nslug = \"../../../etc/passwd\"\n+++\nBody text here, said officials.\n".to_vec());
    g(
        "long-title.txt",
        "longtitle",
        format!(
            "{} longtitle\n\nTOKYO - {GOOD_BODY}\n",
            "Extraordinarily ".repeat(40)
        )
        .into_bytes(),
    );
    g(
        "symbol-title.txt",
        "symword",
        format!("¿¡…!?\n\nTOKYO - symword {GOOD_BODY}\n").into_bytes(),
    );
    g(
        "collide-a.txt",
        "collideone",
        "Same headline for two stories\n\nTOKYO - collideone said on Monday.\n"
            .as_bytes()
            .to_vec(),
    );
    g(
        "collide-b.txt",
        "collidetwo",
        "Same headline for two stories\n\nOSAKA - collidetwo said on Friday.\n"
            .as_bytes()
            .to_vec(),
    );
    g("good-md.md", "goodmd", b"+++\ntitle = \"A good goodmd article\"\ndate = 2021-04-05\n+++\nOfficials met on Monday.\n".to_vec());
    g(
        "malformed-front.md",
        "malformed",
        b"+++\ntitle = = \"broken\n+++\nmalformed body text, said the ministry on Monday.\n"
            .to_vec(),
    );
    g(
        "unclosed-front.md",
        "unclosed",
        b"+++\ntitle = \"never closed\"\nunclosed body text, said the ministry.\n".to_vec(),
    );
    g("duplicate-a.txt", "dupword", story("dupword").into_bytes());

    // Bad files.
    w("empty.txt", b"");
    w("blank.txt", "  \n\t\n\u{a0}\n".as_bytes());
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    w("binary.txt", &binary);
    w("huge.txt", &vec![b'a'; 50 * 1024 * 1024]);
    w("only-cruft.txt", b"All news\n\nA A A\n\n---\n");
    w("duplicate-b.txt", story("dupword").as_bytes());
    w("image.png", b"\x89PNG\r\n");
    // Binary files under article names: each is skipped with a warning, never a page of
    // decoded bytes. Each carries a word that would show on such a page.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR binpngword ".to_vec();
    png.extend(&binary);
    w("photo.txt", &png);
    w(
        "report.md",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Title (binpdfword) >> endobj\n",
    );
    w("archive.txt", b"PK\x03\x04\x14\0\x06\0binzipword.xml\0\0\0");
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0binelfword".to_vec();
    elf.extend(&binary);
    w("tool.md", &elf);
    w(".hidden.txt", b"hidden");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(c.join("missing-target.txt"), c.join("broken-link.txt"))
            .unwrap();
        std::fs::create_dir_all(c.join("loop")).unwrap();
        std::os::unix::fs::symlink(&c, c.join("loop/back")).unwrap();
    }
    let bad = vec![
        "empty.txt",
        "blank.txt",
        "binary.txt",
        "huge.txt",
        "only-cruft.txt",
        "duplicate-b.txt",
        "image.png",
        "photo.txt",
        "report.md",
        "archive.txt",
        "tool.md",
        "broken-link.txt",
        "loop/back",
        "malformed-front.md",
        "unclosed-front.md",
        "collide-b.txt",
        "invalid-utf8.txt",
        "cp1252.txt",
    ];
    (site, bad, good)
}

#[test]
fn a_hostile_corpus_builds_with_a_warning_for_each_bad_file() {
    let (site, bad, good) = hostile_site();
    let report = site.build();
    let warned: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| d.file.to_string_lossy().into_owned())
        .collect();
    for file in &bad {
        assert!(
            warned.iter().any(|w| w.ends_with(file)),
            "no warning for {file}: {:#?}",
            report.diagnostics
        );
    }
    assert!(
        !warned.iter().any(|w| w.contains(".hidden")),
        "hidden files are skipped silently"
    );

    // Every good file has a page.
    let pages: Vec<String> = site
        .html_files()
        .into_iter()
        .filter(|p| p.starts_with("articles"))
        .map(|p| site.page(p.to_str().unwrap()))
        .collect();
    for marker in &good {
        assert!(
            pages.iter().any(|p| p.contains(marker.as_str())),
            "no page for {marker}"
        );
    }
    assert!(
        pages.iter().any(|p| text_of(p).contains("Лавров")),
        "Windows-1251 text decoded"
    );
    assert!(
        pages
            .iter()
            .any(|p| text_of(p).contains("Japan\u{2019}s foreign minister")),
        "Windows-1252 decoded"
    );

    // No binary file became a page.
    for word in ["binpngword", "binpdfword", "binzipword", "binelfword"] {
        assert!(
            !pages.iter().any(|p| p.contains(word)),
            "a binary file with {word} was published"
        );
    }
    for (file, kind) in [
        ("photo.txt", "PNG"),
        ("report.md", "PDF"),
        ("tool.md", "ELF"),
    ] {
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.file.ends_with(file))
            .unwrap();
        assert!(
            d.to_string().contains(kind),
            "the warning for {file} names it a {kind}: {d}"
        );
    }

    // Nothing from a text executes, on any page.
    for rel in site.html_files() {
        let html = site.page(rel.to_str().unwrap()).to_lowercase();
        for tag in tags(&html) {
            let tag = tag.as_str();
            // Attribute names only: quoted values are text.
            let mut names = String::new();
            let mut quote = None;
            for c in tag.chars() {
                match (quote, c) {
                    (None, '"' | '\'') => quote = Some(c),
                    (Some(q), c) if c == q => quote = None,
                    (None, c) => names.push(c),
                    _ => {}
                }
            }
            let handler = names
                .split_whitespace()
                .skip(1)
                .any(|attr| attr.starts_with("on") && attr.contains('='));
            assert!(!handler, "{rel:?} has an event handler in <{tag}>");
            assert!(
                !tag.contains("href=javascript:") && !tag.contains("href=\"javascript:"),
                "{rel:?} has a script URL in <{tag}>"
            );
            if tag.starts_with("script") {
                assert!(tag.contains("src="), "{rel:?} has an inline script");
            }
            assert!(
                !tag.starts_with("img src=x"),
                "{rel:?} has an image from a text"
            );
        }
    }
    // Template syntax in a text is shown as text.
    assert!(
        pages
            .iter()
            .any(|p| text_of(p).contains("{{ site.title }} tplword"))
    );

    // Slugs stay inside the output folder; every path is ASCII lower-case.
    for entry in walkdir::WalkDir::new(site.public()).into_iter().flatten() {
        let rel = entry
            .path()
            .strip_prefix(site.public())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            rel.is_ascii() && !rel.contains(".."),
            "odd output path {rel}"
        );
    }
    assert!(!site.root().join("etc").exists());
    assert!(
        site.public()
            .join("articles/etc-passwd/index.html")
            .is_file()
    );
}

#[test]
fn strict_turns_warnings_into_failure() {
    let (site, _, _) = hostile_site();
    let run = |strict: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_communique"));
        cmd.args(["--root", site.root().to_str().unwrap(), "--quiet", "build"]);
        if strict {
            cmd.arg("--strict");
        }
        cmd.status().unwrap()
    };
    assert!(run(false).success(), "warnings alone do not fail a build");
    assert!(!run(true).success(), "--strict fails on warnings");
}

/// The tags of an HTML document as a browser tokenises them: quoted attribute values and the
/// text of `<title>` (plain text to a browser) are not tags.
fn tags(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<'
            && b.get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/')
        {
            let start = i + 1;
            let mut quote = None;
            i += 1;
            while i < b.len() {
                match (quote, b[i]) {
                    (None, b'"' | b'\'') => quote = Some(b[i]),
                    (Some(q), c) if c == q => quote = None,
                    (None, b'>') => break,
                    _ => {}
                }
                i += 1;
            }
            let tag = html[start..i.min(b.len())].to_string();
            if tag.starts_with("title") {
                i = html[i..].find("</title").map_or(b.len(), |j| i + j);
            }
            out.push(tag);
        }
        i += 1;
    }
    out
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_template_error_leaves_the_previous_output_untouched() {
    let site = TestSite::seeds();
    site.build();
    let before = snapshot(&site.public());
    site.write("templates/index.html", "{% extends \"base.html\" %}{% block content %}{{ missing_function() }}{% endblock content %}");
    let report = communique::site::build(&site.options());
    assert!(!report.ok, "the broken template fails the build");
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("index.html")),
        "{:?}",
        report.diagnostics
    );
    assert_eq!(
        snapshot(&site.public()),
        before,
        "public/ changed after a failed build"
    );
    let leftovers = site.leftovers();
    assert!(leftovers.is_empty(), "staging folders left behind");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    // Two separate copies, so that nothing is reused from a previous build.
    let (a, b) = (TestSite::seeds(), TestSite::seeds());
    a.build();
    b.build();
    assert_eq!(snapshot(&a.public()), snapshot(&b.public()));
    // A build that finds nothing changed leaves the output as it was, and says so.
    let second = a.build();
    assert!(second.up_to_date);
    assert_eq!(snapshot(&a.public()), snapshot(&b.public()));
    // Any change renders again: an article, the config, a template.
    a.write(
        "content/new.txt",
        "A new headline here\n\nTOKYO - Officials said on Monday that talks went on.\n",
    );
    assert!(!a.build().up_to_date);
    a.write("config.toml", "title = \"Another title\"\n");
    assert!(!a.build().up_to_date);
    a.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}gone{% endblock content %}",
    );
    assert!(!a.build().up_to_date);
    assert!(a.build().up_to_date);
}

#[test]
fn a_build_that_finds_nothing_changed_tells_the_same_warnings_again() {
    // The second build skips inference and rendering; the warnings of the first (a duplicate
    // text, a shared headline) must not vanish with them.
    let site = TestSite::seeds();
    let wire = "Talks resume in Oslo\n\nOSLO, March 3 2017 (Reuters) - The foreign minister said on Monday that talks would continue.\n";
    site.write("content/oslo.txt", wire);
    site.write("content/oslo-copy.txt", wire);
    site.write(
        "content/oslo-again.txt",
        "Talks resume in Oslo\n\nOSLO, March 9 2017 (Kyodo) -- Officials said on Thursday that the talks went on.\n",
    );
    let first = site.build();
    assert!(first.ok && !first.up_to_date);
    assert!(
        first.diagnostics.len() >= 2,
        "a copy and a shared URL: {:?}",
        first.diagnostics
    );
    let second = site.build();
    assert!(second.up_to_date);
    assert_eq!(second.diagnostics, first.diagnostics);
    assert_eq!(
        (second.found, second.articles, second.skipped),
        (first.found, first.articles, first.skipped)
    );
}

#[test]
fn an_output_dir_over_the_sources_is_refused() {
    let site = TestSite::seeds();
    site.write("config.toml", "output_dir = \"content\"\n");
    let report = communique::site::build(&site.options());
    assert!(!report.ok);
    assert!(
        site.root()
            .join("content/000_bb0cd01395c66a6d.txt")
            .is_file()
    );
}

#[test]
fn a_missing_theme_lists_the_themes_present() {
    let site = TestSite::seeds();
    std::fs::create_dir_all(site.root().join("themes/mine/templates")).unwrap();
    site.write("config.toml", "theme = \"nonexistent\"\n");
    let report = communique::site::build(&site.options());
    assert!(!report.ok);
    let message = report
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect::<String>();
    assert!(
        message.contains("nonexistent") && message.contains("mine"),
        "{message}"
    );
}

#[test]
fn a_config_typo_names_the_line_and_the_key_meant() {
    let site = TestSite::seeds();
    site.write("config.toml", "title = \"x\"\n\nminfy = false\n");
    let report = communique::site::build(&site.options());
    assert!(!report.ok);
    let message = report.diagnostics[0].to_string();
    assert!(
        message.contains(":3:") && message.contains("`minify`"),
        "{message}"
    );
}
