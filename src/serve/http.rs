//! The HTTP side of `serve`, on axum and tower-http: the built site through `ServeDir`
//! (content types, `HEAD`, `ETag`/`Last-Modified` and 304s, no path outside the output), the
//! build state as JSON, and reload and error events over server-sent events.

use std::convert::Infallible;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::handler::Handler;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::watch;
use tokio_stream::Stream;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use super::{EVENTS_PATH, NO_SITE, RELOAD_SCRIPT, STATUS_PATH};

/// The state of the served site: the build count and the last build's error, if it failed.
#[derive(Debug, Clone, Default)]
pub struct BuildState {
    /// Incremented after every build, good or failed.
    pub version: u64,
    /// The failed build's message (the last good site is still served).
    pub error: Option<String>,
}

/// What the request handlers share: where the site is and the build state.
struct Served {
    out: PathBuf,
    state: watch::Receiver<BuildState>,
}

/// Tells the server, and every open page, how a build went.
pub struct Publisher(watch::Sender<BuildState>);

impl Publisher {
    /// Publishes a build's outcome: `None` reloads every open page, `Some` shows the error.
    pub fn publish(&self, error: Option<String>) {
        self.0.send_modify(|s| {
            s.version += 1;
            s.error = error;
        });
    }
}

/// Starts serving `out` on `listener` on a thread of its own (a small tokio runtime), and
/// returns the publisher of build outcomes. The thread ends with the process; on Ctrl-C it
/// removes `out` first.
pub fn start(listener: TcpListener, out: PathBuf) -> std::io::Result<Publisher> {
    let (tx, rx) = watch::channel(BuildState::default());
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("communique-serve")
        .enable_io()
        .enable_time()
        .build()?;
    let served = Arc::new(Served {
        out: out.clone(),
        state: rx,
    });
    std::thread::Builder::new()
        .name("communique-http".into())
        .spawn(move || {
            runtime.block_on(async move {
                let listener = match tokio::net::TcpListener::from_std(listener) {
                    Ok(l) => l,
                    Err(e) => {
                        eprintln!("cannot serve: {e}");
                        return;
                    }
                };
                let server = axum::serve(listener, app(served));
                tokio::select! {
                    result = server => if let Err(e) = result { eprintln!("the server stopped: {e}") },
                    _ = ctrl_c() => {
                        let _ = std::fs::remove_dir_all(&out);
                        std::process::exit(0);
                    }
                }
            })
        })?;
    Ok(Publisher(tx))
}

/// Resolves on Ctrl-C (never, where signals cannot be listened for).
async fn ctrl_c() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}

fn app(served: Arc<Served>) -> Router {
    let files = ServeDir::new(&served.out)
        .append_index_html_on_directories(true)
        .not_found_service(not_found.with_state(Arc::clone(&served)));
    Router::new()
        .route(EVENTS_PATH, get(events))
        .route(STATUS_PATH, get(status))
        .fallback_service(files)
        .layer(axum::middleware::map_response(with_charset))
        // Pages change under the browser at every save: always revalidate (a 304 is cheap).
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .with_state(served)
}

/// Declares UTF-8 on text responses (every file communique writes is UTF-8; `ServeDir`'s
/// types name no charset, and a browser would guess one for a `.txt` or `.json` file).
async fn with_charset(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let textual = kind.starts_with("text/")
        || kind.ends_with("/json")
        || kind.ends_with("/javascript")
        || kind.ends_with("/xml")
        || kind.ends_with("+xml");
    if textual && !kind.contains("charset") {
        if let Ok(v) = HeaderValue::from_str(&format!("{kind}; charset=utf-8")) {
            headers.insert(header::CONTENT_TYPE, v);
        }
    }
    response
}

/// The site's own 404 page, or, before any build succeeded, a page that waits for one.
async fn not_found(State(served): State<Arc<Served>>) -> Response {
    let body = tokio::fs::read(served.out.join("404.html"))
        .await
        .unwrap_or_else(|_| format!("{NO_SITE}{RELOAD_SCRIPT}").into_bytes());
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

async fn status(State(served): State<Arc<Served>>) -> Response {
    let state = served.state.borrow().clone();
    let body = serde_json::json!({ "version": state.version, "error": state.error });
    (
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// `reload` after each good build, `failed` with the message after a failed one; keep-alive
/// comments stop proxies from closing an idle stream.
async fn events(
    State(served): State<Arc<Served>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = WatchStream::from_changes(served.state.clone()).map(|state| {
        Ok(match state.error {
            Some(e) => Event::default()
                .event("failed")
                .data(serde_json::to_string(&e).unwrap_or_default()),
            None => Event::default()
                .event("reload")
                .data(state.version.to_string()),
        })
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}
