//! `communique serve` end to end: edit an article and see the page change and a reload event;
//! break a template and see the error reported while the last good page is still served; fix it.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TestSite;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn status(port: u16) -> serde_json::Value {
    serde_json::from_str(&get(port, "/__communique/status").1).unwrap()
}

/// Polls `condition` until it holds or 30 s pass.
fn wait_for(what: &str, mut condition: impl FnMut() -> bool) {
    let start = Instant::now();
    while !condition() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "gave up waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_rebuilds_reloads_and_reports_errors() {
    let site = TestSite::seeds();
    // The log is read on a thread of its own, so the server never blocks on a full pipe.
    let (_server, port, _log) = start(site.root());

    let (code, home) = get(port, "/");
    assert_eq!(code, 200);
    assert!(
        home.contains("/__communique/events"),
        "reload script injected while serving"
    );
    let (code, _) = get(port, "/../config.toml");
    assert_eq!(code, 404, "paths outside the site are not served");

    // Listen for reload events before editing.
    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        events,
        "GET /__communique/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let mut events = BufReader::new(events);
    let version = status(port)["version"].as_u64().unwrap();

    let article = site.root().join("content/004_c55b87f14b48e8b5.txt");
    let mut text = std::fs::read_to_string(&article).unwrap();
    text.push_str("\n\nThe talks ended with a statement on the Zanzibar marker, officials said.\n");
    std::fs::write(&article, &text).unwrap();
    wait_for("a rebuild after the edit", || {
        status(port)["version"].as_u64().unwrap() > version
    });
    let mut line = String::new();
    let mut saw_reload = false;
    while events.read_line(&mut line).unwrap_or(0) > 0 {
        if line.starts_with("event: reload") {
            saw_reload = true;
            break;
        }
        line.clear();
    }
    assert!(saw_reload, "a reload event was sent");
    let page = "/articles/lavrov-sees-japan-us-defense-cooperation/index.html";
    let (code, body) = get(port, page);
    assert_eq!(code, 200);
    assert!(
        body.contains("Zanzibar marker"),
        "the edited article page is served"
    );

    // A broken template: the error is reported, the last good page still served.
    site.write(
        "templates/article.html",
        "{% extends \"default/article.html\" %}{% block content %}{% if %}{% endblock content %}",
    );
    // The error as first seen: the watcher may report the write more than once, and a later
    // rebuild of the same broken template may be under way at the next look.
    let mut error = String::new();
    wait_for("the build error", || {
        error = status(port)["error"].as_str().unwrap_or("").to_string();
        !error.is_empty()
    });
    assert!(
        error.contains("article.html"),
        "the error names the template: {error}"
    );
    let (code, body) = get(port, page);
    assert_eq!(code, 200);
    assert!(body.contains("Zanzibar marker"));

    // Fixed: the error clears.
    std::fs::remove_file(site.root().join("templates/article.html")).unwrap();
    wait_for("the error to clear", || status(port)["error"].is_null());
    assert_eq!(get(port, page).0, 200);
}

