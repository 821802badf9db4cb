//! Watching a site's sources for `serve`: which folders are watched, which events count as a
//! change, and what a batch of changes requires.
//!
//! Only real changes count: created, modified (data or name), removed or renamed files. The
//! build's own reads of templates and articles (inotify's open and close-without-write events)
//! and metadata-only changes are ignored, as is everything outside the sources: the output,
//! the caches, hidden files, and the files editors write beside the one being saved (`~`
//! backups, `.#` locks, `.swp` swaps, `4913`-style probes, `#autosaves#`). The debouncer
//! (notify-debouncer-full) pairs a rename's two halves and drops duplicate events, so a
//! write-then-rename save arrives as one change to the saved file.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_full::notify::event::{EventKind, ModifyKind};
use notify_debouncer_full::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache, new_debouncer,
};

/// The folders of a site whose files are sources; watched recursively when they exist.
const SOURCE_DIRS: &[&str] = &["content", "themes", "templates", "static"];

/// How long the debouncer waits for a burst of events on a path to end.
const QUIET: Duration = Duration::from_millis(50);

/// What a batch of changes to the sources requires. Every part is done: a batch that edits a
/// template and an article re-renders with the new template *and* re-infers the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// `config.toml` changed: reload everything.
    pub config: bool,
    /// A template or static file changed: re-render without re-inferring.
    pub theme: bool,
    /// Article files (relative to `content/`) created, edited, removed or renamed.
    pub articles: Vec<PathBuf>,
}

impl Changes {
    /// Whether the batch changed anything at all.
    pub fn is_empty(&self) -> bool {
        !self.config && !self.theme && self.articles.is_empty()
    }

    /// One line for the log.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.config {
            parts.push("config: everything".to_string());
        }
        if self.theme {
            parts.push("templates: re-rendered".to_string());
        }
        if !self.articles.is_empty() {
            parts.push(format!("{} article(s) re-inferred", self.articles.len()));
        }
        parts.join(", ")
    }
}

/// A watcher over one site's sources. Folders created later (a first `templates/`) are watched
/// from the moment they appear.
pub struct SourceWatcher {
    root: PathBuf,
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    events: mpsc::Receiver<DebounceEventResult>,
    watched: Vec<PathBuf>,
}

impl SourceWatcher {
    /// Watches `root` (the site folder, canonical) itself for `config.toml` and new source
    /// folders, and each source folder that exists, recursively.
    pub fn new(root: &Path) -> notify_debouncer_full::notify::Result<SourceWatcher> {
        let (tx, events) = mpsc::channel();
        let mut debouncer = new_debouncer(QUIET, None, tx)?;
        debouncer.watch(root, RecursiveMode::NonRecursive)?;
        let mut watcher = SourceWatcher {
            root: root.to_path_buf(),
            debouncer,
            events,
            watched: Vec::new(),
        };
        watcher.watch_new_folders();
        Ok(watcher)
    }

    /// Blocks until the next batch that changes a source, and says what it requires. `None`
    /// when the watcher has stopped.
    pub fn next(&mut self) -> Option<Changes> {
        loop {
            let batch = self.events.recv().ok()?;
            let Ok(events) = batch else { continue };
            self.watch_new_folders();
            let changes = classify(&self.root, &events);
            if !changes.is_empty() {
                return Some(changes);
            }
        }
    }

    fn watch_new_folders(&mut self) {
        for name in SOURCE_DIRS {
            let dir = self.root.join(name);
            if dir.is_dir() && !self.watched.contains(&dir) {
                // A folder that cannot be watched is simply not live: the log said where the
                // site is, and a restart picks it up.
                if self.debouncer.watch(&dir, RecursiveMode::Recursive).is_ok() {
                    self.watched.push(dir);
                }
            }
        }
        self.watched.retain(|d| d.is_dir());
    }
}

/// Whether an event is a change to a file's content or name (not a read, not metadata only).
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Other => false,
    }
}

