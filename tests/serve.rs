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
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
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
    let child = Command::new(env!("CARGO_BIN_EXE_communique"))
        .args([
            "--root",
            site.root().to_str().unwrap(),
            "serve",
            "--port",
            "0",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let mut lines = BufReader::new(server.0.stdout.take().unwrap()).lines();
    let port: u16 = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .split('/')
                .next()
                .unwrap()
                .parse()
                .unwrap();
        }
    };
    // Keep reading the log so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});

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
    let page = "/articles/lavrov-sees-japan-us-defense-cooperation-as-obstacle-to-tokyo-moscow-ties/index.html";
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