/// Starts `serve` on `root`; returns the server, its port and its log lines as they come.
fn start(root: &std::path::Path) -> (Server, u16, std::sync::mpsc::Receiver<String>) {
    let child = Command::new(env!("CARGO_BIN_EXE_communique"))
        .args(["--root", root.to_str().unwrap(), "serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let mut lines = BufReader::new(server.0.stdout.take().unwrap()).lines();
    let port: u16 = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    (server, port, rx)
}

/// The repository's own site as `init` lays one out: content, config and themes in the folder.
fn own_site() -> TestSite {
    let site = TestSite::seeds();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in walkdir::WalkDir::new(repo.join("themes"))
        .into_iter()
        .flatten()
    {
        let rel = entry.path().strip_prefix(repo).unwrap();
        let dest = site.root().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
    site
}

fn article_page(port: u16, marker: &str) -> bool {
    let (_, home) = get(port, "/");
    home.contains(marker)
}

#[test]
fn serve_on_a_site_with_its_themes_is_quiet_and_applies_every_edit() {
    let site = own_site();
    let (_server, port, log) = start(site.root());
    assert_eq!(get(port, "/").0, 200);

    // Idle: the build reads templates and articles; none of that is a change.
    std::thread::sleep(Duration::from_millis(1500));
    let idle: Vec<String> = log
        .try_iter()
        .filter(|l| l.starts_with("Rebuilt"))
        .collect();
    assert!(idle.is_empty(), "rebuilt with no edit: {idle:?}");
    let version = status(port)["version"].as_u64().unwrap();
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(status(port)["version"].as_u64().unwrap(), version);

    // An article edit shows within 2 s.
    let article = site.root().join("content/004_c55b87f14b48e8b5.txt");
    let original = std::fs::read_to_string(&article).unwrap();
    let page = "/articles/lavrov-sees-japan-us-defense-cooperation/";
    std::fs::write(
        &article,
        format!("{original}\n\nOfficials named the Quokka marker.\n"),
    )
    .unwrap();
    let t = Instant::now();
    wait_for("the edit", || get(port, page).1.contains("Quokka marker"));
    assert!(
        t.elapsed() < Duration::from_secs(2),
        "edit took {:?}",
        t.elapsed()
    );

    // A template and an article saved together: both show.
    let footer = site.root().join("themes/default/templates/base.html");
    let base = std::fs::read_to_string(&footer).unwrap();
    assert!(base.contains("</body>"));
    std::fs::write(
        &footer,
        base.replace("</body>", "<p>Wombat footer</p></body>"),
    )
    .unwrap();
    std::fs::write(
        &article,
        format!("{original}\n\nOfficials named the Numbat marker.\n"),
    )
    .unwrap();
    wait_for("template and article", || {
        let (_, body) = get(port, page);
        body.contains("Wombat footer") && body.contains("Numbat marker")
    });

    // An editor-style save: a temporary file renamed over the article, picked up once.
    // Let the previous saves' rebuilds finish (the two writes may come in two batches).
    while log.recv_timeout(Duration::from_millis(600)).is_ok() {}
    let tmp = site.root().join("content/.004.txt.tmp");
    std::fs::write(
        &tmp,
        format!("{original}\n\nOfficials named the Bilby marker.\n"),
    )
    .unwrap();
    std::fs::rename(&tmp, &article).unwrap();
    wait_for("the renamed save", || {
        get(port, page).1.contains("Bilby marker")
    });
    std::thread::sleep(Duration::from_millis(800));
    let rebuilds = log.try_iter().filter(|l| l.starts_with("Rebuilt")).count();
    assert_eq!(rebuilds, 1, "one save, one rebuild");

    // A deleted article leaves the site; a new one joins it.
    std::fs::remove_file(&article).unwrap();
    wait_for("the deleted page to go", || get(port, page).0 == 404);
    site.write(
        "content/new-story.txt",
        "Envoys agree to resume Dugong talks\n\nTOKYO, March 3 (Kyodo) -- Japan's foreign minister said on Tuesday that the Dugong talks would resume.\n",
    );
    wait_for("the new article", || article_page(port, "Dugong"));

    // Many clients at once.
    let clients: Vec<_> = (0..50)
        .map(|_| std::thread::spawn(move || get(port, "/").0))
        .collect();
    for c in clients {
        assert_eq!(c.join().unwrap(), 200);
    }
}

#[test]
fn served_files_have_types_validators_and_stay_inside_the_site() {
    let site = TestSite::seeds();
    let (_server, port, _log) = start(site.root());
    let head = |path: &str, extra: &str| -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "HEAD {path} HTTP/1.1\r\nHost: localhost\r\n{extra}Connection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response.to_lowercase()
    };
    let home = head("/", "");
    assert!(home.starts_with("http/1.1 200"), "{home}");
    assert!(
        home.contains("content-type: text/html; charset=utf-8"),
        "{home}"
    );
    let etag = home
        .lines()
        .find_map(|l| l.strip_prefix("etag: "))
        .expect("an etag")
        .trim()
        .to_string();
    let again = head("/", &format!("If-None-Match: {etag}\r\n"));
    assert!(again.starts_with("http/1.1 304"), "{again}");
    assert!(head("/atom.xml", "").contains("charset=utf-8"));
    for outside in [
        "/../config.toml",
        "/%2e%2e/config.toml",
        "/..%2fconfig.toml",
    ] {
        assert_eq!(get(port, outside).0, 404, "{outside}");
    }
}