/// Whether a file name is one an editor writes beside the file being saved, or a hidden one.
pub fn is_editor_scratch(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || [
            ".swp",
            ".swx",
            ".swo",
            ".tmp",
            ".bak",
            ".orig",
            ".part",
            ".crdownload",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
        || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
}

/// What a batch of debounced events requires.
pub fn classify(root: &Path, events: &[DebouncedEvent]) -> Changes {
    let mut changes = Changes::default();
    for event in events.iter().filter(|e| is_change(&e.kind)) {
        for path in &event.paths {
            note_path(root, path, &mut changes);
        }
    }
    changes
}

/// Adds what a change to `path` requires to `changes`.
fn note_path(root: &Path, path: &Path, changes: &mut Changes) {
    let Ok(rel) = path.strip_prefix(root) else {
        return;
    };
    let scratch = rel
        .components()
        .any(|c| is_editor_scratch(&c.as_os_str().to_string_lossy()));
    if scratch {
        return;
    }
    if rel == Path::new("config.toml") {
        changes.config = true;
        return;
    }
    let Ok(inner) = rel.strip_prefix("content") else {
        if SOURCE_DIRS[1..].iter().any(|d| rel.starts_with(d)) {
            changes.theme = true;
        }
        return;
    };
    let article = inner
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| crate::read::EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    if article && !changes.articles.iter().any(|a| a == inner) {
        changes.articles.push(inner.to_path_buf());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify_debouncer_full::notify::Event;
    use notify_debouncer_full::notify::event::{
        AccessKind, AccessMode, CreateKind, DataChange, MetadataKind, RemoveKind, RenameMode,
    };
    use std::time::Instant;

    fn event(kind: EventKind, paths: &[&str]) -> DebouncedEvent {
        let mut e = Event::new(kind);
        for p in paths {
            e = e.add_path(PathBuf::from(p));
        }
        DebouncedEvent::new(e, Instant::now())
    }

    fn write(path: &str) -> DebouncedEvent {
        event(
            EventKind::Modify(ModifyKind::Data(DataChange::Content)),
            &[path],
        )
    }

    const ROOT: &str = "/site";

    fn articles(paths: &[&str]) -> Vec<PathBuf> {
        paths.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn the_builds_own_reads_are_not_changes() {
        let reads = [
            event(
                EventKind::Access(AccessKind::Open(AccessMode::Any)),
                &["/site/themes/default/templates/base.html"],
            ),
            event(
                EventKind::Access(AccessKind::Close(AccessMode::Read)),
                &["/site/content/a.txt"],
            ),
            event(
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
                &["/site/templates/article.html"],
            ),
        ];
        assert!(classify(Path::new(ROOT), &reads).is_empty());
    }

    #[test]
    fn a_template_and_an_article_saved_together_both_count() {
        let c = classify(
            Path::new(ROOT),
            &[
                write("/site/content/a.txt"),
                write("/site/themes/default/templates/base.html"),
            ],
        );
        assert!(c.theme);
        assert_eq!(c.articles, articles(&["a.txt"]));
        assert!(!c.config);
    }

    #[test]
    fn config_outputs_and_caches() {
        let c = classify(
            Path::new(ROOT),
            &[
                write("/site/config.toml"),
                write("/site/public/index.html"),
                write("/site/.communique-cache/infer/00.bin"),
                write("/site/content/image.png"),
            ],
        );
        assert_eq!(
            c,
            Changes {
                config: true,
                ..Changes::default()
            }
        );
    }

    #[test]
    fn an_editor_save_by_rename_is_one_change_to_the_saved_file() {
        // Write a temporary file, then rename it over the article (debouncer-full pairs the
        // rename's halves into one event with both paths).
        let c = classify(
            Path::new(ROOT),
            &[
                event(
                    EventKind::Create(CreateKind::File),
                    &["/site/content/.a.txt.swp"],
                ),
                event(EventKind::Create(CreateKind::File), &["/site/content/4913"]),
                event(EventKind::Remove(RemoveKind::File), &["/site/content/4913"]),
                write("/site/content/a.txt~"),
                write("/site/content/.#a.txt"),
                write("/site/content/#a.txt#"),
                event(
                    EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                    &["/site/content/a.txt.tmp", "/site/content/a.txt"],
                ),
                write("/site/content/a.txt"),
            ],
        );
        assert_eq!(c.articles, articles(&["a.txt"]));
        assert!(!c.theme && !c.config);
    }

    #[test]
    fn removed_and_renamed_articles_count_on_both_sides() {
        let c = classify(
            Path::new(ROOT),
            &[
                event(
                    EventKind::Remove(RemoveKind::File),
                    &["/site/content/gone.txt"],
                ),
                event(
                    EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                    &["/site/content/old.md", "/site/content/sub/new.MD"],
                ),
            ],
        );
        assert_eq!(c.articles, articles(&["gone.txt", "old.md", "sub/new.MD"]));
    }

    #[test]
    fn scratch_names() {
        for n in [
            ".a.swp",
            "a.txt~",
            "#a.txt#",
            ".#a.txt",
            "4913",
            "a.txt.part",
        ] {
            assert!(is_editor_scratch(n), "{n}");
        }
        for n in ["a.txt", "2019.txt", "base.html", "style.css"] {
            assert!(!is_editor_scratch(n), "{n}");
        }
    }
}
