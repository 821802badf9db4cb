//! Visual themes: Tera template sets in `themes/<name>/`, chosen in `config.toml`.
//!
//! Lookup order, as in Zola: the site's own `templates/` first, then each configured theme in
//! order, then the built-in default theme compiled into the binary. A theme's template stays
//! reachable as `<theme>/<name>` so a site template can extend it block by block.

use std::path::{Path, PathBuf};

use tera::Tera;

use crate::diagnostics::Diagnostic;

/// The default theme's files, compiled in so a site without a `themes/` folder still builds.
pub const BUILTIN_THEME: &[(&str, &str)] = &[
    (
        "templates/base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "templates/index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "templates/year.html",
        include_str!("../../themes/default/templates/year.html"),
    ),
    (
        "templates/article.html",
        include_str!("../../themes/default/templates/article.html"),
    ),
    (
        "templates/topics.html",
        include_str!("../../themes/default/templates/topics.html"),
    ),
    (
        "templates/topic.html",
        include_str!("../../themes/default/templates/topic.html"),
    ),
    (
        "templates/speakers.html",
        include_str!("../../themes/default/templates/speakers.html"),
    ),
    (
        "templates/speaker.html",
        include_str!("../../themes/default/templates/speaker.html"),
    ),
    (
        "templates/sources.html",
        include_str!("../../themes/default/templates/sources.html"),
    ),
    (
        "templates/source.html",
        include_str!("../../themes/default/templates/source.html"),
    ),
    (
        "templates/statements.html",
        include_str!("../../themes/default/templates/statements.html"),
    ),
    (
        "templates/404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "templates/partials/entry.html",
        include_str!("../../themes/default/templates/partials/entry.html"),
    ),
    (
        "templates/partials/timeline.html",
        include_str!("../../themes/default/templates/partials/timeline.html"),
    ),
    (
        "static/style.css",
        include_str!("../../themes/default/static/style.css"),
    ),
    (
        "theme.toml",
        include_str!("../../themes/default/theme.toml"),
    ),
];

/// The templates every theme must provide (alone or through the themes after it).
pub const REQUIRED: &[&str] = &[
    "index.html",
    "year.html",
    "article.html",
    "topics.html",
    "topic.html",
    "speakers.html",
    "speaker.html",
    "sources.html",
    "source.html",
    "statements.html",
    "404.html",
];

/// A loaded theme chain: parsed templates and the static files to copy.
pub struct Theme {
    /// The templates, parsed once.
    pub tera: Tera,
    /// Static files: (path under `static/`, where to read it), later entries override earlier.
    pub statics: Vec<(PathBuf, StaticSource)>,
}

/// Where a static file comes from.
#[derive(Debug, Clone)]
pub enum StaticSource {
    /// A file on disk.
    File(PathBuf),
    /// A built-in file.
    Builtin(&'static str),
}

/// Loads the site's templates and the theme chain named in the config.
pub fn load_theme(root: &Path, themes: &[String]) -> Result<Theme, Vec<Diagnostic>> {
    let mut templates: Vec<(String, String)> = Vec::new();
    let mut statics: Vec<(PathBuf, StaticSource)> = Vec::new();
    let mut problems = Vec::new();
    let mut prefixes: Vec<String> = Vec::new();
    let themes_dir = root.join("themes");

    // Built-in default last: it fills whatever the chain lacks.
    let mut chain: Vec<String> = themes.to_vec();
    if !chain.iter().any(|t| t == "default") {
        chain.push("default".into());
    }
    for name in &chain {
        let dir = themes_dir.join(name);
        prefixes.push(format!("{name}/"));
        if dir.is_dir() {
            collect_dir(
                &dir.join("templates"),
                &format!("{name}/"),
                &mut templates,
                &mut problems,
            );
        } else if name == "default" {
            for (path, text) in BUILTIN_THEME {
                if let Some(t) = path.strip_prefix("templates/") {
                    templates.push((format!("default/{t}"), text.to_string()));
                }
            }
        } else {
            let present: Vec<String> = std::fs::read_dir(&themes_dir)
                .map(|rd| {
                    rd.flatten()
                        .filter(|e| e.path().is_dir())
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default();
            problems.push(Diagnostic::error(
                "config.toml",
                format!(
                    "theme {name:?} is not in themes/: the themes present are {}",
                    if present.is_empty() {
                        "none (only the built-in \"default\")".to_string()
                    } else {
                        present.join(", ")
                    }
                ),
            ));
        }
    }
    // Static files: lowest priority first, so later copies override.
    for name in chain.iter().rev() {
        let dir = themes_dir.join(name).join("static");
        if dir.is_dir() {
            collect_statics(&dir, &mut statics);
        } else if name == "default" && !themes_dir.join("default").is_dir() {
            for (path, text) in BUILTIN_THEME {
                if let Some(p) = path.strip_prefix("static/") {
                    statics.push((PathBuf::from(p), StaticSource::Builtin(text)));
                }
            }
        }
    }
    collect_statics(&root.join("static"), &mut statics);
    // The site's own templates: no prefix, so they win.
    collect_dir(&root.join("templates"), "", &mut templates, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    if let Err(e) = tera.set_fallback_prefixes(prefixes) {
        return Err(vec![Diagnostic::error("templates", e.to_string())]);
    }
    if let Err(e) = tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    {
        return Err(vec![template_error(root, &e)]);
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|t| !tera.contains_template(t))
        .collect();
    if !missing.is_empty() {
        return Err(vec![Diagnostic::error(
            "templates",
            format!(
                "the theme chain lacks {}: add them to a theme or to templates/",
                missing.join(", ")
            ),
        )]);
    }
    Ok(Theme { tera, statics })
}

/// A template error as a diagnostic naming the file the template came from.
pub fn template_error(root: &Path, e: &tera::Error) -> Diagnostic {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(&format!(": {s}"));
        source = s.source();
    }
    let _ = root;
    Diagnostic::error("templates", message)
}

fn collect_dir(
    dir: &Path,
    prefix: &str,
    out: &mut Vec<(String, String)>,
    problems: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        match std::fs::read_to_string(path) {
            Ok(text) => out.push((format!("{prefix}{rel}"), text)),
            Err(e) => problems.push(Diagnostic::error(
                path,
                format!("cannot read template: {e}"),
            )),
        }
    }
}

fn collect_statics(dir: &Path, out: &mut Vec<(PathBuf, StaticSource)>) {
    if !dir.is_dir() {
        return;
    }
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .to_path_buf();
            out.push((rel, StaticSource::File(entry.path().to_path_buf())));
        }
    }
}
